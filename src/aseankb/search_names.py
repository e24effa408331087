"""The other names of more than one word (data/synonyms.yaml: "United States", "mer de Chine
méridionale") that a page says as a phrase: its words side by side, in order.

The index holds, per word, the pages holding it, not where: "united" and "states" are both
in an English dispatch that says "Member States" and "United Nations", which a query for
"usa" or "etats unis" would find as holding "United States". So the index also holds, for
each such name a page says, one more token, its search words joined by "_" ("united_state",
"mer_chine_meridionale": no word holds "_", and the query leaves such tokens out of a
prefix's words), and the query looks that token up for a name of more than one word
(aseankb-search-query.js, slots and rank), not the pages holding its words anywhere.

Words are those of `search_words`; the stop words are left out, of the names as of the
text ("mer de la Chine méridionale" says "mer chine meridionale"), as the query leaves them
out. An article's text is read once, at extraction (search_pages.article_search), where its
tokens join its words in the cache; the other pages' at indexing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .search import synonym_phrases
from .text import WORD_BYTES
from .words import STEM_RE, STOP_WORDS, ascii_text, glued, search_words, word_set

NAME_JOIN = "_"  # not a word character: a token is no word, and no word begins it
STOP = frozenset(STOP_WORDS)


def name_tokens(lowered: str, words: set[str] | None = None) -> list[str]:
    """The tokens of the names of more than one word that a lower-cased text says as phrases,
    after the terms of its words joined to a number by "+" ("asean+3": words.glued), which
    the index holds as it holds these tokens. `words`: its search words, when the caller has
    them (only a text holding all the words of a name is read again, in order)."""
    found = glued(lowered)
    sequence: str | None = None
    raw: bytes | None = None
    for token, needed, phrase, pattern in _names(tuple(synonym_phrases())):
        if words is None:
            words = word_set(lowered)
        if not needed <= words:
            continue
        if raw is None and sequence is None:
            text = ascii_text(lowered)
            if text is None:
                sequence = word_sequence(lowered)
            else:
                raw = b" " + text.encode("ascii").translate(WORD_BYTES)  # each word after a space
        if (pattern.search(raw) if raw is not None else phrase in sequence):
            found.append(token)
    return found


# Between two words of a name, in the ASCII text whose other bytes are spaces (WORD_BYTES):
# spaces, and the words `search_words` or the sequence leave out (stop words, one letter).
GAP = rb" +(?:(?:" + b"|".join(w.encode() for w in STOP_WORDS) + rb"|[a-z0-9]) +)*"


def _word_pattern(stem: str) -> bytes:
    """The words whose stem is `stem` (STEM_RE drops a final s or x after three letters, not
    after an s): "etat" is "etat" or "etats"."""
    tail = rb"[sx]?" if len(stem) >= 3 and not stem.endswith("s") else b""
    return re.escape(stem.encode()) + tail


@lru_cache(maxsize=4)
def _names(groups: tuple[str, ...]) -> tuple[tuple[str, frozenset[str], str, re.Pattern], ...]:
    """(token, its words, its words between spaces, its pattern) of each name of more than one
    word. The pattern finds it in the ASCII text as `phrase in word_sequence(...)` would, a
    regex search instead of the whole text's words rebuilt in order (0.3 ms an article, a
    tenth of the benchmark's cold build; tests/test_search_names.py checks they agree). It
    starts with a space and a literal, which the engine seeks at C speed: a lookbehind first
    made it try every position."""
    names = dict.fromkeys(p for group in groups for p in group.split("|") if " " in p)
    return tuple((p.replace(" ", NAME_JOIN), frozenset(p.split()), f" {p} ",
                  re.compile(rb" " + GAP.join(map(_word_pattern, p.split())) + rb"(?![a-z0-9])"))
                 for p in names)


def word_sequence(lowered: str) -> str:
    """The search words of a lower-cased text in order, but the stop words, between spaces
    (one before the first, one after the last)."""
    text = ascii_text(lowered)
    if text is None:
        return " " + " ".join(w for w in search_words(lowered) if w not in STOP) + " "
    # word_string's fast way, keeping the order: each distinct word stemmed once (the
    # substitution never removes a word, so the stemmed words come in the same order).
    raw = text.encode("ascii").translate(WORD_BYTES).split()
    distinct = list(set(raw))
    stemmed = dict(zip(distinct, STEM_RE.sub(b"", b" ".join(distinct)).decode("ascii").split(), strict=True))
    return " " + " ".join(w for w in map(stemmed.__getitem__, (w for w in raw if len(w) > 1))
                          if w not in STOP) + " "
