"""The query's ranking (assets/aseankb-search-query.js), in Chromium on indexes written for
each test: what a user audit found ranked below look-alikes, or not found."""

from __future__ import annotations

from pathlib import Path

import yaml
from playwright.sync_api import Browser

from aseankb import search_pages
from aseankb.config import load_taxonomy
from aseankb.model import Article, PartialDate
from aseankb.search import Doc
from aseankb.search_names import name_tokens
from aseankb.search_pages import SearchSource
from aseankb.words import search_words
from test_browser import RESULTS, _index_page, _queries
from test_search_phrases import _doc, _ui  # a result file holding its text: adjacent words are read there


def _article(slug: str, year: int, text: str) -> Article:
    return Article(id=slug, source=f"seeds/{slug}.txt", title=f"Réunion {slug}", date=PartialDate(year, 5, 2),
                   date_source="header", language="fr", partners=[], partners_mentioned=[], domains=[],
                   people=[], paragraphs=[text], slug=slug)


def test_a_year_gives_its_articles_before_those_that_mention_it(browser: Browser, tmp_path: Path) -> None:
    """"2010" gave the articles of 2024, 2019, 2016 and 2011 that mention 2010 before the one
    of 2010 (user audit): the year is a title word of its articles (search_pages)."""
    arts = [_article("recent", 2024, "Les relations établies en 2010 se poursuivent."),
            _article("older", 2016, "Depuis 2010, la coopération progresse."),
            _article("hanoi", 2010, "Les ministres se sont réunis à Hanoï.")]
    source = SearchSource(search_pages.search_articles([(a, ("", "")) for a in arts]), {}, load_taxonomy())
    docs = search_pages.docs(source, directory_urls=True, titles={})
    paths = _index_page(tmp_path, docs)
    found = _queries(browser, tmp_path, paths, ["2010", "reunion 2010"])
    for q in ("2010", "reunion 2010"):
        assert found[q]["whole"][0] == "articles/2010/hanoi/index.html", found[q]
        assert len(found[q]["whole"]) == 3, found[q]  # those that mention it still follow


def test_a_word_held_whole_ranks_above_the_words_it_begins(browser: Browser, tmp_path: Path) -> None:
    """"inde" gave an English article saying "independence" above the one naming "Inde";
    "president russe" the page of Daniel Russel second (its title begins with "russe"). A word
    typed in part still finds what it begins ("coop")."""
    docs = [_doc("articles/2025/independence.html", "ASEAN, independence and cooperation"),
            _doc("articles/2024/inde.html", "La Malaisie et l'Inde ont rejoint l'ASEAN"),
            _doc("personnes/daniel-russel.html", "Daniel Russel", title="Daniel Russel"),
            _doc("articles/2023/president.html", "le président de la Russie"),
            _doc("articles/2022/russe.html", "le ministre russe")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs),
                     ["inde", "asean inde", "president russe", "coop"])
    assert found["inde"]["whole"] == ["articles/2024/inde.html", "articles/2025/independence.html"]
    # Also among results reordered by adjacent words (aseankb-search-phrase.js): "asean
    # independence" says them side by side, by a word "inde" only begins.
    assert found["asean inde"]["whole"] == ["articles/2024/inde.html", "articles/2025/independence.html"]
    r = found["president russe"]
    # "russe" is another name of the Russie (a demonym, data/synonyms.yaml): "le président de
    # la Russie" holds both words.
    assert r["whole"] == ["articles/2023/president.html"] and r["part"][-1] == "personnes/daniel-russel.html", r
    assert found["coop"]["whole"] == ["articles/2025/independence.html"]


def test_a_short_word_counts_whole_among_the_pages_holding_most_words(browser: Browser, tmp_path: Path) -> None:
    """"do hung viet" said "2 documents contiennent tous ces mots ; 11 autres en contiennent 2
    sur 3": "do" and "viet" matched words they begin ("domaine", "vietnamien"); "hun sen"
    gave Do Hung Viet's article ("Hung"). Among the pages holding most query words, a word of
    three letters or fewer counts only whole; those holding every word are unchanged."""
    docs = [_doc("articles/2025/do-hung-viet.html", "le vice-ministre Do Hung Viet"),
            _doc("articles/2025/domaine.html", "un domaine vietnamien"),
            _doc("articles/2024/do-van.html", "M. Do Van, diplomate vietnamien"),
            _doc("articles/2024/hung.html", "M. Hung a parlé"),
            _doc("articles/2023/hun-sen.html", "le Premier ministre Hun Sen")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs), ["do hung viet", "hun sen", "dom viet"])
    r = found["do hung viet"]
    assert (r["whole"], r["part"], r["k"]) == (["articles/2025/do-hung-viet.html"], ["articles/2024/do-van.html"], 2)
    r = found["hun sen"]
    assert (r["whole"], r["part"]) == (["articles/2023/hun-sen.html"], []), r
    # In every word of the query, a short word still finds what it begins.
    assert found["dom viet"]["whole"] == ["articles/2025/domaine.html"]


def test_a_typed_acronym_marks_itself_not_the_words_it_begins(browser: Browser, tmp_path: Path) -> None:
    """"uk" (one of the Royaume-Uni's names) marks "UK", not the "Ukraine" it begins, as it
    does not find it."""
    docs = [_doc("articles/2025/a.html", "Londres (UK) soutient l'Ukraine.", title="Diplomatie")]
    for pg in _ui(browser, tmp_path, docs):
        pg.fill("#kb-search-input", "uk")  # at once: a search runs as each key is typed
        pg.wait_for_selector(f"{RESULTS} li mark")  # this page has no translations: no count to wait for
        marks = pg.eval_on_selector_all(f"{RESULTS} li mark", "els => els.map(e => e.textContent)")
        assert marks == ["UK"], marks


def test_an_acronym_of_a_thing_stands_for_itself_and_its_other_names(browser: Browser, tmp_path: Path) -> None:
    """"ale" (accord de libre-échange) found only "alentours", "fta" nothing, "korea" and "rok"
    only the partner page (data/synonyms.yaml): an acronym that is one of a thing's names finds
    its other names, and not the words it begins."""
    docs = [_doc("articles/2025/alentours.html", "dans les alentours de Hanoï"),
            _doc("articles/2025/ale.html", "la négociation de l'ALE ASEAN-Canada"),
            _doc("articles/2024/libre-echange.html", "un accord de libre-échange"),
            _doc("articles/2024/fta.html", "the ASEAN-Australia-New Zealand FTA"),
            _doc("articles/2023/coree.html", "le président de la République de Corée"),
            _doc("articles/2023/rokan.html", "le bloc pétrolier de Rokan")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs), ["ale", "fta", "korea", "rok", "alen"])
    trade = {"articles/2025/ale.html", "articles/2024/libre-echange.html", "articles/2024/fta.html"}
    assert set(found["ale"]["whole"]) == set(found["fta"]["whole"]) == trade, found
    assert found["korea"]["whole"] == found["rok"]["whole"] == ["articles/2023/coree.html"], found
    assert found["alen"]["whole"] == ["articles/2025/alentours.html"]  # not an acronym: a beginning


def _hub(path: str, title: str, text: str = "", aliases: tuple[str, ...] = ()) -> Doc:
    """A partner, domain or matrix page: its title, what it says besides (its search terms)
    and its other names, as search_pages gives them."""
    said = " ".join([title, text, *aliases])
    words = set(search_words(said)) | set(name_tokens(said.lower(), set(search_words(said))))
    return Doc(path, title, text, words, set(search_words(title)), aliases=aliases)


def test_a_field_typed_in_two_words_gives_its_page_first_and_matrix_cells_last(browser: Browser,
                                                                                tmp_path: Path) -> None:
    """"cyber-securite", "cyber sécurité": matrix cells ("Australie × Cybersécurité") were 5 of
    the first 7, the domain page 8th (user audit). A cell's title counted as covered by the
    two query words (it holds one of them), and the domain page, which says "cybersécurité"
    and holds "cyber..." and "sécurité" apart too, was taken for a page holding the field's
    words apart only. "cybersecurite" was right, and a query naming a cell's partner and
    domain still gives it first."""
    docs = [_hub("domaines/cybersecurite.html", "Cybersécurité", "Cybercriminalité · Sécurité de l'information",
                 ("cybersecurity", "cybercriminalite", "securite de information")),
            _hub("matrice/australie/cybersecurite.html", "Australie × Cybersécurité",
                 "Australie · Cybersécurité · La coopération de la cyber-sécurité"),
            _hub("partenaires/australie.html", "Australie", "Cybersécurité"),
            _doc("articles/2025/said.html", "Une déclaration sur la cyber-sécurité.",
                 title="Déclaration sur la cyber-sécurité"),
            _doc("articles/2024/text.html", "La cybersécurité et la sécurité maritime.")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs),
                     ["cyber-securite", "cyber sécurité", "cybersecurite", "australie cybersecurite"])
    for q in ("cyber-securite", "cyber sécurité", "cybersecurite"):
        r = found[q]["whole"]
        assert r[0] == "domaines/cybersecurite.html", (q, r)
        cell = r.index("matrice/australie/cybersecurite.html")
        assert all(i < cell for i, p in enumerate(r) if p.startswith("articles/")), (q, r)  # after every article
    assert found["australie cybersecurite"]["whole"][0] == "matrice/australie/cybersecurite.html"


def test_a_partner_s_demonym_finds_its_page_and_articles(browser: Browser, tmp_path: Path) -> None:
    """"japonais" found the 2 articles saying it, not the partner page Japon nor the articles
    about Japan (user audit): a demonym is another name of its partner (data/synonyms.yaml),
    and the partner's name finds the pages that say only its demonym."""
    tagged = _doc("articles/2025/tokyo.html", "Les ministres se sont réunis à Tokyo.", title="Réunion à Tokyo")
    tagged.title_words |= {"japon"}  # its main partner, shown above its title (search_pages)
    tagged.words = set(tagged.words) | {"japon"}
    docs = [_hub("partenaires/japon.html", "Japon", "Partenaire de dialogue", ("japan",)),
            tagged,
            _doc("articles/2024/pm.html", "Le PM japonaise Shinzo Abe est venu."),
            _doc("articles/2024/chine.html", "Le ministre chinois est venu.")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs), ["japonais", "japonaises", "japon", "chinoise"])
    japan = {"partenaires/japon.html", "articles/2025/tokyo.html", "articles/2024/pm.html"}
    for q in ("japonais", "japonaises", "japon"):
        assert found[q]["whole"][0] == "partenaires/japon.html", (q, found[q])
        assert set(found[q]["whole"]) == japan, (q, found[q])
    assert found["chinoise"]["whole"] == ["articles/2024/chine.html"]


def _listing(path: str, title: str, terms: str, description: str = "") -> Doc:
    """A hub page as search_pages reads it from its front matter: its search terms entry by
    entry (render/terms.py)."""
    front = yaml.safe_dump({"title": title, "description": description, "search_terms": terms}, allow_unicode=True)
    doc = search_pages._page_doc(path.replace(".html", ".md"), front, None, search_pages._Words(), False)
    assert doc
    return doc


def test_a_hub_page_holds_together_only_the_words_one_entry_of_its_terms_holds(browser: Browser,
                                                                                tmp_path: Path) -> None:
    """"japon 2019": the AMM's page and six domain pages, which list the partner Japon and,
    apart, the years of their articles (2019 among them), were the 7 pages "holding every
    word", before the partner page Japon and the year page 2019 (user audit). A hub page
    whose title holds none of the query's words holds together only the words that one
    entry of its search terms holds, or its description; a page titled by one of them
    lists what concerns it."""
    docs = [_listing("domaines/securite.html", "Paix et sécurité", "Années des articles : 2025, 2019 · Japon · Chine"),
            _listing("reunions/amm.html", "Réunion des ministres des Affaires étrangères de l'ASEAN (AMM)",
                     "Japon · 52e réunion (2019)", "Réunions rapportées : 52e réunion (2019)."),
            _listing("partenaires/japon.html", "Japon", "Années des articles : 2025, 2013 · Sommet ASEAN-Japon · "
                     "Partenariat stratégique global en 2023"),
            _listing("annees/2019.html", "2019", "Chine · Paix et sécurité"),
            _listing("annees/2013.html", "2013", "16e Sommet ASEAN-Japon · Japon"),
            _doc("articles/2024/tokyo.html", "Le Japon et l'ASEAN à Tokyo.")]
    found = _queries(browser, tmp_path, _index_page(tmp_path, docs),
                     ["japon 2019", "sommet asean japon 2023", "sommet asean japon", "2025 2019", "chine securite"])
    r = found["japon 2019"]
    assert r["whole"] == [] and r["k"] == 1, r
    assert r["part"][:2] == ["partenaires/japon.html", "annees/2019.html"], r
    assert {"domaines/securite.html", "reunions/amm.html"} <= set(r["part"][2:]), r
    # Titled by one of the words: its entries together (the partnership of 2023, its summits).
    assert "partenaires/japon.html" in found["sommet asean japon 2023"]["whole"]
    # One entry holding them all.
    assert found["sommet asean japon"]["whole"][-1] == "annees/2013.html", found["sommet asean japon"]
    assert found["2025 2019"]["whole"] == ["domaines/securite.html"]
    assert "domaines/securite.html" in found["chine securite"]["whole"]  # "sécurité" is its title's
