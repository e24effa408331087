"""Words the source glued together, parted again in French articles (extract/glued.py)."""

from __future__ import annotations

import pytest

from aseankb.clean import clean
from aseankb.config import load_taxonomy
from aseankb.extract import extract
from aseankb.extract.glued import unglue


@pytest.mark.parametrize(("glued", "parted"), [
    # Devset 008 and seed 002, as the sites' pages left them.
    ("le représentant permanentdu Vietnam", "le représentant permanent du Vietnam"),
    ("face à lechangement climatique", "face à le changement climatique"),
    ("tenu ennovembre à Jakarta", "tenu en novembre à Jakarta"),
    ("respecter lesengagements pris", "respecter les engagements pris"),
    ("la conférence tenuele 1eraoût à Bangkok", "la conférence tenue le 1er août à Bangkok"),
    ("signer unpartenariat", "signer un partenariat"),
    # Two content words, and grammatical words beyond articles.
    ("les problèmesmondiaux et le rôlecentral", "les problèmes mondiaux et le rôle central"),
    ("communiquéelors du dialogue", "communiquée lors du dialogue"),
    ("secoordonner dans la pêche nonréglementée", "se coordonner dans la pêche non réglementée"),
    # Devset 008 and 027 (fourteenth audit): at an apostrophe, after a number, before a hyphen.
    ("chargé del'Asie et de la politique extérieure versl'Asie-Pacifique",
     "chargé de l'Asie et de la politique extérieure vers l'Asie-Pacifique"),
    ("au Fonds de réponse au COVID-19de l’ASEAN", "au Fonds de réponse au COVID-19 de l’ASEAN"),
    ("Washington etco-présidé par le Vietnam", "Washington et co-présidé par le Vietnam"),
    ("les pays dusud-est", "les pays du sud-est"),
    # Seed 001 and devset 029 (audit): an ordinal's suffix split from its number.
    ("à la 58 e réunion des ministres", "à la 58e réunion des ministres"),
    ("au 28 e Sommet ASEAN+3, la 1 re réunion", "au 28e Sommet ASEAN+3, la 1re réunion"),
])
def test_glued_words_are_parted(glued: str, parted: str) -> None:
    assert unglue([glued]) == [parted]


@pytest.mark.parametrize("text", [
    "devenir envers une assistance mutuelle et des relations mutuelles",  # words of the lexicon
    "Russel et Lavrov à Vientiane",  # names are capitalised
    "la cybersécurité et le multilatéralisme",  # unknown to the lexicon, but no small word to part
    "l'interconnectivité intrarégionale",
    # Demonyms and adverbs a lexicon may lack: "haïti|en", "pakistan|aises", "possible|ment".
    "le ministre haïtien et les délégations pakistanaises, possiblement djiboutiennes",
    # Compounds: "télé|communication", "sur|dimensionné", "macro|économique", "cyber|espace".
    "la télécommunication surdimensionnée, macroéconomique, le cyberespace",
    # Adjectives: "puni|que", "référentiel|le".
    "une guerre punique et une base référentielle",
    # Elisions, ordinals and hyphenated words that are whole: "lorsqu'", "2de", "audio-visuel".
    "lorsqu'il a dit qu'en 2de année l'audio-visuel et le vice-président, jusqu'au 21e sommet",
    "la 19e réunion, 2019 et 2020, le sud-est et le nord-ouest, les co-présidents",
    "les articles 12 et 13, la version 2. e-mail, 5 e.",  # no ordinal split from its number
])
def test_words_and_names_stay_whole(text: str) -> None:
    assert unglue([text]) == [text]


def test_only_french_articles_are_parted() -> None:
    """English "during" is "du|ring" to a French lexicon: an English article keeps it."""
    tax = load_taxonomy()
    en = extract(clean("ASEAN and Japan agree on cooperation\nDuring the meeting, the ministers of ASEAN "
                       "and Japan agreed to deepen cooperation during the coming years in trade."),
                 file_name="e.txt", source="seeds/e.txt", tax=tax)[0]
    assert en.language == "en" and "during the coming years" in en.paragraphs[0]
    fr = extract(clean("L'ASEAN et le Japon renforcent leur coopération\nLe représentant permanentdu Vietnam "
                       "auprès de l'ASEAN a salué lechangement de cap de la coopération entre l'ASEAN et le Japon."),
                 file_name="f.txt", source="seeds/f.txt", tax=tax)[0]
    assert fr.language == "fr" and "permanent du Vietnam" in fr.paragraphs[0] and "le changement" in fr.paragraphs[0]
