"""The array helpers of the related-articles computation against plain references: the
fast paths (packed sorts, partition tables, per-article hash tables) must decide exactly
as the straightforward computation does, ties included."""

from __future__ import annotations

import numpy as np
import pytest

from aseankb.arrays import group_ids, smallest_per_row
from aseankb.render import cosine as cos
from aseankb.render import neighbours as nb
from aseankb.render import overlaps as ov


def test_group_ids_number_values_in_value_order_even_when_top_bits_collide() -> None:
    rng = np.random.default_rng(1)
    values = rng.choice(rng.integers(0, 2**63, 500, dtype=np.uint64), 5000)
    assert np.array_equal(group_ids(values), np.unique(values, return_inverse=True)[1])
    # Two values equal but for their lowest bit share the bits the packed sort keeps.
    clash = np.array([10 << 40, (10 << 40) + 1, 10 << 40, 7, (10 << 40) + 1], dtype=np.uint64)
    assert group_ids(clash).tolist() == [1, 2, 1, 0, 2]
    assert group_ids(np.zeros(0, dtype=np.uint64)).tolist() == []


def test_smallest_per_row_matches_a_sort() -> None:
    rng = np.random.default_rng(2)
    row = np.sort(rng.integers(0, 50, 3000))
    key = rng.permutation(3000).astype(np.int64) * 7
    got_row, got_key = smallest_per_row(row, key, 64, 5)
    want = {(r, k) for r in range(64) for k in sorted(key[row == r])[:5]}
    assert set(zip(got_row.tolist(), got_key.tolist(), strict=True)) == {(int(r), int(k)) for r, k in want}


def _signatures(rng: np.random.Generator, n: int, top: int, vocab: int) -> tuple[np.ndarray, np.ndarray]:
    terms = np.full((n, top), -1, dtype=np.int32)
    weights = np.zeros((n, top))
    for a in range(n):
        size = int(rng.integers(0, top + 1))
        terms[a, :size] = rng.choice(vocab, size, replace=False)
        w = np.sort(rng.random(size))[::-1]
        weights[a, :size] = w / (np.sqrt((w * w).sum()) or 1.0)
    return terms, weights


def test_cosine_gives_the_bits_of_the_full_comparison() -> None:
    rng = np.random.default_rng(3)
    terms, weights = _signatures(rng, 400, 12, 60)
    i, j = rng.integers(0, 400, 20000), rng.integers(0, 400, 20000)
    fast = cos.cosine(i, j, terms, weights)
    assert np.array_equal(fast, cos._cosine_compared(i, j, terms, weights))
    assert fast.max() > 0.5 and (fast == 0).any()


def test_cosine_with_a_term_twice_falls_back_to_the_comparison() -> None:
    terms, weights = _signatures(np.random.default_rng(4), 30, 12, 40)
    terms[5, :2] = 7  # two words with one hash: no table can hold both
    weights[5, :2] = 0.5
    assert cos._multipliers(terms, cos.SLOT_BITS) is None
    i, j = np.arange(30).repeat(30), np.tile(np.arange(30), 30)
    assert np.array_equal(cos.cosine(i, j, terms, weights), cos._cosine_compared(i, j, terms, weights))


def _text_candidates_reference(doc, term, weight, posting_max: int, per_article: int) -> set[tuple[int, int]]:
    """The definition, one article at a time: dots over the truncated postings, best first,
    ties to the smaller j, compared to 1e-9."""
    postings: dict[int, list[tuple[float, int, float]]] = {}
    for d, t, w in zip(doc.tolist(), term.tolist(), weight.tolist(), strict=True):
        postings.setdefault(t, []).append((-w, d, w))
    for lst in postings.values():
        lst.sort()
        del lst[posting_max:]
    dots: dict[int, dict[int, float]] = {}
    for d, t, w in zip(doc.tolist(), term.tolist(), weight.tolist(), strict=True):
        for _, other, w_other in postings[t]:
            if other != d:
                dots.setdefault(d, {}).setdefault(other, []).append(w * w_other)
    out = set()
    for d, by_j in dots.items():
        # Summed as numpy's reduceat sums a segment (the former implementation).
        scored = sorted((-np.rint(np.add.reduceat(np.array(v), [0])[0] * 1e9), j) for j, v in by_j.items())
        out |= {(d, j) for _, j in scored[:per_article]}
    return out


@pytest.mark.parametrize("seed", [5, 6])
def test_text_candidates_follow_the_definition(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, vocab = 300, 40
    counts = [dict(zip(rng.choice(vocab, 25, replace=False).tolist(), rng.integers(1, 5, 25).tolist(),
                       strict=True)) for _ in range(n)]
    doc = np.repeat(np.arange(n, dtype=np.int32), 25)
    term = np.array([t for c in counts for t in c], dtype=np.int32)
    count = np.array([k for c in counts for k in c.values()], dtype=np.uint32)
    s_doc, s_term, s_weight = nb.signatures(doc, term, count, n, 12)
    i, j = nb.text_candidates(s_doc, s_term, s_weight, 8, 6)
    got = set(zip(i.tolist(), j.tolist(), strict=True))
    assert len(got) == len(i) and got == _text_candidates_reference(s_doc, s_term, s_weight, 8, 6)


def test_buckets_and_overlaps_follow_the_definition() -> None:
    rng = np.random.default_rng(7)
    names = ["chine", "inde", "japon", "-x"]
    partners = [sorted(set(rng.choice(names, int(rng.integers(0, 3))).tolist())) for _ in range(200)]
    domains = [sorted(set(rng.choice(names[:3], int(rng.integers(0, 3))).tolist())) for _ in range(200)]
    p, d = ov.id_lists(partners), ov.id_lists(domains)
    member, bucket = ov.buckets(p, d)
    keys = [(partners[a] or [None], domains[a] or [None]) for a in range(200)]
    want = sorted((a, (x, y)) for a, (ps, ds) in enumerate(keys) for x in ps for y in ds)
    got = sorted(zip(member.tolist(), bucket.tolist(), strict=True))
    assert [a for a, _ in got] == [a for a, _ in want]
    same = {(a, b) for a, ka in want for b, kb in want if ka == kb}
    assert {(a, b) for a, ka in got for b, kb in got if ka == kb} == same
    lists: dict[tuple, list[int]] = {}
    for a, key in want:
        lists.setdefault(key, []).append(a)
    near = {pair for lst in lists.values() for x in range(len(lst)) for step in (1, 2) if x + step < len(lst)
            for pair in ((lst[x], lst[x + step]), (lst[x + step], lst[x]))}
    i, j = ov.bucket_neighbours(member, bucket, 2)
    assert set(zip(i.tolist(), j.tolist(), strict=True)) == near
    masks = ov.bitmasks(*p)
    a, b = np.arange(200), rng.permutation(200)
    jac = ov.jaccard(masks, a, b)
    for x, y, value in zip(a.tolist(), b.tolist(), jac.tolist(), strict=True):
        union = set(partners[x]) | set(partners[y])
        assert value == (len(set(partners[x]) & set(partners[y])) / len(union) if union else 0.0)
