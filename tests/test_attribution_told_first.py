"""Speaker attribution (issue 12): in the inverted order of the Romance languages the one
told may stand between the speech verb and its subject ("a déclaré à l'AFP la
procureure …", "ha detto a Radio Varsa il sindaco …"); a role's owner may have an owner
("la procureure de la République de Varsac, …"); an adjective may stand between a role and
the name it titles ("il presidente varsiano Aldo Ferrovi"). Short invented passages;
every person and place here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

CASES = [
    pytest.param((
        'fr',
        ("L'enquête se poursuit dans le Varsais. « Le suspect n'est pas audible pour "
         "l'instant », a déclaré à l'AFP la procureure de la République de Varsac, "
         "Odile Fabremont."),
        "Le suspect n'est pas audible", 'Odile Fabremont'),
        id='subject_after_the_agency_told_fr'),
    pytest.param((
        'it',
        ('Il consiglio si riunirà lunedì. "Non ci sono soldi per tutti", ha detto a Radio '
         'Varsa il sindaco Aldo Ferrovi.'),
        'Non ci sono soldi per tutti', 'Aldo Ferrovi'),
        id='subject_after_the_named_one_told_it'),
    pytest.param((
        'it',
        ('Brunella Castoldi aveva parlato a lungo con lui. "Auguri al nuovo governo". Lo ha '
         'scritto su Twitter il presidente varsiano Aldo Ferrovi dopo il voto.'),
        'Auguri al nuovo governo', 'Aldo Ferrovi'),
        id='adjective_between_role_and_name_it'),
    pytest.param((
        'pt',
        ('A assessoria do senador Rui Varzela divulgou nota na qual afirma a decisão do '
         'ministro Caio Brandim é “contra” o Senado.'),
        'contra', 'assessoria do senador Rui Varzela'),
        id='article_a_opens_an_object_pt'),
]


@pytest.mark.parametrize('case', CASES)
def test_the_subject_after_the_one_told_speaks(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker


def test_the_owner_of_a_roles_owner_is_no_part_of_the_name() -> None:
    text = ('“Credo che serva calma”. Lo ha detto il sottosegretario alla Presidenza del '
            'Consiglio Aldo Ferrovi, intervistato da Radio Varsa.')
    assert speaker_of(text, 'it', 'Credo che serva calma') == 'Aldo Ferrovi'
