"""The `language` field: langdetect, made deterministic and run on a bounded sample."""

from __future__ import annotations

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException

# Cost per article (10,000-article corpus, 2-core machine): full text ~30 ms; 1,000 chars
# and langdetect's 7 trials 3.6 ms; 500 chars and 3 trials 1.6 ms, with the same answer on
# the 1,000 synthetic articles, the sample seeds and the labelled devset.
SAMPLE_CHARS = 500
TRIALS = 3
_factories: list[DetectorFactory] = []


def _factory() -> DetectorFactory:
    # Our own factory (same profiles as langdetect.detect_langs), seeded: langdetect is
    # random unless seeded. Loaded once per process.
    if not _factories:
        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.set_seed(0)
        _factories.append(factory)
    return _factories[0]


def extract_language(paragraphs: list[str]) -> str:
    sample = " ".join(paragraphs)[:SAMPLE_CHARS]
    detector = _factory().create()
    detector.n_trial = TRIALS
    try:
        detector.append(sample)
        candidates = detector.get_probabilities()
    except LangDetectException:
        return "und"
    return candidates[0].lang if candidates else "und"
