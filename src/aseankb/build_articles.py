"""The article pages' half of a build, split from build.py (which alone calls it) for size.

After extraction, a build has two independent strands of work, one per core:
- related articles, then the article pages (rendered and written): the forked process of
  `article_side` (beside.py);
- the source texts, the lists (home, partners, domains, years...) and the cache: build.py.
Near duplicates go to the strand with less to do: the first when many source texts are
to be written (a first build), else the second.
The article pages link to the source texts, and the lists link to the article pages:
`Gate` holds the article pages back until the source texts are on disk (new folders of
pages are staged meanwhile: write.Tree), and build.py writes the lists once
`article_side` is done. At every instant every link resolves.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

from . import cache as cache_mod
from .cache import Cache, stamps_of, text_hash, unchanged_on_disk
from .config import Taxonomy, load_taxonomy
from .dedup import find_near_duplicates
from .model import Article
from .pipeline import Ingested, ingest
from .render.article import SourcePage, article_page, with_related
from .render.related import related_links, related_pairs
from .search_pages import search_articles
from .snapshot import save_articles
from .write import Tree


@dataclass
class ArticleSide:
    """What `article_side` sends back to the build."""

    near: dict[int, tuple[int, float]]  # near duplicates (dedup.find_near_duplicates)
    keys: dict[str, str]  # page -> the key of its inputs (page_key)
    keep: set[str]  # pages on disk as they should be, not rendered
    written: list[str]
    stamps: dict[str, tuple[int, int, str]]  # of the pages rendered (written or found equal)
    shared: str | None = None  # the snapshot's search share, when written here (snapshot.save)


class Gate:
    """A one-way signal from the build to its forked process, through a pipe: `wait` returns
    once `open` was called (at once ever after, and in the build's own process too)."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()

    def open(self) -> None:
        if self._write >= 0:
            os.write(self._write, b".")
            os.close(self._write)
            self._write = -1

    def wait(self) -> None:
        os.read(self._read, 1)  # a byte, or the end of the pipe once it is closed everywhere

    def close(self) -> None:
        self.open()
        os.close(self._read)


def page_key(art: Article, seed: str, meta: str, related: list[str]) -> str:
    """The inputs of an article's page: its seed, its metadata as the build left it (`meta`:
    its `meta_key`), the metadata of the related articles it links to (`meta_key` of each:
    what a link shows of an article, title, page and date, is part of it), and the code and
    taxonomy (the cache's version key). Equal keys, equal pages."""
    # The version key: new code may render the same inputs differently.
    return text_hash(f"{cache_mod.version_key()}\0{seed}\0{meta}\0{art.id}\0{art.slug}\0"
                     f"{chr(1).join(related)}".encode())


def texts(item: Ingested, cache: Cache) -> tuple[list[str], str]:
    """An article's paragraphs and source text: at hand, from its cache blob, or extracted again."""
    if item.article.paragraphs and item.text is not None:
        return item.article.paragraphs, item.text
    blob = cache.blob(item.key)
    if blob:
        return blob
    again = ingest(item.path, load_taxonomy(), item.result.file)  # the blob was lost: extracted again
    if again.article is None:
        return [], ""
    cache.store_blob(item.key, again.article.paragraphs, again.text)
    return again.article.paragraphs, again.text


def _head(item: Ingested, cache: Cache, tax: Taxonomy) -> str:
    """The article's page without its related articles: as the worker rendered it, unless
    the build edited the article since (then its `meta` is empty), else from its paragraphs."""
    if item.head is not None and item.meta:
        return item.head
    paragraphs, _text = texts(item, cache)
    return article_page(replace(item.article, paragraphs=paragraphs), tax)


# The key's prefix: the form of the source pages (render/article.source_page). A new form
# gets a new prefix, so that a build rewrites every page of the old one.
SOURCE_FORMAT = "html2:"


def source_files(kept: list[Ingested], out: Path, cache: Cache, stamps: dict
                 ) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Each article's source text (sources/<id>.html): (files to write, their keys, files on
    disk as they should be). Texts are read only when needed."""
    files, keys, keep = {}, {}, set()
    for item in kept:
        rel = f"sources/{item.article.id}.html"
        # The page links back to its article: a corrected date moves the article, and its link.
        # It names its file and language: a seed renamed (same text, same id: "a.txt" to
        # "a.md") kept the old name for ever (fifteenth audit).
        art = item.article
        key = f"{SOURCE_FORMAT}{item.source_hash}:{art.page}:{art.language}:{art.source}" if item.key else ""
        if key and unchanged_on_disk(f"{out}/{rel}", key, stamps, rel):
            keep.add(rel)
            continue
        files[rel] = SourcePage(item.article, item.text if item.text is not None else texts(item, cache)[1])
        if key:
            keys[rel] = key
    return files, keys, keep


def article_pages(kept: list[Ingested], out: Path, cache: Cache, stamps: dict, tax: Taxonomy,
                  links: dict[str, list[Article]], metas: dict[int, str], existing: bool
                  ) -> tuple[dict[str, str], dict[str, str], set[str], dict[str, str]]:
    """Each article's page: (pages to write, their keys, pages on disk as they should be,
    provisional versions of new pages; see write_tree). Rendered only when their key
    changed. `existing`: a previous build left pages (on a first build no page is reachable
    before the lists are written: no provisional versions needed)."""
    provisional: dict[str, str] = {}
    files: dict[str, str] = {}
    keys: dict[str, str] = {}
    keep: set[str] = set()
    for item in kept:
        art = item.article
        rel, rel_arts = art.page, links.get(art.id, [])
        key = page_key(art, item.key, metas[id(art)], [metas[id(a)] for a in rel_arts]) if item.key else ""
        if key and unchanged_on_disk(f"{out}/{rel}", key, stamps, rel):
            keep.add(rel)
            continue
        head = _head(item, cache, tax)
        files[rel] = with_related(head, rel_arts)
        if key:
            keys[rel] = key
        if existing and not (out / rel).exists():
            on_disk = [a for a in rel_arts if (out / a.page).exists()]
            if len(on_disk) < len(rel_arts):
                provisional[rel] = with_related(head, on_disk)
    return files, keys, keep, provisional


def article_side(kept: list[Ingested], arts: list[Article], out: Path, cache: Cache, stamps: dict,
                 tax: Taxonomy, metas: dict[int, str], tree: Tree, gate: Gate, near: bool = True,
                 share: Path | None = None) -> ArticleSide:
    """Related articles and the article pages, written once `gate` opens, and near
    duplicates when `near`. `arts`: the kept articles, newest first (group.Groups.articles).
    `share`: the cache folder, where to write the snapshot's search share after the pages
    (this process is done before the build's own, which renders the lists meanwhile)."""
    found = find_near_duplicates([(i.sketch, i.bands) for i in kept]) if near else {}
    pairs = related_pairs(arts, {i.article.id: i.terms for i in kept})
    links = related_links(arts, pairs)
    files, keys, keep, provisional = article_pages(kept, out, cache, stamps, tax, links, metas,
                                                   existing=bool(tree.previous))
    written = tree.write(files, provisional, gate.wait)  # new folders are staged before the gate opens
    shared = None
    if share is not None:
        with contextlib.suppress(OSError):  # the build then writes it itself
            shared = save_articles(share, out, search_articles([(i.article, i.search) for i in kept]))
    return ArticleSide(found, keys, keep, written, stamps_of(out, files, keys), shared)
