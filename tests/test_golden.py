"""Golden files: the exact article page of each sample seed.

Refresh after an intended change with:  ./scripts/test.sh tests/test_golden.py --update-golden
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
SEEDS = sorted(p.name for p in (Path(__file__).parents[1] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS)
def test_article_page_matches_golden(built: Path, seed: str, request: pytest.FixtureRequest) -> None:
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    entry = next(e for e in report["seeds"] if e["file"] == f"seeds/{seed}")
    page = (built / "content" / entry["page"]).read_text(encoding="utf-8")
    golden = GOLDEN / (Path(seed).stem + ".md")
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(f"<!-- page: {entry['page']} -->\n{page}", encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert f"<!-- page: {entry['page']} -->\n{page}" == expected
