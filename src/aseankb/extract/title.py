"""The `title` field: the headline when the seed has one, else a headline made from the lead.

A photo caption or a dateline is never a title (the clean stage has removed
captions; datelines are cut off here).
"""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_TITLE = 120
MIN_CLAUSE = 40  # a clause shorter than this makes a poor headline
HEADLINE_MAX = 160
# "Bangkok (VNA) –", "Jakarta, 8 juillet (VNA) -", "TOKYO, Dec. 17 (Kyodo) --"
DATELINE_RE = re.compile(
    r"^(?:[^\W\d][\w’'. -]{1,40}?)?(?:,\s*(?:(?:le\s+)?(?:1er|\d{1,2})\s*[^\W\d]+\.?(?:\s+\d{4})?|"
    r"[^\W\d]+\.?\s+\d{1,2}(?:,\s*\d{4})?|(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?))?\s*"
    r"\((?:VNA|AFP|Xinhua|AP|Reuters|Yonhap|Kyodo|CVN|VNS|TTXVN|Bernama|Antara|ANTARA|PNA|TASS|KBS)[^)]{0,12}\)"
    r"\s*[-–—:]*\s*")
DATELINE_CAPS_RE = re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[-–—]+\s+")
DATE_PREFIX_RE = re.compile(r"^\s*date\s+\d{4}-\d{2}", re.I)
# The long form of ASEAN's name makes headlines too long to read; readers know "ASEAN".
LONG_ASEAN_RE = re.compile(
    r"\b(?:(l)(['’])|the\s+)?Association\s+(?:des|of)\s+(?:[Nn]ations\s+(?:de\s+l['’]|d['’])Asie\s+du\s+"
    r"Sud-Est|Southeast\s+Asian\s+Nations)\s*\(ASEAN\)|Hiệp\s+hội\s+các\s+(?:quốc\s+gia|nước)\s+Đông\s+Nam\s+Á"
    r"\s*\(ASEAN\)", re.I)
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[«\"“A-ZÀ-ÖØ-Þ])")
ABBREVIATION_RE = re.compile(r"(?:\b[A-Z]|\bM|\bMme|\bDr|\bSt|\bR|\bSept|\bU\.S)\.$")
# Points where a French (or English) headline can stop and still read as one.
CLAUSE_BREAK_RE = re.compile(
    r"\s*(?:[,;:–—(]|\s-\s)\s*|\s(?=(?:lors|à l['’]issue|dans le cadre|au cours|afin|selon|tenue?s?|"
    r"qui|dont|alors|pour|avec|en présence|during|at the|in order|which|after|when|"
    r"nhân|nhằm|trong khuôn khổ|trong khi|tại|sau khi)\b)")
TRAILING_WEAK_RE = re.compile(
    r"(?:\s+(?:de|du|des|la|le|les|l['’]|d['’]|à|au|aux|et|ou|en|un|une|sur|par|pour|avec|"
    r"the|of|and|a|an|to|in|on|for|with))+$", re.I)


# A lead that opens on a circumstance ("Selon un communiqué publié le 16 mars par la police,
# ...", "Poursuivant leurs activités dans le cadre du 23e Sommet, ...") puts its subject after
# the first comma: cut at that comma, the headline said only where the news came from. Only
# openers that say nothing of the subject: "Passant en revue les activités de l'ASEAN" does.
LEADING_CLAUSE_RE = re.compile(
    r"^(?:Selon|D['’]après|S['’]exprimant|Poursuivant|Prenant la parole|Intervenant|Lors d[eu']|"
    r"Dans le cadre d[eu']|En marge d[eu']|"
    r"À l['’]occasion d[eu']|Au cours d[eu']|À l['’]invitation d[eu']|According to|On the sidelines of)"
    r"[^,;:]{0,160},\s+(?=[A-Za-zÀ-ÖØ-öø-ÿ])")
# An opening participle ("Passant en revue les activités de l'ASEAN au cours de l'année
# écoulée, le vice-ministre X a affirmé…"): kept when the headline has room for its subject
# and verb, since it says what the news is about; dropped when the cut would leave it alone,
# a headline without a verb (seventeenth audit, sample seed 003).
PARTICIPLE_OPENER_RE = re.compile(r"^(?:En\s+)?[^\W\d][\w’'-]*ant\s[^,;:]{0,160},\s+(?=[A-Za-zÀ-ÖØ-öø-ÿ])")
# The predicate after a subject and its appositions ("L'ambassadeur X, représentant permanent
# du Vietnam auprès de l'ASEAN, à la tête d'une délégation, a participé..."): French auxiliaries
# and the commonest verbs of the news. Nor is a clause break before it a place to cut a title:
# "Le Sommet spécial ASEAN-Australie pour fêter le 50e anniversaire des relations
# ASEAN-Australie, a lieu du 4 au 6 mars" was cut to its subject alone (fifteenth audit).
# English ones too: devset 032's "Foreign Ministers of … the Member States of ASEAN, gathered
# on 21 January…" was cut before "gathered" to a subject without a verb (sixteenth audit).
PREDICATE_RE = re.compile(
    r"(?:a|ont|est|sont|s['’]est|se sont|va|vont|avait|avaient|sera|seront|n['’]a|n['’]ont|"
    r"a été|ont été|doit|doivent|devrait|participe|participent|affirme|souligne|annonce|"
    r"has|have|had|is|are|was|were|will|met|gathered|held|agreed|said|announced|signed|adopted)\s")
# The predicate as a word within a title, for `says_what_happened`.
PREDICATE_WORD_RE = re.compile(r"(?<![\w’'-])" + PREDICATE_RE.pattern)
SAYS_WHAT_WORDS = 4  # words after the verb that say what happened: "ont convenu de faire progresser"
COMMA_RE = re.compile(r",\s*(?!\d)")  # also ",Takeshi Iwaya", a space lost in the source; not "1,5"
NAME_ONLY_RE = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĐ][\w’'-]+ ){1,3}[A-ZÀ-ÖØ-ÞĐ][\w’'-]+$")  # "Bùi Thanh Son"
# "s'est ouvert mardi après-midi à New Delhi": in an archive, a weekday without its date tells
# the reader nothing, and the headline reads as one without it (eighteenth audit). Not a
# weekday with its date ("mardi 26 novembre"), nor one a preposition needs ("la réunion de
# mardi"): see WEEKDAY_KEEP_AFTER.
WEEKDAY_RE = re.compile(
    r"\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:matin|midi|soir|après-midi))?)"
    r"(?=\s+(?!\d|\w+\s+\d|(?:et|ou|au)\s)\S|[,;.]|$)")
WEEKDAY_KEEP_AFTER = re.compile(
    r"(?:\b(?:de|du|le|ce|les|depuis|dès|jusqu['’]à|avant|après|entre|et|ou|à|au|chaque|tous|d['’]ici))$", re.I)
# Where a lead is too long for a headline, two shortenings the agency's own headlines use
# ("Le PM au 28e Sommet ASEAN+3"): "PM" for "Premier ministre", and no place between a verb
# and its event ("ont participé à Bandar Seri Begawan, la capitale du Brunei, au 16e Sommet"):
# the event is the news, the article's text keeps the place.
PRIME_MINISTER_RE = re.compile(r"\b([Vv]ice-)?[Pp]remier [Mm]inistre\b")
PLACE_BEFORE_EVENT_RE = re.compile(
    r"\sà (?:[A-ZÀ-ÖØ-Þ][\w’'-]+ ?){1,4}(?:, (?:la |le |l['’])?(?:capitale|ville|province)\b[^,]{0,40})?,? "
    r"(?=(?:au|aux|à la|à l['’])\s?(?:\d+(?:e|er|re|ème)\s)?(?:[Ss]ommets?|[Ff]orums?|[Rr]éunions?|[Cc]onférences?|"
    r"[Dd]ialogues?|[Cc]érémonies?|[Ss]éminaires?|[Cc]olloques?|[Ss]essions?|[Ee]xercices?)\b)")
# "Titre de l'article | VietnamPlus": the outlet's name after a bar is not the headline.
SITE_SUFFIX_RE = re.compile(r"\s+\|\s+[^|]{2,40}$")


def is_headline(line: str) -> bool:
    """A first line is a headline when it is short, has no dateline and no final period."""
    line = line.strip()
    if not line or len(line) > HEADLINE_MAX or DATE_PREFIX_RE.match(line):
        return False
    if DATELINE_RE.match(line) or DATELINE_CAPS_RE.match(line):
        return False
    return len(line.split()) >= 3 and not re.search(r"[.:;,]$", line)


def strip_dateline(text: str) -> str:
    for regex in (DATELINE_RE, DATELINE_CAPS_RE):
        m = regex.match(text)
        if m:
            return text[m.end():]
    return text


def first_sentence(text: str) -> str:
    for m in SENTENCE_END_RE.finditer(text):
        if not ABBREVIATION_RE.search(text[: m.start()]):
            return text[: m.start()]
    return text


def shorten_asean(text: str) -> str:
    # With the text's own apostrophe: "l'ASEAN et de l’Union européenne" mixed two.
    return LONG_ASEAN_RE.sub(lambda m: f"{m[1]}{m[2]}ASEAN" if m[1] else "ASEAN", text)


def cut(text: str, limit: int = MAX_TITLE) -> str:
    """Cut at the last clause break within `limit`, else at a word, never mid-word."""
    text = text.strip().rstrip(".")
    if len(text) <= limit:
        return text
    breaks = [m.start() for m in CLAUSE_BREAK_RE.finditer(text)
              if MIN_CLAUSE <= m.start() <= limit and not PREDICATE_RE.match(text, m.end())]
    if breaks:
        return TRAILING_WEAK_RE.sub("", text[: breaks[-1]]).rstrip(" ,;:")
    head = text[: limit - 1].rsplit(" ", 1)[0]
    return TRAILING_WEAK_RE.sub("", head).rstrip(" ,;:") + "…"


def says_what_happened(title: str) -> bool:
    """Whether a French title cut short still holds its verb and what follows it: "L'ASEAN et
    la République de Corée ont convenu de faire progresser leur partenariat…" does, "… et le
    Premier ministre japonais Shinzo Abe ont…" does not."""
    m = PREDICATE_WORD_RE.search(title)
    return m is not None and len(title[m.end():].rstrip("…").split()) >= SAYS_WHAT_WORDS


def derive_title(paragraphs: list[str], topic: Callable[[str], bool]) -> str:
    """A headline from the lead: the first of the first paragraphs that names ASEAN or
    a partner (a lead about 'Près de 80 délégués' says nothing of the subject)."""
    candidates = [strip_dateline(p) for p in paragraphs[:3] if p.strip()]
    if not candidates:
        return ""
    lead = next((c for c in candidates if topic(first_sentence(c))), candidates[0])
    sentence = shortened(without_weekdays(without_circumstance(shorten_asean(first_sentence(lead)))))
    title = cut(without_appositions(sentence))
    if PREDICATE_WORD_RE.search(title):
        return title
    rest = without_circumstance(sentence, PARTICIPLE_OPENER_RE)
    return title if rest == sentence else cut(without_appositions(rest))


def without_circumstance(sentence: str, opener: re.Pattern = LEADING_CLAUSE_RE) -> str:
    """The sentence without an opening circumstance (`opener`), capitalised."""
    rest = opener.sub("", sentence, count=1)
    return sentence if rest == sentence else rest[:1].upper() + rest[1:]


def without_weekdays(sentence: str) -> str:
    """The sentence without a bare weekday ("a débuté jeudi à Phnom Penh")."""
    def drop(m: re.Match) -> str:
        return m[0] if WEEKDAY_KEEP_AFTER.search(sentence, 0, m.start()) else ""
    return WEEKDAY_RE.sub(drop, sentence)


def shortened(sentence: str) -> str:
    """A lead too long for a headline, with PRIME_MINISTER_RE's and PLACE_BEFORE_EVENT_RE's
    shortenings when they make it fit whole; else as it was. Cut anyway, it would lose the
    meeting's name for its verb (audit 19: devset 006's "…ont participé au 16e Sommet…" lost
    "— 16e Sommet ASEAN-Japon, 2013"), and its address would change for nothing."""
    if len(sentence.rstrip(".")) <= MAX_TITLE:
        return sentence
    short = PLACE_BEFORE_EVENT_RE.sub(" ", sentence, count=1)
    short = PRIME_MINISTER_RE.sub(lambda m: "vice-PM" if m[1] else "PM", short)
    return short if len(without_appositions(short).rstrip(".")) <= MAX_TITLE else sentence


def without_appositions(sentence: str) -> str:
    """A subject, then its predicate, without the appositions between them: "L'ambassadeur X
    a participé..." for "L'ambassadeur X, représentant permanent..., a participé...". Only
    when it is too long for a headline, and the predicate is found."""
    if len(sentence) <= MAX_TITLE:
        return sentence
    parts = COMMA_RE.split(sentence)
    for i in range(2, len(parts)):
        if PREDICATE_RE.match(parts[i]):
            # A name in apposition stays, without its commas: "Le ministre X a dit".
            names = [part for part in parts[1:i] if NAME_ONLY_RE.match(part)]
            return " ".join([parts[0], *names, ", ".join(parts[i:])])
    return sentence


def extract_title(paragraphs: list[str], topic: Callable[[str], bool],
                  front_title: str | None = None) -> tuple[str, bool]:
    """(title, whether the first paragraph is the headline and so not body text)."""
    if front_title and front_title.strip():
        return cut(front_title.strip()), False
    if paragraphs and is_headline(paragraphs[0]) and len(paragraphs) > 1:
        return cut(SITE_SUFFIX_RE.sub("", paragraphs[0])), True
    return derive_title(paragraphs, topic), False
