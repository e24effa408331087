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

import itertools
import re
import unicodedata
import zlib

import numpy as np

from .minhash import likely_pairs, minhashes
from .model import SeedResult
from .text import WORD_BYTES, non_ascii

SHINGLE = 5
SAMPLE = 4            # keep one shingle in SAMPLE in the sketch
NEAR_THRESHOLD = 0.5
WORD_RE = re.compile(rb"[a-z0-9]+")


def ascii_words(lowered: str) -> list[bytes]:
    """The words [a-z0-9]+ of a lower-cased text once NFKD-decomposed and kept ASCII (accents
    and other letters dropped), in order: the words of the shingles, and of related.term_counts.

    NFKD decomposes character by character (then reorders combining marks, which are not
    ASCII and dropped anyway), so each distinct non-ASCII character is replaced by the ASCII
    part of its decomposition, one C-speed `str.replace` each (a French text has a dozen):
    half the cost of normalising the whole text.
    """
    if not lowered.isascii():
        for char in non_ascii(lowered):
            letters = _ASCII_OF.get(char)
            if letters is None:
                letters = _ASCII_OF[char] = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            lowered = lowered.replace(char, letters)
    return lowered.encode("ascii").translate(WORD_BYTES).split()  # WORD_RE.findall


_ASCII_OF: dict[str, str] = {}  # a non-ASCII character -> the ASCII part of its NFKD form


# Python's hash() of a tuple of ints (CPython's xxHash-based tuplehash, 64-bit), which the
# shingles were first defined with: computed here on whole arrays, the same numbers.
_XX1, _XX2, _XX5 = np.uint64(11400714785074694791), np.uint64(14029467366897019727), np.uint64(2870177450012600261)
_LEN_MIX = np.uint64(SHINGLE ^ (2870177450012600261 ^ 3527539))
_MINUS_ONE = np.uint64(2**64 - 1)


class _Crc32(dict):
    """word -> zlib.crc32(word), remembered: a worker meets the same words again and again,
    and a dictionary lookup costs half a call of crc32 through `map`."""

    def __missing__(self, word: bytes) -> int:
        if len(self) >= CRC_KEPT:  # bounded memory on a corpus of many distinct words
            self.clear()
        value = self[word] = zlib.crc32(word)
        return value


CRC_KEPT = 200_000
_CRC = _Crc32()
_R31, _R33 = np.uint64(31), np.uint64(33)


def shingle_hashes(words: list[bytes]) -> np.ndarray:
    """The hash of each word 5-gram (int64, in text order, repeats kept): hash() of the
    tuple of the words' crc32, a text of 1 to 4 words padded with zeros."""
    return _shingles_of([words])[0]


def sketch_arrays(texts: list[list[bytes]]) -> list[np.ndarray]:
    """`sketch_array` of each text's `ascii_words`, computed for all of them at once: for an
    article of 600 words, numpy's cost per call outweighs its cost per word."""
    if not texts:
        return []
    hashes, doc = _shingles_of(texts)
    keep = hashes % SAMPLE == 0  # numpy's % of an int64 is Python's
    hashes, doc = hashes[keep], doc[keep]
    order = np.lexsort((hashes, doc))  # by text, then hash: each text's sample sorted
    hashes, doc = hashes[order], doc[order]
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = (hashes[1:] != hashes[:-1]) | (doc[1:] != doc[:-1])
    hashes, doc = hashes[first], doc[first]
    return np.split(hashes, np.searchsorted(doc, np.arange(1, len(texts))))


def _shingles_of(texts: list[list[bytes]]) -> tuple[np.ndarray, np.ndarray]:
    """`shingle_hashes` of every text, one text after the other, and the index of the text
    each hash comes from."""
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    padded = np.where(sizes > 0, np.maximum(sizes, SHINGLE), 0)  # 1 to 4 words: padded with zeros
    ends = np.cumsum(padded)
    starts = ends - padded
    ids = np.zeros(int(ends[-1]), dtype=np.uint64)  # callers give at least one text
    # The words of all texts one after the other, each text from its start in `ids`.
    total = int(sizes.sum())
    ids[np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(total)] = np.fromiter(
        map(_CRC.__getitem__, itertools.chain.from_iterable(texts)), dtype=np.uint64, count=total)
    # hash() of each window of SHINGLE crc32s (hash(int) of a crc32 is itself; the
    # arithmetic wraps as in C), then the windows that lie within one text.
    n = max(0, len(ids) - SHINGLE + 1)
    ids *= _XX2
    acc = np.full(n, _XX5, dtype=np.uint64)
    high = np.empty(n, dtype=np.uint64)
    for i in range(SHINGLE):
        acc += ids[i:i + n]
        np.right_shift(acc, _R33, out=high)  # in place: no new array per step
        acc <<= _R31
        acc |= high
        acc *= _XX1
    acc += _LEN_MIX
    acc[acc == _MINUS_ONE] = 1546275796  # tuplehash never returns -1
    windows = np.maximum(padded - SHINGLE + 1, 0)  # n - SHINGLE + 1 from each text's start
    at = np.repeat(starts - np.cumsum(windows) + windows, windows) + np.arange(int(windows.sum()))
    return acc.view(np.int64)[at], np.repeat(np.arange(len(texts)), windows)


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word 5-grams of the text, accents and case aside: `shingle_hashes` of
    its `ascii_words`. The same in every run (no PYTHONHASHSEED involved)."""
    return frozenset(shingle_hashes(ascii_words(text.lower())).tolist())


def sketch_array(words: list[bytes]) -> np.ndarray:
    """`sketch` of a text from its `ascii_words`: its sampled shingles, sorted int64 (`pack`)."""
    return sketch_arrays([words])[0]


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
