"""A sentence adverb opening the sentence ("Bovendien zei hij", "Meanwhile, she added")
names no one: the tables list them as no names. Short invented passages; every person here
is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    pytest.param("nl", "Burgemeester Jan Fictief sprak eerst. Bovendien zei hij: ,,We bouwen de "
                 "brug opnieuw.”", "brug opnieuw", "Jan Fictief", id="bovendien_nl"),
    pytest.param("nl", "Wethouder Anna Verzonnen kwam te laat. Vermoedelijk bedoelde zij iets "
                 "anders. ,,Dat is onzin”, zei ze.", "Dat is onzin", "Anna Verzonnen",
                 id="vermoedelijk_nl"),
    pytest.param("en", "The mayor Jane Example spoke first. Meanwhile, she added: \"We will "
                 "rebuild the bridge by June.\"", "rebuild", "Jane Example", id="meanwhile_en"),
    pytest.param("pt", "O prefeito Tiago Inventado falou. Contudo, afirmou: \"Vamos reconstruir "
                 "a ponte em junho.\"", "ponte", "Tiago Inventado", id="contudo_pt"),
])
def test_a_sentence_adverb_opening_the_sentence_is_no_speaker(
    language: str, text: str, quoted: str, speaker: str
) -> None:
    """"Bovendien zei hij", "Meanwhile, she added": the adverb before the verb names no one;
    the pronoun after it stands for the person named before."""
    check_speaker(text, language, quoted, speaker)
