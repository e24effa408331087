"""Tables' first column as row headers (aseankb.render.rowheaders), for screen readers."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

TABLE = ("| Partenaire | Énergie | Commerce |\n|---|---:|---:|\n"
         "| [Japon](japon.md) | [3](a.md) | 1 |\n| Chine | | 2 |\n")


def render(text: str, *extensions: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(text, extensions=["tables", *extensions]), "html.parser")


def test_first_cells_are_row_headers_and_head_cells_column_headers() -> None:
    soup = render(TABLE, "aseankb.render.rowheaders")
    heads = [(th.name, th.get("scope"), th.get_text()) for th in soup.select("tbody th")]
    assert heads == [("th", "row", "Japon"), ("th", "row", "Chine")]
    assert [th.get("scope") for th in soup.select("thead th")] == ["col", "col", "col"]
    # The rest of the row, its links and its alignment are as Python-Markdown wrote them.
    assert [td.get_text() for td in soup.select("tbody tr:first-child td")] == ["3", "1"]
    assert soup.select_one("tbody th a")["href"] == "japon.md"
    assert soup.select_one("tbody td")["style"] == "text-align: right;"


def test_without_the_extension_the_cells_are_plain() -> None:
    """What the extension changes: without it, no row header (the test above can fail)."""
    assert not render(TABLE).select("tbody th")


def test_other_blocks_are_left_alone() -> None:
    text = "Texte | avec barre\n\n- un\n- deux\n"
    assert str(render(text, "aseankb.render.rowheaders")) == str(render(text))
