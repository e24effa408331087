"""Search index and explorer data, without a browser (see test_browser.py for those)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter

from aseankb.cli import main
from aseankb.search import build_offline_index, page_text, search_words

CALL_RE = re.compile(r"^window\.__kb\w+&&__kb\w+\.(\w+)\((.*)\);\n$", re.S)


def payload(path: Path) -> tuple[str, object]:
    m = CALL_RE.match(path.read_text(encoding="utf-8"))
    assert m, path
    return m.group(1), json.loads(m.group(2))


def test_words_fold_accents_elisions_and_ligatures() -> None:
    assert search_words("L’Économie d'énergie, œuvre à Hà Nội (CYBERSÉCURITÉ) 2025") == \
        ["economie", "energie", "oeuvre", "ha", "noi", "cybersecurite", "2025"]


def test_page_text_reads_only_the_marked_body() -> None:
    html = """<html><head><title>T</title><script>var x = "menu";</script></head><body>
    <nav>Menu Partenaires</nav>
    <div data-pagefind-body><article><h1>Corée <em>du</em> Sud</h1>
      <p>L’ASEAN et la Corée.<br>Deuxième ligne</p><script>ignored()</script>
      <div data-pagefind-ignore>caché</div><p>Fin</p></article></div>
    <footer>Pied</footer></body></html>"""
    title, text = page_text(html)
    assert title == "Corée du Sud"
    assert text == "Corée du Sud L’ASEAN et la Corée. Deuxième ligne Fin"
    assert page_text("<html><body><p>pas indexée</p></body></html>") is None


def test_offline_index_maps_words_to_pages(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<div data-pagefind-body><h1>Accueil</h1><p>Économie</p></div>")
    (tmp_path / "a" / "b.html").write_text(
        "<div data-pagefind-body><h1>La Corée</h1><p>L’économie d’énergie &lt;/script&gt;</p></div>")
    (tmp_path / "a" / "skip.html").write_text("<p>économie</p>")
    assert build_offline_index(tmp_path) == 2
    kind, docs = payload(tmp_path / "search-offline" / "docs.js")
    assert kind == "docs"
    assert [d[:2] for d in docs] == [["a/b.html", "La Corée"], ["index.html", "Accueil"]]
    assert "<\\/script>" in (tmp_path / "search-offline" / "docs.js").read_text()
    _, (key, words) = payload(tmp_path / "search-offline" / "t-ec.js")
    assert key == "ec" and words == {"economie": [0, 1]}
    _, (_, words) = payload(tmp_path / "search-offline" / "t-en.js")
    assert words == {"energie": [0]}


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
