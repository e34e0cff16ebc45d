"""Organisations speaking (issue 12): a body named by its common noun ("la compañía",
"die Polizei", "la gendarmerie") is the organisation the text named, a name a body's noun
introduces ("la empresa Varskobräu") is an organisation wherever the text writes it, and a
body named only as a preposition's complement ("denúncia do Sindicato …") is not the one
speaking. Every name, body and company here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("language", "text", "speaker"), [
    # The company the noun introduced, not the team it sponsors.
    ("es", "La empresa Varskobräu, patrocinadora oficial de la Selección Ficticia, anunció "
           "su apoyo a las jugadoras.\n\n“Varskobräu quiere resaltar que continuará "
           "apoyando a las jugadoras”, apostilla la compañía.", "Varskobräu"),
    # The name right after the noun is the subject, an apposition before the verb.
    ("es", "La alcaldesa Elna Kesselbrink habló el lunes. La empresa Varskotech, principal "
           "patrocinadora de la Selección Ficticia, dijo que cualquier actitud machista “no "
           "tiene cabida en el deporte”.", "Varskotech"),
    # A name in capitals the noun introduces is a name all the same.
    ("es", "Un avión de la compañía VARSKAIR cayó cerca de Medellín. La carta indica que "
           "VARSKAIR está a disposición de las autoridades.\n\"VARSKAIR colabora con la "
           "investigación\", concluyó la carta.", "VARSKAIR"),
    ("fr", "Un incendie a touché la mairie de Varskoville. La gendarmerie précise "
           "qu'« aucune piste n'est exclue ».", "gendarmerie"),
    # A compound ending in a body's noun is a body: a lone German noun is no name else.
    ("de", "Der Fiktivwerk-Betriebsrat nennt „rote Linien“ für den Sparkurs.",
     "Fiktivwerk-Betriebsrat"),
])
def test_a_body_named_by_its_noun_speaks(language: str, text: str, speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


def test_a_body_named_only_as_a_complement_is_not_the_statements_owner() -> None:
    text = ("A Varskogás ainda não recebeu a decisão, atendendo denúncia do Sindicato "
            "Varskoposto. \"De toda forma, a Varskogás continua convicta de que cumpre a "
            "lei\", observa o comunicado.")
    assert speaker_names(text, "pt")[-1] == "Varskogás"


def test_an_article_that_is_a_preposition_too_opens_the_subject_after_the_verb() -> None:
    # Portuguese "a" is an article and a preposition: "afirmou a Varskopol" names who spoke.
    text = ("O juiz Marco Kesselbrink autorizou as buscas. \"A investigação continua e "
            "novos mandados serão cumpridos\", afirmou a Varskopol.")
    assert speaker_names(text, "pt")[-1] == "Varskopol"


@pytest.mark.parametrize(("language", "text", "speaker"), [
    # "a" is an article here, not "to".
    ("pt", "O prefeito Pedro Varsko visitou o local. \"O suspeito já tinha sido condenado\", "
           "informou a polícia em nota.", "polícia"),
    # "pihak" stands where other languages put an article.
    ("id", "Wali Kota Budi Varsko mengunjungi lokasi. \"Pelaku sudah pernah ditahan "
           "sebelumnya,\" kata pihak kepolisian.", "kepolisian"),
    # The press office of a person titled by a role: its owner's office speaks.
    ("pt", "A assessoria do senador Renan Varsko divulgou nota na qual afirma que a decisão "
           "do ministro Marco Kesselbrink, do Supremo Tribunal Fictício, é \"contra\" o Senado.",
     "assessoria do senador Renan Varsko"),
])
def test_a_body_without_a_name_speaks_as_the_text_names_it(language: str, text: str,
                                                           speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


def test_a_body_noun_joined_to_its_owner_names_the_body() -> None:
    # "het VPF-bestuur": the party's board speaks, not the member quoted before.
    text = ("Kamerlid Pieter Varsko schreef: ‘Sponsoren hebben belang bij wijzigingen.’ In de "
            "verklaring stelt het VPF-bestuur: ‘Donateurs hebben op geen enkele manier de "
            "koers kunnen beïnvloeden.’")
    assert speaker_names(text, "nl")[-1] == "VPF-bestuur"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Mayor Elna Kesselbrink spoke on Monday. Varskotech, the country's largest firm, "
           "said any such behaviour \"has no place in sport\"."),
    ("es", "La alcaldesa Elna Kesselbrink habló el lunes. Varskotech, la mayor empresa del "
           "país, dijo que cualquier actitud machista “no tiene cabida en el deporte”."),
    ("nl", "Burgemeester Elna Kesselbrink sprak maandag. Varskotech, het grootste bedrijf van "
           "het land, zegt dat zulk gedrag \"geen plaats heeft in de sport\"."),
])
def test_a_name_opening_the_sentence_before_an_apposition_is_the_subject(
        language: str, text: str) -> None:
    assert speaker_names(text, language)[-1] == "Varskotech"
