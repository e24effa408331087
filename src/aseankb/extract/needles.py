"""Plain texts sought in an article: partner names, domain keywords, meeting literals,
officials' names. The stages ask where (or whether) each occurs before they try a pattern.

`Needles.places` answers for one set and one text. `scan_together` answers for several sets
at once in one pass over an article's folded title and body: the stages then read their
answers for that text, and for its body (a text that ends it), without a pass each.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text import fold, folds_in_place

try:  # one pass over a text finds every needle (Aho-Corasick, in C)
    import ahocorasick
except ImportError:  # pragma: no cover - then one substring test per needle, the same answer
    ahocorasick = None

Places = dict[str, list[int]]
# A character whose lower case depends on its neighbours (final sigma): a needle holding it
# may fold otherwise alone than in a text.
CONTEXTUAL = "\u03a3"


class Needles:
    """Plain texts sought together: `places(text)` says where each of them occurs in a text,
    `found(text)` which occur, in one pass over the text (an Aho-Corasick automaton) where a
    substring search for each costs a pass each. Needles shorter than SHORT (" a", "UE") occur
    in most texts, where the automaton would report each occurrence: they are sought one by
    one, and so are all when fewer than FEW are left (a pass of the automaton costs ~30
    searches)."""

    SHORT = 3
    FEW = 32

    def __init__(self, needles: Iterable[str]) -> None:
        self.needles = tuple(sorted({n for n in needles if n}))
        self.short = tuple(n for n in self.needles if len(n) < self.SHORT)
        self._automaton = None
        long = [n for n in self.needles if len(n) >= self.SHORT]
        if ahocorasick is not None and len(long) >= self.FEW:
            self._automaton = ahocorasick.Automaton()
            for needle in long:
                self._automaton.add_word(needle, needle)
            self._automaton.make_automaton()
        self._places: tuple[str, Places] | None = None
        self._found: tuple[str, frozenset[str]] | None = None
        # (text, places of the needles scan_together sought in it, the needles it left out)
        self._whole: tuple[str, Places, tuple[str, ...]] | None = None

    def places(self, text: str) -> Places:
        """Needle -> where it starts in `text`, in increasing order, for the needles the text
        holds. The last answer is kept (stages ask in turn); callers must not edit it."""
        last = self._places  # read once: another thread may replace it meanwhile
        if last is not None and last[0] is text:
            return last[1]
        whole = self._whole
        if whole is not None and _ends(whole[0], text):
            out = _from(whole[1], len(whole[0]) - len(text))
            _find_each(text, whole[2], out)
        else:
            out = {}
            if self._automaton is not None:
                for end, needle in self._automaton.iter(text):
                    out.setdefault(needle, []).append(end - len(needle) + 1)
            _find_each(text, self.short if self._automaton is not None else self.needles, out)
        self._places = (text, out)
        return out

    def found(self, text: str) -> frozenset[str]:
        """The needles that occur in `text`."""
        last = self._found
        if last is not None and last[0] is text:
            return last[1]
        whole = self._whole
        if whole is not None and _ends(whole[0], text):
            offset = len(whole[0]) - len(text)
            out = frozenset(n for n, at in whole[1].items() if at[-1] >= offset).union(
                n for n in whole[2] if n in text)
        elif self._automaton is None:
            out = frozenset(n for n in self.needles if n in text)
        else:
            out = frozenset(n for _, n in self._automaton.iter(text)).union(n for n in self.short if n in text)
        self._found = (text, out)
        return out


def _ends(whole: str, text: str) -> bool:
    return len(text) <= len(whole) and whole.endswith(text)


def _find_each(text: str, needles: tuple[str, ...], out: Places) -> None:
    """Add the places of each of `needles` in `text` to `out`, one substring search each."""
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            out.setdefault(needle, []).append(i)
            i = text.find(needle, i + 1)


def _from(places: Places, offset: int) -> Places:
    """The places of the text that starts at `offset` of the text `places` describes (a copy)."""
    out = {}
    for needle, starts in places.items():
        kept = [i - offset for i in starts if i >= offset] if offset else list(starts)
        if kept:
            out[needle] = kept
    return out


Groups = tuple[tuple[Needles, ...], tuple[Needles, ...]]
# Per folded needle: (its length, (group index, the needle as sought, whether as written)...)
Owners = tuple[int, tuple[tuple[int, str, bool], ...]]
_UNION: tuple[Groups, object, tuple[tuple[str, ...], ...]] | None = None


def _unionable(needle: str, written: bool) -> bool:
    """Whether the automaton seeks `needle`: long enough, and (sought as written) the same
    number of characters folded, each folded alike wherever it stands."""
    if len(needle) < Needles.SHORT:
        return False
    return not written or (folds_in_place(needle) and CONTEXTUAL not in needle)


def _union(folded: tuple[Needles, ...], written: tuple[Needles, ...]):
    """One automaton for the needles of all groups (by their folded form), and the needles
    each group leaves to substring searches. The last one built is kept, by identity."""
    global _UNION
    kept = _UNION
    groups = (folded, written)
    if kept is None or kept[0] != groups:  # Needles compare by identity
        owners: dict[str, list[tuple[int, str, bool]]] = {}
        rest = []
        for index, (group, as_written) in enumerate([(g, False) for g in folded] + [(g, True) for g in written]):
            for needle in group.needles:
                if _unionable(needle, as_written):
                    owners.setdefault(fold(needle) if as_written else needle, []).append((index, needle, as_written))
            rest.append(tuple(n for n in group.needles if not _unionable(n, as_written)))
        automaton = ahocorasick.Automaton()
        for key, owned in owners.items():
            automaton.add_word(key, (len(key), tuple(owned)))
        automaton.make_automaton()
        kept = _UNION = (groups, automaton, tuple(rest))
    return kept[1], kept[2]


def scan_together(folded_text: str, folded: tuple[Needles, ...], text: str = "",
                  written: tuple[Needles, ...] = ()) -> None:
    """Find in one pass the needles of the `folded` groups in `folded_text`, and those of the
    `written` groups in `text` (whose fold `folded_text` is), and keep the answers: each
    group's `places` and `found` then answer for that text and every text that ends it.
    One automaton seeks all (a pass costs ~20 ns a character, whatever the needles); a needle
    sought as written is sought folded, then checked, when the text folds character by
    character (else those groups are left to scan for themselves)."""
    if ahocorasick is None:
        return
    aligned = bool(written) and len(text) == len(folded_text) and folds_in_place(text)
    automaton, rest = _union(folded, written)
    groups = folded + written
    outs: list[Places] = [{} for _ in groups]
    for end, (length, owned) in automaton.iter(folded_text):
        start = end - length + 1
        for index, needle, as_written in owned:
            if not as_written or (aligned and text.startswith(needle, start)):
                outs[index].setdefault(needle, []).append(start)
    for index, group in enumerate(groups):
        if index < len(folded):
            group._whole = (folded_text, outs[index], rest[index])
        elif aligned:
            group._whole = (text, outs[index], rest[index])
