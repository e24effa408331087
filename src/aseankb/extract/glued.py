"""Words the source glued together ("permanentdu", "lechangement", "1eraoût"), parted again,
and ordinals it split ("58 e réunion"), joined.

The news sites' pages lose the space at the edge of a link or of italics, and the scraped
text keeps "le représentant permanentdu Vietnam": a reader stumbles, and a search for
"changement" misses "lechangement". A glued word is a lower-case word no French lexicon
has, made of a short grammatical word ("du", "les", "en"...) and a word the lexicon has:
"permanent|du", "le|changement", "en|novembre". Names are capitalised and left alone;
"devenir", "envers" or "mutuelle" are words of the lexicon and stay whole. Rarer glues are
parted too: at an apostrophe ("del'Asie"), after a number ("COVID-19de"), before a hyphen
("etco-présidé"). French articles only: English or Vietnamese words are not in the
lexicon, which would part them.

The lexicon is pyspellchecker's French word list (140,000 forms, from subtitles and
Wikipedia): a maintained list beats one of our own.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

import numpy as np

# The grammatical words a glued word starts with ("le|changement", "en|novembre") or ends with
# ("permanent|du", "communiquée|lors"): parts of any length. Not those that end demonyms and
# foreign names ("haïti|en", "iran|un", "bang|la", "pack|et"), nor adjectives ("puni|que"), nor
# prefixes ("sur|dimensionné"), nor "le" after an "l" ("référentiel|le": "-elle").
BEFORE_WORDS = frozenset((
    "de", "du", "des", "le", "la", "les", "un", "une", "au", "aux", "en", "et", "se", "non", "par", "pour",
    "avec", "dans", "lors", "comme", "entre", "vers"))
AFTER_WORDS = frozenset((
    "de", "du", "des", "le", "les", "sur", "par", "pour", "avec", "dans", "lors", "comme", "entre", "vers"))
# Two content words glued ("rôle|central", "problèmes|mondiaux"): the first of PART_MIN letters
# or more, the second of AFTER_MIN, not a suffix the lexicon also has as a word
# ("possible|ment", "pakistan|aises", "inclus|ions").
PART_MIN = 4
AFTER_MIN = 5
SUFFIXES = frozenset(("aises", "ments", "elles", "ettes", "iques", "ables", "ibles", "euses", "ances", "ences",
                      "tions", "sions", "ismes", "istes", "ienne", "iennes", "lisant"))
# A word the lexicon lacks that starts with one of these is a compound ("télécommunication",
# "cyberespace", "macroéconomique", "transfrontalier"), not two words glued.
COMPOUND_PREFIXES = frozenset((
    "télé", "auto", "micro", "macro", "multi", "inter", "intra", "cyber", "anti", "post", "pré", "néo", "bio",
    "géo", "éco", "trans", "super", "hyper", "ultra", "mini", "maxi", "semi", "méga", "mono", "poly", "radio",
    "photo", "vidéo", "agro", "hydro", "électro", "socio", "euro", "franco", "sino", "indo", "afro", "pan",
    "para", "proto", "pseudo", "quasi", "sous", "sur", "rétro", "kilo", "contre", "extra", "infra", "supra",
    "dé", "re", "ré", "co"))
# "del'Asie", "versl'Asie-Pacifique": a grammatical word glued to the elided article after it.
ELIDED_RE = re.compile(r"(de|vers|dans|sur|pour|par|avec|et|entre|à|lors|sans|chez)(?=[ld][’']\w)")
# "au Fonds de réponse au COVID-19de l'ASEAN": a grammatical word glued to a number (of two
# digits or more: "2de" is "seconde").
AFTER_NUMBER_RE = re.compile(r"(?<=\d\d)(?:de|du|des|et|en|au|aux|la|le|les)$")
# A hyphenated word whose head is an article or "et" glued to a compound's prefix: "et|co-présidé",
# "du|sud-est". Not to any word ("un|pack-trees", "se|cure-protocol"), nor a head that is a
# prefix itself ("se|mi-méridional").
HYPHEN_BEFORE = frozenset(("de", "du", "des", "le", "la", "les", "un", "une", "au", "aux", "en", "et"))
HYPHEN_STARTS = frozenset(b[:2] for b in HYPHEN_BEFORE)
HYPHEN_PREFIXES = frozenset((
    "co", "vice", "ex", "anti", "néo", "non", "post", "pré", "pro", "sous", "mi", "demi", "auto", "contre",
    "extra", "semi", "quasi", "ultra", "inter", "sud", "nord", "pan"))
WORD_RE = re.compile(r"(?<![\w’'-])[a-zàâäçéèêëîïôöùûüÿœæ]{6,}(?![\w’'-])")  # a word that may be parted
PUNCTUATION = ".,;:!?()[]«»\"“”’'…"  # around a word split at white space
# "au 28 e Sommet", "la 58 e réunion": an ordinal's suffix split from its number (the
# source's superscript, flattened). Joined again: "28e Sommet", as the site writes ordinals
# and as a search for "28e" finds it (audit).
SPLIT_ORDINAL_RE = re.compile(r"(?<![\w.,])(\d{1,3}) (e|er|re|ère|ème)(?= \w)")
# "1eraoût", "1erjuillet": the ordinal of a date glued to its month.
FIRST_RE = re.compile(r"\b1er(?=(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                      r"novembre|décembre)\b)")


class Lexicon:
    """A set of words kept as the sorted array of their hashes: 1 MiB, where a frozenset of
    the 140,000 words held 25 MiB for the whole build (at 10,000 articles, 1 GB is the
    build's memory limit). Python's hash is the process's own: the array is built, and
    read, in one process (and the workers it forks)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.hashes = np.unique(np.fromiter(map(hash, words), dtype=np.int64))

    def lacks(self, words: set[str]) -> set[str]:
        """The words of `words` the lexicon does not have (one binary search for them all)."""
        if not words:
            return set()
        order = list(words)
        keys = np.fromiter(map(hash, order), dtype=np.int64, count=len(order))
        at = np.minimum(np.searchsorted(self.hashes, keys), len(self.hashes) - 1)
        return set(itertools.compress(order, (self.hashes[at] != keys).tolist()))


@functools.cache
def _lexicon() -> Lexicon:
    # Loaded on first use (0.3 s): only where a French article is extracted. The word list
    # (a dict of 140,000 entries) is dropped once hashed.
    from spellchecker import SpellChecker
    return Lexicon(SpellChecker(language="fr", distance=1).word_frequency.dictionary)


def _first(part: str, known: set[str]) -> bool:
    if part in BEFORE_WORDS:
        return True
    return len(part) >= PART_MIN and part in known and part not in COMPOUND_PREFIXES


def _second(part: str, known: set[str]) -> bool:
    if part in AFTER_WORDS:
        return True
    return len(part) >= AFTER_MIN and part in known and part not in SUFFIXES


def _parted(word: str, known: set[str]) -> str:
    """'permanentdu' -> 'permanent du' (a word the lexicon lacks; `known`: its parts the
    lexicon has); the word itself when no split holds, or when several do and not exactly
    one of them has a grammatical word."""
    splits = [(word[:i], word[i:]) for i in range(2, len(word) - 1)
              if _first(word[:i], known) and _second(word[i:], known)
              and not (word[i:] in ("le", "les") and word[i - 1] == "l")]
    if len(splits) > 1:
        splits = [s for s in splits if s[0] in BEFORE_WORDS or s[1] in AFTER_WORDS]
    return " ".join(splits[0]) if len(splits) == 1 else word


def _rare_glues(words: set[str]) -> dict[str, str]:
    """{"del'Asie": "de l'Asie", "COVID-19de": "COVID-19 de", "etco-présidé": "et co-présidé"}:
    the words the lexicon lacks glued at an apostrophe, after a number or before a hyphen.
    Cheap tests first: an article has a score of such words, mostly names ("ASEAN-Japon")."""
    out = {}
    for word in itertools.filterfalse(str.isalpha, words):
        if ("'" in word or "’" in word) and (m := ELIDED_RE.match(word)):
            out[word] = f"{word[:m.end()]} {word[m.end():]}"
        elif (word[-3:-2].isdigit() or word[-4:-3].isdigit()) and (m := AFTER_NUMBER_RE.search(word)):
            out[word] = f"{word[:m.start()]} {m.group()}"
        elif word[:2] in HYPHEN_STARTS and "-" in word:
            head, _, tail = word.partition("-")
            if parted := _hyphen_head(head):
                out[word] = f"{parted}-{tail}"
    return out


def _hyphen_head(head: str) -> str:
    """'et co' for 'etco' (of 'etco-présidé'): an article or "et" glued to a compound's prefix."""
    if head in HYPHEN_PREFIXES or head in COMPOUND_PREFIXES:
        return ""
    found = [(b, head[len(b):]) for b in HYPHEN_BEFORE if head.startswith(b) and head[len(b):] in HYPHEN_PREFIXES]
    return " ".join(found[0]) if len(found) == 1 else ""


def unglue(texts: list[str]) -> list[str]:
    """`texts` (an article's title and paragraphs) with their glued words parted: a French
    text, see the module's docstring."""
    lexicon = _lexicon()
    joined = "\n".join(texts)
    # The words the lexicon lacks, by one array search, then the lower-case ones alone:
    # most articles have none to part, and a regex with a Python call for each of their
    # words cost a quarter of the extraction.
    words = lexicon.lacks({token.strip(PUNCTUATION) for token in lexicon.lacks(set(joined.split()))})
    candidates = [w for w in filter(str.islower, filter(str.isalpha, words)) if len(w) >= PART_MIN + 2]
    parts = {part for w in candidates for i in range(2, len(w) - 1) for part in (w[:i], w[i:])}
    known = parts - lexicon.lacks(parts)  # one search for all the parts of all the words
    parted = {}
    for word in candidates:
        if (split := _parted(word, known)) != word:
            parted[word] = split
    first = FIRST_RE.search(joined)
    if first:
        texts = [FIRST_RE.sub("1er ", t) for t in texts]
    if SPLIT_ORDINAL_RE.search(joined):
        texts = [SPLIT_ORDINAL_RE.sub(r"\1\2", t) for t in texts]
    if parted:
        texts = [WORD_RE.sub(lambda m: parted.get(m.group(), m.group()), t) for t in texts]
    if rare := _rare_glues(words):  # sought among the unknown words: a regex over the text cost more
        alternatives = "|".join(map(re.escape, sorted(rare, key=len, reverse=True)))
        found = re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w’'-])")
        texts = [found.sub(lambda m: rare[m.group()], t) for t in texts]
    return texts
