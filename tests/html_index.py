"""The search index as the built HTML shows it: the oracle of the index that aseankb
writes from its build data (search_pages.py). It parses every page of a site, takes what
`overrides/main.html` marks for search (data-kb-search), and indexes that, as aseankb did
before it indexed from the build (and as readers see the pages), but an article's related
articles: its section "À lire aussi" and what follows it."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from aseankb.search import (
    EXCERPT_CHARS,
    INDEX_DIR,
    TEASER_CHARS,
    Doc,
    doc_file,
    index_files,
    number_pages,
)
from aseankb.search_names import name_tokens
from aseankb.search_pages import aliases, hub_lists
from aseankb.words import glued, search_words

DATE_LINE_RE = re.compile(r"Date : (.+?) \(")
# An article's main partners, its provenance's first line: they rank it as its title would, as
# does its year.
PARTNERS_LINE_RE = re.compile(r"<strong>Partenaires?\u00a0:</strong>(.*?)<br")
LINK_TEXT_RE = re.compile(r">([^<]+)</a>")
RELATED_HEADING = "À lire aussi"  # render/related.py: the section left out of the index
SKIPPED_TAGS = {"script", "style", "template", "noscript"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "div", "article", "section"}


class _PageText(HTMLParser):
    """In the element marked data-kb-search: all text, the first h1, and the
    opening paragraphs outside the provenance box (.kb-meta) for the teaser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.depth: dict[str, int | None] = {"body": None, "skip": None, "h1": None, "meta": None, "p": None,
                                             "aliases": None, "terms": None}
        self.aliases: list[str] = []
        self.terms: list[str] = []
        self.parts: list[str] = []
        self.title: list[str] = []
        self.teaser: list[str] = []
        self.marked = False
        self.heading: tuple[int, int] | None = None  # an h2's depth, and where its text begins in parts

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
        elif d["aliases"] is None and "data-kb-aliases" in names:
            d["aliases"] = here
        elif d["terms"] is None and "data-kb-terms" in names:
            d["terms"] = here
        elif tag == "h1" and d["h1"] is None and not self.title:
            d["h1"] = here
        elif d["meta"] is None and "kb-meta" in (names.get("class") or "").split():
            d["meta"] = here
        elif tag == "p" and d["p"] is None:
            d["p"] = here
        if tag in BLOCK_TAGS:
            self.parts.append(" ")
        if tag == "h2" and d["body"] is not None and d["skip"] is None:
            self.heading = (here, len(self.parts))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or tag not in self.stack:
            return
        depth = len(self.stack)
        while self.stack and self.stack.pop() != tag:
            depth -= 1
        if self.heading and self.heading[0] >= depth:
            start = self.heading[1]
            if "".join(self.parts[start:]).strip() == RELATED_HEADING:
                del self.parts[start:]
                self.depth["skip"] = self.depth["body"]  # up to the end of the marked body
            self.heading = None
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
        if d["aliases"] is not None:
            self.aliases.append(data)
        if d["terms"] is not None:
            self.terms.append(data)
        if d["p"] is not None and d["meta"] is None:
            self.teaser.append(data)


def page_text(html: str) -> tuple[str, str, str] | None:
    """(title, text, teaser) of an indexed page; None when the page is not marked for search."""
    found = page_parts(html)
    return found[:3] if found else None


def page_parts(html: str, limit: int = TEASER_CHARS) -> tuple[str, str, str, tuple[str, ...], str] | None:
    """`page_text`, the page's other names (data-kb-aliases, "|" between them) and its search
    terms (data-kb-terms); the teaser is cut at `limit` characters (an article's: EXCERPT_CHARS)."""
    parser = _PageText()
    parser.feed(html)
    if not parser.marked:
        return None

    def squash(parts: list[str]) -> str:
        return " ".join("".join(parts).split())
    teaser = squash(parser.teaser)
    if len(teaser) > limit:
        teaser = teaser[:limit].rsplit(" ", 1)[0] + " …"
    names = "".join(parser.aliases).split("|") if parser.aliases else []
    return squash(parser.title), squash(parser.parts), teaser, aliases(names), squash(parser.terms)


def html_docs(site: Path) -> list[Doc]:
    """Every page of the site marked for search, as a Doc."""
    docs = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.split("/", 1)[0] == INDEX_DIR:
            continue
        article = rel.startswith("articles/")
        html = path.read_text(encoding="utf-8", errors="replace")
        found = page_parts(html, EXCERPT_CHARS if article else TEASER_CHARS)
        if found and found[1]:
            title, text, teaser, names, terms = found
            words = set(search_words(text))
            words.update(name_tokens(text.lower(), words))  # the other names it says as phrases
            titled = set(search_words(title)).union(glued(title))  # "asean+3" ranks as a title word
            if article and (m := PARTNERS_LINE_RE.search(html)):
                for label in map(unescape, LINK_TEXT_RE.findall(m[1])):
                    titled.update(search_words(label), glued(label))
            if article and (year := rel.split("/")[1]).isdigit():
                titled.add(year)  # the year its date shows, and its folder's: it ranks as a title word
            # A hub page's terms come last (overrides/main.html): before them, its own text.
            own = text[:len(text) - len(terms)] if terms and text.endswith(terms) else text
            docs.append(Doc(rel, title, teaser, words, titled, aliases=names,
                            label=_date_shown(text) if article else "", terms=terms,
                            lists=hub_lists(terms, own) if not article else ()))
    return docs


def _date_shown(text: str) -> str:
    """An article's date as its provenance line shows it ("Date : 12 mars 2025 (...)"), which
    its search result shows too; an unknown date as "sans date"."""
    m = DATE_LINE_RE.search(text)
    assert m, text[:200]
    return "sans date" if m.group(1) == "inconnue" else m.group(1)


def html_index(site: Path) -> dict[str, str]:
    """The files of the index of these pages (name -> text), as write_index numbers them."""
    docs = number_pages(html_docs(site))
    return {**index_files(docs)[0], **dict(doc_file(n, d) for n, d in enumerate(docs))}
