"""Speaker attribution (issue 12): pronouns, roles and subjectless verbs resolved to the
person meant. Mentions one particle splits ("Otávio" and "Vale Ramires" of "Otávio do Vale
Ramires") are the speaker found by the whole name, not a rival of him. A capitalized word
the text writes only after an article ("de Zweed") names nobody in Dutch either. Short invented
passages; every person and body here is fictional.
"""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

# (language, passage, words of the quote, the speaker it must get; "": nobody)
CASES = [
    pytest.param((
        'pt',
        ('O porta-voz da prefeitura, Otávio do Vale Ramires, afirmou que "o prefeito apenas '
         'usou uma força de expressão durante a entrevista". Vale Ramires tentou suavizar a '
         'fala do prefeito Jairo Lindolfo, afirmando que Lindolfo busca um secretário com '
         '"conhecimento técnico e muito respeito", disse o porta-voz.'),
        'conhecimento técnico', 'Otávio do Vale Ramires'),
        id='split_name_is_the_speaker_pt'),
    pytest.param((
        'nl',
        (',,Geef de beker maar meteen aan de tegenstander”, riep hij richting de vierde '
         'official. ,,Geef ze die beker maar.”\n\n,,Dat was uit frustratie, dat hoort bij '
         'voetbal”, zei de Zweed later, toen hij was afgekoeld.'),
        'Geef de beker', ''),
        id='national_after_article_is_nobody_nl'),
]


@pytest.mark.parametrize("case", CASES)
def test_reference_resolves_to_the_person_meant(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, expected = case
    assert (speaker_of(text, language, quoted) or "").casefold() == expected.casefold()
