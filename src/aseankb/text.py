"""Small text helpers shared by the stages (no stage imports another stage)."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFD does not split into a base letter and a mark.
_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: the form keywords are matched in.

    Folding keeps one character per character (for NFC input), so that a span found
    in the folded text is the same span in the original: that is why 'œ' stays 'œ'.
    """
    text = text.translate(APOSTROPHES).translate(_EXTRA_FOLD)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


def squash_spaces(text: str) -> str:
    """Collapse runs of (Unicode) spaces into one ASCII space and trim."""
    return SPACES_RE.sub(" ", text).strip()
