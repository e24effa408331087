"""Unit tests of the explore renderers (charts, profiles, people, related, feeds) and of
the editorial overrides."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from aseankb.build import site_url
from aseankb.config import load_partners, load_relations, load_taxonomy
from aseankb.errors import ConfigError
from aseankb.group import group
from aseankb.model import Article, PartialDate
from aseankb.overrides import apply_overrides, load_overrides
from aseankb.render import charts
from aseankb.render import neighbours as nb
from aseankb.render import overlaps as ov
from aseankb.render import pages as pages_mod
from aseankb.render.charts import bar_table, column_chart, year_series, year_span
from aseankb.render.feeds import ATOM, FEED_SIZE, feeds
from aseankb.render.pages import article_item, partner_pages, relations_sentence
from aseankb.render.people import people_index, people_pages, person_slug
from aseankb.render.profiles import matrix_pages, officials, partner_profile
from aseankb.render.related import (
    NEIGHBOURS,
    POSTING_MAX,
    RELATED,
    TEXT_CANDIDATES,
    TOP_TERMS,
    related,
    term_counts,
    term_vector,
)

TAX = load_taxonomy()
A = f"{{{ATOM}}}"


def art(n: int, *, year: int | None = 2020, partners=("japon",), domains=("energie",), people=(),
        text: str = "La coopération régionale avance.", title: str | None = None) -> Article:
    return Article(id=f"a{n:05d}", source=f"seeds/a{n:05d}.txt", title=title or f"Titre {n}",
                   date=PartialDate(year, 1 + n % 12, 1 + n % 28) if year else PartialDate(),
                   date_source="header", language="fr", partners=list(partners), partners_mentioned=[],
                   domains=list(domains), people=list(people), paragraphs=[text], slug=f"titre-{n}")


# charts
def test_year_series_fills_gaps() -> None:
    assert year_series({2018: 2, 2021: 1}) == [("2018", 2), ("2019", 0), ("2020", 0), ("2021", 1)]
    assert year_series({}) == []


TEXT_RE = re.compile(r'<text class="(kb-value|kb-year)( kb-minor| kb-phone)?" x="([\d.]+)" y="[\d.]+" '
                     r'text-anchor="middle">([^<]*)</text>')


def _labels(svg: str, screen: str) -> dict[str, list[tuple[float, str]]]:
    """The values and the years a chart draws on a desktop or on a phone (aseankb.css: kb-minor
    is left out on a phone, kb-phone on a desktop), with their centres."""
    hidden = " kb-minor" if screen == "phone" else " kb-phone"
    shown: dict[str, list[tuple[float, str]]] = {"kb-value": [], "kb-year": []}
    for kind, only, x, text in TEXT_RE.findall(svg):
        if only != hidden:
            shown[kind].append((float(x), text))
    return shown


# Sixteenth audit, domains/securite/ at 390 px: 2010-2025, and the bars of 2018, 2020, 2022 and
# 2024 had no value, nor 2010 its year (the axis seemed to begin in 2011).
AUDIT = list(zip([str(y) for y in range(2010, 2026)], [3, 1, 4, 2, 5, 1, 2, 6, 8, 3, 7, 2, 9, 4, 12, 15], strict=True))


def test_a_phone_shows_every_value_of_sixteen_years_and_their_first_and_last_year() -> None:
    svg = column_chart(AUDIT, "t", "c").split("</svg>")[0]
    for screen in ("desktop", "phone"):
        shown = _labels(svg, screen)
        assert [v for _, v in shown["kb-value"]] == [str(n) for _, n in AUDIT], screen
        years = [y for _, y in shown["kb-year"]]
        assert years[0] == "2010" and years[-1] == "2025", (screen, years)
    assert len(_labels(svg, "desktop")["kb-year"]) == 16  # room enough for every year there
    assert len(_labels(svg, "phone")["kb-year"]) == 8  # drawn larger: every other one
    assert "--kb-phone-value" not in svg  # two digits fit their column at the phone's size
    # Three digits are drawn a little smaller on a phone, all the same.
    big = column_chart([(y, n + 200) for y, n in AUDIT], "t", "c").split("</svg>")[0]
    assert len(_labels(big, "phone")["kb-value"]) == 16


@pytest.mark.parametrize("digits", [1, 2, 3])
def test_chart_labels_never_overlap_and_the_axis_keeps_its_ends(digits: int) -> None:
    """At any number of years, on a desktop and on a phone: the first and the last year are
    labelled, and no two labels of a row overlap at the widest the site's fonts draw them."""
    for n in range(1, 46):
        series = [(str(1980 + i), 10 ** (digits - 1) + i % 3 if i % 7 != 3 else 0) for i in range(n)]
        svg = column_chart(series, "t", "c").split("</svg>")[0]
        phone_value = re.search(r"--kb-phone-value: (\d+)px", svg)
        for screen in ("desktop", "phone"):
            shown = _labels(svg, screen)
            years = [y for _, y in shown["kb-year"]]
            assert years[0] == series[0][0] and years[-1] == series[-1][0], (n, screen, years)
            counted = [str(v) for _, v in series if v]
            assert shown["kb-value"][-1][1] == counted[-1], (n, screen)
            size = {"desktop": charts.DESK_SIZE, "phone": charts.PHONE_SIZE}[screen]
            for kind, at in (("kb-year", size), ("kb-value", int(phone_value[1]) if phone_value and screen == "phone"
                                                  else size)):
                xs = [(x, len(text)) for x, text in shown[kind]]
                for (x1, c1), (x2, c2) in itertools.pairwise(xs):
                    room = (c1 + c2) / 2 * charts.DIGIT_EM * at
                    assert x2 - x1 >= room, (n, screen, kind, x1, x2)
        if digits < 3 and n <= 22:  # every value shows on a phone up to 22 years of two digits
            assert len(_labels(svg, "phone")["kb-value"]) == sum(1 for _, v in series if v), n
        assert phone_value is None or int(phone_value[1]) >= charts.PHONE_VALUE_MIN


def test_column_chart_is_labelled_and_has_its_data_as_a_table() -> None:
    html = column_chart([("2019", 3), ("2020", 0), ("2021", 5)], "Japon : articles par année", "p-japon")
    assert 'role="img"' in html and 'aria-labelledby="kb-chart-p-japon-t"' in html
    assert '<title id="kb-chart-p-japon-t">Japon : articles par année</title>' in html
    assert "<table" in html and '<th scope="row">2020</th><td>0</td>' in html
    assert 'aria-describedby="kb-chart-p-japon-d"' in html and 'id="kb-chart-p-japon-d"' in html
    assert "\n" not in html and "<script" not in html  # one raw HTML line, no JavaScript
    assert column_chart([], "x", "y").startswith("<p>")
    assert "<b>" not in column_chart([("<b>", 1)], "R&D <i>", "z") and "R&amp;D &lt;i&gt;" in column_chart(
        [("2020", 1)], "R&D <i>", "z")


def test_bar_table_widths_are_proportional() -> None:
    lines = bar_table([("a", 4), ("b", 2)], ("Domaine", "Articles"))
    assert lines[0] == "| Domaine | Articles |" and len(lines) == 4
    assert "width:12em" in lines[2] and "width:6em" in lines[3]
    assert bar_table([], ("x", "y")) == ["_Aucune donnée._"]


# people
def test_people_merge_spellings_and_escape_names() -> None:
    arts = [art(1, people=["Nguyễn Phú Trọng"]), art(2, people=["Nguyen Phu Trong", "<b>Evil</b>"]),
            art(3, people=["Nguyễn Phú Trọng"])]
    people = people_index(arts)
    assert people["nguyen-phu-trong"].name == "Nguyễn Phú Trọng"
    assert len(people["nguyen-phu-trong"].articles) == 3
    pages = people_pages(arts, TAX, article_item)
    evil = pages["personnes/b-evil-b.md"]
    assert "<b>" not in evil and "&lt;b&gt;" in evil
    assert "[Nguyễn Phú Trọng](nguyen-phu-trong.md) (3)" in pages["personnes/index.md"]
    assert "Autres graphies\u00a0: Nguyen Phu Trong." in pages["personnes/nguyen-phu-trong.md"]
    # The index says who each one is: their office in the newest article, else its phrase.
    arts[2].people_roles = {"Nguyễn Phú Trọng": "secrétaire général du Parti"}
    arts[1].people_described = {"<b>Evil</b>": "<i>ministre</i> du mal"}
    index = people_pages(arts, TAX, article_item)["personnes/index.md"]
    assert "- [Nguyễn Phú Trọng](nguyen-phu-trong.md), secrétaire général du Parti (3)" in index
    assert "- [&lt;b&gt;Evil&lt;/b&gt;](b-evil-b.md), «\u00a0&lt;i&gt;ministre&lt;/i&gt; du mal\u00a0» (1)" in index
    assert person_slug("Index") == "personne-index" and person_slug("«»").startswith("p-")


# profiles
def test_partner_profile_timeline_domains_officials_latest() -> None:
    arts = sorted([art(i, year=2015 + i % 4, domains=("energie", "sante") if i % 2 else ("energie",),
                       people=["Jane Doe"] if i < 3 else []) for i in range(12)], key=lambda a: a.sort_key)
    text = "\n".join(partner_profile("japon", arts, TAX, article_item, "../feeds/japon.xml",
                                     group(arts).domains_with("japon")))
    assert "## Chronologie" in text and '<th scope="row">2018</th><td>3</td>' in text
    assert "[Énergie](../matrice/japon/energie.md) | <span" in text and "width:12em\"></span> 12" in text
    assert "[Jane Doe](../personnes/jane-doe.md) (3)" in text
    # 12 articles: the full list that follows says it all (its first ten lines would repeat them).
    assert "## Derniers articles" not in text and "[flux Atom](../feeds/japon.xml)" in text
    many = sorted([art(i, year=2015 + i % 4) for i in range(31)], key=lambda a: a.sort_key)
    profile = partner_profile("japon", many, TAX, article_item, None, group(many).domains_with("japon"))
    latest = "\n".join(profile).split("## Derniers articles\n")
    assert len(latest) == 2 and latest[1].count("\n- ") == 10
    assert officials(arts)[0][:3] == ("jane-doe", "Jane Doe", 3)
    assert partner_profile("japon", [], TAX, article_item, None, group([]).domains_with("japon")) == []


def test_partner_and_domain_tables_say_in_which_years() -> None:
    """"Which partners has ASEAN discussed maritime security with, and in which years?" took
    eight matrix cells to answer (twelfth audit): each row now has its years."""
    assert year_span([2013, None, 2018, 2019, 2020, 2018]) == "2013, 2018–2020"
    assert year_span([2001, 2003, 2005, 2007, 2009, 2010]) == "2001–2010 (6 années)" and year_span([None]) == "—"
    arts = [art(1, year=2013, domains=("maritime",)), art(2, year=2018, domains=("maritime", "energie")),
            art(3, year=2019, partners=("chine",), domains=("maritime",))]
    g = group(arts)
    pages = pages_mod.domain_pages(g, TAX, article_item)
    assert "| Partenaire | Articles | Années |" in pages["domaines/maritime.md"]
    assert re.search(r"\| \[Japon\]\(\.\./matrice/japon/maritime\.md\) \| <span[^|]*> 2 \| 2013, 2018 \|",
                     pages["domaines/maritime.md"])
    assert re.search(r"\| \[Chine\]\([^)]*\) \| <span[^|]*> 1 \| 2019 \|", pages["domaines/maritime.md"])
    japan = partner_pages(g, TAX, article_item)["partenaires/japon.md"]
    assert re.search(r"\| \[Énergie\]\(\.\./matrice/japon/energie\.md\) \| <span[^|]*> 1 \| 2018 \|", japan)


def test_partner_profile_sets_the_partners_own_people_apart() -> None:
    """The Japan page named Vietnam's ministers beside Japan's as if they were alike: the
    partner's own people (their office or the text's phrase names it) come first, apart."""
    arts = [art(1, people=["Shinzo Abe", "Nguyen Tan Dung", "Ito Ken", "Le Van Ba"]),
            art(2, people=["Takeshi Iwaya", "Nguyen Tan Dung"])]
    arts[0].people_roles = {"Shinzo Abe": "Premier ministre du Japon", "Nguyen Tan Dung": "Premier ministre du Vietnam"}
    arts[0].people_described = {"Ito Ken": "ambassadeur japonais", "Le Van Ba": "ambassadeur du Vietnam au Japon"}
    arts[1].people_described = {"Takeshi Iwaya": "chef de la diplomatie nippone, ministre japonais"}
    text = "\n".join(partner_profile("japon", arts, TAX, article_item, None, group(arts).domains_with("japon")))
    head, own, others = text.split("## Personnalités citées\n\n")[1].strip().split("\n\n")[:3]
    # Each with the role that names the partner: "who is Japan's foreign minister here?"
    assert head == "Personnalités du Japon :" and own.split("\n") == [
        "- [Ito Ken](../personnes/ito-ken.md), « ambassadeur japonais » (1)",
        "- [Shinzo Abe](../personnes/shinzo-abe.md), Premier ministre du Japon (1)",
        "- [Takeshi Iwaya](../personnes/takeshi-iwaya.md), « chef de la diplomatie nippone, ministre japonais » (1)"]
    assert others == ("Autres personnalités : [Nguyen Tan Dung](../personnes/nguyen-tan-dung.md) (2), "
                      "[Le Van Ba](../personnes/le-van-ba.md) (1)")
    # The United States' own: "des États-Unis"; none of the partner's own: one list, as before.
    us = [art(3, partners=("etats-unis",), people=["Marco Rubio"])]
    us[0].people_roles = {"Marco Rubio": "secrétaire d'État des États-Unis"}
    text = "\n".join(partner_profile("etats-unis", us, TAX, article_item, None, group(us).domains_with("etats-unis")))
    assert ("Personnalité des États-Unis :\n\n- [Marco Rubio](../personnes/marco-rubio.md), secrétaire d'État des "
            "États\\-Unis (1)\n") in text
    assert "Autres" not in text and "entre guillemets" not in text  # an office of our data: nothing to explain


def test_a_state_or_a_citys_office_is_the_partners_own() -> None:
    """Troy Grant, New South Wales' police minister, was among the "Autres personnalités" of
    Australia's page, beside Hun Sen: a state's office (partners.yaml, regions) is Australia's.
    A member's office in the partner's city ("consul du Vietnam à Sydney") is not."""
    arts = [art(1, partners=("australie",), people=["Troy Grant", "Le Van Ba", "Jane Roe"])]
    arts[0].people_described = {"Troy Grant": "ministre de la Police de l'État de Nouvelle-Galles du Sud",
                                "Le Van Ba": "consul général du Vietnam à Sydney",
                                "Jane Roe": "maire de Darwin"}
    text = "\n".join(partner_profile("australie", arts, TAX, article_item, None, group(arts).domains_with("australie")))
    people = text.split("## Personnalités citées\n\n")[1].split("\n## ")[0]
    assert people.startswith("Personnalités de l'Australie :\n\n- [Jane Roe](../personnes/jane-roe.md), "
                             "« maire de Darwin »")
    assert ("- [Troy Grant](../personnes/troy-grant.md), « ministre de la Police de l'État de "
            "Nouvelle\\-Galles du Sud » (1)") in people
    assert "Autres personnalités : [Le Van Ba](../personnes/le-van-ba.md) (1)" in people
    # The quotes are explained once, under the list (session 23's note: no legend).
    assert people.count("Une fonction entre guillemets est celle que l'article donne") == 1
    plain = [art(4, people=["Nguyen Tan Dung"])]
    text = "\n".join(partner_profile("japon", plain, TAX, article_item, None, group(plain).domains_with("japon")))
    assert ("## Personnalités citées\n\nAucune personnalité du Japon n'est citée ; autres personnalités : "
            "[Nguyen Tan Dung](../personnes/nguyen-tan-dung.md) (1)\n") in text
    apt = [art(5, partners=("asean-plus-3",), people=["Nguyen Tan Dung"])]
    text = "\n".join(partner_profile("asean-plus-3", apt, TAX, article_item, None,
                                     group(apt).domains_with("asean-plus-3")))
    assert "Toutes délégations confondues : [Nguyen Tan Dung](../personnes/nguyen-tan-dung.md) (1)\n" in text


def test_matrix_cells_link_to_pages_with_the_matching_articles() -> None:
    arts = [art(1, partners=("japon", "chine"), domains=("energie",)), art(2, partners=("japon",), domains=("sante",))]
    pages = matrix_pages(group(arts), TAX, article_item)
    assert set(pages) == {"matrice.md", "matrice/japon/energie.md", "matrice/chine/energie.md",
                          "matrice/japon/sante.md"}
    assert "[1](matrice/japon/energie.md)" in pages["matrice.md"]
    # Its rows add up to more than the partner's articles: the page says why.
    assert "un article qui traite de plusieurs domaines compte dans chacun" in pages["matrice.md"]
    assert "titre-1.md" in pages["matrice/japon/energie.md"] and "titre-2" not in pages["matrice/japon/energie.md"]


def test_sentences_give_each_partner_its_article() -> None:
    """"consacrés au Japon", "aux États-Unis", "à l'Union européenne": never "à Japon"."""
    arts = [art(1, partners=("japon", "etats-unis", "union-europeenne", "chine"))]
    pages = matrix_pages(group(arts), TAX, article_item)
    # The domain's name quoted: "dans le domaine Coopération maritime" read as a misprint (audit).
    assert ("consacré au [Japon](../../partenaires/japon.md) dans le domaine "
            "«\u00a0[Énergie](../../domaines/energie.md)\u00a0»") in pages["matrice/japon/energie.md"]
    assert "consacré aux [États-Unis](" in pages["matrice/etats-unis/energie.md"]
    assert "consacré à l'[Union européenne](" in pages["matrice/union-europeenne/energie.md"]
    assert "consacré à la [Chine](" in pages["matrice/chine/energie.md"]
    partners = partner_pages(group(arts), TAX, article_item)
    assert ("1 article consacré aux États-Unis (en anglais\u00a0: *United States*)."
            in partners["partenaires/etats-unis.md"])
    assert "Aucun article n'est consacré à l'Inde (en anglais\u00a0: *India*)." in partners["partenaires/inde.md"]
    assert all(" à le " not in p.fr_to and " à les " not in p.fr_to for p in TAX.partners.values())


def test_partner_pages_say_since_when_asean_and_the_partner_have_had_relations(monkeypatch) -> None:
    """From data/relations.yaml: the start of relations and each partnership level reached."""
    pages = partner_pages(group([art(1, partners=("japon", "canada"))]), TAX, article_item)
    japan = pages["partenaires/japon.md"].split("## ")[0]
    assert ("Partenaire de dialogue de l'ASEAN\u00a0; relations depuis 1973\u00a0; partenariat stratégique en 2011, "
            "partenariat stratégique global en 2023.") in japan
    assert ("Partenaire de dialogue de l'ASEAN\u00a0; relations depuis 1977\u00a0; partenariat stratégique en 2023."
            in pages["partenaires/canada.md"])
    assert "Cadre de coopération mené par l'ASEAN depuis 1997." in pages["partenaires/asean-plus-3.md"]
    # The strategic partnership with New Zealand dates from 2015 (2020 was its 5th anniversary).
    assert ("depuis 1975\u00a0; partenariat global en 2010, partenariat stratégique en 2015, partenariat stratégique "
            "global en 2025.") in pages["partenaires/nouvelle-zelande.md"]
    # The levels between: a full dialogue partner (Korea, 1991), a comprehensive partnership (2004).
    assert ("depuis 1989\u00a0; partenaire de dialogue à part entière en 1991, partenariat global en 2004, "
            "partenariat stratégique en 2010, partenariat stratégique global en 2024.") \
        in pages["partenaires/coree-du-sud.md"]
    # Said first (fifteenth audit: "royaume uni partenaire de dialogue" did not find its page).
    assert "Partenaire de dialogue de l'ASEAN\u00a0; relations depuis 2021." in pages["partenaires/royaume-uni.md"]
    index = pages["partenaires/index.md"]
    assert "| [Japon](japon.md) | 1973 | 1 | 0 |" in index
    assert "| [Royaume-Uni](royaume-uni.md) | 2021 | 0 | 0 |" in index
    assert "et celui des articles qui ne font que les citer en passant." in index  # the last column
    assert "| [Forum régional de l'ASEAN](forum-regional-asean.md) | 1994 | 0 | 0 |" in index
    # A partner the data does not cover: nothing said on its page, "—" in the index.
    known = {k: v for k, v in load_relations().items() if k != "royaume-uni"}
    monkeypatch.setattr(pages_mod, "load_relations", lambda: known)
    pages = partner_pages(group([art(1, partners=("japon",))]), TAX, article_item)
    assert "Relations avec" not in pages["partenaires/royaume-uni.md"]
    assert "| [Royaume-Uni](royaume-uni.md) | — | 0 | 0 |" in pages["partenaires/index.md"]
    assert relations_sentence(None) == relations_sentence({}) == ""


def test_labels_are_listed_in_french_order_accents_aside() -> None:
    partners = [p.fr for p in TAX.partners_in_order()]
    assert partners.index("Corée du Sud") < partners.index("États-Unis") < partners.index("Inde")
    domains = [d.fr for d in TAX.domains_in_order()]
    assert domains.index("Développement durable") < domains.index("Éducation et échanges") < domains.index(
        "Gestion des catastrophes")
    index = partner_pages(group([art(1)]), TAX, article_item)["partenaires/index.md"]
    assert index.index("[Corée du Sud]") < index.index("[États-Unis]") < index.index("[Inde]")
    matrix = matrix_pages(group([art(1)]), TAX, article_item)["matrice.md"]
    assert matrix.index("[Éducation et échanges]") < matrix.index("[Gestion des catastrophes]")
    # Equal counts follow the same order ("Énergie" before "Santé publique", not by id).
    arts = [art(1, domains=("sante", "energie", "tourisme", "education"))]
    text = "\n".join(partner_profile("japon", arts, TAX, article_item, None, group(arts).domains_with("japon")))
    assert text.index("[Éducation et échanges]") < text.index("[Énergie]") < text.index("[Santé publique]") < \
        text.index("[Tourisme]")


@pytest.mark.parametrize("fr_to", [None, "Japon", "au Japonais", 3])
def test_a_partner_needs_its_label_after_a(tmp_path: Path, fr_to: object) -> None:
    file = tmp_path / "partners.yaml"
    line = "" if fr_to is None else f"  fr_to: {fr_to}\n"
    file.write_text(f"japon:\n  fr: Japon\n{line}  en: Japan\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_partners(file)
    assert str(file) in str(err.value) and "japon.fr_to" in str(err.value)
    file.write_text("japon:\n  fr: Japon\n  fr_to: au Japon\n  en: Japan\n", encoding="utf-8")
    assert load_partners(file)["japon"].to_prefix == "au "


# related
def test_related_prefers_shared_partners_domains_and_words() -> None:
    solar = "Le projet solaire photovoltaïque de Mindanao reçoit un financement japonais pour ses panneaux."
    arts = [art(1, text=solar), art(2, text=solar.replace("Mindanao", "Luzon")),
            art(3, partners=("chine",), domains=("sante",), text="Vaccins et hôpitaux : la santé publique."),
            art(4, partners=("chine",), domains=("sante",), text="Les hôpitaux et les vaccins en Chine.")]
    arts.sort(key=lambda a: a.sort_key)
    links = related(arts)
    assert links["a00001"][0].id == "a00002"
    assert links["a00003"][0].id == "a00004"
    assert all(a.id != key for key, lst in links.items() for a in lst)
    assert links == related(list(arts))  # deterministic


def test_an_article_relates_to_its_partner_s_nearest_whatever_their_domains_and_words() -> None:
    """Fifteenth audit: the 2019 EU-ASEAN ministerial meeting, in English and with no domain,
    listed none of the three French articles about the EU: no word and no (partner, domain)
    bucket in common: they were no candidates, whatever room the list had."""
    english = art(1, year=2019, partners=("union-europeenne",), domains=(),
                  text="Foreign Ministers gathered in Brussels and welcomed further dialogue.")
    french = [art(n, year=2019, partners=("union-europeenne",), domains=("cybersecurite",),
                  text=f"Les cyberattaques menacent les réseaux numériques régionaux, texte {n}.") for n in (2, 3)]
    others = [art(n, year=2019, partners=("japon",), domains=(), text="Foreign Ministers gathered in Tokyo and "
                  f"welcomed further dialogue, {n}.") for n in range(4, 7)]
    arts = sorted([english, *french, *others], key=lambda a: a.sort_key)
    assert {"a00002", "a00003"} <= {a.id for a in related(arts)["a00001"]}


def test_related_candidates_are_bounded_whatever_the_corpus_size() -> None:
    arts = [art(i, text=f"coopération énergie réseau électrique mot{i % 7} terme{i % 11}") for i in range(3000)]
    doc, term, count = nb.vocabulary([term_vector(term_counts(a)) for a in arts])
    s_doc, s_term, s_weight = nb.signatures(doc, term, count, len(arts), TOP_TERMS)
    assert np.bincount(s_doc).max() <= TOP_TERMS
    i, j = nb.text_candidates(s_doc, s_term, s_weight, POSTING_MAX, TEXT_CANDIDATES)
    assert len(i) and np.bincount(i).max() <= TEXT_CANDIDATES and not (i == j).any()
    near_i, _near_j = ov.bucket_neighbours(np.arange(len(arts)), np.zeros(len(arts), dtype=np.int64), NEIGHBOURS)
    assert np.bincount(near_i).max() == 2 * NEIGHBOURS
    assert all(len(v) <= RELATED for v in related(arts[:500]).values())


def test_best_per_row_breaks_ties_by_position_whatever_the_packing() -> None:
    i = np.array([0, 0, 0, 1, 1], dtype=np.int64)
    j = np.array([3, 1, 2, 0, 2], dtype=np.int64)
    value = np.array([0.5, 0.5 + 1e-12, 0.9, 0.2, 0.2])
    bi, bj = nb.best_per_row(i, value, j, 2, 4)
    assert list(zip(bi.tolist(), bj.tolist(), strict=True)) == [(0, 2), (0, 1), (1, 0), (1, 2)]
    # Values too large to pack take the lexsort path, with the same answer.
    bi2, bj2 = nb.best_per_row(i, value * 1e12, j, 2, 4)
    assert (bi2.tolist(), bj2.tolist()) == (bi.tolist(), bj.tolist())


# feeds
def test_feeds_newest_first_escaped_and_deterministic() -> None:
    arts = [art(i, year=2000 + i % 20, title=f"Titre <b>&{i}\x01") for i in range(30)] + [art(99, year=None)]
    g = group(arts)
    out = feeds(g, TAX, None)
    assert set(out) == {"feeds/index.xml", "feeds/japon.xml"}
    root = ET.fromstring(out["feeds/index.xml"])
    entries = root.findall(f"{A}entry")
    assert len(entries) == FEED_SIZE
    stamps = [e.find(f"{A}updated").text for e in entries]
    assert stamps == sorted(stamps, reverse=True) and root.find(f"{A}updated").text == stamps[0]
    assert entries[0].find(f"{A}title").text.startswith("Titre <b>&")
    assert entries[0].find(f"{A}link").get("href").startswith("../articles/")
    assert feeds(g, TAX, None) == out
    absolute = ET.fromstring(feeds(g, TAX, "https://kb.example.org/")["feeds/japon.xml"])
    assert absolute.find(f"{A}entry/{A}link").get("href").startswith("https://kb.example.org/articles/")


def test_site_url_read_from_mkdocs_yml(tmp_path: Path) -> None:
    yml = tmp_path / "mkdocs.yml"
    yml.write_text("site_name: KB\nsite_url: 'https://kb.example.org/base' # comment\n", encoding="utf-8")
    assert site_url(yml) == "https://kb.example.org/base/"
    yml.write_text("site_name: KB\n", encoding="utf-8")
    assert site_url(yml) is None and site_url(tmp_path / "missing.yml") is None


# overrides
def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "overrides.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_correct_title_date_partners_domains(tmp_path: Path) -> None:
    a = art(1, partners=("japon",), domains=("energie",))
    a.partners_mentioned = ["chine"]
    path = _write(tmp_path, "a00001:\n  title: Titre corrigé\n  date: 2019-08\n"
                            "  partners: [chine, inde]\n  domains: [sante]\n")
    apply_overrides([a], load_overrides(path, TAX), str(path))
    assert (a.title, a.date, a.date_source) == ("Titre corrigé", PartialDate(2019, 8), "override")
    assert (a.partners, a.partners_mentioned, a.domains) == (["chine", "inde"], [], ["sante"])
    assert a.page.startswith("articles/2019/")
    assert load_overrides(_write(tmp_path, "# rien\n"), TAX) == {}


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a00001:\n  titel: x\n", 2, "unknown key"),
    ("a00001:\n  partners:\n    - japon\n    - atlantide\n", 4, "unknown id 'atlantide'"),
    ("a00001:\n  domains: [peche]\n", 2, "unknown id 'peche'"),
    ("a00001:\n  date: 2019-02-30\n", 2, "not a valid date"),
    ("a00001:\n  date: 2019-00\n", 2, "not a valid date"),
    ("a00001:\n  date: 9999\n", 2, "year 9999 is not in 1900-2100"),
    ("a00001:\n  date: hier\n", 2, "YYYY"),
    ("a00001:\n  title: [x\n", 3, "invalid YAML"),
    ("a00001:\n  title: x\n  title: y\n", 3, "given twice"),
    ("\n\nzzz:\n  title: x\n", 3, "no article has this id"),
])
def test_overrides_errors_name_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        apply_overrides([art(1)], load_overrides(path, TAX, "seeds/overrides.yaml"), "seeds/overrides.yaml")
    assert info.value.line == line
    assert str(info.value).startswith(f"seeds/overrides.yaml:{line}: ") and words in str(info.value)


def test_counts_of_none_or_one_read_as_french_and_agree_with_the_index_pages() -> None:
    """Fifteenth audit: the home page said 13 partners beside an index of 14; "0 article
    consacré au Sommet de l'Asie de l'Est"; "1 article publié en 2011, du plus récent au plus
    ancien"; a page of 2018 said "newest first" and listed its AMM report, of which only the
    year is known, after March; "Cité en passant" over the pages of Chine or États-Unis."""
    one, undated_month = art(1, year=2011), art(2, year=2018)
    undated_month.date = PartialDate(2018)
    g = group([one, undated_month, art(3, year=2018, partners=("chine",))])
    home = pages_mod.home_page(g, TAX)
    assert f"| Partenaires | 2 avec des articles, {len(TAX.partners) - 2} sans | [Parcourir" in home
    assert f"| Domaines | 1 avec des articles, {len(TAX.domains) - 1} sans |" in home
    assert "| Regroupement | Nombre | Accès |" in home  # no header left empty (seventeenth audit)
    years = pages_mod.year_pages(g)
    assert "\n1 article publié en 2011.\n" in years["annees/2011.md"]
    assert ("2 articles publiés en 2018, du plus récent au plus ancien\u00a0; ceux dont seule l'année est connue "
            "viennent en dernier.") in years["annees/2018.md"]
    partners = partner_pages(g, TAX, article_item)
    assert "Aucun article n'est consacré au Sommet de l'Asie de l'Est" in partners["partenaires/sommet-asie-est.md"]
    mentioned = art(4, partners=("japon",))
    mentioned.partners_mentioned = ["chine"]
    china = partner_pages(group([mentioned]), TAX, article_item)
    assert "## Mentions en passant" in china["partenaires/chine.md"]
    assert "| Partenaire | Depuis | Articles | Mentions en passant |" in china["partenaires/index.md"]


def test_a_domain_page_says_why_its_partners_rows_count_fewer_articles() -> None:
    """Sixteenth audit: Santé publique counted 4 articles over partner rows of 1, 1 and 1, and
    China's article was on the page but in no row nor matrix cell, unexplained."""
    one = art(1, partners=("japon",), domains=("energie",))
    both = art(2, partners=("japon", "chine"), domains=("energie", "sante"))
    both.partner_domains = {"japon": ["sante"], "chine": ["sante"]}  # energy said of no partner
    alone = art(3, partners=("chine",), domains=("tourisme",))
    alone.partner_domains = {"chine": []}
    pages = pages_mod.domain_pages(group([one, both, alone]), TAX)
    energy = pages["domaines/energie.md"]
    assert ("1 des 2 articles ne rattache ce domaine à aucun partenaire en particulier" in energy
            and "il compte dans la liste des articles, pas dans ce tableau." in energy), energy
    assert "ne rattache" not in pages["domaines/sante.md"]
    assert "Cet article ne rattache ce domaine à aucun partenaire en particulier" in pages["domaines/tourisme.md"]


def test_a_name_the_same_in_english_is_not_given_twice() -> None:
    """Audit: Canada's page said "(en anglais : *Canada*)"."""
    arts = [art(1, partners=("canada",)), art(2, partners=("japon",))]
    pages = partner_pages(group(arts), TAX)
    assert "en anglais" not in pages["partenaires/canada.md"].split("\n## ")[0]
    assert "(en anglais\u00a0: *Japan*)" in pages["partenaires/japon.md"]
