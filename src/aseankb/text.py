"""Small text helpers shared by the stages (no stage imports another stage)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

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
_ASCII = bytes(range(128))


@lru_cache(maxsize=32)
def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: the form keywords are matched in.

    Folding keeps one character per character (for NFC input), so that a span found
    in the folded text is the same span in the original: that is why 'œ' stays 'œ'.

    It is the same as translating every character through `_FOLD_TABLE`, six times
    faster: a French text is ~97 % ASCII with a dozen distinct other characters, so
    only those are replaced (one C-speed `str.replace` each). The stages fold the same
    texts several times (an article's body for partners, dates, anniversaries...):
    the last few results are kept.
    """
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
