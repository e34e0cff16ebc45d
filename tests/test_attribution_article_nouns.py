"""Speaker attribution where a capitalized noun follows a definite article (issue 12): in a
language that writes no article before a person's name, "de Varsenaar" (someone from a
town) names nobody, while a person named as such still speaks. Every name is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("text", "speaker"), [
    ("De rechter vraagt naar de agent. ,,Ik heb niks gegooid'', benadrukt de Varsenaar.",
     None),
    ("De rechter vraagt naar de agent. ,,Ik heb niks gegooid'', benadrukt Kesselaar.",
     "Kesselaar"),
])
def test_a_capitalized_noun_after_an_article_is_no_name(text: str, speaker: str | None
                                                        ) -> None:
    assert speaker_names(text, "nl") == [speaker]


def test_an_acronym_after_an_article_is_still_a_body() -> None:
    text = "Selon la VFTU, il s'agit de « répression syndicale »."
    assert speaker_names(text, "fr") == ["VFTU"]
