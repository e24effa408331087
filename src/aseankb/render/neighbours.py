"""The related-article computation of `related.py`, on whole arrays (numpy).

Same definition as before, computed in C loops instead of per-article Python loops.
Every step is a sort or a segmented reduction whose ties are broken by article position
(newest first, then id) and by term spelling, so the result is deterministic. Sorts are
value sorts of keys packed into one int32/int64 (numpy sorts values several times faster
than it argsorts), selections of the k best are np.partition in small tables, and every
floating-point sum is taken in the order the former implementation took it (a text dot:
numpy's reduceat over the article's signature columns), so the output is the same bit for
bit (checked against it on a 10,000-article build).

Arrays: an "entry" is one (article, term) pair of the articles' `term_counts`; a "sig"
row is one of an article's TOP_TERMS signature terms; its "column" is its rank in the
signature; a "posting" is a sig row kept in its term's list (the POSTING_MAX heaviest).
"""

from __future__ import annotations

import numpy as np

from ..arrays import best_per_row, bits, first_k, group_ids, rank_in_run, smallest_per_row

__all__ = ["best_per_row", "dense_signatures", "signatures", "text_candidates", "vocabulary"]

KEY_BITS = 30  # text candidates: (article, candidate, columns) keys sort as int32 below 2**30
MIN_BLOCK_BITS = 8  # blocks of at least 256 articles (int64 keys past ~100,000 articles)


def vocabulary(vectors: list[tuple[bytes, bytes]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(entry article, entry term id, entry count) from `related.term_vector`s; term ids
    follow the order of the words' hashes."""
    hashes = np.frombuffer(b"".join(h for h, _ in vectors), dtype="<u8")
    count = np.frombuffer(b"".join(c for _, c in vectors), dtype=np.uint32)
    doc = np.repeat(np.arange(len(vectors), dtype=np.int32), [len(h) // 8 for h, _ in vectors])
    return doc, group_ids(hashes.astype(np.uint64, copy=False)), count


def _log1p_counts(count: np.ndarray) -> np.ndarray:
    """1 + log(count) as float64, by a table of the (small) counts when it is small."""
    top = int(count.max()) if len(count) else 0
    with np.errstate(divide="ignore"):
        if top <= len(count):
            return (1 + np.log(np.arange(top + 1, dtype=np.float64)))[count]
        return 1 + np.log(count.astype(np.float64))


def signatures(doc: np.ndarray, term: np.ndarray, count: np.ndarray, n: int,
               top: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each article's `top` heaviest TF-IDF terms, weights normalised: (article, term, weight)
    rows sorted by article, then weight (heaviest first), then the order of `term_vector`
    (most frequent, then spelling)."""
    df = np.bincount(term)
    df_entry = df[term]
    keep = (df_entry > 1) & (df_entry < n)  # a word of one article, or of all, relates nothing
    with np.errstate(divide="ignore"):
        idf = np.log(n / np.maximum(df, 1))
    weight = _log1p_counts(count) * idf[term]
    # Per article, (weight as float32 bits inverted, place in its vector) in one int64: the
    # bits of a positive float order as its value. The `top` smallest per article, in a
    # (articles, longest vector) table, by np.partition and a sort of `top` columns.
    lengths = np.bincount(doc, minlength=n)
    starts = np.cumsum(lengths) - lengths  # entries come grouped by article, in order
    place = np.arange(len(doc)) - np.repeat(starts, lengths)
    place_bits = bits(int(lengths.max(initial=1)))
    inverted = np.int64(0x7FFFFFFF) - weight.astype(np.float32).view(np.int32).astype(np.int64)
    key = np.where(keep, (inverted << place_bits) | place, np.int64(2**62))
    width = int(lengths.max(initial=0))
    if (lengths == width).all():
        table = key.reshape(n, width)
    else:
        table = np.full((n, width), np.int64(2**62), dtype=np.int64)
        table[doc, place] = key
    if width > top:
        table = np.partition(table, top - 1, axis=1)[:, :top]
    table = np.sort(table, axis=1).ravel()
    chosen = table < 2**62
    doc = np.repeat(np.arange(n, dtype=doc.dtype), table.size // max(n, 1))[chosen]
    row = starts[doc] + (table[chosen] & ((1 << place_bits) - 1))
    term, weight = term[row], weight[row]
    norms = np.sqrt(np.bincount(doc, weights=weight * weight, minlength=n))
    norms[norms == 0] = 1.0
    return doc, term, weight / norms[doc]


def dense_signatures(doc: np.ndarray, term: np.ndarray, weight: np.ndarray, n: int,
                     top: int) -> tuple[np.ndarray, np.ndarray]:
    """Signatures as (n, top) arrays of term ids (-1: none) and weights (0)."""
    terms = np.full((n, top), -1, dtype=np.int32)
    weights = np.zeros((n, top), dtype=np.float64)
    if len(doc):
        col = rank_in_run(doc)
        terms[doc, col] = term
        weights[doc, col] = weight
    return terms, weights


def _postings(doc: np.ndarray, term: np.ndarray, weight: np.ndarray, posting_max: int,
              top: int) -> tuple[np.ndarray, np.ndarray]:
    """Each term's posting list as a row of a (terms, posting_max) int32 table of
    (article << column bits | column), -1 past its end; and each sig row's table row."""
    # By term, then weight (heaviest first), then row (article order), in one int64 sorted
    # by value: the weight as its rank among the sorted weights (equal weights, equal ranks).
    row_bits = bits(len(weight))
    if bits(int(term.max()) + 1) + 2 * row_bits <= 63:
        by_weight = np.argsort(weight)  # not stable: equal weights get equal ranks below
        ordered = weight[by_weight]
        rank = np.empty(len(weight), dtype=np.int64)
        rank[by_weight] = np.cumsum(np.r_[True, ordered[1:] != ordered[:-1]], dtype=np.int64)
        rank = int(rank.max()) - rank  # heaviest first
        packed = np.sort((((term.astype(np.int64) << row_bits) | rank) << row_bits) | np.arange(len(weight)))
        order = packed & ((1 << row_bits) - 1)
    else:
        order = np.lexsort((doc, -weight, term))
    p_term = term[order]
    kept = first_k(p_term, posting_max)
    order, p_term = order[kept], p_term[kept]
    present = np.zeros(int(term.max()) + 1, dtype=bool)
    present[term] = True
    line = np.cumsum(present) - 1  # term id -> its row in the table
    table = np.full((int(present.sum()), posting_max), -1, dtype=np.int32)
    col_bits = bits(top)
    table[line[p_term], rank_in_run(p_term)] = (doc[order].astype(np.int32) << col_bits) | rank_in_run(doc)[order]
    return table, line[term]


def text_candidates(doc: np.ndarray, term: np.ndarray, weight: np.ndarray, posting_max: int,
                    per_article: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i, j), in no particular order: for each article, the `per_article` articles of
    largest dot product over the truncated postings of its signature terms (ties to the
    smaller j; dots compared to 1e-9)."""
    if not len(doc):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    n = int(doc.max()) + 1
    col = rank_in_run(doc)
    top = int(col.max()) + 1
    _, weights = dense_signatures(doc, term, weight, n, 1 << bits(top))
    table, line = _postings(doc, term, weight, posting_max, top)
    # Each (sig row, posting) is one key (article in block, j, sig column, j's column): sorting
    # the keys groups a pair's products in the order of the article's signature. Articles go
    # by blocks whose keys fit below 2**KEY_BITS (int32, sorted fast); sentinels sort last.
    col_bits, n_bits = bits(top), bits(n)
    block_bits = KEY_BITS - n_bits - 2 * col_bits
    dtype = np.int32 if block_bits >= MIN_BLOCK_BITS else np.int64
    block_bits = max(block_bits, MIN_BLOCK_BITS)
    sentinel = (1 << (block_bits + n_bits + 2 * col_bits))
    postings = np.where(table < 0, sentinel, (table >> col_bits << (2 * col_bits)) | (table & ((1 << col_bits) - 1)))
    postings = postings.astype(dtype)
    lengths = (table >= 0).sum(axis=1)[line]
    bounds = np.searchsorted(doc, np.arange(0, n + (1 << block_bits), 1 << block_bits))
    found = [_block_candidates(doc[lo:hi], col[lo:hi], postings[line[lo:hi]], int(lengths[lo:hi].sum()), weights,
                               per_article, (block_bits, n_bits, col_bits))
             for lo, hi in zip(bounds[:-1], bounds[1:], strict=True) if hi > lo]
    return np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found])


def _block_candidates(doc: np.ndarray, col: np.ndarray, postings: np.ndarray, count: int, weights: np.ndarray,
                      per_article: int, widths: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    block_bits, n_bits, col_bits = widths
    first = int(doc[0])
    mine = ((doc - first).astype(postings.dtype) << (n_bits + 2 * col_bits)) | (col.astype(postings.dtype) << col_bits)
    keys = np.sort((postings + mine[:, None]).ravel())[:count]
    # Weights of both sides by flat index into (n, 2**col_bits) columns: bit operations only.
    low = (1 << col_bits) - 1
    mine_at = (((keys >> (n_bits + 2 * col_bits)) + first) << col_bits) | ((keys >> col_bits) & low)
    theirs_at = ((keys >> col_bits) & (((1 << n_bits) - 1) << col_bits)) | (keys & low)
    value = np.take(weights, mine_at.astype(np.intp)) * np.take(weights, theirs_at.astype(np.intp))
    pair = keys >> (2 * col_bits)
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
    dots = np.add.reduceat(value, starts)  # as before: numpy's own order of a segment's sum
    pair = pair[starts].astype(np.int64)
    if dots.max() > 2.0:  # not for unit vectors; exact all the same
        return _best_others(pair, dots, first, n_bits, per_article, len(weights))
    # Each article's pair with itself (one per article at most: found by a search) gets a
    # dot of -1, so that it ranks last; it is dropped after the selection.
    articles = np.arange(first, min(first + (1 << block_bits), len(weights)), dtype=np.int64)
    itself = ((articles - first) << n_bits) | articles
    at = np.minimum(np.searchsorted(pair, itself), len(pair) - 1)
    dots[at[pair[at] == itself]] = -1.0
    # (1e9 units, inverted; then j) in one int64: the order of best_per_row
    key = ((np.int64(2**31) - np.rint(dots * 1e9).astype(np.int64)) << n_bits) | (pair & ((1 << n_bits) - 1))
    row, key = smallest_per_row(pair >> n_bits, key, 1 << block_bits, per_article)
    i, j = row + first, key & ((1 << n_bits) - 1)
    other = i != j
    return i[other], j[other]


def _best_others(pair: np.ndarray, dots: np.ndarray, first: int, n_bits: int, per_article: int,
                 n: int) -> tuple[np.ndarray, np.ndarray]:
    i, j = (pair >> n_bits) + first, pair & ((1 << n_bits) - 1)
    other = i != j
    return best_per_row(i[other], dots[other], j[other], per_article, n)
