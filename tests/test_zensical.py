"""Zensical (Material for MkDocs' successor) builds the same site from the same mkdocs.yml,
after `aseankb build` (it runs no MkDocs hooks)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import frontmatter
from bs4 import BeautifulSoup

from publishing import BIN

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, env=ENV)


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def test_zensical_builds_the_same_site(project: Path) -> None:
    assert run(str(BIN / "aseankb"), "build", "--strict", cwd=project).returncode == 0
    zen = run(str(BIN / "zensical"), "build", "--strict", "--clean", cwd=project)
    assert zen.returncode == 0, zen.stdout + zen.stderr
    mk = run(str(BIN / "mkdocs"), "build", "--strict", "--site-dir", "site-mkdocs", cwd=project)
    assert mk.returncode == 0, mk.stderr

    site, content = project / "site", project / "content"
    assert pages(site) == pages(project / "site-mkdocs")
    for md in sorted(content.glob("articles/*/*.md")):
        art = frontmatter.load(md)
        html = (site / md.relative_to(content).with_suffix("") / "index.html").read_text(encoding="utf-8")
        text = BeautifulSoup(html, "html.parser").get_text(" ")
        assert art["title"] in text and art["source"] in text
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "5 articles" in home and "assets/aseankb.css" in home
    # The site stays self-contained: no web fonts or scripts from another host.
    for f in site.rglob("*.html"):
        soup = BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
            for el in soup.find_all(tag, **{attr: True}):
                assert not el[attr].startswith(("http:", "https:", "//")), f"{f}: {el}"
