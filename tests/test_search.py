"""Search index and explorer data, without a browser (see test_browser.py for those)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter

from aseankb.cli import main
from aseankb.search import bucket_of, build_search_index, encode_postings, page_text, search_words

CALL_RE = re.compile(r"^window\.__kb\w+&&__kb\w+\.(\w+)\((.*)\);\n$", re.S)


def payload(path: Path) -> tuple[str, object]:
    m = CALL_RE.match(path.read_text(encoding="utf-8"))
    assert m, path
    return m.group(1), json.loads(m.group(2))


def test_words_fold_accents_elisions_plurals_and_ligatures() -> None:
    assert search_words("L’Économie d'énergie, œuvres à Hà Nội (CYBERSÉCURITÉ) 2025 réseaux") == \
        ["economie", "energie", "oeuvre", "ha", "noi", "cybersecurite", "2025", "reseau"]


def test_postings_encode_gaps_and_runs() -> None:
    assert encode_postings([0, 1, 2, 3]) == "1*4"
    assert encode_postings([5, 40, 41, 42, 100]) == "6,z,1*2,1m"


def test_page_text_reads_only_the_marked_body() -> None:
    html = """<html><head><title>T</title><script>var x = "menu";</script></head><body>
    <nav>Menu Partenaires</nav>
    <div data-kb-search><article><h1>Corée <em>du</em> Sud</h1>
      <div class="kb-meta"><p>Date : 2019</p></div>
      <p>L’ASEAN et la Corée.<br>Deuxième ligne</p><script>ignored()</script>
      <div data-kb-search-ignore>caché</div><p>Fin</p></article></div>
    <footer>Pied</footer></body></html>"""
    title, text, teaser = page_text(html)
    assert title == "Corée du Sud"
    assert text == "Corée du Sud Date : 2019 L’ASEAN et la Corée. Deuxième ligne Fin"
    assert teaser == "L’ASEAN et la Corée. Deuxième ligne Fin"
    assert page_text("<html><body><p>pas indexée</p></body></html>") is None


def test_index_maps_words_to_pages(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "index.html").write_text("<div data-kb-search><h1>Accueil</h1><p>Économies</p></div>")
    (tmp_path / "articles" / "b.html").write_text(
        "<div data-kb-search><h1>La Corée</h1><p>L’économie d’énergie &lt;/script&gt;</p></div>")
    (tmp_path / "articles" / "skip.html").write_text("<p>économie</p>")
    stats = build_search_index(tmp_path, log=lambda m: None)
    out = tmp_path / "kb-search"
    assert stats.pages == 2
    _, meta = payload(out / "meta.js")
    assert meta["docs"] == 2
    # Articles come first: their numbers break ties, newest first.
    assert payload(out / "d-0.js")[1][:3] == [0, "articles/b.html", "La Corée"]
    assert payload(out / "d-1.js")[1][:3] == [1, "index.html", "Accueil"]
    assert "<\\/script>" in (out / "d-0.js").read_text()
    _, (key, vocab) = payload(out / "v-ec.js")
    assert key == "ec" and vocab == {"economie": 2}
    _, (_, entries) = payload(out / f"b-{bucket_of('coree', meta['buckets'])}.js")
    assert entries["coree"] == "1" and entries["^coree"] == "1"


def test_explorer_data_matches_the_articles(built: Path) -> None:
    content = built / "content"
    arts = [frontmatter.load(p) for p in sorted(content.glob("articles/*/*.md"))]
    _, facets = payload(content / "assets" / "explorer" / "facets.js")
    assert len(facets["articles"]) == len(arts)
    assert sum(n for _, n in facets["years"]) == len(arts)
    partner_ids = [p[0] for p in facets["partners"]]
    domain_ids = [d[0] for d in facets["domains"]]
    seen = []
    for key, _count in facets["years"]:
        _, (year, rows) = payload(content / "assets" / "explorer" / f"y-{key}.js")
        assert year == key
        seen += [(key, slug, title) for slug, title, _date in rows]
    assert len(seen) == len(arts)
    for (key, slug, title), row in zip(seen, facets["articles"], strict=True):
        art = frontmatter.load(content / "articles" / key / f"{slug}.md")
        assert facets["years"][row[0]][0] == key
        assert [partner_ids[i] for i in row[1]] == art["partners"]
        assert [domain_ids[i] for i in row[2]] == art["domains"]
        assert art["title"] == title or art["title"] == title.replace("&", "&amp;").replace("<", "&lt;")


def test_search_index_cli_needs_a_built_site(tmp_path: Path, capsys) -> None:
    assert main(["search-index", "--site", str(tmp_path / "nothing")]) == 2
    assert "no built site" in capsys.readouterr().err
