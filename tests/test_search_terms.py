"""Hub pages (partners, domains, years, meetings) are found by what they say: their
`search_terms` (render/terms.py), indexed by search_pages and shown to the index's oracle
by overrides/main.html. "sommet asean japon 2023" did not find the partner page Japon,
indexed by its title and its English name only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from aseankb.render.profiles import md_page
from aseankb.render.terms import TERMS_CHARS, search_terms, years_label
from aseankb.search_pages import FRONT_RE, _page_doc, _Words
from conftest import copy_project

JAPAN_LINES = [
    "# Japon", "", "2 articles consacrés au Japon (en anglais : *Japan*).", "",
    "## Domaines les plus traités", "",
    "| [Coopération maritime](../matrice/japon/maritime.md) | 1 |",
    "| [Numérique et innovation](../matrice/japon/economie-numerique.md) | 1 |",
    "## Personnalités citées", "", "[Shinzo Abe](../personnes/shinzo-abe.md) (1)",
    "## Réunions", "",
    "- [Sommet ASEAN\\-Japon](../reunions/asean-japan-summit.md), depuis 1977 : "
    "[26e sommet (2023)](../reunions/asean-japan-summit.md#asean-japan-summit-26)",
    "## Tous les articles", "",
    "- 2023-12 — [Les dirigeants zorglub réunis à Tokyo](../articles/2023/les-dirigeants.md)",
]


def test_a_partner_page_s_terms_are_its_fields_meetings_and_years_not_seed_text() -> None:
    terms = search_terms(JAPAN_LINES, ["Relations avec l'ASEAN depuis 1973.", years_label([2023, None, 2013, 2023])])
    labels = terms.split(" · ")
    assert labels[:2] == ["Relations avec l'ASEAN depuis 1973.", "Années des articles : 2023, 2013"]
    for label in ("Coopération maritime", "Numérique et innovation", "Sommet ASEAN-Japon", "26e sommet (2023)",
                  "Réunions", "Tous les articles"):
        assert label in labels, labels
    # An article's title and a person's name are seed text: not terms.
    assert "zorglub" not in terms and "Abe" not in terms


def test_terms_are_bounded_whatever_the_page_lists() -> None:
    lines = [f"- [{n}e sommet ({1900 + n})](../reunions/s.md#s-{n})" for n in range(1, 5000)]
    terms = search_terms(lines)
    assert 0 < len(terms) <= TERMS_CHARS
    assert terms.startswith("1e sommet (1901) · 2e sommet (1902)")
    assert search_terms(["## Réunions", "## Réunions", "- [A](../annees/2020.md) [A](../annees/2021.md)"]) == \
        "Réunions · A"


def test_a_hub_page_is_indexed_by_its_terms_but_shows_its_description() -> None:
    page = md_page("Japon", JAPAN_LINES, aliases=("Japan",), description="Partenaire",
                   terms=search_terms(JAPAN_LINES, ["partenariat stratégique global en 2023"]))
    front = FRONT_RE.match(page)
    assert front
    doc = _page_doc("partenaires/japon.md", front.group(1), None, _Words(), True)
    assert doc
    assert {"sommet", "asean", "japon", "2023", "numerique", "maritime"} <= set(doc.words)
    assert doc.title_words == {"japon"} and doc.teaser == "Partenaire"
    # Without terms: its title and description only, as before.
    bare = _page_doc("partenaires/japon.md", FRONT_RE.match(md_page("Japon", JAPAN_LINES)).group(1), None,
                     _Words(), True)
    assert bare and set(bare.words) == {"japon"}


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("terms"))
    done = subprocess.run([str(Path(sys.executable).parent / "aseankb"), "build", "-q"], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root / "content"


@pytest.mark.parametrize(("page", "wanted"), [
    ("partenaires/japon.md", ["Partenaire de dialogue de l'ASEAN ; relations depuis 1973", "Numérique et innovation",
                              "Réunion des ministres des Affaires étrangères de l'ASEAN (AMM)", "58e réunion (2025)",
                              "Années des articles : 2025"]),
    ("domaines/maritime.md", ["Partenaires", "Union européenne", "Années des articles : 2025"]),
    ("annees/2025.md", ["Réunion des ministres des Affaires étrangères de l'ASEAN (AMM)", "58e réunion (2025)"]),
    ("reunions/amm.md", ["58e réunion (2025)", "Japon"]),
])
def test_built_hub_pages_carry_what_they_say(content: Path, page: str, wanted: list[str]) -> None:
    post = frontmatter.load(content / page)
    terms = post["search_terms"]
    assert all(w in terms for w in wanted), terms
    assert len(terms) <= TERMS_CHARS
    # Only hub pages: an article's front matter is the contract's.
    assert all("search_terms" not in frontmatter.load(p).metadata for p in (content / "articles").rglob("*.md"))
