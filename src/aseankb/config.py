"""Taxonomy data: partners and domains, loaded from YAML inside the package and validated.

Every error names the file and the key, like the config schemas of MkDocs plugins:
a broken taxonomy is a configuration error (exit 2), never a traceback.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import ConfigError
from .text import fold

DATA_DIR = Path(str(resources.files("aseankb") / "data"))
PARTNERS_FILE = DATA_DIR / "partners.yaml"
DOMAINS_FILE = DATA_DIR / "domains.yaml"
RELATIONS_FILE = DATA_DIR / "relations.yaml"
RELATION_LEVELS = ("since", "full", "partnership", "strategic", "comprehensive")
RELATION_KINDS = ("dialogue", "framework")
RELATION_YEARS = range(1967, 2101)
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Partner:
    id: str
    fr: str
    en: str
    names: re.Pattern | None  # matched on folded text
    exact: re.Pattern | None  # matched on the text as written
    not_: re.Pattern | None  # blanked out (folded) before matching
    # The literal forms behind `names` (folded) and `exact`: a text that contains none of
    # them cannot match, and a substring test is ~50x cheaper than the regex scan.
    name_forms: tuple[str, ...] = ()
    exact_forms: tuple[str, ...] = ()
    fr_to: str = ""  # "au Japon": the label after "à", for sentences (see partners.yaml)
    members: tuple[str, ...] = ()  # of a framework (ASEAN+3): the partners that sit in it
    regions: re.Pattern | None = None  # its states and provinces, for offices (folded)

    @property
    def to_prefix(self) -> str:
        """What comes before the label after "à": "au ", "aux ", "à la ", "à l'"."""
        return self.fr_to[:len(self.fr_to) - len(self.fr)]

    @property
    def of_prefix(self) -> str:
        """What comes before the label after "de": "du ", "des ", "de la ", "de l'"."""
        return {"au ": "du ", "aux ": "des ", "à la ": "de la ", "à l'": "de l'"}.get(self.to_prefix, "de ")


@dataclass(frozen=True)
class Domain:
    id: str
    fr: str
    en: str
    patterns: re.Pattern | None
    exact: re.Pattern | None
    aliases: tuple[str, ...] = ()  # other names readers search it by (its page's front matter)
    # Keywords that give the domain only when the text holds extract.domains.WEAK_MIN of them
    # (domains.yaml `weak`, folded, and `weak_exact`, as written); the other keywords inside
    # them do not count.
    weak: re.Pattern | None = None
    weak_exact: re.Pattern | None = None


@dataclass(frozen=True)
class Taxonomy:
    partners: dict[str, Partner]
    domains: dict[str, Domain]

    def label(self, kind: str, item_id: str) -> str:
        table = self.partners if kind == "partners" else self.domains
        return table[item_id].fr

    @cached_property
    def rank(self) -> dict[str, dict[str, int]]:
        """"partners"/"domains" -> id -> its place in the French order of labels, accents aside
        ("États-Unis" among the E, not after "Union européenne"): lists and ties follow it."""
        return {kind: {e.id: n for n, e in enumerate(sorted(table.values(), key=lambda e: (fold(e.fr), e.fr, e.id)))}
                for kind, table in (("partners", self.partners), ("domains", self.domains))}

    def partners_in_order(self) -> list[Partner]:
        return sorted(self.partners.values(), key=lambda p: self.rank["partners"][p.id])

    def domains_in_order(self) -> list[Domain]:
        return sorted(self.domains.values(), key=lambda d: self.rank["domains"][d.id])

    def most_common(self, kind: str, counts: Counter[str]) -> list[tuple[str, int]]:
        """(id, count) of "partners" or "domains", most first; equal counts in label order."""
        rank = self.rank[kind]
        return sorted(counts.items(), key=lambda kv: (-kv[1], rank[kv[0]]))


def _alternation(items: list[str], escape: bool) -> str:
    # Longest first, so that "Corée du Sud" wins over "Corée".
    parts = sorted({i for i in items}, key=lambda s: (-len(s), s))
    return "|".join(re.escape(p) if escape else p for p in parts)


def _compile(file: Path, key: str, items: list[str], *, folded: bool, escape: bool):
    if not items:
        return None
    items = [unicodedata.normalize("NFC", fold(i) if folded else i) for i in items]
    pattern = rf"(?<!\w)(?:{_alternation(items, escape)})(?!\w)"
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(str(file), key, f"invalid pattern: {exc}") from None


def _str_list(file: Path, key: str, value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(str(file), key, "must be a list of non-empty strings")
    return list(value)


# libyaml's loader when PyYAML has it: the taxonomy files are read by every build.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_mapping(file: Path, what: str) -> dict:
    """A data file's top-level mapping (`what` says of what, for the error message)."""
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(str(file), "(file)", f"cannot be read: {exc}") from None
    if not isinstance(data, dict) or not data:
        raise ConfigError(str(file), "(file)", f"must be a mapping of {what}")
    return data


def file_version(file: Path) -> int:
    """What data loaders cache on, with the path: `mkdocs serve` sees edits without a restart."""
    try:
        return file.stat().st_mtime_ns
    except OSError:
        return 0


def check_entry(file: Path, item_id: object, entry: object, allowed: set[str], labels: tuple[str, ...]) -> None:
    """One entry of a data file: a valid id, a mapping of known keys, non-empty labels."""
    if not isinstance(item_id, str) or not ID_RE.match(item_id):
        raise ConfigError(str(file), str(item_id), "id must be lower-case ASCII words joined by '-'")
    if not isinstance(entry, dict):
        raise ConfigError(str(file), item_id, "entry must be a mapping")
    unknown = set(entry) - allowed
    if unknown:
        raise ConfigError(str(file), f"{item_id}.{sorted(unknown)[0]}", "unknown key")
    for label in labels:
        if not isinstance(entry.get(label), str) or not entry[label].strip():
            raise ConfigError(str(file), f"{item_id}.{label}", "missing label")


def _entries(file: Path, allowed: set[str]) -> dict[str, dict]:
    data = read_mapping(file, "ids to entries")
    for item_id, entry in data.items():
        check_entry(file, item_id, entry, allowed, ("fr", "en"))
    return data


def load_partners(file: Path = PARTNERS_FILE) -> dict[str, Partner]:
    out = {}
    entries = _entries(file, {"fr", "fr_to", "en", "names", "exact", "not", "members", "regions"})
    for pid, e in entries.items():
        names = _str_list(file, f"{pid}.names", e.get("names")) + [e["fr"], e["en"]]
        exact = _str_list(file, f"{pid}.exact", e.get("exact"))
        not_ = _str_list(file, f"{pid}.not", e.get("not"))
        fr_to = e.get("fr_to")
        if not isinstance(fr_to, str) or not fr_to.endswith(e["fr"]) or fr_to == e["fr"]:
            raise ConfigError(str(file), f"{pid}.fr_to", f"must be the label after 'à', ending with "
                              f"'{e['fr']}' (e.g. 'au {e['fr']}', 'à la {e['fr']}')")
        out[pid] = Partner(
            pid, e["fr"], e["en"],
            _compile(file, f"{pid}.names", names, folded=True, escape=True),
            _compile(file, f"{pid}.exact", exact, folded=False, escape=True),
            _compile(file, f"{pid}.not", not_, folded=True, escape=True),
            tuple(unicodedata.normalize("NFC", fold(n)) for n in names),
            tuple(unicodedata.normalize("NFC", n) for n in exact),
            fr_to,
            _members(file, pid, e.get("members"), entries),
            _compile(file, f"{pid}.regions", _str_list(file, f"{pid}.regions", e.get("regions")),
                     folded=True, escape=True),
        )
    return out


def _members(file: Path, pid: str, value: object, entries: dict) -> tuple[str, ...]:
    members = _str_list(file, f"{pid}.members", value)
    for member in members:
        if member not in entries or member == pid:
            raise ConfigError(str(file), f"{pid}.members", f"'{member}' is not another partner id of this file")
    return tuple(members)


def load_domains(file: Path = DOMAINS_FILE) -> dict[str, Domain]:
    out = {}
    for did, e in _entries(file, {"fr", "en", "patterns", "exact", "weak", "weak_exact", "aliases"}).items():
        patterns = _str_list(file, f"{did}.patterns", e.get("patterns"))
        exact = _str_list(file, f"{did}.exact", e.get("exact"))
        if not patterns and not exact:
            raise ConfigError(str(file), f"{did}.patterns", "a domain needs at least one pattern")
        weak = _str_list(file, f"{did}.weak", e.get("weak"))
        weak_exact = _str_list(file, f"{did}.weak_exact", e.get("weak_exact"))
        out[did] = Domain(
            did, e["fr"], e["en"],
            _compile(file, f"{did}.patterns", patterns, folded=True, escape=False),
            _compile(file, f"{did}.exact", exact, folded=False, escape=False),
            tuple(_str_list(file, f"{did}.aliases", e.get("aliases"))),
            _compile(file, f"{did}.weak", weak, folded=True, escape=False),
            _compile(file, f"{did}.weak_exact", weak_exact, folded=False, escape=False),
        )
    return out


@lru_cache(maxsize=4)
def load_taxonomy(partners_file: Path = PARTNERS_FILE, domains_file: Path = DOMAINS_FILE) -> Taxonomy:
    return Taxonomy(load_partners(partners_file), load_domains(domains_file))


def load_relations(file: Path = RELATIONS_FILE) -> dict[str, dict[str, int | str]]:
    """When ASEAN's relations with each partner began and rose (data/relations.yaml): dates
    articles (extract/clues.py) and is shown on partner pages. Loaded once per version of
    the file: `mkdocs serve` sees edits without a restart."""
    return _load_relations(file, file_version(file))


@lru_cache(maxsize=4)
def _load_relations(file: Path, _stamp: int) -> dict[str, dict[str, int | str]]:
    data = read_mapping(file, "partner ids to years")
    for pid, entry in data.items():
        if not isinstance(entry, dict) or "since" not in entry:
            raise ConfigError(str(file), str(pid), "entry must be a mapping with `since`")
        for key, value in entry.items():
            if key == "kind":
                if value not in RELATION_KINDS:
                    raise ConfigError(str(file), f"{pid}.kind", f"must be one of {', '.join(RELATION_KINDS)}")
            elif key not in RELATION_LEVELS:
                raise ConfigError(str(file), f"{pid}.{key}",
                                  f"unknown key (one of {', '.join((*RELATION_LEVELS, 'kind'))})")
            elif not isinstance(value, int) or isinstance(value, bool) or value not in RELATION_YEARS:
                raise ConfigError(str(file), f"{pid}.{key}", "must be a year")
    return data


def data_files() -> list[Path]:
    """The taxonomy files whose change must trigger a rebuild (and invalidate caches)."""
    return sorted(DATA_DIR.glob("*.yaml"))
