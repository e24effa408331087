"""Profiles: what a partner page and a domain page show above their list of articles,
and the partner × domain matrix (`matrice.md`, one page per non-empty cell).

A cell gets its own small page (`matrice/<partner>/<domain>.md`) rather than an anchor
on the partner page: the partner page would otherwise list each article once per
domain, and at 10,000 articles it is already the longest page of the site. There are
at most partners × domains cell pages, whatever the number of articles.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from operator import attrgetter

from ..config import Partner, Taxonomy
from ..group import Groups
from ..model import Article
from ..text import fold
from .charts import bar_table, column_chart, year_series, year_span
from .escape import description_line, esc_inline
from .lists import ItemFn, by_year
from .people import QUOTED_ROLE_NOTE, person_slug
from .reuse import NO_REUSE, Reuse
from .terms import terms_line
from .typo import page_text

LATEST = 10
LATEST_REPEATED_FROM = 3 * LATEST  # articles a partner must have for its 'Derniers articles'
TOP_DOMAINS = 13
TOP_PEOPLE = 15
# ASEAN's members and the Association, folded: a role naming one of them before the partner
# is not the partner's ("ambassadeur du Vietnam au Japon").
MEMBER_RE = re.compile(r"(?<!\w)(?:asean|vietnam\w*|laos|lao|cambodg\w*|thailand\w*|myanmar|birman\w*|malaisi\w*|"
                       r"singapo\w*|indonesi\w*|philippin\w*|brunei\w*|timor\w*)(?!\w)")


# Counted by C loops (map over attrgetter, Counter): a new seed re-renders the pages of its
# ~9 domains, each counting thousands of articles; under the profiler, the generator
# expressions were half of those pages' time at 10,000 articles (0.67 -> 0.6 s measured
# without it).
YEAR_OF = attrgetter("date.year")


def _years(arts: list[Article]) -> tuple[dict[int, int], int]:
    """(year -> number of articles, number of undated articles)."""
    counts = Counter(map(YEAR_OF, arts))
    undated = counts.pop(None, 0) + counts.pop(0, 0)
    return dict(counts), undated


def _chart(arts: list[Article], title: str, chart_id: str) -> list[str]:
    """The articles by year, and a note of the undated ones the chart leaves out."""
    years, undated = _years(arts)
    note = [f"_{undated} article{'s' if undated > 1 else ''} sans date hors du graphique._", ""] if undated else []
    return [column_chart(year_series(years), title, chart_id), "", *note]


def officials(arts: list[Article], pid: str | None = None,
              limit: int | None = TOP_PEOPLE) -> list[tuple[str, str, int, tuple[str, ...]]]:
    """(slug, name as most often written, number of articles, roles) of the most named
    people (with partner `pid`: those the articles name with it, extract/attribution.py).
    Roles: the offices the articles give them (people_roles), newest article first, then
    the phrases (people_described), quoted."""
    counts: Counter = Counter()
    spellings: dict[str, Counter] = defaultdict(Counter)
    offices: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets: the newest first
    phrases: dict[str, dict[str, None]] = defaultdict(dict)
    for art in arts:
        people = art.people if pid is None else art.people_of(pid)
        for slug in {person_slug(n) for n in people}:
            counts[slug] += 1
        for name in people:
            slug = person_slug(name)
            spellings[slug][name] += 1
            if name in art.people_roles:
                offices[slug][art.people_roles[name]] = None
            elif name in art.people_described:
                phrases[slug][f"« {art.people_described[name]} »"] = None
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(slug, min(spellings[slug].items(), key=lambda kv: (-kv[1], kv[0]))[0], n,
             (*offices[slug], *phrases[slug])) for slug, n in top]


def _of_partner(partner: Partner, roles: tuple[str, ...]) -> str | None:
    """The first of a person's roles that names the partner as theirs: "Premier ministre du
    Japon", "président russe". A role that names a member of ASEAN first ("ambassadeur du
    Vietnam au Japon") is not the partner's."""
    for role in roles:
        folded = fold(role)
        # A state's or a city's office is the partner's too (partners.yaml, regions).
        found = next((m for p in (partner.names, partner.regions) if p and (m := p.search(folded))), None)
        if found and not MEMBER_RE.search(folded, 0, found.start()):
            return role
    return None


def _people_lines(arts: list[Article], partner: Partner) -> list[str]:
    """The partner's own people (their office or the text's phrase names it), then the
    others (ASEAN's side, third countries): one list where none is the partner's."""
    people = officials(arts, partner.id, None)
    theirs = [(slug, name, n, role) for slug, name, n, roles in people if (role := _of_partner(partner, roles))]
    links = [f"[{esc_inline(name)}](../personnes/{slug}.md) ({n})" for slug, name, n, _ in people]
    if not people:
        return ["_Aucune personnalité citée._"]
    if not theirs:
        # Said, not left to guess: the EU page's only name was Vietnam's deputy prime minister,
        # read as the EU's (fourteenth audit). A framework's people are its members' delegates.
        head = ("Toutes délégations confondues : " if partner.members else
                f"Aucune personnalité {partner.of_prefix}{partner.fr} n'est citée ; autres personnalités : ")
        return [head + ", ".join(links[:TOP_PEOPLE])]
    own = {p[0] for p in theirs}
    # The partner's own, one a line with their role: "who is Japan's foreign minister here?"
    # had to be answered by opening each name (twelfth audit).
    mine = [f"- [{esc_inline(name)}](../personnes/{slug}.md), {esc_inline(role)} ({n})"
            for slug, name, n, role in theirs[:TOP_PEOPLE]]
    others = [link for p, link in zip(people, links, strict=True) if p[0] not in own][:TOP_PEOPLE]
    lines = [f"{'Personnalité' if len(mine) == 1 else 'Personnalités'} {partner.of_prefix}{partner.fr} :", "", *mine]
    lines += ["", "Autres personnalités : " + ", ".join(others)] if others else []
    return [*lines, "", QUOTED_ROLE_NOTE] if any(role.startswith("«") for *_, role in theirs[:TOP_PEOPLE]) else lines


def cell_years(cells: dict[tuple[str, str], list[Article]], pid: str | None = None,
               did: str | None = None) -> dict[str, str]:
    """The years of the matrix's cells (Groups.cells) of one partner, by domain, or of one
    domain, by partner (year_span): since when, and when, they cooperate on it."""
    return {(d if pid else p): year_span(map(YEAR_OF, arts)) for (p, d), arts in cells.items()
            if p == pid or d == did}


def partner_profile(pid: str, arts: list[Article], tax: Taxonomy, item: ItemFn, feed: str | None,
                    domains: Counter[str], meetings: list[str] = (), years: dict[str, str] | None = None) -> list[str]:
    """Timeline, domains, officials, meetings and latest articles of one partner (pages in
    partenaires/). `domains`: how many articles report on each domain with it
    (Groups.domains_with); `meetings`: its section of meetings (meetings.partner_meetings);
    `years`: domain -> the years it reports on it with the partner (cell_years)."""
    if not arts:
        return []
    label = tax.partners[pid].fr
    lines = ["## Chronologie", "", *_chart(arts, f"{label} : articles par année", f"p-{pid}"),
             "## Domaines les plus traités", ""]
    top = tax.most_common("domains", domains)[:TOP_DOMAINS]
    rows = [(f"[{tax.domains[d].fr}](../matrice/{pid}/{d}.md)", n) for d, n in top]
    spans = None if years is None else [years.get(d, "—") for d, _ in top]
    # Its articles may report only on what ASEAN and all its partners discussed (the 2010
    # report on China): "Aucune donnée" alone read as a fault.
    table = bar_table(rows, ("Domaine", "Articles"), spans) if rows else [
        "_Aucun domaine abordé avec ce partenaire en particulier : ses articles n'en rapportent aucun, "
        "ou seulement des thèmes discutés par l'ASEAN avec l'ensemble de ses partenaires (voir chaque "
        "article)._"]
    lines += [*table, "", "## Personnalités citées", "",
              *_people_lines(arts, tax.partners[pid]), "", *meetings]
    if feed:
        lines += [f"Suivre ce partenaire : [flux Atom]({feed}).", ""]
    # The full list follows, newest first: the latest ten again only where it is long (its
    # first ten lines would repeat them word for word, right below, on a phone a screen down).
    if len(arts) > LATEST_REPEATED_FROM:
        lines += ["## Derniers articles", "", *(item(a, "../") for a in arts[:LATEST]), ""]
    return lines


def _unattributed(did: str, arts: list[Article]) -> list[str]:
    """Why the partners' rows add up to fewer articles than the page counts: "4 articles"
    over rows of 1, 1 and 1, and China's 2010 article on the page but not in its table nor in
    the matrix (sixteenth audit). Said only when it happens."""
    n = sum(1 for art in arts if not art.partners_in(did))
    if not n:
        return []
    why = "(l'ASEAN seule, ou « l'ASEAN et ses partenaires » en général)"
    if n == len(arts):
        head = "Cet article ne rattache" if n == 1 else f"Aucun de ces {n} articles ne rattache"
        return [f"{head} ce domaine à aucun partenaire en particulier {why}.", ""]
    one = n == 1
    return [f"{n} des {len(arts)} articles ne {'rattache' if one else 'rattachent'} ce domaine à aucun partenaire "
            f"en particulier {why} : {'il compte' if one else 'ils comptent'} dans la liste des articles, "
            "pas dans ce tableau.", ""]


def domain_profile(did: str, arts: list[Article], tax: Taxonomy, partners: Counter[str],
                   years: dict[str, str] | None = None) -> list[str]:
    """Partners and trend by year of one domain (pages in domaines/). `partners`: how many
    articles report on the domain with each (Groups.partners_with); `years`: partner -> the
    years they report on it together (cell_years)."""
    if not arts:
        return []
    label = tax.domains[did].fr
    ranked = tax.most_common("partners", partners)
    rows = [(f"[{tax.partners[p].fr}](../matrice/{p}/{did}.md)", n) for p, n in ranked]
    spans = None if years is None else [years.get(p, "—") for p, _ in ranked]
    return ["## Partenaires", "", *bar_table(rows, ("Partenaire", "Articles"), spans), "", *_unattributed(did, arts),
            "## Évolution", "", *_chart(arts, f"{label} : articles par année", f"d-{did}"),
            "## Tous les articles", ""]


def md_page(title: str, lines: list[str], *, wide: bool = False, feed: str | None = None,
            aliases: tuple[str, ...] = (), description: str = "", terms: str = "") -> str:
    """A page of ours: front matter with its title, then `lines`. Titles are our own labels,
    never seed text. `wide`: Material's side columns hidden (the matrix's 14 columns had
    720 of 1,280 px). `feed`: the path of the Atom feed the page offers, from the site's
    root, for the `<link rel="alternate">` that lets feed readers find it (overrides/main.html).
    `aliases`: other names the search finds the page by, as its title ("UE", "EU").
    `description`: what else the search finds it by, and shows under its title (our words).
    `terms`: what else the search finds it by, not shown (render/terms.py)."""
    hide = "hide:\n  - navigation\n  - toc\n" if wide else ""
    offer = f"feed: {feed}\n" if feed else ""
    # JSON strings are YAML scalars; these are the taxonomy's names, not seed text.
    names = f"aliases: [{', '.join(map(json.dumps, aliases))}]\n" if aliases else ""
    # Material prints the description in an attribute, unescaped.
    said = description_line(description)
    return page_text(f"title: \"{title}\"\n" + hide + offer + names + said + terms_line(terms), lines)


def matrix_pages(g: Groups, tax: Taxonomy, item: ItemFn, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    table = g.cells
    partners = [(p.id, p) for p in tax.partners_in_order()]
    domains = [(d.id, d) for d in tax.domains_in_order()]
    lines = ["# Matrice partenaires × domaines", "",
             "Nombre d'articles consacrés à chaque partenaire, par domaine de coopération (un "
             "article qui traite de plusieurs domaines compte dans chacun ; le compte rendu d'une "
             "réunion avec plusieurs partenaires compte, pour chacun, les domaines abordés avec lui "
             "ou par tous ensemble (« Les partenaires ont réaffirmé… »), et ce qui est dit de "
             "« l'ASEAN et ses partenaires » en général ne compte pour aucun). "
             "Chaque nombre mène à la liste des articles correspondants ; « · » : aucun article.", "",
             "| Partenaire | " + " | ".join(f"[{d.fr}](domaines/{did}.md)" for did, d in domains) + " |",
             "|---|" + ":---:|" * len(domains)]
    pages = {}
    for pid, partner in partners:
        row = []
        for did, domain in domains:
            arts = table.get((pid, did), [])
            row.append(f"[{len(arts)}](matrice/{pid}/{did}.md){{title=\"{partner.fr} × {domain.fr}\"}}"
                       if arts else "·")
            if arts and not reuse.skip(f"matrice/{pid}/{did}.md", arts):
                pages[f"matrice/{pid}/{did}.md"] = md_page(f"{partner.fr} × {domain.fr}", [
                    f"# {partner.fr} × {domain.fr}", "",
                    f"{len(arts)} article{'s' if len(arts) > 1 else ''} consacré{'s' if len(arts) > 1 else ''} "
                    f"{partner.to_prefix}[{partner.fr}](../../partenaires/{pid}.md) dans le domaine "
                    # Quoted: "dans le domaine Coopération maritime" read as a misprint (audit).
                    f"« [{domain.fr}](../../domaines/{did}.md) ». [Retour à la matrice](../../matrice.md)", "",
                    *by_year(item, arts, "../../", "##")])
        lines.append(f"| [{partner.fr}](partenaires/{pid}.md) | " + " | ".join(row) + " |")
    pages["matrice.md"] = md_page("Matrice partenaires × domaines", lines, wide=True)
    return pages
