"""Stage 6, write: put the rendered pages on disk, touching only what changed.

`mkdocs serve` rebuilds whenever a file in content/ changes, so a page whose text
is unchanged is never rewritten. Each file is written to a temporary name and
renamed into place, so a killed build leaves no half-written page; the manifest
of generated files is written last, and only files it lists are ever removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildInterrupted

MANIFEST = ".aseankb-manifest.json"


@dataclass
class WriteStats:
    written: list[str]
    removed: list[str]


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    # No fsync per file: the rename is atomic for any process that reads content/, and
    # 20,000 fsyncs (10,000 articles) cost ~6 s here; content/ is regenerated from seeds/.
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _unchanged(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def read_manifest(out: Path) -> set[str]:
    try:
        return set(json.loads((out / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def _order(path: str) -> tuple[int, str]:
    # Pages that others link to go first: a build killed midway leaves no link to a
    # page that does not exist yet.
    rank = 0 if path.startswith(("articles/", "sources/")) else 1
    return rank, path


def write_tree(out: Path, files: dict[str, str | bytes], keep: set[str] | frozenset[str] = frozenset()) -> WriteStats:
    """`keep`: files the caller knows are on disk as they should be (checked from the build
    cache, without reading them): listed in the manifest, neither rewritten nor removed."""
    written, removed = [], []
    try:
        for rel in sorted(files, key=_order):
            data = files[rel]
            blob = data.encode("utf-8") if isinstance(data, str) else data
            target = out / rel
            if not _unchanged(target, blob):
                _atomic_write(target, blob)
                written.append(rel)
        previous = read_manifest(out)
        for rel in sorted(previous - set(files) - keep):
            target = out / rel
            if target.is_file():
                target.unlink()
                removed.append(rel)
            _prune_empty(target.parent, out)
        manifest = (json.dumps(sorted(set(files) | keep), indent=0) + "\n").encode()
        if not _unchanged(out / MANIFEST, manifest):
            _atomic_write(out / MANIFEST, manifest)
    except OSError as exc:
        raise BuildInterrupted(f"cannot write {exc.filename or out}: {exc.strerror}") from None
    return WriteStats(written, removed)


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
