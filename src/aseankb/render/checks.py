"""The report page's "À vérifier": published articles whose metadata an editor may want to
check and correct (seeds/overrides.yaml). None of them is an error: the build said nothing
of them, and the fifth and sixth audits found the report saying "sans remarque" of an
article about no partner, of articles with no domain or a cut title, of dates known only to
the year, and of articles in English and Vietnamese."""

from __future__ import annotations

import datetime as dt

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


AHEAD_DAYS = 366  # a year with no article between the newest ones and all the others
AHEAD_MAX = 3  # newest articles that may stand that far ahead
AHEAD_OTHERS = 3  # articles the others must count for a gap to say anything


def _day(art: Article) -> int | None:
    d = art.date
    return dt.date(d.year, d.month or 1, d.day or 1).toordinal() if d.year else None


def _ahead(articles: list[Article]) -> list[Article]:
    """The articles dated more than a year after all but the newest few (audit 19: a typo
    "date 2031-04" topped "Derniers articles" and made the base run "de 2018 à 2031").
    Decided over the whole list: the same seeds give the same answer on any day, where a
    check against the build's clock would change the page as time passes."""
    dated = [(day, a) for a in articles if (day := _day(a)) is not None]
    days = sorted((day for day, _ in dated), reverse=True)
    gaps = [k for k in range(1, min(AHEAD_MAX, len(days) - AHEAD_OTHERS) + 1) if days[k - 1] - days[k] > AHEAD_DAYS]
    return [a for day, a in dated if day >= days[gaps[-1] - 1]] if gaps else []


def _found(test: object, articles: list[Article]) -> list[Article]:
    """The articles a check lists: `test` is a predicate on one article, or `_ahead`."""
    return _ahead(articles) if test is _ahead else [a for a in articles if test(a)]


CHECKS = (
    (_ahead, "Daté loin après tous les autres", "plus d'un an sépare cet article de tous les autres : "
     "une faute de frappe dans la date le placerait en tête des derniers articles"),
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
        found = _found(test, articles)
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
    if test in (_year_only, _at_earliest, _ahead):
        return f" ({art.date.year})"
    return ""
