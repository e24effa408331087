"""The MkDocs side of aseankb: called by scripts/mkdocs_hooks.py, nothing more.

`on_pre_build` runs an incremental `aseankb build`; since unchanged pages are not
rewritten, the rebuild it causes under `mkdocs serve` settles at once.

Reproducible sites: MkDocs writes the build date into sitemap.xml(.gz) and honours
SOURCE_DATE_EPOCH. When the caller has not set it, it is pinned to the date of the
newest article, so two builds of the same seeds give the same bytes on any day.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from .build import build
from .cache import CACHE_DIR_NAME, version_key
from .config import DATA_DIR, load_taxonomy

log = logging.getLogger("mkdocs.plugins.aseankb")
EPOCH_VAR = "SOURCE_DATE_EPOCH"
_pinned: dict[str, str] = {}  # the value we set ourselves (serve rebuilds may move it)


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _pin_build_date(newest: str | None) -> None:
    if EPOCH_VAR in os.environ and os.environ[EPOCH_VAR] != _pinned.get(EPOCH_VAR):
        return  # set by the caller: theirs wins
    if newest:
        stamp = int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.UTC).timestamp())
        if 0 <= stamp < 2**32:  # gzip headers hold 32 bits
            os.environ[EPOCH_VAR] = _pinned[EPOCH_VAR] = str(stamp)


def on_pre_build(config, **_kwargs) -> None:
    seeds = _root(config) / "seeds"
    if not seeds.is_dir():
        log.warning("aseankb: no seeds folder at %s; content/ left as it is", seeds)
        return
    # `mkdocs serve` is one long process: read the taxonomy again, since an edit of it (watched
    # in on_serve) is what may have started this build; the cache's version key hashes it.
    load_taxonomy.cache_clear()
    version_key.cache_clear()
    outcome = build(seeds, Path(config.docs_dir), log=lambda m: log.info("aseankb: %s", m),
                    cache_dir=_root(config) / CACHE_DIR_NAME)
    _pin_build_date(outcome.newest_date)
    if outcome.written or outcome.removed:
        log.info("aseankb: %d pages written, %d removed", len(outcome.written), len(outcome.removed))


def on_serve(server, config, builder, **_kwargs):
    server.watch(str(_root(config) / "seeds"))
    server.watch(str(DATA_DIR))
    return server
