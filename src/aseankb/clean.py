"""Stage 2, clean: keep the article's own paragraphs, take out everything else.

What goes: photo captions and credits, empty image stubs, site chrome ("Source",
"Comment (0)", "Dernière mise à jour...", related-article links, paywall lines),
machine-translation debris and agency trailers. What is metadata is kept aside:
the leading " date YYYY-MM " line and the agency. One caption stays, without its
credit: an opening one that tells the news the text then does not repeat (caption_lead).
"""

from __future__ import annotations

import re

from .model import DATE_YEARS, Cleaned, PartialDate, is_real_date
from .text import fold, squash_spaces_keep_lines

HEADER_DATE_RE = re.compile(r"^\s*date\s*:?\s+(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?\b[ \t]*")
AGENCIES = r"VNA|AFP|Xinhua|AP|Reuters|Yonhap|Kyodo|CVN|VNS|TTXVN|Bernama|Antara|PNA"
TRAILER_RE = re.compile(rf"\s*[-–—]\s*({AGENCIES})(?:/CVN)?\s*\.?\s*$")
AGENCY_LINE_RE = re.compile(rf"^\(?\s*({AGENCIES})(?:/(?:{AGENCIES}))*\s*\)?\.?$")
# Where else a page names its agency: the dateline ("Busan (VNA) –", "Jakarta, 28 mars (VNA) -")
# and a page's byline ("Xinhua | 23.02.2023 08h45"). Not a photo credit ("(Xinhua/Bai Xueqi)"):
# an agency's photo illustrates other agencies' dispatches.
DATELINE_AGENCY_RE = re.compile(rf"^[^\W\d][^()\n]{{0,60}}\(\s*({AGENCIES})(?:/[A-Z]+)?\s*\)\s*[-–—:]")
BYLINE_AGENCY_RE = re.compile(rf"^({AGENCIES})\s*\|")
CAPTION_END_RE = re.compile(r"(?:^|[\s.(])(?:Photos?|Ảnh|Nguồn ảnh|Photo credit)\s?:\s?[^\s.:][^.]{0,60}\)?\s*\|?\s*$")
CREDIT_RE = re.compile(r"^\((?:Photo\s?:\s?)?[^()]{2,50}/[^()]{1,50}\)\s*\|?$")
PIPE_END_RE = re.compile(r"\|\s*$")
IMAGE_ALT_RE = re.compile(r"\s*\bhinh anh \d+\s*")
IMAGE_ALT_MARK = "hinh anh "
FRANCAIS = "Français"  # what FRANCAIS_RE's lines start with
FRANCAIS_RE = re.compile(r"^Français\s+(?=[A-ZÀ-ÖØ-Þ«\"“])")
# Also after an acronym ("l'ASEAN.Le Canada", not "U.S.A": two capitals before the stop), an
# ellipsis ("entreprises…Avec") or a comma ("étrangères,Takeshi Iwaya"; "1,5" has no capital).
GLUED_SENTENCE_RE = re.compile(
    r"(?:(?<=[a-zà-öø-ÿ»”)])|(?<=[A-Z]{2}))([.!?…,])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'])")
# Shortcuts (a line without them cannot match, and testing is far cheaper than the scans above,
# which start with an assertion or a `\s*` and so try every position): punctuation glued
# to a capital, the words a caption ends with, the agencies a trailer names.
GLUED_MARK_RE = re.compile(r"[.!?…,][A-ZÀ-ÖØ-Þ]")
CAPTION_MARKS = ("Photo", "Ảnh", "ảnh")
TRAILER_ENDS = (*AGENCIES.split("|"), "/CVN")
CHROME_RES = [re.compile(p, re.I) for p in (
    r"^!\[[^\]]*\]\([^)]*\)\s*\|?$",               # empty image stub "![]() |"
    r"^Source\s*:?$",
    r"^Comments?\s*\(\d+\)$",
    r"^Commentaires?\s*\(\d+\)$",
    r"^Dernière mise à jour\b.*$",
    r"^Page d'accueil\s*>>.*$",
    r"^>>.*$",                                      # related-article links
    r"^To continue reading\b.*$",
    r"^(Create (a )?free account|Subscribe|Sign up|Log in|Already a member)\b.*$",
    r"^(Partager|Imprimer|Tags?)\s*:?.{0,40}$",
    r"^\|+$",
    r"^(Lire aussi|À lire aussi|A lire aussi|Voir aussi|Read more|Related( articles?| news)?|Tin liên quan|"
    r"Xem thêm|Share this( article)?|Advertisement|Quảng cáo)\b\s*:?.{0,80}$",
    r"^(Bình luận|Chia sẻ)\s*(\(\d+\))?$",
    # Publication lines: kept aside as chrome, the date stage reads them.
    r"^(Publié|Mis à jour|Updated|Published|Posted|Cập nhật|Ngày đăng)\b(?=.{0,60}\d).{0,70}$",
)]
# One match instead of one per pattern (a line is chrome when any of them matches it).
CHROME_ANY_RE = re.compile("|".join(f"(?:{r.pattern})" for r in CHROME_RES), re.I)
CHROME_DATE_RE = re.compile(r"^\w[\w ]{0,30}\|\s*(\d{2})\.(\d{2})\.(\d{4})\s+\d{1,2}h\d{2}\s*$")
# Markdown a page was saved with: a heading's markers ("## Titre ##") and strong emphasis
# ("**gras**", "__gras__"). The seeds are plain text and every page shows them as written, so
# the markers would reach titles and text as stray characters. Not "#ASEAN2020" (no space).
HEADING_MARKS_RE = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?$")
# Not within words: "window.__pwned=2 … window.__pwned" holds no emphasis (Markdown's own rule
# for "__", kept for "**" too).
STRONG_RE = re.compile(r"(?<![\w*])(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")


def split_header(text: str) -> tuple[PartialDate | None, str, list[str]]:
    """Take the leading ' date YYYY-MM[-DD] ' marker off the text: (its date, the text
    after it, a message when the marker's date is not a real one, which is then ignored)."""
    m = HEADER_DATE_RE.match(text)
    if not m:
        return None, text, []
    year, month, day = (int(g) if g else None for g in m.groups())
    if not is_real_date(year, month, day):
        return None, text[m.end():], [f"header date {m.group().strip()!r} is not a real date "
                                      f"(or not in {DATE_YEARS.start}-{DATE_YEARS.stop - 1}): ignored"]
    return PartialDate(year, month, day), text[m.end():], []


def without_markdown(line: str) -> str:
    """The line without HEADING_MARKS_RE's and STRONG_RE's markers."""
    if line.startswith("#"):
        line = HEADING_MARKS_RE.sub(r"\1", line)
    return STRONG_RE.sub(r"\2", line) if "**" in line or "__" in line else line


def _caption_end(line: str) -> re.Match | None:
    return CAPTION_END_RE.search(line) if any(m in line for m in CAPTION_MARKS) else None


def is_caption(line: str, marks: bool = True) -> bool:
    """Photo captions and credits: never article text, never a title. `marks`: False when
    the text the line comes from holds none of CAPTION_MARKS (then no caption ends it)."""
    return bool((marks and _caption_end(line)) or CREDIT_RE.match(line) or PIPE_END_RE.search(line))


CAPTION_MAX = 300  # a caption is a sentence or two; a longer line is text that ends with one
LAST_SENTENCE_RE = re.compile(r"^(.*[.!?»”\"])\s*\S[^.!?]*[.!?]?[^.!?]*$", re.S)


def drop_trailing_caption(line: str) -> str:
    """'Text of a glued article. The leaders pose. Photo: VNA' -> 'Text of a glued article.'"""
    m = _caption_end(line)
    head = line[: m.start()] if m else line
    cut = LAST_SENTENCE_RE.match(head.rstrip(" .")) if m else None
    return cut.group(1).strip() if cut else ""


# An opening caption that is the article's lead: a sentence long enough to tell the news, with
# a finite verb ("Le vice-ministre X a présidé une réunion pour examiner..."), not a picture's
# label ("La ministre indienne des Affaires étrangères Sushma Swaraj. Photo: AFP").
LEAD_CAPTION_WORDS = 15
FINITE_VERB_RE = re.compile(r"\s(?:a|ont|est|sont|sera|seront|va|vont|has|have|is|are|was|were|will)\s")
REPEAT_CHARS = 60  # the folded opening of a caption found again in the text: the lead repeats it


def caption_lead(line: str) -> str:
    """The text of an opening caption that may be the article's lead (LEAD_CAPTION_WORDS,
    FINITE_VERB_RE), without its credit; "" for any other line."""
    m = _caption_end(line)
    head = line[: m.start()].strip() if m else ""
    return head if len(head.split()) >= LEAD_CAPTION_WORDS and FINITE_VERB_RE.search(head) else ""


def _told_again(lead: str, paragraphs: list[str]) -> bool:
    """Whether the text repeats the caption (as most do: "Le Sommet ... a lieu du 4 au 6
    mars à Melbourne. Photo: VNA", then "Canberra (VNA) – Le Sommet ... a lieu du 4 au 6
    mars à Melbourne, en Australie, ...")."""
    opening = fold(lead)[:REPEAT_CHARS]
    return any(opening in fold(p) for p in paragraphs[:3])


def _same_text(line: str, previous: str) -> bool:
    """Whether `line` repeats the paragraph before it but for spaces ("l'ASEAN ont" /
    "l'ASEANont"): a page that shows its lead twice, as a standfirst then as text."""
    if abs(len(line) - len(previous)) > len(previous) // 20:
        return False
    return "".join(fold(line).split()) == "".join(fold(previous).split())


def is_chrome(line: str) -> bool:
    return bool(CHROME_ANY_RE.match(line) or CHROME_DATE_RE.match(line))


def _may_end_with_agency(line: str) -> bool:
    """Whether the line ends as TRAILER_RE's matches do (an agency, then white space and
    a period at most): a line that does not skips the scan, which tries every position."""
    tail = line.rstrip()
    if tail.endswith("."):
        tail = tail[:-1].rstrip()
    return tail.endswith(TRAILER_ENDS)


def strip_trailer(line: str) -> tuple[str, str | None]:
    """'... dans l'avenir. -VNA' -> ('... dans l'avenir.', 'VNA')."""
    m = TRAILER_RE.search(line) if _may_end_with_agency(line) else None
    if m and m.start() > 0:
        return line[: m.start()].rstrip(), m.group(1)
    return line, None


def _split_alt_text(lines: list[str]) -> list[str]:
    # VietnamPlus glues "headline hinh anh 1caption" into one line.
    out: list[str] = []
    for line in lines:
        if IMAGE_ALT_MARK in line:
            out.extend(p for p in IMAGE_ALT_RE.split(line) if p.strip())
        elif line.strip():
            out.append(line)
    return out


def _is_rubric(lines: list[str], i: int) -> bool:
    """A one- or two-word section label ('Malaisie') standing before the headline."""
    line = lines[i]
    return i == 0 and len(line.split()) <= 2 and not re.search(r"[.!?:;,]$", line) and len(lines) > 1


def clean_lines(text: str) -> tuple[list[str], list[str], str | None, str]:
    """Split into paragraphs; return (paragraphs, removed chrome lines, agency, the opening
    caption kept as the lead: caption_lead, "" without one)."""
    # Spaces squashed in the whole text at once: no run of them spans a line break.
    text = squash_spaces_keep_lines(text)
    lines = _split_alt_text([ln for ln in (without_markdown(ln.strip()) for ln in text.split("\n")) if ln])
    # Its lines are parts of the text: if it holds no caption mark, none of them does.
    marks = any(m in text for m in CAPTION_MARKS)
    paragraphs: list[str] = []
    chrome: list[str] = []
    agency = None
    lead = ""
    for i, line in enumerate(lines):
        if not paragraphs and not lead and marks and (lead := caption_lead(line)):
            chrome.append(line[len(lead):].strip())
            continue
        if marks and len(line) > CAPTION_MAX and _caption_end(line):
            kept = drop_trailing_caption(line)
            chrome.append(line[len(kept):].strip())
            line = kept
            if not line:
                continue
        if is_chrome(line) or is_caption(line, marks) or _is_rubric(lines, i):
            chrome.append(line)
            continue
        m = AGENCY_LINE_RE.match(line)
        if m:
            agency = agency or m.group(1)
            continue
        line, trailer = strip_trailer(line)
        agency = agency or trailer
        line = FRANCAIS_RE.sub("", line) if line.startswith(FRANCAIS) else line
        if GLUED_MARK_RE.search(line):
            line = GLUED_SENTENCE_RE.sub(r"\1 ", line)
        if line and not (paragraphs and _same_text(line, paragraphs[-1])):
            paragraphs.append(line)
    if lead and (_told_again(lead, paragraphs) or not paragraphs):
        chrome.append(lead)
        lead = ""
    return paragraphs, chrome, agency or _named_agency(paragraphs, chrome), lead


def _named_agency(paragraphs: list[str], chrome: list[str]) -> str | None:
    """The agency of a page without a trailer: its dateline's, else its byline's."""
    for line in paragraphs[:2]:
        m = DATELINE_AGENCY_RE.match(line)
        if m:
            return m.group(1)
    return next((m.group(1) for line in chrome if (m := BYLINE_AGENCY_RE.match(line))), None)


def clean(text: str, front: dict | None = None) -> Cleaned:
    """Compose the cleaning steps for one decoded seed."""
    header_date, text, messages = split_header(text)
    paragraphs, chrome, agency, lead = clean_lines(text)
    return Cleaned(paragraphs=[lead, *paragraphs] if lead else paragraphs, header_date=header_date,
                   agency=agency, caption_lead=bool(lead), chrome=chrome, front=front or {}, messages=messages)
