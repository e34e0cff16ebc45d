"""Quotes whose opening mark was lost: the stray closing mark closes a quote from the
start of its line. Fictional passages in each language."""

from __future__ import annotations

import pytest

from quotes.extract import extract_quotes

LOST_OPENING = [
    ("es", "Vamos a abrir doce bibliotecas nuevas antes del verano!”, escribió la alcaldesa "
           "ficticia Elna Varsko en X.",
     "Vamos a abrir doce bibliotecas nuevas antes del verano!"),
    ("en", "The bridge will stay closed for another two winters at least.” That is what the "
           "fictional mayor Elna Varsko posted.",
     "The bridge will stay closed for another two winters at least."),
    ("de", "Wir schließen die alte Brücke für mindestens zwei weitere Winter.“, schrieb die "
           "fiktive Bürgermeisterin Elna Varsko.",
     "Wir schließen die alte Brücke für mindestens zwei weitere Winter."),
    ("fr", "Nous fermerons le vieux pont pendant encore deux hivers. » a écrit la maire "
           "fictive Elna Varsko.",
     "Nous fermerons le vieux pont pendant encore deux hivers."),
    ("it", "Chiuderemo il vecchio ponte per almeno altri due inverni.», ha scritto la sindaca "
           "immaginaria Elna Varsko.",
     "Chiuderemo il vecchio ponte per almeno altri due inverni."),
    ("nl", "We sluiten de oude brug nog minstens twee winters lang.”, schreef de fictieve "
           "burgemeester Elna Varsko.",
     "We sluiten de oude brug nog minstens twee winters lang."),
    ("pt", "Vamos fechar a ponte velha durante pelo menos mais dois invernos.”, escreveu a "
           "prefeita fictícia Elna Varsko.",
     "Vamos fechar a ponte velha durante pelo menos mais dois invernos."),
    ("id", "Kami akan menutup jembatan lama itu setidaknya dua musim lagi,” kata wali kota "
           "fiktif Elna Varsko.",
     "Kami akan menutup jembatan lama itu setidaknya dua musim lagi,"),
]


@pytest.mark.parametrize(("language", "text", "quote"), LOST_OPENING)
def test_a_stray_closing_mark_closes_a_quote_from_its_line_start(
    language: str, text: str, quote: str
) -> None:
    result = extract_quotes(text, language)
    assert [q.text for q in result.statements] == [quote]
    assert result.stray_marks == ()


def test_a_quote_that_ends_on_a_paragraph_of_its_own() -> None:
    text = ("An old post went round again this week:\n\n"
            "Nobody leaves this town hall before the budget is done, so bring snacks.”\n\n"
            "The fictional council denied it.")
    [quote] = extract_quotes(text, "en").statements
    assert quote.text == "Nobody leaves this town hall before the budget is done, so bring snacks."


@pytest.mark.parametrize("text", [
    # A closing mark inside a sentence, after no punctuation: a typo, not a quote's end.
    "The council said the budget ” was final and nothing else would change this year.",
    # Too short to be a statement.
    "Fine.” The fictional mayor left.",
    # The line holds a quote of its own before the stray mark.
    "“We will build it,” said the fictional mayor, and the rest of the crowd cheered.” Then",
])
def test_no_headless_quote_without_the_signs(text: str) -> None:
    quotes = extract_quotes(text, "en").quotes
    assert all(q.open_mark != "" for q in quotes), [q.text for q in quotes]


def test_a_quote_left_open_lines_before_keeps_its_closing_mark() -> None:
    """A quote broken over many short lines: its closing mark is not a headless quote's."""
    text = ("The fictional mayor answered in two languages. “That was only practice.\n"
            "next line\n(a gloss)\nanother line\n(a gloss)\nthen more\n(a gloss)\n"
            "and the end of it, really, folks,” said the fictional mayor.")
    assert all(q.open_mark != "" for q in extract_quotes(text, "en").quotes)
