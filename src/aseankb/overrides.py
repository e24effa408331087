"""Editorial corrections: `seeds/overrides.yaml` fixes an article's title, date, partners
and domains by its id, and the correction survives every rebuild.

    002-884733fdc89a5b19:          # the article's `id` (front matter)
      title: Nouveau titre
      date: 2019-08-01             # or 2019-08, or 2019
      partners: [union-europeenne]
      domains: [cybersecurite]

The file is read with `yaml.compose`, not `safe_load`: nodes keep their line, so every
error names the file and the line, and scalars stay strings (`2019-08-01` is not turned
into a date object, `2019` not into an int).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .config import Taxonomy
from .errors import ConfigError
from .model import DATE_YEARS, Article, PartialDate, is_real_date

OVERRIDE_NAMES = ("overrides.yaml", "overrides.yml")
KEYS = ("title", "date", "partners", "domains")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Override:
    id: str
    line: int
    values: dict[str, object] = field(default_factory=dict)


def find_overrides(seeds_dir: Path) -> Path | None:
    for name in OVERRIDE_NAMES:
        if (seeds_dir / name).is_file():
            return seeds_dir / name
    return None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(file: str, key: str, node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
        raise ConfigError(file, key, "must be a non-empty text", _line(node))
    return node.value.strip()


def parse_date(file: str, key: str, node: yaml.Node) -> PartialDate:
    m = DATE_RE.match(_scalar(file, key, node))
    if not m:
        raise ConfigError(file, key, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD", _line(node))
    year, month, day = (int(g) if g else None for g in m.groups())
    if year not in DATE_YEARS:
        raise ConfigError(file, key, f"year {year} is not in {DATE_YEARS.start}-{DATE_YEARS.stop - 1}", _line(node))
    if not is_real_date(year, month, day):  # 31 February is an error, not a date
        raise ConfigError(file, key, f"not a valid date: {m.group()} is not in the calendar", _line(node))
    return PartialDate(year, month, day)


def _ids(file: str, key: str, node: yaml.Node, known: dict) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(file, key, "must be a list of ids, e.g. [japon, chine]", _line(node))
    out: list[str] = []
    for item in node.value:
        value = _scalar(file, key, item)
        if value not in known:
            raise ConfigError(file, key, f"unknown id {value!r} (known: {', '.join(sorted(known))})",
                              _line(item))
        if value not in out:
            out.append(value)
    return out


def _entry(file: str, art_id: str, node: yaml.Node, tax: Taxonomy) -> dict[str, object]:
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise ConfigError(file, art_id, f"must be a mapping of corrections ({', '.join(KEYS)})", _line(node))
    values: dict[str, object] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        where = f"{art_id}.{key}"
        if key not in KEYS:
            raise ConfigError(file, where, f"unknown key (allowed: {', '.join(KEYS)})", _line(key_node))
        if key in values:
            raise ConfigError(file, where, "given twice", _line(key_node))
        if key == "title":
            values[key] = _scalar(file, where, value_node)
        elif key == "date":
            values[key] = parse_date(file, where, value_node)
        else:
            values[key] = _ids(file, where, value_node, tax.partners if key == "partners" else tax.domains)
    return values


def load_overrides(path: Path, tax: Taxonomy, shown: str | None = None) -> dict[str, Override]:
    """The corrections of one file, by article id. Raises ConfigError naming file and line."""
    file = shown or path.as_posix()
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(file, "(file)", f"cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(file, "(file)", f"invalid YAML: {getattr(exc, 'problem', exc)}",
                          mark.line + 1 if mark else None) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(file, "(file)", "must be a mapping of article ids to corrections", _line(root))
    out: dict[str, Override] = {}
    for key_node, value_node in root.value:
        art_id = _scalar(file, "(id)", key_node)
        if art_id in out:
            raise ConfigError(file, art_id, "id given twice", _line(key_node))
        out[art_id] = Override(art_id, _line(key_node), _entry(file, art_id, value_node, tax))
    return out


def apply_overrides(articles: list[Article], overrides: dict[str, Override], file: str) -> None:
    """Correct the articles in place; an id that names no article is an error."""
    by_id = {a.id: a for a in articles}
    for art_id, override in overrides.items():
        art = by_id.get(art_id)
        if art is None:
            raise ConfigError(file, art_id, "no article has this id (see the `id` key of the article pages)",
                              override.line)
        _correct(art, override.values)


def _correct(art: Article, values: dict[str, object]) -> None:
    if "title" in values:
        # The slug (the page's URL) stays: links to the page keep working after a correction.
        art.title = str(values["title"])
    if "date" in values:
        art.date = values["date"]  # type: ignore[assignment]
        art.date_source = "override"
        art.date_evidence = None
    if "partners" in values:
        art.partners = list(values["partners"])  # type: ignore[arg-type]
        art.partners_mentioned = [p for p in art.partners_mentioned if p not in art.partners]
        if len(art.partners) < 2:  # the article is the partner's: no share of it is another's
            art.partner_domains, art.partner_people = {}, {}
    if "domains" in values:
        art.domains = list(values["domains"])  # type: ignore[arg-type]
        # The editor's domains are each partner's: the attribution made from the text
        # (extract/attribution.py) would drop those it did not find.
        art.partner_domains = {}
