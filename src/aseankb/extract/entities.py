"""The `partners` and `partners_mentioned` fields (the domains are domains.py's).

Partners come from the taxonomy data; the code only counts matches.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..config import Partner, Taxonomy
from ..literals import literal_finditer, literal_search, matches_at, occurrences
from ..text import blanked, fold, stops_before_space
from .needles import Needles
from .people import UPPER

MIN_REPEATS = 2  # named this often, a partner is what the article is about


def _blank(text: str, pattern: re.Pattern | None) -> str:
    """`pattern`'s matches replaced by as many spaces. The `not` phrases are plain texts:
    their matches are sought where they occur, not by a scan of every position."""
    if pattern is None:
        return text
    found = literal_finditer(pattern, text)
    return blanked(text, pattern.finditer(text) if found is None else found)


# `[.!?](?=\s|$)|\n`, written to start with a character class: the regex engine skips to
# the candidates at C speed instead of trying every position.
SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s|$))")


# Vietnamese country names of one syllable are also given names ("Nga", "Anh", "Mỹ"):
# after another capitalised syllable ("Nguyễn Thị Nga", "Tuấn Anh") or an honorific
# ("bà Nga", "ông Anh") they name a person, not a country.
PERSON_BEFORE_RE = re.compile(
    rf"(?:(?<![\w-])[{UPPER}][a-zà-ỹđ]+|(?<!\w)(?:ông|bà|anh|chị|em|cô|chú|bác|cụ|Ông|Bà|Chị|Cô)) $")


# ...and before another name syllable or a pronoun particle ("Anh Tuấn", "Anh ấy").
PERSON_AFTER_RE = re.compile(rf" (?:[{UPPER}][a-zà-ỹđ]+(?![\w-])|ấy|chị|em|ta)(?!\w)")


def _given_name(text: str, start: int, end: int) -> bool:
    word = text[start:end]
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    if PERSON_BEFORE_RE.search(text, max(0, start - 20), start):
        return True
    # "Tổng thống Nga Vladimir Putin": after a title the name is the country's, whatever follows.
    after_word = bool(re.search(r"[a-zà-ỹđ] $", text[max(0, start - 2):start]))
    return not after_word and bool(PERSON_AFTER_RE.match(text, end))


def _literal_matches(pattern: re.Pattern, forms: tuple[str, ...], text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern that alternates the literal `forms` (between
    assertions): every match starts where a form occurs, so the pattern is tried there only
    (a scan of the whole text tries every position: ~40 ns a character)."""
    if not all(forms):
        yield from pattern.finditer(text)
        return
    yield from matches_at(pattern, text, occurrences(text, forms))


def _fewest(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The forms that contain no other: a text holds one of `forms` only if it holds one of these."""
    kept = sorted(set(forms), key=lambda f: (len(f), f))
    return tuple(f for i, f in enumerate(kept) if not any(k in f for k in kept[:i]))


_GATES: dict[int, tuple[Partner, tuple[str, ...], tuple[str, ...]]] = {}


def _gate(partner: Partner) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`_fewest` of the partner's forms, kept by identity (hashing a Partner hashes its
    patterns: dearer than the lookup it would serve)."""
    kept = _GATES.get(id(partner))
    if kept is None or kept[0] is not partner:
        kept = _GATES[id(partner)] = (partner, _fewest(partner.name_forms), _fewest(partner.exact_forms))
    return kept[1], kept[2]


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> list[int]:
    """Where the sentences of `text` end; kept for the last few texts (every partner named
    in the body counts its sentences). Callers must not edit it."""
    return stops_before_space(text, ".!?")  # SENTENCE_END_RE's matches


Places = tuple[dict[str, list[int]], dict[str, list[int]]]
PartnerForms = tuple[Needles, Needles, dict[str, list[str]], dict[str, list[str]]]
_NEEDLES: dict[int, tuple[dict[str, Partner], PartnerForms]] = {}


def _forms(partners: dict[str, Partner]) -> PartnerForms:
    """The forms of the partners' names, folded and as written, and the partners each form
    names (kept by identity)."""
    kept = _NEEDLES.get(id(partners))
    if kept is None or kept[0] is not partners:
        by_name: dict[str, list[str]] = {}
        by_exact: dict[str, list[str]] = {}
        for pid, p in partners.items():
            for form in p.name_forms:
                by_name.setdefault(form, []).append(pid)
            for form in p.exact_forms:
                by_exact.setdefault(form, []).append(pid)
        kept = _NEEDLES[id(partners)] = (partners, (Needles(by_name), Needles(by_exact), by_name, by_exact))
    return kept[1]


def partner_needles(partners: dict[str, Partner]) -> tuple[Needles, Needles]:
    """The forms of the partners' names, folded and as written."""
    folded_forms, exact_forms, _, _ = _forms(partners)
    return folded_forms, exact_forms


def named(partners: dict[str, Partner], text: str, folded: str) -> Places:
    """Where the text holds each form of the partners' names (folded, and as written),
    found in one pass each for every partner at once: `count_partner` starts there."""
    folded_forms, exact_forms, _, _ = _forms(partners)
    return folded_forms.places(folded), exact_forms.places(text)


def named_partners(partners: dict[str, Partner], places: Places) -> set[str]:
    """The partners some form of whose name `places` (from `named`) holds: `count_partner`
    gives 0 for the others, which it need not be asked about."""
    _, _, by_name, by_exact = _forms(partners)
    return {pid for form in places[0] for pid in by_name.get(form, ())}.union(
        pid for form in places[1] for pid in by_exact.get(form, ()))


def _at(pattern: re.Pattern, forms: tuple[str, ...], text: str, places: dict[str, list[int]] | None):
    """`_literal_matches`, from the places `named` found when the caller has them."""
    if places is None or not all(forms):
        return _literal_matches(pattern, forms, text)
    return matches_at(pattern, text, sorted({i for f in forms for i in places.get(f, ())}))


def partner_starts(partner: Partner, text: str, folded: str, places: Places | None = None) -> set[int]:
    """Where the text names the partner (the start of each naming). "Sommet de l'Asie de
    l'Est (EAS)" is one naming, not two; phrases listed under `not` never count. `places`:
    what `named` says of the text, when the caller has it."""
    names, exact = _gate(partner)
    if places is None:
        present = any(f in folded for f in names) or any(f in text for f in exact)
    else:
        present = any(f in places[0] for f in names) or any(f in places[1] for f in exact)
    if not present:
        return set()  # named nowhere: no need to scan
    starts = set()
    # A `not` phrase that occurs nowhere blanks nothing: no need to copy the text.
    blanked = folded if partner.not_ is None or literal_search(partner.not_, folded) is False \
        else _blank(folded, partner.not_)
    if partner.names:
        # Blanking may change where forms occur: then they are sought again.
        found = places[0] if places is not None and blanked is folded else None
        starts.update(m.start() for m in _at(partner.names, partner.name_forms, blanked, found))
    if partner.exact:
        # `not` phrases are folded, and folding keeps offsets: blank them on the folded
        # text, then match the exact forms where the folded text was not blanked.
        starts.update(m.start() for m in _at(partner.exact, partner.exact_forms, text,
                                             places[1] if places is not None else None)
                      if blanked[m.start()] != " " and not _given_name(text, m.start(), m.end()))
    return starts


def count_partner(partner: Partner, text: str, folded: str, places: Places | None = None) -> int:
    """In how many sentences the partner is named (partner_starts)."""
    return _sentences(text, partner_starts(partner, text, folded, places))


@dataclass
class PartnerScan:
    """What extract_partners found, and where: `at` gives the places each partner is named
    in the title and body joined by a line break (`whole`, as `extract` joins them), for
    attribution.py; `head`, the partners the title or lead names."""

    about: list[str]
    mentioned: list[str]
    head: set[str] = field(default_factory=set)
    at: dict[str, list[int]] = field(default_factory=dict)


def extract_partners(tax: Taxonomy, title: str, lead: str, body: str) -> tuple[list[str], list[str]]:
    """(partners the article is about, partners only named in passing)."""
    scan = scan_partners(tax, title, lead, body)
    return scan.about, scan.mentioned


def scan_partners(tax: Taxonomy, title: str, lead: str, body: str) -> PartnerScan:
    """The partners the article is about (named in its title or lead, or in MIN_REPEATS
    sentences), those only named in passing, and where each is named. A framework's members
    that the title or lead lists with it ("Sommet ASEAN+3 avec la Chine, le Japon et la R. de
    Corée"), and a partner the lead names beside those of the title, are named in passing
    unless the body speaks of them (MIN_REPEATS sentences besides the lead)."""
    head = f"{title}\n{lead}"
    body_folded, head_folded = fold(body), fold(head)  # the body first: it is cut from the whole's fold
    in_head_text, in_body_text = named(tax.partners, head, head_folded), named(tax.partners, body, body_folded)
    in_head_ids, in_body_ids = named_partners(tax.partners, in_head_text), named_partners(tax.partners, in_body_text)
    found = {pid: (partner_starts(partner, head, head_folded, in_head_text) if pid in in_head_ids else set(),
                   partner_starts(partner, body, body_folded, in_body_text) if pid in in_body_ids else set())
             for pid, partner in tax.partners.items() if pid in in_head_ids or pid in in_body_ids}
    titled = {pid for pid, (heads, _) in found.items() if any(s < len(title) for s in heads)}
    listed = _listed(tax, {pid for pid, (heads, _) in found.items() if heads}, titled)
    title_apart, lead_at = title not in body, body.find(lead) if lead else -1
    scan = PartnerScan([], [])
    for pid, (heads, bodies) in found.items():
        in_head = _sentences(head, heads)
        total = _sentences(body, bodies) + (in_head if title_apart else 0)
        if pid in listed and _sentences(body, {s for s in bodies if not lead_at <= s < lead_at + len(lead)}) \
                < MIN_REPEATS:
            in_head, total = 0, min(total, 1)  # listed with its framework, and little more: in passing
        if in_head or total >= MIN_REPEATS:
            scan.about.append(pid)
        elif total:
            scan.mentioned.append(pid)
        if in_head:
            scan.head.add(pid)
        # In `whole`: the title's namings where they are, the body's after the title and its line break.
        scan.at[pid] = sorted({s for s in heads if s < len(title)} | {s + len(title) + 1 for s in bodies})
    return scan


def _listed(tax: Taxonomy, in_head: set[str], titled: set[str]) -> set[str]:
    """The partners of the title and lead that need the body to be what the article is
    about: those named among two or more members of a framework named too (partners.yaml,
    members), unless the title names them and not the framework; and, when the title names
    partners, those only the lead names besides ("... après le Brexit, retrait du Royaume-Uni
    de l'Union européenne")."""
    out = in_head - titled if titled else set()
    for pid in in_head:
        members = in_head.intersection(tax.partners[pid].members)
        if len(members) >= 2:
            out |= members if pid in titled else members - titled
    return out


def _sentences(text: str, starts: set[int]) -> int:
    """In how many sentences of `text` these namings are."""
    if not starts:
        return 0
    ends = _sentence_ends(text)
    return len({bisect_right(ends, s) for s in starts})
