"""Issue #3: untrusted seeds. Every file ends in exactly one status, nothing from a seed
is live in the built site, --strict fails on problems, builds are atomic and reproducible.

The hostile corpus (tests/untrusted_corpus.py) is built once with the real CLI and a
real `mkdocs build --strict`; the built HTML is parsed with BeautifulSoup.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import frontmatter
import pytest
from bs4 import BeautifulSoup

from aseankb import mkdocs_hooks
from aseankb.build import build, ingest
from aseankb.config import load_taxonomy
from aseankb.dedup import near_duplicates
from aseankb.errors import SeedError
from aseankb.prepare import prepare, require_text
from aseankb.read import MAX_BYTES, decode
from aseankb.render.report_fr import french
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project
from untrusted_corpus import (
    EXPECTED,
    HOSTILE_NAME,
    REASONS,
    crlf_bom,
    fixture_text,
    make_corpus,
    mixed_utf8,
    near_copy,
    shown,
)

BIN = Path(sys.executable).parent
TAX = load_taxonomy()
EPOCH = "1700000000"  # 2023-11-14
ENV = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {"NO_MKDOCS_2_WARNING": "1"}
XSS_RE = re.compile(r"xss", re.I)


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, env=env or ENV)


def new_project(root: Path) -> Path:
    """A copy of the project whose seeds/ holds the five samples and the hostile corpus."""
    copy_project(root)
    make_corpus(root / "seeds")
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus built by `aseankb build` then a real `mkdocs build --strict`."""
    root = new_project(tmp_path_factory.mktemp("hostile"))
    out = run(str(BIN / "aseankb"), "build", "--report", "report.json", cwd=root)
    assert out.returncode == 0, out.stderr
    (root / "build.stderr").write_text(out.stderr)
    site = run(str(BIN / "mkdocs"), "build", "--strict", cwd=root)
    assert site.returncode == 0, site.stderr
    return root


def report(root: Path) -> dict[str, dict]:
    data = json.loads((root / "report.json").read_text(encoding="utf-8"))
    return {Path(s["file"]).name: s for s in data["seeds"]}


# 1. every input file in exactly one status, messages naming the file and the reason
def test_every_file_has_exactly_one_expected_status(hostile: Path) -> None:
    data = json.loads((hostile / "report.json").read_text(encoding="utf-8"))
    files = [s["file"] for s in data["seeds"]]
    on_disk = sorted(f"seeds/{shown(p.name)}" for p in (hostile / "seeds").iterdir())
    assert sorted(files) == on_disk and len(set(files)) == len(files)
    got = {Path(s["file"]).name: s["status"] for s in data["seeds"]}
    assert {n: got[shown(n)] for n in EXPECTED} == EXPECTED
    assert all(got[p.name] == "ingested" for p in (ROOT / "seeds").iterdir())
    assert sum(data["summary"].values()) == len(files)


def test_messages_name_the_file_and_the_reason(hostile: Path) -> None:
    seeds = report(hostile)
    for name, words in REASONS.items():
        messages = seeds[shown(name)]["messages"]
        assert messages and all(f"seeds/{shown(name)}" in m for m in messages), (name, messages)
        assert any(words in m for m in messages), (name, messages)
    stderr = (hostile / "build.stderr").read_text()
    assert "Traceback" not in stderr
    for name, status in EXPECTED.items():
        if status != "ingested":
            assert f"{status.upper()}: seeds/{shown(name)}:" in stderr
    # Every line is one of the build's: a name's newline starts none ('::error' would be read
    # by GitHub Actions as a command).
    assert not [line for line in stderr.splitlines() if not line.startswith(("WARNING: ", "SKIPPED: ", "DUPLICATE: "))]


def test_duplicates_one_page(hostile: Path) -> None:
    seeds = report(hostile)
    copy, original = seeds["numerique_copie.txt"], seeds["numerique.txt"]
    assert copy["duplicate_of"] == "seeds/numerique.txt" and copy["page"] == original["page"]
    pages = [p for p in (hostile / "content" / "articles").rglob("*.md")
             if frontmatter.load(p)["source"] in ("seeds/numerique.txt", "seeds/numerique_copie.txt")]
    assert len(pages) == 1
    near = seeds["numerique_quasi.txt"]
    assert "near duplicate of seeds/numerique.txt" in near["messages"][0] and near["page"]


def test_report_page_lists_flagged_and_skipped(hostile: Path) -> None:
    page = (hostile / "site" / "rapport" / "index.html").read_text(encoding="utf-8")
    rows = BeautifulSoup(page, "html.parser").select("article table tr")
    cells = [r.find_all(["th", "td"]) for r in rows[1:]]
    assert all(c[0].name == "th" and c[0]["scope"] == "row" for c in cells)  # the file names its row
    listed = {Path(c[0].get_text()).name: c[2].get_text() for c in cells}
    assert set(listed) == {shown(name) for name, status in EXPECTED.items() if status != "ingested"}
    assert "lu comme cp1252" in listed["commerce-cp1252.txt"] and "trop gros" in listed["gros.txt"]
    # The file is named in its own column, not again at the start of each reason.
    assert not [reason for name, reason in listed.items() if f"{name}:" in reason]
    # Its first figure is the home page's: the articles published, warnings included.
    home = BeautifulSoup((hostile / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    published = int(re.search(r"(\d+) articles", home.select_one("article").get_text()).group(1))
    first = BeautifulSoup(page, "html.parser").select_one("article p").get_text()
    statuses = Counter(s["status"] for s in report(hostile).values())
    assert first.startswith(f"{published} articles publiés sur {sum(statuses.values())} fichiers")
    assert published == statuses["ingested"] + statuses["warning"]


# 2. the cases, one by one
def test_empty_whitespace_binary_refused() -> None:
    for data in (b"", b" \t\n", "\u00a0\u3000 \n\u3000".encode(), "\ufeff\u00a0\n".encode("utf-8"),
                 "\u3000\u00a0".encode("utf-16")):
        with pytest.raises(SeedError, match="empty|white space"):
            decode(data)
    for data in (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"abc\x00def" * 10, b"GIF89a\x01\x00"):
        with pytest.raises(SeedError, match="binary"):
            decode(data)


def test_cp1252_decoded_and_warned() -> None:
    text, _enc, messages = decode(fixture_text("commerce-cp1252.txt").encode("cp1252"))
    assert text == fixture_text("commerce-cp1252.txt")  # ’ € œ included
    assert messages == ["not UTF-8: decoded as cp1252"]


def test_latin1_decoded_and_warned() -> None:
    sample = "Coopération économique à Hanoï : la délégation française reçue à l'Élysée.\n" * 3
    text, _enc, messages = decode(sample.encode("latin-1"))
    assert text == sample and len(messages) == 1
    assert re.fullmatch(r"not UTF-8: decoded as (cp1252|latin_1|iso8859_15)", messages[0])


def test_utf16_with_bom() -> None:
    for codec in ("utf-16", "utf-16-be"):
        data = fixture_text("education-utf16.txt").encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        assert decode(data)[0] == fixture_text("education-utf16.txt")


def test_direction_overrides_never_reorder_a_page(tmp_path: Path) -> None:
    # "la Chine\u202e renforcent" showed "la Chinetnecrofner" in the page's heading (audit).
    lead = fixture_text("numerique.txt")
    hidden = "L'ASEAN et la Chine\u202e renforcent\u2067 leur\u2069 coopération\u202c numérique\n\n" + lead
    text, _enc, messages = decode(hidden.encode())
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", text) and "la Chine renforcent leur" in text
    assert messages == ["4 direction control character(s) removed: they reorder text on screen"]
    page = build_one(tmp_path, hidden.encode())
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", page)
    assert "title: L'ASEAN et la Chine renforcent leur coopération numérique" in page


def test_mixed_utf8_never_publishes_replacement_char(hostile: Path) -> None:
    text, _enc, messages = decode(mixed_utf8(fixture_text("energie-mixte.txt")))
    assert "\ufffd" not in text and "responsables" in text and "invalid UTF-8" in messages[0]
    page = (hostile / "content" / report(hostile)["energie-mixte.txt"]["page"]).read_text(encoding="utf-8")
    assert "\ufffd" not in page and "financement" in page
    for html in (hostile / "site").rglob("*.html"):
        assert "\ufffd" not in html.read_text(encoding="utf-8"), html


def build_one(tmp: Path, data: bytes) -> str:
    """Build a single seed 'article.txt' in its own folder; return its article page."""
    (tmp / "seeds").mkdir(parents=True)
    (tmp / "seeds" / "article.txt").write_bytes(data)
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        outcome = build(Path("seeds"), Path("content"), log=lambda m: None)
    finally:
        os.chdir(cwd)
    return (tmp / "content" / outcome.results[0].page).read_text(encoding="utf-8")


def test_bom_crlf_gives_the_same_page_as_lf(tmp_path: Path) -> None:
    lf = fixture_text("sante-crlf.txt")
    assert build_one(tmp_path / "lf", lf.encode()) == build_one(tmp_path / "crlf", crlf_bom(lf))
    assert build_one(tmp_path / "cr", lf.replace("\n", "\r").encode()) == build_one(tmp_path / "lf2", lf.encode())


def test_near_duplicate_similarity() -> None:
    base = fixture_text("numerique.txt")
    others = [fixture_text(n) for n in ("commerce-cp1252.txt", "education-utf16.txt", "energie-mixte.txt")]
    found = near_duplicates([base, *others, near_copy(base)])
    assert list(found) == [4] and found[4][0] == 0 and 0.5 < found[4][1] < 1
    assert near_duplicates([base, *others]) == {}


def test_title_only_refused() -> None:
    item = ingest(Path(__file__).parent / "fixtures" / "untrusted" / "titre-seul.txt", TAX)
    assert item.result.status == "skipped" and "only a title" in item.result.messages[0]


@pytest.mark.parametrize(("paragraphs", "reason"), [
    (["ASEAN-Japon : accord signé"], "only a title line, no article text (4 words)"),
    # Several lines: not "only a title line", the eighteenth audit's misleading reason.
    (["ASEAN-Japon : accord", "Le Japon signe."], "article text too short (6 words, at least 8 needed)"),
    # One line of 450,000 characters is no title either.
    (["Hanoï, 1 mars 2019 (VNA) - ASEAN Japon commerce " + "x" * 450_000],
     "one line of 10 words and 450,048 characters, with no sentence: no article text"),
])
def test_a_file_without_article_text_is_refused_for_what_it_holds(paragraphs: list[str], reason: str) -> None:
    with pytest.raises(SeedError) as refused:
        require_text(paragraphs)
    assert str(refused.value) == reason and french(reason) != reason


def test_big_file_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "gros.txt"
    with open(big, "wb") as fh:  # sparse: 50 MB that are never read
        fh.truncate(50 * MAX_BYTES)
    item = ingest(big, TAX)
    assert item.result.status == "skipped" and "too large" in item.result.messages[0]


def test_html_page_paragraphs_only(hostile: Path) -> None:
    page = (hostile / "content" / report(hostile)["page.html.txt"]["page"]).read_text(encoding="utf-8")
    post = frontmatter.loads(page)
    assert post["title"] == "Le Canada et l'ASEAN renforcent leur coopération maritime"
    assert "garde-côtes" in post.content and "câbles sous-marins" in post.content
    text = post.content.split("## À lire aussi")[0]  # the page's own section, not the seed's
    for chrome in ("cookie", "Tout accepter", "Abonnez-vous", "lire aussi", "Tous droits", "alert", "Sport",
                   "&lt;", "<script", "<iframe", "cdn.example"):
        assert chrome not in text, chrome
    raw = (hostile / "content" / "sources" / f"{post['id']}.html").read_bytes()
    assert not raw.startswith(codecs.BOM_UTF8)  # the page says its charset: no mark
    source = raw.decode("utf-8").split("<pre", 1)[1].split("</pre>")[0]
    assert "garde-côtes" in source and source.count("<") == 0 and "cookie" not in source
    with pytest.raises(SeedError, match="HTML page"):
        prepare("<!doctype html><html><body><nav><p>Menu</p></nav><script>x()</script></body></html>")


def test_yaml_front_block_used_never_title_or_body(hostile: Path) -> None:
    post = frontmatter.loads((hostile / "content" / report(hostile)["yaml-front.txt"]["page"]).read_text())
    assert post["title"] == "La Chine et l'ASEAN signent un accord sur la sécurité alimentaire"
    assert post["date"] == "2019-07-31" and post["date_source"] == "frontmatter"
    for leak in ("---", "author", "rédaction", "tags:"):
        assert leak not in post.content, leak
    bad = prepare("---\ntitle: [unclosed\n---\nHanoi (VNA) - Un texte.\n")
    assert bad.front == {} and "not valid YAML" in bad.messages[0] and bad.text.startswith("Hanoi")
    for block, reason in (("date: 2019-02-30", "not valid YAML"), ("date: 9999-12-31", "out of range"),
                          ("title: " + "[" * 5000, "not valid YAML"), ("- a\n- b", "not a mapping")):
        odd = prepare(f"---\n{block}\n---\nHanoi (VNA) - Un texte.\n")
        assert "date" not in odd.front and reason in odd.messages[0] and odd.text.startswith("Hanoi")
    lone = prepare("---\nHanoi (VNA) - Un texte.\n")
    assert lone.text.startswith("Hanoi") and "never closed" in lone.messages[0]


# 3. nothing from a seed is live in the built site
SAFE_SCHEMES = ("http://", "https://", "mailto:", "#", "/", ".", "")
URL_ATTRS = ("href", "src", "action", "formaction", "data", "xlink:href", "srcset", "poster", "background")


def _attribute_problems(tag, rel: str) -> list[str]:
    problems = []
    for attr, value in tag.attrs.items():
        value = " ".join(value) if isinstance(value, list) else str(value)
        if attr.lower().startswith("on"):
            problems.append(f"{rel}: <{tag.name} {attr}=...>")
        slug_path = attr == "href" and re.fullmatch(r"[a-z0-9./_#-]+", value)  # an ASCII slug of a title
        if XSS_RE.search(value) and not slug_path:
            problems.append(f"{rel}: seed text in <{tag.name} {attr}={value[:60]!r}>")
        if attr.lower() in URL_ATTRS:
            url = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if not url.startswith(SAFE_SCHEMES) or re.match(r"^[a-z][a-z0-9+.-]*:", url) and \
                    not url.startswith(("http:", "https:", "mailto:")):
                problems.append(f"{rel}: <{tag.name} {attr}={value[:60]!r}>")
    return problems


def live_problems(html: str, rel: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for tag in soup.find_all(True):
        # Our own forms: the theme's search box and the Explorer's filters (no seed text in them).
        own_form = tag.name == "form" and (tag.get("class") == ["md-search__form"] or tag.get("id") == "kb-explorer")
        if tag.name in ("iframe", "frame", "object", "embed", "applet", "base", "form") and not own_form:
            problems.append(f"{rel}: <{tag.name}> element")
        if tag.name in ("script", "style", "template", "noscript") and XSS_RE.search(tag.get_text()):
            problems.append(f"{rel}: seed text inside <{tag.name}>")
        if tag.name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
            problems.append(f"{rel}: meta refresh")
        problems += _attribute_problems(tag, rel)
    return problems


def test_no_seed_markup_is_live_in_the_site(hostile: Path) -> None:
    site = hostile / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    problems = [p for page in pages for p in live_problems(page.read_text(encoding="utf-8"),
                                                            str(page.relative_to(site)))]
    assert problems == []


def test_hostile_text_is_shown_as_text(hostile: Path) -> None:
    seeds = report(hostile)
    rel = Path(seeds["hostile.txt"]["page"]).with_suffix("")
    soup = BeautifulSoup((hostile / "site" / rel / "index.html").read_text(encoding="utf-8"), "html.parser")
    title = '<script>alert("xss-title")</script> La Nouvelle-Zélande'
    assert title in soup.title.get_text() and title in soup.h1.get_text()
    assert title in soup.select_one(".md-header__topic:last-child").get_text()
    body = soup.select_one("article").get_text()
    for snippet in ('<script>alert("xss-body")</script>', "[cliquez là](javascript:alert('xss-md'))",
                  "{{ config.site_name }}", "{% include 'xss-template' %}", "<style>body{display:none}</style>",
                  "*emphase*", "`code`"):
        assert snippet in body, snippet
    front = Path(seeds["hostile-front.txt"]["page"]).with_suffix("")
    soup = BeautifulSoup((hostile / "site" / front / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "<script>alert('xss-front-title')</script> Singapour" in soup.title.get_text()
    assert soup.h1.find("b") is None and "<b onmouseover" in soup.h1.get_text()
    named = Path(seeds[HOSTILE_NAME]["page"]).with_suffix("")
    soup = BeautifulSoup((hostile / "site" / named / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert f"seeds/{HOSTILE_NAME}" in article.get_text() and article.find("img") is None


SEARCH_FILE_RE = re.compile(r"^window\.__kbSearch&&__kbSearch\.(meta|vocab|bucket|doc)\((.*)\);\n?$", re.S)


def test_search_index_holds_no_markup_from_seeds(hostile: Path) -> None:
    """The search index is script files (they load on file:// too): each must be one call of
    our loader with a JSON argument and nothing else, so seed text in it is data, never code."""
    files = sorted((hostile / "site" / "kb-search").glob("*.js"))
    assert len(files) > 10
    hostile_docs = 0
    for path in files:
        m = SEARCH_FILE_RE.match(path.read_text(encoding="utf-8"))
        assert m, path.name
        data = json.loads(m.group(2))  # raises if anything but JSON stands in the call
        if m.group(1) == "doc":
            hostile_docs += any(isinstance(v, str) and XSS_RE.search(v) for v in data)
    assert hostile_docs  # the hostile text is indexed, as strings


# 4. --strict
def test_strict_fails_on_warning_or_skip(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    out = run(str(BIN / "aseankb"), "build", "--strict", cwd=root)
    assert out.returncode == 1 and "--strict" in out.stderr and "Traceback" not in out.stderr
    assert (root / "content" / "index.md").is_file()  # the build still went to its end
    for name in EXPECTED:
        if name not in ("numerique.txt", "education-utf16.txt", "sante-crlf.txt", "yaml-front.txt"):
            path = root / "seeds" / name
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    clean = run(str(BIN / "aseankb"), "build", "--strict", cwd=root)
    assert clean.returncode == 0, clean.stderr
    (root / "seeds" / "vide.txt").write_bytes(b"")
    assert run(str(BIN / "aseankb"), "build", "--strict", cwd=root).returncode == 1


# 6. reproducible builds
def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(hostile: Path, tmp_path: Path) -> None:
    twin = new_project(tmp_path)
    assert run(str(BIN / "aseankb"), "build", cwd=twin).returncode == 0
    site = run(str(BIN / "mkdocs"), "build", "--strict", cwd=twin)
    assert site.returncode == 0, site.stderr
    for folder in ("content", "site"):
        a, b = tree(hostile / folder), tree(twin / folder)
        assert sorted(a) == sorted(b)
        assert [k for k in a if a[k] != b[k]] == [], folder
    # No site_url, so sitemap.xml lists no URL, but its .gz records a build date: without
    # SOURCE_DATE_EPOCH, the newest article's, not today's.
    newest = max(frontmatter.load(p)["date"] or "" for p in (twin / "content" / "articles").rglob("*.md"))
    assert gzip_date(twin) == newest
    pinned = run(str(BIN / "mkdocs"), "build", "--strict", cwd=twin, env={**ENV, "SOURCE_DATE_EPOCH": EPOCH})
    assert pinned.returncode == 0, pinned.stderr
    assert gzip_date(twin) == "2023-11-14"


@pytest.mark.parametrize(("newest", "epoch"), [("2024-05-02", "1714608000"), ("1950-01-01", "0"),
                                              ("2200-01-01", str(2**32 - 1)), ("2026-02-31", None)])
def test_the_build_date_is_pinned_within_what_gzip_holds(monkeypatch: pytest.MonkeyPatch, newest: str,
                                                         epoch: str | None) -> None:
    """Unset, MkDocs stamps sitemap.xml.gz with today's date: the same seeds would give other
    bytes tomorrow. A date no calendar has does not stop the site's build (adversarial audit)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(mkdocs_hooks, "_pinned", {})
    mkdocs_hooks._pin_build_date(newest)
    assert os.environ.get("SOURCE_DATE_EPOCH") == epoch


def gzip_date(root: Path) -> str:
    mtime = int.from_bytes((root / "site" / "sitemap.xml.gz").read_bytes()[4:8], "little")
    return dt.datetime.fromtimestamp(mtime, dt.UTC).date().isoformat()


def test_live_markup_checker_catches_live_markup() -> None:
    """The checker above can fail: each of these is live and must be reported."""
    for html in ("<img src=x onerror=alert('xss')>", "<a href=' javascript:alert(1)'>x</a>",
                 "<script>alert('xss')</script>", "<iframe src='https://e.example'></iframe>",
                 "<a href='data:text/html,x'>x</a>", "<div title='xss'>x</div>"):
        assert live_problems(html, "t.html"), html
    assert live_problems("<p>&lt;script&gt;alert('xss')&lt;/script&gt;</p>", "t.html") == []


def test_names_differing_by_case_get_distinct_ids(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "Note.txt").write_text(fixture_text("numerique.txt"), encoding="utf-8")
    (seeds / "note.md").write_text(fixture_text("sante-crlf.txt"), encoding="utf-8")
    outcome = build(seeds, tmp_path / "content", log=lambda m: None)
    assert [r.status for r in outcome.results] == ["ingested", "warning"]
    assert "already used by" in outcome.results[1].messages[0]
    ids = {frontmatter.load(tmp_path / "content" / r.page)["id"] for r in outcome.results}
    assert len(ids) == 2 and len(list((tmp_path / "content" / "sources").iterdir())) == 2


def test_an_empty_seeds_folder_builds_an_empty_site(tmp_path: Path) -> None:
    """A new project before its first article: a clean summary and a site, not a traceback
    (the cache folder does not exist yet when the build tidies it)."""
    copy_project(tmp_path, ("scripts", "overrides"))
    (tmp_path / "seeds").mkdir()
    out = run(str(BIN / "aseankb"), "build", "--strict", cwd=tmp_path)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "0 seeds: 0 ingested" in out.stdout + out.stderr
    assert "**0 article**" in (tmp_path / "content" / "index.md").read_text(encoding="utf-8")
    site = run(str(BIN / "mkdocs"), "build", "--strict", cwd=tmp_path)
    assert site.returncode == 0, site.stderr
    assert (tmp_path / "site" / "index.html").is_file()


# 3b. ... and a real browser runs none of it, search results included


def serve(folder: Path):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_browser_runs_no_seed_script(hostile: Path) -> None:
    from playwright.sync_api import sync_playwright

    seeds = report(hostile)
    pages = ["", "rapport/", "annees/2018/", "annees/2017/",
             *(str(Path(seeds[n]["page"]).with_suffix("")) + "/" for n in ("hostile.txt", "hostile-front.txt",
                                                                         HOSTILE_NAME, "page.html.txt"))]
    server = serve(hostile / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs: list[str] = []
    foreign: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: None if r.url.startswith((base, "data:")) else foreign.append(r.url))
            for rel in pages:
                page.goto(base + rel, wait_until="load")
                assert page.locator("iframe, img[onerror], script:not([src]):has-text('xss')").count() == 0, rel
            page.goto(base + str(Path(seeds["hostile.txt"]["page"]).with_suffix("")) + "/")
            assert '<script>alert("xss-title")</script>' in page.locator("h1").inner_text()
            # Material's search inserts titles and snippets as HTML: the hostile ones must stay text.
            box = page.locator("input.md-search__input")
            for query in ("Wellington", "Singapour", "gabarits"):
                box.click()
                box.fill("")
                box.press_sequentially(query, delay=30)
                hit = page.locator(".md-search-result__item", has_text="xss").first
                hit.wait_for(timeout=20_000)
                assert "<script>alert(" in hit.inner_text(), query
                live = page.locator(".md-search-result").locator("img, iframe, script, b, a[href^=javascript]")
                assert live.count() == 0, query
            page.wait_for_timeout(300)
            browser.close()
    finally:
        server.shutdown()
    assert dialogs == [] and foreign == []


def test_near_copy_found_among_many_unrelated_texts() -> None:
    """MinHash banding must put the planted copy among the candidates, whatever its place,
    and texts that only share vocabulary must not be flagged."""
    base = fixture_text("numerique.txt")
    rng = random.Random(3)
    words = [w for n in ("commerce-cp1252.txt", "education-utf16.txt", "energie-mixte.txt", "sante-crlf.txt")
             for w in fixture_text(n).split()]
    unrelated = [" ".join(rng.choice(words) for _ in range(300)) for _ in range(300)]
    unrelated[::75] = [fixture_text(n) for n in ("commerce-cp1252.txt", "education-utf16.txt",
                                                   "energie-mixte.txt", "sante-crlf.txt")]
    texts = [*unrelated[:120], base, *unrelated[120:], near_copy(base)]
    found = near_duplicates(texts)
    assert list(found) == [len(texts) - 1] and found[len(texts) - 1][0] == 120
    assert 0.5 < found[len(texts) - 1][1] < 1
    assert near_duplicates(unrelated) == {}


@pytest.mark.parametrize("expected", [0, 10, 1000, 150_000])
def test_a_seed_is_read_whole_whatever_size_was_expected_and_never_past_the_limit(tmp_path: Path,
                                                                                 expected: int) -> None:
    """The read asks for the size the lstat gave, then reads on: a seed that grew since is
    read whole, up to the limit and not a byte past it."""
    from aseankb.read import _read_at_most

    data = bytes(random.Random(expected).getrandbits(8) for _ in range(150_001))
    path = tmp_path / "grown.txt"
    path.write_bytes(data)
    assert _read_at_most(path, 200_000, expected) == data
    assert _read_at_most(path, 100_001, expected) == data[:100_001]
    path.write_bytes(b"")
    assert _read_at_most(path, 200_000, expected) == b""
