"""The MkDocs side of aseankb: called by scripts/mkdocs_hooks.py, nothing more.

`on_pre_build` runs an incremental `aseankb build`; since unchanged pages are not
rewritten, the rebuild it causes under `mkdocs serve` settles at once. `on_post_build`
indexes the built site for search (aseankb.search).
"""

from __future__ import annotations

import logging
from pathlib import Path

from .build import build
from .config import DATA_DIR
from .search import build_search_index

log = logging.getLogger("mkdocs.plugins.aseankb")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config, **_kwargs) -> None:
    seeds = _root(config) / "seeds"
    if not seeds.is_dir():
        log.warning("aseankb: no seeds folder at %s; content/ left as it is", seeds)
        return
    outcome = build(seeds, Path(config.docs_dir), log=lambda m: log.info("aseankb: %s", m))
    if outcome.written or outcome.removed:
        log.info("aseankb: %d pages written, %d removed", len(outcome.written), len(outcome.removed))


def on_post_build(config, **_kwargs) -> None:
    build_search_index(Path(config.site_dir), log=lambda m: log.info("aseankb: %s", m))


def on_serve(server, config, builder, **_kwargs):
    server.watch(str(_root(config) / "seeds"))
    server.watch(str(DATA_DIR))
    return server
