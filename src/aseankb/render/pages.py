"""Grouping pages (partners, domains, years), the home page and the build report page."""

from __future__ import annotations

import re
from collections import Counter

from ..config import Partner, Taxonomy, load_relations
from ..group import Groups
from ..meeting_series import series_id
from ..model import UNDATED, Article, SeedResult
from .charts import column_chart, year_series
from .checks import checks_section
from .contents import pager, with_contents
from .dates import LANGUAGES_FR, language_fr, language_note, plural, short_date
from .escape import esc_inline, esc_verbatim
from .explorer import PAGE as EXPLORER_PAGE
from .feeds import dated, feed_path
from .lists import ItemFn, by_year, list_lines
from .meetings import partner_meetings, year_meetings
from .profiles import YEAR_OF, cell_years, domain_profile, md_page, partner_profile
from .report_fr import french
from .reuse import NO_REUSE, Reuse
from .terms import search_terms, years_label
from .titles import lang_attr, marked_title

LATEST_ON_HOME = 10
STATUS_FR = {"ingested": "intégré", "warning": "avertissement", "duplicate": "doublon",
             "skipped": "ignoré"}


def _item_parts(art: Article) -> tuple[str, str]:
    """An article's line in a list, cut where its link's prefix ("../") goes."""
    text, lang = marked_title(*art.title_parts(), art.language)
    return (f"- {short_date(art.date, art.year_at_earliest)} — [{text}](",
            f"{art.page}){lang_attr(lang)}{language_note(art.language)}")


def article_item(art: Article, prefix: str) -> str:
    head, tail = _item_parts(art)
    return head + prefix + tail


class ItemLines:
    """`article_item` for the articles of one build, each date and title escaped once: at
    10,000 articles the lists hold some 250,000 lines, mostly the same articles again."""

    def __init__(self) -> None:
        # Keyed by identity: the articles outlive this object (it is local to `render`).
        # Filled on first use: a rebuild renders only the lists that changed.
        self._parts: dict[int, tuple[str, str]] = {}
        self._lines: dict[str, dict[int, str]] = {}  # prefix -> whole lines: a list is then one C loop

    def _add(self, art: Article) -> tuple[str, str]:
        parts = self._parts[id(art)] = _item_parts(art)  # `article_item`'s line
        return parts

    def __call__(self, art: Article, prefix: str) -> str:
        head, tail = self._parts.get(id(art)) or self._add(art)
        return head + prefix + tail

    def lines(self, arts: list[Article], prefix: str) -> list[str]:
        done = self._lines.setdefault(prefix, {})
        try:
            return list(map(done.__getitem__, map(id, arts)))
        except KeyError:  # some not formatted yet with this prefix
            for a in arts:
                if id(a) not in done:
                    done[id(a)] = self(a, prefix)
            return list(map(done.__getitem__, map(id, arts)))


def article_list(arts: list[Article], prefix: str, item: ItemFn = article_item, years: bool = False) -> list[str]:
    """The list's lines; `years`: a long list is cut by year (lists.by_year)."""
    return (by_year if years else list_lines)(item, arts, prefix) or ["_Aucun article._"]


def _year_label(key: str) -> str:
    return "Sans date" if key == UNDATED else key


def _year_sentence(key: str, arts: list[Article]) -> str:
    n = len(arts)
    if key == UNDATED:
        return (f"{plural(n, 'article')} dont la date n'a pu être ni lue ni déduite du texte "
                "(voir le [rapport de construction](../rapport.md)).")
    if n == 1:
        return f"1 article publié en {key}."
    # An article of which only the year is known sorts after the dated ones (model.sort_key):
    # "newest first" alone misdescribed the 2018 page, whose undated AMM report came last.
    last = " ; ceux dont seule l'année est connue viennent en dernier" \
        if any(not a.date.month for a in arts) and any(a.date.month for a in arts) else ""
    return f"{n} articles publiés en {key}, du plus récent au plus ancien{last}."


LEVELS_FR = {"full": "partenaire de dialogue à part entière", "partnership": "partenariat global",
             "strategic": "partenariat stratégique", "comprehensive": "partenariat stratégique global"}


def relations_sentence(entry: dict | None) -> str:
    """Since when ASEAN and the partner have had relations, and the levels they reached
    (data/relations.yaml): what the articles' dates alone cannot say."""
    if not entry:
        return ""
    if entry.get("kind") == "framework":
        return f"Cadre de coopération mené par l'ASEAN depuis {entry['since']}."
    # The status first: readers ask "is the United Kingdom a dialogue partner?", and searched
    # "royaume uni partenaire de dialogue" in vain (fifteenth audit). Every partner that is
    # not a framework is one (relations.yaml's default kind).
    levels = [f"{label} en {entry[level]}" for level, label in LEVELS_FR.items() if level in entry]
    return (f"Partenaire de dialogue de l'ASEAN ; relations depuis {entry['since']}"
            + (" ; " + ", ".join(levels) if levels else "") + ".")


ACRONYM_RE = re.compile(r"^[A-Z]{2,4}$")


def partner_aliases(partner: Partner) -> tuple[str, ...]:
    """The names readers search a partner by besides its French one: its acronyms ("UE",
    "ARF") and its English name. Not its Vietnamese names, whose short words ("Nhật Bản":
    "ban") are common words of other languages."""
    return (*(f for f in partner.exact_forms if ACRONYM_RE.match(f)), partner.en)


def _devoted(n: int) -> str:
    """ "3 articles consacrés", "Aucun article n'est consacré" (not "0 article consacré")."""
    return "Aucun article n'est consacré" if not n else f"{plural(n, 'article')} consacré{'s' if n > 1 else ''}"


def partner_pages(g: Groups, tax: Taxonomy, item: ItemFn = article_item, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    pages = {}
    relations = load_relations()
    rows = ["| Partenaire | Depuis | Articles | Mentions en passant |", "|---|---:|---:|---:|"]
    chain = [(partner.id, partner.fr) for partner in tax.partners_in_order()]
    for partner in tax.partners_in_order():
        pid = partner.id
        about, passing = g.partners.get(pid, []), g.mentioned.get(pid, [])
        since = relations.get(pid, {}).get("since", "—")
        rows.append(f"| [{partner.fr}]({pid}.md) | {since} | {len(about)} | {len(passing)} |")
        if reuse.skip(f"partenaires/{pid}.md", about, passing):
            continue
        history = relations_sentence(relations.get(pid))
        lines = [f"# {partner.fr}", "", f"{_devoted(len(about))} {partner.fr_to}{_in_english(partner.fr, partner.en)}.",
                 "", *([history, ""] if history else []),
                 *pager(chain, pid, ("Partenaire précédent", "Partenaire suivant"), "Tous les partenaires"),
                 *partner_profile(pid, about, tax, item, "../" + feed_path(pid) if dated(about) else None,
                                  g.domains_with(pid), partner_meetings(pid, about), cell_years(g.cells, pid=pid)),
                 "## Tous les articles", "", *article_list(about, "../", item, years=True)]
        if passing:
            lines += ["", "## Mentions en passant", "", *article_list(passing, "../", item)]
        # Searched by what it says of its relations, fields, meetings and years (render/terms.py).
        terms = search_terms(lines, [history, years_label(map(YEAR_OF, about))])
        pages[f"partenaires/{pid}.md"] = md_page(partner.fr, with_contents(lines), aliases=partner_aliases(partner),
                                                 feed=feed_path(pid) if dated(about) else None, terms=terms)
    pages["partenaires/index.md"] = md_page("Partenaires", [
        "# Partenaires", "", "Les partenaires de dialogue de l'ASEAN et les cadres qu'elle "
        "dirige, avec l'année où ont commencé leurs relations (pour un cadre, sa première "
        "réunion), le nombre d'articles qui leur sont consacrés et celui des articles qui ne "
        "font que les citer en passant.", "", *rows])
    return pages


def _in_english(fr: str, en: str) -> str:
    """The English name beside the French one, which readers of English sources search for;
    none where both are the same ("(en anglais : *Canada*)", audit)."""
    return "" if en == fr else f" (en anglais : *{en}*)"


def domain_pages(g: Groups, tax: Taxonomy, item: ItemFn = article_item, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    pages = {}
    rows = ["| Domaine | Articles |", "|---|---:|"]
    chain = [(domain.id, domain.fr) for domain in tax.domains_in_order()]
    for domain in tax.domains_in_order():
        did = domain.id
        arts = g.domains.get(did, [])
        rows.append(f"| [{domain.fr}]({did}.md) | {len(arts)} |")
        if reuse.skip(f"domaines/{did}.md", arts):
            continue
        profile = domain_profile(did, arts, tax, g.partners_with(did), cell_years(g.cells, did=did))
        pages[f"domaines/{did}.md"] = md_page(domain.fr, with_contents([
            f"# {domain.fr}", "",
            f"{plural(len(arts), 'article')} dans ce domaine{_in_english(domain.fr, domain.en)}.", "",
            *pager(chain, did, ("Domaine précédent", "Domaine suivant"), "Tous les domaines"),
            *profile, *article_list(arts, "../", item, years=True)]), aliases=(domain.en, *domain.aliases),
            terms=search_terms(profile, [years_label(map(YEAR_OF, arts))]))
    pages["domaines/index.md"] = md_page("Domaines", [
        "# Domaines de coopération", "", *rows])
    return pages


def year_pages(g: Groups, item: ItemFn = article_item, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    pages = {}
    keys = sorted(g.years, key=lambda k: (k == UNDATED, -int(k) if k != UNDATED else 0))
    rows = ["| Année | Articles |", "|---|---:|"]
    # In time order, the undated page out of it: 2018 leads to 2019, which is not its neighbour in the index.
    chain = [(key, _year_label(key)) for key in reversed(keys) if key != UNDATED]
    for key in keys:
        arts = g.years[key]
        rows.append(f"| [{_year_label(key)}]({key}.md) | {len(arts)} |")
        links = pager(chain, key, ("Année précédente", "Année suivante"), "Toutes les années")
        if reuse.skip(f"annees/{key}.md", arts, links):
            continue
        meetings = year_meetings(arts)
        pages[f"annees/{key}.md"] = md_page(_year_label(key), [
            f"# {_year_label(key)}", "", _year_sentence(key, arts), "", *links,
            *meetings, *(["## Articles", ""] if meetings else []), *article_list(arts, "../", item)],
            terms=search_terms(meetings))
    counts = {int(k): len(v) for k, v in g.years.items() if k != UNDATED}
    chart = column_chart(year_series(counts), "Articles par année", "annees")
    pages["annees/index.md"] = md_page("Années", ["# Années", "", chart, "", *rows])
    return pages


def _undated_note(g: Groups) -> str:
    # The years counted are years; the undated articles have a page of their own.
    n = len(g.years.get(UNDATED, []))
    return f" (et {plural(n, 'article')} sans date)" if n else ""


def _other_languages(arts: list[Article]) -> str:
    """" (et 3 dans d'autres langues : 2 en anglais, 1 en vietnamien)", or nothing."""
    others = Counter(a.language for a in arts if a.language != "fr")
    if not others:
        return ""
    parts = [f"{n} en {language_fr(code)}" if code in LANGUAGES_FR else
             f"{n} dans une langue non reconnue" if code == "und" else f"{n} dans une autre langue"
             for code, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))]
    total = sum(others.values())
    which = "une autre langue" if total == 1 else "d'autres langues"
    return f" (et {total} dans {which} : {', '.join(parts)})"


def _of(some: int, followed: int) -> str:
    """How many have articles, and how many the site follows have none: "9 avec des articles,
    5 sans" ("9 sur 14 suivis" left readers to guess what the 9 were: seventeenth audit)."""
    return str(some) if some == followed else f"{some} avec des articles, {followed - some} sans"


def home_page(g: Groups, tax: Taxonomy) -> str:
    n = len(g.articles)
    years = sorted(k for k in g.years if k != UNDATED)
    span = f", de {years[0]} à {years[-1]}" if years else ""
    lines = [
        "# Base de connaissances ASEAN", "",
        "Qui coopère avec l'ASEAN, sur quoi, et depuis quand : des articles de presse en "
        f"français{_other_languages(g.articles)} sur les relations de l'ASEAN avec ses partenaires, "
        "classés par partenaire, par domaine de coopération et par année.", "",
        f"La base contient **{plural(n, 'article')}**{span}.", "",
        # Every column has a header: a screen reader names a cell by it (seventeenth audit).
        "| Regroupement | Nombre | Accès |", "|---|---:|---|",
        # The index pages list every partner and domain followed, with or without articles:
        # "13" beside a list of 14 read as a miscount (fifteenth audit).
        f"| Partenaires | {_of(len(g.partners), len(tax.partners))} "
        "| [Parcourir par partenaire](partenaires/index.md) |",
        f"| Domaines | {_of(len(g.domains), len(tax.domains))} | [Parcourir par domaine](domaines/index.md) |",
        f"| Années | {len(years)}{_undated_note(g)} | [Parcourir par année](annees/index.md) |",
        # Series, like the other rows count the pages they lead to (not meetings: "14" beside 11 pages).
        f"| Séries de réunions | {len({series_id(e) for e in g.events})} "
        "| [Parcourir par réunion](reunions/index.md) |",
        "",
        "Voir aussi la [matrice partenaires × domaines](matrice.md) et les "
        "[personnalités citées](personnes/index.md)."
        + (f" Suivre les nouveaux articles : [flux Atom]({feed_path(None)})." if dated(g.articles) else ""), "",
        "## Derniers articles", "", *article_list(g.articles[:LATEST_ON_HOME], ""), "",
        # The ten latest ended the list with no way on to the others (eighteenth audit).
        *([f"[Tous les {n} articles]({EXPLORER_PAGE}), à filtrer par partenaire, domaine et année.", ""]
          if n > LATEST_ON_HOME else []),
        "[Rapport de construction](rapport.md) : l'état de chaque fichier source.",
    ]
    return md_page("Accueil", lines, feed=feed_path(None) if dated(g.articles) else None)


def _unpublished(counts: dict[str, int]) -> str:
    """The files not published, in words: "aucun doublon ni fichier ignoré." rather than
    "0 doublon et 0 fichier ignoré, non publiés."."""
    dup, skipped = counts["duplicate"], counts["skipped"]
    parts = ([f"{plural(dup, 'doublon')} (même texte qu'un autre fichier)"] if dup else []) + \
        ([f"{plural(skipped, 'fichier')} ignoré{'s' if skipped > 1 else ''}"] if skipped else [])
    if not parts:
        return "aucun doublon ni fichier ignoré."
    return " et ".join(parts) + (", non publiés." if dup + skipped > 1 else ", non publié.")


def _report_row(r: SeedResult) -> str:
    """A flagged file's row: its name, its state, why. Names are shown exactly as they are."""
    names = [r.duplicate_of] if r.duplicate_of else []
    # Each message names its file for the log; the table's first column already does.
    reason = esc_inline(" ; ".join(french(m.removeprefix(f"{r.file}: "), names) for m in r.messages)
                        or (f"doublon de {r.duplicate_of}" if r.duplicate_of else ""))
    for name in sorted(set(names), key=len, reverse=True):  # "a.txt" inside "aa.txt": longest first
        reason = reason.replace(esc_inline(name), esc_verbatim(name))
    # A published file (a duplicate: its original) links to its article's page.
    shown = f"[{esc_verbatim(r.file)}]({r.page})" if r.page and r.status != "skipped" else esc_verbatim(r.file)
    return f"| {shown} | {STATUS_FR[r.status]} | {reason} |"


def report_page(results: list[SeedResult], articles: list[Article] = ()) -> str:
    """The status of every file, then what to check among the published `articles` (newest
    first: render/checks.py)."""
    found = Counter(r.status for r in results)
    counts = {s: found[s] for s in STATUS_FR}
    # The home page counts published articles: so does the first line here, whose figure
    # a reader compares with it (an article with a warning is published too).
    published = counts["ingested"] + counts["warning"]
    lines = ["# Rapport de construction", "",
             f"**{plural(published, 'article')} {'publiés' if published > 1 else 'publié'}** "
             f"sur {plural(len(results), 'fichier')} : {counts['ingested']} sans remarque, "
             f"{counts['warning']} avec un avertissement ; {_unpublished(counts)}", "",
             # Not seeds, so not in the table: said here, since a file left out of it would
             # look lost (audit 19: ".article.txt" was in no line of the report).
             "Ne sont pas des articles, ni comptés ici : les fichiers dont le nom commence par un point "
             "(fichiers cachés), `README.md`, `README.txt` et le fichier de corrections `overrides.yaml` "
             "(ou `overrides.yml`).", "",
             # The class lays the table out as one block per file on a phone (aseankb.css).
             "## Fichiers signalés ou ignorés { .kb-report }", ""]
    flagged = [r for r in results if r.status != "ingested" or r.messages]
    if not flagged:
        lines.append("_Aucun : tous les fichiers ont été intégrés sans remarque._")
    else:
        lines += ["| Fichier | État | Raison |", "|---|---|---|"]
        lines += [_report_row(r) for r in flagged]
    if articles:
        lines += ["", *checks_section(list(articles))]
    return md_page("Rapport de construction", lines)


def render_indexes(g: Groups, tax: Taxonomy, results: list[SeedResult] | None,
                   item: ItemFn = article_item, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    """`results` None: no report page (the build renders it once the report is complete)."""
    pages = {"index.md": home_page(g, tax)}
    if results is not None:
        pages["rapport.md"] = report_page(results)
    pages.update(partner_pages(g, tax, item, reuse))
    pages.update(domain_pages(g, tax, item, reuse))
    pages.update(year_pages(g, item, reuse))
    return pages
