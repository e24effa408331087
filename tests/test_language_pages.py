"""Articles not in French: marked on their page (lang attribute, "Langue" line), in lists and
on the home page, so that readers and screen readers know (the fifth audit found them
unmarked among French titles, read aloud with French sounds)."""

from __future__ import annotations

import json

from aseankb.config import load_taxonomy
from aseankb.group import group
from aseankb.model import Article, PartialDate
from aseankb.render.article import article_page
from aseankb.render.checks import checks_section
from aseankb.render.dates import html_lang
from aseankb.render.explorer import explorer_data
from aseankb.render.pages import ItemLines, article_item, home_page
from aseankb.render.related import related_lines

TAX = load_taxonomy()


def _art(n: int, language: str) -> Article:
    return Article(id=f"a{n}", source=f"seeds/a{n}.txt", title=f"Title {n}", date=PartialDate(2024, 3, n),
                   date_source="header", language=language, partners=["japon"], partners_mentioned=[],
                   domains=["energie"], people=[], paragraphs=["Japan and ASEAN met."], slug=f"t-{n}")


def test_an_english_article_page_says_its_language() -> None:
    page = article_page(_art(1, "en"), TAX)
    assert '\n# Title 1 {: #titre lang="en" }\n' in page and '<p lang="en">Japan and ASEAN met.</p>' in page
    assert "**Langue\u00a0:** anglais" in page
    french = article_page(_art(2, "fr"), TAX)
    assert "lang=" not in french and "Langue" not in french


def test_lists_mark_the_language_of_other_articles() -> None:
    # Kept alive: ItemLines knows articles by identity, as the build's outlive it.
    en, vi, fr, und = _art(1, "en"), _art(2, "vi"), _art(3, "fr"), _art(4, "und")
    for item in (article_item, ItemLines()):
        assert item(en, "../").endswith('(../articles/2024/t-1.md){: lang="en" } *(en anglais)*')
        assert item(vi, "").endswith('{: lang="vi" } *(en vietnamien)*')
        assert item(fr, "").endswith("(articles/2024/t-3.md)")
        assert item(und, "").endswith("(articles/2024/t-4.md)")
    # The "À lire aussi" of an article page too (ninth audit).
    related = related_lines([en, fr])
    assert related[2].endswith('(../../articles/2024/t-1.md){: lang="en" } *(en anglais)*')
    assert related[3].endswith("(../../articles/2024/t-3.md)")


SUMMIT = "25e Sommet ASEAN-République de Corée, 2024"


def _situated(n: int) -> Article:
    """A Vietnamese article whose title the extractor followed with its meeting's French name
    (extract._situated): here the second it reports, the one with its partner."""
    art = _art(n, "vi")
    art.title = f"Hàn Quốc và ASEAN <b>thông qua</b>… — {SUMMIT}"
    art.events, art.events_fr = ["asean-summit-45", "asean-rok-summit-25"], ["45e Sommet de l'ASEAN, 2024", SUMMIT]
    return art


def test_lists_mark_only_the_own_words_of_a_title_followed_by_a_french_name() -> None:
    """Audit: lists marked "… — 25e Sommet ASEAN-République de Corée, 2024" Vietnamese as a
    whole (`<a lang="vi">`), where the article's heading marks only its own words."""
    vi = _situated(5)
    own = '<span lang="vi">Hàn Quốc và ASEAN &lt;b&gt;thông qua&lt;/b&gt;…</span>'
    said = own + " — 25e Sommet ASEAN\\-République de Corée, 2024"
    for item in (article_item, ItemLines()):
        assert item(vi, "../") == f"- 2024-03-05 — [{said}](../articles/2024/t-5.md) *(en vietnamien)*"
    assert related_lines([vi])[2] == f"- 2024-03-05 — [{said}](../../articles/2024/t-5.md) *(en vietnamien)*"
    assert f"- [{said}](articles/2024/t-5.md) (vietnamien)" in checks_section([vi])
    # The heading, from the same parts (render/titles.py): it marked nothing apart when the
    # name added was not the first meeting the article reports.
    assert f"\n# {said} {{: #titre }}\n" in article_page(vi, TAX)
    # A French title followed by a meeting's name has nothing to mark.
    fr = _situated(6)
    fr.language = "fr"
    assert "lang" not in article_item(fr, "") and "<span" not in article_page(fr, TAX)


def _explorer_payload(text: str) -> object:
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def test_the_explorer_data_says_a_title_s_language_only_when_not_french() -> None:
    """Audit: the Explorer's data held only slug, title and date, so it listed English and
    Vietnamese titles unmarked. Its year files are downloaded by readers: a French entry
    stays three values, and the notes ("en anglais") are written once, with the facets."""
    vi, en, fr, und = _situated(5), _art(1, "en"), _art(2, "fr"), _art(3, "und")
    files = explorer_data(group([vi, en, fr, und]), TAX)
    _, rows = _explorer_payload(files["assets/explorer/y-2024.js"])
    assert sorted(rows) == sorted([
        ["t-5", "Hàn Quốc và ASEAN <b>thông qua</b>…", "2024-03-05", "vi", f" — {SUMMIT}"],
        ["t-1", "Title 1", "2024-03-01", "en"], ["t-2", "Title 2", "2024-03-02"], ["t-3", "Title 3", "2024-03-03"]])
    facets = _explorer_payload(files["assets/explorer/facets.js"])
    assert facets["languages"] == {"en": "en anglais", "vi": "en vietnamien"}
    assert _explorer_payload(explorer_data(group([fr]), TAX)["assets/explorer/facets.js"])["languages"] == {}


def test_the_home_page_counts_the_other_languages() -> None:
    arts = sorted([_art(1, "en"), _art(2, "en"), _art(3, "vi"), _art(4, "fr")], key=lambda a: a.sort_key)
    assert ("en français (et 3 dans d'autres langues\u00a0: 2 en anglais, 1 en vietnamien) sur"
            in home_page(group(arts), TAX))
    assert "en français sur les relations" in home_page(group([_art(4, "fr")]), TAX)


def test_only_a_well_formed_code_becomes_an_attribute() -> None:
    assert html_lang("zh-cn") == "zh-cn" and html_lang("en") == "en"
    assert html_lang('en" onclick="x') is None and html_lang("fr") is None and html_lang("und") is None


def test_an_english_article_s_words_quoted_in_french_lines_keep_their_language() -> None:
    """Accessibility audit: the date line of an English dispatch quotes its dateline
    (« Tokyo, March 6, 2023 (VNA) »), and its people line the role it gives someone, inside
    French sentences; read with French sounds. Our own notes stay French."""
    en, fr = _art(1, "en"), _art(2, "fr")
    for art in (en, fr):
        art.date_source, art.date_evidence = "dateline", "Tokyo, March 6, 2023 (VNA)"
        art.people, art.people_described = ["John Doe"], {"John Doe": "Australian <b>envoy</b>"}
    page = article_page(en, TAX)
    assert '«\u00a0<span lang="en">Tokyo, March 6, 2023 \\(VNA\\)</span>\u00a0»' in page
    assert '(<span lang="en">Australian &lt;b&gt;envoy&lt;/b&gt;</span>)' in page  # seed text stays text
    french = article_page(fr, TAX)
    assert "«\u00a0Tokyo, March 6, 2023 \\(VNA\\)\u00a0»" in french and "<span lang" not in french
    # An office of our data is our French words, whatever the article's language.
    en.people_roles = {"John Doe": "ministre des Affaires étrangères de l'Australie"}
    assert "(ministre des Affaires étrangères de l'Australie)" in article_page(en, TAX)


def test_the_report_s_checks_mark_an_english_title() -> None:
    lines = checks_section([_art(1, "en"), _art(2, "fr")])
    assert '- [Title 1](articles/2024/t-1.md){: lang="en" } (anglais)' in lines
    assert not any("t-2.md){" in line for line in lines)
