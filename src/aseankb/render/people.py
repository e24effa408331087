"""People pages: one page per named official (`personnes/<slug>.md`) and an index.

Names are seed text: they reach pages only through `esc_inline`. Spellings that give
the same slug ("Nguyen Phu Trong", "Nguyễn Phú Trọng") are one person; the page shows
the spelling used by most articles (ties: alphabetical), so the choice is stable. The index
files each person by family name (surnames.py); their page keeps the name as written.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from slugify import slugify

from ..config import Taxonomy
from ..model import Article
from .contents import with_contents
from .escape import description_line, esc_inline
from .lists import ItemFn, by_year
from .reuse import NO_REUSE, Reuse
from .surnames import index_letter, index_name
from .typo import page_text

SLUG_MAX = 60
DESCRIBED_SHOWN = 5  # phrases on a person's page: the latest
@lru_cache(maxsize=65536)  # each name is slugged for its page, its articles and partner profiles
def person_slug(name: str) -> str:
    slug = slugify(name, max_length=SLUG_MAX) or "p-" + hashlib.sha256(name.encode()).hexdigest()[:8]
    return "personne-index" if slug == "index" else slug  # personnes/index.md is the list of people


@dataclass
class Person:
    slug: str
    spellings: Counter = field(default_factory=Counter)
    articles: list[Article] = field(default_factory=list)

    @property
    def name(self) -> str:
        return min(self.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def people_index(articles: list[Article]) -> dict[str, Person]:
    """Slug -> person, from articles sorted newest first (their lists keep that order)."""
    people: dict[str, Person] = {}
    for art in articles:
        seen: set[str] = set()
        for name in art.people:
            slug = person_slug(name)
            person = people.setdefault(slug, Person(slug))
            person.spellings[name] += 1
            if slug not in seen:
                seen.add(slug)
                person.articles.append(art)
    return dict(sorted(people.items()))


# Said once with a list where a role is quoted: the quotes meant nothing to a reader who had
# not opened a person's page ("Rôle selon les articles"; session 23's note).
QUOTED_ROLE_NOTE = ("Une fonction entre guillemets est celle que l'article donne : nos données des "
                    "fonctions officielles ne disent pas laquelle la personne occupait à sa date.")


def latest_role(person: Person) -> str:
    """The office the newest article naming the person gives them (data/officials.yaml), else
    its phrase, quoted; "" if none: for the index, where a name alone said too little."""
    for art in person.articles:  # newest first
        for name in person.spellings:
            if name in art.people_roles:
                return esc_inline(art.people_roles[name])
    for art in person.articles:
        for name in person.spellings:
            if name in art.people_described:
                return f"« {esc_inline(art.people_described[name])} »"
    return ""


def person_page(person: Person, tax: Taxonomy, item: ItemFn) -> str:
    name = esc_inline(person.name)
    # The partners it is named with (extract/attribution.py), not every partner of its articles.
    partners = Counter(p for a in person.articles for p in a.partners
                       if any(person_slug(n) == person.slug for n in a.people_of(p)))
    others = sorted(s for s in person.spellings if s != person.name)
    lines = [f"# {name}", "", f"Personnalité citée dans {len(person.articles)} article"
             f"{'s' if len(person.articles) > 1 else ''}."]
    if others:
        lines += ["", "Autres graphies : " + ", ".join(esc_inline(s) for s in others) + "."]
    roles = _roles(person)
    if roles:
        lines += ["", f"**{'Fonctions' if len(roles) > 1 else 'Fonction'}** (d'après la date des articles) : "
                  + " ; ".join(f"{esc_inline(role)} ({span})" for role, span in roles) + "."]
    # The articles' own words, quoted: not an office our data vouches for.
    described = _described(person)
    phrases = [(f"« {esc_inline(phrase)} »", f" ({span})" if span else "") for phrase, span in described]
    if phrases:
        label = "Rôles" if len(phrases) > 1 else "Rôle"
        lines += ["", f"**{label} selon les articles** : " + " ; ".join(q + s for q, s in phrases) + "."]
    if partners:
        lines += ["", "Partenaires des articles : " + ", ".join(
            f"[{tax.partners[p].fr}](../partenaires/{p}.md) ({n})"
            for p, n in tax.most_common("partners", partners)) + "."]
    lines += ["", "## Articles", "", *by_year(item, person.articles, "../")]
    # What the search finds the page by besides the name (search_pages: a hub page is indexed
    # by its title and description): "president russe" finds Vladimir Poutine.
    said = [f"« {phrase} »" + (f" ({span})" if span else "") for phrase, span in described]
    return _page(person.name, lines, " ; ".join([f"{role} ({span})" for role, span in roles] + said))


def _roles(person: Person) -> list[tuple[str, str]]:
    """The offices the person held in the articles naming them (data/officials.yaml, at each
    article's date), the latest first, each with its years: ("ministre des Affaires étrangères
    du Japon", "2015–2017"). Our own labels, escaped all the same where shown."""
    years: dict[str, set[int]] = defaultdict(set)
    for art in person.articles:
        for name, role in art.people_roles.items():
            if person_slug(name) == person.slug and art.date.year:
                years[role].add(art.date.year)
    ordered = sorted(years.items(), key=lambda kv: (-max(kv[1]), kv[0]))
    return [(role, _span(ys)) for role, ys in ordered]


def _described(person: Person) -> list[tuple[str, str]]:
    """How the articles that give the person no dated office introduce them (extract/people.
    described): each phrase once (case aside) with its years, the latest first. Seed text."""
    years: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, str] = {}
    for art in person.articles:
        for name, phrase in art.people_described.items():
            if person_slug(name) == person.slug:
                shown.setdefault(phrase.casefold(), phrase)
                years[phrase.casefold()].update([art.date.year] if art.date.year else [])
    ordered = sorted(shown, key=lambda k: (-max(years[k], default=0), k))[:DESCRIBED_SHOWN]
    return [(shown[k], _span(years[k]) if years[k] else "") for k in ordered]


def _span(years: set[int]) -> str:
    return f"{min(years)}{'–' + str(max(years)) if max(years) > min(years) else ''}"


def _page(title: str, lines: list[str], description: str = "") -> str:
    # Seed text (names, roles): MkDocs prints the front matter's title, and Material the
    # description in an attribute, unescaped.
    safe = json.dumps(html.escape(title, quote=False), ensure_ascii=False)
    said = description_line(description)
    return page_text(f"title: {safe}\n{said}", lines)


def people_pages(articles: list[Article], tax: Taxonomy, item: ItemFn, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    people = people_index(articles)
    pages = {f"personnes/{p.slug}.md": person_page(p, tax, item) for p in people.values()
             if not reuse.skip(f"personnes/{p.slug}.md", p.articles)}
    pages["personnes/index.md"] = _index_page(people)
    return pages


def _index_page(people: dict[str, Person]) -> str:
    """The list of people, filed by family name as a French index is ("Poutine, Vladimir";
    surnames.index_name): a reader looks a person up by it."""
    entries = sorted((*index_name(p.name), p.slug, p) for p in people.values())
    by_letter: dict[str, list[tuple[str, Person]]] = defaultdict(list)
    for key, shown, _slug, person in entries:
        by_letter[index_letter(key)].append((shown, person))
    roles = {slug: latest_role(p) for slug, p in people.items()}
    lines = ["# Personnalités", "", f"{len(people)} personnalités citées dans les articles, classées par nom "
             "de famille, avec le nombre d'articles qui les nomment et leur fonction selon le plus récent.", ""]
    if any(role.startswith("«") for role in roles.values()):
        lines += [QUOTED_ROLE_NOTE, ""]
    if not people:
        lines.append("_Aucune personnalité citée._")
    for letter in sorted(by_letter):
        lines += [f"## {letter}", ""]
        for shown, p in by_letter[letter]:
            role = roles[p.slug]
            lines.append(f"- [{esc_inline(shown)}]({p.slug}.md){', ' + role if role else ''} ({len(p.articles)})")
        lines.append("")
    return page_text('title: "Personnalités"\n', with_contents(lines))
