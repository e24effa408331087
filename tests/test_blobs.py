"""Cache blobs in pack files (blobs.py): one pack per process, tidied after each build."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path

import pytest

from aseankb import blobs, build_articles
from aseankb.build import build
from test_scale import _tree, gen_corpus


@pytest.fixture(autouse=True)
def _fresh_writer():
    blobs.close_writer()
    yield
    blobs.close_writer()


def _packs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.pack"))


def test_blobs_read_back_where_they_were_appended(tmp_path: Path) -> None:
    locs = [blobs.append(tmp_path, f"blob {i}".encode() * (i + 1)) for i in range(5)]
    reader = blobs.Reader(tmp_path)
    assert [reader.read(loc) for loc in locs] == [f"blob {i}".encode() * (i + 1) for i in range(5)]
    assert len({loc[0] for loc in locs}) == 1 and len(_packs(tmp_path)) == 1
    assert reader.read((locs[0][0], 10**6, 5)) is None  # past the end: cut short
    assert reader.read(("missing.pack", 0, 3)) is None


def test_a_forked_process_appends_to_a_pack_of_its_own(tmp_path: Path) -> None:
    mine = blobs.append(tmp_path, b"parent")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its blob goes to a new pack, the parent's is left alone
        os.close(read)
        os.write(write, pickle.dumps(blobs.append(tmp_path, b"child")))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        theirs = pickle.loads(fh.read())
    os.waitpid(pid, 0)
    assert mine[0] != theirs[0]
    assert blobs.append(tmp_path, b"again")[0] == mine[0]
    reader = blobs.Reader(tmp_path)
    assert (reader.read(mine), reader.read(theirs)) == (b"parent", b"child")


def test_tidy_drops_dead_packs_and_merges_small_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locs = {}
    for i in range(4):  # four builds, four small packs
        locs[f"k{i}"] = blobs.append(tmp_path, f"blob {i}".encode())
        blobs.close_writer()
    dropped = blobs.append(tmp_path, b"the cache no longer keeps this")
    blobs.close_writer()
    theirs = blobs.append(tmp_path, b"another build's, not recorded yet")
    blobs.close_writer()
    assert len(_packs(tmp_path)) == 6
    kept = blobs.tidy(tmp_path, locs, {loc[0] for loc in locs.values()} | {dropped[0]})
    assert kept == locs and dropped[0] not in _packs(tmp_path) and theirs[0] in _packs(tmp_path)
    old = time.time() - blobs.GRACE - 1
    os.utime(tmp_path / theirs[0], (old, old))  # a crashed build's: deleted once old enough
    assert blobs.tidy(tmp_path, locs, set()) == locs and len(_packs(tmp_path)) == 4
    monkeypatch.setattr(blobs, "SMALL_MAX", 3)
    merged = blobs.tidy(tmp_path, locs, set())
    assert len({loc[0] for loc in merged.values()}) == 1 and _packs(tmp_path) == [merged["k0"][0]]
    reader = blobs.Reader(tmp_path)
    assert [reader.read(merged[f"k{i}"]) for i in range(4)] == [f"blob {i}".encode() for i in range(4)]


def test_tidy_overlooks_a_pack_another_build_deletes_meanwhile(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds tidy the same cache: a pack listed by one may be gone when it looks at it."""
    kept = blobs.append(tmp_path, b"kept")
    blobs.close_writer()
    listed = [*tmp_path.iterdir(), tmp_path / "4242-gone.pack"]  # deleted after the listing
    monkeypatch.setattr(Path, "iterdir", lambda self: iter(listed) if self == tmp_path else iter(()))
    assert blobs.tidy(tmp_path, {"k": kept}, {kept[0]}) == {"k": kept}
    assert _packs(tmp_path) == [kept[0]]


def test_tidy_rewrites_a_mostly_dead_pack(tmp_path: Path) -> None:
    big = {f"k{i}": blobs.append(tmp_path, bytes([i]) * 1000) for i in range(10)}
    blobs.close_writer()
    left = {k: big[k] for k in ("k3", "k7")}  # 2,000 of 10,000 bytes still live
    moved = blobs.tidy(tmp_path, left, {big["k0"][0]})
    assert moved["k3"][0] != big["k3"][0] and _packs(tmp_path) == [moved["k3"][0]]
    assert blobs.Reader(tmp_path).read(moved["k7"]) == bytes([7]) * 1000


def test_packs_cut_short_are_extracted_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    gen_corpus.main(["30", str(tmp_path / "seeds"), "--seed", "5"])
    build(tmp_path / "seeds", tmp_path / "content", log=lambda m: None, workers=1)
    first = _tree(tmp_path / "content")
    packs = list((tmp_path / ".aseankb-cache").glob("*/blobs/*.pack"))
    assert packs
    for pack in packs:  # a crash mid-write: every pack loses its second half
        os.truncate(pack, pack.stat().st_size // 2)
    shutil.rmtree(tmp_path / "content")
    again: list[Path] = []
    real = build_articles.ingest
    monkeypatch.setattr(build_articles, "ingest", lambda path, *a: again.append(path) or real(path, *a))
    build(tmp_path / "seeds", tmp_path / "content", log=lambda m: None, workers=1)
    assert _tree(tmp_path / "content") == first
    assert 0 < len(again) < 30  # the blobs of the first half of each pack were still whole
