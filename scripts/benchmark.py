#!/usr/bin/env python3
"""Time and weigh the whole build at several corpus sizes: python scripts/benchmark.py [N ...]

For each N (default 1,000 and 10,000), in a temporary copy of the project: generate N
synthetic seeds (scripts/gen_corpus.py), then run, each as its own process:
  cold    `aseankb build` with no cache and no content/
  +1      `aseankb build` after adding one new seed
  mkdocs  `mkdocs build` (its hook runs an incremental aseankb build: nothing to do)
  search  `aseankb search-index --site site` (the hook runs it inside `mkdocs build`: shown
          alone for its cost, not added to the full build)
  +1 site `mkdocs build --dirty` after the +1 build, from the site of the N seeds: the
          pages the new seed changed rendered again, the search index rebuilt (sitestate.py)
  bare    `mkdocs build` of the same article pages with Material's defaults (articles out
          of the nav, no hook, no tags plugin): the yardstick of the 1.3x target
`cold` and `+1` are run --repeat times (3 by default), each from a fresh content/ and cache
(the last run's are moved aside, see set_aside), and the table shows the run of median wall
time (every run is listed under the table);
memory is the highest peak of all runs. Before each step the disk writes of the steps
before it are flushed (os.sync): their writeback is not the step's cost, and on this
kind of machine it takes CPU from the step at random.
Peak memory: the largest single process (ru_maxrss from wait4) and the sum over the
process tree (proportional set size, sampled every 50 ms: worker processes count). The
sampling reads each process's page tables (/proc/PID/smaps_rollup) and took ~10 % of a
cold build's wall time away from it, so no timed run is sampled: each step runs once more,
sampled, for the process tree's peak.
Reader bytes: what Chromium downloads for the home page, and for one search (Pagefind's
API, first 5 results' fragments), served over HTTP from site/.
Prints one Markdown table, with the machine it ran on.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import Generator  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
QUERY = "cooperation maritime"
COPY_IGNORE = (".git", ".venv", "seeds", "content", "site", ".aseankb-cache", ".cache", "tests", "src", "*.egg-info",
               "__pycache__", ".pytest_cache", ".ruff_cache", "node_modules", "build", "dist")
BARE_MKDOCS = """site_name: Bare Material build
docs_dir: docs
site_dir: site
theme:
  name: material
nav:
  - index.md
"""


@dataclass
class Step:
    wall: float = 0.0
    cpu: float = 0.0
    rss_mib: float = 0.0  # largest single process
    tree_mib: float = 0.0  # sum over the process tree (PSS), sampled
    ok: bool = True


def _children(pid: int) -> list[int]:
    out = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    return out


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_pss(root: int) -> int:
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss_kib(pid)
        todo += _children(pid)
    return total


def run(cmd: list[str], cwd: Path, log: Path, sample: bool = False) -> Step:
    """Run one step as a child process; wall and CPU time, and its peak memory: the largest
    process's always, the process tree's when `sample` (which slows the step: not timed)."""
    step, peak = Step(), [0]
    os.sync()  # the previous steps' writes: flushed before, not timed as part of this step
    start = time.perf_counter()
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        done = threading.Event()

        def sampling() -> None:
            while sample and not done.is_set():
                peak[0] = max(peak[0], _tree_pss(proc.pid))
                done.wait(0.05)
        sampler = threading.Thread(target=sampling, daemon=True)
        sampler.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    step.wall = time.perf_counter() - start
    step.cpu = usage.ru_utime + usage.ru_stime  # includes the reaped worker processes
    step.rss_mib = usage.ru_maxrss / 1024  # Linux: KiB; the largest process, workers included
    step.tree_mib = peak[0] / 1024
    step.ok = proc.returncode == 0
    if not step.ok:
        print(f"benchmark: {' '.join(cmd)} failed ({proc.returncode}), see {log}", file=sys.stderr)
    return step


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor() or "?")
    mem = next((int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                if ln.startswith("MemTotal")), 0)
    cores = len(os.sched_getaffinity(0))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"Machine: {cpu}, {cores} cores, {mem / 2**20:.0f} GiB RAM, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; load average at start: {load}")


def make_project(base: Path, n: int, seed: int) -> tuple[Path, str, bytes]:
    """A copy of the project with N generated seeds; returns it and one more seed to add."""
    proj = base / f"project-{n}"
    # Everything the site build reads (mkdocs.yml, the hook, theme overrides...), not the
    # generated or heavy parts; the package itself is the one installed in this venv.
    shutil.copytree(ROOT, proj, ignore=shutil.ignore_patterns(*COPY_IGNORE))
    gen = Generator(ROOT / "seeds", seed)
    (proj / "seeds").mkdir()
    (proj / "content").mkdir()
    for i in range(n + 1):
        data = gen.article(i).encode("utf-8")
        name = f"{i:06d}.txt"
        if i == n:
            return proj, name, data
        (proj / "seeds" / name).write_bytes(data)
    raise AssertionError("unreachable")


def make_bare(proj: Path) -> Path:
    """The same article pages, in a bare Material project (no hook, no tags, not in nav)."""
    bare = proj.parent / f"{proj.name}-bare"
    shutil.copytree(proj / "content" / "articles", bare / "docs" / "articles")
    (bare / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (bare / "mkdocs.yml").write_text(BARE_MKDOCS, encoding="utf-8")
    return bare


def has_search_index() -> bool:
    probe = subprocess.run([str(BIN / "aseankb"), "search-index", "--help"], capture_output=True)
    return probe.returncode == 0


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def reader_bytes(site: Path) -> tuple[int | None, int | None]:
    """Bytes Chromium downloads for the home page, and for one Pagefind search after it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # said, not only "n/a" in the table: a .venv made by site.sh lacks it
        print("benchmark: reader bytes: n/a: Playwright is not installed (./scripts/test.sh installs it)",
              file=sys.stderr)
        return None, None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: list[int] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"])
            page = browser.new_page()
            page.on("requestfinished", lambda req: sizes.append(req.sizes()["responseBodySize"]))
            page.goto(url, wait_until="networkidle")
            home = sum(sizes)
            search = None
            if (site / "kb-search" / "meta.js").is_file():
                # One search typed into the header box, as a reader does: the index files it loads.
                meta = "#kb-search-results .md-search-result__meta"
                # textContent, as the wait below: the closed dialog is hidden, and innerText
                # of a hidden element is empty (the wait then ended before any request).
                before = page.eval_on_selector(meta, "e => e.textContent.trim()")
                sizes.clear()
                page.fill("#kb-search-input", QUERY)
                page.wait_for_function("([sel, text]) => document.querySelector(sel).textContent.trim() !== text",
                                       arg=[meta, before])
                page.wait_for_load_state("networkidle")
                search = sum(sizes)
            browser.close()
    finally:
        server.shutdown()
    return home, search


@dataclass
class Row:
    n: int
    steps: dict[str, Step]
    runs: dict[str, list[Step]]
    site_bytes: int
    home: int | None
    search: int | None

    @property
    def full(self) -> float:
        """Ingest, site and search: the cold build, then mkdocs build (whose hook indexes the
        site for search: the separate `search` step only shows that part's cost)."""
        s = self.steps
        return s["cold"].wall + s["mkdocs"].wall

    @property
    def per_page_ms(self) -> float:
        return self.full / self.n * 1000


def median(runs: list[Step], sampled: Step | None = None) -> Step:
    """The run of median wall time, with the highest memory peaks of all runs and of the
    `sampled` run (untimed)."""
    mid = sorted(runs, key=lambda r: r.wall)[(len(runs) - 1) // 2]
    runs = [*runs, sampled] if sampled else runs
    return Step(mid.wall, mid.cpu, max(r.rss_mib for r in runs), max(r.tree_mib for r in runs),
                all(r.ok for r in runs))


def bench(base: Path, n: int, seed: int, repeat: int = 3) -> Row:
    print(f"benchmark: {n} articles in {base}", file=sys.stderr)
    proj, extra_name, extra = make_project(base, n, seed)
    log = base / f"log-{n}.txt"
    aseankb = [str(BIN / "aseankb"), "build", "-q"]
    runs: dict[str, list[Step]] = {"cold": [], "+1": []}
    sampled: dict[str, Step] = {}
    for i in range(repeat + 1):  # each from nothing: no content/, no cache, without the extra seed
        set_aside(proj, base / "set-aside" / f"{n}-{i}")
        (proj / "content").mkdir()
        (proj / "seeds" / extra_name).unlink(missing_ok=True)
        for name in ("cold", "+1"):
            if name == "+1":
                (proj / "seeds" / extra_name).write_bytes(extra)
            if i < repeat:
                runs[name].append(run(aseankb, proj, log))
            else:  # the last round: for the process tree's memory only
                sampled[name] = run(aseankb, proj, log, sample=True)
    steps = {name: median(found, sampled[name]) for name, found in runs.items()}
    steps["mkdocs"] = timed_and_sampled([str(BIN / "mkdocs"), "build"], proj, log)
    if has_search_index():  # already run by the hook; again, alone, to show its cost
        steps["search"] = timed_and_sampled([str(BIN / "aseankb"), "search-index", "--site", "site"], proj, log)
    home, search = reader_bytes(proj / "site")
    size = du(proj / "site")
    steps["+1 site"] = median([site_after_new_seed(proj, extra_name, extra, log, False)],
                              site_after_new_seed(proj, extra_name, extra, log, True))
    bare = make_bare(proj)
    steps["bare"] = timed_and_sampled([str(BIN / "mkdocs"), "build"], bare, log)
    shutil.rmtree(bare)
    return Row(n, steps, runs, size, home, search)


def site_after_new_seed(proj: Path, extra_name: str, extra: bytes, log: Path, sample: bool) -> Step:
    """`mkdocs build --dirty` once the new seed is built, from the site of the other seeds."""
    dirty = [str(BIN / "mkdocs"), "build", "--dirty"]
    aseankb = [str(BIN / "aseankb"), "build", "-q"]
    (proj / "seeds" / extra_name).unlink()
    for cmd in (aseankb, dirty):  # back to the site of the N seeds
        run(cmd, proj, log)
    (proj / "seeds" / extra_name).write_bytes(extra)
    run(aseankb, proj, log)
    return run(dirty, proj, log, sample=sample)


def set_aside(proj: Path, to: Path) -> None:
    """The last run's content/ and cache moved out of the project, not deleted (main() deletes
    them at the end): on this machine's ext4, creating files in the half minute after
    20,000 were deleted costs several times the kernel time (0.25 s per 10,000 files,
    against 1.7-3.3 s), which a cold build of a fresh clone does not pay."""
    to.mkdir(parents=True)
    for made in (proj / "content", proj / ".aseankb-cache"):
        if made.exists():
            made.rename(to / made.name)


def timed_and_sampled(cmd: list[str], cwd: Path, log: Path) -> Step:
    """A step's time from one run, and its memory from that run and another, sampled."""
    return median([run(cmd, cwd, log)], run(cmd, cwd, log, sample=True))


def _s(step: Step | None) -> str:
    """Wall-clock seconds, and CPU seconds (all processes) in brackets: on a shared machine
    the wall clock also measures the neighbours."""
    if step is None:
        return "n/a"
    return f"{step.wall:.1f} ({step.cpu:.0f})" + ("" if step.ok else " failed")


def _mem(step: Step | None) -> str:
    return f"{step.tree_mib:.0f} / {step.rss_mib:.0f}" if step else "n/a"


def _kib(n: int | None) -> str:
    return f"{n / 1024:,.0f}" if n is not None else "n/a"


def table(rows: list[Row]) -> str:
    head = ["N", "cold build s", "+1 seed s", "+1 / cold", "+1 site s", "mkdocs build s", "search index s",
            "full build s", "bare Material s", "full / bare", "per page ms", "per page vs first N",
            "peak MiB build (sum / largest)", "+1", "+1 site", "mkdocs", "search", "bare",
            "site MiB", "home page KiB", "one search KiB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|" * len(head)]
    for r in rows:
        s = r.steps
        cells = [f"{r.n:,}", _s(s["cold"]), _s(s["+1"]), f"{s['+1'].wall / s['cold'].wall:.1%}",
                 _s(s.get("+1 site")), _s(s["mkdocs"]), _s(s.get("search")), f"{r.full:.1f}", _s(s["bare"]),
                 f"{r.full / s['bare'].wall:.2f}", f"{r.per_page_ms:.2f}",
                 f"{r.per_page_ms / rows[0].per_page_ms:.2f}",
                 _mem(s["cold"]), _mem(s["+1"]), _mem(s.get("+1 site")), _mem(s["mkdocs"]),
                 _mem(s.get("search")), _mem(s["bare"]),
                 f"{r.site_bytes / 2**20:,.0f}", _kib(r.home), _kib(r.search)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 10000], help="corpus sizes")
    parser.add_argument("--seed", type=int, default=0, help="corpus generator seed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the cold and +1 builds (median shown)")
    args = parser.parse_args(argv)
    info = machine()
    base = Path(tempfile.mkdtemp(prefix="aseankb-bench-"))
    try:
        rows = [bench(base, n, args.seed, max(1, args.repeat)) for n in args.sizes]
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print(info)
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}; times are wall-clock seconds; "
          f"full build = cold aseankb build + mkdocs build (its hook indexes the site for search); "
          f"peak memory: sum of the process tree's PSS (sampled, in a run of its own) / largest process's RSS; "
          f"(n) = CPU seconds of all the step's processes.\n")
    print(table(rows))
    print()
    for r in rows:
        print(f"Runs at {r.n:,}: " + "; ".join(f"{name} " + ", ".join(f"{x.wall:.1f}" for x in found) + " s"
                                              for name, found in r.runs.items()))
    return 0 if all(s.ok for r in rows for s in r.steps.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
