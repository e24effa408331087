"""Phrases (assets/aseankb-search-phrase.js), in Chromium on indexes written for each test:
a quoted phrase keeps only the pages that hold its words side by side and in order, and an
unquoted query of several words ranks those pages first. The index holds no positions: a
page holding "sécurité" and "régionale" far apart was a result of "sécurité régionale" like
one saying it, and ranked the same."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, Page

from aseankb.search import Doc
from aseankb.search_names import name_tokens
from aseankb.words import search_words
from test_browser import RESULTS, _index_page, _page, search

# The text of an article's result file, cut as search.teaser cuts an excerpt: it goes on.
CUT = " …"


def _doc(path: str, text: str, title: str = "") -> Doc:
    # The teaser is what the result file holds: the text the phrase is looked for in.
    words = set(search_words(f"{title} {text}"))
    return Doc(path, title or path, text, words | set(name_tokens(f"{title}\n{text}".lower(), words)),
               set(search_words(title)))


def _run(browser: Browser, folder: Path, docs: list[Doc], queries: list[tuple[str, int]]) -> dict[str, dict]:
    """What window.__kbQuery.search finds for each (query, results asked for): pages as paths,
    the phrase's checks, and how many result files were loaded in all."""
    paths = _index_page(folder, docs)
    out = {}
    for pg in _page(browser, folder.as_uri()):
        pg.goto((folder / "index.html").as_uri())
        for q, limit in queries:
            r = pg.evaluate("([q, n]) => window.__kbQuery.search(q, true, n).then(r => [r.ids, r.phrase || null])",
                            [q, limit])
            # Each result file is loaded once, by a script tag of its own.
            loaded = pg.evaluate("() => [...document.scripts].filter(e => /\\/d-\\d+\\.js$/.test(e.src)).length")
            out[q] = {"ids": [paths[n] for n in r[0]], "phrase": r[1], "loaded": loaded}
    return out


def test_a_quoted_phrase_keeps_only_the_pages_holding_it(browser: Browser, tmp_path: Path) -> None:
    docs = [_doc("articles/2025/a-phrase.html", "La sécurité régionale en mer Orientale reste une priorité."),
            _doc("articles/2025/b-scattered.html", "La sécurité des ports et la coopération régionale."),
            _doc("articles/2025/c-reversed.html", "Régionale : la sécurité d'abord."),
            _doc("articles/2025/d-plural.html", "Les SÉCURITÉS RÉGIONALES du golfe."),
            _doc("articles/2025/e-title.html", "Un dialogue sur les ports.", title="Sécurité régionale : l'accord"),
            _doc("articles/2025/f-cut.html", "Sécurité des ports, coopération régionale et le reste" + CUT),
            _doc("articles/2025/g-mer-de-chine.html", "La mer de Chine méridionale."),
            _doc("articles/2025/h-mer-chine.html", "La mer, la Chine."),
            _doc("articles/2025/i-synonym.html", "Les patrouilles en mer de Chine méridionale.")]
    found = _run(browser, tmp_path, docs, [('"sécurité régionale"', 10), ("« securite regionale »", 10),
                                           ('"mer de Chine"', 10), ('"sécurité régio', 10),
                                           ('"mer Orientale"', 10), ("securite regionale", 10)])
    held = {"articles/2025/a-phrase.html", "articles/2025/d-plural.html", "articles/2025/e-title.html"}
    r = found['"sécurité régionale"']
    # The cut one may hold it past its excerpt: not kept, counted apart.
    assert set(r["ids"]) == held and r["phrase"] == {"unchecked": 0, "unsure": 1}, r
    assert set(found["« securite regionale »"]["ids"]) == held  # French quotes, no accents
    assert set(found['"sécurité régio']["ids"]) == held  # still typing the phrase: its last word begun
    # Its stop words are words of the phrase: "la mer, la Chine" does not say it.
    assert set(found['"mer de Chine"']["ids"]) == {"articles/2025/g-mer-de-chine.html",
                                                   "articles/2025/i-synonym.html"}
    # Quoted, a phrase stands for itself, not for its other names (data/synonyms.yaml).
    assert found['"mer Orientale"']["ids"] == ["articles/2025/a-phrase.html"]
    # Unquoted: every page holding both words, those holding them side by side first.
    ids = found["securite regionale"]["ids"]
    assert len(ids) == 6 and set(ids[:3]) == held, ids


def test_an_unquoted_query_ranks_its_words_side_by_side_first(browser: Browser, tmp_path: Path) -> None:
    docs = [_doc(f"articles/2025/s{n:02}.html", f"La sécurité des ports {n} et la coopération régionale.")
            for n in range(15)]
    docs.append(_doc("articles/2025/p.html", "Un accord sur la sécurité régionale."))
    docs.append(_doc("articles/2025/q.html", "La coopération dans la mer Orientale."))
    docs.append(_doc("articles/2025/r.html", "La coopération en mer de Chine méridionale."))
    paths = _index_page(tmp_path, docs)
    # The numbering ranks them (newest, then by path backwards): the phrase would come 12th.
    assert paths.index("articles/2025/p.html") >= 10
    found = _run(browser, tmp_path / "again", docs, [("securite regionale", 10), ("cooperation mer orientale", 10),
                                                     ("regionale securite", 10)])
    assert found["securite regionale"]["ids"][0] == "articles/2025/p.html", found["securite regionale"]
    # By another name of a phrase: "mer de Chine méridionale" for "mer Orientale".
    ids = found["cooperation mer orientale"]["ids"]
    assert set(ids) == {"articles/2025/q.html", "articles/2025/r.html"}, ids
    # The other way round, the words side by side still come first (fourteenth audit:
    # "maritime securite" typed for "sécurité maritime"); a quoted phrase is read in order.
    assert found["regionale securite"]["ids"][0] == "articles/2025/p.html"


def test_a_quoted_phrase_checks_a_bounded_number_of_pages(browser: Browser, tmp_path: Path) -> None:
    """The candidates are checked in their ranking's order, 30 at most for a page of ten
    results: a phrase held only by the 36th candidate needs more asked for."""
    docs = [_doc(f"articles/2025/s{n:02}.html", f"La sécurité des ports {n} et la coopération régionale.")
            for n in range(40)]
    paths = _index_page(tmp_path, docs)
    last = paths[35]
    docs[[d.path for d in docs].index(last)] = _doc(last, "Un accord sur la sécurité régionale.")
    found = _run(browser, tmp_path / "again", docs, [('"sécurité régionale"', 10), ('"sécurité régionale" ', 20)])
    r = found['"sécurité régionale"']
    assert r["ids"] == [] and r["phrase"] == {"unchecked": 10, "unsure": 0}, r
    assert r["loaded"] == 30  # not the 40 candidates' files
    r = found['"sécurité régionale" ']
    assert r["ids"] == [last] and r["phrase"] == {"unchecked": 0, "unsure": 0}, r


def _ui(browser: Browser, folder: Path, docs: list[Doc]) -> Iterator[Page]:
    _index_page(folder, docs)
    for pg in _page(browser, folder.as_uri()):
        pg.goto((folder / "index.html").as_uri())
        yield pg


def test_the_results_say_what_was_checked_and_check_more_on_demand(browser: Browser, tmp_path: Path) -> None:
    docs = [_doc(f"articles/2025/s{n:02}.html", f"La sécurité des ports {n} et la coopération régionale.")
            for n in range(40)]
    docs.append(_doc("articles/2024/p.html", "Un accord sur la sécurité régionale."))  # older: ranked last
    for pg in _ui(browser, tmp_path, docs):
        search(pg, '"securite regionale"')
        meta = pg.inner_text(f"{RESULTS} .md-search-result__meta")
        assert meta == ("Aucun document vérifié ne contient l’expression exacte\u00a0; 11 autres contiennent tous ses "
                        "mots mais n’ont pas été vérifiés."), meta
        more = f"{RESULTS} .kb-search-more button"
        assert pg.inner_text(more) == "Afficher plus de résultats"
        pg.click(more)
        pg.wait_for_function("([sel, t]) => [...document.querySelectorAll(sel)].some(e => e.textContent === t)",
                             arg=[f"{RESULTS} li h1", "articles/2024/p.html"])
        assert pg.eval_on_selector_all(f"{RESULTS} li h1", "els => els.map(e => e.textContent)") == [
            "articles/2024/p.html"]
        # All checked: the usual count (this page has no translations: none), no button.
        assert pg.inner_text(f"{RESULTS} .md-search-result__meta") == ""
        assert not pg.query_selector(more)


def test_adjacency_loads_more_records_only_when_the_first_lack_the_phrase(browser: Browser, tmp_path: Path) -> None:
    """Ten more result files are loaded to rank a multi-word query only when one of the
    first ten does not say its words side by side: a later page could come before it."""
    docs = [_doc(f"articles/2025/p{n:02}.html", f"Un accord {n} sur la sécurité régionale.") for n in range(25)]
    assert _run(browser, tmp_path, docs, [("securite regionale", 10)])["securite regionale"]["loaded"] == 10
    docs[-1] = _doc(docs[-1].path, "La sécurité des ports et la coopération régionale.")
    ranked = _run(browser, tmp_path / "again", docs, [("securite regionale", 10)])["securite regionale"]
    assert ranked["loaded"] == 20 and docs[-1].path not in ranked["ids"][:10], ranked


def test_a_hub_page_says_a_phrase_by_its_search_terms(browser: Browser, tmp_path: Path) -> None:
    """A partner page's result file holds its search terms (render/terms.py), which its
    teaser does not say: "Sommet ASEAN-Japon" is said by the page Japon; two of its labels
    side by side are not a phrase."""
    terms = "Paix et sécurité · Coopération maritime · Sommet ASEAN-Japon · 26e sommet (2023)"
    hub = Doc("partenaires/japon.html", "Japon", "", set(search_words(f"Japon {terms}")), {"japon"}, terms=terms)
    docs = [hub, _doc("articles/2025/a.html", "Le sommet ASEAN-Japon s'est tenu à Tokyo."),
            _doc("articles/2025/b.html", "Le sommet de l'ASEAN, puis le Japon : la sécurité, la coopération.")]
    found = _run(browser, tmp_path, docs, [('"sommet asean japon"', 10), ('"sécurité coopération"', 10)])
    assert set(found['"sommet asean japon"']["ids"]) == {"partenaires/japon.html", "articles/2025/a.html"}
    assert found['"sécurité coopération"']["ids"] == []
