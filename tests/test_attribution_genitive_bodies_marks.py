"""Speaker attribution (issue 12): genitive marks typed with an opening quote, and more
causes found on the tuning part's new passages. Short invented passages; every person and
body here is fictional."""

from __future__ import annotations

import pytest

from quotes import lang
from quotes.attribute.persons import kind_of
from quotes.extract import extract_quotes
from tests.test_attribution_mentions import check_speaker

# (language, passage, words of the quote, the speaker it must get; None: nobody).
CASES = [
    pytest.param(
        'en',
        ('Governor Elna Varsko answered Senator Tobin Marsh‘s latest attack.\n\n'
         'Marsh had said the plan was "dead on arrival."'),
        'dead on arrival', 'Tobin Marsh',
        id='genitive_typed_with_opening_quote_is_not_part_of_the_name_en'),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), CASES)
def test_speaker(language: str, text: str, quoted: str, speaker: str | None) -> None:
    check_speaker(text, language, quoted, speaker)


@pytest.mark.parametrize(("language", "name"), [
    ("id", "Pemerintah Pusat"), ("id", "Pemerintah Kota Varsk"),
    ("en", "Varsk City Government"), ("pt", "Governo de Varsk"),
])
def test_government_is_an_organisation_no_person(language: str, name: str) -> None:
    """A government ("Pemerintah Pusat") is a body: as a person, it won the pronouns and
    verbs without subject of the person who spoke about it."""
    assert kind_of(name, lang.get(language)) == "organisation"


@pytest.mark.parametrize(("language", "text", "quote"), [
    ("es", ('La empresa Varskomart publicó un mensaje.\n\n“ En Varskomart lamentamos lo '
            'ocurrido en nuestra tienda”, señala el texto.'),
     "En Varskomart lamentamos lo ocurrido en nuestra tienda"),
    ("en", 'The mayor wrote:\n\n“ We will rebuild the bridge by May,” she said.',
     "We will rebuild the bridge by May,"),
])
def test_a_space_typed_after_the_opening_mark(language: str, text: str, quote: str) -> None:
    """A space after the opening mark and before a capital ("“ En …”") opens the quote all
    the same, and the quote holds no space at its start."""
    assert quote in [q.text for q in extract_quotes(text, language).quotes]


def test_a_mark_between_spaces_before_a_lowercase_word_opens_nothing() -> None:
    text = 'The score was 3 “ or so” in the end, said Elna Varsko.'
    assert all(not q.text.startswith("or so") for q in extract_quotes(text, "en").quotes)
