"""Where a regex can match, found without running it: the literal a pattern requires, the
prefixes its matches start with, and the places of literals in a text. The stages try a
pattern only there (a regex scan of a whole article costs far more than `str.find`);
tests/test_extract_shortcuts.py checks each shortcut against the plain scan."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .text import by_pattern

try:  # the regex parser of the standard library (private, hence the fallback)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    _sre_constants = _sre_parse = None


@by_pattern
def required_literal(pattern: re.Pattern) -> str | None:
    """The longest plain text every match of `pattern` contains, or None if unknown.

    A substring test (`in`) is ~100x cheaper than a regex scan, so a text that lacks this
    literal can skip the scan: the answer is the same, only faster.
    """
    if _sre_parse is None or pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern just gets no shortcut
        return None
    best, run = "", []
    for op, arg in list(parsed) + [(None, None)]:
        if op is _sre_constants.LITERAL:
            run.append(chr(arg))
            continue
        best = max(best, "".join(run), key=len)
        run = []
    return best or None


def longest_match(pattern: str) -> int:
    """The most characters a match of `pattern` can span (the regex parser's own count;
    a huge number when a repetition is unbounded)."""
    return _sre_parse.parse(pattern).getwidth()[1]


PREFIX_LIMIT = 64  # more candidate prefixes than this and the literal search is no shortcut


def _prefixes(items) -> tuple[set[str], bool]:
    """(strings one of which every match of the parsed `items` starts with, whether each
    of them is a whole match): a zero-width assertion consumes nothing and is skipped,
    any other construct ends the prefix."""
    outs = {""}
    for op, av in items:
        if op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT, _sre_constants.AT):
            continue
        if op is _sre_constants.LITERAL:
            outs = {o + chr(av) for o in outs}
            continue
        if op is _sre_constants.SUBPATTERN and not av[1] and not av[2]:
            inner, complete = _prefixes(av[3])
        elif op is _sre_constants.BRANCH:
            parts = [_prefixes(alt) for alt in av[1]]
            inner, complete = set().union(*(p for p, _ in parts)), all(c for _, c in parts)
        else:
            return outs, False
        outs = {o + i for o in outs for i in inner}
        if not complete or len(outs) > PREFIX_LIMIT:
            return outs, False
    return outs, True


@by_pattern
def literal_prefixes(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Plain texts one of which every match of `pattern` starts with, or None if unknown.

    A match can then start only where one of them occurs: `str.find` locates those
    places at C speed, and the pattern is tried there only, where a scan tries every
    position (~40 ns a character). None when a match may start with anything.
    """
    if _sre_parse is None or pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        starts, _ = _prefixes(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an unparsable pattern just gets no shortcut
        return None
    if "" in starts or len(starts) > PREFIX_LIMIT:
        return None
    # A prefix that starts with another one occurs only where that one does.
    kept = sorted(starts, key=lambda s: (len(s), s))
    return tuple(s for i, s in enumerate(kept) if not any(s.startswith(k) for k in kept[:i]))


def literal_search(pattern: re.Pattern, text: str) -> bool | None:
    """Whether `pattern` matches somewhere in `text`, tried only where one of its literal
    prefixes occurs; None when it has none (then scan)."""
    starts = literal_prefixes(pattern)
    if starts is None:
        return None
    match, find = pattern.match, text.find
    for start in starts:
        i = find(start)
        while i >= 0:
            if match(text, i):
                return True
            i = find(start, i + 1)
    return False


def literal_finditer(pattern: re.Pattern, text: str) -> Iterator[re.Match] | None:
    """`pattern.finditer(text)`, tried only where one of its literal prefixes occurs (in
    order, each after the previous match's end, as the scan does); None when it has none."""
    starts = literal_prefixes(pattern)
    if starts is None:
        return None
    return matches_at(pattern, text, occurrences(text, starts))


def occurrences(text: str, needles: tuple[str, ...] | list[str]) -> list[int]:
    """Where any of the (non-empty) `needles` occurs in `text`, sorted, each place once."""
    places = set()
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            places.add(i)
            i = text.find(needle, i + 1)
    return sorted(places)


def matches_at(pattern: re.Pattern, text: str, places: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` when every match starts at one of `places` (sorted)."""
    end = 0
    for place in places:
        m = pattern.match(text, place) if place >= end else None
        if m:
            end = m.end()  # never empty: it starts with a prefix
            yield m


# `\d+` written so that it starts with a character class: the regex engine then skips to
# the digits at C speed, where a leading repetition makes it try every position (~40x slower).
