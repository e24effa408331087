"""`mkdocs build --dirty` (sitestate.py): only changed pages rendered, same bytes as a clean build."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from aseankb import sitestate
from test_e2e import BIN, run
from test_scale import _tree, gen_corpus

KEPT_ASIDE = "004_776bf37a9f12beca.txt"  # added back after the first site build
REMOVED = "001_1acd7715e58a2fc9.txt"  # removed after it


def _site(project: Path, *args: str) -> str:
    done = run(str(BIN / "mkdocs"), "build", "--strict", *args, cwd=project)
    assert done.returncode == 0, done.stderr
    assert not [line for line in done.stderr.splitlines() if line.startswith("WARNING")], done.stderr
    return done.stderr


def _kb(project: Path) -> None:
    done = run(str(BIN / "aseankb"), "build", cwd=project)  # some generated seeds have no date
    assert done.returncode == 0, done.stderr


def _mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_dirty_build_after_new_and_removed_seed_equals_clean_build(project: Path) -> None:
    # 30 generated articles beside the samples: a new seed then leaves most article pages as
    # they were (with 5, it changes every one's related articles).
    assert gen_corpus.main(["30", str(project / "generated"), "--seed", "3"]) == 0
    for seed in (project / "generated").iterdir():
        shutil.move(seed, project / "seeds" / f"gen-{seed.name}")
    shutil.move(project / "seeds" / KEPT_ASIDE, project / KEPT_ASIDE)
    _kb(project)
    _site(project)
    before = _mtimes(project / "site")
    shutil.move(project / KEPT_ASIDE, project / "seeds" / KEPT_ASIDE)
    (project / "seeds" / REMOVED).unlink()
    _kb(project)
    log = _site(project, "--dirty")
    assert "only the pages changed since the last build are rendered" in log
    assert "outputs of pages and files now gone removed" in log
    after = _mtimes(project / "site")
    kept = [rel for rel in before.keys() & after.keys() if before[rel] == after[rel] and rel.startswith("articles/")]
    assert len(kept) >= 10, "a dirty build rendered the article pages again"
    assert before.keys() - after.keys(), "the removed seed's page stayed in the site"
    assert after.keys() - before.keys(), "the new seed's page is missing"
    _site(project, "-d", "clean")
    assert _tree(project / "site") == _tree(project / "clean")


def test_configuration_change_renders_everything(project: Path) -> None:
    _kb(project)
    _site(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Base de connaissances ASEAN", "site_name: Base ASEAN renommée"), encoding="utf-8")
    log = _site(project, "--dirty")
    assert "dirty build made in full (the configuration, theme, hooks or aseankb changed)" in log
    _site(project, "-d", "clean")
    assert _tree(project / "site") == _tree(project / "clean")
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "Base ASEAN renommée" in home


def test_theme_override_change_renders_everything(project: Path) -> None:
    _kb(project)
    _site(project)
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{#- edited -#}\n", encoding="utf-8")
    assert "dirty build made in full" in _site(project, "--dirty")


def test_site_written_by_something_else_renders_everything(project: Path) -> None:
    _kb(project)
    _site(project)
    home = project / "site" / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</body>", "<!-- Zensical -->\n</body>"), encoding="utf-8")
    log = _site(project, "--dirty")
    assert "dirty build made in full (the site folder was written by something else" in log
    assert "Zensical" not in home.read_text(encoding="utf-8")


def test_first_dirty_build_without_a_record_is_full(project: Path) -> None:
    _kb(project)
    (project / "site" / "stale.html").parent.mkdir(parents=True)
    (project / "site" / "stale.html").write_text("left by something else", encoding="utf-8")
    log = _site(project, "--dirty")
    assert "dirty build made in full (no record of a finished build into this folder)" in log
    assert not (project / "site" / "stale.html").exists()


def _run(tmp_path: Path, memory: dict | None = None) -> sitestate.Run:
    state = None if memory is not None else tmp_path / "state.json"
    return sitestate.Run(tmp_path / "site", state, "fp", memory=memory)


def test_start_gives_the_reason_for_a_full_build(tmp_path: Path) -> None:
    run_ = _run(tmp_path)
    assert sitestate.start(run_, True) == "no record of a finished build into this folder"
    run_.outputs = {"a/index.html"}
    sitestate.finish(run_)
    assert sitestate.start(_run(tmp_path), True) is None
    blocked = "an entry of mkdocs.yml's nav has no title"
    assert sitestate.start(_run(tmp_path), True, blocked) == blocked
    assert not (tmp_path / "state.json").exists(), "the record is forgotten before a full build"
    other = sitestate.Run(tmp_path / "site", tmp_path / "state.json", "changed")
    other.outputs = {"a/index.html"}
    sitestate.finish(other)
    assert sitestate.start(_run(tmp_path), True) == "the configuration, theme, hooks or aseankb changed"


def test_a_build_that_warned_is_not_trusted(tmp_path: Path) -> None:
    run_ = _run(tmp_path)
    sitestate.start(run_, True)
    logger = logging.getLogger("aseankb-test-dirty")
    logger.addHandler(run_.warnings)
    logger.warning("a page that warned")
    logger.removeHandler(run_.warnings)
    sitestate.finish(run_)
    assert json.loads((tmp_path / "state.json").read_text())["warnings"] == 1
    assert sitestate.start(_run(tmp_path), True) == "the last build logged warnings"


def test_finish_removes_what_is_gone_and_the_folders_it_empties(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for rel in ("a/b/index.html", "a/c/index.html", "sources/x.txt"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel)
    first = _run(tmp_path)
    first.outputs = {"a/b/index.html", "a/c/index.html", "sources/x.txt"}
    sitestate.finish(first)
    second = _run(tmp_path)
    assert sitestate.start(second, True) is None
    second.outputs = {"a/c/index.html"}
    assert sitestate.finish(second) == ["a/b/index.html", "sources/x.txt"]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["a", "a/c", "a/c/index.html"]


def test_serve_keeps_its_record_in_memory(tmp_path: Path) -> None:
    memory: dict = {}
    first = _run(tmp_path, memory)
    assert sitestate.start(first, True) == "no record of a finished build into this folder"
    sitestate.finish(first)
    assert sitestate.start(_run(tmp_path, memory), True) is None
    assert not os.listdir(tmp_path)  # nothing written to disk


def test_blocker() -> None:
    nav = [{"Accueil": "index.md"}]
    assert sitestate.blocker(nav, tags_export=False) is None
    assert "tags.json" in sitestate.blocker(nav, tags_export=True)
    assert "no title" in sitestate.blocker(["index.md"], tags_export=False)


def test_nav_titled() -> None:
    assert sitestate.nav_titled([{"Accueil": "index.md"}, {"Partie": [{"Page": "p.md"}]}])
    assert not sitestate.nav_titled([{"Accueil": "index.md"}, "autre.md"])
    assert not sitestate.nav_titled([{"Partie": ["p.md"]}])
    assert not sitestate.nav_titled(None)
