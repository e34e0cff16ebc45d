"""An unnamed spokesperson names nobody (the attribution benchmark's convention, issue 12):
not the organisation named beside or before them, nor the last person named. A named
spokesperson keeps the name, and a body speaking on its own stays the body. Short
invented passages; every person and organisation here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

# (language, passage, words of the quote, the speaker it must get; None: nobody)
CASES = [
    pytest.param(
        'de',
        ('Bürgermeisterin Erika Muster kritisierte die Schließung. „Die Entscheidung ist '
         'endgültig“, sagte eine Sprecherin der Fiktiva Bank am Montag.'),
        'Die Entscheidung ist endgültig', None,
        id='spokeswoman_of_a_named_bank_de'),
    pytest.param(
        'de',
        ('Die Gewerkschaft Varskoverdi will den Druck erhöhen. „Wir weiten die Streiks '
         'aus“, sagte ein Varskoverdi-Sprecher.'),
        'Wir weiten die Streiks aus', None,
        id='spokesman_joined_to_the_union_de'),
    pytest.param(
        'es',
        ('El alcalde Rodrigo Ficticio criticó el cierre. "La decisión es firme", dijo una '
         'portavoz de Zentrix Energía.'),
        'La decisión es firme', None,
        id='spokeswoman_of_a_company_es'),
    pytest.param(
        'fr',
        ('Le maire Paul Inventé a dénoncé la fermeture. « La décision est définitive », a '
         'déclaré un porte-parole de la société Varskotel.'),
        'La décision est définitive', None,
        id='spokesman_of_a_company_fr'),
    pytest.param(
        'it',
        ('Il sindaco Marco Fittizio ha criticato la chiusura. "La decisione è definitiva", '
         'ha detto un portavoce di Varskogas.'),
        'La decisione è definitiva', None,
        id='spokesman_of_a_company_it'),
    pytest.param(
        'pt',
        ('O prefeito Tiago Inventado criticou o fechamento. "A decisão é definitiva", '
         'afirmou um porta-voz da Varskotex.'),
        'A decisão é definitiva', None,
        id='spokesman_of_a_company_pt'),
    pytest.param(
        'nl',
        ('Wethouder Joost Kalverdam is boos over de sluiting. “Het besluit staat vast”, '
         'laat een woordvoerster van Varskobank weten.'),
        'Het besluit staat vast', None,
        id='spokeswoman_of_a_bank_nl'),
    # The same unnamed spokesperson taken up again by the role alone, paragraphs later.
    pytest.param(
        'de',
        ('Vier Tage danach gebe es keine Spur, teilte ein Polizeisprecher mit. Die Beamten '
         'sprachen mit dem Besitzer Karl Beispielmann.\n\nAuch die Kameras des Ladens '
         'wurden geprüft und würden ausgewertet, hieß es. Die Ermittler suchen Zeugen.\n\n'
         '„Wir ermitteln in alle Richtungen“, so der Sprecher.'),
        'Wir ermitteln in alle Richtungen', None,
        id='the_spokesman_again_de'),
    pytest.param(
        'nl',
        ('Het afval is opgeruimd, meldt een politiewoordvoerder. Agenten spraken met '
         'eigenaar Joost Kalverdam.\n\nDe buurt is geschrokken.\n\n“We zoeken getuigen”, '
         'aldus de woordvoerder.'),
        'We zoeken getuigen', None,
        id='the_spokesman_again_nl'),
    # Contrasts: a named spokesperson, and a body that speaks itself, keep their speaker.
    pytest.param(
        'es',
        ('El alcalde Rodrigo Ficticio criticó el cierre. "La decisión es firme", dijo la '
         'portavoz de Zentrix, Lucía Varsko.'),
        'La decisión es firme', 'Lucía Varsko',
        id='named_spokeswoman_keeps_her_name_es'),
    pytest.param(
        'nl',
        ('Wethouder Joost Kalverdam is boos over de sluiting. “Het besluit staat vast”, '
         'laat Varskobank weten.'),
        'Het besluit staat vast', 'Varskobank',
        id='the_body_itself_speaks_nl'),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), CASES)
def test_spokesperson(language: str, text: str, quoted: str, speaker: str | None) -> None:
    check_speaker(text, language, quoted, speaker)


# A sentence that opens with an indefinite and names nobody before its speech verb has an
# unnamed speaker, however long its subject; a name or pronoun there is the subject.
OPENING_INDEFINITE = [
    pytest.param(
        'en',
        ('Jane Example chaired the meeting on Monday.\n\nA neighbour living across the '
         'street who wished to remain anonymous, said: “The music went on all night.”'),
        'The music went on all night', None, id='unnamed_neighbour_en'),
    pytest.param(
        'en',
        ('Jane Example chaired the meeting on Monday.\n\nOne parent, a 39-year-old mother '
         'of two, said: “The school has changed a lot.”'),
        'The school has changed a lot', None, id='unnamed_parent_with_apposition_en'),
    pytest.param(
        'en',
        ('Jane Example chaired the meeting on Monday.\n\nA day later, Tom Sample said: '
         '“The school has changed a lot.”'),
        'The school has changed a lot', 'Tom Sample', id='a_name_after_the_indefinite_en'),
    pytest.param(
        'en',
        ('Jane Example chaired the meeting on Monday.\n\nA day later she said: “The '
         'school has changed a lot.”'),
        'The school has changed a lot', 'Jane Example', id='a_pronoun_after_the_indefinite_en'),
]


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), OPENING_INDEFINITE)
def test_sentence_opening_with_an_indefinite(language: str, text: str, quoted: str,
                                              speaker: str | None) -> None:
    check_speaker(text, language, quoted, speaker)
