"""`mkdocs serve` follows seeds/ and the taxonomy live, without a restart: the hook watches
them and rebuilds content/ before MkDocs scans it again."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from aseankb.build import ingest
from aseankb.config import load_taxonomy
from publishing import BIN, NEW_SEED_NAME, NEW_SEED_TEXT, ROOT, add_new_seed, free_port, http_get, wait_for

STARTUP_TIMEOUT = 120
REBUILD_TIMEOUT = 120


def running(proc: subprocess.Popen) -> bool:
    if proc.poll() is not None:
        raise AssertionError(f"mkdocs serve exited with code {proc.returncode}")
    return True


def stop(proc: subprocess.Popen) -> None:
    """End the server and everything it started (it runs in its own process group)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


@contextlib.contextmanager
def serving(project: Path, **env: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """`mkdocs serve` on a free local port, the way `./scripts/site.sh serve` starts it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    # MkDocs checks that docs_dir exists before any hook runs: build it first, as site.sh does.
    first = subprocess.run([str(BIN / "aseankb"), "build", "-q"], cwd=project, capture_output=True, text=True,
                           timeout=300, env=env)
    assert first.returncode == 0, first.stderr
    port = free_port()
    log = project / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=env)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: running(proc) and http_get(base)[0] == 200, STARTUP_TIMEOUT, "the server")
        yield proc, base
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- mkdocs serve log ---\n{log.read_text(encoding='utf-8')[-4000:]}") from exc
    finally:
        stop(proc)


def test_serve_picks_up_a_new_seed(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Where the new article will be: its page depends only on the file's name and text.
    elsewhere = tmp_path_factory.mktemp("elsewhere") / NEW_SEED_NAME
    elsewhere.write_text(NEW_SEED_TEXT, encoding="utf-8")
    page = ingest(elsewhere, load_taxonomy()).result.page
    title = NEW_SEED_TEXT.split("\n", 1)[0].removeprefix(" date 2021-10 ")

    with serving(project) as (proc, base):
        assert "5 articles" in http_get(base)[1]
        url = base + page.removesuffix(".md") + "/"
        assert http_get(url)[0] == 404
        seed = add_new_seed(project)

        def served() -> bool:
            status, html = http_get(url) if running(proc) else (0, "")
            return status == 200 and (title in html or title.replace("'", "&#39;") in html)

        wait_for(served, REBUILD_TIMEOUT, f"{url} after adding {seed.name}")
        home = http_get(base)[1]
        assert "6 articles" in home and page.removesuffix(".md").split("/")[-1] in home

        # And a removed seed takes its page away, still without a restart.
        seed.unlink()
        wait_for(lambda: running(proc) and http_get(url)[0] == 404, REBUILD_TIMEOUT, f"{url} to go away")
        assert "5 articles" in http_get(base)[1]


def test_serve_picks_up_a_taxonomy_edit(project: Path) -> None:
    # The taxonomy lives in the package: serve a copy of the package, and edit the copy.
    code = project / "code"
    shutil.copytree(ROOT / "src" / "aseankb", code / "aseankb", ignore=shutil.ignore_patterns("__pycache__"))
    partners = code / "aseankb" / "data" / "partners.yaml"
    with serving(project, PYTHONPATH=str(code)) as (proc, base):
        url = base + "partenaires/japon/"
        assert "Empire du Soleil levant" not in http_get(url)[1]
        text = partners.read_text(encoding="utf-8")
        assert "  fr: Japon\n" in text
        edited = text.replace("  fr: Japon\n", "  fr: Japon (Empire du Soleil levant)\n")
        partners.write_text(edited.replace("  fr_to: au Japon\n", "  fr_to: au Japon (Empire du Soleil levant)\n"),
                            encoding="utf-8")
        wait_for(lambda: running(proc) and "Empire du Soleil levant" in http_get(url)[1], REBUILD_TIMEOUT,
                 "the partner page to follow the taxonomy edit")
