"""The hostile corpus of issue #3: the fixture files of tests/fixtures/untrusted/, plus the
cases generated from them (re-encodings, binary files, the 2 MB file), each with the
status the build must give it."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "untrusted"
HOSTILE_NAME = "<img src=x onerror=alert('xss-name')>[a](javascript:alert('xss-name')).txt"
BIG_BYTES = 2 * 1024 * 1024
# A name that would break a report row and forge a CI log line ('::error' starts a GitHub
# Actions command), and a name whose bytes are not UTF-8 (os.fsdecode's surrogate escapes).
LINES_NAME = "lignes\n::error title=aseankb::tout va bien\r.txt"
BAD_BYTES_NAME = os.fsdecode(b"octets-\xff\xfe.txt")
# How the build shows those names: control characters and undecodable bytes as escapes.
SHOWN = {LINES_NAME: "lignes\\x0a::error title=aseankb::tout va bien\\x0d.txt",
         BAD_BYTES_NAME: "octets-\\xff\\xfe.txt"}

# file name -> expected status (the five sample seeds are all 'ingested').
EXPECTED = {
    "numerique.txt": "ingested",
    "numerique_copie.txt": "duplicate",       # exact copy of numerique.txt
    "numerique_quasi.txt": "warning",         # a few words edited
    "commerce-cp1252.txt": "warning",         # not UTF-8: decoded as cp1252
    "education-utf16.txt": "ingested",        # UTF-16 with BOM
    "energie-mixte.txt": "warning",           # invalid UTF-8 bytes removed
    "sante-crlf.txt": "ingested",             # UTF-8 with BOM and CRLF
    "yaml-front.txt": "ingested",             # '---' block: title and date used
    "page.html.txt": "warning",               # HTML page: paragraphs extracted
    "page-vide.html.txt": "skipped",          # HTML page without any article paragraph
    "hostile.txt": "warning",                 # markup and templates shown as text
    "hostile-front.txt": "warning",           # markup in the front-block title
    "titre-seul.txt": "skipped",
    "espaces.txt": "skipped",
    "vide.txt": "skipped",
    "image-png.txt": "skipped",
    "octets-nuls.txt": "skipped",
    "gros.txt": "skipped",                    # 2 MB
    "lien.txt": "skipped",                    # symbolic link to a file outside seeds/
    HOSTILE_NAME: "ingested",                 # a file name made of markup
    "date-impossible.txt": "warning",         # header date 2026-02-31: ignored
    "date-lointaine.txt": "warning",          # header date 9999-12-31: ignored
    "commerce-utf32.txt": "ingested",         # UTF-32 with BOM
    "bom-octets-nuls.txt": "skipped",         # a UTF-8 BOM before NUL bytes: still binary
    "sous-dossier": "skipped",                # a folder in seeds/
    "tube.txt": "skipped",                    # a named pipe
    LINES_NAME: "ingested",                   # control characters in the name
    BAD_BYTES_NAME: "skipped",                # a name that is not UTF-8
}
# Words the message must contain, besides the file's name.
REASONS = {
    "numerique_copie.txt": "numerique.txt",
    "numerique_quasi.txt": "near duplicate of",
    "commerce-cp1252.txt": "cp1252",
    "energie-mixte.txt": "invalid UTF-8",
    "page.html.txt": "HTML page",
    "page-vide.html.txt": "HTML page",
    "hostile.txt": "markup",
    "hostile-front.txt": "markup",
    "titre-seul.txt": "only a title",
    "espaces.txt": "white space",
    "vide.txt": "empty",
    "image-png.txt": "binary",
    "octets-nuls.txt": "binary",
    "gros.txt": "too large",
    "lien.txt": "symbolic link",
    "date-impossible.txt": "not a real date",
    "date-lointaine.txt": "not a real date",
    "bom-octets-nuls.txt": "binary",
    "sous-dossier": "a folder",
    "tube.txt": "not a regular file",
    BAD_BYTES_NAME: "not valid UTF-8",
}


def shown(name: str) -> str:
    """A seed's name as the report and messages show it."""
    return SHOWN.get(name, name)

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
EMPTY_PAGE = ("<!DOCTYPE html><html><head><title>Accueil</title><script>alert('xss')</script></head>"
              "<body><nav><a href='/'>Accueil</a></nav><div class='cookie-banner'><p>Acceptez les cookies</p>"
              "</div><footer><p>© Journal</p></footer></body></html>\n")


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def crlf_bom(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")


def mixed_utf8(text: str) -> bytes:
    """Valid UTF-8 with stray bytes (a truncated sequence, a lone continuation byte, 0xFF)."""
    data = text.encode("utf-8")
    for marker, junk in ((b"responsables", b"\xc3"), (b"financement", b"\x80"), (b"pilotes", b"\xff\xfe")):
        data = data.replace(marker, marker[:4] + junk + marker[4:], 1)
    return data


def near_copy(text: str) -> str:
    edited = text
    for old, new in (("trois mille", "quatre mille"), ("mardi", "mercredi"), ("six mois", "huit mois"),
                     ("renforcera", "consolidera")):
        assert old in edited, old
        edited = edited.replace(old, new, 1)
    return edited


def big_text() -> bytes:
    line = fixture_text("numerique.txt").splitlines()[2] + "\n"
    return (line * (BIG_BYTES // len(line.encode()) + 1)).encode()[:BIG_BYTES]


def generated() -> dict[str, bytes]:
    numerique = fixture_text("numerique.txt")
    return {
        "numerique_copie.txt": numerique.encode(),
        "numerique_quasi.txt": near_copy(numerique).encode(),
        "commerce-cp1252.txt": fixture_text("commerce-cp1252.txt").encode("cp1252"),
        "education-utf16.txt": fixture_text("education-utf16.txt").encode("utf-16"),  # BOM + native order
        "energie-mixte.txt": mixed_utf8(fixture_text("energie-mixte.txt")),
        "sante-crlf.txt": crlf_bom(fixture_text("sante-crlf.txt")),
        "page-vide.html.txt": EMPTY_PAGE.encode(),
        "image-png.txt": PNG,
        "octets-nuls.txt": b"Texte\x00avec\x00des\x00octets\x00nuls " * 20,
        "gros.txt": big_text(),
        HOSTILE_NAME: fixture_text("nom-hostile.txt").encode(),
        "commerce-utf32.txt": fixture_text("commerce-utf32.txt").encode("utf-32"),  # BOM + native order
        "bom-octets-nuls.txt": codecs.BOM_UTF8 + b"Texte\x00avec\x00des\x00octets\x00nuls " * 20,
        LINES_NAME: fixture_text("nom-lignes.txt").encode(),
        BAD_BYTES_NAME: fixture_text("numerique.txt").replace("numérique", "spatiale").encode(),
    }


def make_corpus(seeds: Path) -> dict[str, str]:
    """Write the hostile corpus into `seeds` (which may already hold the sample seeds).
    Returns file name -> expected status."""
    seeds.mkdir(parents=True, exist_ok=True)
    made = generated()
    for name in EXPECTED:
        if name == "lien.txt":
            (seeds / name).symlink_to((FIXTURES / "numerique.txt").resolve())
        elif name == "sous-dossier":
            (seeds / name).mkdir()
            shutil.copy(FIXTURES / "numerique.txt", seeds / name / "numerique.txt")
        elif name == "tube.txt":
            os.mkfifo(seeds / name)
        elif name in made:
            (seeds / name).write_bytes(made[name])
        else:
            shutil.copy(FIXTURES / name, seeds / name)
    return dict(EXPECTED)
