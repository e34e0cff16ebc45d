"""Behaviour of the extract stage on short hand-written passages in the eight languages.

Every passage is invented for these tests; the speakers are fictional.
"""

from __future__ import annotations

import pytest

from quotes.extract import ExtractionResult, extract_quotes
from quotes.models import Quote

NBSP = "\u00a0"
NNBSP = "\u202f"


def only_quote(result: ExtractionResult) -> Quote:
    assert len(result.quotes) == 1, [q.text for q in result.quotes]
    return result.quotes[0]


def assert_consistent(text: str, quote: Quote) -> None:
    """The offsets of a quote point at its text and its marks."""
    assert text[quote.start : quote.end] == quote.text
    assert text[quote.open_at] == quote.open_mark
    if quote.close_at is None:
        assert quote.close_mark is None
    else:
        assert text[quote.close_at] == quote.close_mark


# --- every quotation-mark convention -----------------------------------------------------

CONVENTIONS = [
    pytest.param(
        "en",
        "Jane Example said: “We will build the bridge next year.” Then she left.",
        "We will build the bridge next year.", "“", "”",
        id="en-curly-double",
    ),
    pytest.param(
        "en",
        'Jane Example said: "We will build the bridge next year." Then she left.',
        "We will build the bridge next year.", '"', '"',
        id="en-straight-double",
    ),
    pytest.param(
        "de",
        "Max Mustermann sagte: „Wir bauen die Brücke im nächsten Jahr.“ Dann ging er.",
        "Wir bauen die Brücke im nächsten Jahr.", "„", "“",
        id="de-low-high",
    ),
    pytest.param(
        "nl",
        "Jan Voorbeeld zei: „We bouwen de brug volgend jaar.” Daarna vertrok hij.",
        "We bouwen de brug volgend jaar.", "„", "”",
        id="nl-low-right",
    ),
    pytest.param(
        "fr",
        "Jean Exemple a déclaré : «Nous construirons le pont l'an prochain.» Puis il est parti.",
        "Nous construirons le pont l'an prochain.", "«", "»",
        id="fr-guillemets-tight",
    ),
    pytest.param(
        "fr",
        "Jean Exemple a déclaré : « Nous construirons le pont l'an prochain. » Puis il est parti.",
        "Nous construirons le pont l'an prochain.", "«", "»",
        id="fr-guillemets-space",
    ),
    pytest.param(
        "fr",
        f"Jean Exemple a déclaré{NBSP}: «{NBSP}Nous construirons le pont l'an prochain.{NBSP}» "
        "Puis il est parti.",
        "Nous construirons le pont l'an prochain.", "«", "»",
        id="fr-guillemets-nbsp",
    ),
    pytest.param(
        "fr",
        f"Jean Exemple a déclaré{NNBSP}: «{NNBSP}Nous construirons le pont l'an prochain."
        f"{NNBSP}» Puis il est parti.",
        "Nous construirons le pont l'an prochain.", "«", "»",
        id="fr-guillemets-narrow-nbsp",
    ),
    pytest.param(
        "es",
        "Ana Ejemplo dijo: «Construiremos el puente el año que viene.» Después se fue.",
        "Construiremos el puente el año que viene.", "«", "»",
        id="es-guillemets",
    ),
    pytest.param(
        "de",
        "Max Mustermann sagte: »Wir bauen die Brücke im nächsten Jahr.« Dann ging er.",
        "Wir bauen die Brücke im nächsten Jahr.", "»", "«",
        id="de-reversed-guillemets",
    ),
    pytest.param(
        "de",
        "Der Ausschuss nannte den Entwurf ‚eine glatte Frechheit‘ und vertagte sich.",
        "eine glatte Frechheit", "‚", "‘",
        id="de-single-low-high",
    ),
    pytest.param(
        "fr",
        "Le maire a parlé d'un ‹ projet un peu fou › devant le conseil.",
        "projet un peu fou", "‹", "›",
        id="fr-single-guillemets",
    ),
    pytest.param(
        "de",
        "Der Ausschuss nannte den Entwurf ›eine glatte Frechheit‹ und vertagte sich.",
        "eine glatte Frechheit", "›", "‹",
        id="de-single-reversed-guillemets",
    ),
    pytest.param(
        "en",
        "Jane Example said: 'We will build the bridge next year.' Then she left.",
        "We will build the bridge next year.", "'", "'",
        id="en-straight-single",
    ),
    pytest.param(
        "en",
        "Jane Example said: ‘We will build the bridge next year.’ Then she left.",
        "We will build the bridge next year.", "‘", "’",
        id="en-curly-single",
    ),
    pytest.param(
        "id",
        "“Kami akan membangun jembatan itu tahun depan,” kata Budi Contoh.",
        "Kami akan membangun jembatan itu tahun depan,", "“", "”",
        id="id-curly-double",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected", "opening", "closing"), CONVENTIONS)
def test_every_convention_gives_the_exact_quote_and_marks(
    language: str, text: str, expected: str, opening: str, closing: str
) -> None:
    result = extract_quotes(text, language)
    quote = only_quote(result)
    assert quote.text == expected
    assert (quote.open_mark, quote.close_mark) == (opening, closing)
    assert quote.start == text.index(expected)
    assert quote.end == quote.start + len(expected)
    assert not quote.unclosed
    assert (quote.depth, quote.parent, quote.paragraphs) == (0, None, 1)
    assert result.stray_marks == ()
    assert_consistent(text, quote)


# --- nesting -------------------------------------------------------------------------------

NESTED = [
    pytest.param(
        "en",
        "Jane Example said: “They called my plan ‘reckless’ and I disagree with them.”",
        "They called my plan ‘reckless’ and I disagree with them.", "reckless",
        id="en",
    ),
    pytest.param(
        "de",
        "„Sie nennen meinen Plan ‚leichtsinnig‘, aber das stimmt einfach nicht“, sagte Max "
        "Mustermann.",
        "Sie nennen meinen Plan ‚leichtsinnig‘, aber das stimmt einfach nicht", "leichtsinnig",
        id="de",
    ),
    pytest.param(
        "fr",
        "« Ils parlent d'un “scandale”, mais c'est tout simplement faux », a déclaré Jean "
        "Exemple.",
        "Ils parlent d'un “scandale”, mais c'est tout simplement faux", "scandale",
        id="fr",
    ),
]


@pytest.mark.parametrize(("language", "text", "outer", "inner"), NESTED)
def test_nested_quote_has_depth_and_parent(
    language: str, text: str, outer: str, inner: str
) -> None:
    quotes = extract_quotes(text, language).quotes
    assert [q.text for q in quotes] == [outer, inner]
    assert (quotes[0].depth, quotes[0].parent, quotes[0].kind) == (0, None, "statement")
    assert (quotes[1].depth, quotes[1].parent, quotes[1].kind) == (1, 0, "term")
    for quote in quotes:
        assert_consistent(text, quote)


# --- quotes spanning paragraphs ----------------------------------------------------------

MULTI_PARAGRAPH = [
    pytest.param(
        "en",
        "Jane Example said: “We will build the bridge next year. It will carry trains and cars."
        "\n\n“The money is already there, and the work starts in spring.”\n\nThe council agreed.",
        "We will build the bridge", "starts in spring.", 2,
        id="en-repeated-opening",
    ),
    pytest.param(
        "de",
        "Max Mustermann schrieb: „Wir bauen die Brücke im nächsten Jahr. Sie trägt Züge und "
        "Autos.\n\n„Das Geld ist da, und die Arbeiten beginnen im Frühjahr.“\n\nDer Rat "
        "stimmte zu.",
        "Wir bauen die Brücke", "beginnen im Frühjahr.", 2,
        id="de-repeated-opening",
    ),
    pytest.param(
        "en",
        "Jane Example said: “We will build the bridge next year.\n\n“It will carry trains and "
        "cars.\n\n“The money is already there, and the work starts in spring.”",
        "We will build the bridge", "starts in spring.", 3,
        id="en-three-paragraphs",
    ),
    pytest.param(
        "fr",
        "Jean Exemple a déclaré : « Nous construirons le pont l'an prochain.\n\nLes travaux "
        "commenceront au printemps et dureront deux ans. »\n\nLe conseil a approuvé.",
        "Nous construirons le pont", "dureront deux ans.", 2,
        id="fr-guillemets-no-repeat",
    ),
    pytest.param(
        "es",
        "Ana Ejemplo dijo: «Construiremos el puente el año que viene.\n\n»Las obras empezarán "
        "en primavera y durarán dos años.»\n\nEl consejo lo aprobó.",
        "Construiremos el puente", "durarán dos años.", 2,
        id="es-continuation-guillemet",
    ),
]


@pytest.mark.parametrize(("language", "text", "begins", "ends", "paragraphs"), MULTI_PARAGRAPH)
def test_quote_spanning_paragraphs_is_one_quote(
    language: str, text: str, begins: str, ends: str, paragraphs: int
) -> None:
    result = extract_quotes(text, language)
    quote = only_quote(result)
    assert quote.text.startswith(begins)
    assert quote.text.endswith(ends)
    assert quote.paragraphs == paragraphs
    assert not quote.unclosed
    assert quote.kind == "statement"
    assert result.stray_marks == ()
    assert_consistent(text, quote)


# --- quotes never closed -----------------------------------------------------------------

UNCLOSED = [
    pytest.param(
        "fr",
        "Le maire a prévenu : « Les travaux commenceront en mai et dureront deux ans. Jean "
        "Exemple a déclaré ensuite qu'il soutenait le projet.",
        "Les travaux commenceront en mai et dureront deux ans.",
        id="fr-before-narration",
    ),
    pytest.param(
        "de",
        "Der Bürgermeister erklärte: „Wir bauen die Brücke im nächsten Jahr und alle werden "
        "profitieren. Max Mustermann sagte dagegen, die Kosten würden steigen.",
        "Wir bauen die Brücke im nächsten Jahr und alle werden profitieren.",
        id="de-before-narration",
    ),
    pytest.param(
        "en",
        "Jane Example wrote: “The bridge will open in spring and traffic will flow again. She "
        "said later that the date could still slip.",
        "The bridge will open in spring and traffic will flow again.",
        id="en-before-pronoun-narration",
    ),
    pytest.param(
        "en",
        "Jane Example wrote: “The bridge will open in spring and traffic will flow again.\n\n"
        "The council meets on Tuesday to discuss the budget.",
        "The bridge will open in spring and traffic will flow again.",
        id="en-paragraph-end",
    ),
    pytest.param(
        "de",
        "Max Mustermann sagte: „Wir bauen die Brücke im nächsten Jahr",
        "Wir bauen die Brücke im nächsten Jahr",
        id="de-end-of-text",
    ),
    pytest.param(
        "es",
        "Ana Ejemplo dijo: «Las obras empezarán en primavera y durarán dos años. \n\nEl consejo "
        "se reúne el martes.",
        "Las obras empezarán en primavera y durarán dos años.",
        id="es-paragraph-end-trailing-space",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), UNCLOSED)
def test_unclosed_quote_ends_at_a_sensible_boundary(
    language: str, text: str, expected: str
) -> None:
    quote = only_quote(extract_quotes(text, language))
    assert quote.text == expected
    assert quote.unclosed
    assert quote.close_mark is None and quote.close_at is None
    assert quote.start == text.index(expected)
    assert quote.kind == "statement"
    assert_consistent(text, quote)


def test_unclosed_quote_stops_before_the_next_speakers_quote() -> None:
    text = (
        "Jane Example said: “We will open the bridge in spring and not a day later. "
        "Max Mustermann replied: “That is far too late for the town.”"
    )
    quotes = extract_quotes(text, "en").quotes
    assert [(q.text, q.unclosed) for q in quotes] == [
        ("We will open the bridge in spring and not a day later.", True),
        ("That is far too late for the town.", False),
    ]
    assert quotes[1].parent is None and quotes[1].depth == 0


def test_hard_wrapped_line_inside_a_quote_does_not_split_it() -> None:
    text = (
        "Jane Example said: “We will build the bridge\nnext year, whatever it costs.” "
        "Then she left."
    )
    quote = only_quote(extract_quotes(text, "en"))
    assert quote.text == "We will build the bridge\nnext year, whatever it costs."
    assert not quote.unclosed and quote.paragraphs == 2


def test_two_straight_quoted_terms_on_one_line_pair_in_order() -> None:
    text = 'Jane Example called it "unfair" and Max Mustermann called it "a disaster" on Monday.'
    result = extract_quotes(text, "en")
    assert [(q.text, q.kind) for q in result.quotes] == [
        ("unfair", "term"),
        ("a disaster", "term"),
    ]
    assert result.statements == ()


# --- stray closing marks -----------------------------------------------------------------

STRAY = [
    pytest.param("en", "The plan was approved” on Monday by the council.", "”", None, id="en"),
    pytest.param(
        "en",
        "The plan was approved” on Monday. Jane Example said: “We will start in May.”",
        "”", "We will start in May.",
        id="en-with-real-quote",
    ),
    pytest.param(
        "de",
        "Das Projekt ist beschlossen“ und startet bald. Max Mustermann sagte: „Wir beginnen im "
        "Mai mit dem Bau.“",
        "“", "Wir beginnen im Mai mit dem Bau.",
        id="de-with-real-quote",
    ),
    pytest.param(
        "fr",
        "Le projet est validé » depuis lundi. Jean Exemple a déclaré : « Nous commencerons en "
        "mai. »",
        "»", "Nous commencerons en mai.",
        id="fr-with-real-quote",
    ),
]


@pytest.mark.parametrize(("language", "text", "stray_char", "real_quote"), STRAY)
def test_stray_closing_mark_is_reported_and_invents_nothing(
    language: str, text: str, stray_char: str, real_quote: str | None
) -> None:
    result = extract_quotes(text, language)
    assert result.stray_marks == (text.index(stray_char),)
    assert [q.text for q in result.quotes] == ([real_quote] if real_quote else [])


# --- apostrophes ---------------------------------------------------------------------------

APOSTROPHES = [
    pytest.param("fr", "Il parle d'un projet ambitieux pour la ville.", id="fr-d-un"),
    pytest.param("fr", "L’entreprise mise sur l’IA pour réduire ses coûts.", id="fr-l-IA"),
    pytest.param("en", "I don’t think the council will agree to this.", id="en-don-t"),
    pytest.param("en", "Jane Example's plan was rejected by the council.", id="en-possessive"),
    pytest.param("en", "The players' union rejected the offer on Monday.", id="en-plural-poss"),
    pytest.param("en", "She has loved rock ’n’ roll since she was a child.", id="en-rock-n-roll"),
    pytest.param("en", "The music of the '90s was louder than today.", id="en-90s"),
    pytest.param("en", "The music of the ’90s was louder than today.", id="en-90s-curly"),
    pytest.param("fr", "Aujourd'hui, le conseil se réunit à dix heures.", id="fr-aujourd-hui"),
    pytest.param("it", "Il sindaco era un po' stanco dopo l'incontro.", id="it-po"),
    pytest.param("nl", "De raad vergadert 's avonds in het stadhuis.", id="nl-s-avonds"),
]


@pytest.mark.parametrize(("language", "text"), APOSTROPHES)
def test_apostrophes_are_not_quotes(language: str, text: str) -> None:
    result = extract_quotes(text, language)
    assert result.quotes == ()
    assert result.stray_marks == ()


APOSTROPHES_INSIDE = [
    pytest.param(
        "fr",
        "Jean Exemple a déclaré : « Je crois que l'entreprise ira mieux aujourd'hui. »",
        "Je crois que l'entreprise ira mieux aujourd'hui.",
        id="fr-guillemets",
    ),
    pytest.param(
        "en",
        "Jane Example said: 'I don't think it's over for Example's team.'",
        "I don't think it's over for Example's team.",
        id="en-straight-single",
    ),
    pytest.param(
        "en",
        "Jane Example said: ‘I don’t think it’s over for the ’90s kids.’",
        "I don’t think it’s over for the ’90s kids.",
        id="en-curly-single",
    ),
    pytest.param(
        "en",
        "The players' union called the offer 'an insult' on Monday.",
        "an insult",
        id="en-plural-possessive-then-quote",
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), APOSTROPHES_INSIDE)
def test_apostrophes_inside_and_beside_quotes(language: str, text: str, expected: str) -> None:
    result = extract_quotes(text, language)
    assert [q.text for q in result.quotes] == [expected]
    assert result.stray_marks == ()


# --- statements and terms ----------------------------------------------------------------

KINDS = [
    pytest.param("en", "The so-called “reform” failed again in the vote.", "term", id="en-1w"),
    pytest.param(
        "en", "Critics call the plan a “green dream” and doubt it will work.", "term", id="en-2w"
    ),
    pytest.param(
        "de", "Die Regierung nannte den Plan „verpflichtend“ und blieb dabei.", "term", id="de"
    ),
    pytest.param("fr", "Le ministre défend une « réforme juste » pour tous.", "term", id="fr"),
    pytest.param(
        "es", "El alcalde habló de una «solución rápida» para el barrio.", "term", id="es"
    ),
    pytest.param("en", 'Jane Example tweeted: "Not funny at all."', "statement", id="en-colon"),
    pytest.param("en", "Jane Example replied: “Absolutely not”", "statement", id="en-colon-2w"),
    pytest.param(
        "en", "Jane Example said “never again” and left.", "statement", id="en-verb-before"
    ),
    pytest.param("de", "„Nie wieder“, sagte Max Mustermann.", "statement", id="de-verb-after"),
    pytest.param("fr", "« Jamais plus », a déclaré Jean Exemple.", "statement", id="fr-verb-after"),
    pytest.param("id", "“Tidak lucu,” kata Budi Contoh.", "statement", id="id-verb-after"),
    pytest.param(
        "en",
        "Jane Example said the plan was “a total and complete failure for the city” in her view.",
        "statement",
        id="en-long",
    ),
]


@pytest.mark.parametrize(("language", "text", "kind"), KINDS)
def test_statement_or_term(language: str, text: str, kind: str) -> None:
    quote = only_quote(extract_quotes(text, language))
    assert quote.kind == kind


# --- languages -----------------------------------------------------------------------------

MIXED_LANGUAGE = [
    pytest.param(
        "de", "en",
        "Max Mustermann schrieb am Montag auf X: „We will never give up on this city and its "
        "people.“ Die Stadtverwaltung reagierte gelassen auf die Nachricht, und auch der Rat "
        "wollte sich nicht dazu äußern.",
        id="en-in-de",
    ),
    pytest.param(
        "fr", "en",
        "Jean Exemple a écrit lundi sur X : « We will never give up on this city and its "
        "people. » La mairie n'a pas voulu commenter le message, et le conseil ne s'est pas "
        "encore prononcé sur la question.",
        id="en-in-fr",
    ),
    pytest.param(
        "id", "en",
        "Budi Contoh menulis di akun X miliknya pada hari Senin: “We will never give up on "
        "this city and its people.” Pemerintah kota belum memberikan tanggapan atas unggahan "
        "itu dan juga tidak mau berkomentar.",
        id="en-in-id",
    ),
    pytest.param(
        "de", "de",
        "Max Mustermann schrieb am Montag auf X: „Wir werden diese Stadt und ihre Menschen nie "
        "aufgeben.“ Die Stadtverwaltung reagierte gelassen auf die Nachricht.",
        id="de-in-de",
    ),
]


@pytest.mark.parametrize(("document", "quoted", "text"), MIXED_LANGUAGE)
def test_language_of_each_quote(document: str, quoted: str, text: str) -> None:
    result = extract_quotes(text)
    assert result.language == document
    assert only_quote(result).language == quoted


DOCUMENTS = [
    pytest.param("en", "The council met on Monday and the mayor said that the bridge will "
                 "be built next year, if the money is there.", id="en"),
    pytest.param("de", "Der Rat traf sich am Montag, und der Bürgermeister sagte, dass die "
                 "Brücke im nächsten Jahr gebaut wird, wenn das Geld da ist.", id="de"),
    pytest.param("fr", "Le conseil s'est réuni lundi et le maire a dit que le pont sera "
                 "construit l'an prochain, si l'argent est là.", id="fr"),
    pytest.param("id", "Dewan kota bertemu pada hari Senin dan wali kota mengatakan bahwa "
                 "jembatan itu akan dibangun tahun depan jika dananya ada.", id="id"),
    pytest.param("es", "El consejo se reunió el lunes y el alcalde dijo que el puente se "
                 "construirá el año que viene, si hay dinero.", id="es"),
    pytest.param("it", "Il consiglio si è riunito lunedì e il sindaco ha detto che il ponte "
                 "sarà costruito il prossimo anno, se ci sono i soldi.", id="it"),
    pytest.param("nl", "De raad kwam maandag bijeen en de burgemeester zei dat de brug "
                 "volgend jaar wordt gebouwd, als het geld er is.", id="nl"),
    pytest.param("pt", "O conselho reuniu-se na segunda-feira e o presidente da câmara disse "
                 "que a ponte será construída no próximo ano, se houver dinheiro.", id="pt"),
]


@pytest.mark.parametrize(("language", "text"), DOCUMENTS)
def test_document_language_is_detected(language: str, text: str) -> None:
    assert extract_quotes(text).language == language


def test_declared_language_is_kept() -> None:
    text = "Le conseil s'est réuni lundi et le maire a dit que le pont sera construit."
    assert extract_quotes(text, "fr").language == "fr"
    assert extract_quotes(text, "de").language == "de"


# --- posts reproduced as a block without quotation marks --------------------------------

BLOCK_POSTS = [
    pytest.param(
        "nl",
        "Een uur later volgde een nieuw bericht van de burgemeester.\n\n"
        "Ik heb besloten mijn ambt neer te leggen. Mijn familie en ik danken iedereen in "
        "onze stad voor het vertrouwen van de afgelopen jaren.\n\nDe gemeenteraad reageerde "
        "verrast.",
        "Ik heb besloten",
        id="nl-bericht",
    ),
    pytest.param(
        "en",
        "Minutes later the fictional mayor Jane Example wrote:\n\n"
        "I have decided to step down at the end of the month. My family and I thank everyone "
        "in our town for their trust.\n\nThe council was surprised.",
        "I have decided",
        id="en-colon",
    ),
]


@pytest.mark.parametrize(("language", "text", "opening"), BLOCK_POSTS)
def test_post_set_as_a_block_without_marks_is_a_statement(
    language: str, text: str, opening: str
) -> None:
    (quote,) = extract_quotes(text, language).quotes
    assert quote.block and quote.open_mark == "" and quote.kind == "statement"
    assert quote.text.startswith(opening) and quote.text.endswith("trust." if language == "en"
                                                                  else "jaren.")
    assert text[quote.start : quote.end] == quote.text


def test_first_person_paragraph_without_an_introduction_is_no_quote() -> None:
    text = (
        "The council met on Tuesday.\n\n"
        "I have lived in this town for twenty years and my neighbours and I have never seen "
        "the bridge so busy.\n"
    )
    assert extract_quotes(text, "en").quotes == ()
