"""Year clues from relations: anniversaries and partnership levels (data/relations.yaml).

"Le 45e anniversaire de leur partenariat" in an article about Canada, whose relations with
ASEAN date from 1977, puts the article in 2022. A "partenariat stratégique global" with China
reported as established cannot predate 2021. A clue is a set of candidate years (or a lower
bound) with the phrase it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..config import load_relations  # noqa: F401 - the extractor's loader (extract/__init__.py)
from ..literals import literal_finditer, literal_search, required_literal
from ..text import fold

# All patterns run on folded text.
ANNIVERSARY_RES = [re.compile(p) for p in (
    r"(?<!\w)(?P<n>\d{1,3}) ?(?:e|eme|er)s? anniversaire",
    r"(?<!\w)(?P<n>\d{1,3}) ans (?:de |d')(?:relations?|cooperation|partenariat|dialogue|amitie)",
    r"(?<!\w)(?P<n>\d{1,3})(?:st|nd|rd|th) anniversary",
    r"(?<!\w)(?P<n>\d{1,3}) years (?:of|since) (?:[\w'-]+ ){0,3}?"
    r"(?:relations?|cooperation|partnership|dialogue|friendship|became|established)",
    r"(?<!\w)(?:ky niem )?(?P<n>\d{1,3}) nam (?:hop tac|quan he|thiet lap|doi tac|doi thoai)",
    r"(?<!\w)ky niem (?P<n>\d{1,3}) nam",
)]
FOUNDING_RE = re.compile(r"(?:fondation|creation|founding|thanh lap) (?:de l')?asean|asean'?s? (?:founding|\d)")
COMPREHENSIVE_RE = re.compile(
    r"partenariat strategique (?:global|integral)|comprehensive strategic partnership|"
    r"doi tac chien luoc toan dien")
STRATEGIC_RE = re.compile(r"partenariat strategique|strategic partnership|doi tac chien luoc")
# Raising relations to a level, or aiming at it: the level is not reached yet.
ASPIRE_RE = re.compile(
    r"(?<!\w)(?:porter|elever|rehausser|hisser|vers|vise\w*|souhait\w*|envisag\w*|etablir|upgrade|elevate|"
    r"raise|aim\w*|seek\w*|toward\w*|to establish|nang cap|nang tam|huong toi)(?!\w)")
SOON_RE = re.compile(r"(?<!\w)(?:prochaine?|prevue?s?|next|this year|cette annee|sap toi|toi day)(?!\w)")
# ...unless the sentence says it was done.
DONE_RE = re.compile(r"(?<!\w)(?:etablissement|etablie?s?|established|thiet lap|da|ont eleve|a ete (?:eleve|porte)|"
                     r"was upgraded|has been upgraded|recemment)(?!\w)")
# A sentence: a run of characters other than .!? and line breaks, then its final .!? (or the
# text's end). A run that a line break ends is no sentence. `_spans` finds what a scan with
# SENTENCE_RE finds, in linear time: the scan retries a failing run from each of its
# characters, to the end of the run each time (a title line of 300 characters: 45,000 steps).
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
RUN_RE = re.compile(r"[^.!?\n][^.!?\n]*")
STOPS_RE = re.compile(r"[.!?]+")


@dataclass(frozen=True)
class Clue:
    years: frozenset[int] | None  # candidate years; None for a lower bound
    low: int | None               # the lower bound, when years is None
    phrase: str


@lru_cache(maxsize=8)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, split on the folded text (folding keeps offsets).
    Kept for the last few texts: anniversaries and partnership levels read the same."""
    folded = fold(text)
    out = []
    for run in RUN_RE.finditer(folded):
        stops = STOPS_RE.match(folded, run.end())
        if stops:
            end = stops.end()
        elif run.end() == len(folded) or (run.end() == len(folded) - 1 and folded[-1] == "\n"):
            end = run.end()  # `$`: the end, or a last line break
        else:
            continue
        sentence = folded[run.start():end]
        out.append((run.start() + len(sentence) - len(sentence.lstrip()), end))
    return tuple(out)


def _by_sentence(text: str, matches: list[tuple[int, re.Match]]) -> list[tuple[int, int, re.Match]]:
    """(sentence index, rank, match) for the matches that lie in a sentence, in the order
    a scan sentence by sentence finds them. The patterns matched on the whole text never
    cross a sentence's end (.!? or a line break), so the matches are those of a scan of
    each sentence; the sentences are split only for a text where something matched."""
    if not matches:
        return []
    spans = _spans(text)
    starts = [a for a, _ in spans]
    out = []
    for rank, m in matches:
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= spans[i][1]:
            out.append((i, rank, m))
    return sorted(out, key=lambda x: (x[0], x[1], x[2].start()))


def _subject(sentence: str, about: list[str], partners_in: Callable[[str], list[str]],
             relations: dict, key: str = "since") -> str | None:
    """Whose relations a sentence speaks of: the one partner it names, else the article's one partner."""
    named = [p for p in partners_in(sentence) if key in relations.get(p, {})]
    if len(named) == 1:
        return named[0]
    if not named:
        main = [p for p in about if key in relations.get(p, {})]
        return main[0] if len(main) == 1 else None
    return None


def anniversary_clues(text: str, about: list[str], partners_in: Callable[[str], list[str]],
                      relations: dict[str, dict[str, int]] | None = None) -> list[Clue]:
    relations = relations if relations is not None else load_relations()
    folded_text = fold(text)
    # Each pattern needs a word ("anniversaire", " ans ", "nam"...): most texts skip all scans.
    matches = [(rank, m) for rank, regex in enumerate(ANNIVERSARY_RES)
               if (lit := required_literal(regex)) is None or lit in folded_text
               for m in regex.finditer(folded_text)]
    out = []
    spans = _spans(text) if matches else ()
    for i, _, m in _by_sentence(text, matches):
        sentence, folded = text[spans[i][0]:spans[i][1]], folded_text[spans[i][0]:spans[i][1]]
        if FOUNDING_RE.search(folded) and not partners_in(sentence):
            subject = "asean"
        else:
            subject = _subject(sentence, about, partners_in, relations)
        if subject and int(m["n"]) > 0:
            year = relations[subject]["since"] + int(m["n"])
            since = relations[subject]["since"]
            out.append(Clue(frozenset([year]), None, f"{text[m.start():m.end()]} [{since} + {m['n']} ans]"))
    return out


def _level_matches(regex: re.Pattern, folded: str):
    """`regex.finditer(folded)`: the levels are plain texts, tried where they occur."""
    found = literal_finditer(regex, folded)
    return regex.finditer(folded) if found is None else found


def partnership_clues(text: str, about: list[str], partners_in: Callable[[str], list[str]],
                      relations: dict[str, dict[str, int]] | None = None) -> list[Clue]:
    """A level reported as reached bounds the year from below; one announced for the coming
    months gives the year it is reached; an aspiration says nothing."""
    relations = relations if relations is not None else load_relations()
    folded_text = fold(text)
    named = literal_search(STRATEGIC_RE, folded_text)
    if named is False or (named is None and not STRATEGIC_RE.search(folded_text)):
        return []  # every comprehensive level names a strategic one
    # Per sentence: its first comprehensive level, else its first strategic one.
    found = _by_sentence(text, [(0, m) for m in _level_matches(COMPREHENSIVE_RE, folded_text)]
                         + [(1, m) for m in _level_matches(STRATEGIC_RE, folded_text)])
    spans = _spans(text)
    out = []
    for n, (i, _, m) in enumerate(found):
        if n and found[n - 1][0] == i:
            continue
        sentence, folded = text[spans[i][0]:spans[i][1]], folded_text[spans[i][0]:spans[i][1]]
        level = "comprehensive" if m.re is COMPREHENSIVE_RE else "strategic"
        subject = _subject(sentence, about, partners_in, relations, level)
        year = relations[subject][level] if subject else None
        if not year:
            continue
        quoted = text[m.start():m.end()]
        if ASPIRE_RE.search(folded) and not DONE_RE.search(folded):
            if SOON_RE.search(folded):
                # Said so: "[atteint en 2015]" read as reached, in a text that announces it
                # for the coming months (fourteenth audit: devset 008).
                out.append(Clue(frozenset([year]), None, f"{quoted} [annoncé, atteint en {year}]"))
        else:
            out.append(Clue(None, year, f"{quoted} [atteint en {year}]"))
    return out
