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

from . import sitestate
from .build import BuildResult, build
from .cache import CACHE_DIR_NAME, version_key
from .config import DATA_DIR, load_taxonomy
from .errors import ConfigError
from .render.article import back_link_for_files
from .search import SearchIndexError, SearchStats
from .search_pages import build_index

log = logging.getLogger("mkdocs.plugins.aseankb")
EPOCH_VAR = "SOURCE_DATE_EPOCH"
_pinned: dict[str, str] = {}  # the value we set ourselves (serve rebuilds may move it)
_built: dict[str, BuildResult] = {}  # the last on_pre_build's build, for on_post_build
_startup: dict[str, object] = {"command": "build", "dirty": False}  # from on_startup
_runs: dict[str, sitestate.Run] = {}  # this build's site folder (sitestate.py)
_served: dict[str, dict] = {}  # mkdocs serve: the last build's record, kept in this process


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _pin_build_date(newest: str | None) -> None:
    if EPOCH_VAR in os.environ and os.environ[EPOCH_VAR] != _pinned.get(EPOCH_VAR):
        return  # set by the caller: theirs wins
    try:
        stamp = int(dt.datetime.fromisoformat(newest).replace(tzinfo=dt.UTC).timestamp()) if newest else None
    except ValueError:  # not a date (the build checks them): the build date is left to MkDocs
        return
    if stamp is not None:
        # Clamped, not skipped: left unset, MkDocs would stamp the sitemap with today's date,
        # and the same seeds would give other bytes tomorrow. Gzip headers hold 32 bits.
        os.environ[EPOCH_VAR] = _pinned[EPOCH_VAR] = str(min(max(stamp, 0), 2**32 - 1))


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


def on_startup(command: str, dirty: bool, **_kwargs) -> None:
    _startup.update(command=command, dirty=dirty)


def on_pre_build(config, **_kwargs) -> None:
    _built.clear()
    try:
        outcome = _build(config, lambda m: log.info("aseankb: %s", m))
    except ConfigError as exc:  # a bad overrides or taxonomy file: one clear line, no traceback
        raise PluginError(f"aseankb: configuration error: {exc}") from None
    _start_site(config)
    if outcome is None:
        return
    _built["last"] = outcome
    _pin_build_date(outcome.newest_date)
    if outcome.written or outcome.removed:
        log.info("aseankb: %d pages written, %d removed", len(outcome.written), len(outcome.removed))


def _start_site(config) -> None:
    """sitestate.py: may this build be dirty? If not, the site folder is emptied now."""
    from mkdocs.utils import clean_directory

    site, serving = Path(config.site_dir), _startup["command"] == "serve"
    root = _root(config) / CACHE_DIR_NAME
    keep = None if serving or os.environ.get("ASEANKB_NO_CACHE") else sitestate.state_file(root, site)
    theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    hooks = [Path(m.__file__) for m in config.hooks.values() if getattr(m, "__file__", None)]
    run = sitestate.Run(site, keep, sitestate.fingerprint(Path(config.config_file_path), config.site_url,
                                                           config.use_directory_urls, theme, hooks),
                        memory=_served if serving else None)
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    blocked = sitestate.blocker(config.nav, bool(tags and tags.config.get("export")))
    reason = sitestate.start(run, bool(_startup["dirty"]), blocked)
    if _startup["dirty"]:
        sitestate.quiet_dirty_notes(logging.getLogger("mkdocs.commands.build"))
        if reason:
            log.info("aseankb: dirty build made in full (%s)", reason)
            clean_directory(str(site))
        else:
            log.info("aseankb: dirty build: only the pages changed since the last build are rendered")
    _end_run()  # of a build that stopped before on_post_build (mkdocs serve)
    logging.getLogger("mkdocs").addHandler(run.warnings)
    _runs["site"] = run


def _end_run() -> sitestate.Run | None:
    """The current build's Run, no longer counting warnings."""
    run = _runs.pop("site", None)
    if run is not None:
        logging.getLogger("mkdocs").removeHandler(run.warnings)
    return run


def on_files(files, **_kwargs):
    run = _runs.get("site")
    if run is not None:
        run.outputs = {f.dest_uri for f in files if not f.inclusion.is_excluded()}
    return files


def on_post_build(config, **_kwargs) -> None:
    outcome = _built.get("last")
    if outcome is None or outcome.search is None:
        log.warning("aseankb: no search index: content/ was not built by aseankb in this run")
    else:
        build_index(Path(config.site_dir), outcome.search, directory_urls=config.use_directory_urls,
                    nav=config.nav, log=lambda m: log.info("aseankb: %s", m))
    if not config.use_directory_urls:
        _source_links_for_files(Path(config.site_dir))
    run = _end_run()
    if run is not None:
        stale = sitestate.finish(run)
        if stale:
            log.info("aseankb: %d outputs of pages and files now gone removed from %s", len(stale), run.site)


def _source_links_for_files(site: Path) -> None:
    """The source pages' links back to their articles, for pages as page.html (the offline
    site): MkDocs copied them as they are (render/article.py, back_link_for_files)."""
    for page in sorted((site / "sources").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = back_link_for_files(text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


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
