"""A line of links to a page's sections, for readers without Material's contents column.

Material shows a page's contents beside it on a wide screen only; on a phone or a tablet
the partner, domain and people pages are out of the navigation, so their sections could
only be scrolled through (a partner page at 10,000 articles is thousands of lines long).
The line is hidden where Material's own column shows (aseankb.css).

And a line linking such a page to the one before and after it (2019 to 2018 and 2020,
Japon to its neighbours in the partners' list) and to their index: Material's footer
does that for the pages of the navigation only, so from 2019 one could reach 2020 only
through the index (user audit).
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


def pager(chain: list[tuple[str, str]], key: str, names: tuple[str, str], index: str) -> list[str]:
    """The line linking the page `key` of `chain` ((file stem, label) in reading order) to
    the pages before and after it (`names`: what they are, "Année précédente" and "Année
    suivante", the second said "suivante" after the first) and to `index` (the label of the
    folder's index). A key not in the chain (the undated articles' page) links to the index
    only. Labels are our own, never seed text."""
    stems = [stem for stem, _label in chain]
    parts = []
    if key in stems:
        at = stems.index(key)
        if at > 0:
            parts.append(f"{names[0]} : [{chain[at - 1][1]}]({chain[at - 1][0]}.md)")
        if at + 1 < len(chain):
            # Alone, the line's first words name what it links: "suivante : 2011" did not.
            after = names[1].split(" ", 1)[-1] if parts else names[1]
            parts.append(f"{after} : [{chain[at + 1][1]}]({chain[at + 1][0]}.md)")
    return [SEPARATOR.join([*parts, f"[{index}](index.md)"]), "{: .kb-pager }", ""]
