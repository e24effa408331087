"""French wording of dates and of where they came from."""

from __future__ import annotations

from ..model import PartialDate

MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
SOURCES_FR = {
    "header": "date indiquée en tête du fichier source",
    "dateline": "date donnée en tête de la dépêche",
    "frontmatter": "date donnée par l'en-tête YAML du fichier",
    "inferred": "date estimée d'après le texte",
    "override": "date corrigée par la rédaction",
}
UNDATED_FR = "inconnue (ni indiquée dans le fichier source ni déduite du texte)"


def date_fr(d: PartialDate) -> str:
    if not d.year:
        return "date inconnue"
    if not d.month:
        return str(d.year)
    month = MONTHS_FR[d.month - 1]
    if not d.day:
        return f"{month} {d.year}"
    return f"{'1er' if d.day == 1 else d.day} {month} {d.year}"


def short_date(d: PartialDate) -> str:
    if not d.year:
        return "sans date"  # in full: "s. d." said nothing to readers outside the year pages
    if not d.month:
        return f"{d.year}"
    return f"{d.year}-{d.month:02d}" + (f"-{d.day:02d}" if d.day else "")
