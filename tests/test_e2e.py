"""End to end: `aseankb build` then a real `mkdocs build --strict` on a copy of the project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import frontmatter
import yaml
from bs4 import BeautifulSoup

BIN = Path(sys.executable).parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # Material prints an end-of-life banner that mentions "warning"; it is not a build warning.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


def test_build_then_mkdocs_strict(project: Path) -> None:
    first = run(str(BIN / "aseankb"), "build", "--strict", "--report", "report.json", cwd=project)
    assert first.returncode == 0, first.stderr
    assert "WARNING" not in first.stderr and "SKIPPED" not in first.stderr
    report = json.loads((project / "report.json").read_text(encoding="utf-8"))
    assert report["summary"] == {"ingested": 5, "warning": 0, "duplicate": 0, "skipped": 0}
    content = project / "content"
    articles = sorted(content.glob("articles/*/*.md"))
    assert len(articles) == 5
    taxonomy = yaml.safe_load((Path(__file__).parent / "data" / "taxonomy-ids.yaml").read_text())
    for pid in taxonomy["partners"]:
        assert (content / "partenaires" / f"{pid}.md").is_file()
    for did in taxonomy["domains"]:
        assert (content / "domaines" / f"{did}.md").is_file()
    years = {frontmatter.load(a)["year"] for a in articles}
    assert {p.stem for p in (content / "annees").glob("*.md")} == {str(y) for y in years} | {"index"}

    site = run(str(BIN / "mkdocs"), "build", "--strict", cwd=project)
    assert site.returncode == 0, site.stderr
    assert "WARNING" not in site.stderr
    for a in articles:
        rel = a.relative_to(content).with_suffix("")
        html = (project / "site" / rel / "index.html").read_text(encoding="utf-8")
        assert frontmatter.load(a)["source"] in html
        # "Aller au contenu" leads to the article's title, not past its text to "À lire aussi"
        # (fifteenth audit): the title is the first entry of the page's table of contents.
        assert '<h1 id="titre"' in html and '<a href="#titre" class="md-skip">' in html, rel
        # French typography (audit D1): the labels' colons stay on their line.
        assert "<strong>Date\u00a0:</strong>" in html and "<strong>Date :</strong>" not in html, rel
        # The footer links to the build report it mentions (user audit: it was plain text).
        footer = BeautifulSoup(html, "html.parser").select_one(".md-copyright a")
        assert footer.get_text() == "rapport de construction"
        assert (project / "site" / rel / footer["href"] / "index.html").resolve() == \
            (project / "site" / "rapport" / "index.html").resolve()
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "5 articles" in home and "fonts.googleapis" not in home
    # Each table's first column is its rows' headers: a screen reader names a cell's row.
    for rel in ("matrice", "partenaires", "domaines", "annees", "reunions", ""):
        soup = BeautifulSoup((project / "site" / rel / "index.html").read_text(encoding="utf-8"), "html.parser")
        rows = soup.select("article table tbody tr")
        assert rows and all(r.find(["th", "td"]).name == "th" and r.th["scope"] == "row" for r in rows), rel
        assert all(th.get("scope") == "col" for th in soup.select("article table thead th")), rel
    # French throughout: no theme text in English in the footer or on the 404 page.
    missing = (project / "site" / "404.html").read_text(encoding="utf-8")
    assert '<h1 id="kb-introuvable">Page introuvable</h1>' in missing and 'href="/.">Retour' in missing
    assert "<title>Page introuvable - Base de connaissances ASEAN</title>" in missing
    for page in (home, missing):
        assert "Made with" not in page and "Not found" not in page


def test_second_build_writes_nothing(project: Path) -> None:
    assert run(str(BIN / "aseankb"), "build", cwd=project).returncode == 0
    before = {p: p.stat().st_mtime_ns for p in (project / "content").rglob("*") if p.is_file()}
    again = run(str(BIN / "aseankb"), "build", cwd=project)
    assert again.returncode == 0
    after = {p: p.stat().st_mtime_ns for p in (project / "content").rglob("*") if p.is_file()}
    assert before == after
    assert "0 files written, 0 removed" in again.stdout


def test_removed_seed_removes_its_page(project: Path) -> None:
    assert run(str(BIN / "aseankb"), "build", "--report", "r.json", cwd=project).returncode == 0
    report = json.loads((project / "r.json").read_text())
    gone = report["seeds"][0]
    (project / gone["file"]).unlink()
    out = run(str(BIN / "aseankb"), "build", cwd=project)
    assert out.returncode == 0
    assert not (project / "content" / gone["page"]).exists()
    assert len(list((project / "content").glob("articles/*/*.md"))) == 4
