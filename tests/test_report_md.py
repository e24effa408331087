"""`aseankb report-md`: the build report as the CI job summary (a GitHub-flavoured Markdown table)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from aseankb.report_md import cell, report_markdown
from publishing import BIN


def seed(file: str, status: str = "ingested", page: str | None = "articles/2020/a.md", messages=(), dup=None) -> dict:
    return {"file": file, "status": status, "page": page, "duplicate_of": dup, "messages": list(messages)}


def report(*seeds: dict) -> dict:
    statuses = ("ingested", "warning", "duplicate", "skipped")
    return {"seeds": list(seeds), "summary": {s: sum(x["status"] == s for x in seeds) for s in statuses}}


def table_rows(md: str) -> list[list[str]]:
    rows = [line for line in md.splitlines() if line.startswith("| ")][1:]  # without the header row
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in rows]


def test_every_seed_has_a_row_problems_first() -> None:
    md = report_markdown(report(
        seed("seeds/a.txt"),
        seed("seeds/b.txt", "skipped", None, ["seeds/b.txt: empty file"]),
        seed("seeds/c.txt", "duplicate", dup="seeds/a.txt"),
        seed("seeds/d.txt", "warning", messages=["seeds/d.txt: no date found"])))
    assert "4 seed files: 1 ingested, 1 warning, 1 duplicate, 1 skipped." in md
    assert [r[:2] for r in table_rows(md)] == [["seeds/b.txt", "skipped"], ["seeds/d.txt", "warning"],
                                               ["seeds/c.txt", "duplicate"], ["seeds/a.txt", "ingested"]]
    rows = {r[0]: r for r in table_rows(md)}
    assert rows["seeds/b.txt"][3] == "seeds/b.txt: empty file"
    assert rows["seeds/c.txt"][3] == "duplicate of seeds/a.txt"


def test_untrusted_names_and_messages_cannot_change_the_table() -> None:
    nasty = "seeds/x | <img src=x onerror=alert(1)> [lien](http://evil) `code` $x$\nsuite.txt"
    md = report_markdown(report(seed(nasty, "skipped", None, [f"{nasty}: not text"])))
    row = md.splitlines()[-1]
    assert row.count("|") == 5  # four cells, whatever the file name holds
    for raw in ("<img", "[lien]", "`code`", "$x$", "\n" + "suite"):
        assert raw not in row
    assert "&#124;" in row and "&#60;img" in row


def test_cell_keeps_plain_text_readable() -> None:
    assert cell("seeds/001.txt") == "seeds/001.txt"
    assert cell(None) == " "
    assert len(cell("é" * 1000)) == 400


def test_size_limit_says_what_it_left_out() -> None:
    seeds = [seed(f"seeds/{i:05}.txt") for i in range(2000)]
    md = report_markdown(report(*seeds), max_bytes=20_000)
    assert len(md.encode()) <= 20_000
    shown = len(table_rows(md))
    assert 0 < shown < 2000
    assert f"{2000 - shown} more seed files are not listed here" in md


def test_cli_on_a_real_report(built: Path) -> None:
    out = subprocess.run([str(BIN / "aseankb"), "report-md", str(built / "report.json")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    files = {s["file"] for s in json.loads((built / "report.json").read_text())["seeds"]}
    assert {r[0].replace("&#95;", "_") for r in table_rows(out.stdout)} == files
    assert {r[1] for r in table_rows(out.stdout)} == {"ingested"}


def test_cli_names_a_bad_report(tmp_path: Path) -> None:
    bad = tmp_path / "report.json"
    bad.write_text("{not json", encoding="utf-8")
    out = subprocess.run([str(BIN / "aseankb"), "report-md", str(bad)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and str(bad) in out.stderr and "not a JSON build report" in out.stderr
    bad.write_text('{"seeds": 3}', encoding="utf-8")
    out = subprocess.run([str(BIN / "aseankb"), "report-md", str(bad)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "expected the keys" in out.stderr
