"""Speaker attribution (issue 12): a word languages write lowercase, capitalized because it
opens a sentence ("Quelques minutes plus tard", "Después", "Tegelijkertijd"), names no
one, even before a verb; a name opening sentences still does. Short invented passages;
every person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

CASES = [
    pytest.param((
        'fr',
        ('Elna Varsko a quitté la salle.\n\nQuelques tweets plus tard, elle a posé une '
         'question :\n\n« Qui paie ? », a demandé la maire à ses abonnés.'),
        'Qui paie ?', 'Elna Varsko'),
        id='determiner_before_a_noun_like_a_verb_fr'),
    pytest.param((
        'fr',
        ('Quelques messages plus tard, il a posé une question :\n\n« Qui paie ? », a '
         'demandé le maire.'),
        'Qui paie ?', None),
        id='nobody_named_fr'),
    pytest.param((
        'de',
        ('Bürgermeisterin Jana Kollwitz sprach am Montag.\n\nZudem betont sie: „Wir '
         'bauen weiter.“'),
        'Wir bauen weiter', 'Jana Kollwitz'),
        id='adverb_opening_a_sentence_de'),
    pytest.param((
        'fr',
        ('Varsko prend la parole. Varsko répond : « Nous verrons bien. »'),
        'Nous verrons bien', 'Varsko'),
        id='a_surname_opening_sentences_still_names_fr'),
]


@pytest.mark.parametrize('case', CASES)
def test_a_lowercase_word_opening_a_sentence_names_no_one(
    case: tuple[str, str, str, str | None],
) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker
