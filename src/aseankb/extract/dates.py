"""The date of an article: from the header line, a dateline, or inferred from the text.

A day is never invented: `PartialDate` keeps what is known and `precision` says
how much. An inferred year carries the phrase it came from as evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import PartialDate
from ..text import fold
from .clues import Clue, anniversary_clues, partnership_clues
from .meetings import Mention
from .officials import tenure_clues

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
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

# All patterns run on folded text (lower case, no accents, straight apostrophes).
DATELINE_RE = re.compile(
    rf"^[^\W\d][\w' .-]{{1,40}}?,\s*(?:le\s+)?(?P<day>1er|\d{{1,2}})\s*(?P<month>{MONTH_ALT})\.?"
    rf"(?:\s+(?P<year>{YEAR}))?\s*{AGENCY}")
DATELINE_EN_RE = re.compile(
    rf"^[^\W\d][\w' .-]{{1,40}}?,\s*(?P<month>{MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})"
    rf"(?:,\s*(?P<year>{YEAR}))?\s*{AGENCY}")
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
# Years that are targets, not events: "d'ici 2030", "Vision 2045", "jusqu'en 2030".
TARGET_RE = re.compile(
    rf"(?:d'ici|jusqu'en|jusqu'a|horizon|vision[\w' ]{{0,40}}?|by|toward|towards|den nam)\s+"
    rf"(?:l'an\s+|la fin de\s+)?(?P<year>{YEAR})(?!\w)")
FUTURE_RE = re.compile(r"(?<!\w)(prevue?s?|prochaine?s?|a venir|aura lieu|se tiendra|scheduled|to begin|will|"
                       r"starting|shall|se dien ra|sap dien ra|du kien)(?!\w)")


@dataclass(frozen=True)
class DateResult:
    date: PartialDate | None
    source: str
    evidence: str | None = None


def _valid(year: int | None, month: int, day: int | None) -> bool:
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
    for regex in (DATELINE_RE, DATELINE_EN_RE):
        m = regex.match(folded)
        if m and _valid(int(m["year"]) if m["year"] else None, _month(m["month"]), _day(m["day"])):
            year = int(m["year"]) if m["year"] else None
            return PartialDate(year, _month(m["month"]), _day(m["day"])), lead[: m.end()]
    return None


def chrome_date(lines: list[str]) -> tuple[PartialDate, str] | None:
    """Dates printed by the outlet's page ('Xinhua | 23.02.2023 08h45', 'Publié le 23/05/2016',
    'Updated: Dec. 17, 2023'). Related-article links are chrome too, but never publication lines."""
    for line in lines:
        m = CHROME_DATE_RE.search(line)
        if m and _valid(int(m["year"]), int(m["month"]), int(m["day"])):
            return PartialDate(int(m["year"]), int(m["month"]), int(m["day"])), line
        folded = fold(line)
        if not PUBLISHED_RE.match(folded):
            continue
        for regex in (NUMERIC_DATE_RE, FULL_DATE_RE, FULL_DATE_EN_RE):
            m = regex.search(folded)
            if m and _valid(int(m["year"]), _month(m["month"]), _day(m["day"])):
                return PartialDate(int(m["year"]), _month(m["month"]), _day(m["day"])), line
    return None


def _phrase(text: str, start: int, end: int, words: int = 3) -> str:
    """The matched text with up to `words` words before it, for readers to check."""
    before = text[max(0, start - 60):start].split()
    lead = " ".join(before[-words:]) if words else ""
    return f"{lead} {text[start:end]}".strip().strip(",;( ")


FIRST_YEAR, LAST_YEAR = 1967, 2040  # ASEAN's founding; a horizon for candidate years


@dataclass(frozen=True)
class Context:
    """What the rest of the article tells the date extractor: the meetings it names, the
    partners it is about, and how to find partners in a sentence."""

    meetings: list[Mention] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    partners_in: Callable[[str], list[str]] = lambda _sentence: []


@dataclass
class YearEvidence:
    past: list[tuple[PartialDate, str, bool]]  # dated events, their phrase, counted "since"
    periods: list[tuple[int, str]]             # start years of plans, mandates, hand-overs
    weekdays: list[tuple[str, int, int, str]]


def _weekday_years(weekday: str, day: int, month: int) -> frozenset[int]:
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


def collect_year_evidence(text: str) -> YearEvidence:
    folded = fold(text)
    targets = {m.start("year") for m in TARGET_RE.finditer(folded)}
    past: list[tuple[PartialDate, str, bool]] = []
    seen: set[int] = set()
    for regex in (FULL_DATE_RE, FULL_DATE_EN_RE, VI_FULL_RE, MONTH_YEAR_RE, VI_MONTH_YEAR_RE, IN_YEAR_RE):
        for m in regex.finditer(folded):
            if m.start("year") in targets or m.start("year") in seen or _is_future(folded, m.start()):
                continue
            seen.add(m.start("year"))
            groups = m.groupdict()
            month = _month(groups["month"]) if groups.get("month") else None
            day = _day(groups["day"]) if groups.get("day") else None
            if month and (not 1 <= month <= 12 or not _valid(int(m["year"]), month, day)):
                continue
            since = _since(folded, m.start())
            phrase = _phrase(text, m.start(), m.end(), 0)
            if since is not None:  # the reader sees why the year is the next one
                word = text[since:].split()[0]
                phrase = text[since:m.end()] if m.end() - since <= 80 else f"{word} … {phrase}"
            past.append((PartialDate(int(m["year"]), month, day), phrase, since is not None))
    periods = []
    for m in PERIOD_RE.finditer(folded):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 < y2 <= y1 + 15 and m.start("y1") not in targets:
            periods.append((y1, _phrase(text, m.start(), m.end())))
    weekdays = [(m["weekday"], _day(m["day"]), _month(m["month"]), text[m.start():m.end()].strip())
                for regex in (DAY_MONTH_RE, WEEKDAY_EN_RE) for m in regex.finditer(folded) if m["weekday"]]
    return YearEvidence(past, periods, weekdays)


def own_day(text: str) -> tuple[PartialDate, str] | None:
    """The first day and month the text gives without a year ("le 16 avril", "ngày 10/10"):
    most often the day of the event the article reports."""
    folded = fold(text)
    found = []
    for regex in (DAY_MONTH_RE, VI_DAY_MONTH_RE):
        m = next((m for m in regex.finditer(folded) if not _is_future(folded, m.start())), None)
        if m and 1 <= _month(m["month"]) <= 12 and _valid(None, _month(m["month"]), _day(m["day"])):
            found.append((m.start(), PartialDate(None, _month(m["month"]), _day(m["day"])),
                          text[m.start():m.end()].strip()))
    return min(found, key=lambda f: f[0])[1:] if found else None


def _lower_bound(past: list[tuple[PartialDate, str, bool]], own: PartialDate | None) -> tuple[int, str] | None:
    """The latest year the text dates a past event in. Counted "since" a date later in the
    year than the article's own day (or in its very month), the event was a year before."""
    bounds = []
    for date, phrase, since in past:
        year = date.year
        if since and own and own.month and date.month and (
                (own.month, own.day or 0) < (date.month, date.day or 0)
                or (own.month == date.month and date.day is None)):
            year += 1
        bounds.append((year, phrase))
    return max(bounds, default=None)


class _Candidates:
    """Candidate years, narrowed clue by clue; a clue that contradicts the others is ignored."""

    def __init__(self) -> None:
        self.years = frozenset(range(FIRST_YEAR, LAST_YEAR + 1))
        self.used: list[str] = []
        self.bounded = self.listed = False

    def apply(self, years: frozenset[int], phrase: str) -> bool:
        narrowed = self.years & years
        if narrowed and narrowed != self.years:
            self.years = narrowed
            if phrase not in self.used:
                self.used.append(phrase)
            return True
        return bool(narrowed)


def _clues(text: str, ctx: Context) -> tuple[list[Clue], list[Clue]]:
    return (anniversary_clues(text, ctx.about, ctx.partners_in),
            partnership_clues(text, ctx.about, ctx.partners_in))


def _in_office(years: frozenset[int], name: str) -> str:
    """'Mike Pompeo [en fonction 2018–2021]': the reader sees why the name dates the text."""
    last = max(years)
    return f"{name} [en fonction depuis {min(years)}]" if last >= LAST_YEAR else \
        f"{name} [en fonction {min(years)}–{last}]"


def infer_year(text: str, own: PartialDate | None = None, ctx: Context | None = None) -> tuple[int, str] | None:
    """The most likely year of publication, with the phrases that support it.

    In order of trust: the numbered meetings the article reports (their year is known);
    the latest past event dated in the text, a lower bound (news reports recent events),
    raised by partnership levels reported as reached; anniversaries of relations; levels
    announced as coming; unnumbered special summits; weekdays ("mardi 26 novembre").
    Plans "pour la période 2018-2021" start the year they are handed over.
    """
    ctx = ctx or Context()
    ev = collect_year_evidence(text)
    anniversaries, levels = _clues(text, ctx)
    c = _Candidates()
    for mention in sorted((m for m in ctx.meetings if m.reported and m.number is not None),
                          key=lambda m: -max(m.years)):
        c.listed |= c.apply(mention.years, f"{mention.phrase} [{min(mention.years)}]")
    tenures = tenure_clues(text, own)
    bounds = [b for b in [_lower_bound(ev.past, own)] if b] + [(cl.low, cl.phrase) for cl in levels if cl.low]
    bounds += [(min(years), _in_office(years, phrase)) for years, phrase in tenures]
    low = max(bounds, default=None)
    if low and c.apply(frozenset(range(low[0], LAST_YEAR + 1)), low[1]):
        c.bounded = True
    for clue in anniversaries + [cl for cl in levels if cl.years]:
        c.listed |= c.apply(clue.years, clue.phrase)
    for years, phrase in tenures:  # officials in office: a range, like a bound
        c.apply(years, _in_office(years, phrase))
    for mention in (m for m in ctx.meetings if m.reported and m.number is None):
        held = ", ".join(str(y) for y in sorted(mention.years))
        c.listed |= c.apply(mention.years, f"{mention.phrase} [{held}]")
    for weekday, day, month, phrase in ev.weekdays:
        years = _weekday_years(weekday, day, month)
        if low and not c.listed:  # a weekday confirms a year next to the dated events, it does not jump years
            years = frozenset(y for y in years if y <= low[0] + 1)
        c.listed |= c.apply(years, phrase) and bool(low)
    return _choose(c, low, ev.periods)


def _choose(c: _Candidates, low: tuple[int, str] | None, periods: list[tuple[int, str]]) -> tuple[int, str] | None:
    evidence = " ; ".join(c.used[:3])
    if len(c.years) == 1:
        return next(iter(c.years)), evidence
    if low and not c.listed:
        # Only a lower bound: the latest dated event, or a mandate handed over just after it.
        later = [p for p in periods if low[0] < p[0] <= low[0] + 1]
        return max(later) if later else low
    if low or c.listed:
        # Several candidates left (e.g. special summits in 2018 and 2024): the one nearest
        # to the dated events, else the latest.
        return (min(c.years) if low else max(c.years)), evidence
    return min(periods) if periods else None


def _own_date(lead: str, chrome: list[str], text: str) -> tuple[PartialDate, str] | None:
    """Day and month printed by the page, the dateline or, failing them, the text."""
    full = chrome_date(chrome)
    if full:
        return full
    for line in chrome:
        m = UPDATED_RE.match(fold(line))
        if m and 1 <= int(m["month"]) <= 12 and _valid(None, int(m["month"]), int(m["day"])):
            return PartialDate(None, int(m["month"]), int(m["day"])), line
    return dateline_date(lead) or own_day(text)


def extract_date(header: PartialDate | None, lead: str, chrome: list[str], text: str,
                 front: dict, ctx: Context | None = None) -> DateResult:
    """One function for the `date` field: header, front matter, dateline, else inferred."""
    if header and header.year:
        return DateResult(header, "header", None)
    front_date = front.get("date")
    if isinstance(front_date, dt.date):
        return DateResult(PartialDate(front_date.year, front_date.month, front_date.day), "frontmatter")
    printed = _own_date(lead, chrome, text)
    if printed and printed[0].year:
        return DateResult(printed[0], "dateline", printed[1])
    inferred = infer_year(text, printed[0] if printed else None, ctx)
    if printed and inferred:
        d = printed[0]
        if not _valid(inferred[0], d.month, d.day):  # 29 February of a common year
            d = PartialDate(None, d.month, None)
        rest = " ; ".join(p for p in inferred[1].split(" ; ") if p != printed[1].strip())
        return DateResult(PartialDate(inferred[0], d.month, d.day), "inferred",
                          f"{printed[1].strip()} … {rest}" if rest else printed[1].strip())
    if inferred:
        event = next((d for d, phrase, _ in collect_year_evidence(text).past
                      if d.year == inferred[0] and phrase == inferred[1]), None)
        # The dated event that gave the year is the one reported: its month and day too.
        return DateResult(event or PartialDate(inferred[0]), "inferred", inferred[1])
    return DateResult(None, "inferred", None)
