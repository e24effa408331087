"""The staging folder of write.py: each file is written under a temporary name in a hidden
folder of the output (MkDocs ignores it), then renamed over its target, so that a page is
either the old one or the new one, never half; what a killed build left there is debris
the next build removes."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
from pathlib import Path

STAGING = ".aseankb-staging"
STAGING_TRIES = 5


class Stager:
    """Writes a file under a temporary name in the staging folder, then renames it into place
    (same file system, so the rename is atomic)."""

    def __init__(self, out: Path) -> None:
        self.folder = out / STAGING
        self._names = itertools.count(1)  # next() of a count is atomic: threads may share a Stager
        self.prefix = f"{os.getpid()}-"  # two builds at once (serve + CLI) never share a name
        self.made: set[str] = set()  # folders this build made sure of: one mkdir per folder, not per file

    def clear_debris(self) -> None:
        """Remove what killed builds left; the files of a build still running are kept."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            pid = entry.name.split("-", 1)[0]
            if not (pid.isdigit() and _alive(int(pid))) or entry.name.startswith(self.prefix):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    Path(entry.path).unlink(missing_ok=True)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.folder.rmdir()  # only when empty: another build may be using it

    def stage_folder(self, files: list[tuple[str, bytes]]) -> str:
        """Files for a folder that does not exist yet, written into a new folder of the
        staging folder (returned), to be renamed into place at once by `publish_folder`:
        one rename, not one per file (10,000 source texts)."""
        tmp = f"{self.folder}/{self.prefix}{next(self._names)}.dir"
        os.makedirs(tmp)
        for name, data in files:
            write_file(f"{tmp}/{name}", data)
        return tmp

    def publish_folder(self, tmp: str, folder: str, names: list[str]) -> None:
        """A staged folder (`stage_folder`) renamed into place as `folder`."""
        os.makedirs(os.path.dirname(folder), exist_ok=True)
        try:
            os.rename(tmp, folder)
        except OSError:  # another build made the folder meanwhile: file by file, then
            os.makedirs(folder, exist_ok=True)
            for name in names:
                os.replace(f"{tmp}/{name}", f"{folder}/{name}")
            os.rmdir(tmp)
        self.made.add(folder)

    def write(self, path: Path | str, data: bytes) -> None:
        tmp = f"{self.folder}/{self.prefix}{next(self._names)}.tmp"
        # Another build finishing at the same moment may remove the (then empty) staging
        # folder, or a folder of pages it emptied: make it again and retry.
        for attempt in range(STAGING_TRIES):
            try:
                # No fsync per file: a killed process loses nothing the kernel already has,
                # and 20,000 fsyncs (10,000 articles) would cost a minute on a slow disk.
                write_file(tmp, data)
                break
            except (FileNotFoundError, FileExistsError):
                if attempt == STAGING_TRIES - 1:
                    raise
                self.folder.mkdir(parents=True, exist_ok=True)
        parent = os.path.dirname(path)
        for attempt in range(STAGING_TRIES):
            if parent not in self.made or attempt:
                os.makedirs(parent, exist_ok=True)
                self.made.add(parent)
            try:
                os.replace(tmp, path)
                return
            except FileNotFoundError:
                if attempt == STAGING_TRIES - 1:
                    raise


def write_file(path: str | Path, data: bytes) -> None:
    # os.open rather than open(): no file object, buffer or isatty() for a one-shot write
    # (half the CPU of writing 20,000 small files).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        write_all(fd, data)
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """All of `data` to an open file: os.write may write less than it is given."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A killed build's writer (its forked process) is a zombie until someone reaps it: dead.
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rpartition(b")")[2][:2] != b" Z"
    except OSError:
        return True
