"""Exchanges between several people (issue 12): the one a sentence is about is not its
speaker. A term in a sentence whose subject is a pronoun after an opening phrase ("In
January, he slammed …, calling X's actions “…”") is the pronoun's person's words, and a
title's period ("Sen. Cory …") ends no sentence. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names

INTRO = "Senator Tom Varsko released a statement on Monday.\n\nVarsko backs the bill. "


@pytest.mark.parametrize("target", ["Cory Kesselbrink", "Sen. Cory Kesselbrink"])
def test_the_pronoun_subject_after_an_opening_phrase_speaks(target: str) -> None:
    text = (INTRO + f"In January, he slammed {target} for testifying against the nomination, "
            "calling Kesselbrink's actions \"disgraceful.\"")
    assert speaker_names(text, "en")[-1] == "Tom Varsko"


EXCHANGES = {
    "en": ('Reporter Tom Varsko interviewed Mayor Elna Kesselbrink on Monday.\n\n"Will you '
           'resign over the budget?" Varsko asked.\n\n"Never. I was elected to finish this '
           'job," Kesselbrink said.\n\n"Not even if the council votes against you?"\n\n'
           '"Not even then."'),
    "es": ('El periodista Tomás Varsko entrevistó a la alcaldesa Elna Kesselbrink.\n\n'
           '"¿Va a dimitir por el presupuesto?", preguntó Varsko.\n\n"Nunca. Fui elegida '
           'para terminar este trabajo", respondió Kesselbrink.\n\n"¿Ni siquiera si el '
           'consejo vota en su contra?"\n\n"Ni siquiera entonces."'),
    "de": ('Moderator Tom Varsko fragte Bürgermeisterin Elna Kesselbrink: „Treten Sie '
           'zurück?“ Kesselbrink antwortete: „Niemals.“ Varsko hakte nach: „Auch nicht, wenn '
           'der Rat gegen Sie stimmt?“ „Auch dann nicht.“'),
}


@pytest.mark.parametrize("language", sorted(EXCHANGES))
def test_the_one_asked_answers_and_the_one_asking_asks_again(language: str) -> None:
    speakers = [s.split()[-1] if s else None for s in speaker_names(EXCHANGES[language],
                                                                    language)]
    assert speakers == ["Varsko", "Kesselbrink", "Varsko", "Kesselbrink"]


@pytest.mark.parametrize(("language", "text"), [
    ("es", "El alcalde Pedro Varsko criticó a la concejala Ana Kesselbrink, quien había dicho "
           "que el plan era “un desastre para el barrio”."),
    ("pt", "O prefeito Pedro Varsko criticou a vereadora Ana Kesselbrink, que tinha dito que o "
           "plano era “um desastre para o bairro”."),
    ("it", "Il sindaco Pietro Varsko ha criticato la consigliera Anna Kesselbrink, che aveva "
           "detto che il piano era “un disastro per il quartiere”."),
])
def test_the_one_a_relative_clause_reports_is_not_the_one_criticising(language: str,
                                                                       text: str) -> None:
    # "que" after the clause's verb reports; the relative pronoun is the one before it.
    assert (speaker_names(text, language)[-1] or "").endswith("Kesselbrink")


def test_a_term_in_reported_speech_goes_on_with_the_one_quoted_before() -> None:
    # Konjunktiv I ("sehe", "dürfe") and no speech verb: still the ministry's words.
    text = ("Das Fiktivministerium hat der Partei Freiheit die Registrierung verweigert. Das "
            "Fiktivministerium verweist darauf, dass „das Statut der Partei nicht den Gesetzen "
            "entspricht“. Ferner sehe das Statut vor, dass die Mitgliedschaft in der Partei "
            "nicht „durch die Berufszugehörigkeit“ eingeschränkt werden dürfe.")
    assert speaker_names(text, "de")[-1] == "Fiktivministerium"


def test_a_statement_introduced_in_reported_speech_is_the_one_quoted_before() -> None:
    # "müsse": the minister is spoken of in Varsko's reported words, not speaking.
    text = ("Die Ministerin Anna Kesselbrink fiel ihm ins Wort. Das gefiel Tom Varsko nicht, "
            "er bemerkte: „Wir haben uns in dieser Sendung bisher nie unterbrochen.“ Daran "
            "müsse sich auch die Ministerin halten: „Sie ist ja zu Diplomatie verpflichtet.“")
    assert speaker_names(text, "de")[-1] == "Tom Varsko"
