"""The per-seed text data (sketch, min-hashes, word counts, search words) computed the fast
way are those of their plain definitions, written here as they were first written."""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from aseankb import dedup, minhash
from aseankb.model import Article, PartialDate
from aseankb.render.related import TERMS_KEPT, term_counts, term_vector
from aseankb.words import _ascii_fold, search_words, word_string

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TEXTS = st.text() | st.text(alphabet="aeéèœ’'«» -\n0123456789ſĲİΣ\u0301\u2028ﬁ²", max_size=300)


def plain_shingles(text: str) -> frozenset[int]:
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore")
    ids = [zlib.crc32(w) for w in re.findall(rb"[a-z0-9]+", folded)]
    if 0 < len(ids) < dedup.SHINGLE:
        ids += [0] * (dedup.SHINGLE - len(ids))
    return frozenset(hash(t) for t in zip(*(ids[i:] for i in range(dedup.SHINGLE)), strict=False))


def plain_minhashes(s: frozenset[int]) -> bytes:
    if not s:
        return b""
    mins: dict[int, int] = {}
    for v in ((x * minhash.MULT + minhash.ADD) % minhash.PRIME for x in s):
        mins[v % minhash.BINS] = min(mins.get(v % minhash.BINS, v // minhash.BINS), v // minhash.BINS)
    sig = [mins[b] if b in mins else mins[next(p for p in minhash.PROBES[b] if p in mins)] for b in range(minhash.BINS)]
    return b"".join((v & 0xFFFFFFFF).to_bytes(4, "little") for v in sig)


def plain_term_counts(title: str, paragraphs: list[str]) -> dict[bytes, int]:
    text = unicodedata.normalize("NFKD", f"{title} {' '.join(paragraphs)}".lower())
    counts = Counter(re.findall(r"[a-z][a-z0-9]{3,}", text.encode("ascii", "ignore").decode()))
    return {w.encode(): n for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS_KEPT]}


def article(title: str, text: str) -> Article:
    return Article(id="a", source="a.txt", title=title, date=PartialDate(), date_source="inferred", language="fr",
                   partners=[], partners_mentioned=[], domains=[], people=[], paragraphs=text.split("\n"))


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_fast_text_data_is_the_plain_definition(title: str, text: str) -> None:
    assert dedup.shingles(text) == plain_shingles(text)
    sketch = dedup.sketch(text)
    assert sketch == frozenset(h for h in plain_shingles(text) if h % dedup.SAMPLE == 0)
    assert minhash.minhashes(sketch) == plain_minhashes(sketch)
    art = article(title, text)
    assert term_counts(art) == plain_term_counts(title, art.paragraphs)
    words = word_string(text.lower()).split()
    assert set(words) == set(search_words(text)) and len(words) == len(set(words))


def test_on_the_sample_seeds_and_on_large_random_sketches() -> None:
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        sketch = dedup.sketch(text)
        assert sketch == frozenset(h for h in plain_shingles(text) if h % dedup.SAMPLE == 0), seed.name
        assert minhash.minhashes(sketch) == plain_minhashes(sketch), seed.name
        assert dedup.pack(sketch) == dedup.sketch_array(dedup.ascii_words(text.lower())).tobytes()
        first, _, rest = text.partition("\n")
        art = article(first, rest)
        assert term_counts(art) == plain_term_counts(first, art.paragraphs), seed.name
    rng = random.Random(7)
    for size in (1, 2, 50, 150, 1000):
        sketch = frozenset(rng.getrandbits(64) - 2**63 for _ in range(size))
        assert minhash.minhashes(sketch) == plain_minhashes(sketch)


def test_the_remembered_word_hashes_stay_bounded_and_right(monkeypatch) -> None:
    """The crc32 of the words a worker met is kept, up to a bound past which it starts again."""
    monkeypatch.setattr(dedup, "CRC_KEPT", 5)
    monkeypatch.setattr(dedup, "_CRC", dedup._Crc32())
    text = "un deux trois quatre cinq six sept huit neuf dix un deux trois quatre cinq six"
    for _ in range(3):
        assert dedup.shingles(text) == plain_shingles(text)
        assert len(dedup._CRC) <= 5


def test_word_counts_as_text_or_bytes_get_the_same_vector() -> None:
    counts = term_counts(article("Coopération énergétique", "réseau électrique 2020abcd abcd 12 énergie"))
    assert b"abcd" in counts and counts[b"abcd"] == 2  # "2020abcd" counts as "abcd"
    assert term_vector(counts) == term_vector({w.decode(): n for w, n in counts.items()})


def test_search_words_are_each_given_once() -> None:
    # "réseaux" and "réseau" are one word once stemmed: the index counts a page once per word.
    words = word_string("les réseaux et le réseau, l’économie des économies".lower()).split()
    assert sorted(words) == ["des", "economie", "et", "le", "les", "reseau"]


def test_search_words_fast_way_on_every_character_it_takes() -> None:
    # Each character the ASCII fast way handles, in the contexts of test_search.py: the fast
    # way must give the words of the plain definition whatever its neighbours.
    chars = [chr(c) for c in [*range(0x80, 0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 37)]]
    fast = [c for c in chars if all(x.isascii() or _ascii_fold(x) is not None for x in c.lower())]
    assert "é" in fast and "’" in fast and "œ" in fast and "σ" not in fast
    for i in range(0, len(fast), 256):
        part = fast[i:i + 256]
        for text in (" ".join(part), "a".join(part), " ".join(f"É{c}d’x{c}\u0301s" for c in part)):
            assert set(word_string(text.lower()).split()) == set(search_words(text)), part[0]


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS, max_size=8))
def test_a_batch_of_texts_gets_the_sketches_and_min_hashes_of_each_alone(texts: list[str]) -> None:
    """The worker computes sketches and min-hashes for a batch of seeds at once (short texts,
    empty ones and sparse sketches among them): the values of the plain definitions."""
    words = [dedup.ascii_words(t.lower()) for t in texts]
    sketches = dedup.sketch_arrays(words)
    assert len(sketches) == len(texts)
    for text, sampled in zip(texts, sketches, strict=True):
        assert sampled.dtype == np.int64
        assert sampled.tobytes() == dedup.pack(frozenset(h for h in plain_shingles(text) if h % dedup.SAMPLE == 0))
    assert minhash.minhashes_of(sketches) == [plain_minhashes(frozenset(s.tolist())) for s in sketches]


def test_a_batch_of_seeds_and_random_sketches_gets_the_values_of_each_alone() -> None:
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS] + ["", "un", "un deux trois"]
    words = [dedup.ascii_words(t.lower()) for t in texts]
    assert [s.tobytes() for s in dedup.sketch_arrays(words)] == [
        dedup.pack(frozenset(h for h in plain_shingles(t) if h % dedup.SAMPLE == 0)) for t in texts]
    rng = random.Random(11)
    sketches = [np.array(sorted({rng.getrandbits(64) - 2**63 for _ in range(size)}), dtype=np.int64)
                for size in (1, 3, 0, 40, 150, 1000, 2)]
    assert minhash.minhashes_of(sketches) == [plain_minhashes(frozenset(s.tolist())) for s in sketches]
