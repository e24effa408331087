"""A word joined to a number by "+" is a term of its own (aseankb/words.py, GLUE_RE, and
aseankb-search-query.js, terms): "ASEAN+3" was searched as "asean", which every page holds
(user audit: 74 results, the ASEAN summits' page second, above the ASEAN+3 summits'). The
index gives "asean+3" to the pages saying "ASEAN+3", "ASEAN + 3" or "ASEAN plus 3", and
data/synonyms.yaml makes "ASEAN Plus Three", "ASEAN Plus Trois" and "APT" its other names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Browser

from aseankb.search import Doc, bucket_of, synonym_phrases, write_index
from aseankb.search_pages import _page_doc, _Words, aliases, article_search
from aseankb.words import glued, search_words, terms
from test_browser import _index_page, _page

CALL_RE = re.compile(r"^window\.__kb\w+&&__kb\w+\.(\w+)\((.*)\);\n$", re.S)


def _article(path: str, text: str, title: str = "") -> Doc:
    """An article as the build indexes it (search_pages.article_search: its words, its names'
    tokens and glued terms; its title's words and glued terms rank it)."""
    words, teaser = article_search([text])
    return Doc(path, title or path, text, words.split(), set(search_words(title)).union(glued(title)))


def _hub(path: str, title: str, text: str = "") -> Doc:
    said = f"{title} {text}"
    return Doc(path, title, text, set(search_words(said)).union(glued(said)),
               set(search_words(title)).union(glued(title)))


def test_a_word_joined_to_a_number_is_a_term() -> None:
    for spelling in ("ASEAN+3", "l’ASEAN + 3", "l'ASEAN plus 3", "ASEAN Plus 3"):
        assert glued(spelling) == ["asean+3"], spelling
        assert terms(spelling) == ["asean+3"], spelling
    assert terms("Sommet de l'ASEAN+3 et ASEAN+1") == ["sommet", "de", "asean+3", "et", "asean+1"]
    assert glued("P5+1, le dialogue 2+2") == ["p5+1", "2+2"]
    # A signed number is no pair, nor a number glued to letters; the words stay as they were.
    assert glued("une hausse de +3 %") == glued("ASEAN+3s") == glued("ASEAN Plus Three") == []
    assert search_words("ASEAN+3") == ["asean"] and terms("COVID-19 G20") == ["covid", "19", "g20"]


def test_a_word_and_a_digit_apart_are_the_term_the_index_holds() -> None:
    """"asean 3" (phone keyboards hide "+") was "asean": 72 results instead of ASEAN+3's 14
    (user audit). A query reads a word and a one-digit number apart as their term when the
    index holds it, else as before; a text never ("L'ASEAN compte 3 projets")."""
    known = {"asean+3", "asean+1"}
    assert terms("asean 3", known) == ["asean+3"] and terms("ASEAN  1 sommet", known) == ["asean+1", "sommet"]
    assert terms("asean 3") == terms("asean 9", known) == ["asean"]  # unknown: its word
    assert terms("asean 33", known) == ["asean", "33"] and terms("asean 3e", known) == ["asean", "3e"]
    assert terms("sommet asean 3 et asean+1", known) == ["sommet", "asean+3", "et", "asean+1"]
    assert glued("L'ASEAN compte 3 nouveaux projets.") == []


SPACED_QUERIES = ["asean 3", "ASEAN  1 sommet", "asean 9", "asean 33", "asean 3e", "sommet asean 3 et asean+1",
                  "l'asean 3", "p5 1", "asean\u00a03"]


def test_the_query_script_reads_a_word_and_a_digit_apart_as_python_does(browser: Browser, tmp_path: Path) -> None:
    known = ["asean+3", "asean+1", "p5+1"]
    _index_page(tmp_path, DOCS)
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        got = pg.evaluate("([qs, known]) => qs.map(q => window.__kbQuery.terms(q, t => known.includes(t)))",
                          [SPACED_QUERIES, known])
    assert got == [terms(q, set(known)) for q in SPACED_QUERIES]


def test_an_article_holds_the_term_besides_its_words() -> None:
    words = article_search(["Lors de la conférence ASEAN+3, les ministres", "ont salué l'ASEAN plus 3."])[0].split()
    assert "asean+3" in words and "asean" in words and words.count("asean+3") == 1
    assert "asean+3" not in article_search(["L'ASEAN compte 3 nouveaux projets."])[0].split()


def test_the_framework_s_names_are_one_slot() -> None:
    assert "asean+3|asean plu three|asean plu troi|apt" in synonym_phrases()
    assert aliases(["ASEAN+3", "ASEAN Plus Three"]) == ("asean+3", "asean plu three")


def _payload(path: Path) -> object:
    m = CALL_RE.match(path.read_text(encoding="utf-8"))
    assert m, path
    return json.loads(m.group(2))


def test_a_glued_term_is_a_title_word_not_counted_apart(tmp_path: Path) -> None:
    """"Sommet ASEAN+3" is two words: "asean+3" makes half its title, as "asean" does."""
    page = _page_doc("reunions/apt-summit.md", 'title: "Sommet ASEAN+3"\n', None, _Words(), True)
    assert page and page.title_words == {"sommet", "asean", "asean+3"}
    write_index(tmp_path, [_hub("reunions/apt-summit.html", "Sommet ASEAN+3")], log=lambda m: None)
    meta = _payload(tmp_path / "kb-search" / "meta.js")
    assert meta["titles"] == "2"
    assert _payload(tmp_path / "kb-search" / "v-as.js")[1] == {"asean": 1, "asean+3": 1}


DOCS = [
    _article("articles/2025/apt.html", "Lors de la conférence ASEAN+3, les ministres de l'ASEAN ont parlé.",
             "Les ministres de l'ASEAN réunis à Kuala Lumpur"),
    _article("articles/2025/spaced.html", "La coopération ASEAN + 3 progresse."),
    _article("articles/2024/english.html", "The ASEAN Plus Three foreign ministers met in Vientiane."),
    _article("articles/2024/trois.html", "Le cadre ASEAN plus trois a 25 ans."),
    _article("articles/2024/one.html", "Les conférences ASEAN+1 avec le Royaume-Uni."),
    _article("articles/2023/asean.html", "Le sommet de l'ASEAN s'est tenu à Jakarta, 3 jours durant."),
    _hub("reunions/asean-summit.html", "Sommet de l'ASEAN"),
    _hub("reunions/apt-summit.html", "Sommet ASEAN+3"),
    _hub("partenaires/asean-plus-3.html", "ASEAN+3"),
]
SAY_IT = {"articles/2025/apt.html", "articles/2025/spaced.html", "articles/2024/english.html",
          "articles/2024/trois.html", "reunions/apt-summit.html", "partenaires/asean-plus-3.html"}


def test_asean_plus_3_finds_the_pages_that_say_it_by_any_name(browser: Browser, tmp_path: Path) -> None:
    paths = _index_page(tmp_path, DOCS)
    queries = ("ASEAN+3", "asean + 3", "ASEAN plus 3", "ASEAN Plus Trois", "asean plus three", "APT",
               '"ASEAN+3"', '"ASEAN plus 3"', "asean 3", "sommet asean+3", "ASEAN+1", "asean", "ASEAN+9",
               "asean 1", "asean 9")
    found = {}
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        for q in queries:
            ids = pg.evaluate("q => window.__kbQuery.search(q, true).then(r => r.ids)", q)
            found[q] = [paths[n] for n in ids]
    hubs = ["partenaires/asean-plus-3.html", "reunions/apt-summit.html"]
    for q in queries[:9]:
        assert set(found[q]) == SAY_IT, (q, found[q])
        # The pages it titles first; a name of several words counts as many title words as it
        # has, so it makes the whole of "Sommet ASEAN+3" too: the two tie.
        assert set(found[q][:2]) == set(hubs), (q, found[q])
    for q in queries[:3]:  # the page the query names, whole, then the one it titles half of
        assert found[q][:2] == hubs, (q, found[q])
    # The ASEAN summits' page only among the pages holding one word of two, after them.
    assert found["sommet asean+3"][:2] == hubs[::-1], found["sommet asean+3"]
    assert found["ASEAN+1"] == found["asean 1"] == ["articles/2024/one.html"]
    # "asean" alone, or with a digit no page glues to it: every page, as before.
    assert set(found["asean"]) == set(found["asean 9"]) == set(paths)
    assert found["ASEAN+9"] == []  # said nowhere: not taken for a typo of "ASEAN+3"


def test_the_words_side_by_side_are_those_of_the_term(browser: Browser, tmp_path: Path) -> None:
    """"sommet asean+3": the pages that say "sommet ASEAN+3" (aseankb-search-phrase.js reads
    "ASEAN+3" as "asean" in a page's words) or "sommet ASEAN Plus Three" before the newer one
    holding the words apart, the newer of the two first."""
    docs = [_article("articles/2025/apart.html", "Le sommet a eu lieu à Hanoï. La conférence ASEAN+3 a suivi."),
            _article("articles/2024/said.html", "Le sommet ASEAN+3 a eu lieu à Hanoï."),
            _article("articles/2022/english.html", "Le sommet ASEAN Plus Three a eu lieu à Hanoï.")]
    paths = _index_page(tmp_path, docs)
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        ids = pg.evaluate("q => window.__kbQuery.search(q, true).then(r => r.ids)", "sommet asean+3")
        # A typed word stands for the words it begins, but not for a glued term: "asean" asks
        # for no bucket of "asean+3" (its pages hold "asean").
        pg.goto((tmp_path / "index.html").as_uri())
        pg.evaluate("q => window.__kbQuery.search(q, true)", "asean")
        loaded = pg.evaluate("() => [...document.scripts].map(e => e.src.split('/').pop())")
    assert [paths[n] for n in ids] == ["articles/2024/said.html", "articles/2022/english.html",
                                       "articles/2025/apart.html"]
    buckets = json.loads(re.search(r'"buckets":(\d+)', (tmp_path / "kb-search" / "meta.js").read_text())[1])
    glue, word = bucket_of("asean+3", buckets), bucket_of("asean", buckets)
    assert glue != word and f"b-{word}.js" in loaded and f"b-{glue}.js" not in loaded, loaded


def test_asean_plus_3_is_marked_where_it_is_said(browser: Browser, tmp_path: Path) -> None:
    """The result shows the sentence that says ASEAN+3 (not the first that says ASEAN) and
    marks the term whole; "asean" alone still marks the word only."""
    filler = "portant sur le commerce, l'investissement, l'éducation, la santé publique et le tourisme durable. "
    text = (f"Les ministres de l'ASEAN se sont réunis à Kuala Lumpur pour des travaux {filler * 2}"
            "Lors de la conférence ASEAN + 3, ils ont salué la coopération. Le cadre ASEAN plus 3 a 25 ans.")
    _index_page(tmp_path, [_article("articles/2025/apt.html", text, "Réunions connexes"),
                           _article("articles/2024/dialogue.html", "Le dialogue 2+2 entre l'Inde et le Japon.")])
    marks, shown = {}, {}
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        # "2+2": a query of one-letter words only, no longer empty.
        for query in ("ASEAN+3", "asean", "2+2"):
            pg.fill("#kb-search-input", query)
            pg.wait_for_function("q => document.querySelectorAll('#kb-search-results li mark').length && "
                                 "document.getElementById('kb-search-input').value === q", arg=query)
            pg.wait_for_timeout(300)
            marks[query] = pg.eval_on_selector_all("#kb-search-results li p mark", "els => els.map(e => e.textContent)")
            shown[query] = pg.inner_text("#kb-search-results li p")
    assert "conférence ASEAN + 3" in shown["ASEAN+3"], shown
    assert marks["ASEAN+3"] == ["ASEAN", " + ", "3", "ASEAN", " ", "plus", " ", "3"], marks
    assert marks["2+2"] == ["2", "+", "2"], marks
    assert marks["asean"] == ["ASEAN"] and shown["asean"].startswith("Les ministres de l'ASEAN"), (marks, shown)
