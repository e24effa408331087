"""Which of an article's partners each of its domains and people goes with.

A report of a ministerial meeting is about several partners at once: tourism with Canada in
one paragraph, cybersecurity with the United States in another. Counted for every partner
the article is about, each domain and each official would pair with all of them, and the
matrix, the partner pages ("Domaines les plus traités", "Personnalités citées") and the
domain pages would show cooperation that the text never reports. So each mention of a
domain's keyword or of a person goes with the partners named in its sentence; in a sentence
that names none, with those named in its paragraph, or in the nearest paragraph before it
that names some ("Avec les États-Unis, ..." opens a section, whose next paragraphs say "les
deux parties"); before any, with the partners of the title and lead (the article's subject).
A mention beside partners only named in passing goes with none of the main ones. What is
said of them all (a headline that names none, a lead that lists every one) counts only for
a domain or person the text gives to none in particular: "…et la cybersécurité" in the
headline of a report that discusses it with Australia alone is Australia's. Past the lead,
a sentence that names no partner speaks of them all only when they are its subject ("Les
partenaires ont souligné…", "Les deux parties…"): "Le Vietnam a réaffirmé sa position sur la
mer Orientale", under a lead that lists five partners, is no maritime cooperation with any
of them (ninth and tenth audits).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from ..text import fold, stops_before_space
from .entities import PartnerScan

# A sentence whose subject is the partners together, in the folded text (after an opening
# adverb): "Les partenaires ont…", "Les deux parties…", "Ils…", "Both sides…". A bounded
# lead-in (\W{0,8}, not \W*): tried at each of 200,000 sentence starts of ". . . ", each
# scan ran to the end of the run, and one seed took minutes (eleventh audit).
COLLECTIVE_RE = re.compile(
    r"\W{0,8}(?:(?:en outre|par ailleurs|de plus|enfin|ensemble|moreover|also|together),? )?"
    r"(?:les (?:(?:deux|trois|quatre|cinq|six|\d+) )?(?:parties|partenaires|ministres|dirigeants|participants|"
    r"delegations|pays|cotes)|ils|elles|tous|"
    r"(?:both|all) (?:sides|parties|partners|ministers|leaders)|the (?:(?:two|three|four|five) )?(?:sides|parties|"
    r"partners|ministers|leaders|participants|countries)|they|hai ben|cac ben|cac nuoc|cac bo truong)(?!\w)")
# ASEAN's partners in general: "entre l'ASEAN et ses partenaires", "ses grands partenaires",
# "its dialogue partners". In an article about one partner, what a sentence that speaks so
# and names no partner lists is not that partner's: climate, epidemics and merchant
# shipping, discussed by "l'ASEAN et ses partenaires" at the 2010 ministers' meetings, made
# China's only matrix cells (twelfth audit). Not "partenaire de dialogue" alone: "en devenant
# l'un des partenaires de dialogue de l'ASEAN, nous pourrons..." is the United Kingdom speaking.
GENERIC_RE = re.compile(r"(?<!\w)(?:ses|leurs|its|their) (?:\w+ ){0,2}(?:partenaires|partners)(?!\w)")
GENERIC_REACH = 48  # characters before "partenaires" that GENERIC_RE may need ("leurs deux grands ")


def _by_span(at: dict[str, list[int]], ends: list[int]) -> dict[int, set[str]]:
    """Span number (sentence or paragraph) -> the partners named in it."""
    spans: dict[int, set[str]] = defaultdict(set)
    for pid, places in at.items():
        for place in places:
            spans[bisect_right(ends, place)].add(pid)
    return spans


def _carried(named: dict[int, set[str]], last: int) -> list[set[str]]:
    """Paragraph number -> the partners it names, else those of the nearest paragraph before
    it that names some: "Avec les États-Unis, ..." opens a section whose next paragraphs say
    "les deux parties". Empty before the first such paragraph."""
    out, current = [], set()
    for k in range(last + 1):
        current = named.get(k) or current
        out.append(current)
    return out


def attribute(about: list[str], head: set[str], at: dict[str, list[int]], items: dict[str, list[int]],
              sentence_ends: list[int], paragraph_ends: list[int],
              collective: frozenset[int] = frozenset()) -> dict[str, list[str]]:
    """Main partner -> the items (domains or people, with the places where the text names
    them) that go with it, in the items' order. Places are offsets in one text; `at` gives
    where it names each partner, main or in passing; the ends are sorted offsets;
    `collective`, the sentences (by number) whose subject is the partners together."""
    main = set(about)
    subject = (head & main) or main
    sentences, own = _by_span(at, sentence_ends), _by_span(at, paragraph_ends)
    paragraphs = _carried(own, len(paragraph_ends))
    owners: dict[str, set[str]] = {}
    for item, places in items.items():
        specific: set[str] = set()
        general = not places  # not found again: the subject's
        for place in places:
            sentence, paragraph = bisect_right(sentence_ends, place), bisect_right(paragraph_ends, place)
            near = sentences.get(sentence) or paragraphs[paragraph]
            mine = (near & main) if near else subject
            if near and not (len(subject) > 1 and subject <= mine):
                specific |= mine
            # Said of them all: the headline, a lead that lists them all, or a sentence after
            # it whose subject they are.
            elif not near or sentence in sentences or paragraph in own or sentence in collective:
                general = True
        owners[item] = specific or (subject if general else set())
    return {pid: [item for item in items if pid in owners[item]] for pid in about}


def collective_sentences(whole: str, sentence_ends: list[int]) -> frozenset[int]:
    """The sentences (by number, as `attribute` counts them) whose subject is the partners together."""
    folded = fold(whole)
    starts = [0, *(end + 1 for end in sentence_ends)]
    return frozenset(k for k, start in enumerate(starts) if COLLECTIVE_RE.match(folded, start))


def name_places(text: str, names: list[str]) -> dict[str, list[int]]:
    """Where `text` names each person (accents and case aside; folding keeps offsets)."""
    folded = fold(text)
    out = {}
    for name in names:
        needle, places, i = fold(name), [], -1
        while (i := folded.find(needle, i + 1)) >= 0:
            places.append(i)
        out[name] = places
    return out


def line_ends(text: str) -> list[int]:
    """Where each line (a paragraph, or the title) of `text` ends."""
    ends, i = [], -1
    while (i := text.find("\n", i + 1)) >= 0:
        ends.append(i)
    return ends


def in_general(whole: str) -> bool:
    """Whether the text speaks of ASEAN's partners in general (GENERIC_RE), so that an
    article about one partner that does not needs no domain places (0.2 ms an article).
    Tried only before each "partenaires"/"partners" (found at C speed): a scan of the whole
    text cost half of what it saved. GENERIC_RE's words have no accents: lower case will do."""
    for tail in ("artenaires", "artners", "ARTENAIRES", "ARTNERS"):
        at = whole.find(tail)
        while at >= 0:
            if GENERIC_RE.search(whole[max(0, at - GENERIC_REACH):at + len(tail)].lower()):
                return True
            at = whole.find(tail, at + 1)
    return False


def sole_partner_domains(whole: str, scan: PartnerScan, domains: dict[str, list[int]]) -> dict[str, list[str]]:
    """Of an article about one partner: {partner: its domains} when some of the article's
    domains are named only in sentences that speak of ASEAN's partners in general and name
    none (GENERIC_RE); empty when all of them are the partner's."""
    ends = stops_before_space(whole, ".!?")
    folded, named = fold(whole), _by_span(scan.at, ends)
    starts = [0, *(end + 1 for end in ends)]
    general: dict[int, bool] = {}
    for k in {bisect_right(ends, place) for places in domains.values() for place in places}:
        stop = ends[k] if k < len(ends) else len(folded)
        general[k] = k not in named and GENERIC_RE.search(folded, starts[k], stop) is not None
    kept = [d for d, places in domains.items() if not all(general[bisect_right(ends, p)] for p in places) or not places]
    return {scan.about[0]: kept} if len(kept) < len(domains) else {}


def partner_links(whole: str, scan: PartnerScan, domains: dict[str, list[int]],
                  people: list[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(partner -> its domains, partner -> its people) of an article about several partners
    (`whole`: its title and body, as `extract` joins them); of an article about one, its
    domains when not all (sole_partner_domains); empty otherwise."""
    if len(scan.about) == 1:
        return (sole_partner_domains(whole, scan, domains) if domains else {}), {}
    if len(scan.about) < 2:
        return {}, {}
    sentences, paragraphs = stops_before_space(whole, ".!?"), line_ends(whole)
    collective = collective_sentences(whole, sentences)
    return (attribute(scan.about, scan.head, scan.at, domains, sentences, paragraphs, collective),
            attribute(scan.about, scan.head, scan.at, name_places(whole, people), sentences, paragraphs, collective))
