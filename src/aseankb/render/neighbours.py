"""The related-article computation of `related.py`, on whole arrays (numpy).

Same definition as before, computed in C loops instead of per-article Python loops: at
10,000 articles the Python version spent ~5 s (and most of a one-seed rebuild) here.
Every step is a sort or a segmented reduction whose ties are broken by article position
(newest first, then id) and by term spelling, so the result is deterministic.

Arrays: an "entry" is one (article, term) pair of the articles' `term_counts`; a "sig"
row is one of an article's TOP_TERMS signature terms; a "posting" is a sig row kept in
its term's list (the POSTING_MAX heaviest).
"""

from __future__ import annotations

import numpy as np

CHUNK = 200_000  # candidate pairs scored at once: bounds the memory of the 12x12 comparison
BLOCK = 1_000  # articles whose text candidates are computed at once (~500,000 pairs)


def first_k(groups: np.ndarray, k: int) -> np.ndarray:
    """Mask of the first `k` rows of each run of equal values in the sorted `groups`."""
    if not len(groups):
        return np.zeros(0, dtype=bool)
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    lengths = np.diff(np.r_[starts, len(groups)])
    rank = np.arange(len(groups)) - np.repeat(starts, lengths)
    return rank < k


def bits(count: int) -> int:
    """Bits to hold the numbers 0 .. count-1."""
    return max(1, (max(count, 1) - 1).bit_length())


def sort_rows(*columns: tuple[np.ndarray, int]) -> np.ndarray:
    """The row order that sorts by the columns (non-negative ints, each with its bit width),
    first column first, ties in row order. Packed into one int64 and value-sorted when it
    fits: numpy sorts values several times faster than it argsorts them."""
    rows = len(columns[0][0]) if columns else 0
    width = sum(b for _, b in columns) + bits(rows)
    if width > 63:
        return np.lexsort(tuple(c for c, _ in reversed(columns)))
    packed = np.zeros(rows, dtype=np.int64)
    for col, b in columns:
        packed = (packed << b) | col.astype(np.int64)
    packed = np.sort((packed << bits(rows)) | np.arange(rows, dtype=np.int64))
    return packed & ((1 << bits(rows)) - 1)


def best_per_row(i: np.ndarray, value: np.ndarray, j: np.ndarray, k: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """For each i, the k pairs (i, j) of largest value, ties to the smaller j. Values are
    compared to 1e-9 (float noise must not decide), which lets (i, value, j) pack into one
    int64 that numpy sorts fast; a lexsort when it does not fit."""
    scaled = np.rint(value * 1e9)
    packable = not len(scaled) or (scaled.min() >= 0 and scaled.max() < 2.0**62)
    q = scaled.astype(np.int64) if packable else scaled
    top = int(q.max()) if packable and len(q) else 0
    if packable and 2 * bits(n) + bits(top + 1) <= 63:
        packed = np.sort((i.astype(np.int64) << (bits(top + 1) + bits(n))) | ((top - q) << bits(n)) | j)
        i, j = packed >> (bits(top + 1) + bits(n)), packed & ((1 << bits(n)) - 1)
    else:
        order = np.lexsort((j, -q, i))
        i, j = i[order], j[order]
    best = first_k(i, k)
    return i[best], j[best]


def _cat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def vocabulary(vectors: list[tuple[bytes, bytes]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(entry article, entry term id, entry count) from `related.term_vector`s; term ids
    follow the order of the words' hashes."""
    hashes = np.frombuffer(b"".join(h for h, _ in vectors), dtype="<u8")
    count = np.frombuffer(b"".join(c for _, c in vectors), dtype=np.uint32).astype(np.float64)
    doc = np.repeat(np.arange(len(vectors), dtype=np.int32), [len(h) // 8 for h, _ in vectors])
    order = np.argsort(hashes)
    ordered = hashes[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]] if len(ordered) else np.zeros(0, dtype=bool)
    term = np.empty(len(hashes), dtype=np.int32)
    term[order] = np.cumsum(first) - 1
    return doc, term, count


def signatures(doc: np.ndarray, term: np.ndarray, count: np.ndarray, n: int,
               top: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each article's `top` heaviest TF-IDF terms, weights normalised: (article, term, weight)
    rows sorted by article, then weight (heaviest first), then the order of `term_vector`
    (most frequent, then spelling)."""
    df = np.bincount(term)
    keep = (df[term] > 1) & (df[term] < n)  # a word of one article, or of all, relates nothing
    doc, term, count = doc[keep], term[keep], count[keep]
    weight = (1 + np.log(count)) * np.log(n / df[term])
    # (article, weight as float32 bits, inverted) in one int64, sorted stably: the bits of a
    # positive float order as its value, and one stable sort of int64 beats a 3-key lexsort.
    inverted = np.int64(0x7FFFFFFF) - weight.astype(np.float32).view(np.int32).astype(np.int64)
    order = np.argsort((doc.astype(np.int64) << 32) | inverted, kind="stable")
    doc, term, weight = doc[order], term[order], weight[order]
    first = first_k(doc, top)
    doc, term, weight = doc[first], term[first], weight[first]
    norms = np.sqrt(np.bincount(doc, weights=weight * weight, minlength=n))
    norms[norms == 0] = 1.0
    return doc, term, weight / norms[doc]


def text_candidates(doc: np.ndarray, term: np.ndarray, weight: np.ndarray, posting_max: int,
                    per_article: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j): for each article, the `per_article` articles of largest dot product
    over the truncated postings of its signature terms."""
    n = int(doc.max()) + 1 if len(doc) else 1
    order = np.lexsort((doc, -weight, term))
    p_term, p_doc, p_weight = term[order], doc[order], weight[order]
    kept = first_k(p_term, posting_max)
    p_term, p_doc, p_weight = p_term[kept], p_doc[kept], p_weight[kept]
    terms = int(term.max()) + 1 if len(term) else 0
    p_len = np.bincount(p_term, minlength=terms)
    p_start = np.cumsum(p_len) - p_len
    # Articles by blocks (sig rows are sorted by article): the pair arrays of one block at a
    # time, so that memory stays bounded whatever the corpus size.
    bounds = np.searchsorted(doc, np.arange(0, n + BLOCK, BLOCK))
    found = [_block_candidates(doc[lo:hi], term[lo:hi], weight[lo:hi], p_doc, p_weight, p_len, p_start,
                               per_article, n) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True) if hi > lo]
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found])


def _block_candidates(doc, term, weight, p_doc, p_weight, p_len, p_start, per_article: int,
                      n: int) -> tuple[np.ndarray, np.ndarray]:
    reps = p_len[term]
    row = np.repeat(np.arange(len(term)), reps)
    offset = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
    post = p_start[term[row]] + offset
    i_all, j_all = doc[row], p_doc[post]
    if not len(i_all):
        return i_all.astype(np.int64), j_all.astype(np.int64)
    order = sort_rows((i_all, bits(n)), (j_all, bits(n)))
    i_all, j_all, value = i_all[order], j_all[order], (weight[row] * p_weight[post])[order]
    starts = np.flatnonzero(np.r_[True, (i_all[1:] != i_all[:-1]) | (j_all[1:] != j_all[:-1])])
    i, j = i_all[starts], j_all[starts]
    dots = np.add.reduceat(value, starts)
    other = i != j
    return best_per_row(i[other], dots[other], j[other], per_article, n)


def bucket_neighbours(memberships: list[list[int]], reach: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j): j within `reach` places of i in the list of one of i's buckets.
    `memberships[i]` holds the bucket ids of article i; lists follow article order."""
    bucket = np.fromiter((b for keys in memberships for b in keys), dtype=np.int64)
    member = np.repeat(np.arange(len(memberships), dtype=np.int64), [len(k) for k in memberships])
    order = np.lexsort((member, bucket))  # by bucket, then article order within it
    bucket, member = bucket[order], member[order]
    pairs_i, pairs_j = [], []
    for shift in range(1, reach + 1):
        same = bucket[shift:] == bucket[:-shift] if len(bucket) > shift else np.zeros(0, dtype=bool)
        a, b = member[:-shift][same], member[shift:][same]
        pairs_i += [a, b]
        pairs_j += [b, a]
    if not pairs_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(pairs_i), np.concatenate(pairs_j)


def dense_signatures(doc: np.ndarray, term: np.ndarray, weight: np.ndarray, n: int,
                     top: int) -> tuple[np.ndarray, np.ndarray]:
    """Signatures as (n, top) arrays of term ids (-1: none) and weights (0)."""
    terms = np.full((n, top), -1, dtype=np.int32)
    weights = np.zeros((n, top), dtype=np.float64)
    if len(doc):
        starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]])
        lengths = np.diff(np.r_[starts, len(doc)])
        col = np.arange(len(doc)) - np.repeat(starts, lengths)
        terms[doc, col] = term
        weights[doc, col] = weight
    return terms, weights


def cosine(i: np.ndarray, j: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Dot product of the signatures of each pair (signatures are unit vectors)."""
    out = np.empty(len(i), dtype=np.float64)
    for lo in range(0, len(i), CHUNK):
        a, b = i[lo:lo + CHUNK], j[lo:lo + CHUNK]
        match = (terms[a][:, :, None] == terms[b][:, None, :]) & (terms[a][:, :, None] >= 0)
        out[lo:lo + CHUNK] = np.einsum("pk,pkl,pl->p", weights[a], match, weights[b])
    return out


def jaccard(masks: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Jaccard similarity of bit sets (0 when both are empty)."""
    inter = np.bitwise_count(masks[i] & masks[j]).sum(axis=1, dtype=np.int64).astype(np.float64)
    union = np.bitwise_count(masks[i] | masks[j]).sum(axis=1, dtype=np.int64).astype(np.float64)
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def bitmasks(sets: list[list[str]]) -> np.ndarray:
    """Each list of ids as a bit set: an (n, words) array of 64-bit words."""
    ids = {x: k for k, x in enumerate(sorted({x for s in sets for x in s}))}
    words = max(1, -(-len(ids) // 64))
    masks = np.zeros((len(sets), words), dtype=np.uint64)
    bit = np.fromiter((ids[x] for s in sets for x in s), dtype=np.int64)
    row = np.repeat(np.arange(len(sets)), [len(s) for s in sets])
    np.bitwise_or.at(masks, (row, bit // 64), np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64)))
    return masks
