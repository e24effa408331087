"""The per-seed half of the build: read -> prepare -> clean -> extract, for every seed.

Results are cached by the seed's bytes (cache.py) and computed on every core; the
order of the output is the order of the seeds whatever the number of workers.
`build.py` calls `ingest_all` and does the rest (corrections, grouping, rendering, writing).
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import multiprocessing
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .beside import die_with, sigint_deferred, sigint_restored
from .blobs import Loc, close_writer
from .cache import Cache, Entry, file_stat, seed_key, text_hash, write_blob
from .clean import clean
from .config import Taxonomy, load_taxonomy
from .dedup import ascii_words, sketch_arrays
from .errors import SeedError
from .extract import article_slug, extract
from .minhash import minhashes_of
from .model import Article, SeedResult
from .prepare import prepare, require_text
from .read import decode, read_seed
from .render.article import article_page
from .render.feeds import summary_text
from .render.related import term_counts, term_vector
from .search_pages import article_search
from .text import printable

IGNORED_NAMES = {"overrides.yaml", "overrides.yml", "README.md", "README.txt"}
PARALLEL_MIN = 64  # below this many seeds to extract, starting worker processes costs more than it saves
BATCH = 32  # seeds per worker task: a small batch still shares numpy's cost per call (ingest_jobs)


@dataclass
class Ingested:
    """What one seed became: its report line, and its article if it has one."""

    result: SeedResult
    article: Article | None = None
    text: str | None = None  # the decoded seed, published as sources/<id>.txt
    digest: str | None = None  # of the cleaned text: equal digests are exact duplicates
    key: str = ""  # the cache key of the seed's bytes
    path: Path | None = None
    sketch: bytes = b""  # for near duplicates (dedup.pack of dedup.sketch), kept in the cache
    terms: tuple[bytes, bytes] = (b"", b"")  # for related articles (related.term_vector), cached
    bands: bytes = b""  # the sketch's min-hashes (dedup.py), kept in the cache
    search: tuple[str, str] = ("", "")  # for the search index (words, teaser), kept in the cache
    meta: str = ""  # meta_key of the article as extracted ("": compute it), kept in the cache
    source_hash: str | None = None  # of its source text (sources/<id>.txt), kept in the cache
    head: str | None = None  # its page without related articles (render.article.article_page), fresh only
    blob: Loc | None = None  # where the worker put its blob (cache.write_blob), fresh only


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Every entry of the seeds folder, in a stable order (hidden files and the editor's
    overrides file excepted). Not only regular files: a subfolder, a pipe or a device is a
    seed the report names as refused (read.read_seed says why), not one silently left out."""
    with os.scandir(seeds_dir) as entries:
        names = [e.name for e in entries if not e.name.startswith(".") and e.name not in IGNORED_NAMES]
    return [seeds_dir / name for name in sorted(names)]


def display_path(path: Path) -> str:
    """A seed's path as the report and the site show it: its folder's name, then its own
    ("seeds/002_….txt"), wherever the build is run from. This is the contract's "relative to
    the repository": the project is the seeds folder's parent, where mkdocs.yml is sought too.
    Relative to the working folder, a build run from elsewhere published the builder's own
    folders, or an absolute path (audit 19)."""
    return f"{display_dir(path.parent)}/{printable(path.name)}"


def display_dir(folder: Path) -> str:
    """The name of a seeds folder (display_path): resolved, so "." and "../seeds" are named."""
    try:
        name = folder.resolve().name
    except (OSError, RuntimeError):  # a loop of symbolic links
        name = folder.name
    return printable(name or folder.as_posix())


def ingest(path: Path, tax: Taxonomy, shown: str | None = None, data: bytes | None = None) -> Ingested:
    """One seed through read, clean and extract. Never raises: a bad file is a report line."""
    shown = shown or display_path(path)
    try:
        text, _encoding, messages = decode(read_seed(path) if data is None else data)
        prepared = prepare(text)
        cleaned = clean(prepared.text, prepared.front)
        require_text(cleaned.paragraphs)
        article, warnings = extract(cleaned, file_name=path.name, source=shown, tax=tax)
        messages += prepared.messages + cleaned.messages
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


_META_FIELDS = tuple(f.name for f in fields(Article) if f.name != "paragraphs")


def meta_key(art: Article) -> str:
    """The hash of an article's metadata (all but its paragraphs, which the build does not
    hold), for its page's key (build.page_key). Computed at extraction and cached; the build
    computes it again for an article it edits (corrections, ids made unique)."""
    return text_hash(repr([getattr(art, name) for name in _META_FIELDS]).encode())


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
            item.meta = ""
            item.result.page = art.page
        taken[art.id] = item.result.file


def _read_with_key(path: Path, shown: str) -> tuple[bytes | None, str]:
    """A seed's bytes and cache key; (None, '') when it cannot be read (ingest() says why)."""
    try:
        data = read_seed(path)
    except (OSError, SeedError):
        return None, ""
    return data, seed_key(path.name, shown, data)


Job = tuple[Path, str, bytes | None, str | None, Path | None]  # path, shown, bytes, cache key, blobs folder


def ingest_job(job: Job) -> tuple[Ingested, bytes | None]:
    """`ingest_jobs` of one seed."""
    return ingest_jobs([job])[0]


def ingest_jobs(jobs: list[Job]) -> list[tuple[Ingested, bytes | None]]:
    """A worker's task: ingest a few seeds, store their texts in the cache, and what later
    stages need of them (a sketch for near duplicates, word counts for related articles,
    words for search). The sketches and min-hashes of the batch are computed together: on
    a 600-word article numpy's cost per call outweighs its cost per word."""
    tax = load_taxonomy()
    items = [_ingest_one(job, tax) for job in jobs]
    texts = [(item, words) for item, words in items if words is not None]
    sketches = sketch_arrays([words for _item, words in texts])
    for (item, _words), sampled, bands in zip(texts, sketches, minhashes_of(sketches), strict=True):
        item.sketch, item.bands = sampled.tobytes(), bands  # pack(): sorted int64
    return [_finish(item, tax) for item, _words in items]


def _ingest_one(job: Job, tax: Taxonomy) -> tuple[Ingested, list[bytes] | None]:
    """One seed ingested, with the words of its text when it is an article to cache."""
    path, shown, data, key, blobs = job
    if key is None:
        data, key = _read_with_key(path, shown)
    item = ingest(path, tax, shown, data)
    item.key, item.path = key, path
    if not key or not item.article:
        return item, None
    words = _text_data(item)
    item.blob = write_blob(blobs, item.article.paragraphs, item.text)
    return item, words


def _finish(item: Ingested, tax: Taxonomy) -> tuple[Ingested, bytes | None]:
    """The item as the build receives it, and its cache record."""
    if not item.key:
        return item, None
    result = replace(item.result, messages=list(item.result.messages))  # the build mutates its own
    article = replace(item.article, paragraphs=[]) if item.article else None
    source_hash = text_hash(item.text.encode()) if item.article else None
    item.meta = meta_key(article) if article else ""
    if item.article:  # the page is rendered here, on every core, rather than in the build's process
        item.head = article_page(item.article, tax)
        # The build needs the page and the source text, not the paragraphs: not sent back
        # (half the bytes to pickle); they are in the blob should an edit need them.
        item.article.paragraphs = []
    item.source_hash = source_hash
    # Pickled here, once: the build stores it as it comes (Cache.put) without unpickling it.
    return item, Entry(result, article, item.digest, source_hash, item.sketch, item.terms, item.bands,
                       item.search, item.meta).dumps()


def _text_data(item: Ingested) -> list[bytes]:
    """What later stages need of the article's text: word counts (related articles), search
    words and summary; returns its words, for its sketch (near duplicates). The text is
    lower-cased and cut into words once, for the sketch and the word counts alike."""
    art = item.article
    lowered = "\n".join(art.paragraphs).lower()
    words = ascii_words(lowered)
    item.terms = term_vector(term_counts(art, words))
    art.summary = summary_text(art)
    item.search = article_search(art.paragraphs, lowered)
    return words


def _pool_context():
    # fork shares the loaded taxonomy and language profiles; it is unsafe only when other
    # threads run (mkdocs serve), where a fresh interpreter per worker is the safe choice.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _extract_all(jobs: list[Job], workers: int) -> list[tuple[Ingested, bytes | None]]:
    """Ingest the seeds the cache does not know, on every core; results in input order."""
    if workers <= 1 or len(jobs) < PARALLEL_MIN:
        # Through pickle, as from a worker: the cache's records share nothing with the build.
        return [pickle.loads(pickle.dumps(r)) for batch in _batches(jobs, BATCH) for r in ingest_jobs(batch)]
    # One seed here first: it loads and compiles what every worker needs (taxonomy, data,
    # automata, patterns), which the forked workers then share instead of each building it.
    # Not langdetect's profiles (~0.7 s): the pre-classifier answers for nearly every
    # article, so a worker loads them only when one needs them.
    first = pickle.loads(pickle.dumps(ingest_job(jobs[0])))
    size = max(1, min(BATCH, len(jobs) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_worker_start,
                             initargs=(os.getpid(),)) as pool:
        with sigint_deferred():  # map submits every batch, which forks the workers
            done = pool.map(ingest_jobs, _batches(jobs[1:], size))
        return [first, *itertools.chain.from_iterable(done)]


def _worker_start(parent: int) -> None:
    sigint_restored()
    gc.enable()
    # A build killed by SIGTERM or SIGKILL left its workers alive for ever (fifteenth audit).
    die_with(parent)


def _batches(jobs: list[Job], size: int) -> list[list[Job]]:
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def _from_entry(entry: Entry, key: str, path: Path) -> Ingested:
    # Cache.get unpickles a fresh record: later stages may edit its article (corrections)
    # or report line, the cache keeps the bytes extraction produced.
    return Ingested(entry.result, entry.article, None, entry.digest, key, path, entry.sketch, entry.terms,
                    entry.bands, entry.search, entry.meta, source_hash=entry.source_hash)


def ingest_all(seeds: list[Path], seeds_dir: Path, tax: Taxonomy, cache: Cache,
               workers: int, stats: list[tuple[int, ...] | None] | None = None) -> list[Ingested]:
    """Every seed, from the cache when its bytes are known, else extracted (in parallel).
    `stats`: the seeds' `file_stat`, taken before any is read (a file edited meanwhile is
    read again next time); taken here when not given."""
    shown_dir = display_dir(seeds_dir)
    items: list[Ingested | None] = []
    jobs = []
    stats = stats if stats is not None else [file_stat(path) for path in seeds]
    for path, now in zip(seeds, stats, strict=True):
        # `shown_dir` is display_dir's, escaped already: escaping it again would escape the
        # backslashes of its escapes (a folder named "a\nb" shown "a\x5cx0ab", not as ingest shows it).
        name = printable(path.name)
        shown = f"{shown_dir}/{name}"
        key: str | None = cache.known_file(shown, now)  # unchanged since the last build: not read
        data = None
        if not key:  # an empty cache knows no seed: the worker reads it and finds its key (None)
            data, key = _read_with_key(path, shown) if cache.index else (None, None)
        entry = cache.get(key) if key else None
        items.append(_from_entry(entry, key, path) if entry else None)
        if entry is None:
            jobs.append((path, shown, data, key, cache.blobs_dir))
        else:
            cache.remember_file(shown, now, key)
    fresh = iter(_extract_all(jobs, workers))
    close_writer()  # this process's pack (the first seed's blob): a later build starts its own
    for i, item in enumerate(items):
        if item is None:
            items[i], entry = next(fresh)
            if entry:
                cache.put(items[i].key, entry, items[i].blob)
                cache.remember_file(items[i].result.file, stats[i], items[i].key)
    return items


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
