#!/usr/bin/env python3
"""Write N synthetic seeds in the raw style of seeds/: python scripts/gen_corpus.py N OUTDIR [--seed S]

Sentences are recombined from the sample seeds (cleaned by aseankb itself, so no caption
or trailer leaks into the pool); partner names and demonyms and years are substituted, so
the articles vary in partners, domains and dates. Layouts follow the samples: a
" date YYYY-MM " header line, a headline line, a photo caption first, a dateline
"Jakarta, 8 juillet (VNA) -", or no date at all.

Deterministic: article i depends only on (seed, i), so the first 1,000 articles of a
10,000-article corpus are the 1,000-article corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from pathlib import Path

import yaml

from aseankb.clean import clean
from aseankb.config import DATA_DIR
from aseankb.read import decode

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ("coree-du-sud", "japon", "chine", "etats-unis", "union-europeenne", "australie",
             "nouvelle-zelande", "canada", "royaume-uni", "russie", "inde")
CITIES = ("Jakarta", "Hanoï", "Bangkok", "Singapour", "Kuala Lumpur", "Manille", "Vientiane",
          "Phnom Penh", "Bandar Seri Begawan", "Nay Pyi Taw", "Tokyo", "Bruxelles", "Canberra")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")
TITLES = ("L'ASEAN et {p} renforcent leur coopération en matière de {d}",
          "{P} s'engage à approfondir son partenariat avec l'ASEAN",
          "ASEAN-{p} : vers un partenariat stratégique global",
          "Réunion des hauts fonctionnaires ASEAN-{p} sur {d}",
          "{P} soutient le rôle central de l'ASEAN dans la région")
DOMAIN_SENTENCES = ("Les deux parties ont convenu de renforcer leur coopération dans le domaine : {d}.",
                    "Ils ont souligné l'importance de la coopération en matière de {d} pour la région.",
                    "La réunion a adopté un plan d'action sur {d} pour la période à venir.")
CAPTIONS = ("Les délégués posent pour une photo de famille lors de la réunion. (Photo : VNA) |",
            "Vue de la conférence ministérielle. Photo : VNA",
            "Le ministre s'exprime lors de la séance d'ouverture (Photo : VNA/CVN) |")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«])")
YEAR_RE = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")


def load_partners() -> dict[str, tuple[str, str]]:
    """Partner id -> (French name, demonym), from the package's taxonomy data."""
    raw = yaml.safe_load((DATA_DIR / "partners.yaml").read_text(encoding="utf-8"))
    out = {}
    for pid in COUNTRIES:
        demonyms = [n for n in raw[pid].get("names", []) if n[:1].islower()]
        out[pid] = (raw[pid]["fr"], demonyms[0] if demonyms else "européen")
    return out


def name_pattern() -> re.Pattern:
    """Every partner name (capitalised) or demonym (lower case) that appears in a sentence."""
    raw = yaml.safe_load((DATA_DIR / "partners.yaml").read_text(encoding="utf-8"))
    names = {n for pid in COUNTRIES for n in raw[pid].get("names", []) + raw[pid].get("exact", [])}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def sentence_pool(seeds_dir: Path) -> list[str]:
    """Sentences of the sample seeds, as aseankb cleans them, in a stable order."""
    pool: set[str] = set()
    for path in sorted(seeds_dir.glob("*.txt")):
        text, _enc, _msgs = decode(path.read_bytes())
        for para in clean(text).paragraphs[1:]:  # the first may be a headline
            pool.update(s for s in SENTENCE_SPLIT_RE.split(para) if 40 <= len(s) <= 600)
    return sorted(pool)


class Generator:
    def __init__(self, seeds_dir: Path, seed: int) -> None:
        self.seed = seed
        self.pool = sentence_pool(seeds_dir)
        self.partners = load_partners()
        self.names = name_pattern()
        domains = yaml.safe_load((DATA_DIR / "domains.yaml").read_text(encoding="utf-8"))
        self.domains = [d["fr"][0].lower() + d["fr"][1:] for _k, d in sorted(domains.items())]

    def _sentence(self, rng: random.Random, pids: list[str], year: int | None) -> str:
        sentence = rng.choice(self.pool)

        def partner(m: re.Match) -> str:
            name, demonym = self.partners[rng.choice(pids)]
            return demonym if m.group(0)[:1].islower() else name
        sentence = self.names.sub(partner, sentence)
        if year is None:
            return YEAR_RE.sub("", sentence) if YEAR_RE.search(sentence) else sentence
        return YEAR_RE.sub(lambda _m: str(year + rng.choice((0, 0, 0, -1, 1))), sentence)

    def _paragraphs(self, rng: random.Random, pids: list[str], year: int | None, doms: list[str]) -> list[str]:
        paras = [" ".join(self._sentence(rng, pids, year) for _ in range(rng.randint(1, 3)))
                 for _ in range(rng.randint(4, 10))]
        for d in doms:
            paras.insert(rng.randint(1, len(paras)), rng.choice(DOMAIN_SENTENCES).format(d=d))
        if rng.random() < 0.6:
            paras[-1] += rng.choice((" - VNA", "-VNA", " – VNA"))
        return paras

    def article(self, i: int) -> str:
        rng = random.Random(f"{self.seed}:{i}")
        pids = rng.sample(COUNTRIES, rng.choice((1, 1, 1, 2)))
        doms = rng.sample(self.domains, rng.choice((1, 1, 2, 3)))
        layout = rng.choice(("header", "header", "caption", "headline", "dateline", "undated"))
        year = None if layout == "undated" else rng.randint(2005, 2025)
        name = self.partners[pids[0]][0]
        title = rng.choice(TITLES).format(p=name, P=name, d=doms[0])
        paras = self._paragraphs(rng, pids, year, doms)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        sep = rng.choice(("\n", "\n\n", "\n\n\n\n"))
        if layout == "header" or (layout == "caption" and rng.random() < 0.5):
            first = title if layout == "header" else rng.choice(CAPTIONS)
            head = f" date {year}-{month:02d} {first}\n\n"
        elif layout == "caption":
            head = rng.choice(CAPTIONS) + "\n"
        elif layout == "dateline":
            paras[0] = f"{rng.choice(CITIES)}, {day} {MONTHS_FR[month - 1]} (VNA) - {paras[0]}"
            head = ""
        else:
            head = f"{title}\n" + (rng.choice(CAPTIONS) + "\n" if rng.random() < 0.3 else "")
        return head + sep.join(paras) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="sample seeds to recombine")
    parser.add_argument("--start", type=int, default=0, help="index of the first article")
    args = parser.parse_args(argv)
    gen = Generator(args.seeds, args.seed)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for i in range(args.start, args.start + args.n):
        data = gen.article(i).encode("utf-8")
        name = f"{i:06d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        (args.outdir / name).write_bytes(data)
    print(f"gen_corpus: {args.n} articles written to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
