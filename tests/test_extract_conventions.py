"""Quote conventions that peer test suites check and extraction used to miss: ASCII/LaTeX
marks (`` … '' and ` … '), Dutch ASCII marks (,,…” ,,…'' ''…''), single-quoted quotes
running over several lines or paragraphs, apostrophes at a word's edge that are no
quote marks (rock 'n' roll, 's morgens, un po'), and the right double mark on both sides
(”…”). Short invented passages in every language of the tables; speakers are fictional."""

from __future__ import annotations

import pytest

from quotes.extract import extract_quotes


def _texts(text: str, language: str) -> list[str]:
    return [q.text for q in extract_quotes(text, language).quotes]


# --- ASCII / LaTeX marks -----------------------------------------------------------------

LATEX = [
    ("de", "Die Sprecherin sagte: ``Wir prüfen den Vertrag noch einmal.'' Dann ging sie.",
     "Wir prüfen den Vertrag noch einmal."),
    ("en", "The fictional mayor said ``we will reopen the bridge in May,'' and left.",
     "we will reopen the bridge in May,"),
    ("es", "La portavoz dijo: ``No vamos a cerrar la escuela este año.'' Luego se fue.",
     "No vamos a cerrar la escuela este año."),
    ("fr", "Le maire a déclaré : ``Nous rouvrirons le pont en mai.'' Puis il est parti.",
     "Nous rouvrirons le pont en mai."),
    ("id", "Juru bicara itu berkata, ``Kami akan membuka jembatan pada bulan Mei.''",
     "Kami akan membuka jembatan pada bulan Mei."),
    ("it", "Il sindaco ha detto: ``Riapriremo il ponte a maggio.'' Poi è uscito.",
     "Riapriremo il ponte a maggio."),
    ("nl", "De woordvoerder zei: ``We openen de brug in mei weer.'' Daarna vertrok hij.",
     "We openen de brug in mei weer."),
    ("pt", "O prefeito disse: ``Vamos reabrir a ponte em maio.'' Depois saiu.",
     "Vamos reabrir a ponte em maio."),
]


@pytest.mark.parametrize(("language", "text", "quote"), LATEX, ids=[c[0] for c in LATEX])
def test_latex_double_marks_are_quotes(language: str, text: str, quote: str) -> None:
    found = extract_quotes(text, language).quotes
    assert [q.text for q in found] == [quote]
    q = found[0]
    assert (q.open_mark, q.close_mark) == ("``", "''")
    assert text[q.open_at : q.start] == "``"
    assert text[q.close_at : q.outer_end] == "''"  # the whole two-character mark


SINGLE_LATEX = [
    ("en", "She wrote `the vote is final' in her notes.", "the vote is final"),
    ("de", "Er nannte das `eine reine Formsache' und lachte.", "eine reine Formsache"),
    ("it", "Lo ha chiamato `un errore tecnico' ieri sera.", "un errore tecnico"),
]


@pytest.mark.parametrize(("language", "text", "quote"), SINGLE_LATEX,
                         ids=[c[0] for c in SINGLE_LATEX])
def test_latex_single_marks_are_quotes(language: str, text: str, quote: str) -> None:
    assert _texts(text, language) == [quote]


def test_a_lone_backtick_is_an_apostrophe_not_a_quote() -> None:
    text = "He said he didn`t know, called it `a formality' and played `90s music."
    assert _texts(text, "en") == ["a formality"]


# --- Dutch ASCII marks -------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    ",,We gaan niet akkoord met dit plan”, zei de wethouder.",
    ",,We gaan niet akkoord met dit plan'', zei de wethouder.",
    "De wethouder zei ''We gaan niet akkoord met dit plan'' tegen de raad.",
])
def test_dutch_ascii_low_and_double_apostrophe_marks(text: str) -> None:
    assert _texts(text, "nl") == ["We gaan niet akkoord met dit plan"]


# --- single-quoted quotes over several lines ---------------------------------------------

MULTILINE_SINGLE = [
    ("en", "‘We will reopen the bridge,\nand rock 'n' roll will be back on it,’ the mayor said.",
     "We will reopen the bridge,\nand rock 'n' roll will be back on it,"),
    ("en", "The fictional mayor said: 'We won't close it.\nNot this year, not the next.' Then "
     "he left.", "We won't close it.\nNot this year, not the next."),
    ("de", "Die Sprecherin sagte ‚wir prüfen\nden Vertrag noch einmal‘ und ging.",
     "wir prüfen\nden Vertrag noch einmal"),
    ("es", "La portavoz dijo: ‘No cerraremos\nla escuela este año.’ Luego se fue.",
     "No cerraremos\nla escuela este año."),
    ("fr", "Le maire a dit : 'L'école restera ouverte\naujourd'hui et demain.' Puis il est parti.",
     "L'école restera ouverte\naujourd'hui et demain."),
    ("id", "Juru bicara berkata, 'Kami buka pada hari Jum'at,\nbukan hari Senin,' katanya.",
     "Kami buka pada hari Jum'at,\nbukan hari Senin,"),
    ("it", "Il sindaco ha detto: ‘Aspettiamo un po’\ne poi riapriamo l’ufficio.’ Poi è uscito.",
     "Aspettiamo un po’\ne poi riapriamo l’ufficio."),
    ("nl", "De wethouder zei: ‘We gaan ’s morgens open,\nnet als vroeger.’ Daarna vertrok hij.",
     "We gaan ’s morgens open,\nnet als vroeger."),
    ("pt", "O prefeito disse: ‘Vamos reabrir a ponte,\ncomo nos anos ’90,’ e saiu.",
     "Vamos reabrir a ponte,\ncomo nos anos ’90,"),
    # British style: the clause's punctuation after the closing mark.
    ("en", "The plan was, in the clerk's words, 'a failure\nfrom the first day'. He left.",
     "a failure\nfrom the first day"),
    ("es", "El concejal lo llamó ‘un error\nde principio a fin’, y se fue.",
     "un error\nde principio a fin"),
]


@pytest.mark.parametrize(("language", "text", "quote"), MULTILINE_SINGLE,
                         ids=[f"{c[0]}{i}" for i, c in enumerate(MULTILINE_SINGLE)])
def test_single_quoted_quote_runs_over_lines(language: str, text: str, quote: str) -> None:
    found = extract_quotes(text, language).quotes
    assert [q.text for q in found] == [quote]
    assert not found[0].unclosed


@pytest.mark.parametrize(("language", "text", "first", "last"), [
    ("en", "‘The bridge stays open for now.\n\n‘We will look at it again in May,’ she said.",
     "The bridge stays open", "again in May,"),
    ("nl", "'De brug blijft voorlopig open.\n\n'We kijken er in mei opnieuw naar,' zei ze.",
     "De brug blijft", "opnieuw naar,"),
    ("id", "‘Jembatan tetap dibuka untuk sementara.\n\n‘Kami akan memeriksanya lagi,’ ujarnya.",
     "Jembatan tetap", "memeriksanya lagi,"),
])
def test_single_quoted_quote_over_paragraphs(language: str, text: str, first: str,
                                             last: str) -> None:
    """British-style: the opening mark repeated at each new paragraph of one quote."""
    found = extract_quotes(text, language).quotes
    assert len(found) == 1
    assert found[0].text.startswith(first) and found[0].text.endswith(last)
    assert found[0].paragraphs == 2


@pytest.mark.parametrize(("language", "text", "quote"), [
    ("en", "She said ‘no\nThe boys’ club met on Monday.\n\n‘We will reopen it,\nthey promised,’ "
     "a member said.", "We will reopen it,\nthey promised,"),
    ("en", "Fans said 'nothing\nbeats the '90s club nights.\n\nThe host said 'we play them all,\n"
     "every week,' on air.", "we play them all,\nevery week,"),
    ("nl", "Hij komt 's avonds\nterug, zei ze. 'We beginnen,\nzoals altijd,' zei ze.",
     "We beginnen,\nzoals altijd,"),
])
def test_an_apostrophe_lines_later_closes_no_quote(language: str, text: str, quote: str) -> None:
    """A single mark left open at a line's end does not reach an apostrophe further on,
    while a real quote over two lines is found."""
    assert _texts(text, language) == [quote]


# --- apostrophes at a word's edge --------------------------------------------------------


@pytest.mark.parametrize(("language", "text", "quotes"), [
    ("en", "They played rock 'n' roll all night, O'Brien said.", []),
    ("en", "He called it 'fish 'n' chips politics' on Monday.", ["fish 'n' chips politics"]),
    ("it", "Ha detto 'aspettiamo un po' e vediamo' ieri sera.", ["aspettiamo un po' e vediamo"]),
    ("nl", "Ze zei 'we beginnen 's morgens vroeg' tegen de raad.",
     ["we beginnen 's morgens vroeg"]),
])
def test_apostrophe_words_are_no_marks(language: str, text: str, quotes: list[str]) -> None:
    assert _texts(text, language) == quotes


def test_apostrophe_words_belong_to_the_document_language() -> None:
    """English "'em" is no Portuguese word: 'em' opens a Portuguese quote."""
    text = "O relatório traduziu a frase como 'em muitas cidades,\nnão em todas,' na versão final."
    assert _texts(text, "pt") == ["em muitas cidades,\nnão em todas,"]


# --- closing marks typed wrong, marks glued to the sentence before -----------------------

WRONG_CLOSER = [
    ("fr", "Le maire a tenu, “au nom des habitants“, à remercier le conseil.",
     "au nom des habitants"),
    ("es", "“Tengo otras cifras“, respondió la alcaldesa entre risas.", "Tengo otras cifras"),
    ("pt", "O prefeito disse que a obra é “uma prioridade da cidade“ e saiu.",
     "uma prioridade da cidade"),
    ("it", "Il sindaco ha parlato di “una scelta difficile“ ieri sera.", "una scelta difficile"),
    ("id", "“Kami tidak akan menyerah begitu saja,\" ujarnya kepada wartawan.",
     "Kami tidak akan menyerah begitu saja,"),
    ("en", "The mayor called it “a difficult choice\" on Monday.", "a difficult choice"),
    ("nl", "De wethouder noemde het ‚een lastige keuze’ en vertrok.", "een lastige keuze"),
    ("de", "Die Sprecherin sagte \"wir prüfen den Vertrag noch einmal” und ging.",
     "wir prüfen den Vertrag noch einmal"),
]


@pytest.mark.parametrize(("language", "text", "quote"), WRONG_CLOSER,
                         ids=[c[0] for c in WRONG_CLOSER])
def test_a_quote_closed_with_the_wrong_mark(language: str, text: str, quote: str) -> None:
    assert _texts(text, language) == [quote]


@pytest.mark.parametrize(("language", "text", "quotes"), [
    ("de", "„Wir schließen die Fähre nicht\", schrieb die Bürgermeisterin auf X. „Sie fährt "
     "bis Dezember.\"", ["Wir schließen die Fähre nicht", "Sie fährt bis Dezember."]),
    ("nl", "„We sluiten de veerpont niet\", schrijft de burgemeester op X. „Hij vaart tot "
     "december.\"", ["We sluiten de veerpont niet", "Hij vaart tot december."]),
])
def test_low_opening_mark_closed_by_a_typewriter_mark(language: str, text: str,
                                                      quotes: list[str]) -> None:
    """„…" as web copy types it: the narration between two such quotes belongs to
    neither (it would otherwise be compared with the tweet as the quote's own words)."""
    assert _texts(text, language) == quotes


@pytest.mark.parametrize(("language", "text", "quotes"), [
    ("fr", "Le maire a parlé du budget.\"Nous ne fermerons pas l'école\", a-t-il ajouté.",
     ["Nous ne fermerons pas l'école"]),
    ("de", "Die Sitzung war kurz.„Wir schließen nicht“, sagte die Sprecherin.",
     ["Wir schließen nicht"]),
    ("en", "He said \"we will not stop.\"Then he left.\"That was it,\" a clerk said.",
     ["we will not stop.", "That was it,"]),
])
def test_a_mark_glued_to_the_sentence_before(language: str, text: str,
                                             quotes: list[str]) -> None:
    """No space between a sentence's end and the next quote's opening mark (or after a
    closing mark): the mark opens when nothing is open, else it closes."""
    assert _texts(text, language) == quotes


@pytest.mark.parametrize(("language", "text", "quotes"), [
    ("es", "“No vamos a cerrar la escuela este año.\n\nLa alcaldesa habló después con los "
     "padres en el patio.\n\n“Tampoco vamos a venderla”, añadió.",
     ["No vamos a cerrar la escuela este año.", "Tampoco vamos a venderla"]),
    ("en", "“We will not close the school this year.\n\nThe mayor then spoke to parents in "
     "the yard.\n\n“Nor will we sell it,” she added.",
     ["We will not close the school this year.", "Nor will we sell it,"]),
])
def test_a_narration_paragraph_ends_a_quote_left_open(language: str, text: str,
                                                      quotes: list[str]) -> None:
    """A quote never closed does not run on over a paragraph without marks to the next
    quote's opening mark: the repeated mark of a multi-paragraph quote opens the very
    next paragraph."""
    assert _texts(text, language) == quotes


def test_a_double_apostrophe_inside_a_word_is_no_mark() -> None:
    """'' inside a word (an elision typed twice) is an apostrophe, then a quote's mark."""
    text = "Il titolo era ``Un omaggio'' ed è l''omaggio' di Greta alla città."
    assert _texts(text, "it") == ["Un omaggio", "omaggio"]


# Hard-wrapped text (lines cut at a fixed width, as wire copy is): a quote runs on over
# lines that end inside a sentence and go on in lowercase, however many there are.
def test_a_quote_of_hard_wrapped_text_runs_on_to_its_closing_mark() -> None:
    text = ("(AGENZIA) – ROMA, 3 MAR – “Ci dispiace vedere come alcuni\n"
            "consiglieri usino questa vicenda. Nel rispetto di tutti e\n"
            "fermo restando il lavoro degli uffici, si vuole chiarire che\n"
            "non è questo assessorato\n"
            "l’interlocutore naturale per i manifestanti di\n"
            "domani” sotto il Comune. Lo afferma l'assessore Elna Varsko in una nota.")
    (quote,) = _texts(text, "it")
    assert quote.startswith("Ci dispiace") and quote.endswith("manifestanti di\ndomani")


def test_a_quote_left_open_before_a_new_sentence_line_still_ends_there() -> None:
    text = ("Il sindaco ha detto: “Non cambieremo idea\n"
            "Domani il consiglio vota. Poi “si vedrà” ha aggiunto.")
    texts = _texts(text, "it")
    assert texts[0] == "Non cambieremo idea"


# --- a space typed before a closing straight mark ----------------------------------------

SPACE_BEFORE_CLOSER = [
    ("pt", '"O pavilhão abre amanhã às nove ", lê-se na publicação de Ettore Brina.',
     "O pavilhão abre amanhã às nove"),
    ("en", 'The notice read "the ferry is cancelled until Monday ". Nobody objected.',
     "the ferry is cancelled until Monday"),
    ("it", 'Il cartello diceva "chiuso per lavori ", e nessuno protestò.',
     "chiuso per lavori"),
]


@pytest.mark.parametrize(("language", "text", "quote"), SPACE_BEFORE_CLOSER,
                         ids=[c[0] for c in SPACE_BEFORE_CLOSER])
def test_a_mark_before_a_comma_closes_after_a_stray_space(language: str, text: str,
                                                          quote: str) -> None:
    # No quote begins with a comma or a full stop: the mark closes, the space was typed.
    assert _texts(text, language) == [quote]


def test_a_quote_may_begin_with_an_ellipsis() -> None:
    text = 'The post went on: "...and the bridge stays open," the fictional mayor wrote.'
    assert _texts(text, "en") == ["...and the bridge stays open,"]


# --- the right double mark on both sides (”…”) ------------------------------------------
# As Swedish and Finnish type quotes, and some Italian, Portuguese and Indonesian sites:
# such a ” opens after a space, a line start or an opening bracket, before a letter or digit.

SYMMETRIC = [
    ("it", "Il comitato chiede ”più corse serali” e ritiene che ”la linea vada rafforzata” "
     "entro l'estate.", ["più corse serali", "la linea vada rafforzata"]),
    ("pt", "A prefeita Lina Sarmo falou aos moradores.\n”Não vamos fechar a escola este ano”, "
     "declarou.", ["Não vamos fechar a escola este ano"]),
    ("id", "Juru bicara Rina Sastro menjawab (”Kami buka jembatan pada bulan Mei”) kepada "
     "wartawan.", ["Kami buka jembatan pada bulan Mei"]),
]


@pytest.mark.parametrize(("language", "text", "quotes"), SYMMETRIC,
                         ids=[c[0] for c in SYMMETRIC])
def test_right_double_marks_on_both_sides_are_quotes(language: str, text: str,
                                                     quotes: list[str]) -> None:
    found = extract_quotes(text, language).quotes
    assert [q.text for q in found] == quotes
    assert all((q.open_mark, q.close_mark) == ("”", "”") and not q.unclosed for q in found)


def test_a_right_double_quote_over_paragraphs() -> None:
    """The opening ” repeated at each new paragraph of one quote, as “ is."""
    text = ("”Abbiamo chiuso il bilancio in pari.\n\n”Adesso pensiamo al ponte”, ha detto "
            "l'assessora Ada Rinsi.")
    (quote,) = extract_quotes(text, "it").quotes
    assert quote.text.startswith("Abbiamo chiuso") and quote.text.endswith("al ponte")
    assert quote.paragraphs == 2 and quote.close_mark == "”"


CURLY_BESIDE_SYMMETRIC = [
    ("en", "“We will reopen the bridge,” the fictional mayor Dana Welk said. ”Maybe sooner”, "
     "her deputy added.", ["We will reopen the bridge,", "Maybe sooner"]),
    ("it", "“Il ponte riapre a maggio”, ha detto Varo Tessi. ”Poi toccherà alla scuola”, "
     "ha aggiunto.", ["Il ponte riapre a maggio", "Poi toccherà alla scuola"]),
]


@pytest.mark.parametrize(("language", "text", "quotes"), CURLY_BESIDE_SYMMETRIC,
                         ids=[c[0] for c in CURLY_BESIDE_SYMMETRIC])
def test_a_curly_pair_stays_a_pair_beside_right_double_quotes(language: str, text: str,
                                                              quotes: list[str]) -> None:
    found = extract_quotes(text, language).quotes
    assert [q.text for q in found] == quotes
    assert [(q.open_mark, q.close_mark) for q in found] == [("“", "”"), ("”", "”")]


CLOSING_AFTER_A_WORD = [
    # after a word: it closes the “ opened before it, and opens nothing
    ("pt", "A prefeita Lina Sarmo chamou a obra de “urgente” e ”necessária”.",
     [("“", "urgente"), ("”", "necessária")]),
    # a space typed before it, then the narration: still the close of „ (a sloppy close)
    ("de", "„Wir bauen die Brücke ”sagte Bürgermeisterin Greta Lind.\n”Ab Mai”, fügte sie hinzu.",
     [("„", "Wir bauen die Brücke"), ("”", "Ab Mai")]),
    # the inch mark after a number is no quote
    ("id", "Layar 55” itu dijual Rina Sastro dengan ”harga teman” kemarin.",
     [("”", "harga teman")]),
]


@pytest.mark.parametrize(("language", "text", "quotes"), CLOSING_AFTER_A_WORD,
                         ids=[c[0] for c in CLOSING_AFTER_A_WORD])
def test_a_right_double_mark_after_a_word_still_closes(language: str, text: str,
                                                       quotes: list[tuple[str, str]]) -> None:
    found = extract_quotes(text, language).quotes
    assert [(q.open_mark, q.text) for q in found] == quotes
    assert all(q.close_mark == "”" and not q.unclosed for q in found)


def test_both_conventions_in_one_text() -> None:
    text = ("Il comitato di Borgo Fenni chiede ”più corse serali” e ritiene che “la linea vada "
            "rafforzata”.\n”Aspettiamo risposte – dice la portavoce Ada Rinsi – entro l'estate”"
            "\n\n“Abbiamo scritto al Comune.\n\n“Nessuno ci ha risposto”, ha aggiunto. "
            "”Riproveremo”, ha concluso.")
    found = extract_quotes(text, "it").quotes
    assert [(q.open_mark, q.text[:20], q.close_mark) for q in found] == [
        ("”", "più corse serali", "”"),
        ("“", "la linea vada raffor", "”"),
        ("”", "Aspettiamo risposte ", "”"),
        ("“", "Abbiamo scritto al C", "”"),
        ("”", "Riproveremo", "”"),
    ]
    assert found[3].paragraphs == 2 and found[3].text.endswith("Nessuno ci ha risposto")
