"""fold(): the fast path gives what folding each character on its own gives."""

from __future__ import annotations

import random
import unicodedata

import pytest

from aseankb.text import APOSTROPHES, fold


def _reference(text: str) -> str:
    """Fold character by character, the definition: apostrophes straightened, đ/ø/ł
    to d/o/l, then the NFD decomposition without its combining marks, then lower case."""
    out = []
    for char in text.translate(APOSTROPHES):
        char = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"}.get(char, char)
        out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
    return "".join(out).lower()


@pytest.mark.parametrize(("text", "folded"), [
    ("L’ASEAN et la Corée du Sud", "l'asean et la coree du sud"),
    ("Nguyễn Xuân Phúc, Đà Nẵng", "nguyen xuan phuc, da nang"),
    ("cœur `ø´ ǿ", "cœur 'o' ø"),       # œ keeps its length; ǿ is ø with an accent
    ("ἒ \u1fef`", "ε `'"),                # characters folding to non-ASCII or a backtick: the slow path
    ("plain ascii", "plain ascii"),
])
def test_examples(text: str, folded: str) -> None:
    assert fold(text) == folded == _reference(text)


def test_same_as_per_character_folding_on_random_texts() -> None:
    rng = random.Random(5)
    pool = [chr(c) for c in [*range(0x20, 0x2100), *range(0xac00, 0xac20), 0x1f600, 0xd800]]
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 40)))
        assert fold(text) == _reference(text), repr(text)


def test_same_as_per_character_folding_on_every_character() -> None:
    text = "".join(chr(c) for c in range(0x30000))
    assert fold(text) == _reference(text)
