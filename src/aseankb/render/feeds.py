"""Atom feeds of the newest articles: `feeds/index.xml` for the site, `feeds/<partner>.xml`
for each partner with dated articles.

Deterministic: no build timestamp; a feed's `updated` is its newest article's date, and
an entry's id is a UUID derived from the article id (stable across rebuilds and hosts).
Links are absolute when mkdocs.yml has a `site_url`; otherwise they are relative to the
feed's own address (RFC 4287 resolves them against it, as `xml:base` says), which works
wherever the site is served. ElementTree escapes every piece of seed text.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET

from ..config import Taxonomy
from ..group import Groups
from ..model import Article

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 20
SUMMARY_MAX = 400
SITE_TITLE = "Base de connaissances ASEAN"
# Characters XML 1.0 forbids even escaped; seed text may hold them.
NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ET.register_namespace("", ATOM)


def dated(arts: list[Article]) -> list[Article]:
    """The newest dated articles (lists are newest first); undated ones have no place in a feed."""
    return [a for a in arts if a.year][:FEED_SIZE]


def feed_path(pid: str | None) -> str:
    return f"feeds/{pid or 'index'}.xml"


def _url(path: str, site_url: str | None) -> str:
    """A site path (e.g. 'articles/2019/x/') as seen from a feed in feeds/."""
    return (site_url + path) if site_url else "../" + path


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = NOT_XML_RE.sub("", text)
    return el


def _stamp(art: Article) -> str:
    return f"{art.iso_date}T00:00:00Z"


def summary_text(art: Article) -> str:
    """The article's opening, for feeds (computed at extraction, see pipeline.py)."""
    if art.summary or not art.paragraphs:
        return art.summary
    text = " ".join(art.paragraphs[:2])
    return text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX].rsplit(" ", 1)[0] + " …"


def _entry(feed: ET.Element, art: Article, tax: Taxonomy, site_url: str | None) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "title", art.title)
    _sub(entry, "id", uuid.uuid5(uuid.NAMESPACE_URL, f"aseankb:article:{art.id}").urn)
    _sub(entry, "link", href=_url(art.page.removesuffix(".md") + "/", site_url))
    _sub(entry, "updated", _stamp(art))
    for pid in art.partners:
        _sub(entry, "category", term=pid, label=tax.partners[pid].fr)
    for did in art.domains:
        _sub(entry, "category", term=did, label=tax.domains[did].fr)
    _sub(entry, "summary", summary_text(art))


def feed_xml(title: str, page: str, path: str, arts: list[Article], tax: Taxonomy, site_url: str | None) -> bytes:
    """One Atom feed; `page` is the site page it follows (e.g. 'partenaires/japon/')."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", uuid.uuid5(uuid.NAMESPACE_URL, f"aseankb:{path}").urn)
    _sub(feed, "link", rel="alternate", type="text/html", href=_url(page, site_url))
    if site_url:
        _sub(feed, "link", rel="self", type="application/atom+xml", href=site_url + path)
    _sub(feed, "updated", max(_stamp(a) for a in arts))
    _sub(_sub(feed, "author"), "name", SITE_TITLE)
    for art in arts:
        _entry(feed, art, tax, site_url)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def feeds(g: Groups, tax: Taxonomy, site_url: str | None) -> dict[str, bytes]:
    out = {}
    if dated(g.articles):
        out[feed_path(None)] = feed_xml(f"{SITE_TITLE}\u00a0: derniers articles", "", feed_path(None),
                                        dated(g.articles), tax, site_url)
    for pid, arts in g.partners.items():
        if dated(arts):
            out[feed_path(pid)] = feed_xml(f"{SITE_TITLE}\u00a0: {tax.partners[pid].fr}", f"partenaires/{pid}/",
                                           feed_path(pid), dated(arts), tax, site_url)
    return out
