"""Related articles: shared partners and domains, and text similarity (TF-IDF cosine).

Linear in the number of articles: no article is compared with every other one.
1. Each article keeps only its TOP_TERMS heaviest TF-IDF terms (a sparse signature;
   terms found in one article only cannot relate two articles and are left out).
2. Candidates: the articles that share a signature term, through an inverted index
   whose lists keep the POSTING_MAX heaviest entries, plus the NEIGHBOURS nearest in
   time within each (partner, domain) bucket of the article, and within each partner.
3. Each candidate (at most a few hundred, whatever the corpus size) is scored:
   cosine of signatures, plus the overlap (Jaccard) of partners and of domains.
Every tie is broken by the articles' order (newest first, then id): deterministic.
"""

from __future__ import annotations

import functools
import hashlib
import re
from bisect import bisect_left
from collections import Counter
from itertools import compress

import numpy as np

from ..arrays import unique_sorted
from ..dedup import ascii_words
from ..model import Article, PartialDate
from . import neighbours as nb
from . import overlaps as ov
from .cosine import cosine
from .dates import language_note, short_date
from .titles import title_link

WORD_RE = re.compile(r"[a-z][a-z0-9]{3,}")  # a word, in the text folded by dedup.ascii_words
TOP_TERMS = 12
TERMS_KEPT = 150  # words kept per article: its TOP_TERMS by TF-IDF are almost always among them
POSTING_MAX = 40
NEIGHBOURS = 3
TEXT_CANDIDATES = 30
RELATED = 5
MIN_SCORE = 0.05
W_TEXT, W_PARTNERS, W_DOMAINS = 0.6, 0.25, 0.15
LINES_KEPT = 20_000  # related-article lines remembered (related_lines)


def term_counts(art: Article, words: list[bytes] | None = None) -> dict[bytes, int]:
    """The article's TERMS_KEPT most frequent words with their counts: computed once at
    extraction and kept in the cache, so related lists need no text at rebuild time.
    `words`: the `dedup.ascii_words` of its paragraphs, when the caller has them already."""
    # A word is WORD_RE in the text folded as dedup.ascii_words folds it (NFKD, ASCII, lower
    # case): in each of its [a-z0-9]+ runs, what follows the leading digits, 4 letters or more.
    if words is None:
        words = ascii_words("\n".join(art.paragraphs).lower())
    runs = Counter(ascii_words(art.title.lower()))
    runs.update(words)
    # C loops only (a Python loop over 250 distinct words costs more than the rest): the
    # words sorted, those that begin with a digit first, then the others of 4 letters or more.
    spelled = sorted(runs)
    start = bisect_left(spelled, b"a")
    kept = list(compress(spelled[start:], map(THREE.__lt__, map(len, spelled[start:]))))
    counts = dict(zip(kept, map(runs.__getitem__, kept), strict=True))
    if start:  # a run that begins with digits: the word is what follows them (rare)
        for run in spelled[:start]:
            if len(word := run.lstrip(DIGITS)) > 3:
                counts[word] = counts.get(word, 0) + runs[run]
        kept = sorted(counts)
    # By count, heaviest first, ties in word order (a stable sort of the sorted words).
    kept = sorted(kept, key=counts.__getitem__, reverse=True)[:TERMS_KEPT]
    return dict(zip(kept, map(counts.__getitem__, kept), strict=True))


def term_vector(counts: dict[bytes, int] | dict[str, int]) -> tuple[bytes, bytes]:
    """Word counts as the cache keeps them: each word as a 64-bit hash, each count as a
    uint32. A rebuild loads 10,000 of these as two byte strings each, where 10,000 dicts of
    150 words cost seconds to unpickle and to number. Words are told apart by their hash
    (a collision among 10^5 words has a probability of about 3e-10), and ties between equal
    weights go to the smaller hash: arbitrary, but the same in every build."""
    words = list(counts)
    if words and not isinstance(words[0], bytes):
        words = [w.encode() for w in words]
    missing = set(words).difference(_DIGESTS)  # a worker meets most words again and again
    if len(_DIGESTS) + len(missing) > DIGESTS_KEPT:
        _DIGESTS.clear()
        missing = set(words)
    blake2b = hashlib.blake2b
    _DIGESTS.update((w, blake2b(w, digest_size=8).digest()) for w in missing)
    # The digests as they come: read back as little-endian uint64 (neighbours.vocabulary).
    return (b"".join(map(_DIGESTS.__getitem__, words)),
            np.fromiter(counts.values(), dtype=np.uint32, count=len(counts)).tobytes())


THREE = 3
DIGITS = b"0123456789"
DIGESTS_KEPT = 100_000  # words whose blake2b this process remembers (~12 MB at most)
_DIGESTS: dict[bytes, bytes] = {}


def related(arts: list[Article], terms: dict[str, tuple[bytes, bytes]] | None = None) -> dict[str, list[Article]]:
    """Article id -> up to RELATED articles, best first. `arts` sorted newest first; `terms`:
    article id -> its `term_vector` (computed from the text when missing)."""
    return related_links(arts, related_pairs(arts, terms))


def related_links(arts: list[Article], pairs: tuple[np.ndarray, np.ndarray]) -> dict[str, list[Article]]:
    """`related_pairs` as lists of articles."""
    out: dict[str, list[Article]] = {a.id: [] for a in arts}
    for a, b in zip(pairs[0].tolist(), pairs[1].tolist(), strict=True):
        out[arts[a].id].append(arts[b])
    return out


def related_pairs(arts: list[Article], terms: dict[str, tuple[bytes, bytes]] | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(i, j): article j is related to article i (positions in `arts`), by i, best first.
    Arrays only, so that it can be computed in another process (build.py)."""
    n = len(arts)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    tfs = [terms[a.id] if terms is not None and a.id in terms else term_vector(term_counts(a)) for a in arts]
    doc, term, count = nb.vocabulary(tfs)
    s_doc, s_term, s_weight = nb.signatures(doc, term, count, n, TOP_TERMS)
    text_i, text_j = nb.text_candidates(s_doc, s_term, s_weight, POSTING_MAX, TEXT_CANDIDATES)
    partners, domains = ov.id_lists([a.partners for a in arts]), ov.id_lists([a.domains for a in arts])
    near_i, near_j = ov.bucket_neighbours(*ov.buckets(partners, domains), NEIGHBOURS)
    # And the nearest in time of each partner whatever their domains: an article with none
    # of the others' domains (the 2019 EU-ASEAN ministerial meeting, in English, with no
    # domain) was related to no other EU article, its text sharing no words with theirs.
    no_domains = (np.zeros(0, dtype=np.int64), np.zeros(n, dtype=np.int64))
    same_i, same_j = ov.bucket_neighbours(*ov.buckets(partners, no_domains), NEIGHBOURS)
    # Pairs by j, then i: the cosine then reads each j's signature table for its pairs in a
    # row (cache hits); best_per_row's order does not depend on the pairs' order.
    pairs = unique_sorted(np.concatenate([text_j, near_j, same_j]) * n + np.concatenate([text_i, near_i, same_i]))
    j, i = pairs // n, pairs % n
    sig_terms, sig_weights = nb.dense_signatures(s_doc, s_term, s_weight, n, TOP_TERMS)
    score = (W_TEXT * cosine(i, j, sig_terms, sig_weights)
             + W_PARTNERS * ov.jaccard(ov.bitmasks(*partners), i, j)
             + W_DOMAINS * ov.jaccard(ov.bitmasks(*domains), i, j))
    keep = score >= MIN_SCORE
    # Compared to 1e-9, so that float noise never decides a tie; ties go to the list order.
    return nb.best_per_row(i[keep], score[keep], j[keep], RELATED, n)


def related_lines(arts: list[Article]) -> list[str]:
    """The 'À lire aussi' section of an article page (in articles/<year>/)."""
    if not arts:
        return []
    lines = (_related_line(a.date, a.year_at_earliest, *a.title_parts(), a.page, a.language) for a in arts)
    return ["## À lire aussi", "", *lines, ""]


@functools.lru_cache(maxsize=LINES_KEPT)
def _related_line(date: PartialDate, earliest: bool, own: str, added: str, page: str, language: str) -> str:
    # Remembered: an article is listed on about five pages (50,000 lines at 10,000 articles).
    # Its language when not French, as in every list (render/titles.py, dates.language_note).
    link = title_link(own, added, language, "../../" + page)
    return f"- {short_date(date, earliest)} — {link}{language_note(language)}"
