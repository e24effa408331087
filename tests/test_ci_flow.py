"""The CI flow, run locally: the workflow's own build steps on a copy of the project, before
and after a new seed lands. Only the pages the new article belongs on may change."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import frontmatter
import yaml
from bs4 import BeautifulSoup

from publishing import BIN, NEW_SEED_NAME, WORKFLOW, add_new_seed, build_steps, run_ci_build, tree_hashes

BASE = "http://site.invalid/"


def site_links(site: Path, page_url: str) -> set[str]:
    """Every link of a built page, as an absolute URL (the page lives at BASE + page_url)."""
    html = (site / page_url / "index.html").read_text(encoding="utf-8")
    base = urljoin(BASE, page_url)
    return {urljoin(base, a["href"]).split("#")[0] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)}


def expected_changes(page: str, art: frontmatter.Post) -> tuple[set[str], set[str]]:
    """What one new article may add and change in content/, and why:
    - added: its page, its raw source (published with the site), and its year page when the
      year is new;
    - changed: the home page (count, span, latest articles), the build report page (counts),
      every partner page it is about or mentions and every domain page it is filed under
      (their lists), its year page if it existed, the three index pages and the partner x
      domain matrix (their counts), the Explorer's facet data (every article's year, partners
      and domains, by position);
      and the writer's manifest (the list of generated files, not a page), which gains the new files.
    Any other page may change only if it lists the new article itself (checked by the test)."""
    year = str(art["year"])
    added = {page, f"sources/{art['id']}.html"}
    changed = {".aseankb-manifest.json", "index.md", "rapport.md", "partenaires/index.md", "domaines/index.md",
               "annees/index.md", f"annees/{year}.md", "matrice.md", "assets/explorer/facets.js"}
    changed |= {f"partenaires/{p}.md" for p in art["partners"] + art["partners_mentioned"]}
    changed |= {f"domaines/{d}.md" for d in art["domains"]}
    return added, changed


def _same_but_related(old: str, path: Path) -> bool:
    """The two versions of an article page differ only in their 'À lire aussi' section."""
    marker = "## À lire aussi"
    return old.split(marker)[0].rstrip() == path.read_text(encoding="utf-8").split(marker)[0].rstrip()


def _same_but_pager(old: str, path: Path, year: str) -> bool:
    """The two versions of a year page differ only in their line of links to the years
    before and after it (render/contents.pager), which now names the new article's year."""
    new = path.read_text(encoding="utf-8")
    def strip(text: str) -> list[str]:
        lines = text.split("\n")
        return [line for i, line in enumerate(lines) if "{: .kb-pager }" not in lines[i:i + 2]]
    pager = next((line for line in new.split("\n") if f"]({year}.md)" in line), "")
    return strip(old) == strip(new) and pager != ""


def test_workflow_build_steps_exist() -> None:
    steps = build_steps()
    assert "aseankb build --strict --report report.json" in steps["kb"]
    assert "aseankb report-md report.json" in steps["summary"] and "GITHUB_STEP_SUMMARY" in steps["summary"]
    assert "mkdocs build --strict --dirty" in steps["site"]


def test_new_seed_lands(project: Path) -> None:
    summary = project / "summary.md"
    first = run_ci_build(project, summary)
    assert "WARNING" not in first["site"].stderr
    content, site = project / "content", project / "site"
    before = tree_hashes(content)
    before_text = {p: (content / p).read_text(encoding="utf-8")
                   for p in before if p.startswith(("articles/", "annees/"))}
    assert summary.read_text(encoding="utf-8").count("| ingested |") == 5

    add_new_seed(project)
    summary.unlink()
    second = run_ci_build(project, summary)
    assert "WARNING" not in second["site"].stderr
    # The site of the first run is kept (the workflow caches it): only changed pages are rendered.
    assert "only the pages changed since the last build are rendered" in second["site"].stderr
    after = tree_hashes(content)
    assert_no_unresolved_env(project)

    report = json.loads((project / "report.json").read_text(encoding="utf-8"))
    entry = next(s for s in report["seeds"] if s["file"] == f"seeds/{NEW_SEED_NAME}")
    assert entry["status"] == "ingested", entry["messages"]
    page = entry["page"]
    assert (content / page).is_file()
    art = frontmatter.load(content / page)
    assert art["year"] == 2021 and "japon" in art["partners"] and "cybersecurite" in art["domains"]
    assert f"| seeds/{NEW_SEED_NAME.replace('_', '&#95;')} | ingested |" in summary.read_text(encoding="utf-8")

    # Listed on the home page and on its partner, domain and year pages of the built site.
    url = urljoin(BASE, page.removesuffix(".md") + "/")
    assert (site / page.removesuffix(".md") / "index.html").is_file()
    for listing in ("", "partenaires/japon/", "domaines/cybersecurite/", "annees/2021/"):
        assert url in site_links(site, listing), f"the new article is not listed on /{listing}"

    # Nothing unrelated changed, nothing was removed, and every related page was updated.
    added, changed = expected_changes(page, art)
    if "annees/2021.md" not in before:
        changed.discard("annees/2021.md")
        added.add("annees/2021.md")
    slug = Path(page).stem
    new = set(after) - set(before)
    assert added <= new, f"not added: {sorted(added - new)}"
    # Other new pages (a matrix cell, a person, a feed met for the first time) must list it.
    strays = {p for p in new - added if slug not in (content / p).read_text(encoding="utf-8")}
    assert not strays, f"pages added that do not list the new article: {sorted(strays)}"
    assert set(before) - set(after) == set()
    modified = {p for p in before if before[p] != after[p]}
    assert changed <= modified, f"not updated: {sorted(changed - modified)}"
    # Any other page that changed must itself list the new article (by its page's slug).
    # An article's "À lire aussi" list rests on corpus-wide word statistics (TF-IDF), so a new
    # article may reorder another's list without entering it: only that section may differ.
    unrelated = {p for p in modified - changed if slug not in (content / p).read_text(encoding="utf-8")
                 and not (p.startswith("articles/") and _same_but_related(before_text[p], content / p))
                 and not (p.startswith("annees/") and _same_but_pager(before_text[p], content / p, "2021"))}
    assert not unrelated, f"pages changed that do not list the new article: {sorted(unrelated)}"


def test_published_address_reaches_the_site(project: Path) -> None:
    """On main the workflow passes the Pages address to MkDocs (mkdocs.yml reads it with !ENV):
    the 404 page, served at any depth, and the sitemap then use absolute URLs under it."""
    steps = {s.get("id"): s for s in yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]}
    for sid in ("kb", "site"):
        assert steps[sid]["env"] == {"ASEANKB_SITE_URL": "${{ steps.pages.outputs.base_url }}"}
    assert steps["pages"]["uses"].startswith("actions/configure-pages@")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ASEANKB_SITE_URL": "https://owner.github.io/aseankb"}
    for cmd in (["aseankb", "build"], ["mkdocs", "build", "--strict"]):
        done = subprocess.run([str(BIN / cmd[0]), *cmd[1:]], cwd=project, env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stderr
    not_found = BeautifulSoup((project / "site" / "404.html").read_text(encoding="utf-8"), "html.parser")
    styles = [link["href"] for link in not_found.find_all("link", rel="stylesheet")]
    assert "/aseankb/assets/aseankb.css" in styles and all(h.startswith("/aseankb/") for h in styles)
    assert "<loc>https://owner.github.io/aseankb/partenaires/japon/</loc>" in \
        (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert_no_unresolved_env(project)


def assert_no_unresolved_env(project: Path) -> None:
    """Whatever reads site_url must resolve mkdocs.yml's !ENV tag, not copy it into pages."""
    for f in [*(project / "content").rglob("*"), *(project / "site").rglob("*")]:
        if f.is_file() and f.suffix in {".md", ".html", ".xml", ".json", ".js"}:
            assert "!ENV" not in f.read_text(encoding="utf-8", errors="replace"), f
