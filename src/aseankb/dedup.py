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
from itertools import compress
from operator import not_

import numpy as np

from .arrays import unique_sorted
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
# Candidates whose min-hashes agree in fewer bins than this get no exact check. The share
# of agreeing bins estimates the similarity with a standard deviation of about 0.036 at
# s=0.5 over 192 bins: a pair at the threshold falls under 0.3 with a probability of about
# 1e-8, while most band-sharing pairs of distinct articles (s of 0.2-0.4) are skipped.
ESTIMATE_FLOOR = 0.3
WORD_RE = re.compile(rb"[a-z0-9]+")
# The words WORD_RE finds, by C byte operations: every other byte becomes a space, then split.
WORD_BYTES = bytes(b if 97 <= b <= 122 or 48 <= b <= 57 else 32 for b in range(256))


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word 5-grams of the text, accents and case aside.

    Speed matters at 10,000 articles: words are folded and hashed by C code (NFKD, ASCII,
    crc32), and a 5-gram's hash is that of its tuple of word hashes. Hashes of ints and
    tuples of ints do not depend on PYTHONHASHSEED, so the result is the same in every run.
    """
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore")
    ids = list(map(zlib.crc32, folded.translate(WORD_BYTES).split()))  # WORD_RE.findall(folded)
    if 0 < len(ids) < SHINGLE:
        ids += [0] * (SHINGLE - len(ids))
    return frozenset(map(hash, zip(*(ids[i:] for i in range(SHINGLE)), strict=False)))


def sketch(text: str) -> frozenset[int]:
    """The shingles whose hash falls in 1/SAMPLE of the range: a fixed-size-ratio sample
    whose Jaccard similarity estimates that of the full sets. Small enough to keep in the
    extraction cache, so a rebuild compares articles without reading their texts again."""
    # The same as `h for h in shingles(text) if h % SAMPLE == 0`, in the same order, by C
    # loops: (SAMPLE).__rmod__(h) is h % SAMPLE, and compress keeps those where it is 0.
    hashes = list(shingles(text))
    return frozenset(compress(hashes, map(not_, map(SAMPLE.__rmod__, hashes))))


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


def minhashes(s: frozenset[int]) -> bytes:
    """The sketch's BINS min-hashes, their low 32 bits packed (empty for an empty sketch):
    computed once at extraction and kept in the cache (768 bytes an article)."""
    return np.array(signature(s), dtype=np.uint64).astype(np.uint32).tobytes()


def _matrix(hashes: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(rows that have min-hashes, their (rows, BINS) uint32 matrix)."""
    rows = np.array([i for i, h in enumerate(hashes) if h], dtype=np.int64)
    data = b"".join(h for h in hashes if h)
    return rows, np.frombuffer(data, dtype=np.uint32).reshape(len(rows), BINS)


# One random 64-bit number per band, mixed into its keys: the bands of all texts can then
# be sorted as one array of values (a value equal across two bands would only add a
# candidate, which the exact check then drops).
BAND_SALT = np.array([_RNG.getrandbits(64) for _ in range(BANDS)], dtype=np.uint64)


def _band_keys(sig: np.ndarray) -> np.ndarray:
    """Each row's BANDS band values, its ROWS min-hashes mixed into one 64-bit number."""
    keys = np.zeros((len(sig), BANDS), dtype=np.uint64)
    for r in range(ROWS):  # wrapping arithmetic
        keys = keys * np.uint64(0x9E3779B97F4A7C15) + sig[:, r::ROWS].astype(np.uint64)
    return keys ^ BAND_SALT


def candidate_pairs(rows: np.ndarray, sig: np.ndarray, n: int) -> np.ndarray:
    """Pairs (a, b), a before b, that share the value of some band, bands shared by more
    than COMMON_BUCKET texts (boilerplate) aside; as a*n + b, sorted."""
    if len(rows) < 2:
        return np.zeros(0, dtype=np.int64)
    values = _band_keys(sig).ravel()  # row-major: members in file order within a value
    order = np.argsort(values, kind="stable")
    values, member = values[order], np.repeat(rows, BANDS)[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    sizes = np.diff(np.r_[starts, len(values)])
    ok = (sizes > 1) & (sizes <= COMMON_BUCKET)
    starts, sizes = starts[ok], sizes[ok]
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    # Every member of a kept run, paired with each member after it in the run.
    pos = np.repeat(starts, sizes) + (np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    later = np.repeat(starts + sizes, sizes) - pos - 1
    first = np.repeat(pos, later)
    step = np.arange(later.sum()) - np.repeat(np.cumsum(later) - later, later) + 1
    return unique_sorted(member[first] * n + member[first + step])


def likely_pairs(hashes: list[bytes], floor: float = ESTIMATE_FLOOR) -> np.ndarray:
    """Candidate pairs whose min-hashes agree in at least `floor` of the bins: an estimate
    of their similarity, so that only plausible pairs get the exact (costlier) Jaccard."""
    n = len(hashes)
    rows, sig = _matrix(hashes)
    pairs = candidate_pairs(rows, sig, n)
    if not len(pairs):
        return pairs
    where = np.full(n, -1, dtype=np.int64)
    where[rows] = np.arange(len(rows))
    a, b = where[pairs // n], where[pairs % n]
    # The low byte of each min-hash only: a quarter of the memory to gather, and bins that
    # differ agree by chance once in 256, which can only add pairs to check, never drop one.
    low = sig.astype(np.uint8)
    agree = np.zeros(len(pairs), dtype=np.int64)
    for lo in range(0, len(pairs), 100_000):  # bounded memory: 100,000 x BINS at a time
        agree[lo:lo + 100_000] = (low[a[lo:lo + 100_000]] == low[b[lo:lo + 100_000]]).sum(axis=1)
    return pairs[agree >= floor * BINS]


def near_duplicates(texts: list[str], threshold: float = NEAR_THRESHOLD) -> dict[int, tuple[int, float]]:
    """For each text that nearly repeats an earlier one: index -> (earlier index, similarity).

    The earlier text is the most similar one that comes before it in the list's order
    (the build's order: file names), so the result is deterministic.
    """
    return near_duplicate_sketches([sketch(t) for t in texts], threshold)


def pack(s: frozenset[int]) -> bytes:
    """A sketch as the cache keeps it: its hashes sorted, as int64 (unpickled in no time,
    unlike 10,000 sets of a hundred ints)."""
    return np.array(sorted(s), dtype=np.int64).tobytes()


def unpack(s: frozenset[int] | bytes) -> frozenset[int]:
    return s if isinstance(s, frozenset) else frozenset(np.frombuffer(s, dtype=np.int64).tolist())


def near_duplicate_sketches(sets: list[frozenset[int] | bytes], threshold: float = NEAR_THRESHOLD,
                            hashes: list[bytes] | None = None) -> dict[int, tuple[int, float]]:
    """`near_duplicates` on sketches (see `sketch`; sets, or `pack`ed), similarity
    estimated on the samples; `hashes`: their `minhashes`, computed here when not given."""
    hashes = hashes if hashes is not None else [minhashes(unpack(s)) for s in sets]
    n = len(sets)
    best: dict[int, tuple[int, float]] = {}
    unpacked: dict[int, frozenset[int]] = {}  # only the texts of likely pairs are unpacked
    for key in likely_pairs(hashes).tolist():  # in (a, b) order: the first best a wins ties
        a, b = divmod(key, n)
        for k in (a, b):
            if k not in unpacked:
                unpacked[k] = unpack(sets[k])
        sa, sb = unpacked[a], unpacked[b]
        inter = len(sa & sb)  # `jaccard` inlined: this loop is the hot spot
        sim = inter / (len(sa) + len(sb) - inter)
        if sim >= threshold and (b not in best or sim > best[b][1]):
            best[b] = (a, sim)
    return best


def flag_near_duplicates(kept: list[tuple[SeedResult, frozenset[int] | bytes, bytes]]) -> None:
    """A few words edited: both pages stay (which one is right is an editor's call), the
    later file is flagged with a warning naming the earlier one. `kept`: each article's
    report line, `sketch` (or `pack`ed) and `minhashes` (empty: computed here)."""
    report_near_duplicates([r for r, _sk, _mh in kept], find_near_duplicates([(sk, mh) for _r, sk, mh in kept]))


def find_near_duplicates(kept: list[tuple[frozenset[int] | bytes, bytes]]) -> dict[int, tuple[int, float]]:
    """`near_duplicate_sketches` of (sketch, minhashes) pairs (minhashes empty: computed
    here). Arrays and numbers only: the build computes it in another process."""
    hashes = [mh or minhashes(unpack(sk)) for sk, mh in kept]
    return near_duplicate_sketches([sk for sk, _mh in kept], hashes=hashes)


def report_near_duplicates(results: list[SeedResult], found: dict[int, tuple[int, float]]) -> None:
    """The warnings of `find_near_duplicates`, on the report lines of the same articles."""
    for later, (earlier, sim) in sorted(found.items()):
        result, other = results[later], results[earlier]
        result.status = "warning"
        result.messages.append(f"{result.file}: near duplicate of {other.file} "
                               f"({sim:.0%} of their 5-word sequences in common)")
