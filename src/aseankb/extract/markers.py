"""Lower bounds on an undated article's year from names the news used only from a given
year (data/markers.yaml): an article on "la pandémie de COVID-19" was not written before
2020, whatever older events it recalls ("depuis que ... en 2006")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..config import DATA_DIR, ID_RE, RELATION_YEARS, file_version, read_mapping
from ..errors import ConfigError
from ..text import fold

MARKERS_FILE = DATA_DIR / "markers.yaml"
KEYS = ("label", "match", "since")


@dataclass(frozen=True)
class Marker:
    id: str
    label: str
    pattern: re.Pattern
    since: int


def load_markers(file: Path = MARKERS_FILE) -> tuple[Marker, ...]:
    """Loaded once per version of the file: `mkdocs serve` sees edits without a restart."""
    return _load_markers(file, file_version(file))


@lru_cache(maxsize=4)
def _load_markers(file: Path, _stamp: int) -> tuple[Marker, ...]:
    data = read_mapping(file, "marker ids to names and years")
    return tuple(_marker(file, key, entry) for key, entry in data.items())


def _marker(file: Path, key: object, entry: object) -> Marker:
    if not isinstance(key, str) or not ID_RE.match(key):
        raise ConfigError(str(file), str(key), "id must be lower-case ASCII words joined by '-'")
    if not isinstance(entry, dict) or set(entry) != set(KEYS):
        raise ConfigError(str(file), key, f"must be a mapping with exactly {', '.join(KEYS)}")
    label, match, since = entry["label"], entry["match"], entry["since"]
    if not isinstance(label, str) or not label.strip():
        raise ConfigError(str(file), f"{key}.label", "must be a non-empty string")
    if not isinstance(since, int) or isinstance(since, bool) or since not in RELATION_YEARS:
        raise ConfigError(str(file), f"{key}.since", "must be a year")
    try:
        pattern = re.compile(match) if isinstance(match, str) and match else None
    except re.error as exc:
        raise ConfigError(str(file), f"{key}.match", f"not a regular expression: {exc}") from exc
    if pattern is None:
        raise ConfigError(str(file), f"{key}.match", "must be a non-empty regular expression")
    return Marker(key, label.strip(), pattern, since)


def marker_bounds(text: str, markers: tuple[Marker, ...] | None = None) -> list[tuple[int, str]]:
    """(year, evidence) for each marker the text names: "COVID-19 [pas avant 2020]"."""
    folded = fold(text)
    return [(m.since, f"{m.label} [pas avant {m.since}]")
            for m in (load_markers() if markers is None else markers) if m.pattern.search(folded)]
