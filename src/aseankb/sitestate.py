"""`mkdocs build --dirty` made exact for this site: a new seed re-renders its pages, not 10,000.

MkDocs' --dirty renders only the pages whose Markdown is newer than their HTML. In general
that leaves navigation and links stale, hence MkDocs' warning. Here a page's HTML depends
only on its own Markdown, the configuration, the theme and the navigation:
- mkdocs.yml spells the navigation out with titles (articles stay out of it), and no
  plugin writes a file gathering every page (the tags plugin's export is off): `blocker`;
- aseankb rewrites every page whose lists or links change.
So a dirty build equals a clean one when
1. none of the configuration, theme, hooks or renderer changed since the last build into
   the same site folder: checked with a fingerprint;
2. the HTML of pages removed since then is deleted: done from the list of outputs the
   last build recorded;
3. the last build logged no warning: a page that warned is not trusted as written (a
   strict build would otherwise warn once, then pass on the next run);
4. nothing else wrote the folder since (Zensical uses the same one): the size and mtime
   of a few files (MARKS) are as that build left them.
When any check fails the site folder is emptied first, so that everything is rendered
again. tests/test_dirty.py checks that a dirty build gives the same bytes as a clean one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import cache
from .write import atomic_write, unchanged

DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' own warning, start of its text
STALE_NOTE = "The directory contains stale files"  # MkDocs' note on a dirty build: removed here
DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
# Files every build writes (the last two) or that any site has: their size and mtime show
# whether something else (Zensical, which uses the same site_dir, or a hand) wrote the folder.
MARKS = ("index.html", "404.html", "sitemap.xml")


class WarningCount(logging.Handler):
    """Counts the warnings logged during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Run:
    """One build's view of its site folder."""

    site: Path
    state_file: Path | None  # None: kept in `memory` (mkdocs serve), or nowhere
    fingerprint: str
    memory: dict[str, dict] | None = None  # the records of one long process (mkdocs serve)
    previous: set[str] = field(default_factory=set)  # outputs of the last build
    outputs: set[str] = field(default_factory=set)  # outputs of this one (from its files)
    warnings: WarningCount = field(default_factory=WarningCount)


def fingerprint(config_file: Path, site_url: str | None, directory_urls: bool,
                theme_dirs: Iterable[Path], hook_files: Iterable[Path]) -> str:
    """The hash of everything a page's HTML depends on besides its own Markdown."""
    h = hashlib.sha256(f"{sys.version}\0{site_url}\0{directory_urls}\0{cache.version_key()}\0".encode())
    for name in DISTRIBUTIONS:
        h.update(f"{name}={_version(name)}\0".encode())
    for path in [config_file, *hook_files]:
        h.update(_file_bytes(path))
    for folder in theme_dirs:  # the project's overrides; a theme package is known by its version
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + _file_bytes(path))
    return h.hexdigest()


def blocker(nav: object, tags_export: bool) -> str | None:
    """What in the configuration makes a page's HTML depend on other pages (None: nothing)."""
    if not nav_titled(nav):
        return "an entry of mkdocs.yml's nav has no title"
    if tags_export:  # one file gathering every page's tags: a dirty build would list only its own
        return "the tags plugin exports tags.json (set its `export: false`)"
    return None


def nav_titled(nav: object) -> bool:
    """Whether every entry of MkDocs' `nav` setting has its title: an untitled entry takes
    its page's title, which a dirty build does not read."""
    if isinstance(nav, list):
        return all(nav_titled(entry) for entry in nav)
    if isinstance(nav, dict):
        return all(nav_titled(value) if isinstance(value, list) else True for value in nav.values())
    return False


def state_file(cache_root: Path, site: Path) -> Path:
    return cache.folder_record(cache_root, "site", site, ".json")


def start(run: Run, dirty: bool, blocked: str | None = None) -> str | None:
    """Before a build: the reason the site folder must be emptied (None: a dirty build may
    keep it); `blocked`: what `blocker` found. The record is removed first, so that an
    interrupted build is not trusted."""
    previous = _load(run)
    if previous is not None and previous.get("fingerprint") == run.fingerprint:
        run.previous = set(previous.get("outputs", []))
    if not dirty:
        return None
    reason = blocked or _reason(previous, run)
    if reason:
        _forget(run)
    return reason


def _reason(previous: dict | None, run: Run) -> str | None:
    if run.state_file is None and run.memory is None:
        return "no cache folder to remember the last build in"
    if previous is None:
        return "no record of a finished build into this folder"
    if previous.get("fingerprint") != run.fingerprint:
        return "the configuration, theme, hooks or aseankb changed"
    if previous.get("warnings"):
        return "the last build logged warnings"
    if previous.get("marks") != _marks(run.site):
        return "the site folder was written by something else since the last build"
    return None


def finish(run: Run) -> list[str]:
    """After a build: delete the outputs of pages and files that are gone, and record this
    build (with its warning count) for the next one. Returns the outputs deleted."""
    stale = sorted(run.previous - run.outputs)
    for rel in stale:
        _remove(run.site, rel)
    data = {"fingerprint": run.fingerprint, "warnings": run.warnings.count, "marks": _marks(run.site),
            "outputs": sorted(run.outputs)}
    if run.state_file is not None:
        blob = json.dumps(data, separators=(",", ":")).encode()
        if not unchanged(run.state_file, blob):  # a build with nothing new writes nothing
            atomic_write(run.state_file, blob)
    elif run.memory is not None:
        run.memory[str(run.site)] = data
    return stale


def _marks(site: Path) -> dict[str, list[int]]:
    found = {}
    for rel in MARKS:
        try:
            st = (site / rel).stat()
        except OSError:
            continue
        # Whole seconds: an archive round trip (the workflow's cache) may drop the rest.
        found[rel] = [st.st_size, int(st.st_mtime)]
    return found


def _remove(site: Path, rel: str) -> None:
    """One output, and the folders it leaves empty (a page's folder under directory URLs)."""
    path = site / rel
    try:
        path.unlink()
    except FileNotFoundError:
        return
    folder = path.parent
    while folder != site and folder.is_relative_to(site):
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent


def _forget(run: Run) -> None:
    if run.state_file is not None:
        run.state_file.unlink(missing_ok=True)
    elif run.memory is not None:
        run.memory.pop(str(run.site), None)


def _load(run: Run) -> dict | None:
    if run.state_file is None:
        return None if run.memory is None else run.memory.get(str(run.site))
    try:
        data = json.loads(run.state_file.read_bytes())
    except (OSError, ValueError):  # missing or torn: a full build
        return None
    return data if isinstance(data, dict) else None


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"\0missing\0"


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


class DropDirtyNotes(logging.Filter):
    """MkDocs' warning and note on dirty builds, which this module makes exact (see above)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        return not (message.startswith(DIRTY_WARNING) or message.startswith(STALE_NOTE))


def quiet_dirty_notes(logger: logging.Logger) -> None:
    if not any(isinstance(f, DropDirtyNotes) for f in logger.filters):
        logger.addFilter(DropDirtyNotes())
