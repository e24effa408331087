#!/usr/bin/env python3
"""Print how many bytes a reader's first search downloads, on a generated corpus.

    .venv/bin/python scripts/measure_search.py [--articles 10000] [--workdir DIR] [--reuse]

Builds a throwaway project in a temporary folder (or --workdir): N seeds made by
mutating the five sample seeds (only for this measure: it is not a corpus tool), then
`aseankb build` and `mkdocs build` (whose hook writes the search index). It then serves
site/ on a local port, opens the home page in Chromium, types each query into the header
search box, and sums the bytes of every response from the first keystroke until the
results are shown (vocabulary shards, hash buckets, the records of the results shown),
as the local server counts them. Each query runs in a fresh browser
context (empty cache).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
QUERIES = ["cybersecurite", "coree", "energie", "economie", "japon cybersecurite", "l'ASEAN et le Japon",
           "securite maritime", '"sécurité maritime"', '"mer Orientale"', "sommet asean japon 2023",
           "etats unis", "usa"]
# Typed slowly, a search runs at each keystroke: every prefix's files are downloaded.
SLOW_QUERY, SLOW_KEY_MS = "cybersecurite", 200
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
WORD_RE = re.compile(r"\w{4,}")
# The search's, as mkdocs.yml lists them.
SCRIPTS = ["aseankb-search-query.js", "aseankb-search-phrase.js", "aseankb-search.js"]


def generate_seeds(out: Path, n: int) -> None:
    """N distinct articles from the five seeds: shuffled paragraphs, a date header, a sentence
    of the seeds' own words and a few made-up names, so that no two texts are the same."""
    rng = random.Random(42)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paras = [[p.strip() for p in s.split("\n") if len(p.strip()) > 80] for s in seeds]
    vocab = sorted({w for s in seeds for w in WORD_RE.findall(s)})
    out.mkdir(parents=True)
    for i in range(n):
        k = i % len(seeds)
        body = rng.sample(paras[k], max(1, len(paras[k]) * 2 // 3))
        extra = " ".join(rng.choice(vocab) for _ in range(40))
        names = " ".join("".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiouy") for _ in range(3)).title()
                         for _ in range(3))
        title = f"{body[0][:70].rsplit(' ', 1)[0]} ({names.split()[0]} {i})"
        text = f" date {2010 + i % 16}-{1 + i % 12:02d} {title}\n\n" + "\n\n".join(
            [*body, f"{extra.capitalize()}. Selon {names}, réunion numéro {i}."]) + "\n"
        (out / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def build_project(work: Path, n: int) -> None:
    for name in ("scripts", "overrides"):
        shutil.copytree(ROOT / name, work / name)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    generate_seeds(work / "seeds", n)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for cmd in ([str(BIN / "aseankb"), "build", "-q"], [str(BIN / "mkdocs"), "build", "-q"]):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=work, env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"{' '.join(Path(c).name for c in cmd[:2])}: {time.perf_counter() - start:.0f} s", file=sys.stderr)


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Records (path, bytes) of every response body it sends: counted on the server side,
    whatever made them (script tags, fetch, workers)."""

    sent: list[tuple[str, int]] = []

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        self.sent.append((self.path, len(data)))

    def log_message(self, *args) -> None:
        pass


def measure(site: Path, verbose: bool = False) -> list[tuple[str, int, int, str]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for query, delay in [(q, 0) for q in QUERIES] + [(SLOW_QUERY, SLOW_KEY_MS)]:
                page = browser.new_context().new_page()
                page.goto(base)
                page.wait_for_load_state("networkidle")
                CountingHandler.sent.clear()
                meta_sel = "#kb-search-results .md-search-result__meta"
                before = page.inner_text(meta_sel)
                if delay:  # a search runs for each prefix typed ("cy", "cyb"...)
                    page.type("#kb-search-input", query, delay=delay)
                else:
                    page.fill("#kb-search-input", query)
                page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent.trim() !== text",
                                       arg=[meta_sel, before.strip()])
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                meta = page.inner_text(meta_sel)
                sizes = list(CountingHandler.sent)
                label = query + (f" (typed, {delay} ms a key)" if delay else "")
                rows.append((label, sum(n for _, n in sizes), len(sizes), meta))
                if verbose:
                    for url, n in sizes:
                        print(f"  {n:>8} {url}", file=sys.stderr)
                page.context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, help="build here (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true", help="measure the site already built in --workdir "
                        "(its search index is rebuilt with this checkout's aseankb: `aseankb search-index`)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every request of each search")
    args = parser.parse_args()
    tmp = None
    if args.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="aseankb-measure-")
        args.workdir = Path(tmp.name) / "project"
    try:
        if not args.reuse:
            shutil.rmtree(args.workdir, ignore_errors=True)
            build_project(args.workdir, args.articles)
        site = args.workdir / "site"
        if args.reuse:
            for name in SCRIPTS:
                shutil.copy(ROOT / "src/aseankb/assets" / name, site / "assets" / name)
            subprocess.run([str(BIN / "aseankb"), "search-index"], cwd=args.workdir, check=True)
        articles = len(list(site.glob("articles/*/*/index.html")))
        index = [f for f in (site / "kb-search").rglob("*") if f.is_file()]
        print(f"articles in the site: {articles}; search index on disk: {len(index)} files, "
              f"{sum(f.stat().st_size for f in index) / 1e6:.1f} MB")
        size = sum((site / "assets" / name).stat().st_size for name in SCRIPTS)
        print(f"search scripts loaded with every page: {size} bytes")
        rows = measure(site, args.verbose)
        for query, total, count, meta in rows:
            print(f"first search {query}: {total} bytes in {count} requests ({total / 1000:.0f} kB) -> {meta}")
        worst = max(r[1] for r in rows)
        print(f"largest first search: {worst} bytes ({worst / 1000:.0f} kB); budget 300 kB: "
              f"{'OK' if worst <= 300_000 else 'OVER'}")
        return 0 if worst <= 300_000 else 1
    finally:
        if tmp:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
