"""Small text helpers shared by the stages (no stage imports another stage)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

try:  # the regex parser of the standard library (private, hence the fallback)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    _sre_constants = _sre_parse = None

# Letters that NFD does not split into a base letter and a mark.
_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


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


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: the form keywords are matched in.

    Folding keeps one character per character (for NFC input), so that a span found
    in the folded text is the same span in the original: that is why 'œ' stays 'œ'.
    """
    return text.translate(_FOLD_TABLE).lower()


def squash_spaces(text: str) -> str:
    """Collapse runs of (Unicode) spaces into one ASCII space and trim."""
    return SPACES_RE.sub(" ", text).strip()


@cache
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
