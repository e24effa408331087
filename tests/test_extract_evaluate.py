"""scripts/evaluate.py on a tiny labelled folder written here (never the devset's texts)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "evaluate.py"
spec = importlib.util.spec_from_file_location("evaluate", SCRIPT)
evaluate = importlib.util.module_from_spec(spec)
sys.modules["evaluate"] = evaluate  # dataclasses look their module up
spec.loader.exec_module(evaluate)

ARTICLE = ("L'ASEAN et le Japon renforcent leur coopération maritime\n"
           "Tokyo (VNA) – Les ministres de l'ASEAN et du Japon ont convenu le 3 mars 2021 de renforcer "
           "la sécurité maritime. Le Japon soutient l'ASEAN. La Chine a été citée.\n")


@pytest.fixture
def devset(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    labels = {"articles": {"a.txt": {
        "language": "fr", "published": "2021-03", "partners": ["japon", "coree-du-sud"],
        "partners_mentioned": ["chine"], "domains": ["maritime"]}}}
    (tmp_path / "labels.yaml").write_text(yaml.safe_dump(labels), encoding="utf-8")
    return articles, tmp_path / "labels.yaml"


def test_report_and_misses(devset, capsys) -> None:
    articles, labels = devset
    assert evaluate.main(["--articles", str(articles), "--labels", str(labels)]) == 0
    out = capsys.readouterr().out
    assert "partners  P 1.000  R 0.500" in out           # chine is neutral, coree-du-sud missed
    assert "year      1/1 = 100.0 %" in out and "month     1/1" in out
    assert "a.txt: partner missing coree-du-sud" in out
    assert "headlines 1/1" in out


def test_check_fails_on_missed_targets(devset) -> None:
    articles, labels = devset
    assert evaluate.main(["--articles", str(articles), "--labels", str(labels), "--check"]) == 1
    assert evaluate.main(["--articles", str(articles), "--labels", str(labels), "--check",
                          "--min-partners-f1", "0.6"]) == 0


@pytest.mark.parametrize(("title", "ok"), [
    ("L'ASEAN et le Japon renforcent leur coopération", True),
    ("Bangkok (VNA) – L'ASEAN et le Japon", False),
    ("TOKYO - Japan and ASEAN", False),
    ("Les ministres posent pour une photo. Photo : VNA", False),
    ("date 2025-07 L'ASEAN", False),
    ("x" * 121, False),
])
def test_headline_check(title: str, ok: bool) -> None:
    assert (evaluate.headline_problem(title) is None) is ok
