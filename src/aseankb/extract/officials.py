"""Office holders as date clues (data/officials.yaml, validated on load).

An official named in an article was in office when it was written: the terms of office
give the candidate years, narrowed by the article's own day and month when known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..config import DATA_DIR, ID_RE, file_version, read_mapping
from ..errors import ConfigError
from ..literals import literal_finditer
from ..model import PartialDate
from ..text import fold
from .needles import Needles

OFFICIALS_FILE = DATA_DIR / "officials.yaml"
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
# An office's country, the last "du/de la/de l'/des X" of its label: " du Vietnam", " des États-Unis".
COUNTRY_TAIL_RE = re.compile(r" (?:du|de la|de l['’]|des) (?!.* (?:du|de la|de l['’]|des) )\S.*$")
TERM_KEYS = {"names", "from", "to", "label"}
OFFICE_KEYS = {"label", "terms"}
HORIZON = 2040
# "l'ancien Premier ministre Shinzo Abe": a past office holder dates nothing.
FORMER_RE = re.compile(r"(?<!\w)(?:ancien(?:ne)?|ex|former|late|feu|cuu|predecesseur|predecessor)(?!\w)[^.,;]{0,40}$")


@dataclass(frozen=True)
class Term:
    pattern: re.Pattern  # the person's names, folded
    start: tuple[int, int]
    end: tuple[int, int]
    forms: tuple[str, ...] = ()  # the same names as plain text: a text with none of them skips the scan
    label: str = ""  # the office in French ("ministre des Affaires étrangères du Vietnam")


def _month(file: Path, key: str, value: object) -> tuple[int, int]:
    m = MONTH_RE.match(str(value)) if isinstance(value, str) else None
    if not m or not 1 <= int(m[2]) <= 12:
        raise ConfigError(str(file), key, "must be a month written YYYY-MM")
    return int(m[1]), int(m[2])


def _term(file: Path, key: str, entry: object, office: str) -> Term:
    if not isinstance(entry, dict) or set(entry) - TERM_KEYS or "from" not in entry:
        raise ConfigError(str(file), key, "a term is {names: [...], from: YYYY-MM[, to: YYYY-MM][, label: ...]}")
    label = entry.get("label", office)
    if not isinstance(label, str) or not label.strip():
        raise ConfigError(str(file), f"{key}.label", "must be a non-empty string")
    names = entry.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise ConfigError(str(file), f"{key}.names", "must be a non-empty list of names")
    start = _month(file, f"{key}.from", entry["from"])
    end = _month(file, f"{key}.to", entry["to"]) if entry.get("to") is not None else (HORIZON, 12)
    if end < start:
        raise ConfigError(str(file), f"{key}.to", "ends before it starts")
    forms = sorted({fold(n) for n in names}, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return Term(re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), start, end, tuple(forms), label.strip())


def load_officials(file: Path = OFFICIALS_FILE) -> tuple[Term, ...]:
    """Loaded once per version of the file: `mkdocs serve` sees edits without a restart."""
    return _load_officials(file, file_version(file))


@lru_cache(maxsize=4)
def _load_officials(file: Path, _stamp: int) -> tuple[Term, ...]:
    data = read_mapping(file, "offices to their label and terms")
    terms = []
    for office, entry in data.items():
        if not isinstance(office, str) or not ID_RE.match(office):
            raise ConfigError(str(file), str(office), "office id must be lower-case ASCII words joined by '-'")
        if not isinstance(entry, dict) or set(entry) != OFFICE_KEYS:
            raise ConfigError(str(file), office, "must be a mapping with a label and terms")
        label, entries = entry["label"], entry["terms"]
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(str(file), f"{office}.label", "must be a non-empty string")
        if not isinstance(entries, list) or not entries:
            raise ConfigError(str(file), f"{office}.terms", "must be a list of terms")
        terms.extend(_term(file, f"{office}.terms[{i}]", e, label) for i, e in enumerate(entries))
    return tuple(terms)


Index = tuple[Needles, dict[str, list[int]], tuple[int, ...]]
_INDEXES: dict[int, tuple[tuple[Term, ...], Index]] = {}


def _index(terms: tuple[Term, ...]) -> Index:
    """Every name of the officials, sought in one pass; which terms each name belongs to;
    the terms without names (kept by identity of the loaded terms)."""
    kept = _INDEXES.get(id(terms))
    if kept is None or kept[0] is not terms:
        by_form: dict[str, list[int]] = {}
        for i, term in enumerate(terms):
            for form in term.forms:
                by_form.setdefault(form, []).append(i)
        unnamed = tuple(i for i, term in enumerate(terms) if not term.forms)
        kept = _INDEXES[id(terms)] = (terms, (Needles(by_form), by_form, unnamed))
    return kept[1]


def official_needles(terms: tuple[Term, ...] | None = None) -> Needles:
    """The officials' names, folded (for `needles.scan_together`)."""
    return _index(terms if terms is not None else load_officials())[0]


def _named_terms(folded: str, terms: tuple[Term, ...]) -> list[Term]:
    """The terms whose names the folded text holds, in their order (the others cannot match)."""
    needles, by_form, unnamed = _index(terms)
    return [terms[i] for i in sorted({i for f in needles.found(folded) for i in by_form[f]}.union(unnamed))]


def _years(term: Term, own: PartialDate | None) -> set[int]:
    if own and own.month:
        return {y for y in range(term.start[0], term.end[0] + 1) if term.start <= (y, own.month) <= term.end}
    return set(range(term.start[0], term.end[0] + 1))


def tenure_clues(text: str, own: PartialDate | None,
                 terms: tuple[Term, ...] | None = None) -> list[tuple[frozenset[int], str]]:
    """(years the named official could be in office, the name as written), one per person.
    A person with several terms (or offices) gets the union of them. `terms`: the loaded
    officials, when the caller has them."""
    folded = fold(text)
    found: dict[str, tuple[set[int], str]] = {}
    for term in _named_terms(folded, terms if terms is not None else load_officials()):
        # The names are plain texts: tried where they occur, not at every position.
        found_at = literal_finditer(term.pattern, folded)
        for m in term.pattern.finditer(folded) if found_at is None else found_at:
            if FORMER_RE.search(folded[max(0, m.start() - 60):m.start()]):
                continue
            years, _ = found.setdefault(m.group(0), (set(), text[m.start():m.end()]))
            years |= _years(term, own)
            break
    return [(frozenset(years), phrase) for years, phrase in found.values() if years]


def named_officials(text: str, terms: tuple[Term, ...] | None = None) -> list[tuple[int, str]]:
    """(where, the name as written) of the first mention of each official of the data the
    text names, former ones included: the news names them with or without their role
    ("En matière de coopération économique, Bùi Thanh Sơn a proposé..."), in text order."""
    folded = fold(text)
    found: dict[str, tuple[int, str]] = {}
    for term in _named_terms(folded, terms if terms is not None else load_officials()):
        found_at = literal_finditer(term.pattern, folded)
        m = next(iter(term.pattern.finditer(folded) if found_at is None else found_at), None)
        if m:
            found.setdefault(m.group(0), (m.start(), text[m.start():m.end()]))
    return sorted(found.values())


def _holds(term: Term, when: PartialDate) -> bool:
    if when.month:
        return term.start <= (when.year, when.month) <= term.end
    return term.start[0] <= when.year <= term.end[0]


def official_roles(text: str, when: PartialDate | None, terms: tuple[Term, ...] | None = None) -> dict[str, str]:
    """The folded name of each official of the data the text names -> the office(s) they held
    at the article's date ("vice-Premier ministre et ministre des Affaires étrangères du
    Vietnam"). None for an article without a year, nor for an official out of
    office then (a former one: "l'ancien Premier ministre")."""
    if when is None or not when.year:
        return {}
    folded = fold(text)
    offices: dict[str, list[str]] = {}
    for term in _named_terms(folded, terms if terms is not None else load_officials()):
        if not _holds(term, when):
            continue
        found_at = literal_finditer(term.pattern, folded)
        m = next(iter(term.pattern.finditer(folded) if found_at is None else found_at), None)
        if m and term.label not in offices.setdefault(m.group(0), []):
            offices[m.group(0)].append(term.label)
    return {name: joined(labels) for name, labels in offices.items() if labels}


def joined(labels: list[str]) -> str:
    """Offices held together, their shared country said once: "vice-Premier ministre et
    ministre des Affaires étrangères du Vietnam", not "... du Vietnam et ... du Vietnam"."""
    tail = COUNTRY_TAIL_RE.search(labels[-1])
    if len(labels) > 1 and tail and all(label.endswith(tail[0]) for label in labels):
        return " et ".join([*(label[:-len(tail[0])] for label in labels[:-1]), labels[-1]])
    return " et ".join(labels)
