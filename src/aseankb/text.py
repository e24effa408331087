"""Small text helpers shared by the stages (no stage imports another stage)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

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
    others = non_ascii(text)
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


# The runs of [a-z0-9] of an ASCII text, by C byte operations: every other byte becomes a
# space, then split (dedup's shingle words and search's index words).
WORD_BYTES = bytes(b if 97 <= b <= 122 or 48 <= b <= 57 else 32 for b in range(256))


# Characters a file name must not carry raw into messages, the report or pages: controls (a
# newline would break a table row, or start a line a CI log reads as its own command),
# direction overrides (which disguise a name on screen), invisible ones (zero-width, byte-order
# mark, variation selectors, tags: two names would look alike), undecodable bytes (the
# surrogate escapes of a name that is not UTF-8, which no file or page can hold), and the
# backslash, so that a name spelled '\x0a' is not taken for one holding a newline.
UNPRINTABLE_RE = re.compile("[\\\\\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029"
                            "\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff\ud800-\udfff\U000e0000-\U000e007f]")


def printable(name: str) -> str:
    """A file name as users are shown it: those characters as visible escapes ('\\x0a')."""
    return UNPRINTABLE_RE.sub(_escaped, name)


def _escaped(m: re.Match) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 (os.fsdecode's surrogate escape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def blanked(text: str, matches: Iterable[re.Match]) -> str:
    """`text` with these matches (in order, not overlapping) replaced by as many spaces: what
    they hold is not sought there, and every other character keeps its place (positions
    found before still hold)."""
    parts, last = [], 0
    for m in matches:
        parts += [text[last:m.start()], " " * (m.end() - m.start())]
        last = m.end()
    return "".join(parts) + text[last:] if parts else text
