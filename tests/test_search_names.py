"""Other names of more than one word (data/synonyms.yaml, aseankb/search_names.py): a page
holds "United States" where it says the two words side by side and in order, not where it
says "Member States" and "United Nations". The index gives such a page one token per name it
says ("united_state"), and the query looks that token up (aseankb-search-query.js, phrase),
in Chromium below."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser

from aseankb.search import Doc, bucket_of, synonym_phrases, write_index
from aseankb.search_names import name_tokens, word_sequence
from aseankb.search_pages import article_search
from aseankb.words import STOP_WORDS, search_words
from test_browser import _index_page, _page

EU = "The EU and its Member States support the United Nations and the rule of law."
CALL_RE = re.compile(r"^window\.__kb\w+&&__kb\w+\.(\w+)\((.*)\);\n$", re.S)


def _article(path: str, text: str) -> Doc:
    """An article as the build indexes it: the words of its text and its names' tokens
    (search_pages.article_search, in the extraction's worker)."""
    words, teaser = article_search([text])
    return Doc(path, path, teaser, words.split(), set())


def test_a_name_counts_only_as_a_phrase() -> None:
    def tokens(text: str) -> list[str]:
        return name_tokens(text.lower())
    assert tokens(EU) == ["united_nation"]  # not "united_state"
    assert tokens("The United States and ASEAN") == ["united_state"]
    assert tokens("Les États-Unis et l'ASEAN") == ["etat_uni"]
    assert tokens("Les ÉTATS UNIS") == ["etat_uni"]
    assert tokens("States united, unis États") == []  # not in order
    # The stop words aside, as the query leaves them out: "de la" or not.
    assert tokens("en mer de la Chine méridionale") == ["mer_chine_meridionale"]
    assert tokens("Les droits de l'homme") == ["droit_homme"]
    assert tokens("New Zealand") == ["new_zealand"] and tokens("a new trade deal with Zealand") == []


def test_an_article_s_words_carry_its_names_tokens() -> None:
    words, _ = article_search(["Le Président des États-Unis,", "Joe Biden."])
    assert set(words.split()) >= {"etat", "uni", "etat_uni"}
    words, _ = article_search([EU])
    assert "united_state" not in words.split() and "united_nation" in words.split()
    # A name may run from one paragraph into the next, as the phrase check reads the text.
    assert "etat_uni" in article_search(["les États", "Unis"])[0].split()


def _payload(path: Path) -> object:
    m = CALL_RE.match(path.read_text(encoding="utf-8"))
    assert m, path
    return json.loads(m.group(2))


def test_the_index_holds_the_token_of_the_pages_saying_the_name(tmp_path: Path) -> None:
    docs = [_article("articles/2025/eu.html", EU), _article("articles/2025/us.html", "The United States and ASEAN."),
            _article("articles/2024/fr.html", "Les États-Unis et l'ASEAN.")]
    write_index(tmp_path, docs, log=lambda m: None)
    out = tmp_path / "kb-search"
    meta = _payload(out / "meta.js")
    vocab = _payload(out / "v-un.js")[1]
    # "united" and "state" on both English pages, the name on one only.
    assert vocab["united"] == _payload(out / "v-st.js")[1]["state"] == 2 and vocab["united_state"] == 1
    assert _payload(out / "v-et.js")[1]["etat_uni"] == 1
    entries = _payload(out / f"b-{bucket_of('united_state', meta['buckets'])}.js")[1]
    assert entries["united_state"] == "1"  # page 1: the English article on the United States


@given(st.text())
def test_the_sequence_is_the_search_words_in_order(text: str) -> None:
    lowered = text.lower()
    stop = set(STOP_WORDS)
    assert word_sequence(lowered).split() == [w for w in search_words(lowered) if w not in stop]


NAME_WORDS = ["united", "states", "state", "etats", "États", "unis", "uni", "mer", "de", "la", "chine", "méridionale",
              "new", "zealand", "sécurité", "maritime", "maritimes", "x", "7", "Member", "Nations", "les", "congress"]


@given(st.lists(st.sampled_from(NAME_WORDS), max_size=12),
       st.lists(st.sampled_from([" ", "  ", "-", ", ", ". ", "'", "\n", " (", "’"]), min_size=12, max_size=12))
def test_a_name_is_found_as_the_sequence_finds_it(words: list[str], gaps: list[str]) -> None:
    """name_tokens' patterns on the ASCII text agree with the definition: the name's words
    between spaces within the text's search words in order, the stop words aside."""
    lowered = "".join(w + g for w, g in zip(words, gaps, strict=False)).lower()
    sequence = word_sequence(lowered)
    expected = [p.replace(" ", "_") for p in dict.fromkeys(
        p for group in synonym_phrases() for p in group.split("|") if " " in p) if f" {p} " in sequence]
    assert sorted(name_tokens(lowered)) == sorted(expected)


def _found(browser: Browser, tmp_path: Path, docs: list[Doc], queries: tuple[str, ...],
           key: str) -> dict[str, list[str]]:
    """The pages each query finds in Chromium, in their order: `key` "ids" (every result) or
    "whole" (those holding every word)."""
    paths = _index_page(tmp_path, docs)
    found = {}
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        for q in queries:
            ids = pg.evaluate(f"q => window.__kbQuery.search(q, true).then(r => r.{key})", q)
            found[q] = [paths[n] for n in ids]
    return found


def test_the_united_states_are_not_member_states_and_united_nations(browser: Browser, tmp_path: Path) -> None:
    docs = [_article("articles/2025/eu.html", EU),
            _article("articles/2025/union.html", "Les États membres de l'Union européenne."),
            _article("articles/2024/us.html", "The United States and ASEAN held talks in Washington."),
            _article("articles/2024/fr.html", "Les États-Unis et l'ASEAN ont tenu un dialogue."),
            _article("articles/2023/usa.html", "Made in USA.")]
    found = _found(browser, tmp_path, docs, ("etats unis", "usa", "united states", "États-Unis"), "ids")
    said = {"articles/2024/us.html", "articles/2024/fr.html", "articles/2023/usa.html"}
    for q, pages in found.items():
        assert set(pages) == said, (q, pages)


def test_a_name_alone_loads_no_records_to_rank_its_results(browser: Browser, tmp_path: Path) -> None:
    """Every page found for a query that is one multi-word name says it as a phrase (or by a
    one-word name, "USA"): the phrase script loads no result files to rank them side by side."""
    docs = [_article(f"articles/2025/fr{n:02}.html", f"Les États-Unis et l'ASEAN, réunion {n}.") for n in range(11)]
    docs.append(_article("articles/2026/usa.html", "Made in USA."))  # the newest: ranked first
    paths = _index_page(tmp_path, docs)
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        ids = pg.evaluate("q => window.__kbQuery.search(q, true).then(r => r.ids)", "etats unis")
        loaded = pg.evaluate("() => [...document.scripts].filter(e => /\\/d-\\d+\\.js$/.test(e.src)).length")
        assert paths[ids[0]] == "articles/2026/usa.html" and len(ids) == 12 and loaded == 0, (ids, loaded)


def test_a_field_is_found_by_its_words_apart_after_the_pages_that_name_it(browser: Browser, tmp_path: Path) -> None:
    """"securite maritime" found 4 pages where "maritime securite" found 19 (thirteenth audit):
    a field's name (no capital in data/synonyms.yaml) also finds its words apart, ranked
    after the pages that say it; a thing's name ("etats unis", above) does not."""
    docs = [_article("articles/2025/apart.html", "La sécurité de la navigation maritime en mer Orientale."),
            _article("articles/2024/said.html", "La sécurité maritime et la pêche."),
            _article("articles/2023/english.html", "Maritime security and fisheries."),
            _article("articles/2022/one.html", "La sécurité régionale.")]
    found = _found(browser, tmp_path, docs, ("securite maritime", "maritime securite", "maritime security"), "whole")
    assert found["securite maritime"] == ["articles/2024/said.html", "articles/2023/english.html",
                                          "articles/2025/apart.html"]
    # Word order aside, but for the other names ("maritime security"), read in order only.
    # Reversed, the page that says "sécurité maritime" still comes before the newer one that
    # holds its words apart (fourteenth audit: after it, as the newest first).
    assert found["maritime securite"] == ["articles/2024/said.html", "articles/2025/apart.html"]
    # Typed in English, its words apart are English words: the French page that holds
    # "sécurité ... maritime" apart does not say "security".
    assert found["maritime security"] == ["articles/2024/said.html", "articles/2023/english.html"]


def test_a_name_s_words_are_marked_only_side_by_side(browser: Browser, tmp_path: Path) -> None:
    """"etats unis" marked "Royaume-<mark>Uni</mark>" and "l'<mark>Union</mark>" in a result
    (fourteenth audit): a name of several words marks its words where they say the name."""
    docs = [_article("articles/2025/uk.html", "Le Royaume-Uni, l'Union européenne et les États-Unis saluent "
                                              "les Nations unies.")]
    _index_page(tmp_path, docs)
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        marks = {}
        for query in ("etats unis", "union"):
            pg.fill("#kb-search-input", query)
            pg.wait_for_function("q => document.querySelectorAll('#kb-search-results li mark').length && "
                                 "document.getElementById('kb-search-input').value === q", arg=query)
            pg.wait_for_timeout(300)
            marks[query] = pg.eval_on_selector_all("#kb-search-results li p mark", "els => els.map(e => e.textContent)")
    assert marks["etats unis"] == ["États", "Unis"], marks
    # A single word still marks every word it begins.
    assert marks["union"] == ["Union"], marks


def test_a_result_shows_the_stretch_that_holds_all_the_query_words(browser: Browser, tmp_path: Path) -> None:
    """"cooperation maritime": the excerpt showed the sentence from its first "coopération"
    and stopped before "la coopération maritime" further in (fourteenth audit)."""
    filler = "portant sur le commerce, l'investissement, l'éducation, la santé publique et le tourisme durable, "
    text = (f"Le Royaume-Uni a salué la coopération avec l'ASEAN dans de nombreux domaines {filler * 2}"
            "ainsi que la coopération maritime dans la région. Une autre phrase suit ici.")
    words, _ = article_search([text])  # the record holds the article's first 6,000 characters
    _index_page(tmp_path, [Doc("articles/2022/uk.html", "Royaume-Uni", text, words.split(), set())])
    for pg in _page(browser, tmp_path.as_uri()):
        pg.goto((tmp_path / "index.html").as_uri())
        pg.fill("#kb-search-input", "cooperation maritime")
        pg.wait_for_selector("#kb-search-results li p mark")
        pg.wait_for_timeout(300)
        shown = pg.inner_text("#kb-search-results li p")
        marks = pg.eval_on_selector_all("#kb-search-results li p mark", "els => els.map(e => e.textContent)")
    assert "la coopération maritime" in shown and "maritime" in marks, shown
    assert shown.startswith("… ") and len(shown) <= 190, shown
