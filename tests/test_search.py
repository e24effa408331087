"""Search index and explorer data, without a browser (see test_browser.py for those)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import frontmatter
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File

from aseankb import search_pages
from aseankb.cli import main
from aseankb.config import DATA_DIR, load_taxonomy
from aseankb.errors import ConfigError
from aseankb.model import Article, PartialDate
from aseankb.render.article import render_article
from aseankb.render.pages import partner_aliases
from aseankb.search import TITLE_WORDS_MAX, Doc, bucket_of, encode_postings, number_pages, synonym_phrases, write_index
from aseankb.search_pages import SearchSource, aliases, dest_path, nav_titles, page_excerpt
from aseankb.synonyms import load_synonyms
from aseankb.words import STOP_WORDS, search_words, terms, word_set
from conftest import ROOT, copy_project
from html_index import html_index, page_text

BIN = Path(sys.executable).parent
# Seed text that Markdown would act on, in a title, the text and the provenance line.
MARKUP_SEED = (" date 2024-03 Coopération *ASEAN* & [Japon](x) <b>gras</b> \\ `code` : 50 % | a_b\n\n"
               "Hanoï, 3 mars (VNA) - La coopération *énergétique* entre l'ASEAN et le Japon &amp; "
               "<i>la Corée</i> [progresse](javascript:x) selon M. Dupont_Durand, à Tokyo.\n")
# A corrected title, date and partners: the index follows what the pages show.
OVERRIDES = ("002-884733fdc89a5b19:\n  title: Déclaration corrigée sur la cybersécurité\n"
             "  date: 2020-01\n  partners: [japon]\n")

CALL_RE = re.compile(r"^window\.__kb\w+&&__kb\w+\.(\w+)\((.*)\);\n$", re.S)


def payload(path: Path) -> tuple[str, object]:
    m = CALL_RE.match(path.read_text(encoding="utf-8"))
    assert m, path
    return m.group(1), json.loads(m.group(2))


def test_words_fold_accents_elisions_plurals_and_ligatures() -> None:
    assert search_words("L’Économie d'énergie, œuvres à Hà Nội (CYBERSÉCURITÉ) 2025 réseaux") == \
        ["economie", "energie", "oeuvre", "ha", "noi", "cybersecurite", "2025", "reseau"]


def test_word_set_is_the_set_of_search_words_on_every_character() -> None:
    # Each code point of the BMP (and a sample of the others) alone, inside a word, and
    # around an apostrophe and a combining mark.
    chars = [chr(c) for c in [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 37)]]
    for i in range(0, len(chars), 256):
        part = chars[i:i + 256]
        for text in (" ".join(part), "a".join(part), " ".join(f"É{c}d’x{c}\u0301" for c in part)):
            assert word_set(text) == set(search_words(text)), part[0]
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        assert word_set(text) == set(search_words(text)), seed.name


@given(st.text())
def test_word_set_agrees_on_any_text(text: str) -> None:
    assert word_set(text) == set(search_words(text))


def _b36(n: int) -> str:
    return "0123456789abcdefghijklmnopqrstuvwxyz"[n] if n < 36 else _b36(n // 36) + _b36(n % 36)


def _postings_reference(docs: list[int]) -> str:
    """The format spelled out: base-36 gaps, a run of n equal gaps as gap*n."""
    out, prev = [], -1
    for n in docs:
        gap, prev = n - prev, n
        if out and out[-1][0] == gap:
            out[-1][1] += 1
        else:
            out.append([gap, 1])
    return ",".join(_b36(g) + (f"*{_b36(k)}" if k > 1 else "") for g, k in out)


def test_postings_encode_gaps_and_runs() -> None:
    assert encode_postings([0, 1, 2, 3]) == "1*4"
    assert encode_postings([5, 40, 41, 42, 100]) == "6,z,1*2,1m"
    assert encode_postings([]) == ""
    rng = random.Random(5)
    digits = [_b36(n) for n in range(60_000)]  # as index_files passes them
    for _ in range(3000):
        docs, n = [], -1
        for _ in range(rng.randint(1, 40)):
            n += rng.choice([1, 1, 1, 2, 11, 35, 36, 37, 1296, 1297, 5000])
            docs.append(n)
        assert encode_postings(docs) == _postings_reference(docs), docs
        assert encode_postings(docs, digits) == _postings_reference(docs), docs


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_files_are_those_mkdocs_writes(directory_urls: bool) -> None:
    for src in ("index.md", "rapport.md", "partenaires/index.md", "partenaires/japon.md",
                "articles/2025/l-asean-et-le-japon-1a2b3c.md", "matrice/japon/energie.md", "a/README.md"):
        assert dest_path(src, directory_urls) == File(src, "", "", directory_urls).dest_uri, src


def test_nav_titles_win_over_the_pages_own() -> None:
    nav = [{"Accueil": "index.md"}, {"Partenaires": [{"Tous": "partenaires/index.md"}, "partenaires/japon.md"]},
           "rapport.md", {"Ailleurs": "https://example.org/"}, {"Personnes": "./personnes/index.md"}]
    assert nav_titles(nav) == {"index.md": "Accueil", "partenaires/index.md": "Tous",
                               "https://example.org/": "Ailleurs", "personnes/index.md": "Personnes"}
    assert nav_titles(None) == {}


def test_the_oracle_reads_only_the_marked_body() -> None:
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


def test_the_oracle_leaves_out_the_related_articles() -> None:
    """An article is found by its own words, not by the titles in its "À lire aussi" list:
    a name there gave a result that never names it (14 of 131 results for a minister's
    name on a 305-article site)."""
    html = """<html><body><div data-kb-search><article><h1>Titre</h1><p>Texte propre.</p>
      <h2>Contexte</h2><p>Suite.</p>
      <h2 id="a-lire-aussi">À lire aussi</h2><ul><li>2024 — <a href="x">Bùi Thanh Sơn à Tokyo</a></li></ul>
      </article></div><footer>Pied</footer></body></html>"""
    title, text, _teaser = page_text(html)
    assert text == "Titre Texte propre. Contexte Suite."


def test_index_maps_words_to_pages(tmp_path: Path) -> None:
    docs = [Doc("index.html", "Accueil", "", {"accueil", "economie"}, {"accueil"}),
            Doc("articles/b.html", "La Corée", "L’économie d’énergie </script>",
                set(search_words("La Corée L’économie d’énergie")), set(search_words("La Corée")))]
    stats = write_index(tmp_path, docs, log=lambda m: None)
    out = tmp_path / "kb-search"
    assert stats.pages == 2 and stats.files == len(list(out.iterdir()))
    _, meta = payload(out / "meta.js")
    assert meta["docs"] == 2 and meta["articles"] == 1
    # The title words of the pages after the articles, one base-36 digit each.
    assert meta["titles"] == "1"
    # Articles come first: their numbers break ties, newest first.
    assert payload(out / "d-0.js")[1] == [0, "articles/b.html", "La Corée", "L’économie d’énergie </script>"]
    labelled = [Doc("articles/c.html", "La Corée", "", {"coree"}, {"coree"}, label="12 mars 2025")]
    write_index(tmp_path / "labelled", labelled, log=lambda m: None)
    assert payload(tmp_path / "labelled" / "kb-search" / "d-0.js")[1][4] == "12 mars 2025"
    english = [Doc("articles/e.html", "Korea", "", {"korea"}, {"korea"}, label="mars 2025 · en anglais", lang="en")]
    write_index(tmp_path / "english", english, log=lambda m: None)
    assert payload(tmp_path / "english" / "kb-search" / "d-0.js")[1][4:] == ["mars 2025 · en anglais", "en"]
    situated = [replace(english[0], lang_cut=5)]
    write_index(tmp_path / "situated", situated, log=lambda m: None)
    assert payload(tmp_path / "situated" / "kb-search" / "d-0.js")[1][4:] == ["mars 2025 · en anglais", ["en", 5]]
    assert payload(out / "d-1.js")[1][:3] == [1, "index.html", "Accueil"]
    assert "<\\/script>" in (out / "d-0.js").read_text()
    _, (key, vocab) = payload(out / "v-ec.js")
    assert key == "ec" and vocab == {"economie": 2}
    # meta.js lists the vocabulary shards there are, so that the browser asks for no other.
    assert meta["shards"].split(",") == sorted(p.name[2:-3] for p in out.glob("v-*.js"))
    _, (_, entries) = payload(out / f"b-{bucket_of('coree', meta['buckets'])}.js")
    assert entries["coree"] == "1" and entries["^coree"] == "1"
    # Written again: nothing changes on disk; a stale file of an older index goes.
    (out / "d-9.js").write_text("old")
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != "d-9.js"}
    write_index(tmp_path, docs, log=lambda m: None)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == mtimes


def test_title_word_counts_leave_out_the_query_stop_words(tmp_path: Path) -> None:
    """A page is titled by a query when the query holds each of its title's words but the
    stop words the query drops (aseankb-search-query.js): those are not counted."""
    long_title = " ".join(f"mot{n}" for n in range(50))
    docs = [Doc("partenaires/coree-du-sud.html", "Corée du Sud", "", set(), set(search_words("Corée du Sud"))),
            Doc("long.html", long_title, "", set(), set(search_words(long_title)))]
    write_index(tmp_path, docs, log=lambda m: None)
    _, meta = payload(tmp_path / "kb-search" / "meta.js")
    assert meta["articles"] == 0 and sorted(meta["titles"]) == sorted("2" + "z")
    assert int("z", 36) == TITLE_WORDS_MAX


def test_partner_pages_are_found_by_their_acronyms_and_english_name(tmp_path: Path) -> None:
    tax = load_taxonomy()
    assert partner_aliases(tax.partners["union-europeenne"]) == ("UE", "EU", "European Union")
    assert partner_aliases(tax.partners["forum-regional-asean"]) == ("ARF", "ASEAN Regional Forum")
    assert partner_aliases(tax.partners["japon"]) == ("Japan",)  # not "Nhật Bản" ("ban")
    assert aliases(["UE", "European Union", "States", "!"]) == ("ue", "european union", "state")
    assert aliases("UE") == aliases(None) == ()  # front matter that is not a list: none
    docs = [Doc("articles/a.html", "L'UE et l'ASEAN", "", {"ue", "asean"}, {"ue", "asean"}),
            Doc("partenaires/union-europeenne.html", "Union européenne", "", {"union", "europeenne"},
                {"union", "europeenne"}, aliases=("ue", "eu", "european union"))]
    write_index(tmp_path, docs, log=lambda m: None)
    out = tmp_path / "kb-search"
    _, meta = payload(out / "meta.js")
    assert meta["aliases"] == {"0": "ue|eu|european union"} and meta["titles"] == "2"  # the title's own words
    entries = {}
    for path in out.glob("b-*.js"):
        entries.update(payload(path)[1][1])
    assert entries["ue"] == encode_postings([0, 1])  # the article and the page
    # In titles: the article's word only. The page ranks first for "ue" by the whole name
    # (aseankb-search-query.js, named), not for one word of a longer one ("union" of "european union").
    assert entries["^ue"] == encode_postings([0]) and "^european" not in entries
    assert entries["european"] == encode_postings([1])


@pytest.mark.parametrize("directory_urls", [True, False])
def test_matrix_cells_are_marked_minor(tmp_path: Path, directory_urls: bool) -> None:
    """A cell ("Japon × Énergie") is half a partner's name: the search ranks it after the
    articles, where the partner's own page comes before them (aseankb-search-query.js, covers)."""
    pages = {"matrice.md": "Matrice partenaires × domaines", "matrice/japon/energie.md": "Japon × Énergie",
             "partenaires/japon.md": "Japon"}
    docs = [Doc(dest_path(src, directory_urls), title, "", set(), set(search_words(title)))
            for src, title in pages.items()]
    write_index(tmp_path, docs, log=lambda m: None)
    _, meta = payload(tmp_path / "kb-search" / "meta.js")
    numbered = [payload(tmp_path / "kb-search" / f"d-{n}.js")[1][2] for n in range(3)]
    assert {title: meta["minor"][n] for n, title in enumerate(numbered)} == {
        "Japon × Énergie": "1", "Matrice partenaires × domaines": "0", "Japon": "0"}


def test_the_search_scripts_load_the_query_first() -> None:
    """The search is three scripts sharing window.__kbQuery: the index and the query
    (aseankb-search-query.js), the phrases (aseankb-search-phrase.js), which wraps its
    search, then the results (aseankb-search.js), which use both."""
    listed = re.findall(r"^  - assets/(aseankb-search[\w-]*\.js)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                        re.M)
    assert listed == ["aseankb-search-query.js", "aseankb-search-phrase.js", "aseankb-search.js"]
    for name in listed:
        assert (ROOT / "src" / "aseankb" / "assets" / name).is_file()


def test_the_stop_words_are_those_of_the_browser() -> None:
    js = (ROOT / "src" / "aseankb" / "assets" / "aseankb-search-query.js").read_text(encoding="utf-8")
    listed = re.search(r"var STOP = \[(.*?)\];", js, re.S)
    assert listed and tuple(re.findall(r'"(\w+)"', listed.group(1))) == STOP_WORDS


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, with markup in a seed and corrections, built for real by
    `mkdocs build` (the hook writes the index), in both variants."""
    root = copy_project(tmp_path_factory.mktemp("search"))
    (root / "seeds" / "zz_markup.txt").write_text(MARKUP_SEED, encoding="utf-8")
    (root / "seeds" / "overrides.yaml").write_text(OVERRIDES, encoding="utf-8")
    for cmd in (["aseankb", "build", "-q"], ["mkdocs", "build", "-q"],
                ["mkdocs", "build", "-q", "-f", "mkdocs-offline.yml"]):
        done = aseankb_run(root, *cmd)
        assert done.returncode == 0, done.stderr
    return root


def aseankb_run(root: Path, *cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / cmd[0]), *cmd[1:]], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def index_on_disk(site: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (site / "kb-search").iterdir()}


@pytest.mark.parametrize("variant", ["site", "site-offline"])
def test_index_holds_what_the_pages_show(sites: Path, variant: str) -> None:
    """The index written from the build's data is, byte for byte, the index of the text
    the HTML pages mark for search (corrected titles, escaped markup, nav titles...)."""
    site = sites / variant
    assert index_on_disk(site) == html_index(site)
    _, meta = payload(site / "kb-search" / "meta.js")
    paths = [payload(site / "kb-search" / f"d-{n}.js")[1][1] for n in range(meta["docs"])]
    assert all((site / p).is_file() for p in paths)
    articles = [p for p in paths if p.startswith("articles/")]
    assert articles and all(p.endswith("/index.html") == (variant == "site") for p in articles)


def test_search_index_command_rewrites_nothing(sites: Path) -> None:
    for args, variant in (([], "site"), (["-f", "mkdocs-offline.yml"], "site-offline")):
        files = sites / variant / "kb-search"
        before = {p.name: p.stat().st_mtime_ns for p in files.iterdir()}
        done = aseankb_run(sites, "aseankb", "search-index", *args)
        assert done.returncode == 0, done.stderr
        assert f"/{variant}/kb-search" in done.stdout
        assert {p.name: p.stat().st_mtime_ns for p in files.iterdir()} == before


def test_search_index_command_refuses_a_site_built_otherwise(sites: Path) -> None:
    # site-offline has page.html files, mkdocs.yml asks for page/index.html: no index, exit 2.
    done = aseankb_run(sites, "aseankb", "search-index", "--site", "site-offline")
    assert done.returncode == 2
    assert "not in site-offline" in done.stderr and "Traceback" not in done.stderr


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
        # [slug, title, date], then a title's language and the French name after its own
        # words, when it has them (render/explorer.py).
        seen += [(key, row[0], row[1] + "".join(row[4:])) for row in rows]
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


def test_undated_articles_are_numbered_after_the_dated_ones() -> None:
    """The number breaks ties between results, lowest first: 'sans-date' sorts after every
    year backwards, which put undated articles before the newest."""
    paths = ["index.html", "articles/sans-date/b/index.html", "articles/2019/a/index.html",
             "articles/2026/c/index.html", "partenaires/japon/index.html", "articles/sans-date/a/index.html"]
    numbered = [d.path for d in number_pages([Doc(p, p, "", [], set()) for p in paths])]
    assert numbered == ["articles/2026/c/index.html", "articles/2019/a/index.html",
                        "articles/sans-date/b/index.html", "articles/sans-date/a/index.html",
                        "partenaires/japon/index.html", "index.html"]


def test_the_index_carries_the_other_names_as_queries_see_them() -> None:
    groups = {g.split("|")[0]: g.split("|") for g in synonym_phrases()}
    assert {"mer orientale", "mer chine meridionale", "south china sea"} <= set(groups["mer orientale"])
    assert "cyber securite" in groups["cybersecurite"]  # "cyber-sécurité": the words the page holds


def test_the_english_names_of_partners_and_fields_are_other_names() -> None:
    """"japan" found only the partner page Japon, "Putin" nothing though Vladimir Poutine
    has a page, "maritime security" the pages holding one of its words."""
    groups = [set(g.split("|")) for g in synonym_phrases()]

    def together(*phrases: str) -> bool:
        return any(set(phrases) <= g for g in groups)
    for fr, en in [("japon", "japan"), ("chine", "china"), ("inde", "india"), ("russie", "russia"),
                   ("australie", "australia"), ("nouvelle zelande", "new zealand"), ("royaume uni", "united kingdom"),
                   ("etat uni", "usa"), ("poutine", "putin"), ("securite maritime", "maritime security"),
                   ("economie numerique", "digital economy")]:
        assert together(fr, en), (fr, en)
    # No other name that is also a common word of French, English or Vietnamese text (a
    # query word equal to a phrase runs with its group): "us" ("join us"), "eu" ("il a eu
    # lieu"), "an do" (Ấn Độ), "nga" (a Vietnamese given name), "uc" (Úc).
    common = {"us", "eu", "an", "do", "an do", "nga", "uc", "the", "on", "in", "it", "may", "can", "will", "est",
              "sud", "nord", "union", "etat", "nation", "securite", "economie", "mer", "new", "of", "ban", "hoa",
              "trung", "nhat", "quoc", "ky", "dong", "bien", "sea", "east", "china sea"}
    phrases = {p for g in groups for p in g}
    assert not phrases & common, phrases & common


def test_every_partner_s_english_name_and_acronym_is_another_name_of_it() -> None:
    """"korea" and "rok" found only the partner page Corée du Sud (its aliases), where "japan"
    found 28 pages: a partner's English name and acronyms (partners.yaml `en`, the capitals of
    `exact`) are other names of its French one (data/synonyms.yaml), "EU" aside (French
    "eu"). "Korea" is "Corée", the free-trade acronyms "libre-échange"."""
    groups = [set(g.split("|")) for g in synonym_phrases()]

    def phrase(name: str) -> str:  # as synonym_phrases says it: its words but the stop words
        return " ".join(w for w in terms(name) if w not in STOP_WORDS)
    for partner in load_taxonomy().partners.values():
        fr = phrase(partner.fr)
        group = next((g for g in groups if fr in g), set())
        names = [partner.en, *(n for n in partner.exact_forms if re.fullmatch(r"[A-Z]{2,}", n) and n != "EU")]
        missing = [n for n in names if phrase(n) not in group | {fr}]
        assert not missing, (partner.fr, missing)
    assert {"coree", "korea"} in groups and any({"libre echange", "ale", "fta"} <= g for g in groups)


def test_every_partner_s_french_demonym_is_another_name_of_it() -> None:
    """"japonais" found 2 pages, "chinois" 1, "americain" 3, not the partner pages (user
    audit): a partner's French demonyms (partners.yaml's lower-case `names`, as the search
    reads them: a plural is its singular) are other names of it, but one that a phrase of
    its `not` says ("indien": "océan Indien")."""
    groups = [set(g.split("|")) for g in synonym_phrases()]
    partners = yaml.safe_load((DATA_DIR / "partners.yaml").read_text(encoding="utf-8"))

    def phrase(name: str) -> str:
        return " ".join(w for w in terms(name) if w not in STOP_WORDS)
    for entry in partners.values():
        group = next((g for g in groups if phrase(entry["fr"]) in g), set())
        nots = [f" {phrase(n)} " for n in entry.get("not", [])]
        demonyms = {phrase(n) for n in entry.get("names", []) if n[:1].islower() and " " not in n}
        missing = {d for d in demonyms if d not in group and not any(f" {d} " in n for n in nots)}
        assert not missing, (entry["fr"], missing)
    assert {"japon", "japonai", "japonaise"} <= next(g for g in groups if "japon" in g)
    assert "indien" not in {p for g in groups for p in g}


@pytest.mark.parametrize("patched", [False, True])
def test_an_article_s_year_is_one_of_its_words(monkeypatch: pytest.MonkeyPatch, patched: bool) -> None:
    """"sommet asean japon 2023": the year of an article (its date's) is a word of it, whatever
    its text and its provenance lines say (patched: none)."""
    if patched:
        monkeypatch.setattr(search_pages, "provenance", lambda art, tax: [])
    tax = load_taxonomy()
    arts = [Article(id=f"a{n}", source=f"seeds/a{n}.txt", title="Sommet ASEAN-Japon", date=date, date_source="header",
                    language="fr", partners=["japon"], partners_mentioned=[], domains=[], people=[],
                    paragraphs=["Les dirigeants se sont réunis."], slug=f"sommet-{n}")
            for n, date in enumerate([PartialDate(2023, 9, 6), PartialDate(2021), PartialDate(None)])]
    found = search_pages.docs(SearchSource(search_pages.search_articles([(a, ("", "")) for a in arts]), {}, tax),
                              directory_urls=True, titles={})
    words = [set(d.words) | set(d.more) for d in found]
    assert "2023" in words[0] and "2021" in words[1] and not {w for w in words[2] if w.isdigit()}
    # And it ranks the article as a title word does: "2010" gave first the articles of 2024,
    # 2019, 2016 and 2011 that mention 2010, the one of 2010 sixth (user audit).
    assert [{w for w in d.title_words if w.isdigit()} for d in found] == [{"2023"}, {"2021"}, set()]


def test_an_article_s_main_partners_rank_it_as_its_title_would() -> None:
    """Fifteenth audit: "chine" listed the ASEAN+3 report, which names China in passing, before
    the articles about China, whose titles say "chinois" or do not name it."""
    tax = load_taxonomy()
    about = Article(id="a1", source="seeds/a1.txt", title="Le secrétaire général rencontre le ministre chinois",
                    date=PartialDate(2023, 2, 23), date_source="header", language="fr", partners=["chine"],
                    partners_mentioned=[], domains=[], people=[], paragraphs=["La Chine et l'ASEAN."], slug="a1")
    passing = Article(id="a2", source="seeds/a2.txt", title="Le 28e Sommet ASEAN+3", date=PartialDate(2025, 10),
                      date_source="header", language="fr", partners=["asean-plus-3"], partners_mentioned=["chine"],
                      domains=[], people=[], paragraphs=["Avec la Chine et le Japon."], slug="a2")
    found = search_pages.docs(SearchSource(search_pages.search_articles([(a, ("", "")) for a in (about, passing)]),
                                           {}, tax), directory_urls=True, titles={})
    assert "chine" in found[0].title_words and "chine" not in found[1].title_words
    assert "chine" in set(found[1].words) | set(found[1].more)  # found, ranked below


@pytest.mark.parametrize(("language", "title", "cut"), [
    ("vi", "Hàn  Quốc 𝔸 thông qua — 25e Sommet ASEAN-Japon, 2024", len("Hàn Quốc 𝔸 thông qua") + 1),
    ("vi", "Hàn Quốc thông qua", 0),  # no French name after its words: the whole title is marked
    ("fr", "La Corée adopte — 25e Sommet ASEAN-Japon, 2024", 0),  # French: nothing marked
])
def test_a_result_knows_where_a_title_s_own_words_end(language: str, title: str, cut: int) -> None:
    """Left out in session 24: the result of a Vietnamese title marked the French name after
    its own words Vietnamese too. Its file says where they end, white space squashed as the
    title shown, in the browser's UTF-16 code units (𝔸 is two)."""
    art = Article(id="v1", source="seeds/v1.txt", title=title, date=PartialDate(2024, 10), date_source="header",
                  language=language, partners=["japon"], partners_mentioned=[], domains=[], people=[],
                  paragraphs=["Hai bên."], slug="v1", events=["asean-japan-summit-25"],
                  events_fr=["25e Sommet ASEAN-Japon, 2024"])
    found = search_pages.docs(SearchSource(search_pages.search_articles([(art, ("", ""))]), {}, load_taxonomy()),
                              directory_urls=True, titles={})
    assert found[0].lang_cut == cut and found[0].lang == ("vi" if language == "vi" else "")


@pytest.mark.parametrize(("body", "key"), [
    ("mer-orientale: [mer Orientale]\n", "mer-orientale"),        # one name: nothing to add
    ("mer-orientale: [mer Orientale, '---']\n", "mer-orientale"),  # no word
    ("Mer Orientale: [a, b]\n", "Mer Orientale"),                  # not an id
    ("- [a, b]\n", "(file)"),                                      # not a mapping
])
def test_a_bad_synonyms_file_names_the_file_and_the_key(tmp_path: Path, body: str, key: str) -> None:
    file = tmp_path / "synonyms.yaml"
    file.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_synonyms(file)
    assert str(file) in str(err.value) and key in str(err.value)


@pytest.mark.parametrize("language", ["fr", "en", "vi"])
def test_an_article_s_excerpt_is_read_whatever_its_language(tmp_path: Path, language: str) -> None:
    """A result shows the passage that matched from the article's excerpt: the paragraphs of
    an article not in French carry their language (`<p lang="en">`), and were left out."""
    art = Article(id="a1", source="seeds/a1.txt", title="Title", date=PartialDate(2024, 3, 6), date_source="header",
                  language=language, partners=["australie"], partners_mentioned=[], domains=[], people=[],
                  paragraphs=["Leaders met in Melbourne.", "They announced <new> scholarships."], slug="title")
    page = tmp_path / "a1.md"
    page.write_text(render_article(art, load_taxonomy()), encoding="utf-8")
    assert page_excerpt(page) == "Leaders met in Melbourne. They announced <new> scholarships."
