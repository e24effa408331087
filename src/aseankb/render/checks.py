"""The report page's "À vérifier": published articles whose metadata an editor may want to
check and correct (seeds/overrides.yaml). None of them is an error: the build said nothing
of them, and the fifth and sixth audits found the report saying "sans remarque" of an
article about no partner, of articles with no domain or a cut title, of dates known only to
the year, and of articles in English and Vietnamese."""

from __future__ import annotations

from ..model import SITUATED_SEP, Article
from .dates import language_fr
from .titles import title_link

SHOWN = 20  # articles listed per check; the rest are counted


def _no_partner(art: Article) -> bool:
    return not art.partners


def _year_only(art: Article) -> bool:
    return art.date_source == "inferred" and art.date.year is not None and not art.date.month


def _at_earliest(art: Article) -> bool:
    return art.year_at_earliest


def _no_domain(art: Article) -> bool:
    return not art.domains


def _cut_title(art: Article) -> bool:
    # Also before the name of the meeting added to it (extract._situated): "… — 25e Sommet …".
    return art.title.endswith("…") or "…" + SITUATED_SEP in art.title


def _not_french(art: Article) -> bool:
    return art.language != "fr"


CHECKS = (
    (_no_partner, "Aucun partenaire principal", "l'article n'est rattaché à aucune page de partenaire"),
    (_no_domain, "Aucun domaine", "aucun mot-clé de domaine trouvé : l'article n'apparaît ni dans les "
     "domaines ni dans la matrice"),
    (_cut_title, "Titre tronqué", "le titre a été coupé : le plus souvent, le fichier n'en avait pas et "
     "il a été tiré de la première phrase"),
    (_year_only, "Année estimée d'après le texte", "ni le jour ni le mois ne sont connus : "
     "l'article est classé au 1er janvier de cette année"),
    (_at_earliest, "Année estimée au plus tôt", "le texte ne date que des événements antérieurs à "
     "l'article : il est placé dans la première année qu'ils permettent, qui peut être trop tôt"),
    (_not_french, "Dans une autre langue que le français", "l'extraction est faite pour le français "
     "d'abord : ses partenaires, domaines et personnalités sont à relire"),
)


def checks_section(articles: list[Article]) -> list[str]:
    """The section's lines: each check with its count and its first articles (newest first)."""
    lines = ["## À vérifier", "", "Articles publiés dont les métadonnées méritent un coup d'œil ; on les "
             "corrige dans `seeds/overrides.yaml` (titre, date, partenaires, domaines)."
             " Chaque liste montre les plus récents.", ""]
    found_any = False
    for test, title, why in CHECKS:
        found = [a for a in articles if test(a)]
        if not found:
            continue
        found_any = True
        lines += [f"### {title} ({len(found)})", "", f"_{why[:1].upper() + why[1:]}._", ""]
        lines += [f"- {title_link(*a.title_parts(), a.language, a.page)}{_note(a, test)}" for a in found[:SHOWN]]
        if len(found) > SHOWN:
            lines.append(f"- … et {len(found) - SHOWN} autres")
        lines.append("")
    if not found_any:
        lines += ["_Rien à signaler._", ""]
    return lines


def _note(art: Article, test: object) -> str:
    if test is _not_french:
        return f" ({language_fr(art.language)})"
    if test in (_year_only, _at_earliest):
        return f" ({art.date.year})"
    return ""
