"""A speech verb's subject after it, with an adjective between the article and the role
or name ("admet la nouvelle ministre", "so der frustrierte Varsko"): the role or name is
the subject the attribution names as its mention (the first step of its chain), resolved
as it is without the adjective; not a verb without subject, ranked against everyone named.
An indefinite article keeps the subject unnamed ("said a frustrated coach"). Short
invented passages; every person here is fictional."""

from __future__ import annotations

import pytest

from quotes.models import Attribution, Document
from quotes.pipeline import Analyzer

ANALYZER = Analyzer()

# (language, passage, words of the quote, the speaker, the mention naming them). The role's
# holder is named first, someone else with another role after them.
CASES = [
    pytest.param(
        'fr',
        ('La ministre Lina Varsko a pris ses fonctions lundi. « Elle arrive tard », a '
         'déclaré le maire Paul Inventé.\n« Je suis honorée », admet la nouvelle ministre.'),
        'Je suis honorée', 'Lina Varsko', 'ministre',
        id='new_minister_fr'),
    pytest.param(
        'de',
        ('Trainer Jens Varsko verlor mit Fiktiv Aue.\nPräsident Uwe Mustermann kritisierte '
         'danach die Abwehr.\n„Wir müssen vorne killen“, sagte der frustrierte Trainer.'),
        'Wir müssen vorne killen', 'Jens Varsko', 'Trainer',
        id='frustrated_coach_de'),
    pytest.param(
        'de',
        ('Trainer Jens Varsko verlor mit Fiktiv Aue.\nPräsident Uwe Mustermann kritisierte '
         'danach die Abwehr.\n„Wir müssen vorne killen“, so der frustrierte Varsko.'),
        'Wir müssen vorne killen', 'Jens Varsko', 'Varsko',
        id='frustrated_surname_de'),
    pytest.param(
        'it',
        ("L'allenatore Marco Fittizio ha perso domenica.\nIl presidente Tommaso Inventato ha "
         'poi criticato la difesa.\n"Dobbiamo migliorare", ha detto il giovane allenatore.'),
        'Dobbiamo migliorare', 'Marco Fittizio', 'allenatore',
        id='young_coach_it'),
    pytest.param(
        'es',
        ('El entrenador Rodrigo Ficticio perdió el domingo.\nEl presidente Tomás Inventado '
         'criticó después a la defensa.\n"Hay que mejorar", dijo el joven entrenador.'),
        'Hay que mejorar', 'Rodrigo Ficticio', 'entrenador',
        id='young_coach_es'),
    pytest.param(
        'pt',
        ('O treinador Tiago Inventado perdeu no domingo.\nO presidente Rui Fictício criticou '
         'depois a defesa.\n"Temos de melhorar", disse o jovem treinador.'),
        'Temos de melhorar', 'Tiago Inventado', 'treinador',
        id='young_coach_pt'),
    pytest.param(
        'nl',
        ('Trainer Joost Kalverdam verloor zondag.\nVoorzitter Pieter Verzonnen bekritiseerde '
         'daarna de verdediging.\n"We moeten beter", zei de teleurgestelde trainer.'),
        'We moeten beter', 'Joost Kalverdam', 'trainer',
        id='disappointed_coach_nl'),
    pytest.param(
        'en',
        ('Coach Jim Varsko lost on Sunday.\nClub president Tom Fakename later criticised the '
         'defence.\n"We must improve," said the frustrated coach.'),
        'We must improve', 'Jim Varsko', 'coach',
        id='frustrated_coach_en'),
]


def attribution_of(text: str, language: str, quoted: str) -> Attribution | None:
    analysis = ANALYZER.analyze(Document("test.txt", text, language))
    for finding in analysis.findings:
        if finding.quote.depth == 0 and quoted in finding.quote.text:
            return finding.attribution
    raise AssertionError(f"no quote holding {quoted!r}")


@pytest.mark.parametrize(("language", "text", "quoted", "speaker", "mention"), CASES)
def test_qualified_subject(language: str, text: str, quoted: str, speaker: str,
                           mention: str) -> None:
    found = attribution_of(text, language, quoted)
    assert found is not None
    assert (found.speaker, found.mention) == (speaker, mention)


def test_indefinite_article_keeps_the_subject_unnamed() -> None:
    found = attribution_of(
        'Coach Jim Varsko lost on Sunday.\nClub president Tom Fakename later criticised the '
        'defence.\n"We must improve," said a frustrated coach.', 'en', 'We must improve')
    assert found is None or found.speaker is None
