"""The only module that wires the stages: read -> clean -> extract -> group -> render -> write.

The CLI and the MkDocs hook are thin layers over `build()`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean
from .config import Taxonomy, load_taxonomy
from .errors import SeedError
from .extract import extract
from .group import group
from .model import Article, SeedResult
from .overrides import apply_overrides, find_overrides, load_overrides
from .read import decode
from .render import render
from .write import write_tree

ASSETS_DIR = Path(__file__).parent / "assets"
SITE_URL_RE = re.compile(r"^site_url:[ \t]*([^\s#]+)", re.MULTILINE)
IGNORED_NAMES = {"overrides.yaml", "overrides.yml", "README.md", "README.txt"}


@dataclass
class Ingested:
    """What one seed became: its report line, and its article if it has one."""

    result: SeedResult
    article: Article | None = None
    text: str | None = None
    digest: str | None = None


@dataclass
class BuildResult:
    results: list[SeedResult]
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        return {s: sum(r.status == s for r in self.results)
                for s in ("ingested", "warning", "duplicate", "skipped")}

    @property
    def clean(self) -> bool:
        return all(r.status in ("ingested", "duplicate") and not r.messages or
                   r.status == "duplicate" for r in self.results)

    def report(self) -> dict:
        return {"seeds": [r.as_dict() for r in self.results], "summary": self.summary}


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Every regular file in the seeds folder, in a stable order (hidden files and the
    editor's overrides file excepted)."""
    return sorted((p for p in seeds_dir.iterdir() if p.is_file() and not p.name.startswith(".")
                   and p.name not in IGNORED_NAMES), key=lambda p: p.name)


def display_path(path: Path) -> str:
    """The seed's path as users see it: relative to the working folder when inside it."""
    try:
        return Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix() \
            if path.resolve().is_relative_to(Path.cwd()) else path.as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def ingest(path: Path, tax: Taxonomy) -> Ingested:
    """One seed through read, clean and extract. Never raises: a bad file is a report line."""
    shown = display_path(path)
    try:
        data = path.read_bytes()
        text, _encoding, messages = decode(data)
        cleaned = clean(text)
        article, warnings = extract(cleaned, file_name=path.name, source=shown, tax=tax)
    except SeedError as exc:
        return Ingested(SeedResult(shown, "skipped", messages=[f"{shown}: {exc}"]))
    except OSError as exc:
        return Ingested(SeedResult(shown, "skipped", messages=[f"{shown}: cannot be read: {exc.strerror}"]))
    except ValueError as exc:
        return Ingested(SeedResult(shown, "skipped", messages=[f"{shown}: {exc}"]))
    except Exception as exc:  # noqa: BLE001 - untrusted input must never stop the build
        return Ingested(SeedResult(shown, "skipped",
                                   messages=[f"{shown}: could not be processed ({type(exc).__name__}: {exc})"]))
    notes = [f"{shown}: {m}" for m in messages + warnings]
    status = "warning" if notes else "ingested"
    digest = hashlib.sha256("\n".join(cleaned.paragraphs).encode()).hexdigest()
    article.sha256 = digest
    return Ingested(SeedResult(shown, status, page=article.page, messages=notes), article, text, digest)


def mark_duplicates(items: list[Ingested]) -> None:
    """Same cleaned text under another name: one page, the others reported as duplicates."""
    first: dict[str, Ingested] = {}
    for item in items:
        if item.article is None:
            continue
        original = first.setdefault(item.digest, item)
        if original is not item:
            item.result.status = "duplicate"
            item.result.duplicate_of = original.result.file
            item.result.page = original.result.page
            item.result.messages.append(f"{item.result.file}: same text as {original.result.file}")
            item.article = None


def correct(seeds_dir: Path, items: list[Ingested], tax: Taxonomy) -> None:
    """The editor's corrections (seeds/overrides.yaml), between extract and group. A
    corrected date moves the page: the report follows, duplicates included."""
    path = find_overrides(seeds_dir)
    if not path:
        return
    shown = display_path(path)
    apply_overrides([i.article for i in items if i.article], load_overrides(path, tax, shown), shown)
    pages = {i.result.file: i.article.page for i in items if i.article}
    for item in items:
        item.result.page = pages.get(item.result.duplicate_of or item.result.file, item.result.page)


def site_url(mkdocs_yml: Path) -> str | None:
    """MkDocs' site_url, for absolute links in feeds (read as text: mkdocs.yml may hold
    tags that a safe YAML loader refuses)."""
    try:
        m = SITE_URL_RE.search(mkdocs_yml.read_text(encoding="utf-8"))
    except OSError:
        return None
    return m.group(1).strip("'\"").rstrip("/") + "/" if m else None


def build(seeds_dir: Path, out_dir: Path, *, report_file: Path | None = None,
          log: Callable[[str], None] = print) -> BuildResult:
    tax = load_taxonomy()
    items = [ingest(p, tax) for p in list_seeds(seeds_dir)]
    mark_duplicates(items)
    correct(seeds_dir, items, tax)
    articles = [i.article for i in items if i.article]
    results = [i.result for i in items]
    pages: dict[str, str | bytes] = dict(render(group(articles), tax, results,
                                                site_url=site_url(seeds_dir.parent / "mkdocs.yml")))
    for item in items:
        if item.article:
            pages[f"sources/{item.article.id}.txt"] = item.text
    for asset in sorted(ASSETS_DIR.iterdir()):
        pages[f"assets/{asset.name}"] = asset.read_bytes()
    out_dir.mkdir(parents=True, exist_ok=True)
    stats = write_tree(out_dir, pages)
    outcome = BuildResult(results, stats.written, stats.removed)
    for r in results:
        for message in r.messages:
            log(f"{r.status.upper()}: {message}")
    if report_file:
        report_file.parent.mkdir(parents=True, exist_ok=True)
        report_file.write_text(json.dumps(outcome.report(), ensure_ascii=False, indent=2) + "\n",
                               encoding="utf-8")
    return outcome
