"""Issue #3: a build killed with SIGKILL midway leaves the previous content/ complete and
usable, and the next build repairs it.

The real CLI runs in a subprocess over a corpus large enough for its write phase to
take a while; it is killed once it has started writing (its staging folder appears).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import frontmatter
import pytest

from aseankb.staging import STAGING
from aseankb.write import MANIFEST, read_manifest
from untrusted_corpus import fixture_text

BIN = Path(sys.executable).parent
N_SEEDS = 250
BODIES = ["numerique.txt", "commerce-cp1252.txt", "education-utf16.txt", "energie-mixte.txt", "sante-crlf.txt"]
LINK_RE = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def write_corpus(seeds: Path, version: int) -> None:
    """N seeds; version 2 renames every article (new slugs: every page moves) and edits its text."""
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    bodies = [fixture_text(n).splitlines()[2:] for n in BODIES]
    for i in range(N_SEEDS):
        label = "Dossier" if version == 1 else "Dossier revu"
        lines = [f" date {2010 + i % 14}-{1 + i % 12:02d} ",
                 f"{label} {i} sur la coopération entre l'ASEAN et ses partenaires",
                 *bodies[i % len(BODIES)], f"Ce dossier porte le numéro {i} de la version {version}."]
        (seeds / f"dossier-{i:04d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def aseankb_build(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "aseankb"), "build", "-q"], cwd=cwd, capture_output=True, text=True, timeout=600)


def snapshot(content: Path) -> dict[str, bytes]:
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in content.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content).parts)}


def first_new_page(folder: Path) -> bool:
    try:
        return any(e.name.startswith("dossier-revu") for e in os.scandir(folder))
    except FileNotFoundError:
        return False


def kill_midway(cwd: Path) -> None:
    """Start a build and SIGKILL it as soon as it has written its first new article page
    (pages are written in path order, so that is one in articles/2010/)."""
    proc = subprocess.Popen([str(BIN / "aseankb"), "build", "-q"], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    folder = cwd / "content" / "articles" / "2010"
    deadline = time.monotonic() + 300
    while not first_new_page(folder) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the build finished before it could be killed"


def assert_links_resolve(content: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        if not rel.endswith(".md"):
            continue
        for target in LINK_RE.findall(data.decode("utf-8")):
            if "://" in target:
                continue
            resolved = os.path.normpath(os.path.join(os.path.dirname(rel), target))
            assert resolved in files, f"{rel} links to missing {resolved}"


def test_killed_build_leaves_content_usable_and_next_build_repairs(tmp_path: Path) -> None:
    project, reference = tmp_path / "project", tmp_path / "reference"
    write_corpus(project / "seeds", 1)
    assert aseankb_build(project).returncode == 0
    old = snapshot(project / "content")
    write_corpus(reference / "seeds", 2)
    assert aseankb_build(reference).returncode == 0
    new = snapshot(reference / "content")
    assert not set(old) & {r for r in new if r.startswith("articles/")}  # every article page moves

    write_corpus(project / "seeds", 2)
    kill_midway(project)
    content = project / "content"
    now = snapshot(content)
    # Complete: every page of the previous build is still there, and every file is whole,
    # byte for byte the previous build's or the new build's version of it.
    assert set(old) <= set(now)
    # A new page may also stand in its provisional version: the same page whose "À lire aussi"
    # list keeps only the pages already on disk (see write_tree's `first`).
    marker = b"## \xc3\x80 lire aussi"
    assert all(now[rel] in (old.get(rel), new.get(rel))
               or (rel not in old and rel in new
                   and now[rel].split(marker)[0].rstrip() == new[rel].split(marker)[0].rstrip())
               for rel in now)
    written = [rel for rel in now if rel not in old or now[rel] != old[rel]]
    assert written, "killed before writing anything: the test proves too little"
    assert set(new) - set(now), "killed after writing everything: the test proves too little"
    # Usable: every page parses, every link points to a page that exists.
    for rel in now:
        if rel.endswith(".md"):
            frontmatter.loads(now[rel].decode("utf-8"))
    assert_links_resolve(content, now)
    # The journal knows every generated file, so the next build can remove what is stale.
    assert set(now) <= read_manifest(content) | {MANIFEST}

    repair = aseankb_build(project)
    assert repair.returncode == 0, repair.stderr
    assert snapshot(content) == new
    assert not (content / STAGING).exists()
    assert read_manifest(content) == set(new)


def test_next_write_clears_debris_and_journaled_files(tmp_path: Path) -> None:
    """What a killed build leaves (staging debris, a journal listing a file it had written
    for pages that are no longer wanted) is cleaned by the next write."""
    from aseankb.write import write_tree

    write_tree(tmp_path, {"a.md": "A", "b.md": "B"})
    (tmp_path / STAGING).mkdir()
    (tmp_path / STAGING / "7.tmp").write_text("half a page")
    (tmp_path / STAGING / "99999999-3.dir").mkdir()  # a new folder staged whole (write_folder)
    (tmp_path / STAGING / "99999999-3.dir" / "c.md").write_text("half a folder")
    (tmp_path / "orphan.md").write_text("written by the killed build")
    (tmp_path / MANIFEST).write_text('["a.md", "b.md", "orphan.md", "../outside.md"]\n')
    (tmp_path.parent / "outside.md").write_text("not ours")
    before = (tmp_path / "a.md").stat().st_mtime_ns
    stats = write_tree(tmp_path, {"a.md": "A"})
    assert stats.written == [] and stats.removed == ["b.md", "orphan.md"]
    assert not (tmp_path / STAGING).exists() and (tmp_path.parent / "outside.md").exists()
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert read_manifest(tmp_path) == {"a.md"}


def test_new_folders_appear_whole_and_existing_ones_file_by_file(tmp_path: Path) -> None:
    from aseankb.write import write_tree

    files = {f"sources/{i}.txt": f"text {i}" for i in range(5)} | {"index.md": "home", "solo/one.md": "1"}
    stats = write_tree(tmp_path, files)
    assert sorted(stats.written) == sorted(files)
    assert {p.relative_to(tmp_path).as_posix(): p.read_text(encoding="utf-8-sig") for p in tmp_path.rglob("*")
            if p.is_file() and p.name != MANIFEST} == files
    before = (tmp_path / "sources" / "0.txt").stat().st_mtime_ns
    changed = {**files, "sources/1.txt": "edited", "sources/9.txt": "new"}
    stats = write_tree(tmp_path, changed)
    assert sorted(stats.written) == ["sources/1.txt", "sources/9.txt"]
    assert (tmp_path / "sources" / "0.txt").stat().st_mtime_ns == before
    assert (tmp_path / "sources" / "9.txt").read_text(encoding="utf-8-sig") == "new"
    assert not (tmp_path / STAGING).exists()


def test_several_new_folders_are_on_disk_before_the_pages_linking_to_them(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build's year folders are staged by two threads: every one of them is whole
    on disk before the first page of a later rank (the lists) is written, and an error in
    a thread is reported like any other."""
    from aseankb.errors import BuildInterrupted
    from aseankb.staging import Stager
    from aseankb.write import write_tree

    files = {f"articles/{2000 + y}/{i}.md": f"page {y} {i}" for y in range(6) for i in range(30)}
    files |= {"index.md": "home", "sources/a.txt": "A", "sources/b.txt": "B"}
    seen = {}
    plain, plain_stage = Stager.write, Stager.stage_folder

    def stage_folder(self: Stager, members: list) -> str:
        time.sleep(0.05)  # slow threads: a page written without waiting for them would be seen
        return plain_stage(self, members)

    def write(self: Stager, path: Path | str, data: bytes) -> None:
        if str(path).endswith("index.md"):
            seen["pages"] = sorted(p.relative_to(tmp_path / "out").as_posix()
                                   for p in (tmp_path / "out" / "articles").rglob("*.md"))
        plain(self, path, data)
    monkeypatch.setattr(Stager, "write", write)
    monkeypatch.setattr(Stager, "stage_folder", stage_folder)
    stats = write_tree(tmp_path / "out", files)
    assert sorted(stats.written) == sorted(files)
    assert seen["pages"] == sorted(r for r in files if r.startswith("articles/"))
    out = tmp_path / "out"
    assert {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8-sig") for p in out.rglob("*")
            if p.is_file() and p.name != MANIFEST} == files
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "articles").write_text("a file where a folder should be")
    with pytest.raises(BuildInterrupted, match="cannot write"):
        write_tree(tmp_path / "bad", files)


@pytest.mark.parametrize("existing", [False, True])
def test_pages_are_staged_before_the_gate_opens_and_put_in_place_only_after(tmp_path: Path, existing: bool) -> None:
    """The article pages' process writes while the build's own process is still writing the
    source texts they link to: new folders are staged in the meantime, but no page is in
    place before the gate opens (a page in an existing folder is not even staged)."""
    from aseankb.write import Tree

    out = tmp_path / "out"
    files = {f"articles/{2000 + y}/{i}.md": f"page {y} {i}" for y in range(3) for i in range(20)}
    if existing:
        (out / "articles" / "2000").mkdir(parents=True)
    tree = Tree(out)
    tree.begin(set(files))
    at_gate = {}

    def gate() -> None:  # held closed until the new folders are staged (or 20 s have passed)
        deadline = time.monotonic() + 20
        while len(list((out / STAGING).rglob("*.md"))) < 40 + 20 * (not existing) and time.monotonic() < deadline:
            time.sleep(0.01)
        at_gate["in place"] = sorted(p.name for p in (out / "articles").rglob("*.md"))
        at_gate["staged"] = sorted(p.name for p in (out / STAGING).rglob("*.md"))
        at_gate["calls"] = at_gate.get("calls", 0) + 1
    written = tree.write(files, None, gate)
    assert at_gate["calls"] == 1 and at_gate["in place"] == []
    assert len(at_gate["staged"]) == (40 if existing else 60)  # year 2000 exists: its pages wait
    assert sorted(written) == sorted(files)
    assert {p.relative_to(out).as_posix(): p.read_text() for p in (out / "articles").rglob("*.md")} == files


def test_a_new_folder_with_a_path_out_of_the_output_is_refused_before_any_write(tmp_path: Path) -> None:
    from aseankb.errors import BuildInterrupted
    from aseankb.write import write_tree

    with pytest.raises(BuildInterrupted, match="outside the output folder"):
        write_tree(tmp_path / "out", {"new/!a.md": "A", "new/..": "escape"})  # "!" sorts first
    assert not (tmp_path / "out" / "new").exists()


def test_two_builds_at_once_both_succeed(tmp_path: Path) -> None:
    """`mkdocs serve` rebuilding while someone runs `aseankb build`: neither fails, and the
    result is what one build gives."""
    write_corpus(tmp_path / "seeds", 1)
    assert aseankb_build(tmp_path).returncode == 0
    write_corpus(tmp_path / "seeds", 2)
    procs = [subprocess.Popen([str(BIN / "aseankb"), "build", "-q"], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-500:] for _out, err in outputs]
    again = aseankb_build(tmp_path)
    assert again.returncode == 0 and "0 files written, 0 removed" in again.stdout
    assert not (tmp_path / "content" / STAGING).exists()
    assert not [p for p in (tmp_path / "content" / "articles").rglob("*.md") if "dossier-revu" not in p.name]


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            kids.append(int(stat.parent.name))
    return kids


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_build_s_extraction_workers_die_with_it(tmp_path: Path, sig: signal.Signals) -> None:
    """Fifteenth audit: SIGTERM or SIGKILL sent to the build's process alone (as `kill PID`
    or a supervisor does) left its extraction workers alive for ever, blocked on their pipe;
    whoever read the build's output waited for them."""
    write_corpus(tmp_path / "seeds", 1)
    proc = subprocess.Popen([str(BIN / "aseankb"), "build", "-q", "--jobs", "2"], cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline, kids = time.monotonic() + 120, []
    while len(kids) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
        kids = _children(proc.pid)
    assert len(kids) == 2, "the worker pool never started"
    os.kill(proc.pid, sig)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 20
    while (alive := [k for k in kids if Path(f"/proc/{k}").exists() and _state(k) != "Z"]) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    for k in alive:  # not left behind by a failing test
        os.kill(k, signal.SIGKILL)
    assert not alive


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return "Z"


@pytest.mark.parametrize("late", [False, True])
def test_ctrl_c_says_one_line_and_the_next_build_completes(tmp_path: Path, late: bool) -> None:
    """Fifteenth audit: Ctrl-C printed a KeyboardInterrupt traceback from wherever it fell
    (the imports, a JSON decoder); the CLI turns it into one line and exit status 130.
    Interrupted early (in the imports) and late (extracting, or writing)."""
    write_corpus(tmp_path / "seeds", 1)
    # SIGINT as a terminal's Ctrl-C delivers it, even where this test's own process ignores it
    # (a background job of a shell): Python then would not raise KeyboardInterrupt.
    proc = subprocess.Popen([str(BIN / "aseankb"), "build", "-q"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    if late:
        # Once the build has its cache (its imports are done, it is extracting), not after a
        # fixed time: on a busy machine a sleep of 0.4 s let this test wake after the build ended.
        while proc.poll() is None and not (tmp_path / ".aseankb-cache").exists():
            time.sleep(0.005)
    else:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        # Lost in a fork's handlers (beside.sigint_deferred), or sent after the build ended.
        pytest.fail(f"the build ignored the signal or ended before it: {err[-600:]}")
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert "aseankb: interrupted; the next build completes content/" in err
    done = aseankb_build(tmp_path)
    assert done.returncode == 0 and done.stdout.startswith(f"aseankb: {N_SEEDS} seeds: "), done.stdout
    assert (tmp_path / "content" / MANIFEST).is_file() and not (tmp_path / "content" / STAGING).exists()
