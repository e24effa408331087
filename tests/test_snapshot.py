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


def test_a_build_run_from_elsewhere_finds_the_same_result(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seeds are shown relative to the project wherever the build runs (audit 19: from another
    folder they were shown by full path, and every page that names one was rewritten)."""
    answers = _answers(monkeypatch)
    first = _build(Path("seeds"), Path("content"), Path(".aseankb-cache"))
    (project / "elsewhere").mkdir()
    monkeypatch.chdir(project / "elsewhere")
    moved = _build(project / "seeds", project / "content", project / ".aseankb-cache")
    assert answers == [False, True]
    assert moved.report() == first.report() and all(r.file.startswith("seeds/") for r in moved.results)


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


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)}


def test_a_build_that_records_no_result_leaves_none_of_an_earlier_one(project: Path) -> None:
    """Fifteenth audit: a build that saw a folder in seeds/ (its inputs cannot be keyed) wrote
    content/ but no record; with the folder and a new seed removed, the inputs were those of
    the build before it, whose record came back: "0 files written", the new seed's pages
    still published."""
    seeds, out, cache = Path("seeds"), Path("content"), Path(".aseankb-cache")
    _build(seeds, out, cache)
    cold = _tree(out)
    (seeds / "drafts").mkdir()
    (seeds / "new.txt").write_text((seeds / "002_884733fdc89a5b19.txt").read_text(encoding="utf-8")
                                   .replace("cybersécurité", "cybersécurité régionale") + "\nUn ajout.\n",
                                   encoding="utf-8")
    _build(seeds, out, cache)
    assert any("new.txt" in text.decode(errors="replace") for text in _tree(out).values())
    (seeds / "drafts").rmdir()
    (seeds / "new.txt").unlink()
    back = _build(seeds, out, cache)
    assert back.written and _tree(out) == cold


def test_a_renamed_seed_s_source_page_names_its_new_file(project: Path) -> None:
    """Fifteenth audit: a seed renamed keeping its id (a.txt -> a.md) kept its old name on its
    source page, while its article page named the new one."""
    seeds, out, cache = Path("seeds"), Path("content"), Path(".aseankb-cache")
    _build(seeds, out, cache)
    (seeds / "002_884733fdc89a5b19.txt").rename(seeds / "002_884733fdc89a5b19.md")
    _build(seeds, out, cache)
    page = (out / "sources" / "002-884733fdc89a5b19.html").read_text(encoding="utf-8")
    assert "seeds/002_884733fdc89a5b19.md" in page and ".txt" not in page


def test_the_cache_is_keyed_by_the_libraries_an_entry_keeps_the_answers_of(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fifteenth audit: after an upgrade of the word list (pyspellchecker) or of the slug rules,
    cached articles kept the old answers while new seeds got the new ones."""
    import importlib.metadata

    from aseankb import cache

    before = cache.version_key.__wrapped__()
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "99.0" if name == "pyspellchecker" else real(name))
    assert cache.version_key.__wrapped__() != before
