"""Speaker attribution for a body's noun ("la empresa afirmó", "asegura la entidad") when
the body is named only as a preposition's complement (issue 12): where the text names no
other body, the one named as a complement speaks rather than the bare noun. Every name and
body here is fictional."""

from __future__ import annotations

import pytest

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
