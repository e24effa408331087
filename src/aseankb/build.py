"""The only module that wires the stages: read -> clean -> extract -> group -> render -> write.

The CLI and the MkDocs hook are thin layers over `build()`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean
from .config import Taxonomy, load_taxonomy
from .dedup import flag_near_duplicates
from .errors import SeedError
from .extract import article_slug, extract
from .group import group
from .model import Article, SeedResult
from .prepare import prepare, require_text
from .read import decode, read_seed
from .render import render
from .write import atomic_write, write_tree

ASSETS_DIR = Path(__file__).parent / "assets"
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
    newest_date: str | None = None  # of the articles: a reproducible date for the site's build

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
    return sorted((p for p in seeds_dir.iterdir() if (p.is_file() or p.is_symlink()) and not p.name.startswith(".")
                   and p.name not in IGNORED_NAMES), key=lambda p: p.name)


def display_path(path: Path) -> str:
    """The seed's path as users see it: relative to the working folder when inside it."""
    try:
        # The folder is resolved, not the file: a symbolic link is shown where it lies.
        full, cwd = path.parent.resolve() / path.name, Path.cwd().resolve()
        return full.relative_to(cwd).as_posix() if full.is_relative_to(cwd) else path.as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def ingest(path: Path, tax: Taxonomy) -> Ingested:
    """One seed through read, clean and extract. Never raises: a bad file is a report line."""
    shown = display_path(path)
    try:
        text, _encoding, messages = decode(read_seed(path))
        prepared = prepare(text)
        cleaned = clean(prepared.text, prepared.front)
        require_text(cleaned.paragraphs)
        article, warnings = extract(cleaned, file_name=path.name, source=shown, tax=tax)
        messages += prepared.messages
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
    # The published source is the text the page was made from (an HTML page's paragraphs, not its markup).
    return Ingested(SeedResult(shown, status, page=article.page, messages=notes), article, prepared.text, digest)


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


def separate_ids(items: list[Ingested]) -> None:
    """File names that differ only by case or extension ('Note.txt', 'note.md') give the same
    id, hence one source file and ambiguous overrides: the later file gets a suffixed id."""
    taken: dict[str, str] = {}
    for item in items:
        art = item.article
        if art is None:
            continue
        if art.id in taken:
            new_id = f"{art.id}-{hashlib.sha256(item.result.file.encode()).hexdigest()[:6]}"
            item.result.messages.append(f"{item.result.file}: its id '{art.id}' is already used by "
                                        f"{taken[art.id]}: given id '{new_id}' (rename the file to choose one)")
            item.result.status = "warning"
            art.id, art.slug = new_id, article_slug(art.title, new_id)
            item.result.page = art.page
        taken[art.id] = item.result.file


def build(seeds_dir: Path, out_dir: Path, *, report_file: Path | None = None,
          log: Callable[[str], None] = print) -> BuildResult:
    tax = load_taxonomy()
    items = [ingest(p, tax) for p in list_seeds(seeds_dir)]
    mark_duplicates(items)
    separate_ids(items)
    flag_near_duplicates([(i.result, i.article) for i in items if i.article is not None])
    articles = [i.article for i in items if i.article]
    results = [i.result for i in items]
    pages: dict[str, str | bytes] = dict(render(group(articles), tax, results))
    for item in items:
        if item.article:
            pages[f"sources/{item.article.id}.txt"] = item.text
    for asset in sorted(ASSETS_DIR.iterdir()):
        pages[f"assets/{asset.name}"] = asset.read_bytes()
    out_dir.mkdir(parents=True, exist_ok=True)
    stats = write_tree(out_dir, pages)
    outcome = BuildResult(results, stats.written, stats.removed,
                          max((a.iso_date for a in articles if a.iso_date), default=None))
    for r in results:
        for message in r.messages:
            log(f"{r.status.upper()}: {message}")
    if report_file:
        atomic_write(report_file, (json.dumps(outcome.report(), ensure_ascii=False, indent=2) + "\n").encode())
    return outcome
