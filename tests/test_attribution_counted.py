"""Speaker attribution (issue 12): a capitalized word written after a number is what is
counted ("seine drei Katzen", "Vier Tage danach"), no one to speak, even where it is also
a first name ("Tage"); and a quote standing alone after a paragraph that names no one who
may speak names nobody. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


def test_counted_words_name_no_one_in_a_neighbours_words() -> None:
    text = ("„Das ging alles so schnell“, sagt einer der Anwohner. Er hat es aus der Wohnung "
            "geschafft, seine drei Katzen konnte er aber nicht mehr retten. „Meine drei Katzen "
            "sind in dem Feuer gestorben.“")
    assert speaker_names(text, "de") == [None, None]


@pytest.mark.parametrize(("text", "language"), [
    ("Unbekannte waren in der Silvesternacht in zwei Läden eingedrungen. Vier Tage danach "
     "gebe es noch keine Täter, teilte ein Polizeisprecher mit. Man gehe davon aus, „dass "
     "mehrere Personen gehandelt haben“.", "de"),
])
def test_a_counted_word_is_no_speaker(text: str, language: str) -> None:
    assert speaker_names(text, language) == [None]


def test_a_person_named_beside_the_count_still_speaks() -> None:
    text = ("Anwohnerin Greta Varsholm verlor bei dem Brand ihre drei Katzen. „Ich könnte "
            "weinen“, sagte sie.")
    assert speaker_names(text, "de") == ["Greta Varsholm"]
