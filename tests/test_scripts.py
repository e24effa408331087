"""The scripts the README gives: the shell ones (scripts/site.sh, scripts/test.sh and what
they source) and CI's entry point (.ci/run), ShellCheck-clean, and the interpreter choice;
the benchmark's setting aside; the weights measure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCRIPTS = [*sorted((ROOT / "scripts").glob("*.sh")), ROOT / ".ci" / "run"]


def venv_python(**env: str) -> str:
    """What scripts/venv.sh picks to make .venv, in an environment with `env` added."""
    clean = {k: v for k, v in os.environ.items() if k != "PYTHON"}
    done = subprocess.run(["bash", "-c", ". scripts/venv.sh && venv_python"], cwd=ROOT, capture_output=True,
                          text=True, env={**clean, **env}, check=True)
    return done.stdout.strip()


def _script(name: str, monkeypatch):
    """A script of scripts/ imported as a module (in sys.modules: dataclasses look their module up)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


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
    benchmark = _script("benchmark", monkeypatch)
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


def test_measure_weights_counts_the_words_whose_rounded_frequency_a_new_article_moves(monkeypatch) -> None:
    """Word x is in articles 0-3 (df 4: without any one of them, 3, and 3 -> 4 crosses a power
    of two), y only in article 0 (no other article), z in articles 2 and 4 (df 2: 1 -> 2 crosses)."""
    weights = _script("measure_weights", monkeypatch)
    doc = np.array([0, 0, 1, 2, 2, 3, 4])
    term = np.array([0, 1, 0, 0, 2, 0, 2])
    signatures = (np.array([0, 1, 2, 3, 4]), np.array([0, 0, 0, 0, 2]))  # each article's first word
    rows = weights.crossings(doc, term, 5, [0, 2, 4], signatures)
    # (words, moved, other articles' entries with a moved word, other signature rows with one)
    assert rows.tolist() == [[2, 1, 3, 3], [2, 2, 4, 4], [1, 1, 1, 0]]


def test_measure_weights_runs_on_the_sample_seeds() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "measure_weights.py"), str(ROOT / "seeds")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("articles 5, each of 5 taken as the newest")
    assert "no other article's weights change: " in done.stdout
