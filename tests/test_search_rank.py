"""The query's ranking (assets/aseankb-search-query.js), in Chromium on indexes written for
each test: what a user audit found ranked below look-alikes, or not found."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from aseankb import search_pages
from aseankb.config import load_taxonomy
from aseankb.model import Article, PartialDate
from aseankb.search_pages import SearchSource
from test_browser import _index_page, _queries


def _article(slug: str, year: int, text: str) -> Article:
    return Article(id=slug, source=f"seeds/{slug}.txt", title=f"Réunion {slug}", date=PartialDate(year, 5, 2),
                   date_source="header", language="fr", partners=[], partners_mentioned=[], domains=[],
                   people=[], paragraphs=[text], slug=slug)


def test_a_year_gives_its_articles_before_those_that_mention_it(browser: Browser, tmp_path: Path) -> None:
    """"2010" gave the articles of 2024, 2019, 2016 and 2011 that mention 2010 before the one
    of 2010 (user audit): the year is a title word of its articles (search_pages)."""
    arts = [_article("recent", 2024, "Les relations établies en 2010 se poursuivent."),
            _article("older", 2016, "Depuis 2010, la coopération progresse."),
            _article("hanoi", 2010, "Les ministres se sont réunis à Hanoï.")]
    source = SearchSource(search_pages.search_articles([(a, ("", "")) for a in arts]), {}, load_taxonomy())
    docs = search_pages.docs(source, directory_urls=True, titles={})
    paths = _index_page(tmp_path, docs)
    found = _queries(browser, tmp_path, paths, ["2010", "reunion 2010"])
    for q in ("2010", "reunion 2010"):
        assert found[q]["whole"][0] == "articles/2010/hanoi/index.html", found[q]
        assert len(found[q]["whole"]) == 3, found[q]  # those that mention it still follow
