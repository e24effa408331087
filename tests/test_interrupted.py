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

from aseankb.write import MANIFEST, STAGING, read_manifest
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
    assert all(now[rel] in (old.get(rel), new.get(rel)) for rel in now)
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
    (tmp_path / "orphan.md").write_text("written by the killed build")
    (tmp_path / MANIFEST).write_text('["a.md", "b.md", "orphan.md", "../outside.md"]\n')
    (tmp_path.parent / "outside.md").write_text("not ours")
    before = (tmp_path / "a.md").stat().st_mtime_ns
    stats = write_tree(tmp_path, {"a.md": "A"})
    assert stats.written == [] and stats.removed == ["b.md", "orphan.md"]
    assert not (tmp_path / STAGING).exists() and (tmp_path.parent / "outside.md").exists()
    assert (tmp_path / "a.md").stat().st_mtime_ns == before
    assert read_manifest(tmp_path) == {"a.md"}
