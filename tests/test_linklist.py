"""The fast path for lists of links (aseankb.render.linklist) renders what Python-Markdown
renders, links included, and never lets seed text become markup."""

from __future__ import annotations

import subprocess
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, NavigableString

from aseankb.model import Article, PartialDate
from aseankb.render.escape import esc_inline
from aseankb.render.linklist import ITEM_RE, LinkListExtension, decode
from aseankb.render.pages import article_item
from publishing import BIN

EXTENSIONS = ["tables", "attr_list", "toc"]
TITLES = [
    "Plain title", "ASEAN-Inde : 2e sommet (Hanoï) !", "<script>alert('x')</script>",
    "[lien](javascript:alert(1)) & *gras* _it_ `code` \\ back", "&amp; &#58; &lt;b&gt; {: .x }",
    "# not a heading", "1. not a list", "> not a quote", "a  b  double spaces", "emoji 🌏 «guillemets»",
    "{{ jinja }} {% block %}", "<!-- comment -->", "![img](x.png)", "<http://example.org>",
]


def canon(html: str) -> str:
    """The HTML as a browser reads it: entities decoded, whitespace between tags dropped."""
    soup = BeautifulSoup(html, "html.parser")
    for s in list(soup.find_all(string=True)):
        if isinstance(s, NavigableString) and not s.strip():
            s.extract()
    return soup.decode(formatter="minimal")


def render(text: str, fast: bool) -> str:
    exts = EXTENSIONS + ([LinkListExtension()] if fast else [])
    return markdown.Markdown(extensions=exts).convert(text)


def article(i: int, title: str) -> Article:
    return Article(id=f"{i:06d}", source=f"seeds/{i}.txt", title=title,
                   date=PartialDate(2020, i % 12 + 1, i % 28), date_source="header", language="fr",
                   partners=[], partners_mentioned=[], domains=[], people=[], paragraphs=["x"],
                   slug=f"slug-{i}")


def test_article_items_match_the_pattern() -> None:
    # Lines the pages write must take the fast path, or it saves nothing.
    for i, title in enumerate(TITLES):
        line = article_item(article(i, title), "../")
        assert ITEM_RE.fullmatch(line), line


@pytest.mark.parametrize("title", TITLES)
def test_same_html_as_python_markdown(title: str) -> None:
    lines = [article_item(article(i, t), "../") for i, t in enumerate([title, "Autre", title])]
    text = "# Titre\n\nIntro.\n\n" + "\n".join(lines) + "\n\n## Fin\n\n- [x](a.md)\n"
    fast, slow = render(text, True), render(text, False)
    assert canon(fast) == canon(slow)
    soup = BeautifulSoup(fast, "html.parser")
    first = soup.find("ul")
    assert {el.name for el in first.find_all(True)} == {"li", "a"}  # no markup from the title
    assert first.find("a").get_text() == title


@pytest.mark.parametrize("block", [
    "- 2020 — [a](x.md)\nnot an item",        # a paragraph continues the list
    "- 2020 — [a](x.md)  ",                   # a line break
    "- **2020** — [a](x.md)",                 # markup outside the link
    "- 2020 — [a](javascript:alert(1))",      # not a plain relative URL
    "- 12. [a](x.md)",                        # would be a numbered list inside the item
    "- 2020 — [a *b*](x.md)",                 # unescaped emphasis in the text
])
def test_anything_else_is_left_to_python_markdown(block: str) -> None:
    assert canon(render(block, True)) == canon(render(block, False))


def test_decode_undoes_esc_inline() -> None:
    for title in TITLES:
        assert decode(esc_inline(title)) == title


def _site(root: Path, fast: bool, directory_urls: bool) -> Path:
    docs = root / "docs"
    (docs / "liste").mkdir(parents=True)
    (docs / "articles" / "2020").mkdir(parents=True)
    items = []
    for i, title in enumerate(TITLES):
        art = article(i, title)
        (docs / art.page).write_text(f"# {esc_inline(title)}\n", encoding="utf-8")
        items.append(article_item(art, "../"))
    (docs / "liste" / "tous.md").write_text("# Tous\n\n" + "\n".join(items) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Accueil\n\n- [Tous](liste/tous.md)\n", encoding="utf-8")
    exts = "\n".join(f"  - {e}" for e in (["aseankb.render.linklist"] if fast else []) + EXTENSIONS)
    (root / "mkdocs.yml").write_text(
        f"site_name: t\ndocs_dir: docs\nuse_directory_urls: {str(directory_urls).lower()}\n"
        f"theme: {{name: mkdocs}}\nplugins: []\nmarkdown_extensions:\n{exts}\n", encoding="utf-8")
    done = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root / "site"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_mkdocs_rewrites_the_links_in_both_url_styles(tmp_path: Path, directory_urls: bool) -> None:
    page = "liste/tous/index.html" if directory_urls else "liste/tous.html"
    fast = _site(tmp_path / "fast", True, directory_urls)
    slow = _site(tmp_path / "slow", False, directory_urls)
    f_html, s_html = ((s / page).read_text(encoding="utf-8") for s in (fast, slow))
    main = [BeautifulSoup(h, "html.parser").select_one("[role=main]") for h in (f_html, s_html)]
    assert canon(str(main[0])) == canon(str(main[1]))
    links = [a["href"] for a in main[0].select("li a")]
    assert len(links) == len(TITLES)
    for href in links:  # each one leads to the built article page
        target = (fast / page).parent / href
        assert (target / "index.html" if directory_urls else target).is_file(), href


def test_missing_target_still_warns(tmp_path: Path) -> None:
    # Links the fast path cannot resolve go to MkDocs, whose --strict fails on them.
    with pytest.raises(AssertionError, match="not found among documentation files"):
        root = tmp_path / "s"
        _site(root, True, True)
        (root / "docs" / "liste" / "tous.md").write_text("# T\n\n- 2020 — [a](../nulle-part.md)\n")
        done = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
