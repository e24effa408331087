"""Numbered meetings (data/meetings.yaml): their years, the events they become, bad data."""

from __future__ import annotations

from pathlib import Path

import pytest

from aseankb.clean import clean
from aseankb.config import load_taxonomy
from aseankb.errors import ConfigError
from aseankb.extract import extract
from aseankb.extract.meetings import find_meetings, load_meetings
from aseankb.meeting_series import edition_heading
from aseankb.render.article import provenance

TAX = load_taxonomy()


def _years(text: str) -> dict[str, int]:
    return {m.event_id: min(m.years) for m in find_meetings(text) if m.reported}


@pytest.mark.parametrize(("text", "event", "year"), [
    ("Ouverture de la 58e réunion des ministres des Affaires étrangères de l'ASEAN (AMM-58).", "amm-58", 2025),
    ("The 32nd ASEAN Regional Forum opened in Kuala Lumpur.", "arf-32", 2025),
    ("Le 32e Forum régional de l’ASEAN s’est ouvert.", "arf-32", 2025),
    ("Leaders attended the 19th East Asia Summit in Vientiane.", "eas-19", 2024),
    ("Le Premier ministre au 28 e Sommet ASEAN+3.", "apt-summit-28", 2025),
    ("Le 16e Sommet ASEAN-Japon s'est tenu mercredi.", "asean-japan-summit-16", 2013),
    ("The 52nd AMM ended.", "amm-52", 2019),
    ("Le 19e Forum régional de l'ASEAN a débuté jeudi.", "arf-19", 2012),
    ("Hội nghị Cấp cao ASEAN lần thứ 45 khai mạc tại Viêng Chăn.", "asean-summit-45", 2024),
    ("Le 23e Sommet de l'ASEAN, à Bandar Seri Begawan.", "asean-summit-23", 2013),
    ("The 12th ADMM-Plus met in Kuala Lumpur.", "admm-plus-12", 2025),
    ("The 14th EAS Foreign Ministers' Meeting ended.", "eas-fmm-14", 2024),
    ("Les 36e et 37e Sommets de l'ASEAN se sont tenus en ligne.", "asean-summit-37", 2020),
    ("La 26e réunion du Forum régional de l'ASEAN s'est ouverte.", "arf-26", 2019),
])
def test_numbered_meeting_years(text: str, event: str, year: int) -> None:
    assert _years(text) == {event: year}


def test_two_summits_a_year_and_gaps() -> None:
    series = {s.id: s for s in load_meetings()}
    assert series["asean-summit"].year_of(36) == series["asean-summit"].year_of(37) == 2020
    assert series["apt-summit"].year_of(11) == 2007 and series["apt-summit"].year_of(12) == 2009
    assert series["eas"].year_of(3) == 2007 and series["eas"].year_of(4) == 2009
    assert series["asean-rok-summit"].year_of(5) is None  # before the recorded runs


def test_past_and_announced_meetings_are_not_reported() -> None:
    text = ("C'est la première réunion depuis la 54e réunion des ministres des Affaires étrangères "
            "de l'ASEAN en 2021. Le 47e Sommet de l'ASEAN, prévu en octobre, sera chargé.")
    mentions = find_meetings(text)
    assert [m.event_id for m in mentions] == ["amm-54", "asean-summit-47"]
    assert not any(m.reported for m in mentions)


def test_unnumbered_special_summit_needs_a_year() -> None:
    (mention,) = find_meetings("Le Sommet spécial ASEAN-Australie s'ouvre à Sydney.")
    assert mention.number is None and mention.years == {2018, 2024} and mention.event_id is None


def test_events_in_the_article() -> None:
    text = ("Les ministres réunis pour le 16e Sommet ASEAN-Japon\n"
            "Le Premier ministre japonais a participé au 16e Sommet ASEAN-Japon, dans le cadre du "
            "23e Sommet de l'ASEAN, avec les dirigeants de l'ASEAN. Le Japon est un partenaire clé.")
    art, _ = extract(clean(text), file_name="x.txt", source="seeds/x.txt", tax=TAX)
    assert art.events == ["asean-japan-summit-16", "asean-summit-23"]
    assert art.year == 2013 and art.date_source == "inferred" and "Sommet" in art.date_evidence
    # Named for readers on the page, where search finds them ("23e sommet", "sommet 23"): the
    # sixth audit found "58e" giving nothing though the article reports the 58th AMM.
    assert [e.split(" ", 1)[0] for e in art.events_fr] == ["16e", "23e"]
    assert all(e.endswith(", 2013") for e in art.events_fr)
    line = next(x for x in provenance(art, TAX) if x.startswith("**Réunions :**"))
    assert "16e Sommet" in line and "23e Sommet de l'ASEAN" in line


def _write(tmp_path: Path, body: str) -> Path:
    file = tmp_path / "meetings.yaml"
    file.write_text(body, encoding="utf-8")
    return file


@pytest.mark.parametrize(("body", "key"), [
    ("amm:\n  label: AMM\n  first_year: 1967\n  colour: red\n  patterns: {fr: ['{ORD} amm']}\n", "amm.colour"),
    ("amm:\n  label: AMM\n  first_year: 1967\n  patterns: {fr: ['amm']}\n  schedule: [{from: 1, year: 1967}]\n",
     "amm.patterns.fr"),
    ("amm:\n  label: AMM\n  first_year: 1967\n  patterns: {fr: ['{ORD} amm']}\n"
     "  schedule: [{from: 5, year: 2000}, {from: 3, year: 2001}]\n", "amm.schedule[1]"),
    ("amm:\n  label: AMM\n  first_year: 1967\n  patterns: {de: ['{ORD} amm']}\n", "amm.patterns.de"),
    ("amm:\n  label: AMM\n  first_year: 1967\n  patterns: {fr: ['{ORD} (amm']}\n", "amm.patterns.fr"),
    ("Bad Id:\n  label: x\n", "Bad Id"),
    ("dd:\n  label: DD\n  first_year: 2009\n  numbered: oui\n  patterns: {fr: ['{ORD} dd']}\n", "dd.numbered"),
    ("dd:\n  label: DD\n  first_year: 2009\n  numbered: true\n  patterns: {fr: ['dd']}\n", "dd.patterns.fr"),
    ("dd:\n  label: DD\n  first_year: 2009\n  numbered: true\n  patterns: {fr: ['dd']}\n  held: [2010]\n",
     "dd.numbered"),
    ("arf:\n  label: ARF\n  first_year: 1994\n  partner: atlantide\n  patterns: {fr: ['{ORD} arf']}\n"
     "  schedule: [{from: 1, year: 1994}]\n", "arf.partner"),
    ("arf:\n  label: ARF\n  first_year: 1994\n  patterns: {fr: ['{ORD} arf']}\n  named: {fr: ['{ORD} forum']}\n"
     "  schedule: [{from: 1, year: 1994}]\n", "arf.named.fr"),
    ("s:\n  label: S\n  first_year: 2018\n  patterns: {fr: ['sommet s']}\n  named: {fr: ['le s']}\n  held: [2018]\n",
     "s.named"),
])
def test_bad_meetings_file_names_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    file = _write(tmp_path, body)
    with pytest.raises(ConfigError) as err:
        load_meetings(file)
    assert err.value.file == str(file) and err.value.key == key


def test_special_summit_month_dates_the_article() -> None:
    text = ("Les dirigeants au Sommet spécial ASEAN-Australie\n"
            "Le Premier ministre australien Anthony Albanese a accueilli le Sommet spécial ASEAN-Australie, "
            "avec les dirigeants de l'ASEAN. L'Australie est un partenaire clé.")
    art, _ = extract(clean(text), file_name="x.txt", source="seeds/x.txt", tax=TAX)
    assert (art.year, art.date.month) == (2024, 3)  # 2018 is before Albanese's term
    assert art.events == ["asean-australia-special-summit-2024"]


def test_held_month_is_validated(tmp_path: Path) -> None:
    file = _write(tmp_path, "s:\n  label: S\n  first_year: 2018\n  patterns: {fr: ['sommet s']}\n  held: [2018-13]\n")
    with pytest.raises(ConfigError) as err:
        load_meetings(file)
    assert err.value.key == "s.held[0]"


def test_a_numbered_meeting_without_a_schedule_is_reported_but_dates_nothing() -> None:
    """The Delhi Dialogue's numbers are not dated by the data: the meeting is the article's
    event, named without a year, and the article stays undated."""
    text = ("Le Vietnam au Dialogue de Delhi\n"
            "New Delhi - Le 9e Dialogue de Delhi s'est ouvert mardi à New Delhi, en présence de l'Inde et de l'ASEAN.")
    art, _ = extract(clean(text), file_name="x.txt", source="seeds/x.txt", tax=TAX)
    assert art.events == ["delhi-dialogue-9"] and art.events_fr == ["9e Dialogue de Delhi"]
    assert art.year is None and art.date_evidence is None
    series = {s.id: s for s in load_meetings()}
    assert edition_heading(series["delhi-dialogue"], "delhi-dialogue-9") == "9e dialogue"
    assert series["delhi-dialogue"].partner == "inde"
    # In a dated article, named with the year of its report, as the series' page heads it and
    # as a scheduled meeting is ("16e Sommet ASEAN-Japon, 2013"; seventeenth audit).
    dated, _ = extract(clean(text.replace("New Delhi - ", "New Delhi, 19 décembre 2017 - ")), file_name="x.txt",
                       source="seeds/x.txt", tax=TAX)
    assert dated.year == 2017 and dated.events_fr == ["9e Dialogue de Delhi, 2017"]


def test_the_first_meeting_of_a_series_without_a_schedule_dates_the_article() -> None:
    """Seventeenth audit: sample seed 004 reports the first AUKSOM, whose year the data holds
    (first_year: 2022), yet was dated "2022 au plus tôt" from a "depuis 2021". The first
    meeting is of the series' first year; the second is not dated by it."""
    text = ("Jakarta, 8 juillet (VNA) - L'ASEAN et le Royaume-Uni ont tenu la première réunion des hauts "
            "fonctionnaires ASEAN-Royaume-Uni (AUKSOM), et se sont félicités de leur partenariat de dialogue.")
    art, _ = extract(clean(text), file_name="x.txt", source="seeds/x.txt", tax=TAX)
    assert (art.year, art.date.month, art.date.day, art.year_at_earliest) == (2022, 7, 8, False)
    assert art.events_fr == ["1re Réunion des hauts fonctionnaires ASEAN-Royaume-Uni (AUKSOM), 2022"]
    second, _ = extract(clean(text.replace("la première", "la 2e")), file_name="x.txt", source="seeds/x.txt",
                        tax=TAX)
    assert second.year is None and second.events == ["auksom-2"]


def test_a_meeting_named_only_in_a_later_line_of_the_programme_is_not_reported() -> None:
    """"Le 11 juillet, les ministres poursuivent leurs travaux lors du 32e Forum régional"
    closes a report on the 58th AMM: the forum is the next day's (eighth and ninth audits)."""
    lead = "Les ministres de l'ASEAN et du Japon se sont réunis lors de la 58e réunion des ministres des " \
           "Affaires étrangères de l'ASEAN à Kuala Lumpur."
    programme = "Le 11 juillet, les ministres poursuivent leurs travaux lors du 32e Forum régional de l'ASEAN."

    def events_of(*paragraphs: str) -> list[str]:
        text = "La coopération ASEAN-Japon\n" + "\n".join(paragraphs)
        return extract(clean(f" date 2025-07 {text}\n"), file_name="x.txt", source="seeds/x.txt", tax=TAX)[0].events

    assert events_of(lead, "Le Japon soutient l'ASEAN.", programme) == ["amm-58"]
    # Named in the lead, or in a sentence that does not open on a day, it is reported.
    assert events_of(programme, lead) == ["arf-32", "amm-58"]
    assert events_of(lead, "Le 32e Forum régional de l'ASEAN a réuni 27 pays.") == ["amm-58", "arf-32"]


@pytest.mark.parametrize("text, kept", [
    ("Le 999e Sommet de l'ASEAN s'est ouvert à Hanoï.", []),  # dated by the schedule past 2040
    ("La 0e réunion des ministres des Affaires étrangères de l'ASEAN s'est tenue à Hanoï.", []),
    ("Le 99e Dialogue de Delhi s'est ouvert à New Delhi.", []),  # no schedule: one a year since 2009
    ("Le 12e Dialogue de Delhi s'est ouvert à New Delhi.", ["delhi-dialogue-12"]),
    ("La 25e réunion des ministres des Affaires étrangères de l'ASEAN s'est tenue à Jakarta.", ["amm-25"]),
])
def test_a_meeting_number_no_series_could_have_reached_is_a_typo(text: str, kept: list[str]) -> None:
    """Seeds are untrusted: "999e Sommet" or "0e réunion" must not become a meeting the
    meeting pages list (adversarial audit, session 17). Numbers below a schedule's first run
    (the 25th AMM, before the recorded 43rd) stay: real meetings the data does not date."""
    assert [m.event_id or f"{m.series.id}-{m.number}" for m in find_meetings(text)] == kept



@pytest.mark.parametrize(("text", "events"), [
    # The tenth audit's 2024 ASEAN-Korea summit, in a Vietnamese report: "Hàn-ASEAN", unnumbered.
    (" date 2024-10-10 Hàn Quốc và ASEAN\nPhát biểu tại Hội nghị thượng đỉnh Hàn-ASEAN cùng ngày, Tổng thống "
     "Yoon khẳng định Hàn Quốc sẽ tiếp tục coi trọng ASEAN.", ["asean-rok-summit-25"]),
    (" date 2024-10-10 Le Japon et l'ASEAN\nVientiane (VNA) - Au sommet ASEAN-Japon, les dirigeants ont salué "
     "la coopération. Le prochain sommet ASEAN-Chine aura lieu en 2025.", ["asean-japan-summit-27"]),
    # A commemorative or special summit is not the yearly one; a numbered name is its number.
    (" date 2023-12-17 Le Japon et l'ASEAN\nTokyo (VNA) - Le sommet commémoratif ASEAN-Japon s'est ouvert.",
     ["asean-japan-commemorative-summit-2023"]),
    (" date 2024-10-10 La Corée et l'ASEAN\nLe 20e sommet ASEAN-Corée, en 2019, avait lancé ce projet.", []),
    # India: none in 2018 (a commemorative summit instead), so no yearly one to name.
    (" date 2018-01-25 L'Inde et l'ASEAN\nNew Delhi (VNA) - Au sommet ASEAN-Inde, les dirigeants ont parlé.", []),
    (" date 2022-11-12 L'Inde et l'ASEAN\nPhnom Penh (VNA) - Au sommet ASEAN-Inde, les dirigeants ont parlé.",
     ["asean-india-summit-19"]),
])
def test_a_yearly_summit_named_without_its_number_is_the_one_of_its_year(text: str, events: list[str]) -> None:
    assert extract(clean(text), file_name="x.txt", source="seeds/x.txt", tax=TAX)[0].events == events


def test_a_meeting_s_phrase_is_the_text_s_own_even_after_hangul() -> None:
    """Hangul syllables fold to several letters: the phrase was cut from the text at the
    folded text's offsets and quoted other words ("onerror=alert(4)> a débuté", eleventh audit)."""
    (m,) = find_meetings("한한한한한한한한 한한한한 Le 19e Forum régional de l'ASEAN<b> a débuté à Phnom Penh.")
    assert m.event_id == "arf-19" and "19e forum regional de l'asean" in m.phrase.lower()
    (m,) = find_meetings("Le 19e Forum régional de l'ASEAN a débuté à Phnom Penh.")
    assert m.phrase == "19e Forum régional de l'ASEAN"
