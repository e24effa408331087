"""The shell scripts the README gives (scripts/site.sh, scripts/test.sh and what they
source) and CI's entry point (.ci/run): ShellCheck-clean, and the interpreter choice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCRIPTS = [*sorted((ROOT / "scripts").glob("*.sh")), ROOT / ".ci" / "run"]


def venv_python(**env: str) -> str:
    """What scripts/venv.sh picks to make .venv, in an environment with `env` added."""
    clean = {k: v for k, v in os.environ.items() if k != "PYTHON"}
    done = subprocess.run(["bash", "-c", ". scripts/venv.sh && venv_python"], cwd=ROOT, capture_output=True,
                          text=True, env={**clean, **env}, check=True)
    return done.stdout.strip()


def test_shell_scripts_pass_shellcheck() -> None:
    assert len(SCRIPTS) >= 4
    done = subprocess.run([str(BIN / "shellcheck"), "-x", *map(str, SCRIPTS)], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_venv_interpreter_is_the_one_asked_for_else_the_systems_optimised_one() -> None:
    assert venv_python(PYTHON="/opt/some/python3.12") == "/opt/some/python3.12"
    system = Path("/usr/bin/python3")
    usable = system.is_file() and subprocess.run(
        [str(system), "-c", "import ensurepip, sys, venv; sys.exit(sys.version_info < (3, 11))"],
        capture_output=True).returncode == 0
    assert venv_python() == (str(system) if usable else "python3")


def test_the_benchmark_sets_the_last_runs_output_aside_instead_of_deleting_it(tmp_path: Path, monkeypatch) -> None:
    """Each cold run starts with no content/ and no cache, and what the last run made is kept
    out of the project until the end (benchmark.set_aside: deleting it just before the next
    run made that run's file creation several times dearer)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    benchmark = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "benchmark", benchmark)  # its dataclasses look their module up
    spec.loader.exec_module(benchmark)
    proj = tmp_path / "proj"
    (proj / "content" / "articles").mkdir(parents=True)
    (proj / "content" / "articles" / "a.md").write_text("page")
    (proj / ".aseankb-cache").mkdir()
    (proj / ".aseankb-cache" / "index").write_text("cache")
    benchmark.set_aside(proj, tmp_path / "aside" / "0")
    assert not (proj / "content").exists() and not (proj / ".aseankb-cache").exists()
    assert (tmp_path / "aside" / "0" / "content" / "articles" / "a.md").read_text() == "page"
    assert (tmp_path / "aside" / "0" / ".aseankb-cache" / "index").read_text() == "cache"
    benchmark.set_aside(proj, tmp_path / "aside" / "1")  # nothing to move: no error
    assert list((tmp_path / "aside" / "1").iterdir()) == []
