"""A text's list items ("- Creating the ASEAN-Australia Centre...", devset 034) are a list
on the article's page, not paragraphs that begin with a dash."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from aseankb.config import load_taxonomy
from aseankb.model import Article, PartialDate
from aseankb.render.article import article_page

TAX = load_taxonomy()


def _page(paragraphs: list[str], language: str = "fr") -> BeautifulSoup:
    art = Article(id="a1", source="seeds/a1.txt", title="Titre", date=PartialDate(2024, 3, 5),
                  date_source="header", language=language, partners=["australie"], partners_mentioned=[],
                  domains=[], people=[], paragraphs=paragraphs, slug="t-1")
    text = article_page(art, TAX).split("\n---\n", 1)[1]
    return BeautifulSoup(markdown.markdown(text, extensions=["attr_list", "tables"]), "html.parser")


def test_items_in_a_row_make_one_list_between_the_paragraphs() -> None:
    soup = _page(["Les dirigeants ont annoncé :", "- la création d'un centre ;",
                  "• un programme de bourses ;", "– des visites.", "Le texte continue."])
    body = [(e.name, e.get_text()) for e in soup.find_all(["p", "ul"], recursive=False)][1:]  # after provenance
    assert body == [("p", "Les dirigeants ont annoncé\u00a0:"),
                    ("ul", "la création d'un centre\u00a0;un programme de bourses\u00a0;des visites."),
                    ("p", "Le texte continue.")]
    assert [li.get_text() for li in soup.select("ul li")][0] == "la création d'un centre\u00a0;"


def test_a_list_keeps_the_article_s_language_and_its_text_stays_text() -> None:
    soup = _page(["Intro.", "- Creating the <b>Centre</b> & <script>alert(1)</script>"], "en")
    ul = soup.find("ul")
    assert ul["lang"] == "en" and not soup.find(["b", "script"])
    assert ul.li.get_text() == "Creating the <b>Centre</b> & <script>alert(1)</script>"


def test_a_dash_that_is_no_list_marker_stays_in_the_paragraph() -> None:
    soup = _page(["-5 % de croissance en 2023.", "Un texte - avec un tiret."])
    assert not soup.find("ul") and soup.find("p", string="-5 % de croissance en 2023.")
