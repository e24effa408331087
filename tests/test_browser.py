"""Real browser tests: Debian's Chromium driven by Playwright, on the site built from the
five seeds by `aseankb build` + `mkdocs build --strict` (served by a local http.server),
and on the offline variant opened from its folder (file://).

Every page a test opens is watched: a console error, an uncaught exception or a request
to any host but the local server fails the test.
"""

from __future__ import annotations

import functools
import html
import http.server
import itertools
import json
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import frontmatter
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from aseankb.render.charts import column_chart
from aseankb.search import EXCERPT_CHARS, Doc, number_pages, write_index
from aseankb.search_names import name_tokens
from aseankb.words import STOP_WORDS, search_words
from conftest import ROOT, copy_project
from html_index import page_parts, page_text

BIN = Path(sys.executable).parent
# Query as people type it -> the accented form the results must show.
FRENCH_QUERIES = [
    ("cybersecurite", "cybersécurité"),
    ("coree", "Corée"),
    ("energie", "énergie"),
    ("economie", "économie"),
    ("d’energie", "énergie"),
    ("l'economie", "économie"),
    ("CORÉE", "Corée"),
    # A meeting by its number: its series' page comes first (reunions/amm.md, whose
    # description names its meetings), then the article that reports it.
    ("58e amm", "58e réunion"),
]
RESULTS = "#kb-search-results"
# An article whose date is nowhere: it is filed under 'sans date'.
UNDATED_NAME = "zz_communique_de_presse_du_ministere_des_affaires_etrangeres_sans_date"
UNDATED_SEED = (
    "Le Japon et l'ASEAN renforcent leur dialogue sur la navigation\n\n"
    "Hanoi (VNA) - Le Japon et l'ASEAN ont tenu une réunion sur la coopération maritime et la sûreté "
    "des voies de navigation, selon le ministère japonais des Affaires étrangères. Les deux parties "
    "ont convenu de renforcer les échanges entre leurs garde-côtes.\n")
# Seed text is untrusted: markup in it must reach readers as text, search results included.
HOSTILE_SEED = (
    " date 2024-03 Coopération <img src=x onerror=\"window.__pwned=1\"> entre l'ASEAN et le Japon\n\n"
    "La coopération entre l'ASEAN et le Japon <script>window.__pwned=2</script> progresse, selon un "
    "communiqué zorglubien <b onmouseover=\"window.__pwned=3\">publié</b> à Tokyo.\n")

# An article in English (written for these tests), which reports a special summit.
ENGLISH_SEED = (
    " date 2024-03 ASEAN and Australia hold their special summit in Melbourne\n\n"
    "Melbourne, March 6 - The leaders of ASEAN and Australia met in Melbourne for the ASEAN-Australia "
    "Special Summit, which marks fifty years of partnership. They agreed to deepen their cooperation "
    "on maritime security and clean energy, and announced new scholarships for the region's students.\n")

# An article in Vietnamese (written for these tests): its title is followed by the French
# name of the summit it reports (extract._situated), which only its own words are marked.
VIETNAMESE_SEED = (
    " date 2024-10 Hàn Quốc và ASEAN ngày 10/10 đã thông qua tuyên bố chung tại Hội nghị thượng đỉnh "
    "ASEAN-Hàn Quốc\n\nHai bên nhất trí nâng cấp quan hệ lên đối tác chiến lược toàn diện.\n"
    "Tổng thống Hàn Quốc dự Hội nghị thượng đỉnh Hàn-ASEAN ngày 10/10/2024 tại Viêng Chăn.\n")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with site/ and site-offline/ built for real."""
    root = tmp_path_factory.mktemp("browser")
    copy_project(root)
    (root / "seeds" / "zz_hostile.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    # A long file name, as press offices name theirs: the report's table must fit a phone.
    (root / "seeds" / f"{UNDATED_NAME}.txt").write_text(UNDATED_SEED, encoding="utf-8")
    (root / "seeds" / "zz_english.txt").write_text(ENGLISH_SEED, encoding="utf-8")
    (root / "seeds" / "zz_vietnamese.txt").write_text(VIETNAMESE_SEED, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The hostile seed is published as text with one warning, the undated one with another:
    # the only two of the build.
    kb = subprocess.run([str(BIN / "aseankb"), "build"], cwd=root, env=env, capture_output=True, text=True)
    assert kb.returncode == 0, kb.stderr
    assert [ln for ln in kb.stderr.splitlines() if ln.startswith("WARNING")] == [
        ln for ln in kb.stderr.splitlines() if ln.startswith(("WARNING: seeds/zz_hostile.txt: contains HTML",
                                                              f"WARNING: seeds/{UNDATED_NAME}.txt: no date found"))]
    assert kb.stderr.count("WARNING") == 2, kb.stderr
    for cmd in (["mkdocs", "build", "--strict"], ["mkdocs", "build", "--strict", "-f", "mkdocs-offline.yml"]):
        done = subprocess.run([str(BIN / cmd[0]), *cmd[1:]], cwd=root, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert not re.search(r"^WARNING\s+-", done.stderr, re.M), done.stderr  # MkDocs' own warnings
    return root


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """The site as a host serves it: a missing address gets its 404 page (GitHub Pages,
    `mkdocs serve`), with the status 404."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path: str) -> None:
        self.send_error(404)  # a folder without index.html ("matrice/japon/"): no listing


@pytest.fixture(scope="module")
def base(sites: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=sites / "site"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


class Watch:
    """What went wrong on a page: console errors, exceptions, requests leaving `allowed`."""

    def __init__(self, page: Page, allowed: str) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

        def request(r) -> None:
            self.requests.append(r.url)
            if not r.url.startswith((allowed, "data:", "blob:")):
                self.foreign.append(r.url)
        page.context.on("request", request)


def _page(browser: Browser, allowed: str, tolerated: str = "", **context) -> Iterator[Page]:
    """A page whose console errors (those holding `tolerated` aside) and foreign requests
    fail the test."""
    ctx = browser.new_context(**context)
    pg = ctx.new_page()
    watch = Watch(pg, allowed)
    yield pg
    ctx.close()
    errors = [e for e in watch.errors if not tolerated or tolerated not in e]
    assert not errors, errors
    assert not watch.foreign, watch.foreign


@pytest.fixture
def page(browser: Browser, base: str) -> Iterator[Page]:
    yield from _page(browser, base)


def search(page: Page, query: str) -> list[str]:
    """Type the query into Material's header search box; the results' title + excerpt."""
    meta = f"{RESULTS} .md-search-result__meta"
    page.click("#kb-search-input")
    page.fill("#kb-search-input", "")
    page.wait_for_function("sel => !document.querySelector(sel)", arg=f"{RESULTS} li")
    before = page.inner_text(meta).strip()
    page.keyboard.type(query, delay=20)
    page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent.trim() !== text",
                           arg=[meta, before])
    page.wait_for_timeout(300)  # the last keystroke's search replaces the earlier ones
    return page.eval_on_selector_all(f"{RESULTS} li article", "els => els.map(e => e.innerText)")


def pages_with(site: Path, query: str) -> list[Path]:
    """The built pages whose indexed text has, for each query word, a word beginning with it
    (a hub page's words together: `held_together`)."""
    wanted = search_words(query)
    found = []
    for path in site.rglob("*.html"):
        if held_together(path.read_text(encoding="utf-8"), wanted) == len(wanted):
            found.append(path)
    return found


def held_together(html: str, wanted: list[str]) -> int:
    """How many of the query words a page holds (as beginnings of its words): all its words
    for an article or a page whose title holds one; else those of its own text (title,
    description, other names) or of one entry of its search terms, the most
    (aseankb-search-query.js, rank: "japon 2019" is not a domain page listing Japan and,
    apart, 2019)."""
    found = page_parts(html)
    if not found:
        return 0

    def count(text: str) -> int:
        have = set(search_words(text))
        return sum(any(h.startswith(w) for h in have) for w in wanted)
    title, text, _, _, terms = found
    if not terms or count(title):
        return count(text)
    own = text[:len(text) - len(terms)] if text.endswith(terms) else text
    return max(count(piece) for piece in [own, *terms.split(" · ")])


def articles(sites: Path) -> list[frontmatter.Post]:
    return [frontmatter.load(p) for p in sorted((sites / "content" / "articles").glob("*/*.md"))]


def test_material_search_index_is_not_built_ours_is(sites: Path) -> None:
    site = sites / "site"
    assert not list(site.rglob("search_index.json"))
    assert (site / "kb-search" / "meta.js").is_file()
    assert 'id="kb-search-input"' in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("query", "shown"), FRENCH_QUERIES)
def test_french_search_as_people_type_it(page: Page, base: str, sites: Path, query: str, shown: str) -> None:
    page.goto(base)
    found = search(page, query)
    assert found, f"no result for {query!r}"
    # Every page holding the words (as prefixes of its words, accents and case aside) is counted.
    count = page.inner_text(f"{RESULTS} .md-search-result__meta")
    assert int(count.split()[0]) == len(pages_with(sites / "site", query)), count
    # The first result's page holds the word as written, accents and all.
    page.click(f"{RESULTS} li a")
    page.wait_for_load_state()
    assert shown.lower() in page.inner_text("article").lower()


def test_a_thing_s_other_names_find_its_pages(page: Page, base: str, sites: Path) -> None:
    """"mer de chine meridionale" finds the dispatches that say "mer Orientale", the Vietnam
    News Agency's name for it (data/synonyms.yaml); the sixth audit found only the maritime
    domain's page. The passage shown marks the words the page holds."""
    page.goto(base)
    orientale = sorted(a["title"] for a in articles(sites) if "mer orientale" in a.content.lower())
    assert orientale, "a sample seed speaks of the mer Orientale"
    found = search(page, "mer de chine meridionale")
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    assert set(orientale) <= set(titles), titles
    assert "Aucun" not in page.inner_text(f"{RESULTS} .md-search-result__meta")
    marks = page.eval_on_selector_all(f"{RESULTS} li mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert "orientale" in marks, (marks, found[:2])
    # The other way round, and a phrase among other words.
    search(page, "mer orientale")
    plain = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    assert set(orientale) <= set(plain)
    search(page, "cybersecurity")  # English: the French pages saying "cybersécurité"
    assert "Aucun" not in page.inner_text(f"{RESULTS} .md-search-result__meta")


def _says(words: list[str], phrase: list[str]) -> bool:
    return any(words[i:i + len(phrase)] == phrase for i in range(len(words)))


def test_a_quoted_phrase_gives_the_pages_that_say_it(page: Page, base: str, sites: Path) -> None:
    """"sécurité maritime" in quotes gave every page holding both words anywhere: now the
    pages whose result file (an article's first 6,000 characters, a page's title, opening
    and other names) says them side by side (aseankb-search-phrase.js); those whose file is
    cut before saying them are counted apart. A name of data/synonyms.yaml, it is looked for
    only in the pages whose text says it (search_names.py): the others are no candidates."""
    phrase = search_words("sécurité maritime")
    index = sites / "site" / "kb-search"
    meta = json.loads(re.search(r"\((.*)\);", (index / "meta.js").read_text(encoding="utf-8")).group(1))
    files = {}  # a page's address -> (its title, whether its file says the phrase, whether it is cut)
    for f in index.glob("d-*.js"):
        d = json.loads(re.search(r"\((.*)\);", f.read_text(encoding="utf-8")).group(1))
        names = meta["aliases"].get(str(d[0] - meta["articles"]), "")
        says = any(_says(search_words(t), phrase) for t in [d[2], d[3], *names.split("|")])
        files[re.sub(r"(^|/)index\.html$", r"\1", d[1])] = (d[2], says, d[3].endswith(" …"))
    n, held = _holding(sites / "site", "sécurité maritime")  # the pages holding both words
    both = [p for p, k in held.items() if k == n]
    said = [files[p] for p in both if "securite_maritime" in name_tokens(_text(sites / "site", p).lower())]
    saying = {title for title, says, _ in said if says}
    cut = sum(1 for _, says, cut in said if cut and not says)
    assert saying and len(said) < len(both), (said, both)
    page.goto(base)
    search(page, '"sécurité maritime"')
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    assert set(titles) == saying, (titles, saying)
    count = page.inner_text(f"{RESULTS} .md-search-result__meta")
    assert count == (f"{len(saying)} documents contiennent l’expression exacte\u00a0; {cut} autre"
                     f"{'s contiennent' if cut > 1 else ' contient'} tous ses mots mais n’"
                     f"{'ont' if cut > 1 else 'a'} pas été vérifié{'s' if cut > 1 else ''}."
                     if cut else f"{len(saying)} documents trouvés"), count


def _text(site: Path, address: str) -> str:
    """What a page of the site marks for search (its address as _holding gives it)."""
    path = site / address / "index.html" if not address.endswith(".html") else site / address
    found = page_text(path.read_text(encoding="utf-8"))
    assert found, address
    return found[1]


def test_a_query_no_page_answers_whole_gives_the_pages_that_answer_most_of_it(page: Page, base: str) -> None:
    """"covid vaccins" when no article says "vaccin": the articles on COVID, and the count
    says that they hold one word of two (it said "Aucun document trouvé")."""
    page.goto(base)
    search(page, "cybersecurite")
    alone = page.inner_text(f"{RESULTS} .md-search-result__meta")
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    search(page, "cybersecurite qwxzvk")
    count = page.inner_text(f"{RESULTS} .md-search-result__meta")
    n = int(alone.split()[0])
    assert count == f"Aucun document ne contient tous ces mots\u00a0; {n} documents en contiennent 1 sur 2.", count
    assert page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)") == titles
    # Every word found somewhere: only the pages holding them all.
    search(page, "cybersecurite terrorisme")
    assert "Aucun" not in page.inner_text(f"{RESULTS} .md-search-result__meta")


def _holding(site: Path, query: str) -> tuple[int, dict[str, int]]:
    """The query's words (but its stop words), and for each page holding some of them (as
    prefixes of its words) its address and how many it holds."""
    wanted = [w for w in search_words(query) if w not in STOP_WORDS]
    held = {}
    for path in site.rglob("*.html"):
        k = held_together(path.read_text(encoding="utf-8"), wanted)
        if k:
            held[re.sub(r"(^|/)index\.html$", r"\1", path.relative_to(site).as_posix())] = k
    return len(wanted), held


@pytest.mark.parametrize(("query", "meta"), [
    # Hub pages say what they list (render/terms.py): more of them hold some of the words,
    # those one entry of their terms holds (held_together: 7 and 3 pages counted the words of
    # different entries).
    ("sommet asean melbourne 2024", "1 document contient tous ces mots\u00a0; 5 autres en contiennent 3 sur 4."),
    ("special summit melbourne 2024", "1 document contient tous ces mots\u00a0; 2 autres en contiennent 2 sur 4."),
    ("dialogue navigation garde", "1 document trouvé"),  # the others hold one word of three: left out
    # A page of results holding every word: no more (five partner pages list the field).
    ("cooperation maritime", "18 documents trouvés"),
])
def test_few_whole_results_are_followed_by_the_pages_holding_most_words(page: Page, base: str, sites: Path,
                                                                        query: str, meta: str) -> None:
    """The pages holding every word, then, when they are fewer than a page of results, those
    holding the most of them (at least half, and two of three or more), and the count says
    both: "sommet asean japon 2023" gave one unrelated article, not the ASEAN-Japan summit's
    page (it holds three of the words)."""
    n, held = _holding(sites / "site", query)
    whole = {p for p, k in held.items() if k == n}
    ks = [k for k in held.values() if k < n and 2 * k >= n and (n < 3 or k >= 2)]
    part = {p for p, k in held.items() if k == max(ks)} if ks and len(whole) < 10 else set()
    page.goto(base)
    search(page, query)
    assert page.inner_text(f"{RESULTS} .md-search-result__meta") == meta
    hrefs = page.eval_on_selector_all(f"{RESULTS} li > a", "els => els.map(e => e.getAttribute('href'))")
    shown = [h.removeprefix(base) for h in hrefs]
    assert set(shown[:len(whole)]) == whole or (len(whole) > 10 and set(shown) <= whole), (shown, whole)
    assert set(shown[len(whole):]) == part, (shown, part)


def _index_page(folder: Path, docs: list[Doc]) -> list[str]:
    """A page with the search box and both search scripts, on an index of `docs` written
    beside it; the pages' paths in the order of their numbers."""
    write_index(folder, docs, log=lambda m: None)
    (folder / "assets").mkdir()
    for name in SEARCH_SCRIPTS:
        (folder / "assets" / name).write_bytes((ROOT / "src" / "aseankb" / "assets" / name).read_bytes())
    scripts = "".join(f'<script src="assets/{name}"></script>' for name in SEARCH_SCRIPTS)
    (folder / "index.html").write_text(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<form><input type="search" id="kb-search-input"></form><div id="kb-search-results">'
        '<div class="md-search-result__meta"></div><ol class="md-search-result__list"></ol></div>'
        '<script id="__config" type="application/json">{"base": ".", "translations": {}}</script>'
        f"{scripts}</body></html>", encoding="utf-8")
    return [d.path for d in number_pages(docs)]


# The search's scripts, in the order mkdocs.yml loads them (test_search.py checks it).
SEARCH_SCRIPTS = ["aseankb-search-query.js", "aseankb-search-phrase.js", "aseankb-search.js"]


def _queries(browser: Browser, folder: Path, paths: list[str], queries: list[str]) -> dict[str, dict]:
    """What the search finds for each query (window.__kbQuery.search), pages as paths."""
    out = {}
    for pg in _page(browser, folder.as_uri()):
        pg.goto((folder / "index.html").as_uri())
        for q in queries:
            r = pg.evaluate("q => window.__kbQuery.search(q, true).then(r => [r.whole, r.part, r.k, r.n, r.fixes])", q)
            out[q] = {"whole": [paths[n] for n in r[0]], "part": [paths[n] for n in r[1]], "k": r[2], "n": r[3],
                      "fixes": r[4]}
    return out


def _doc(path: str, text: str, title: str = "") -> Doc:
    # Its words, and the tokens of the other names it says as phrases, as the build gives them.
    words = set(search_words(f"{title} {text}"))
    return Doc(path, title or path, "", words | set(name_tokens(f"{title}\n{text}".lower(), words)),
               set(search_words(title)))


def test_the_query_ranks_whole_then_partial_matches(browser: Browser, tmp_path: Path) -> None:
    docs = [_doc("articles/2025/all.html", "sommet asean japon 2023"),
            _doc("articles/2024/titled.html", "2024", title="Sommet ASEAN-Japon"),  # 3 of 4, in its title
            _doc("articles/2025/three.html", "sommet asean 2023 Tokyo"),  # 3 of 4
            _doc("articles/2025/two.html", "sommet asean"),  # 2 of 4: fewer than the best
            _doc("articles/2025/one.html", "japon"),
            _doc("articles/2025/other.html", "navigation 2023")]
    paths = _index_page(tmp_path, docs)
    found = _queries(browser, tmp_path, paths, ["sommet asean japon 2023", "navigation japon zzzz",
                                                "asean navigation 2023"])
    r = found["sommet asean japon 2023"]
    assert (r["whole"], r["k"], r["n"]) == (["articles/2025/all.html"], 3, 4)
    # Ranked as the whole ones are: the words in its title first, then the newest.
    assert r["part"] == ["articles/2024/titled.html", "articles/2025/three.html"], r
    # Of three words, a page must hold two at least: none does.
    r = found["navigation japon zzzz"]
    assert (r["whole"], r["part"], r["k"]) == ([], [], 0), r
    # Two of three: enough.
    r = found["asean navigation 2023"]
    assert r["whole"] == [] and r["k"] == 2 and set(r["part"]) == {"articles/2025/all.html",
                                                                 "articles/2025/three.html",
                                                                 "articles/2025/other.html"}, r


def test_a_page_of_whole_matches_has_no_partial_ones(browser: Browser, tmp_path: Path) -> None:
    docs = [_doc(f"articles/2025/a{n:02}.html", "cooperation maritime") for n in range(10)]
    docs.append(_doc("articles/2025/b.html", "cooperation"))
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs), ["cooperation maritime", "cooperation navire"])
    assert len(found["cooperation maritime"]["whole"]) == 10 and found["cooperation maritime"]["part"] == []
    assert found["cooperation navire"]["part"] and found["cooperation navire"]["k"] == 1


def test_another_name_stands_for_itself_not_the_words_it_begins(browser: Browser, tmp_path: Path) -> None:
    """"royaume uni" also runs as "UK" (data/synonyms.yaml), which must not find "Ukraine";
    what the query says still stands for the words it begins, but an acronym ("uk", one of a
    thing's names of three letters or fewer), which stands for itself and its other names."""
    docs = [_doc("articles/2025/ukraine.html", "la guerre en Ukraine"),
            _doc("articles/2025/uk.html", "the UK and ASEAN"),
            _doc("articles/2025/royaume.html", "le Royaume-Uni"),
            _doc("articles/2025/japonisme.html", "le japonisme à Paris"),
            _doc("articles/2025/japan.html", "Japan and ASEAN")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs), ["royaume uni", "uk", "japon", "japan"])
    assert set(found["royaume uni"]["whole"]) == {"articles/2025/uk.html", "articles/2025/royaume.html"}
    assert set(found["uk"]["whole"]) == {"articles/2025/uk.html", "articles/2025/royaume.html"}
    assert set(found["japon"]["whole"]) == {"articles/2025/japonisme.html", "articles/2025/japan.html"}
    # "japon" alone (and its demonyms), not "japonisme": "japonais" is another name of Japan.
    assert found["japan"]["whole"] == ["articles/2025/japan.html"]


def test_a_typo_runs_as_the_most_frequent_word_one_edit_away(browser: Browser, tmp_path: Path) -> None:
    docs = [*(_doc(f"articles/2025/c{n}.html", "cooperation sommet") for n in range(3)),
            _doc("articles/2025/s.html", "la somme"),
            _doc("articles/2025/o.html", "ocean")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs), [
        "cooperaton", "ocoperation", "cooperatoin sommez", "sommt", "cooperations", "coopxyzation", "oceam", "ocem"])
    assert found["cooperaton"]["fixes"] == [["cooperaton", "cooperation"]]  # a letter dropped
    assert len(found["cooperaton"]["whole"]) == 3
    assert found["ocoperation"]["fixes"] == [["ocoperation", "cooperation"]]  # swapped: in the shard "co"
    # Two typos, each by the word most pages hold ("sommet", not "somme").
    assert found["cooperatoin sommez"]["fixes"] == [["cooperatoin", "cooperation"], ["sommez", "sommet"]]
    assert len(found["cooperatoin sommez"]["whole"]) == 3
    assert found["sommt"]["fixes"] == [["sommt", "sommet"]]  # a letter added
    assert found["oceam"]["fixes"] == [["oceam", "ocean"]]  # changed
    # A word that begins one is no typo; nothing near, or fewer than 5 letters: as before.
    assert found["cooperations"]["fixes"] == found["coopxyzation"]["fixes"] == found["ocem"]["fixes"] == []


def test_a_word_no_page_holds_gives_the_results_of_the_word_near_it(page: Page, base: str) -> None:
    """"cooperaton" said "Aucun document trouvé": the query runs as "cooperation", and says
    so above the results, as text (the query is untrusted)."""
    page.goto(base)
    search(page, "cooperation")
    expected = page.eval_on_selector_all(f"{RESULTS} li > a", "els => els.map(e => e.href)")
    count = page.inner_text(f"{RESULTS} .md-search-result__meta")
    assert not page.is_visible(f"{RESULTS} .kb-search-fix")
    search(page, "cooperaton")
    note = f"{RESULTS} .kb-search-fix"
    assert page.is_visible(note)
    assert page.inner_text(note) == ("Résultats pour «\u00a0cooperation\u00a0» "
                                     "(aucun document ne contient «\u00a0cooperaton\u00a0»)")
    assert page.eval_on_selector_all(f"{RESULTS} li > a", "els => els.map(e => e.href)") == expected
    assert page.inner_text(f"{RESULTS} .md-search-result__meta") == count
    search(page, "Coopératon <b>maritime</b>")
    assert page.inner_text(note) == ("Résultats pour «\u00a0cooperation <b>maritime</b>\u00a0» "
                                     "(aucun document ne contient «\u00a0Coopératon\u00a0»)")
    assert page.eval_on_selector_all(f"{note} *", "els => els.map(e => e.tagName)") == ["STRONG"]
    # Nothing near: as before.
    search(page, "qwxzvk")
    assert page.inner_text(f"{RESULTS} .md-search-result__meta") == "Aucun document trouvé"
    assert not page.is_visible(note)


def test_english_names_find_the_french_pages(page: Page, base: str, sites: Path) -> None:
    """"japan" gave the partner page only (its English name), "maritime security" the pages
    holding one of its words: the English names of the partners and fields find the
    French articles (data/synonyms.yaml)."""
    page.goto(base)
    search(page, "japan")
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    japon = [html.unescape(a["title"]) for a in articles(sites) if "Japon" in a["title"]]
    assert titles[0] == "Japon" and japon and set(japon) <= set(titles), titles
    search(page, "maritime security")
    meta = page.inner_text(f"{RESULTS} .md-search-result__meta")
    assert re.fullmatch(r"\d+ documents trouvés", meta), meta
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    assert titles[0] == "Coopération maritime", titles


def test_asean_plus_3_finds_the_framework_and_the_articles_that_say_it(page: Page, base: str, sites: Path) -> None:
    """"ASEAN+3" was searched as "asean", on every page (user audit: 74 results, the ASEAN
    summits' page second): it is a term of its own (words.GLUE_RE), with its other names."""
    page.goto(base)
    said = {html.unescape(a["title"]) for a in articles(sites) if "asean-plus-3" in a.get("partners", [])}
    counts = {}
    for query in ("asean", "ASEAN+3", "asean plus 3", "ASEAN Plus Three"):
        search(page, query)
        counts[query] = page.inner_text(f"{RESULTS} .md-search-result__meta")
        titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
        if query != "asean":  # the partner page first
            assert titles[0] == "ASEAN+3", (query, titles)
        if query in ("ASEAN+3", "asean plus 3"):  # then the articles whose main partner it is
            assert said and said <= set(titles[1:1 + len(said)]), (query, titles)
    fewer = [int(re.match(r"\d+", c)[0]) for c in counts.values()]
    assert fewer[0] > 3 * fewer[1] and len(set(fewer[1:])) == 1, counts


def test_search_result_opens_the_article(page: Page, base: str, sites: Path) -> None:
    page.goto(base + "partenaires/")
    search(page, "cybersecurite terrorisme")
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    expected = next(a["title"] for a in articles(sites) if "terrorisme" in a["title"])
    assert titles[0] == expected
    page.click(f"{RESULTS} li a")
    page.wait_for_load_state()
    assert page.inner_text("h1") == expected


@pytest.mark.parametrize(("query", "hub"), [("japon", "Japon"), ("JAPON", "Japon"), ("cybersecurite", "Cybersécurité"),
                                          ("coree du sud", "Corée du Sud"), ("union", "Union européenne"),
                                          ("UE", "Union européenne")])
def test_a_page_titled_by_the_query_comes_first(page: Page, base: str, sites: Path, query: str, hub: str) -> None:
    """The partner or domain page the query names outranks the articles that also have
    its words in their titles (the numbering puts articles first: they win other ties)."""
    page.goto(base)
    search(page, query)
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    assert titles[0] == hub, titles
    # The test means something only when articles have the words in their titles too.
    wanted = set(search_words(query)) - set(STOP_WORDS)
    assert any(wanted <= set(search_words(t)) for t in titles[1:]), titles
    # Matrix cells ("Japon × Énergie") come after every article, those that hold the words
    # in their text only included.
    links = page.eval_on_selector_all(f"{RESULTS} li > a", "els => els.map(e => e.getAttribute('href'))")
    cells = [i for i, href in enumerate(links) if "matrice/" in href]
    arts = [i for i, href in enumerate(links) if "articles/" in href]
    assert not cells or not arts or max(arts) < min(cells), list(zip(titles, links, strict=True))
    assert any(not wanted <= set(search_words(titles[i])) for i in arts), titles  # the text-only ones


@pytest.mark.parametrize(("query", "hub"), [
    ("japon numerique", "Japon"),  # a partner and a field its page lists
    ("japon partenariat strategique global 2023", "Japon"),  # and a year its relations name
    ("coree securite", "Corée du Sud"),  # typed without accents: "Paix et sécurité"
    ("royaume uni partenaire de dialogue", "Royaume-Uni"),  # its status (fifteenth audit)
])
def test_a_partner_page_is_found_by_what_it_says(page: Page, base: str, query: str, hub: str) -> None:
    """A partner page was indexed by its title and English name only: "sommet asean japon
    2023" did not find Japon. Its fields, meetings, years and relations are its search terms
    (render/terms.py): a query naming the partner and one of them finds it among the first."""
    page.goto(base)
    search(page, query)
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    assert hub in titles[:3], titles
    kinds = page.eval_on_selector_all(f"{RESULTS} li .kb-search-label", "els => els.map(e => e.textContent)")
    assert "Partenaire" in kinds[:3], kinds


def _word_far_in(site: Path) -> tuple[str, str, str]:
    """(word, article's title, its opening) for a word of one page only, that its article
    holds only well past the opening a result used to show: the first such word, in the
    order of the pages and of the text."""
    texts = {path: page_parts(path.read_text(encoding="utf-8"), EXCERPT_CHARS) for path in sorted(site.rglob("*.html"))}
    seen = Counter(w for found in texts.values() if found for w in set(search_words(found[1])))
    for path, found in texts.items():
        if not found or "/articles/" not in path.as_posix():
            continue
        title, _text, opening, _names, _terms = found
        for m in re.finditer(r"\w{7,}", opening):
            word = search_words(m.group())[0]
            if m.start() > 600 and seen[word] == 1 and word not in search_words(title) and word not in STOP_WORDS:
                return m.group(), title, opening
    raise AssertionError("no word of one article far into its text")


def test_a_result_shows_the_passage_that_matched(page: Page, base: str, sites: Path) -> None:
    """A word far into one article: its result shows the sentence that holds it, the word
    marked, not the article's opening (which does not hold it)."""
    word, title, opening = _word_far_in(sites / "site")
    page.goto(base)
    search(page, word.lower())
    shown = page.eval_on_selector_all(f"{RESULTS} li article", """els => els.map(e => [
        e.querySelector('h1').textContent, e.querySelector('p:last-child').textContent,
        [...e.querySelectorAll('mark')].map(m => m.textContent)])""")
    assert [t for t, _, _ in shown] == [title], shown
    _, text, marked = shown[0]
    assert text.startswith("… ") and len(text) <= 190 and text[2:-2].strip() in opening, text
    assert word in marked, (word, marked)
    assert opening[:60] not in text, text
    # The title's query words are marked too.
    search(page, "cybersecurite")
    titled = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(h => [h.textContent, "
                                       "[...h.querySelectorAll('mark')].map(m => m.textContent)])")
    assert titled[0] == ["Cybersécurité", ["Cybersécurité"]], titled
    # The query's stop words, which it drops when it has others, are not marked either.
    search(page, f"et la {word.lower()} de")
    marked = page.eval_on_selector_all(f"{RESULTS} li mark", "els => els.map(m => m.textContent.toLowerCase())")
    assert marked and set(marked) == {word.lower()}, marked
    # A word of its opening: the opening, as before.
    first = next(w for w in re.findall(r"\w{5,}", opening[:100]) if w.lower() not in STOP_WORDS)
    search(page, first.lower())
    openings = page.eval_on_selector_all(f"{RESULTS} li article", """els => els.map(e => [
        e.querySelector('h1').textContent, e.querySelector('p:last-child').textContent])""")
    assert [t for t, p in openings if t == title] == [title], openings
    assert next(p for t, p in openings if t == title).startswith(opening[:60]), openings


def _passages(page: Page, base: str, site: Path) -> list[tuple[str, str, list[str]]]:
    """Each article result's text (the first EXCERPT_CHARS of its page's), passage and marked
    words."""
    shown = page.eval_on_selector_all(f"{RESULTS} li a[href*='/articles/']", """els => els.map(a => [
        a.getAttribute('href'), a.querySelector('p:last-child').textContent,
        [...a.querySelectorAll('p:last-child mark')].map(m => m.textContent)])""")
    out = []
    for href, text, marked in shown:
        found = page_parts((site / href.removeprefix(base) / "index.html").read_text(encoding="utf-8"), EXCERPT_CHARS)
        assert found, href
        out.append((found[2], text, marked))
    return out


def _fragments(text: str, opening: str) -> list[str]:
    """A passage's fragments (" … " between them), each a piece of the article's text, in
    the text's order."""
    pieces = text.removeprefix("… ").removesuffix(" …").split(" … ")
    at = 0
    for piece in pieces:
        at = opening.find(piece, at)
        assert at >= 0, (piece, text)
        at += len(piece)
    return pieces


def _starts(text: str, word: str) -> list[int]:
    """Where the words of the text that a query word begins (as search folds them) start."""
    return [m.start() for m in re.finditer(r"\w+", text) if search_words(m.group())[:1] and
            search_words(m.group())[0].startswith(word)]


def _marked_in(piece: str, marked: list[str]) -> bool:
    """Whether the fragment holds one of the marked words (as a word of it)."""
    return any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", piece) for m in marked if m.strip("+"))


def test_a_result_shows_every_query_word_its_text_holds(page: Page, base: str, sites: Path) -> None:
    """Audit: "cooperation maritime" showed "… la coopération dans des domaines prioritaires
    tels que la lutte contre le terrorisme et l'extrémisme violent, la cybersécurité, la …",
    the sentence's "sécurité maritime" cut off. Every article whose text holds both words
    shows both, marked: in one passage where they stand close, in fragments joined by " … "
    (as web search engines show theirs) where no stretch of what is shown holds them."""
    page.goto(base)
    search(page, "cooperation maritime")
    kinds = []
    for opening, text, marked in _passages(page, base, sites / "site"):
        near = [abs(a - b) for a in _starts(opening, "cooperation") for b in _starts(opening, "maritime")]
        if not near:
            continue
        folded = [search_words(m)[0] for m in marked if search_words(m)]
        assert any(w.startswith("cooperation") for w in folded) and "maritime" in folded, (text, marked)
        pieces = _fragments(text, opening)
        assert len(pieces) <= 3 and len(text) <= 190, text
        if min(near) < 100:  # "la coopération maritime", "la sécurité maritime, la coopération"
            assert len(pieces) == 1, text
        if min(near) > 150:  # a stretch of 180 characters holds no two of them
            assert len(pieces) == 2 and all(_marked_in(p, marked) for p in pieces), text
        kinds.append(len(pieces))
    assert sorted(set(kinds)) == [1, 2], kinds


@pytest.mark.parametrize(("query", "wanted"), [("asean+3 vietnam", [["ASEAN", "+", "3"], ["Vietnam"]]),
                                               # Not "etats unis maritime": "américain" is
                                               # another name of the États-Unis, which one
                                               # sentence says with "maritime" (no fragments).
                                               ("union europeenne maritime", [["Union", "européenne"], ["maritime"]])])
def test_a_passage_s_fragments_mark_glued_terms_and_names(page: Page, base: str, sites: Path, query: str,
                                                          wanted: list[list[str]]) -> None:
    """A passage in fragments marks a glued term ("ASEAN+3") and a name of several words
    ("États-Unis", marked only where its words stand side by side) as one passage does."""
    page.goto(base)
    search(page, query)
    split = [(text, marked) for opening, text, marked in _passages(page, base, sites / "site")
             if len(_fragments(text, opening)) > 1]
    assert any(all(any(marked[i:i + len(w)] == w for i in range(len(marked))) for w in wanted)
               for _, marked in split), split


@pytest.mark.parametrize(("query", "hub"), [("changement climatique", "Climat et environnement"),
                                          ("mer orientale", "Coopération maritime"),
                                          ("transition energetique", "Énergie"), ("covid", "Santé publique")])
def test_a_domain_page_comes_first_for_its_other_names(page: Page, base: str, query: str, hub: str) -> None:
    """A domain's other names (domains.yaml `aliases`): "changement climatique" gave articles
    only, the page "Climat et environnement" nowhere among them (fourth audit)."""
    page.goto(base)
    search(page, query)
    titles = page.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)")
    assert titles and titles[0] == hub, titles


def test_results_say_an_article_s_date_and_a_page_s_kind(page: Page, base: str) -> None:
    """Results of the same title (a meeting reported every year) are told apart by date."""
    page.goto(base)
    search(page, "japon")
    shown = page.eval_on_selector_all(f"{RESULTS} li a", """els => els.map(a => [
        a.getAttribute('href'), (a.querySelector('.kb-search-label') || {}).textContent])""")
    assert shown[0][1] == "Partenaire", shown
    dates = [label for href, label in shown if "/articles/" in href]
    # A year that is only the earliest the text allows says so (fifteenth audit).
    assert dates and all(re.fullmatch(r"((\d{1,2}|1er) \w+ \d{4}|\w+ \d{4}|\d{4})( au plus tôt)?|sans date", d)
                         for d in dates), dates
    assert "sans date" in dates and any(re.fullmatch(r".* 20\d\d", d) for d in dates), shown
    assert any(label == "Partenaire × domaine" for _, label in shown), shown


def test_results_say_an_article_s_language_and_a_meeting_page_s_kind(page: Page, base: str) -> None:
    """An article not in French says so in its result, and its title and text are marked
    with their language; the meeting it reports has a page of its own."""
    page.goto(base)
    search(page, "melbourne")
    shown = page.eval_on_selector_all(f"{RESULTS} li a", """els => els.map(a => [
        a.getAttribute('href'), a.querySelector('.kb-search-label').textContent,
        a.querySelector('h1').lang, a.querySelector('p:last-child').lang])""")
    english = [s for s in shown if "/articles/" in s[0] and "asean-and-australia" in s[0]]
    assert english and english[0][1:] == ["mars 2024 · en anglais", "en", "en"], shown
    assert all(s[2] == "" for s in shown if s not in english), shown  # the others are in French
    # Its result shows the passage that matched, as a French article's does.
    found = search(page, "scholarships")
    assert len(found) == 1 and "announced new scholarships" in found[0], found
    search(page, "sommet special australie")
    shown = page.eval_on_selector_all(f"{RESULTS} li a", """els => els.map(a => [
        a.getAttribute('href'), (a.querySelector('.kb-search-label') || {}).textContent])""")
    assert shown[0][0].endswith("/reunions/asean-australia-special-summit/") and shown[0][1] == "Réunion", shown


def test_a_result_marks_only_a_title_s_own_words(page: Page, base: str, sites: Path) -> None:
    """Left out in session 24: a Vietnamese title's result was wholly `lang="vi"`, the French
    name of its summit after its own words too, where every list marks its own words only.
    Its query words are still marked, inside the span; its text is read in Vietnamese."""
    vietnamese = next(a["title"] for a in articles(sites) if a["language"] == "vi")
    own = vietnamese.split(" — ")[0]
    page.goto(base)
    search(page, "tuyen bo sommet")
    shown = page.eval_on_selector_all(f"{RESULTS} li a[href*='/articles/'] article", """els => els.map(a => {
        const h = a.querySelector('h1');
        return [h.textContent, h.lang, ...Array.from(h.children, e => [e.tagName, e.lang, e.textContent]),
                a.querySelector('p:last-child').lang]; })""")
    mine = [s for s in shown if s[0] == vietnamese]
    assert mine, shown
    heading, lang, span, *inside, text_lang = mine[0]
    assert lang == "" and span == ["SPAN", "vi", own] and text_lang == "vi", mine
    marks = page.eval_on_selector_all(f"{RESULTS} h1 span[lang=vi] mark", "els => els.map(e => e.textContent)")
    assert marks[:2] == ["tuyên", "bố"], marks
    # The summit's French name, after the span, is marked where the query says it.
    assert [e for e in inside if e[0] == "MARK"] == [["MARK", "", "Sommet"]], mine


@pytest.mark.parametrize(("query", "hub"), [
    ("ministre russe", "/personnes/serguei-lavrov/"),  # the role the article gives him
    ("58e amm", "/reunions/amm/"),  # the meeting's series page, beside the article reporting it
])
def test_people_are_found_by_their_roles_and_meetings_by_their_number(page: Page, base: str, query: str,
                                                                       hub: str) -> None:
    page.goto(base)
    search(page, query)
    hrefs = page.eval_on_selector_all(f"{RESULTS} li a", "els => els.map(a => a.getAttribute('href'))")
    assert any(h.endswith(hub) for h in hrefs), hrefs


def test_results_link_to_page_addresses_and_more_keeps_the_keyboard_place(page: Page, base: str) -> None:
    page.goto(base)
    search(page, "asean")
    hrefs = page.eval_on_selector_all(f"{RESULTS} li a", "els => els.map(e => e.href)")
    assert len(hrefs) == 10 and not [h for h in hrefs if h.endswith("index.html")], hrefs
    assert base + "partenaires/asean-plus-3/" in hrefs or any(h.endswith("/") for h in hrefs)
    # Keyboard: the button that shows more is replaced by the longer list; focus goes on
    # from the first new result (it fell back to the top of the page).
    page.focus(f"{RESULTS} .kb-search-more button")
    page.keyboard.press("Enter")
    page.wait_for_function("sel => document.querySelectorAll(sel).length > 10", arg=f"{RESULTS} li a")
    focused = page.evaluate("() => document.activeElement.href || document.activeElement.tagName")
    assert focused == page.eval_on_selector_all(f"{RESULTS} li a", "els => els[10].href")


def test_undated_articles_come_after_dated_ones_and_a_word_nowhere_asks_for_nothing(page: Page, base: str,
                                                                                   sites: Path) -> None:
    assert any(a["year"] is None for a in articles(sites)), "the site has an undated article"
    page.goto(base)
    search(page, "japon")
    rows = page.eval_on_selector_all(f"{RESULTS} li a",
                                     "els => els.map(e => [e.href, e.querySelector('h1').textContent])")
    # Articles with the word in their titles tie on score: the dated come first, newest first.
    tied = [href.split("/articles/")[1].split("/")[0] for href, title in rows
            if "/articles/" in href and "Japon" in title]
    assert "sans-date" in tied and tied[0] != "sans-date", tied
    assert all(k == "sans-date" for k in tied[tied.index("sans-date"):]), tied
    # No vocabulary file for "xyzzy": the browser must not ask for one (a failed request is a
    # console error, which the page fixture fails on).
    with page.expect_response(lambda r: "meta.js" in r.url):
        page.reload()
        search(page, "coree")  # meta.js is loaded by the first query
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    search(page, "xyzzy")
    assert not [u for u in requests if "/kb-search/v-" in u], requests


def test_seed_markup_is_shown_as_text_in_results(page: Page, base: str) -> None:
    page.goto(base)
    found = search(page, "zorglubien")
    assert any("<script>window.__pwned=2</script>" in text for text in found), found
    assert page.eval_on_selector_all(f"{RESULTS} img, {RESULTS} script, {RESULTS} b", "els => els.length") == 0
    page.click(f"{RESULTS} li a")
    page.wait_for_load_state()
    assert "<img src=x" in page.inner_text("h1")
    assert page.evaluate("() => window.__pwned") is None


def test_tabbing_out_of_search_closes_it(page: Page, base: str) -> None:
    """The keyboard reaches the search box (the dialog opens), then leaves it: the dialog
    closes instead of dimming and covering the page the focus moved on to."""
    page.goto(base)
    state = "() => [document.activeElement.id, document.getElementById('__search').checked]"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(state)[0] == "kb-search-input":
            break
    assert page.evaluate(state) == ["kb-search-input", True]
    inside = "() => document.getElementById('kb-search').contains(document.activeElement)"
    # Nothing typed, no result: the next Tab leaves the dialog (the empty results area was a
    # stop of its own, the fifth audit found).
    page.keyboard.press("Tab")
    assert not page.evaluate(inside) and page.evaluate(state)[1] is False
    # Only Material's clear button: Chromium's own (type="search") is hidden.
    hidden = page.evaluate("""() => [...document.styleSheets].flatMap(s => [...s.cssRules]).some(r =>
        (r.selectorText || "").includes("#kb-search-input::-webkit-search-cancel-button")
        && r.style.display === "none")""")
    assert hidden


def test_the_matrix_keeps_its_partner_column_in_view(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})  # a phone: there it scrolls sideways
    page.goto(base + "matrice/")
    wrap = "article .md-typeset__scrollwrap"
    assert page.eval_on_selector(wrap, "e => e.scrollWidth > e.clientWidth")  # it does scroll sideways
    first = "article table tbody tr th:first-child"
    edge = page.eval_on_selector(wrap, "e => e.getBoundingClientRect().left")
    page.eval_on_selector(wrap, "e => { e.scrollLeft = 100; }")
    assert page.eval_on_selector(wrap, "e => e.scrollLeft") == 100
    # Scrolled 100 px, the partners' cells are still at the left edge of the visible table.
    assert abs(page.eval_on_selector(first, "e => e.getBoundingClientRect().left") - edge) < 1
    # Its counts are one-digit links: each a box a finger can hit (WCAG 2.2: 24 px), not 7 x 15.
    sizes = page.eval_on_selector_all("article table tbody td:not(:first-child) a", """els => els.map(a => {
        const r = a.getBoundingClientRect(); return [r.width, r.height]; })""")
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes
    # Other tables scroll as Material makes them.
    page.goto(base + "partenaires/")
    assert page.eval_on_selector("article table tbody th", "e => getComputedStyle(e).position") == "static"


def test_pages_out_of_the_nav_light_their_tab_and_lead_to_their_neighbours(page: Page, base: str) -> None:
    """User audit: on a partner's, a year's or a person's page no tab was lit, and from 2019
    the next year was reachable only through the index."""
    page.set_viewport_size({"width": 1280, "height": 800})
    for path, tab in (("partenaires/japon/", "Partenaires"), ("annees/2019/", "Années"),
                      ("domaines/energie/", "Domaines"), ("personnes/serguei-lavrov/", "Personnalités"),
                      ("reunions/amm/", "Réunions"), ("partenaires/", "Partenaires"), ("", "Accueil")):
        page.goto(base + path)
        assert page.locator(".md-tabs__item--active").all_inner_texts() == [tab], path
    page.goto(base + "partenaires/japon/")
    page.locator("article li a[href*='/articles/']").first.click()  # an article: no tab of its own
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.locator(".md-tabs__item--active").count() == 0
    page.goto(base + "annees/2019/")
    page.click(".kb-pager >> text=2022")
    assert page.url == base + "annees/2022/" and page.inner_text("article h1") == "2022"
    page.click(".kb-pager >> text=Toutes les années")
    assert page.url == base + "annees/"


def test_the_phone_menu_marks_the_section_of_a_page_out_of_the_nav(page: Page, base: str) -> None:
    """Left out in session 23: on a phone, the drawer of a partner's or a year's page marked no
    section, where the tab does on a wide screen (overrides/partials/nav.html)."""
    page.set_viewport_size({"width": 375, "height": 667})
    current = ".md-sidebar--primary .md-nav__link--active"
    for path, section in (("partenaires/japon/", "Partenaires"), ("annees/2019/", "Années"),
                          ("personnes/serguei-lavrov/", "Personnalités"), ("partenaires/", "Partenaires")):
        page.goto(base + path)
        page.click("label.md-header__button[for=__drawer]")
        page.wait_for_function("() => document.querySelector('#__drawer').checked")
        assert page.locator(current).all_inner_texts() == [section], path
        assert page.locator(current).first.is_visible(), path
        if path != "partenaires/":  # a page of the nav is the current page, as Material says
            assert page.get_attribute(current, "aria-current") == "location", path
    page.goto(base + "partenaires/japon/")
    page.locator("article li a[href*='/articles/']").first.click()  # an article: no section of its own
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.locator(current).count() == 0


def test_the_matrix_counts_and_dots_share_their_column_centre(page: Page, base: str) -> None:
    """Audit: the counts sat left of the "·" of empty cells (a 24 px box, right-aligned), so a
    row of dots read as lying between the columns."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(base + "matrice/")
    centres = page.eval_on_selector_all("article table tbody tr", """rows => rows.map(r =>
        [...r.querySelectorAll('td')].map(td => {
            const range = document.createRange(); range.selectNodeContents(td);
            const box = range.getBoundingClientRect(); return Math.round(box.left + box.width / 2);
        }))""")
    columns = list(zip(*centres, strict=True))
    assert all(max(col) - min(col) <= 2 for col in columns), columns


def test_a_matrix_cell_is_read_with_its_partner_and_its_domain(page: Page, base: str) -> None:
    """Accessibility: the partner column held plain cells, so a screen reader moving along a
    row read "1" with its domain but not the partner it counts (render/rowheaders.py)."""
    page.goto(base + "matrice/")
    japan = page.get_by_role("rowheader", name="Japon", exact=True)
    assert japan.count() == 1
    row = page.get_by_role("row").filter(has=japan)
    cells = row.get_by_role("cell")
    # The row's counts are cells beside the header, each titled with its partner and domain.
    titles = cells.locator("a").evaluate_all("els => els.map(a => a.title)")
    assert titles and all(t.startswith("Japon × ") for t in titles), titles
    assert page.get_by_role("columnheader", name="Partenaire").count() == 1


def test_escape_dismisses_a_matrix_cell_s_tooltip(page: Page, base: str) -> None:
    """Accessibility audit (WCAG 1.4.13): a cell's tooltip ("Japon × Énergie", Material's,
    from the link's title) showed on hover and on focus, and Escape left it over the cells."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + "matrice/")
    shown = "() => [...document.querySelectorAll('.md-tooltip2')].some(t => t.matches('.md-tooltip2--active') " \
            "&& getComputedStyle(t).visibility !== 'hidden')"
    cell = "tbody td:nth-child(2) a"
    page.hover(cell)
    page.wait_for_function(shown)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not page.evaluate(shown)
    page.mouse.move(0, 0)
    page.focus(cell)  # shown again when the focus comes to a cell
    page.wait_for_function(shown)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not page.evaluate(shown)


def test_the_matrix_keeps_its_domain_headers_in_view(page: Page, base: str) -> None:
    """Down to the last partner, the domains' headers show above the counts (tenth audit:
    they scrolled out of view with the upper rows)."""
    page.set_viewport_size({"width": 1280, "height": 480})
    page.goto(base + "matrice/")
    wrap, head = "article .md-typeset__scrollwrap", "article thead th:nth-child(2)"
    height = page.eval_on_selector(wrap, "e => [e.scrollHeight, e.clientHeight]")
    assert height[0] > height[1], height  # taller than a screen: it scrolls in its own box
    header = page.eval_on_selector(".md-header", "e => e.getBoundingClientRect().bottom")
    assert height[1] <= 480 - header  # which fits under Material's header
    page.evaluate(f"""() => {{ const r = document.querySelector('{wrap}').getBoundingClientRect();
        window.scrollBy(0, r.top - {header} - 8); }}""")
    top = page.eval_on_selector(wrap, "e => { e.scrollTop = e.scrollHeight; return e.getBoundingClientRect().top; }")
    assert page.eval_on_selector(wrap, "e => e.scrollTop") > 0
    assert abs(page.eval_on_selector(head, "e => e.getBoundingClientRect().top") - top) < 1
    # The last partner's row shows whole, below the headers, not under them.
    last = page.eval_on_selector("article tbody tr:last-child", "e => e.getBoundingClientRect().toJSON()")
    below = page.eval_on_selector(head, "e => e.getBoundingClientRect().bottom")
    assert below <= last["top"] + 1 and last["bottom"] <= 480, (below, last)
    # The corner cell stays over both the column and the headers it meets.
    assert page.evaluate("""() => { const e = document.querySelector('article thead th:first-child');
        const r = e.getBoundingClientRect();
        return document.elementFromPoint(r.left + 4, r.top + 4).closest('th') === e; }""")


def test_an_article_chips_lead_to_their_pages_and_keep_the_title_in_view(page: Page, base: str,
                                                                         sites: Path) -> None:
    paths = sorted((sites / "content" / "articles").glob("*/*.md"))
    path = max(paths, key=lambda p: len(frontmatter.load(p)["tags"]))
    art = frontmatter.load(path)
    assert len(art["tags"]) >= 10, "a sample article with many partners and domains"
    url = f"{base}articles/{path.parent.name}/{path.stem}/"
    page.set_viewport_size({"width": 375, "height": 667})  # a phone
    page.goto(url)
    chips = page.eval_on_selector_all(".md-tags a.md-tag", "els => els.map(e => [e.textContent, e.href])")
    assert [c[0] for c in chips] == art["tags"]
    # On one line that scrolls sideways, and the title is on the first screen.
    assert page.eval_on_selector(".md-tags", "e => e.scrollWidth > e.clientWidth && e.clientHeight < 48")
    assert page.eval_on_selector("h1", "e => e.getBoundingClientRect().bottom") < 667
    # Each chip opens its partner's or domain's page.
    for name, href in (chips[0], chips[len(art["partners"])]):
        page.goto(href)
        assert page.inner_text("article h1") == name


def test_the_raw_source_reads_right_on_a_phone_from_a_server_that_sends_no_charset(browser: Browser,
                                                                                   base: str) -> None:
    # The test's server is Python's http.server, like `mkdocs serve`: no charset sent. As a .txt
    # the source took a phone's 980 px default width, its letters drawn at 5 px (tenth audit).
    for page in _page(browser, base, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True):
        page.goto(base + "partenaires/japon/")
        page.locator("article li a[href*='/articles/']").first.click()  # an article, not a meeting
        page.wait_for_load_state()
        # The page has no icon link: the browser asks for /favicon.ico, which the site lacks.
        page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        with page.expect_response(lambda r: "/sources/" in r.url) as sent:
            page.click("text=texte brut d'origine")
        assert "charset" not in sent.value.headers["content-type"]
        text = page.inner_text("pre")
        assert "coopération" in text and "Ã" not in text
        # At the phone's width, every line wrapped in it, its letters at 16 px.
        assert page.evaluate("() => [innerWidth, document.documentElement.scrollWidth]") == [390, 390]
        assert page.eval_on_selector("pre", "e => getComputedStyle(e).fontSize") == "16px"
        # A page with a heading, in a main landmark (accessibility audit: neither, its text
        # outside any landmark); axe finds nothing else to say of it either.
        assert page.locator("main h1").count() == 1
        assert page.inner_text("main h1").startswith("Texte brut d'origine du fichier seeds/")
        found = Axe().run(page).response["violations"]
        assert not found, [(v["id"], v["impact"]) for v in found]
        # Not a dead end: a link leads back to the article (twelfth audit).
        article = page.url
        page.go_back()
        title, article = page.inner_text("article h1"), page.url
        page.go_forward()
        page.click("text=Retour à l'article")
        page.wait_for_load_state()
        assert page.url == article and page.inner_text("article h1") == title


def test_explorer_filters_and_shares_the_view(page: Page, base: str, sites: Path, browser: Browser) -> None:
    page.goto(base + "explorer/")

    def together(a: frontmatter.Post, pid: str, did: str) -> bool:
        # An article about several partners counts where it reports on the partner and the
        # domain together (partner_domains), as in the matrix.
        return pid in a["partners"] and did in a.get("partner_domains", {}).get(pid, a["domains"])

    def shown() -> list[str]:
        return sorted(page.eval_on_selector_all("#kb-explorer-results li a", "els => els.map(e => e.textContent)"))
    # The 2025 meeting report speaks of cybersecurity with the United States, not with Japan.
    apart = [a["title"] for a in articles(sites) if "japon" in a["partners"] and "cybersecurite" in a["domains"]
             and not together(a, "japon", "cybersecurite")]
    assert apart, "the seeds have an article on Japan that discusses cybersecurity with another partner"
    page.select_option("select[name=partenaire]", "japon")
    page.select_option("select[name=domaine]", "cybersecurite")
    japan = sorted(a["title"] for a in articles(sites) if together(a, "japon", "cybersecurite"))
    page.wait_for_function("n => n ? document.querySelectorAll('#kb-explorer-results li').length === n"
                           " : document.querySelector('.kb-explorer-count').textContent.startsWith('Aucun')",
                           arg=len(japan))
    assert shown() == japan and not set(apart) & set(shown())
    page.select_option("select[name=partenaire]", "etats-unis")
    page.select_option("select[name=de]", "2019")
    page.select_option("select[name=a]", "2025")
    expected = sorted(a["title"] for a in articles(sites) if together(a, "etats-unis", "cybersecurite")
                      and a["year"] and 2019 <= a["year"] <= 2025)
    assert set(apart) <= set(expected), "the seeds have a United States x cybersecurity article"
    page.wait_for_function("n => document.querySelectorAll('#kb-explorer-results li').length === n",
                           arg=len(expected))
    assert shown() == expected
    assert page.url.endswith("#partenaire=etats-unis&domaine=cybersecurite&de=2019&a=2025")
    # The link, opened elsewhere, shows the same selection.
    shared = page.context.new_page()
    shared.goto(page.url)
    shared.wait_for_selector("#kb-explorer-results li a")
    assert shared.input_value("select[name=domaine]") == "cybersecurite"
    assert sorted(shared.eval_on_selector_all("#kb-explorer-results li a", "els => els.map(e => e.textContent)")) \
        == expected
    # Narrower than the data: nothing, and it says so.
    page.select_option("select[name=de]", "2025")
    page.select_option("select[name=a]", "2025")
    page.select_option("select[name=partenaire]", "union-europeenne")
    page.wait_for_function("() => document.querySelector('.kb-explorer-count').textContent.startsWith('Aucun')")


# An article line as a screen reader gets it: its text, and each element's name, `lang`
# and text (the line's links differ: the year page's are relative; its French spacing too).
ITEM_MARKS = """li => [li.textContent, ...Array.from(li.querySelectorAll("*"),
    e => [e.tagName, e.getAttribute("lang"), e.textContent])].flat().map(t => t && t.replace(/\\u00a0/g, " "))"""


def test_explorer_marks_languages_as_the_other_lists_do(page: Page, base: str, sites: Path) -> None:
    """Audit: the Explorer listed English and Vietnamese titles without their `lang` and
    without "(en anglais)", where every other list has both; and, as they now do, it marks
    a Vietnamese title's own words only, not the French name of its summit after them."""
    page.goto(base + "annees/2024/")
    # The year page's article lines: those whose link leads to an article.
    listed = page.eval_on_selector_all("article li:has(> a[href*='articles/'])", f"els => els.map({ITEM_MARKS})")
    page.goto(base + "explorer/#de=2024&a=2024")
    page.wait_for_function("n => document.querySelectorAll('#kb-explorer-results li').length === n", arg=len(listed))
    shown = page.eval_on_selector_all("#kb-explorer-results li", f"els => els.map({ITEM_MARKS})")
    assert shown == listed
    english = next(a["title"] for a in articles(sites) if a["language"] == "en")
    vietnamese = next(a["title"] for a in articles(sites) if a["language"] == "vi")
    own = vietnamese.split(" — ")[0]
    assert [line[1:] for line in shown if english in line] == [["A", "en", english, "EM", None, "(en anglais)"]]
    assert [line[1:] for line in shown if vietnamese in line] == [
        ["A", None, vietnamese, "SPAN", "vi", own, "EM", None, "(en vietnamien)"]]
    assert all(line[2] is None for line in shown if english not in line and vietnamese not in line)  # French


def test_explorer_says_why_nothing_matches_and_announces_only_the_count(page: Page, base: str) -> None:
    page.goto(base + "explorer/#de=2025&a=2019")
    status = page.wait_for_selector("[role=status].kb-explorer-count:not(:empty)")
    assert "«\u00a0De\u00a0» (2025) est après l'année «\u00a0À\u00a0» (2019)" in status.inner_text()
    assert page.get_attribute("#kb-explorer-results", "aria-live") is None
    assert "md-button" in page.get_attribute("#kb-explorer button[type=reset]", "class")


def test_explorer_says_what_the_address_asked_for_that_it_does_not_know(page: Page, base: str) -> None:
    """"#partenaire=xxx" or "#de=abcd" showed every article with "Tous" selected, as if the
    address had asked for nothing (user audit): the count says what was ignored, as text."""
    status = "[role=status].kb-explorer-count:not(:empty)"
    page.goto(base + "explorer/#partenaire=xxx")
    text = page.wait_for_selector(status).inner_text().replace("\u00a0", " ")
    assert text.startswith("Partenaire inconnu dans l'adresse : « xxx » ; tous les articles sont affichés. "), text
    assert page.input_value("select[name=partenaire]") == ""
    page.goto(base + "explorer/#partenaire=japon&de=abcd&domaine=%3Cb%3Ex%3C%2Fb%3E")
    page.wait_for_function("() => /ignorés/.test(document.querySelector('.kb-explorer-count').textContent)")
    text = page.inner_text(status).replace("\u00a0", " ")
    assert text.startswith("Domaine inconnu dans l'adresse : « <b>x</b> » ; année « De » inconnue dans l'adresse : "
                           "« abcd » ; ces filtres sont ignorés. "), text  # markup shown as text
    assert page.input_value("select[name=partenaire]") == "japon"
    assert page.eval_on_selector(status, "e => e.children.length") == 0
    # A choice in the menus is the reader's own: the notice goes.
    page.select_option("select[name=partenaire]", "chine")
    page.wait_for_function("() => !/inconnu/.test(document.querySelector('.kb-explorer-count').textContent)")


FOCUS_IN_OUTPUT = "() => document.querySelector('#kb-search .md-search__output').contains(document.activeElement)"


def test_search_results_by_arrow_keys_and_escape_back_to_the_box(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base)
    search(page, "japon")
    links = page.eval_on_selector_all(f"{RESULTS} li a", "els => els.map(e => e.href)")
    assert len(links) >= 2
    focused = "() => document.activeElement.href || document.activeElement.id"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == "kb-search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    # Closed, with the focus in the header's box (it was on nothing: Tab began again at
    # the top of the page); typing there reopens the results.
    assert not page.is_checked("#__search") and page.evaluate(focused) == "kb-search-input"
    # The closed dialog's results are out of the Tab order: Enter opens nothing unseen.
    assert page.eval_on_selector(f"{RESULTS} li a", "a => getComputedStyle(a).visibility") == "hidden"
    for _ in range(3):
        page.keyboard.press("Tab")
        assert not page.evaluate(FOCUS_IN_OUTPUT)
    page.focus("#kb-search-input")
    assert page.is_checked("#__search")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search") and page.evaluate(focused) == "kb-search-input"
    assert page.input_value("#kb-search-input") == "japon"  # kept for when it reopens
    page.keyboard.press("Escape")  # closed: the box's own Escape emptied it and reopened it
    assert not page.is_checked("#__search") and page.input_value("#kb-search-input") == "japon"
    # Enter in the closed box shows the results; it opened the first, unseen (fourteenth audit).
    url = page.url
    page.keyboard.press("Enter")
    assert page.is_checked("#__search") and page.url == url
    page.keyboard.press("Escape")
    page.keyboard.type("s")
    assert page.is_checked("#__search")


def test_the_phone_search_button_is_reachable_and_gets_the_focus_back(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base)
    button = "label.md-header__button[for=__search]"
    assert page.eval_on_selector(button, "b => b.tabIndex") == 0
    page.focus(button)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'kb-search-input'")
    assert page.is_checked("#__search")
    page.keyboard.type("japon", delay=20)
    page.wait_for_selector(f"{RESULTS} li a")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUS_IN_OUTPUT)
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    assert page.evaluate("() => document.activeElement.getAttribute('for')") == "__search"
    # Enter on the button opens the search again, query and results kept: it opened the
    # first result, which the reader never saw (fourteenth audit).
    url = page.url
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'kb-search-input'")
    page.wait_for_timeout(300)
    assert page.url == url and page.is_checked("#__search") and page.input_value("#kb-search-input") == "japon"
    page.keyboard.press("Enter")  # now seen: Enter opens the first result
    page.wait_for_url(lambda u: u != url)


@pytest.mark.parametrize("width", [320, 800])
def test_tabbing_past_the_phone_search_button_leaves_the_search_closed(page: Page, base: str, width: int) -> None:
    """Accessibility audit: where the search is a button (below 960px), Tab went on from it
    into the closed dialog's box, which it opened (the box opens on focus), and out again."""
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(base)
    page.focus("label.md-header__button[for=__search]")
    page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    focused = page.evaluate("() => document.activeElement.id || document.activeElement.className")
    assert focused != "kb-search-input" and not page.is_checked("#__search"), focused
    # Its button still opens it, the box focused.
    page.focus("label.md-header__button[for=__search]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'kb-search-input'")
    assert page.is_checked("#__search") and page.is_visible("#kb-search-input")


def test_header_buttons_say_whether_they_are_open(page: Page, base: str) -> None:
    """Accessibility audit: the header's menu and search buttons (role="button") did not say
    whether the drawer or the search was open."""
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base)
    menu, find = "label.md-header__button[for=__drawer]", "label.md-header__button[for=__search]"
    assert [page.get_attribute(b, "aria-expanded") for b in (menu, find)] == ["false", "false"]
    for button in (menu, find):
        page.focus(button)
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert page.get_attribute(button, "aria-expanded") == "true", button
        page.keyboard.press("Escape")  # aseankb-keys.js closes it by setting the checkbox
        page.wait_for_timeout(300)
        assert page.get_attribute(button, "aria-expanded") == "false", button
    page.keyboard.press("/")  # the shortcut opens the search from a script too
    assert page.get_attribute(find, "aria-expanded") == "true"


def test_only_the_search_count_is_announced(page: Page, base: str) -> None:
    """Accessibility audit: the whole results box was a live region (each query read out its
    results with their excerpts), not the count alone."""
    page.goto(base)
    search(page, "japon")
    live = page.evaluate("""() => { const live = '[aria-live], [role=status], [role=log], [role=alert]';
        const meta = document.querySelector('#kb-search-results .md-search-result__meta');
        return [meta.closest(live) === meta, !!document.querySelector('#kb-search-results li').closest(live)]; }""")
    assert live == [True, False], live


@pytest.mark.parametrize("width", [360, 375, 414])
def test_the_site_name_fits_in_a_phone_header(page: Page, base: str, width: int) -> None:
    """It read "Base de connaissances A…" at 375px (fourteenth audit)."""
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(base)
    widths = page.eval_on_selector(".md-header__topic .md-ellipsis", "s => [s.scrollWidth, s.clientWidth]")
    assert widths[0] <= widths[1], widths


def test_tabbing_out_of_the_phone_menu_closes_it(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base + "partenaires/japon/")
    page.focus("label.md-header__button[for=__drawer]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    inside = "() => document.activeElement.closest('.md-sidebar--primary') !== null"
    for _ in range(30):
        page.keyboard.press("Tab")
        if not page.evaluate(inside):
            break
    assert not page.evaluate(inside) and not page.is_checked("#__drawer")


def test_the_explorer_year_range_stays_on_one_line_on_a_phone(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base + "explorer/")
    tops = [page.eval_on_selector(f"#kb-explorer select[name={n}]", "e => e.getBoundingClientRect().top")
            for n in ("de", "a")]
    assert abs(tops[0] - tops[1]) < 1, tops


def test_the_phone_menu_opens_by_keyboard_and_hides_its_links_when_closed(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base + "partenaires/japon/")
    page.wait_for_timeout(300)  # the drawer's slide, if any
    # Closed, the drawer's links are out of the Tab order: every stop is on the screen.
    off_screen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect();"
                            " return [document.activeElement.textContent.trim(), r.right, r.width]; }")
        if box[1] <= 0 or box[2] == 0:
            off_screen.append(box[0])
    assert off_screen == []
    # The menu button is one of the stops; Enter opens the drawer with the focus in it.
    page.focus("label.md-header__button[for=__drawer]")
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    page.wait_for_timeout(300)
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().right") > 0
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert page.evaluate("() => document.activeElement.getAttribute('for')") == "__drawer"


@pytest.mark.parametrize("path", ["partenaires/japon/", "domaines/cybersecurite/"])
def test_bar_numbers_stay_beside_their_bars_on_a_phone(page: Page, base: str, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 568})  # the narrowest phones
    page.goto(base + path)
    places = page.eval_on_selector_all("article td:has(> .kb-hbar)", """tds => tds.map(td => {
        const bar = td.querySelector('.kb-hbar').getBoundingClientRect(), range = document.createRange();
        range.selectNodeContents(td.lastChild);
        const num = range.getBoundingClientRect();
        return [td.textContent.trim(), num.left >= bar.right - 1 && num.top < bar.bottom && num.bottom > bar.top];
    })""")
    assert places and all(ok for _, ok in places), places
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_chart_labels_are_readable_on_a_phone(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base + "annees/")
    heights = page.eval_on_selector_all(
        "svg.kb-chart text", "els => els.filter(e => getComputedStyle(e).display !== 'none')"
        ".map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 9, heights  # 11 px in a 640-wide SVG drawn 343 wide: 6 px


@pytest.mark.parametrize("path", ["partenaires/japon/", "domaines/maritime/", "personnes/"])
def test_a_phone_reader_can_jump_to_each_section(page: Page, base: str, path: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base + path)
    assert not page.is_visible(".md-sidebar--secondary")  # Material's contents column
    heads = page.eval_on_selector_all("article h2", "els => els.map(e => e.id)")
    links = page.eval_on_selector_all(".kb-contents a", "els => els.map(e => e.getAttribute('href'))")
    assert len(heads) >= 2 and links == ["#" + h for h in heads]
    page.click(f".kb-contents a[href='#{heads[1]}']")
    page.wait_for_timeout(300)
    top = page.eval_on_selector(f"#{heads[1]}", "e => e.getBoundingClientRect().top")
    assert page.evaluate("() => window.scrollY") > 0 and 0 <= top < 667, top
    page.set_viewport_size({"width": 1280, "height": 800})  # Material's column shows: no line
    assert not page.is_visible(".kb-contents") and page.is_visible(".md-sidebar--secondary")


FEED_LINK_RE = r'<link rel="alternate feed" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">'


@pytest.mark.parametrize(("page_path", "feed"), [("index.html", "feeds/index.xml"),
                                               ("partenaires/japon/index.html", "feeds/japon.xml"),
                                               ("partenaires/inde/index.html", None), ("domaines/index.html", None)])
def test_pages_with_a_feed_announce_it_to_feed_readers(sites: Path, page_path: str, feed: str | None) -> None:
    """The home page and each partner page with dated articles offer their Atom feed in a
    <link rel="alternate feed">, which resolves to the feed (India has no article here:
    none). Browsing those pages asks for no missing file: see test_no_request_leaves..."""
    for site in ("site", "site-offline"):
        if site == "site-offline":  # no directory URLs: partenaires/japon.html
            page_path = re.sub(r"/([^/]+)/index\.html$", r"/\1.html", page_path)
        html_text = (sites / site / page_path).read_text(encoding="utf-8")
        found = re.findall(FEED_LINK_RE, html_text)
        if feed is None:
            assert found == []
            continue
        assert len(found) == 1 and html.unescape(found[0][0]).startswith("Base de connaissances ASEAN\u00a0: "), found
        target = (sites / site / page_path).parent / found[0][1]
        assert target.resolve() == (sites / site / feed).resolve() and target.is_file()


def test_the_report_reads_on_a_phone_and_stays_a_table_on_a_desktop(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(base + "rapport/")
    row = page.locator("article tr", has_text=UNDATED_NAME)
    boxes = row.locator("th, td").evaluate_all("tds => tds.map(td => td.getBoundingClientRect().toJSON())")
    assert len(boxes) == 3 and all(b["left"] >= 0 and b["right"] <= 375 for b in boxes), boxes
    assert boxes[0]["bottom"] <= boxes[1]["top"] and boxes[1]["bottom"] <= boxes[2]["top"]  # one under the other
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    page.set_viewport_size({"width": 1280, "height": 800})
    boxes = row.locator("th, td").evaluate_all("tds => tds.map(td => td.getBoundingClientRect().toJSON())")
    assert len({round(b["top"]) for b in boxes}) == 1 and page.is_visible("article thead")  # one row


@pytest.mark.parametrize("path", ["partenaires/", "domaines/", "annees/", "reunions/", ""])
def test_index_tables_fit_a_phone(page: Page, base: str, path: str) -> None:
    """Every column of the index tables on a 390 px screen: the partners' "Mentions en passant"
    was off the edge (Material's cell padding and header minimum width; sixth audit)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + path)
    cells = page.eval_on_selector_all("article table th, article table td",
                                      "els => els.map(e => e.getBoundingClientRect().right)")
    assert cells and max(cells) <= 390 - 8, (path, max(cells))


def test_the_matrix_has_the_page_width(page: Page, base: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + "matrice/")
    assert not page.is_visible(".md-sidebar--primary") and not page.is_visible(".md-sidebar--secondary")
    assert page.eval_on_selector("article .md-typeset__scrollwrap", "e => e.clientWidth") > 1000
    # Every domain's column shows, its header whole (written upwards): none off the right edge.
    assert page.eval_on_selector("article .md-typeset__scrollwrap", "e => e.scrollWidth <= e.clientWidth")
    heads = page.eval_on_selector_all("article thead th a", """els => els.map(a => {
        const r = a.getBoundingClientRect(), th = a.closest('th').getBoundingClientRect();
        return [a.textContent, r.right <= innerWidth && r.left >= th.left - 1 && r.right <= th.right + 1]; })""")
    assert len(heads) == 13 and all(inside for _, inside in heads), heads


def test_explorer_without_javascript_links_to_the_groupings(browser: Browser, base: str) -> None:
    for pg in _page(browser, base, java_script_enabled=False):
        pg.goto(base + "explorer/")
        assert not pg.is_visible("#kb-explorer")
        for target in ("partenaires/", "domaines/", "annees/"):
            assert pg.is_visible(f"article a[href$='{target}']")


def test_partner_to_article_and_back(page: Page, base: str) -> None:
    page.goto(base + "partenaires/japon/")
    link = page.locator("article li a[href*='/articles/']").first  # the lists' first article
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    assert page.inner_text("h1") == title
    page.go_back()
    page.wait_for_load_state()
    assert page.url == base + "partenaires/japon/"
    assert page.inner_text("h1") == "Japon"


def _missing(browser: Browser, base: str, address: str) -> tuple[list[tuple[str, str]], bool]:
    """The 404 page at `address`: its suggestions (link, text) and whether they show. The
    only console error allowed is the missing address's own 404."""
    for pg in _page(browser, base, tolerated="status of 404"):
        watch = Watch(pg, base)
        pg.goto(base + address)
        assert pg.inner_text("h1") == "Page introuvable"
        pg.wait_for_load_state("networkidle")
        found = pg.eval_on_selector_all("#kb-suggest li", "els => els.map(li => [li.querySelector('a').href, "
                                        "li.textContent])")
        shown = pg.is_visible("#kb-suggest")
        assert pg.evaluate("() => window.__pwned") is None
        assert pg.eval_on_selector_all("#kb-suggest img, #kb-suggest script", "els => els.length") == 0
        assert [e for e in watch.errors if "404" not in e] == [] and len(watch.errors) <= 1, watch.errors
    return found, shown


def test_a_missing_address_suggests_the_page_it_may_have_meant(browser: Browser, base: str, sites: Path) -> None:
    """A cut or mistyped address: the 404 page lists the pages its words find, the one it
    meant first (an article's, from its slug; a year's or a partner's, from its folders)."""
    path, art = next((p, a) for p in sorted((sites / "content" / "articles").glob("*/*.md"))
                     if (a := frontmatter.load(p))["year"] and len(a["title"]) > 40)
    slug = path.stem
    cases = [
        ("matrice/japon/", base + "partenaires/japon/", "Japon"),
        (f"articles/{art['year']}/", base + f"annees/{art['year']}/", str(art["year"])),
        (f"articles/{art['year']}/{slug[:-12]}/", base + f"articles/{art['year']}/{slug}/", art["title"]),
        (f"articles/{art['year']}/{slug[:-12]}", base + f"articles/{art['year']}/{slug}/", art["title"]),
    ]
    for address, href, title in cases:
        found, shown = _missing(browser, base, address)
        assert shown and found and found[0][0] == href and found[0][1].startswith(title), (address, found)
    # Nothing to go on: no suggestion.
    found, shown = _missing(browser, base, "zzkq/qqxw/")
    assert not found and not shown, found
    # A hostile address: its words are words (here they find the hostile seed's article),
    # its markup is not run (_missing checks).
    found, _ = _missing(browser, base, "x/%3Cimg%20src=x%20onerror=%22window.__pwned=1%22%3E/")
    assert found and found[0][1].startswith("Coopération <img src=x"), found


def test_a_missing_address_s_suggestions_mark_a_title_s_language(browser: Browser, base: str, sites: Path) -> None:
    """The 404 page's suggestions marked no language: a Vietnamese title was read with French
    sounds. Its own words are marked, as in the search results, not the French name after."""
    path, art = next((p, a) for p in sorted((sites / "content" / "articles").glob("*/*.md"))
                     if (a := frontmatter.load(p))["language"] == "vi")
    for pg in _page(browser, base, tolerated="status of 404"):
        pg.goto(base + f"articles/{art['year']}/{path.stem[:-12]}/")
        pg.wait_for_selector("#kb-suggest li")
        first = pg.eval_on_selector("#kb-suggest li a", """a => [a.textContent, a.lang,
            ...Array.from(a.children, e => [e.tagName, e.lang, e.textContent])]""")
        assert first == [art["title"], "", ["SPAN", "vi", art["title"].split(" — ")[0]]], first


def test_the_404_page_skips_to_its_title(browser: Browser, base: str) -> None:
    """Accessibility audit: "Aller au contenu" on the 404 page. Material draws its skip link
    from the table of contents, which the 404 page has none of: the page had no skip link."""
    for pg in _page(browser, base, tolerated="status of 404"):
        pg.goto(base + "articles/2025/nulle-part/")
        pg.keyboard.press("Tab")
        skip = pg.evaluate("""() => { const a = document.activeElement;
            return [a.className, a.textContent.trim(), a.getAttribute('href')]; }""")
        assert skip[0].split()[0] == "md-skip" and skip[1] == "Aller au contenu", skip
        target = skip[2].removeprefix("#")
        assert pg.evaluate("id => document.getElementById(id)?.tagName", target) == "H1", skip
        pg.keyboard.press("Enter")
        assert pg.evaluate("() => location.hash") == skip[2]


def test_no_request_leaves_the_local_server(browser: Browser, base: str) -> None:
    for pg in _page(browser, base):
        watch = Watch(pg, base)
        for path in ("", "partenaires/japon/", "explorer/#partenaire=japon", "rapport/"):
            pg.goto(base + path)
            pg.wait_for_load_state("networkidle")
        search(pg, "coree")
        pg.wait_for_load_state("networkidle")
        assert any("/kb-search/" in u for u in watch.requests)
        assert watch.requests and not watch.foreign, watch.foreign


@pytest.mark.parametrize("which", ["home", "article", "partner", "explorer", "search results", "meetings",
                                   "meeting series", "person", "matrix", "partners"])
def test_no_serious_accessibility_violation(page: Page, base: str, sites: Path, which: str) -> None:
    first = sorted((sites / "site" / "articles").glob("*/*/index.html"))[0].parent
    path = {"home": "", "article": first.relative_to(sites / "site").as_posix() + "/",
            "partner": "partenaires/japon/", "explorer": "explorer/#partenaire=japon",
            "search results": "", "meetings": "reunions/", "meeting series": "reunions/amm/",
            "person": "personnes/serguei-lavrov/", "matrix": "matrice/", "partners": "partenaires/"}[which]
    page.goto(base + path)
    if which == "search results":
        assert search(page, "coree")
    if which == "explorer":
        page.wait_for_selector("#kb-explorer-results li")
    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, bad


def _contrast(fg: list[float], bg: list[float]) -> float:
    """WCAG's contrast ratio of two sRGB colours (0-255 each)."""
    def lum(rgb: list[float]) -> float:
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


COLOURS = """e => { const rgb = c => c.match(/[\\d.]+/g).map(Number);
    let b = e; while (b && rgb(getComputedStyle(b).backgroundColor)[3] === 0) b = b.parentElement;
    return [rgb(getComputedStyle(e).color), rgb(getComputedStyle(b || document.body).backgroundColor)]; }"""


def test_hovered_links_keep_their_contrast(page: Page, base: str) -> None:
    """Accessibility audit: a link under the pointer took Material's accent colour, #526cfe,
    4.26:1 on white (a tag chip's white text on it too), below AA's 4.5:1."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + "partenaires/japon/")
    for selector in (".md-typeset li a[href*='articles/']", ".md-nav--secondary .md-nav__link[href]"):
        page.hover(selector)
        page.wait_for_timeout(300)  # Material's colour transition
        fg, bg = page.eval_on_selector(selector, COLOURS)
        assert _contrast(fg, bg) >= 4.5, (selector, fg, bg)
    article = next(a for a in page.eval_on_selector_all(".md-typeset li a[href*='articles/']",
                                                        "els => els.map(e => e.href)"))
    page.goto(article)
    page.hover(".md-tag[href]")
    page.wait_for_timeout(300)
    fg, bg = page.eval_on_selector(".md-tag[href]", COLOURS)
    assert _contrast(fg, bg) >= 4.5, (fg, bg)


def test_offline_variant_from_a_folder(browser: Browser, sites: Path) -> None:
    site = sites / "site-offline"
    assert (site / "explorer.html").is_file() and (site / "kb-search" / "meta.js").is_file()
    for pg in _page(browser, site.as_uri()):
        for query, shown in FRENCH_QUERIES:
            pg.goto((site / "index.html").as_uri())
            assert search(pg, query), f"no result for {query!r}"
            pg.click(f"{RESULTS} li a")
            pg.wait_for_load_state()
            assert pg.url.startswith("file://") and pg.url.endswith(".html")
            assert shown.lower() in pg.inner_text("article").lower(), (query, pg.url)
        pg.goto((site / "explorer.html").as_uri() + "#partenaire=japon")
        pg.wait_for_selector("#kb-explorer-results li a")
        pg.click("#kb-explorer-results li a")
        pg.wait_for_load_state()
        assert pg.url.endswith(".html") and "/articles/" in pg.url
        title, article = pg.inner_text("article h1"), pg.url
        assert title
        # Its source text, and back: the link MkDocs copied as written for a server's
        # directory URLs, made page.html by the hook.
        pg.click("text=texte brut d'origine")
        pg.wait_for_load_state()
        assert "/sources/" in pg.url and pg.inner_text("pre")
        pg.click("text=Retour à l'article")
        pg.wait_for_load_state()
        assert pg.url == article and pg.inner_text("article h1") == title
        # The footer's "rapport de construction" is a link to the report (user audit: plain text).
        pg.click(".md-copyright a")
        pg.wait_for_load_state()
        assert pg.url == (site / "rapport.html").as_uri() and pg.inner_text("article h1").startswith("Rapport")


def test_an_english_article_s_title_in_the_header_is_marked_english(sites: Path) -> None:
    """Accessibility audit: the header repeats an article's title, which was read with French
    sounds there while its <h1> said lang="en"."""
    def topic(slug: str) -> str:
        page = next((sites / "site" / "articles").glob(f"*/{slug}-*/index.html")).read_text(encoding="utf-8")
        return page.split('data-md-component="header-topic">', 1)[1].split("</span>", 1)[0]
    english = topic("asean-and-australia")
    assert '<span class="md-ellipsis" lang="en">' in english and "ASEAN and Australia" in english, english
    assert '<span class="md-ellipsis">' in topic("l-asean-et-le-royaume-uni")


def test_the_benchmark_measures_what_a_reader_downloads(sites: Path) -> None:
    """scripts/benchmark.py's reader bytes: the home page, then one search typed into the
    closed header box (it measured 0 bytes for the search once the closed dialog was hidden).
    In a process of its own: this module's browser already runs Playwright's loop here."""
    scripts = Path(__file__).resolve().parents[1] / "scripts"
    code = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); import benchmark; "
            "print(*benchmark.reader_bytes(Path(sys.argv[2])))")
    done = subprocess.run([sys.executable, "-c", code, str(scripts), str(sites / "site")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    home, search = (int(v) for v in done.stdout.split())
    assert home > 50_000 and search > 500, (home, search)


def test_words_that_name_object_properties_are_words_like_any_other(browser: Browser, tmp_path: Path) -> None:
    """"constructor" found Object's own property in the index's plain objects: the search
    threw and said "Aucun document trouvé" (eleventh audit)."""
    docs = [_doc("articles/2025/c.html", "le constructor du navire"), _doc("articles/2025/o.html", "ocean")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs), ["constructor", "tostring", "hasownproperty"])
    assert found["constructor"]["whole"] == ["articles/2025/c.html"]
    assert found["tostring"]["whole"] == [] and found["hasownproperty"]["whole"] == []


def test_a_search_count_that_wraps_on_a_phone_keeps_its_lines_together(browser: Browser, base: str) -> None:
    """Material's count line has a fixed height and a line height of 2rem: wrapped on a phone,
    its two lines stood 2rem apart in a band twice as high (thirteenth audit)."""
    for page in _page(browser, base, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True):
        page.goto(base)
        page.click("label[for=__search]")
        search(page, "japon tourisme")  # "2 documents contiennent tous ces mots ; 17 autres en contiennent 1 sur 2."
        meta = f"{RESULTS} .md-search-result__meta"
        height, line, size = page.eval_on_selector(meta, "e => [e.getBoundingClientRect().height, "
                                                   "parseFloat(getComputedStyle(e).lineHeight), "
                                                   "parseFloat(getComputedStyle(e).fontSize)]")
        lines = round((height - 16) / line)  # its padding: .5rem above and below
        assert lines >= 2 and line <= 1.5 * size, (height, line, size)
        assert page.eval_on_selector(meta, "e => e.scrollHeight <= e.clientHeight")  # nothing cut off


def test_the_focus_never_lands_on_what_cannot_be_seen_and_shows_on_results(page: Page, base: str) -> None:
    """Accessibility audit (fifteenth): Tab reached Material's hidden back-to-top button, and a
    focused search result showed only a faint tint."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + "explorer/")
    assert page.eval_on_selector(".md-top", "e => e.hidden && getComputedStyle(e).visibility") == "hidden"
    for _ in range(60):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.activeElement.classList.contains('md-top')")
    page.goto(base)
    search(page, "japon")
    page.focus(f"{RESULTS} li a")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate("""() => { const a = document.activeElement;
        return a.matches('.md-search-result__link') ? getComputedStyle(a).outlineStyle : 'none:' + a.tagName; }""")
    assert focused == "solid", focused


# An article's text, after its provenance: the first block that follows the last .kb-meta.
TEXT_TOP = """() => { const ms = document.querySelectorAll('article .kb-meta');
    return ms[ms.length - 1].nextElementSibling.getBoundingClientRect().top + scrollY; }"""


def _folded_articles(sites: Path) -> list[tuple[str, frontmatter.Post]]:
    """The articles whose provenance folds lines (render/article.Fold): an estimated date's
    clues, or domains not all of every partner's."""
    found = []
    for path in sorted((sites / "content" / "articles").glob("*/*.md")):
        art = frontmatter.load(path)
        if "kb-fold" in art.content:
            found.append((f"articles/{path.parent.name}/{path.stem}/", art))
    return found


def test_an_article_s_text_begins_near_the_top_of_a_phone(browser: Browser, base: str, sites: Path) -> None:
    """Sixteenth audit, at 390 x 844: the first paragraph of the samples of 2018 and 2025 began
    at y = 1,300 px, below the clues of the date and each partner's domains (~25 links). They
    are folded, closed: every article's text begins within a screen and a quarter."""
    arts = sorted((sites / "content" / "articles").glob("*/*.md"))
    for page in _page(browser, base, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True):
        tops = {}
        for path in arts:
            page.goto(f"{base}articles/{path.parent.name}/{path.stem}/")
            tops[path.stem] = page.evaluate(TEXT_TOP)
            # Closed, an estimated date its summary.
            assert page.eval_on_selector_all("details.kb-fold", "ds => ds.every(d => !d.open)")
            if frontmatter.load(path).get("date_source") == "inferred" and page.query_selector("details.kb-fold"):
                assert page.inner_text("details.kb-fold summary").startswith("Date\u00a0:")
        assert max(tops.values()) < 844 * 1.25, tops
    assert len(_folded_articles(sites)) >= 3  # the samples of 2018, 2022, 2024 and 2025 fold some lines


# The focus has gone past the article's provenance (or the page has no more to give it).
PAST_PROVENANCE = """() => { const e = document.activeElement, last = [...document.querySelectorAll('.kb-meta')].at(-1);
    return e === document.body || (!last.contains(e) && !!(last.compareDocumentPosition(e) & 4)); }"""


def test_folded_lines_open_by_keyboard_without_script_and_every_link_is_reached(browser: Browser,
                                                                               base: str, sites: Path) -> None:
    """A fold opens with Enter or Space, as a button, with no script; Tab then reaches each of
    its links, on a phone and on a desktop (the same page, closed on both)."""
    path = next(p for p, art in _folded_articles(sites) if len(art["partners"]) > 2)
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 800}):
        for page in _page(browser, base, viewport=viewport, java_script_enabled=False):
            page.goto(base + path)
            links = page.eval_on_selector_all("details.kb-fold a", "as => as.map(a => a.href)")
            assert len(links) >= 10, links
            assert page.eval_on_selector_all("details.kb-fold a", "as => as.every(a => !a.checkVisibility())")
            reached, opened = [], 0
            for _ in range(200):
                page.keyboard.press("Tab")
                tag, href = page.evaluate("() => [document.activeElement.tagName, document.activeElement.href]")
                if tag == "SUMMARY":
                    page.keyboard.press("Enter" if opened % 2 == 0 else " ")
                    opened += 1
                    assert page.evaluate("() => document.activeElement.parentElement.open")
                    # Its focus shows, script or not (Material draws it only with its script).
                    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
                elif href in links:
                    reached.append(href)
                if page.evaluate(PAST_PROVENANCE):
                    break
            assert opened == page.eval_on_selector_all("details.kb-fold", "ds => ds.length")
            assert sorted(reached) == sorted(links)
            assert page.eval_on_selector_all("details.kb-fold a", "as => as.every(a => a.checkVisibility())")


# Sixteenth audit, domains/securite/ at 390 px: of its 16 years 2010-2025, the bars of 2018, 2020,
# 2022 and 2024 had no value, and 2010 no year (the axis seemed to begin in 2011).
AUDIT_CHART = list(zip([str(y) for y in range(2010, 2026)], [3, 1, 4, 2, 5, 1, 2, 6, 8, 3, 7, 2, 9, 4, 12, 15],
                       strict=True))
CHART_LABELS = """() => { const svg = document.querySelector('article svg.kb-chart');
    const shown = [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none');
    return shown.map(t => [t.classList.contains('kb-value') ? 'value' : 'year', t.textContent,
                           t.getBoundingClientRect().toJSON()]); }"""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_a_chart_of_sixteen_years_keeps_every_value_and_its_first_and_last_year(page: Page, base: str,
                                                                                width: int) -> None:
    """The audit's chart, in the page of a domain (the site's own has fewer years): every value,
    the first and the last year, no two labels overlapping, none cut by the screen's edge."""
    figure = column_chart(AUDIT_CHART, "Paix et sécurité : articles par année", "d-securite")

    def crowded(route) -> None:
        text = route.fetch(url=base + "domaines/securite/").text()
        route.fulfill(body=re.sub(r'<figure class="kb-figure">.*?</figure>', lambda m: figure, text, count=1,
                                  flags=re.S), content_type="text/html; charset=utf-8")
    page.route(base + "domaines/seize-ans/", crowded)
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(base + "domaines/seize-ans/")
    labels = page.evaluate(CHART_LABELS)
    assert [text for kind, text, _ in labels if kind == "value"] == [str(n) for _, n in AUDIT_CHART]
    years = [text for kind, text, _ in labels if kind == "year"]
    assert years[0] == "2010" and years[-1] == "2025", years
    assert len(years) == (16 if width > 720 else 8), years
    for kind in ("value", "year"):
        boxes = sorted((box for k, _, box in labels if k == kind), key=lambda b: b["left"])
        assert all(a["right"] <= b["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
                   for a, b in itertools.pairwise(boxes)), (kind, boxes)
    assert all(box["left"] >= 0 and box["right"] <= width for _, _, box in labels)
    assert min(box["height"] for _, _, box in labels) >= 9  # readable: 11 units came out 6 px
