"""Shared fixtures: the project's paths, a built copy of the sample knowledge base, a browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from aseankb.build import build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).parent / "data"
# Debian's Chromium: Playwright cannot download its own here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for a test module's browser tests."""
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")


def copy_project(dest: Path, folders: tuple[str, ...] = ("seeds", "scripts", "overrides")) -> Path:
    """What a build needs of the project (seeds, hook script, theme overrides, mkdocs configs)."""
    for name in folders:
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "mkdocs-offline.yml"):
        shutil.copy(ROOT / name, dest / name)
    return dest


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary copy of the project (seeds, mkdocs configs, hook script, theme overrides), cwd set to it."""
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ built once from the sample seeds, for read-only tests."""
    root = tmp_path_factory.mktemp("kb")
    shutil.copytree(SEEDS, root / "seeds")
    import os
    cwd = os.getcwd()
    os.chdir(root)
    try:
        build(root / "seeds", root / "content", report_file=root / "report.json", log=lambda m: None)
    finally:
        os.chdir(cwd)
    return root
