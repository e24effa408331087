"""The page of one article: front matter, a line of provenance, the cleaned text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import groupby

from ..config import Taxonomy
from ..model import Article
from .dates import HEADER_DAY_FR, SOURCES_FR, UNDATED_FR, date_fr, html_lang, language_fr
from .escape import esc_block, esc_inline, esc_title, esc_verbatim
from .frontyaml import front_matter_yaml
from .meetings import meeting_link
from .people import person_slug
from .related import related_lines
from .titles import marked_title
from .typo import french_spacing, page_text

EVIDENCE_NOTE_RE = re.compile(r"^(.*?) \[([^\[\]]+)\]$", re.DOTALL)  # a phrase, then the extractor's note
# A paragraph the source wrote as a list item ("- Creating the ASEAN-Australia Centre..."):
# its marker, then the item's text.
BULLET_RE = re.compile(r"[-–•▪●*+][ \t\u00a0]+(?=\S)")


def front_matter(art: Article, tax: Taxonomy) -> dict:
    """The keys of contract.md, in its order, then the extra keys."""
    # In this order (partners, then domains): overrides/partials/tags.html links each chip
    # to its page by its position.
    tags = [tax.partners[p].fr for p in art.partners] + [tax.domains[d].fr for d in art.domains]
    meta = {
        "title": esc_title(art.title),
        "date": art.iso_date,
        "date_precision": art.date.precision if art.date.year else None,
        "date_source": art.date_source,
        "year": art.year,
        "language": art.language,
        "partners": list(art.partners),
        "partners_mentioned": list(art.partners_mentioned),
        "domains": list(art.domains),
        "people": list(art.people),
        "source": art.source,
        "id": art.id,
        "tags": tags,
    }
    if art.date_evidence:
        meta["date_evidence"] = art.date_evidence
    if art.agency:
        meta["agency"] = art.agency
    if art.events:
        meta["events"] = list(art.events)
    if art.people_roles:
        meta["people_roles"] = dict(art.people_roles)
    if art.people_described:
        meta["people_described"] = dict(art.people_described)
    if len(art.partners) > 1:  # which domains and people go with which partner (extract/attribution.py)
        meta["partner_domains"] = {p: art.domains_of(p) for p in art.partners}
        meta["partner_people"] = {p: art.people_of(p) for p in art.partners}
    elif art.partner_domains:  # one partner, not all of whose domains are its own
        meta["partner_domains"] = {p: art.domains_of(p) for p in art.partners}
    return meta


def _links(ids: list[str], kind: str, tax: Taxonomy) -> str:
    folder = "partenaires" if kind == "partners" else "domaines"
    return ", ".join(f"[{tax.label(kind, i)}](../../{folder}/{i}.md)" for i in ids) or "aucun"


BY_PARTNER = "**Domaines par partenaire**"  # the summary of its fold
GENERAL = "Sans partenaire désigné (l'ASEAN et ses partenaires en général)"


def _by_partner(art: Article, tax: Taxonomy) -> list[str]:
    """Which domains the article reports on with which partner (extract/attribution.py), when
    not every domain goes with every partner: what the matrix and the partner pages count,
    a line a partner. The domains said of "l'ASEAN et ses partenaires" in general go with
    none (thirteenth audit: China's only article counted nowhere, and its page did not say why)."""
    own = {p: art.domains_of(p) for p in art.partners}
    if not art.domains or all(len(ds) == len(art.domains) for ds in own.values()):
        return []
    lines = [f"**{tax.partners[p].fr} :** " + (", ".join(f"[{tax.domains[d].fr}](../../matrice/{p}/{d}.md)"
                                                         for d in ds) or "aucun") for p, ds in own.items()]
    general = [tax.domains[d].fr for d in art.domains if not any(d in ds for ds in own.values())]
    if general:
        lines.append(f"**{GENERAL} :** " + ", ".join(general))
    return lines


def _label(word: str, items: list) -> str:
    return word + ("s" if len(items) > 1 else "")


def quoted(text: str, lang: str | None) -> str:
    """Words of the article, escaped, marked with its language when it is not French (our
    `html_lang` code, never seed text): a screen reader read "Tokyo, March 6" of an English
    dispatch with French sounds (accessibility audit)."""
    return f'<span lang="{lang}">{esc_inline(text)}</span>' if lang else esc_inline(text)


def evidence_fr(evidence: str, lang: str | None = None) -> str:
    """The phrases an inferred date came from, each quoted and followed by what the
    extractor made of it: « Sommet ASEAN-Russie » (en 2005, 2010 ou 2016). The brackets of
    `date_evidence` are the extractor's, not the article's: inside the quotes they read as
    the article's words, in its language `lang`; the notes are ours, in French."""
    parts = []
    for part in evidence.split(" ; "):
        m = EVIDENCE_NOTE_RE.match(part)
        parts.append(f"« {quoted(m[1], lang)} » ({esc_inline(m[2])})" if m else f"« {quoted(part, lang)} »")
    return " ; ".join(parts)


def _role(art: Article, person: str) -> str:
    """The office the person held at the article's date (our words), else the role the text
    gives them (its words, in its language)."""
    if person in art.people_roles:
        return f" ({esc_inline(art.people_roles[person])})"
    role = art.people_described.get(person)
    return f" ({quoted(role, html_lang(art.language))})" if role else ""


@dataclass(frozen=True)
class Fold:
    """Lines of the provenance folded under a summary of ours (a <details>, in pymdownx.details'
    syntax, rendered by render/linklist.FoldProcessor), out of the reader's way: on a phone,
    an article's text began 1.5 screens down, below the evidence of its date and each
    partner's domains, ~25 links (seventeenth audit). Closed on a desktop too: one HTML for
    every screen, no script; a click, Enter or Space opens it."""

    summary: str
    lines: list[str]


def provenance_blocks(art: Article, tax: Taxonomy) -> list[list[str] | Fold]:
    """The provenance: runs of lines shown, and folds. Lines and summaries are Markdown, of
    our words and of seed text escaped."""
    how = SOURCES_FR.get(art.date_source, art.date_source)
    if art.date_source == "header" and art.date_evidence:  # the header's month, the text's day
        how = HEADER_DAY_FR
    blocks: list[list[str] | Fold] = []
    if not art.date.year:
        # An undated article's source is 'inferred' (the extractor looked for one): "date
        # inconnue (date estimée d'après le texte)" contradicted itself.
        lines = [f"**Date :** {UNDATED_FR}"]
    elif art.date_evidence and art.date_source == "inferred":
        # The clues of an estimated date, each with what the extractor made of it, folded:
        # on a phone they took five lines. A date the text gives (its dateline, its day) is
        # one quote, and stays in its line.
        blocks.append(Fold(f"**Date :** {date_fr(art.date, art.year_at_earliest)} ({how})",
                           ["**Indices :** " + evidence_fr(art.date_evidence, html_lang(art.language))]))
        lines = []
    else:
        if art.date_evidence:
            how += " : " + evidence_fr(art.date_evidence, html_lang(art.language))
        lines = [f"**Date :** {date_fr(art.date, art.year_at_earliest)} ({how})"]
    lines.append(f"**{_label('Partenaire', art.partners)} :** {_links(art.partners, 'partners', tax)}")
    if art.partners_mentioned:
        lines.append(f"**{_label('Cité', art.partners_mentioned)} en passant :** "
                     f"{_links(art.partners_mentioned, 'partners', tax)}")
    lines.append(f"**{_label('Domaine', art.domains)} :** {_links(art.domains, 'domains', tax)}")
    by_partner = _by_partner(art, tax)
    if by_partner:
        blocks += [lines, Fold(BY_PARTNER, by_partner)]
        lines = []
    if art.events_fr:  # data/meetings.yaml's names: "58e Réunion des ministres ... (AMM), 2025"
        lines.append(f"**{_label('Réunion', art.events_fr)} :** " + " ; ".join(
            f"[{esc_inline(label)}]({meeting_link(eid, '../../')})"
            for eid, label in zip(art.events, art.events_fr, strict=True)))
    if art.people:
        lines.append(f"**{_label('Personnalité', art.people)} :** " + ", ".join(
            f"[{esc_inline(p)}](../../personnes/{person_slug(p)}.md)" + _role(art, p) for p in art.people))
    if art.language != "fr":  # the lists say so too (dates.language_note)
        lines.append(f"**Langue :** {language_fr(art.language)}")
    agency = f", agence {esc_inline(art.agency)}" if art.agency else ""
    lines.append(f"**Source :** [texte brut d'origine](../../sources/{art.id}.html) "
                 f"(fichier {esc_verbatim(art.source)}{agency})")
    return [*blocks, lines]


def provenance(art: Article, tax: Taxonomy) -> list[str]:
    """Every line of the provenance, in the order a reader meets them, folds' summaries
    included: the words the article's page shows (search_pages.py)."""
    return [line for block in provenance_blocks(art, tax)
            for line in ([block.summary, *block.lines] if isinstance(block, Fold) else block)]


def provenance_markdown(art: Article, tax: Taxonomy) -> list[str]:
    """The provenance as blocks of Markdown: paragraphs of `**Label :**` lines with hard
    breaks and the class `kb-meta` (attr_list), and folds, `??? kb-meta kb-fold "summary"`
    with their lines indented below. A paragraph with a class, not a <div markdown="1">:
    md_in_html would make Python-Markdown parse every raw HTML block of every page (12 % of a
    site build). Each paragraph takes the fast path of render/linklist.py, a fold's too."""
    out = []
    for block in provenance_blocks(art, tax):
        if isinstance(block, Fold):
            # The summary is ours; a double quote in it would end it early (pymdownx.details).
            summary = block.summary.replace('"', "&quot;")
            out.append(f'??? kb-meta kb-fold "{summary}"\n'
                       + "  \n".join("    " + line for line in block.lines) + "\n    {: .kb-fold-body }")
        else:
            out.append("  \n".join(block) + "\n{: .kb-meta }")
    return out


def render_article(art: Article, tax: Taxonomy, related: list[Article] | None = None) -> str:
    return with_related(article_page(art, tax), related or [])


TITLE_ID = "titre"  # the article's <h1>: where "Aller au contenu" leads


def _heading(art: Article) -> str:
    """The title as the page's <h1>, a Markdown heading: the first entry of the page's table
    of contents, where Material's skip link ("Aller au contenu") leads (fifteenth audit: a
    raw <h1> had no entry, and the link led past the article to "À lire aussi"). A foreign
    title's language marks its own words, not the French name of the meeting added to it
    (extract._situated), which a Vietnamese voice read (fourteenth audit)."""
    # Its anchor is ours, not a slug of seed text in an attribute.
    text, lang = marked_title(*art.title_parts(), art.language)
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"# {text} {{: #{TITLE_ID}{lang_attr} }}"


def article_page(art: Article, tax: Taxonomy) -> str:
    """The page without its related articles: rendered where the text is extracted (in a
    worker), since the related articles are known only once every seed is."""
    lang = html_lang(art.language)
    body = [_heading(art), ""]
    for block in provenance_markdown(art, tax):
        body += [block, ""]
    body += _text_blocks(art.paragraphs, lang)
    # What frontmatter.dumps(Post(text, **meta), sort_keys=False, allow_unicode=True) writes.
    return page_text(front_matter_yaml(front_matter(art, tax)) + "\n", body)


def _text_blocks(paragraphs: list[str], lang: str | None) -> list[str]:
    """The text as raw HTML blocks, each followed by a blank line: paragraphs, and the
    paragraphs written as list items, in a row, as one list (not "- Creating..." as text)."""
    blocks: list[str] = []
    for is_item, group in groupby(paragraphs, key=lambda para: bool(BULLET_RE.match(para))):
        if is_item:
            items = "".join(esc_block(BULLET_RE.sub("", para, count=1), "li") for para in group)
            attr = f' lang="{lang}"' if lang else ""
            blocks += [f"<ul{attr}>{items}</ul>", ""]
        else:
            blocks += [line for para in group for line in (esc_block(para, "p", lang), "")]
    return blocks


def with_related(page: str, related: list[Article]) -> str:
    """`article_page` with its 'À lire aussi' section: the page ends with the last line of
    the text, without trailing blanks (escaped paragraphs end with a tag)."""
    lines = related_lines(related)
    return page + "\n" + french_spacing("\n".join(lines).rstrip()) + "\n" if lines else page


# A source text's page: the seed as read, escaped in a <pre> that wraps. As a .txt it took
# a phone's 980 px default width, its 13 px letters drawn at 5 px (tenth audit); a page of
# its own says its width, its charset (a server sends .txt without one: "coopÃ©ration") and,
# by its policy, that nothing in it runs or loads, should escaping ever fail.
# A heading and a main landmark, as every other page has: a screen reader's list of headings
# and landmarks was empty there (accessibility audit).
SOURCE_PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Texte source\u00a0: {name}</title>
<style>
body {{ margin: 1rem auto; padding: 0 1rem; max-width: 46rem; font: 1rem/1.6 system-ui, sans-serif;
  color: #1e2129; background: #fff; }}
p {{ color: #4d5058; }}
a {{ color: #3f51b5; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; }}
h1 {{ font-size: 1.25rem; line-height: 1.4; }}
h1 code {{ overflow-wrap: anywhere; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #e2e4e9; background: #1e2129; }} p {{ color: #b9bcc4; }}
  a {{ color: #8c9eff; }} }}
</style>
</head>
<body>
<main>
<p><a href="{back}">← Retour à l'article</a></p>
<h1>Texte brut d'origine du fichier <code>{name}</code></h1>
<p>Tel que la construction l'a lu.</p>
<pre lang="{lang}">{text}</pre>
</main>
</body>
</html>
"""


@dataclass(frozen=True)
class SourcePage:
    """A source page to write, made when written (write._bytes): a cold build holds every
    seed's text already, and their pages made at once would be a second copy (~35 MB at
    10,000 articles, against a 1 GB budget for the whole build)."""

    art: Article
    text: str

    def encode(self, encoding: str = "utf-8") -> bytes:
        return source_page(self.art, self.text).encode(encoding)


def source_page(art: Article, text: str) -> str:
    """The page of an article's source text (sources/<id>.html), with a link back to the
    article at its address on a server (for pages as page.html: BACK_LINK_RE). Seed text, escaped."""
    return SOURCE_PAGE.format(name=html.escape(art.source, quote=False), lang=html.escape(art.language),
                              back=html.escape(f"../{art.page.removesuffix('.md')}/"),
                              text=html.escape(text, quote=False))


# The source page's link back to its article, as written for directory URLs (.../slug/):
# MkDocs does not rewrite a static page's links, so the offline site's hook does
# (use_directory_urls: false, where the article is .../slug.html).
BACK_LINK_RE = re.compile(r'<a href="(\.\./articles/[^"/]+/[^"/]+)/">')


def back_link_for_files(page: str) -> str:
    """A source page's link back, for a site whose pages are page.html."""
    return BACK_LINK_RE.sub(r'<a href="\1.html">', page, count=1)
