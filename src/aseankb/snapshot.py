"""A build with nothing new: recognised from `stat`s, answered with the last build's result.

`mkdocs build` and `aseankb search-index` run an aseankb build first (the hook), most
often right after `aseankb build` (CI) or with nothing changed (`mkdocs serve` after an
edit of the theme). At 10,000 seeds such a build would still load the cache, relate and
render every list page to find nothing to write: seconds. Instead, each build records
a key of its inputs (the cache's version key, every seed's and the corrections file's
`stat`, the package's assets, the site URL) and its result; a build whose inputs have
that key, and whose output files are all as last written (size, mtime: the stamps),
returns that result without doing anything else.
"""

from __future__ import annotations

import hashlib
import os
import pickle
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
        h.update(f"{path.name}\0{now}\n".encode())
    for path in extra:
        h.update(f"{path.resolve()}\0{file_stat(path)}\n".encode())
    return h.hexdigest()


def _file(root: Path, out: Path) -> Path:
    return cache.folder_record(root, "last", out)


def load(root: Path | None, out: Path, key: str | None, stamps: dict[str, tuple[int, int, str]]):
    """The last build's result when its inputs had `key` and its files are untouched, else None."""
    # A killed build's staging debris means work to do; without the manifest, stale files
    # could not be removed.
    if root is None or key is None or not stamps or (out / STAGING).exists() or not (out / MANIFEST).is_file():
        return None
    try:
        with open(_file(root, out), "rb") as fh:
            if fh.readline().rstrip(b"\n") != key.encode():
                return None  # another key: the result is not even unpickled
            result = pickle.load(fh)
    except Exception:  # noqa: BLE001 - a missing or corrupt record only means a full build
        return None
    for rel, (size, mtime, digest) in stamps.items():
        if stamp(f"{out}/{rel}", digest) != (size, mtime, digest):
            return None
    return result


def save(root: Path | None, out: Path, key: str | None, result) -> None:
    if root is None or key is None:
        return
    path = _file(root, out)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(key.encode() + b"\n")
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
