"""The year of an undated article, inferred from every clue the text holds.

Each clue is a set of candidate years (a numbered meeting, an anniversary, a weekday) or a
lower bound (the latest dated past event, an official's first year in office, a partnership
level reached, a name in use only since a given year: COVID-19); they narrow the candidates
in order of trust, and a clue that contradicts the others is ignored. The year comes with
the phrases it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import AT_EARLIEST, PartialDate, day_month_fr
from .clues import Clue, anniversary_clues, partnership_clues
from .markers import Marker, marker_bounds
from .meetings import Mention
from .officials import Term, tenure_clues
from .printed import FIRST_YEAR, LAST_YEAR, collect_year_evidence, weekday_years


@dataclass(frozen=True)
class Context:
    """What the rest of the article tells the date extractor: the meetings it names, the
    partners it is about, and how to find partners in a sentence."""

    # Every meeting it names; those without candidate years date nothing, but the year's
    # only AMM, named without its number, gives the month (dates._reported_date).
    meetings: list[Mention] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    partners_in: Callable[[str], list[str]] = lambda _sentence: []
    # The loaded data files, when the caller has them (else each clue loads its own).
    officials: tuple[Term, ...] | None = None
    relations: dict[str, dict[str, int]] | None = None
    markers: tuple[Marker, ...] | None = None


WEEKDAY_YEARS_SHOWN = 4
def at_earliest(evidence: str) -> str:
    """The evidence with AT_EARLIEST noted on its last phrase, within that phrase's own note
    if it has one ("Mike Pompeo [en fonction 2018–2021, année au plus tôt]")."""
    return f"{evidence[:-1]}, {AT_EARLIEST}]" if evidence.endswith("]") else f"{evidence} [{AT_EARLIEST}]"


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
    # On a tie, the first found: the patterns of full dates are sought first ("8 août 2023", not "en 2023").
    return max(bounds, key=lambda b: b[0], default=None)


class _Candidates:
    """Candidate years, narrowed clue by clue; a clue that contradicts the others is ignored."""

    def __init__(self) -> None:
        self.years = frozenset(range(FIRST_YEAR, LAST_YEAR + 1))
        self.used: list[str] = []
        self.listed = False  # narrowed to a list of years, not just bounded

    def apply(self, years: frozenset[int], phrase: str) -> bool:
        narrowed = self.years & years
        if narrowed and narrowed != self.years:
            self.years = narrowed
            if phrase not in self.used:
                self.used.append(phrase)
            return True
        return bool(narrowed)


def _clues(text: str, ctx: Context) -> tuple[list[Clue], list[Clue]]:
    return (anniversary_clues(text, ctx.about, ctx.partners_in, ctx.relations),
            partnership_clues(text, ctx.about, ctx.partners_in, ctx.relations))


def _in_office(years: frozenset[int], name: str, own: PartialDate | None = None) -> str:
    """'Mike Pompeo [en fonction 2018–2021]': the reader sees why the name dates the text
    ('[en fonction en 2025]' for a single year, not '2025–2025'). When the text gives its day
    and month, the years are those it could fall in ("le 5 juin": Dominic Raab, in office from
    July 2019, on a 5 June of 2020 or 2021): '[en fonction au 5 juin des années 2020 et
    2021]', which does not read as his term (seventh audit), and says which date it means
    ("à cette date" did not: fifteenth audit)."""
    first, last = min(years), max(years)
    if own and own.month:
        at = f"{'au' if own.day else 'en'} {day_month_fr(own.month, own.day)}"
        if last >= LAST_YEAR:
            return f"{name} [en fonction {at} depuis {first}]"
        if first == last:
            return f"{name} [en fonction {at} {first}]"
        return f"{name} [en fonction {at} des années {first} {'et' if last == first + 1 else 'à'} {last}]"
    if last >= LAST_YEAR:
        return f"{name} [en fonction depuis {first}]"
    return f"{name} [en fonction en {first}]" if first == last else f"{name} [en fonction {first}–{last}]"


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
    for mention in sorted((m for m in ctx.meetings if m.reported and m.number is not None and m.years),
                          key=lambda m: -max(m.years)):
        c.listed |= c.apply(mention.years, f"{mention.phrase} [en {min(mention.years)}]")
    tenures = tenure_clues(text, own, ctx.officials)
    bounds = [b for b in [_lower_bound(ev.past, own)] if b] + [(cl.low, cl.phrase) for cl in levels if cl.low]
    bounds += [(min(years), _in_office(years, phrase, own)) for years, phrase in tenures]
    bounds += marker_bounds(text, ctx.markers)
    # On a tie, the first: a date the text prints says more than a level reached that year.
    low = max(bounds, key=lambda b: b[0], default=None)
    if low:
        c.apply(frozenset(range(low[0], LAST_YEAR + 1)), low[1])
    for clue in anniversaries + [cl for cl in levels if cl.years]:
        c.listed |= c.apply(clue.years, clue.phrase)
    for years, phrase in tenures:  # officials in office: a range, like a bound
        c.apply(years, _in_office(years, phrase, own))
    for mention in (m for m in ctx.meetings if m.reported and m.number is None and m.years):
        held = " ou ".join(", ".join(str(y) for y in sorted(mention.years)).rsplit(", ", 1))
        c.listed |= c.apply(mention.years, f"{mention.phrase} [en {held}]")
    for weekday, day, month, phrase in ev.weekdays:
        years = weekday_years(weekday, day, month)
        if low and not c.listed:  # a weekday confirms a year next to the dated events, it does not jump years
            years = frozenset(y for y in years if y <= low[0] + 1)
        # Its note says which years the weekday leaves ("mardi 26 novembre": 2019 of 2014 and 2019).
        left = sorted(years & c.years)
        note = " ou ".join(", ".join(map(str, left)).rsplit(", ", 1)) if 0 < len(left) <= WEEKDAY_YEARS_SHOWN else ""
        c.listed |= c.apply(years, f"{phrase} [jour et date concordent en {note}]" if note else phrase) and bool(low)
    return _choose(c, low, ev.periods, _dated_in_lead(ev.past, low, text))


def _dated_in_lead(past: list[tuple[PartialDate, str, bool]], low: tuple[int, str] | None, text: str) -> bool:
    """Whether the bound is the full date the lead gives its own event ("gathered on 21 January
    2019"): the news's date, not a mere lower bound (fourteenth audit: devset 032)."""
    if not low:
        return False
    end = text.find("\n")
    lead = text if end < 0 else text[:end]
    return any(d.day and not since and phrase == low[1] and d.year == low[0] and phrase in lead
               for d, phrase, since in past)


def _choose(c: _Candidates, low: tuple[int, str] | None, periods: list[tuple[int, str]],
            dated: bool = False) -> tuple[int, str] | None:
    evidence = " ; ".join(c.used[:3])
    if len(c.years) == 1:
        return next(iter(c.years)), evidence
    if low and not c.listed:
        # Only bounds: the latest dated event, or a mandate handed over just after it
        # (or the first year an official named was in office, when that is later). The
        # earliest year they allow, said so (thirteenth audit: "le 16 avril" after "depuis
        # juillet 2010" read as certain of 2011, where the article is of 2012).
        if min(c.years) > low[0]:
            return min(c.years), at_earliest(evidence)
        # A mandate handed over in the bound's own year dates the article too: seed 000, of
        # the AMM of August 2018 that handed over the coordinators' roles "pour la période
        # 2018-2021", was "2018 au plus tôt" beside its meeting named as fact (eighteenth
        # audit). On a tie, the first period the text names, not the greatest phrase.
        later = [p for p in periods if low[0] <= p[0] <= low[0] + 1]
        return max(later, key=lambda p: p[0]) if later else (low[0], low[1] if dated else at_earliest(low[1]))
    if low or c.listed:
        # Several candidates left (e.g. special summits in 2018 and 2024): the one nearest
        # to the dated events, else the latest.
        return (min(c.years) if low else max(c.years)), evidence
    return min(periods) if periods else None

