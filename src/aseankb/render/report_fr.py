"""The build's messages in French, for the site's report page.

The messages stay in English where developers read them (the CLI log, the JSON report of
the contract, the CI summary); the site speaks French. Each message the pipeline can
produce has a pattern here; one without (a new message, an exception's own text) is shown
as it is rather than lost. Parts taken from the seed (file names, markup found, encodings)
are carried over unchanged: the page escapes the whole reason.
"""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
# "600,000" (Python's `:,`) is written "600 000" in French.
THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
OS_ERRORS = {
    "Permission denied": "permission refusée",
    "No such file or directory": "fichier introuvable (supprimé pendant la construction ?)",
    "Is a directory": "c'est un dossier",
}
FRONT = "bloc d'en-tête « --- »"
# The reasons libraries give (PyYAML, datetime, Python's decoders), inside a message: the
# common ones in French; any other is marked as the library's own English (audit 19: "YAML
# invalide (month must be in 1..12)" on the French page).
_WHY = (
    (r"month must be in 1\.\.12", "le mois doit être entre 1 et 12"),
    (r"day is out of range for month", "jour qui n'existe pas dans ce mois"),
    (r"year (?P<y>-?\d+) is out of range", "année {y} hors limites"),
    (r"mapping values are not allowed here", "« : » inattendu à cet endroit"),
    (r"could not find expected ':'", "« : » attendu, introuvable"),
    (r"found character (?P<c>.+) that cannot start any token", "le caractère {c} ne peut pas commencer une valeur"),
    (r"found undefined alias.*", "alias non défini"),
    (r"expected <block end>, but found .*", "indentation incohérente"),
    (r"expected ',' or '\]', but got .*", "liste entre crochets [ ] non fermée"),
    (r"expected ',' or '\}', but got .*", "liste entre accolades { } non fermée"),
    (r"found unexpected end of stream", "fin inattendue (guillemet non fermé ?)"),
    (r"while (?:scanning|parsing) .*", "syntaxe YAML incorrecte"),
    (r"truncated data", "données tronquées"),
    (r"unexpected end of data", "fin des données inattendue"),
    (r"invalid start byte", "octet de début invalide"),
    (r"invalid continuation byte", "octet de continuation invalide"),
    (r"illegal UTF-16 surrogate", "demi-caractère UTF-16 isolé"),
    (r"illegal encoding", "codage invalide"),
    (r"code point not in range\(0x110000\)", "point de code hors d'Unicode"),
)
WHY = tuple((re.compile(pattern, re.S), template) for pattern, template in _WHY)

# (English message, fully matched; French template over its named groups)
_RULES = (
    (r"empty file", "fichier vide"),
    (r"binary file, not text", "fichier binaire, pas du texte"),
    (r"binary file, not text \(after a (?P<enc>.+) byte-order mark\)",
     "fichier binaire, pas du texte (après une marque d'ordre des octets {enc})"),
    (r"no text: the file holds only white space", "aucun texte : le fichier ne contient que des blancs"),
    (r"symbolic link: refused, a seed must be a regular file",
     "lien symbolique : refusé, un fichier source doit être un fichier ordinaire"),
    (r"not a regular file \(a pipe, socket or device\): refused",
     "pas un fichier ordinaire (un tube, une socket ou un périphérique) : refusé"),
    (r"a folder: refused, seeds are the files directly in the seeds folder, not in its subfolders",
     "un dossier : refusé, les sources sont les fichiers placés directement dans le dossier, pas dans "
     "ses sous-dossiers"),
    (r"the file name is not valid UTF-8 \(shown with \\x escapes\): refused, rename the file",
     "le nom du fichier n'est pas en UTF-8 valide (affiché avec des échappements \\x) : refusé, "
     "renommer le fichier"),
    (r"file too large \((?P<n>[\d,]+) bytes, limit (?P<limit>[\d,]+)\): refused unread",
     "fichier trop gros ({n} octets, limite {limit}) : refusé sans être lu"),
    (r"file too large \(over (?P<limit>[\d,]+) bytes\): refused",
     "fichier trop gros (plus de {limit} octets) : refusé"),
    (r"file too large \((?P<n>[\d,]+) bytes, limit (?P<limit>[\d,]+)\)",
     "fichier trop gros ({n} octets, limite {limit}) : refusé"),
    (r"invalid (?P<enc>\S+) text after its byte-order mark: (?P<why>.*)",
     "texte {enc} invalide après sa marque d'ordre des octets ({why}) : refusé"),
    (r"cannot be read: (?P<os>.*)", "illisible : {os}"),
    (r"could not be processed \((?P<why>.*)\)", "n'a pas pu être traité ({why}) : ignoré"),
    (r"HTML page with no article paragraph: refused", "page HTML sans paragraphe d'article : refusée"),
    (r"no article text after its '---' front block", f"aucun texte d'article après son {FRONT}"),
    (r"no article text \(only invisible characters or page chrome\)",
     "aucun texte d'article (seulement des caractères invisibles ou l'habillage d'une page)"),
    (r"only a title line, no article text \((?P<n>\d+) words\)",
     "seulement une ligne de titre, pas de texte d'article ({n} mots)"),
    (r"article text too short \((?P<n>\d+) words, at least (?P<min>\d+) needed\)",
     "texte d'article trop court ({n} mots, il en faut au moins {min})"),
    (r"one line of (?P<words>\d+) words and (?P<n>[\d,]+) characters, with no sentence: no article text",
     "une seule ligne de {words} mots et {n} caractères, sans phrase : pas de texte d'article"),
    (r"no article text: the file holds only a title", "aucun texte d'article : le fichier ne contient qu'un titre"),
    (r"unusually large for one article \((?P<n>[\d,]+) bytes\): check that it holds one article",
     "inhabituellement gros pour un article ({n} octets) : vérifier qu'il n'en contient qu'un"),
    (r"invalid UTF-8: (?P<n>\d+) undecodable byte sequence\(s\) removed",
     "UTF-8 invalide : {n} suite(s) d'octets indéchiffrable(s) retirée(s)"),
    (r"not UTF-8: decoded as (?P<enc>\S+)", "pas en UTF-8 : lu comme {enc}"),
    (r"text contains U\+FFFD replacement characters, removed",
     "le texte contient des caractères de remplacement U+FFFD : retirés"),
    (r"(?P<n>\d+) direction control character\(s\) removed: they reorder text on screen",
     "{n} caractère(s) de contrôle de direction retiré(s) : ils réordonnent le texte à l'écran"),
    (r"HTML page: (?P<n>\d+) paragraph\(s\) extracted; tags, scripts, styles and page chrome dropped",
     "page HTML : {n} paragraphe(s) extrait(s) ; balises, scripts, styles et habillage de la page retirés"),
    (r"'---' front block is not valid YAML \((?P<why>.*)\): ignored", f"{FRONT} : YAML invalide ({{why}}), ignoré"),
    (r"'---' front block is not a mapping of keys: ignored", f"{FRONT} : pas une suite de clés, ignoré"),
    (r"'---' front block: date (?P<date>.*) is out of range: ignored",
     f"{FRONT} : date {{date}} hors limites, ignorée"),
    (r"'---' front block: date (?P<date>.*) is not a YYYY-MM-DD date: ignored",
     f"{FRONT} : date {{date}} qui n'est pas au format AAAA-MM-JJ, ignorée"),
    (r"opens with '---' but the front block is never closed: the '---' line was dropped",
     f"commence par « --- » mais son {FRONT} n'est jamais fermé : la ligne « --- » a été retirée"),
    (r"contains HTML or template markup \((?P<found>.*)\): published as plain text, never as markup",
     "contient du balisage HTML ou de gabarit ({found}) : publié comme texte brut, jamais comme balisage"),
    (r"header date '(?P<date>.*)' is not a real date \(or not in (?P<low>\d+)-(?P<high>\d+)\): ignored",
     "date d'en-tête « {date} » qui n'existe pas au calendrier (ou hors de {low}-{high}) : ignorée"),
    (r"names (?P<n>\d+) people: only the first (?P<max>\d+) are listed and given pages",
     "nomme {n} personnes : seules les {max} premières sont listées et ont une page"),
    (r"no date found in the file or its text: filed under 'sans date'",
     "aucune date trouvée dans le fichier ni dans son texte : classé « sans date »"),
    (r"near duplicate of (?P<file>.+) \((?P<pct>\d+)% of their 5-word sequences in common\)",
     f"quasi-doublon de {{file}} ({{pct}}{NARROW_NBSP}% de leurs suites de 5 mots en commun)"),
    (r"same text as (?P<file>.+)", "même texte que {file}"),
    (r"its id '(?P<id>.*)' is already used by (?P<file>.+): given id '(?P<new>.*)' \(rename the file to choose one\)",
     "son identifiant « {id} » est déjà pris par {file} : il reçoit « {new} » "
     "(renommer le fichier pour en choisir un)"),
)
RULES = tuple((re.compile(pattern, re.S), template) for pattern, template in _RULES)
TITLE_PREFIX = "front-block title "


def _why(text: str) -> str:
    for pattern, template in WHY:
        m = pattern.fullmatch(text)
        if m:
            return template.format(**m.groupdict())
    return f"selon l'analyseur, en anglais : {text}"


def _value(name: str, text: str) -> str:
    if name == "os":
        return OS_ERRORS.get(text, text)
    if name == "why":
        return _why(text)
    return THOUSANDS_RE.sub(NARROW_NBSP, text) if name in ("n", "limit") else text


# The parts of a message that name a file or an id: shown exactly as they are (names).
NAME_GROUPS = ("file", "id", "new")


def french(message: str, names: list[str] | None = None) -> str:
    """One build message in French; a message without a pattern comes back as it is.
    `names`: receives the file names and ids the message holds."""
    if message.startswith(TITLE_PREFIX):
        rest = message.removeprefix(TITLE_PREFIX)
        inner = french(rest, names)
        return f"titre du {FRONT} : {inner}" if inner != rest else message
    for pattern, template in RULES:
        m = pattern.fullmatch(message)
        if m:
            if names is not None:
                names += [v for k, v in m.groupdict().items() if k in NAME_GROUPS]
            return template.format(**{k: _value(k, v) for k, v in m.groupdict().items()})
    return message
