"""Python-Markdown extension (`aseankb.render.linklist` in mkdocs.yml): a fast path for
the long lists of links that make up most list pages.

Why: at 10,000 articles the partner, domain, year, matrix and people pages hold about
250,000 lines like `- 2024-05-02 — [Title](../articles/2024/slug.md)`. Python-Markdown's
inline processor tries each of its patterns on each of them, splitting the text at every
backslash escape; that took ~95 s CPU of a ~245 s `mkdocs build`, more than the article
pages' own Markdown.

How: a block made only of such lines, whose text parts hold no active Markdown character
except the escapes `render/escape.py` writes (backslash escapes, `&amp;`, `&lt;`, `&gt;`
and numeric entities), becomes the same <ul> that Python-Markdown builds, with the texts
decoded here and marked atomic, so no inline pattern looks at them again. The links stay
<a> elements of the tree: MkDocs still checks them and rewrites them for
`use_directory_urls` either way (the online and the offline site), which raw HTML written
by aseankb would not get. Any other block, or a line with anything unexpected, is left to
Python-Markdown: the Markdown in content/ is unchanged, and renders the same without
this extension (test_linklist compares both).

Safety: the decoded texts are set as element text, which the serializer escapes, so
seed text can no more become live HTML here than through Python-Markdown.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.utils import get_relative_url

# Characters no inline pattern of Python-Markdown (nor attr_list) acts on, outside links.
_PLAIN = r"[^\\`*_{}\[\]()!<>&\n]"
# The link text: plain characters, escapes as render/escape.py writes them, and entities.
_TEXT = r"(?:\\[\\`*_{}\[\]()#+\-.!]|&(?:amp|lt|gt|#[0-9]{1,7});|" + _PLAIN + r")+"
_URL = r"[\w./-]+(?:#[\w-]+)?"  # plain relative links, as aseankb writes them
_LANG = r"[a-z]{2,3}(?:-[a-z]{2,4})?"  # a language code, as render/dates.html_lang lets through
# `pre` must not start what Python-Markdown would parse as a block inside the item
# (a heading, a quote, a nested or numbered list, code): such lines take the slow path.
# A non-French article's link carries its language (attr_list) and a note after it:
# `{: lang="en" } *(en anglais)*` (render/dates.language_note); when a French name follows
# its own words, only they carry it: `[<span lang="vi">…</span> — 25e Sommet …](url) *(…)*`
# (render/titles.py).
ITEM_RE = re.compile(
    rf"- (?P<pre>(?![#>+*=\s-]|[0-9]+[.)])(?:{_PLAIN})*)"
    rf"\[(?:(?P<text>{_TEXT})|<span lang=\"(?P<own_lang>{_LANG})\">(?P<own>{_TEXT})</span>(?P<added>{_TEXT}))\]"
    rf"\((?P<url>{_URL})\)(?:\{{: lang=\"(?P<lang>{_LANG})\" \}})?(?: \*(?P<note>\((?:{_PLAIN})+\))\*)?"
    rf"(?P<post>(?: \((?:{_PLAIN})*\))?)")
# An article's provenance paragraph (render/article.py): `**Label :** text and [links](url)`
# lines joined by hard breaks, then `{: .class }` (attr_list) on a line of its own.
_RUN = r"(?:\\[\\`*_{}\[\]()#+\-.!]|&(?:amp|lt|gt|#[0-9]{1,7});|[^\\`*_{}\[\]!<>&\n])+"
# A non-French article's words quoted in a French line, in their language (render/article.quoted).
_SPAN = rf'<span lang="{_LANG}">{_RUN}</span>'
SEGMENT_RE = re.compile(rf"\[(?P<text>{_TEXT})\]\((?P<url>{_URL})\)|(?P<run>{_RUN})"
                        rf'|<span lang="(?P<lang>{_LANG})">(?P<said>{_RUN})</span>')
_LABEL = r"[^\s\\`*_{}\[\]!<>&](?:[^\\`*_{}\[\]!<>&\n]*[^\s\\`*_{}\[\]!<>&])?"
# Possessive (`*+`): a run of text can be cut into runs in exponentially many ways, which a
# line that does not match (any other raw HTML) made the regex try, for ever (a <span lang>
# before it was a segment hung the build); possessive, the line fails at once, to the slow path.
FIELD_RE = re.compile(rf"\*\*(?P<label>{_LABEL})\*\*(?P<rest>(?:\[{_TEXT}\]\({_URL}\)|{_RUN}|{_SPAN})*+)")
CLASS_RE = re.compile(r"\{: \.([A-Za-z][\w-]*) \}")
DECODE_RE = re.compile(r"\\(.)|&(amp|lt|gt|#[0-9]{1,7});")
NAMED = {"amp": "&", "lt": "<", "gt": ">"}


def _decode(m: re.Match) -> str:
    if m.group(1) is not None:
        return m.group(1)
    ref = m.group(2)
    if ref in NAMED:
        return NAMED[ref]
    code = int(ref[1:])
    # Markdown passes an entity through for the browser; one it would not decode stays as written.
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else m.group(0)


def decode(text: str) -> str:
    """The characters an escaped text stands for (render/escape.py's escapes undone)."""
    return DECODE_RE.sub(_decode, text)


class LinkListProcessor(BlockProcessor):
    """A block of `- pre [text](url) (post)` lines -> <ul> of <li>pre<a>text</a>post</li>."""

    def test(self, parent: etree.Element, block: str) -> bool:
        # Not inside a list, nor right after one (Python-Markdown would join the two).
        return (block.startswith("- ") and parent.tag not in ("li", "ul", "ol")
                and not (len(parent) and parent[-1].tag in ("ul", "ol")))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        items = [ITEM_RE.fullmatch(line) for line in blocks[0].split("\n")]
        if not all(items):
            return False
        blocks.pop(0)
        md = self.parser.md
        # MkDocs' link rewriter, registered on this Markdown instance by MkDocs' Page.render.
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None  # noqa: SIM401
        if not hasattr(relpath, "path_to_url"):
            _as_elements(parent, items)
            return None
        # Under MkDocs: one stashed HTML block instead of three elements per line, which every
        # tree walker after this (inline, attr_list, toc, prettify, serializer) would visit.
        # Links go through MkDocs' own `path_to_url`, as its tree walker would send them.
        p = etree.SubElement(parent, "p")
        p.text = md.htmlStash.store(_as_html(items, _resolver(relpath)))
        return None


def _resolver(relpath: Treeprocessor) -> Callable[[str], str]:
    """MkDocs' `path_to_url` for plain links to existing pages, without its generic
    parsing (~40 µs a link: 10 s of the build at 10,000 articles). Any other link
    (anchor, missing or excluded target) goes to `path_to_url` itself, which warns."""
    page_url, src_dir, by_uri = relpath.file.url, posixpath.dirname(relpath.file.src_uri), relpath.files.src_uris

    def to_url(url: str) -> str:
        target = by_uri.get(posixpath.normpath(posixpath.join(src_dir, url)).lstrip("/"))
        if "#" in url or target is None or target.inclusion.is_excluded():
            return relpath.path_to_url(url)
        return get_relative_url(target.url, page_url)
    return to_url


def _atomic(text: str) -> AtomicString:
    # Python-Markdown's serializer keeps any "&...;" it meets as an entity: a title
    # that reads "&#58;" would show ":". Its "&" is written "&amp;" first.
    return AtomicString(decode(text).replace("&", "&amp;"))


def _as_elements(parent: etree.Element, items: list[re.Match]) -> None:
    ul = etree.SubElement(parent, "ul")
    for m in items:
        li = etree.SubElement(ul, "li")
        li.text = AtomicString(m["pre"])
        a = etree.SubElement(li, "a", {"href": m["url"], **({"lang": m["lang"]} if m["lang"] else {})})
        if m["own"] is None:
            a.text = _atomic(m["text"])
        else:
            span = etree.SubElement(a, "span", {"lang": m["own_lang"]})
            span.text, span.tail = _atomic(m["own"]), _atomic(m["added"])
        a.tail = AtomicString(m["post"])
        if m["note"]:
            a.tail = AtomicString(" ")
            em = etree.SubElement(li, "em")
            em.text, em.tail = AtomicString(m["note"]), AtomicString(m["post"])


def _as_html(items: list[re.Match], to_url: Callable[[str], str]) -> str:
    # `pre`, `note` and `post` hold no character HTML gives a meaning to (see _PLAIN).
    return "<ul>\n" + "\n".join(_item_html(m, to_url) for m in items) + "\n</ul>"


def _item_html(m: re.Match, to_url: Callable[[str], str]) -> str:
    lang = f' lang="{m["lang"]}"' if m["lang"] else ""
    note = f' <em>{m["note"]}</em>' if m["note"] else ""
    if m["own"] is None:
        text = html.escape(decode(m["text"]), quote=False)
    else:  # the language codes match _LANG: nothing to escape
        text = (f'<span lang="{m["own_lang"]}">{html.escape(decode(m["own"]), quote=False)}</span>'
                f'{html.escape(decode(m["added"]), quote=False)}')
    return f'<li>{m["pre"]}<a href="{html.escape(to_url(m["url"]))}"{lang}>{text}</a>{note}{m["post"]}</li>'


class FieldsProcessor(BlockProcessor):
    """Under MkDocs, a paragraph of `**Label :** text [link](url)` lines ending with
    `{: .class }` -> one stashed <p class> (the provenance paragraph of every article:
    its ~15 links and escapes cost Python-Markdown's inline processor ~2 ms a page)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("**") and block.endswith(" }") and parent.tag not in ("li", "ul", "ol")

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        md = self.parser.md
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None  # noqa: SIM401
        *lines, last = blocks[0].split("\n")
        attr = CLASS_RE.fullmatch(last)
        fields = [FIELD_RE.fullmatch(line.removesuffix("  ")) for line in lines]
        if not hasattr(relpath, "path_to_url") or not attr or not lines or not all(fields):
            return False  # Python-Markdown's own path: the same HTML
        blocks.pop(0)
        to_url = _resolver(relpath)
        out = []
        for line, m in zip(lines, fields, strict=True):
            parts = [f'<strong>{m["label"]}</strong>']
            for seg in SEGMENT_RE.finditer(m["rest"]):
                if seg["run"] is not None:
                    parts.append(html.escape(decode(seg["run"]), quote=False))
                elif seg["said"] is not None:
                    parts.append(f'<span lang="{seg["lang"]}">{html.escape(decode(seg["said"]), quote=False)}</span>')
                else:
                    parts.append(f'<a href="{html.escape(to_url(seg["url"]))}">'
                                 f'{html.escape(decode(seg["text"]), quote=False)}</a>')
            out.append("".join(parts) + ("<br />" if line.endswith("  ") else ""))
        p = etree.SubElement(parent, "p")
        p.text = md.htmlStash.store(f'<p class="{attr[1]}">' + "\n".join(out) + "</p>")
        return None


# A fold of an article's provenance (render/article.provenance_markdown): the line
# `??? classes "summary"`, then its lines indented by four spaces, in one block.
FOLD_RE = re.compile(r'\?\?\? (?P<classes>[\w-]+(?: [\w-]+)*) "(?P<summary>[^"\n]*)"\n(?P<body>(?:    [^\n]*\n?)+)')


class FoldProcessor(BlockProcessor):
    """A fold -> <details class><summary>, its lines parsed inside: the HTML pymdownx.details
    makes of it (test_linklist compares both), which mkdocs.yml need not load. Its test ran
    regexes on every block of every page (~4 % of `mkdocs build` at 3,000 articles) for
    the only folds there are, ours."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("??? ")

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        m = FOLD_RE.fullmatch(blocks[0])
        if not m:
            return False  # another block that starts so: left to the other processors
        blocks.pop(0)
        details = etree.SubElement(parent, "details", {"class": m["classes"]})
        etree.SubElement(details, "summary").text = m["summary"]
        self.parser.parseChunk(details, "\n".join(line[4:] for line in m["body"].rstrip("\n").split("\n")))
        return None


class LinkListExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        parser: BlockParser = md.parser
        # Before 'ulist' (30), after code blocks (80) and headings.
        parser.blockprocessors.register(LinkListProcessor(parser), "aseankb_linklist", 35)
        # Before pymdownx.details (105), where a site still loads it.
        parser.blockprocessors.register(FoldProcessor(parser), "aseankb_fold", 106)
        # Just before 'paragraph' (10), after 'reference' (15).
        parser.blockprocessors.register(FieldsProcessor(parser), "aseankb_fields", 12)


def makeExtension(**kwargs) -> LinkListExtension:  # noqa: N802 (Python-Markdown's entry point)
    return LinkListExtension(**kwargs)
