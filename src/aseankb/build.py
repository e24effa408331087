"""The only module that wires the stages: read -> clean -> extract -> group -> render -> write.

The per-seed stages run in `pipeline.py` (cached, on every core); the CLI and the
MkDocs hook are thin layers over `build()`.
"""

from __future__ import annotations

import gc
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import cache as cache_mod
from . import snapshot
from .beside import beside
from .build_articles import Gate, article_side, source_files
from .cache import (
    CACHE_DIR_NAME,
    Cache,
    file_stat,
    load_stamps,
    stamps_of,
    unchanged_on_disk,
)
from .config import Taxonomy, load_taxonomy
from .dedup import find_near_duplicates, report_near_duplicates
from .errors import BuildInterrupted, UsageError
from .extract import load_data
from .group import group
from .model import SeedResult
from .overrides import OVERRIDE_NAMES, apply_overrides, find_overrides, load_overrides
from .pipeline import (  # noqa: F401 - re-exported: the build's public helpers
    IGNORED_NAMES,
    Ingested,
    display_dir,
    display_path,
    ingest,
    ingest_all,
    ingest_job,
    list_seeds,
    mark_duplicates,
    meta_key,
    separate_ids,
    usable_cores,
)
from .render import render
from .render.pages import report_page
from .render.reuse import NO_REUSE, Reuse
from .render.surnames import load_name_order
from .search_pages import SearchSource, search_source
from .write import Tree, atomic_write, write_order

ASSETS_DIR = Path(__file__).parent / "assets"
NEAR_HERE_BELOW = 1000  # source texts to write: below, near duplicates are found in the build's own process
FRONT_BYTES = 8192  # a list page's front matter is one title: it fits
DEFAULT_CACHE = Path(CACHE_DIR_NAME)  # relative to the working folder: the project root
SITE_URL_RE = re.compile(r"^site_url:[ \t]*(.+?)[ \t]*(?:#.*)?$", re.MULTILINE)
ENV_TAG_RE = re.compile(r"^!ENV\s*\[?\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,\s*(.*?))?\s*\]?$")


@dataclass
class BuildResult:
    results: list[SeedResult]
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    newest_date: str | None = None  # of the articles: a reproducible date for the site's build
    search: SearchSource | None = None  # what the search index needs of every page (search_pages.py)

    @property
    def summary(self) -> dict[str, int]:
        return {s: sum(r.status == s for r in self.results)
                for s in ("ingested", "warning", "duplicate", "skipped")}

    def report(self) -> dict:
        return {"seeds": [r.as_dict() for r in self.results], "summary": self.summary}


def correct(seeds_dir: Path, items: list[Ingested], tax: Taxonomy) -> None:
    """The editor's corrections (seeds/overrides.yaml), between extract and group. A
    corrected date moves the page: the report follows, duplicates included."""
    path = find_overrides(seeds_dir)
    if not path:
        return
    shown = display_path(path)
    overrides = load_overrides(path, tax, shown)
    apply_overrides([i.article for i in items if i.article], overrides, shown)
    for item in items:
        if item.article and item.article.id in overrides:
            item.meta = ""  # edited since extraction: its cached meta_key no longer holds
    pages = {i.result.file: i.article.page for i in items if i.article}
    for item in items:
        item.result.page = pages.get(item.result.duplicate_of or item.result.file, item.result.page)


def site_url(mkdocs_yml: Path) -> str | None:
    """MkDocs' site_url, for absolute links in feeds. Read as text, since mkdocs.yml holds tags
    a safe YAML loader refuses; `!ENV [VAR, default]` is resolved as MkDocs does."""
    try:
        m = SITE_URL_RE.search(mkdocs_yml.read_text(encoding="utf-8"))
    except OSError:
        return None
    value = m.group(1).strip() if m else ""
    env = ENV_TAG_RE.match(value)
    if env:
        value = os.environ.get(env.group(1)) or (env.group(2) or "")
    value = value.strip().strip("'\"")
    return value.rstrip("/") + "/" if value else None


def check_paths(seeds_dir: Path, out_dir: Path, report_file: Path | None) -> None:
    """Refuse (UsageError, exit 2) an output folder that is the seeds folder or lies in it,
    whose pages the next build would read as seeds, and a report that cannot be a file
    (audit 19: both were accepted, the report's failure a traceback after content/ was
    written). A report's missing folders are made, as `--out`'s are."""
    seeds, out = seeds_dir.resolve(), out_dir.resolve()
    if out == seeds or out.is_relative_to(seeds):
        raise UsageError(f"the output folder {out_dir} is {'' if out == seeds else 'inside '}the seeds "
                         f"folder {seeds_dir}: the next build would read its pages as seeds")
    if report_file is None:
        return
    try:
        if report_file.is_dir():
            raise UsageError(f"cannot write the report {report_file}: it is a folder")
        report_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # also a name too long for the file system
        raise UsageError(f"cannot write the report {report_file}: {exc.strerror}") from None


def _cache_root(cache_dir: Path | None) -> Path | None:
    if cache_dir is None or os.environ.get("ASEANKB_NO_CACHE"):
        return None
    return cache_dir.resolve()


def build(seeds_dir: Path, out_dir: Path, *, report_file: Path | None = None,
          log: Callable[[str], None] = print, cache_dir: Path | None = DEFAULT_CACHE,
          workers: int | None = None, search: bool = True) -> BuildResult:
    """Build the knowledge base. `cache_dir=None` extracts every seed again; `workers`
    defaults to the number of usable cores. `search=False`: the caller has no use for the
    result's `search` (it may then be None)."""
    # Python's cycle collector would walk the build's million objects again and again (15 %
    # of a one-seed rebuild at 10,000 articles) to find garbage that is almost all acyclic,
    # freed by reference counting anyway: paused during the build (not in the extraction
    # workers, pipeline.py), collected as usual after it.
    check_paths(seeds_dir, out_dir, report_file)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(seeds_dir, out_dir, report_file, log, cache_dir, workers, search)
    finally:
        if enabled:
            gc.enable()


def _build(seeds_dir: Path, out_dir: Path, report_file: Path | None, log: Callable[[str], None],
           cache_dir: Path | None, workers: int | None, search: bool) -> BuildResult:
    tax = load_taxonomy()
    load_data()  # a broken data file stops the build (exit 2) before any seed is read
    load_name_order()  # and so does the people index's (render/surnames.py)
    root = _cache_root(cache_dir)
    seeds = list_seeds(seeds_dir)
    stats = [file_stat(p) for p in seeds]  # before any seed is read: an edit meanwhile is seen next time
    url = site_url(seeds_dir.parent / "mkdocs.yml")
    key = (snapshot.inputs_key(seeds_dir, display_dir(seeds_dir), seeds, stats, _other_inputs(seeds_dir), url)
           if root else None)
    last = snapshot.load(root, out_dir, key, load_stamps(root, out_dir), search)
    if last is not None:  # nothing new, and content/ as the last build left it
        return _finish(last, log, report_file)
    snapshot.forget(root, out_dir)
    cache = Cache(root)
    items = ingest_all(seeds, seeds_dir, tax, cache, workers or usable_cores(), stats)
    mark_duplicates(items)
    separate_ids(items)
    kept = [i for i in items if i.article is not None]
    correct(seeds_dir, items, tax)
    results = [i.result for i in items]
    groups = group([i.article for i in kept])
    stamps = cache.load_stamps(out_dir)
    # Each article's metadata hash (cached from extraction, computed again for those the build
    # edited): the keys of its page, of the pages linking to it and of the lists showing it.
    metas = {id(i.article): i.meta or meta_key(i.article) for i in kept}
    out_dir.mkdir(parents=True, exist_ok=True)
    tree = Tree(out_dir)
    sources, keys, keep = source_files(kept, out_dir, cache, stamps)
    files: dict[str, str | bytes] = {f"assets/{a.name}": a.read_bytes() for a in sorted(ASSETS_DIR.iterdir())}
    files.update(sources)
    page_rels = {a.page for a in groups.articles}
    tree.begin(set(files) | keep | page_rels)  # the journal, before any write
    # The article pages in a forked process (build_articles.py) while this one writes the
    # source texts (first: pages link to them), renders the lists and saves the cache. With
    # few texts to write, this one also finds the near duplicates: the strands stay even.
    gate = Gate()
    near_here = len(sources) < NEAR_HERE_BELOW
    side = beside(article_side, kept, groups.articles, out_dir, cache, stamps, tax, metas, tree, gate,
                  not near_here, root if key else None)
    written = tree.write(files)
    gate.open()
    reuse = Reuse(cache_mod.version_key(), metas,
                  lambda rel, k: unchanged_on_disk(f"{out_dir}/{rel}", k, stamps, rel)) if root else NO_REUSE
    pages: dict[str, str | bytes] = dict(render(groups, tax, None, site_url=url, reuse=reuse))
    near = find_near_duplicates([(i.sketch, i.bands) for i in kept]) if near_here else None
    cache.save()
    try:
        art = side()
    finally:
        gate.close()
    cache.tidy_blobs()
    report_near_duplicates([i.result for i in kept], art.near if near is None else near)
    pages["rapport.md"] = report_page(results, groups.articles)
    keys.update(reuse.keys)
    keep |= reuse.kept | art.keep
    tree.plan(set(pages))
    written += art.written + tree.write(pages)
    files.update(pages)
    removed = tree.finish(set(files) | keep | page_rels)
    _update_stamps(out_dir, stamps, files, keys, keep)
    stamps.update(art.stamps)
    cache.save_stamps(out_dir, stamps)
    # The articles' share of the search source: not made again here when the other process
    # wrote it for the snapshot and the caller has no use for it (`aseankb build`).
    shown = [] if art.shared and not search else [(i.article, i.search) for i in kept]
    outcome = BuildResult(results, sorted(written, key=write_order), removed,
                          max((a.iso_date for a in groups.articles if a.iso_date), default=None),
                          search_source(shown, {**_front_matters(out_dir, reuse.kept), **pages}, tax,
                                        out_dir.resolve()))
    snapshot.save(root, out_dir, key, replace(outcome, written=[], removed=[]), art.shared)
    return _finish(outcome if search else replace(outcome, search=None), log, report_file)


def _front_matters(out: Path, rels: set[str]) -> dict[str, str]:
    """The front matter of pages kept on disk, not rendered (the search index wants their
    titles): read from the top of each file."""
    found = {}
    for rel in rels:
        if rel.endswith(".md"):
            try:
                with open(f"{out}/{rel}", "rb") as fh:
                    head = fh.read(FRONT_BYTES).decode("utf-8", "ignore")
            except OSError:  # removed meanwhile by another build: the next build writes it again
                head = ""
            found[rel] = head[:head.find("\n---\n", 4) + 5] if head.startswith("---\n") else ""
    return found


def _other_inputs(seeds_dir: Path) -> list[Path]:
    """Inputs besides the seeds, for snapshot.inputs_key: the corrections file under each
    name it may have, and the assets copied into content/."""
    return [*(seeds_dir / name for name in OVERRIDE_NAMES), *sorted(ASSETS_DIR.iterdir())]


def _finish(outcome: BuildResult, log: Callable[[str], None], report_file: Path | None) -> BuildResult:
    for r in outcome.results:
        for message in r.messages:
            log(f"{r.status.upper()}: {message}")
    if report_file:
        try:
            atomic_write(report_file, (json.dumps(outcome.report(), ensure_ascii=False, indent=2) + "\n").encode())
        except OSError as exc:  # content/ is written: only the report is missing
            raise BuildInterrupted(f"content written, but not the report {report_file}: {exc.strerror}") from None
    return outcome


def _update_stamps(out: Path, stamps: dict, pages: dict[str, str | bytes], keys: dict[str, str],
                   keep: set[str]) -> None:
    """Record what every file now holds (the key of its inputs, else the hash of its bytes),
    so the next build can trust a `stat`."""
    for rel in list(stamps):
        if rel in pages or rel not in keep:
            del stamps[rel]
    stamps.update(stamps_of(out, pages, keys))
