"""Usage errors of `aseankb build` (audit 19): refused with one message and exit 2, the
contract's code for usage errors; exit 1 means "a seed was skipped or warned about"."""

from __future__ import annotations

from pathlib import Path

import pytest

from aseankb.cli import main

SEED = (" date 2024-05-02 Le Japon et l'ASEAN\nTokyo (VNA) - Le Japon et l'ASEAN ont signé un accord "
        "sur la formation des enseignants.\n")


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ASEANKB_NO_CACHE", "1")
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    return folder


@pytest.mark.parametrize("out", ["seeds", "seeds/contenu", "./seeds/../seeds"])
def test_an_output_folder_in_the_seeds_folder_is_refused(seeds: Path, out: str,
                                                         capsys: pytest.CaptureFixture) -> None:
    """Else the next build read index.md, rapport.md... as seeds ("25 ingested, 11 skipped")."""
    assert main(["build", "--out", out]) == 2
    err = capsys.readouterr().err
    assert "the seeds folder" in err and "Traceback" not in err
    assert sorted(p.name for p in seeds.iterdir()) == ["a.txt"]  # nothing written


def test_a_report_that_cannot_be_written_is_a_usage_error(seeds: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "plein").write_text("un fichier, pas un dossier")
    # A folder; a file where its folder should be; a name too long for the file system.
    for report in (tmp_path, tmp_path / "plein" / "r.json", tmp_path / ("r" * 300 + ".json")):
        assert main(["build", "--report", str(report)]) == 2
        err = capsys.readouterr().err
        assert f"cannot write the report {report}" in err and "Traceback" not in err
    assert not (tmp_path / "content").exists()  # refused before the build


def test_a_report_that_fails_at_the_end_names_itself(seeds: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    """The folder exists but takes no file (Linux's /proc): the pages are written, the report
    is not, and the message says both."""
    report = Path("/proc/aseankb-rapport.json")
    assert main(["build", "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert "content written, but not the report" in err and "Traceback" not in err
    assert (tmp_path / "content" / "index.md").is_file()


def test_a_report_in_a_new_folder_is_written(seeds: Path, tmp_path: Path) -> None:
    assert main(["build", "-q", "--report", str(tmp_path / "ci" / "rapport" / "r.json")]) == 0
    assert (tmp_path / "ci" / "rapport" / "r.json").is_file()


def test_files_that_are_not_seeds_are_named_on_the_report_page(seeds: Path, tmp_path: Path) -> None:
    """Audit 19: a hidden ".article.txt" was in no line of the report, which says "every file";
    the page now says which files are not seeds."""
    (seeds / ".article.txt").write_text(SEED, encoding="utf-8")
    (seeds / "README.txt").write_text("Déposer ici les dépêches.", encoding="utf-8")
    assert main(["build", "-q", "--report", "r.json"]) == 0
    page = (tmp_path / "content" / "rapport.md").read_text(encoding="utf-8")
    assert "sur 1 fichier" in page
    assert "les fichiers dont le nom commence par un point (fichiers cachés), `README.md`, `README.txt`" in page
