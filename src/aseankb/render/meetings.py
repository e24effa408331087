"""Meeting pages: one page per series of ASEAN meetings the articles report
(`reunions/<series>.md`, e.g. the foreign ministers' meetings), each meeting a section
with the articles that report it, newest first; and an index of the series.

Which meetings an article reports is the extract stage's `events` (data/meetings.yaml):
a meeting it only recalls or announces is not one of them. So articles about the same
meeting, in French, English or Vietnamese, are found together here.
"""

from __future__ import annotations

from collections import Counter

from ..config import Taxonomy
from ..group import Groups
from ..meeting_series import Series, edition_heading, load_meetings, meeting_number, series_id
from ..model import Article
from ..text import fold
from .dates import plural
from .lists import ItemFn, list_lines
from .profiles import md_page
from .reuse import NO_REUSE, Reuse
from .terms import search_terms

INTRO = ("Les réunions régulières de l'ASEAN et de ses partenaires dont les articles rendent "
         "compte : une page par série, et pour chaque réunion les articles qui en parlent. Une "
         "réunion est reconnue à son numéro (« 58e réunion des ministres des Affaires étrangères "
         "de l'ASEAN ») ou, pour un sommet sans numéro (spécial, commémoratif) ou un sommet annuel "
         "nommé sans son numéro (« le sommet ASEAN-Japon »), à l'année de l'article ; "
         "celles que les articles ne font que rappeler (« depuis la 54e réunion ») ou annoncent "
         "comme à venir (« se tiendra ») n'y figurent pas.")

Editions = dict[str, list[Article]]  # meeting id -> its articles, newest meeting first


def meeting_link(event_id: str, prefix: str) -> str:
    """The address of a meeting's section on its series' page, from a page `prefix` deep."""
    return f"{prefix}reunions/{series_id(event_id)}.md#{event_id}"


def _by_series(g: Groups, series: dict[str, Series]) -> dict[str, Editions]:
    found: dict[str, Editions] = {}
    for eid, arts in g.events.items():
        sid = series_id(eid)
        if sid in series:  # always, but for an article the meetings data no longer knows
            found.setdefault(sid, {})[eid] = arts
    # The newest meeting first: the id ends with the meeting's number or, unnumbered, its year.
    return {sid: dict(sorted(eds.items(), key=lambda kv: -meeting_number(kv[0])))
            for sid, eds in sorted(found.items(), key=lambda kv: fold(series[kv[0]].label))}


def series_page(s: Series, editions: Editions, tax: Taxonomy, item: ItemFn) -> str:
    arts = {id(a): a for eds in editions.values() for a in eds}
    partners = Counter(p for a in arts.values() for p in a.partners)
    lines = [f"# {s.label}", "",
             f"Première réunion de la série : {s.first_year or 'non connue'}. "
             "Réunions dont les articles rendent compte : "
             f"{len(editions)} ({plural(len(arts), 'article')})"
             f"{', de la plus récente à la plus ancienne' if len(editions) > 1 else ''}.", ""]
    if s.partner:
        lines += [f"Partenaire de la série : [{tax.partners[s.partner].fr}](../partenaires/{s.partner}.md).", ""]
    if partners:
        lines += ["Partenaires des articles : " + ", ".join(
            f"[{tax.partners[p].fr}](../partenaires/{p}.md) ({n})"
            for p, n in tax.most_common("partners", partners)) + ".", ""]
    for eid, eds in editions.items():
        lines += [f"## {edition_heading(s, eid, _year(eds))} {{ #{eid} }}", "", *list_lines(item, eds, "../"), ""]
    # The meetings by name for the search, which indexes a hub page by its title and
    # description: "58e amm" finds this page's 58th meeting.
    return md_page(s.label, lines, description="Réunions rapportées : " + ", ".join(
        edition_heading(s, eid, _year(eds)) for eid, eds in editions.items()) + ".", terms=search_terms(lines))


def _index(by_series: dict[str, Editions], series: dict[str, Series]) -> str:
    lines = ["# Réunions", "", INTRO, ""]
    if not by_series:
        return md_page("Réunions", [*lines, "_Aucune réunion reconnue dans les articles._"])
    lines += ["| Série | Première réunion | Réunions | Articles | La plus récente |", "|---|---:|---:|---:|---|"]
    for sid, editions in by_series.items():
        s, latest = series[sid], next(iter(editions))
        n = len({id(a) for eds in editions.values() for a in eds})
        lines.append(f"| [{s.label}]({sid}.md) | {s.first_year or '—'} | {len(editions)} | {n} "
                     f"| [{edition_heading(s, latest, _year(editions[latest]))}]({sid}.md#{latest}) |")
    return md_page("Réunions", lines)


def partner_meetings(pid: str, arts: list[Article]) -> list[str]:
    """The section of partner `pid`'s page on its meetings with ASEAN: each series, since
    when it meets, and the meetings its articles (`arts`, newest first) report, newest
    first. The series it holds with ASEAN, and those of no partner (the AMM, whose
    conferences with each partner its reports cover), not another partner's summits."""
    return meetings_section(arts, {s.id: s for s in load_meetings() if s.partner in (pid, None)})


def year_meetings(arts: list[Article]) -> list[str]:
    """The section of a year's page on the meetings its articles report: "which partners
    held a summit with ASEAN in 2024" (tenth audit)."""
    return meetings_section(arts, {s.id: s for s in load_meetings()})


def meetings_section(arts: list[Article], series: dict[str, Series]) -> list[str]:
    """"## Réunions": each of `series` that `arts` report meetings of, and those meetings."""
    reported: dict[str, dict[str, list[Article]]] = {}
    for art in arts:
        for eid in art.events:
            if series_id(eid) in series:
                reported.setdefault(series_id(eid), {}).setdefault(eid, []).append(art)
    if not reported:
        return []
    lines = ["## Réunions", ""]
    for sid in sorted(reported, key=lambda k: fold(series[k].label)):
        s, eids = series[sid], sorted(reported[sid], key=lambda e: -meeting_number(e))
        since = f", depuis {s.first_year}" if s.first_year else ""
        lines.append(f"- [{s.label}](../reunions/{sid}.md){since} : " + ", ".join(
            f"[{edition_heading(s, eid, _year(reported[sid][eid]))}]({meeting_link(eid, '../')})" for eid in eids))
    return [*lines, ""]


def _year(arts: list[Article]) -> int | None:
    """The year of a meeting's reports (the earliest dated), for a series the data does not date."""
    return min((a.date.year for a in arts if a.date.year), default=None)


def meeting_pages(g: Groups, tax: Taxonomy, item: ItemFn, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    series = {s.id: s for s in load_meetings()}
    by_series = _by_series(g, series)
    pages = {f"reunions/{sid}.md": series_page(series[sid], editions, tax, item)
             for sid, editions in by_series.items()
             if not reuse.skip(f"reunions/{sid}.md", list(editions), *editions.values())}
    pages["reunions/index.md"] = _index(by_series, series)
    return pages
