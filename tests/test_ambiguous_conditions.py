"""A condition word with another common reading (nl "als" is also "as", pt "se" also a
pronoun, "desde que" mostly "since", id "selama" also "during") opens a condition only
before the words the language table lists for it: a partial quote leaving out "als
burgemeester" or "se mantém atento" drops no condition. One that does stays a distortion.

Every tweet and quote here was written for these tests; the accounts are fictional."""

from __future__ import annotations

import pytest
from test_false_alarms import distorting, verdict


@pytest.mark.parametrize(("quote", "language", "tweet", "dropped"), [
    ("I will keep fighting for our town", "en",
     "Ik blijf strijden voor onze stad, als burgemeester en als inwoner van Lyon.", False),
    ("A guarda municipal partilha a vontade de todos os moradores", "pt",
     "A guarda municipal partilha a vontade de todos os moradores, bem como se mantém "
     "atenta às suas missões no bairro.", False),
    ("Vamos continuar a trabalhar pela cidade", "pt",
     "Vamos continuar a trabalhar pela cidade, desde que assumi o cargo em janeiro faço isso.",
     False),
    ("We keep working for the town", "en",
     "Kami terus bekerja untuk kota, selama bulan puasa dan setelahnya.", False),
    # A condition before its subject is still one the quote dropped.
    ("The town will flood every winter", "en",
     "De stad loopt elke winter onder, als we de dijk niet verhogen voor 2030.", True),
    ("A cidade vai inundar todos os invernos", "pt",
     "A cidade vai inundar todos os invernos, se nós não elevarmos o dique até 2030.", True),
])
def test_a_condition_word_of_two_readings_conditions_only_before_its_words(
        quote: str, language: str, tweet: str, dropped: bool) -> None:
    v = verdict(quote, language, tweet, fragment=True)
    assert ("condition" in distorting(v)) is dropped, v.differences
