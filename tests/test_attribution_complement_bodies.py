"""Speaker attribution for a body's noun ("la empresa afirmó", "asegura la entidad") when
the body is named only as a preposition's complement (issue 12): where the text names no
other body, the one named as a complement speaks rather than the bare noun. A body's noun
introduces its name past a modifier too ("la empresa de transportes Varskomar"), and
stands between a preposition and its complement ("del sindicato Kesselcor"). Every name
and body here is fictional."""

from __future__ import annotations

import pytest

from quotes import lang, nlp
from quotes.attribute.persons import introduced_bodies
from quotes.attribute.tokens import parse
from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("es", "La policía desalojó el local. Fuentes del Club Varskense reconocen la reunión. "
           "«Se trata de una cena de un pequeño grupo», asegura la entidad deportiva.",
     "Club Varskense"),
    ("pt", "O motorista não é funcionário da empresa Varskotrans. \"Lamentamos o "
           "ocorrido e colaboramos com a investigação\", afirmou a empresa.", "Varskotrans"),
])
def test_a_body_named_only_as_a_complement_speaks_for_its_noun(
        language: str, text: str, speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


def test_a_statement_keeps_its_own_fallback() -> None:
    # "said the statement" with a body named only as a complement: the company the text
    # makes a subject, not the board it applies to.
    text = ("Varskotech will pursue an application with the Kessel Labor Relations Board, "
            "according to a statement.\nVarskotech said it is disappointed. \"We remain in "
            "contact with the union,\" said the statement.")
    assert speaker_names(text, "en")[-1] == "Varskotech"


def test_a_body_after_a_complements_noun_is_a_complement() -> None:
    # "la empresa de transportes Varskomar" names a company; "del sindicato Kesselcor" is a
    # complement, though a body's noun stands between the preposition and the name.
    text = ("La empresa de transportes Varskomar ha atribuido las denuncias a presiones en "
            "la negociación del convenio.\nEn un comunicado, la empresa se ha referido a una "
            "denuncia del sindicato Kesselcor por presuntas presiones.\nLa compañía ha "
            "expresado su \"sorpresa y decepción\" ante el hecho.")
    assert speaker_names(text, "es")[-1] == "Varskomar"


@pytest.mark.parametrize(("language", "text", "bodies"), [
    ("es", "Ayer la compañía cervecera Varskobier y la empresa de transportes Kesselmar "
           "firmaron.", {"Varskobier", "Kesselmar"}),
    # A function or reporting word before the name, or a first name: no body's name.
    ("nl", "Gisteren zei het kabinet volgens Varsko niets. Het bedrijf van Kesselmar zweeg.",
     set()),
    ("es", "La empresa contrató ayer Pedro Varsko.", set()),
])
def test_a_bodys_noun_introduces_its_name_past_a_modifier(
        language: str, text: str, bodies: set[str]) -> None:
    table = lang.get(language)
    assert introduced_bodies(parse(nlp.load(language), text), table) == bodies
