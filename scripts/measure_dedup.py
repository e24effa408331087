#!/usr/bin/env python3
"""Print the time, peak memory and recall of near-duplicate detection on a large corpus.

    .venv/bin/python scripts/gen_corpus.py 10000 /tmp/dd/seeds
    .venv/bin/python scripts/measure_dedup.py /tmp/dd/seeds [--planted 50]

Each seed is decoded and cleaned as the build does, and sketched (`dedup.sketch` of its
paragraphs). N planted near copies are added at the end: a corpus article with four short
sentences inserted, then edited by the tests' `near_copy` (four words changed). Only
`flag_near_duplicates` is timed, as the build calls it with the cached sketches. Memory
is the growth of the process's peak RSS during that call (tracemalloc would slow it
several-fold).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from aseankb.clean import clean  # noqa: E402
from aseankb.dedup import flag_near_duplicates, sketch  # noqa: E402
from aseankb.minhash import minhashes  # noqa: E402
from aseankb.model import SeedResult  # noqa: E402
from aseankb.read import decode  # noqa: E402
from untrusted_corpus import near_copy  # noqa: E402

# Sentences holding the phrases `near_copy` edits, spread through the planted article.
INSERTS = ("La délégation est arrivée mardi dans la capitale.",
           "Le fonds dispose de trois mille bourses pour les étudiants.",
           "Le programme pilote durera six mois au total.",
           "Cet accord renforcera les échanges entre les peuples.")


def load(seeds: Path) -> tuple[list[str], list[str]]:
    names, texts = [], []
    for path in sorted(seeds.glob("*.txt")):
        text, _enc, _msgs = decode(path.read_bytes())
        names.append(f"seeds/{path.name}")
        texts.append("\n".join(clean(text).paragraphs))
    return names, texts


def planted_base(text: str) -> str:
    paras = text.split("\n")
    for k, sentence in enumerate(INSERTS):
        at = (k + 1) * len(paras) // (len(INSERTS) + 1)
        paras[at] = f"{paras[at]} {sentence}"
    return "\n".join(paras)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--planted", type=int, default=50)
    args = parser.parse_args()
    names, texts = load(args.seeds)
    step = max(1, len(texts) // max(1, args.planted))
    bases = list(range(0, step * args.planted, step))[:args.planted]
    for b in bases:  # the base is edited in place so the corpus keeps its size
        texts[b] = planted_base(texts[b])
    copies = {len(texts) + j: b for j, b in enumerate(bases)}
    texts += [near_copy(texts[b]) for b in bases]
    names += [f"seeds/zz-planted-{j:03d}.txt" for j in range(len(bases))]
    t0 = time.perf_counter()
    # Sketches and band keys are computed at extraction and cached: not part of the timing.
    kept = [(SeedResult(name, "ok"), sk, minhashes(sk))
            for name, sk in ((name, sketch(t)) for name, t in zip(names, texts, strict=True))]
    sketch_s = time.perf_counter() - t0
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    flag_near_duplicates(kept)
    seconds = time.perf_counter() - t0
    extra = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base_rss) / 1024
    flagged = {i: r.messages[0] for i, (r, _sk, _bands) in enumerate(kept) if r.messages}
    found = sum(1 for i, b in copies.items() if i in flagged and f"near duplicate of {names[b]} " in flagged[i])
    others = sorted(i for i in flagged if i not in copies)
    print(f"articles: {len(texts)} ({len(copies)} planted near copies); sketching: {sketch_s:.1f} s")
    print(f"flag_near_duplicates: {seconds:.2f} s, peak RSS growth {extra:.0f} MiB")
    print(f"recall: {found}/{len(copies)} planted copies flagged against their original")
    print(f"other articles flagged: {len(others)}")
    for i in others[:5]:
        print("   ", flagged[i])


if __name__ == "__main__":
    main()
