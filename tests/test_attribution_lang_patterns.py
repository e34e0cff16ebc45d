"""Speaker attribution (issue 12) in id, fr, it, nl and en, on the inverted, colon, plain,
clitic and honorific patterns: table data and general constructions the tuning failures
showed. Short invented passages; every person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

CASES = [
    pytest.param((
        'id',
        ('Polisi menutup jalan itu. "Kami sudah menurunkan personel ke lokasi," kata '
         'Kapolres Metro Jakarta Barat Kombes Darmo Kusuma kepada wartawan, Senin.'),
        'Kami sudah menurunkan personel', 'Darmo Kusuma'),
        id='rank_after_the_office_place_id'),
    pytest.param((
        'id',
        ('Warga berkumpul di depan kantor. "Situasi sudah aman dan terkendali," kata '
         'Kapolda Metro Raya, Irjen Wiryo Santosa, Selasa (4/3).'),
        'Situasi sudah aman', 'Wiryo Santosa'),
        id='rank_after_a_comma_id'),
    pytest.param((
        'id',
        ('Acara itu berlangsung meriah. "Kami mengucapkan selamat kepada semua," kata '
         'Wakapolresta Solo, AKBP Rendra Wicaksono, Jumat.'),
        'Kami mengucapkan selamat', 'Rendra Wicaksono'),
        id='deputy_police_chief_role_id'),
    pytest.param((
        'id',
        ('Komisaris Besar Darto Hamzani meminta maaf kepada wartawan. "Saya akan '
         'memanggil bawahan saya," kata Darto Hamzani di ruang kerjanya.'),
        'Saya akan memanggil', 'Darto Hamzani'),
        id='rank_of_two_words_dropped_id'),
    pytest.param((
        'id',
        ('Bupati Suparto Dirgan (SDG) meninjau lokasi banjir. Camat Yudi Pranoto ikut hadir. '
         '"Kami akan membantu warga '
         'yang terdampak," kata SDG di lokasi, Kamis.'),
        'Kami akan membantu warga', 'Suparto Dirgan'),
        id='acronym_in_brackets_id'),
    pytest.param((
        'id',
        ('Warga mengeluhkan air bersih. "Anggaran daerah akan kami gunakan untuk perbaikan," '
         'kata Gubernur Sulawesi Tenggara Rusdamo Lakawa di kantornya, Rabu.'),
        'Anggaran daerah akan kami gunakan', 'Rusdamo Lakawa'),
        id='province_after_a_regional_office_id'),
    pytest.param((
        'it',
        ('Il consigliere Piero Valsan ha parlato dopo il sindaco Carlo Brunetti. "Non abbiamo '
         'deciso nulla - aggiunge Brunetti - perché aspettiamo i dati della Regione".'),
        'Non abbiamo deciso nulla', 'Carlo Brunetti'),
        id='attribution_between_dashes_inside_the_quote_it'),
    pytest.param((
        'fr',
        ("Le conseil s'est réuni mardi avec le préfet Paul Garnot. « Nous allons continuer "
         "– a poursuivi Léa Marvaud – et nous ne lâcherons rien. »"),
        'Nous allons continuer', 'Léa Marvaud'),
        id='attribution_between_dashes_inside_the_quote_fr'),
    pytest.param((
        'it',
        ("Il consiglio comunale si è riunito ieri con il sindaco Piero Valsan.\n"
         "Brunelli: «Non ci fermeremo adesso, la strada è ancora lunga»."),
        'Non ci fermeremo adesso', 'Brunelli'),
        id='a_name_alone_before_the_colon_it'),
    pytest.param((
        'fr',
        ("La circulation est coupée depuis lundi. « Les contrôles seront renforcés dans "
         "tous les quartiers », annonce le préfet de la Somme Jean-Baptiste Marvaud "
         "dans un communiqué."),
        'Les contrôles seront renforcés', 'Jean-Baptiste Marvaud'),
        id='hyphenated_first_name_after_a_role_fr'),
    pytest.param((
        'en',
        ('Port Elwin mayor Tessa Kalwin is not letting the council off the hook.\n\n'
         '“We will not back down on the harbour plan,” her statement began.'),
        'We will not back down', 'Tessa Kalwin'),
        id='place_before_a_lowercase_role_en'),
    pytest.param((
        'pt',
        ('Os ministros do Governo Varela deixaram o cargo em março. O capitão voltou a '
         'falar do adversário. "Ele falou besteira", disse Varela.'),
        'Ele falou besteira', 'Varela'),
        id='a_person_not_the_body_named_after_them_pt'),
    pytest.param((
        'en',
        ('“I think the harbour plan works,” Ella Varsko said. “We always follow up on '
         'complaints.”\nJon Pardee wrote on Friday about the plan, saying, “It is not '
         'possible to follow up on everything.”'),
        'We always follow up', 'Ella Varsko'),
        id='next_paragraph_introducing_its_own_quote_en'),
    pytest.param((
        'fr',
        ("La route est fermée depuis lundi à Valmont.\nLe préfet de police des "
         "Bouches-du-Rhône Olivier de Varsac a déclaré mardi qu'il \"n'a pas d'éléments "
         "nouveaux\" sur l'affaire."),
        "n'a pas d'éléments nouveaux", 'Olivier de Varsac'),
        id='first_name_after_the_place_of_an_office_fr'),
    pytest.param((
        'en',
        ('Police closed the harbour road on Sunday. "It is an active scene," Elna Varsko '
         'said, according to the HarborGazette, adding: "There will be more interviews '
         'tomorrow."'),
        'There will be more interviews', 'Elna Varsko'),
        id='according_to_after_a_speech_verb_names_the_outlet_en'),
    pytest.param((
        'en',
        ('Mr Varsko earlier praised the mayor in a speech at the town hall, saying the '
         'Harbour Council “has decided”.'),
        'has decided', 'Varsko'),
        id='name_after_a_participle_is_no_speaker_en'),
    pytest.param((
        'id',
        ('Foto itu diunggah Bupati Darmo Kusuma di akunnya. Banyak pengikut memberi respon.\n'
         '"Kita besar karena bantuan orang lain," tulis @warga_fiktif'),
        'Kita besar karena bantuan', '@warga_fiktif'),
        id='a_handle_after_the_speech_verb_id'),
    pytest.param((
        'id',
        ('Presiden Darmo Kusuma membuka acara itu di istana.\n\n'
         '"Kita harus bekerja bersama," sambung Kepala Negara.'),
        'Kita harus bekerja bersama', 'Darmo Kusuma'),
        id='head_of_state_is_a_role_id'),
    pytest.param((
        'fr',
        ("Le maire Paul Garnot a reçu les élus vendredi. « Nous restons prudents pour "
         "l'instant », expliquait à notre équipe la représentante de l'Etat Léa Marvaud."),
        'Nous restons prudents', 'Léa Marvaud'),
        id='speech_verb_in_the_imperfect_fr'),
    pytest.param((
        'nl',
        ('De notulen zijn vrijgegeven. Fractieleider Jan Varsko spreekt van een "grote '
         'schande" en roept op: "opstappen!".\nDe ministers reageerden niet.'),
        'opstappen!', 'Jan Varsko'),
        id='coordinated_verb_shares_the_subject_nl'),
]


@pytest.mark.parametrize('case', CASES)
def test_the_speaker_is_named(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker


# "According to" with a pronoun: the person spoken of before; a pronoun that is also a
# possessive ("volgens haar woordvoerder") names someone else, unnamed.
ACCORDING_TO_PRONOUN = [
    ("fr", "Le maire Paul Durandeau a pris la parole lundi. Selon lui, la décision était "
           "« précipitée ».", "précipitée", "Paul Durandeau"),
    ("nl", "Burgemeester Piet Varsko sprak maandag. Volgens hem was het besluit "
           "\"overhaast\".", "overhaast", "Piet Varsko"),
    ("de", "Bürgermeister Olaf Kemmler sprach am Montag. Laut ihm war die Entscheidung "
           "„überhastet“.", "überhastet", "Olaf Kemmler"),
    ("en", "Mayor Elna Varsko spoke on Monday. According to her, the decision was "
           "\"rushed\".", "rushed", "Elna Varsko"),
    ("it", "Il sindaco Paolo Varsko ha parlato lunedì. Secondo lui, la decisione era "
           "\"affrettata\".", "affrettata", "Paolo Varsko"),
    ("nl", "Minister Anna Varsko sprak maandag. Volgens haar woordvoerder was het besluit "
           "\"overhaast\".", "overhaast", None),
    ("en", "Mayor Elna Varsko spoke on Monday. According to her spokesman, the decision was "
           "\"rushed\".", "rushed", None),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), ACCORDING_TO_PRONOUN)
def test_according_to_a_pronoun(language: str, text: str, quoted: str,
                                speaker: str | None) -> None:
    assert speaker_of(text, language, quoted) == speaker


# A town opening a capitalized run before a surname is what an office is of, not part of
# the name (towns from GeoNames, `lang.is_place`).
TOWN_BEFORE_NAME = [
    ("it", "Il vicequestore del Commissariato di Viareggio Monteleone ha spiegato: \"Al "
           "momento non è possibile attribuire una origine certa al rumore\".",
     "Al momento", "Monteleone"),
    ("nl", "De burgemeester van Utrecht Kalverdamme liet weten: \"We onderzoeken alles.\"",
     "We onderzoeken", "Kalverdamme"),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), TOWN_BEFORE_NAME)
def test_a_town_before_a_surname_is_no_part_of_the_name(
        language: str, text: str, quoted: str, speaker: str) -> None:
    assert speaker_of(text, language, quoted) == speaker


# A transcript's turn labels ("Frage:", "Question:") and German "laut Angaben" name no one.
NO_ONE = [
    ("de", "Regierungssprecher Olaf Kemmler: „Dazu sage ich nichts.“\n\nFrage: „Warum "
           "nicht?“", "Warum nicht", None),
    ("fr", "Le porte-parole Paul Durandeau : « Je ne commente pas. »\n\nQuestion : « Pourquoi "
           "? »", "Pourquoi", None),
    ("de", "Beim Spiel sind laut Angaben des Vereins „Grenzen überschritten“ worden.",
     "Grenzen", None),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), NO_ONE)
def test_turn_labels_and_sources_name_no_one(language: str, text: str, quoted: str,
                                             speaker: str | None) -> None:
    assert speaker_of(text, language, quoted) == speaker


# A people's adjective names a person by where they are from, never by their name.
PEOPLE_WORDS = [
    ("en", '"Thank you all for the support," the Serbian wrote on Instagram.', "Thank you",
     None),
    ("en", 'The Norwegian Liv Skarstad said: "We will be back next year."', "back next",
     "Liv Skarstad"),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), PEOPLE_WORDS)
def test_a_peoples_adjective_is_no_name(language: str, text: str, quoted: str,
                                        speaker: str | None) -> None:
    assert speaker_of(text, language, quoted) == speaker


# A country between a role and the name is whose role it is ("Presiden Prancis"), and a
# country alone after a role names no one by name.
COUNTRY_AFTER_ROLE = [
    ("id", '"Kami siap," kata Presiden Belanda Liv Skarstad.', "Kami siap", "Liv Skarstad"),
    ("id", 'Petenis Ranti Wulandari tiba di Jakarta. "Terima kasih atas dukungannya," tulis '
           'petenis Serbia itu.', "Terima kasih", "Ranti Wulandari"),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), COUNTRY_AFTER_ROLE)
def test_a_country_after_a_role_is_no_part_of_the_name(language: str, text: str, quoted: str,
                                                        speaker: str | None) -> None:
    assert speaker_of(text, language, quoted) == speaker
