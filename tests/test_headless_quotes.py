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


INLINE = [
    ("en", "A screenshot of a post by the fictional mayor Elna Varsko went round. It reads: "
           "We will close every library on Sundays from next month, sorry.",
     "We will close every library on Sundays from next month, sorry."),
    ("es", "En su cuenta, la alcaldesa ficticia Elna Varsko trinó: Cerramos todas las "
           "bibliotecas los domingos desde el mes que viene.",
     "Cerramos todas las bibliotecas los domingos desde el mes que viene."),
    ("de", "Der Beitrag der fiktiven Bürgermeisterin Elna Varsko lautet: Ab nächstem Monat "
           "schließen alle Bibliotheken sonntags.",
     "Ab nächstem Monat schließen alle Bibliotheken sonntags."),
    ("nl", "De tekst van het bericht van de fictieve burgemeester Elna Varsko luidt: Vanaf "
           "volgende maand gaan alle bibliotheken op zondag dicht.",
     "Vanaf volgende maand gaan alle bibliotheken op zondag dicht."),
    ("id", "Unggahan wali kota fiktif Elna Varsko berbunyi: Mulai bulan depan semua "
           "perpustakaan tutup setiap hari Minggu.",
     "Mulai bulan depan semua perpustakaan tutup setiap hari Minggu."),
]


@pytest.mark.parametrize(("language", "text", "quote"), INLINE)
def test_a_post_quoted_without_marks_after_its_introduction(
    language: str, text: str, quote: str
) -> None:
    [found] = extract_quotes(text, language).statements
    assert found.text == quote


@pytest.mark.parametrize(("language", "text"), [
    # A colon that introduces a list, not a post's words.
    ("en", "The fictional council has three plans: roads, bridges and schools for all."),
    # The post is named too far from the colon: what follows are its topics.
    ("en", "The fictional mayor posted a tweet on Monday about three topics: roads, bridges "
           "and schools for all of us."),
    # Marks after the colon: pairing finds that quote, no second one.
    ("de", "Die fiktive Bürgermeisterin schrieb auf X: „Ab nächstem Monat schließen alle "
           "Bibliotheken sonntags.“"),
])
def test_no_inline_post_without_its_signs(language: str, text: str) -> None:
    quotes = extract_quotes(text, language).quotes
    assert all(q.open_mark != "" for q in quotes), [q.text for q in quotes]


@pytest.mark.parametrize(("language", "text", "quote"), [
    # The post's wording is named right before the colon: no first person needed, and a
    # page's bracketed tag between introduction and post is furniture.
    ("de", "Der Beitrag der fiktiven Bürgermeisterin Elna Varsko lautet:\n[Anzeige]\n"
           "Keine Gebühr ist zu hoch, um die alte Brücke endlich zu retten.",
     "Keine Gebühr ist zu hoch, um die alte Brücke endlich zu retten."),
    ("en", "The text of the fictional mayor's post reads:\n\n"
           "Every library closes on Sundays from next month, no exceptions.",
     "Every library closes on Sundays from next month, no exceptions."),
])
def test_a_post_after_a_paragraph_naming_its_wording(language: str, text: str, quote: str) -> None:
    assert [q.text for q in extract_quotes(text, language).statements] == [quote]


def test_a_paragraph_after_an_ordinary_colon_needs_the_first_person() -> None:
    text = ("The fictional council met on Monday to discuss this:\n\n"
            "Every library closes on Sundays from next month, without exceptions.")
    assert extract_quotes(text, "en").quotes == ()


def test_a_straight_mark_ending_a_pasted_post_closes_it() -> None:
    """A pasted post whose opening " was lost: the " after its last punctuation, ending the
    paragraph, cannot open a quote, so it closes one from the line's start."""
    text = ('The fictional mayor Elna Varsko boasted of "two new parks." Then came this:\n\n'
            'We built more parks than any council before us, and nobody writes about it!"')
    texts = [q.text for q in extract_quotes(text, "en").statements]
    assert "We built more parks than any council before us, and nobody writes about it!" in texts


def test_scare_quotes_inside_a_lost_quote_and_a_full_stop_after_its_mark() -> None:
    """The lost quote holds scare quotes of its own, and the sentence's full stop follows
    its closing mark, as Portuguese and Spanish put it."""
    text = ("A prefeita fictícia Elna Varsko escreveu na rede social.\n"
            "Nunca vi tanta gente a “torcer” pelo fracasso da nossa ponte nova, "
            "mas ela abre na segunda-feira”.")
    texts = [q.text for q in extract_quotes(text, "pt").statements]
    assert texts == ["Nunca vi tanta gente a “torcer” pelo fracasso da nossa ponte nova, "
                     "mas ela abre na segunda-feira"]


def test_a_straight_mark_whose_line_holds_another_is_no_lost_quote() -> None:
    """The line's own unrecognised " (glued to page debris) may be the opening mark: the
    narration before it is no quote."""
    text = ("The fictional mayor Elna Varsko compared the figures:_\"_The budget grew by nine "
            "per cent and nobody noticed at all!\"")
    assert all(not q.text.startswith("The fictional mayor")
               for q in extract_quotes(text, "en").quotes)


def test_one_lost_quote_a_line_however_many_stray_marks() -> None:
    # Each stray closing mark would otherwise close its own quote from the line's start:
    # quotes nested ever deeper, their total length growing with the square of the line's.
    line = "Die fiktive Bürgermeisterin bleibt im Amt, sagen alle.“ Sie geht nicht.“ " * 40
    found = extract_quotes(line, "de").quotes
    assert sum(1 for q in found if q.open_mark == "") == 1
    assert sum(q.end - q.start for q in found) <= len(line)
