"""End to end: profiles, matrix, people, related articles, feeds and overrides on a real
`aseankb build --strict` then `mkdocs build --strict` of a copy of the project."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import frontmatter
from bs4 import BeautifulSoup

from aseankb.render.feeds import ATOM
from test_e2e import BIN, run

SITE_URL = "https://kb.example.org/base/"
A = f"{{{ATOM}}}"
OVERRIDES = """\
# Corrections de la rédaction
003-5292cdc5e338b460:
  title: Bilan de l'année de l'ASEAN (titre corrigé)
  date: 2024-05
  partners: [chine]
  domains: [sante, securite]
"""


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _target(site: Path, page_dir: str, href: str) -> Path:
    """The file a relative link of a directory-URL page points to."""
    path = (site / page_dir / href.split("#")[0]).resolve()
    return path / "index.html" if href.endswith("/") or path.is_dir() else path


def _build(project: Path) -> Path:
    (project / "seeds" / "overrides.yaml").write_text(OVERRIDES, encoding="utf-8")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("site_name:", f"site_url: {SITE_URL}\nsite_name:", 1),
                   encoding="utf-8")
    out = run(str(BIN / "aseankb"), "build", "--strict", "--report", "report.json", cwd=project)
    assert out.returncode == 0, out.stderr
    site = run(str(BIN / "mkdocs"), "build", "--strict", cwd=project)
    assert site.returncode == 0 and "WARNING" not in site.stderr, site.stderr
    return project / "site"


def test_explore_pages_end_to_end(project: Path) -> None:
    site = _build(project)
    content = project / "content"
    report = json.loads((project / "report.json").read_text(encoding="utf-8"))
    pages = {e["file"]: e["page"] for e in report["seeds"]}
    corrected = frontmatter.load(content / pages["seeds/003_5292cdc5e338b460.txt"])
    assert corrected["date_source"] == "override" and corrected["date"] == "2024-05-01"
    assert corrected["partners"] == ["chine"] and corrected["domains"] == ["sante", "securite"]
    assert "titre corrigé" in corrected["title"]
    chine = _soup(site, "partenaires/chine")
    assert "titre corrigé" in chine.get_text()
    svg = chine.select_one("figure.kb-figure svg[role=img]")
    assert svg is not None and svg.find("title").get_text() == "Chine\u00a0: articles par année"
    assert chine.select_one("figure.kb-figure table caption") is not None

    # Every article: related articles that exist, people pages, the raw source.
    for page in pages.values():
        rel = page.removesuffix(".md")
        soup = _soup(site, rel)
        heading = soup.find("h2", id="a-lire-aussi")
        assert heading is not None, page
        links = [a["href"] for a in heading.find_next("ul").find_all("a")]
        assert links and all(_target(site, rel, h).is_file() for h in links), page
        for person in frontmatter.load(content / page)["people"]:
            assert soup.find("a", string=person) is not None
        source = soup.find("a", string="texte brut d'origine")
        assert _target(site, rel, source["href"]).is_file()

    # Profiles: partner page with officials and feed; domain page with its partners.
    korea = _soup(site, "partenaires/coree-du-sud")
    officials = []  # the partner's own, one a line, then the others
    for el in korea.find("h2", id="personnalites-citees").find_next_siblings():
        if el.name == "h2":
            break
        officials += el.find_all("a")
    assert officials and all(_target(site, "partenaires/coree-du-sud", a["href"]).is_file() for a in officials)
    assert korea.find("a", string="flux Atom")["href"].endswith("feeds/coree-du-sud.xml")
    cyber = _soup(site, "domaines/cybersecurite")
    assert cyber.find("h2", id="partenaires") and cyber.select_one("svg[role=img]")

    # Matrix: every cell links to a page listing exactly that many articles.
    matrix = _soup(site, "matrice")
    cells = [a for a in matrix.select("td a") if a.get_text().isdigit()]
    assert cells
    for a in cells:
        target = _target(site, "matrice", a["href"])
        listed = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").select("article li a")
        assert len(listed) == int(a.get_text()), a["href"]

    # People index lists every person page.
    people = _soup(site, "personnes")
    assert len(people.select("article li a")) == len(list((content / "personnes").glob("*.md"))) - 1

    # Feeds: valid Atom, absolute links (site_url) that exist in the built site.
    for feed in sorted((site / "feeds").glob("*.xml")):
        root = ET.parse(feed).getroot()
        for link in root.iter(f"{A}link"):
            href = link.get("href")
            assert href.startswith(SITE_URL)
            assert _target(site, "", href.removeprefix(SITE_URL)).is_file(), href


def test_bad_override_is_a_config_error_naming_file_and_line(project: Path) -> None:
    (project / "seeds" / "overrides.yaml").write_text(
        "003-5292cdc5e338b460:\n  partners: [chine]\n  domains:\n    - sante\n    - peche\n", encoding="utf-8")
    out = run(str(BIN / "aseankb"), "build", cwd=project)
    assert out.returncode == 2
    assert "seeds/overrides.yaml:5: 003-5292cdc5e338b460.domains: unknown id 'peche'" in out.stderr
    (project / "content").mkdir(exist_ok=True)  # MkDocs checks docs_dir before the hook runs
    site = run(str(BIN / "mkdocs"), "build", "--strict", cwd=project)  # the hook says the same, no traceback
    assert site.returncode != 0 and "seeds/overrides.yaml:5:" in site.stderr and "Traceback" not in site.stderr


def test_corrected_date_moves_the_page_in_the_report_duplicates_included(project: Path) -> None:
    seeds = project / "seeds"
    (seeds / "zz_copy.txt").write_bytes((seeds / "003_5292cdc5e338b460.txt").read_bytes())
    (seeds / "overrides.yaml").write_text("003-5292cdc5e338b460:\n  date: 2021-03-04\n", encoding="utf-8")
    assert run(str(BIN / "aseankb"), "build", "--report", "r.json", cwd=project).returncode == 0
    report = {e["file"]: e for e in json.loads((project / "r.json").read_text(encoding="utf-8"))["seeds"]}
    page = report["seeds/003_5292cdc5e338b460.txt"]["page"]
    assert page.startswith("articles/2021/") and (project / "content" / page).is_file()
    assert report["seeds/zz_copy.txt"]["status"] == "duplicate" and report["seeds/zz_copy.txt"]["page"] == page
    assert frontmatter.load(project / "content" / page)["date_source"] == "override"
