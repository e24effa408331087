"""Numbered ASEAN meetings: the series are data (data/meetings.yaml), validated on load.

"Le 19e Forum régional de l'ASEAN" names meeting 19 of the ARF series, held in 2012:
a numbered meeting dates an article on its own, and becomes one of its `events`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..config import DATA_DIR, check_entry, file_version, read_mapping
from ..errors import ConfigError
from ..literals import literal_finditer, required_literal
from ..text import digit_runs, fold
from .needles import Needles

MEETINGS_FILE = DATA_DIR / "meetings.yaml"
LANGUAGES = ("fr", "en", "vi", "any")
SERIES_KEYS = {"label", "patterns", "first_year", "schedule", "held"}
RUN_KEYS = {"from", "year", "per_year"}
ORD = r"(?P<n>\d{1,3}) ?(?:e|eme|er|ere|st|nd|rd|th)"
NUM = r"(?P<n>\d{1,3})(?!\d)"
YEAR_RANGE = range(1967, 2101)
HORIZON = 2040
HELD_RE = re.compile(r"^(\d{4})-(\d{2})$")
# A meeting named after these words is a past reference ("depuis la 54e réunion ...").
PAST_RE = re.compile(r"(?<!\w)(?:depuis|since|tu khi|ke tu|precedente?s?|previous|last|dernier|derniere)(?!\w)")
FUTURE_RE = re.compile(r"(?<!\w)(?:prevue?s?|prochaine?s?|a venir|aura lieu|se tiendra|upcoming|next|"
                       r"scheduled|will be held|sap toi|se dien ra)(?!\w)")
# `[.!?;](?=\s|$)|\n`, starting with a character class (the engine skips to the candidates).
SENTENCE_END_RE = re.compile(r"[.!?;\n](?:(?<=\n)|(?=\s|$))")
# A numbered pattern's match starts where a run of digits starts (a word boundary is before
# it): trying those places only gives the same matches as scanning every position, faster.
NUMBERED_START = r"(?<![\w])(?P<n>\d"
# ...and one that starts with an ordinal, where an ordinal starts.
ORDINAL_START = r"(?<![\w])" + ORD
ORD_RE = re.compile(ORD)


@dataclass(frozen=True)
class Run:
    start: int  # the first meeting number of the run
    year: int
    per_year: int = 1


@dataclass(frozen=True)
class Series:
    id: str
    label: str
    patterns: tuple[re.Pattern, ...]
    runs: tuple[Run, ...] = ()
    held: tuple[int, ...] = ()
    held_months: tuple[tuple[int, int], ...] = ()  # (year, month) where the data knows the month

    def year_of(self, number: int) -> int | None:
        """The year meeting `number` was held, or None when the data does not say."""
        run = next((r for r in reversed(self.runs) if r.start <= number), None)
        year = run.year + (number - run.start) // run.per_year if run else None
        return year if year and year <= HORIZON else None  # "999e Sommet" is a typo, not a date


@dataclass(frozen=True)
class Mention:
    """One meeting named in a text: its event id, candidate years and whether it is reported."""

    series: Series
    number: int | None
    years: frozenset[int]
    phrase: str
    reported: bool  # False for past references and announced meetings

    @property
    def event_id(self) -> str | None:
        if self.number is not None:
            return f"{self.series.id}-{self.number}"
        return f"{self.series.id}-{next(iter(self.years))}" if len(self.years) == 1 else None


def _int(file: Path, key: str, value: object, allowed: range) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
        raise ConfigError(str(file), key, f"must be a whole number in {allowed.start}..{allowed.stop - 1}")
    return value


def _patterns(file: Path, sid: str, value: object, numbered: bool) -> tuple[re.Pattern, ...]:
    if not isinstance(value, dict) or not value:
        raise ConfigError(str(file), f"{sid}.patterns", "must map languages (fr, en, vi, any) to lists")
    out = []
    for lang, items in value.items():
        key = f"{sid}.patterns.{lang}"
        if lang not in LANGUAGES:
            raise ConfigError(str(file), key, f"unknown language (one of {', '.join(LANGUAGES)})")
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise ConfigError(str(file), key, "must be a list of non-empty strings")
        for item in items:
            if numbered and "{ORD}" not in item and "{NUM}" not in item:
                raise ConfigError(str(file), key, f"{item!r}: a numbered series' pattern needs {{ORD}} or {{NUM}}")
            try:
                out.append(re.compile(r"(?<![\w])" + item.replace("{ORD}", ORD).replace("{NUM}", NUM)))
            except re.error as exc:
                raise ConfigError(str(file), key, f"{item!r}: invalid pattern: {exc}") from None
    return tuple(out)


def _runs(file: Path, sid: str, value: object) -> tuple[Run, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigError(str(file), f"{sid}.schedule", "must be a non-empty list of runs")
    runs: list[Run] = []
    for i, item in enumerate(value):
        key = f"{sid}.schedule[{i}]"
        if not isinstance(item, dict) or set(item) - RUN_KEYS or not {"from", "year"} <= set(item):
            raise ConfigError(str(file), key, "a run is {from: N, year: YYYY[, per_year: K]}")
        run = Run(_int(file, f"{key}.from", item["from"], range(1, 1000)),
                  _int(file, f"{key}.year", item["year"], YEAR_RANGE),
                  _int(file, f"{key}.per_year", item.get("per_year", 1), range(1, 5)))
        if runs and (run.start <= runs[-1].start or run.year < runs[-1].year):
            raise ConfigError(str(file), key, "runs must go up in number and year")
        runs.append(run)
    return tuple(runs)


def _series(file: Path, sid: object, entry: object) -> Series:
    check_entry(file, sid, entry, SERIES_KEYS, ("label",))
    _int(file, f"{sid}.first_year", entry.get("first_year"), YEAR_RANGE)
    if "schedule" in entry and "held" in entry:
        raise ConfigError(str(file), sid, "a series has a schedule (numbered) or held years, not both")
    runs = _runs(file, sid, entry["schedule"]) if "schedule" in entry else ()
    held = entry.get("held", [])
    if not isinstance(held, list):
        raise ConfigError(str(file), f"{sid}.held", "must be a list of years (YYYY or 'YYYY-MM')")
    dates = [_held(file, f"{sid}.held[{i}]", item) for i, item in enumerate(held)]
    return Series(sid, entry["label"], _patterns(file, sid, entry.get("patterns"), bool(runs)), runs,
                  tuple(y for y, _ in dates), tuple((y, m) for y, m in dates if m))


def _held(file: Path, key: str, item: object) -> tuple[int, int | None]:
    """2018 or '2018-03': the year a special summit was held, and its month when known."""
    m = HELD_RE.match(item) if isinstance(item, str) else None
    if m and 1 <= int(m[2]) <= 12:
        return _int(file, key, int(m[1]), YEAR_RANGE), int(m[2])
    return _int(file, key, item, YEAR_RANGE), None


def load_meetings(file: Path = MEETINGS_FILE) -> tuple[Series, ...]:
    """Loaded once per version of the file: `mkdocs serve` sees edits without a restart."""
    return _load_meetings(file, file_version(file))


@lru_cache(maxsize=4)
def _load_meetings(file: Path, _stamp: int) -> tuple[Series, ...]:
    data = read_mapping(file, "series ids to entries")
    return tuple(_series(file, sid, entry) for sid, entry in data.items())


def _sentence(folded: str, start: int, end: int) -> tuple[str, str]:
    """The parts of the sentence before and after a span."""
    begin = max((m.end() for m in SENTENCE_END_RE.finditer(folded, 0, start)), default=0)
    stop = SENTENCE_END_RE.search(folded, end)
    return folded[begin:start], folded[end: stop.start() if stop else len(folded)]


def _is_reported(folded: str, start: int, end: int) -> bool:
    before, after = _sentence(folded, start, end)
    # "depuis que ... lors de la 54e réunion": the past marker governs the clause it opens.
    return not (PAST_RE.search(before[-100:]) or FUTURE_RE.search(before[-40:]) or FUTURE_RE.search(after[:40]))


def _matches(pattern: re.Pattern, folded: str, numbers: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(folded)`; `numbers` are where the runs of digits start (for a
    pattern that starts with an ordinal, where the ordinals start)."""
    if not pattern.pattern.startswith(NUMBERED_START):
        found = literal_finditer(pattern, folded)
        yield from pattern.finditer(folded) if found is None else found
        return
    end = 0
    for start in numbers:
        m = pattern.match(folded, start) if start >= end else None
        if m:
            end = m.end()
            yield m


def _ordinals(folded: str) -> list[int]:
    """Where the ordinals start ("35e", "12th"): a run of at most three digits, then the suffix."""
    return [a for a, b in digit_runs(folded) if b - a <= 3 and ORD_RE.match(folded, a)]


Plan = tuple[Needles, tuple[tuple[Series, re.Pattern, str | None, bool], ...]]
_PLANS: dict[int, tuple[tuple[Series, ...], Plan]] = {}


def _plan(series: tuple[Series, ...]) -> Plan:
    """Every pattern with its series, its literal and whether it starts with an ordinal;
    and the literals, sought in one pass (a text without a pattern's literal skips its
    scan). Kept by identity of the series (hashing them hashes every pattern)."""
    kept = _PLANS.get(id(series))
    if kept is None or kept[0] is not series:
        patterns = tuple((s, p, required_literal(p), p.pattern.startswith(ORDINAL_START))
                         for s in series for p in s.patterns)
        kept = _PLANS[id(series)] = (series, (Needles(lit or "" for _, _, lit, _ in patterns), patterns))
    return kept[1]


def meeting_needles(series: tuple[Series, ...] | None = None) -> Needles:
    """The literals of the meetings' patterns (for `needles.scan_together`)."""
    return _plan(series if series is not None else load_meetings())[0]


def find_meetings(text: str, series: tuple[Series, ...] | None = None) -> list[Mention]:
    """Every dated meeting the text names, in order of first appearance, one per event."""
    folded = fold(text)
    numbers = [a for a, _ in digit_runs(folded)]
    ordinals = None
    literals, patterns = _plan(series if series is not None else load_meetings())
    known = literals.found(folded)
    found: dict[tuple[str, int | None], tuple[int, Mention]] = {}
    for s, pattern, literal, ordinal in patterns:
        if literal and literal not in known:
            continue  # cannot match: skip the scan
        places = numbers
        if ordinal:
            places = ordinals = _ordinals(folded) if ordinals is None else ordinals
        for m in _matches(pattern, folded, places):
            number = int(m["n"]) if "n" in m.re.groupindex and m["n"] else None
            year = s.year_of(number) if number is not None else None
            years = frozenset([year] if year else s.held if number is None else ())
            if not years:
                continue
            mention = Mention(s, number, years, text[m.start():m.end()],
                              _is_reported(folded, m.start(), m.end()))
            key = (s.id, number)
            if key not in found or (mention.reported and not found[key][1].reported):
                found[key] = (min(m.start(), found.get(key, (m.start(),))[0]), mention)
    return [mention for _, mention in sorted(found.values(), key=lambda x: x[0])]
