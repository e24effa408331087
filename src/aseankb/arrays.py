"""Small numpy helpers shared by the stages that work on whole arrays (dedup, related).

numpy sorts values (one int64 or int32 per row) several times faster than it argsorts them
or lexsorts several keys: most helpers here pack the keys of a row, and its position when
ties must keep row order, into one integer and sort that.
"""

from __future__ import annotations

import numpy as np


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """np.unique by a sort: numpy's hash-based unique of integers is several times slower
    on the pair arrays of a 10,000-article corpus."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def bits(count: int) -> int:
    """Bits to hold the numbers 0 .. count-1."""
    return max(1, (max(count, 1) - 1).bit_length())


def run_starts(groups: np.ndarray) -> np.ndarray:
    """Where each run of equal values of `groups` starts (positions)."""
    if not len(groups):
        return np.zeros(0, dtype=np.intp)
    return np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])


def rank_in_run(groups: np.ndarray) -> np.ndarray:
    """Each row's position in its run of equal values of `groups` (0 for the first)."""
    starts = run_starts(groups)
    lengths = np.diff(np.r_[starts, len(groups)])
    return np.arange(len(groups)) - np.repeat(starts, lengths)


def first_k(groups: np.ndarray, k: int) -> np.ndarray:
    """Mask of the first `k` rows of each run of equal values in the sorted `groups`."""
    return rank_in_run(groups) < k


def group_ids(values: np.ndarray) -> np.ndarray:
    """np.unique(values, return_inverse=True)[1] for uint64 values, as int32. The values'
    top bits and the row share one uint64 that is value-sorted; if two different values
    share their top bits (they would interleave), a full argsort decides instead."""
    rows = len(values)
    if not rows:
        return np.zeros(0, dtype=np.int32)
    shift = np.uint64(bits(rows))
    packed = np.sort(((values >> shift) << shift) | np.arange(rows, dtype=np.uint64))
    order = (packed & np.uint64((1 << int(shift)) - 1)).astype(np.intp)
    ordered = np.take(values, order)
    first = np.r_[True, ordered[1:] != ordered[:-1]]
    high = packed >> shift
    if (first[1:] != (high[1:] != high[:-1])).any():
        order = np.argsort(values, kind="stable")
        ordered = values[order]
        first = np.r_[True, ordered[1:] != ordered[:-1]]
    ids = np.empty(rows, dtype=np.int32)
    ids[order] = np.cumsum(first, dtype=np.int32) - 1
    return ids


def quantized(value: np.ndarray) -> np.ndarray | None:
    """Non-negative values in units of 1e-9 as int64 (float noise must not decide a tie),
    or None when they do not fit."""
    scaled = np.rint(value * 1e9)
    if len(scaled) and not (scaled.min() >= 0 and scaled.max() < 2.0**62):
        return None
    return scaled.astype(np.int64)


def best_per_row(i: np.ndarray, value: np.ndarray, j: np.ndarray, k: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """For each i, the k pairs (i, j) of largest value, ties to the smaller j, in that order
    (i ascending). Values are compared to 1e-9, which lets (i, value, j) pack into one
    int64; a lexsort when it does not fit."""
    q = quantized(value)
    top = int(q.max()) if q is not None and len(q) else 0
    if q is not None and 2 * bits(n) + bits(top + 1) <= 63:
        packed = np.sort((i.astype(np.int64) << (bits(top + 1) + bits(n))) | ((top - q) << bits(n)) | j)
        i, j = packed >> (bits(top + 1) + bits(n)), packed & ((1 << bits(n)) - 1)
    else:
        order = np.lexsort((j, -np.rint(value * 1e9), i))
        i, j = i[order], j[order]
    best = first_k(i, k)
    return i[best], j[best]


def smallest_per_row(row: np.ndarray, key: np.ndarray, rows: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, key) of the k smallest keys of each row, in no particular order. `row` sorted,
    in 0 .. rows-1; keys distinct within a row and below 2**62 (2**62: not a candidate).
    Selected in a (rows, longest row) table by np.partition: no sort of all the keys."""
    if not len(row):
        return row, key
    starts = np.searchsorted(row, np.arange(rows + 1))
    width = max(int(np.diff(starts).max()), k)
    table = np.full(rows * width, np.int64(2**62), dtype=np.int64)
    # Row r's keys go to r * width + (position - starts[r]).
    table[np.arange(len(row)) + np.repeat(np.arange(rows) * width - starts[:-1], np.diff(starts))] = key
    table = table.reshape(rows, width)
    if width > k:
        table = np.partition(table, k - 1, axis=1)[:, :k]
    table = table.ravel()
    kept = table < 2**62
    return np.repeat(np.arange(rows), k)[kept], table[kept]
