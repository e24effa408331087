"""Stage 4, group: articles by partner, domain and year, newest first."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Article


@dataclass
class Groups:
    articles: list[Article]                       # all, newest first
    partners: dict[str, list[Article]] = field(default_factory=dict)
    mentioned: dict[str, list[Article]] = field(default_factory=dict)
    domains: dict[str, list[Article]] = field(default_factory=dict)
    years: dict[str, list[Article]] = field(default_factory=dict)
    # (partner, domain) -> the articles that report on them together (extract/attribution.py),
    # newest first: the matrix's cells, and the counts of the partner and domain pages.
    cells: dict[tuple[str, str], list[Article]] = field(default_factory=dict)
    events: dict[str, list[Article]] = field(default_factory=dict)  # meeting id -> its reports

    def domains_with(self, pid: str) -> Counter[str]:
        """Domain -> how many articles report on it with partner `pid` (its matrix row)."""
        return Counter({did: len(arts) for (p, did), arts in self.cells.items() if p == pid})

    def partners_with(self, did: str) -> Counter[str]:
        """Partner -> how many articles report on domain `did` with it (its matrix column)."""
        return Counter({pid: len(arts) for (pid, d), arts in self.cells.items() if d == did})


def _sorted(table: dict[str, list[Article]], rank: dict[int, int]) -> dict[str, list[Article]]:
    # By each article's place in the sorted list: its sort_key is computed once, not once
    # per group it belongs to.
    return {key: sorted(items, key=lambda a: rank[id(a)]) for key, items in sorted(table.items())}


def group(articles: list[Article]) -> Groups:
    partners: dict[str, list[Article]] = defaultdict(list)
    mentioned: dict[str, list[Article]] = defaultdict(list)
    domains: dict[str, list[Article]] = defaultdict(list)
    years: dict[str, list[Article]] = defaultdict(list)
    events: dict[str, list[Article]] = defaultdict(list)
    for art in articles:
        for pid in art.partners:
            partners[pid].append(art)
        for pid in art.partners_mentioned:
            mentioned[pid].append(art)
        for did in art.domains:
            domains[did].append(art)
        years[art.year_key].append(art)
        for eid in art.events:
            events[eid].append(art)
    ordered = sorted(articles, key=lambda a: a.sort_key)
    rank = {id(a): i for i, a in enumerate(ordered)}
    by_partner = _sorted(partners, rank)
    return Groups(ordered, by_partner, _sorted(mentioned, rank), _sorted(domains, rank), _sorted(years, rank),
                  _cells(by_partner), _sorted(events, rank))


def _cells(partners: dict[str, list[Article]]) -> dict[tuple[str, str], list[Article]]:
    table: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for pid, arts in partners.items():  # each list newest first: so is each cell
        for art in arts:
            for did in art.domains_of(pid):
                table[(pid, did)].append(art)
    return dict(table)
