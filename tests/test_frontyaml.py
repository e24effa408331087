"""The front matter written without PyYAML is the one PyYAML writes, byte for byte."""

from __future__ import annotations

import frontmatter
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from aseankb.render.frontyaml import DUMPER, front_matter_yaml


def reference(meta: dict) -> str:
    return yaml.dump(meta, Dumper=DUMPER, default_flow_style=False, allow_unicode=True, sort_keys=False).rstrip("\n")


# Letters and punctuation of the plain fast path, and characters YAML reads specially.
ALPHABET = "abcXYZ019 éÉœ’'«»“”…—-.,;:!?#()[]{}&*|>%@`\"\\/_+~=<\t\n\xa0\u2028é"
PLAIN = "abcXYZ019 éÉœ’'«»“”…[]—–-.,;!?()/_+"  # mostly the fast path's own characters
TEXT = st.text(alphabet=ALPHABET, max_size=90) | st.text(alphabet=PLAIN, max_size=90) | st.text(
    alphabet="abcé’ ", min_size=60, max_size=240) | st.sampled_from(
    ["yes", "No", "NULL", "off", "y", "N", "2019-08-01", "12", "1.5", "-", "- a", "a: b", "a #b", "a#b", "", " a",
     "a ", "~", "=", "<<", ".inf", "Ça", "x" * 78, "mot " * 20, "L’ASEAN et l’Union européenne (UE) ont publié",
     "Canberra, 12 novembre (VNA) … partenariat [2022]", "a[b]", "[a]", "…a", "a “b”", "“a”",
     "mot … [x] “y” " * 12 + "fin"])
# Ids, dates and look-alikes: digits, letters, dashes and the characters of YAML numbers.
IDS = st.text(alphabet="0123456789abcefxoT:._-+ ", min_size=1, max_size=24) | st.sampled_from(
    ["002-884733fdc89a5b19", "2019-08-01", "2019-8-1", "0x1f-2", "1-e5", "1e5-a", "0o7-a", "12-34", "1-2-3a",
     "2019-08-01t10", "0-a", "0123-abc-", "-0-a", "a-0", "2019-08-01 ", "2019-08-011", "9999-99-99"])
VALUE = st.none() | st.integers(-5, 3000) | TEXT | IDS | st.lists(TEXT | IDS, max_size=4)
KEYS = ["title", "date", "year", "partners", "people", "source", "tags"]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), VALUE, min_size=1))
def test_same_as_pyyaml_on_random_values(meta: dict) -> None:
    assert front_matter_yaml(meta) == reference(meta)


@pytest.mark.parametrize("value", ["Japon", "yes", "x" * 74, "x" * 75, "a: b", "2019-08", "L'ASEAN", "'quoted",
                                   "fin ", ["Chine", "no"], [], None, 2019, "Coopération — énergie (2019)",
                                   *("a" * n + " b" for n in range(70, 76)), ["c" * n + " d" for n in range(75, 80)],
                                   "mot " * 40 + "fin", "x" * 90 + "  y " + "z " * 50 + "w", ("ab " * 30).strip()])
def test_same_as_pyyaml_at_the_edges(value: object) -> None:
    assert front_matter_yaml({"title": value}) == reference({"title": value})


def test_a_page_is_what_python_frontmatter_writes() -> None:
    meta = {"title": "L’ASEAN et l’Union européenne (UE) ont publié une Déclaration commune sur la coopération",
            "date": "2019-08-01", "year": 2019, "partners": ["union-europeenne"], "people": [], "agency": None}
    post = frontmatter.Post("<p>Texte.</p>\n", **meta)
    expected = frontmatter.dumps(post, sort_keys=False, allow_unicode=True)
    assert f"---\n{front_matter_yaml(meta)}\n---\n\n<p>Texte.</p>" == expected
