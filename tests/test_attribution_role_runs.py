"""Speaker attribution (issue 12): role references and the names they stand for. Short
invented passages; every person here is fictional."""

from __future__ import annotations

import pytest

from quotes import lang
from quotes.attribute.rules import Document
from quotes.attribute.tokens import parse
from tests.test_attribution_mentions import ANALYZER, speaker_of

CASES = [
    pytest.param((
        'fr',
        ("Lucien Brachet s'est rendu sur place lundi. Le préfet de police des "
         "Monts-du-Varsac Octave de Varsière a déclaré mardi qu'il "
         '"ne dispose d\'aucun élément nouveau" sur cette affaire.'),
        'aucun élément nouveau', 'Octave de Varsière'),
        id='office_and_place_before_the_name_fr'),
    pytest.param((
        'es',
        ('El senador Tomás Varela Ruiz elogió el informe del presidente Aurelio Montalbán. '
         'En entrevista, dijo que al presidente se le vio con una actitud "reflexiva y '
         'tranquila" durante el acto.'),
        'reflexiva y', 'Tomás Varela Ruiz'),
        id='role_after_a_preposition_is_no_subject_es'),
    pytest.param((
        'nl',
        ('Zorgminister Anton Verbeek heeft zich beklaagd over de vragen die het Kamerlid '
         'Joris Smeets heeft gesteld. Verbeek sprak van een enorme belasting voor zijn '
         'ministerie. "Ik vind dit niet gepast", zei Verbeek. In een reactie zei het '
         'Kamerlid: "Ik stel de vragen die nodig zijn."'),
        'Ik stel de vragen', 'Joris Smeets'),
        id='a_minister_is_not_the_member_of_parliament_nl'),
    pytest.param((
        'it',
        ('Livia Marchetti ha replicato a Ornella Bassani, che l’aveva chiamata in causa '
         'sulla nomina di Bruno Ferlazzo. "Io non rispondo? Ieri l’ho chiamata per dirle '
         'di smettere", ha detto la segretaria Dem.'),
        'Io non rispondo', 'Livia Marchetti'),
        id='party_word_after_the_role_is_no_name_it'),
    pytest.param((
        'es',
        ('La concejalía instaló ayer una grúa en la Calle Mayor.\n\nSin embargo, la '
         'propietaria del bar La Gaviota, Rosa Elvira Montaño, se mostró muy decepcionada '
         'con la medida e informó de que «nadie nos avisó de las obras».'),
        'nadie nos avisó', 'Rosa Elvira Montaño'),
        id='person_in_apposition_after_a_bar_es'),
    pytest.param((
        'pt',
        ('A entrevista de Caio Albuquerque após a derrota do Aurora para o Ipiranga começou '
         'tensa. O português considerou que o Aurora fez uma partida de qualidade, mas pouco '
         'eficaz.\n\n"Conseguimos controlar muito a profundidade do adversário", disse o '
         'treinador.'),
        'Conseguimos controlar', 'Caio Albuquerque'),
        id='club_written_with_its_article_is_no_coach_pt'),
    pytest.param((
        'fr',
        ('La réaction de Lucien Daverne a été la plus partagée sur Twitter. L’ancien '
         'animateur de télévision, qui a construit sa renommée avec l’émission « Horizons » '
         'considère que la « nouvelle donne politique » ouvre une chance.'),
        'nouvelle donne', 'Lucien Daverne'),
        id='quoted_programme_title_is_no_speaker_fr'),
    pytest.param((
        'nl',
        ('Het Openbaar Ministerie onderzoekt de bedreiging. De burgemeester reageerde '
         'geschokt: "Wat ik echt niet begrijp is waarom niemand met mij praat."'),
        'Wat ik echt niet begrijp', None),
        id='a_mayor_is_no_public_prosecutor_nl'),
    pytest.param((
        'nl',
        ('De partij koos Louis Hermsen als lijsttrekker. "Wij betreuren deze gang van '
         'zaken", zei Hermsen. Voorzitter Ben van de Kamphorst wil de verklaring niet '
         'verder toelichten. ,,We gaan over tot de orde van de dag."'),
        'We gaan over', 'Ben van de Kamphorst'),
        id='first_name_that_is_a_verb_after_a_role_nl'),
    pytest.param((
        'id',
        ('MAMASA - Gubernur Nusa Selatan Darmawan Kusuma (DKS) merespons keluhan warga soal '
         'air bersih dari PDAM Tirta Lestari. “Nanti saya kasih anggaran untuk penanganan,” '
         'kata DKS saat menghadiri rapat di Aula Kantor Bupati.'),
        'Nanti saya kasih', 'Darmawan Kusuma'),
        id='short_name_in_brackets_cuts_the_office_id'),
]


@pytest.mark.parametrize('case', CASES)
def test_the_speaker_of_a_role_reference(case: tuple[str, str, str, str | None]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker


def test_two_surnames_side_by_side_are_two_people() -> None:
    # "beet Kolder Hemmes toe": each surname is used alone elsewhere; side by side they
    # are the one speaking and the one spoken to, not one name.
    text = ('Bram Kolder kan niet tegen kritiek. Joost Hemmes wees erop dat het niet kan. '
            '“Dat moet anders”, aldus Hemmes. Kolder was boos. “Waar bemoei je je mee?”, '
            'beet Kolder Hemmes toe.')
    doc = Document.read(text, parse(ANALYZER.nlp_for('nl'), text), lang.get('nl'), None,
                        [(text.index('Waar'), text.index('?”') + 1)])
    names = [m.name for m in doc.people.mentions if m.start > text.index('beet')]
    assert names == ['Kolder', 'Hemmes']
