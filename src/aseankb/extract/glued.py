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

# The grammatical words a glued word starts or ends with (two letters or more: "l'", "d'"
# glued lose their apostrophe, and a single letter parts too many words).
SMALL_WORDS = ("pour", "avec", "dans", "des", "les", "aux", "une", "sur", "par", "du", "de", "le", "la",
               "au", "en", "et", "un")
PART_MIN = 4  # letters of the lexicon's word: shorter ones part real words ("de|ux")
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


def _parted(word: str, lexicon: frozenset[str]) -> str:
    """'permanentdu' -> 'permanent du' (a word the lexicon lacks); the word itself when no
    split holds."""
    for small in SMALL_WORDS:
        rest = word[len(small):]
        if word.startswith(small) and len(rest) >= PART_MIN and rest in lexicon:
            return f"{small} {rest}"
    for small in SMALL_WORDS:
        rest = word[:-len(small)]
        if word.endswith(small) and len(rest) >= PART_MIN and rest in lexicon:
            return f"{rest} {small}"
    return word


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
