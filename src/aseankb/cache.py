"""The build cache (`.aseankb-cache/` at the project root): what each seed became, by content.

A rebuild after one new seed must cost seconds at 10,000 seeds, so the build keeps:
- an index, one small record per seed (report line, article metadata without its text),
  loaded whole: enough to group the articles and render the lists;
- one blob per seed (its paragraphs and source text), read only when its page must be
  rendered again (missing or edited on disk, or its inputs changed), appended to pack
  files (blobs.py) whose places the cache keeps;
- per output folder, the size, mtime and key of each file written (the hash of its
  inputs, or of its bytes), so an unchanged page is recognised from a `stat`, without
  rendering it or reading it back.

Entries are keyed by the seed's bytes, name and displayed path under a version key that
covers the package's code and taxonomy data: any change there starts a fresh cache. The
cache is advisory: a missing, stale or corrupt file only costs a re-extraction.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import blobs as packs
from .model import Article, SeedResult

PACKAGE_DIR = Path(__file__).parent
CACHE_DIR_NAME = ".aseankb-cache"
FORMAT = 8  # bump when the records below change shape
# The index is split by the first SHARD hex digits of the keys (256 files): a new seed
# rewrites one small file, not the records of 10,000 seeds.
SHARD = 2


@dataclass
class Entry:
    """What one seed became, without its texts (those are in its blob)."""

    result: SeedResult
    article: Article | None  # paragraphs emptied: the lists need only the metadata
    digest: str | None  # hash of the cleaned text, for duplicates
    source_hash: str | None = None  # of sources/<id>.txt, the decoded seed
    sketch: bytes = b""  # of the cleaned text, for near duplicates (dedup.pack)
    terms: tuple[bytes, bytes] = (b"", b"")  # word counts, for related articles (related.term_vector)
    bands: bytes = b""  # min-hashes of the sketch, for near duplicates
    search: tuple[str, str] = ("", "")  # the text's search words and teaser (search_pages.py)
    meta: str = ""  # pipeline.meta_key of the article

    def dumps(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)


# The distributions whose behaviour extraction and rendering keep in an entry.
KEYED_LIBRARIES = ("langdetect", "pyspellchecker", "python-slugify", "charset-normalizer", "numpy",
                   "pyahocorasick", "PyYAML", "python-frontmatter")


@lru_cache(maxsize=1)
def version_key() -> str:
    """Hash of everything an entry depends on besides the seed: the package's code and
    data (extraction, rendering, taxonomy), the Python version and those of the libraries
    whose answers an entry keeps (an upgraded word list or slug rule must not leave cached
    articles as the old one made them, the new ones otherwise: fifteenth audit)."""
    from importlib.metadata import version
    h = hashlib.sha256(f"{FORMAT}:{sys.version}".encode())
    for name in KEYED_LIBRARIES:
        try:
            h.update(f"\0{name}={version(name)}".encode())
        except Exception:  # noqa: BLE001 - an unknown version only means a stricter key
            h.update(f"\0{name}=?".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".txt", ".css", ".json"):
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:20]


def seed_key(name: str, shown: str, data: bytes) -> str:
    """An entry's key: the seed's bytes, and the names that appear in its output."""
    h = hashlib.sha256(f"{name}\0{shown}\0".encode("utf-8", "surrogateescape"))  # a name may not be UTF-8
    h.update(data)
    return h.hexdigest()


def text_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _dump(path: Path, obj: object) -> None:
    # Atomic but not fsynced: a cache file lost in a crash only costs a re-extraction.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp, path)


def _load(path: Path, default):
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - a corrupt cache file is an empty one
        return default


class Cache:
    """The cache of one project. `Cache(None)` is a cache that keeps nothing."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.dir = root / version_key() if root else None
        # Records are kept pickled (`Entry.dumps`), as the workers send them: the build
        # unpickles those it reads, and saving new ones costs no pickling.
        self.index: dict[str, bytes] = self._load_index() if self.dir else {}
        self.used: set[str] = set()
        self.added: dict[str, bytes] = {}
        # Seed path -> (its stat, its key): a rebuild recognises an unchanged seed from a
        # `stat` instead of reading and hashing it (10,000 files: seconds).
        self.files: dict[str, tuple[tuple[int, ...], str]] = _load(self.dir / "files.pickle", {}) if self.dir else {}
        self.files_seen: dict[str, tuple[tuple[int, ...], str]] = {}
        # Seed key -> where its blob lies (blobs.Loc); the build's own new places apart.
        self.locs: dict[str, packs.Loc] = _load(self.dir / "blobs.pickle", {}) if self.dir else {}
        self.new_locs: dict[str, packs.Loc] = {}
        self.packs = {loc[0] for loc in self.locs.values()}  # as the cache named them before this build
        self.reader = packs.Reader(self.blobs_dir)

    def _load_index(self) -> dict[str, bytes]:
        index: dict[str, bytes] = {}
        for path in sorted((self.dir / "index").glob("*.pickle")):
            index.update(_load(path, {}))
        return index

    def get(self, key: str) -> Entry | None:
        """The record of a seed's bytes: a fresh object (the build may edit it), or None."""
        data = self.index.get(key)
        if data is None:
            return None
        try:
            entry = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a corrupt record is a missing one
            return None
        self.used.add(key)
        return entry

    def known_file(self, shown: str, now: tuple[int, ...] | None) -> str:
        """The key of a seed whose file is as the last build saw it (same size, mtime,
        ctime and inode: `file_stat`), else ''. ctime cannot be set back by hand, unlike mtime."""
        known = self.files.get(shown)
        if now and known and known[0] == now and known[1] in self.index:
            return known[1]
        return ""

    def remember_file(self, shown: str, now: tuple[int, ...] | None, key: str) -> None:
        if now and key:
            self.files_seen[shown] = (now, key)

    def put(self, key: str, entry: bytes, loc: packs.Loc | None) -> None:
        """Record an entry (`Entry.dumps`) and where `write_blob` put its blob (in a worker process)."""
        self.used.add(key)
        self.added[key] = entry
        if loc:
            self.new_locs[key] = loc

    @property
    def blobs_dir(self) -> Path | None:
        return self.dir / "blobs" if self.dir else None

    def blob(self, key: str) -> tuple[list[str], str] | None:
        data = self.reader.read(self.new_locs.get(key) or self.locs.get(key))
        try:
            return pickle.loads(data) if data is not None else None
        except Exception:  # noqa: BLE001 - a blob cut short is a missing one
            return None

    def store_blob(self, key: str, paragraphs: list[str], source: str) -> None:
        """Write a blob again (it was lost). In a forked process, its place is not kept."""
        if loc := write_blob(self.blobs_dir, paragraphs, source):
            self.new_locs[key] = loc

    def save(self) -> None:
        """Keep the entries this build used; drop the others, and older cache versions."""
        if not self.dir:
            return
        new = {k: self.added.get(k) or self.index[k] for k in sorted(self.used)}
        locs = {k: loc for k in new if (loc := self.new_locs.get(k) or self.locs.get(k))}
        if locs != self.locs:
            _dump(self.dir / "blobs.pickle", locs)
        self.locs, self.new_locs = locs, {}
        # Only the shards that gained or lost an entry are written again.
        touched = {k[:SHARD] for k in (self.index.keys() ^ new.keys()) | self.added.keys()}
        shards: dict[str, list[str]] = {}  # in one pass, not one per shard
        for k in new:
            shards.setdefault(k[:SHARD], []).append(k)
        for shard in sorted(touched):
            path = self.dir / "index" / f"{shard}.pickle"
            if shard in shards:
                _dump(path, {k: new[k] for k in shards[shard]})
            else:
                path.unlink(missing_ok=True)
        if self.files_seen != self.files:
            _dump(self.dir / "files.pickle", self.files_seen)
            self.files = dict(self.files_seen)
        self.index = new
        if not self.root.is_dir():  # nothing cached yet (no seed so far): no older version either
            return
        for old in self.root.iterdir():
            if old.is_dir() and old != self.dir and len(old.name) == len(self.dir.name):
                shutil.rmtree(old, ignore_errors=True)

    def tidy_blobs(self) -> None:
        """Drop the packs no kept blob is in, and merge small or mostly dead ones: after
        `save`, once no other process of the build reads blobs any more."""
        self.reader.close()
        if self.dir:
            moved = packs.tidy(self.blobs_dir, self.locs, self.packs)
            self.packs = {loc[0] for loc in moved.values()}
            if moved != self.locs:
                _dump(self.dir / "blobs.pickle", moved)
                self.locs = moved

    # Output files: (size, mtime_ns, hash) of each file as last written or checked.
    def load_stamps(self, out: Path) -> dict[str, tuple[int, int, str]]:
        return load_stamps(self.root, out)

    def save_stamps(self, out: Path, stamps: dict[str, tuple[int, int, str]]) -> None:
        if self.root:
            _dump(_stamps_file(self.root, out), stamps)


def folder_record(root: Path, kind: str, folder: Path, suffix: str = ".pickle") -> Path:
    """Where the cache keeps its `kind` of record about an output folder (content/, site/),
    named by the folder's resolved path: the same folder however it is spelled."""
    return root / f"{kind}-{hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]}{suffix}"


def _stamps_file(root: Path, out: Path) -> Path:
    return folder_record(root, "out", out)


def load_stamps(root: Path | None, out: Path) -> dict[str, tuple[int, int, str]]:
    return _load(_stamps_file(root, out), {}) if root else {}


def file_stat(path: Path) -> tuple[int, ...] | None:
    try:
        st = os.lstat(path)  # a symbolic link is never "known": read_seed refuses it
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def write_blob(blobs: Path | None, paragraphs: list[str], source: str) -> packs.Loc | None:
    """Append a seed's blob to this process's pack; where it lies (None: not written)."""
    if not blobs:
        return None
    return packs.append(blobs, pickle.dumps((paragraphs, source), protocol=pickle.HIGHEST_PROTOCOL))


def stamp(path: Path | str, digest: str) -> tuple[int, int, str] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, digest


def stamps_of(out: Path | str, files: dict[str, str | bytes], keys: dict[str, str]
              ) -> dict[str, tuple[int, int, str]]:
    """The stamps of files just written or found equal: each with the key of its inputs,
    else the hash of its bytes (a file that vanished meanwhile gets none)."""
    found = {}
    for rel, data in files.items():
        blob = data if isinstance(data, bytes) else None  # text (or a SourcePage) is hashed as UTF-8
        now = stamp(f"{out}/{rel}", keys.get(rel) or text_hash(blob if blob is not None else data.encode("utf-8")))
        if now:
            found[rel] = now
    return found


def unchanged_on_disk(path: Path, digest: str, stamps: dict[str, tuple[int, int, str]], rel: str) -> bool:
    """The file holds `digest` as last written: same hash recorded, same size and mtime now."""
    known = stamps.get(rel)
    return known is not None and known[2] == digest and stamp(path, digest) == known
