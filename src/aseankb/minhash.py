"""MinHash signatures and LSH banding: the candidate pairs of near-duplicate detection
(dedup.py), found without comparing every pair of texts.

Each sketch (a sample of a text's shingle hashes) gets a signature of BINS min-hashes,
cut into BANDS bands of ROWS values; two texts are candidates when some band of theirs is
equal, and likely pairs when their min-hashes agree in enough bins.
"""

from __future__ import annotations

import random

import numpy as np

from .arrays import unique_sorted

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


def minhashes(s: frozenset[int] | np.ndarray) -> bytes:
    """The sketch's BINS min-hashes, their low 32 bits packed (empty for an empty sketch):
    computed once at extraction and kept in the cache (768 bytes an article)."""
    arr = s if isinstance(s, np.ndarray) else np.fromiter(s, dtype=np.int64, count=len(s))
    return minhashes_of([arr])[0]


def minhashes_of(sketches: list[np.ndarray]) -> list[bytes]:
    """`minhashes` of each sketch (int64 arrays), computed for all of them at once (a
    worker's batch of seeds: numpy's cost per call is shared). Each bin's min-hash is its
    least value; each empty bin then takes that of the first filled bin in its probe order."""
    sizes = np.fromiter(map(len, sketches), dtype=np.int64, count=len(sketches))
    if not len(sketches) or not sizes.any():
        return [b""] * len(sketches)
    values = _permuted(np.concatenate(sketches))
    mins = np.full(len(sketches) * BINS, _EMPTY, dtype=np.uint64)
    slot = np.repeat(np.arange(len(sketches)) * BINS, sizes) + (values % np.uint64(BINS)).astype(np.int64)
    np.minimum.at(mins, slot, values // np.uint64(BINS))
    mins = mins.reshape(len(sketches), BINS)
    filled = mins != _EMPTY
    doc, empty = np.nonzero(~filled & (sizes > 0)[:, None])
    if len(doc):
        probes = PROBE_ORDER[empty, :FIRST_PROBES]
        hit = filled[doc[:, None], probes]
        first = hit.argmax(axis=1)
        chosen = probes[np.arange(len(doc)), first]
        sparse = np.flatnonzero(~hit[np.arange(len(doc)), first])
        if len(sparse):  # none among the first probes: the whole probe order
            whole = PROBE_ORDER[empty[sparse]]
            chosen[sparse] = whole[np.arange(len(sparse)), filled[doc[sparse, None], whole].argmax(axis=1)]
        mins[doc, empty] = mins[doc, chosen]
    low = mins.astype(np.uint32)
    return [low[i].tobytes() if size else b"" for i, size in enumerate(sizes.tolist())]


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
