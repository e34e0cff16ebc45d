"""A news outlet reports words and is no speaker a guess may name: where only the context
or the ranking would give the quote to an outlet (a name holding an outlet's noun, or one
the text writes right after such a noun: "omroep", "Presse-Agentur"), its speaker is left
unnamed. An outlet the text makes the subject of a speech verb still speaks. Short
invented passages; every outlet, place and person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

CASES = [
    pytest.param(
        'nl',
        ('Hoewel de politie eerder liet weten dat zij het zal gedogen, zegt een woordvoerder '
         'van de politie nu bij regionale omroep RTV Varskland dat er onderzoek wordt gedaan. '
         '„Van gedogen is geen sprake.”'),
        'Van gedogen is geen sprake.', None,
        id='omroep_nl'),
    pytest.param(
        'de',
        ('Wie die Varskische Presse-Agentur am Montag aus Sicherheitskreisen erfuhr, war der '
         'Festgenommene aufgefallen. Der Mann soll eine Waffenerlaubnis haben.\nAm Nachmittag '
         'wurde ein Foto veröffentlicht. „Sein Aufenthalt ist derzeit unbekannt“, hatte ein '
         'Sprecher im Rahmen der Veröffentlichung des Fotos gesagt.'),
        'Sein Aufenthalt ist derzeit unbekannt', None,
        id='presse_agentur_de'),
    pytest.param(
        'nl',
        ('De omroep Varskovisie heeft excuses gemaakt. "Dat hadden we niet moeten doen", '
         'zegt Varskovisie.'),
        'Dat hadden we niet moeten doen', 'Varskovisie',
        id='an_outlet_a_verb_names_speaks_nl'),
]


@pytest.mark.parametrize(('language', 'text', 'quote', 'speaker'), CASES)
def test_an_outlet_is_no_guessed_speaker(language: str, text: str, quote: str,
                                         speaker: str | None) -> None:
    check_speaker(text, language, quote, speaker)
