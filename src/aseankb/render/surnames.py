"""Names as the people index files them: by family name, "Poutine, Vladimir"
(data/name-order.yaml, validated on load)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..config import DATA_DIR, ID_RE, file_version, read_mapping
from ..errors import ConfigError
from ..text import fold

NAME_ORDER_FILE = DATA_DIR / "name-order.yaml"
WORD_LISTS = ("patronymics", "particles", "suffixes", "civilities")


@dataclass(frozen=True)
class NameOrder:
    """The words of data/name-order.yaml, folded (see that file for what each list means)."""
    first_words: frozenset[str]
    patronymics: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    civilities: frozenset[str]


def load_name_order(file: Path = NAME_ORDER_FILE) -> NameOrder:
    """Loaded once per version of the file: `mkdocs serve` sees edits without a restart."""
    return _load_name_order(file, file_version(file))


@lru_cache(maxsize=4)
def _load_name_order(file: Path, _stamp: int) -> NameOrder:
    data = read_mapping(file, "first-words and word lists")
    for key in sorted(set(data) ^ {"first-words", *WORD_LISTS}, key=str):
        raise ConfigError(str(file), str(key), "unknown key" if key in data else "missing")
    groups = data["first-words"]
    if not isinstance(groups, dict) or not groups:
        raise ConfigError(str(file), "first-words", "must be a mapping of groups (vietnamese...) to words")
    first: set[str] = set()
    for group, words in groups.items():
        if not isinstance(group, str) or not ID_RE.match(group):
            raise ConfigError(str(file), f"first-words.{group}", "group must be lower-case ASCII words joined by '-'")
        first |= _words(file, f"first-words.{group}", words)
    return NameOrder(frozenset(first), *(frozenset(_words(file, key, data[key])) for key in WORD_LISTS))


def _words(file: Path, key: str, words: object) -> set[str]:
    # YAML reads a bare "No" or "On" as a boolean: refused here, it must be quoted.
    if not isinstance(words, list) or not words or not all(
            isinstance(w, str) and len(w.split()) == 1 for w in words):
        raise ConfigError(str(file), key, "must be a non-empty list of single words")
    return {fold(w) for w in words}


def index_name(name: str, order: NameOrder | None = None) -> tuple[tuple[str, str], str]:
    """Where the people index files `name` and how it shows it: ((family name, the rest),
    both folded, to sort by), and the form shown.

    Readers scan an index's letters for a family name, and find "Vladimir Poutine" under
    V only by chance: a name written given name first (Western, Japanese, Thai, Indonesian
    names as the French press writes them) is turned round, "Poutine, Vladimir", keeping
    its particles and suffix with the family name ("Le Drian, Jean-Yves", "Aquino III,
    Benigno"). A name written family name first (Vietnamese, Chinese, Korean, Khmer: "Pham
    Minh Chinh") or with none (Burmese, Malay), and a one-word name, is already in index
    order and shown as written. Nothing in the words tells which order a name is in, so its
    first word is looked up in data/name-order.yaml. A civility ("Mme") goes after the comma.
    """
    order = order or load_name_order()
    words = name.split()
    civility = words[:1] if len(words) > 1 and fold(words[0]) in order.civilities else []
    words = words[len(civility):]
    folded = [fold(w) for w in words]
    if len(words) < 2 or folded[0] in order.first_words or order.patronymics.intersection(folded):
        shown = " ".join(words) + "".join(f", {c}" for c in civility)
        return (" ".join(folded[:1]), " ".join(folded[1:])), shown
    start = len(words) - 1  # where the family name starts: its last word...
    if folded[start] in order.suffixes and start > 1:
        start -= 1  # ...or the one before a suffix ("Aquino III")
    while start > 1 and folded[start - 1] in order.particles:
        start -= 1  # ...with its particles ("von der Leyen")
    family, given = " ".join(words[start:]), " ".join(civility + words[:start])
    return (" ".join(folded[start:]), " ".join(folded[:start])), f"{family}, {given}"


def index_letter(key: tuple[str, str]) -> str:
    """The index's section for a key from `index_name`: its first letter, else "#"."""
    first = key[0][:1]
    return first.upper() if first.isascii() and first.isalpha() else "#"
