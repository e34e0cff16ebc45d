"""Speaker ranking among several people (issue 12): a role's gender read from its article,
turn-taking in a two-person exchange with a dropped subject, a person named after the
pronoun in its own sentence being its object, and a lone word's first-name gender not
counting. Short invented passages; every name here is fictional."""

from __future__ import annotations

import pytest

from quotes.attribute.ranking import _agreement, weights
from quotes.models import Document
from quotes.pipeline import Analyzer

ANALYZER = Analyzer()


def speaker_names(text: str, language: str) -> list[str | None]:
    analysis = ANALYZER.analyze(Document("test.txt", text, language))
    return [f.attribution.speaker if f.attribution else None
            for f in analysis.findings if f.quote.depth == 0]


# --- a role agrees with the person in gender, as its article says ---------------------------

ROLE_GENDER = [
    pytest.param("es", "Tomás Ejemplar presentó el proyecto junto a Lucía Muestrario el lunes. "
                 "«El puente abrirá en mayo», dijo la portavoz.", "Lucía Muestrario", id="es"),
    pytest.param("fr", "Pierre Exemplaire a présenté le projet avec Claire Modèle. « Le pont "
                 "ouvrira en mai », a déclaré la porte-parole.", "Claire Modèle", id="fr"),
    pytest.param("pt", "Joana Exemplar acompanhou a visita. Paulo Modelo apresentou a obra aos "
                 "vereadores. «A ponte abre em maio», disse a porta-voz.", "Joana Exemplar",
                 id="pt"),
    pytest.param("it", "Marta Esempina ha seguito la visita. Paolo Provetti ha presentato il "
                 "progetto ai consiglieri. «Il ponte aprirà a maggio», ha detto la portavoce.",
                 "Marta Esempina", id="it"),
    pytest.param("es", "Lucía Muestrario presentó el proyecto junto a Tomás Ejemplar el lunes. "
                 "«El puente abrirá en mayo», dijo el portavoz.", "Tomás Ejemplar",
                 id="es-masculine"),
]


# --- turns: in a two-person exchange a dropped subject is the one whose turn it is -----------

TURNS = [
    pytest.param("es", "Lucía Muestrario se reunió con Tomás Ejemplar en el ayuntamiento. "
                 "«¿Cuándo abrirá el puente?», preguntó Lucía Muestrario. «En mayo, si no "
                 "llueve», respondió Tomás Ejemplar. «Eso dijeron el año pasado», replicó.",
                 ["Lucía Muestrario", "Tomás Ejemplar", "Lucía Muestrario"], id="es-pro-drop"),
    pytest.param("it", "Marta Esempina ha incontrato Paolo Provetti in municipio. «Quando apre "
                 "il ponte?», ha chiesto Marta Esempina. «A maggio, se non piove», ha risposto "
                 "Paolo Provetti. «Lo avevate detto anche l'anno scorso», ha replicato.",
                 ["Marta Esempina", "Paolo Provetti", "Marta Esempina"], id="it-pro-drop"),
]


@pytest.mark.parametrize(("language", "text", "speakers"), TURNS)
def test_a_reply_without_subject_goes_back_to_the_one_who_spoke_before_last(
    language: str, text: str, speakers: list[str]
) -> None:
    assert speaker_names(text, language) == speakers


# --- a person named after the pronoun in its sentence is its object -------------------------

OBJECTS = [
    pytest.param("en", "Mark Sampleton listened. Tom Exampleford presented the plan. \"The "
                 "bridge is late,\" he told Exampleford.", "Mark Sampleton", id="en"),
    pytest.param("es", "Tomás Ejemplar escuchaba. Pablo Muestrario presentó el plan. «El puente "
                 "va tarde», le dijo él a Muestrario.", "Tomás Ejemplar", id="es"),
]


def test_the_object_feature_weighs_against_a_candidate() -> None:
    assert weights()["pronoun"]["same_clause"] < 0


# --- gender agreement --------------------------------------------------------------------------


def test_a_lone_word_that_is_also_a_first_name_tells_no_gender() -> None:
    # "Marta" alone may be a surname ("Paulo Sérgio Marta") or a place: no evidence.
    assert _agreement("m", "Marta", "person") == 0.0
    assert _agreement("m", "Paulo Marta", "person") == 1.0
    assert _agreement("f", "Paulo Marta", "person") == -1.0
    assert _agreement("p", "Casa Exemplar", "organisation") == 1.0
    assert _agreement(None, "Paulo Marta", "person") == 0.0


def test_a_pronoun_of_two_readings_agrees_with_either() -> None:
    # de "sie", nl "zij": she or they.
    assert _agreement("fp", "Erika Muster", "person") == 1.0
    assert _agreement("fp", "Paul Muster", "person") == -1.0
    assert _agreement("fp", "Stadtwerke Beispielstadt", "organisation") == 1.0
    assert _agreement("f", "Stadtwerke Beispielstadt", "organisation") == -1.0


# --- a term in an opinion sentence opened by a pronoun ---------------------------------------

OPENED_BY_PRONOUN = [
    pytest.param("nl", "Pieter Voorbeeldt sprak dinsdag in de Kamer. Hij vindt het onnodig dat "
                 "Jan Proefmans „ineens wegliep” uit het overleg.", "Pieter Voorbeeldt", id="nl"),
    pytest.param("fr", "Pierre Exemplaire s'est exprimé mardi à l'Assemblée. Il juge que le "
                 "départ de Paul Modèle était « inutile » et regrettable.", "Pierre Exemplaire",
                 id="fr"),
    pytest.param("it", "Marco Esempione ha parlato martedì alla Camera. Lui ritiene che l'uscita "
                 "di Paolo Provetti sia stata « inutile ».", "Marco Esempione", id="it"),
    pytest.param("en", "Mark Sampleton spoke in the chamber on Tuesday. He thinks that Tom "
                 "Exampleford's walkout was \"needless\" and rude.", "Mark Sampleton", id="en"),
]



@pytest.mark.parametrize(("language", "text", "speaker"),
                         [*ROLE_GENDER, *OBJECTS, *OPENED_BY_PRONOUN])
def test_the_one_speaker_among_several_people(language: str, text: str, speaker: str) -> None:
    """A role agrees in gender with the person; a pronoun is not the person its own sentence
    names after it; a term's sentence opened by a pronoun is that pronoun's person's."""
    assert speaker_names(text, language) == [speaker]


# --- a quote alone after a sentence about someone: ranked, not the last person known --------

AFTER_A_SENTENCE = [
    pytest.param("nl", "„We stoppen ermee”, zei Piet Testman maandag.\n\nKamerlid Anna Voorbeeld "
                 "zegt dat minister Jan Proefmans is misleid door Piet Testman. „Ik schrik daar "
                 "van.”", "Anna Voorbeeld", id="nl"),
    pytest.param("fr", "« Nous arrêtons », a dit lundi Luc Essai.\n\nLa députée Claire Modèle "
                 "estime que le ministre Paul Exemple a été trompé par Luc Essai. « Je suis "
                 "consternée. »", "Claire Modèle", id="fr"),
    pytest.param("es", "«Lo dejamos aquí», dijo el lunes Tomás Prueba.\n\nLa diputada Lucía "
                 "Muestrario sostiene que el ministro Pablo Ejemplo fue engañado por Tomás "
                 "Prueba. «Estoy consternada.»", "Lucía Muestrario", id="es"),
    pytest.param("en", "\"We are stopping,\" Tom Testman said on Monday.\n\nLawmaker Anna "
                 "Sampleton says that minister John Exampleford was misled by Tom Testman. \"I "
                 "am shocked.\"", "Anna Sampleton", id="en"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), AFTER_A_SENTENCE)
def test_a_quote_after_a_sentence_is_its_subjects_not_the_earlier_speaker_it_names_last(
    language: str, text: str, speaker: str
) -> None:
    assert speaker_names(text, language)[-1] == speaker
