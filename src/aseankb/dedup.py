"""Near-duplicate detection: the same article saved twice with a few words edited.

Exact copies are caught by the build (same cleaned text). Here each text becomes its
set of word 5-shingles, hashed; two texts are near duplicates when the Jaccard
similarity of these sets reaches NEAR_THRESHOLD. Distinct articles on the same topic
share well under 10% of their 5-word sequences; a copy with a handful of words
changed shares over 80%.

Comparing every pair would be quadratic (50 million pairs at 10,000 articles), so
candidates come from an inverted index of a deterministic sample of the shingles
(those whose hash falls in 1/SAMPLE of the range, as in MinHash-style sketching);
shingles that very many texts share (boilerplate) are left out of the index. Only the
candidate pairs get the exact Jaccard.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import defaultdict

from .model import SeedResult

SHINGLE = 5
SAMPLE = 4            # index one shingle in SAMPLE
MIN_SHARED = 2        # sampled shingles two texts must share to be compared
COMMON_POSTING = 200  # a sampled shingle in more texts than this is boilerplate
SHORT_TEXT = 40       # shingles
NEAR_THRESHOLD = 0.5
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
    return frozenset(hash(g) for g in zip(*(ids[i:] for i in range(SHINGLE)), strict=False))


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


def _candidates(sets: list[frozenset[int]]) -> dict[tuple[int, int], int]:
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            index[h].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for posting in index.values():
        if len(posting) < 2 or len(posting) > COMMON_POSTING:
            continue
        for a_pos, a in enumerate(posting):
            for b in posting[a_pos + 1:]:
                shared[(a, b)] += 1
    return shared


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
    for (a, b), count in sorted(_candidates(sets).items()):
        # Short texts have few sampled shingles: one shared is enough to compare them.
        if count < MIN_SHARED and min(len(sets[a]), len(sets[b])) >= SHORT_TEXT // SAMPLE:
            continue
        sim = jaccard(sets[a], sets[b])
        if sim >= threshold and (b not in best or sim > best[b][1]):
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
