"""Site search: a static index answered through Material's header search box by
`assets/aseankb-search-query.js` (the query and its ranking), `assets/aseankb-search-phrase.js`
(quoted phrases and adjacent words, read from the result files) and `assets/aseankb-search.js`
(the results). What each page holds comes from the build's own data (`search_pages.py`),
not from the built HTML: the words of an article's text are computed once, at extraction,
and kept in the cache.

Why not Pagefind (tried first): it downloads each query word's positions in every page,
~750 kB for "l'ASEAN et le Japon" at 10,000 articles, and it needs fetch() and an ES
module, which browsers refuse on file://. Why not Material's lunr: its whole index
(~86 MB at 10,000 articles) is loaded before the first result, and it misses French typed
without accents.

This index holds, per word, only the pages it occurs in (not its positions), and it is
split so that a query downloads only what its words need:
- `v-<ab>.js`: the words beginning with "ab", with the number of pages holding each;
- `b-<n>.js`: one of a few thousand hash buckets: per word, its pages, the pages
  whose title holds it (key "^word") and the entries of hub pages' search terms that hold
  it, when their title, description and other names do not (key "~word": Doc.lists);
- `d-<n>.js`: one page's URL, title and text, loaded for the results shown: an article's
  first EXCERPT_CHARS characters, where its result finds the passage that matched; another
  page's opening lines.
Every file is a script calling `window.__kbSearch`, so that the same files work over
HTTP and from a folder (file://), where <script> loads but fetch() does not.
Words are folded (no case, no accents, œ -> oe), apostrophes split elisions (l’, d’),
one-letter words are dropped and a final s/x is removed: see `words.search_words`, mirrored
in the JS.
"""

from __future__ import annotations

import json
import operator
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, count
from pathlib import Path

from .errors import AseankbError
from .model import UNDATED
from .synonyms import load_synonyms
from .words import STOP_WORDS, terms
from .write import unchanged

INDEX_DIR = "kb-search"
TEASER_CHARS = 180
# An article's text as its result file holds it: the results show the passage that matched
# (aseankb-search.js, passage), not only the opening. A typical dispatch is 2,000-6,000
# characters; past this, a longer one shows its opening when the match lies beyond.
EXCERPT_CHARS = 6000
SHARD_KEY_RE = re.compile(r"^[a-z0-9]{1,2}$")
WORDS_PER_BUCKET = 8
B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
# A run of equal gaps: a whole gap, then the same gap again, whole, once or more.
RUN_RE = re.compile(r"(?<![^,])([0-9a-z]+)(?:,\1(?![0-9a-z]))+")
TITLE_WORDS_MAX = 35  # one base-36 digit per page in meta.js
UNDATED_PATH = f"articles/{UNDATED}/"  # the undated articles' pages


class SearchIndexError(AseankbError):
    """The search index could not be built."""


@dataclass
class SearchStats:
    pages: int
    words: int
    files: int


@dataclass
class Doc:
    """One page as the index holds it: its file in the site (a file, not a folder: on
    file:// a folder URL shows a listing), the title and text shown in results (`teaser`:
    an article's excerpt, another page's opening), the words of its text (its title
    included) and of its title."""

    path: str
    title: str
    teaser: str
    words: Iterable[str]  # each once
    title_words: set[str]
    more: Iterable[str] = ()  # more words of its text, which may repeat `words`
    label: str = ""  # shown above its teaser in the results: an article's date
    lang: str = ""  # an article's language when not French (render/dates.html_lang): for screen readers
    lang_cut: int = 0  # where its title's own words end, when a French name follows them (search_pages)
    # Other names of the page, each a phrase of search words (a partner's acronyms and
    # English name: "ue", "european union"; a domain's other names): its text holds them, and
    # a query that is one of them ranks the page as its title would (aseankb-search-query.js, named).
    aliases: tuple[str, ...] = ()
    # A hub page's search terms (render/terms.py): in its result file too, where a quoted
    # phrase is looked for (aseankb-search-phrase.js), since its teaser does not say them.
    terms: str = ""
    # A hub page's search terms entry by entry, each the words it holds that the page's title,
    # description and other names do not (search_pages._lists): the index gives each entry of
    # each page a number (`lists` keys), so that the query can tell the words one entry holds
    # together from words of different lists (aseankb-search-query.js, rank).
    lists: tuple[frozenset[str], ...] = ()
    # An article's excerpt, read only when its result file is written (doc_file), in place
    # of `teaser` unless it gives None: held for 10,000 articles at once, the excerpts added
    # ~150 MiB to the peak of `mkdocs build`.
    excerpt: Callable[[], str | None] | None = None


def teaser(paragraphs: Iterable[str], limit: int = TEASER_CHARS) -> str:
    """The opening lines shown under a result's title (white space squashed), at most
    `limit` characters (an article's `EXCERPT_CHARS`): only the paragraphs it needs are read."""
    parts, size = [], 0
    for para in paragraphs:
        squashed = " ".join(para.split())
        if squashed:
            parts.append(squashed)
            size += len(squashed) + 1
            if size > limit + 1:
                break
    text = " ".join(parts)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text


def shard_key(word: str) -> str:
    key = word[:2]
    return key if SHARD_KEY_RE.match(key) else "_"


def bucket_of(word: str, buckets: int) -> int:
    """FNV-1a over the code points: the JS computes the same number."""
    h = 2166136261
    for ch in word:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return h % buckets


def encode_postings(docs: list[int], digits: list[str] | None = None) -> str:
    """Sorted page numbers as base-36 gaps, runs of equal gaps as gap*count:
    a word on every page costs a few bytes, not one number per page. `digits`: base 36
    of 0..the largest page number, computed once per index (a few million gaps at
    10,000 articles: each step here is a C loop, not a Python one)."""
    gaps = ",".join(map(digits.__getitem__ if digits else _b36, map(operator.sub, docs, [-1, *docs])))
    return RUN_RE.sub(_run, gaps)


def _run(m: re.Match) -> str:
    return f"{m.group(1)}*{_b36(m.group(0).count(',') + 1)}"


def _b36(n: int) -> str:
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = B36[r] + s
        if not n:
            return s


def _js(call: str, payload: object) -> str:
    # JSON is a JS expression; "</" is escaped so that no payload can close a script.
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.__kbSearch&&__kbSearch.{call}({data});\n"


def number_pages(docs: list[Doc]) -> list[Doc]:
    """Pages in the order of their numbers: dated articles, undated ones, then the other
    pages, each by path backwards (character by character, a prefix first), so that
    articles come newest year first: the number breaks ties between results."""
    # Reversed, a path ending in the highest code point sorts before the paths it begins.
    docs = sorted(docs, key=lambda d: d.path + "\U0010ffff", reverse=True)
    # 'sans-date' sorts after every year backwards: undated articles would come first.
    return sorted(docs, key=lambda d: (not _is_article(d), d.path.startswith(UNDATED_PATH)))


def _is_article(doc: Doc) -> bool:
    return doc.path.split("/", 1)[0] == "articles"


def doc_file(n: int, doc: Doc) -> tuple[str, str]:
    """The result file (name, text) of page number `n`: what a result shows of it."""
    text = doc.excerpt() if doc.excerpt else None
    # Its language, or [language, end of the title's own words] (aseankb-search.js, marked).
    lang = [doc.lang, doc.lang_cut] if doc.lang_cut else doc.lang
    payload = [n, doc.path, doc.title, doc.teaser if text is None else text,
               *([doc.label, lang, doc.terms] if doc.terms else [doc.label, lang] if doc.lang
                 else [doc.label] if doc.label else [])]
    return f"d-{n}.js", _js("doc", payload)


def index_files(docs: list[Doc]) -> tuple[dict[str, str], int]:
    """The index's shared files (name -> text: the words, their pages, the sizes) for pages
    numbered in the given order, and the number of distinct words. Each page's own result
    file is doc_file's."""
    postings: dict[str, list[int]] = defaultdict(list)
    in_titles: dict[str, list[int]] = defaultdict(list)
    # Per word, the entries of hub pages' search terms that hold it: entry j of the i-th page
    # after the articles is i * width + j (meta.js `lists`: width).
    in_lists: dict[str, list[int]] = defaultdict(list)
    articles = sum(map(_is_article, docs))
    width = max((len(d.lists) for d in docs), default=0)
    for i, doc in enumerate(docs[articles:]):
        for j, entry in enumerate(doc.lists):
            for w in entry:
                in_lists[w].append(i * width + j)
    # The inner loops are the index's hot spot (millions of words at 10,000 articles).
    for n, doc in enumerate(docs):
        for pages in map(postings.__getitem__, doc.words):
            pages.append(n)
        for pages in map(postings.__getitem__, doc.more):
            if not pages or pages[-1] != n:
                pages.append(n)
        for pages in map(in_titles.__getitem__, doc.title_words):
            pages.append(n)
        if doc.aliases:  # a few partner and domain pages: no set built for each of 10,000 articles
            # Found by them, but not titled by them: a query that is a whole other name ranks
            # the page as its title would (aseankb-search-query.js, named); one word of a phrase
            # ("regionale" of "securite regionale") does not.
            for w in {w for phrase in doc.aliases for w in phrase.split()}:
                if not postings[w] or postings[w][-1] != n:
                    postings[w].append(n)
    buckets = max(64, 1 << (len(postings) // WORDS_PER_BUCKET).bit_length())
    digits = [_b36(n) for n in range(len(docs) + 1)]
    files: dict[str, str] = {}
    vocab: dict[str, dict[str, int]] = defaultdict(dict)
    table: dict[int, dict[str, str]] = defaultdict(dict)
    for w in sorted(postings):
        vocab[shard_key(w)][w] = len(postings[w])
        b = table[bucket_of(w, buckets)]
        b[w] = encode_postings(postings[w], digits)
        if w in in_titles:
            b["^" + w] = encode_postings(in_titles[w], digits)
        if w in in_lists:
            b["~" + w] = encode_postings(in_lists[w])  # ascending: pages, then entries, in order
    files["meta.js"] = _js("meta", _meta(docs, buckets, vocab, width))
    for key, entries in vocab.items():
        files[f"v-{key}.js"] = _js("vocab", [key, entries])
    for b, entries in table.items():
        files[f"b-{b}.js"] = _js("bucket", [b, entries])
    return files, len(postings)


def _meta(docs: list[Doc], buckets: int, shards: Iterable[str], lists: int = 0) -> dict[str, object]:
    """What every query loads first. Besides the sizes, the number of words in the title of
    each page that is not an article (its partner, domain, year... a few hundred pages):
    a page whose title holds nothing but the query's words ("Japon", "Corée du Sud") comes
    before the articles that also have them in their titles (aseankb-search-query.js, rank). And
    the vocabulary shards there are: a word whose shard is missing is not asked for (a
    request that fails is an error in the browser's console)."""
    articles = sum(map(_is_article, docs))
    stop = set(STOP_WORDS)
    # A term "asean+3" is not counted: its word is ("Sommet ASEAN+3" is two words, of which
    # "asean+3" makes half, as "asean" does).
    counts = (min(len({w for w in d.title_words if "+" not in w} - stop), TITLE_WORDS_MAX) for d in docs[articles:])
    # Matrix cells ("Japon × Énergie") are minor: half their title is a partner's name, and
    # "japon" must give the partner's page, then its articles, then its 13 cells.
    minor = ("1" if d.path.startswith("matrice/") and d.path.count("/") >= 2 else "0" for d in docs[articles:])
    aliases = {str(i): "|".join(d.aliases) for i, d in enumerate(docs[articles:]) if d.aliases}
    return {"docs": len(docs), "buckets": buckets, "articles": articles,
            "titles": "".join(map(B36.__getitem__, counts)), "minor": "".join(minor),
            "aliases": aliases, "shards": ",".join(sorted(shards)), "synonyms": synonym_phrases(),
            "loose": loose_synonyms(), **({"lists": lists} if lists else {})}


def synonym_phrases() -> list[str]:
    """data/synonyms.yaml's groups as the query sees them (aseankb-search-query.js, slots):
    each phrase its terms (words.terms: "ASEAN+3" is "asean+3") but the stop words, "|"
    between phrases."""
    return list(_phrases(load_synonyms()))


def loose_synonyms() -> list[int]:
    """The groups of synonym_phrases that name a field, not a thing: no capital letter in any
    of their phrases ("sécurité maritime", not "mer Orientale" or "États-Unis"). A page that
    holds a field's words apart ("la sécurité de la navigation maritime") is found for it,
    after the pages that say it (aseankb-search-query.js, rank): "United States" is no
    "Member States ... United Nations", but the safety of maritime navigation is maritime
    security (thirteenth audit: "securite maritime" found 4 pages, "maritime securite" 19)."""
    return [i for i, group in enumerate(load_synonyms()) if not any(c.isupper() for p in group for c in p)]


@lru_cache(maxsize=4)
def _phrases(groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    stop = set(STOP_WORDS)
    out = []
    for group in groups:
        phrases = [" ".join([w for w in ws if w not in stop] or ws) for ws in map(terms, group)]
        out.append("|".join(dict.fromkeys(p for p in phrases if p)))
    return tuple(out)


def write_index(site: Path, docs: list[Doc], *, log: Callable[[str], None] = print) -> SearchStats:
    """Write the index of `docs` into site/kb-search/. Files already there with the same
    bytes are left alone (`aseankb search-index` run again writes nothing)."""
    docs = number_pages(docs)
    files, words = index_files(docs)
    out = site / INDEX_DIR
    existing = set(os.listdir(out)) if out.is_dir() else set()
    out.mkdir(parents=True, exist_ok=True)
    # The result files one at a time, each made as it is written: their excerpts are never
    # all in memory.
    names = set(files)
    for name, text in chain(files.items(), map(doc_file, count(), docs)):
        names.add(name)
        data = text.encode("utf-8")
        if name in existing and unchanged(out / name, data):
            continue
        (out / name).write_bytes(data)
    for name in sorted(existing - names):
        path = out / name
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    stats = SearchStats(pages=len(docs), words=words, files=len(names))
    log(f"search index: {stats.pages} pages, {stats.words} words, {stats.files} files in {out}")
    return stats
