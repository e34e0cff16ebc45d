"""A body's common noun in lowercase ("le parquet", "la mairie", "the council") stands for
the body the text named before by the same noun and its owner after a preposition ("Le
parquet de Varsac a confirmé …"), not for a place named elsewhere. A body named with a
capital ("Ministério da …") is a name the ranking reads as before. Short invented
passages; every body, place and person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

CASES = [
    pytest.param(
        'fr',
        ("Deux corps ont été retrouvés dans un bois de Varsac. Le parquet de Bordevaux a "
         "confirmé l'identité des victimes.\n« Le véhicule a été retrouvé sur place » précise "
         "le parquet."),
        'Le véhicule a été retrouvé sur place', 'parquet de Bordevaux',
        id='parquet_fr'),
    pytest.param(
        'es',
        ('Un incendio afectó a una nave en Varsillo. La alcaldía de Fictiva anunció una '
         'investigación.\n"No hubo heridos", señaló la alcaldía.'),
        'No hubo heridos', 'alcaldía de Fictiva',
        id='alcaldia_es'),
    # An acronym inside the body's name is part of it; "the trust" is a body's noun.
    pytest.param(
        'en',
        ('Patients face long waits at Varsko University Hospitals NHS Trust. The trust said '
         'it would prioritise patients with the “highest level of need” this winter.'),
        'highest level of need', 'Varsko University Hospitals NHS Trust',
        id='nhs_trust_en'),
]


@pytest.mark.parametrize(('language', 'text', 'quote', 'speaker'), CASES)
def test_a_body_noun_takes_its_earlier_full_naming(language: str, text: str, quote: str,
                                                   speaker: str) -> None:
    check_speaker(text, language, quote, speaker)


# A capitalized role word right after a capitalized body's noun ends the body's name: the
# body speaks, not a person the ranking offers.
TITLED = [
    pytest.param(
        'es',
        ('Los abogados de Rodrigo Ficticio pidieron su absolución en Varsillo. Por su parte, '
         'el Ministerio Fiscal ha apuntado que "los indicios bastan para condenar".'),
        'los indicios bastan para condenar', 'Ministerio Fiscal',
        id='ministerio_fiscal_es'),
]


@pytest.mark.parametrize(('language', 'text', 'quote', 'speaker'), TITLED)
def test_a_role_word_ending_a_body_name_is_the_body(language: str, text: str, quote: str,
                                                    speaker: str) -> None:
    check_speaker(text, language, quote, speaker)


# "el texto" is a statement noun in Spanish: as a speech verb's subject it speaks for the
# body it is of, the company named before, not for a person named after it.
STATEMENTS = [
    pytest.param(
        'es',
        ('La cadena de tiendas Varskomart emitió un comunicado tras el incendio en una de sus '
         'sucursales en Ficticia, donde el vecino Rodrigo Inventado resultó herido.\n'
         '“Lamentamos profundamente lo ocurrido”, señala el texto difundido por la compañía.'),
        'Lamentamos profundamente lo ocurrido', 'Varskomart',
        id='texto_es'),
]


@pytest.mark.parametrize(('language', 'text', 'quote', 'speaker'), STATEMENTS)
def test_a_text_speaking_is_its_bodys(language: str, text: str, quote: str,
                                      speaker: str) -> None:
    check_speaker(text, language, quote, speaker)


# "ha calificado de «…»" reports words in Spanish: the subject ("esta organización", the
# union named before) speaks them.
CALLED = [
    pytest.param(
        'es',
        ('La Unión de Guardias Ficticios (UGF) de Varsonia ha denunciado que "se ha cerrado" '
         'un cuartel para vigilar la casa del ministro de Trabajo, Rodrigo Inventado.\nPor '
         'medio de un comunicado esta organización ha calificado de "inconcebible" el cierre.'),
        'inconcebible', 'Unión',
        id='ha_calificado_es'),
]


@pytest.mark.parametrize(('language', 'text', 'quote', 'speaker'), CALLED)
def test_a_body_calling_something_says_it(language: str, text: str, quote: str,
                                          speaker: str) -> None:
    check_speaker(text, language, quote, speaker)
