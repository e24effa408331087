"""The lines of a list of articles, and long lists cut by year.

At 10,000 articles a partner's or a domain's page lists a thousand articles or more in one
run; "what did it do in 2019?" meant scrolling through the years before. Each year now has
its heading (Material's contents column lists them beside the page), and a line of links
to them serves where that column is hidden (phones, tablets). Short lists stay one run.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import UNDATED, Article
from .dates import plural

# One line of an article list, `item(article, prefix)`: pages.article_item, passed in
# because pages imports the modules that list articles (the reverse import would be circular).
ItemFn = Callable[[Article, str], str]


def list_lines(item: ItemFn, arts: list[Article], prefix: str) -> list[str]:
    """`item(a, prefix)` for each article, through `item.lines` when it has one
    (pages.ItemLines: one comprehension instead of a call per line)."""
    many = getattr(item, "lines", None)
    return many(arts, prefix) if many else [item(a, prefix) for a in arts]


YEAR_HEADS_FROM = 40  # articles: a shorter list is read at a glance


def year_anchor(key: str) -> str:
    return f"annee-{key}"


def _label(key: str) -> str:
    return "Sans date" if key == UNDATED else key


def by_year(item: ItemFn, arts: list[Article], prefix: str, level: str = "###") -> list[str]:
    """The list of `arts` (newest first, undated last, as every list is sorted), with a
    `level` heading before each year's articles when it is long and spans several years."""
    lines = list_lines(item, arts, prefix)
    keys = [a.year_key for a in arts]
    if len(arts) < YEAR_HEADS_FROM or keys[0] == keys[-1]:
        return lines
    starts = [i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]]
    ends = [*starts[1:], len(keys)]
    links = " · ".join(f"[{_label(keys[s])}](#{year_anchor(keys[s])})" for s in starts)
    out = [f"Par année : {links}", ""]
    for s, e in zip(starts, ends, strict=True):
        out += [f"{level} {_label(keys[s])} — {plural(e - s, 'article')} {{ #{year_anchor(keys[s])} }}", "",
                *lines[s:e], ""]
    return out[:-1]
