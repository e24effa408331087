"""ASEAN meeting series as data (data/meetings.yaml), validated on load: what the
extract stage looks for in texts (extract/meetings.py) and what the meeting pages show
(render/meetings.py). Kept out of both stages so that neither imports the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .config import DATA_DIR, check_entry, file_version, load_taxonomy, read_mapping
from .errors import ConfigError

MEETINGS_FILE = DATA_DIR / "meetings.yaml"
LANGUAGES = ("fr", "en", "vi", "any")
SERIES_KEYS = {"label", "patterns", "named", "partner", "first_year", "schedule", "held", "numbered", "months"}
RUN_KEYS = {"from", "year", "per_year"}
ORD = r"(?P<n>\d{1,3}) ?(?:e|eme|er|ere|st|nd|rd|th)"
NUM = r"(?P<n>\d{1,3})(?!\d)"
# The first meeting of a series, in words ("leur première réunion des hauts fonctionnaires").
FIRST = r"(?P<first>premiere?|first|inaugural)"
PLACEHOLDERS = ("{ORD}", "{NUM}", "{FIRST}")
YEAR_RANGE = range(1967, 2101)
HORIZON = 2040
HELD_RE = re.compile(r"^(\d{4})-(\d{2})$")


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
    first_year: int | None = None  # of the series' first meeting: "since when", on its page
    partner: str | None = None  # the partner it meets (a partners.yaml id), whose page lists it
    numbered: bool = False  # its meetings have numbers (with or without a schedule dating them)
    # Its name without a number ("le sommet ASEAN-Corée"): the meeting of the article's year,
    # when the schedule holds one that year (held_in).
    named: tuple[re.Pattern, ...] = ()
    # For a series held several times a year, or whose name also covers informal meetings
    # (the ASEAN Summit, the AMM): (year, the months of that year's meetings, in number
    # order). Its name then needs the article's month (held_at).
    months: tuple[tuple[int, tuple[int, ...]], ...] = ()

    def year_of(self, number: int) -> int | None:
        """The year meeting `number` was held, or None when the data does not say."""
        run = next((r for r in reversed(self.runs) if r.start <= number), None)
        year = run.year + (number - run.start) // run.per_year if run else None
        if run is None and number == 1:
            # A series without a schedule still knows its first meeting's year: the UK's
            # "1re réunion des hauts fonctionnaires" dates its report (seventeenth audit).
            year = self.first_year
        return year if year and year <= HORIZON else None  # "999e Sommet" is a typo, not a date

    def held_in(self, year: int) -> int | None:
        """The number of the only meeting held in `year`, or None (none, two, or not recorded)."""
        run = next((r for r in reversed(self.runs) if r.year <= year), None)
        if run is None or run.per_year != 1:
            return None
        number = run.start + year - run.year
        if self.year_of(number) != year or self.year_of(number + 1) == year:
            return None  # past the run's end (a next run starts), or a second meeting that year
        return number

    def first_in(self, year: int) -> int | None:
        """The number of the first meeting held in `year` by the schedule, or None."""
        run = next((r for r in reversed(self.runs) if r.year <= year), None)
        number = run.start + (year - run.year) * run.per_year if run else None
        return number if number and self.year_of(number) == year else None

    def count_in(self, year: int) -> int:
        """How many meetings the schedule holds in `year`."""
        first = self.first_in(year)
        return 0 if first is None else sum(1 for n in range(first, first + 5) if self.year_of(n) == year)

    def held_at(self, year: int, month: int | None) -> int | None:
        """The meeting a name without a number is in an article of `year` and `month`:
        without `months` data, the year's only meeting (held_in); with it, the only one
        held in `month` or the month before (an article reports a meeting in the days
        after it), or, in an article whose month is not known, the year's only one (the
        AMM; not the ASEAN Summit, held twice). None when the data does not say or two
        meetings fit (2016's 28th and 29th ASEAN Summits, held together): an ambiguous
        name records nothing."""
        if not self.months:
            return self.held_in(year)
        months = dict(self.months).get(year)
        first = self.first_in(year)
        if not months or first is None:
            return None
        if month is None:
            return first if len(months) == 1 else None
        fits = [first + i for i, m in enumerate(months) if m <= month <= m + 1]
        return fits[0] if len(fits) == 1 else None

    def month_of(self, number: int) -> int | None:
        """The month meeting `number` was held (`months`), or None when the data does not say."""
        year = self.year_of(number)
        months, first = dict(self.months).get(year or 0), self.first_in(year) if year else None
        if not months or first is None or not 0 <= number - first < len(months):
            return None
        return months[number - first]

    def possible(self, number: int) -> bool:
        """Whether meeting `number` may have been held: dated by the schedule, or below its
        first run (not recorded here), or, without a schedule, within one meeting a year
        since the first. "0e réunion" or "999e Sommet" is a typo, not a meeting to list."""
        if number < 1:
            return False
        if self.year_of(number) is not None:
            return True
        if self.runs:
            return number < self.runs[0].start
        # No ASEAN meeting is older than ASEAN (1967): the bound when the first year is unknown.
        return number <= HORIZON - (self.first_year or YEAR_RANGE.start) + 1


def _int(file: Path, key: str, value: object, allowed: range) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
        raise ConfigError(str(file), key, f"must be a whole number in {allowed.start}..{allowed.stop - 1}")
    return value


def _patterns(file: Path, sid: str, value: object, numbered: bool, field: str = "patterns") -> tuple[re.Pattern, ...]:
    """`field`'s patterns: with a number placeholder each in a numbered series' `patterns`,
    without any in its `named`."""
    if not isinstance(value, dict) or not value:
        raise ConfigError(str(file), f"{sid}.{field}", "must map languages (fr, en, vi, any) to lists")
    out = []
    for lang, items in value.items():
        key = f"{sid}.{field}.{lang}"
        if lang not in LANGUAGES:
            raise ConfigError(str(file), key, f"unknown language (one of {', '.join(LANGUAGES)})")
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise ConfigError(str(file), key, "must be a list of non-empty strings")
        for item in items:
            if numbered and not any(p in item for p in PLACEHOLDERS):
                raise ConfigError(str(file), key, f"{item!r}: a numbered series' pattern needs {{ORD}}, {{NUM}} "
                                  "or {FIRST}")
            if field == "named" and any(p in item for p in PLACEHOLDERS):
                raise ConfigError(str(file), key, f"{item!r}: a name without a number has no {{ORD}}, {{NUM}} "
                                  "or {FIRST}")
            try:
                body = item.replace("{ORD}", ORD).replace("{NUM}", NUM).replace("{FIRST}", FIRST)
                out.append(re.compile(r"(?<![\w])" + body))
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
    # Optional: unknown for some numbered series without a schedule (the ACJCC).
    first = _int(file, f"{sid}.first_year", entry["first_year"], YEAR_RANGE) if "first_year" in entry else None
    if "schedule" in entry and "held" in entry:
        raise ConfigError(str(file), sid, "a series has a schedule (numbered) or held years, not both")
    runs = _runs(file, sid, entry["schedule"]) if "schedule" in entry else ()
    numbered = entry.get("numbered", bool(runs))
    if not isinstance(numbered, bool) or (runs and not numbered) or (numbered and "held" in entry):
        raise ConfigError(str(file), f"{sid}.numbered", "true for a series with a schedule or none, "
                          "false (or left out) for one with held years")
    held = entry.get("held", [])
    if not isinstance(held, list):
        raise ConfigError(str(file), f"{sid}.held", "must be a list of years (YYYY or 'YYYY-MM')")
    dates = [_held(file, f"{sid}.held[{i}]", item) for i, item in enumerate(held)]
    if "named" in entry and not runs:
        raise ConfigError(str(file), f"{sid}.named", "only a series with a schedule says which meeting a name is")
    named = _patterns(file, sid, entry["named"], False, "named") if "named" in entry else ()
    series = Series(sid, entry["label"], _patterns(file, sid, entry.get("patterns"), numbered), runs,
                    tuple(y for y, _ in dates), tuple((y, m) for y, m in dates if m), first,
                    _partner(file, sid, entry.get("partner")), numbered, named)
    return replace(series, months=_months(file, series, entry["months"])) if "months" in entry else series


def _months(file: Path, series: Series, value: object) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """{year: [month, ...]}: one month per meeting the schedule holds that year, in number
    order; a year the schedule does not date, or a count that differs, is an error (the
    months would name the wrong meeting)."""
    key = f"{series.id}.months"
    if not series.runs or not isinstance(value, dict) or not value:
        raise ConfigError(str(file), key, "a series with a schedule maps years to lists of months")
    out = []
    for year, months in value.items():
        count = series.count_in(year) if isinstance(year, int) and not isinstance(year, bool) else 0
        ok = isinstance(months, list) and all(isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12
                                              for m in months)
        if not ok or len(months) != count or months != sorted(months):
            raise ConfigError(str(file), f"{key}.{year}", f"the schedule holds {count} meeting(s) that year: "
                              "one month (1-12) each, in the order of their numbers")
        out.append((year, tuple(months)))
    return tuple(sorted(out))


def _partner(file: Path, sid: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in load_taxonomy().partners:
        raise ConfigError(str(file), f"{sid}.partner", f"{value!r} is not a partner id of partners.yaml")
    return value


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


FEMININE_RE = re.compile(r"^(?:Réunion|Conférence|Rencontre|Session)\b")


def ordinal(n: int, label: str) -> str:
    """"58e"; the first: "1er sommet", "1re réunion" (by the gender of the series' label)."""
    return f"{n}e" if n != 1 else "1re" if FEMININE_RE.match(label) else "1er"


def series_id(event_id: str) -> str:
    """The series of a meeting id: "amm-58" -> "amm" (ids end with a number or a year)."""
    return event_id.rpartition("-")[0]


def meeting_number(event_id: str) -> int:
    """A meeting id's number, or for an unnumbered series its year: "amm-58" -> 58."""
    return int(event_id.rpartition("-")[2])


def edition_heading(series: Series, event_id: str, reported: int | None = None) -> str:
    """A meeting's name within its series' page: "58e réunion (2025)", or for an
    unnumbered series, whose ids end with the year, "Sommet de 2024". `reported`: the year
    of the articles reporting it, for a series whose schedule the data does not hold."""
    n = meeting_number(event_id)
    noun = series.label.split(" ", 1)[0]
    if not series.numbered:
        return f"{noun} de {n}"
    year = series.year_of(n) or reported
    return f"{ordinal(n, series.label)} {noun.lower()}" + (f" ({year})" if year else "")
