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


def ascii_words(lowered: str) -> list[bytes]:
    """The words [a-z0-9]+ of a lower-cased text once NFKD-decomposed and kept ASCII (accents
    and other letters dropped), in order: the words of the shingles, and of related.term_counts.

    NFKD decomposes character by character (then reorders combining marks, which are not
    ASCII and dropped anyway), so each distinct non-ASCII character is replaced by the ASCII
    part of its decomposition, one C-speed `str.replace` each (a French text has a dozen):
    half the cost of normalising the whole text.
    """
    if not lowered.isascii():
        for char in _non_ascii(lowered):
            letters = _ASCII_OF.get(char)
            if letters is None:
                letters = _ASCII_OF[char] = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            lowered = lowered.replace(char, letters)
    return lowered.encode("ascii").translate(WORD_BYTES).split()  # WORD_RE.findall


_ASCII_OF: dict[str, str] = {}  # a non-ASCII character -> the ASCII part of its NFKD form
_ASCII = bytes(range(128))


def _non_ascii(text: str) -> set[str]:
    """The distinct non-ASCII characters of a text (the ASCII bytes of its UTF-8 deleted, in C)."""
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))


# Python's hash() of a tuple of ints (CPython's xxHash-based tuplehash, 64-bit), which the
# shingles were first defined with: computed here on whole arrays, the same numbers.
_XX1, _XX2, _XX5 = np.uint64(11400714785074694791), np.uint64(14029467366897019727), np.uint64(2870177450012600261)
_LEN_MIX = np.uint64(SHINGLE ^ (2870177450012600261 ^ 3527539))
_MINUS_ONE = np.uint64(2**64 - 1)


def shingle_hashes(words: list[bytes]) -> np.ndarray:
    """The hash of each word 5-gram (int64, in text order, repeats kept): hash() of the
    tuple of the words' crc32, a text of 1 to 4 words padded with zeros."""
    ids = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    if 0 < len(ids) < SHINGLE:
        ids = np.concatenate([ids, np.zeros(SHINGLE - len(ids), dtype=np.uint64)])
    n = max(0, len(ids) - SHINGLE + 1)
    acc = np.full(n, _XX5, dtype=np.uint64)
    for i in range(SHINGLE):  # hash(int) of a crc32 is itself; the arithmetic wraps as in C
        acc += ids[i:i + n] * _XX2
        acc = (acc << np.uint64(31)) | (acc >> np.uint64(33))
        acc *= _XX1
    acc += _LEN_MIX
    acc[acc == _MINUS_ONE] = 1546275796  # tuplehash never returns -1
    return acc.view(np.int64)


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word 5-grams of the text, accents and case aside: `shingle_hashes` of
    its `ascii_words`. The same in every run (no PYTHONHASHSEED involved)."""
    return frozenset(shingle_hashes(ascii_words(text.lower())).tolist())


def sketch_array(words: list[bytes]) -> np.ndarray:
    """`sketch` of a text from its `ascii_words`: its sampled shingles, sorted int64 (`pack`)."""
    hashes = shingle_hashes(words)
    return np.unique(hashes[hashes % SAMPLE == 0])  # numpy's % of an int64 is Python's


def sketch(text: str) -> frozenset[int]:
    """The shingles whose hash falls in 1/SAMPLE of the range (h % SAMPLE == 0): a
    fixed-size-ratio sample whose Jaccard similarity estimates that of the full sets. Small
    enough to keep in the extraction cache, so a rebuild compares articles without reading
    their texts again."""
    return frozenset(sketch_array(ascii_words(text.lower())).tolist())


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


PROBE_ORDER = np.array(PROBES, dtype=np.int64)
# Probes looked at first: with half the bins filled (a typical article), an empty bin finds
# a filled one among its first 8 probes 255 times in 256.
FIRST_PROBES = 8
_EMPTY = np.uint64(2**64 - 1)  # no value: min-hashes are below PRIME // BINS
_MASK61 = np.uint64(PRIME)
_M_HI, _M_LO = np.uint64(MULT >> 32), np.uint64(MULT & 0xFFFFFFFF)


def _mod61(x: np.ndarray) -> np.ndarray:
    """x mod PRIME for uint64 x (2^61 = 1 mod PRIME), possibly PRIME itself."""
    return (x >> np.uint64(61)) + (x & _MASK61)


def _permuted(s: np.ndarray) -> np.ndarray:
    """(x * MULT + ADD) % PRIME for each int64 x, exactly, in uint64 arithmetic: MULT and
    x mod PRIME (both < 2^61) are cut into 32-bit halves so that no product overflows."""
    x = (s % PRIME).astype(np.uint64)  # numpy's % of an int64 is Python's: in [0, PRIME)
    hi, lo = x >> np.uint64(32), x & np.uint64(0xFFFFFFFF)
    mid = hi * _M_LO + lo * _M_HI  # < 2^62; times 2^32 it is (mid >> 29) * 2^61 + ...
    low = lo * _M_LO  # < 2^64
    total = ((hi * _M_HI) << np.uint64(3)) + (mid >> np.uint64(29)) \
        + ((mid & np.uint64((1 << 29) - 1)) << np.uint64(32)) + _mod61(low) + np.uint64(ADD)
    total = _mod61(total)
    return np.where(total >= _MASK61, total - _MASK61, total)


def signature(s: frozenset[int] | np.ndarray) -> np.ndarray:
    """The BINS min-hashes of a sketch (uint64; empty for an empty sketch)."""
    arr = s if isinstance(s, np.ndarray) else np.fromiter(s, dtype=np.int64, count=len(s))
    if not len(arr):
        return np.zeros(0, dtype=np.uint64)
    values = _permuted(arr)
    mins = np.full(BINS, _EMPTY, dtype=np.uint64)
    np.minimum.at(mins, values % np.uint64(BINS), values // np.uint64(BINS))  # each bin's least value
    filled = mins != _EMPTY
    empty = np.flatnonzero(~filled)
    if len(empty):  # the first filled bin in each empty bin's probe order
        probes = PROBE_ORDER[empty, :FIRST_PROBES]
        if not filled[probes].any(axis=1).all():  # a sparse sketch: its whole probe order
            probes = PROBE_ORDER[empty]
        mins[empty] = mins[probes[np.arange(len(empty)), filled[probes].argmax(axis=1)]]
    return mins


def minhashes(s: frozenset[int] | np.ndarray) -> bytes:
    """The sketch's BINS min-hashes, their low 32 bits packed (empty for an empty sketch):
    computed once at extraction and kept in the cache (768 bytes an article)."""
    return signature(s).astype(np.uint32).tobytes()


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
    arrays: dict[int, np.ndarray] = {}  # only the sketches of likely pairs are read
    for key in likely_pairs(hashes).tolist():  # in (a, b) order: the first best a wins ties
        a, b = divmod(key, n)
        for k in (a, b):
            if k not in arrays:
                arrays[k] = _sorted_array(sets[k])
        sa, sb = arrays[a], arrays[b]
        # |A & B| of two sorted arrays of distinct values: where each value of A would go in B
        # (a few numpy calls, where building two Python sets cost 30 us a pair).
        pos = np.searchsorted(sb, sa)
        pos[pos == len(sb)] = 0
        inter = int(np.count_nonzero(sb[pos] == sa))
        sim = inter / (len(sa) + len(sb) - inter)
        if sim >= threshold and (b not in best or sim > best[b][1]):
            best[b] = (a, sim)
    return best


def _sorted_array(s: frozenset[int] | bytes) -> np.ndarray:
    """A sketch as its sorted int64 values (a `pack`ed one is sorted already)."""
    return np.frombuffer(s, dtype=np.int64) if isinstance(s, bytes) else np.array(sorted(s), dtype=np.int64)


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
