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
    pytest.param((
        'pt',
        ('O deputado Fábio Andrade criticou no Twitter a capa da revista, que traz uma '
         'entrevista com o ex-governador Paulo Vasconcelos. "Retrataram o maior bandido do '
         'estado como esperança", escreveu Fábio Andrade.\n\nA capa convida os leitores '
         'para a entrevista com Vasconcelos, na qual o ex-governador fala sobre a prisão.'
         '\n\nNa entrevista, o ex-governador diz ter clareza de que pode resolver os '
         'problemas. "Eu tenho a certeza de que esses problemas serão resolvidos", disse.'),
        'Eu tenho a certeza', 'Paulo Vasconcelos'),
        id='role_opening_the_sentence_after_an_adverbial_pt'),
]


@pytest.mark.parametrize('case', CASES)
def test_the_subject_before_speaks(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker
