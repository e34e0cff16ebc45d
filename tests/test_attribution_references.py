"""Speaker attribution (issue 12): pronouns, roles and subjectless verbs resolved to the
person meant. Mentions one particle splits ("Otávio" and "Vale Ramires" of "Otávio do Vale
Ramires") are the speaker found by the whole name, not a rival of him. A capitalized word
the text writes only after an article ("de Zweed") names nobody in Dutch either. A role
noun (a coach, an alderman, an ambassador) names the one it was given to before, also where
its complement stands between it and the name ("El entrenador del club, Marco Ruidera,"):
that sentence is not about someone else named later; and the name in apposition to a role
opening a sentence ("La alcaldesa portuaria, Marta Inventada, aseguró …") is its subject,
whom a verb without subject after it goes on from. A quote inside a sentence that names a
person before it is not the next paragraph's speaker's. A pronoun right after an unnamed
spokeswoman ("A spokeswoman for … said … She added") is hers, and she speaks for the body
she is named with, or for nobody named: not for a woman named before her. A surname after
an honorific ("de heer Kalverdam") is a man's, as much a person as a full name. A role
right before a name is that name's title, not an apposition to the one named before it;
Dutch compounds a role into one word ("defensieminister"). Where a verb needs no subject,
a term in a sentence whose speech verb names nobody ("Expresó que … son “…”") is the
likeliest person's named before. Indonesian police and military roles and ranks
("Kapolres AKBP …") are no names. Short invented
passages; every person and body here is fictional.
"""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

# (language, passage, words of the quote, the speaker it must get; "": nobody)
CASES = [
    pytest.param((
        'pt',
        ('O porta-voz da prefeitura, Otávio do Vale Ramires, afirmou que "o prefeito apenas '
         'usou uma força de expressão durante a entrevista". Vale Ramires tentou suavizar a '
         'fala do prefeito Jairo Lindolfo, afirmando que Lindolfo busca um secretário com '
         '"conhecimento técnico e muito respeito", disse o porta-voz.'),
        'conhecimento técnico', 'Otávio do Vale Ramires'),
        id='split_name_is_the_speaker_pt'),
    pytest.param((
        'nl',
        (',,Geef de beker maar meteen aan de tegenstander”, riep hij richting de vierde '
         'official. ,,Geef ze die beker maar.”\n\n,,Dat was uit frustratie, dat hoort bij '
         'voetbal”, zei de Zweed later, toen hij was afgekoeld.'),
        'Geef de beker', ''),
        id='national_after_article_is_nobody_nl'),
    pytest.param((
        'es',
        ('El entrenador del club, Marco Ruidera, habló tras el partido. Julián Ortuzar marcó '
         'dos goles y fue el mejor del equipo. "Hemos jugado muy bien y merecimos ganar", dijo '
         'el entrenador.'),
        'Hemos jugado', 'Marco Ruidera'),
        id='role_complement_apposition_es'),
    pytest.param((
        'pt',
        ('O treinador do clube, Aurélio Vasconde, falou depois do jogo. Tomás Ribalta marcou '
         'dois gols e foi o melhor da equipe. "Jogamos muito bem e merecíamos vencer", disse o '
         'treinador.'),
        'Jogamos muito', 'Aurélio Vasconde'),
        id='role_complement_apposition_pt'),
    pytest.param((
        'nl',
        ('Wethouder Marijke Vloedhorst opende woensdag de nieuwe brug. Directeur Joost '
         'Kalverdam van de bouwfirma Fictiebouw kwam iets later. "Dit is een mooie dag voor de '
         'stad", zei de wethouder.'),
        'mooie dag', 'Marijke Vloedhorst'),
        id='local_role_nl'),
    pytest.param((
        'de',
        ('Botschafterin Edda Fiktiva traf am Montag den Minister Karl Erfundmann. Erfundmann '
         'sprach lange über den Haushalt. „Wir haben viel erreicht“, sagte die Botschafterin '
         'danach.'),
        'viel erreicht', 'Edda Fiktiva'),
        id='feminine_role_de'),
    pytest.param((
        'en',
        ('The ambassador, Elna Varsko, met Tomas Brandvik on Monday. Brandvik spoke at length '
         'about the budget and the port. "We made real progress today," the ambassador said '
         'afterwards.'),
        'real progress', 'Elna Varsko'),
        id='role_apposition_en'),
    pytest.param((
        'es',
        ('La alcaldesa portuaria, Marta Inventada, aseguró el martes que el concejal Rodrigo '
         'Ficticio mintió en el pleno.\n"No vamos a ceder ante nadie", escribió en su cuenta.'),
        'No vamos a ceder', 'Marta Inventada'),
        id='name_in_apposition_to_opening_role_is_the_subject_es'),
    pytest.param((
        'nl',
        ('Een dag na het besluit van de partijtop is Joost Kalverdam nog steeds “erg verbaasd, '
         'en ook wel teleurgesteld, eerlijk gezegd. We waren goed bezig.”\n\nFictiepartij zei '
         '“zeer geschrokken” te zijn van de brieven.'),
        'erg verbaasd', 'Joost Kalverdam'),
        id='person_named_in_the_quotes_sentence_not_next_paragraph_nl'),
    pytest.param((
        'en',
        ('Mayor Elna Varsko criticised the closure of the Brightwater plant on Monday. A '
         'spokeswoman for Brightwater Foods said the decision was final. She added: “We '
         'regret the loss of these jobs.”'),
        'We regret', ''),  # she is an unnamed spokeswoman (nobody), not the mayor
        id='pronoun_after_unnamed_spokeswoman_en'),
    pytest.param((
        'de',
        ('Bürgermeisterin Erika Muster kritisierte am Montag die Schließung der Filiale. Eine '
         'Sprecherin der Fiktiva Bank sagte, die Entscheidung sei endgültig. Sie fügte hinzu: '
         '„Wir bedauern den Verlust der Arbeitsplätze.“'),
        'Wir bedauern', ''),  # an unnamed spokeswoman (nobody), not the mayor, as in en
        id='pronoun_after_unnamed_spokeswoman_de'),
    pytest.param((
        'nl',
        ('Gisteren sprak Joost Ribalta lang in de raad over de haven. Na de pauze kreeg de heer '
         'Kalverdam het woord. “Dit plan is onhaalbaar en te duur”, zei hij.'),
        'Dit plan', 'Kalverdam'),
        id='surname_after_honorific_is_a_person_nl'),
    pytest.param((
        'nl',
        ('Joost Ribalta stelde dinsdag vragen aan defensieminister Anouk Vermeer over de '
         'kazerne. “Dat beslissen we pas na de zomer”, zei de defensieminister.'),
        'Dat beslissen', 'Anouk Vermeer'),
        id='compound_role_titles_the_name_after_it_nl'),
    pytest.param((
        'en',
        ('Tomas Brandvik questioned ambassador Elna Varsko about the new port on Tuesday. “We '
         'will decide after the summer,” the ambassador said.'),
        'We will decide', 'Elna Varsko'),
        id='role_titles_the_name_after_it_not_the_one_before_en'),
    pytest.param((
        'es',
        ('La alcaldesa Marta Inventada habló el lunes ante la prensa sobre el puerto.\n\n'
         'Expresó que las reuniones semanales con los vecinos del barrio antiguo son “su '
         'manera de escuchar” y una forma de rendir cuentas.'),
        'su manera', 'Marta Inventada'),
        id='term_after_subjectless_speech_verb_es'),
    pytest.param((
        'id',
        ('Kapolres AKBP Agus Wicaksono membantah tuduhan yang disampaikan mantan anggotanya, '
         'Rudi Hartawan, pada Minggu.\n\n“Itu sama sekali tidak benar dan tidak berdasar,” '
         'jelas Kapolres kepada wartawan di rumah dinasnya.'),
        'Itu sama sekali', 'Agus Wicaksono'),
        id='police_rank_and_role_are_no_name_id'),
    pytest.param((
        'fr',
        ("L'entraîneur du club, Marc Dufresnel, a parlé après le match. Julien Ortavel a marqué "
         'deux buts et a été le meilleur joueur. « Nous avons très bien joué ce soir », a '
         "déclaré l'entraîneur."),
        'Nous avons très bien', 'Marc Dufresnel'),
        id='role_complement_apposition_fr'),
    pytest.param((
        'it',
        ("L'allenatore della squadra, Marco Ruffinetti, ha parlato dopo la partita. Giulio "
         'Ortesani ha segnato due gol ed è stato il migliore in campo. «Abbiamo giocato molto '
         "bene», ha detto l'allenatore."),
        'Abbiamo giocato', 'Marco Ruffinetti'),
        id='role_complement_apposition_it'),
]


@pytest.mark.parametrize("case", CASES)
def test_reference_resolves_to_the_person_meant(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, expected = case
    assert (speaker_of(text, language, quoted) or "").casefold() == expected.casefold()
