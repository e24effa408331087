"""A build with nothing new returns the last build's result (snapshot.py), however the
seeds folder is spelled: `aseankb build` says `seeds`, the MkDocs hook its absolute path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aseankb import build as build_mod
from aseankb import snapshot


def _answers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each later build was answered from the snapshot."""
    found: list[bool] = []
    load = snapshot.load

    def recording(*args, **kwargs):
        result = load(*args, **kwargs)
        found.append(result is not None)
        return result

    monkeypatch.setattr(snapshot, "load", recording)
    return found


def _build(seeds: Path, out: Path, cache: Path) -> build_mod.BuildResult:
    return build_mod.build(seeds, out, log=lambda m: None, cache_dir=cache)


def test_the_hook_finds_the_result_of_the_cli(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = _answers(monkeypatch)
    first = _build(Path("seeds"), Path("content"), Path(".aseankb-cache"))  # as `aseankb build`
    again = _build(project / "seeds", project / "content", project / ".aseankb-cache")  # as the hook
    assert answers == [False, True]
    assert again.report() == first.report()
    _build(Path("seeds"), Path("content"), Path(".aseankb-cache"))
    assert answers == [False, True, True]


def test_a_report_shown_from_elsewhere_is_built_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = _answers(monkeypatch)
    _build(Path("seeds"), Path("content"), Path(".aseankb-cache"))
    (project / "elsewhere").mkdir()
    monkeypatch.chdir(project / "elsewhere")  # outside the working folder: seeds shown by full path
    moved = _build(project / "seeds", project / "content", project / ".aseankb-cache")
    assert answers == [False, False]
    assert all(r.file.startswith(f"{(project / 'seeds').resolve()}/") for r in moved.results)


def _shares(project: Path) -> list[Path]:
    return sorted((project / ".aseankb-cache").glob(f"last-*{snapshot.ARTICLES_MARK}*"))


def test_the_search_share_is_written_beside_and_read_only_when_asked(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = _answers(monkeypatch)
    first = _build(Path("seeds"), Path("content"), Path(".aseankb-cache"))
    shares = _shares(project)
    assert len(shares) == 1
    # Named by the process that wrote it: the build's forked one, not the build's own.
    assert int(shares[0].name.split(snapshot.ARTICLES_MARK)[1].split("-")[0]) != os.getpid()
    again = _build(project / "seeds", project / "content", project / ".aseankb-cache")  # as the hook
    assert answers == [False, True]
    assert again.search == first.search and again.search.articles
    # `aseankb build` has no use for it: answered from the small record, the share unread.
    shares[0].unlink()
    cli_like = build_mod.build(Path("seeds"), Path("content"), log=lambda m: None,
                               cache_dir=Path(".aseankb-cache"), search=False)
    assert answers == [False, True, True] and cli_like.search is None
    assert cli_like.report() == first.report()
    # The hook needs it: without it, the build is done again (writing nothing) and recorded anew.
    hook = _build(project / "seeds", project / "content", project / ".aseankb-cache")
    assert answers == [False, True, True, False]
    assert hook.search == first.search and hook.written == []
    assert len(_shares(project)) == 1


def test_a_new_record_removes_the_share_of_the_last(project: Path) -> None:
    _build(Path("seeds"), Path("content"), Path(".aseankb-cache"))
    before = _shares(project)
    seed = sorted(Path("seeds").glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes() + b"\nUne phrase de plus.\n")
    _build(Path("seeds"), Path("content"), Path(".aseankb-cache"))
    after = _shares(project)
    assert len(before) == len(after) == 1 and before != after
