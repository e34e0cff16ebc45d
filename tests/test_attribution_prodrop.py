"""Speaker attribution (issue 12): a verb without subject (es, it, pt) takes the subject of
the sentence before, not the person that sentence names as its object. Short invented
passages; every person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

CASES = [
    pytest.param((
        'pt',
        ('Prestes a completar uma semana de viagem, o líder do partido anda pelo Nordeste. '
         'Tobias aproveitou as mensagens que recebeu para alfinetar o governador Otávio '
         'Brandemar com um post no Twitter.\n“Quero agradecer de coração toda a '
         'solidariedade que tenho recebido”, tuitou.'),
        'Quero agradecer', 'Tobias'),
        id='first_name_opening_the_sentence_before_pt'),
]


@pytest.mark.parametrize('case', CASES)
def test_the_subject_before_speaks(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker
