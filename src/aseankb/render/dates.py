"""French wording of dates and of where they came from, and of an article's language."""

from __future__ import annotations

import re

from ..model import PartialDate, day_month_fr

SOURCES_FR = {
    "header": "date indiquée en tête du fichier source",
    "dateline": "date donnée en tête de la dépêche",
    "frontmatter": "date donnée par l'en-tête YAML du fichier",
    "inferred": "date estimée d'après le texte",
    "override": "date corrigée par la rédaction",
}
HEADER_DAY_FR = "mois indiqué en tête du fichier source, jour donné par le texte"
# After a date whose year is only the earliest the text allows: "16 avril 2011 au plus tôt"
# (the New Zealand colloquium of 2012, whose text dates nothing later than July 2010).
EARLIEST_FR = " au plus tôt"
UNDATED_FR = "inconnue (ni indiquée dans le fichier source ni déduite du texte)"


def date_fr(d: PartialDate, at_earliest: bool = False) -> str:
    """The date in words; `at_earliest`: its year is only the earliest the text allows
    (Article.year_at_earliest), which is said after it."""
    if not d.year:
        return "date inconnue"
    when = f"{day_month_fr(d.month, d.day)} {d.year}" if d.month else str(d.year)
    return when + (EARLIEST_FR if at_earliest else "")


def short_date(d: PartialDate, at_earliest: bool = False) -> str:
    """The date of a list's line; `at_earliest`: the year is only the earliest the text
    allows (Article.year_at_earliest), which the line says where the reader sees the date."""
    if not d.year:
        return "sans date"  # in full: "s. d." said nothing to readers outside the year pages
    earliest = EARLIEST_FR if at_earliest else ""
    if not d.month:
        return f"{d.year}{earliest}"
    return f"{d.year}-{d.month:02d}" + (f"-{d.day:02d}" if d.day else "") + earliest


# The languages langdetect names (ISO 639-1, "zh-cn"), in French; "und": not recognised.
LANGUAGES_FR = {
    "fr": "français", "en": "anglais", "vi": "vietnamien", "zh-cn": "chinois", "zh-tw": "chinois",
    "ja": "japonais", "ko": "coréen", "ru": "russe", "es": "espagnol", "de": "allemand", "it": "italien",
    "pt": "portugais", "id": "indonésien", "ms": "malais", "th": "thaï", "tl": "tagalog", "km": "khmer",
    "lo": "lao", "my": "birman", "ar": "arabe", "nl": "néerlandais",
}
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")  # what an HTML lang attribute may carry here


def language_fr(code: str) -> str:
    return LANGUAGES_FR.get(code, "langue non reconnue" if code == "und" else code)


def in_language(code: str) -> str:
    """"en anglais"; for a language without a French name, `language_fr`'s answer."""
    return f"en {LANGUAGES_FR[code]}" if code in LANGUAGES_FR else language_fr(code)


def html_lang(code: str) -> str | None:
    """The `lang` attribute of an article's text that is not in French, so that a screen
    reader does not read English or Vietnamese with French sounds (pages are `lang="fr"`)."""
    return code if code != "fr" and code != "und" and LANG_RE.match(code) else None


def language_note(code: str) -> str:
    """After the link to a non-French article in lists, its language for the eye:
    ` *(en anglais)*` (for the screen reader, the link or its words carry a `lang`:
    render/titles.py); "" for French or a language without a French name."""
    return f" *({in_language(code)})*" if html_lang(code) and code in LANGUAGES_FR else ""


def plural(n: int, word: str) -> str:
    """"1 article", "3 articles": French plurals in -s, the only ones the pages need."""
    return f"{n} {word}{'s' if n > 1 else ''}"
