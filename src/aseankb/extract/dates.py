"""The date of an article: from the header line, a dateline, or inferred from the text.

A day is never invented: `PartialDate` keeps what is known and `precision` says
how much. An inferred year carries the phrase it came from as evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import PartialDate
from ..text import fold

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
AGENCY = r"\((?:vna|afp|xinhua|ap|reuters|yonhap|kyodo|cvn|vns|bernama|antara)[^)]{0,12}\)"
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

# All patterns run on folded text (lower case, no accents, straight apostrophes).
DATELINE_RE = re.compile(
    rf"^[^\W\d][\w' .-]{{1,40}}?,\s*(?P<day>1er|\d{{1,2}})\s*(?P<month>{MONTH_ALT})\.?"
    rf"(?:\s+(?P<year>{YEAR}))?\s*{AGENCY}")
DATELINE_EN_RE = re.compile(
    rf"^[^\W\d][\w' .-]{{1,40}}?,\s*(?P<month>{MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})"
    rf"(?:,\s*(?P<year>{YEAR}))?\s*{AGENCY}")
CHROME_DATE_RE = re.compile(rf"(?P<day>\d{{2}})\.(?P<month>\d{{2}})\.(?P<year>{YEAR})\b")
FULL_DATE_RE = re.compile(
    rf"(?<!\w)(?P<weekday>{'|'.join(WEEKDAYS)})?\s*(?P<day>1er|\d{{1,2}})(?:er)?\s*"
    rf"(?P<month>{MONTH_ALT})\.?,?\s+(?P<year>{YEAR})(?!\w)")
FULL_DATE_EN_RE = re.compile(
    rf"(?<!\w)(?P<month>{MONTH_ALT})\.?\s+(?P<day>\d{{1,2}}),\s*(?P<year>{YEAR})(?!\w)")
DAY_MONTH_RE = re.compile(
    rf"(?<!\w)(?:(?P<weekday>{'|'.join(WEEKDAYS)})\s+)?(?:le\s+)?(?P<day>1er|\d{{1,2}})\s*"
    rf"(?P<month>{MONTH_ALT})(?!\w)(?!\.?,?\s+{YEAR})")
MONTH_YEAR_RE = re.compile(rf"(?<!\w)(?P<month>{MONTH_ALT})\s+(?P<year>{YEAR})(?!\w)")
IN_YEAR_RE = re.compile(rf"(?<!\w)(?:en|in|nam|year)\s+(?P<year>{YEAR})(?!\w)")
PERIOD_RE = re.compile(rf"(?<![\w-])(?P<y1>{YEAR})\s*[-–/]\s*(?P<y2>{YEAR})(?![\w-])")
# Years that are targets, not events: "d'ici 2030", "Vision 2045", "jusqu'en 2030".
TARGET_RE = re.compile(
    rf"(?:d'ici|jusqu'en|jusqu'a|horizon|vision[\w' ]{{0,40}}?|by|toward|towards|den nam)\s+"
    rf"(?:l'an\s+|la fin de\s+)?(?P<year>{YEAR})(?!\w)")
FUTURE_RE = re.compile(r"(?<!\w)(prevue?s?|prochaine?s?|a venir|aura lieu|se tiendra|scheduled)(?!\w)")


@dataclass(frozen=True)
class DateResult:
    date: PartialDate | None
    source: str
    evidence: str | None = None


def _day(text: str) -> int:
    return 1 if text.startswith("1er") else int(text)


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text]


def dateline_date(lead: str) -> tuple[PartialDate, str] | None:
    """'Jakarta, 8 juillet (VNA) -' -> day and month (and the year when printed)."""
    folded = fold(lead)
    for regex in (DATELINE_RE, DATELINE_EN_RE):
        m = regex.match(folded)
        if m:
            year = int(m["year"]) if m["year"] else None
            return PartialDate(year, _month(m["month"]), _day(m["day"])), lead[: m.end()]
    return None


def chrome_date(lines: list[str]) -> tuple[PartialDate, str] | None:
    """Dates printed by the outlet's page ('Xinhua | 23.02.2023 08h45')."""
    for line in lines:
        m = CHROME_DATE_RE.search(line)
        if m and 1 <= int(m["month"]) <= 12:
            return PartialDate(int(m["year"]), int(m["month"]), int(m["day"])), line
    return None


def _phrase(text: str, start: int, end: int, words: int = 3) -> str:
    """The matched text with up to `words` words before it, for readers to check."""
    before = text[max(0, start - 60):start].split()
    lead = " ".join(before[-words:]) if words else ""
    return f"{lead} {text[start:end]}".strip().strip(",;( ")


def _weekday_years(weekday: str, day: int, month: int, near: int | None) -> list[int]:
    years = []
    for year in range(1990, 2041):
        try:
            if dt.date(year, month, day).weekday() == WEEKDAYS[weekday]:
                years.append(year)
        except ValueError:
            continue
    return sorted(years, key=lambda y: (abs(y - near) if near else 0, -y))


@dataclass
class YearEvidence:
    past: list[tuple[int, str]]      # years of events that happened
    periods: list[tuple[int, str]]   # start years of plans, mandates, hand-overs
    weekdays: list[tuple[str, int, int, str]]


def collect_year_evidence(text: str) -> YearEvidence:
    folded = fold(text)
    targets = {m.start("year") for m in TARGET_RE.finditer(folded)}
    past: list[tuple[int, str]] = []
    for regex in (FULL_DATE_RE, FULL_DATE_EN_RE, MONTH_YEAR_RE, IN_YEAR_RE):
        for m in regex.finditer(folded):
            if m.start("year") not in targets and not FUTURE_RE.search(folded, max(0, m.start() - 30), m.start()):
                past.append((int(m["year"]), _phrase(text, m.start(), m.end(), 0)))
    periods = []
    for m in PERIOD_RE.finditer(folded):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 < y2 <= y1 + 15 and m.start("y1") not in targets:
            periods.append((y1, _phrase(text, m.start(), m.end())))
    weekdays = [(m["weekday"], _day(m["day"]), _month(m["month"]), text[m.start():m.end()].strip())
                for m in DAY_MONTH_RE.finditer(folded) if m["weekday"]]
    return YearEvidence(past, periods, weekdays)


def infer_year(text: str) -> tuple[int, str] | None:
    """The most likely year of publication, with the phrase that supports it.

    News reports recent events: the latest past event dated in the text bounds the
    year from below. Plans and mandates "pour la période 2018-2021" start the year
    they are handed over, so a period starting within a year of that bound wins.
    """
    ev = collect_year_evidence(text)
    best = max(ev.past, default=None)
    if best is None and ev.periods:
        return min(ev.periods)
    if best is None and ev.weekdays:
        weekday, day, month, phrase = ev.weekdays[0]
        years = [y for y in _weekday_years(weekday, day, month, None) if y <= 2030]
        return (years[-1], phrase) if years else None
    if best is None:
        return None
    later = [p for p in ev.periods if best[0] < p[0] <= best[0] + 1]
    if later:
        return max(later)
    for weekday, day, month, phrase in ev.weekdays:
        years = _weekday_years(weekday, day, month, best[0])
        if years and abs(years[0] - best[0]) <= 1:
            return years[0], phrase
    return best


def extract_date(header: PartialDate | None, lead: str, chrome: list[str], text: str,
                 front: dict) -> DateResult:
    """One function for the `date` field: header, front matter, dateline, else inferred."""
    if header and header.year:
        return DateResult(header, "header", None)
    front_date = front.get("date")
    if isinstance(front_date, dt.date):
        return DateResult(PartialDate(front_date.year, front_date.month, front_date.day), "frontmatter")
    printed = chrome_date(chrome) or dateline_date(lead)
    if printed and printed[0].year:
        return DateResult(printed[0], "dateline", printed[1])
    inferred = infer_year(text)
    if printed and inferred:
        d = printed[0]
        return DateResult(PartialDate(inferred[0], d.month, d.day), "inferred",
                          f"{printed[1].strip()} … {inferred[1]}")
    if inferred:
        return DateResult(PartialDate(inferred[0]), "inferred", inferred[1])
    return DateResult(None, "inferred", None)
