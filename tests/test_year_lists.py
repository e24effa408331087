"""Long lists of articles cut by year (render/lists.by_year), on their own and in a real site."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from aseankb.model import Article, PartialDate
from aseankb.render.lists import YEAR_HEADS_FROM, by_year
from aseankb.render.pages import article_item
from test_dirty import _kb, _site
from test_scale import gen_corpus


def _art(i: int, year: int | None) -> Article:
    return Article(id=f"{i:06d}", source=f"seeds/{i}.txt", title=f"Titre {i}",
                   date=PartialDate(year, 5, 1) if year else PartialDate(), date_source="header",
                   language="fr", partners=[], partners_mentioned=[], domains=[], people=[],
                   paragraphs=["x"], slug=f"slug-{i}")


def _arts(years: list[int | None]) -> list[Article]:
    return [_art(i, y) for i, y in enumerate(years)]


def test_a_long_list_has_a_heading_and_a_link_per_year_in_its_order() -> None:
    arts = _arts([2025] * 30 + [2019] * 15 + [None] * 2)  # newest first, undated last
    lines = by_year(article_item, arts, "../")
    assert lines[0] == ("Par année : [2025](#annee-2025) · [2019](#annee-2019) · "
                        "[Sans date](#annee-sans-date)")
    heads = [line for line in lines if line.startswith("### ")]
    assert heads == ["### 2025 — 30 articles { #annee-2025 }", "### 2019 — 15 articles { #annee-2019 }",
                     "### Sans date — 2 articles { #annee-sans-date }"]
    items = [line for line in lines if line.startswith("- ")]
    assert items == [article_item(a, "../") for a in arts]  # every article once, in the list's order
    assert lines.index(heads[1]) > lines.index(article_item(arts[29], "../"))
    assert lines.index(heads[1]) < lines.index(article_item(arts[30], "../"))


def test_short_lists_and_lists_of_one_year_stay_one_run() -> None:
    short = _arts([2025] * (YEAR_HEADS_FROM - 5) + [2019] * 4)
    assert by_year(article_item, short, "../") == [article_item(a, "../") for a in short]
    one_year = _arts([2024] * (YEAR_HEADS_FROM + 10))
    assert by_year(article_item, one_year, "../") == [article_item(a, "../") for a in one_year]
    assert by_year(article_item, [], "../") == []


def test_in_a_built_site_the_year_links_reach_their_headings(project: Path) -> None:
    """90 generated articles: the domain pages' lists are long enough to be cut by year;
    `mkdocs build --strict` checks every link's anchor (validation.anchors in mkdocs.yml)."""
    assert gen_corpus.main(["90", str(project / "generated"), "--seed", "5"]) == 0
    for seed in (project / "generated").iterdir():
        shutil.move(seed, project / "seeds" / f"gen-{seed.name}")
    _kb(project)
    _site(project)
    cut = 0
    for page in sorted((project / "site" / "domaines").glob("*/index.html")):
        main = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
        heads = main.select("h3[id^=annee-]")
        if not heads:
            continue
        cut += 1
        links = [a["href"] for a in main.select("a[href^='#annee-']")]
        assert links == [f"#{h['id']}" for h in heads]
        counted = sum(int(h.get_text().split("—")[1].split()[0]) for h in heads)
        listed = main.find(id="tous-les-articles").find_all_next("li")
        assert counted == len(listed) >= YEAR_HEADS_FROM
        toc = {a["href"].split("#")[-1] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
               .select(".md-sidebar--secondary a.md-nav__link")}
        assert {h["id"] for h in heads} <= toc  # Material's contents column lists the years
    assert cut, "no domain page had a list long enough to be cut by year"
