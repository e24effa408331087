"""Dates: printed, inferred, and always explained (synthetic snippets, not real articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aseankb.clean import clean, split_header
from aseankb.config import load_taxonomy
from aseankb.errors import ConfigError
from aseankb.extract import extract
from aseankb.extract.clues import load_relations
from aseankb.extract.dates import Context, extract_date, infer_year
from aseankb.extract.markers import load_markers
from aseankb.extract.meetings import find_meetings
from aseankb.extract.officials import load_officials
from aseankb.meeting_series import load_meetings
from aseankb.model import Article, PartialDate
from aseankb.render.article import article_page
from aseankb.render.checks import checks_section
from aseankb.render.pages import article_item
from aseankb.render.related import related_lines

TAX = load_taxonomy()


def _article(text: str):
    return extract(clean(text), file_name="t.txt", source="seeds/t.txt", tax=TAX)[0]


def test_day_precision_header() -> None:
    date, rest, _ = split_header(" date 2025-10-27 Malaisie\n\nLe titre")
    assert date == PartialDate(2025, 10, 27) and date.precision == "day" and rest.startswith("Malaisie")


def test_a_month_header_takes_the_day_of_the_lead_in_that_month() -> None:
    """" date 2019-08 " and "le 1er août" in the lead: 1 August 2019, its day from the text
    (the sixth audit: "août 2019" shown). Not a day of another month, nor one further in the
    text ("Le 11 juillet, les ministres poursuivent leurs travaux" closes a report of the 10th)."""
    header = PartialDate(2019, 8)
    lead = "Bangkok (VNA) - L'ASEAN et l'UE ont publié le 1er août une déclaration commune."
    r = extract_date(header, lead, [], lead + "\nSuite.", {})
    assert (r.date, r.source, r.evidence) == (PartialDate(2019, 8, 1), "header", "le 1er août")
    other = extract_date(header, "Les ministres se sont réunis le 30 juillet.", [], "x", {})
    assert (other.date, other.evidence) == (header, None)
    later = "Les ministres se sont réunis.\nLe 11 août, les ministres poursuivent leurs travaux."
    assert extract_date(header, "Les ministres se sont réunis.", [], later, {}).date == header
    # The last day of an event's span is not the dispatch's (seventh audit: "du 4 au 6 mars").
    for span in ("Le sommet a lieu du 4 au 6 août à Melbourne.", "Les 4 et 5 août, le sommet se tient."):
        assert extract_date(header, span, [], span, {}).date == header, span


@pytest.mark.parametrize(("text", "expected"), [
    ("Les ministres se sont réunis le 1er août 2019 à Bangkok.", PartialDate(2019, 8, 1)),
    ("Leaders met on Dec. 17, 2023 in Tokyo.", PartialDate(2023, 12, 17)),
    ("Les dirigeants se sont réunis le 14 novembre 2017 à Manille.", PartialDate(2017, 11, 14)),
])
def test_printed_dates(text: str, expected: PartialDate) -> None:
    r = extract_date(None, text, [], text, {})
    assert r.date == expected and r.evidence


def test_weekday_pins_the_year_next_to_dated_events() -> None:
    # Tuesday 30 July: 2013, 2019, 2024... the text's latest dated event is 2018.
    text = "La réunion s'est ouverte mardi 30 juillet. Les échanges ont atteint 10 milliards en 2018."
    r = extract_date(None, text, [], text, {})
    assert r.date == PartialDate(2019, 7, 30) and "mardi 30 juillet" in r.evidence


def test_the_evidence_says_which_clue_decided_and_when_the_year_is_only_the_earliest() -> None:
    """Thirteenth audit: "le 16 avril … depuis … juillet 2010" read as one quotation and as
    certain of 2011 (the article is of 2012); "« mardi 26 novembre … partenariat stratégique »
    (atteint en 2010)" hid that the weekday had decided 2019."""
    text = "Le colloque a eu lieu le 16 avril à Jakarta, depuis le sommet de juillet 2010."
    r = extract_date(None, text, [], text, {})
    assert r.date == PartialDate(2011, 4, 16)
    assert r.evidence == "le 16 avril ; depuis le sommet de juillet 2010 [année au plus tôt]"
    weekday = "La réunion s'est ouverte mardi 30 juillet. Les échanges ont atteint 10 milliards en 2018."
    r = extract_date(None, weekday, [], weekday, {})
    assert r.evidence.endswith("mardi 30 juillet [jour et date concordent en 2019]"), r.evidence
    assert r.evidence.count("mardi 30 juillet") == 1 and "année au plus tôt" not in r.evidence


def test_the_full_date_the_lead_gives_its_event_is_not_a_mere_lower_bound() -> None:
    """Fourteenth audit: devset 032 ("gathered on 21 January 2019 in Brussels") was listed as
    "Année estimée au plus tôt". A full date further down is still only a bound."""
    lead = ("Foreign Ministers of ASEAN and the EU gathered on 21 January 2019 in Brussels.\n"
            "They welcomed further dialogue.")
    r = extract_date(None, lead, [], lead, {})
    assert (r.date, r.evidence) == (PartialDate(2019, 1, 21), "21 January 2019")
    later = ("Foreign Ministers of ASEAN and the EU gathered in Brussels.\n"
             "They recalled the summit held on 21 January 2019.")
    r = extract_date(None, later, [], later, {})
    assert r.date.year == 2019 and r.evidence.endswith("[année au plus tôt]"), r.evidence


def test_a_year_known_only_as_the_earliest_is_listed_to_check() -> None:
    arts = [Article(id=f"a{i}", source="seeds/a.txt", title="Titre", date=PartialDate(2011, 4, 16),
                    date_source="inferred", language="fr", partners=["japon"], partners_mentioned=[],
                    domains=["energie"], people=[], paragraphs=["x"], slug=f"titre-{i}", date_evidence=evidence)
            for i, evidence in enumerate(["le 16 avril ; depuis juillet 2010 [année au plus tôt]",
                                          "mardi 26 novembre [jour et date concordent en 2019]"])]
    lines = checks_section(arts)
    assert "### Année estimée au plus tôt (1)" in lines and "- [Titre](articles/2011/titre-0.md) (2011)" in lines


def _dated(i: int, date: PartialDate) -> Article:
    return Article(id=f"a{i}", source="seeds/a.txt", title=f"Titre {i}", date=date, date_source="header",
                   language="fr", partners=["japon"], partners_mentioned=[], domains=["energie"], people=[],
                   paragraphs=["x"], slug=f"titre-{i}")


@pytest.mark.parametrize(("years", "listed"), [
    ([2031, 2025, 2024, 2023, 2019], ["0"]),          # audit 19: " date 2031-04 ", a typo
    ([2031, 2030, 2025, 2024, 2023, 2019], ["0", "1"]),  # two: both, not only the newest
    ([2026, 2025, 2024, 2023, 2019], []),              # a year apart at most: nothing to say
    ([2031, 2025, 2024], []),                          # too few others to tell a gap
])
def test_an_article_dated_far_after_all_the_others_is_listed_to_check(years: list[int], listed: list[str]) -> None:
    lines = checks_section([_dated(i, PartialDate(y, 4 if i == 0 else 12, 1)) for i, y in enumerate(years)])
    shown = [line for line in lines if line.startswith("- ")]
    if not listed:
        assert not any("Daté loin" in line for line in lines)
    else:
        assert f"### Daté loin après tous les autres ({len(listed)})" in lines
        assert shown[:len(listed)] == [f"- [Titre {i}](articles/{years[int(i)]}/titre-{i}.md) ({years[int(i)]})"
                                       for i in listed]


def test_a_weekday_alone_does_not_date() -> None:
    assert infer_year("La réunion s'est ouverte mardi 30 juillet.") is None


def test_since_a_later_month_means_the_next_year() -> None:
    text = "Réunis le 10 mars, ils ont salué les progrès accomplis depuis le sommet de juin 2015."
    r = extract_date(None, text, [], text, {})
    assert r.date == PartialDate(2016, 3, 10) and "depuis" in r.evidence


def test_anniversary_of_relations() -> None:
    text = "Les deux parties célèbrent cette année le 45e anniversaire de leurs relations."
    assert infer_year(text, ctx=Context(about=["canada"]))[0] == 2022  # relations since 1977
    vi = "Hai bên kỷ niệm 35 năm quan hệ đối thoại."
    assert infer_year(vi, ctx=Context(about=["coree-du-sud"]))[0] == 2024  # since 1989


def test_anniversary_of_unknown_subject_says_nothing() -> None:
    text = "Le 10e anniversaire de l'initiative a été célébré."
    assert infer_year(text, ctx=Context(about=["chine", "japon"])) is None


def test_partnership_announced_for_next_month() -> None:
    text = ("L'ASEAN et le Japon ont convenu de porter leurs relations à un partenariat stratégique "
            "global lors du sommet prévu en décembre prochain.")
    r = infer_year(text, ctx=Context(about=["japon"], partners_in=lambda s: ["japon"] if "Japon" in s else []))
    assert r == (2023, "partenariat stratégique global [annoncé, atteint en 2023]")


def test_official_in_office() -> None:
    # In office from January 2009 to February 2013; her name is the only clue.
    text = "La secrétaire d'État Hillary Clinton a rencontré le 12 janvier les ministres de l'ASEAN."
    r = extract_date(None, text, [], text, {})
    assert r.date == PartialDate(2009, 1, 12) and "Hillary Clinton" in r.evidence


def test_a_name_in_use_only_since_a_year_bounds_the_year() -> None:
    """An article on the COVID-19 pandemic that recalls an event of 2006 (the latest it
    dates) was not written in 2006 (data/markers.yaml)."""
    text = ("La réunion a salué la coopération dans la réponse à la pandémie de Covid-19. Le Vietnam, "
            "membre depuis qu'il a rejoint le groupe en 2006, a proposé un plan.")
    year, evidence = infer_year(text)
    assert year == 2020 and "COVID-19 [pas avant 2020, année au plus tôt]" in evidence
    assert infer_year(text.replace("de Covid-19", "de grippe"))[0] == 2006
    # A later dated event still wins: the bound is only a bound.
    assert infer_year(text.replace("en 2006", "en 2022"))[0] == 2022


def test_an_official_in_office_one_year_says_that_year() -> None:
    """'[en fonction en 2025]', not '[en fonction 2025–2025]' (Takeshi Iwaya, Oct. 2024 -
    Oct. 2025, named in an article of July: only 2025 fits)."""
    text = "Le ministre japonais des Affaires étrangères Takeshi Iwaya a rencontré le 10 juillet ses homologues."
    r = extract_date(None, text, [], text, {})
    assert "Takeshi Iwaya [en fonction au 10 juillet 2025]" in r.evidence and "2025–2025" not in r.evidence, \
        r.evidence


def test_an_official_s_years_at_the_text_s_day_do_not_read_as_a_term() -> None:
    """Dominic Raab took office in July 2019: on a 5 June, 2020 or 2021. The note said '[en
    fonction 2020–2021]', which read as a wrong term of office (seventh audit)."""
    text = ("Le ministre britannique des Affaires étrangères Dominic Raab a déclaré le 5 juin que Londres "
            "soutient l'ASEAN.")
    r = extract_date(None, text, [], text, {})
    # Which date: "à cette date" did not say (fifteenth audit).
    assert "Dominic Raab [en fonction au 5 juin des années 2020 et 2021, année au plus tôt]" in r.evidence, \
        r.evidence
    alone = infer_year("Dominic Raab a parlé de l'ASEAN.")[1]
    assert "Dominic Raab [en fonction 2019–2021, année au plus tôt]" in alone


def test_former_official_dates_nothing() -> None:
    assert infer_year("L'ancien Premier ministre Malcolm Turnbull a écrit un livre.") is None


def test_numbered_meeting_beats_a_target_year() -> None:
    text = "Le 19e Forum régional de l'ASEAN s'est ouvert. Les pays visent la communauté en 2015."
    assert infer_year(text, ctx=Context(meetings=find_meetings(text)))[0] == 2012


def test_past_meeting_is_not_the_date() -> None:
    text = ("Jakarta, 8 juillet (VNA) - Réunion des hauts fonctionnaires, la première depuis que le statut "
            "a été conféré lors de la 54e réunion des ministres des Affaires étrangères de l'ASEAN le 2 août 2021.")
    r = extract_date(None, text, [], text, {}, Context(meetings=find_meetings(text)))
    assert r.date == PartialDate(2022, 7, 8)


def test_page_update_line_gives_day_and_month() -> None:
    text = "Le volume des échanges a atteint 5 milliards de dollars en 2015. Le sommet s'est achevé."
    r = extract_date(None, text, ["Dernière mise à jour à 08h17 le 23/05"], text, {})
    assert r.date == PartialDate(2015, 5, 23) and r.evidence.startswith("Dernière mise à jour")


def test_vietnamese_dates() -> None:
    text = "Ngày 10/10, hai bên đã ký thỏa thuận. Quan hệ được nâng cấp vào tháng 7/2020."
    r = extract_date(None, text, [], text, {})
    assert r.date == PartialDate(2020, 10, 10)


def test_every_inferred_date_is_explained() -> None:
    art = _article("L'ASEAN et l'UE renforcent leur coopération\n"
                   "Bruxelles (VNA) - Les ministres de l'ASEAN et de l'UE se sont réunis le 21 janvier "
                   "à Bruxelles. Le plan d'action adopté en 2017 a été salué.\nL'UE soutient l'ASEAN.")
    assert art.date_source == "inferred" and art.year == 2017 and art.date_evidence


@pytest.mark.parametrize(("loader", "body", "key"), [
    (load_relations, "japon: {since: 1973, founded: 1970}\n", "japon.founded"),
    (load_relations, "japon: {since: soon}\n", "japon.since"),
    (load_relations, "japon: {since: 1973, kind: alliance}\n", "japon.kind"),
    (load_officials, "pm:\n  label: PM\n  terms:\n    - {names: [A B], from: 2019-13}\n", "pm.terms[0].from"),
    (load_officials, "pm:\n  label: PM\n  terms:\n    - {names: [A B], from: 2019-01, to: 2018-01}\n",
     "pm.terms[0].to"),
    (load_officials, "pm:\n  label: PM\n  terms:\n    - {names: [], from: 2019-01}\n", "pm.terms[0].names"),
    (load_officials, "pm:\n  label: PM\n  terms:\n    - {names: [A B], from: 2019-01, label: ''}\n",
     "pm.terms[0].label"),
    (load_officials, "pm:\n  - {names: [A B], from: 2019-01}\n", "pm"),  # no label: the office's is needed
    (load_officials, "pm:\n  label: ' '\n  terms:\n    - {names: [A B], from: 2019-01}\n", "pm.label"),
    (load_markers, "covid: {label: COVID-19, match: '(covid', since: 2020}\n", "covid.match"),
    (load_markers, "covid: {label: COVID-19, match: covid, since: '2020'}\n", "covid.since"),
    (load_markers, "covid: {label: '', match: covid, since: 2020}\n", "covid.label"),
    (load_markers, "covid: {label: COVID-19, match: covid}\n", "covid"),
    (load_markers, "Covid: {label: COVID-19, match: covid, since: 2020}\n", "Covid"),
])
def test_bad_data_names_file_and_key(tmp_path: Path, loader, body: str, key: str) -> None:
    file = tmp_path / "data.yaml"
    file.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        loader(file)
    assert err.value.file == str(file) and err.value.key == key


@pytest.mark.parametrize(("line", "expected"), [
    ("Publié le 23/05/2016 à 10h00", PartialDate(2016, 5, 23)),
    ("Cập nhật: 10/10/2024 14:30", PartialDate(2024, 10, 10)),
    ("Updated: Dec. 17, 2023", PartialDate(2023, 12, 17)),
])
def test_publication_lines_of_the_page(line: str, expected: PartialDate) -> None:
    cleaned = clean(f"{line}\nL'ASEAN et le Japon tiennent un sommet\nLes dirigeants se sont réunis. Le Japon.")
    assert line in cleaned.chrome
    art = extract(cleaned, file_name="t.txt", source="seeds/t.txt", tax=TAX)[0]
    assert art.date == expected and art.date_evidence == line


def test_related_links_do_not_date_the_page() -> None:
    cleaned = clean(">>Le sommet du 12 mai 2015 a réussi\nL'ASEAN et l'Inde\nTexte sans date. L'Inde.")
    art = extract(cleaned, file_name="t.txt", source="seeds/t.txt", tax=TAX)[0]
    assert art.year is None


def test_an_aspiration_is_not_a_level_reached() -> None:
    text = "L'ASEAN et l'UE visent à établir un partenariat stratégique. Les ministres se sont vus en 2017."
    ctx = Context(about=["union-europeenne"], partners_in=lambda s: ["union-europeenne"] if "UE" in s else [])
    assert infer_year(text, ctx=ctx)[0] == 2017  # the EU's strategic partnership came in 2020
    done = "L'ASEAN et l'UE ont établi un partenariat stratégique. Les ministres se sont vus en 2017."
    assert infer_year(done, ctx=ctx)[0] == 2020


def test_header_variants_and_vietnamese_dateline() -> None:
    assert split_header(" date: 2024/3/05 Texte")[0] == PartialDate(2024, 3, 5)
    lead = "Viêng Chăn, 10/10 (TTXVN) - Hai bên nâng cấp quan hệ vào năm 2024."
    assert extract_date(None, lead, [], lead, {}).date == PartialDate(2024, 10, 10)


def test_goal_years_are_targets_not_events() -> None:
    text = "Les échanges ont atteint 10 milliards en 2017. L'objectif est la neutralité carbone en 2030."
    assert infer_year(text)[0] == 2017


def test_official_with_two_terms_skips_the_gap() -> None:
    # Prime minister 2006-2007 and 2012-2020; the text's latest dated event is 2009.
    text = "Le Premier ministre japonais Shinzo Abe a salué l'accord signé en 2009."
    r = infer_year(text)
    assert r[0] == 2012 and "Shinzo Abe" in r[1]


def test_a_reported_numbered_meeting_gives_its_month() -> None:
    """An undated report of the 23rd ASEAN Summit is of October 2013, of the 19th ARF of July
    2012: the month each meeting was held (meetings.yaml `months`). Devset 004 and 006 had
    only their year."""
    series = {s.id: s for s in load_meetings()}
    assert series["asean-summit"].month_of(23) == 10 and series["arf"].month_of(19) == 7
    assert series["asean-summit"].month_of(13) is None  # 2007: months not recorded
    summit = _article("Le Premier ministre a assisté au 23e Sommet de l'ASEAN, à Bandar Seri Begawan.")
    assert (summit.date, summit.date_source) == (PartialDate(2013, 10), "inferred")
    arf = _article("Le 19e Forum régional de l'ASEAN (ARF) a débuté jeudi à Phnom Penh.")
    assert arf.date == PartialDate(2012, 7)
    # Two meetings of the year, in different months: the year alone.
    both = _article("Au 23e Sommet de l'ASEAN, le ministre a rappelé le 20e Forum régional de l'ASEAN.")
    assert both.date == PartialDate(2013)
    # A month the text prints wins.
    printed = _article("Le 10 octobre, au 22e Sommet de l'ASEAN, les dirigeants ont parlé.")
    assert printed.date == PartialDate(2013, 10, 10)


def test_the_month_a_meeting_gives_is_said_in_the_evidence() -> None:
    """Fifteenth audit: "mars 2024" beside an office and an anniversary did not say that March
    came from the special summit; the 51st AMM, named without its number in a report of 2018
    (seed 000), gave no month at all, so the page of 2018 listed it after an article of March."""
    numbered = _article("Le 19e Forum régional de l'ASEAN (ARF) a débuté jeudi à Phnom Penh.\n"
                        "Les ministres ont discuté de la sécurité régionale.")
    assert numbered.date == PartialDate(2012, 7) and numbered.date_evidence == \
        "19e Forum régional de l'ASEAN [en juillet 2012]"
    amm = _article("Renforcer la coopération contre le terrorisme\n"
                   "Il s'agit de l'un des sujets abordés lors de la Conférence des ministres des Affaires "
                   "étrangères de l'ASEAN, qui a continué de réunir des pays partenaires, dont la Corée du "
                   "Sud et les États-Unis.\n"
                   "Le secrétaire d'État américain Mike Pompeo a salué la coopération pour la période 2018-2021.")
    assert amm.date == PartialDate(2018, 8), amm.date
    assert amm.date_evidence.endswith(" ; Conférence des ministres des Affaires étrangères de l'ASEAN "
                                      "[en août 2018]"), amm.date_evidence
    assert amm.events == ["amm-51"]


def test_a_year_known_only_as_the_earliest_says_so_where_the_date_is_shown() -> None:
    """Fifteenth audit: the New Zealand colloquium (of 2012) read "16 avril 2011" on eight pages;
    only the report said that 2011 was the earliest year its text allows."""
    text = "Le colloque ASEAN-Nouvelle-Zélande a eu lieu le 16 avril à Jakarta, depuis le sommet de juillet 2010."
    art = _article(text)
    art.slug = "t"
    assert art.year_at_earliest
    assert "**Date\u00a0:** 16 avril 2011 au plus tôt (date estimée" in article_page(art, TAX)
    assert article_item(art, "").startswith("- 2011-04-16 au plus tôt — ")
    assert related_lines([art])[2].startswith("- 2011-04-16 au plus tôt — ")
    sure = _article("Le colloque ASEAN-Nouvelle-Zélande a eu lieu le 16 avril 2012 à Jakarta.")
    assert not sure.year_at_earliest and article_item(sure, "").startswith("- 2012-04-16 — ")


@pytest.mark.parametrize(("text", "year", "evidence"), [
    # The year a plan is for is not a past event: a review of 2023 is not of 2024 at the earliest.
    ("Le conseil a adopté une conclusion le 8 août 2023. Les délégués ont discuté des orientations de "
     "la participation de l'ASEAN en 2024.", 2023, "8 août 2023"),
    ("Le conseil a adopté une conclusion le 8 août 2023. Les ministères doivent achever bientôt le plan "
     "directeur de participation à l'ASEAN en 2024.", 2023, "8 août 2023"),
    # Done, not to do: "adopté", "achevé" date an event.
    ("Le conseil s'est réuni le 8 août 2023. Le plan d'action adopté en 2024 a été salué.", 2024, "en 2024"),
    ("Le conseil s'est réuni le 8 août 2023. Le plan directeur a été achevé en 2024.", 2024, "en 2024"),
    # On a tie, the printed date is the evidence, not "en 2023" (a bare year) beside it.
    ("L'ASEAN a connu une année 2023 fructueuse. La conclusion datée du 8 août 2023 en 2023.", 2023, "8 août 2023"),
])
def test_plans_are_not_past_events_and_a_printed_date_is_the_better_evidence(text: str, year: int,
                                                                            evidence: str) -> None:
    """Seventeenth audit: sample seed 003, of a meeting reviewing 2023 and planning 2024, was
    dated "2024 au plus tôt" by "la participation de l'ASEAN en 2024"."""
    # Past the lead: a full date in the lead is the news's own (_dated_in_lead).
    art = _article("Les orientations de l'ASEAN\nL'ASEAN avance, selon le vice-ministre.\n" + text)
    assert (art.year, art.date_evidence) == (year, f"{evidence} [année au plus tôt]")
    # A bound is not the article's day, which is later than the event it dates; its month is
    # the earliest the article can be of, and files it after that year's earlier articles
    # (eighteenth audit).
    assert art.date.day is None and art.date.month == (8 if "août" in evidence else None)


@pytest.mark.parametrize(("day", "month", "said"), [
    # The meeting the article reports, held after the bound: its month.
    ("8 mars 2018", 8, " ; Conférence des ministres des Affaires étrangères de l'ASEAN [en août 2018]"),
    # Held before it, the meeting cannot be the news: the bound's month, the earliest left.
    ("8 septembre 2018", 9, ""),
])
def test_a_bound_s_month_is_the_earliest_an_article_can_be_of(day: str, month: int, said: str) -> None:
    """Eighteenth audit: sample seed 003, dated by "8 août 2023 [année au plus tôt]", was
    filed on 1 January 2023, before the articles of February that year."""
    art = _article("Renforcer la coopération contre le terrorisme\n"
                   "Il s'agit de l'un des sujets abordés lors de la Conférence des ministres des Affaires "
                   "étrangères de l'ASEAN, qui a réuni des pays partenaires, dont la Corée du Sud.\n"
                   f"Le conseil avait adopté une conclusion le {day}.")
    assert art.date == PartialDate(2018, month) and art.year_at_earliest
    assert art.date_evidence == f"{day} [année au plus tôt]{said}"


def test_a_mandate_handed_over_in_the_bound_s_year_dates_the_article() -> None:
    """Eighteenth audit: sample seed 000, of the AMM of 2018 that handed over the roles "pour
    la période 2018-2021", was "août 2018 au plus tôt" beside its 51st AMM named as fact."""
    text = ("Renforcer la coopération contre le terrorisme\n"
            "Il s'agit de l'un des sujets abordés lors de la Conférence des ministres des Affaires "
            "étrangères de l'ASEAN, avec les États-Unis.\n"
            "Le Laos a repris le rôle de coordinateur pour la période 2018-2021. Le plan d'action pour la "
            "période 2018-2022 a été salué par le secrétaire d'État américain Mike Pompeo.")
    art = _article(text)
    assert art.date == PartialDate(2018, 8) and not art.year_at_earliest
    assert art.date_evidence == ("pour la période 2018-2021 ; Conférence des ministres des Affaires étrangères "
                                 "de l'ASEAN [en août 2018]")
    # A period that starts before the bound leaves it a bound.
    older = _article(text.replace("2018-2021", "2016-2019").replace("2018-2022", "2017-2020"))
    assert older.year == 2018 and older.year_at_earliest
