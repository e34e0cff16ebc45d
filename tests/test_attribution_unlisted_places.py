"""Speaker attribution where a place no town list holds is named (issue 12): a name the
text writes only after a place's preposition ("in de Bossche Varskamp") is a place, no
candidate for a pronoun; a person named as well still is. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("text", "speaker"), [
    ("De verdachte staat terecht voor vernieling van een auto in de Bossche Varskamp. "
     ",,Er zijn problemen met de computer'', zegt zij.", None),
    ("Het incident gebeurde in de Bossche Varskamp. Wethouder Anna Kesselaar reageerde. "
     ",,Er zijn problemen'', zegt zij.", "Anna Kesselaar"),
])
def test_a_name_written_only_after_a_place_preposition_is_no_speaker(
        text: str, speaker: str | None) -> None:
    assert speaker_names(text, "nl") == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ("De 21-jarige Bossche verdachte gaat zitten. Hij staat terecht voor vernieling van een "
     "auto in de Bossche Varskamp. ,,Er zijn problemen met de computer'', zegt zij.", None),
    ("Het incident gebeurde in de Bossche Varskamp. Daarna sprak Varskamp. ,,Er zijn "
     "problemen'', zegt zij.", "Varskamp"),
])
def test_a_word_before_the_place_name_is_no_short_form_of_it(
        text: str, speaker: str | None) -> None:
    assert speaker_names(text, "nl") == [speaker]
