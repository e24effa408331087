"""Shared partners and domains for `related.py`, on whole arrays (numpy): the articles
near one another in a (partner, domain) bucket, and the overlap (Jaccard) of two articles'
partners or domains. Per-article Python work is one pass over each article's lists."""

from __future__ import annotations

from itertools import chain

import numpy as np

from ..arrays import bits


def id_lists(sets: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Each list's items as ids (by name order), all lists end to end, and each list's length."""
    names = list(chain.from_iterable(sets))
    ids = {x: k for k, x in enumerate(sorted(set(names)))}
    return (np.fromiter(map(ids.__getitem__, names), dtype=np.int64, count=len(names)),
            np.fromiter(map(len, sets), dtype=np.int64, count=len(sets)))


def _or_none(ids: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`id_lists` where an empty list holds one item of its own, -1 (no partner, no domain)."""
    empty = lengths == 0
    full = np.full(len(ids) + int(empty.sum()), -1, dtype=np.int64)
    full[np.arange(len(ids)) + np.repeat(np.cumsum(empty), lengths)] = ids
    return full, np.maximum(lengths, 1)


def buckets(partners: tuple[np.ndarray, np.ndarray], domains: tuple[np.ndarray, np.ndarray]
            ) -> tuple[np.ndarray, np.ndarray]:
    """(article, bucket) rows: one per (partner, domain) of each article (`id_lists`), where
    an article without partners or without domains counts as having one, 'none'."""
    (p_ids, p_len), (d_ids, d_len) = _or_none(*partners), _or_none(*domains)
    combos = p_len * d_len
    article = np.repeat(np.arange(len(p_len), dtype=np.int64), combos)
    rank = np.arange(len(article)) - np.repeat(np.cumsum(combos) - combos, combos)
    per = d_len[article]  # partner-major: rank = partner place * domains + domain place
    partner = p_ids[(np.cumsum(p_len) - p_len)[article] + rank // per]
    domain = d_ids[(np.cumsum(d_len) - d_len)[article] + rank % per]
    return article, (partner + 1) * (int(d_ids.max(initial=0)) + 2) + domain + 1


def bucket_neighbours(member: np.ndarray, bucket: np.ndarray, reach: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j): j within `reach` places of i in the list of one of i's buckets.
    (member, bucket) rows give each article's buckets; lists follow article order."""
    if not len(member):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    shift = bits(int(member.max()) + 1)
    packed = np.sort((bucket.astype(np.int64) << shift) | member)  # by bucket, then article order
    bucket, member = packed >> shift, packed & ((1 << shift) - 1)
    pairs_i, pairs_j = [], []
    for step in range(1, reach + 1):
        same = bucket[step:] == bucket[:-step] if len(bucket) > step else np.zeros(0, dtype=bool)
        a, b = member[:-step][same], member[step:][same]
        pairs_i += [a, b]
        pairs_j += [b, a]
    return np.concatenate(pairs_i), np.concatenate(pairs_j)


def bitmasks(ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each list of `id_lists` as a bit set: an (n, words) array of 64-bit words."""
    words = max(1, -(-(int(ids.max(initial=-1)) + 1) // 64))
    table = np.zeros((len(lengths), words * 64), dtype=bool)
    table[np.repeat(np.arange(len(lengths)), lengths), ids] = True
    return np.packbits(table, axis=1, bitorder="little").view("<u8").astype(np.uint64, copy=False)


def jaccard(masks: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Jaccard similarity of bit sets (0 when both are empty)."""
    if masks.shape[1] == 1:  # one word: no sum over words
        a, b = masks[:, 0][i], masks[:, 0][j]
        inter = np.bitwise_count(a & b).astype(np.float64)
        union = np.bitwise_count(a | b).astype(np.float64)
    else:
        inter = np.bitwise_count(masks[i] & masks[j]).sum(axis=1, dtype=np.int64).astype(np.float64)
        union = np.bitwise_count(masks[i] | masks[j]).sum(axis=1, dtype=np.int64).astype(np.float64)
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
