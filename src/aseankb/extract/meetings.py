"""Numbered ASEAN meetings in a text: the series are data (meeting_series.py).

"Le 19e Forum régional de l'ASEAN" names meeting 19 of the ARF series, held in 2012:
a numbered meeting dates an article on its own, and becomes one of its `events`. A name
without a number ("le sommet ASEAN-Japon", "le Sommet de l'ASEAN") dates nothing: the
article's date says which meeting it is (extract.events, Series.held_at).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from ..literals import literal_finditer, required_literal
from ..meeting_series import ORD, Series, load_meetings
from ..text import digit_runs, fold, folds_in_place, stops_before_space
from .needles import Needles

__all__ = ["Mention", "Series", "find_meetings", "load_meetings", "meeting_needles"]

# A meeting named after these words is a past reference ("depuis la 54e réunion ...").
PAST_RE = re.compile(r"(?<!\w)(?:depuis|since|tu khi|ke tu|precedente?s?|previous|last|dernier|derniere)(?!\w)")
FUTURE_RE = re.compile(r"(?<!\w)(?:prevue?s?|prochaine?s?|a venir|aura lieu|se tiendra|upcoming|next|"
                       r"scheduled|will be held|sap toi|se dien ra)(?!\w)")
# `[.!?;](?=\s|$)|\n`, starting with a character class (the engine skips to the candidates).
SENTENCE_END_RE = re.compile(r"[.!?;\n](?:(?<=\n)|(?=\s|$))")
STOPS = ".!?;\n"  # its character class
SENTENCE_REACH = 1000  # characters: longer, a "sentence" is a list or a hostile seed
# Mentions of one meeting whose sentences are read: an article names it a few times; past
# this, a hostile seed ("AMM " x 125,000 took 2.5 s), whose further mentions change nothing.
MENTIONS_READ = 200
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

# A series' name without its number that the article's month resolves (Series.months: the
# ASEAN Summit, the AMM) also names the institution ("le Sommet de l'ASEAN est l'organe
# suprême"), a related-article link or a past meeting: it is the article's meeting only in a
# sentence that reports it, at or during it (before the name) or saying it opened (after).
AT_MEETING_RE = re.compile(
    r"(?<!\w)(?:(?:lors|en marge|dans le cadre|a l'occasion|au cours|a l'ouverture|a la cloture|a l'issue|pendant|"
    r"durant)(?: de la| de l'| du| des)?|au|aux|a la|a l'|(?:at|during|on the sidelines of|in the framework of) "
    r"the|tai|tham du|trong khuon kho|ben le)\s?$")
OPENED_RE = re.compile(
    r"\s?(?:\([^()]{1,20}\)\s?)?,?\s?(?:qui )?(?:s'est (?:ouvert|tenu|clos|acheve|termine|deroule)e?|se tient|"
    r"s'ouvre|a (?:debute|eu lieu|pris fin|commence)|opened|was held|is being held|took place|kicked off|"
    r"concluded|began|khai mac|dien ra|be mac)(?!\w)")
# ...and not when the sentence speaks of each one, or of a future one.
GENERIC_RE = re.compile(r"(?<!\w)(?:chaque|chacun|annuel(?:le)?s?|each|every|annual|hang nam|futur(?:e|s)?|future)"
                        r"(?!\w)")
# ...nor when it is said to be of another year ("au Sommet de l'ASEAN l'an dernier").
OTHER_YEAR_RE = re.compile(r"(?<!\w)(?:l'an (?:dernier|passe|prochain)|l'annee (?:derniere|passee|prochaine)|"
                           r"(?:last|next) year|a year ago|nam (?:ngoai|truoc|sau|toi))(?!\w)")
# A year beside the name ("le Sommet de l'ASEAN de juillet 2010", "the 2015 ASEAN Summit"):
# a meeting of that year, a reference when the article is of another (precision first: any).
NEAR_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NEAR_YEAR_REACH = 30


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


class Sentences:
    """The parts of the sentence before and after a span, at most SENTENCE_REACH characters
    each way: scanning from the text's start for each mention made a hostile seed of
    20,000 mentions take minutes (eleventh audit); the callers read 100 characters. The
    text's sentence ends are found once, then bisected: seeking them within the reach of
    each of 125,000 mentions ("AMM AMM ...") still took seconds. The same parts as
    SENTENCE_END_RE run on the window alone, where its end also ends a sentence (`$`):
    a stop right before the span, or as the window's last character, counts."""

    def __init__(self, folded: str) -> None:
        self.folded = folded

    @cached_property
    def ends(self) -> list[int]:
        """Found at the first mention (most texts name no meeting), by `str.find`:
        SENTENCE_END_RE's matches (tests/test_extract_shortcuts.py), 3x faster."""
        return [i + 1 for i in stops_before_space(self.folded, STOPS[:-1])]

    def around(self, start: int, end: int) -> tuple[str, str]:
        folded, ends = self.folded, self.ends
        low = max(0, start - SENTENCE_REACH)
        i = bisect_right(ends, start - 1) - 1
        begin = start if start > low and folded[start - 1] in STOPS else ends[i] if i >= 0 and ends[i] > low else low
        high = min(len(folded), end + SENTENCE_REACH)
        j = bisect_left(ends, end + 1)
        stop = ends[j] - 1 if j < len(ends) and ends[j] - 1 < high - 1 else None
        if stop is None and high > end and folded[high - 1] in STOPS:
            stop = high - 1
        return folded[begin:start], folded[end: high if stop is None else stop]


def _is_reported(before: str, after: str) -> bool:
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


def _is_current(before: str, after: str) -> bool:
    """Whether a name without a number reports its meeting as news (AT_MEETING_RE)."""
    if GENERIC_RE.search(before[-40:]) or OTHER_YEAR_RE.search(after[:40]) \
            or NEAR_YEAR_RE.search(after[:NEAR_YEAR_REACH] + " " + before[-12:]):
        return False
    return bool(AT_MEETING_RE.search(before[-40:]) or OPENED_RE.match(after[:80]))


def _number(m: re.Match) -> int | None:
    """The meeting number a match names: its digits, 1 for "première", None for a name alone."""
    if "n" in m.re.groupindex and m["n"]:
        return int(m["n"])
    return 1 if "first" in m.re.groupindex and m["first"] else None


def _mention(s: Series, number: int | None, years: frozenset[int], m: re.Match, sentences: Sentences,
             source: str) -> Mention:
    """Mention `m` of series `s`, with whether its sentence reports it: a name resolved by
    the article's month must also report it as news (_is_current)."""
    before, after = sentences.around(m.start(), m.end())
    reported = _is_reported(before, after) and (number is not None or not s.months or _is_current(before, after))
    return Mention(s, number, years, source[m.start():m.end()], reported, m.start(),
                   bool(DATED_LINE_RE.match(before)))


def _meeting(s: Series, m: re.Match, folded: str) -> tuple[int | None, frozenset[int]] | None:
    """The number and candidate years of the meeting match `m` names, or None when it names
    none: a name without a number that is part of a numbered one, a number out of reach."""
    number = _number(m)
    year = s.year_of(number) if number is not None else None
    years = frozenset([year] if year else s.held if number is None else ())
    if number is None and s.numbered:  # a name without a number (Series.named)
        return None if _numbered_around(folded, m.start(), m.end()) else (number, years)
    if not years and not (number is not None and s.numbered and s.possible(number)):
        return None
    return number, years  # a numbered meeting the data cannot date is still one an article reports


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
    ordinals, sentences = None, Sentences(folded)
    literals, patterns = _plan(series if series is not None else load_meetings())
    known = literals.found(folded)
    found: dict[tuple[str, int | None], Mention] = {}
    read: dict[tuple[str, int | None], int] = {}
    for s, pattern, literal, ordinal in patterns:
        if literal and literal not in known:
            continue  # cannot match: skip the scan
        places = numbers
        if ordinal:
            places = ordinals = _ordinals(folded) if ordinals is None else ordinals
        for m in _matches(pattern, folded, places):
            meeting = _meeting(s, m, folded)
            if meeting is None:
                continue
            number, years = meeting
            key = (s.id, number)
            kept, read[key] = found.get(key), read.get(key, 0) + 1
            if kept is not None and (kept.reported and not kept.dated_lines or read[key] > MENTIONS_READ):
                # Settled (reported, or named too often): another mention changes only where
                # it is first named, and its sentence need not be read (hostile seeds).
                if m.start() < kept.first:
                    found[key] = replace(kept, first=m.start())
                continue
            mention = _mention(s, number, years, m, sentences, source)
            kept = kept or mention
            found[key] = replace(mention if mention.reported and not kept.reported else kept,
                                 first=min(kept.first, m.start()), dated_lines=kept.dated_lines and mention.dated_lines)
    return sorted(found.values(), key=lambda mention: mention.first)
