"""Words the source glued together ("permanentdu", "lechangement", "1eraoût"), parted again.

The news sites' pages lose the space at the edge of a link or of italics, and the scraped
text keeps "le représentant permanentdu Vietnam": a reader stumbles, and a search for
"changement" misses "lechangement". A glued word is a lower-case word no French lexicon
has, made of a short grammatical word ("du", "les", "en"...) and a word the lexicon has:
"permanent|du", "le|changement", "en|novembre". Names are capitalised and left alone;
"devenir", "envers" or "mutuelle" are words of the lexicon and stay whole. French
articles only: English or Vietnamese words are not in the lexicon, which would part them.

The lexicon is pyspellchecker's French word list (140,000 forms, from subtitles and
Wikipedia): a maintained list beats one of our own.
"""

from __future__ import annotations

import functools
import re

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
WORD_RE = re.compile(r"(?<![\w’'-])[a-zàâäçéèêëîïôöùûüÿœæ]{6,}(?![\w’'-])")  # a word that may be parted
PUNCTUATION = ".,;:!?()[]«»\"“”’'…"  # around a word split at white space
# "1eraoût", "1erjuillet": the ordinal of a date glued to its month.
FIRST_RE = re.compile(r"\b1er(?=(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                      r"novembre|décembre)\b)")


@functools.cache
def _lexicon() -> frozenset[str]:
    # Loaded on first use (0.2 s): only where a French article is extracted.
    from spellchecker import SpellChecker
    return frozenset(SpellChecker(language="fr", distance=1).word_frequency.dictionary)


def _first(part: str, lexicon: frozenset[str]) -> bool:
    if part in BEFORE_WORDS:
        return True
    return len(part) >= PART_MIN and part in lexicon and part not in COMPOUND_PREFIXES


def _second(part: str, lexicon: frozenset[str]) -> bool:
    if part in AFTER_WORDS:
        return True
    return len(part) >= AFTER_MIN and part in lexicon and part not in SUFFIXES


def _parted(word: str, lexicon: frozenset[str]) -> str:
    """'permanentdu' -> 'permanent du' (a word the lexicon lacks); the word itself when no
    split holds, or when several do and not exactly one of them has a grammatical word."""
    splits = [(word[:i], word[i:]) for i in range(2, len(word) - 1)
              if _first(word[:i], lexicon) and _second(word[i:], lexicon)
              and not (word[i:] in ("le", "les") and word[i - 1] == "l")]
    if len(splits) > 1:
        splits = [s for s in splits if s[0] in BEFORE_WORDS or s[1] in AFTER_WORDS]
    return " ".join(splits[0]) if len(splits) == 1 else word


def unglue(texts: list[str]) -> list[str]:
    """`texts` (an article's title and paragraphs) with their glued words parted: a French
    text, see the module's docstring."""
    lexicon = _lexicon()
    joined = "\n".join(texts)
    # The words the lexicon lacks, by set difference (in C), then the lower-case ones alone:
    # most articles have none to part, and a regex with a Python call for each of their
    # words cost a quarter of the extraction.
    words = {token.strip(PUNCTUATION) for token in set(joined.split()).difference(lexicon)}.difference(lexicon)
    parted = {}
    for word in filter(str.islower, filter(str.isalpha, words)):  # C loops: most words are not
        if len(word) >= PART_MIN + 2 and (split := _parted(word, lexicon)) != word:
            parted[word] = split
    first = FIRST_RE.search(joined)
    if first:
        texts = [FIRST_RE.sub("1er ", t) for t in texts]
    if parted:
        texts = [WORD_RE.sub(lambda m: parted.get(m.group(), m.group()), t) for t in texts]
    return texts
