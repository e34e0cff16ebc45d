"""A body's common noun ("la empresa", "le club", "the company") speaks for a company the
tables do not list, where the text made that company a sentence's subject by its whole
name and shows nothing of a person in it (no first name, role or honorific before it).
A name a role titles stays a person's, and the noun then speaks as the text names it.
Short invented passages; every person and company here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

# The company opens the text as a subject and is named again inside a sentence (a lone
# capitalized word opening a sentence is no name by itself); a person is named after it.
CASES = [
    pytest.param(
        'es',
        ('Varskotech dio su versión del litigio. El alcalde Rodrigo Ficticio había demandado '
         'a Varskotech en mayo.\n"No hubo ningún riesgo", señaló la empresa.'),
        'No hubo ningún riesgo', 'Varskotech',
        id='company_es'),
    pytest.param(
        'fr',
        ('Varskofoot a contesté la sanction. Le maire Paul Inventé avait critiqué Varskofoot '
         'en mai.\n« Une décision disproportionnée », regrette le club.'),
        'Une décision disproportionnée', 'Varskofoot',
        id='club_fr'),
    pytest.param(
        'it',
        ('Varskogas ha risposto alle accuse. Il sindaco Marco Fittizio aveva criticato '
         'Varskogas a maggio.\n"Accuse infondate", ha detto la società.'),
        'Accuse infondate', 'Varskogas',
        id='company_it'),
    pytest.param(
        'nl',
        ('Varskobouw reageerde op de kritiek. Wethouder Joost Kalverdam had Varskobouw in mei '
         'bekritiseerd.\n"Wij zijn niet betrokken", schreef het bedrijf.'),
        'Wij zijn niet betrokken', 'Varskobouw',
        id='company_nl'),
    pytest.param(
        'en',
        ('Varskotech answered the criticism. Mayor Elna Varsko had criticised Varskotech in '
         'May.\n"There was no risk," the company said.'),
        'There was no risk', 'Varskotech',
        id='company_en'),
    pytest.param(
        'es',
        ('Varskez criticó el contrato. El alcalde Varskez había demandado a la ciudad en '
         'mayo.\n"No hubo ningún riesgo", señaló la empresa.'),
        'No hubo ningún riesgo', 'empresa',
        id='a_name_a_role_titles_is_no_company_es'),
    pytest.param(
        'en',
        ('Elna Varskotech answered the criticism. Mayor Tom Fakename had criticised Elna '
         'Varskotech in May.\n"There was no risk," the company said.'),
        'There was no risk', 'company',
        id='a_name_with_a_first_name_is_no_company_en'),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), CASES)
def test_unlisted_body(language: str, text: str, quoted: str, speaker: str | None) -> None:
    check_speaker(text, language, quoted, speaker)
