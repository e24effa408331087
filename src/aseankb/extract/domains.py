"""The `domains` field: the fields of cooperation whose keywords the text holds.

The keywords are data (data/domains.yaml, patterns per domain); the code only finds them,
and says where (attribution.py pairs each domain with the partners it is reported with).
A domain's weak keywords (a sea's name, a forum's) give it only when the text holds at
least WEAK_MIN of them: named once, in passing, they are no report of cooperation in it.
"""

from __future__ import annotations

import re

from ..config import Domain, Taxonomy
from ..literals import literal_prefixes, literal_search, matches_at
from ..text import blanked, by_pattern, fold
from .needles import Needles

WORD_START = r"(?<!\w)"
WEAK_MIN = 2  # weak keywords (matches) that give a domain without a strong one


@by_pattern
def _after_non_word(pattern: re.Pattern) -> re.Pattern | None:
    r"""`(?<!\w)X` as `\WX`: a leading assertion makes the regex engine try every position,
    a leading character class lets it skip to the candidates (~25 % faster on the domains)."""
    if isinstance(pattern.pattern, str) and pattern.pattern.startswith(WORD_START):
        return re.compile(r"\W" + pattern.pattern[len(WORD_START):], pattern.flags)
    return None


def _found(pattern: re.Pattern, text: str, places: dict[str, list[int]] | None = None) -> bool:
    """Whether `pattern` matches somewhere in `text`: tried where its literal prefixes occur
    (`places`, from `_keyword_needles`, else a `str.find` each: most keywords of a domain occur
    nowhere), else at the text's start or after a non-word character."""
    starts = literal_prefixes(pattern) if places is not None else None
    if starts is not None:
        return any(pattern.match(text, i) for start in starts for i in places.get(start, ()))
    found = literal_search(pattern, text)
    if found is not None:
        return found
    behind = _after_non_word(pattern)
    if behind is None:
        return pattern.search(text) is not None
    return pattern.match(text) is not None or behind.search(text) is not None


_KEYWORDS: dict[int, tuple[dict[str, Domain], tuple[Needles, Needles]]] = {}


def _keyword_needles(domains: dict[str, Domain]) -> tuple[Needles, Needles]:
    """The literal prefixes of the domains' folded patterns and of their exact ones, each
    set sought in one pass (kept by identity of the loaded domains)."""
    kept = _KEYWORDS.get(id(domains))
    if kept is None or kept[0] is not domains:
        folded = (s for d in domains.values() for p in (d.patterns, d.weak) if p for s in literal_prefixes(p) or ())
        exact = (s for d in domains.values() for p in (d.exact, d.weak_exact) if p for s in literal_prefixes(p) or ())
        kept = _KEYWORDS[id(domains)] = (domains, (Needles(folded), Needles(exact)))
    return kept[1]


def domain_needles(domains: dict[str, Domain]) -> Needles:
    """The literal prefixes of the domains' (folded) patterns."""
    return _keyword_needles(domains)[0]


def domain_exact_needles(domains: dict[str, Domain]) -> Needles:
    """The literal prefixes of the domains' exact patterns (matched as written)."""
    return _keyword_needles(domains)[1]


def extract_domains(tax: Taxonomy, text: str) -> list[str]:
    folded = fold(text)
    keywords, exact_keywords = _keyword_needles(tax.domains)
    places, exact_places = keywords.places(folded), exact_keywords.places(text)
    found = []
    for did, domain in tax.domains.items():
        weak, exact_weak = _matches(domain.weak, folded, places), _matches(domain.weak_exact, text, exact_places)
        if len(weak) + len(exact_weak) >= WEAK_MIN:
            found.append(did)
            continue
        strong_folded, strong_text = blanked(folded, weak), blanked(text, exact_weak)
        if (domain.patterns and _found(domain.patterns, strong_folded, places)) or (
                domain.exact and _found(domain.exact, strong_text, exact_places)):
            found.append(did)
    return found


def domain_places(tax: Taxonomy, text: str, found: list[str]) -> dict[str, list[int]]:
    """Where `text` holds the keywords of each of these domains (the start of each match):
    its strong keywords outside its weak ones, and its weak ones."""
    folded = fold(text)
    keywords, exact_keywords = _keyword_needles(tax.domains)
    places, exact_places = keywords.places(folded), exact_keywords.places(text)
    out = {}
    for did in found:
        domain = tax.domains[did]
        weak, exact_weak = _matches(domain.weak, folded, places), _matches(domain.weak_exact, text, exact_places)
        at = {m.start() for m in (*weak, *exact_weak)}
        at.update(m.start() for m in _matches(domain.patterns, blanked(folded, weak), places))
        at.update(m.start() for m in _matches(domain.exact, blanked(text, exact_weak), exact_places))
        out[did] = sorted(at)
    return out


def _matches(pattern: re.Pattern | None, text: str, places: dict[str, list[int]]) -> list[re.Match]:
    """`pattern`'s matches in `text`, tried where its literal prefixes occur (`places`)."""
    if pattern is None:
        return []
    prefixes = literal_prefixes(pattern)
    if prefixes is None:
        return list(pattern.finditer(text))
    return list(matches_at(pattern, text, sorted({i for p in prefixes for i in places.get(p, ())})))
