"""Cosine of two articles' signatures, for a few hundred thousand pairs at once (numpy).

Each signature (at most TOP_TERMS term ids with their weights) is stored as a small hash
table without collisions: slot = (term * multiplier mod 2**32) >> (32 - SLOT_BITS), with
a multiplier chosen per article among a fixed list so that its terms land in distinct
slots. One lookup per (pair, term of i) then tells whether j holds that term, and with
which weight: no 12x12 comparison per pair, no probing.

The products are summed in the order of i's signature, starting from 0, the order in
which the former einsum over the 12x12 match matrix summed them: the same bits.
"""

from __future__ import annotations

import numpy as np

CHUNK = 30_000  # pairs looked up at once: (top, CHUNK) arrays stay in the cache
SLOT_BITS = 6  # 64 slots for 12 terms: a multiplier without collision in ~3 tries
TRIES = 64
MULTIPLIERS = np.array([(0x9E3779B1 + k * 0x6A09E667) & 0xFFFFFFFF | 1 for k in range(TRIES)], dtype=np.uint32)
EMPTY = 0xFFFFFFFF  # a free slot


def _slots(terms: np.ndarray, multiplier: np.ndarray, slot_bits: int) -> np.ndarray:
    return ((terms.astype(np.uint32) * multiplier) >> np.uint32(32 - slot_bits)).astype(np.int64)


def _multipliers(terms: np.ndarray, slot_bits: int) -> np.ndarray | None:
    """Per article, the index of the first multiplier that sends its terms to distinct
    slots; None if some article has none (a term twice: two words with the same hash)."""
    n, top = terms.shape
    choice = np.zeros(n, dtype=np.int64)
    pending = np.arange(n)
    for k in range(TRIES):
        slots = _slots(terms[pending], MULTIPLIERS[k], slot_bits)
        slots = np.sort(np.where(terms[pending] >= 0, slots, (1 << slot_bits) + np.arange(top)), axis=1)
        clash = (slots[:, 1:] == slots[:, :-1]).any(axis=1)  # padding (-1) is stored nowhere
        choice[pending] = k
        pending = pending[clash]
        if not len(pending):
            return choice
    return None


def cosine(i: np.ndarray, j: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Dot product of the signatures of each pair (i, j): (n, top) term ids (-1: none) and
    weights (signatures are unit vectors)."""
    n, top = terms.shape
    choice = _multipliers(terms, SLOT_BITS)
    if choice is None:
        return _cosine_compared(i, j, terms, weights)
    multiplier = MULTIPLIERS[choice]
    home = _slots(terms, multiplier[:, None], SLOT_BITS) + (np.arange(n, dtype=np.int64) << SLOT_BITS)[:, None]
    present = terms >= 0
    # Term ids as uint32: a missing term (-1) reads as EMPTY, where the weight is 0.
    table = np.full(n << SLOT_BITS, EMPTY, dtype=np.uint32)
    values = np.zeros(n << SLOT_BITS, dtype=np.float64)
    table[home[present]] = terms[present]
    values[home[present]] = weights[present]
    # Column-major (top, pairs) arrays: the sum over columns reads contiguous rows.
    cols, col_weights = np.ascontiguousarray(terms.T.astype(np.uint32)), np.ascontiguousarray(weights.T)
    out = np.empty(len(i), dtype=np.float64)
    for lo in range(0, len(i), CHUNK):
        a, b = i[lo:lo + CHUNK], j[lo:lo + CHUNK]
        mine = cols[:, a]
        where = ((mine * multiplier[b]) >> np.uint32(32 - SLOT_BITS)) + (b.astype(np.int64) << SLOT_BITS)
        found = np.take(values, where)
        found[np.take(table, where) != mine] = 0.0
        found *= col_weights[:, a]
        total = found[0].copy()
        for col in range(1, top):
            total += found[col]
        out[lo:lo + CHUNK] = total
    return out


def _cosine_compared(i: np.ndarray, j: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The same dot products by comparing every term of i with every term of j."""
    out = np.empty(len(i), dtype=np.float64)
    for lo in range(0, len(i), CHUNK):
        a, b = i[lo:lo + CHUNK], j[lo:lo + CHUNK]
        match = (terms[a][:, :, None] == terms[b][:, None, :]) & (terms[a][:, :, None] >= 0)
        out[lo:lo + CHUNK] = np.einsum("pk,pkl,pl->p", weights[a], match, weights[b])
    return out
