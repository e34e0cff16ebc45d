"""An attribution set between commas inside the quote's own marks, its speech verb first
("« En ville, explique la préfète X, le dispositif … »"): the aside's subject speaks, not
the last person named before the quote. An ordinary clause between commas attributes
nothing. Short invented passages; every person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

# Each passage names someone else right before the quote, whom ranking would pick.
CASES = [
    pytest.param(
        'fr',
        ('La réunion a eu lieu en présence du procureur Paul Inventé.\n« En ville, explique '
         'la préfète Lina Varsko, le dispositif reste discret. »'),
        'le dispositif reste discret', 'Lina Varsko',
        id='aside_with_role_and_name_fr'),
    pytest.param(
        'fr',
        ('Le conseil a confirmé la sanction infligée par le président Paul Inventé.\n« Nous '
         "étions préparés, a précisé Lina Varsko. Cela n'entrave en rien notre motivation. »"),
        'Nous étions préparés', 'Lina Varsko',
        id='aside_ending_in_a_period_fr'),
    pytest.param(
        'it',
        ('La riunione si è svolta alla presenza del prefetto Marco Fittizio.\n"Il servizio, '
         'spiega la sindaca Lucia Varsko, resta attivo tutta la notte."'),
        'resta attivo tutta la notte', 'Lucia Varsko',
        id='aside_with_role_and_name_it'),
    pytest.param(
        'es',
        ('La reunión contó con la presencia del fiscal Rodrigo Ficticio.\n"El servicio, '
         'explicó la alcaldesa Lucía Varsko, sigue activo toda la noche."'),
        'sigue activo toda la noche', 'Lucía Varsko',
        id='aside_with_role_and_name_es'),
    pytest.param(
        'pt',
        ('A reunião contou com a presença do promotor Tiago Inventado.\n"O serviço, explicou '
         'a prefeita Lúcia Varsko, continua ativo durante a noite."'),
        'continua ativo durante a noite', 'Lúcia Varsko',
        id='aside_with_role_and_name_pt'),
    pytest.param(
        'en',
        ('The meeting was chaired by prosecutor Tom Fakename.\n"The service, said Mayor Elna '
         'Varsko, will run all night."'),
        'will run all night', 'Elna Varsko',
        id='aside_with_title_and_name_en'),
    pytest.param(
        'fr',
        ('Le maire Paul Inventé a présenté le budget lundi.\n« Hier, Lina Varsko a déclaré '
         'la guerre au budget, et tout a changé. »'),
        'Lina Varsko a déclaré la guerre', 'Paul Inventé',
        id='a_clause_between_commas_is_no_aside_fr'),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), CASES)
def test_aside(language: str, text: str, quoted: str, speaker: str | None) -> None:
    check_speaker(text, language, quoted, speaker)
