"""The people index files each person by family name, as a French index does
(render/surnames.py, data/name-order.yaml); their own page keeps the name as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aseankb.config import load_taxonomy
from aseankb.errors import ConfigError
from aseankb.model import Article, PartialDate
from aseankb.render.pages import article_item
from aseankb.render.people import people_pages
from aseankb.render.surnames import index_letter, index_name, load_name_order

TAX = load_taxonomy()
PEOPLE = ["Vladimir Poutine", "Shinzo Abe", "Pham Minh Chinh", "Nguyễn Tấn Dũng", "Park Yoonjoo", "Hun Sen",
          "Sergueï Lavrov", "Mike Pompeo", "Dominic Raab", "Daniel Russel", "Kao Kim Hourn"]


def art(n: int, people: list[str]) -> Article:
    return Article(id=f"a{n:05d}", source=f"seeds/a{n:05d}.txt", title=f"Titre {n}",
                   date=PartialDate(2020, 1 + n % 12, 1), date_source="header", language="fr",
                   partners=["japon"], partners_mentioned=[], domains=["energie"], people=people,
                   paragraphs=["La coopération régionale avance."], slug=f"titre-{n}")


def sections(index: str) -> dict[str, list[str]]:
    """Letter -> the names listed under it, in order."""
    found: dict[str, list[str]] = {}
    for part in index.split("\n## ")[1:]:
        letter, _, body = part.partition("\n")
        found[letter] = re.findall(r"^- \[(.*?)\]\(", body, re.M)
    return found


def test_the_index_files_people_by_family_name() -> None:
    pages = people_pages([art(i, [name]) for i, name in enumerate(PEOPLE)], TAX, article_item)
    assert sections(pages["personnes/index.md"]) == {
        "A": ["Abe, Shinzo"],
        "H": ["Hun Sen"],
        "K": ["Kao Kim Hourn"],
        "L": ["Lavrov, Sergueï"],
        "N": ["Nguyễn Tấn Dũng"],
        "P": ["Park Yoonjoo", "Pham Minh Chinh", "Pompeo, Mike", "Poutine, Vladimir"],
        "R": ["Raab, Dominic", "Russel, Daniel"],
    }
    assert "- [Poutine, Vladimir](vladimir-poutine.md) (1)" in pages["personnes/index.md"]
    # Their own page keeps the name as written.
    assert pages["personnes/vladimir-poutine.md"].startswith('---\ntitle: "Vladimir Poutine"\n')
    assert "\n# Vladimir Poutine\n" in pages["personnes/vladimir-poutine.md"]


def test_the_index_sorts_accents_and_case_aside_and_escapes() -> None:
    names = ["Émile Zola", "Jean Eyre", "ÉLISE Durand", "Đặng Thị Ngọc Thịnh", "Jan de Bruin", "<b>Evil</b> Doer"]
    index = people_pages([art(i, [n]) for i, n in enumerate(names)], TAX, article_item)["personnes/index.md"]
    assert sections(index) == {
        "D": ["Đặng Thị Ngọc Thịnh", "de Bruin, Jan", "Doer, &lt;b&gt;Evil&lt;/b&gt;", "Durand, ÉLISE"],
        "E": ["Eyre, Jean"],
        "Z": ["Zola, Émile"],
    }


@pytest.mark.parametrize(("name", "shown", "letter"), [
    ("Sukarno", "Sukarno", "S"),  # one word
    ("U Wunna Maung Lwin", "Wunna Maung Lwin, U", "W"),  # Burmese: no family name; the honorific after
    ("U Thant", "Thant, U", "T"),
    ("Daw Aung San Suu Kyi", "Aung San Suu Kyi, Daw", "A"),
    ("Aung San Suu Kyi", "Aung San Suu Kyi", "A"),
    ("Anwar Ibrahim", "Anwar Ibrahim", "A"),  # Malay: a given name, then the father's
    ("Saifuddin bin Abdullah", "Saifuddin bin Abdullah", "S"),
    ("Yoon Suk Yeol", "Yoon Suk Yeol", "Y"),
    ("Qin Gang", "Qin Gang", "Q"),
    ("Lee Hsien Loong", "Lee Hsien Loong", "L"),
    ("Lawrence Wong", "Wong, Lawrence", "W"),
    ("Jean-Yves Le Drian", "Le Drian, Jean-Yves", "L"),
    ("Ursula von der Leyen", "von der Leyen, Ursula", "V"),
    ("Benigno Aquino III", "Aquino III, Benigno", "A"),
    ("Ferdinand R. Marcos Jr", "Marcos Jr, Ferdinand R.", "M"),
    ("Prayut Chan-o-cha", "Chan-o-cha, Prayut", "C"),
    ("Mme Retno Marsudi", "Marsudi, Mme Retno", "M"),
    ("Mme Nguyen Thi Binh", "Nguyen Thi Binh, Mme", "N"),
])
def test_index_name(name: str, shown: str, letter: str) -> None:
    key, got = index_name(name)
    assert (got, index_letter(key)) == (shown, letter)


def test_a_family_name_first_sorts_with_the_same_name_turned_round() -> None:
    # "Li, Jet" and "Li Keqiang": family name Li both, then the given names.
    assert sorted(["Li Keqiang", "Jet Li"], key=lambda n: index_name(n)[0]) == ["Jet Li", "Li Keqiang"]


@pytest.mark.parametrize(("body", "key"), [
    ("first-words: {vi: [Nguyen]}\npatronymics: [bin]\nparticles: [de]\nsuffixes: [Jr]\n", "civilities"),
    ("first-words: {vi: [Nguyen]}\npatronymics: [bin]\nparticles: [de]\nsuffixes: [Jr]\ncivilities: [M.]\n"
     "extra: [x]\n", "extra"),
    ("first-words: [Nguyen]\npatronymics: [bin]\nparticles: [de]\nsuffixes: [Jr]\ncivilities: [M.]\n",
     "first-words"),
    ("first-words: {Viet: [Nguyen]}\npatronymics: [bin]\nparticles: [de]\nsuffixes: [Jr]\ncivilities: [M.]\n",
     "first-words.Viet"),
    ("first-words: {ko: [Kim, No]}\npatronymics: [bin]\nparticles: [de]\nsuffixes: [Jr]\ncivilities: [M.]\n",
     "first-words.ko"),  # a bare No is a boolean
    ("first-words: {vi: [Nguyen]}\npatronymics: [bin]\nparticles: [van der]\nsuffixes: [Jr]\ncivilities: [M.]\n",
     "particles"),
    ("first-words: {vi: [Nguyen]}\npatronymics: []\nparticles: [de]\nsuffixes: [Jr]\ncivilities: [M.]\n",
     "patronymics"),
])
def test_a_bad_name_order_file_names_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    file = tmp_path / "name-order.yaml"
    file.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_name_order(file)
    assert err.value.file == str(file) and err.value.key == key


def test_the_index_explains_its_quoted_roles_once_and_only_when_it_has_some() -> None:
    """Session 23's note: a role in « » (the article's words, where data/officials.yaml has no
    office) had no legend on the index."""
    said = art(1, ["Jane Roe"])
    said.people_described = {"Jane Roe": "maire de Darwin"}
    index = people_pages([said, art(2, ["Mike Pompeo"])], TAX, article_item)["personnes/index.md"]
    assert "- [Roe, Jane](jane-roe.md), «\xa0maire de Darwin\xa0» (1)" in index
    head = index.split("\n## ")[0]
    assert head.count("Une fonction entre guillemets est celle que l'article donne") == 1, head
    plain = people_pages([art(2, ["Mike Pompeo"])], TAX, article_item)["personnes/index.md"]
    assert "entre guillemets" not in plain
