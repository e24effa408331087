"""Stage 5, render: articles and groups -> Markdown pages (path -> text).

Seed text is untrusted: it only ever reaches a page through `esc_block` or
`esc_inline`, so the site shows its characters and a browser acts on none of them.
"""

from __future__ import annotations

from ..config import Taxonomy
from ..group import Groups
from ..model import SeedResult
from .article import render_article
from .explorer import render_explorer
from .pages import render_indexes


def render(groups: Groups, tax: Taxonomy, results: list[SeedResult]) -> dict[str, str]:
    pages = {art.page: render_article(art, tax) for art in groups.articles}
    pages.update(render_indexes(groups, tax, results))
    pages.update(render_explorer(groups, tax))
    return pages
