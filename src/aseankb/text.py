"""Small text helpers shared by the stages (no stage imports another stage)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TypeVar

try:  # the regex parser of the standard library (private, hence the fallback)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    _sre_constants = _sre_parse = None

# Letters that NFD does not split into a base letter and a mark.
_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
SPACE = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
# The runs of spaces that squashing changes: two or more, or one that is not ' ' (a lone
# ' ' stays as it is, and replacing each of them was most of the cost). Starting with a
# character class lets the regex engine skip to the spaces.
SPACES_RE = re.compile(rf"{SPACE}(?:(?<! )|(?={SPACE})){SPACE}*")
# A text without these and without two spaces in a row has nothing to squash (both tests are
# far cheaper than the substitution, which stops at every space).
ODD_SPACE_RE = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]")


class _FoldTable(dict):
    """Code point -> its folded form, computed on first use: `str.translate` over this
    table is ~10x faster than decomposing the whole text, and folding is per character."""

    def __missing__(self, code: int) -> str:
        char = chr(code).translate(APOSTROPHES).translate(_EXTRA_FOLD)
        # NFD of a text is the NFD of each character, then a reordering of combining
        # marks, which are dropped anyway: folding character by character is the same.
        folded = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()
R = TypeVar("R")
_ASCII = bytes(range(128))


LONG_TEXT = 500  # a text folded whole is kept for the parts of it folded next
_LAST_FOLDED: tuple[str, str] | None = None


@lru_cache(maxsize=32)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: the form keywords are matched in.

    Folding keeps one character per character (for NFC input), so that a span found
    in the folded text is the same span in the original: that is why 'œ' stays 'œ'.

    It is the same as translating every character through `_FOLD_TABLE`, six times
    faster: a French text is ~97 % ASCII with a dozen distinct other characters, so
    only those are replaced (one C-speed `str.replace` each). The stages fold the same
    texts several times (an article's body for partners, dates, anniversaries...):
    the last few results are kept, and an article's body is cut from the fold of its title
    and body (`_folded_end`).
    """
    global _LAST_FOLDED
    last = _LAST_FOLDED  # read once: another thread may replace it meanwhile
    if last is not None and (end := _folded_end(last, text)) is not None:
        return end
    folded = _fold(text)
    if len(text) >= LONG_TEXT:
        _LAST_FOLDED = (text, folded)
    return folded


def _folded_end(whole: tuple[str, str], text: str) -> str | None:
    """`fold(text)` cut from `whole` (a text and its fold) when `text` ends it after a line
    break, else None. Folding goes character by character, but for the lower case of 'Σ',
    which depends on the letters around it: a line break stops that look, as the start of a
    text does. So the cut is the fold when every character folds to one (then offsets agree)."""
    source, folded = whole
    cut = len(source) - len(text)
    if cut <= 0 or source[cut - 1] != "\n" or not source.endswith(text):
        return None
    return folded[cut:] if len(folded) == len(source) and folds_in_place(source) else None


def _fold(text: str) -> str:
    if text.isascii():
        return text.replace("`", "'").lower()
    # The distinct non-ASCII characters: delete the ASCII bytes of the UTF-8 form (C speed).
    others = set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    changes = [(c, f) for c in others if (f := _FOLD_TABLE[ord(c)]) != c]
    if not "".join(f for _, f in changes).isascii() or any("`" in f for _, f in changes):
        # A character folds to another non-ASCII one (or a backtick): one replacement could
        # feed the next, so translate all at once (rare: Korean, "ǿ").
        return text.translate(_FOLD_TABLE).lower()
    for char, folded in changes:
        text = text.replace(char, folded)
    return text.replace("`", "'").lower()


@lru_cache(maxsize=8)
def folds_in_place(text: str) -> bool:
    """Whether every character of `text` folds to exactly one character (true of nearly every
    NFC text: not of a lone combining mark or a Hangul syllable): then `fold(text)[i]` is
    the fold of `text[i]`, and what starts at i in one starts at i in the other."""
    if text.isascii():
        return True
    return all(len(_FOLD_TABLE[ord(c)].lower()) == 1 for c in non_ascii(text))


def by_pattern(fn: Callable[..., R]) -> Callable[..., R]:
    """`functools.cache` for a function of a compiled pattern (then hashable arguments),
    keyed by the pattern's identity: hashing a compiled pattern hashes its whole program
    (~3 us for a domain's), and the stages ask hundreds of times per article."""
    kept: dict[tuple, tuple[re.Pattern, R]] = {}

    @functools.wraps(fn)
    def cached(pattern: re.Pattern, *args: object) -> R:
        key = (id(pattern), *args)
        hit = kept.get(key)
        if hit is None or hit[0] is not pattern:
            hit = kept[key] = (pattern, fn(pattern, *args))
        return hit[1]
    return cached


# ODD_SPACE_RE's characters beyond ASCII: a text holds few distinct ones, tested as a set.
_ODD_SPACES = frozenset("\u00a0\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200C)))


def _odd_space(text: str) -> bool:
    """`ODD_SPACE_RE.search(text)`, without a scan that tests every character against the class."""
    return "\t" in text or (not text.isascii() and not _ODD_SPACES.isdisjoint(non_ascii(text)))


def squash_spaces_keep_lines(text: str) -> str:
    """Collapse runs of (Unicode) spaces into one ASCII space. Line breaks are not spaces
    here: a whole text is squashed at once, then its lines are trimmed."""
    if "  " not in text and not _odd_space(text):
        return text
    return SPACES_RE.sub(" ", text)


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
DIGITS_RE = re.compile(r"\d\d*")


_LAST_RUNS: tuple[str, tuple[tuple[int, int], ...]] | None = None


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the runs of digits. Kept for the last few texts (dates and meetings read
    them); a text that ends the last one scanned (an article's body, after its title and
    body) has the runs found there, from its start on."""
    global _LAST_RUNS
    last = _LAST_RUNS
    if last is not None and len(text) <= len(last[0]) and last[0].endswith(text):
        cut = len(last[0]) - len(text)
        return tuple((max(a, cut) - cut, b - cut) for a, b in last[1] if b > cut)
    runs = _ascii_digit_runs(text) if _no_other_digits(text) else tuple(m.span() for m in DIGITS_RE.finditer(text))
    if len(text) >= LONG_TEXT:
        _LAST_RUNS = (text, runs)
    return runs


def stops_before_space(text: str, marks: str) -> list[int]:
    r"""Where `text` holds a line break, or one of `marks` followed by white space or the
    end: `[marks\n](?:(?<=\n)|(?=\s|$))`, found by one `str.find` per mark (at C speed,
    where the regex engine tests each character against the class: ~3x slower)."""
    out = []
    size = len(text)
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            if i + 1 == size or text[i + 1].isspace():
                out.append(i)
            i = text.find(mark, i + 1)
    i = text.find("\n")
    while i >= 0:
        out.append(i)
        i = text.find("\n", i + 1)
    out.sort()
    return out


def non_ascii(text: str) -> set[str]:
    """The distinct non-ASCII characters of `text`: the ASCII bytes of its UTF-8 form
    deleted at C speed."""
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))


def _no_other_digits(text: str) -> bool:
    """Whether the only digits `\\d` finds in `text` are ASCII ones."""
    return text.isascii() or not any(c.isdecimal() for c in non_ascii(text))


def _ascii_digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """`DIGITS_RE`'s spans in a text whose digits are ASCII: each digit found by `str.find`
    (at C speed; the regex engine tests every character against its class, ~2x slower)."""
    places = []
    for digit in "0123456789":
        i = text.find(digit)
        while i >= 0:
            places.append(i)
            i = text.find(digit, i + 1)
    places.sort()
    runs: list[tuple[int, int]] = []
    start = end = -1
    for i in places:
        if i != end:
            if start >= 0:
                runs.append((start, end))
            start = i
        end = i + 1
    if start >= 0:
        runs.append((start, end))
    return tuple(runs)
