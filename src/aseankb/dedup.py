"""Near-duplicate detection: the same article saved twice with a few words edited.

Exact copies are caught by the build (same cleaned text). Here each text becomes its
set of word 5-shingles, hashed; two texts are near duplicates when the Jaccard
similarity of these sets reaches NEAR_THRESHOLD. Distinct articles on the same topic
share well under 10% of their 5-word sequences; a copy with a handful of words
changed shares over 80%.

Comparing every pair would be quadratic (50 million pairs at 10,000 articles), so
candidates come from MinHash with LSH banding, computed from the sketches (a
deterministic 1/SAMPLE sample of the shingles, kept in the extraction cache): each
sketch gets a signature of BINS min-hashes, cut into BANDS bands of ROWS values; two
texts are candidates when some band of theirs is equal. Bands shared by very many texts
(boilerplate) are left out. Only the candidate pairs get the exact Jaccard of their
sketches, so the band parameters decide recall, not precision.
"""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterator

from .model import SeedResult

SHINGLE = 5
SAMPLE = 4            # keep one shingle in SAMPLE in the sketch
NEAR_THRESHOLD = 0.5
# Two sketches of Jaccard similarity s share a band with probability 1 - (1 - s^ROWS)^BANDS
# (the S-curve). With 48 bands of 4 rows: s=0.5 -> 0.955, 0.55 -> 0.990, 0.6 -> 0.9987,
# 0.7 -> 0.999998, and s=0.4 -> 0.71, 0.3 -> 0.32, 0.2 -> 0.074, 0.1 -> 0.005. A copy with
# a few words edited has s of 0.85-0.95 on sketches: it is a candidate with near certainty;
# only pairs at the very threshold may be missed (1 in 22 at s=0.5). Pairs sharing no
# sampled shingle are never candidates. 32 bands of 3 rows would catch 98.6% at s=0.5, but
# on the redundant 10,000-article benchmark corpus (sentences recombined from 5 seeds,
# many pairs at s=0.2-0.4) they take about 6 s against 3.4 s (scripts/measure_dedup.py).
ROWS = 4
BANDS = 48
BINS = ROWS * BANDS
COMMON_BUCKET = 200   # a band value shared by more texts than this is boilerplate
WORD_RE = re.compile(rb"[a-z0-9]+")


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word 5-grams of the text, accents and case aside.

    Speed matters at 10,000 articles: words are folded and hashed by C code (NFKD, ASCII,
    crc32), and a 5-gram's hash is that of its tuple of word hashes. Hashes of ints and
    tuples of ints do not depend on PYTHONHASHSEED, so the result is the same in every run.
    """
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore")
    ids = [zlib.crc32(w) for w in WORD_RE.findall(folded)]
    if 0 < len(ids) < SHINGLE:
        ids += [0] * (SHINGLE - len(ids))
    return frozenset(map(hash, zip(*(ids[i:] for i in range(SHINGLE)), strict=False)))


def sketch(text: str) -> frozenset[int]:
    """The shingles whose hash falls in 1/SAMPLE of the range: a fixed-size-ratio sample
    whose Jaccard similarity estimates that of the full sets. Small enough to keep in the
    extraction cache, so a rebuild compares articles without reading their texts again."""
    return frozenset(h for h in shingles(text) if h % SAMPLE == 0)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


# MinHash by one-permutation hashing: one hash per sampled shingle, whose value falls in
# one of BINS bins; a bin's min-hash is its least value. BINS independent hash functions
# would cost BINS multiplications per shingle (over 100 million at 10,000 articles, tens
# of seconds in pure Python); one permutation costs one, and two sketches' bins agree
# with probability their Jaccard similarity all the same. Empty bins (short texts) take
# the value of the first non-empty bin in a fixed random probe order of their own
# ("optimal densification", Shrivastava 2017), so that property holds for them too.
# The constants come from a fixed seed: the same signatures in every run.
_RNG = random.Random(5)
PRIME = (1 << 61) - 1
MULT = _RNG.randrange(1, PRIME)
ADD = _RNG.randrange(PRIME)
PROBES = tuple(tuple(_RNG.sample(range(BINS), BINS)) for _ in range(BINS))


def signature(s: frozenset[int]) -> list[int]:
    """The BINS min-hashes of a sketch (empty for an empty sketch)."""
    if not s:
        return []
    # Decreasing order: the last write to a bin, the one kept, is its least value.
    values = sorted(((x * MULT + ADD) % PRIME for x in s), reverse=True)
    mins = {v % BINS: v // BINS for v in values}
    found = mins.__contains__  # filter() with a C predicate: half the bins are empty at 10,000 articles
    return [mins[b] if b in mins else mins[next(filter(found, PROBES[b]))] for b in range(BINS)]


def band_keys(s: frozenset[int]) -> list[int]:
    """One key per band: the hash of its ROWS min-hashes (ints hash the same in every run)."""
    sig = signature(s)
    return [hash(tuple(sig[lo:lo + ROWS])) for lo in range(0, len(sig), ROWS)]


def _buckets(keys: list[list[int]], band: int) -> Iterator[list[int]]:
    """The groups of texts (in file order) that share a value of the band, boilerplate aside."""
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if k:
            buckets[k[band]].append(i)
    return (members for members in buckets.values() if 1 < len(members) <= COMMON_BUCKET)


def near_duplicates(texts: list[str], threshold: float = NEAR_THRESHOLD) -> dict[int, tuple[int, float]]:
    """For each text that nearly repeats an earlier one: index -> (earlier index, similarity).

    The earlier text is the most similar one that comes before it in the list's order
    (the build's order: file names), so the result is deterministic.
    """
    return near_duplicate_sketches([sketch(t) for t in texts], threshold)


def near_duplicate_sketches(sets: list[frozenset[int]],
                            threshold: float = NEAR_THRESHOLD) -> dict[int, tuple[int, float]]:
    """`near_duplicates` on sketches (see `sketch`), similarity estimated on the samples."""
    best: dict[int, tuple[int, float]] = {}
    keys = [band_keys(s) for s in sets]
    sizes = [len(s) for s in sets]
    # Band by band, so that memory holds one band's buckets and never the set of pairs. A
    # pair sharing several bands is checked again each time (cheaper than remembering it:
    # most candidate pairs share one band); the update below gives the same result.
    for band in range(BANDS):
        for members in _buckets(keys, band):
            for pos, a in enumerate(members):
                sa, la = sets[a], sizes[a]
                for b in members[pos + 1:]:
                    inter = len(sa & sets[b])  # `jaccard` inlined: this loop is the hot spot
                    sim = inter / (la + sizes[b] - inter)
                    # The most similar earlier text wins, the first in file order among
                    # equals: the result does not depend on the order pairs come in.
                    if sim >= threshold and (b not in best or (sim, -a) > (best[b][1], -best[b][0])):
                        best[b] = (a, sim)
    return best


def flag_near_duplicates(kept: list[tuple[SeedResult, frozenset[int]]]) -> None:
    """A few words edited: both pages stay (which one is right is an editor's call), the
    later file is flagged with a warning naming the earlier one. `kept` pairs each article's
    report line with its `sketch`."""
    found = near_duplicate_sketches([sk for _result, sk in kept])
    for later, (earlier, sim) in sorted(found.items()):
        result, other = kept[later][0], kept[earlier][0]
        result.status = "warning"
        result.messages.append(f"{result.file}: near duplicate of {other.file} "
                               f"({sim:.0%} of their 5-word sequences in common)")
