"""The search's other names (data/synonyms.yaml): groups of phrases that name one thing.
Validated on load, an error naming the file and the key; the search index carries them to
the browser (search.py, meta.js), where a query holding one phrase also runs with the others."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .config import DATA_DIR, ID_RE, file_version, read_mapping
from .errors import ConfigError

SYNONYMS_FILE = DATA_DIR / "synonyms.yaml"
WORD_RE = re.compile(r"\w")


def load_synonyms(file: Path = SYNONYMS_FILE) -> tuple[tuple[str, ...], ...]:
    return _load(file, file_version(file))


@lru_cache(maxsize=4)
def _load(file: Path, _stamp: int) -> tuple[tuple[str, ...], ...]:
    groups = []
    for key, phrases in read_mapping(file, "ids to lists of phrases").items():
        if not isinstance(key, str) or not ID_RE.match(key):
            raise ConfigError(str(file), str(key), "id must be lower-case ASCII words joined by '-'")
        if (not isinstance(phrases, list) or len(phrases) < 2
                or not all(isinstance(p, str) and WORD_RE.search(p) for p in phrases)):
            raise ConfigError(str(file), key, "must be a list of two or more phrases, each with a word")
        groups.append(tuple(p.strip() for p in phrases))
    return tuple(groups)
