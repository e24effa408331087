"""Charts drawn at build time: inline SVG and HTML/CSS, no JavaScript, no remote file.

Every chart is a <figure> whose data are also a real <table> (the text alternative, one
click away in a <details>, and the SVG's description for screen readers); the SVG itself
is `role="img"` with a <title>, so it has an accessible name. Text is drawn in `currentColor`, the page's text
colour, so its contrast is the theme's in light and dark mode alike. Labels passed in
are our own (years, taxonomy labels) and are escaped here all the same.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

WIDTH, HEIGHT = 640, 200
TOP, BOTTOM, LEFT = 24, 28, 8
BAR_EM = 12  # longest horizontal bar, in em: independent of the table's width
# The size of a chart's text, in the SVG's units (aseankb.css): on a phone the SVG is drawn at
# about half its width, so its text is drawn larger there (11 came out 6 px).
DESK_SIZE, PHONE_SIZE = 11, 20
# On a phone, values crowded at PHONE_SIZE are drawn smaller, down to this size (9 px at 390 px),
# before every other one is left out: they are short numbers, and each bar's should show.
PHONE_VALUE_MIN = 16
# The widest a digit of the site's fonts is drawn, in em (Arial, Helvetica and its clone
# Liberation Sans, Roboto: 0.56; San Francisco 0.6), and the room left between two labels.
DIGIT_EM, GAP_EM = 0.6, 0.15


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _apart(chars: int, size: float, step: float) -> int:
    """How many columns apart two labels of `chars` characters drawn at `size` must be not to touch."""
    return max(1, math.ceil((chars * DIGIT_EM + GAP_EM) * size / step - 1e-9))


def _pick(columns: list[int], apart: int) -> set[int]:
    """The columns whose label is drawn, labels `apart` columns apart at least: the first, then
    every one far enough from the one before, and the last, always (an axis whose first or last
    year is unlabelled seems to begin or end elsewhere: "2011" under a chart beginning in 2010),
    for which the one before gives way when it is too near."""
    picked: list[int] = []
    for col in columns:
        if not picked or col - picked[-1] >= apart:
            picked.append(col)
    if columns and picked[-1] != columns[-1]:
        if len(picked) > 1 and columns[-1] - picked[-1] < apart:
            picked.pop()
        picked.append(columns[-1])
    return set(picked)


def _text(kind: str, desk: bool, phone: bool, x: str, y: str, text: str) -> str:
    """A label of `kind` (kb-value, kb-year), drawn on a desktop, on a phone or on both: on a
    desktop only, it is `kb-minor`; on a phone only, `kb-phone` (aseankb.css)."""
    shown = "" if desk and phone else " kb-minor" if desk else " kb-phone"
    return f"<text class=\"{kind}{shown}\" x=\"{x}\" y=\"{y}\" text-anchor=\"middle\">{text}</text>"


def _table(ident: str, caption: str, head: tuple[str, str], rows: list[tuple[str, int]]) -> str:
    body = "".join(f"<tr><th scope=\"row\">{label}</th><td>{n}</td></tr>" for label, n in rows)
    return (f"<table class=\"kb-chart-data\" id=\"{ident}-d\"><caption>{caption}</caption>"
            f"<thead><tr><th scope=\"col\">{head[0]}</th><th scope=\"col\">{head[1]}</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def column_chart(series: list[tuple[str, int]], title: str, chart_id: str,
                 head: tuple[str, str] = ("Année", "Articles")) -> str:
    """A column per label (years, left to right), its value above it. One HTML line:
    Python-Markdown passes a raw HTML block through only when it has no blank line.

    Labels that would overlap are left out, on a desktop and on a phone each (where the text
    is drawn larger, aseankb.css): the values first drawn smaller on a phone, down to
    PHONE_VALUE_MIN; the first and the last year always labelled (seventeenth audit: at 390 px,
    16 years showed 8 values, and their axis seemed to begin in 2011)."""
    if not series:
        return "<p><em>Aucune donnée datée.</em></p>"
    ident = f"kb-chart-{chart_id}"
    title = html.escape(title)  # our own labels, escaped all the same: this is raw HTML
    step = (WIDTH - 2 * LEFT) / len(series)
    bar = min(max(step * 0.7, 1.0), 48.0)
    plot = HEIGHT - TOP - BOTTOM
    peak = max(n for _, n in series) or 1
    label_chars = max(len(label) for label, _ in series)
    digits = len(str(peak))
    # The values' size on a phone: the largest at which each one fits its column, within bounds.
    room = step / ((digits * DIGIT_EM + GAP_EM) * PHONE_SIZE)
    value_size = max(PHONE_VALUE_MIN, min(PHONE_SIZE, math.floor(PHONE_SIZE * room)))
    counted = [i for i, (_, n) in enumerate(series) if n]  # a zero has no bar, nor a value
    values = (_pick(counted, _apart(digits, DESK_SIZE, step)), _pick(counted, _apart(digits, value_size, step)))
    every = range(len(series))
    years = (_pick(list(every), _apart(label_chars, DESK_SIZE, step)),
             _pick(list(every), _apart(label_chars, PHONE_SIZE, step)))
    parts = []
    for i, (label, n) in enumerate(series):
        label = html.escape(label)
        x = LEFT + i * step + (step - bar) / 2
        h = plot * n / peak
        y = TOP + plot - h
        mid = _num(x + bar / 2)
        parts.append(f"<rect class=\"kb-bar\" x=\"{_num(x)}\" y=\"{_num(y)}\" width=\"{_num(bar)}\" "
                     f"height=\"{_num(h)}\"><title>{label} : {n}</title></rect>")
        if i in values[0] or i in values[1]:
            parts.append(_text("kb-value", i in values[0], i in values[1], mid, _num(y - 4), str(n)))
        if i in years[0] or i in years[1]:
            parts.append(_text("kb-year", i in years[0], i in years[1], mid, str(HEIGHT - 8), label))
    # Values drawn smaller than the years on a phone say so to the style sheet.
    size = f" style=\"--kb-phone-value: {value_size}px\"" if value_size < PHONE_SIZE else ""
    svg = (f"<svg class=\"kb-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" "
           f"aria-labelledby=\"{ident}-t\" aria-describedby=\"{ident}-d\" preserveAspectRatio=\"xMidYMid meet\"{size}>"
           f"<title id=\"{ident}-t\">{title}</title>{''.join(parts)}</svg>")
    escaped = [(html.escape(label), n) for label, n in series]
    return (f"<figure class=\"kb-figure\">{svg}<figcaption>{title}</figcaption>"
            f"<details><summary>Données du graphique</summary>{_table(ident, title, head, escaped)}</details></figure>")


def bar_table(rows: list[tuple[str, int]], head: tuple[str, str], years: list[str] | None = None) -> list[str]:
    """Horizontal bars drawn with CSS inside a Markdown table: the chart is its own text
    alternative, and labels may be Markdown links (MkDocs checks and rewrites those, which
    it does not do inside raw HTML). Labels must already be escaped. `years`: each row's
    years of articles (year_span), in a third column."""
    if not rows:
        return ["_Aucune donnée._"]
    peak = max(n for _, n in rows) or 1
    more = " Années |" if years is not None else ""
    lines = [f"| {head[0]} | {head[1]} |{more}", f"|---|---|{'---|' if more else ''}"]
    lines += [f"| {label} | <span class=\"kb-hbar\" style=\"width:{_num(BAR_EM * n / peak)}em\"></span> {n} |"
              + (f" {years[i]} |" if years is not None else "") for i, (label, n) in enumerate(rows)]
    return lines


NO_YEAR = frozenset({None, 0})


def year_span(years: Iterable[int | None]) -> str:
    """The years of some articles, consecutive ones as a range: "2013, 2018–2020"; past four
    ranges, the first and the last year and how many: "2008–2025 (12 années)". Undated aside."""
    found = sorted(set(years) - NO_YEAR)  # a C loop: called for every cell of the matrix
    runs: list[list[int]] = []
    for year in found:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    if len(runs) > 4:
        return f"{found[0]}–{found[-1]} ({len(found)} années)"
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in runs) or "—"


def year_series(counts: dict[int, int]) -> list[tuple[str, int]]:
    """Every year from the first to the last, zeros included: a gap is information."""
    if not counts:
        return []
    return [(str(y), counts.get(y, 0)) for y in range(min(counts), max(counts) + 1)]
