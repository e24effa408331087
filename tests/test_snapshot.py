"""A build with nothing new returns the last build's result (snapshot.py), however the
seeds folder is spelled: `aseankb build` says `seeds`, the MkDocs hook its absolute path."""

from __future__ import annotations

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
