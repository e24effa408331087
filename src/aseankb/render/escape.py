"""Escaping of untrusted text for Markdown pages rendered by Python-Markdown."""

from __future__ import annotations

import html
import json
import re

# Characters Python-Markdown acts on inline and accepts a backslash before.
MD_INLINE_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!:|~^=])")
MD_ESCAPABLE = set("\\`*_{}[]()#+-.!")
# Line breaks end an inline position (a table row, a list item): in one, they are spaces.
LINE_BREAK_RE = re.compile(r"[\r\n\v\f\x85\u2028\u2029]")


def esc_inline(text: str) -> str:
    """Text for an inline position (link text, list item, table cell)."""
    text = html.escape(LINE_BREAK_RE.sub(" ", text), quote=False)

    def sub(m: re.Match) -> str:
        c = m.group(1)
        # Characters without a Markdown backslash escape become numeric entities.
        return "\\" + c if c in MD_ESCAPABLE else f"&#{ord(c)};"

    return MD_INLINE_RE.sub(sub, text)


def esc_verbatim(text: str) -> str:
    """Inline text shown exactly as it is, a file's name: its spaces as character references,
    which the pages' French typography (render/typo.py) leaves alone. "a : b.txt" is the
    name of a file, and a no-break space would make it another."""
    return esc_inline(text).replace(" ", "&#32;")


def esc_block(text: str, tag: str = "p", lang: str | None = None) -> str:
    """A paragraph as a raw HTML block: Markdown does not look inside it. `lang`: our own
    language code (render/dates.html_lang), never seed text."""
    attr = f' lang="{lang}"' if lang else ""
    return f"<{tag}{attr}>{html.escape(text, quote=False)}</{tag}>"


def esc_title(text: str) -> str:
    """The front-matter title: MkDocs and themes print it into HTML unescaped."""
    return html.escape(text, quote=False)


def description_line(text: str) -> str:
    """A page's front matter `description` (a YAML line; "" without one). Material prints it
    in an attribute unescaped, and it may hold seed text (a person's roles): escaped for
    HTML, double quotes included, apostrophes not (they would show as entities in search
    results, which take it as text)."""
    if not text:
        return ""
    safe = html.escape(text, quote=False).replace('"', "&quot;")
    return f"description: {json.dumps(safe, ensure_ascii=False)}\n"
