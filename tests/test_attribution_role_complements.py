"""Speaker attribution (issue 12): a particle after a surname does not glue a party or
place to it ("Margiotta del Pd", "Vijlbrief in Garmerwolde"); a dateline's province in
brackets ("Cernobbio (Co), 6 set. –") names no one; the word a role is of ("ministro
degli Esteri", "presidente del Consiglio", "minister van Volksgezondheid") names a
portfolio or body, not a person, even where a first-name list holds it: it is neither
glued to the name after it nor taken for a speaker. Short invented passages; every
person here is fictional. A surname that is a function word too is a name after an
honorific ("Mrs May replied"). A name with the genitive "s" ("Peter Altmeiers Tweet")
ends before it where the text uses the surname alone. The capitals of a title-case line
("• Sebut Warga …") name no one. A surname opening with its particle ("liet Van der Plas
weten") is one name. A noun joined to an acronym ("PARTEI-Vorstand") titles the name
after it and is no part of it.
"""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

CASES = [
    pytest.param((
        'de',
        ('Die Partei will in den Landtag einziehen. „Wir sind bereit“, so '
         'BUND-Vorstand Fabelmann, „und wir bleiben es.“ Am Abend gab es Kuchen.'),
        'Wir sind bereit', 'Fabelmann'),
        id='noun_joined_to_acronym_titles_the_name_de'),
    pytest.param((
        'nl',
        ('De gemeenteraad sprak dinsdag over de haven. Wethouder Pieter Brandsma '
         'opende het debat. "Wij gaan hier niet over," liet Van der Verzon aan de pers '
         'weten.'),
        'Wij gaan hier niet over', 'Van der Verzon'),
        id='surname_opening_with_its_particle_is_one_name_nl'),
    pytest.param((
        'id',
        ('Bupati Rendra Fiktiwan meninjau banjir di desa itu pada Senin.\n'
         '"Kami akan membangun tanggul baru," kata Rendra.\n'
         '• Sebut Warga Kampung Tengah Marah, Camat Minta Bantuan Segera Datang\n'
         '"Bantuan sudah kami kirim kemarin."\n'),
        'Bantuan sudah', 'Rendra Fiktiwan'),
        id='title_case_line_names_no_one_id'),
    pytest.param((
        'de',
        ('Paul Fiktivmanns Tweet vom Montag ("Ich gehe jetzt nach Hause.") sorgte für '
         'Unruhe. Am Dienstag twitterte Fiktivmann wieder.'),
        'Ich gehe jetzt', 'Paul Fiktivmann'),
        id='genitive_s_is_no_part_of_the_name_de'),
    pytest.param((
        'en',
        ('Councillor Ottilie May opened the debate on the harbour. A resident asked '
         'about the fees.\n\nMrs May replied: "We will not change course."'),
        'not change course', 'Ottilie May'),
        id='function_word_after_honorific_is_a_name_en'),
    pytest.param((
        'nl',
        ('"Vandaag gaat het over de dijken", zei Verzinsel in Oosterwolde, waar hij met '
         'bewoners sprak.'),
        'over de dijken', 'Verzinsel'),
        id='place_after_particle_is_not_part_of_the_name_nl'),
    pytest.param((
        'it',
        ('“Sono nel caos ma fanno finta di nulla”. Lo dichiara il senatore Carlo '
         'Immaginetti del Pd.'),
        'nel caos', 'Carlo Immaginetti'),
        id='party_after_particle_is_not_part_of_the_name_it'),
    pytest.param((
        'it',
        ('Borgoverde (Bv), 6 set. (agenzia) – “Andiamo avanti così, senza fretta”. '
         'La riunione è durata tre ore.'),
        'Andiamo avanti', None),
        id='dateline_province_is_no_speaker_it'),
    pytest.param((
        'it',
        ('“Un piacere accogliere la delegazione di Fittavia”. Lo ha scritto su X il '
         'vicepremier e ministro degli Esteri Antonio Fittizio.'),
        'Un piacere accogliere', 'Antonio Fittizio'),
        id='portfolio_is_cut_from_the_name_after_it_it'),
    pytest.param((
        'it',
        ('“Non abbiamo nessun titolo per riferire i contenuti”. Lo ha detto il '
         'sottosegretario alla presidenza del Consiglio Alfredo Immaginario in '
         'conferenza stampa.'),
        'nessun titolo', 'Alfredo Immaginario'),
        id='body_after_role_and_preposition_is_cut_it'),
    pytest.param((
        'nl',
        ('De minister van Volksgezondheid deelt geen stukken. Oud-minister van '
         'Volksgezondheid Hugo Verzinsel sprak van "suggesties" in de Kamer.'),
        'suggesties', 'Hugo Verzinsel'),
        id='portfolio_used_alone_is_no_name_word_nl'),
    pytest.param((
        'it',
        ('La riunione del governo è finita tardi. “Si lavora, ci si confronta”, ha '
         'detto il presidente del Consiglio.'),
        'Si lavora', None),
        id='body_after_role_is_no_speaker_it'),
]




@pytest.mark.parametrize('case', CASES)
def test_role_complement(case: tuple[str, str, str, str | None]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker
