"""A town whose one word is a first name too ("Torino", "Paris"), written as a place ("è a
Torino", "à Paris"), is no one to speak: the first name does not make it a person. Short
invented passages; the people are fictional (the towns are real places, as the check
needs)."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

CASES = [
    pytest.param(
        'it',
        ('Il Sindaco: "Spiegherò tutto lunedì"\n\nIl sindaco Fittizio è a Torino, a una '
         'riunione dei comuni.\n«Non voglio commentare nulla», ha detto al telefono.'),
        'Spiegherò tutto lunedì', 'Fittizio',
        id='headline_role_after_a_town_it'),
    pytest.param(
        'fr',
        ("Le maire : « J'expliquerai tout lundi »\n\nLe maire Inventé est à Paris, à une "
         'réunion des maires.\n« Je ne veux rien commenter », a-t-il dit au téléphone.'),
        "J'expliquerai tout lundi", 'Inventé',
        id='headline_role_after_a_town_fr'),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), CASES)
def test_town_is_no_speaker(language: str, text: str, quoted: str, speaker: str) -> None:
    check_speaker(text, language, quoted, speaker)
