"""The language pre-classifier answers only where langdetect would give the same answer."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from aseankb.clean import clean
from aseankb.extract.language import SAMPLE_CHARS, detect, extract_language, prejudge
from aseankb.prepare import prepare
from aseankb.read import decode

ROOT = Path(__file__).resolve().parents[1]

FR = ("Les ministres des Affaires étrangères de l'ASEAN et du Japon se sont réunis à Tokyo pour examiner "
      "la coopération dans les domaines de la sécurité maritime et du commerce. Ils ont salué les progrès "
      "accomplis et sont convenus de renforcer leur partenariat, notamment dans la connectivité.")
EN = ("The foreign ministers of ASEAN and Japan met in Tokyo to review their cooperation in maritime security "
      "and trade. They welcomed the progress that has been made and agreed to strengthen the partnership, "
      "which is at the heart of the region's architecture, with a focus on connectivity.")
VI = ("Các bộ trưởng ngoại giao ASEAN và Nhật Bản đã họp tại Tokyo để đánh giá hợp tác trong lĩnh vực an ninh "
      "hàng hải và thương mại. Các bên hoan nghênh những tiến triển đạt được và nhất trí tăng cường quan hệ "
      "đối tác, với trọng tâm là kết nối của khu vực trong năm tới.")
ES = ("Los ministros de Asuntos Exteriores de la ASEAN y de Japón se reunieron en Tokio para examinar la "
      "cooperación en los ámbitos de la seguridad marítima y del comercio, y acordaron reforzar su asociación.")
CA = ("Les ministres d'Afers Exteriors de l'ASEAN i del Japó es van reunir a Tòquio per examinar la cooperació "
      "en els àmbits de la seguretat marítima i del comerç, i van acordar reforçar la seva associació.")


@pytest.mark.parametrize(("text", "lang"), [(FR, "fr"), (EN, "en"), (VI, "vi")])
def test_clear_texts_are_judged_without_langdetect_and_as_langdetect_does(text: str, lang: str) -> None:
    assert prejudge(text) == lang
    assert detect(text) == lang


@pytest.mark.parametrize("text", [
    ES, CA,                                     # neighbours sharing "de", "la", "les", "l'"
    "L'ASEAN et le Japon.",                      # too short to be sure
    FR[:150] + " " + EN,                         # mixed: French words, but as many English ones
    VI[:100] + " " + FR,                         # a Vietnamese sentence in a French text
])
def test_unclear_texts_go_to_langdetect(text: str) -> None:
    assert prejudge(text) is None
    assert extract_language([text]) == detect(text[:SAMPLE_CHARS])


def _samples(folder: Path, count: int) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.txt"))[:count]:
        text, _, _ = decode(path.read_bytes())
        paragraphs = clean(prepare(text).text).paragraphs
        out.append(" ".join(paragraphs[1:])[:SAMPLE_CHARS])  # the title aside, roughly as extract does
    return out


def _generated(tmp_path: Path, count: int) -> Path:
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "scripts" / "gen_corpus.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.main([str(count), str(tmp_path / "seeds")]) == 0
    return tmp_path / "seeds"


def test_same_answer_as_langdetect_on_the_seeds_and_a_synthetic_corpus(tmp_path: Path) -> None:
    samples = _samples(ROOT / "seeds", 100) + _samples(_generated(tmp_path, 120), 120)
    judged = [(prejudge(s), s) for s in samples]
    assert sum(lang is not None for lang, _ in judged) >= 0.9 * len(samples)  # the shortcut pays
    for lang, sample in judged:
        if lang is not None:
            assert lang == detect(sample), sample


def test_a_vietnamese_name_does_not_make_a_french_text_unclear() -> None:
    assert prejudge("Le Premier ministre Nguyễn Xuân Phúc a reçu les ministres. " + FR) == "fr"
