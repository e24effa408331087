"""The extractor's shortcuts give what the plain regex scans give (same matches, same answers)."""

from __future__ import annotations

import random

from aseankb.config import load_taxonomy
from aseankb.extract.entities import _found, _literal_matches
from aseankb.extract.meetings import DIGITS_RE, _matches, load_meetings
from aseankb.text import fold

TAX = load_taxonomy()
GLUE = [" ", "", "-", "’", ". ", "\n", "x", "é", "_", "1", " (", "s "]


def _texts(forms: list[str], count: int = 40) -> list[str]:
    """Forms glued to each other and to letters, digits and punctuation: matches that
    touch, overlap, or are refused by the word-boundary assertions."""
    rng = random.Random(3)
    return ["".join(rng.choice(forms) + rng.choice(GLUE) for _ in range(rng.randrange(1, 12)))
            for _ in range(count)]


def test_partner_names_found_where_their_forms_occur_as_by_a_full_scan() -> None:
    for partner in TAX.partners.values():
        for pattern, forms, folded in ((partner.names, partner.name_forms, True),
                                       (partner.exact, partner.exact_forms, False)):
            if pattern is None:
                continue
            for text in _texts([*forms, "corée du", "chin", "Nga"]):
                text = fold(text) if folded else text
                assert [m.span() for m in _literal_matches(pattern, forms, text)] == \
                    [m.span() for m in pattern.finditer(text)], (partner.id, text)


def test_domains_found_as_by_a_full_scan() -> None:
    words = ["terrorisme", "securite alimentaire", "securite", "moyens de transports", "transports",
             "cyber", "energie", "sante", "vaccins", "climat", "education", "commerce", "an ninh"]
    for domain in TAX.domains.values():
        for text in _texts(words, 80):
            for pattern, value in ((domain.patterns, fold(text)), (domain.exact, text)):
                if pattern is not None:
                    assert _found(pattern, value) == bool(pattern.search(value)), (domain.id, value)


def test_numbered_meetings_found_where_numbers_start_as_by_a_full_scan() -> None:
    pieces = ["35e sommet de l'asean", "12th asean summit", "a3", "2024", "1er", "19 e ", "amm-5", "36e",
              "sommet asean-japon", "hoi nghi cap cao asean lan thu 4", "admm+", "7 e reunion", "٣e"]
    for series in load_meetings():
        for pattern in series.patterns:
            for text in _texts(pieces, 30):
                numbers = [m.start() for m in DIGITS_RE.finditer(text)]
                assert [m.span() for m in _matches(pattern, text, numbers)] == \
                    [m.span() for m in pattern.finditer(text)], (series.id, text)
