#!/usr/bin/env python3
"""Measure the extractor on labelled articles it was not written for.

Runs the package's read -> clean -> extract pipeline (no MkDocs, nothing written) over a
folder of articles and compares the result with a labels file in the format of
../shared/devset/labels.yaml. Prints precision/recall/F1 for partners and domains, the
share of right years and months, language accuracy, how many titles are real headlines,
then every miss, one per line.

    .venv/bin/python scripts/evaluate.py [--articles DIR] [--labels FILE] [--check]

Exit code 0, unless --check is given and a target is missed (then 1). Targets can be
changed with --min-partners-f1, --min-domains-f1, --min-year, --min-language.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from aseankb.build import ingest
from aseankb.config import load_taxonomy
from aseankb.extract import load_data
from aseankb.model import Article

REPO = Path(__file__).resolve().parents[1]

def _devset() -> Path:
    """../shared/devset next to the repo; a worktree nested deeper looks further up."""
    for parent in REPO.parents:
        if (parent / "shared" / "devset").is_dir():
            return parent / "shared" / "devset"
    return REPO.parent / "shared" / "devset"


DEVSET = _devset()
DEFAULT_ARTICLES = DEVSET / "articles"
DEFAULT_LABELS = DEVSET / "labels.yaml"
MAX_TITLE = 120
# What a headline never holds: a caption credit, a dateline, the corpus' "date" prefix.
CAPTION_RE = re.compile(r"\bPhotos?\s?:|\(Photo|\|\s*$|hinh anh \d", re.I)
AGENCIES = r"VNA|AFP|Xinhua|AP|Reuters|Yonhap|Kyodo|CVN|VNS|TTXVN|Bernama|Antara|PNA|KBS|ANTARA"
DATELINE_RE = re.compile(
    rf"^[^\W\d][\w’'. -]{{1,40}}?(?:,\s*(?:1er|\d{{1,2}})\s*[^\W\d]+\.?(?:\s+\d{{4}})?)?\s*"
    rf"\((?:{AGENCIES})[^)]{{0,12}}\)"
    r"|^[A-Z][A-Z .'-]{2,30}\s+[-–—]\s+")
DATE_PREFIX_RE = re.compile(r"^\s*date\b", re.I)


@dataclass
class Score:
    """True positives, false positives and false negatives of one set-valued field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<9} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass
class Tally:
    partners: Score = field(default_factory=Score)
    # Strict: a partner the labels give as only mentioned, extracted as one the article is
    # about, counts as wrong (`partners` leaves it out of the count). Reported, no target.
    main: Score = field(default_factory=Score)
    domains: Score = field(default_factory=Score)
    articles: int = 0
    years_known: int = 0
    years_right: int = 0
    months_known: int = 0
    months_right: int = 0
    language_right: int = 0
    headlines: int = 0
    misses: list[str] = field(default_factory=list)


def headline_problem(title: str) -> str | None:
    """Why a title is not a real headline, or None when it is one."""
    if not title.strip():
        return "empty title"
    if len(title) > MAX_TITLE:
        return f"{len(title)} chars > {MAX_TITLE}"
    if CAPTION_RE.search(title):
        return "caption in title"
    if DATELINE_RE.match(title):
        return "dateline in title"
    if DATE_PREFIX_RE.match(title):
        return "'date' prefix in title"
    return None


def score_set(score: Score, name: str, file: str, got: set[str], want: set[str],
              neutral: set[str], misses: list[str]) -> None:
    got = got - (neutral - want)
    score.tp += len(got & want)
    for item in sorted(got - want):
        score.fp += 1
        misses.append(f"{file}: {name} extra {item}")
    for item in sorted(want - got):
        score.fn += 1
        misses.append(f"{file}: {name} missing {item}")


def score_date(t: Tally, file: str, art: Article, published: str | None) -> None:
    if not published:
        return
    parts = [int(p) for p in str(published).split("-")]
    t.years_known += 1
    evidence = f" (source {art.date_source}, evidence {art.date_evidence!r})"
    if art.date.year == parts[0]:
        t.years_right += 1
    else:
        t.misses.append(f"{file}: year {art.date.year} want {parts[0]}{evidence}")
    if len(parts) >= 2:
        t.months_known += 1
        if art.date.year == parts[0] and art.date.month == parts[1]:
            t.months_right += 1
        else:
            t.misses.append(f"{file}: month {art.date.year}-{art.date.month} want {parts[0]}-{parts[1]}{evidence}")


def score_article(t: Tally, file: str, art: Article, label: dict) -> None:
    t.articles += 1
    neutral = set(label.get("partners_mentioned") or [])
    score_set(t.partners, "partner", file, set(art.partners), set(label.get("partners") or []), neutral, t.misses)
    strict: list[str] = []
    score_set(t.main, "main partner", file, set(art.partners), set(label.get("partners") or []), set(), strict)
    t.misses += [m for m in strict if " extra " in m and m.split(" extra ")[1] in neutral]
    score_set(t.domains, "domain", file, set(art.domains), set(label.get("domains") or []), set(), t.misses)
    score_date(t, file, art, label.get("published"))
    if art.language == label.get("language"):
        t.language_right += 1
    else:
        t.misses.append(f"{file}: language {art.language} want {label.get('language')}")
    problem = headline_problem(art.title)
    if problem is None:
        t.headlines += 1
    else:
        t.misses.append(f"{file}: title not a headline ({problem}): {art.title!r}")


def evaluate(articles_dir: Path, labels: dict) -> Tally:
    tax = load_taxonomy()
    load_data()
    t = Tally()
    for file, label in sorted(labels.items()):
        path = articles_dir / file
        if not path.is_file():
            t.misses.append(f"{file}: file not found in {articles_dir}")
            continue
        item = ingest(path, tax)
        if item.article is None:
            t.articles += 1
            t.misses.append(f"{file}: not extracted ({'; '.join(item.result.messages)})")
            continue
        score_article(t, file, item.article, label)
    return t


def pct(num: int, den: int) -> str:
    return f"{num}/{den} = {100 * num / den:.1f} %" if den else "n/a"


def report(t: Tally) -> list[str]:
    return [
        f"articles  {t.articles}",
        t.partners.line("partners"),
        t.main.line("main (strict)"),
        t.domains.line("domains"),
        f"year      {pct(t.years_right, t.years_known)}",
        f"month     {pct(t.months_right, t.months_known)}",
        f"language  {pct(t.language_right, t.articles)}",
        f"headlines {t.headlines}/{t.articles} titles are real headlines",
        f"misses    {len(t.misses)}",
        *(f"  {m}" for m in t.misses),
    ]


def failed_targets(t: Tally, args: argparse.Namespace) -> list[str]:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    checks = [
        ("partners F1", t.partners.f1, args.min_partners_f1),
        ("domains F1", t.domains.f1, args.min_domains_f1),
        ("year right", ratio(t.years_right, t.years_known), args.min_year),
        ("language right", ratio(t.language_right, t.articles), args.min_language),
        ("real headlines", ratio(t.headlines, t.articles), 1.0),
    ]
    return [f"{name} {value:.3f} < {target}" for name, value, target in checks if value < target]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--min-partners-f1", type=float, default=0.95)
    ap.add_argument("--min-domains-f1", type=float, default=0.85)
    ap.add_argument("--min-year", type=float, default=0.90)
    ap.add_argument("--min-language", type=float, default=1.0)
    args = ap.parse_args(argv)
    try:
        data = yaml.safe_load(args.labels.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        print(f"cannot read labels {args.labels}: {exc}", file=sys.stderr)
        return 2
    labels = data.get("articles", data) if isinstance(data, dict) else {}
    tally = evaluate(args.articles, labels)
    print("\n".join(report(tally)))
    if args.check:
        failed = failed_targets(tally, args)
        for line in failed:
            print(f"TARGET MISSED: {line}")
        print("targets: all met" if not failed else f"targets: {len(failed)} missed")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
