"""Site search, built after MkDocs from the pages' HTML: a static index answered by
`assets/aseankb-search.js` through Material's header search box.

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
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import AseankbError
from .text import fold

INDEX_DIR = "kb-search"
TEASER_CHARS = 180
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
WORD_RE = re.compile(r"[^\W_]+")
SHARD_KEY_RE = re.compile(r"^[a-z0-9]{1,2}$")
SKIPPED_TAGS = {"script", "style", "template", "noscript"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "div", "article", "section"}
WORDS_PER_BUCKET = 8


class SearchIndexError(AseankbError):
    """The search index could not be built."""


@dataclass
class SearchStats:
    pages: int
    words: int
    files: int


def stem(word: str) -> str:
    # Plural and singular alike: "economies" and "economie", "reseaux" and "reseau".
    return word[:-1] if len(word) > 3 and word[-1] in "sx" and word[-2] != "s" else word


def search_words(text: str) -> list[str]:
    """The words of a text as the index stores them (and aseankb-search.js looks them up)."""
    folded = unicodedata.normalize("NFC", fold(text)).translate(LIGATURES)
    return [stem(w) for w in WORD_RE.findall(folded) if len(w) > 1]


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
    out, prev, i = [], -1, 0
    gaps = []
    for n in docs:
        gaps.append(n - prev)
        prev = n
    while i < len(gaps):
        j = i
        while j + 1 < len(gaps) and gaps[j + 1] == gaps[i]:
            j += 1
        run = j - i + 1
        out.append(_b36(gaps[i]) + (f"*{_b36(run)}" if run > 1 else ""))
        i = j + 1
    return ",".join(out)


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if not n:
            return s


class _PageText(HTMLParser):
    """In the element marked data-kb-search: all text, the first h1, and the
    opening paragraphs outside the provenance box (.kb-meta) for the teaser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.depth: dict[str, int | None] = {"body": None, "skip": None, "h1": None, "meta": None, "p": None}
        self.parts: list[str] = []
        self.title: list[str] = []
        self.teaser: list[str] = []
        self.marked = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br":
                self.parts.append(" ")
                self.teaser.append(" ")
            return
        self.stack.append(tag)
        here, d = len(self.stack), self.depth
        names = dict(attrs)
        if d["body"] is None and "data-kb-search" in names:
            d["body"], self.marked = here, True
        elif d["skip"] is None and (tag in SKIPPED_TAGS or "data-kb-search-ignore" in names):
            d["skip"] = here
        elif tag == "h1" and d["h1"] is None and not self.title:
            d["h1"] = here
        elif d["meta"] is None and "kb-meta" in (names.get("class") or "").split():
            d["meta"] = here
        elif tag == "p" and d["p"] is None:
            d["p"] = here
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or tag not in self.stack:
            return
        depth = len(self.stack)
        while self.stack and self.stack.pop() != tag:
            depth -= 1
        for name, value in self.depth.items():
            if value is not None and value >= depth:
                self.depth[name] = None
        if tag == "p":
            self.teaser.append(" ")

    def handle_data(self, data: str) -> None:
        d = self.depth
        if d["body"] is None or d["skip"] is not None:
            return
        self.parts.append(data)
        if d["h1"] is not None:
            self.title.append(data)
        if d["p"] is not None and d["meta"] is None:
            self.teaser.append(data)


def page_text(html: str) -> tuple[str, str, str] | None:
    """(title, text, teaser) of an indexed page; None when the page is not marked for search."""
    parser = _PageText()
    parser.feed(html)
    if not parser.marked:
        return None

    def squash(parts: list[str]) -> str:
        return " ".join("".join(parts).split())
    teaser = squash(parser.teaser)
    if len(teaser) > TEASER_CHARS:
        teaser = teaser[:TEASER_CHARS].rsplit(" ", 1)[0] + " …"
    return squash(parser.title), squash(parser.parts), teaser


def _js(call: str, payload: object) -> str:
    # JSON is a JS expression; "</" is escaped so that no payload can close a script.
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.__kbSearch&&__kbSearch.{call}({data});\n"


def _pages(site: Path) -> list[Path]:
    """Indexed pages, numbered newest article first (the order that breaks ties)."""
    pages = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != INDEX_DIR]
    return sorted(pages, key=lambda p: (p.relative_to(site).parts[0] != "articles",
                                        [-ord(c) for c in p.relative_to(site).as_posix()]))


def _read_pages(site: Path) -> tuple[list[list[str]], dict[str, set[int]], dict[str, set[int]]]:
    docs: list[list[str]] = []
    words: dict[str, set[int]] = defaultdict(set)
    titles: dict[str, set[int]] = defaultdict(set)
    for path in _pages(site):
        found = page_text(path.read_text(encoding="utf-8", errors="replace"))
        if not found or not found[1]:
            continue
        title, text, teaser = found
        n = len(docs)
        # The file's own path: on file:// a folder URL shows a listing, not its index.html.
        docs.append([path.relative_to(site).as_posix(), title, teaser])
        for w in search_words(text):
            words[w].add(n)
        for w in search_words(title):
            titles[w].add(n)
    return docs, words, titles


def build_search_index(site: Path, *, log: Callable[[str], None] = print) -> SearchStats:
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"no built site in {site} (run mkdocs build first)")
    docs, words, titles = _read_pages(site)
    buckets = max(64, 1 << (len(words) // WORDS_PER_BUCKET).bit_length())
    files: dict[str, str] = {"meta.js": _js("meta", {"docs": len(docs), "buckets": buckets})}
    for n, doc in enumerate(docs):
        files[f"d-{n}.js"] = _js("doc", [n, *doc])
    vocab: dict[str, dict[str, int]] = defaultdict(dict)
    table: dict[int, dict[str, str]] = defaultdict(dict)
    for w in sorted(words):
        vocab[shard_key(w)][w] = len(words[w])
        b = table[bucket_of(w, buckets)]
        b[w] = encode_postings(sorted(words[w]))
        if w in titles:
            b["^" + w] = encode_postings(sorted(titles[w]))
    for key, entries in vocab.items():
        files[f"v-{key}.js"] = _js("vocab", [key, entries])
    for b, entries in table.items():
        files[f"b-{b}.js"] = _js("bucket", [b, entries])
    out = site / INDEX_DIR
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    stats = SearchStats(pages=len(docs), words=len(words), files=len(files))
    log(f"search index: {stats.pages} pages, {stats.words} words, {stats.files} files in {out}")
    return stats
