"""Speaker attribution for a name opening a sentence with its role in apposition after a
comma ("Varskones, el preparador local, reconocía que …"), issue 12: the sentence's first
word is capitalized anyway, but a definite article and a role noun after the comma make it
the subject's name. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("es", "Varskones, el preparador local se mostraba abatido y reconocía que \"el partido "
           "es difícil de explicar\". Por eso comentaba que \"con el empate los jugadores "
           "estaban hundidos\".", "Varskones"),
    ("it", "Kesselli, il sindaco del paese, spiegava che \"la situazione è difficile\".",
     "Kesselli"),
])
def test_a_name_with_its_role_in_apposition_opens_the_sentence(
        language: str, text: str, speaker: str) -> None:
    assert set(speaker_names(text, language)) == {speaker}


def test_no_role_after_the_comma_is_no_name() -> None:
    # "Ayer, el día …": no role in apposition, the opening word names nobody.
    text = "Ayer, el día de la final, reconocía que \"el partido es difícil\"."
    assert speaker_names(text, "es") == [None]
