"""Issue #3, property-based: whatever bytes or text a seed holds, the ingester never raises
and yields exactly one report entry; an article it yields renders to a page whose front
matter parses back."""

from __future__ import annotations

import tempfile
from pathlib import Path

import frontmatter
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aseankb.build import build, ingest
from aseankb.config import load_taxonomy
from aseankb.model import STATUSES
from aseankb.render.article import render_article

TAX = load_taxonomy()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real-looking and hostile seeds, so that generated text reaches the deeper
# paths (headline, dateline, front block, HTML page) and not only the decoder's refusals.
PIECES = [
    " date 2023-05-12 ", "---", "title: x", "date: 2020-01-02", "date: 2019-02-30", "date: 9999-12-31", "[[[[",
    "&a [*a]", "<!DOCTYPE html>", "<html>", "<p>", "</p>",
    "<div class='cookie'>", "</div>", "<script>alert(1)</script>", "<h1>", "</h1>", "{{ x }}", "{% y %}",
    "[a](javascript:alert(1))", "onload=alert(1)", "Hanoi, 12 mars (VNA) - ", "L'ASEAN et le Japon",
    "coopèrent dans le domaine de l'énergie.", "La Chine", "en 2019", "-VNA", "\n", "\n\n", "\r\n", " ",
    "\u00a0", "\u3000", "\ufeff", "\ufffd", "\x00", "é", "’", "&amp;", "|", "![]()", "Photo : VNA", "…",
]
seed_text = st.one_of(
    st.text(max_size=2000),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=120).map("".join),
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])


def check_one(data: bytes, name: str = "seed.txt") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        item = ingest(path, TAX)
    result = item.result
    event(result.status)
    assert result.status in ("ingested", "warning", "skipped")
    assert result.file.endswith(name)
    assert all(name in m for m in result.messages)
    # A crash caught by the ingester's last-resort handler is a bug, not a reason.
    assert not any("could not be processed" in m for m in result.messages), result.messages
    if result.status == "skipped":
        assert result.messages and item.article is None and result.page is None
        return
    assert item.article is not None and result.page == item.article.page
    assert (result.status == "warning") == bool(result.messages)
    assert "\ufffd" not in item.article.title + "".join(item.article.paragraphs)
    page = frontmatter.loads(render_article(item.article, TAX))
    assert page["source"] == item.article.source and isinstance(page["title"], str)


@SETTINGS
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_one_entry_never_raises(data: bytes) -> None:
    check_one(data)


@SETTINGS
@given(seed_text, encodings)
def test_arbitrary_text_one_entry_never_raises(text: str, encoding: str) -> None:
    check_one(text.encode(encoding, errors="replace"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=600), seed_text.map(str.encode)), min_size=1, max_size=4))
def test_build_reports_every_file_once(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for i, data in enumerate(files):
            (seeds / f"{i:02d}.txt").write_bytes(data)
        outcome = build(seeds, Path(tmp) / "content", log=lambda m: None)
    names = [Path(r.file).name for r in outcome.results]
    assert names == [f"{i:02d}.txt" for i in range(len(files))]
    assert all(r.status in STATUSES for r in outcome.results)
    assert sum(outcome.summary.values()) == len(files)
