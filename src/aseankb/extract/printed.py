"""Dates printed in an article: datelines, page lines, and dates in the text.

All patterns run on folded text (lower case, no accents, straight apostrophes). A day is
never invented: `PartialDate` keeps what is known.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..literals import literal_prefixes, matches_at
from ..model import PartialDate
from ..text import fold
from .datescan import YEAR, ending_at_years, from_digit_runs, gated, near_short_numbers, space_bound, year_ends
from .needles import Needles

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
            "friday": 4, "saturday": 5, "sunday": 6}
AGENCY = r"\((?:vna|afp|xinhua|ap|reuters|yonhap|kyodo|cvn|vns|ttxvn|bernama|antara|pna|tass|kbs)[^)]{0,12}\)"

# All patterns run on folded text (lower case, no accents, straight apostrophes).
DATELINE_RE = re.compile(
    rf"^[^\W\d][\w' .-]{{1,40}}?,\s*(?:le\s+)?(?P<day>1er|\d{{1,2}})\s*(?P<month>{MONTH_ALT})\.?"
    rf"(?:\s+(?P<year>{YEAR}))?\s*{AGENCY}")
DATELINE_EN_RE = re.compile(
    rf"^[^\W\d][\w' .-]{{1,40}}?,\s*(?P<month>{MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})"
    rf"(?:,\s*(?P<year>{YEAR}))?\s*{AGENCY}")
# Vietnamese datelines write the day and month with numbers: "Viêng Chăn, 10/10 (TTXVN) -".
DATELINE_NUM_RE = re.compile(
    rf"^[^\W\d][\w' .-]{{1,40}}?,\s*(?:ngay\s+)?(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})"
    rf"(?:/(?P<year>{YEAR}))?\s*{AGENCY}")
CHROME_DATE_RE = re.compile(rf"(?P<day>\d{{2}})\.(?P<month>\d{{2}})\.(?P<year>{YEAR})\b")
PUBLISHED_RE = re.compile(r"(?:publie|mis a jour|derniere mise a jour|updated|published|posted|cap nhat|ngay dang)\b")
NUMERIC_DATE_RE = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})[/.-](?P<month>\d{{1,2}})[/.-](?P<year>{YEAR})(?!\d)")
FULL_DATE_RE = re.compile(
    rf"(?<!\w)(?P<weekday>{'|'.join(WEEKDAYS)})?\s*(?P<day>1er|\d{{1,2}})(?:er)?\s*"
    rf"(?P<month>{MONTH_ALT})\.?,?\s+(?P<year>{YEAR})(?!\w)")
FULL_DATE_EN_RE = re.compile(
    rf"(?<!\w)(?P<month>{MONTH_ALT})\.?\s+(?P<day>\d{{1,2}}),\s*(?P<year>{YEAR})(?!\w)")
DAY_MONTH_RE = re.compile(
    rf"(?<!\w)(?:(?P<weekday>{'|'.join(WEEKDAYS)})\s+)?(?:le\s+)?(?P<day>1er|\d{{1,2}})\s*"
    rf"(?P<month>{MONTH_ALT})(?!\w)(?!\.?,?\s+{YEAR})")
MONTH_YEAR_RE = re.compile(rf"(?<!\w)(?P<month>{MONTH_ALT})\s+(?P<year>{YEAR})(?!\w)")
# Vietnamese writes dates with numbers: "ngày 10/10/2024", "tháng 10/2024", "tháng 10 năm 2024".
VI_FULL_RE = re.compile(rf"(?<!\w)ngay (?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>{YEAR})(?!\w)")
VI_MONTH_YEAR_RE = re.compile(rf"(?<!\w)thang (?P<month>\d{{1,2}})(?:/| nam )(?P<year>{YEAR})(?!\w)")
VI_DAY_MONTH_RE = re.compile(r"(?<!\w)ngay (?P<day>\d{1,2})(?:/| thang )(?P<month>\d{1,2})(?![\d/])")
# The page's "Dernière mise à jour à 08h17 le 23/05": day and month of publication.
UPDATED_RE = re.compile(r"^derniere mise a jour\b.*?\ble (?P<day>\d{1,2})/(?P<month>\d{1,2})(?![\d/])")
WEEKDAY_EN_RE = re.compile(
    rf"(?<!\w)(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+(?P<month>{MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?!\w)(?!,?\s+{YEAR})")
# "depuis juillet 2009": the article is later than the date it counts from.
SINCE_RE = re.compile(r"(?<!\w)(?:depuis|since|ke tu|tu khi)(?!\w)")
IN_YEAR_RE = re.compile(rf"(?<!\w)(?:en|in|nam|year)\s+(?P<year>{YEAR})(?!\w)")
PERIOD_RE = re.compile(rf"(?<![\w-])(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>{YEAR})(?![\w-])")
# Years that are targets, not events: "d'ici 2030", "Vision 2045", "jusqu'en 2030"; and the
# year a plan is for: "les orientations de la participation de l'ASEAN en 2024", "achever
# bientôt le plan directeur de participation à l'ASEAN en 2024" are not past events of 2024
# (seventeenth audit: seed 003, of a meeting reviewing 2023, was dated "2024 au plus tôt").
TARGET_RE = re.compile(
    rf"(?:d'ici|jusqu'en|jusqu'a|horizon|vision[\w' ]{{0,40}}?|by|toward|towards|den nam|"
    rf"(?:objectif|cible|target|goal|muc tieu|viser|vise|aim|orientations?|priorites?)[\w' -]{{0,50}}?"
    # A verb in the infinitive ("achever", not "achevé") says what is still to be done.
    rf"\s(?:en|in|nam|for)|(?:achever|finaliser|completer|terminer)\s[\w' -]{{0,70}}?\sen)\s+"
    rf"(?:l'an\s+|la fin de\s+)?(?P<year>{YEAR})(?!\w)")
FUTURE_RE = re.compile(r"(?<!\w)(prevue?s?|prochaine?s?|a venir|aura lieu|se tiendra|scheduled|to begin|will|"
                       r"starting|shall|se dien ra|sap dien ra|du kien)(?!\w)")


def valid_day(year: int | None, month: int, day: int | None) -> bool:
    """A real calendar day (any leap year will do when the year is unknown)."""
    try:
        dt.date(year or 2024, month, day or 1)
    except ValueError:
        return False
    return True


def _day(text: str) -> int:
    return 1 if text.startswith("1er") else int(text)


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text]


def dateline_date(lead: str) -> tuple[PartialDate, str] | None:
    """'Jakarta, 8 juillet (VNA) -' -> day and month (and the year when printed)."""
    folded = fold(lead)
    for regex in (DATELINE_RE, DATELINE_EN_RE, DATELINE_NUM_RE):
        m = regex.match(folded)
        if m and valid_day(int(m["year"]) if m["year"] else None, _month(m["month"]), _day(m["day"])):
            year = int(m["year"]) if m["year"] else None
            return PartialDate(year, _month(m["month"]), _day(m["day"])), lead[: m.end()]
    return None


def chrome_date(lines: list[str]) -> tuple[PartialDate, str] | None:
    """Dates printed by the outlet's page ('Xinhua | 23.02.2023 08h45', 'Publié le 23/05/2016',
    'Updated: Dec. 17, 2023'). Related-article links are chrome too, but never publication lines."""
    for line in lines:
        m = CHROME_DATE_RE.search(line)
        if m and valid_day(int(m["year"]), int(m["month"]), int(m["day"])):
            return PartialDate(int(m["year"]), int(m["month"]), int(m["day"])), line
        folded = fold(line)
        if not PUBLISHED_RE.match(folded):
            continue
        for regex in (NUMERIC_DATE_RE, FULL_DATE_RE, FULL_DATE_EN_RE):
            m = regex.search(folded)
            if m and valid_day(int(m["year"]), _month(m["month"]), _day(m["day"])):
                return PartialDate(int(m["year"]), _month(m["month"]), _day(m["day"])), line
    return None


def _phrase(text: str, start: int, end: int, words: int = 3) -> str:
    """The matched text with up to `words` words before it, for readers to check."""
    before = text[max(0, start - 60):start].split()
    lead = " ".join(before[-words:]) if words else ""
    return f"{lead} {text[start:end]}".strip().strip(",;( ")


FIRST_YEAR, LAST_YEAR = 1967, 2040  # ASEAN's founding; a horizon for candidate years


@dataclass
class YearEvidence:
    past: list[tuple[PartialDate, str, bool]]  # dated events, their phrase, counted "since"
    periods: list[tuple[int, str]]             # start years of plans, mandates, hand-overs
    weekdays: list[tuple[str, int, int, str]]


def weekday_years(weekday: str, day: int, month: int) -> frozenset[int]:
    years = set()
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        try:
            if dt.date(year, month, day).weekday() == WEEKDAYS[weekday]:
                years.add(year)
        except ValueError:
            continue
    return frozenset(years)


def _is_future(folded: str, start: int) -> bool:
    return bool(FUTURE_RE.search(folded, max(0, start - 30), start))


def _since(folded: str, start: int) -> int | None:
    """Where the "depuis"/"since" that the date at `start` counts from stands, if any."""
    sentence_start = max(folded.rfind(".", 0, start), folded.rfind("\n", 0, start), 0)
    m = SINCE_RE.search(folded, sentence_start, start)
    return m.start() if m else None


# Dates that end with their year and hold no other four digits before it (datescan.ending_at_years).
YEAR_LAST = (FULL_DATE_RE, FULL_DATE_EN_RE, MONTH_YEAR_RE, IN_YEAR_RE)


def _date_matches(regex: re.Pattern, folded: str, years: list[int], spaces: int) -> Iterator[re.Match]:
    return ending_at_years(regex, folded, years, spaces) if regex in YEAR_LAST else gated(regex, folded)


_TARGET_WORDS = Needles(literal_prefixes(TARGET_RE) or ())
_WEEKDAY_WORDS = Needles(WEEKDAYS)


def date_needles() -> tuple[Needles, Needles]:
    """The words every target starts with, and the weekdays (for `needles.scan_together`)."""
    return _TARGET_WORDS, _WEEKDAY_WORDS


def _targets(folded: str) -> Iterator[re.Match]:
    """`TARGET_RE.finditer(folded)`: every target starts with one of a few words ("d'ici",
    "objectif"...), tried where they occur only."""
    if not _TARGET_WORDS.needles:
        return TARGET_RE.finditer(folded)
    return matches_at(TARGET_RE, folded, sorted({i for at in _TARGET_WORDS.places(folded).values() for i in at}))


@lru_cache(maxsize=8)
def collect_year_evidence(text: str) -> YearEvidence:
    """Dated events, periods and weekdays of the text. Kept for the last few texts: the
    date stage asks twice for an article whose year it infers. Callers must not edit it."""
    folded = fold(text)
    targets = {m.start("year") for m in _targets(folded)}
    past: list[tuple[PartialDate, str, bool]] = []
    seen: set[int] = set()
    years, spaces = year_ends(folded), space_bound(folded)
    for regex in (FULL_DATE_RE, FULL_DATE_EN_RE, VI_FULL_RE, MONTH_YEAR_RE, VI_MONTH_YEAR_RE, IN_YEAR_RE):
        for m in _date_matches(regex, folded, years, spaces):
            if m.start("year") in targets or m.start("year") in seen or _is_future(folded, m.start()):
                continue
            seen.add(m.start("year"))
            groups = m.groupdict()
            month = _month(groups["month"]) if groups.get("month") else None
            day = _day(groups["day"]) if groups.get("day") else None
            if month and (not 1 <= month <= 12 or not valid_day(int(m["year"]), month, day)):
                continue
            since = _since(folded, m.start())
            phrase = _phrase(text, m.start(), m.end(), 0)
            if since is not None:  # the reader sees why the year is the next one
                word = text[since:].split()[0]
                phrase = text[since:m.end()] if m.end() - since <= 80 else f"{word} … {phrase}"
            past.append((PartialDate(int(m["year"]), month, day), phrase, since is not None))
    periods = []
    for m in from_digit_runs(PERIOD_RE, folded):  # a period starts with its first year's digits
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 < y2 <= y1 + 15 and m.start("y1") not in targets:
            periods.append((y1, _phrase(text, m.start(), m.end())))
    # Only the matches that name a weekday count: a text that names none skips both scans.
    named = bool(_WEEKDAY_WORDS.found(folded))
    weekdays = [(m["weekday"], _day(m["day"]), _month(m["month"]), text[m.start():m.end()].strip())
                for regex in (DAY_MONTH_RE, WEEKDAY_EN_RE) if named
                for m in _day_matches(regex, folded, spaces) if m["weekday"]]
    return YearEvidence(past, periods, weekdays)


def _day_matches(regex: re.Pattern, folded: str, spaces: int) -> Iterator[re.Match]:
    """The day-and-month patterns' matches: DAY_MONTH_RE's hold a day of one or two digits."""
    return near_short_numbers(regex, folded, spaces) if regex is DAY_MONTH_RE else gated(regex, folded)


def own_day(text: str) -> tuple[PartialDate, str] | None:
    """The first day and month the text gives without a year ("le 16 avril", "ngày 10/10"):
    most often the day of the event the article reports."""
    folded = fold(text)
    found = []
    spaces = space_bound(folded)
    for regex in (DAY_MONTH_RE, VI_DAY_MONTH_RE):
        m = next((m for m in _day_matches(regex, folded, spaces) if not _is_future(folded, m.start())), None)
        if m and 1 <= _month(m["month"]) <= 12 and valid_day(None, _month(m["month"]), _day(m["day"])):
            found.append((m.start(), PartialDate(None, _month(m["month"]), _day(m["day"])),
                          text[m.start():m.end()].strip()))
    return min(found, key=lambda f: f[0])[1:] if found else None

