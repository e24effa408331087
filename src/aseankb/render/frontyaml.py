"""Front matter as PyYAML writes it, without running PyYAML on the common values.

Dumping a page's front matter through PyYAML costs about 1 ms (its representer and
resolver are Python), a tenth of the extraction of an article. Most values are short
strings PyYAML writes plain: those are written here, character for character as PyYAML
would, and every other value (quoted, folded, numbers that look like dates...) is handed
to PyYAML itself. tests/test_frontyaml.py checks the two agree on the pages of the sample
seeds and on random values.
"""

from __future__ import annotations

import re

import yaml

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
WIDTH = 80  # PyYAML's default best_width: a longer plain line may be folded
# Strings PyYAML writes plain on one line: a letter first (no indicator, no number, no
# date), then letters, digits, spaces and punctuation that YAML reads as text in a block
# (no ':' or '#', no control or unusual character), no space at the end. Brackets, quotes
# and '…' after the first character are flow indicators at most: plain in a block.
PLAIN_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ][A-Za-z0-9À-ÖØ-öø-ÿŒœ .,;!?()'’«»“”…\[\]—–/_+-]*(?<! )")
# An ISO date: YAML would read it as a timestamp, so PyYAML single-quotes the string.
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Our ids ("002-884733fdc89a5b19"): digits first, then dash-separated letters and digits,
# with a letter somewhere: no YAML 1.1 number, date or word reads like that, so it is plain.
ID_RE = re.compile(r"(?=[0-9a-z-]*[a-z])[0-9][0-9a-z]*(?:-[0-9a-z]+)+")
SPACES_RE = re.compile(r"( +)")  # split keeps the runs of spaces
# Words YAML 1.1 reads as booleans or null when plain: PyYAML quotes them.
RESERVED = {w for base in ("yes", "no", "true", "false", "on", "off", "null")
            for w in (base, base.capitalize(), base.upper())} | {"y", "Y", "n", "N"}


def _plain(value: object, prefix: str) -> bool:
    return (isinstance(value, str) and value not in RESERVED and len(prefix) + len(value) <= WIDTH
            and (PLAIN_RE.fullmatch(value) is not None or ID_RE.fullmatch(value) is not None))


def _folded(prefix: str, value: str) -> str:
    """A long plain value as PyYAML's emitter writes it (write_plain): a single space met
    past column WIDTH becomes a line break and an indent of 2; longer runs stay."""
    out, column = [prefix], len(prefix)
    for part in SPACES_RE.split(value):
        if part == " " and column > WIDTH:
            out.append("\n  ")
            column = 2
        else:
            out.append(part)
            column += len(part)
    return "".join(out)


def _entry(key: str, value: object) -> str:
    """One key of a top-level block mapping, as PyYAML writes it (no final newline)."""
    if value is None:
        return f"{key}: null"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{key}: {value}"
    if _plain(value, f"{key}: "):
        return f"{key}: {value}"
    if isinstance(value, str) and value not in RESERVED and PLAIN_RE.fullmatch(value):
        return _folded(f"{key}: ", value)
    if isinstance(value, str) and DATE_RE.fullmatch(value):
        return f"{key}: '{value}'"
    if isinstance(value, list):
        if not value:
            return f"{key}: []"
        if all(_plain(v, "- ") for v in value):
            return f"{key}:\n" + "\n".join(f"- {v}" for v in value)
    return yaml.dump({key: value}, Dumper=DUMPER, default_flow_style=False, allow_unicode=True,
                     sort_keys=False).rstrip("\n")


_WRITTEN: dict[tuple, str] = {}  # (key, type, value) -> its entry
WRITTEN_MAX = 50_000  # entries kept; then the memory starts again


def _remembered(key: str, value: object) -> str:
    """`_entry`, remembered: most values recur from page to page (languages, date sources,
    partners, domains, tags, people), and checking a value against the patterns costs more
    than looking it up."""
    if isinstance(value, list):
        if not all(type(v) is str for v in value):
            return _entry(key, value)
        value_key = tuple(value)
    elif value is None or type(value) in (str, int):
        value_key = value
    else:
        return _entry(key, value)
    memo = (key, type(value), value_key)
    found = _WRITTEN.get(memo)
    if found is None:
        if len(_WRITTEN) >= WRITTEN_MAX:
            _WRITTEN.clear()
        found = _WRITTEN[memo] = _entry(key, value)
    return found


def front_matter_yaml(meta: dict[str, object]) -> str:
    """yaml.dump(meta, allow_unicode=True, sort_keys=False) without its final newline, for
    a mapping of simple keys to strings, ints, None and lists of strings."""
    return "\n".join(_remembered(key, value) for key, value in meta.items())
