"""The GitHub Actions workflow: actionlint finds nothing in it, and it does what the README says."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from publishing import BIN, ROOT, WORKFLOW

WORKFLOWS = ROOT / ".github" / "workflows"
SITE_PATHS = {"seeds/**", "src/**", "scripts/**", "overrides/**", "mkdocs.yml"}


def actionlint(*files: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    # ShellCheck is passed explicitly: without it actionlint silently skips the `run:` scripts.
    return subprocess.run([str(BIN / "actionlint"), "-no-color", "-oneline", "-shellcheck", str(BIN / "shellcheck"),
                           *map(str, files)], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint() -> None:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert WORKFLOW in files
    result = actionlint(*files)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.parametrize(("step", "finding"), [
    ("run: echo ${{ github.nope }}", "property \"nope\" is not defined"),
    ("run: cp $SRC site/", "SC2086"),
    ("{uses: actions/checkout@v5, with: {fetch_depth: 0}}", "input \"fetch_depth\" is not defined"),
])
def test_actionlint_reports_mistakes(tmp_path: Path, step: str, finding: str) -> None:
    """The lint test can fail: the same tools catch an expression, a shell and an action mistake."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(f"on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - {step}\n")
    result = actionlint(bad, cwd=tmp_path)
    assert result.returncode == 1 and finding in result.stdout, result.stdout


def _workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as a boolean
    return data


def test_triggers() -> None:
    on = _workflow()["on"]
    assert on["push"]["branches"] == ["main"]
    assert set(on["push"]["paths"]) >= SITE_PATHS
    assert on["pull_request"]["paths"] == on["push"]["paths"]
    assert "workflow_dispatch" in on


def test_deploys_only_from_main_with_pages_permissions() -> None:
    wf = _workflow()
    assert wf["permissions"] == {"contents": "read"}
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "github.event_name != 'pull_request'" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    build = {s.get("uses", "").split("@")[0]: s for s in wf["jobs"]["build"]["steps"]}
    assert build["actions/upload-pages-artifact"]["with"]["path"] == "site/"
    for name in ("actions/upload-pages-artifact", "actions/configure-pages"):
        assert "github.event_name != 'pull_request'" in build[name]["if"]


def test_build_job_caches_and_tests() -> None:
    steps = _workflow()["jobs"]["build"]["steps"]
    cached = {s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/cache@")}
    assert cached == {".aseankb-cache/\ncontent/\nsite/\n", "/tmp/pip-cache"}
    scripts = "\n".join(s.get("run", "") for s in steps)
    for command in ("pip install -e '.[test]'", "aseankb build --strict", "mkdocs build --strict",
                    "python -m pytest", "ruff check", "apt-get install -y -qq chromium"):
        assert command in scripts
    # The tests run before anything is uploaded for deployment.
    order = [s.get("run", s.get("uses", "")) for s in steps]
    tests_at = next(i for i, s in enumerate(order) if "pytest" in s)
    assert tests_at < next(i for i, s in enumerate(order) if s.startswith("actions/upload-pages-artifact"))
