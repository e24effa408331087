"""What the search index holds of each page, from the build's own data: no HTML is read.

What a page holds is what `overrides/main.html` marks for search in its HTML:
- an article (a page with an `id`): everything its body shows: tags, title, provenance
  lines, text and related articles. The words of its text are computed once, at
  extraction (`article_search`, in a worker), and kept in the cache; the other parts are
  short and made here by the functions that render the page, memoised line by line;
- any other page: its title (the nav's, else its front matter's), its `description` and
  its `search_terms` (a hub page's headings and names of partners, fields, meetings and
  years, render/terms.py);
  a page whose front matter says `search: {exclude: true}`: nothing.
Each page's file in the site is the one MkDocs writes for its source (`dest_path`).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import yaml

from .config import Taxonomy
from .model import Article
from .render.article import provenance
from .render.dates import date_fr, html_lang, in_language
from .render.terms import SEPARATOR as TERMS_SEPARATOR
from .render.titles import title_marks
from .search import EXCERPT_CHARS, Doc, SearchIndexError, SearchStats, teaser, write_index
from .search_names import name_tokens
from .words import glued, word_set, word_string
from .words import terms as query_terms  # `terms` is a hub page's search terms below

# A Markdown link, whose text may hold backslash escapes ("\]"): its text is what readers see.
LINK_RE = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")
# What render/escape.py escapes with a backslash.
BACKSLASH_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
FRONT_RE = re.compile(r"\A---\n(.*?\n)---\n", re.S)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SearchData = tuple[str, str]  # an article's text: its words (space-separated) and opening lines
# A paragraph of an article's page in content/: one raw HTML block, escaped (render/article.py).
# An article's paragraph as render/escape.esc_block writes it, with its language when not French.
PARAGRAPH_RE = re.compile(r'^<p(?: lang="[a-z]{2,3}(?:-[a-z]{2,4})?")?>(.*?)</p>$', re.M | re.S)


@dataclass
class SearchSource:
    """What the index needs of every page a build generated (BuildResult.search)."""

    # Without their related articles: an article is found by its own words, not by the titles
    # of its "À lire aussi" list (a name there would give a result that never names it).
    articles: list[tuple[Article, SearchData]]
    fronts: dict[str, str]  # the other pages: source path -> front matter (YAML)
    tax: Taxonomy
    content: Path | None = None  # the folder of the pages, where articles' excerpts are read


def article_search(paragraphs: list[str], lowered: str | None = None) -> SearchData:
    """In the worker, once per seed: the words of an article's text (in no particular
    order: the index sorts what it writes), and its teaser (for an article whose page
    cannot be read: see page_excerpt). `lowered`: the paragraphs joined by new lines and
    lower-cased, when the caller has them already. The words are followed by the tokens of the
    other names the text says as phrases (search_names)."""
    lowered = lowered if lowered is not None else "\n".join(paragraphs).lower()
    words = word_string(lowered)
    names = name_tokens(lowered, set(words.split()))
    return " ".join([words, *names]) if names else words, teaser(paragraphs)


def search_source(arts: list[tuple[Article, SearchData]], pages: dict[str, str | bytes],
                  tax: Taxonomy, content: Path | None = None) -> SearchSource:
    """Called by build(): metadata only (articles without their text), so that holding
    it during the site's build costs little."""
    pages_of_articles = {a.page for a, _ in arts}
    fronts = {}
    for rel, text in pages.items():
        if rel.endswith(".md") and rel not in pages_of_articles and isinstance(text, str):
            m = FRONT_RE.match(text)
            fronts[rel] = m.group(1) if m else ""
    return SearchSource(search_articles(arts), fronts, tax, content)


def search_articles(arts: list[tuple[Article, SearchData]]) -> list[tuple[Article, SearchData]]:
    """`SearchSource.articles`: also made by the build's forked process, for the snapshot."""
    return [(replace(a, paragraphs=[]) if a.paragraphs else a,
             data if data[0] or not a.paragraphs else article_search(a.paragraphs)) for a, data in arts]


def dest_path(src: str, directory_urls: bool) -> str:
    """The file MkDocs writes for a Markdown source (mkdocs.structure.files.File.dest_uri)."""
    parent, name = posixpath.split(src)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if not directory_urls or stem == "index":
        return posixpath.join(parent, stem + ".html")
    return posixpath.join(parent, stem, "index.html")


def nav_titles(nav: object) -> dict[str, str]:
    """Source path -> title given by MkDocs' `nav` (it wins over the page's own title)."""
    out: dict[str, str] = {}

    def walk(items: object) -> None:
        for item in items if isinstance(items, list) else []:
            for title, value in (item.items() if isinstance(item, dict) else []):
                if isinstance(value, str):
                    out[value.removeprefix("./")] = str(title)
                else:
                    walk(value)
    walk(nav)
    return out


def _markdown_text(line: str) -> str:
    """The text a line of our Markdown shows: link texts without their URLs, escapes undone."""
    if "[" in line:
        line = LINK_RE.sub(_group1, line)
    if "\\" in line:
        line = BACKSLASH_RE.sub(_group1, line)
    return html.unescape(line)


def _group1(m: re.Match) -> str:
    return m.group(1)


class _Words:
    """Words of short texts, memoised: most lines (a partner list, a provenance line)
    recur on many pages, and so do most tokens between spaces, which separate words
    before and after folding (see word_set)."""

    def __init__(self) -> None:
        self.texts: dict[str, set[str]] = {}
        self.lines: dict[str, set[str]] = {}
        self.tokens: dict[str, set[str]] = {}
        self.phrases: dict[str, list[str]] = {}

    def __call__(self, text: str) -> set[str]:
        """The words of a text."""
        found = self.texts.get(text)
        if found is None:
            found = self.texts[text] = self._split(text)
        return found

    def names(self, text: str) -> list[str]:
        """The tokens of the other names a text says as phrases (search_names)."""
        found = self.phrases.get(text)
        if found is None:
            found = self.phrases[text] = name_tokens(text.lower(), self(text))
        return found

    def heading(self, text: str) -> set[str]:
        """The words of a title, and the terms of its words joined to a number ("asean+3"),
        which rank the pages it titles as its words do (aseankb-search-query.js, rank)."""
        return self(text).union(glued(text))

    def line(self, line: str) -> set[str]:
        """The words of a line of our Markdown, as its HTML shows it."""
        found = self.lines.get(line)
        if found is None:
            found = self.lines[line] = self._split(_markdown_text(line))
        return found

    def _split(self, text: str) -> set[str]:
        found: set[str] = set()
        tokens = self.tokens
        for token in text.split():
            words = tokens.get(token)
            if words is None:
                words = tokens[token] = word_set(token)
            found |= words
        return found


def page_excerpt(page: Path) -> str | None:
    """An article's first EXCERPT_CHARS characters, where its search result finds the
    passage that matched (aseankb-search.js), read from its page in content/ when the index
    is written: the build holds no excerpts (at 10,000 articles they added ~185 MiB to its
    processes' peak), and the index reads each as it writes its result file. None when the
    page cannot be read."""
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return teaser(map(html.unescape, PARAGRAPH_RE.findall(text)), EXCERPT_CHARS)


def _article_doc(art: Article, data: SearchData, tax: Taxonomy, words: _Words, directory_urls: bool,
                 content: Path | None) -> Doc:
    title = " ".join(art.title.split())
    # Its main partners rank it as its title would: shown above the title, they say what it is
    # about. "chine" listed the ASEAN+3 report that names China in passing before the two
    # articles about China, whose titles say "chinois" or nothing (fifteenth audit).
    title_words = words.heading(title).union(*(words.heading(tax.partners[p].fr) for p in art.partners))
    if art.date.year:
        # Its year is a word of it ("sommet asean japon 2023"), whatever its text says (its
        # date shows it, the year's pages list it), and ranks it as its title would: "2010"
        # listed four articles that only mention 2010 before the one of 2010 (user audit).
        title_words.add(str(art.date.year))
    extra = set(title_words)
    extra.update(words.names(title))
    for label in [tax.partners[p].fr for p in art.partners] + [tax.domains[d].fr for d in art.domains]:
        extra |= words(label)  # the tags Material shows above the title
        extra.update(words.names(label))
    for line in provenance(art, tax):
        extra |= words.line(line)
        extra.update(words.names(_markdown_text(line)))
    # The date tells apart results of the same title (a meeting reported every year); the
    # language, an article a French reader may not read: "12 mars 2024 · en anglais".
    label = date_fr(art.date, art.year_at_earliest) if art.date.year else "sans date"
    if art.language != "fr":
        label += " · " + in_language(art.language)
    return Doc(dest_path(art.page, directory_urls), title, data[1], data[0].split(), title_words, extra,
               label, html_lang(art.language) or "", lang_cut=_own_words_cut(art, title),
               excerpt=partial(page_excerpt, content / art.page) if content else None)


def _own_words_cut(art: Article, title: str) -> int:
    """Where the own words of a title not in French end, when the French name of its meeting
    follows them (render/titles.title_marks): the result marks only them with its language,
    as the lists do. In UTF-16 code units, as the browser's strings count; 0 for none."""
    _, own, added = title_marks(*art.title_parts(), art.language)
    own = " ".join(own.split())
    if not added or not title.startswith(own):
        return 0
    return len(own.encode("utf-16-le")) // 2


def _page_doc(src: str, front: str, title: str | None, words: _Words, directory_urls: bool) -> Doc | None:
    try:
        meta = yaml.load(front, Loader=YAML_LOADER) if front else {}
    except yaml.YAMLError:
        meta = {}
    meta = meta if isinstance(meta, dict) else {}
    search = meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    if title is None:
        title = str(meta["title"]) if meta.get("title") is not None else _file_title(src)
    title = " ".join(title.split())
    # Written escaped for HTML (Material prints it in an attribute as it is: escape.description_line);
    # the search shows text.
    description = " ".join(html.unescape(str(meta.get("description") or "")).split())
    # What a hub page says besides (render/terms.py): found by it, not shown.
    terms = " ".join(str(meta.get("search_terms") or "").split())
    names = aliases(meta.get("aliases"))
    # The other names together, as the page prints them (overrides/main.html: "|" between them).
    said = {n for text in (title, description, terms, "|".join(names)) for n in words.names(text)}
    return Doc(dest_path(src, directory_urls), title, teaser([description]),
               words(title) | words(description) | words(terms) | said, words.heading(title), aliases=names,
               terms=terms, lists=hub_lists(terms, _own_text(title, description, meta.get("aliases")), words))


def _own_text(title: str, description: str, names: object) -> str:
    """What a hub page says of its own, as overrides/main.html shows it before its terms:
    its title, description and other names ("|" between them)."""
    return "\n".join([title, description, "|".join(map(str, names)) if isinstance(names, list) else ""])


def hub_lists(terms: str, own: str, words: _Words | None = None) -> tuple[frozenset[str], ...]:
    """A hub page's search terms, entry by entry (render/terms.SEPARATOR), each as the words
    (and names' tokens) it holds that the page's own text (`own`: title, description, other
    names) does not: the index says which entry holds them (search.py, Doc.lists). A domain
    page lists the partners and, apart, the years of its articles: it holds "japon" and
    "2019", though none of its entries ties Japan to 2019 (user audit: "japon 2019" gave 7
    such pages before the partner page Japon and the year 2019)."""
    if not terms:
        return ()
    words = words or _Words()
    held = words(own) | set(words.names(own))
    return tuple(frozenset((words(label) | set(words.names(label))) - held) for label in terms.split(TERMS_SEPARATOR))


def aliases(names: object) -> tuple[str, ...]:
    """A page's other names (front matter `aliases`, shown to the index by overrides/main.html)
    as phrases of terms, as a query reads them: "European Union" -> "european union", "ASEAN+3"
    -> "asean+3"."""
    if not isinstance(names, list):
        return ()
    phrases = (" ".join(query_terms(str(n))) for n in names)
    return tuple(dict.fromkeys(p for p in phrases if p))


def _file_title(src: str) -> str:
    # MkDocs' last resort (Page.title): the file name.
    title = posixpath.splitext(posixpath.basename(src))[0].replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def docs(source: SearchSource, *, directory_urls: bool, titles: dict[str, str]) -> list[Doc]:
    """Every page the index holds (in no particular order: write_index numbers them)."""
    words = _Words()
    out = [_article_doc(art, data, source.tax, words, directory_urls, source.content)
           for art, data in source.articles]
    for src, front in sorted(source.fronts.items()):
        doc = _page_doc(src, front, titles.get(src), words, directory_urls)
        if doc:
            out.append(doc)
    return out


def build_index(site: Path, source: SearchSource, *, directory_urls: bool, nav: object = None,
                check: bool = False, log: Callable[[str], None] = print) -> SearchStats:
    """Index the site built from `source` (the result of the build that made its content).
    `check`: make sure that every page is in the site first (the CLI, which cannot know how
    the site was built; the MkDocs hook has just written them)."""
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"no built site in {site} (run mkdocs build first)")
    found = docs(source, directory_urls=directory_urls, titles=nav_titles(nav))
    if check:
        missing = [d.path for d in found if not (site / d.path).is_file()]
        if missing:
            raise SearchIndexError(f"{len(missing)} page(s) of the content are not in {site}, e.g. {missing[0]}: "
                                   "build the site again from this content and configuration")
    return write_index(site, found, log=log)
