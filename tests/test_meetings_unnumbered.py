"""Meetings named without their number that the article's month resolves (the ASEAN Summit,
twice a year; the AMM, whose name also covers its informal retreat), and the ACJCC and
AUKSOM series: what is recorded as the article's event, and the traps that must record
nothing (precision first)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aseankb.clean import clean
from aseankb.config import load_taxonomy
from aseankb.errors import ConfigError
from aseankb.extract import extract
from aseankb.extract.meetings import load_meetings

TAX = load_taxonomy()


def _events(text: str) -> list[str]:
    return extract(clean(text), file_name="x.txt", source="seeds/x.txt", tax=TAX)[0].events


@pytest.mark.parametrize(("text", "events"), [
    # Kuala Lumpur held the 46th summit in May 2025 and the 47th in October.
    (" date 2025-05-27 Le Vietnam et l'ASEAN\nKuala Lumpur (VNA) - Le Premier ministre a participé au Sommet "
     "de l'ASEAN, avec les dirigeants de la région.", ["asean-summit-46"]),
    (" date 2025-10-28 ASEAN leaders meet\nKuala Lumpur - The ASEAN Summit opened on Sunday with the region's "
     "leaders.", ["asean-summit-47"]),
    # Reported in the month after (Labuan Bajo, May 2023), in Vietnamese.
    (" date 2023-06-02 Việt Nam và ASEAN\nThủ tướng phát biểu tại Hội nghị Cấp cao ASEAN ở Labuan Bajo.",
     ["asean-summit-42"]),
    # The AMM: Vientiane in July 2024, Jakarta in July 2023, Phnom Penh in August 2022.
    (" date 2024-07-26 L'ASEAN et ses partenaires\nVientiane (VNA) - Lors de la réunion des ministres des "
     "Affaires étrangères de l'ASEAN, les ministres ont parlé de la mer.", ["amm-57"]),
    (" date 2023-07-12 ASEAN ministers\nJakarta - On the sidelines of the AMM, the ministers met Japan.",
     ["amm-56"]),
    (" date 2022-08-03 ASEAN ministers\nPhnom Penh - The ASEAN Foreign Ministers' Meeting opened on Wednesday.",
     ["amm-55"]),
])
def test_a_meeting_named_without_its_number_is_the_one_of_the_article_s_month(text: str, events: list[str]) -> None:
    assert _events(text) == events


@pytest.mark.parametrize("text", [
    # The next summit, a past one of another year, the institution in general.
    " date 2025-10-20 L'ASEAN\nKuala Lumpur (VNA) - Le prochain Sommet de l'ASEAN se tiendra à Kuala Lumpur.",
    " date 2025-05-27 L'ASEAN\nHanoï (VNA) - Ce plan a été adopté lors du Sommet de l'ASEAN de 2015 à Kuala Lumpur.",
    " date 2025-05-27 L'ASEAN\nHanoï (VNA) - Le plan progresse depuis le Sommet de l'ASEAN, selon le ministre.",
    " date 2025-05-27 L'ASEAN\nHanoï (VNA) - Au Sommet de l'ASEAN l'an dernier, le Vietnam avait proposé ce plan.",
    " date 2025-05-27 ASEAN\nHanoi - Ahead of the ASEAN Summit, the ministers met in Kuala Lumpur.",
    " date 2025-05-27 L'ASEAN\nHanoï (VNA) - Le Sommet de l'ASEAN est l'organe suprême de l'Association.",
    " date 2025-05-27 L'ASEAN\nHanoï (VNA) - Le Vietnam participe à chaque Sommet de l'ASEAN depuis 1995.",
    # The East Asia Summit, ASEAN+3 and ASEAN-partner summits are not the ASEAN Summit.
    " date 2025-10-27 L'ASEAN\nKuala Lumpur (VNA) - Le Premier ministre au Sommet de l'Asie de l'Est.",
    " date 2025-10-27 L'ASEAN\nKuala Lumpur (VNA) - Le Premier ministre au Sommet ASEAN+3 avec la Chine.",
    " date 2025-10-27 L'ASEAN\nKuala Lumpur (VNA) - Le Premier ministre au Sommet ASEAN Plus Trois.",
    " date 2025-10-27 ASEAN\nKuala Lumpur - Leaders at the ASEAN Plus Three Summit and the EU-ASEAN Summit.",
    # Two summits held together (Vientiane, October 2024), or a month without a summit.
    " date 2024-10-09 L'ASEAN\nVientiane (VNA) - Le Premier ministre au Sommet de l'ASEAN à Vientiane.",
    " date 2025-08-01 L'ASEAN\nHanoï (VNA) - Le Premier ministre au Sommet de l'ASEAN à Kuala Lumpur.",
    # The AMM's retreat (January), special meetings, a joint meeting with a partner.
    " date 2025-01-19 L'ASEAN\nLangkawi (VNA) - Lors de la réunion restreinte des ministres des Affaires "
    "étrangères de l'ASEAN, les ministres ont parlé.",
    " date 2025-01-19 L'ASEAN\nLangkawi (VNA) - Lors de la réunion des ministres des Affaires étrangères de "
    "l'ASEAN (AMM Retreat), les ministres ont parlé.",
    " date 2025-01-19 L'ASEAN\nLangkawi (VNA) - Lors de la réunion des ministres des Affaires étrangères de "
    "l'ASEAN, les ministres ont parlé.",
    " date 2023-01-20 ASEAN\nJakarta - At the AMM Retreat, the ministers spoke.",
    " date 2024-07-26 L'ASEAN\nVientiane (VNA) - Lors de la réunion des ministres des Affaires étrangères de "
    "l'ASEAN et de la Chine, les ministres ont parlé.",
    " date 2022-08-03 ASEAN\nPhnom Penh - The Special ASEAN Foreign Ministers' Meeting opened on Wednesday.",
    # "ACJCC" alone is also the ASEAN-China Joint Cooperation Committee.
    " date 2022-03-28 L'ASEAN\nJakarta (VNA) - La 10e ACJCC s'est tenue en ligne.",
])
def test_traps_record_nothing(text: str) -> None:
    assert _events(text) == []


def test_partner_summits_keep_their_own_series() -> None:
    text = (" date 2025-10-27 Le Japon et l'ASEAN\nKuala Lumpur (VNA) - Le Premier ministre au Sommet ASEAN-Japon "
            "et au 20e Sommet de l'Asie de l'Est.")
    assert _events(text) == ["asean-japan-summit-28", "eas-20"]


def test_acjcc_and_auksom() -> None:
    text = (" date 2022-03-28 L'ASEAN et le Canada\nJakarta (VNA) - L'ambassadeur a participé le 28 mars à la "
            "10e réunion virtuelle du Comité mixte de coopération ASEAN-Canada (ACJCC).")
    art = extract(clean(text), file_name="x.txt", source="seeds/x.txt", tax=TAX)[0]
    assert art.events == ["acjcc-10"]
    # With the year of its report: the data holds no schedule of the ACJCC (seventeenth audit).
    assert art.events_fr == ["10e Réunion du Comité mixte de coopération ASEAN-Canada (ACJCC), 2022"]
    text = (" date 2022-07-08 L'ASEAN et le Royaume-Uni\nJakarta (VNA) - L'ASEAN et le Royaume-Uni se sont "
            "réunis lors de leur première réunion des hauts fonctionnaires (AUKSOM), tenue le 6 juillet à Londres.")
    assert _events(text) == ["auksom-1"]
    assert _events(" date 2023-07-08 ASEAN and the UK\nLondon - The 2nd AUKSOM was held in London.") == ["auksom-2"]


def test_held_at() -> None:
    series = {s.id: s for s in load_meetings()}
    summit, amm = series["asean-summit"], series["amm"]
    assert [summit.held_at(2023, m) for m in (4, 5, 6, 7, 9, 10, 11)] == [None, 42, 42, None, 43, 43, None]
    assert summit.held_at(2016, 9) is None and summit.held_at(2023, None) is None
    assert summit.held_at(2009, 3) is None  # the year's months are not recorded
    assert amm.held_at(2020, 9) == 53 and amm.held_at(2020, 2) is None
    # Without the article's month: the year's only AMM (thirteenth audit: seed 000, 2018).
    assert amm.held_at(2018, None) == 51 and amm.held_at(2009, None) is None  # 2009: months not recorded
    assert series["asean-japan-summit"].held_at(2013, None) == 16  # no months: the year's only one


def _write(tmp_path: Path, months: str, name: str = "meetings.yaml") -> Path:
    file = tmp_path / name
    file.write_text("s:\n  label: Sommet S\n  first_year: 2009\n  patterns: {fr: ['{ORD} sommet s']}\n"
                    "  named: {fr: ['sommet s']}\n  schedule: [{from: 1, year: 2009, per_year: 2}]\n"
                    f"  months: {months}\n", encoding="utf-8")
    return file


@pytest.mark.parametrize(("months", "key"), [
    ("{2010: [4]}", "s.months.2010"),  # two summits that year
    ("{2010: [4, 13]}", "s.months.2010"),
    ("{2010: [11, 4]}", "s.months.2010"),  # in number order
    ("{2008: [4, 11]}", "s.months.2008"),  # before the schedule
    ("[4, 11]", "s.months"),
])
def test_bad_months_name_file_and_key(tmp_path: Path, months: str, key: str) -> None:
    file = _write(tmp_path, months)
    with pytest.raises(ConfigError) as err:
        load_meetings(file)
    assert err.value.file == str(file) and err.value.key == key
    assert load_meetings(_write(tmp_path, "{2010: [4, 11]}", "good.yaml"))[0].held_at(2010, 12) == 4


def test_a_series_whose_first_year_is_unknown_says_so_on_its_pages() -> None:
    from aseankb.group import group
    from aseankb.model import Article, PartialDate
    from aseankb.render.meetings import meeting_pages, partner_meetings
    from aseankb.render.pages import article_item

    label = "10e Réunion du Comité mixte de coopération ASEAN-Canada (ACJCC)"
    arts = [Article(id="a1", source="seeds/a1.txt", title="Titre", date=PartialDate(2022, 3, 28),
                    date_source="header", language="fr", partners=["canada"], partners_mentioned=[], domains=[],
                    people=[], paragraphs=["Texte."], slug="titre-1", events=["acjcc-10"], events_fr=[label])]
    pages = meeting_pages(group(arts), TAX, article_item)
    assert "Première réunion de la série\u00a0: non connue." in pages["reunions/acjcc.md"]
    assert "## 10e réunion (2022) { #acjcc-10 }" in pages["reunions/acjcc.md"]
    assert "| [Réunion du Comité mixte de coopération ASEAN-Canada (ACJCC)](acjcc.md) | — | 1 | 1 " \
        in pages["reunions/index.md"]
    assert partner_meetings("canada", arts)[2] == ("- [Réunion du Comité mixte de coopération ASEAN-Canada (ACJCC)]"
                                                   "(../reunions/acjcc.md) : [10e réunion (2022)]"
                                                   "(../reunions/acjcc.md#acjcc-10)")
