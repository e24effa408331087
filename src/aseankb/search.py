"""Site search: a static index answered by `assets/aseankb-search.js` through Material's
header search box. What each page holds comes from the build's own data
(`search_pages.py`), not from the built HTML: the words of an article's text are computed
once, at extraction, and kept in the cache.

Why not Pagefind (tried first): it downloads each query word's positions in every page,
~750 kB for "l'ASEAN et le Japon" at 10,000 articles, and it needs fetch() and an ES
module, which browsers refuse on file://. Why not Material's lunr: its whole index
(~86 MB at 10,000 articles) is loaded before the first result, and it misses French typed
without accents.

This index holds, per word, only the pages it occurs in (not its positions), and it is
split so that a query downloads only what its words need:
- `v-<ab>.js`: the words beginning with "ab", with the number of pages holding each;
- `b-<n>.js`: one of a few thousand hash buckets: per word, its pages, and the pages
  whose title holds it (key "^word");
- `d-<n>.js`: one page's URL, title and opening lines, loaded for the results shown.
Every file is a script calling `window.__kbSearch`, so that the same files work over
HTTP and from a folder (file://), where <script> loads but fetch() does not.
Words are folded (no case, no accents, œ -> oe), apostrophes split elisions (l’, d’),
one-letter words are dropped and a final s/x is removed: see `search_words`, mirrored
in the JS.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from .errors import AseankbError
from .text import fold

INDEX_DIR = "kb-search"
TEASER_CHARS = 180
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
WORD_RE = re.compile(r"[^\W_]+")
SHARD_KEY_RE = re.compile(r"^[a-z0-9]{1,2}$")
WORDS_PER_BUCKET = 8
B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
ASCII_KEPT = {chr(c) for c in range(128)} - {"`"}  # characters fold() leaves as they are
SMALL_B36 = [B36[n // 36] + B36[n % 36] if n >= 36 else B36[n] for n in range(36 * 36)]


class SearchIndexError(AseankbError):
    """The search index could not be built."""


@dataclass
class SearchStats:
    pages: int
    words: int
    files: int


@dataclass
class Doc:
    """One page as the index holds it: its file in the site (a file, not a folder: on
    file:// a folder URL shows a listing), the title and opening shown in results, the
    words of its text (its title included) and of its title."""

    path: str
    title: str
    teaser: str
    words: set[str]
    title_words: set[str]


def stem(word: str) -> str:
    # Plural and singular alike: "economies" and "economie", "reseaux" and "reseau".
    return word[:-1] if len(word) > 3 and word[-1] in "sx" and word[-2] != "s" else word


def search_words(text: str) -> list[str]:
    """The words of a text as the index stores them (and aseankb-search.js looks them up)."""
    folded = unicodedata.normalize("NFC", fold(text)).translate(LIGATURES)
    return [stem(w) for w in WORD_RE.findall(folded) if len(w) > 1]


def word_set(text: str) -> set[str]:
    """set(search_words(text)), three times faster on a whole article: white space
    separates words before and after folding, so each distinct token is folded once, and
    `fold` (a translation through a dict) is applied only to the distinct characters it
    changes (tests/test_search.py checks that the two agree on every character)."""
    tokens = " ".join(set(text.lower().split()))
    for ch in set(tokens) - ASCII_KEPT:
        folded = fold(ch)
        if folded != ch:
            tokens = tokens.replace(ch, folded)
    folded = unicodedata.normalize("NFC", tokens.lower())
    if "œ" in folded or "æ" in folded or "ß" in folded:
        folded = folded.translate(LIGATURES)
    return {w[:-1] if len(w) > 3 and w[-1] in "sx" and w[-2] != "s" else w  # stem(), inlined
            for w in set(WORD_RE.findall(folded)) if len(w) > 1}


def teaser(paragraphs: Iterable[str]) -> str:
    """The opening lines shown under a result's title."""
    text = " ".join(" ".join(paragraphs).split())
    if len(text) > TEASER_CHARS:
        text = text[:TEASER_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def shard_key(word: str) -> str:
    key = word[:2]
    return key if SHARD_KEY_RE.match(key) else "_"


def bucket_of(word: str, buckets: int) -> int:
    """FNV-1a over the code points: the JS computes the same number."""
    h = 2166136261
    for ch in word:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h % buckets


def encode_postings(docs: list[int]) -> str:
    """Sorted page numbers as base-36 gaps, runs of equal gaps as gap*count:
    a word on every page costs a few bytes, not one number per page."""
    gaps = [b - a for a, b in zip([-1, *docs], docs, strict=False)]
    out = []
    for gap, run in groupby(gaps):
        n = sum(1 for _ in run)
        out.append(_b36(gap) + (f"*{_b36(n)}" if n > 1 else ""))
    return ",".join(out)


def _b36(n: int) -> str:
    if n < len(SMALL_B36):
        return SMALL_B36[n]
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = B36[r] + s
        if not n:
            return s


def _js(call: str, payload: object) -> str:
    # JSON is a JS expression; "</" is escaped so that no payload can close a script.
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.__kbSearch&&__kbSearch.{call}({data});\n"


def doc_order(path: str) -> tuple[bool, list[int]]:
    """Pages are numbered articles first, then by their path backwards, so that articles
    come newest year first: the number breaks ties between results."""
    return path.split("/", 1)[0] != "articles", [-ord(c) for c in path]


def index_files(docs: list[Doc]) -> tuple[dict[str, str], int]:
    """The index's files (name -> text) for pages numbered in the given order, and the
    number of distinct words."""
    postings: dict[str, list[int]] = defaultdict(list)
    in_titles: dict[str, list[int]] = defaultdict(list)
    for n, doc in enumerate(docs):
        for w in doc.words:
            postings[w].append(n)
        for w in doc.title_words:
            in_titles[w].append(n)
    buckets = max(64, 1 << (len(postings) // WORDS_PER_BUCKET).bit_length())
    files: dict[str, str] = {"meta.js": _js("meta", {"docs": len(docs), "buckets": buckets})}
    for n, doc in enumerate(docs):
        files[f"d-{n}.js"] = _js("doc", [n, doc.path, doc.title, doc.teaser])
    vocab: dict[str, dict[str, int]] = defaultdict(dict)
    table: dict[int, dict[str, str]] = defaultdict(dict)
    for w in sorted(postings):
        vocab[shard_key(w)][w] = len(postings[w])
        b = table[bucket_of(w, buckets)]
        b[w] = encode_postings(postings[w])
        if w in in_titles:
            b["^" + w] = encode_postings(in_titles[w])
    for key, entries in vocab.items():
        files[f"v-{key}.js"] = _js("vocab", [key, entries])
    for b, entries in table.items():
        files[f"b-{b}.js"] = _js("bucket", [b, entries])
    return files, len(postings)


def write_index(site: Path, docs: list[Doc], *, log: Callable[[str], None] = print) -> SearchStats:
    """Write the index of `docs` into site/kb-search/, replacing the previous one."""
    docs = sorted(docs, key=lambda d: doc_order(d.path))
    files, words = index_files(docs)
    out = site / INDEX_DIR
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name, text in files.items():
        with open(out / name, "w", encoding="utf-8") as f:
            f.write(text)
    stats = SearchStats(pages=len(docs), words=words, files=len(files))
    log(f"search index: {stats.pages} pages, {stats.words} words, {stats.files} files in {out}")
    return stats
