"""Helpers of the publishing tests: a new seed to drop in, the workflow's build steps, HTTP."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
# The steps of the workflow's build job that make the site; the others set up the runner,
# run the tests or publish, and only make sense on GitHub.
BUILD_STEP_IDS = ("kb", "summary", "site", "search")

NEW_SEED_NAME = "2021-10-asean-japon-cybersecurite.txt"
# Written for these tests (not taken from any agency): a new dispatch in the seeds' format,
# with the date header the agency's files carry.
NEW_SEED_TEXT = """\
 date 2021-10 L'ASEAN et le Japon resserrent leur coopération en matière de cybersécurité

Hanoï (VNA) - Les responsables de l'ASEAN et du Japon chargés de la cybersécurité se sont \
réunis en visioconférence le 6 octobre pour leur réunion annuelle de politique, consacrée cette \
année à la protection des infrastructures d'information critiques face à la multiplication des \
attaques informatiques.

Les deux parties ont dressé le bilan des formations dispensées par le Centre ASEAN-Japon de \
renforcement des capacités en cybersécurité, installé à Bangkok, qui forme depuis sa création \
des ingénieurs et des fonctionnaires de tous les pays membres de l'ASEAN.

Le représentant japonais a souligné que la sécurité du cyberespace était une condition de la \
confiance des citoyens et des entreprises, et a proposé de poursuivre les exercices conjoints \
de réponse aux incidents ainsi que l'échange d'informations entre les équipes nationales \
d'intervention d'urgence informatique.

Les pays de l'ASEAN ont salué le soutien technique de Tokyo et sont convenus d'élaborer un plan \
de travail commun pour l'année suivante, centré sur la lutte contre la cybercriminalité, la \
sensibilisation du public et la formation de spécialistes.

La délégation vietnamienne, conduite par le ministère de l'Information et des Communications, \
a présenté les efforts du pays pour moderniser son cadre juridique et a appelé à une \
coopération plus étroite pour garantir un cyberespace ouvert, sûr et stable dans la région. - VNA
"""


def add_new_seed(project: Path) -> Path:
    path = project / "seeds" / NEW_SEED_NAME
    path.write_text(NEW_SEED_TEXT, encoding="utf-8")
    return path


def build_steps() -> dict[str, str]:
    """The `run:` scripts of the workflow's build steps, by step id."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = {s["id"]: s for s in workflow["jobs"]["build"]["steps"] if "id" in s}
    return {sid: steps[sid]["run"] for sid in BUILD_STEP_IDS}


def job_env() -> dict[str, str]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {k: str(v) for k, v in workflow["jobs"]["build"].get("env", {}).items()}


def run_ci_build(project: Path, summary: Path) -> dict[str, subprocess.CompletedProcess]:
    """Run the workflow's build steps, in order, the way the runner does (bash -eo pipefail),
    with this environment's aseankb and mkdocs first on PATH."""
    env = {**os.environ, **job_env(), "GITHUB_STEP_SUMMARY": str(summary),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = {}
    for sid, script in build_steps().items():
        assert "${{" not in script, f"step {sid}: GitHub expressions cannot run locally"
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                              cwd=project, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, f"workflow step {sid!r} failed:\n{proc.stdout}\n{proc.stderr}"
        done[sid] = proc
    return done


def tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Straight to the local server: no proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get(url: str) -> tuple[int, str]:
    try:
        with _OPENER.open(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(check: Callable[[], bool], timeout: float, what: str, interval: float = 0.5) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
