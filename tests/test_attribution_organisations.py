"""Speaker attribution for organisations and exchanges between several people (issue 12):
a statement as a speech verb's subject ("…», añade el comunicado") is the words of the one
quoted before it, or of the company the text names; a company the tables do not list
speaks through "the company" once it was quoted; a name with a role set off by commas
("Jane Example, porte-parole du parti, décrit …") is the speaker, not the role ranked
anew; a quote alone in brackets after a name is that person's. Every name, body and
company here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("es", "La Casa Blanca declaró hoy que “el vicepresidente Olmo Varsko habló ayer con la "
           "presidenta”.\n\nLa presidenta Elna Kesselbrink lo confirmó. “El vicepresidente "
           "exhortó a la presidenta a cumplir con el compromiso”, añade el comunicado.",
     "Casa Blanca"),
    ("en", "On Friday, Varskotech said that \"the outage was caused by an incorrect "
           "process.\"\n\nMinister Elna Kesselbrink asked for a report. \"We apologize to "
           "every customer,\" said the statement.", "Varskotech"),
    # Nobody quoted before: the company the text names, not the judge.
    ("pt", "A Varskogás ainda não recebeu a decisão da juíza Elna Kesselbrink. \"A empresa "
           "continua convicta de que sempre cumpriu a lei\", observa o comunicado.",
     "Varskogás"),
])
def test_a_statement_speaking_is_its_owners(language: str, text: str, speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


@pytest.mark.parametrize(("language", "text"), [
    # "in a statement", "em nota": the statement is no subject; the person before speaks.
    ("pt", "A ministra Elna Varsko negou o pedido. \"Informo que não pretendo sair do "
           "governo\", disse em nota."),
    ("en", "Minister Elna Varsko denied the report. \"I am not leaving,\" she said in a "
           "statement."),
])
def test_a_statement_after_a_preposition_is_no_subject(language: str, text: str) -> None:
    assert speaker_names(text, language)[-1] == "Elna Varsko"


def test_the_company_is_the_company_quoted_before() -> None:
    text = ("Varskotech announced that it would credit its customers, according to the "
            "White House.\n\"We apologize for the outage,\" Varskotech said in a statement."
            "\nThe company added that its priority is to \"keep customers connected.\"")
    assert speaker_names(text, "en")[-1] == "Varskotech"


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("fr", "Un tweet qui fait réagir Denis Kesselbrink, qui répond : \"Un seul tweet, une "
           "forme d'exploit.\" Sur le plateau, Julien Varsko, porte-parole du Parti "
           "Fictif, décrit une comparaison \"délicate\".", "Julien Varsko"),
    ("es", "Lo dijo Pedro Kesselbrink: \"No lo sabemos.\" Después, Ana Varsko, portavoz del "
           "Partido Ficticio, calificó la idea de \"absurda\".", "Ana Varsko"),
])
def test_a_name_before_its_role_in_apposition_speaks(language: str, text: str,
                                                     speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("de", "„Wir werden das verhindern“, sagte Ewald Kesselbrink. Vor ihm hatten sich "
           "schon Trainer wie Florian Varsko („der größte Unsinn aller Zeiten“) über die "
           "Regel beschwert.", "Florian Varsko"),
    ("en", "\"We will stop it,\" Jane Kesselbrink said. Others, such as Peter Varsko (\"the "
           "silliest rule ever\"), agreed.", "Peter Varsko"),
])
def test_a_quote_in_brackets_after_a_name_is_theirs(language: str, text: str,
                                                    speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("fr", "Le ministère ajoute qu’un tel acte est inacceptable, soulignant que “toute "
           "personne impliquée sera poursuivie.”", "ministère"),
    ("nl", "De brug blijft dicht. “We onderzoeken wat er is gebeurd”, zegt de politie.",
     "politie"),
    ("en", "The bridge stays closed. \"We are looking into what happened,\" the ministry "
           "said.", "ministry"),
])
def test_a_body_named_by_its_noun_alone_speaks_as_named(language: str, text: str,
                                                         speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


def test_a_body_noun_still_takes_the_organisation_named_before() -> None:
    text = ("Het Ministerie van Fictieve Zaken onderzoekt de zaak. “We weten nog niets”, "
            "zegt het ministerie.")
    # The body as named ("Ministerie", capitalized), not the noun the verb has.
    assert speaker_names(text, "nl")[-1] in ("Ministerie", "Ministerie van Fictieve Zaken")


def test_a_capitalized_word_after_the_neuter_article_is_no_person() -> None:
    # "het Rijk" is the state, though "Rijk" is also a first name.
    text = ("Wethouder Dennis Varsko sprak dinsdag met de bewoners.\n\nEen ton komt vanuit "
            "het Rijk. \"Het is ingewikkelder dan gedacht.\"")
    assert speaker_names(text, "nl")[-1] == "Dennis Varsko"


@pytest.mark.parametrize(("language", "text"), [
    ("es", "El torneo terminó el sábado. Ana Varsko, patrocinadora de la Liga Ficticia, "
           "comunicó que \"no tiene cabida en el deporte\"."),
    ("pt", "O jogo terminou no sábado. Ana Varsko, patrocinadora da Liga Fictícia, comunicou "
           "que \"não tem lugar no esporte\"."),
])
def test_a_name_after_a_preposition_and_article_is_a_complement(language: str,
                                                                text: str) -> None:
    assert speaker_names(text, language)[-1] == "Ana Varsko"


@pytest.mark.parametrize(("language", "text", "not_speaker"), [
    ("de", "Die Debatte wurde hitzig. Peter Kesselbrink griff an. Christian Varsko antwortete "
           "ruhig.\n\n„Herr Varsko, bleiben Sie bitte bei den Fakten!“, sagte er.",
     "Christian Varsko"),
    ("es", "Margarita Varsko publicó otro mensaje en X. “No voy a callarme”, escribió Varsko."
           "\n\n“Ajá Margarita, ni nombrarla, ni darle clic a sus mensajes.”",
     "Margarita Varsko"),
    ("en", "The debate grew heated. Senator Jeanne Varsko spoke first.\n\n\"Senator Varsko, "
           "the former president came here to campaign for you. Will you thank him?\"",
     "Jeanne Varsko"),
])
def test_the_one_a_quote_opens_by_addressing_is_not_its_speaker(
        language: str, text: str, not_speaker: str) -> None:
    assert speaker_names(text, language)[-1] != not_speaker


def test_the_one_addressed_is_the_other_in_an_exchange() -> None:
    text = ("Die Debatte wurde hitzig. Peter Kesselbrink griff an. Christian Varsko antwortete "
            "ruhig.\n\n„Herr Varsko, bleiben Sie bitte bei den Fakten!“, sagte er.")
    assert speaker_names(text, "de")[-1] == "Peter Kesselbrink"


@pytest.mark.parametrize("text", [
    "De brug blijft dicht. ,,We onderzoeken wat er is gebeurd’’, zegt burgemeester Elna "
    "Varsko.",
    "De brug blijft dicht. ,,We onderzoeken wat er is gebeurd\", zegt burgemeester Elna "
    "Varsko.",
])
def test_dutch_low_commas_close_with_typed_marks(text: str) -> None:
    assert speaker_names(text, "nl") == ["Elna Varsko"]


def test_a_statement_opening_with_its_issuer_is_the_issuers() -> None:
    text = ("La piloto Ximena Varsko, de Varskojet, publicó un mensaje que la aerolínea "
            "lamentó.\n\n“Varskojet lamenta la inaceptable publicación atribuida a uno de sus "
            "colaboradores”, dice un comunicado.")
    assert speaker_names(text, "es")[-1] == "Varskojet"


def test_a_statement_opening_with_a_body_named_nowhere_before_is_the_bodys() -> None:
    text = ("A polícia confirmou a ocorrência. “A Secretaria de Segurança de Varsópolis "
            "informa que equipes foram acionadas para o local”, explica um comunicado.")
    assert speaker_names(text, "pt")[-1] == "Secretaria de Segurança de Varsópolis"



def test_a_quote_opening_with_a_body_is_no_statement_without_one() -> None:
    # No statement noun beside the quote: the minister speaks of the government.
    text = ("El Gobierno respondió a la presidenta regional. La ministra Isabel Varsko habló "
            "el lunes.\n\n“El Gobierno aquí no tiene nada que ver”, afirmó.")
    assert speaker_names(text, "es")[-1] == "Isabel Varsko"


def test_a_bodys_name_in_apposition_after_its_noun_is_the_body() -> None:
    text = ("“Respingiamo ogni accusa del sindacato”. Lo dice la società chiamata in causa "
            "dalla Uilvar, la Varsella Italy, con sede a Prossedi.")
    assert speaker_names(text, "it")[0] == "Varsella Italy"
