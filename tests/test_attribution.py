"""Which partner each domain and person of a multi-partner article goes with
(extract/attribution.py), and what the matrix, partner, domain and people pages make of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from aseankb.clean import clean
from aseankb.config import load_partners, load_taxonomy
from aseankb.errors import ConfigError
from aseankb.extract import extract
from aseankb.extract.attribution import attribute, line_ends
from aseankb.group import group
from aseankb.model import Article, PartialDate
from aseankb.overrides import _correct
from aseankb.render.article import BY_PARTNER as BY
from aseankb.render.article import Fold, front_matter, provenance, provenance_blocks
from aseankb.render.pages import article_item, domain_pages
from aseankb.render.people import people_index, person_page
from aseankb.render.profiles import matrix_pages, partner_profile
from aseankb.text import stops_before_space

TAX = load_taxonomy()

REPORT = (
    "L'ASEAN tient des conférences avec le Japon, la Russie et les États-Unis\n"
    "Le ministre Bùi Thanh Son a participé aux conférences ASEAN+1 avec le Japon, la Russie et les États-Unis.\n"
    "Les partenaires ont souligné l'importance du changement climatique.\n"
    "Lors de la conférence ASEAN - Russie, le ministre russe des Affaires étrangères, Sergueï Lavrov, a salué "
    "les progrès. Les deux parties ont convenu de développer le tourisme durable.\n"
    "Lors de la conférence ASEAN - États-Unis, le secrétaire d'État américain, Marco Rubio, a parlé de "
    "cybersécurité avec les États-Unis.\n"
    "Le Canada a évoqué l'éducation.\n")


def _extracted(text: str) -> Article:
    return extract(clean(text), file_name="t.txt", source="seeds/t.txt", tax=TAX)[0]


def _report() -> Article:
    return _extracted(REPORT)


def test_each_mention_goes_with_the_partners_of_its_sentence_else_paragraph_else_the_subject() -> None:
    text = ("Titre : l'énergie\nA et B. Le climat.\nAvec A : le tourisme et l'énergie. Puis la santé.\n"
            "Avec C : l'éducation.")
    at = {"a": [text.index("A et"), text.index("Avec A") + 5], "b": [text.index("B.")], "c": [text.index("C :")]}
    items = {"climat": [text.index("climat")], "tourisme": [text.index("tourisme")],
             "sante": [text.index("santé")], "education": [text.index("éducation")], "absent": [],
             "energie": [text.index("énergie"), text.rindex("énergie")]}
    got = attribute(["a", "b"], {"a", "b"}, at, items, stops_before_space(text, ".!?"), line_ends(text))
    # "Le climat." names no partner; its paragraph names A and B, all of them: both.
    # "Puis la santé." names none; its paragraph names A. The education goes with C, a
    # partner in passing: with neither main one. An item not found again: the subject's.
    # The energy of the headline (said of all) gives way to the energy discussed with A.
    assert got == {"a": ["climat", "tourisme", "sante", "absent", "energie"], "b": ["climat", "absent"]}


def test_a_meeting_report_pairs_each_partner_with_its_own_domains_and_officials() -> None:
    a = _report()
    assert set(a.partners) == {"japon", "russie", "etats-unis"} and "canada" in a.partners_mentioned
    assert set(a.domains) >= {"climat-environnement", "tourisme", "cybersecurite", "education"}
    assert a.domains_of("russie") == ["climat-environnement", "tourisme"]
    assert set(a.domains_of("etats-unis")) == {"cybersecurite", "climat-environnement"}
    assert a.domains_of("japon") == ["climat-environnement"]  # the paragraph naming no partner: the subject's
    assert "education" not in sum(a.partner_domains.values(), [])  # with Canada, named in passing
    assert a.people_of("japon") == ["Bùi Thanh Son"]
    assert set(a.people_of("russie")) == {"Bùi Thanh Son", "Sergueï Lavrov"}
    assert set(a.people_of("etats-unis")) == {"Bùi Thanh Son", "Marco Rubio"}
    meta = front_matter(a, TAX)
    assert meta["partner_domains"]["russie"] == ["climat-environnement", "tourisme"]
    assert meta["partner_people"]["japon"] == ["Bùi Thanh Son"]


def test_matrix_partner_domain_and_people_pages_follow_the_attribution() -> None:
    a = _report()
    g = group([a])
    cells = matrix_pages(g, TAX, article_item)
    assert "matrice/etats-unis/cybersecurite.md" in cells
    assert "matrice/japon/cybersecurite.md" not in cells and "matrice/russie/cybersecurite.md" not in cells
    japan = "\n".join(partner_profile("japon", g.partners["japon"], TAX, article_item, None, g.domains_with("japon")))
    assert "Cybersécurité" not in japan and "Tourisme" not in japan and "Marco Rubio" not in japan
    assert "Bùi Thanh Son" in japan
    domains = domain_pages(g, TAX, article_item)
    cyber = domains["domaines/cybersecurite.md"]
    assert "[États-Unis](../matrice/etats-unis/cybersecurite.md)" in cyber and "../matrice/japon/" not in cyber
    rubio = people_index([a])["marco-rubio"]
    assert "Partenaires des articles\u00a0: [États-Unis](../partenaires/etats-unis.md) (1)." in \
        person_page(rubio, TAX, article_item)


def test_one_partner_or_a_corrected_list_gets_every_domain() -> None:
    one = Article(id="x", source="seeds/x.txt", title="T", date=PartialDate(2020), date_source="header",
                  language="fr", partners=["japon"], partners_mentioned=[], domains=["energie", "sante"],
                  people=["Jane Doe"], paragraphs=["…"])
    assert one.domains_of("japon") == ["energie", "sante"] and one.partners_in("sante") == ["japon"]
    a = _report()
    a.partners.append("chine")  # an editor's correction the extraction never saw
    assert a.domains_of("chine") == a.domains and "chine" in a.partners_in("tourisme")
    assert "japon" not in a.partners_in("tourisme")
    # Corrected to one partner, or given other domains: the editor's word holds for each.
    b, c = _report(), _report()
    _correct(b, {"partners": ["japon"]})
    _correct(c, {"domains": ["tourisme", "sante"]})
    assert b.domains_of("japon") == b.domains
    assert all(c.domains_of(p) == ["tourisme", "sante"] for p in c.partners)


def test_one_partner_is_not_given_what_is_said_of_asean_s_partners_in_general() -> None:
    """The 2010 ministers' meetings: climate, epidemics and shipping, discussed by "l'ASEAN et
    ses partenaires", made China's only matrix cells (twelfth audit)."""
    text = ("Réunion des ministres de l'ASEAN\n"
            "Les ministres de l'ASEAN et de ses partenaires ont évalué la coopération face au changement "
            "climatique et aux épidémies.\n"
            "Lors de la réunion ASEAN-Chine, la Chine a proposé une coopération dans l'énergie propre. "
            "Les deux parties veulent aussi développer le tourisme.\n"
            "L'ASEAN et la Chine ont besoin d'une coopération plus étroite, a déclaré le ministre.\n")
    a = _extracted(text)
    assert a.partners == ["chine"] and {"climat-environnement", "sante", "energie", "tourisme"} <= set(a.domains)
    assert a.domains_of("chine") == [d for d in a.domains if d in ("energie", "tourisme")]
    assert a.partners_in("sante") == [] and a.partners_in("energie") == ["chine"]
    # Named with the partner, the same domain is its own.
    b = _extracted(text + "La Chine soutient la lutte contre les épidémies.\n")
    assert "sante" in b.domains_of("chine")
    # Said of its partners in general but nothing else: every domain stays the partner's.
    assert _extracted(text.replace("ses partenaires", "la Chine")).partner_domains == {}
    # A partner that wants to be one of ASEAN's dialogue partners speaks of itself.
    own = text.replace("Les ministres de l'ASEAN et de ses partenaires ont évalué",
                       "« En devenant l'un des partenaires de dialogue de l'ASEAN, nous renforcerons")
    assert _extracted(own).partner_domains == {}


def test_pages_say_which_domains_go_with_no_partner_in_particular() -> None:
    """China's 2010 article had three domains on its page but counted for none, and China's
    page said only "Aucune donnée" (thirteenth audit): the article page says which domains go
    with which partner, the partner page and the matrix why one may have none."""
    text = ("Réunion des ministres de l'ASEAN\n"
            "Les ministres de l'ASEAN et de ses partenaires ont évalué la coopération face au changement "
            "climatique et aux épidémies.\n"
            "Lors de la réunion ASEAN-Chine, la Chine a proposé une coopération dans l'énergie propre.\n"
            "L'ASEAN et la Chine ont besoin d'une coopération plus étroite, a déclaré le ministre.\n")
    a = _extracted(text)
    assert a.partners == ["chine"] and a.domains_of("chine") == ["energie"]
    # Folded under their summary, a line a partner (seventeenth audit: ~25 links before the text).
    fold = next(b for b in provenance_blocks(a, TAX) if isinstance(b, Fold))
    assert fold.summary == BY == "**Domaines par partenaire**"
    assert fold.lines == ["**Chine :** [Énergie](../../matrice/chine/energie.md)",
                          "**Sans partenaire désigné (l'ASEAN et ses partenaires en général) :** Climat et "
                          "environnement, Santé publique"]
    a.partner_domains = {"chine": []}  # none of its own, as the 2010 report
    assert next(b for b in provenance_blocks(a, TAX) if isinstance(b, Fold)).lines == [
        "**Chine :** aucun", "**Sans partenaire désigné (l'ASEAN et ses partenaires en général) :** Climat et "
        "environnement, Énergie, Santé publique"]
    profile = partner_profile("chine", [a], TAX, article_item, None, group([a]).domains_with("chine"))
    assert any(line.startswith("_Aucun domaine abordé avec ce partenaire en particulier") for line in profile)
    assert "«\u00a0l'ASEAN et ses partenaires\u00a0» en général ne compte pour aucun" in \
        matrix_pages(group([a]), TAX, article_item)["matrice.md"]
    # Where every domain goes with every partner, nothing more is said.
    b = _extracted(text.replace("ses partenaires", "la Chine"))
    assert not [line for line in provenance(b, TAX) if "par partenaire" in line]
    # A meeting report: each partner with the matrix cells of its own domains.
    (fold,) = [b for b in provenance_blocks(_extracted(REPORT), TAX) if isinstance(b, Fold) and b.summary == BY]
    (line,) = [line for line in fold.lines if line.startswith("**Russie :** ")]
    assert "](../../matrice/russie/" in line


SUMMIT = ("Le PM au 28e Sommet ASEAN+3 avec la Chine, le Japon et la R. de Corée\n"
          "Le Premier ministre a assisté, avec les dirigeants de l'ASEAN, de la Chine, du Japon et de la "
          "République de Corée, au 28e Sommet ASEAN+3.\n"
          "Les participants ont salué le rôle du mécanisme ASEAN+3 dans la sécurité alimentaire.\n")


def test_a_framework_summit_names_its_members_in_passing_unless_the_body_speaks_of_them() -> None:
    a = _extracted(SUMMIT)
    assert a.partners == ["asean-plus-3"] and set(a.partners_mentioned) == {"chine", "japon", "coree-du-sud"}
    more = SUMMIT + "Le Japon a annoncé une aide. Tokyo financera aussi des bourses.\n"
    b = _extracted(more)
    assert set(b.partners) == {"asean-plus-3", "japon"} and set(b.partners_mentioned) == {"chine", "coree-du-sud"}
    # One member in the title is the article's subject, framework or not.
    one = "Le Japon au Sommet ASEAN+3\nLe Japon a pris part au Sommet ASEAN+3.\nLe texte continue.\n"
    assert "japon" in _extracted(one).partners


def test_members_must_be_partners_of_the_file(tmp_path: Path) -> None:
    file = tmp_path / "partners.yaml"
    base = "japon:\n  fr: Japon\n  fr_to: au Japon\n  en: Japan\n"
    file.write_text(base + "apt:\n  fr: APT\n  fr_to: à l'APT\n  en: APT\n  members: [japon, lune]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_partners(file)
    assert str(file) in str(err.value) and "apt.members" in str(err.value) and "lune" in str(err.value)
    file.write_text(base + "apt:\n  fr: APT\n  fr_to: à l'APT\n  en: APT\n  members: [japon]\n", encoding="utf-8")
    assert load_partners(file)["apt"].members == ("japon",)


def test_a_partner_only_the_lead_names_beside_the_title_s_is_named_in_passing() -> None:
    """The devset's UK article: the EU in its lead (Brexit) and in one list of partners."""
    text = ("Le Royaume-Uni envisage un partenariat de dialogue avec l'ASEAN\n"
            "Le gouvernement britannique souhaite devenir partenaire de dialogue de l'ASEAN après le "
            "retrait du Royaume-Uni de l'Union européenne.\n"
            "L'ASEAN compte dix partenaires de dialogue dont l'Union européenne, le Japon et le Canada.\n"
            "Le Royaume-Uni coopérera plus étroitement avec l'ASEAN.\n")
    a = _extracted(text)
    assert a.partners == ["royaume-uni"] and "union-europeenne" in a.partners_mentioned
    # Spoken of in the body, it stays what the article is about.
    more = text + "L'Union européenne a salué la démarche. Bruxelles soutiendra Londres.\n"
    assert "union-europeenne" in _extracted(more).partners


def test_a_titled_member_stays_the_subject_when_its_framework_is_only_in_the_lead() -> None:
    text = ("ASEAN-Corée du Sud : vers un partenariat stratégique global\n"
            "Les ministres poursuivent leurs travaux avec le Canada et la Corée du Sud, au Sommet de l'Asie "
            "de l'Est (EAS) et au Forum régional de l'ASEAN (ARF).\n"
            "Le texte continue sans les nommer.\n")
    a = _extracted(text)
    assert a.partners == ["coree-du-sud"]
    assert {"canada", "sommet-asie-est", "forum-regional-asean"} <= set(a.partners_mentioned)


def test_past_the_lead_a_sentence_speaks_of_them_all_only_when_they_are_its_subject() -> None:
    """The 2025 AMM report: "Le Vietnam a réaffirmé ... la mer Orientale", under a lead that
    lists five partners, credited maritime cooperation to each of them (ninth and tenth
    audits). The partners as the subject ("Les partenaires ont souligné ...") still are all.
    (The sea named once no longer gives the domain at all: "sécurité maritime" does.)"""
    text = ("L'ASEAN tient des conférences avec le Japon et la Russie\n"
            "Le ministre Bùi Thanh Son a participé aux conférences ASEAN+1 avec le Japon et la Russie.\n"
            "Le Vietnam a réaffirmé sa position sur la sécurité maritime en mer Orientale. "
            "Les partenaires ont souligné le tourisme.\n"
            "Par ailleurs, les deux parties ont salué la santé publique. Il a évoqué la cybersécurité.\n")
    a = _extracted(text)
    assert set(a.partners) == {"japon", "russie"} and "maritime" in a.domains and "cybersecurite" in a.domains
    for pid in ("japon", "russie"):
        assert set(a.domains_of(pid)) == {"tourisme", "sante"}, pid
    assert a.partners_in("maritime") == [] and a.partners_in("cybersecurite") == []
