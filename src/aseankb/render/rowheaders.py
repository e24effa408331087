"""Python-Markdown extension (`aseankb.render.rowheaders` in mkdocs.yml): the first cell of
each body row of a table is its row header, `<th scope="row">`, and the header row's cells
are `<th scope="col">`.

Why: every table aseankb writes names its row in its first column (the partner in the
matrix and the partners' index, the domain, the year, the meeting series, the report's
file). Read as plain cells, a screen reader moving along the matrix says "3" where it
should say "Japon, Coopération maritime, 3": a cell's row is announced only when the row
has a header. Writing the tables as HTML would lose MkDocs' link checking and its rewriting
of links for the offline site, so the Markdown stays a Markdown table and this turns its
first column into headers once Python-Markdown has built it. Seed text cannot make a table
(render/escape.py escapes "|"), so every table here is one of ours.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class RowHeaders(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            for th in table.iterfind("thead/tr/th"):
                th.set("scope", "col")
            for row in table.iterfind("tbody/tr"):
                if len(row) and row[0].tag == "td":
                    row[0].tag = "th"
                    row[0].set("scope", "row")


class RowHeadersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After the inline patterns (20): the cells' contents are final, only their tag changes.
        md.treeprocessors.register(RowHeaders(md), "aseankb_rowheaders", 5)


def makeExtension(**kwargs) -> RowHeadersExtension:  # noqa: N802 (Python-Markdown's entry point)
    return RowHeadersExtension(**kwargs)
