"""The build report (`aseankb build --report FILE`) as Markdown, for CI job summaries.

GitHub Actions shows whatever a step appends to $GITHUB_STEP_SUMMARY as GitHub-flavoured
Markdown; `aseankb report-md report.json >> "$GITHUB_STEP_SUMMARY"` puts every seed and
its status there. File names and messages come from untrusted seeds, so every cell is
escaped: no seed text can add a column, a link, an image or HTML to the summary.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import AseankbError

STATUSES = ("ingested", "warning", "duplicate", "skipped")
# Rows with problems come first: they are what a reviewer looks for.
ROW_ORDER = ("skipped", "warning", "duplicate", "ingested")
# GitHub rejects a step summary over 1 MiB: stay well below, and say what was left out.
DEFAULT_MAX_BYTES = 900_000
# Characters GitHub-flavoured Markdown acts on inside a table cell (| splits cells, $ starts
# maths, < and & start HTML): they become numeric character references, shown as themselves.
MD_SPECIAL_RE = re.compile(r"[\\`*_{}\[\]()<>&|~!#$]")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
MAX_CELL = 400


class ReportError(AseankbError):
    """The report file is missing, is not JSON, or does not have the documented shape."""


def cell(value: object) -> str:
    """One table cell: a single line, every Markdown-active character neutralised."""
    text = CONTROL_RE.sub(" ", "" if value is None else str(value)).strip()
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL - 1] + "…"
    return MD_SPECIAL_RE.sub(lambda m: f"&#{ord(m.group())};", text) or " "


def load_report(path: Path) -> dict:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportError(f"{path}: cannot be read: {exc.strerror}") from exc
    except ValueError as exc:
        raise ReportError(f"{path}: not a JSON build report ({exc})") from exc
    if not isinstance(report, dict) or not isinstance(report.get("seeds"), list) \
            or not isinstance(report.get("summary"), dict):
        raise ReportError(f"{path}: not a build report (expected the keys 'seeds' and 'summary')")
    return report


def _row(seed: dict) -> str:
    messages = seed.get("messages") or []
    if seed.get("duplicate_of"):
        messages = [*messages, f"duplicate of {seed['duplicate_of']}"]
    return (f"| {cell(seed.get('file'))} | {cell(seed.get('status'))} | {cell(seed.get('page'))} "
            f"| {cell('; '.join(str(m) for m in messages))} |")


def report_markdown(report: dict, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Counts, then one row per seed: problems first, each group in the report's order.
    Rows that would pass `max_bytes` are counted, not shown."""
    summary = report["summary"]
    seeds = sorted(report["seeds"], key=lambda s: ROW_ORDER.index(s.get("status"))
                   if s.get("status") in ROW_ORDER else -1)
    counts = ", ".join(f"{int(summary.get(s, 0))} {s}" for s in STATUSES)
    head = ["## aseankb build report", "", f"{len(seeds)} seed files: {counts}.", "",
            "| Seed | Status | Page | Messages |", "|---|---|---|---|"]
    out = "\n".join(head) + "\n"
    size = len(out.encode())
    for shown, seed in enumerate(seeds):
        row = _row(seed) + "\n"
        if size + len(row.encode()) > max_bytes - 200:
            return out + (f"\n{len(seeds) - shown} more seed files are not listed here (summary size "
                          "limit): see the build report artifact.\n")
        out += row
        size += len(row.encode())
    return out
