"""What the search finds a hub page by besides its title: its front matter's `search_terms`.

A partner, domain, year or meeting page was indexed by its title and description only (its
lists of article titles would answer every query and grow with the corpus), so "sommet asean
japon 2023" did not find the partner page Japon, which lists the ASEAN-Japan summits and
says that the partnership became comprehensive in 2023. Its terms are what the page says in
our own words: its headings, the names of the partners, fields and meetings it links to, and
sentences and years the caller gives (its relations with ASEAN, the years of its articles),
never an article's title or a person's name (seed text). At most TERMS_CHARS characters: a
few hundred words whatever the corpus, so that the index does not grow with it.
`overrides/main.html` shows them to the search (hidden), and `search_pages` indexes them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

from .charts import NO_YEAR

TERMS_CHARS = 2000
SEPARATOR = " · "
# A section heading of ours, without its attribute list ("## 58e réunion (2025) { #amm-58 }").
# Not the year headings of long lists ("### 2025 — 292 articles", lists.by_year): a page's
# years are in its terms already (years_label).
HEADING_RE = re.compile(r"^## (.+?)(?: \{[^}]*\})?$")
# The text of a link to a hub page: the taxonomy's and the meetings data's names, not an
# article's title (articles/) or a person's name (personnes/).
HUB_LINK_RE = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?:\.\./)*"
                         r"(?:partenaires|domaines|matrice|reunions|annees)/[^)\s]*\)")
# What render/escape.esc_inline escapes with a backslash (the rest are entities).
BACKSLASH_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def search_terms(lines: Iterable[str], first: Iterable[str] = ()) -> str:
    """The terms of a page made of `lines` (our Markdown), after `first` (plain text, kept
    first when the page says more than TERMS_CHARS), each once, joined by SEPARATOR."""
    labels = list(first)
    for line in lines:
        m = HEADING_RE.match(line)
        if m:
            labels.append(_plain(m.group(1)))
        if "](" in line:
            labels += map(_plain, HUB_LINK_RE.findall(line))
    out: list[str] = []
    size = 0
    for label in dict.fromkeys(" ".join(label.split()) for label in labels):
        if not label:
            continue
        size += len(label) + len(SEPARATOR)
        if size > TERMS_CHARS + len(SEPARATOR):
            break
        out.append(label)
    return SEPARATOR.join(out)


def _plain(text: str) -> str:
    return html.unescape(BACKSLASH_RE.sub(r"\1", text))


def terms_line(terms: str) -> str:
    """The front matter line (YAML: a JSON string); "" without terms. Not escaped for HTML:
    no theme prints it; overrides/main.html escapes it."""
    return f"search_terms: {json.dumps(terms, ensure_ascii=False)}\n" if terms else ""


def years_label(years: Iterable[int | None]) -> str:
    """The years of a page's articles, newest first ("sommet asean japon 2023" names one);
    "" without a dated one."""
    dated = sorted(set(years) - NO_YEAR, reverse=True)
    return "Années des articles : " + ", ".join(map(str, dated)) if dated else ""
