"""People outside data/officials.yaml: the role the text introduces them with
(extract/people.described), on their article's page and on their own."""

from __future__ import annotations

import pytest

from aseankb.clean import clean
from aseankb.config import load_taxonomy
from aseankb.extract import extract
from aseankb.extract.people import described, extract_people
from aseankb.model import Article
from aseankb.render.article import provenance
from aseankb.render.escape import description_line
from aseankb.render.pages import article_item
from aseankb.render.people import people_index, person_page
from aseankb.search_pages import SearchSource, docs

TAX = load_taxonomy()


def roles(text: str) -> dict[str, str]:
    paragraphs = text.split("\n")
    return described(paragraphs, extract_people(paragraphs))


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Le sommet s'est achevé, a déclaré le président russe Vladimir Poutine devant la presse.",
     "Vladimir Poutine", "président russe"),
    ("Troy Grant, ministre de la Police de l'État, a adopté des mesures.", "Troy Grant",
     "ministre de la Police de l'État"),
    # The modifiers before the head word belong to the role.
    ("Le premier vice-ministre sud-coréen des Affaires étrangères, Park Yoonjoo, a parlé.", "Park Yoonjoo",
     "premier vice-ministre sud-coréen des Affaires étrangères"),
    # The role nearest to the name when an earlier one belongs to someone else.
    ("Il a vu le Premier ministre Malcolm Turnbull et le Premier ministre cambodgien Hun Sen.", "Hun Sen",
     "Premier ministre cambodgien"),
    # So does another person: "le ministre de la Défense et le chef d'état-major X".
    ("Il a reçu le ministre de la Défense et le chef d'état-major Tran Van Minh.", "Tran Van Minh",
     "chef d'état-major"),
    # Before and after the name: the more specific.
    ("L'ambassadeur vietnamien Nguyen Hai Bang, représentant permanent du Vietnam auprès de l'ASEAN, a parlé.",
     "Nguyen Hai Bang", "représentant permanent du Vietnam auprès de l'ASEAN"),
    # A verb ends a role: not "ministre a salué le président".
    ("Le ministre a salué le président Joko Widodo.", "Joko Widodo", "président"),
    # English writes the role's modifiers before its head, capitalised, and no comma.
    ("Thai Foreign Minister Don Pramudwinai said the talks went well.", "Don Pramudwinai",
     "Thai Foreign Minister"),
    ("On Monday, US Secretary of State Antony Blinken met them.", "Antony Blinken", "US Secretary of State"),
    ("The ASEAN Deputy Secretary-General Nguyen Hoang Anh spoke.", "Nguyen Hoang Anh",
     "ASEAN Deputy Secretary-General"),
    ("EU High Representative Josep Borrell arrived.", "Josep Borrell", "EU High Representative"),
])
def test_the_role_the_text_gives(text: str, name: str, role: str) -> None:
    assert roles(text)[name] == role


def test_an_honorific_or_a_clause_is_no_role() -> None:
    found = roles("Le sommet est utile, selon M. Vladimir Poutine.\n"
                  "Le ministre, qui arrivait de Hanoï, a rencontré Jin Liqun.")
    assert found == {}


def test_the_most_specific_mention_wins() -> None:
    found = roles("Le vice-ministre Do Viet Anh a ouvert la séance.\n"
                  "Le vice-ministre des Affaires étrangères Do Viet Anh a présidé la réunion.\n"
                  "Le vice-ministre Do Viet Anh a conclu.")
    assert found == {"Do Viet Anh": "vice-ministre des Affaires étrangères"}


def art(header: str, text: str) -> Article:
    return extract(clean(f" date {header} La coopération ASEAN-Russie\n\n{text}\n"),
                   file_name="t.txt", source="seeds/t.txt", tax=TAX)[0]


def test_pages_show_the_text_s_role_only_where_the_data_gives_no_office() -> None:
    text = ("Le chef de la diplomatie russe Ivan Petrov a reçu le ministre japonais Fumio Kishida. "
            "La Russie soutient l'ASEAN.")
    a2016, a2018 = art("2016-05", text), art("2018-11", text.replace("chef de la diplomatie russe", "ministre russe"))
    assert a2016.people_described == {"Ivan Petrov": "chef de la diplomatie russe"}  # Kishida: an office in 2016
    assert a2016.people_roles == {"Fumio Kishida": "ministre des Affaires étrangères du Japon"}
    line = next(x for x in provenance(a2016, TAX) if x.startswith("**Personnalités"))
    assert "(chef de la diplomatie russe)" in line and "(ministre des Affaires étrangères du Japon)" in line
    page = person_page(people_index([a2018, a2016])["ivan-petrov"], TAX, article_item)
    assert ("**Rôles selon les articles**\u00a0: «\u00a0ministre russe\u00a0» (2018)\u00a0; "
            "«\u00a0chef de la diplomatie russe\u00a0» (2016).") in page
    # Russia's foreign minister has an office in data/officials.yaml since 2004.
    lavrov = art("2016-05", text.replace("Ivan Petrov", "Sergueï Lavrov"))
    assert lavrov.people_roles["Sergueï Lavrov"] == "ministre des Affaires étrangères de la Russie"
    assert "Sergueï Lavrov" not in lavrov.people_described


def test_a_role_is_seed_text_and_is_escaped() -> None:
    a = art("2016-05", "Le président du <b>Forum</b> Nikolai Petrov a parlé. La Russie soutient l'ASEAN.")
    assert a.people_described == {"Nikolai Petrov": "président du <b>Forum</b>"}
    page = person_page(people_index([a])["nikolai-petrov"], TAX, article_item)
    assert "« président du &lt;b&gt;Forum&lt;/b&gt; » (2016)" in page
    assert "<b>" not in "".join(provenance(a, TAX))


def test_the_search_finds_a_person_by_their_roles_in_the_page_description() -> None:
    """A person's page is indexed by its title and description (search_pages): both the
    dated offices and the text's roles go there, escaped as Material prints it unescaped."""
    a2016 = art("2016-05", "Le chef de la diplomatie russe Ivan Petrov a reçu le ministre japonais "
                           "Fumio Kishida. La Russie soutient l'ASEAN.")
    index = people_index([a2016])
    assert ('\ndescription: "« chef de la diplomatie russe » (2016)"\n'
            in person_page(index["ivan-petrov"], TAX, article_item))
    assert ('\ndescription: "ministre des Affaires étrangères du Japon (2016)"\n'
            in person_page(index["fumio-kishida"], TAX, article_item))
    hostile = art("2016-05", "Le président du <b>Forum</b> & associés Nikolai Petrov a parlé. "
                             "La Russie soutient l'ASEAN.")
    page = person_page(people_index([hostile])["nikolai-petrov"], TAX, article_item)
    assert '\ndescription: "« président du &lt;b&gt;Forum&lt;/b&gt; &amp; associés » (2016)"\n' in page
    assert description_line('a "b" <i> l\'c') == 'description: "a &quot;b&quot; &lt;i&gt; l\'c"\n'



def test_search_results_show_a_role_as_the_text_writes_it() -> None:
    """The description is escaped for Material's attribute; the search shows text, so it
    unescapes it: "Commerce & Industrie", not "Commerce &amp; Industrie" (adversarial audit)."""
    a = art("2024-05", "Le ministre du Commerce & de l'<Industrie> Kenji Sato a parlé. Le Japon soutient l'ASEAN.")
    page = person_page(people_index([a])["kenji-sato"], TAX, article_item)
    front = page.split("---\n")[1]
    (doc,) = docs(SearchSource([], {"personnes/kenji-sato.md": front}, TAX), directory_urls=True, titles={})
    assert doc.teaser == "« ministre du Commerce & de l'<Industrie> » (2024)"


def test_the_heads_of_government_of_asean_s_members_have_their_office() -> None:
    """"Son homologue singapourien, Lee Hsien Loong" gave no role (tenth audit): the members'
    heads of government are in data/officials.yaml, with their terms."""
    text = ("Le Premier ministre australien Malcolm Turnbull a rencontré son homologue singapourien, "
            "Lee Hsien Loong, et le Premier ministre cambodgien Hun Sen. L'Australie soutient l'ASEAN.")
    a = art("2018-03", text)
    assert a.people_roles["Lee Hsien Loong"] == "Premier ministre de Singapour"
    assert a.people_roles["Hun Sen"] == "Premier ministre du Cambodge"
    assert "Lee Hsien Loong" not in art("2025-03", text).people_roles  # no longer in office


def test_the_us_head_for_east_asia_has_his_office_whatever_the_spelling() -> None:
    """Devset 008 misspells the office ("secrétaire d'Etat amércain"), so the text gave
    Daniel Russel none (thirteenth audit, F7): data/officials.yaml names him, with his term."""
    text = ("Le dialogue a été co-présidé par l'assistant du secrétaire d'Etat amércain chargé de l'Asie de "
            "l'Est et le Pacifique Daniel Russel. Les Etats-Unis et l'ASEAN ont convenu de travailler ensemble.")
    role = "secrétaire d'État adjoint des États-Unis pour l'Asie de l'Est et le Pacifique"
    assert art("2015-05", text).people_roles["Daniel Russel"] == role
    assert "Daniel Russel" not in art("2019-05", text).people_roles  # no longer in office
