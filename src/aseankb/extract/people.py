"""Named officials (the `people` field): capitalised names introduced by a role
("le ministre russe des Affaires étrangères, Sergueï Lavrov"), as written."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from ..config import DATA_DIR
from ..text import fold

# The head words of English roles (ROLE_RE, and ENGLISH_HEAD_RE below).
ENGLISH_ROLES = (r"(?:Prime )?Minister|President|Secretary|Ambassador|Representative|Commissioner|"
                 r"Director|Chairman|Chairwoman|Spokesperson|Spokesman")
# Officials are introduced by their role: "le ministre russe des Affaires étrangères, Sergueï Lavrov".
ROLE_RE = re.compile(
    r"(?:ministre|ministres|secrétaire|président|présidente|vice-président|ambassadeur|"
    r"ambassadrice|représentant|représentante|directeur|directrice|chef|roi|reine|"
    r"Premier ministre|PM|porte-parole|sous-secrétaire|assistant|commissaire|"
    rf"haut représentant|M\.|Mme|{ENGLISH_ROLES}|"
    r"Tổng thống|Thủ tướng|Bộ trưởng|Chủ tịch)(?![\w])", re.I)
UPPER = "A-ZÀ-ÖØ-ÞĐƠƯ"
NAME_WORD = rf"[{UPPER}][\w’'-]*[^\W\d_]"
CONNECTOR = r"(?:de|da|di|van|von|der|bin|binti|ibn)"
NAME_RE = re.compile(
    rf"(?<![\w.’'-])((?:U |Mme |M\. )?{NAME_WORD}(?:[ ](?:{NAME_WORD}|{CONNECTOR}(?= [{UPPER}]))){{1,4}})")
# Where a name can start: a capital that follows no letter, digit, '.', apostrophe or '-'
# (NAME_RE's look-behind, read after the capital). A class first: the regex engine skips to
# the capitals at C speed, where NAME_RE, starting with its look-behind, tries every position.
NAME_START_RE = re.compile(rf"[{UPPER}](?<![\w.’'-].)")
# The end of a sentence, but not "M. " (Monsieur): a role in the sentence before names nobody.
SENTENCE_END_RE = re.compile(r"(?<![\s(]M)[.!?]\s")
# "Troy Grant, ministre de la Police...": a role right after the name and its comma, with
# no article (", le ministre" may follow a place: "À Hanoï, le ministre...").
ROLE_AFTER_RE = re.compile(r",\s*(?:vice-|premier |première |ancien |ancienne )?" + ROLE_RE.pattern, re.I)
PLACE_BEFORE_RE = re.compile(r"(?:\bà|\bau|\ben|\bdans|\bvers|\bdepuis|\bin|\bat)\s*$", re.I)
STOP_WORDS = frozenset(
    word for line in (DATA_DIR / "name-stopwords.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#") for word in line.split())


def _is_stop(word: str) -> bool:
    return word in STOP_WORDS or word.strip("’'") in STOP_WORDS


def _trim_name(name: str) -> str | None:
    """Drop the capitalised words before the name ('Pacifique Daniel Russel'); None if none left."""
    words = name.split()
    while words and _is_stop(words[0]):
        words.pop(0)
    if len(words) < 2 or any(_is_stop(w) for w in words):
        return None
    if any(w.isupper() and len(w) > 1 for w in words):
        return None
    return " ".join(words)


def _names(para: str) -> Iterator[re.Match]:
    """`NAME_RE.finditer(para)`, tried only where a name can start."""
    end = 0
    for start in [m.start() for m in NAME_START_RE.finditer(para)]:
        m = NAME_RE.match(para, start) if start >= end else None
        if m:
            end = m.end()
            yield m


def _candidates(para: str) -> Iterator[re.Match]:
    """`_names(para)`, but a match that holds a title ("Thai Foreign Minister Don
    Pramudwinai", as English writes it) is taken again from the word after its last title
    word, so that the name keeps all its words, even those past the first match's end."""
    end = 0
    for m in _names(para):
        if m.start() < end:
            continue  # inside the name a match taken again ran to
        # Two words are a name or nothing: after a title, one word is too few for NAME_RE.
        after = _after_stops(m.group(1)) if m.group(1).count(" ") > 1 else 0
        m = (NAME_RE.match(para, m.start() + after) or m) if after else m
        end = m.end()
        yield m


def _after_stops(name: str) -> int:
    """Where the words after the last stop word of `name` start; 0 if it has none, or
    ends with one."""
    words = name.split(" ")
    last = max((i for i, w in enumerate(words) if _is_stop(w)), default=-1)
    if last < 0 or last == len(words) - 1:
        return 0
    return sum(len(w) + 1 for w in words[:last + 1])


def extract_people(paragraphs: list[str], known: Sequence[tuple[int, str]] = ()) -> list[str]:
    """Named officials, as written, in order of first appearance: those a role introduces,
    and `known`, the officials of data/officials.yaml the text names ((where in the
    paragraphs joined by new lines, the name as written): officials.named_officials)."""
    found = _introduced(paragraphs)
    if not known:
        return found
    text = "\n".join(paragraphs)
    # Each person once, as the first of their mentions writes them, accents aside.
    first: dict[str, tuple[int, str]] = {}
    for at, name in [*((text.find(name), name) for name in found), *known]:
        if fold(name) not in first or at < first[fold(name)][0]:
            first[fold(name)] = (at, name)
    return [name for _at, name in sorted(first.values())]


def _introduced(paragraphs: list[str]) -> list[str]:
    """The names a role introduces ("le ministre russe des Affaires étrangères, Sergueï
    Lavrov") or follows as an apposition ("Troy Grant, ministre de la Police"), in order of
    first appearance."""
    seen: Counter[str] = Counter()
    order: list[str] = []
    for para in paragraphs:
        for m in _candidates(para):
            name = _trim_name(m.group(1).rstrip("’'"))
            start = m.start() + m.group(1).find(name) if name else m.start()
            window = para[max(0, start - 90):start]
            window = window[max((e.end() for e in SENTENCE_END_RE.finditer(window)), default=0):]
            before = ROLE_RE.search(window) and not PLACE_BEFORE_RE.search(window)
            if not name or not (before or ROLE_AFTER_RE.match(para, m.end())):
                continue
            if name not in seen:
                order.append(name)
            seen[name] += 1
    return order


# How the text introduces a person (`described`): the role phrase right before the name
# ("le président russe Vladimir Poutine") or in apposition after it ("Troy Grant, ministre de
# la Police de l'État de Nouvelle-Galles du Sud"), as written.
DESCRIBED_WINDOW = 100
DESCRIBED_MAX = 90  # characters: longer, it is a clause rather than a title
# The words that may open a role before its head word: "premier vice-ministre", "ancien président".
MODIFIERS_RE = re.compile(r"(?:\b(?:premier|première|vice|ancien|ancienne|sous|haut|haute|nouveau|nouvelle)"
                          r"[ -])+$", re.I)
# What a role phrase cannot hold: a clause break (punctuation, a verb, a relative word), so
# that "le ministre a salué le président X" does not make X "ministre a salué le président".
BREAK_RE = re.compile(r"[,;:()«»\"“”!?]|\b(?:a|ont|est|sont|était|que|qui|dont|où|lors|avec|selon|après|"
                      r"avant|pendant|et l[ae]s?|has|have|is|was|said|and the)\b", re.I)
# English puts the role's modifiers before its head, capitalised: "Thai Foreign Minister",
# "ASEAN Deputy Secretary-General". Sentence openers before them are not part of it.
ENGLISH_HEAD_RE = re.compile(ENGLISH_ROLES)  # case-sensitive: the capitalised head of an English title
ENGLISH_MODIFIERS_RE = re.compile(r"(?:(?<![\w’'.-])[A-Z][\w-]*[ ])+$")
OPENERS_RE = re.compile(r"(?:(?:The|On|In|At|And|But|Also|Meanwhile|Then|Later|Monday|Tuesday|Wednesday|"
                        r"Thursday|Friday|Saturday|Sunday)[ ])+")
HONORIFIC_RE = re.compile(r"^(?:M\.|Mme|PM|Mr\.?|Mrs\.?|Ms\.?)$", re.I)
AFTER_END_RE = re.compile(r"[,;:.()\n]|\s(?:a|ont|est|qui|has|is|was)\s")


def described(paragraphs: list[str], people: list[str]) -> dict[str, str]:
    """Each of `people` -> the role the text introduces them with, as written: of all their
    mentions, before or after the name, the longest phrase (the most specific: "vice-ministre
    des Affaires étrangères" in the lead, "le vice-ministre" further on; "l'ambassadeur
    vietnamien X, représentant permanent du Vietnam auprès de l'ASEAN": the latter). People
    the text gives no role are left out."""
    found: dict[str, str] = {}
    for para in paragraphs:
        for name in people:
            at = para.find(name)
            while at >= 0:  # each mention, where the name stands as a whole
                end = at + len(name)
                if not (para[end:end + 1].isalnum() or para[at - 1:at].isalnum()):
                    for role in (_role_before(para, at), _role_after(para, end)):
                        if role and len(role) > len(found.get(name, "")):
                            found[name] = role
                at = para.find(name, end)
    return {p: found[p] for p in people if p in found}


def _role_phrase(text: str) -> str | None:
    text = text.strip(" ,\u00a0’'")
    if not text or len(text) > DESCRIBED_MAX or HONORIFIC_RE.match(text) or BREAK_RE.search(text):
        return None
    return None if any(_trim_name(m.group(1)) for m in _names(text)) else text  # not another name


def _role_before(para: str, start: int) -> str | None:
    """The earliest role of the name's sentence that runs to the name without a break:
    "l'assistant du secrétaire d'État" rather than "secrétaire d'État"."""
    window = para[max(0, start - DESCRIBED_WINDOW):start]
    window = window[max((e.end() for e in SENTENCE_END_RE.finditer(window)), default=0):]
    if PLACE_BEFORE_RE.search(window):
        return None
    for m in ROLE_RE.finditer(window):
        mods = MODIFIERS_RE.search(window, 0, m.start())
        if ENGLISH_HEAD_RE.match(m.group()):
            mods = ENGLISH_MODIFIERS_RE.search(window, 0, m.start())
        start = mods.start() if mods else m.start()
        opener = OPENERS_RE.match(window, start)
        role = _role_phrase(window[opener.end() if opener else start:])
        if role:
            return role
    return None


def _role_after(para: str, end: int) -> str | None:
    m = ROLE_AFTER_RE.match(para, end)
    stop = AFTER_END_RE.search(para, m.start() + 1) if m else None
    return _role_phrase(para[m.start() + 1:stop.start()]) if stop else None
