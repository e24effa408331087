"""Stage 3, extract: one function per front-matter field, and `extract` to compose them."""

from __future__ import annotations

import hashlib
import inspect
import re

from slugify import slugify

from ..config import Taxonomy
from ..meeting_series import ordinal, series_id
from ..model import SITUATED_SEP, Article, Cleaned, PartialDate
from ..text import APOSTROPHES, fold
from .attribution import in_general, partner_links
from .clues import load_relations
from .dates import Context, extract_date
from .domains import domain_exact_needles, domain_needles, domain_places, extract_domains
from .entities import (
    count_partner,
    named,
    named_partners,
    partner_needles,
    scan_partners,
)
from .glued import unglue
from .language import extract_language
from .markers import load_markers
from .meetings import Mention, find_meetings, load_meetings, meeting_needles
from .needles import scan_together
from .officials import load_officials, named_officials, official_needles, official_roles
from .people import described, extract_people
from .printed import date_needles
from .title import MAX_TITLE, cut, extract_title, first_sentence, says_what_happened, strip_dateline

SLUG_MAX = 60
# An article names a few people, a long one thirty: more is a list pasted in (or a hostile
# seed), each name of which would become a person page.
PEOPLE_MAX = 60


def _slug_options() -> dict[str, str]:
    """The transliteration python-slugify would choose by itself, named: its automatic
    choice tries to import `unidecode` on every call, and a failed import searches the
    whole module path (~0.15 ms an article). Nothing to name when `unidecode` is installed
    (it is the automatic choice) or when this version of slugify has no such option."""
    try:
        import unidecode  # noqa: F401
    except ImportError:
        return {"backend": "text-unidecode"} if "backend" in inspect.signature(slugify).parameters else {}
    return {}


SLUG_OPTIONS = _slug_options()


def article_id(file_name: str) -> str:
    """Stable id from the seed's file name: corrections refer to it, so it must not
    change when the text is edited."""
    stem = file_name.rsplit(".", 1)[0]
    return slugify(stem, max_length=80, **SLUG_OPTIONS) or hashlib.sha256(file_name.encode()).hexdigest()[:16]


def article_slug(title: str, art_id: str) -> str:
    """ASCII, lower case, stable and unique: the title's words, then a short hash of the id."""
    spaced = title.translate(APOSTROPHES).replace("'", " ")  # "l’ASEAN" -> "l-asean", as "l'ASEAN"
    words = slugify(spaced, max_length=SLUG_MAX, word_boundary=True, save_order=True, **SLUG_OPTIONS) or "article"
    return f"{words}-{hashlib.sha256(art_id.encode()).hexdigest()[:6]}"


def _topic(tax: Taxonomy):
    def is_topical(sentence: str) -> bool:
        if "ASEAN" in sentence:
            return True
        folded = fold(sentence)
        found = named(tax.partners, sentence, folded)
        ids = named_partners(tax.partners, found)
        return any(count_partner(p, sentence, folded, found) for pid, p in tax.partners.items() if pid in ids)
    return is_topical


def load_data() -> None:
    """Load and validate the extractor's own data files (meetings, relations, officials,
    markers): a broken file is a ConfigError naming the file and the key, raised before any
    seed is read."""
    load_meetings()
    load_relations()
    load_officials()
    load_markers()


def _partners_in(tax: Taxonomy):
    def partners_in(sentence: str) -> list[str]:
        folded = fold(sentence)
        found = named(tax.partners, sentence, folded)
        ids = named_partners(tax.partners, found)
        return [pid for pid, p in tax.partners.items() if pid in ids and count_partner(p, sentence, folded, found)]
    return partners_in


def events(meetings: list[Mention], year: int | None, lead_end: int = 0,
           month: int | None = None) -> list[tuple[str, str]]:
    """(id, French label) of the meetings the article reports: numbered ones as named,
    special summits, and a yearly series named without its number ("le sommet ASEAN-Corée"),
    once the article's year (and for the ASEAN Summit or the AMM, its month: Series.held_at)
    says which one it was. Not a meeting named
    past the title and lead (`lead_end`) only in lines of the programme (Mention.dated_lines):
    an AMM report's "Le 11 juillet, les ministres poursuivent ... lors du 32e Forum
    régional" names the next day's forum (eighth and ninth audits)."""
    out: dict[str, str] = {}
    for m in meetings:
        if not m.reported or (m.dated_lines and m.first >= lead_end):
            continue
        if m.number is not None:
            label = f"{ordinal(m.number, m.series.label)} {m.series.label}"
            if not m.years:
                # A series without a schedule: the year of its report, as its series' page
                # heads it (render/meetings._year). Without it, "22e Réunion ministérielle
                # UE-ASEAN" stood beside "16e Sommet ASEAN-Japon, 2013" (seventeenth audit).
                out.setdefault(m.event_id, f"{label}, {year}" if year else label)
            # A meeting of another year than the article's is a reference, not its subject.
            elif year is None or year - 1 <= min(m.years) <= year:
                out.setdefault(m.event_id, f"{label}, {min(m.years)}")
        elif m.series.numbered:  # named without its number: the meeting of the article's year
            number = m.series.held_at(year, month) if year else None
            if number:
                out.setdefault(f"{m.series.id}-{number}", f"{ordinal(number, m.series.label)} {m.series.label}, {year}")
        elif year in m.years:
            out.setdefault(f"{m.series.id}-{year}", f"{m.series.label}, {year}")
    return list(out.items())


def _roles(people: list[str], offices: dict[str, str]) -> dict[str, str]:
    """Each person's office (official_roles, by folded name) under the name `people` gives."""
    return {name: offices[fold(name)] for name in people if fold(name) in offices}


def _title_and_body(cleaned: Cleaned, tax: Taxonomy) -> tuple[str, list[str], list[str], str, bool]:
    """(title, body, the body without an opening caption, language, whether the title was
    made from the lead). An opening caption kept as the lead (clean.caption_lead) opens the
    body, but the title and the dateline are sought in what follows it."""
    caption = cleaned.paragraphs[:1] if cleaned.caption_lead else []
    paragraphs = cleaned.paragraphs[len(caption):]
    title, first_is_title = extract_title(paragraphs, _topic(tax), cleaned.front.get("title"))
    text_proper = paragraphs[1:] if first_is_title else paragraphs
    if not text_proper:
        raise ValueError("no article text: the file holds only a title")
    language = extract_language([*caption, *text_proper])
    if language == "fr":  # words the source glued together, parted (glued.py)
        title, *parted = unglue([title, *caption, *text_proper])
        title, caption, text_proper = cut(title), parted[:len(caption)], parted[len(caption):]
    derived = not first_is_title and not (cleaned.front.get("title") or "").strip()
    return title, [*caption, *text_proper], text_proper, language, derived


SITUATED_MAX = 60  # characters of a meeting's name added to a title (_situated)
# A meeting's label without its number and year: "16e Sommet ASEAN-Japon, 2013" → "Sommet
# ASEAN-Japon". A title that names it already needs no suffix: "Le Sommet spécial
# ASEAN-Australie pour fêter… — Sommet spécial ASEAN-Australie, 2024" said it twice.
LABEL_CORE_RE = re.compile(r"^\d+(?:e|er|re)\s+|,\s*\d{4}$")


def _situated(title: str, derived: bool, tax: Taxonomy, reported: list[tuple[str, str]], language: str,
              theirs: set[str]) -> str:
    """A title made from a lead that names neither ASEAN nor a partner ("La force de
    sécurité est déployée dans et hors des sites du sommet"), or cut short, or a Vietnamese
    one, followed by the meeting the article reports: in a list, which summit, which country,
    in French (thirteenth audit: the 2024 ASEAN-Korea partnership was listed in Vietnamese
    only). `theirs`: the series that meet one of the article's partners."""
    # The meeting with one of its partners first: "dans le cadre du 23e Sommet de l'ASEAN,
    # ... au 16e Sommet ASEAN-Japon" reports the latter.
    own = [label for eid, label in reported if series_id(eid) in theirs]
    if not reported or len(label := (own or [reported[0][1]])[0]) > SITUATED_MAX:
        return title
    if not _needs_meeting(title, derived, tax, language) or fold(LABEL_CORE_RE.sub("", label)) in fold(title):
        return title
    return f"{cut(title, MAX_TITLE - len(label) - len(SITUATED_SEP))}{SITUATED_SEP}{label}"


def _needs_meeting(title: str, derived: bool, tax: Taxonomy, language: str) -> bool:
    """A Vietnamese title; a lead without ASEAN or a partner; a lead cut short before it said
    what happened ("… et le Premier ministre japonais Shinzo Abe ont…"), not one cut after it:
    "L'ASEAN et la République de Corée ont convenu de faire progresser leur partenariat…" lost
    most of its words to the meeting's name (sixteenth audit)."""
    if language == "vi":
        return True
    if not derived:
        return False
    if not _topic(tax)(title):
        return True
    return title.endswith("…") and not (language == "fr" and says_what_happened(title))


def extract(cleaned: Cleaned, *, file_name: str, source: str, tax: Taxonomy) -> tuple[Article, list[str]]:
    """Compose every field of one article; returns the article and its warnings."""
    warnings: list[str] = []
    front = cleaned.front
    title, body, text_proper, language, derived = _title_and_body(cleaned, tax)
    lead = first_sentence(strip_dateline(text_proper[0]))
    text = "\n".join(body)
    whole = f"{title}\n{text}"
    # Partners, domains, meetings and officials are sought in the title and body (or the body
    # alone): their names and keywords are found in one pass over it for all four.
    # The data files, loaded once for the article (each load checks the file's date).
    series, officials, relations, markers = load_meetings(), load_officials(), load_relations(), load_markers()
    folded_forms, exact_forms = partner_needles(tax.partners)
    scan_together(fold(whole), (folded_forms, domain_needles(tax.domains), meeting_needles(series),
                                official_needles(officials), *date_needles()),
                  whole, (exact_forms, domain_exact_needles(tax.domains)))
    scan = scan_partners(tax, title, lead, text)
    partners = scan.about
    meetings = find_meetings(whole, series)
    ctx = Context(meetings, partners, _partners_in(tax), officials, relations, markers)
    date = extract_date(cleaned.header_date, text_proper[0], cleaned.chrome, text, front, ctx)
    if date.date is None:
        warnings.append("no date found in the file or its text: filed under 'sans date'")
    art_id = article_id(file_name)
    reported = events(meetings, date.date.year if date.date else None, len(title) + 1 + len(body[0]),
                      date.date.month if date.date else None)
    domains, people = extract_domains(tax, whole), extract_people(body, named_officials(text, officials))
    if len(people) > PEOPLE_MAX:
        warnings.append(f"names {len(people)} people: only the first {PEOPLE_MAX} are listed and given pages")
        people = people[:PEOPLE_MAX]
    roles = _roles(people, official_roles(text, date.date, officials))
    places = len(partners) > 1 or (len(partners) == 1 and in_general(whole))
    by_domain, by_person = partner_links(whole, scan, domain_places(tax, whole, domains) if places else {}, people)
    title = _situated(title, derived, tax, reported, language,
                      {x.id for x in series if x.partner in partners})
    article = Article(
        id=art_id, source=source, title=title,
        date=date.date or PartialDate(), date_source=date.source, date_evidence=date.evidence,
        language=language, partners=partners, partners_mentioned=scan.mentioned,
        domains=domains, people=people, partner_domains=by_domain, partner_people=by_person,
        people_roles=roles, people_described=described([title, *body], [p for p in people if p not in roles]),
        paragraphs=body, agency=cleaned.agency, slug=article_slug(title, art_id),
        events=[i for i, _ in reported], events_fr=[label for _, label in reported])
    return article, warnings
