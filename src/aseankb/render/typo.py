"""French typography of a page's body: a line never breaks before ":", ";", "?", "!" or
"»", nor after "«" (audit D1: "Partenaires" at the end of a line and ": 13 sur 14" at the
start of the next).

Only a space the text already has becomes a no-break space (U+00A0): nothing is added,
so an English paragraph ("Note: ...") is left as it is, and the words are the same for
search. Seed text is untrusted but keeps its meaning: only the kind of space changes.
"""

from __future__ import annotations

NBSP = "\u00a0"

# What follows or precedes the space, as it is written in a page's Markdown: seed text in
# an inline position has ":" as "&#58;" and "!" as "\!" (render/escape.esc_inline). Plain
# replacements, not a regex: the pages of 10,000 articles hold tens of megabytes of text,
# and str.replace goes through them six times faster (58 against 330 ms for 17 MB here).
# No page of ours has " :" elsewhere (a table's alignment row, an image's "![") that a
# no-break space would break.
BEFORE = (":", ";", "?", "!", "»", "&#58;", "\\!")
AFTER = ("«",)


def french_spacing(text: str) -> str:
    """`text` (Markdown lines of a page's body, never its front matter) with no-break spaces."""
    for mark in BEFORE:
        text = text.replace(" " + mark, NBSP + mark)
    for mark in AFTER:
        text = text.replace(mark + " ", mark + NBSP)
    return text


def page_text(front: str, lines: list[str]) -> str:
    """A page: its front matter (YAML lines, left as they are: data, not text to read) and
    its body, ending with one new line."""
    return f"---\n{front}---\n\n" + french_spacing("\n".join(lines).rstrip()) + "\n"
