"""Short quotes that complete a reported clause are the speaker's words (statements), not
scare quotes. Fictional speakers, short passages in each language."""

from __future__ import annotations

import pytest

from quotes.extract import extract_quotes

PARTIAL = [
    ("fr", "La maire fictive Elna Varsko a lancé un avertissement que le pont « tombera "
           "demain » si rien ne change.", "tombera demain"),
    ("it", "La sindaca immaginaria Elna Varsko ha diffuso un avviso secondo cui il ponte "
           "«crollerà domani» se nulla cambia.", "crollerà domani"),
    ("de", "Die fiktive Bürgermeisterin Elna Varsko sprach eine Warnung aus: Die Brücke werde "
           "\"morgen einstürzen\", wenn nichts geschehe.", "morgen einstürzen"),
    ("en", "The fictional mayor Elna Varsko told the council that the bridge was “plainly "
           "unsafe” and left.", "plainly unsafe"),
    ("pt", "A prefeita fictícia Elna Varsko afirmou que a ponte “vai cair” se nada mudar.",
     "vai cair"),
]


@pytest.mark.parametrize(("language", "text", "quote"), PARTIAL)
def test_a_short_quote_completing_a_reported_clause_is_a_statement(
    language: str, text: str, quote: str
) -> None:
    assert [q.text for q in extract_quotes(text, language).statements] == [quote]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The fictional town of Varsko opened its “green corridor” on Monday."),
    ("fr", "La ville fictive de Varsko a ouvert son « couloir vert » lundi."),
])
def test_a_short_quote_outside_reported_speech_stays_a_term(language: str, text: str) -> None:
    result = extract_quotes(text, language)
    assert result.statements == () and len(result.quotes) == 1
