"""Small text helpers shared by the stages (no stage imports another stage)."""

from __future__ import annotations

import re
import unicodedata

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
