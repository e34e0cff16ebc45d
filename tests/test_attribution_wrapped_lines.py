"""Speaker attribution (issue 12): hard-wrapped text (wire copy broken into lines inside
its sentences) reads as the sentences it holds. Short invented passages; every company
and person here is fictional."""

from __future__ import annotations

from quotes.attribute.textpasses import unwrapped as _unwrapped
from tests.test_attribution_mentions import speaker_of


def test_a_term_after_a_line_break_inside_its_sentence_has_the_sentences_speaker() -> None:
    text = ('July 16 (Wirenews) - Varskotech on Saturday said it is\n"disappointed" that '
            'workers at its plants\nwould reject the contract offer.')
    assert speaker_of(text, 'en', 'disappointed') == 'Varskotech'


def test_only_soft_line_breaks_become_spaces() -> None:
    assert _unwrapped('Lo\nafferma il ministero') == 'Lo afferma il ministero'
    assert _unwrapped('said it is\n"sad"') == 'said it is "sad"'
    assert _unwrapped('Ein Titel\nDer Text beginnt.') == 'Ein Titel\nDer Text beginnt.'
    assert _unwrapped('Kasus Memalukan\n"Bagi saya"') == 'Kasus Memalukan\n"Bagi saya"'
    assert _unwrapped('Ende.\nneu') == 'Ende.\nneu'
