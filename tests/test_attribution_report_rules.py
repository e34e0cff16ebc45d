"""Speaker attribution by the grammar of reporting (issue 12): a paragraph that opens with
the attribution of the quote ending the paragraph before, a short quote that ends its
sentence with the attribution in the next one, and a reporting word right after a short
quote ("…“, so X"). Short invented passages; every name here is fictional."""

from __future__ import annotations

import pytest

from quotes.models import Document
from quotes.pipeline import Analyzer

ANALYZER = Analyzer()


def attributions(text: str, language: str) -> dict[str, tuple[str | None, str | None]]:
    """Each top-level quote's text → its speaker and the rule that found it."""
    analysis = ANALYZER.analyze(Document("test.txt", text, language))
    return {f.quote.text.strip(): (f.attribution.speaker, f.attribution.method)
            if f.attribution else (None, None)
            for f in analysis.findings if f.quote.depth == 0}


def speakers(text: str, language: str) -> dict[str, str | None]:
    """Each top-level quote's text → its speaker."""
    return {quote: who for quote, (who, _) in attributions(text, language).items()}


# --- the attribution opens the next paragraph ---------------------------------------------

NEXT_PARAGRAPH = [
    pytest.param("it", "Paolo Provetti ha presentato il bilancio del comune.\n\n"
                 "“Il ponte nuovo aprirà a maggio, non prima, perché i lavori sono in "
                 "ritardo.”\n\nLo ha detto la sindaca Marta Esempina.",
                 "Il ponte nuovo aprirà a maggio, non prima, perché i lavori sono in ritardo.",
                 "Marta Esempina", id="it"),
    pytest.param("nl", "Pieter Proefmans presenteerde de begroting van de gemeente.\n\n"
                 "„De nieuwe brug gaat in mei open, niet eerder, want het werk loopt "
                 "achter.”\n\nDat zei wethouder Joris Voorbeeldsma.",
                 "De nieuwe brug gaat in mei open, niet eerder, want het werk loopt achter.",
                 "Joris Voorbeeldsma", id="nl"),
    pytest.param("es", "Tomás Ejemplar presentó el presupuesto municipal.\n\n"
                 "«El puente nuevo abrirá en mayo, no antes, porque las obras van con "
                 "retraso».\n\nAsí lo afirmó la alcaldesa Lucía Muestrario.",
                 "El puente nuevo abrirá en mayo, no antes, porque las obras van con retraso",
                 "Lucía Muestrario", id="es"),
]


BRIDGE = "“Il ponte nuovo aprirà a maggio, non prima, perché i lavori sono in ritardo.”"


@pytest.mark.parametrize("after", [
    pytest.param("\n\nIl giorno dopo in consiglio comunale il consigliere Paolo Provetti ha "
                 "detto che i fondi mancano.", id="verb-deep-in-the-paragraph"),
    pytest.param("\n• Dice Paolo Provetti: i fondi mancano\n", id="link-line"),
])
def test_a_paragraph_not_opening_with_an_attribution_does_not_attribute_the_quote_before(
    after: str
) -> None:
    _, method = attributions(BRIDGE + after, "it")[BRIDGE.strip("“”")]
    assert method is None or not method.startswith("verb-next-sentence")


# --- a short quote ending its sentence, the attribution in the next one --------------------

def test_a_short_quote_ending_its_sentence_takes_the_attribution_opening_the_next() -> None:
    text = ("(Agenzia) – “Sono del tutto sereno”. Così su X il ministro dei Trasporti "
            "Paolo Provetti dopo le polemiche di ieri.")
    assert speakers(text, "it")["Sono del tutto sereno"] == "Paolo Provetti"


def test_a_short_quote_ending_a_sentence_about_no_one_stays_unattributed() -> None:
    text = ("Paolo Provetti ha visitato il cantiere. Sul cartello all'ingresso c'è "
            "soltanto “Lavori in corso”. Il ponte aprirà a maggio.")
    assert speakers(text, "it")["Lavori in corso"] is None


# --- a reporting word right after a short quote -----------------------------------------------

def test_a_reporting_word_right_after_a_short_quote_names_its_speaker() -> None:
    text = ("Erika Musterfrau war im Rathaus. Und Jonas Beispielmann? Der sagte jetzt, er wäre "
            "gern Gärtner geworden. Zur Stadtplanung gebe es da „viele offene Fragen“, so "
            "Beispielmann.")
    assert speakers(text, "de")["viele offene Fragen"] == "Jonas Beispielmann"


# --- a statement as the verb's subject: the one it is of speaks; or past "in a statement" -----

STATEMENTS = [
    pytest.param("es", "Tomás Ejemplar visitó la obra el lunes. «Las obras seguirán hasta "
                 "mayo», concluye el mensaje de la Asociación Vecinal Ejemplar.",
                 "Las obras seguirán hasta mayo", "Asociación Vecinal Ejemplar", id="es-owner"),
    pytest.param("it", "Paolo Provetti ha visitato il cantiere lunedì. «I lavori andranno "
                 "avanti fino a maggio», si legge in una nota del Comitato Ponte Fittizio.",
                 "I lavori andranno avanti fino a maggio", "Comitato Ponte Fittizio",
                 id="it-owner"),
    # "in a statement" is a complement, not an unnamed subject
    pytest.param("it", "Paolo Provetti ha visitato il cantiere. «I lavori andranno avanti fino "
                 "a maggio». Lo dichiara in una nota la sindaca Marta Esempina.",
                 "I lavori andranno avanti fino a maggio", "Marta Esempina", id="it-complement"),
    pytest.param("es", "Tomás Ejemplar visitó la obra. «Las obras seguirán hasta mayo», dijo "
                 "en un comunicado la alcaldesa Lucía Muestrario.",
                 "Las obras seguirán hasta mayo", "Lucía Muestrario", id="es-complement"),
    pytest.param("fr", "Pierre Exemplaire a visité le chantier. « Les travaux dureront "
                 "jusqu'en mai », a déclaré dans un communiqué la maire Claire Modèle.",
                 "Les travaux dureront jusqu'en mai", "Claire Modèle", id="fr-complement"),
]


def test_an_unnamed_subject_still_names_nobody() -> None:
    text = ("Pierre Exemplaire a visité le chantier. « Les travaux dureront jusqu'en mai », a "
            "déclaré un habitant du quartier.")
    assert speakers(text, "fr")["Les travaux dureront jusqu'en mai"] is None


# --- a short quote in a relative clause: the antecedent speaks -------------------------------

RELATIVE = [
    pytest.param("fr", "Pierre Exemplaire a félicité les élus, comme Claire Modèle, qui se dit "
                 "« ravie », ou encore Luc Essai qui salue une « belle victoire ».",
                 {"ravie": "Claire Modèle", "belle victoire": "Luc Essai"}, id="fr"),
    pytest.param("en", "Jane Example praised the council, as did Paul Sample, who called it a "
                 "“historic day”.", {"historic day": "Paul Sample"}, id="en"),
    pytest.param("it", "Paolo Provetti ha lodato la giunta, come Marta Esempina, che parla di "
                 "una «svolta storica».", {"svolta storica": "Marta Esempina"}, id="it"),
]


@pytest.mark.parametrize(("language", "text", "expected"), RELATIVE)
def test_a_quote_in_a_relative_clause_is_its_antecedents(
    language: str, text: str, expected: dict[str, str]
) -> None:
    found = speakers(text, language)
    assert {quote: found[quote] for quote in expected} == expected


def test_a_complementizer_after_an_indirect_object_opens_no_relative_clause() -> None:
    text = ("Le ha dicho Tomás Ejemplar a Lucía Muestrario que, en su opinión, «gobierna sin "
            "rumbo».")
    assert speakers(text, "es")["gobierna sin rumbo"] == "Tomás Ejemplar"


# --- phrases that attribute only after a quote: "A dirlo è stato X", "queste le parole di X" ---

AFTER_QUOTE = [
    pytest.param("it", "Marta Esempina ha visitato il cantiere. «I lavori finiranno a maggio, "
                 "non prima». A dirlo è stato il sindaco Paolo Provetti.",
                 "I lavori finiranno a maggio, non prima", "Paolo Provetti", id="it-a-dirlo"),
    pytest.param("it", "Marta Esempina ha visitato il cantiere. «I lavori finiranno a maggio, "
                 "non prima», queste le parole del sindaco Paolo Provetti.",
                 "I lavori finiranno a maggio, non prima", "Paolo Provetti", id="it-parole"),
    # the quote's own full stop ended its sentence; the attribution is the next one
    pytest.param("fr", "Pierre Exemplaire a visité le chantier. « Les travaux dureront jusqu'en "
                 "mai, pas avant. » C'est ce qu'a déclaré la maire Claire Modèle.",
                 "Les travaux dureront jusqu'en mai, pas avant.", "Claire Modèle",
                 id="fr-c-est-ce-qu"),
    pytest.param("en", "Jane Example visited the site. “The works will last until May, not "
                 "less.” That is what Mayor Paul Sample said on Monday.",
                 "The works will last until May, not less.", "Paul Sample", id="en-that-is-what"),
]


# --- a fact-check's claim on its line, the next line naming who made it ----------------------

NAME_LINE = [
    pytest.param("pt", "A agência checou frases de deputados como Paulo Modelo.\n\n“Foram gastos "
                 "mais de 3 bilhões em emendas neste ano”\nJoana Exemplar (PX-RJ)\n\nFALSO",
                 "Foram gastos mais de 3 bilhões em emendas neste ano", "Joana Exemplar",
                 id="pt"),
    pytest.param("en", "Jane Example spoke to reporters.\n\n“The bridge cost twice as much as "
                 "planned”\nPaul Sample (Ind)\n\nFALSE",
                 "The bridge cost twice as much as planned", "Paul Sample", id="en"),
]


def test_a_line_of_prose_after_a_quote_is_no_name_line() -> None:
    text = ("Jane Example spoke to reporters.\n\n“The bridge cost twice as much as planned”\n"
            "Paul Sample Will Answer Questions On Friday About The Budget\n")
    _, method = attributions(text, "en")["The bridge cost twice as much as planned"]
    assert method != "name-line"


@pytest.mark.parametrize(("language", "text", "quote", "speaker"),
                         [*NEXT_PARAGRAPH, *STATEMENTS, *AFTER_QUOTE, *NAME_LINE])
def test_the_reporting_grammar_names_the_speaker(
    language: str, text: str, quote: str, speaker: str
) -> None:
    assert speakers(text, language)[quote] == speaker


# --- someone else's words: a possessed role ("her spokesman"), the question asked -------

UNNAMED = [
    pytest.param("nl", "Minister Fleur Proefmans kwam niet. Volgens haar woordvoerder was de "
                 "minister \"niet beschikbaar\" voor vragen.", "niet beschikbaar", id="nl"),
    pytest.param("es", "La ministra Lucía Muestrario no acudió. «No estaba disponible», dijo su "
                 "portavoz.", "No estaba disponible", id="es"),
    pytest.param("en", "Mayor Jane Example did not attend. “She was not available,” her "
                 "spokesman said.", "She was not available,", id="en"),
    pytest.param("de", "Ministerin Erika Musterfrau kam nicht. „Sie war verhindert“, sagte ihr "
                 "Sprecher.", "Sie war verhindert", id="de"),
    # a role after an indefinite article is one of many, unnamed; also past a complement
    pytest.param("fr", "Le maire Pierre Exemplaire a parlé. « Le pont ouvrira en mai », a confié "
                 "à l'AFP un ministre.", "Le pont ouvrira en mai", id="fr-indefinite"),
    pytest.param("es", "La alcaldesa Lucía Muestrario habló. «El puente abrirá en mayo», dijo a "
                 "la prensa un portavoz.", "El puente abrirá en mayo", id="es-indefinite"),
    pytest.param("en", "Mayor Jane Example spoke. “The bridge opens in May,” a spokesman said.",
                 "The bridge opens in May,", id="en-indefinite"),
    # a quote inside the question someone was asked is the asker's, unnamed
    pytest.param("en", "Mayor Jane Example met the press. Asked whether the bridge was "
                 "\"really\" safe, the mayor said it was.", "really", id="en-term"),
    pytest.param("en", "Mayor Jane Example met the press. Asked why the council needed a "
                 "\"second bridge\", Paul Sample said: \"Traffic has doubled.\"",
                 "second bridge", id="en-statement"),
    pytest.param("de", "Bürgermeisterin Erika Musterfrau traf die Presse. Gefragt, ob die "
                 "Brücke „wirklich sicher“ sei, sagte sie: „Ja.“", "wirklich sicher",
                 id="de-question"),
]


def test_a_role_without_a_possessive_is_still_resolved() -> None:
    text = ("La ministra Lucía Muestrario visitó la obra. «Estará lista en mayo», dijo la "
            "ministra.")
    assert speakers(text, "es")["Estará lista en mayo"] == "Lucía Muestrario"


# --- an indefinite subject before the verb names nobody --------------------------------------

INDEFINITE = [
    pytest.param("en", "Mayor Jane Example presented the plan. \"It is a waste of money,\" one "
                 "resident wrote. Another added: \"The bridge is fine as it is.\"",
                 ["It is a waste of money,", "The bridge is fine as it is."], id="en"),
    pytest.param("es", "La alcaldesa Lucía Muestrario presentó el plan. «Es un derroche», un "
                 "vecino dijo. Otro añadió: «El puente está bien así».",
                 ["Es un derroche", "El puente está bien así"], id="es"),
]


@pytest.mark.parametrize(("language", "text", "quotes"), INDEFINITE)
def test_an_indefinite_subject_before_the_verb_names_nobody(
    language: str, text: str, quotes: list[str]
) -> None:
    found = speakers(text, language)
    assert [found[quote] for quote in quotes] == [None, None]


def test_a_name_beside_an_indefinite_apposition_still_speaks() -> None:
    text = "Jane Example, a council member, said: \"The bridge is fine.\""
    assert speakers(text, "en")["The bridge is fine."] == "Jane Example"


def test_a_verb_inside_a_clause_after_the_quote_does_not_attribute_it() -> None:
    text = ("Desde el puerto, Tomás Ejemplar ha afirmado que los vecinos «no se creen este "
            "conflicto», señalando que todo responde a una estrategia de Lucía Muestrario.")
    assert speakers(text, "es")["no se creen este conflicto"] == "Tomás Ejemplar"


def test_the_subject_past_an_indirect_object_speaks() -> None:
    text = ("La sindaca Marta Esempina ha parlato. «Il ponte apre a maggio», ha detto ai "
            "cronisti il sindaco Paolo Provetti.")
    assert speakers(text, "it")["Il ponte apre a maggio"] == "Paolo Provetti"


def test_the_answer_after_the_question_keeps_its_speaker() -> None:
    text = ("Mayor Jane Example met the press. Asked why the council needed a \"second "
            "bridge\", Paul Sample said: \"Traffic has doubled.\"")
    assert speakers(text, "en")["Traffic has doubled."] == "Paul Sample"


@pytest.mark.parametrize(("language", "text", "answer", "speaker"), [
    ("pt", "Aurélio Varzim falou com a imprensa. Perguntado sobre o que achou da equipe do "
     "Varsal ele respondeu: “O Varsal fez bem o seu papel.”", "O Varsal fez bem o seu papel.",
     "Aurélio Varzim"),
    ("en", "Coach Aurelio Varzim met the press. Asked about the Varsal side he replied: "
     "\"Varsal played well.\"", "Varsal played well.", "Aurelio Varzim"),
])
def test_an_answer_a_colon_introduces_after_the_question_is_the_answerers(
        language: str, text: str, answer: str, speaker: str) -> None:
    assert speakers(text, language)[answer] == speaker


@pytest.mark.parametrize(("language", "text", "quote"), UNNAMED)
def test_a_quote_of_someone_unnamed_names_nobody(language: str, text: str, quote: str) -> None:
    assert speakers(text, language)[quote] is None


# --- the speaker of a participle or a pluperfect report -----------------------------------

REPORTED_EARLIER = [
    pytest.param("en", "A post went viral over the Harvest Day weekend, which claimed to quote "
                 "Mayor Elna Varsko as stating at the fair that \"the old bridge will close "
                 "for good next spring.\"", "the old bridge will close for good next spring.",
                 "Elna Varsko", id="en-as-stating"),
    pytest.param("it", "Bram Veldhoven ha rilanciato il post in cui la sindaca Elna Varsko "
                 "aveva scritto: «Il ponte vecchio chiuderà per sempre la prossima "
                 "primavera».", "Il ponte vecchio chiuderà per sempre la prossima primavera",
                 "Elna Varsko", id="it-aveva-scritto"),
    pytest.param("pt", "Bram Veldhoven partilhou a publicação em que a prefeita Elna Varsko "
                 "tinha escrito: «A ponte velha vai fechar de vez na próxima primavera».",
                 "A ponte velha vai fechar de vez na próxima primavera", "Elna Varsko",
                 id="pt-tinha-escrito"),
    pytest.param("es", "Bram Veldhoven compartió la publicación en la que la alcaldesa Elna "
                 "Varsko había escrito: «El puente viejo cerrará para siempre la próxima "
                 "primavera».", "El puente viejo cerrará para siempre la próxima primavera",
                 "Elna Varsko", id="es-habia-escrito"),
]


@pytest.mark.parametrize(("language", "text", "quote", "speaker"), REPORTED_EARLIER)
def test_the_subject_of_the_nearest_report_speaks_not_the_one_who_shared_it(
    language: str, text: str, quote: str, speaker: str
) -> None:
    assert speakers(text, language)[quote] == speaker
