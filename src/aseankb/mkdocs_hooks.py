"""The MkDocs side of aseankb: called by scripts/mkdocs_hooks.py, nothing more.

`on_pre_build` runs an incremental `aseankb build`; since unchanged pages are not
rewritten, the rebuild it causes under `mkdocs serve` settles at once. `on_post_build`
writes the search index from what that build returned (aseankb.search_pages): no page of
the site is read back. `index_site` does both for `aseankb search-index` (tools that run
no hooks).

Reproducible sites: MkDocs writes the build date into sitemap.xml(.gz) and honours
SOURCE_DATE_EPOCH. When the caller has not set it, it is pinned to the date of the
newest article, so two builds of the same seeds give the same bytes on any day.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

from .build import BuildResult, build
from .cache import CACHE_DIR_NAME, version_key
from .config import DATA_DIR, load_taxonomy
from .errors import ConfigError
from .search import SearchIndexError, SearchStats
from .search_pages import build_index

log = logging.getLogger("mkdocs.plugins.aseankb")
EPOCH_VAR = "SOURCE_DATE_EPOCH"
_pinned: dict[str, str] = {}  # the value we set ourselves (serve rebuilds may move it)
_built: dict[str, BuildResult] = {}  # the last on_pre_build's build, for on_post_build


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _pin_build_date(newest: str | None) -> None:
    if EPOCH_VAR in os.environ and os.environ[EPOCH_VAR] != _pinned.get(EPOCH_VAR):
        return  # set by the caller: theirs wins
    if newest:
        stamp = int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.UTC).timestamp())
        if 0 <= stamp < 2**32:  # gzip headers hold 32 bits
            os.environ[EPOCH_VAR] = _pinned[EPOCH_VAR] = str(stamp)


def _build(config, say) -> BuildResult | None:
    """The incremental aseankb build of this MkDocs project (None without a seeds folder)."""
    seeds = _root(config) / "seeds"
    if not seeds.is_dir():
        log.warning("aseankb: no seeds folder at %s; content/ left as it is", seeds)
        return None
    # `mkdocs serve` is one long process: read the taxonomy again, since an edit of it (watched
    # in on_serve) is what may have started this build; the cache's version key hashes it.
    load_taxonomy.cache_clear()
    version_key.cache_clear()
    return build(seeds, Path(config.docs_dir), log=say, cache_dir=_root(config) / CACHE_DIR_NAME)


def on_pre_build(config, **_kwargs) -> None:
    _built.clear()
    try:
        outcome = _build(config, lambda m: log.info("aseankb: %s", m))
    except ConfigError as exc:  # a bad overrides or taxonomy file: one clear line, no traceback
        raise PluginError(f"aseankb: configuration error: {exc}") from None
    if outcome is None:
        return
    _built["last"] = outcome
    _pin_build_date(outcome.newest_date)
    if outcome.written or outcome.removed:
        log.info("aseankb: %d pages written, %d removed", len(outcome.written), len(outcome.removed))


def on_post_build(config, **_kwargs) -> None:
    outcome = _built.get("last")
    if outcome is None or outcome.search is None:
        log.warning("aseankb: no search index: content/ was not built by aseankb in this run")
        return
    build_index(Path(config.site_dir), outcome.search, directory_urls=config.use_directory_urls,
                nav=config.nav, log=lambda m: log.info("aseankb: %s", m))


def index_site(config_file: Path, site: Path | None = None, *,
               say: Callable[[str], None] = print) -> SearchStats:
    """`aseankb search-index`: the search index of a site built from this MkDocs project by
    a tool that runs no hooks. The incremental build gives the index its data (it writes
    nothing when content/ is up to date); every page is then checked to be in the site."""
    from mkdocs.config import load_config  # here: `aseankb build` need not import MkDocs' config
    from mkdocs.exceptions import ConfigurationError

    if not config_file.is_file():
        raise SearchIndexError(f"no MkDocs configuration at {config_file}")
    try:
        config = load_config(config_file=str(config_file))
    except ConfigurationError as exc:
        raise SearchIndexError(f"{config_file}: {exc}") from None
    site = site or Path(config.site_dir)
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"no built site in {site} (run mkdocs build first)")
    outcome = _build(config, lambda m: None)
    if outcome is None:
        raise SearchIndexError(f"no seeds folder beside {config_file}: nothing to index")
    if outcome.written or outcome.removed:
        print(f"aseankb: warning: content/ was out of date ({len(outcome.written)} files written, "
              f"{len(outcome.removed)} removed): build the site again, then the index", file=sys.stderr)
    return build_index(site, outcome.search, directory_urls=config.use_directory_urls, nav=config.nav,
                       check=True, log=say)


def on_serve(server, config, builder, **_kwargs):
    server.watch(str(_root(config) / "seeds"))
    server.watch(str(DATA_DIR))
    return server
