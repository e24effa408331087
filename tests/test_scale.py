"""Incremental builds, the extraction cache, parallel ingestion and the corpus generator.

Small corpora (~50 generated seeds) keep these fast; speed itself is measured by
scripts/benchmark.py, not asserted here.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
import yaml

import aseankb.build as build_module
import aseankb.pipeline as build_mod  # where seeds are extracted
from aseankb import cache as cache_mod
from aseankb.build import build

ROOT = Path(__file__).resolve().parents[1]


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "scripts" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen_corpus = _load_generator()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (cwd) with 50 generated seeds in seeds/."""
    monkeypatch.chdir(tmp_path)
    assert gen_corpus.main(["50", str(tmp_path / "seeds"), "--seed", "7"]) == 0
    return tmp_path


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the seeds extracted (in this process) since the fixture started."""
    seen: list[str] = []
    real = build_mod.extract

    def counting(cleaned, *, file_name, source, tax):
        seen.append(file_name)
        return real(cleaned, file_name=file_name, source=source, tax=tax)
    monkeypatch.setattr(build_mod, "extract", counting)
    return seen


def _build(root: Path, **kwargs):
    return build(root / "seeds", root / "content", log=lambda m: None, workers=1, **kwargs)


def test_generator_is_deterministic(tmp_path: Path) -> None:
    for name, args in (("a", ["40", "--seed", "3"]), ("b", ["40", "--seed", "3"]), ("c", ["40", "--seed", "4"]),
                       ("d", ["25", "--seed", "3"])):
        assert gen_corpus.main([args[0], str(tmp_path / name), *args[1:]]) == 0
    a, b, c, d = (_tree(tmp_path / n) for n in "abcd")
    assert a == b and len(a) == 40
    assert set(a).isdisjoint(c), "another seed gives other articles"
    assert d == {k: v for k, v in a.items() if int(k[:6]) < 25}, "article i depends only on (seed, i)"


def test_generator_varies_layouts_partners_and_dates(corpus: Path) -> None:
    outcome = _build(corpus)
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "seeds").iterdir())]
    assert any(t.startswith(" date ") for t in texts)
    assert any("(VNA) -" in t.split("\n", 1)[0] for t in texts), "some open with a dateline"
    assert any("Photo" in t.split("\n", 1)[0] for t in texts), "some open with a photo caption"
    pages = [r.page for r in outcome.results if r.page]
    assert len({p.split("/")[1] for p in pages}) >= 5, "articles spread over years"
    # Some carry no date line and no dateline: their year must come from the text, if at all.
    assert any(not t.startswith(" date ") and "(VNA) -" not in t.split("\n", 1)[0] for t in texts)
    partner_pages = [p for p in (corpus / "content" / "partenaires").glob("*.md") if p.name != "index.md"]
    assert sum("Aucun article" not in p.read_text(encoding="utf-8") for p in partner_pages) >= 6


def test_rebuild_with_nothing_new_extracts_and_writes_nothing(corpus: Path, extractions: list[str]) -> None:
    first = _build(corpus)
    assert len(extractions) == 50 and first.written
    extractions.clear()
    again = _build(corpus)
    assert extractions == [] and again.written == [] and again.removed == []
    assert again.report() == first.report()


def test_one_new_seed_extracts_one_and_rewrites_only_its_lists(corpus: Path, extractions: list[str]) -> None:
    _build(corpus)
    content = corpus / "content"
    before = {p.relative_to(content).as_posix(): p.read_text(encoding="utf-8")
              for p in content.glob("articles/*/*.md")}
    extractions.clear()
    new = gen_corpus.Generator(ROOT / "seeds", 7).article(999)
    (corpus / "seeds" / "zz-new.txt").write_text(new, encoding="utf-8")
    outcome = _build(corpus)
    assert extractions == ["zz-new.txt"]
    result = next(r for r in outcome.results if r.file.endswith("zz-new.txt"))
    written = set(outcome.written)
    assert result.page in written and any(w.startswith("sources/") for w in written)
    assert "index.md" in written and f"annees/{result.page.split('/')[1]}.md" in written
    assert len([w for w in written if w.startswith("sources/")]) == 1, "no other source is rewritten"
    others = [w for w in written if w.startswith("articles/") and w != result.page]
    # Another article's page is rewritten only when its "À lire aussi" list changed (it rests on
    # corpus-wide word statistics): everything above that section is as it was.
    marker = "## À lire aussi"
    for w in others:
        now = (content / w).read_text(encoding="utf-8")
        assert before[w].split(marker)[0].rstrip() == now.split(marker)[0].rstrip(), w
    assert len(others) <= 25, "related lists change for a minority of articles"
    # The meetings it reports list it on their series' pages (this one names "la Conférence des
    # ministres des Affaires étrangères de l'ASEAN" in September 2018: the 51st AMM).
    front = yaml.safe_load((content / result.page).read_text(encoding="utf-8").split("---\n")[1])
    meetings = {f"reunions/{e.rpartition('-')[0]}.md" for e in front.get("events", [])} | {"reunions/index.md"}
    assert all(w.startswith(("articles/", "sources/", "partenaires/", "domaines/", "annees/", "matrice/",
                             "personnes/", "feeds/", "assets/explorer/"))
               or w in ("index.md", "rapport.md", "matrice.md") or w in meetings for w in written), written


def test_a_build_with_nothing_new_answers_from_the_last_one(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same seeds, content/ untouched: the last result, its messages and report, without
    loading the cache; any change of input or output means a real build again."""
    (corpus / "seeds" / "empty.txt").write_bytes(b"")  # skipped, with a message
    report = corpus / "report.json"
    first = _build(corpus, report_file=report)
    first_report = report.read_bytes()
    report.unlink()
    def no_cache(*args, **kwargs):
        raise AssertionError("the cache was loaded")
    monkeypatch.setattr(build_module, "Cache", no_cache)
    said: list[str] = []
    again = build(corpus / "seeds", corpus / "content", log=said.append, workers=1, report_file=report)
    assert again.written == again.removed == [] and again.report() == first.report()
    assert report.read_bytes() == first_report and any("empty.txt" in m for m in said)
    assert again.search is not None and len(again.search.articles) == len(first.search.articles)
    page = next(r.page for r in first.results if r.page)
    for change in ("edit a page", "new seed"):
        if change == "edit a page":
            (corpus / "content" / page).write_text("edited", encoding="utf-8")
        else:
            (corpus / "seeds" / "zz.txt").write_text(gen_corpus.Generator(ROOT / "seeds", 3).article(5),
                                                    encoding="utf-8")
        with pytest.raises(AssertionError, match="the cache was loaded"):
            _build(corpus)


def test_incremental_builds_match_a_build_from_scratch(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """List pages are rendered only when their key changes: after new, edited and removed
    seeds, content/ and the search index's data are those of a build without cache."""
    import aseankb.render.pages as pages_mod
    rendered: list[str] = []
    profile = pages_mod.partner_profile

    def counting(pid, *args):
        rendered.append(pid)
        return profile(pid, *args)
    monkeypatch.setattr(pages_mod, "partner_profile", counting)
    _build(corpus)
    partners = len(rendered)
    seeds = corpus / "seeds"
    gen = gen_corpus.Generator(ROOT / "seeds", 5)
    steps = [lambda: (seeds / "zz-new.txt").write_text(gen.article(900), encoding="utf-8"),
             lambda: (seeds / sorted(os.listdir(seeds))[3]).write_text(gen.article(901), encoding="utf-8"),
             lambda: (seeds / sorted(os.listdir(seeds))[7]).unlink()]
    for step in steps:
        step()
        rendered.clear()
        outcome = _build(corpus)
        assert 0 < len(rendered) < partners / 2, "only the changed partners' pages are rendered"
        plain = build(seeds, corpus / "plain", log=lambda m: None, cache_dir=None, workers=1)
        assert _tree(corpus / "content") == _tree(corpus / "plain")
        assert outcome.search.fronts == plain.search.fronts
        shutil.rmtree(corpus / "plain")


def test_cached_parallel_and_plain_builds_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    gen_corpus.main(["50", str(tmp_path / "seeds"), "--seed", "11"])
    shutil.copy(ROOT / "seeds" / "002_884733fdc89a5b19.txt", tmp_path / "seeds" / "dup-a.txt")
    shutil.copy(ROOT / "seeds" / "002_884733fdc89a5b19.txt", tmp_path / "seeds" / "dup-b.txt")
    (tmp_path / "seeds" / "empty.txt").write_bytes(b"")
    plain = build(tmp_path / "seeds", tmp_path / "plain", log=lambda m: None, cache_dir=None, workers=1)
    monkeypatch.setattr(build_mod, "PARALLEL_MIN", 1)
    cold = build(tmp_path / "seeds", tmp_path / "content", log=lambda m: None, workers=2)
    shutil.rmtree(tmp_path / "content")  # everything back from the cache (blobs)
    warm = build(tmp_path / "seeds", tmp_path / "content", log=lambda m: None, workers=2)
    assert _tree(tmp_path / "plain") == _tree(tmp_path / "content")
    assert plain.report() == cold.report() == warm.report()
    assert plain.summary["duplicate"] == 1 and plain.summary["skipped"] == 1


def test_lost_blobs_are_extracted_again(corpus: Path) -> None:
    _build(corpus)
    first = _tree(corpus / "content")
    for blobs in (corpus / ".aseankb-cache").glob("*/blobs"):
        shutil.rmtree(blobs)
    shutil.rmtree(corpus / "content")
    _build(corpus)
    assert _tree(corpus / "content") == first


def test_removing_the_original_promotes_its_duplicate(corpus: Path) -> None:
    seeds = corpus / "seeds"
    shutil.copy(ROOT / "seeds" / "004_776bf37a9f12beca.txt", seeds / "a-original.txt")
    shutil.copy(ROOT / "seeds" / "004_776bf37a9f12beca.txt", seeds / "b-copy.txt")
    first = _build(corpus)
    assert {r.file.rsplit("/", 1)[-1]: r.status for r in first.results}["b-copy.txt"] == "duplicate"
    (seeds / "a-original.txt").unlink()
    second = _build(corpus)
    status = {r.file.rsplit("/", 1)[-1]: r for r in second.results}["b-copy.txt"]
    assert status.status == "ingested" and status.duplicate_of is None and not status.messages
    assert (corpus / "content" / status.page).is_file()


def test_corrections_between_cached_builds_match_a_build_without_cache(corpus: Path) -> None:
    """Pages are keyed by the metadata hash cached at extraction: an editor's correction,
    added, changed or removed, must still reach the pages (and the lists) on a rebuild."""
    first = _build(corpus)
    pages = {r.page for r in first.results if r.page}
    ids = [m.split("id: ", 1)[1].split("\n", 1)[0].strip("'\"") for p in sorted(pages)
           for m in [(corpus / "content" / p).read_text(encoding="utf-8")]]
    assert len(ids) > 1
    overrides = corpus / "seeds" / "overrides.yaml"
    for text in (f"{ids[0]}:\n  title: Titre corrigé\n  date: 2001-02\n",
                 f"{ids[0]}:\n  title: Autre titre\n{ids[1]}:\n  domains: [sante]\n", None):
        if text is None:
            overrides.unlink()
        else:
            overrides.write_text(text, encoding="utf-8")
        _build(corpus)
        build(corpus / "seeds", corpus / "plain", log=lambda m: None, cache_dir=None, workers=1)
        assert _tree(corpus / "content") == _tree(corpus / "plain"), text
        shutil.rmtree(corpus / "plain")


def test_edited_or_deleted_pages_are_restored_without_extraction(corpus: Path, extractions: list[str]) -> None:
    first = _build(corpus)
    page = next(r.page for r in first.results if r.page)
    original = (corpus / "content" / page).read_bytes()
    (corpus / "content" / page).write_bytes(original.replace(b"ASEAN", b"XXXXX"))
    source = next((corpus / "content" / "sources").iterdir())
    source.unlink()
    extractions.clear()
    again = _build(corpus)
    assert extractions == []
    assert (corpus / "content" / page).read_bytes() == original and source.is_file()
    assert set(again.written) == {page, source.relative_to(corpus / "content").as_posix()}


def test_a_code_or_taxonomy_change_invalidates_the_cache(corpus: Path, extractions: list[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _build(corpus)
    extractions.clear()
    monkeypatch.setattr(cache_mod, "version_key", lambda: "another-version-key!")
    again = _build(corpus)
    assert len(extractions) == 50 and again.written == []  # the same code renders the same pages
    versions = [p.name for p in (corpus / ".aseankb-cache").iterdir() if p.is_dir()]
    assert versions == ["another-version-key!"], "older cache versions are dropped"


def test_new_rendering_code_reaches_every_page(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade changes the version key and may render the same inputs differently: the
    article pages are not kept on the strength of their inputs alone."""
    import aseankb.render.article as article_mod
    first = _build(corpus)
    monkeypatch.setattr(cache_mod, "version_key", lambda: "another-version-key!")
    plain = article_mod.provenance_blocks
    monkeypatch.setattr(article_mod, "provenance_blocks", lambda art, tax: [*plain(art, tax), ["**Nouveau :** oui"]])
    again = _build(corpus)
    pages = {r.page for r in first.results if r.page}
    assert pages <= set(again.written)
    assert all("Nouveau" in (corpus / "content" / p).read_text(encoding="utf-8") for p in pages)


def test_version_key_covers_code_and_taxonomy() -> None:
    files = {p.relative_to(cache_mod.PACKAGE_DIR).as_posix() for p in cache_mod.PACKAGE_DIR.rglob("*")
             if p.is_file() and p.suffix in (".py", ".yaml", ".txt")}
    assert {"extract/entities.py", "data/partners.yaml", "data/domains.yaml", "render/article.py"} <= files
    assert len(cache_mod.version_key()) == 20


def test_a_corrupt_cache_is_an_empty_one(corpus: Path, extractions: list[str]) -> None:
    _build(corpus)
    for f in (corpus / ".aseankb-cache").rglob("*.pickle"):
        f.write_bytes(b"not a pickle")
    extractions.clear()
    shutil.rmtree(corpus / "content")
    again = _build(corpus)
    assert len(extractions) == 50 and len(again.written) > 100


def test_unchanged_seeds_are_not_read_but_an_edit_is_seen_even_with_mtime_set_back(
        corpus: Path, extractions: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _build(corpus)
    reads: list[str] = []
    real_read = build_mod.read_seed
    monkeypatch.setattr(build_mod, "read_seed", lambda p: reads.append(p.name) or real_read(p))
    extractions.clear()
    _build(corpus)
    assert reads == [] and extractions == []  # recognised from a stat: neither read nor hashed
    seed = sorted((corpus / "seeds").iterdir())[3]
    before = seed.stat()
    data = seed.read_bytes()
    seed.write_bytes(data.replace(b"ASEAN", b"ANASE", 1))  # same size
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old mtime
    out = _build(corpus)
    assert seed.name in reads and extractions.count(seed.name) == 1
    assert any("ANASE" in (corpus / "content" / rel).read_text() for rel in out.written if rel.endswith(".html"))
