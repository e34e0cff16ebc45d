"""Speaker attribution for a quote opening the text with no name before it (issue 12): the
people named right after it are the candidates, read from the quote's end however long the
quote is ("«…», disse." … "Após o jogo, X reclamou"), since names inside a quote are no
speakers. Every name here is fictional."""

from __future__ import annotations

from quotes.attribute.persons import SpanSet
from tests.test_attribution_ranking import speaker_names

LONG_OPENING = (
    '"Quero deixar uma coisa bem clara: eu não fui ao campo no final do jogo para reclamar '
    'com a arbitragem, fui com o intuito de tirar os jogadores de lá. A minha observação '
    'era para um dos nossos jogadores, e a captação da fala mostrou um descontentamento que '
    'não é adequado. Quero pedir desculpas pelo palavreado, não é adequado em nenhuma '
    'circunstância. Existe um limite e ultrapassei esse limite. Um técnico tem que saber '
    'que o limite da educação não pode ser ultrapassado. Peço desculpas por isso", disse.\n'
    'Após o fim da partida, Varsko Kesselmann reclamou da arbitragem e do cartão amarelo.')


def test_a_long_quote_opening_the_text_is_the_next_named_persons() -> None:
    assert len(LONG_OPENING) > 500
    assert speaker_names(LONG_OPENING, "pt") == ["Varsko Kesselmann"]


def test_span_end_after_a_point() -> None:
    spans = SpanSet([(1, 50), (80, 90)])
    assert spans.end_after(0, 3) == 50  # a quote mark before the text
    assert spans.end_after(20, 3) == 50  # inside the span
    assert spans.end_after(60, 3) == 60  # no span there
    assert spans.end_after(76, 3) == 76  # the next span starts too far on
