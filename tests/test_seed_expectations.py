"""Golden tests: every sample seed meets spec/seed-expectations.yaml (copied in tests/data)."""

from __future__ import annotations

import json
from pathlib import Path

import frontmatter
import pytest
import yaml

from conftest import DATA

EXPECT = yaml.safe_load((DATA / "seed-expectations.yaml").read_text(encoding="utf-8"))


def _page(built: Path, seed: str) -> frontmatter.Post:
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    entry = next(e for e in report["seeds"] if e["file"] == f"seeds/{seed}")
    assert entry["status"] == "ingested", entry
    return frontmatter.loads((built / "content" / entry["page"]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", sorted(EXPECT))
def test_seed_meets_expectations(built: Path, seed: str) -> None:
    exp, post = EXPECT[seed], _page(built, seed)
    meta, title = post.metadata, post["title"]
    if "title_is" in exp:
        assert title == exp["title_is"]
    if "title_contains_any" in exp:
        assert any(s in title for s in exp["title_contains_any"]), title
    for bad in exp.get("title_excludes", []):
        assert bad not in title
    assert len(title) <= exp.get("title_max_chars", 120)
    assert meta["language"] == exp["language"]
    if "year" in exp:
        assert meta["year"] == exp["year"]
    if "year_any_of" in exp:
        assert meta["year"] in exp["year_any_of"]
    if "month" in exp:
        assert int(meta["date"][5:7]) == exp["month"]
        assert meta["date_precision"] in ("month", "day")
    sources = exp["date_source"] if isinstance(exp["date_source"], list) else [exp["date_source"]]
    assert meta["date_source"] in sources
    for key in ("partners", "domains"):
        rule = exp.get(key, {})
        assert set(rule.get("include", [])) <= set(meta[key]), (key, meta[key])
        assert not set(rule.get("exclude", [])) & set(meta[key]), (key, meta[key])
    for person in exp.get("people_include", []):
        assert person in meta["people"]
    for bad in exp.get("body_excludes", []):
        assert bad not in post.content
    assert meta["source"] == f"seeds/{seed}"


def test_every_seed_has_expectations() -> None:
    seeds = {p.name for p in (Path(__file__).parents[1] / "seeds").glob("*.txt")}
    assert seeds == set(EXPECT)
