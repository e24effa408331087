"""Site search, built after MkDocs: a Pagefind index, and for the offline variant a
small index that works from a folder opened with file://.

Why two: Pagefind loads its index with fetch() and an ES module, which browsers refuse
on file:// pages; served over HTTP it downloads only the index chunks a query needs
(a few dozen kB, even at 10,000 articles). The offline index is loaded with plain
<script> tags instead, sharded by the first two letters of each word so that a query
reads only the shards of its own words. Both index only what the theme marks with
`data-pagefind-body` (the page's content, not the menus), and
`assets/aseankb-search.js` answers Material's header search box with either.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import AseankbError
from .text import fold

PAGEFIND_DIR = "pagefind"
OFFLINE_DIR = "search-offline"
TEASER_CHARS = 160
# Letters NFD keeps whole: searched as readers type them on a plain keyboard.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
# Words are runs of letters and digits; apostrophes split "l’énergie" into "l" + "energie",
# and one-letter words (elided articles) are not indexed.
WORD_RE = re.compile(r"[^\W_]+")
SHARD_KEY_RE = re.compile(r"^[a-z0-9]{1,2}$")
SKIPPED_TAGS = {"script", "style", "template", "noscript"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class SearchIndexError(AseankbError):
    """The search index could not be built (Pagefind missing or failing)."""


@dataclass
class SearchStats:
    pages: int
    offline_pages: int = 0


def search_words(text: str) -> list[str]:
    """The words of a text as the offline index stores them (and the JS searches them)."""
    folded = unicodedata.normalize("NFC", fold(text)).translate(LIGATURES)
    return [w for w in WORD_RE.findall(folded) if len(w) > 1]


def shard_key(word: str) -> str:
    key = word[:2]
    return key if SHARD_KEY_RE.match(key) else "_"


def pagefind_executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[bin]'") from None
    return str(get_executable())


def run_pagefind(site: Path) -> None:
    """Index site/ into site/pagefind/ (Pagefind rewrites its whole bundle each time)."""
    shutil.rmtree(site / PAGEFIND_DIR, ignore_errors=True)
    cmd = [pagefind_executable(), "--site", str(site), "--output-subdir", PAGEFIND_DIR, "--silent"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed on {site}: {(done.stderr or done.stdout).strip()}")


class _BodyText(HTMLParser):
    """The text inside the element marked data-pagefind-body, and its first h1."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.body_depth: int | None = None
        self.skip_depth: int | None = None
        self.h1_depth: int | None = None
        self.parts: list[str] = []
        self.title: list[str] = []
        self.marked = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br":
                self.parts.append(" ")
            return
        self.stack.append(tag)
        names = {k for k, _ in attrs}
        if self.body_depth is None and "data-pagefind-body" in names:
            self.body_depth, self.marked = len(self.stack), True
        elif self.skip_depth is None and (tag in SKIPPED_TAGS or "data-pagefind-ignore" in names):
            self.skip_depth = len(self.stack)
        elif tag == "h1" and self.h1_depth is None and not self.title:
            self.h1_depth = len(self.stack)
        if tag in ("p", "li", "h1", "h2", "h3", "td", "div"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            if self.stack.pop() == tag:
                break
        for name in ("body_depth", "skip_depth", "h1_depth"):
            if getattr(self, name) is not None and getattr(self, name) >= depth:
                setattr(self, name, None)

    def handle_data(self, data: str) -> None:
        if self.body_depth is None or self.skip_depth is not None:
            return
        self.parts.append(data)
        if self.h1_depth is not None:
            self.title.append(data)


def page_text(html: str) -> tuple[str, str] | None:
    """(title, text) of an indexed page; None when the page is not marked for search."""
    parser = _BodyText()
    parser.feed(html)
    if not parser.marked:
        return None
    text = " ".join("".join(parser.parts).split())
    return " ".join("".join(parser.title).split()), text


def _js(call: str, payload: object) -> str:
    # JSON is a JS expression; "</" is escaped so that no payload can close a script.
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.__kbSearch&&__kbSearch.{call}({data});\n"


def build_offline_index(site: Path) -> int:
    """site/search-offline/: docs.js ([url, title, teaser] per page) and one shard per
    two-letter word prefix ({word: [doc numbers]}), loaded as scripts on file://."""
    out = site / OFFLINE_DIR
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    docs: list[list[str]] = []
    shards: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    skip = {PAGEFIND_DIR, OFFLINE_DIR}
    for path in sorted(site.rglob("*.html")):
        if path.relative_to(site).parts[0] in skip:
            continue
        found = page_text(path.read_text(encoding="utf-8", errors="replace"))
        if not found or not found[1]:
            continue
        title, text = found
        n = len(docs)
        # The file's own path: on file:// a folder URL shows a listing, not its index.html.
        docs.append([path.relative_to(site).as_posix(), title, text[:TEASER_CHARS]])
        for word in sorted(set(search_words(title + " " + text))):
            shards[shard_key(word)][word].append(n)
    (out / "docs.js").write_text(_js("docs", docs), encoding="utf-8")
    for key, words in sorted(shards.items()):
        (out / f"t-{key}.js").write_text(_js("shard", [key, words]), encoding="utf-8")
    return len(docs)


def build_search_index(site: Path, *, offline: bool = False, log: Callable[[str], None] = print) -> SearchStats:
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"no built site in {site} (run mkdocs build first)")
    run_pagefind(site)
    stats = SearchStats(pages=len(list((site / PAGEFIND_DIR / "fragment").glob("*"))))
    if offline:
        stats.offline_pages = build_offline_index(site)
    else:
        shutil.rmtree(site / OFFLINE_DIR, ignore_errors=True)
    log(f"search index: {stats.pages} pages (Pagefind)"
        + (f", {stats.offline_pages} pages (offline index)" if offline else ""))
    return stats
