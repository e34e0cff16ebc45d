"""A first name's gender for pronoun agreement (issue 12): where the first-name list gives a
name both genders, the one far more frequent where the text's language is written wins
("Mike Varskow" is a man; "Andrea Varsello" a man in Italian, "Andrea Varskow" a woman in
English); a name even between the genders tells none. Every surname here is fictional."""

from __future__ import annotations

import pytest

from quotes.attribute.lexicon import first_names, gender

pytestmark = pytest.mark.skipif(not first_names(), reason="gender-guesser not installed")


@pytest.mark.parametrize(("name", "language", "expected"), [
    ("Mike Varskow", "en", "m"),
    ("Andrea Varsello", "it", "m"),
    ("Andrea Varskow", "en", "f"),
    ("Nicola Varsello", "it", "m"),
    ("Jean Varskow", "fr", "m"),
    ("Jean Varskow", "en", "f"),
    ("Maria Varskova", "pt", "f"),
    ("Carey Varskow", "en", None),  # either, as often
])
def test_the_gender_where_the_language_is_written(name: str, language: str,
                                                  expected: str | None) -> None:
    assert gender(name, language) == expected
