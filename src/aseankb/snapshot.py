"""A build with nothing new: recognised from `stat`s, answered with the last build's result.

`mkdocs build` and `aseankb search-index` run an aseankb build first (the hook), most
often right after `aseankb build` (CI) or with nothing changed (`mkdocs serve` after an
edit of the theme). At 10,000 seeds such a build would still load the cache, relate and
render every list page to find nothing to write: seconds. Instead, each build records
a key of its inputs (the cache's version key, every seed's and the corrections file's
`stat`, the package's assets, the site URL) and its result; a build whose inputs have
that key, and whose output files are all as last written (size, mtime: the stamps),
returns that result without doing anything else.

The record is two files. The search index's share (every article with its words and related
articles: 30 MB at 10,000 articles, a third of a second to pickle) is written by the
build's forked process once its article pages are done (build_articles.py), while the
build's own process finishes the lists; the small record, written last, names it. A
command that needs no search index (`aseankb build`) reads only the small record.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from dataclasses import replace
from pathlib import Path

from . import cache  # version_key through the module: tests and the serve loop may replace it
from .cache import file_stat, stamp
from .staging import STAGING
from .write import MANIFEST


def inputs_key(seeds_dir: Path, shown: str, seeds: list[Path], stats: list[tuple[int, ...] | None],
               extra: list[Path], site_url: str | None) -> str | None:
    """The key of a build's inputs: `seeds` (all in `seeds_dir`, shown in the report under
    `shown`) with their `stats` (`file_stat`, taken once by the build), and `extra` files.
    The folder is keyed by its resolved path, not as spelled: `aseankb build` names it
    `seeds`, the MkDocs hook by its absolute path, and the hook must find the CLI's result.
    None when a seed cannot be vouched for by its `stat` (a symbolic link, a file that
    vanished): that build is done in full."""
    h = hashlib.sha256(f"{cache.version_key()}\0{site_url}\0{seeds_dir.resolve()}\0{shown}\0".encode())
    for path, now in zip(seeds, stats, strict=True):
        if now is None:
            return None
        h.update(f"{path.name}\0{now}\n".encode("utf-8", "surrogateescape"))  # a name may not be UTF-8
    for path in extra:
        h.update(f"{path.resolve()}\0{file_stat(path)}\n".encode())
    return h.hexdigest()


ARTICLES_MARK = ".articles-"  # the search share's file: the record's name, this, a token


def _file(root: Path, out: Path) -> Path:
    return cache.folder_record(root, "last", out)


def save_articles(root: Path, out: Path, articles: list) -> str:
    """Write the search share of a record about `out` (`SearchSource.articles`) to a new
    file, named by the writing process; returns its name."""
    path = _file(root, out)
    path = path.with_name(f"{path.name}{ARTICLES_MARK}{os.getpid()}-{os.urandom(4).hex()}")
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(articles, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    return path.name


def load(root: Path | None, out: Path, key: str | None, stamps: dict[str, tuple[int, int, str]],
         search: bool = True):
    """The last build's result when its inputs had `key` and its files are untouched, else
    None. `search`: with its search source (else `search` is None: not even read)."""
    # A killed build's staging debris means work to do; without the manifest, stale files
    # could not be removed.
    if root is None or key is None or not stamps or (out / STAGING).exists() or not (out / MANIFEST).is_file():
        return None
    try:
        with open(_file(root, out), "rb") as fh:
            if fh.readline().rstrip(b"\n") != key.encode():
                return None  # another key: the result is not even unpickled
            result, shared = pickle.load(fh)
        if result.search is not None:
            result.search = replace(result.search, articles=_articles(root, shared)) if search else None
    except Exception:  # noqa: BLE001 - a missing or corrupt record only means a full build
        return None
    for rel, (size, mtime, digest) in stamps.items():
        if stamp(f"{out}/{rel}", digest) != (size, mtime, digest):
            return None
    return result


def _articles(root: Path, name: str | None) -> list:
    if name is None:
        return []
    with open(root / name, "rb") as fh:
        return pickle.load(fh)


def forget(root: Path | None, out: Path) -> None:
    """Drop the record about `out`, before a build changes it: were this build not to record
    its own (a seed it cannot key, a build killed before the end), the record would vouch
    for the build before it once the inputs were as then, and bring back its result over
    this build's files (fifteenth audit: a seed deleted after a build that saw a symbolic
    link stayed published, "0 files written")."""
    if root is not None:
        with contextlib.suppress(OSError):
            _file(root, out).unlink()


def save(root: Path | None, out: Path, key: str | None, result, articles: str | None = None) -> None:
    """Record `result` under `key`. Its search share goes to a file of its own: `articles`,
    the name `save_articles` gave it, else written here."""
    if root is None or key is None:
        return
    path = _file(root, out)
    if result.search is not None and articles is None:
        articles = save_articles(root, out, result.search.articles)
    light = replace(result, search=replace(result.search, articles=[])) if result.search is not None else result
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(key.encode() + b"\n")
        pickle.dump((light, articles if result.search is not None else None), fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    # The shares of earlier records (and of builds killed before writing theirs).
    for old in root.glob(f"{path.name}{ARTICLES_MARK}*"):
        if old.name != articles:
            with contextlib.suppress(OSError):
                old.unlink()
