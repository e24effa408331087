"""Stage 5, render: articles and groups -> Markdown pages (path -> text).

Seed text is untrusted: it only ever reaches a page through `esc_block` or
`esc_inline`, so the site shows its characters and a browser acts on none of them.
"""

from __future__ import annotations

from ..config import Taxonomy
from ..group import Groups
from ..model import SeedResult
from .explorer import render_explorer
from .feeds import feeds
from .meetings import meeting_pages
from .pages import ItemLines, render_indexes
from .people import people_pages
from .profiles import matrix_pages
from .reuse import NO_REUSE, Reuse


def render(groups: Groups, tax: Taxonomy, results: list[SeedResult] | None,
           site_url: str | None = None, reuse: Reuse = NO_REUSE) -> dict[str, str | bytes]:
    """Every page but the articles' own: the build renders those one by one, only when their
    inputs changed (render_article, with the lists of `related`)."""
    item = ItemLines()
    pages: dict[str, str | bytes] = dict(render_indexes(groups, tax, results, item, reuse))
    pages.update(people_pages(groups.articles, tax, item, reuse))
    pages.update(matrix_pages(groups, tax, item, reuse))
    pages.update(meeting_pages(groups, tax, item, reuse))
    pages.update(feeds(groups, tax, site_url))
    pages.update(render_explorer(groups, tax, reuse))
    return pages
