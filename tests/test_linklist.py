"""The fast path for lists of links (aseankb.render.linklist) renders what Python-Markdown
renders, links included, and never lets seed text become markup."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, NavigableString

from aseankb.config import load_taxonomy
from aseankb.model import Article, PartialDate
from aseankb.render.article import render_article
from aseankb.render.escape import esc_inline
from aseankb.render.linklist import CLASS_RE, FIELD_RE, ITEM_RE, LinkListExtension, decode
from aseankb.render.pages import article_item
from publishing import BIN

EXTENSIONS = ["tables", "attr_list", "pymdownx.details", "toc"]
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


def _extensions(fast: bool) -> list[str]:
    # The fast path renders the folds itself: pymdownx.details only on the slow one, which
    # it matches (mkdocs.yml loads it not).
    return [e for e in EXTENSIONS if not (fast and e == "pymdownx.details")]


def render(text: str, fast: bool) -> str:
    exts = _extensions(fast) + ([LinkListExtension()] if fast else [])
    return markdown.Markdown(extensions=exts).convert(text)


def article(i: int, title: str, language: str = "fr") -> Article:
    return Article(id=f"{i:06d}", source=f"seeds/{i}.txt", title=title,
                   date=PartialDate(2020, i % 12 + 1, i % 28), date_source="header", language=language,
                   partners=[], partners_mentioned=[], domains=[], people=[], paragraphs=["x"],
                   slug=f"slug-{i}")


def test_pages_take_the_fast_path() -> None:
    # Lines the pages write must take the fast path, or it saves nothing.
    tax = load_taxonomy()
    for i, title in enumerate(TITLES):
        line = article_item(article(i, title), "../")
        assert ITEM_RE.fullmatch(line), line
        blocks = render_article(_hostile(i, title), tax).split("\n\n")
        # The provenance's paragraphs, and the lines of its folds (render/article.Fold).
        fields = [b if b.startswith("**") else b.split("\n", 1)[1].replace("\n    ", "\n").removeprefix("    ")
                  for b in blocks if b.endswith(("{: .kb-meta }", "{: .kb-fold-body }"))]
        assert len(fields) == 1 + (i % 4 in (1, 2)) + (i % 4 == 2), i  # two paragraphs around a fold
        for field in fields:
            *lines, last = field.split("\n")
            assert CLASS_RE.fullmatch(last)
            for line in lines:
                assert FIELD_RE.fullmatch(line.removesuffix("  ")), line


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


@pytest.mark.parametrize("language", ["en", "vi", "zh-cn", "xx"])
def test_articles_in_other_languages_keep_the_fast_path_and_its_html(language: str) -> None:
    """'{: lang="en" } *(en anglais)*' after the link (render/dates.language_note): the same
    HTML as Python-Markdown with attr_list; a partner's list of 2,000 links with one English
    article would otherwise all go the slow way."""
    arts = [article(0, "Titre"), article(1, "Title & <b>", language), article(2, "Autre")]
    lines = [article_item(a, "../") for a in arts]
    assert all(ITEM_RE.fullmatch(line) for line in lines), lines
    text = "\n".join(lines) + "\n"
    assert canon(render(text, True)) == canon(render(text, False))
    link = BeautifulSoup(render(text, True), "html.parser").find_all("a")[1]
    assert link.get("lang") == language and link.get_text() == "Title & <b>"


@pytest.mark.parametrize("title", TITLES)
def test_a_title_marked_in_part_keeps_the_fast_path_and_its_html(title: str) -> None:
    """A Vietnamese title followed by its meeting's French name: only its own words in a
    <span lang="vi"> inside the link (render/titles.py), which must not send a partner's whole
    list the slow way, nor let the title become markup."""
    art = article(1, f"{title} — 25e Sommet ASEAN-Corée, 2024", "vi")
    art.events_fr = ["25e Sommet ASEAN-Corée, 2024"]
    lines = [article_item(a, "../") for a in (article(0, "Titre"), art, article(2, "Autre"))]
    assert all(ITEM_RE.fullmatch(line) for line in lines), lines
    text = "\n".join(lines) + "\n"
    fast = render(text, True)
    assert canon(fast) == canon(render(text, False))
    link = BeautifulSoup(fast, "html.parser").find_all("a")[1]
    assert link.get("lang") is None and link.get_text() == art.title
    assert [(el.name, el.get("lang"), el.get_text()) for el in link.find_all(True)] == [("span", "vi", title)]
    assert link.find_next("em").get_text() == "(en vietnamien)"


def test_a_provenance_line_the_fast_path_does_not_take_fails_at_once() -> None:
    """A line FIELD_RE does not match (raw HTML it does not know) made it try every way of
    cutting its text into runs: the build hung for minutes on an English dispatch whose
    dateline, quoted, was in a <span lang>. In a process of its own, with a time limit: the
    regex holds the interpreter while it runs."""
    line = "**Date :** 6 mars 2023 (date donnée en tête de la dépêche : « <em>Tokyo, March 6, 2023 \\(VNA\\)</em> »)"
    code = "import sys; from aseankb.render.linklist import FIELD_RE; print(FIELD_RE.fullmatch(sys.argv[1]) is None)"
    done = subprocess.run([sys.executable, "-c", code, line], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr


def test_an_english_dateline_in_its_language_keeps_the_fast_path_and_its_html(tmp_path: Path) -> None:
    """« <span lang="en">Tokyo, March 6 (VNA)</span> » (render/article.quoted): a segment of
    the fast path, which writes the span as Python-Markdown passes it through."""
    art = _hostile(1, "ASEAN & Japan <b>meet</b>")
    art.date_source, art.date_evidence = "dateline", "Tokyo, March 6, 2023 (VNA) <i>x</i>"
    block = next(b for b in render_article(art, load_taxonomy()).split("\n\n") if b.endswith("{: .kb-meta }"))
    date = block.split("\n", 1)[0].removesuffix("  ")
    assert '<span lang="en">Tokyo, March 6, 2023 \\(VNA\\) &lt;i&gt;x&lt;/i&gt;</span>' in date
    assert FIELD_RE.fullmatch(date), date


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


LINK_RE = re.compile(r"\]\(([\w./-]+)\)")


def _hostile(i: int, title: str) -> Article:
    art = article(i, title, ("fr", "en", "vi")[i % 3])  # lists and pages of articles in other languages too
    tax = load_taxonomy()
    art.partners, art.domains = sorted(tax.partners)[i % 3:i % 3 + 2], sorted(tax.domains)[:i % 4 + 1]
    art.partners_mentioned = sorted(tax.partners)[5:6] if i % 2 else []
    art.people, art.agency, art.date_evidence = [title, "Nguyễn Phú Trọng"], title, f"« {title} »"
    art.source = f"seeds/{title}.txt"
    if i % 4 == 1:  # an estimated date: its clues are folded (render/article.Fold)
        art.date_source = "inferred"
    if i % 4 == 2:  # not every domain with every partner: each partner's, folded
        art.partner_domains = {art.partners[0]: art.domains[:1], art.partners[1]: []}
    return art


def _site(root: Path, fast: bool, directory_urls: bool) -> Path:
    """Article pages as aseankb writes them, a list of them, and a stub for every other target."""
    docs = root / "docs"
    arts = [_hostile(i, title) for i, title in enumerate(TITLES)]
    pages = {art.page: render_article(art, load_taxonomy(), arts[i + 1:i + 4]) for i, art in enumerate(arts)}
    pages["liste/tous.md"] = "# Tous\n\n" + "\n".join(article_item(a, "../") for a in arts) + "\n"
    pages["index.md"] = "# Accueil\n\n- [Tous](liste/tous.md)\n"
    for path, text in list(pages.items()):
        for link in LINK_RE.findall(text):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), link))
            pages.setdefault(target, "# Cible\n")
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    exts = "\n".join(f"  - {e}" for e in (["aseankb.render.linklist"] if fast else []) + _extensions(fast))
    (root / "mkdocs.yml").write_text(
        f"site_name: t\ndocs_dir: docs\nuse_directory_urls: {str(directory_urls).lower()}\n"
        f"theme: {{name: mkdocs}}\nplugins: []\nmarkdown_extensions:\n{exts}\n", encoding="utf-8")
    done = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root / "site"


def _typeset(text: str) -> str:
    """French typography on plain text, as a reader sees it: no break before ":" ";" "?" "!"
    "»", nor after "«"."""
    return re.sub(r" (?=[:;?!»])", "\u00a0", text).replace("« ", "«\u00a0")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_mkdocs_builds_the_same_pages_in_both_url_styles(tmp_path: Path, directory_urls: bool) -> None:
    fast = _site(tmp_path / "fast", True, directory_urls)
    slow = _site(tmp_path / "slow", False, directory_urls)
    built = sorted(p.relative_to(fast) for p in fast.rglob("*.html"))
    assert built == sorted(p.relative_to(slow) for p in slow.rglob("*.html"))
    for rel in built:
        main = [BeautifulSoup((s / rel).read_text(encoding="utf-8"), "html.parser").select_one("[role=main]")
                for s in (fast, slow)]
        assert canon(str(main[0])) == canon(str(main[1])), rel
    page = fast / ("liste/tous/index.html" if directory_urls else "liste/tous.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("[role=main] li a")]
    assert len(links) == len(TITLES)
    for href in links:  # each one leads to a built article page
        target = page.parent / href
        assert (target / "index.html" if directory_urls else target).is_file(), href
    for i, title in enumerate(TITLES):
        rel = Path(_hostile(i, title).page).with_suffix("")
        built_page = fast / rel / "index.html" if directory_urls else fast / rel.with_suffix(".html")
        metas = BeautifulSoup(built_page.read_text(encoding="utf-8"), "html.parser").select(".kb-meta")
        assert len(metas) == 1 + 2 * (i % 4 == 2) + (i % 4 == 1), i  # paragraphs and folds (<details>)
        meta = BeautifulSoup("".join(map(str, metas)), "html.parser")
        # No markup from seed text: ours, and a non-French article's words in their language.
        assert {el.name for el in meta.find_all(True)} - {"span"} == {"strong", "a", "br", "p"} | (
            {"details", "summary"} if i % 4 in (1, 2) else set())
        assert [s.attrs for s in meta.find_all("span")] == ([] if i % 3 == 0 else [{"lang": ("en", "vi")[i % 3 - 1]}])
        # Seed prose gets French typography ("ASEAN-Inde : 2e sommet" in guillemets), a file
        # name does not: "seeds/ASEAN-Inde : 2e sommet (Hanoï) !.txt" is the file's name.
        assert f"«\u00a0{_typeset(title)}\u00a0»" in meta.get_text()
        assert f"(fichier seeds/{title}.txt, agence" in meta.get_text()
        assert f"agence {title})" in meta.get_text().replace("\u00a0", " ")


def test_missing_target_still_warns(tmp_path: Path) -> None:
    # Links the fast path cannot resolve go to MkDocs, whose --strict fails on them.
    with pytest.raises(AssertionError, match="not found among documentation files"):
        root = tmp_path / "s"
        _site(root, True, True)
        (root / "docs" / "liste" / "tous.md").write_text("# T\n\n- 2020 — [a](../nulle-part.md)\n")
        done = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=root,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
