"""The meeting pages (render/meetings.py): each series of meetings, each meeting with the
articles that report it, and the article pages linking to them."""

from __future__ import annotations

import re

from aseankb.config import load_taxonomy
from aseankb.group import group
from aseankb.meeting_series import edition_heading, load_meetings, ordinal
from aseankb.model import Article, PartialDate
from aseankb.pipeline import ingest
from aseankb.render import render
from aseankb.render.article import render_article
from aseankb.render.meetings import meeting_pages, partner_meetings
from aseankb.render.pages import article_item
from conftest import SEEDS

TAX = load_taxonomy()
SERIES = {s.id: s for s in load_meetings()}


def art(n: int, events: dict[str, str], year: int = 2024, language: str = "fr",
        partners: tuple[str, ...] = ("australie",)) -> Article:
    return Article(id=f"a{n}", source=f"seeds/a{n}.txt", title=f"Titre {n}", date=PartialDate(year, 3, n),
                   date_source="header", language=language, partners=list(partners), partners_mentioned=[],
                   domains=[], people=[], paragraphs=["Texte."], slug=f"titre-{n}",
                   events=list(events), events_fr=list(events.values()))


SPECIAL_2024 = {"asean-australia-special-summit-2024": "Sommet spécial ASEAN-Australie, 2024"}
SPECIAL_2018 = {"asean-australia-special-summit-2018": "Sommet spécial ASEAN-Australie, 2018"}


def test_each_meeting_lists_its_reports_in_every_language_newest_meeting_first() -> None:
    arts = [art(1, SPECIAL_2018, year=2018), art(4, SPECIAL_2024), art(5, SPECIAL_2024, language="en"),
            art(6, {}, partners=("japon",))]
    page = meeting_pages(group(arts), TAX, article_item)["reunions/asean-australia-special-summit.md"]
    sections = re.findall(r"^## (.+) \{ #([\w-]+) \}$", page, re.MULTILINE)
    assert sections == [("Sommet de 2024", "asean-australia-special-summit-2024"),
                        ("Sommet de 2018", "asean-australia-special-summit-2018")]
    newest = page.split("## Sommet de 2024")[1].split("## Sommet de 2018")[0]
    # Both reports of the Melbourne summit, the English one marked as such.
    assert "[Titre 5](../articles/2024/titre-5.md){: lang=\"en\" } *(en anglais)*" in newest
    assert "[Titre 4](../articles/2024/titre-4.md)" in newest
    assert "Titre 1" not in newest and "Titre 6" not in page
    assert "Réunions dont les articles rendent compte\u00a0: 2 (3 articles), de la plus récente à la plus ancienne." \
        in page
    # One meeting has no order to tell (fifteenth audit).
    one = meeting_pages(group([art(1, SPECIAL_2018, year=2018)]), TAX, article_item)
    assert "rendent compte\u00a0: 1 (1 article).\n" in one["reunions/asean-australia-special-summit.md"]
    # The search indexes a hub page by its title and description: the meetings by name.
    assert '\ndescription: "Réunions rapportées : Sommet de 2024, Sommet de 2018."\n' in page
    assert "[Australie](../partenaires/australie.md) (3)" in page


def test_the_index_names_each_series_with_its_latest_meeting_and_counts() -> None:
    arts = [art(1, {"amm-52": "52e Réunion des ministres des Affaires étrangères de l'ASEAN (AMM), 2019"},
                year=2019),
            art(2, {"amm-58": "58e Réunion des ministres des Affaires étrangères de l'ASEAN (AMM), 2025",
                    "arf-32": "32e Forum régional de l'ASEAN (ARF), 2025"}, year=2025)]
    pages = meeting_pages(group(arts), TAX, article_item)
    index = pages["reunions/index.md"]
    rows = [line for line in index.splitlines() if line.startswith("| [")]
    # Alphabetical: the Forum, then the Réunion.
    assert rows == [
        "| [Forum régional de l'ASEAN (ARF)](arf.md) | 1994 | 1 | 1 | [32e forum (2025)](arf.md#arf-32) |",
        "| [Réunion des ministres des Affaires étrangères de l'ASEAN (AMM)](amm.md) | 1967 | 2 | 2 "
        "| [58e réunion (2025)](amm.md#amm-58) |"]
    assert set(pages) == {"reunions/index.md", "reunions/amm.md", "reunions/arf.md"}


def test_without_meetings_the_index_says_so() -> None:
    pages = meeting_pages(group([art(1, {})]), TAX, article_item)
    assert set(pages) == {"reunions/index.md"}
    assert "_Aucune réunion reconnue dans les articles._" in pages["reunions/index.md"]


def test_edition_headings_agree_with_the_series_label() -> None:
    assert edition_heading(SERIES["amm"], "amm-58") == "58e réunion (2025)"
    # Before the schedule: the series' first year is its first meeting's (seventeenth audit);
    # the second's is not known.
    assert edition_heading(SERIES["amm"], "amm-1") == "1re réunion (1967)"
    assert edition_heading(SERIES["amm"], "amm-2") == "2e réunion"
    assert edition_heading(SERIES["eas"], "eas-1") == "1er sommet (2005)"
    assert edition_heading(SERIES["asean-russia-summit"], "asean-russia-summit-2016") == "Sommet de 2016"
    assert ordinal(1, "Conférence") == "1re" and ordinal(2, "Sommet") == "2e"


def test_an_article_page_links_each_meeting_it_reports_to_its_section() -> None:
    page = render_article(art(2, {"amm-58": "58e Réunion des ministres des Affaires étrangères de l'ASEAN "
                                            "(AMM), 2025"}, year=2025), TAX)
    assert ("**Réunion\u00a0:** [58e Réunion des ministres des Affaires étrangères de l'ASEAN \\(AMM\\), 2025]"
            "(../../reunions/amm.md#amm-58)") in page


def test_the_sample_seeds_meetings_have_pages_and_the_home_page_counts_them() -> None:
    arts = [i.article for i in (ingest(p, TAX) for p in sorted(SEEDS.glob("*.txt"))) if i.article]
    g = group(arts)
    pages = render(g, TAX, None)
    amm = pages["reunions/amm.md"]
    assert amm.index("## 58e réunion (2025) { #amm-58 }") < amm.index("## 52e réunion (2019) { #amm-52 }")
    for a in arts:
        for eid in a.events:
            assert f"{{ #{eid} }}" in pages[f"reunions/{eid.rpartition('-')[0]}.md"]
    series = {eid.rpartition("-")[0] for eid in g.events}
    assert f"| Séries de réunions | {len(series)} | [Parcourir par réunion](reunions/index.md) |" in pages["index.md"]
    # Not the 32nd ARF, a line of the programme in 001; 004's "première réunion des hauts
    # fonctionnaires (AUKSOM)" is the first ASEAN-UK Senior Officials' Meeting; 000 (dated
    # 2018 by its text, no month) reports "la Conférence des ministres des Affaires
    # étrangères de l'ASEAN": the year's only AMM, the 51st (thirteenth audit).
    assert set(g.events) == {"amm-58", "amm-52", "amm-51", "auksom-1"}


def test_a_partner_page_lists_its_summits_with_asean_and_since_when() -> None:
    arts = [art(1, SPECIAL_2018, year=2018), art(4, SPECIAL_2024), art(5, SPECIAL_2024, language="en"),
            art(6, {"amm-57": "57e Réunion des ministres des Affaires étrangères de l'ASEAN (AMM), 2024",
                    "asean-japan-summit-27": "27e Sommet ASEAN-Japon, 2024"})]
    lines = partner_meetings("australie", arts)
    # The AMM, whose conferences meet every partner, is listed; Japan's summits are not Australia's.
    page = "../reunions/asean-australia-special-summit.md"
    assert lines == ["## Réunions", "",
                     "- [Réunion des ministres des Affaires étrangères de l'ASEAN (AMM)](../reunions/amm.md), "
                     "depuis 1967 : [57e réunion (2024)](../reunions/amm.md#amm-57)",
                     f"- [Sommet spécial ASEAN-Australie]({page}), depuis 2018 : "
                     f"[Sommet de 2024]({page}#asean-australia-special-summit-2024), "
                     f"[Sommet de 2018]({page}#asean-australia-special-summit-2018)", ""]
    assert partner_meetings("japon", arts[:3]) == []  # Australia's summits are not Japan's
    g = group(arts)
    page = render(g, TAX, None)["partenaires/australie.md"]
    assert page.index("## Réunions") < page.index("## Tous les articles")
    series = meeting_pages(g, TAX, article_item)["reunions/asean-australia-special-summit.md"]
    assert "Partenaire de la série\u00a0: [Australie](../partenaires/australie.md)." in series


def test_a_meeting_the_data_does_not_date_takes_its_reports_year() -> None:
    arts = [art(1, {"delhi-dialogue-9": "9e Dialogue de Delhi"}, year=2017, partners=("inde",))]
    pages = meeting_pages(group(arts), TAX, article_item)
    assert "## 9e dialogue (2017) { #delhi-dialogue-9 }" in pages["reunions/delhi-dialogue.md"]
    assert "[9e dialogue (2017)](delhi-dialogue.md#delhi-dialogue-9)" in pages["reunions/index.md"]
    assert "[9e dialogue (2017)](../reunions/delhi-dialogue.md#delhi-dialogue-9)" in partner_meetings("inde", arts)[2]


def test_a_year_page_lists_the_meetings_its_articles_report() -> None:
    """"Which partners held a summit with ASEAN in 2024": the year's page answers it (tenth
    audit), each meeting linked to its section; a year without meetings has no such section."""
    korea = {"asean-rok-summit-25": "25e Sommet ASEAN-République de Corée, 2024"}
    arts = [art(1, SPECIAL_2024), art(2, korea, partners=("coree-du-sud",)), art(3, {}, year=2023)]
    pages = render(group(arts), TAX, None)
    page = pages["annees/2024.md"]
    assert "## Réunions" in page and page.index("## Réunions") < page.index("## Articles") < page.index("Titre 1")
    assert "[25e sommet (2024)](../reunions/asean-rok-summit.md#asean-rok-summit-25)" in page
    assert "[Sommet de 2024](../reunions/asean-australia-special-summit.md#asean-australia-special-summit-2024)" in page
    assert "## Réunions" not in pages["annees/2023.md"] and "## Articles" not in pages["annees/2023.md"]
