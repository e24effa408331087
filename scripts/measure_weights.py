#!/usr/bin/env python3
"""How far one new article would reach if related articles used rounded TF-IDF weights.

    .venv/bin/python scripts/gen_corpus.py 10000 /tmp/w/seeds
    .venv/bin/python scripts/measure_weights.py /tmp/w/seeds [--samples 300]

Today's weights, log(N / df), change for every article whenever one is added (N moves),
so related lists cannot be updated in place (README, Scale). This measures a candidate
definition: N a constant, df rounded down to a power of two. A weight then changes only
where an article's word sees its df cross a power of two. Each sampled article is taken
as the newest one (df counted without it, then with it), and the script prints how often
no other article's weights would change, how many of the other articles' word entries
would, and how many of those are in a signature (the TOP_TERMS words that relate an
article). The seeds are ingested as a cold build does (on every core, cache in a
temporary folder).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import numpy as np

from aseankb.cache import Cache
from aseankb.config import load_taxonomy
from aseankb.pipeline import ingest_all, list_seeds, usable_cores
from aseankb.render import neighbours as nb
from aseankb.render.related import TOP_TERMS


def crossings(doc: np.ndarray, term: np.ndarray, n: int, chosen: list[int],
              signatures: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Per chosen article: (its words, those whose rounded df changes when it is added,
    other articles' entries with such a word, other articles' signature rows with one)."""
    df = np.bincount(term)
    s_doc, s_term = signatures
    in_signatures = np.bincount(s_term, minlength=len(df))
    starts = np.r_[0, np.cumsum(np.bincount(doc, minlength=n))]
    rows = []
    for k in chosen:
        words = term[starts[k]:starts[k + 1]]
        before = df[words] - 1  # without article k
        moved = words[(before >= 1) & (np.floor(np.log2(np.maximum(before, 1))) != np.floor(np.log2(before + 1)))]
        own = np.isin(s_term[s_doc == k], moved).sum()
        rows.append((len(words), len(moved), int((df[moved] - 1).sum()), int(in_signatures[moved].sum() - own)))
    return np.array(rows, dtype=np.int64).reshape(-1, 4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", type=Path)
    ap.add_argument("--samples", type=int, default=300, help="articles taken as the new one (default 300)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        items = ingest_all(list_seeds(args.seeds), args.seeds, load_taxonomy(), Cache(Path(tmp)), usable_cores())
    vectors = [i.terms for i in items if i.article is not None]
    n = len(vectors)
    if n < 2:
        print("fewer than two articles: nothing to measure", file=sys.stderr)
        return 1
    doc, term, count = nb.vocabulary(vectors)
    s_doc, s_term, _w = nb.signatures(doc, term, count, n, TOP_TERMS)
    chosen = random.Random(1).sample(range(n), min(args.samples, n))
    a = crossings(doc, term, n, chosen, (s_doc, s_term))
    print(f"articles {n}, each of {len(a)} taken as the newest; words per article: mean {a[:, 0].mean():.0f}")
    print(f"words whose rounded df changes: mean {a[:, 1].mean():.2f}")
    print(f"no other article's weights change: {100 * (a[:, 2] == 0).mean():.1f} %")
    print(f"other articles' word entries changed: mean {a[:, 2].mean():.0f}, median {np.median(a[:, 2]):.0f}, "
          f"90th percentile {np.percentile(a[:, 2], 90):.0f}, max {a[:, 2].max()}")
    print(f"  of them in a signature: mean {a[:, 3].mean():.0f}, 90th percentile {np.percentile(a[:, 3], 90):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
