"""Speaker attribution (issue 12): a quote inside a quote, introduced there by a speech verb,
is the words of that verb's subject: the outer speaker where the subject is in the first
person ("I had just said to him '…'"), else the person the subject names, a pronoun or role
resolved to someone other than the outer speaker ("Hij zei: '…'", "o governador me ligou e
falou: ‘…’"). Short invented passages; every person here is fictional.
"""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

CASES = [
    pytest.param((
        'nl',
        ('Partijleider Gert Verzinsel richt zich tot premier Mark Bedacht. "Het gedrag van '
         "Bedacht is stuitend. Hij zei: 'Niemand gaat hier uitleg over geven'. Dat is "
         'gelogen", aldus Verzinsel.'),
        'Niemand gaat hier', 'Mark Bedacht'),
        id='pronoun_inside_a_quote_is_someone_else_nl'),
    pytest.param((
        'en',
        ('Councillor Ottilie Brandvik spoke to the radio on Friday. She said: "I was sitting '
         "quietly. I had just said to him in a calm voice 'Why don't you answer the "
         "question?' and he stood up.\""),
        "Why don't you answer", 'Ottilie Brandvik'),
        id='first_person_inside_a_quote_is_the_outer_speaker_en'),
    pytest.param((
        'pt',
        ('A ministra Paula Fictícia disse que o governador Rui Imaginário confia nela. '
         '“Depois da reunião, o governador me ligou e falou: ‘Paula, está tudo bem’. Fiquei '
         'tranquila”, relatou a ministra.'),
        'está tudo bem', 'Rui Imaginário'),
        id='role_inside_a_quote_shares_the_clause_subject_pt'),
]


@pytest.mark.parametrize('case', CASES)
def test_nested_quote(case: tuple[str, str, str, str | None]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted, depth=1) == speaker
