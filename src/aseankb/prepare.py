"""Stage 1b, prepare: between read and clean, undo what a scraper or an editor wrapped
around the article's text.

- An HTML page saved as .txt: its article paragraphs are extracted; scripts, styles,
  navigation, forms and cookie or newsletter banners are dropped. A page with no
  paragraph is refused.
- A leading '---' YAML block: its `title` and `date` are used, the rest is ignored,
  and the block never reaches the title or the body.
- Markup a browser would act on (<script>, on*= handlers, javascript: links) or
  template syntax left in plain text is kept as text (it is escaped when rendered)
  but reported, so that an editor looks at the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

from .errors import SeedError
from .model import DATE_YEARS

FRONT_BLOCK_RE = re.compile(r"^\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
LONE_RULE_RE = re.compile(r"^\ufeff?---[ \t]*(?:\n|$)")
FRONT_MAX = 20_000  # a front block is a few lines; a longer one is not a front block
HTML_START_RE = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
# Bounded repetitions everywhere: a hostile 1 MB of '<p ' or '{{' must not cost n² steps.
HTML_BLOCK_TAG_RE = re.compile(r"<(?:p|div|article|section|br)\b[^>]{0,500}>|</(?:p|div|article|section)>", re.I)
HTML_MIN_BLOCK_TAGS = 4  # a pasted page fragment, not a sentence that quotes a tag
ACTIVE_RE = re.compile(
    r"<\s{0,20}/?\s{0,20}(?:script|iframe|style|object|embed|svg|form|link|meta|base)\b"
    r"|\bon[a-z]{3,20}\s{0,20}=|\b(?:javascript|vbscript)\s{0,20}:|\bdata\s{0,20}:\s{0,20}text/html"
    r"|\{\{.{0,120}?\}\}|\{%.{0,120}?%\}",
    re.I | re.S)
# Every match of ACTIVE_RE holds one of these characters: a text without them skips the scan
# (case-insensitive, it tries every position: the costliest regex of the preparation).
ACTIVE_MARK_RE = re.compile(r"[<=:{]")
# With ':' as the only mark, a match is 'javascript:', 'vbscript:' or 'data:text/html': its
# text then holds 'script' or 'text/html' in lower case, or one of the letters that
# IGNORECASE equates with ASCII ones (İ, ı, ſ, Kelvin's K), which lower() does not fold.
COLON_WORDS = ("script", "text/html")
CASE_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")
# Elements whose text is never article text.
SKIPPED_TAGS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                "button", "iframe", "svg", "select", "option", "textarea", "object", "embed", "head",
                "figcaption", "dialog", "menu"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
             "track", "wbr"}
TEXT_TAGS = {"p", "h1", "h2", "h3", "li", "blockquote"}
# class/id words of banners, widgets and chrome (cookie consent, newsletter, sharing...).
CHROME_ATTR_RE = re.compile(
    r"cookie|consent|gdpr|rgpd|banner|newsletter|subscribe|share|social|comment|related|advert|"
    r"\bads?\b|promo|popup|modal|breadcrumb|sidebar|menu|footer|header|nav\b", re.I)
MAX_LOOKBACK = 64
WS_RE = re.compile(r"\s+")
MIN_WORDS = 8          # fewer words than this is no article
LINE_MAX = 1_000       # characters: a longer line is no title, whatever it holds
HEADLINE_WORDS = 30    # a lone line this short without a final period is a headline
SENTENCE_END_RE = re.compile(r"[.!?…»\"”)]\s*$")


@dataclass
class Prepared:
    """The article's text, and what was found around it."""

    text: str
    front: dict = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


class _ParagraphParser(HTMLParser):
    """Collects the text of p/h1-h3/li/blockquote outside any skipped element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.skipped = 0  # how many open elements are skipped: O(1) per text node
        self.current: list[str] | None = None
        self.paragraphs: list[str] = []

    @property
    def skipping(self) -> bool:
        return self.skipped > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role", "aria-label"))
        skipped = tag in SKIPPED_TAGS or bool(CHROME_ATTR_RE.search(marks))
        self.stack.append((tag, skipped))
        self.skipped += skipped
        if tag in TEXT_TAGS and not self.skipping:
            self._flush()
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in TEXT_TAGS:
            self._flush()
        # Close up to the matching open tag among the last few; stray end tags are ignored
        # (a bounded look-back keeps a hostile page of unclosed tags linear).
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - MAX_LOOKBACK), -1):
            if self.stack[i][0] == tag:
                self.skipped -= sum(skipped for _t, skipped in self.stack[i:])
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.skipping:
            self.current.append(data)

    def _flush(self) -> None:
        if self.current is not None:
            text = WS_RE.sub(" ", "".join(self.current)).strip()
            if text:
                self.paragraphs.append(text)
        self.current = None

    def close(self) -> None:
        super().close()
        self._flush()


def is_html_page(text: str) -> bool:
    return bool(HTML_START_RE.match(text[:4096])) or len(HTML_BLOCK_TAG_RE.findall(text)) >= HTML_MIN_BLOCK_TAGS


def extract_html(text: str) -> tuple[str, list[str]]:
    """An HTML page -> its article paragraphs as plain text lines. Refuses a page without any."""
    parser = _ParagraphParser()
    parser.feed(text)
    parser.close()
    paragraphs = [p for p in parser.paragraphs if not ACTIVE_RE.search(p)]
    if not paragraphs:
        raise SeedError("HTML page with no article paragraph: refused")
    return "\n".join(paragraphs) + "\n", [
        f"HTML page: {len(paragraphs)} paragraph(s) extracted; tags, scripts, styles and page chrome dropped"]


def _front_value(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def parse_front(block: str) -> tuple[dict, list[str]]:
    """The fields of a YAML front block that aseankb uses: `title` (str) and `date` (a date)."""
    try:
        data = yaml.safe_load(block)
    # PyYAML raises more than YAMLError: ValueError for 2019-02-30, RecursionError for [[[[...
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        reason = str(getattr(exc, "problem", None) or exc)[:80]
        return {}, [f"'---' front block is not valid YAML ({reason}): ignored"]
    if not isinstance(data, dict):
        return {}, ["'---' front block is not a mapping of keys: ignored"]
    front: dict = {}
    title = data.get("title")
    if isinstance(title, str | int | float) and str(title).strip():
        front["title"] = WS_RE.sub(" ", str(title)).strip()
    date = _front_value(data.get("date"))
    if isinstance(date, dt.date) and date.year in DATE_YEARS:
        front["date"] = date
    elif isinstance(date, dt.date):
        return front, [f"'---' front block: date {date.isoformat()} is out of range: ignored"]
    elif date is not None:
        # Never str() a YAML structure: aliases can make its text exponentially long.
        shown = repr(date)[:40] if isinstance(date, str | int | float) else type(date).__name__
        return front, [f"'---' front block: date {shown} is not a YYYY-MM-DD date: ignored"]
    return front, []


def split_front(text: str) -> tuple[dict, str, list[str]]:
    """Take a leading '---' YAML block off the text; return (fields, rest, messages)."""
    m = FRONT_BLOCK_RE.match(text[:FRONT_MAX])
    if m:
        front, messages = parse_front(m.group(1))
        return front, text[m.end():], messages
    if LONE_RULE_RE.match(text):
        rest = LONE_RULE_RE.sub("", text, count=1)
        return {}, rest, ["opens with '---' but the front block is never closed: the '---' line was dropped"]
    return {}, text, []


def _may_hold_markup(text: str) -> bool:
    """False when ACTIVE_RE cannot match (the scan tries every position, and most texts
    hold a ':' but no '<', '=' or '{')."""
    if not ACTIVE_MARK_RE.search(text):
        return False
    if "<" in text or "=" in text or "{" in text:
        return True
    lowered = text.lower()
    return any(w in lowered for w in COLON_WORDS) or any(c in text for c in CASE_TWINS)


def active_content_warning(text: str) -> list[str]:
    if not _may_hold_markup(text):
        return []
    found = sorted({WS_RE.sub("", m.group(0)).lower().replace("</", "<")[:12] for m in ACTIVE_RE.finditer(text)})
    if not found:
        return []
    shown = ", ".join(found[:8]) + (", ..." if len(found) > 8 else "")
    return [f"contains HTML or template markup ({shown}): published as plain text, never as markup"]


def prepare(text: str) -> Prepared:
    """Decoded text -> the article's own text, its front-block fields and the warnings."""
    front, text, messages = split_front(text)
    if is_html_page(text):
        text, found = extract_html(text)
        messages += found
    else:
        messages += active_content_warning(text)
    if front.get("title") and not any("markup" in m for m in messages):
        messages += [f"front-block title {m}" for m in active_content_warning(front["title"])]
    if not text.strip():
        raise SeedError("no article text after its '---' front block")
    return Prepared(text, front, messages)


def _words_up_to(paragraphs: list[str], enough: int) -> int:
    """The number of words in `paragraphs`, counted until there are `enough` (then the
    count says only "at least that many": splitting a whole article costs more)."""
    words = 0
    for p in paragraphs:
        words += len(p.split())
        if words >= enough:
            break
    return words


def require_text(paragraphs: list[str]) -> None:
    """Refuse a file that holds only a title line (or a few words): it would make a page
    with a headline and no article."""
    words = _words_up_to(paragraphs, max(MIN_WORDS, HEADLINE_WORDS + 1))
    lone_headline = len(paragraphs) == 1 and words <= HEADLINE_WORDS and not SENTENCE_END_RE.search(paragraphs[0])
    if not words:
        raise SeedError("no article text (only invisible characters or page chrome)")
    if lone_headline or (words < MIN_WORDS and len(paragraphs) == 1):
        if len(paragraphs[0]) > LINE_MAX:  # no title: a line of 450,000 characters was called one (audit)
            raise SeedError(f"one line of {words} words and {len(paragraphs[0]):,} characters, "
                            "with no sentence: no article text")
        raise SeedError(f"only a title line, no article text ({words} words)")
    if words < MIN_WORDS:  # several lines: "only a title line" named what the file did not hold
        raise SeedError(f"article text too short ({words} words, at least {MIN_WORDS} needed)")
