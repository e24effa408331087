"""Pages out of the navigation link to their neighbours and their index (render/contents.pager):
from 2019 one reached 2020 only through the index (user audit)."""

from __future__ import annotations

from pathlib import Path

from aseankb.render.contents import pager
from test_dirty import _kb

CHAIN = [("2018", "2018"), ("2019", "2019"), ("2022", "2022")]
NAMES = ("Année précédente", "Année suivante")


def test_a_page_links_to_the_one_before_and_after_it_and_to_the_index() -> None:
    assert pager(CHAIN, "2019", NAMES, "Toutes les années")[:2] == [
        "Année précédente : [2018](2018.md) · suivante : [2022](2022.md) · [Toutes les années](index.md)",
        "{: .kb-pager }"]
    # The first page's line names what it links: "suivante : 2019" alone did not (seventeenth audit).
    assert pager(CHAIN, "2018", NAMES, "Toutes")[0] == "Année suivante : [2019](2019.md) · [Toutes](index.md)"
    assert pager(CHAIN, "2022", NAMES, "Toutes")[0] == "Année précédente : [2019](2019.md) · [Toutes](index.md)"
    assert pager(CHAIN, "sans-date", NAMES, "Toutes")[0] == "[Toutes](index.md)"


def test_built_pages_link_in_time_and_list_order(built: Path) -> None:
    pages = built / "content"
    year = (pages / "annees" / "2019.md").read_text(encoding="utf-8")
    assert "Année précédente\u00a0: [2018](2018.md) · suivante\u00a0: [2022](2022.md)" in year
    japan = (pages / "partenaires" / "japon.md").read_text(encoding="utf-8")
    assert ("Partenaire précédent\u00a0: [Inde](inde.md) · suivant\u00a0: "
            "[Nouvelle-Zélande](nouvelle-zelande.md)") in japan
    assert "[Tous les domaines](index.md)" in (pages / "domaines" / "energie.md").read_text(encoding="utf-8")
    first = (pages / "annees" / sorted(p.name for p in (pages / "annees").glob("2*.md"))[0]).read_text(encoding="utf-8")
    assert "\nAnnée suivante\u00a0: [" in first and "Année précédente" not in first


def test_a_new_year_gives_the_latest_year_its_next_link(project: Path) -> None:
    """The 2025 page lists the same articles after a 2026 seed, yet must link to 2026: its
    neighbours are part of what decides whether it is rendered again (render/reuse.py)."""
    _kb(project)
    before = (project / "content" / "annees" / "2025.md").read_text(encoding="utf-8")
    assert "suivante" not in before
    (project / "seeds" / "nouveau.txt").write_text(
        " date 2026-03 La coopération ASEAN-Japon dans l'énergie\n\n"
        "L'ASEAN et le Japon ont renforcé leur coopération dans le domaine de l'énergie propre.\n",
        encoding="utf-8")
    _kb(project)
    after = (project / "content" / "annees" / "2025.md").read_text(encoding="utf-8")
    assert "suivante\u00a0: [2026](2026.md)" in after
    assert "Année précédente\u00a0: [2025](2025.md)" in (project / "content" / "annees" / "2026.md").read_text(
        encoding="utf-8")
