"""`mkdocs serve` picks up a new seed live (and a removed one): the hook watches seeds/ and
rebuilds content/ before MkDocs scans it again."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from aseankb.build import ingest
from aseankb.config import load_taxonomy
from publishing import BIN, NEW_SEED_NAME, NEW_SEED_TEXT, add_new_seed, free_port, http_get, wait_for

STARTUP_TIMEOUT = 120
REBUILD_TIMEOUT = 120


def stop(proc: subprocess.Popen) -> None:
    """End the server and everything it started (it runs in its own process group)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


def running(proc: subprocess.Popen) -> bool:
    if proc.poll() is not None:
        raise AssertionError(f"mkdocs serve exited with code {proc.returncode}")
    return True


def test_serve_picks_up_a_new_seed(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp_path = tmp_path_factory.mktemp("elsewhere")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "serve.log"
    # As `./scripts/site.sh serve` does: MkDocs checks that docs_dir exists before any hook runs.
    first = subprocess.run([str(BIN / "aseankb"), "build", "-q"], cwd=project, capture_output=True, text=True,
                           timeout=300)
    assert first.returncode == 0, first.stderr
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                cwd=project, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        wait_for(lambda: running(proc) and http_get(base)[0] == 200, STARTUP_TIMEOUT, "the server")
        assert "5 articles" in http_get(base)[1]

        # Where the new article will be: its page depends only on the file's name and text.
        elsewhere = tmp_path / NEW_SEED_NAME
        elsewhere.write_text(NEW_SEED_TEXT, encoding="utf-8")
        page = ingest(elsewhere, load_taxonomy()).result.page
        url = base + page.removesuffix(".md") + "/"
        title = NEW_SEED_TEXT.split("\n", 1)[0].removeprefix(" date 2021-10 ")
        title_html = title.replace("'", "&#39;")

        assert http_get(url)[0] == 404
        seed = add_new_seed(project)

        def served() -> bool:
            status, html = http_get(url) if running(proc) else (0, "")
            return status == 200 and (title in html or title_html in html)

        wait_for(served, REBUILD_TIMEOUT, f"{url} after adding {seed.name}")
        home = http_get(base)[1]
        assert "6 articles" in home and page.removesuffix(".md").split("/")[-1] in home

        # And a removed seed takes its page away, still without a restart.
        seed.unlink()
        wait_for(lambda: running(proc) and http_get(url)[0] == 404, REBUILD_TIMEOUT, f"{url} to go away")
        assert "5 articles" in http_get(base)[1]
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- mkdocs serve log ---\n{log.read_text(encoding='utf-8')[-4000:]}") from exc
    finally:
        stop(proc)
