"""The site's report page gives every build message in French (render/report_fr.py).

The messages are made by a real build of a folder holding one file of each kind the build
reports (a subfolder, a pipe and a name that is not UTF-8 included), so a new or reworded
message without its French form fails here.
"""

from __future__ import annotations

import codecs
import html
import os
import re
from pathlib import Path

import pytest

from aseankb.build import build
from aseankb.model import Article, PartialDate, SeedResult
from aseankb.read import LARGE_BYTES, MAX_BYTES
from aseankb.render.pages import report_page
from aseankb.render.report_fr import french
from untrusted_corpus import EMPTY_PAGE, PNG, fixture_text, mixed_utf8, near_copy

# Words of the English messages that French ones never hold.
ENGLISH_RE = re.compile(r"\b(the|file|text|refused|ignored|removed|bytes|words|page chrome|duplicate|"
                        r"front block|decoded|date found|already used|not a|no article|with|must|found|"
                        r"range|data|byte|expected|got)\b", re.I)
BODY = ("Hanoi (VNA) - Le Japon et l'ASEAN ont tenu une réunion sur la coopération maritime "
        "et la sécurité des voies de navigation, selon le ministère des Affaires étrangères.\n")
NO_DATE = "Coopération ASEAN-Japon\n" + BODY


def _files() -> dict[str, bytes | None]:
    numerique = fixture_text("numerique.txt")
    dated = fixture_text("sante-crlf.txt")
    return {
        "a-vide.txt": b"", "b-binaire.txt": PNG, "c-blancs.txt": b" \n\t\n",
        "d-enorme.txt": b"x" * (MAX_BYTES + 1),
        "e-gros.txt": (dated + "\n" + BODY * (LARGE_BYTES // len(BODY.encode()) + 1)).encode(),
        "f-cp1252.txt": fixture_text("commerce-cp1252.txt").encode("cp1252"),
        "g-mixte.txt": mixed_utf8(fixture_text("energie-mixte.txt")),
        "h-utf16.txt": codecs.BOM_UTF16_LE + "Texte".encode("utf-16-le") + b"\x00",
        "i-fffd.txt": (dated + "\nFin \ufffd.\n").encode(),
        "j-yaml.txt": ("---\ntitle: [ouvert\n---\n" + dated).encode(),
        "k-liste.txt": ("---\n- a\n- b\n---\n" + dated).encode(),
        # Reasons the YAML library gives in English (audit 19: "YAML invalide (month must be in 1..12)").
        "k-mois.txt": ("---\ndate: 2019-13-01\n---\n" + dated).encode(),
        "k-tab.txt": ("---\n\ttitle: x\n---\n" + dated).encode(),
        "l-date-loin.txt": ("---\ndate: 1850-01-01\n---\n" + dated).encode(),
        "m-date-mot.txt": ("---\ndate: hier\n---\n" + dated).encode(),
        "n-ouvert.txt": ("---\n" + dated).encode(),
        "o-balises.txt": (dated + "\n<script>alert(1)</script>\n").encode(),
        "p-titre-balise.txt": ("---\ntitle: <script>alert(1)</script>\n---\n" + dated).encode(),
        # Two paragraphs, not the same one twice: a page that repeats one is shown once
        # (clean._same_text), which made this page's text that of u-sans-date.txt.
        "q-page.html.txt": (f"<html><body><h1>Titre</h1><p>{BODY}</p><p>La suite, sur une page "
                            "HTML.</p></body></html>").encode(),
        "r-page-vide.html.txt": EMPTY_PAGE.encode(),
        "s-titre-seul.txt": b"Le Japon et l'ASEAN\n",
        "t-sans-texte.txt": b"---\ntitle: Rien\n---\n",
        "u-sans-date.txt": NO_DATE.encode(),
        "v-numerique.txt": numerique.encode(), "w-copie.txt": numerique.encode(),
        "x-quasi.txt": near_copy(numerique).encode(),
        "y-Note.txt": fixture_text("nom-hostile.txt").encode(),
        "y-note.md": fixture_text("education-utf16.txt").encode(),
        "za-date-impossible.txt": (" date 2026-02-31 " + NO_DATE.replace("Japon", "Inde")).encode(),
        "zb-bom-nuls.txt": codecs.BOM_UTF8 + b"Texte\x00avec\x00des\x00octets\x00nuls " * 20,
        "zb-utf16-coupe.txt": codecs.BOM_UTF16_LE + "Texte".encode("utf-16-le") + b"\x00\xd8",
        "zc-foule.txt": (" date 2024-05-02 Le Japon et l'ASEAN\n"
                         + " ".join(f"Le ministre {a} {b} a parlé." for a in ("Jean", "Paul", "Marc", "Luc", "Anne",
                                                                               "Rose", "Lise", "Yves", "Noel")
                                    for b in ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
                                              "Petit", "Durand"))).encode(),
        "zd-sous-dossier": None,
    }


@pytest.fixture(scope="module")
def messages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    root = tmp_path_factory.mktemp("report-fr")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, data in _files().items():
        if data is None:
            (seeds / name).mkdir()
        else:
            (seeds / name).write_bytes(data)
    os.mkfifo(seeds / "ze-tube.txt")
    (seeds / os.fsdecode(b"zf-\xff.txt")).write_bytes(b"x")
    (seeds / "z-lien.txt").symlink_to(seeds / "v-numerique.txt")
    outcome = build(seeds, root / "content", log=lambda m: None, cache_dir=None, workers=1)
    (root / "rapport.md").write_text((root / "content" / "rapport.md").read_text(encoding="utf-8"))
    found = {Path(r.file).name: [m.removeprefix(f"{r.file}: ") for m in r.messages] for r in outcome.results}
    return found


def test_every_kind_of_file_is_reported(messages: dict[str, list[str]]) -> None:
    silent = sorted(n for n, ms in messages.items() if not ms and n not in ("v-numerique.txt", "y-Note.txt"))
    assert silent == [], silent
    assert len({m.split(" ")[0] for ms in messages.values() for m in ms}) >= 15


def test_every_message_has_its_french_form(messages: dict[str, list[str]]) -> None:
    untranslated = [(n, m) for n, ms in messages.items() for m in ms
                    if french(m) == m or ENGLISH_RE.search(french(m).replace("U+FFFD", ""))]
    assert untranslated == []


def test_the_report_page_is_in_french(messages: dict[str, list[str]], tmp_path_factory) -> None:
    page = next(tmp_path_factory.getbasetemp().glob("report-fr*/rapport.md")).read_text(encoding="utf-8")
    page = html.unescape(page).replace("\\", "")  # the page escapes Markdown and HTML characters
    rows = [line for line in page.splitlines() if line.startswith("| ")][1:]  # after the header
    # Every file, the link, the pipe and the name that is not UTF-8, but the two clean ones.
    assert len(rows) == len(_files()) + 3 - 2
    for row in rows:
        reason = row.rsplit(" | ", 1)[-1]
        assert not ENGLISH_RE.search(reason), row
    assert "trop gros (500\u202f000 octets" in page or "limite 500\u202f000" in page
    assert re.search(r"quasi-doublon de \S*/v-numerique\.txt", page) and "\u202f% de leurs suites" in page


def test_parts_from_the_seed_are_kept_and_unknown_messages_shown_as_they_are() -> None:
    assert french("not UTF-8: decoded as mac_roman") == "pas en UTF-8 : lu comme mac_roman"
    assert french("same text as seeds/<b>x</b>.txt") == "même texte que seeds/<b>x</b>.txt"
    assert french("front-block title contains HTML or template markup (<b): published as plain text, "
                  "never as markup").startswith("titre du bloc d'en-tête « --- » : contient du balisage HTML")
    assert french("cannot be read: Permission denied") == "illisible : permission refusée"
    assert french("'---' front block is not valid YAML (a parser's news): ignored") == (
        "bloc d'en-tête « --- » : YAML invalide (selon l'analyseur, en anglais : a parser's news), ignoré")
    assert french("a message of tomorrow") == "a message of tomorrow"
    assert french("front-block title of tomorrow") == "front-block title of tomorrow"


def test_published_files_link_to_their_article(messages: dict[str, list[str]], tmp_path_factory) -> None:
    """A row names a file; where it was published (a duplicate: where its original was), the
    name links to that article's page, which exists. A skipped file has no page to link to."""
    root = next(tmp_path_factory.getbasetemp().glob("report-fr*"))
    page = (root / "content" / "rapport.md").read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes
    rows = {re.search(r"[\w.-]+\.(?:txt|md)", line).group(0): line for line in page.splitlines()
            if line.startswith("| ") and re.search(r"[\w.-]+\.(?:txt|md)", line)}
    links = {name: re.match(r"\| \[[^\]]*\]\(([^)]+)\)", row) for name, row in rows.items()}
    assert links["u-sans-date.txt"] and links["u-sans-date.txt"].group(1).startswith("articles/sans-date/")
    assert links["w-copie.txt"] and (root / "content" / links["w-copie.txt"].group(1)).is_file()
    assert "| avertissement |" in rows["u-sans-date.txt"] and "| doublon |" in rows["w-copie.txt"]
    skipped = [name for name, row in rows.items() if "| ignoré |" in row]
    assert skipped and all(links[name] is None for name in skipped)
    assert all((root / "content" / m.group(1)).is_file() for m in links.values() if m)


@pytest.mark.parametrize(("statuses", "said"), [
    (["ingested", "warning"], "aucun doublon ni fichier ignoré."),
    (["ingested", "duplicate"], "1 doublon (même texte qu'un autre fichier), non publié."),
    (["ingested", "skipped", "skipped"], "2 fichiers ignorés, non publiés."),
    (["duplicate", "skipped"], "1 doublon (même texte qu'un autre fichier) et 1 fichier ignoré, non publiés."),
])
def test_the_report_says_what_was_not_published_in_words(statuses: list[str], said: str) -> None:
    """"aucun doublon ni fichier ignoré", not "0 doublon ... et 0 fichier ignoré, non publiés"."""
    results = [SeedResult(f"seeds/{i}.txt", s, page=f"articles/2024/{i}.md" if s != "skipped" else None)
               for i, s in enumerate(statuses)]
    first = next(line for line in report_page(results).splitlines() if line.startswith("**"))
    assert first.endswith("\u00a0; " + said), first



def test_file_names_keep_their_spaces_where_the_sentences_get_french_ones() -> None:
    """A file's name is shown exactly as it is: "a : b !.txt" with no-break spaces would be
    another name. The sentences around it get French typography (audit D1)."""
    odd, other = "seeds/a : b !.txt", "seeds/c ; d ?.txt"
    results = [SeedResult(other, "ingested", page="articles/2024/c.md"),
               SeedResult(odd, "duplicate", page="articles/2024/c.md", duplicate_of=other,
                          messages=[f"{odd}: same text as {other}"]),
               SeedResult("seeds/e : f.txt", "skipped", messages=["seeds/e : f.txt: empty file"]),
               SeedResult("seeds/g.txt", "warning", page="articles/2024/g.md",
                          messages=["seeds/g.txt: not UTF-8: decoded as cp1252", "seeds/g.txt: empty file"])]
    rows = [line for line in report_page(results).splitlines() if line.startswith("| ")][1:]
    assert rows == ["| [seeds/a&#32;&#58;&#32;b&#32;\\!\\.txt](articles/2024/c.md) | doublon | "
                    "même texte que seeds/c&#32;;&#32;d&#32;?\\.txt |",
                    "| seeds/e&#32;&#58;&#32;f\\.txt | ignoré | fichier vide |",
                    # Two reasons: French spacing around the semicolon too.
                    "| [seeds/g\\.txt](articles/2024/g.md) | avertissement | "
                    "pas en UTF\\-8\u00a0&#58; lu comme cp1252\u00a0; fichier vide |"]

def test_the_report_lists_what_to_check_among_the_published_articles() -> None:
    """An article about no partner, a date known only to the year, an article in English:
    published without remark, the report said nothing of them (fifth audit)."""
    def art(n: int, **kw: object) -> Article:
        fields = {"partners": ["japon"], "language": "fr", "date": PartialDate(2024, 3, 1), "date_source": "header",
                  "domains": ["energie"], "title": f"Titre {n}"}
        fields.update(kw)
        return Article(id=f"a{n}", source=f"seeds/a{n}.txt", partners_mentioned=[],
                       people=[], paragraphs=[], slug=f"t-{n}", **fields)  # type: ignore[arg-type]
    arts = [art(1, domains=["energie"]), art(2, partners=[]), art(3, date=PartialDate(2018), date_source="inferred"),
            art(4, language="en"), *(art(10 + i, language="vi") for i in range(25)),
            art(5, domains=[]), art(6, title="Le ministre a participé à la réunion…")]
    page = report_page([SeedResult("seeds/a1.txt", "ingested")], arts)
    section = page.split("## À vérifier", 1)[1]
    assert "### Aucun partenaire principal (1)" in section and "- [Titre 2](articles/2024/t-2.md)" in section
    assert "### Année estimée d'après le texte (1)" in section and "- [Titre 3](articles/2018/t-3.md) (2018)" in section
    assert "### Dans une autre langue que le français (26)" in section and "- … et 6 autres" in section
    assert '[Titre 4](articles/2024/t-4.md){: lang="en" } (anglais)' in section  # the title's language marked
    assert "### Aucun domaine (1)" in section and "- [Titre 5](articles/2024/t-5.md)" in section
    assert "### Titre tronqué (1)" in section and "[Le ministre a participé à la réunion…](" in section
    assert "Titre 1]" not in section
    assert "_Rien à signaler._" in report_page([SeedResult("seeds/a1.txt", "ingested")], [art(1)])
