"""French typography: no line breaks before ":", ";", "?", "!", "»" or after "«" (audit D1)."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter

from aseankb.render.typo import NBSP, french_spacing, page_text

# A breakable space where French wants none: before a high punctuation mark (as a page
# writes it: ":" may be "&#58;", "!" may be "\!"), or after an opening guillemet.
BREAKABLE_RE = re.compile(r" (?:[:;?!»]|&#58;|\\!)|« ")


def _bodies(content: Path) -> dict[str, str]:
    return {p.relative_to(content).as_posix(): frontmatter.load(p).content for p in sorted(content.rglob("*.md"))}


def test_no_breakable_space_before_high_punctuation_on_any_page(built: Path) -> None:
    bodies = _bodies(built / "content")
    assert len(bodies) > 50
    bad = {rel: m.group(0) for rel, body in bodies.items() if (m := BREAKABLE_RE.search(body))}
    assert not bad, bad


def test_generated_labels_and_quoted_evidence_keep_their_words(built: Path) -> None:
    """The sample EU article: its labels, the evidence quoted in guillemets and its
    related articles, with no-break spaces in place of the spaces, and no others."""
    page = next((built / "content" / "articles" / "2019").glob("l-asean-et-l-union-europeenne-*.md")).read_text()
    assert f"**Date{NBSP}:** 1er août 2019" in page
    assert f"jour donné par le texte{NBSP}: «{NBSP}le 1er août{NBSP}»" in page
    assert f"**Partenaire{NBSP}:** [Union européenne]" in page
    # The article's own words: a no-break space only where the text had a space.
    assert "<p>Bangkok (VNA) - L’ASEAN et l’Union européenne (UE) ont publié" in page
    front = page.split("\n---\n", 1)[0]
    assert NBSP not in front  # front matter is data: its values stay as extracted


def test_only_spaces_the_text_has_change() -> None:
    assert french_spacing("Note: an English colon.") == "Note: an English colon."
    assert french_spacing("Quoi ? « Oui » ; non !") == f"Quoi{NBSP}? «{NBSP}Oui{NBSP}»{NBSP}; non{NBSP}!"
    assert french_spacing(r"Titre &#58; \! fin") == f"Titre{NBSP}&#58;{NBSP}\\! fin"
    assert french_spacing("a  : b") == f"a {NBSP}: b"  # one space becomes a no-break one
    assert french_spacing("{: .kb-meta }\n|---|---:|") == "{: .kb-meta }\n|---|---:|"


def test_front_matter_is_left_as_it_is() -> None:
    page = page_text('title: "A : b"\nsearch_terms: "x ; y"\n', ["# A : b", "", "Texte : « fin »"])
    assert page == (f'---\ntitle: "A : b"\nsearch_terms: "x ; y"\n---\n\n'
                    f"# A{NBSP}: b\n\nTexte{NBSP}: «{NBSP}fin{NBSP}»\n")



def test_the_footer_note_keeps_its_semicolon_on_its_line() -> None:
    """Audit: the footer (mkdocs.yml's copyright) had the site's only breakable space before
    a ";", which no page's typography pass sees."""
    import yaml

    class Loader(yaml.SafeLoader):  # MkDocs' own tags ("!ENV") are not this test's concern
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader)
    assert "; " in config["copyright"] and not BREAKABLE_RE.search(config["copyright"]), config["copyright"]
