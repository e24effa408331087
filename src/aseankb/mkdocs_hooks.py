"""The MkDocs side of aseankb: called by scripts/mkdocs_hooks.py, nothing more.

`on_pre_build` runs an incremental `aseankb build`; since unchanged pages are not
rewritten, the rebuild it causes under `mkdocs serve` settles at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from .build import build
from .config import DATA_DIR
from .errors import ConfigError

log = logging.getLogger("mkdocs.plugins.aseankb")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config, **_kwargs) -> None:
    seeds = _root(config) / "seeds"
    if not seeds.is_dir():
        log.warning("aseankb: no seeds folder at %s; content/ left as it is", seeds)
        return
    try:
        outcome = build(seeds, Path(config.docs_dir), log=lambda m: log.info("aseankb: %s", m))
    except ConfigError as exc:  # a bad overrides or taxonomy file: one clear line, no traceback
        raise PluginError(f"aseankb: configuration error: {exc}") from None
    if outcome.written or outcome.removed:
        log.info("aseankb: %d pages written, %d removed", len(outcome.written), len(outcome.removed))


def on_serve(server, config, builder, **_kwargs):
    server.watch(str(_root(config) / "seeds"))
    server.watch(str(DATA_DIR))
    return server
