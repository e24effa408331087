"""Numbered ASEAN meetings in a text: the series are data (meeting_series.py).

"Le 19e Forum régional de l'ASEAN" names meeting 19 of the ARF series, held in 2012:
a numbered meeting dates an article on its own, and becomes one of its `events`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..literals import literal_finditer, required_literal
from ..meeting_series import ORD, Series, load_meetings
from ..text import digit_runs, fold, folds_in_place
from .needles import Needles

__all__ = ["Mention", "Series", "find_meetings", "load_meetings", "meeting_needles"]

# A meeting named after these words is a past reference ("depuis la 54e réunion ...").
PAST_RE = re.compile(r"(?<!\w)(?:depuis|since|tu khi|ke tu|precedente?s?|previous|last|dernier|derniere)(?!\w)")
FUTURE_RE = re.compile(r"(?<!\w)(?:prevue?s?|prochaine?s?|a venir|aura lieu|se tiendra|upcoming|next|"
                       r"scheduled|will be held|sap toi|se dien ra)(?!\w)")
# `[.!?;](?=\s|$)|\n`, starting with a character class (the engine skips to the candidates).
SENTENCE_END_RE = re.compile(r"[.!?;\n](?:(?<=\n)|(?=\s|$))")
SENTENCE_REACH = 1000  # characters: longer, a "sentence" is a list or a hostile seed
# A numbered pattern's match starts where a run of digits starts (a word boundary is before
# it): trying those places only gives the same matches as scanning every position, faster.
NUMBERED_START = r"(?<![\w])(?P<n>\d"
# ...and one that starts with an ordinal, where an ordinal starts.
ORDINAL_START = r"(?<![\w])" + ORD
ORD_RE = re.compile(ORD)
# A series' name right after an ordinal ("25e sommet ASEAN-Corée") or before a number
# ("hội nghị cấp cao ASEAN-Hàn Quốc lần thứ 25"): a numbered pattern's match, not a name alone.
ORD_BEFORE_RE = re.compile(r"\d{1,3} ?(?:e|eme|er|ere|st|nd|rd|th) $")
NUMBER_AFTER_RE = re.compile(r" ?\(?(?:lan thu )?\d")
# A sentence that opens with its day, in the folded text: "le 11 juillet, ...", "on 12 july".
DATED_LINE_RE = re.compile(r"\s*(?:le |on )?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?"
                           r"\d{1,2}(?:er|st|nd|rd|th)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|"
                           r"septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|"
                           r"august|september|october|november|december)\b")


@dataclass(frozen=True)
class Mention:
    """One meeting named in a text: its event id, candidate years and whether it is reported."""

    series: Series
    number: int | None
    years: frozenset[int]
    phrase: str
    reported: bool  # False for past references and announced meetings
    first: int = 0  # where the text first names it
    # Every sentence naming it opens with a day ("Le 11 juillet, les ministres poursuivent
    # leurs travaux lors du 32e Forum régional"): a line of the programme, when past the lead.
    dated_lines: bool = False

    @property
    def event_id(self) -> str | None:
        if self.number is not None:
            return f"{self.series.id}-{self.number}"
        return f"{self.series.id}-{next(iter(self.years))}" if len(self.years) == 1 else None


def _sentence(folded: str, start: int, end: int) -> tuple[str, str]:
    """The parts of the sentence before and after a span, at most SENTENCE_REACH characters
    each way: scanning from the text's start for each mention made a hostile seed of
    20,000 mentions take minutes (eleventh audit); the callers read 100 characters."""
    low = max(0, start - SENTENCE_REACH)
    begin = max((m.end() for m in SENTENCE_END_RE.finditer(folded, low, start)), default=low)
    stop = SENTENCE_END_RE.search(folded, end, end + SENTENCE_REACH)
    return folded[begin:start], folded[end: stop.start() if stop else min(len(folded), end + SENTENCE_REACH)]


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


def _numbered_around(folded: str, start: int, end: int) -> bool:
    return bool(ORD_BEFORE_RE.search(folded, max(0, start - 8), start) or NUMBER_AFTER_RE.match(folded, end))


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
                         for s in series for p in (*s.patterns, *s.named))
        kept = _PLANS[id(series)] = (series, (Needles(lit or "" for _, _, lit, _ in patterns), patterns))
    return kept[1]


def meeting_needles(series: tuple[Series, ...] | None = None) -> Needles:
    """The literals of the meetings' patterns (for `needles.scan_together`)."""
    return _plan(series if series is not None else load_meetings())[0]


def find_meetings(text: str, series: tuple[Series, ...] | None = None) -> list[Mention]:
    """Every dated meeting the text names, in order of first appearance, one per event."""
    folded = fold(text)
    # The phrase quoted as evidence is cut from the text where folding kept every offset; a
    # Hangul syllable folds to several letters, and the text's cut would quote other words.
    source = text if len(folded) == len(text) and folds_in_place(text) else folded
    numbers = [a for a, _ in digit_runs(folded)]
    ordinals = None
    literals, patterns = _plan(series if series is not None else load_meetings())
    known = literals.found(folded)
    found: dict[tuple[str, int | None], Mention] = {}
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
            if number is None and s.numbered:  # a name without a number (Series.named)
                if _numbered_around(folded, m.start(), m.end()):
                    continue
            elif not years and not (number is not None and s.numbered and s.possible(number)):
                continue  # a numbered meeting the data cannot date is still one an article reports
            mention = Mention(s, number, years, source[m.start():m.end()], _is_reported(folded, m.start(), m.end()),
                              m.start(), bool(DATED_LINE_RE.match(_sentence(folded, m.start(), m.end())[0])))
            key = (s.id, number)
            kept = found.get(key, mention)
            found[key] = replace(mention if mention.reported and not kept.reported else kept,
                                 first=min(kept.first, m.start()), dated_lines=kept.dated_lines and mention.dated_lines)
    return sorted(found.values(), key=lambda mention: mention.first)
