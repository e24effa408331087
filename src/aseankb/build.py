"""The only module that wires the stages: read -> clean -> extract -> group -> render -> write.

The CLI and the MkDocs hook are thin layers over `build()`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .cache import CACHE_DIR_NAME, Cache, Entry, seed_key, stamp, text_hash, unchanged_on_disk, write_blob
from .clean import clean
from .config import Taxonomy, load_taxonomy
from .dedup import flag_near_duplicates, sketch
from .errors import SeedError
from .extract import article_slug, extract, load_data
from .extract.language import extract_language
from .group import group
from .model import Article, SeedResult
from .prepare import prepare, require_text
from .read import decode, read_seed
from .render.article import render_article
from .render.pages import render_indexes
from .write import atomic_write, write_tree

ASSETS_DIR = Path(__file__).parent / "assets"
IGNORED_NAMES = {"overrides.yaml", "overrides.yml", "README.md", "README.txt"}
DEFAULT_CACHE = Path(CACHE_DIR_NAME)  # relative to the working folder: the project root
PARALLEL_MIN = 64  # below this many seeds to extract, starting worker processes costs more than it saves


@dataclass
class Ingested:
    """What one seed became: its report line, and its article if it has one."""

    result: SeedResult
    article: Article | None = None
    text: str | None = None
    digest: str | None = None
    page: str | None = None  # the rendered article page, when extracted in this build
    key: str = ""
    path: Path | None = None
    page_key: str = ""  # the inputs `page` was rendered from
    sketch: frozenset[int] = frozenset()  # for near duplicates, kept in the cache


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


def ingest(path: Path, tax: Taxonomy, shown: str | None = None, data: bytes | None = None) -> Ingested:
    """One seed through read, clean and extract. Never raises: a bad file is a report line."""
    shown = shown or display_path(path)
    try:
        text, _encoding, messages = decode(read_seed(path) if data is None else data)
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


def page_key(art: Article, seed: str, *extra: object) -> str:
    """The inputs of an article's page: its seed, its metadata as the build left it, and
    whatever else the page shows (`extra`, e.g. links to other articles); the code and
    taxonomy are in the cache's version key. Equal keys, equal pages."""
    meta = replace(art, paragraphs=[]) if art.paragraphs else art
    return text_hash(f"{seed}\0{meta!r}\0{extra!r}".encode())


def _ingest_job(job: tuple[Path, str, bytes | None, str, Path | None]) -> tuple[Ingested, Entry | None]:
    """A worker's task: ingest one seed, store its texts in the cache, render its page
    (rendering is per article too; the build re-renders if its inputs change later)."""
    path, shown, data, key, blob = job
    tax = load_taxonomy()
    item = ingest(path, tax, shown, data)
    item.key, item.path = key, path
    if not key:
        return item, None
    result = replace(item.result, messages=list(item.result.messages))  # the build mutates its own
    article = replace(item.article, paragraphs=[]) if item.article else None
    source_hash = text_hash(item.text.encode()) if item.article else None
    if item.article:
        item.sketch = sketch("\n".join(item.article.paragraphs))
        item.page = render_article(item.article, tax)
        item.page_key = page_key(item.article, key)
        write_blob(blob, item.article.paragraphs, item.text)
        if blob:  # the main process needs only the page; the texts are in the blob if ever needed
            item.article = replace(article)
    return item, Entry(result, article, item.digest, source_hash, item.sketch)


def _pool_context():
    # fork shares the loaded taxonomy and language profiles; it is unsafe only when other
    # threads run (mkdocs serve), where a fresh interpreter per worker is the safe choice.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _extract_all(jobs: list, workers: int) -> list[tuple[Ingested, Entry | None]]:
    """Ingest the seeds the cache does not know, on every core; results in input order."""
    if workers <= 1 or len(jobs) < PARALLEL_MIN:
        # Through pickle, as from a worker: the cache's records share nothing with the build.
        return [pickle.loads(pickle.dumps(_ingest_job(j))) for j in jobs]
    load_taxonomy()
    extract_language(["Chargement des profils de langue avant de lancer les processus."])
    chunk = max(1, min(32, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=_pool_context()) as pool:
        return list(pool.map(_ingest_job, jobs, chunksize=chunk))


def _copy(obj):
    """A copy whose lists are copies too: later stages may edit an article (corrections),
    and the cache's record must stay what extraction produced."""
    out = copy.copy(obj)
    for f in fields(out):
        value = getattr(out, f.name)
        if isinstance(value, list):
            setattr(out, f.name, list(value))
    return out


def _from_entry(entry: Entry, key: str, path: Path) -> Ingested:
    article = _copy(entry.article) if entry.article else None
    return Ingested(_copy(entry.result), article, None, entry.digest, None, key, path, sketch=entry.sketch)


def ingest_all(seeds: list[Path], seeds_dir: Path, tax: Taxonomy, cache: Cache,
               workers: int) -> list[Ingested]:
    """Every seed, from the cache when its bytes are known, else extracted (in parallel)."""
    shown_dir = display_path(seeds_dir)
    items: list[Ingested | None] = []
    jobs = []
    for path in seeds:
        shown = f"{shown_dir}/{path.name}" if shown_dir not in ("", ".") else path.name
        try:
            data = read_seed(path)
        except (OSError, SeedError):
            data = None  # ingest() reports why
        key = seed_key(path.name, shown, data) if data is not None else ""
        entry = cache.get(key) if key else None
        items.append(_from_entry(entry, key, path) if entry else None)
        if entry is None:
            jobs.append((path, shown, data, key, cache.blob_path(key) if key else None))
    fresh = iter(_extract_all(jobs, workers))
    for i, item in enumerate(items):
        if item is None:
            items[i], entry = next(fresh)
            if entry:
                cache.put(items[i].key, entry)
    return items


def _texts(item: Ingested, cache: Cache) -> tuple[list[str], str]:
    """An article's paragraphs and source text: at hand, from its cache blob, or extracted again."""
    if item.article.paragraphs and item.text is not None:
        return item.article.paragraphs, item.text
    blob = cache.blob(item.key)
    if blob:
        return blob
    again, _entry = _ingest_job((item.path, item.result.file, None, item.key, cache.blob_path(item.key)))
    return (again.article.paragraphs, again.text) if again.article else ([], "")


def _article_files(items: list[Ingested], out: Path, cache: Cache, stamps: dict,
                   tax: Taxonomy) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Each article's page and source text: (files to write, their keys, files known to be
    on disk as they should be). Pages are rendered, and texts read, only when needed."""
    files: dict[str, str] = {}
    keys: dict[str, str] = {}
    keep: set[str] = set()
    for item in items:
        art = item.article
        if art is None:
            continue
        entry = cache.added.get(item.key) or cache.index.get(item.key)
        wanted = {art.page: page_key(art, item.key) if item.key else "",
                  f"sources/{art.id}.txt": entry.source_hash if entry else ""}
        todo = [rel for rel, k in wanted.items() if not (k and unchanged_on_disk(out / rel, k, stamps, rel))]
        keep.update(rel for rel in wanted if rel not in todo)
        if not todo:
            continue
        if item.page is not None and item.page_key == wanted[art.page]:
            page, text = item.page, item.text
        else:
            paragraphs, text = _texts(item, cache)
            page = render_article(replace(art, paragraphs=paragraphs), tax)
        for rel, data in zip(wanted, (page, text), strict=True):
            if rel in todo:
                files[rel] = data
                if wanted[rel]:
                    keys[rel] = wanted[rel]
    return files, keys, keep


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _cache_root(cache_dir: Path | None) -> Path | None:
    if cache_dir is None or os.environ.get("ASEANKB_NO_CACHE"):
        return None
    return cache_dir.resolve()


def build(seeds_dir: Path, out_dir: Path, *, report_file: Path | None = None,
          log: Callable[[str], None] = print, cache_dir: Path | None = DEFAULT_CACHE,
          workers: int | None = None) -> BuildResult:
    """Build the knowledge base. `cache_dir=None` extracts every seed again; `workers`
    defaults to the number of usable cores."""
    tax = load_taxonomy()
    load_data()  # a broken data file stops the build (exit 2) before any seed is read
    cache = Cache(_cache_root(cache_dir))
    items = ingest_all(list_seeds(seeds_dir), seeds_dir, tax, cache, workers or usable_cores())
    mark_duplicates(items)
    separate_ids(items)
    flag_near_duplicates([(i.result, i.sketch) for i in items if i.article is not None])
    articles = [i.article for i in items if i.article]
    results = [i.result for i in items]
    pages: dict[str, str | bytes] = dict(render_indexes(group(articles), tax, results))
    for asset in sorted(ASSETS_DIR.iterdir()):
        pages[f"assets/{asset.name}"] = asset.read_bytes()
    stamps = cache.load_stamps(out_dir)
    files, keys, keep = _article_files(items, out_dir, cache, stamps, tax)
    pages.update(files)
    out_dir.mkdir(parents=True, exist_ok=True)
    stats = write_tree(out_dir, pages, keep=keep)
    _update_stamps(out_dir, stamps, pages, keys, keep)
    cache.save_stamps(out_dir, stamps)
    cache.save()
    outcome = BuildResult(results, stats.written, stats.removed,
                          max((a.iso_date for a in articles if a.iso_date), default=None))
    for r in results:
        for message in r.messages:
            log(f"{r.status.upper()}: {message}")
    if report_file:
        atomic_write(report_file, (json.dumps(outcome.report(), ensure_ascii=False, indent=2) + "\n").encode())
    return outcome


def _update_stamps(out: Path, stamps: dict, pages: dict[str, str | bytes], keys: dict[str, str],
                   keep: set[str]) -> None:
    """Record what every file now holds (the key of its inputs, else the hash of its bytes),
    so the next build can trust a `stat`."""
    for rel in list(stamps):
        if rel not in pages and rel not in keep:
            del stamps[rel]
    for rel, data in pages.items():
        digest = keys.get(rel) or text_hash(data.encode("utf-8") if isinstance(data, str) else data)
        now = stamp(out / rel, digest)
        if now:
            stamps[rel] = now
        else:
            stamps.pop(rel, None)
