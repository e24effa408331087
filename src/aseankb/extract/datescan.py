"""Where the date patterns of printed.py can match, found without scanning the whole text.

A regex scan tries every position of the text (~40 ns a character), and the date stage
has a dozen patterns. Each function here gives exactly what `regex.finditer(folded)`
gives, trying the pattern only where a match can start or end: before a year, near a run
of digits, or where the plain text every match holds occurs. tests/test_extract_shortcuts.py
checks each against the full scan on generated texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..literals import longest_match, matches_at, required_literal
from ..text import by_pattern, digit_runs, non_ascii

YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# A year that can end a date: four digits, then no letter or digit.
YEAR_END_RE = re.compile(rf"{YEAR}(?!\w)")
SPACE_RUN_RE = re.compile(r"\s\s*")
# White space other than ' ' and a line break: rare, so the regex engine skips to it fast.
OTHER_SPACE_RE = re.compile(r"[^\S \n]")
SPACE_PAIRS = ("  ", " \n", "\n ", "\n\n")


# The ASCII white space other than ' ' and a line break (what `str.isspace` and `\s` say).
ASCII_OTHER_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"


def _other_space(folded: str) -> bool:
    """`OTHER_SPACE_RE.search(folded)`, by substring tests and the text's few non-ASCII
    characters (the regex engine tests every character against the class)."""
    return any(c in folded for c in ASCII_OTHER_SPACES) or any(c.isspace() for c in non_ascii(folded))


@lru_cache(maxsize=8)
def space_bound(folded: str) -> int:
    """The longest run of white space (at least 1): it bounds how long a date can be."""
    if any(pair in folded for pair in SPACE_PAIRS) or _other_space(folded):
        return max(map(len, SPACE_RUN_RE.findall(folded)))
    return 1


@by_pattern
def reach(regex: re.Pattern, spaces: int) -> int:
    """The longest match of `regex` in a text whose runs of white space are at most `spaces` long."""
    return longest_match(regex.pattern.replace(r"\s*", rf"\s{{0,{spaces}}}").replace(r"\s+", rf"\s{{1,{spaces}}}"))


def gated(regex: re.Pattern, folded: str) -> Iterator[re.Match]:
    """`regex.finditer(folded)`, skipped when the text lacks the plain text every match holds
    (the Vietnamese "ngay ", "thang "): a substring test is ~100x cheaper than the scan."""
    literal = required_literal(regex)
    return regex.finditer(folded) if literal is None or literal in folded else iter(())


def year_ends(folded: str) -> list[int]:
    """`[m.start() for m in YEAR_END_RE.finditer(folded)]`: a year is four digits that a
    digit does not follow, so it ends a run of digits (tried there only)."""
    return [b - 4 for a, b in digit_runs(folded) if b - a >= 4 and YEAR_END_RE.match(folded, b - 4)]


def ending_at_years(regex: re.Pattern, folded: str, years: list[int], spaces: int) -> Iterator[re.Match]:
    """`regex.finditer(folded)` for a pattern whose matches end with a year (then `(?!\\w)`)
    and hold no other year before it (no digits but a day's one or two): tried only in the
    stretch before each year. The leftmost match before a year's end is the scan's next
    match; the search stops at the year's end, which a non-word character follows, so the
    final look-ahead reads the same."""
    longest, last = reach(regex, spaces), 0
    for year in years:
        end = year + 4
        if end > last and (m := regex.search(folded, max(last, end - longest), end)):
            last = m.end()
            yield m


def from_digit_runs(regex: re.Pattern, folded: str) -> Iterator[re.Match]:
    """`regex.finditer(folded)` for a pattern whose matches start where a run of digits starts."""
    return matches_at(regex, folded, [a for a, _ in digit_runs(folded)])


def near_short_numbers(regex: re.Pattern, folded: str, spaces: int, digits: int = 2) -> Iterator[re.Match]:
    """`regex.finditer(folded)` for a pattern whose every match holds a run of at most
    `digits` digits (a day): it starts at most `reach` characters before that run."""
    longest = reach(regex, spaces)
    places: set[int] = set()
    for a, b in digit_runs(folded):
        if b - a <= digits:
            places.update(range(max(0, a - longest), a + 1))
    return matches_at(regex, folded, sorted(places))
