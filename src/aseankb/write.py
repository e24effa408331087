"""Stage 6, write: put the rendered pages on disk, touching only what changed.

`mkdocs serve` rebuilds whenever a file in content/ changes, so a page whose bytes
are unchanged is never rewritten (it keeps its mtime).

A build may be killed at any instant (SIGKILL, Ctrl-C, a crash); content/ must stay
complete and usable, and the next build must repair it. Hence:
- each file is written in a staging folder (hidden, so MkDocs ignores it), then
  renamed over its target: a page is either the old one or the new one, never half;
- pages that others link to (articles, sources) are written before the pages that
  link to them, and stale pages are removed only after every new page is in place:
  at every instant, every link resolves;
- the manifest acts as a journal: before anything is written it lists the previous
  files *and* the ones this build is about to write, so a killed build leaves no
  generated file the next build does not know about; once the build is complete it
  lists exactly the current files. Only files it lists are ever removed;
- the next build discards the staging debris and writes whatever still differs.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildInterrupted
from .staging import Stager

MANIFEST = ".aseankb-manifest.json"
FOLDER_THREADS = 2  # threads staging new folders: one per core


@dataclass
class WriteStats:
    written: list[str]
    removed: list[str]


def atomic_write(path: Path, data: bytes) -> None:
    """One file written atomically (a tmp name beside it, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    # No fsync per file: the rename is atomic for any process that reads content/, and
    # 20,000 fsyncs (10,000 articles) cost ~6 s here; content/ is regenerated from seeds/.
    tmp.write_bytes(data)
    os.replace(tmp, path)


def unchanged(path: Path | str, data: bytes) -> bool:
    """Whether the file holds exactly `data` (a missing file does not)."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as fh:
            return fh.read() == data
    except OSError:
        return False


def read_manifest(out: Path) -> set[str]:
    try:
        names = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(names, list):
        return set()
    # A hand-edited manifest must not make the build delete files outside out/.
    return {n for n in names if isinstance(n, str) and n and not n.startswith(("/", "\\"))
            and ".." not in n.replace("\\", "/").split("/")}


def _write_manifest(out: Path, names: set[str], stager: Stager) -> None:
    blob = (json.dumps(sorted(names), indent=0) + "\n").encode()
    if not unchanged(out / MANIFEST, blob):
        stager.write(out / MANIFEST, blob)


def write_order(path: str) -> tuple[int, str]:
    # Pages that others link to go first: a build killed midway leaves no link to a
    # page that does not exist yet.
    rank = 0 if path.startswith(("articles/", "sources/", "assets/")) else 1
    return rank, path


def _safe_target(out: Path, rel: str) -> str:
    # Paths come from our own renderer, but a bug must never write outside out/.
    if ".." in rel.split("/") or rel.startswith("/") or "\\" in rel:
        raise BuildInterrupted(f"refusing to write outside the output folder: {rel}")
    return f"{out}/{rel}"


class Tree:
    """One build's writing of the output folder, in steps that may run in two processes
    (build.py writes the article pages in a forked process): `begin` journals the files
    planned, `write` writes files (pages that others link to first), `finish` removes what
    is stale and leaves the manifest listing exactly the current files."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.previous: set[str] = set()
        self.planned: set[str] = set()
        self._stager: Stager | None = None

    def stager(self) -> Stager:
        # One per process: a forked writer must not reuse the parent's temporary names.
        if self._stager is None or not self._stager.prefix.startswith(f"{os.getpid()}-"):
            self._stager = Stager(self.out)
        return self._stager

    def begin(self, planned: set[str]) -> None:
        with _reported(self.out):
            self.stager().clear_debris()
            self.previous = read_manifest(self.out)
        self.plan(planned)

    def plan(self, names: set[str]) -> None:
        """Journal: the manifest lists what may exist should the build be killed now."""
        if names - self.planned or not self.planned:
            self.planned |= names
            with _reported(self.out):
                _write_manifest(self.out, self.previous | self.planned, self.stager())

    def write(self, files: dict[str, str | bytes], first: dict[str, str | bytes] | None = None,
              gate: Callable[[], None] | None = None) -> list[str]:
        """The files whose bytes differ from those on disk; returns their paths. `first`:
        provisional versions of new pages, written before anything else (see write_tree).
        `gate`: returns once the pages these files link to are in place; new folders are
        staged meanwhile, and nothing is put in place before it returns."""
        written = []
        stager = self.stager()
        ready = _Once(gate)
        with _reported(self.out), _Folders(stager, self.out, files, ready) as folders:
            if first:
                ready()
            for rel in sorted(first or {}, key=write_order):
                stager.write(_safe_target(self.out, rel), _bytes(rel, first[rel]))
            for rank, rel in sorted(map(write_order, files)):
                folders.before(rank)
                if folders.take(rel):  # a new folder, whole at its first file's turn (same rank)
                    continue
                target = _safe_target(self.out, rel)
                blob = _bytes(rel, files[rel])
                if not unchanged(target, blob):
                    ready()
                    stager.write(target, blob)
                    written.append(rel)
        return written + folders.written

    def finish(self, current: set[str]) -> list[str]:
        """Remove the files of the previous build no longer wanted; returns their paths."""
        removed = []
        with _reported(self.out):
            for rel in sorted(self.previous - current):
                target = Path(_safe_target(self.out, rel))
                if target.is_file():
                    target.unlink(missing_ok=True)  # another build may have removed it meanwhile
                    removed.append(rel)
                _prune_empty(target.parent, self.out)
            _write_manifest(self.out, current, self.stager())
            self.stager().close()
        return removed




def _bytes(rel: str, data: str | bytes) -> bytes:
    """A file's bytes. Besides text and bytes, `data` may be any object with `encode`, made
    into text only here, one at a time: the source pages (render/article.SourcePage), whose
    10,000 texts a build would otherwise hold twice."""
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _fresh_folders(out: Path, files: dict[str, str | bytes]) -> dict[str, list[str]]:
    """Folders of at least two of `files` that do not exist on disk -> their files."""
    by_folder: dict[str, list[str]] = {}
    for rel in files:
        by_folder.setdefault(rel.rpartition("/")[0], []).append(rel)
    return {folder: sorted(rels) for folder, rels in by_folder.items()
            if folder and len(rels) > 1 and not os.path.lexists(f"{out}/{folder}")}


class _Once:
    """Calls `fn` (a gate) the first time it is called, then returns at once. Only the
    writing thread calls it: the staging threads never put anything in place."""

    def __init__(self, fn: Callable[[], None] | None) -> None:
        self.fn = fn

    def __call__(self) -> None:
        fn, self.fn = self.fn, None
        if fn is not None:
            fn()


class _Folders:
    """The new folders of one `Tree.write`, each staged whole (Stager.stage_folder), then
    renamed into place. With several (the year folders of a first build), two threads
    stage them: creating a file is kernel time, which runs without the interpreter lock.
    A folder is one thread's: two threads creating files in one folder contend for its
    lock. Staging goes on while the gate is closed (the pages they link to are still being
    written by the build's other process); the renames wait for it. Every folder of a rank
    is in place before any file of a later rank is written (`before`): links always resolve."""

    def __init__(self, stager: Stager, out: Path, files: dict[str, str | bytes], ready: _Once) -> None:
        self.stager, self.out, self.files, self.ready = stager, out, files, ready
        self.fresh = _fresh_folders(out, files)
        for members in self.fresh.values():  # each checked before any is written
            for member in members:
                _safe_target(out, member)
        self.written: list[str] = []
        self.pool = ThreadPoolExecutor(FOLDER_THREADS) if len(self.fresh) > 1 else None
        # All staged from the start, in the order they are due: a folder staged while the
        # gate is closed or a file of an existing folder waits for it is time gained.
        order = sorted(self.fresh, key=lambda folder: write_order(self.fresh[folder][0]))
        stage = self._stage if self.pool is None else lambda members: self.pool.submit(self._stage, members)
        self.staged: dict[str, Future | str] = {folder: stage(self.fresh[folder]) for folder in order}
        self.pending: list[str] = []  # folders due, to put in place at the next rank
        self.due: set[str] = set()
        self.rank = 0

    def __enter__(self) -> _Folders:
        return self

    def __exit__(self, kind: type | None, *exc: object) -> None:
        try:
            if kind is None:  # else the staged folders are debris, which the next build removes
                self.before(None)
        finally:
            if self.pool is not None:
                self.pool.shutdown()

    def take(self, rel: str) -> bool:
        """Whether `rel` lies in a new folder: then the folder is due, whole, at its first
        file's turn (staged already, or being staged)."""
        folder = rel.rpartition("/")[0]
        if folder not in self.staged:
            return False
        if folder not in self.due:
            self.due.add(folder)
            self.pending.append(folder)
            self.written += self.fresh[folder]
        return True

    def _stage(self, members: list[str]) -> str:
        # Encoded here, in the thread: only the folders being staged are held as bytes.
        return self.stager.stage_folder([(r.rpartition("/")[2], _bytes(r, self.files[r])) for r in members])

    def before(self, rank: int | None) -> None:
        """Put the folders due in place when a file of a later rank comes (None: the end)."""
        if rank is not None and rank <= self.rank:
            return
        staged = [(folder, self._result(folder)) for folder in self.pending]  # a thread's error is raised here
        if staged:
            self.ready()
        for folder, tmp in staged:
            self.stager.publish_folder(tmp, f"{self.out}/{folder}", [r.rpartition("/")[2] for r in self.fresh[folder]])
        self.pending.clear()
        if rank is not None:
            self.rank = rank

    def _result(self, folder: str) -> str:
        job = self.staged[folder]
        return job.result() if isinstance(job, Future) else job


@contextlib.contextmanager
def _reported(out: Path):
    try:
        yield
    except OSError as exc:
        raise BuildInterrupted(f"cannot write {exc.filename or out}: {exc.strerror}") from None


def write_tree(out: Path, files: dict[str, str | bytes], keep: set[str] | frozenset[str] = frozenset(),
               first: dict[str, str | bytes] | None = None) -> WriteStats:
    """`keep`: files the caller knows are on disk as they should be (checked from the build
    cache, without reading them): listed in the manifest, neither rewritten nor removed.
    `first`: provisional versions of new pages, written before anything else. New pages link
    to each other (related articles), so no order of single writes keeps every link valid;
    provisional versions that link only to pages already on disk make every new page exist
    before any final version links to it."""
    tree = Tree(out)
    tree.begin(set(files) | set(keep))
    written = tree.write(files, first)
    return WriteStats(written, tree.finish(set(files) | set(keep)))


def _prune_empty(folder: Path, root: Path) -> None:
    with contextlib.suppress(OSError):  # another build may be filling or removing it
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
