"""The date of an article: from the header line, a dateline, or inferred from the text.

A day is never invented: `PartialDate` keeps what is known and `precision` says
how much. An inferred year carries the phrases it came from as evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import PartialDate, day_month_fr
from ..text import fold
from .infer import Context, at_earliest, infer_year
from .meetings import Mention
from .printed import UPDATED_RE, chrome_date, collect_year_evidence, dateline_date, own_day, valid_day

__all__ = ["Context", "DateResult", "extract_date", "infer_year"]


RANGE_END_RE = re.compile(r"(?:\d\s*(?:au|et|à|-|–)|\b(?:au|et))\s*$")


@dataclass(frozen=True)
class DateResult:
    date: PartialDate | None
    source: str
    evidence: str | None = None


def _own_date(lead: str, chrome: list[str], text: str) -> tuple[PartialDate, str] | None:
    """Day and month printed by the page, the dateline or, failing them, the text."""
    full = chrome_date(chrome)
    if full:
        return full
    for line in chrome:
        m = UPDATED_RE.match(fold(line))
        if m and 1 <= int(m["month"]) <= 12 and valid_day(None, int(m["month"]), int(m["day"])):
            return PartialDate(None, int(m["month"]), int(m["day"])), line
    return dateline_date(lead) or own_day(text)


def extract_date(header: PartialDate | None, lead: str, chrome: list[str], text: str,
                 front: dict, ctx: Context | None = None) -> DateResult:
    """One function for the `date` field: header, front matter, dateline, else inferred."""
    if header and header.year:
        return _header_day(header, lead, chrome)
    front_date = front.get("date")
    if isinstance(front_date, dt.date):
        return DateResult(PartialDate(front_date.year, front_date.month, front_date.day), "frontmatter")
    printed = _own_date(lead, chrome, text)
    if printed and printed[0].year:
        return DateResult(printed[0], "dateline", printed[1])
    inferred = infer_year(text, printed[0] if printed else None, ctx)
    if printed and inferred:
        d = printed[0]
        if not valid_day(inferred[0], d.month, d.day):  # 29 February of a common year
            d = PartialDate(None, d.month, None)
        # The day's phrase, then the clues of the year, each apart ("le 16 avril … depuis …
        # juillet 2010" read as one quotation); the day's own phrase only once, with its
        # note when it dated the year (a weekday: "mardi 26 novembre [jour et date ...]").
        own = printed[1].strip()
        rest = [p for p in inferred[1].split(" ; ") if p != own]
        parts = rest if any(p.startswith(own + " [") for p in rest) else [own, *rest]
        return DateResult(PartialDate(inferred[0], d.month, d.day), "inferred", " ; ".join(parts))
    if inferred:
        date, evidence = _reported_date(inferred[0], inferred[1], text, ctx)
        return DateResult(date, "inferred", evidence)
    return DateResult(None, "inferred", None)


def _header_day(header: PartialDate, lead: str, chrome: list[str]) -> DateResult:
    """The file's header date; one that gives only the month takes the day the page, the
    dateline or the lead gives in that month (" date 2019-08 " and "le 1er août"), the phrase
    as evidence. Not a day further in the text: "Le 11 juillet, les ministres poursuivent
    leurs travaux" closes a report of the 10th."""
    if header.month and not header.day:
        printed = _own_date(lead, chrome, lead)
        if (printed and printed[0].day and printed[0].month == header.month and printed[0].year in (None, header.year)
                and not _in_range(lead, printed[1].strip())):
            return DateResult(PartialDate(header.year, header.month, printed[0].day), "header", printed[1].strip())
    return DateResult(header, "header", None)


def _in_range(text: str, phrase: str) -> bool:
    """Whether the day phrase ends a span of days ("du 4 au 6 mars", "les 4 et 5 mars"): an
    event's days, not the dispatch's."""
    at = text.find(phrase)
    return at > 0 and bool(RANGE_END_RE.search(text, max(0, at - 8), at))


def _reported_date(year: int, evidence: str, text: str, ctx: Context | None) -> tuple[PartialDate, str]:
    """The month (and day) of the event that gave the year: the dated event itself when it
    is the news's (a lower bound, "année au plus tôt", is an earlier event's day), or the
    month the meetings the article reports were held that year (a special summit's, a
    numbered meeting's: "le 23e Sommet de l'ASEAN", October 2013, or the year's only AMM),
    when they agree. The evidence then says which meeting gave the month: "mars 2024" beside
    an office and an anniversary alone did not say where March came from (fifteenth audit)."""
    past = [(d, phrase) for d, phrase, _ in collect_year_evidence(text).past if d.year == year]
    event = next((d for d, phrase in past if evidence == phrase), None)
    if event:
        return event, evidence
    # A bound's month is the earliest the news can be of: "8 août 2023 [année au plus tôt]"
    # filed seed 003 on 1 January, before the February articles of that year (eighteenth
    # audit). Not its day: that is the day of the earlier text the article cites.
    bound = next((d.month for d, phrase in past if d.month and evidence == at_earliest(phrase)), None)
    held: dict[int, list[Mention]] = {}
    for mention in (ctx.meetings if ctx else []):
        for month in _held_months(mention, year) if mention.reported else ():
            held.setdefault(month, []).append(mention)
    if len(held) != 1 or (bound and min(held) < bound):
        return PartialDate(year, bound), evidence
    ((month, mentions),) = held.items()
    when = f"{day_month_fr(month)} {year}"
    for mention in mentions:  # the meeting that gave the year gives the month: said there
        own = f"{mention.phrase} [en {year}]"
        if own in evidence:
            return PartialDate(year, month), evidence.replace(own, f"{mention.phrase} [en {when}]", 1)
    return PartialDate(year, month), f"{evidence} ; {mentions[0].phrase} [en {when}]"


def _held_months(mention: Mention, year: int) -> set[int]:
    """The months of `year` the meeting `mention` names was held, as far as the data knows."""
    series = mention.series
    if mention.number is not None:
        month = series.month_of(mention.number) if year in mention.years else None
        return {month} if month else set()
    months = {m for y, m in series.held_months if y == year}
    number = series.held_at(year, None)  # a series held once that year: the AMM of its year
    month = series.month_of(number) if number is not None else None
    return months | ({month} if month else set())
