"""Command line: `aseankb build`, `aseankb search-index`. Turns errors into one clean message and an exit code."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import AseankbError, ConfigError
from .report_md import DEFAULT_MAX_BYTES, load_report, report_markdown


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aseankb", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="turn seeds/ into the Markdown knowledge base in content/")
    b.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of raw articles")
    b.add_argument("--out", type=Path, default=Path("content"), help="output folder")
    b.add_argument("--report", type=Path, help="write the build report as JSON to this file")
    b.add_argument("--strict", action="store_true", help="exit 1 if any file is skipped or warned about")
    b.add_argument("--no-cache", action="store_true", help="extract every seed again (ignore .aseankb-cache/)")
    b.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    b.add_argument("-q", "--quiet", action="store_true", help="print only problems and the summary")
    r = sub.add_parser("report-md", help="print a build report as a Markdown table (CI job summary)")
    r.add_argument("report", type=Path, help="the JSON file written by `aseankb build --report`")
    r.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size limit of the output")
    s = sub.add_parser("search-index", help="index the built site for search (after a build by a tool "
                       "that runs no MkDocs hooks; `mkdocs build` does it itself)")
    s.add_argument("--site", type=Path, help="the built site folder (default: the configuration's site_dir)")
    s.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                   help="the MkDocs configuration the site was built with")
    return parser


def report_md(args: argparse.Namespace) -> int:
    try:
        print(report_markdown(load_report(args.report), max_bytes=args.max_bytes), end="")
    except AseankbError as exc:
        print(f"aseankb: error: {exc}", file=sys.stderr)
        return 2
    return 0


def search_index(args: argparse.Namespace) -> int:
    from .mkdocs_hooks import index_site  # MkDocs is imported only for this command

    try:
        index_site(args.config_file, args.site)
    except AseankbError as exc:
        print(f"aseankb: error: {exc}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C: one line, not a traceback from wherever it fell
        print("aseankb: interrupted; the next build completes content/", file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    # Imported here, so that Ctrl-C during the imports gets the same one line.
    from .build import DEFAULT_CACHE, build

    args = _parser().parse_args(argv)
    if args.command == "report-md":
        return report_md(args)
    if args.command == "search-index":
        return search_index(args)
    if not args.seeds.is_dir():
        print(f"aseankb: error: seeds folder not found: {args.seeds}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        outcome = build(args.seeds, args.out, report_file=args.report,
                        log=lambda m: print(m, file=sys.stderr),
                        cache_dir=None if args.no_cache else DEFAULT_CACHE, workers=args.jobs,
                        search=False)  # a build with nothing new then reads a small record only
    except ConfigError as exc:
        print(f"aseankb: configuration error: {exc}", file=sys.stderr)
        return 2
    except AseankbError as exc:
        print(f"aseankb: error: {exc}", file=sys.stderr)
        return 2
    s = outcome.summary
    print(f"aseankb: {len(outcome.results)} seeds: {s['ingested']} ingested, {s['warning']} warning, "
          f"{s['duplicate']} duplicate, {s['skipped']} skipped; {len(outcome.written)} files written, "
          f"{len(outcome.removed)} removed ({time.perf_counter() - start:.1f} s)")
    if args.strict and (s["warning"] or s["skipped"]):
        print(f"aseankb: --strict: failing: {s['warning']} file(s) with warnings, {s['skipped']} skipped "
              "(see the lines above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
