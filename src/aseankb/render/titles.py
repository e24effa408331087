"""An article's title as its page's heading and every list of articles show it: in a
language other than French, marked with it, so that a screen reader does not read it with
French sounds (pages are `lang="fr"`). Only the article's own words: the French name of
the meeting the extractor adds to a Vietnamese title ("… — 25e Sommet ASEAN-République de
Corée, 2024", extract._situated) was read with Vietnamese sounds (fourteenth audit on the
page, then in the lists). The Explorer's script marks its titles the same way, from the
same parts (render/explorer.py).
"""

from __future__ import annotations

from .dates import html_lang
from .escape import esc_inline


def title_marks(own: str, added: str, language: str) -> tuple[str | None, str, str]:
    """(lang, own, added) of a title (`Article.title_parts`): the `lang` its own words are
    marked with (None for French), and the French name that follows them, unmarked; ""
    when there is nothing to mark apart, `own` then being the whole title."""
    lang = html_lang(language)
    return (lang, own, added) if lang and added else (lang, own + added, "")


def marked_title(own: str, added: str, language: str) -> tuple[str, str | None]:
    """The title as inline Markdown, escaped, and the `lang` of the element that holds it
    (the <h1>, the link). With a French name added, only the own words are marked, in a
    span, and the element gets no `lang`; None for a French title."""
    lang, own, added = title_marks(own, added, language)
    if added:
        # `lang` is our own checked code (dates.html_lang), never seed text.
        return f'<span lang="{lang}">{esc_inline(own)}</span>{esc_inline(added)}', None
    return esc_inline(own), lang


def lang_attr(lang: str | None) -> str:
    """After a link, the attr_list that gives it its language (`marked_title`'s second
    value): `{: lang="en" }`; "" for none."""
    return f'{{: lang="{lang}" }}' if lang else ""


def title_link(own: str, added: str, language: str, url: str) -> str:
    """`[title](url)` for a list, its language marked as `marked_title` says."""
    text, lang = marked_title(own, added, language)
    return f"[{text}]({url}){lang_attr(lang)}"
