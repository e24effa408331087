"""The words of a text as the search index stores them (and aseankb-search-query.js looks
them up): folded (no case, no accents, œ -> oe), one-letter words dropped, a final s or x
removed. A word and a number joined by "+" are also a term of their own ("asean+3": `glued`,
`terms`). `search_words` is the definition; `word_string` and `word_set` give the same words
ten times faster for a whole article (tests/test_search.py and tests/test_text_data.py check
that they agree). Split from search.py, which writes the index, for size."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

from .text import WORD_BYTES, fold, non_ascii

LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
WORD_RE = re.compile(r"[^\W_]+")
WORDS2_RE = re.compile(r"[^\W_]{2,}")  # the words WORD_RE finds, but those of one letter
LIGATURE_LETTERS = [("œ", "oe"), ("æ", "ae"), ("ß", "ss")]  # LIGATURES
ASCII_KEPT = {chr(c) for c in range(128)} - {"`"}  # characters fold() leaves as they are
ONE_LETTER = {bytes([b]) for b in range(256)}
# stem() on words separated by spaces: a final s or x after 3 characters, the last not an s.
STEM_RE = re.compile(rb"[sx](?![a-z0-9])(?<=[a-z0-9]{2}[a-rt-z0-9][sx])")
# The words a query drops when it has others: the same list as STOP in aseankb-search-query.js.
STOP_WORDS = ("le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "au", "aux", "pour", "par",
              "sur", "dans", "avec", "ou", "qu", "que", "qui")
# A word and a number joined by "+" ("ASEAN+3", "ASEAN + 3", "ASEAN plus 3", "P5+1", "2+2"):
# the number alone is one letter, dropped, so "ASEAN+3" would be "asean", which every page
# holds (user audit: 74 results, the ASEAN summits' page above the ASEAN+3 summits'). Such a
# pair is also a term, "asean+3" ("+": no word holds it), given to the pages that say it
# (`glued`) and looked up by a query that says it (`terms`); the same pattern as GLUE in
# aseankb-search-query.js. On folded text (`_folded`). A space on one side of "+" only is
# a signed number ("en hausse de +3 %"), not a pair.
GLUE_RE = re.compile(r"(?<![^\W_])([^\W_]+)(?:\+|\s+\+\s+|\s+plus\s+)([0-9]+)(?![^\W_])")
# A word and a number of one digit apart ("asean 3": phone keyboards hide "+"): the number
# alone is one letter, dropped, so the query was "asean" (user audit: 72 results instead of
# the 14 of ASEAN+3). A query reads it as the glued term when the index holds that term
# (`terms`, `known`), else as its word; never a text: "l'ASEAN compte 3 projets" says no
# ASEAN+3. The same pattern as SPACED in aseankb-search-query.js.
SPACED_RE = re.compile(r"(?<![^\W_])([^\W_]+)\s+([0-9])(?![^\W_])")
# What a text must hold for GLUE_RE to find something: a literal first, searched at C speed
# (GLUE_RE itself tries every word of an article).
GLUE_HINT_RE = re.compile(r"\+\s*[0-9]|plus\s+[0-9]")


def stem(word: str) -> str:
    # Plural and singular alike: "economies" and "economie", "reseaux" and "reseau".
    return word[:-1] if len(word) > 3 and word[-1] in "sx" and word[-2] != "s" else word


def search_words(text: str) -> list[str]:
    """The words of a text as the index stores them (and aseankb-search-query.js looks them up)."""
    return [stem(w) for w in WORD_RE.findall(_folded(text)) if len(w) > 1]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", fold(text)).translate(LIGATURES)


def _glue(m: re.Match) -> str:
    return f"{stem(m[1])}+{m[2]}"  # the word stemmed as search_words stems it


def glued(text: str) -> list[str]:
    """The terms of a text's words joined to a number by "+" (GLUE_RE), each once, in order:
    the index gives them to the page besides its words ("asean+3" besides "asean")."""
    if not GLUE_HINT_RE.search(text.lower()):
        return []
    return list(dict.fromkeys(map(_glue, GLUE_RE.finditer(_folded(text)))))


def terms(text: str, known: Container[str] | None = None) -> list[str]:
    """A query's words as aseankb-search-query.js reads them (terms): `search_words`, but
    each word joined to a number by "+" is one term instead ("ASEAN plus 3" -> "asean+3"),
    and so is a word and a one-digit number apart whose term is `known` (the index's words:
    "asean 3" -> "asean+3")."""
    folded, out, at = _folded(text), [], 0
    for m in GLUE_RE.finditer(folded):
        out += _spaced(folded[at:m.start()], known)
        out.append(_glue(m))
        at = m.end()
    return out + _spaced(folded[at:], known)


def _spaced(folded: str, known: Container[str] | None) -> list[str]:
    """The words of folded text, each word and one-digit number apart (SPACED_RE) whose term
    is `known` as that term."""
    if known is None:
        return search_words(folded)
    out, at = [], 0
    for m in SPACED_RE.finditer(folded):
        term = _glue(m)
        if term in known:
            out += search_words(folded[at:m.start()])
            out.append(term)
            at = m.end()
    return out + search_words(folded[at:])


def word_set(text: str) -> set[str]:
    """set(search_words(text)) (tests/test_search.py checks that the two agree on every
    character and on random texts)."""
    return set(word_string(text.lower()).split())


def word_string(lowered: str) -> str:
    """The distinct search words of a lower-cased text, joined by spaces (each once, in no
    particular order), ten times faster than `search_words` on a whole article.

    `fold` is per character, and a French text has a dozen distinct non-ASCII characters:
    each is replaced by its folded form (one C-speed `str.replace` each), and when all of
    them fold to ASCII letters or to separators (`_ascii_fold`), the words are the runs of
    [a-z0-9] of the ASCII text (bytes split by C code), stemmed by one regex substitution.
    Any other text takes the general way (`_word_set`)."""
    text = ascii_text(lowered)
    if text is None:
        return " ".join(_word_set(lowered))
    words = set(text.encode("ascii").translate(WORD_BYTES).split())
    words.difference_update(ONE_LETTER)
    # Each word once: the index counts a page once per word it is given ("reseaux" and
    # "reseau" are one word once stemmed).
    return b" ".join(set(STEM_RE.sub(b"", b" ".join(words)).split())).decode("ascii")


def ascii_text(lowered: str) -> str | None:
    """A lower-cased text with each character folded as `search_words` folds it (word_string),
    or None when one of them does not fold to ASCII letters or to a separator."""
    if not lowered.isascii():
        for char in non_ascii(lowered):
            folded = _ASCII_FOLD[char] if char in _ASCII_FOLD else _ASCII_FOLD.setdefault(char, _ascii_fold(char))
            if folded is None:
                return None
            lowered = lowered.replace(char, folded)
    return lowered


def _ascii_fold(char: str) -> str | None:
    """What `search_words` makes of a character, as ASCII (a separator as a space), or
    None when that depends on its neighbours or is not ASCII."""
    folded = fold(char)
    for ligature, letters in LIGATURE_LETTERS:
        folded = folded.replace(ligature, letters)
    if folded.isascii():
        return folded
    # A lone punctuation mark, symbol, space or control (not a letter, digit or combining
    # mark, and left as is by NFC): a separator whatever its neighbours.
    if (len(folded) == 1 and unicodedata.category(folded)[0] in "PSZC" and not WORD_RE.match(folded)
            and not unicodedata.combining(folded) and unicodedata.normalize("NFC", folded) == folded):
        return " "
    return None


_ASCII_FOLD: dict[str, str | None] = {}  # a non-ASCII character -> _ascii_fold(it)


def _word_set(lowered: str) -> set[str]:
    """set(search_words(lowered)) for any text: white space separates words before and after
    folding, so each distinct token is folded once, and `fold` (a translation through a
    dict) is applied only to the distinct characters it changes."""
    tokens = " ".join(set(lowered.split()))
    for ch in set(tokens) - ASCII_KEPT:
        folded = fold(ch)
        if folded != ch:
            tokens = tokens.replace(ch, folded)
    folded = unicodedata.normalize("NFC", tokens.lower())
    for ligature, letters in LIGATURE_LETTERS:  # str.translate to several letters is slow
        if ligature in folded:
            folded = folded.replace(ligature, letters)
    return {w[:-1] if w[-1] in "sx" and len(w) > 3 and w[-2] != "s" else w  # stem(), inlined
            for w in set(WORDS2_RE.findall(folded))}
