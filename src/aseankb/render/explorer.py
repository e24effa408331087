"""The "Explorer" page: readers narrow the articles by partner, domain and years
together, and share the filtered view as a link (the filters live in the URL hash).

The data is generated here, at build time, as JavaScript files loaded with <script>
tags (not fetch(), which browsers refuse on file://, so the offline variant works too):
- assets/explorer/facets.js: the labels, and per article only its year and the numbers
  of its partners and domains (~20 bytes an article: ~200 kB at 10,000, ~40 kB gzipped);
- assets/explorer/y-<year>.js: the slugs, titles and dates of one year's articles, loaded
  only when a matching article of that year is shown; and for an article not in French,
  its language, marked as in every other list (render/titles.py): `[slug, title, date]`,
  `[..., "en"]`, or `[slug, own words, date, "vi", " — 25e Sommet …"]` when a French name
  follows them. Nothing more for a French article: at 10,000 articles these files are
  ~1.7 MB, downloaded by readers.
Filtering happens in the browser (assets/aseankb-explorer.js). A search engine's filters
(Pagefind's) were the alternative; not used: they match exact values only (no year
range), need the engine loaded, and fetch one record per listed article, where this
lists hundreds from one file.
"""

from __future__ import annotations

import json

from ..config import Taxonomy
from ..group import Groups
from ..model import UNDATED, Article
from .dates import in_language, language_note, short_date
from .reuse import NO_REUSE, Reuse
from .titles import title_marks
from .typo import page_text

PAGE = "explorer.md"
DATA_DIR = "assets/explorer"


def _js(call: str, payload: object) -> str:
    # JSON is a JS expression; "</" is escaped so that a title can never close a script.
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.__kbExplorer&&__kbExplorer.{call}({data});\n"


def _year_keys(g: Groups) -> list[str]:
    return sorted(g.years, key=lambda k: (k == UNDATED, -int(k) if k != UNDATED else 0))


def _row(year: int, art: Article, p_num: dict[str, int], d_num: dict[str, int]) -> list:
    """[year, partners, domains] by number, then, for an article about several partners,
    [[partner, its domains]...] for those that do not go with all of its domains
    (extract/attribution.py): Japan and cybersecurity select it only if it reports on them
    together, as the matrix counts it."""
    row: list = [year, [p_num[p] for p in art.partners], [d_num[d] for d in art.domains]]
    if art.partner_domains:
        pairs = [[p_num[p], [d_num[d] for d in own]] for p in art.partners
                 if len(own := art.domains_of(p)) < len(art.domains)]
        if pairs:
            row.append(pairs)
    return row


def _listed(art: Article) -> list:
    """An article's entry in its year's file: slug, title, date, then its language and the
    French name after its own words, each only when there is one (see above)."""
    lang, own, added = title_marks(*art.title_parts(), art.language)
    row = [art.slug, own, short_date(art.date, art.year_at_earliest)]
    if added:
        return [*row, lang, added]
    return [*row, lang] if lang else row


def _language_notes(g: Groups) -> dict[str, str]:
    """The note the lists write after a title in each language of the articles that has one
    (dates.language_note): "en anglais". Once here, not in each article's entry."""
    codes = {a.language for arts in g.years.values() for a in arts}
    return {code: in_language(code) for code in sorted(codes) if language_note(code)}


def explorer_data(g: Groups, tax: Taxonomy, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    partners = tax.partners_in_order()
    domains = tax.domains_in_order()
    p_num = {p.id: i for i, p in enumerate(partners)}
    d_num = {d.id: i for i, d in enumerate(domains)}
    keys = _year_keys(g)
    rows, files = [], {}
    for y, key in enumerate(keys):
        arts = g.years[key]
        rows += [_row(y, a, p_num, d_num) for a in arts]
        if not reuse.skip(f"{DATA_DIR}/y-{key}.js", arts):
            files[f"{DATA_DIR}/y-{key}.js"] = _js("year", [key, [_listed(a) for a in arts]])
    facets = {"partners": [[p.id, p.fr] for p in partners], "domains": [[d.id, d.fr] for d in domains],
              "years": [[k, len(g.years[k])] for k in keys], "articles": rows,
              "languages": _language_notes(g)}
    files[f"{DATA_DIR}/facets.js"] = _js("facets", facets)
    return files


def explorer_page() -> str:
    # Our own labels only: the seed text reaches this page through the data files,
    # and the script shows it with textContent.
    return page_text("title: Explorer\nsearch:\n  exclude: true\n", ["""# Explorer les articles

Choisissez un partenaire, un domaine et des années : la liste se réduit aux articles qui
réunissent les trois, et l'adresse de la page garde la sélection pour la partager. Le
compte rendu d'une réunion avec plusieurs partenaires n'y figure, pour un partenaire et un
domaine, que s'il les aborde ensemble (comme dans la matrice).

<noscript><p><strong>Cette page a besoin de JavaScript.</strong> Sans lui, parcourez les
articles par partenaire, par domaine ou par année avec les liens ci-dessous.</p></noscript>

Parcourir aussi : [par partenaire](partenaires/index.md) · [par domaine](domaines/index.md) ·
[par année](annees/index.md).

<form id="kb-explorer" class="kb-explorer" hidden>
  <label>Partenaire <select name="partenaire"><option value="">Tous</option></select></label>
  <label>Domaine <select name="domaine"><option value="">Tous</option></select></label>
  <span class="kb-explorer-years"><label>De <select name="de"><option value="">—</option></select></label>
  <label>À <select name="a"><option value="">—</option></select></label></span>
  <button type="reset" class="md-button">Tout effacer</button>
</form>

<p id="kb-explorer-count" class="kb-explorer-count" role="status" aria-live="polite"></p>
<div id="kb-explorer-results" class="kb-explorer-results"></div>"""])


def render_explorer(g: Groups, tax: Taxonomy, reuse: Reuse = NO_REUSE) -> dict[str, str]:
    pages = {PAGE: explorer_page()}
    pages.update(explorer_data(g, tax, reuse))
    return pages
