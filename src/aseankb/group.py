"""Stage 4, group: articles by partner, domain and year, newest first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Article


@dataclass
class Groups:
    articles: list[Article]                       # all, newest first
    partners: dict[str, list[Article]] = field(default_factory=dict)
    mentioned: dict[str, list[Article]] = field(default_factory=dict)
    domains: dict[str, list[Article]] = field(default_factory=dict)
    years: dict[str, list[Article]] = field(default_factory=dict)


def _sorted(table: dict[str, list[Article]]) -> dict[str, list[Article]]:
    return {key: sorted(items, key=lambda a: a.sort_key) for key, items in sorted(table.items())}


def group(articles: list[Article]) -> Groups:
    partners: dict[str, list[Article]] = defaultdict(list)
    mentioned: dict[str, list[Article]] = defaultdict(list)
    domains: dict[str, list[Article]] = defaultdict(list)
    years: dict[str, list[Article]] = defaultdict(list)
    for art in articles:
        for pid in art.partners:
            partners[pid].append(art)
        for pid in art.partners_mentioned:
            mentioned[pid].append(art)
        for did in art.domains:
            domains[did].append(art)
        years[art.year_key].append(art)
    return Groups(sorted(articles, key=lambda a: a.sort_key), _sorted(partners),
                  _sorted(mentioned), _sorted(domains), _sorted(years))
