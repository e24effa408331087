"""The extractor's shortcuts give what the plain regex scans give (same matches, same answers)."""

from __future__ import annotations

import random
import re

from aseankb.config import load_taxonomy
from aseankb.extract.datescan import from_digit_runs, near_short_numbers, space_bound, year_ends
from aseankb.extract.domains import WEAK_MIN, _found, domain_needles, domain_places, extract_domains
from aseankb.extract.entities import _literal_matches
from aseankb.extract.meetings import ORDINAL_START, _matches, _ordinals, load_meetings
from aseankb.extract.printed import DAY_MONTH_RE, PERIOD_RE, TARGET_RE, YEAR_LAST, _date_matches
from aseankb.literals import literal_finditer
from aseankb.text import fold

TAX = load_taxonomy()
GLUE = [" ", "", "-", "’", ". ", "\n", "x", "é", "_", "1", " (", "s "]


def _texts(forms: list[str], count: int = 40) -> list[str]:
    """Forms glued to each other and to letters, digits and punctuation: matches that
    touch, overlap, or are refused by the word-boundary assertions."""
    rng = random.Random(3)
    return ["".join(rng.choice(forms) + rng.choice(GLUE) for _ in range(rng.randrange(1, 12)))
            for _ in range(count)]


def test_partner_names_found_where_their_forms_occur_as_by_a_full_scan() -> None:
    for partner in TAX.partners.values():
        for pattern, forms, folded in ((partner.names, partner.name_forms, True),
                                       (partner.exact, partner.exact_forms, False)):
            if pattern is None:
                continue
            for text in _texts([*forms, "corée du", "chin", "Nga"]):
                text = fold(text) if folded else text
                assert [m.span() for m in _literal_matches(pattern, forms, text)] == \
                    [m.span() for m in pattern.finditer(text)], (partner.id, text)


def test_domains_found_as_by_a_full_scan() -> None:
    words = ["terrorisme", "securite alimentaire", "securite", "moyens de transports", "transports",
             "cyber", "energie", "sante", "vaccins", "climat", "education", "commerce", "an ninh"]
    for domain in TAX.domains.values():
        for text in _texts(words, 80):
            for pattern, value in ((domain.patterns, fold(text)), (domain.exact, text)):
                if pattern is not None:
                    assert _found(pattern, value) == bool(pattern.search(value)), (domain.id, value)
            folded = fold(text)
            places = domain_needles(TAX.domains).places(folded)
            assert _found(domain.patterns, folded, places) == bool(domain.patterns.search(folded)), (domain.id, text)


def _blanked(pattern: re.Pattern | None, text: str) -> str:
    return text if pattern is None else pattern.sub(lambda m: " " * len(m.group(0)), text)


def test_domains_and_their_places_with_weak_keywords_as_by_full_scans() -> None:
    words = ["mer orientale", "Mer Orientale", "forum maritime elargi", "Forum maritime", "maritime",
             "ASEAN Maritime Forum", "south china sea", "Biển Đông", "biển Đông", "navigation", "securite",
             "peche illicite", "cooperation maritime", "an ninh biển", "mer"]
    for text in _texts(words, 400):
        folded, want = fold(text), {}
        for d in TAX.domains.values():
            weak = [m.start() for p, v in ((d.weak, folded), (d.weak_exact, text)) if p for m in p.finditer(v)]
            strong = [m.start() for p, v in ((d.patterns, _blanked(d.weak, folded)),
                                             (d.exact, _blanked(d.weak_exact, text))) if p for m in p.finditer(v)]
            if strong or len(weak) >= WEAK_MIN:
                want[d.id] = sorted({*weak, *strong})
        found = extract_domains(TAX, text)
        assert found == list(want), text
        assert domain_places(TAX, text, found) == want, text


def test_numbered_meetings_found_where_numbers_start_as_by_a_full_scan() -> None:
    pieces = ["35e sommet de l'asean", "12th asean summit", "a3", "2024", "1er", "19 e ", "amm-5", "36e",
              "sommet asean-japon", "hoi nghi cap cao asean lan thu 4", "admm+", "7 e reunion", "٣e", "1234e",
              "sommet special asean-australie",
              "asean-russia summit", "conference post-ministerielle", "٣٣", "12 3e"]
    for series in load_meetings():
        for pattern in series.patterns:
            for text in _texts(pieces, 30):
                numbers = [m.start() for m in re.finditer(r"\d+", text)]
                if pattern.pattern.startswith(ORDINAL_START):
                    numbers = _ordinals(text)
                assert [m.span() for m in _matches(pattern, text, numbers)] == \
                    [m.span() for m in pattern.finditer(text)], (series.id, text)


DATE_PIECES = ["12 mars 2020", "mardi", "le", "lundi 3 juin", "d'ici", "objectif de", "vision", "by", "la fin de",
               "1er", "en", "in", "2019", "2020-2021", "2018 / 2019", "  ", "\n",
               "march 5, 2021", "mar.", "5,2024", "juillet", "2023", ",", ".", "sept.", "x", "é", "19",
               "2030", " \n ", "\t", "year", "nam", "20201", "ngay 10/10/2024", "thang 5 nam 2020"]


def test_dates_found_before_their_years_as_by_a_full_scan() -> None:
    for text in _texts(DATE_PIECES, 3000):
        years, spaces = year_ends(text), space_bound(text)
        for regex in YEAR_LAST:
            assert [m.span() for m in _date_matches(regex, text, years, spaces)] == \
                [m.span() for m in regex.finditer(text)], (regex.pattern, text)
        assert [m.span() for m in from_digit_runs(PERIOD_RE, text)] == [m.span() for m in PERIOD_RE.finditer(text)]
        assert [m.span() for m in near_short_numbers(DAY_MONTH_RE, text, spaces)] == \
            [m.span() for m in DAY_MONTH_RE.finditer(text)], text
        assert [m.span() for m in literal_finditer(TARGET_RE, text)] == [m.span() for m in TARGET_RE.finditer(text)]


def test_patterns_rewritten_to_start_with_a_class_match_as_the_originals() -> None:
    from aseankb import dedup, text
    from aseankb.extract import clues, datescan, entities, meetings
    rewritten = [(entities.SENTENCE_END_RE, r"[.!?](?=\s|$)|\n"), (meetings.SENTENCE_END_RE, r"[.!?;](?=\s|$)|\n"),
                 (clues.SENTENCE_RE, r"[^.!?\n]+(?:[.!?]+|$)"), (text.DIGITS_RE, r"\d+"),
                 (datescan.SPACE_RUN_RE, r"\s+"), (text.SPACES_RE, r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")]
    pieces = ["a", "é", ".", "!", "?", ";", "\n", " ", "  ", "\t", "\u00a0", "\u200b", "\u3000", "12", "٣", "x.", "?!",
              "\x0b", "\x0c", "_", "Z"]
    for value in _texts(pieces, 3000):
        for regex, original in rewritten:
            if regex is text.SPACES_RE:  # only the runs that squashing changes: the same result
                assert regex.sub(" ", value) == re.sub(original, " ", value), value
                assert text.squash_spaces_keep_lines(value) == re.sub(original, " ", value), value
            else:
                assert [m.span() for m in regex.finditer(value)] == \
                    [m.span() for m in re.finditer(original, value)], (original, value)
        data = fold(value).encode("ascii", "ignore")
        assert data.translate(text.WORD_BYTES).split() == dedup.WORD_RE.findall(data)


def test_names_found_where_capitals_start_as_by_a_full_scan() -> None:
    from aseankb.extract.people import NAME_RE, _names
    pieces = ["Mike Pompeo", "M. Lavrov", "Mme Marise Payne", "U Thant", "le ministre", "Do Hung Viet", "ASEAN",
              "l’", "d'", "-", ".", "É", "Đặng", "van", "de", "x", "9", "\n", "Nga"]
    for value in _texts(pieces, 3000):
        assert [m.span(1) for m in _names(value)] == [m.span(1) for m in NAME_RE.finditer(value)], value


def test_needles_found_where_substring_searches_find_them() -> None:
    from aseankb.extract import needles as text_module
    needles = ["coree", "coree du sud", "us", "u.s.", "asean-us", "é", "ab", "b", "bb"]
    class Eager(text_module.Needles):
        FEW = 1  # an automaton for these few needles too

    automaton, plain = Eager(needles), text_module.Needles(needles)
    assert automaton._automaton is not None or text_module.ahocorasick is None
    plain._automaton = None  # as without pyahocorasick: a substring search per needle
    for value in _texts(needles + ["x", "ASEAN"], 500):
        want = {n: [i for i in range(len(value)) if value.startswith(n, i)] for n in needles}
        assert automaton.places(value) == plain.places(value) == {n: at for n, at in want.items() if at}, value
        assert automaton.found(value) == plain.found(value) == {n for n, at in want.items() if at}, value


def test_partners_counted_from_the_places_found_as_by_their_own_scans() -> None:
    from aseankb.extract.entities import count_partner, named
    words = [f for p in TAX.partners.values() for f in (*p.name_forms[:3], *p.exact_forms[:2])]
    for value in _texts(words + ["péninsule coréenne", "mer de Chine méridionale", "Nguyễn Thị Nga"], 300):
        folded = fold(value)
        places = named(TAX.partners, value, folded)
        for partner in TAX.partners.values():
            assert count_partner(partner, value, folded, places) == count_partner(partner, value, folded), value


def test_chrome_lines_recognised_by_one_match_as_by_each_pattern() -> None:
    from aseankb.clean import CHROME_DATE_RE, CHROME_RES, is_chrome
    pieces = ["Source", ":", "Comments (3)", "Commentaires (0)", "Dernière mise à jour", ">> ", "Page d'accueil >>",
              "Partager", "Tags", "|", "Lire aussi", "Bình luận", "Publié le 12/03/2020", "Xinhua | 23.02.2023 08h45",
              "![]()", "Updated", "texte", "(12)", " ", "x" * 50]
    for value in _texts(pieces, 3000):
        assert is_chrome(value) == (any(r.match(value) for r in CHROME_RES) or bool(CHROME_DATE_RE.match(value)))


def test_trailers_and_space_runs_as_by_the_full_scans() -> None:
    from aseankb.clean import AGENCIES, TRAILER_RE, strip_trailer
    pieces = ["texte", "-VNA", " – AFP", "— Xinhua", "/CVN", ".", " ", "\u2028", "\x0b", "\t", "\n", "AP", "APEC",
              "TTXVN", "(VNA)", "-", "Reuters.", "é"]
    for value in _texts(pieces, 3000):
        m = TRAILER_RE.search(value) if re.search(AGENCIES, value) else None
        want = (value[: m.start()].rstrip(), m.group(1)) if m and m.start() > 0 else (value, None)
        assert strip_trailer(value) == want, value
        runs = [len(r) for r in re.findall(r"\s+", value)]
        assert space_bound(value) == (max(runs) if max(runs, default=0) > 1 else 1), value


def test_not_phrases_blanked_as_by_a_substitution() -> None:
    from aseankb.extract.entities import _blank
    for partner in TAX.partners.values():
        if partner.not_ is None:
            continue
        for value in _texts(["peninsule coreenne", "mer de chine meridionale", "south china sea", "ocean indien",
                             "indo-pacifique", "amerique latine", "coree", "chine"], 200):
            assert _blank(value, partner.not_) == partner.not_.sub(lambda m: " " * len(m.group(0)), value), value


def test_sentences_split_as_by_the_sentence_pattern() -> None:
    from aseankb.extract.clues import SENTENCE_RE, _spans
    pieces = ["Le sommet", " ", ".", "!", "?", "\n", "...", " \u2028", "\t", "é", "45e anniversaire", "x" * 30]
    for value in _texts(pieces, 3000) + ["a\n", "a\n\n", "\n", ".", "a.\nb", "a\nb"]:
        folded = fold(value)
        want = tuple((m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
                     for m in SENTENCE_RE.finditer(folded))
        assert _spans(value) == want, value


def test_sentence_ends_found_as_by_the_sentence_end_pattern() -> None:
    from aseankb.extract.entities import SENTENCE_END_RE
    from aseankb.text import stops_before_space
    pieces = ["Le sommet", " ", ".", "!", "?", "\n", "...", "\u2028", "\t", "\u00a0", "\x1c", "é", "x"]
    for value in _texts(pieces, 3000) + ["", ".", "\n", "a.", "a.b", "a. b"]:
        assert stops_before_space(value, ".!?") == [m.start() for m in SENTENCE_END_RE.finditer(value)], value


def test_digit_runs_and_year_ends_as_by_the_scans() -> None:
    from aseankb import text
    from aseankb.extract.datescan import YEAR_END_RE
    pieces = ["12", "2019", "20201", "٣", "٣٣", "x", "é", " ", "1", "1950", "_", "a2024", "\n", "2040"]
    for value in _texts(pieces, 3000):
        assert text.digit_runs(value) == tuple(m.span() for m in re.finditer(r"\d+", value)), value
        assert year_ends(value) == [m.start() for m in YEAR_END_RE.finditer(value)], value
    for value in _texts(pieces, 300):
        whole = value * (text.LONG_TEXT // max(1, len(value)) + 1)  # long enough to be kept
        text.digit_runs(whole)
        for cut in range(0, len(whole), 7):  # the runs of a text that ends it, cut from its own
            part = whole[cut:]
            assert text.digit_runs(part) == tuple(m.span() for m in re.finditer(r"\d+", part)), (cut, whole)


def test_body_folded_as_by_itself_after_its_title() -> None:
    from aseankb import text
    pieces = ["Sommet", "ΟΔΟΣ", "Σ", "σ", " ", "\n", "é", "e\u0301", "\u0301", "한국", "İ", "’", "`", "Œ", "x", "đ"]
    for value in _texts(pieces, 1000):
        whole = ("T " * text.LONG_TEXT) + value
        assert text.fold(whole) == text._fold(whole)
        for i in [i for i, c in enumerate(whole) if c == "\n"]:
            part = whole[i + 1:]
            assert text.fold(part) == text._fold(part), part


def test_needles_found_together_as_by_their_own_scans() -> None:
    from aseankb.extract.needles import Needles, scan_together
    folded_sets = [["coree", "coree du sud", "asean", "us", " a"], ["an ninh", "ministre", "ab", "coree"]]
    written_sets = [["UE", "Hàn Quốc", "Nga", "Seoul", "ΟΔΟΣ"], ["ADMM", "an ninh", "Biển Đông", "Hàn"]]
    pieces = [n for s in folded_sets + written_sets for n in s] + ["x", "\n", "é", "Σ", "한", "\u0301", " ", "É"]
    for value in _texts(pieces, 300):
        folded_groups = tuple(Needles(s) for s in folded_sets)
        written_groups = tuple(Needles(s) for s in written_sets)
        scan_together(fold(value), folded_groups, value, written_groups)
        for cut in [0] + [i + 1 for i, c in enumerate(value) if c == "\n"]:  # the text, and its ends
            part = value[cut:]
            for groups, sets, text in ((folded_groups, folded_sets, fold(part)), (written_groups, written_sets, part)):
                for group, needles in zip(groups, sets, strict=True):
                    alone = Needles(needles)
                    assert group.places(text) == alone.places(text), (needles, text)
                    assert group.found(text) == alone.found(text), (needles, text)


def test_odd_spaces_found_as_by_the_class_scan() -> None:
    from aseankb.text import ODD_SPACE_RE, _odd_space
    pieces = ["a", " ", "\t", "\u00a0", "\u2000", "\u200b", "\u200c", "\u202f", "\u205f", "\u3000", "é", "\n", "\u2028"]
    for value in _texts(pieces, 3000):
        assert _odd_space(value) == bool(ODD_SPACE_RE.search(value)), value


def test_a_mention_s_sentence_as_by_the_sentence_end_pattern_on_its_window() -> None:
    """Sentences bisects the text's sentence ends, found once: the same parts as the
    pattern run on each span's window, whose edges also end a sentence (`$`)."""
    from aseankb.extract import meetings
    from aseankb.extract.meetings import SENTENCE_END_RE, Sentences

    def windowed(folded: str, start: int, end: int, reach: int) -> tuple[str, str]:
        low = max(0, start - reach)
        begin = max((m.end() for m in SENTENCE_END_RE.finditer(folded, low, start)), default=low)
        stop = SENTENCE_END_RE.search(folded, end, end + reach)
        return folded[begin:start], folded[end: stop.start() if stop else min(len(folded), end + reach)]

    pieces = ["sommet", " ", ".", "!", ";", "?", "\n", ". ", "x", "\t", "\u2028", "amm"]
    reach = meetings.SENTENCE_REACH
    try:
        meetings.SENTENCE_REACH = 6  # short, so that windows end inside the texts
        for value in _texts(pieces, 1500) + ["", ".", "a.b", "a. b"]:
            sentences = Sentences(value)
            for start in range(len(value) + 1):
                for end in (start, min(len(value), start + 3)):
                    assert sentences.around(start, end) == windowed(value, start, end, 6), (value, start, end)
    finally:
        meetings.SENTENCE_REACH = reach
