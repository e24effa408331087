"""A line of links to a page's sections, for readers without Material's contents column.

Material shows a page's contents beside it on a wide screen only; on a phone or a tablet
the partner, domain and people pages are out of the navigation, so their sections could
only be scrolled through (a partner page at 10,000 articles is thousands of lines long).
The line is hidden where Material's own column shows (aseankb.css).
"""

from __future__ import annotations

# The ids the `toc` extension of MkDocs gives the headings: the links must be the same.
from markdown.extensions.toc import slugify

SEPARATOR = " · "


def with_contents(lines: list[str]) -> list[str]:
    """`lines` with, before their first '## ' heading, a line linking to each '## ' heading
    (when there are two or more). Headings are our own labels, never seed text."""
    heads = [line[3:] for line in lines if line.startswith("## ")]
    if len(heads) < 2:
        return lines
    first = next(i for i, line in enumerate(lines) if line.startswith("## "))
    links = SEPARATOR.join(f"[{title}](#{slugify(title, '-')})" for title in heads)
    return [*lines[:first], f"Sur cette page : {links}", "{: .kb-contents }", "", *lines[first:]]
