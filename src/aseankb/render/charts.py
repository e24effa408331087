"""Charts drawn at build time: inline SVG and HTML/CSS, no JavaScript, no remote file.

Every chart is a <figure> whose data are also a real <table> (the text alternative, one
click away in a <details>, and the SVG's description for screen readers); the SVG itself
is `role="img"` with a <title>, so it has an accessible name. Text is drawn in `currentColor`, the page's text
colour, so its contrast is the theme's in light and dark mode alike. Labels passed in
are our own (years, taxonomy labels) and are escaped here all the same.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

WIDTH, HEIGHT = 640, 200
TOP, BOTTOM, LEFT = 24, 28, 8
BAR_EM = 12  # longest horizontal bar, in em: independent of the table's width


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _table(ident: str, caption: str, head: tuple[str, str], rows: list[tuple[str, int]]) -> str:
    body = "".join(f"<tr><th scope=\"row\">{label}</th><td>{n}</td></tr>" for label, n in rows)
    return (f"<table class=\"kb-chart-data\" id=\"{ident}-d\"><caption>{caption}</caption>"
            f"<thead><tr><th scope=\"col\">{head[0]}</th><th scope=\"col\">{head[1]}</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def column_chart(series: list[tuple[str, int]], title: str, chart_id: str,
                 head: tuple[str, str] = ("Année", "Articles")) -> str:
    """A column per label (years, left to right), its value above it. One HTML line:
    Python-Markdown passes a raw HTML block through only when it has no blank line."""
    if not series:
        return "<p><em>Aucune donnée datée.</em></p>"
    ident = f"kb-chart-{chart_id}"
    title = html.escape(title)  # our own labels, escaped all the same: this is raw HTML
    series = [(html.escape(label), n) for label, n in series]
    peak = max(n for _, n in series) or 1
    step = (WIDTH - 2 * LEFT) / len(series)
    bar = min(max(step * 0.7, 1.0), 48.0)
    plot = HEIGHT - TOP - BOTTOM
    every = max(1, round(len(series) / 16))  # keep year labels from overlapping
    # On a phone the text is drawn larger (aseankb.css), and every other label (`kb-minor`)
    # is left out so that the larger ones do not overlap.
    crowded = len(series) > 12
    parts = []
    for i, (label, n) in enumerate(series):
        x = LEFT + i * step + (step - bar) / 2
        h = plot * n / peak
        y = TOP + plot - h
        mid = _num(x + bar / 2)
        parts.append(f"<rect class=\"kb-bar\" x=\"{_num(x)}\" y=\"{_num(y)}\" width=\"{_num(bar)}\" "
                     f"height=\"{_num(h)}\"><title>{label} : {n}</title></rect>")
        last = i == len(series) - 1
        minor = " class=\"kb-minor\"" if crowded and (len(series) - 1 - i) % 2 and not last else ""
        if n:
            parts.append(f"<text{minor} x=\"{mid}\" y=\"{_num(y - 4)}\" text-anchor=\"middle\">{n}</text>")
        if i % every == 0 or last:
            minor = " class=\"kb-minor\"" if crowded and (len(series) - 1 - i) // every % 2 else ""
            parts.append(f"<text{minor} x=\"{mid}\" y=\"{HEIGHT - 8}\" text-anchor=\"middle\">{label}</text>")
    svg = (f"<svg class=\"kb-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" "
           f"aria-labelledby=\"{ident}-t\" aria-describedby=\"{ident}-d\" preserveAspectRatio=\"xMidYMid meet\">"
           f"<title id=\"{ident}-t\">{title}</title>{''.join(parts)}</svg>")
    return (f"<figure class=\"kb-figure\">{svg}<figcaption>{title}</figcaption>"
            f"<details><summary>Données du graphique</summary>{_table(ident, title, head, series)}</details></figure>")


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
