"""Print the time and peak memory the ingester spends on oversized and hostile seeds.

    .venv/bin/python scripts/measure_untrusted.py

Cases: the 2 MB file of issue #3 (refused), a file just under the size limit (ingested:
the worst case the build accepts), and pathological pages and texts just under the limit.
Each case runs in a fresh process so that its peak RSS is its own.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_cases(folder: Path) -> dict[str, Path]:
    line = (ROOT / "tests" / "fixtures" / "untrusted" / "numerique.txt").read_text(encoding="utf-8").splitlines()[2]
    sys.path.insert(0, str(ROOT / "src"))
    from aseankb.read import MAX_BYTES

    def text_of(size: int) -> bytes:
        data = ("\n".join([line] * (size // len(line.encode()) + 1))).encode()
        return data[:size].rsplit(b" ", 1)[0]

    cases = {
        "2 MB text (refused)": text_of(2 * 1024 * 1024),
        "just under the limit (ingested)": text_of(MAX_BYTES - 100),
        "pathological HTML (unclosed tags)": b"<!DOCTYPE html><html><body>" + b"<div><b><p>x " * 38_000,
        "pathological text (1 char per line)": b"a\n" * (MAX_BYTES // 2 - 10),
        "pathological text (no newline)": b"{{ " * (MAX_BYTES // 3 - 10),
        # Two partners, then 200,000 empty sentences: each was a start for the attribution's
        # subject pattern, whose unbounded lead-in ran to the end of the run (340 s at 400 kB).
        "two partners, then '. ' x 200,000": (" date 2023-05-05 Le Japon et la Chine avec l'ASEAN\n"
                                               "Le Japon et la Chine ont rencontré l'ASEAN.\n" + ". " * 200_000
                                               + "\nFin.\n").encode(),
        # 20,000 meetings named: each mention's sentence was sought from the text's start (138 s).
        "'Sommet ASEAN-Japon. ' x 22,000": (" date 2023-05-05 Le Japon et l'ASEAN\n"
                                             + "Sommet ASEAN-Japon. " * 22_000).encode(),
        # A name without its number, its sentence read at each mention (before MENTIONS_READ:
        # 0.58 s of the meetings' scan went to 2.5 s, 6 s before sentence ends were bisected).
        "'AMM ' x 124,000": (" date 2025-07-10 L'ASEAN\n" + "AMM " * 124_000).encode(),
        "'au Sommet de l'ASEAN ' x 23,000": (" date 2025-05-27 L'ASEAN\n"
                                              + "au Sommet de l'ASEAN " * 23_000).encode(),
    }
    paths = {}
    for i, (name, data) in enumerate(cases.items()):
        paths[name] = folder / f"case{i}.txt"
        paths[name].write_bytes(data)
    return paths


def measure_one(path: str) -> None:
    """Child process: ingest one file, print JSON {status, seconds, peak_mib}."""
    from aseankb.build import ingest
    from aseankb.config import load_taxonomy

    tax = load_taxonomy()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    item = ingest(Path(path), tax)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"status": item.result.status, "seconds": seconds, "extra_mib": (peak - base) / 1024,
                      "peak_mib": peak / 1024, "message": (item.result.messages or [""])[0][-80:]}))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        measure_one(sys.argv[2])
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in make_cases(Path(tmp)).items():
            out = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True,
                                 check=True)
            r = json.loads(out.stdout)
            print(f"{name:34s} {path.stat().st_size:>10,} bytes  {r['status']:9s} {r['seconds'] * 1000:8.1f} ms  "
                  f"peak RSS {r['peak_mib']:6.1f} MiB (+{r['extra_mib']:.1f} MiB during ingest)  {r['message']}")


if __name__ == "__main__":
    main()
