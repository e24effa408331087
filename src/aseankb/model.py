"""Data passed between the stages: read -> clean -> extract -> group -> render -> write."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

STATUSES = ("ingested", "warning", "duplicate", "skipped")
DATE_PRECISIONS = ("day", "month", "year")
DATE_SOURCES = ("header", "dateline", "frontmatter", "inferred", "override")
UNDATED = "sans-date"
# Between a title and the French name of the meeting the extractor adds to it
# (extract._situated): "Hàn Quốc và ASEAN… — 25e Sommet ASEAN-République de Corée, 2024".
SITUATED_SEP = " — "
# The years an article's date may have: outside is a typo, which would stretch the year
# charts over centuries, top every list and feed, and (past 2106) overflow the 32-bit dates
# of the site's gzip files.
DATE_YEARS = range(1900, 2101)


def is_real_date(year: int, month: int | None = None, day: int | None = None) -> bool:
    """Whether the calendar has this date (31 February does not), in DATE_YEARS."""
    if year not in DATE_YEARS or (month is None and day is not None):
        return False
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return False
    return True


MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")


def day_month_fr(month: int, day: int | None = None) -> str:
    """ "5 juin", "1er juin", or "juin" without a day."""
    return f"{'1er' if day == 1 else day} {MONTHS_FR[month - 1]}" if day else MONTHS_FR[month - 1]

# The note of an inferred year chosen from lower bounds alone, the earliest they allow
# (extract/infer.py writes it in `date_evidence`, render/checks.py lists such articles).
AT_EARLIEST = "année au plus tôt"


@dataclass(frozen=True)
class PartialDate:
    """A date of which the year, the month or the day may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day and self.month:
            return "day"
        return "month" if self.month else "year"


@dataclass
class Decoded:
    """A seed's text once its bytes are decoded (stage: read)."""

    text: str
    encoding: str
    messages: list[str] = field(default_factory=list)


@dataclass
class Cleaned:
    """A seed's text with the non-article parts taken out (stage: clean)."""

    paragraphs: list[str]
    header_date: PartialDate | None = None
    agency: str | None = None
    # The first line was a headline candidate (not a caption, not a dateline).
    headline: str | None = None
    # The first paragraph is an opening photo caption that tells the news (clean.caption_lead):
    # article text, never its title, and not where a dateline is sought.
    caption_lead: bool = False
    # Leftovers that say something about the article but are not its text.
    chrome: list[str] = field(default_factory=list)
    front: dict = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


@dataclass
class Article:
    """Everything known about one article (stage: extract)."""

    id: str
    source: str
    title: str
    date: PartialDate
    date_source: str
    language: str
    partners: list[str]
    partners_mentioned: list[str]
    domains: list[str]
    people: list[str]
    paragraphs: list[str]
    date_evidence: str | None = None
    agency: str | None = None
    events: list[str] = field(default_factory=list)
    events_fr: list[str] = field(default_factory=list)  # their names for readers, in the same order
    slug: str = ""
    sha256: str = ""
    # The opening of the text, for feeds: kept when the cache drops the paragraphs.
    summary: str = ""
    # Of an article about several partners, the domains and people that go with each
    # (extract/attribution.py); read through domains_of, people_of and partners_in.
    partner_domains: dict[str, list[str]] = field(default_factory=dict)
    partner_people: dict[str, list[str]] = field(default_factory=dict)
    # Person (as in `people`) -> the office they held when the article was written
    # (data/officials.yaml): "ministre des Affaires étrangères du Vietnam".
    people_roles: dict[str, str] = field(default_factory=dict)
    # Person -> the role the text introduces them with, as written ("président russe"), for
    # the people `people_roles` has no office for (extract/people.described).
    people_described: dict[str, str] = field(default_factory=dict)

    def domains_of(self, pid: str) -> list[str]:
        """The domains this article reports on with partner `pid` (all of them for an
        article about one partner, or a partner the attribution did not see: a correction)."""
        return _of(self.domains, self.partners, self.partner_domains, pid)

    def people_of(self, pid: str) -> list[str]:
        """The people this article names with partner `pid` (as domains_of)."""
        return _of(self.people, self.partners, self.partner_people, pid)

    def partners_in(self, did: str) -> list[str]:
        """The partners this article reports on in domain `did`."""
        if not self.partner_domains:
            return self.partners
        return [p for p in self.partners if did in self.domains_of(p)]

    def title_parts(self) -> tuple[str, str]:
        """The title's own words, and the " — <meeting>" the extractor added to them
        (extract._situated), or "": a Vietnamese title is followed by a French name, which
        its pages and lists mark in a language apart (render/titles.py). Any of the
        article's meetings: the one added is not always the first reported."""
        for label in self.events_fr:
            added = SITUATED_SEP + label
            if len(self.title) > len(added) and self.title.endswith(added):
                return self.title[:-len(added)], added
        return self.title, ""

    @property
    def year(self) -> int | None:
        return self.date.year

    @property
    def year_at_earliest(self) -> bool:
        """Whether the year is only the earliest the text allows (extract/infer.py)."""
        return self.date_source == "inferred" and f"{AT_EARLIEST}]" in (self.date_evidence or "")

    @property
    def year_key(self) -> str:
        """The year's folder and page name; undated articles share 'sans-date'."""
        return str(self.date.year) if self.date.year else UNDATED

    @property
    def iso_date(self) -> str | None:
        d = self.date
        if not d.year:
            return None
        return f"{d.year:04d}-{d.month or 1:02d}-{d.day or 1:02d}"

    @property
    def sort_key(self) -> tuple:
        """Newest first, then by id: the order of every list of articles."""
        return (-(self.date.year or 0), -(self.date.month or 0), -(self.date.day or 0), self.id)

    @property
    def page(self) -> str:
        return f"articles/{self.year_key}/{self.slug}.md"


def _of(items: list[str], partners: list[str], by_partner: dict[str, list[str]], pid: str) -> list[str]:
    if pid not in by_partner:  # one partner whose domains are all the article's, or a correction
        return items
    kept = set(by_partner[pid])
    return [i for i in items if i in kept]


@dataclass
class SeedResult:
    """One line of the build report: what became of one input file."""

    file: str
    status: str
    page: str | None = None
    duplicate_of: str | None = None
    messages: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "status": self.status,
            "page": self.page,
            "duplicate_of": self.duplicate_of,
            "messages": list(self.messages),
        }
