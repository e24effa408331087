"""Related articles: shared partners and domains, and text similarity (TF-IDF cosine).

Linear in the number of articles: no article is compared with every other one.
1. Each article keeps only its TOP_TERMS heaviest TF-IDF terms (a sparse signature;
   terms found in one article only cannot relate two articles and are left out).
2. Candidates: the articles that share a signature term, through an inverted index
   whose lists keep the POSTING_MAX heaviest entries, plus the NEIGHBOURS nearest in
   time within each (partner, domain) bucket of the article.
3. Each candidate (at most a few hundred, whatever the corpus size) is scored:
   cosine of signatures, plus the overlap (Jaccard) of partners and of domains.
Every tie is broken by the articles' order (newest first, then id): deterministic.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict

from ..model import Article
from .dates import short_date
from .escape import esc_inline

WORD_RE = re.compile(r"[a-z][a-z0-9]{3,}")
TOP_TERMS = 12
TERMS_KEPT = 150  # words kept per article: its TOP_TERMS by TF-IDF are almost always among them
POSTING_MAX = 40
NEIGHBOURS = 3
TEXT_CANDIDATES = 30
RELATED = 5
MIN_SCORE = 0.05
W_TEXT, W_PARTNERS, W_DOMAINS = 0.6, 0.25, 0.15


def term_counts(art: Article) -> dict[str, int]:
    """The article's TERMS_KEPT most frequent words with their counts: computed once at
    extraction and kept in the cache, so related lists need no text at rebuild time."""
    # ASCII folding in C (NFKD + drop marks): fold() is exact but ten times slower on full texts.
    text = unicodedata.normalize("NFKD", f"{art.title} {' '.join(art.paragraphs)}".lower())
    counts = Counter(WORD_RE.findall(text.encode("ascii", "ignore").decode()))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS_KEPT])


def signatures(arts: list[Article], terms: dict[str, dict[str, int]] | None = None) -> list[dict[str, float]]:
    tfs = [Counter(terms[a.id]) if terms is not None and a.id in terms else Counter(term_counts(a)) for a in arts]
    df: Counter = Counter()
    for tf in tfs:
        df.update(tf.keys())
    n = len(arts)
    sigs = []
    for tf in tfs:
        weights = [(-(1 + math.log(c)) * math.log(n / df[t]), t) for t, c in tf.items() if 1 < df[t] < n]
        top = sorted(weights)[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        sigs.append({t: -w / norm for w, t in top})
    return sigs


def _postings(sigs: list[dict[str, float]]) -> dict[str, list[tuple[float, int]]]:
    index: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i, sig in enumerate(sigs):
        for t, w in sig.items():
            index[t].append((-w, i))
    return {t: sorted(lst)[:POSTING_MAX] for t, lst in index.items()}


def _buckets(arts: list[Article]) -> tuple[dict[tuple, list[int]], list[list[tuple]]]:
    """(partner, domain) -> article positions (newest first), and each article's keys."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    keys: list[list[tuple]] = []
    for i, art in enumerate(arts):
        mine = [(p, d) for p in art.partners or ["-"] for d in art.domains or ["-"]]
        keys.append(mine)
        for key in mine:
            buckets[key].append(i)
    return buckets, keys


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _candidates(i: int, sigs, index, buckets, keys, where) -> set[int]:
    dots: Counter = Counter()
    for t, w in sigs[i].items():
        for w2, j in index.get(t, ()):
            dots[j] += w * -w2
    found = {j for j, _ in sorted(dots.items(), key=lambda kv: (-kv[1], kv[0]))[:TEXT_CANDIDATES]}
    for key in keys[i]:
        lst, pos = buckets[key], where[(key, i)]
        found.update(lst[max(0, pos - NEIGHBOURS):pos + NEIGHBOURS + 1])
    found.discard(i)
    return found


def related(arts: list[Article], terms: dict[str, dict[str, int]] | None = None) -> dict[str, list[Article]]:
    """Article id -> up to RELATED articles, best first. `arts` sorted newest first; `terms`:
    article id -> its `term_counts` (computed from the text when missing)."""
    sigs = signatures(arts, terms)
    index = _postings(sigs)
    buckets, keys = _buckets(arts)
    where = {(key, i): pos for key, lst in buckets.items() for pos, i in enumerate(lst)}
    partners = [frozenset(a.partners) for a in arts]
    domains = [frozenset(a.domains) for a in arts]
    out: dict[str, list[Article]] = {}
    for i, art in enumerate(arts):
        mine = sigs[i].items()
        scored = []
        for j in _candidates(i, sigs, index, buckets, keys, where):
            theirs = sigs[j]
            text = sum(w * theirs[t] for t, w in mine if t in theirs)
            score = (W_TEXT * text + W_PARTNERS * _jaccard(partners[i], partners[j])
                     + W_DOMAINS * _jaccard(domains[i], domains[j]))
            if score >= MIN_SCORE:
                # Rounded so that float noise never decides a tie; ties go to the list order.
                scored.append((-round(score, 9), j))
        out[art.id] = [arts[j] for _, j in sorted(scored)[:RELATED]]
    return out


def related_lines(arts: list[Article]) -> list[str]:
    """The 'À lire aussi' section of an article page (in articles/<year>/)."""
    if not arts:
        return []
    return ["## À lire aussi", "", *(f"- {short_date(a.date)} — [{esc_inline(a.title)}](../../{a.page})"
                                     for a in arts), ""]
