"""Cache blobs (what a page needs of a seed besides its metadata), appended to pack files.

One file per blob made 10,000 files at a cold build of 10,000 seeds: creating them cost
0.5-1 ms of kernel time each, a sixth of an article's extraction. Each process now appends
its blobs to a pack of its own (`<pid>-<random>.pack`, never shared, so no locking), and
the cache keeps where each blob lies: a `Loc`, (pack, offset, size).

Packs are advisory like the rest of the cache: a blob cut short by a crash, or lost with
its pack, fails to read and only costs a re-extraction. `tidy` deletes the packs no live
blob is in, and rewrites into one new pack those mostly dead and the small ones once
there are many (each one-seed rebuild adds a small pack).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections import Counter
from pathlib import Path

from .staging import write_all

Loc = tuple[str, int, int]  # (pack file name, offset, size)
SUFFIX = ".pack"
SMALL = 4 << 20  # a pack below 4 MiB is small ...
SMALL_MAX = 32  # ... and more small packs than this are merged
GRACE = 600  # seconds: a pack no build has recorded yet may be another build's, being written
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class _Writer:
    """This process's open pack in one blobs folder."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.pid, self.end = folder, os.getpid(), 0
        self.name = f"{self.pid}-{os.urandom(4).hex()}{SUFFIX}"
        self.fd = os.open(folder / self.name, _FLAGS, 0o666)

    def append(self, data: bytes) -> Loc:
        write_all(self.fd, data)
        loc = (self.name, self.end, len(data))
        self.end += len(data)
        return loc


_WRITER: list[_Writer] = []  # at most one: this process's (a forked child opens its own)


def append(folder: Path, data: bytes) -> Loc | None:
    """Append one blob to this process's pack in `folder`; where it lies, or None when it
    could not be written (the cache then simply lacks it)."""
    writer = _WRITER[0] if _WRITER else None
    try:
        if writer is None or writer.pid != os.getpid() or writer.folder != folder:
            if writer is not None and writer.pid == os.getpid():
                close_writer()
            _WRITER[:] = [writer := _Writer(folder)]
        return writer.append(data)
    except OSError:
        close_writer()
        return None


def close_writer() -> None:
    """Close this process's pack: the next blob starts a new one (the next build's)."""
    if _WRITER and _WRITER[0].pid == os.getpid():
        with contextlib.suppress(OSError):
            os.close(_WRITER[0].fd)
    _WRITER.clear()


class Reader:
    """Reads blobs by `Loc`, keeping each pack open once opened."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.fds: dict[str, int] = {}

    def read(self, loc: Loc | None) -> bytes | None:
        if not loc or self.folder is None:
            return None
        name, offset, size = loc
        try:
            fd = self.fds.get(name)
            if fd is None:
                fd = self.fds[name] = os.open(self.folder / name, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            data = os.pread(fd, size, offset)
        except OSError:
            return None
        return data if len(data) == size else None

    def close(self) -> None:
        for fd in self.fds.values():
            os.close(fd)
        self.fds.clear()


def tidy(folder: Path | None, locs: dict[str, Loc], known: set[str]) -> dict[str, Loc]:
    """Delete the packs no blob of `locs` is in; rewrite those mostly dead, and the small
    ones when there are more than SMALL_MAX. Returns `locs` with the moved blobs' places
    (a blob that cannot be read back is dropped). `known`: the packs the cache named before
    this build. A pack neither names is deleted only once GRACE old: it may be another
    build's, written but not yet recorded (`mkdocs serve` and `aseankb build` at once)."""
    if folder is None or not folder.is_dir():
        return locs
    close_writer()  # rewritten blobs go to a new pack, never to one being rewritten
    stats = _pack_stats(folder)
    sizes = {name: st.st_size for name, st in stats.items()}
    live = Counter()
    for name, _offset, size in locs.values():
        live[name] += size
    redo = {name for name in live if live[name] * 2 < sizes.get(name, 0)}
    small = {name for name in live if sizes.get(name, 0) < SMALL}
    if len(small) > SMALL_MAX:
        redo |= small
    moved = dict(locs)
    if redo:
        reader = Reader(folder)
        for key in sorted(k for k, loc in locs.items() if loc[0] in redo):
            data = reader.read(locs[key])
            if (loc := append(folder, data) if data is not None else None) is None:
                del moved[key]
            else:
                moved[key] = loc
        reader.close()
        close_writer()
    keep = {loc[0] for loc in moved.values()}
    now = time.time()
    for name in sizes.keys() - keep:
        if name in known or name in redo or now - stats[name].st_mtime > GRACE:
            (folder / name).unlink(missing_ok=True)
    return moved


def _pack_stats(folder: Path) -> dict[str, os.stat_result]:
    """Each pack's `stat`. Another build tidying the same cache (`mkdocs serve` and
    `aseankb build` at once) may delete a pack between the listing and its `stat`: gone,
    it is not listed."""
    stats = {}
    for path in folder.iterdir():
        if path.name.endswith(SUFFIX):
            with contextlib.suppress(FileNotFoundError):
                stats[path.name] = path.stat()
    return stats
