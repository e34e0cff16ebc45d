"""Behaviour of the attribute stage through the pipeline, on short hand-written passages.

Every passage is invented for these tests; the speakers are fictional, and a tiny
dict-based resolver stands in for the archive.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from quotes.models import Attribution, Document, DocumentAnalysis
from quotes.pipeline import Analyzer

PEOPLE = {
    "Jane Example": "jane_example",
    "Max Mustermann": "maxmustermann",
    "Budi Contoh": "budicontoh",
    "Jean Exemple": "jeanexemple",
    "Ana Ejemplo": "anaejemplo",
    "Marco Esempio": "marcoesempio",
    "Jan Voorbeeld": "janvoorbeeld",
    "Joana Exemplo": "joanaexemplo",
}


def resolve(name: str) -> tuple[str, str] | None:
    """Like the archive's aliases: the full name, or any one word of it."""
    for full, handle in PEOPLE.items():
        if name == full or name in full.split():
            return handle, full
    return None


def analyze(text: str, language: str | None, **pipeline: object) -> DocumentAnalysis:
    pipeline.setdefault("resolve", resolve)
    return Analyzer(**pipeline).analyze(Document("test.txt", text, language))  # type: ignore[arg-type]


def attributions(text: str, language: str | None, **pipeline: object) -> list[Attribution]:
    """The attributions of the top-level statements, in order; each must have one."""
    found = [
        f.attribution
        for f in analyze(text, language, **pipeline).findings
        if f.quote.kind == "statement" and f.quote.depth == 0
    ]
    assert all(a is not None for a in found), found
    return found  # type: ignore[return-value]


def only(text: str, language: str | None, **pipeline: object) -> Attribution:
    found = attributions(text, language, **pipeline)
    assert len(found) == 1, found
    return found[0]


# --- a speech verb after the quote -------------------------------------------------------

VERB_AFTER = [
    pytest.param(
        "de", "„Wir bauen die Brücke im nächsten Jahr“, sagte Max Mustermann am Montag.",
        "Max Mustermann", "sagte", id="de-sagte-X",
    ),
    pytest.param(
        "en", "“The bridge will open next spring,” Jane Example said on Monday.",
        "Jane Example", "said", id="en-X-said",
    ),
    pytest.param(
        "en", "“The bridge will open next spring,” said Jane Example on Monday.",
        "Jane Example", "said", id="en-said-X",
    ),
    pytest.param(
        "id", "“Jembatan itu akan dibuka tahun depan,” kata Budi di Jakarta.",
        "Budi Contoh", "kata", id="id-kata-Budi",
    ),
    pytest.param(
        "fr", "« Le pont ouvrira au printemps prochain », a déclaré Jean Exemple lundi.",
        "Jean Exemple", "a déclaré", id="fr-a-declare-X",
    ),
    pytest.param(
        "es", "«El puente se abrirá la próxima primavera», dijo Ana Ejemplo el lunes.",
        "Ana Ejemplo", "dijo", id="es-dijo-X",
    ),
    pytest.param(
        "it", "«Il ponte aprirà la prossima primavera», ha scritto Marco Esempio lunedì.",
        "Marco Esempio", "ha scritto", id="it-ha-scritto-X",
    ),
    pytest.param(
        "nl", "„De brug gaat volgend voorjaar open”, zei Jan Voorbeeld maandag.",
        "Jan Voorbeeld", "zei", id="nl-zei-X",
    ),
    pytest.param(
        "pt", "«A ponte vai abrir na próxima primavera», escreveu Joana Exemplo na segunda-feira.",
        "Joana Exemplo", "escreveu", id="pt-escreveu-X",
    ),
]


@pytest.mark.parametrize(("language", "text", "speaker", "verb"), VERB_AFTER)
def test_verb_after_the_quote(language: str, text: str, speaker: str, verb: str) -> None:
    found = only(text, language)
    assert found.speaker == speaker
    assert found.author_handle == PEOPLE[speaker]
    assert found.method == "verb-after"
    assert found.verb == verb
    assert found.phrase is not None and verb in found.phrase.casefold()


def test_verb_after_keeps_the_mention_as_written() -> None:
    text = "“Jembatan itu akan dibuka tahun depan,” kata Budi di Jakarta."
    found = only(text, "id")
    assert (found.mention, found.speaker) == ("Budi", "Budi Contoh")
    assert found.mention_start == text.index("Budi")


def test_unknown_speaker_is_kept_unresolved() -> None:
    found = only("“The bridge will open next spring,” said Paul Sample on Monday.", "en")
    assert (found.speaker, found.mention) == ("Paul Sample", "Paul Sample")
    assert found.author_handle is None


# --- a speech verb before the quote, with a colon ------------------------------------------

VERB_BEFORE = [
    pytest.param("en", "Jane Example said on Monday: “The bridge will open next spring.”",
                 "Jane Example", "said", id="en"),
    pytest.param("de", "Max Mustermann sagte am Montag: „Die Brücke wird im Frühjahr eröffnet.“",
                 "Max Mustermann", "sagte", id="de"),
    pytest.param("fr", "Jean Exemple a déclaré lundi : « Le pont ouvrira au printemps. »",
                 "Jean Exemple", "a déclaré", id="fr"),
    pytest.param("id", "Budi Contoh mengatakan: “Jembatan itu akan dibuka tahun depan.”",
                 "Budi Contoh", "mengatakan", id="id"),
    pytest.param("es", "Ana Ejemplo declaró el lunes: «El puente se abrirá en primavera.»",
                 "Ana Ejemplo", "declaró", id="es"),
    pytest.param("pt", "Joana Exemplo afirmou: «A ponte vai abrir na primavera.»",
                 "Joana Exemplo", "afirmou", id="pt"),
]


@pytest.mark.parametrize(("language", "text", "speaker", "verb"), VERB_BEFORE)
def test_verb_before_the_quote(language: str, text: str, speaker: str, verb: str) -> None:
    found = only(text, language)
    assert found.speaker == speaker
    assert found.method == "verb-before"
    assert found.verb == verb


# --- "according to" ----------------------------------------------------------------------

ACCORDING_TO = [
    pytest.param("en", "According to Jane Example, “the bridge will open next spring.”",
                 "Jane Example", id="en-before"),
    pytest.param("en", "“The bridge will open next spring,” according to Jane Example.",
                 "Jane Example", id="en-after"),
    pytest.param("de", "Laut Max Mustermann ist die Lage klar: „Die Brücke wird im Frühjahr "
                 "eröffnet.“", "Max Mustermann", id="de"),
    pytest.param("fr", "Selon Jean Exemple, « le pont ouvrira au printemps prochain ».",
                 "Jean Exemple", id="fr"),
    pytest.param("id", "Menurut Budi Contoh, “jembatan itu akan dibuka pada tahun depan.”",
                 "Budi Contoh", id="id"),
    pytest.param("es", "Según Ana Ejemplo, «el puente se abrirá la próxima primavera».",
                 "Ana Ejemplo", id="es"),
    pytest.param("it", "Secondo Marco Esempio, «il ponte aprirà la prossima primavera».",
                 "Marco Esempio", id="it"),
    pytest.param("nl", "Volgens Jan Voorbeeld is het duidelijk: „De brug gaat in het voorjaar "
                 "open.”", "Jan Voorbeeld", id="nl"),
    pytest.param("pt", "Segundo Joana Exemplo, «a ponte vai abrir na próxima primavera».",
                 "Joana Exemplo", id="pt"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), ACCORDING_TO)
def test_according_to(language: str, text: str, speaker: str) -> None:
    found = only(text, language)
    assert found.speaker == speaker
    assert found.method == "according-to"


# --- a colon introduction without a verb ---------------------------------------------------

COLON = [
    pytest.param("en", "Jane Example on the delay: “We will open the bridge next spring.”",
                 "Jane Example", id="en"),
    pytest.param("de", "Max Mustermann zur Verzögerung: „Wir öffnen die Brücke im Frühjahr.“",
                 "Max Mustermann", id="de"),
    pytest.param("fr", "Jean Exemple, sur le retard : « Nous ouvrirons le pont au printemps. »",
                 "Jean Exemple", id="fr"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), COLON)
def test_colon_introduction(language: str, text: str, speaker: str) -> None:
    found = only(text, language)
    assert found.speaker == speaker
    assert found.method == "colon"
    assert found.verb is None


# --- pronouns and roles ------------------------------------------------------------------

PRONOUN = [
    pytest.param(
        "en",
        "Jane Example visited the building site on Monday. “We will open the bridge next "
        "spring,” she said.",
        "Jane Example", "she", id="en-she-said",
    ),
    pytest.param(
        "en",
        "Jane Example visited the building site on Monday. She said: “We will open the bridge "
        "next spring.”",
        "Jane Example", "She", id="en-she-said-colon",
    ),
    pytest.param(
        "de",
        "Max Mustermann besuchte am Montag die Baustelle. „Wir öffnen die Brücke im nächsten "
        "Frühjahr“, sagte er.",
        "Max Mustermann", "er", id="de-sagte-er",
    ),
    pytest.param(
        "fr",
        "Jean Exemple a visité le chantier lundi. « Nous ouvrirons le pont au printemps », "
        "a-t-il déclaré.",
        "Jean Exemple", "il", id="fr-a-t-il-declare",
    ),
    pytest.param(
        "nl",
        "Jan Voorbeeld bezocht maandag de bouwplaats. „We openen de brug in het voorjaar”, "
        "zei hij.",
        "Jan Voorbeeld", "hij", id="nl-zei-hij",
    ),
    pytest.param(
        "id",
        "Budi Contoh meninjau lokasi proyek pada hari Senin. “Jembatan itu akan dibuka tahun "
        "depan,” ujarnya.",
        "Budi Contoh", "nya", id="id-ujarnya",
    ),
    pytest.param(
        "pt",
        "Joana Exemplo visitou a obra na segunda-feira. «Vamos abrir a ponte na primavera», "
        "disse ela.",
        "Joana Exemplo", "ela", id="pt-disse-ela",
    ),
]


@pytest.mark.parametrize(("language", "text", "speaker", "mention"), PRONOUN)
def test_pronoun_resolves_to_the_person_named_before(
    language: str, text: str, speaker: str, mention: str
) -> None:
    found = only(text, language)
    assert found.speaker == speaker
    assert found.mention == mention
    assert found.method.endswith("+pronoun")


def test_pronoun_resolves_without_a_resolver() -> None:
    text = (
        "Paul Sample visited the building site on Monday. “We will open the bridge next "
        "spring,” he said."
    )
    found = only(text, "en", resolve=None)
    assert (found.speaker, found.mention) == ("Paul Sample", "he")
    assert found.method == "verb-after+pronoun"


ROLE = [
    pytest.param(
        "en",
        "Jane Example presented the project on Monday. “The bridge will open next spring,” "
        "the billionaire said.",
        "Jane Example", "billionaire", id="en",
    ),
    pytest.param(
        "de",
        "Max Mustermann stellte am Montag das Projekt vor. „Die Brücke öffnet im nächsten "
        "Frühjahr“, sagte der Milliardär.",
        "Max Mustermann", "Milliardär", id="de",
    ),
    pytest.param(
        "fr",
        "Jean Exemple a présenté le projet lundi. « Le pont ouvrira au printemps prochain », "
        "a déclaré le milliardaire.",
        "Jean Exemple", "milliardaire", id="fr",
    ),
    pytest.param(
        "es",
        "Ana Ejemplo presentó el proyecto el lunes. «El puente se abrirá la próxima "
        "primavera», dijo la empresaria.",
        "Ana Ejemplo", "empresaria", id="es",
    ),
]


@pytest.mark.parametrize(("language", "text", "speaker", "mention"), ROLE)
def test_role_resolves_to_the_known_person(
    language: str, text: str, speaker: str, mention: str
) -> None:
    found = only(text, language)
    assert found.speaker == speaker
    assert found.author_handle == PEOPLE[speaker]
    assert found.mention == mention
    assert found.method == "verb-after+role"


ROLE_UNKNOWN = [
    pytest.param(
        "en",
        "Paul Sample presented the project on Monday. “The bridge will open next spring,” "
        "the billionaire said.",
        "billionaire", id="en",
    ),
    pytest.param(
        "es",
        "Pablo Muestra presentó el proyecto el lunes. «El puente se abrirá la próxima "
        "primavera», dijo el mandatario.",
        "mandatario", id="es",
    ),
    pytest.param(
        "fr",
        "Paul Modèle a présenté le projet lundi. « Le pont ouvrira au printemps prochain », "
        "a déclaré le patron.",
        "patron", id="fr",
    ),
]


@pytest.mark.parametrize(("language", "text", "mention"), ROLE_UNKNOWN)
def test_role_resolves_to_the_person_named_before_even_unknown_to_the_archive(
    language: str, text: str, mention: str
) -> None:
    # Issue 12: a role after a name stands for that person; the archive need not know them.
    found = only(text, language)
    assert found.speaker == " ".join(text.split()[:2])
    assert found.author_handle is None
    assert found.mention == mention
    assert found.method == "verb-after+role"


# --- the medium ----------------------------------------------------------------------------

MEDIUM = [
    pytest.param("en", "“The bridge will open next spring,” Jane Example wrote on X.",
                 "tweet", id="en-on-X"),
    pytest.param("en", "Jane Example tweeted: “The bridge will open next spring.”",
                 "tweet", id="en-tweeted"),
    pytest.param("de", "„Die Brücke öffnet im nächsten Frühjahr“, schrieb Max Mustermann auf X.",
                 "tweet", id="de-auf-X"),
    pytest.param("fr", "« Le pont ouvrira au printemps prochain », a écrit Jean Exemple sur X.",
                 "tweet", id="fr-sur-X"),
    pytest.param("id", "“Jembatan itu akan dibuka tahun depan,” tulis Budi Contoh melalui akun "
                 "X miliknya.", "tweet", id="id-akun-X"),
    pytest.param("es", "«El puente se abrirá la próxima primavera», tuiteó Ana Ejemplo.",
                 "tweet", id="es-tuiteo"),
    pytest.param("it", "«Il ponte aprirà la prossima primavera», ha scritto Marco Esempio su X.",
                 "tweet", id="it-su-X"),
    pytest.param("nl", "„De brug gaat volgend voorjaar open”, schreef Jan Voorbeeld op X.",
                 "tweet", id="nl-op-X"),
    pytest.param("pt", "«A ponte vai abrir na próxima primavera», escreveu Joana Exemplo no X.",
                 "tweet", id="pt-no-X"),
    pytest.param("en", "“The bridge will open next spring,” Jane Example said in an interview "
                 "with a local radio station.", "interview", id="en-interview"),
    pytest.param("de", "„Die Brücke öffnet im Frühjahr“, sagte Max Mustermann in einem "
                 "Interview mit dem Lokalradio.", "interview", id="de-interview"),
    pytest.param("es", "«El puente se abrirá en primavera», dijo Ana Ejemplo en una entrevista "
                 "con una radio local.", "interview", id="es-entrevista"),
    pytest.param("id", "“Jembatan itu akan dibuka tahun depan,” kata Budi Contoh dalam "
                 "wawancara dengan radio lokal.", "interview", id="id-wawancara"),
    pytest.param("en", "“The bridge will open next spring,” Jane Example said on Monday.",
                 "none", id="en-none"),
    pytest.param("de", "„Die Brücke öffnet im Frühjahr“, sagte Max Mustermann am Montag.",
                 "none", id="de-none"),
]


@pytest.mark.parametrize(("language", "text", "medium"), MEDIUM)
def test_medium(language: str, text: str, medium: str) -> None:
    found = only(text, language)
    assert found.medium == medium
    assert (found.medium_phrase is None) == (medium == "none")
    assert found.speaker is not None


def test_attribution_in_the_next_sentence_with_medium() -> None:
    found = only("«Il ponte aprirà la prossima primavera». Lo scrive Marco Esempio su X.", "it")
    assert (found.speaker, found.method, found.medium) == (
        "Marco Esempio", "verb-next-sentence", "tweet"
    )


# --- fragments continuing an attributed quote ----------------------------------------------


def test_fragment_after_role_attributed_quote_continues_its_speaker() -> None:
    text = (
        "Jane Example visited the building site on Monday.\n\n"
        "“We will open the bridge next spring,” the billionaire wrote in a tweet. "
        "“After that, trains can cross the river again.”"
    )
    first, second = attributions(text, "en")
    assert first.speaker == "Jane Example"
    assert second.speaker == "Jane Example"
    assert second.method == "continues-previous"
    assert second.medium == "tweet"


CONTINUES = [
    pytest.param(
        "en",
        "“We will open the bridge next spring,” Jane Example said. “After that, trains can "
        "cross the river again.”",
        "Jane Example", id="en",
    ),
    pytest.param(
        "de",
        "„Wir öffnen die Brücke im nächsten Frühjahr“, sagte Max Mustermann. „Danach fahren "
        "auch wieder Züge über den Fluss.“",
        "Max Mustermann", id="de",
    ),
    pytest.param(
        "en",
        "“We will open the bridge next spring,” Jane Example said after a meeting with Max "
        "Mustermann. “After that, trains can cross the river again.”",
        "Jane Example", id="en-another-person-named",
    ),
    pytest.param(
        "en",
        "Jane Example visited the building site last week.\n\n“We will open the bridge next "
        "spring,” the billionaire wrote on Monday. “After that, trains can cross the river "
        "again.”",
        "Jane Example", id="en-weekday-in-attribution",
    ),
]


def test_sentence_ending_on_x_does_not_leak_into_the_next_attribution() -> None:
    text = (
        "“The bridge will open next spring,” Jane Example wrote on X. Her rival Paul Sample "
        "disagreed: “That is far too optimistic for this town.”"
    )
    first, second = attributions(text, "en")
    assert (first.speaker, first.medium) == ("Jane Example", "tweet")
    assert (second.speaker, second.method) == ("Paul Sample", "colon")


UNNAMED = [
    pytest.param("en", "“The bridge will open next spring,” said a council member in "
                 "Springfield.", id="en"),
    pytest.param("id", "“Jembatan itu akan dibuka tahun depan,” kata seorang warga di Bandung.",
                 id="id"),
    pytest.param("fr", "« Le pont ouvrira au printemps prochain », a déclaré un habitant de "
                 "Lyon.", id="fr"),
    pytest.param("es", "«El puente se abrirá la próxima primavera», dijo un vecino de Sevilla.",
                 id="es"),
]


@pytest.mark.parametrize(("language", "text"), UNNAMED)
def test_place_after_an_unnamed_speaker_is_not_the_speaker(language: str, text: str) -> None:
    (finding,) = analyze(text, language).findings
    assert finding.quote.kind == "statement"
    speaker = finding.attribution.speaker if finding.attribution else None
    assert speaker is None


@pytest.mark.parametrize(("language", "text", "speaker"), CONTINUES)
def test_fragment_right_after_an_attributed_quote_continues_it(
    language: str, text: str, speaker: str
) -> None:
    first, second = attributions(text, language)
    assert first.speaker == speaker
    assert second.speaker == speaker
    assert second.method == "continues-previous"


# --- languages ---------------------------------------------------------------------------


def test_document_language_is_detected_for_attribution() -> None:
    text = (
        "Der Stadtrat traf sich am Montag. „Die Brücke wird im nächsten Frühjahr eröffnet, "
        "das ist sicher“, sagte Max Mustermann nach der Sitzung."
    )
    analysis = analyze(text, None)
    assert analysis.language == "de"
    found = [f.attribution for f in analysis.findings if f.attribution is not None]
    assert [(a.speaker, a.verb) for a in found] == [("Max Mustermann", "sagte")]


def test_terms_and_nested_quotes_get_no_attribution() -> None:
    text = (
        "Jane Example said: “They called my plan ‘reckless’ and I disagree with them.” "
        "Critics still call it a “green dream” today."
    )
    findings = analyze(text, "en").findings
    assert [(f.quote.text[:10], f.attribution is None) for f in findings] == [
        ("They calle", False),
        ("reckless", True),
        ("green drea", True),
    ]


# --- person entities from a trained-style pipeline ----------------------------------------


def nlp_with_people(code: str, names: list[str]) -> Language:
    nlp = spacy.blank(code)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": name} for name in names])  # type: ignore[attr-defined]
    nlp.add_pipe("sentencizer")
    return nlp


ENTITY = [
    pytest.param("en", "“The bridge will open next spring,” said jane example.",
                 "jane example", id="en-lowercase"),
    pytest.param("id", "“Jembatan itu akan dibuka tahun depan,” kata budi.",
                 "budi", id="id-lowercase"),
    pytest.param("de", "„Die Brücke öffnet im nächsten Frühjahr“, sagte MAX MUSTERMANN am "
                 "Montag.", "MAX MUSTERMANN", id="de-all-caps"),
]


@pytest.mark.parametrize(("language", "text", "name"), ENTITY)
def test_person_entity_makes_an_unusual_name_a_speaker(
    language: str, text: str, name: str
) -> None:
    nlp = nlp_with_people(language, [name])
    found = only(text, language, nlp_for=lambda code: nlp, resolve=None)
    assert found.speaker == name
    assert found.mention == name
    assert found.method == "verb-after"
    # Without the entity the same words are no name at all.
    plain = only(text, language, resolve=None)
    assert plain.speaker is None


def test_term_in_a_sentence_about_a_person_without_a_reporting_verb_takes_a_speaker() -> None:
    # No verb of the tables beside the terms: the sentence still speaks of a person (a name,
    # a pronoun), so the term is that person's words; a sentence about no one quotes no one.
    es = ("Erika Muster (ficticia) visitó la feria. Después Muster criticara que se le haya "
          "puesto «alfombra roja» al invitado.")
    found = {f.quote.text: f.attribution for f in analyze(es, "es").findings}
    assert found["alfombra roja"] is not None
    assert found["alfombra roja"].speaker == "Erika Muster"
    nl = ("Jan Voorbeeld (fictief) sprak gisteren in Utrecht. De gesprekken waren in zijn "
          "ogen juist “constructief”.")
    found = {f.quote.text: f.attribution for f in analyze(nl, "nl").findings}
    assert found["constructief"] is not None
    assert found["constructief"].speaker == "Jan Voorbeeld"
    assert found["constructief"].confidence <= 0.5
    en = "Jane Example (fictional) opened the fair. The weather was a “green dream” all day."
    assert [f.attribution for f in analyze(en, "en").findings] == [None]


def test_lone_german_surname_after_a_speech_verb_is_a_name() -> None:
    # German capitalizes every noun, so "Muster" alone is no name by its capital; right
    # after "so" or "sagte" it names the speaker, and the role noun later resolves to it.
    text = ("Berlin. „Wir müssen wieder Zuversicht haben“, so Muster.\n\n"
            "„Ein Zurück in die alte Zeit wird es nicht geben“, sagte der Kanzler.")
    found = [f.attribution for f in analyze(text, "de").findings]
    assert [a.speaker if a else None for a in found] == ["Muster", "Muster"]


def test_short_form_of_a_name_word_links_to_the_full_name() -> None:
    # "Rukmi" stands for "Dewi Rukmini (fiktif)": the start of one of her name's words.
    text = ("Wali Kota Dewi Rukmini (fiktif) dan Budi Santoso (fiktif) tampil di panggung.\n"
            "\"Kok saya tidak dipanggil?\" kata Rukmi sambil tertawa.")
    found = [f.attribution for f in analyze(text, "id").findings]
    assert found[0] is not None and found[0].speaker == "Dewi Rukmini"


def test_initials_of_a_persons_name_name_that_person() -> None:
    text = ("La presidenta Ana María Pérez Ruiz (ficticia) habló el lunes. “Es falso”, dijo "
            "Pedro Gómez (ficticio).\n\n“Tengo otros datos”, respondió AMPR entre risas.")
    found = [f.attribution for f in analyze(text, "es").findings]
    assert found[1] is not None and found[1].speaker == "Ana María Pérez Ruiz"
    assert found[1].mention == "AMPR"  # named, not guessed


def test_person_named_later_in_the_verbs_clause_is_the_speaker() -> None:
    # No subject right beside the verb: the person named further on in its clause, before
    # any comma, spoke (not the person named in the sentence before).
    text = ("Der Kreml hat zu einer Äußerung von Staatschef Erika Muster (fiktiv) Stellung "
            "genommen. „Die Zitate wurden aus dem Zusammenhang gerissen“, teilte ihr "
            "außenpolitischer Berater Paul Beispiel in Moskau mit.")
    found = [f.attribution for f in analyze(text, "de").findings]
    assert found[-1] is not None and found[-1].speaker == "Paul Beispiel"


def test_a_name_after_a_preposition_is_no_subject_of_the_verb() -> None:
    # "de Vox" and "a Gómez" are complements: the role before "de" spoke, and the one
    # answering is the sentence's subject, not the one answered.
    es = ("Ana Ruiz (ficticia), líder de Vox, habló ayer en Madrid.\n\n"
          "El líder de Vox dijo que “nadie nos callará”.\n\n"
          "Ana Ruiz salió en defensa de Marta Sanz (ficticia) y respondió a Gómez: “Basta ya”.")
    found = [f.attribution for f in analyze(es, "es").findings]
    assert [a.speaker if a else None for a in found] == ["Ana Ruiz", "Ana Ruiz"]


def test_possessive_after_the_verb_is_no_speaker() -> None:
    text = ("Senator Jane Example (fictional), also on the call, said Mr. Roe’s decision was "
            "“a disgrace.”")
    found = [f.attribution for f in analyze(text, "en").findings]
    assert found[0] is not None and found[0].speaker == "Jane Example"


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("fr", "Paul Exemple (fictif) parle. « Tout le monde commence à s’y faire », tente de "
           "minimiser Anne Modèle (fictive), secrétaire d’État.", "Anne Modèle"),
    ("pt", "Paulo Exemplo (fictício) falou ontem. “O resultado será acatado”, avaliou "
           "Maria Modelo (fictícia).", "Maria Modelo"),
    ("id", "Budi Contoh (fiktif) hadir. \"Media mana yang menyebalkan?\" cecar Siti Teladan "
           "(fiktif).", "Siti Teladan"),
])
def test_unknown_verb_in_inverted_order_names_the_speaker(
    language: str, text: str, speaker: str
) -> None:
    # The verb is in no table: the order "…”, verb Name" still names who spoke.
    found = [f.attribution for f in analyze(text, language).findings]
    assert found[-1] is not None and found[-1].speaker == speaker


def test_term_inside_its_sentence_is_no_inverted_attribution() -> None:
    text = ("Nachdem Paul Beispiel (fiktiv) den Appell als „Verzweiflungstat“ bezeichnet hatte "
            "und Erika Muster (fiktiv) vorwarf, sie verbreite Angst, sprach er weiter.")
    found = {f.quote.text: f.attribution for f in analyze(text, "de").findings}
    assert found["Verzweiflungstat"] is None or found["Verzweiflungstat"].speaker != "Erika Muster"


def test_two_surnames_side_by_side_are_two_people() -> None:
    text = ("Jan Voorbeeld (fictief) en Piet Proef (fictief) debatteerden. “Waar bemoei je je "
            "mee?”, beet Voorbeeld Proef toe.")
    found = [f.attribution for f in analyze(text, "nl").findings]
    assert found[-1] is not None and found[-1].speaker == "Jan Voorbeeld"


def test_speaker_named_in_the_next_sentences_clause() -> None:
    # "«…». Lo ha scritto su X il presidente …, Nome Cognome": the verb's clause names the
    # speaker past the medium, though another person was named before the quote.
    text = ("Il presidente aveva con Paolo Esempio (fittizio) un legame stretto. «Auguri per "
            "la nomina». Lo ha scritto su X il presidente ucraino Marco Modello (fittizio) "
            "dopo la nomina.")
    found = [f.attribution for f in analyze(text, "it").findings]
    assert found[0] is not None and found[0].speaker == "Marco Modello"


def test_a_word_opening_several_sentences_is_a_name() -> None:
    # "Tavo" never stands inside a sentence, but opens two: a name, the subject of "disse".
    text = "Tavo usou o twitter ontem.\n\nTavo disse que quer “defender a sua honra”."
    found = [f.attribution for f in analyze(text, "pt").findings]
    assert found[-1] is not None and found[-1].speaker == "Tavo"


def test_a_role_is_matched_by_what_it_is_the_role_of() -> None:
    # "la vocera de la Casa Blanca": the candidate named beside "Casa Blanca" is meant,
    # not the more recent and more often named president.
    text = ("Ana Modelo (ficticia), vocera de la Casa Blanca, habló el lunes. El presidente "
            "Juan Ejemplo (ficticio) viajó a México. Juan Ejemplo firmó el decreto.\n\n"
            "“Seguimos trabajando”, destacó la vocera de la Casa Blanca.")
    found = [f.attribution for f in analyze(text, "es").findings]
    assert found[-1] is not None and found[-1].speaker == "Ana Modelo"


def test_a_role_opening_a_sentence_about_someone_else_is_still_a_reference() -> None:
    # "El presidente contradijo a Acme": the role is the subject, not a title of "Acme";
    # it stands for the president named before, who is then the speaker of the quote.
    text = ("El presidente de México, Juan Ejemplo (ficticio), respondió a la empresa Acme.\n\n"
            "El presidente contradijo a Acme al asegurar que “la operación fue la más exitosa "
            "que ha habido en la historia de sus finanzas, y lo saben todos”.")
    found = [f.attribution for f in analyze(text, "es").findings]
    assert found[-1] is not None and found[-1].speaker == "Juan Ejemplo"


def test_a_web_site_is_no_person() -> None:
    text = ("Dilansir Contohberita.com lewat kicauan Twitternya, dia bercerita.\n"
            "\"Terima kasih media,\" ungkapnya.")
    found = [f.attribution for f in analyze(text, "id").findings]
    assert found[-1] is None or found[-1].speaker_kind != "person"


def test_pronoun_opening_a_sentence_is_the_subject_for_a_term_in_it() -> None:
    text = ("Jan Voorbeeld (fictief) sprak gisteren met de pers.\n\n"
            "Hij memoreert dat Piet Proef (fictief) en hij een “sterk team” vormden.")
    found = [f.attribution for f in analyze(text, "nl").findings]
    assert found[-1] is not None and found[-1].speaker == "Jan Voorbeeld"


def test_role_with_its_owner_titles_the_name_after_it() -> None:
    # "il ministro della Difesa Marco Modello": "della Difesa" is what the role is of, the
    # first name after it begins the name the role titles.
    text = ("Roma. Paolo Esempio (fittizio) ha parlato ieri. «Sono assolutamente tranquillo». "
            "Così su Twitter il ministro della Difesa Marco Modello (fittizio) dopo le notizie.")
    found = [f.attribution for f in analyze(text, "it").findings]
    assert found[-1] is not None and found[-1].speaker == "Marco Modello"


def test_auxiliary_and_unknown_participle_in_inverted_order() -> None:
    text = ("Pedro Ejemplo (ficticio) habló. “Tengo los votos para ser presidente”, ha "
            "proclamado Ana Modelo (ficticia) en el Congreso.")
    found = [f.attribution for f in analyze(text, "es").findings]
    assert found[-1] is not None and found[-1].speaker == "Ana Modelo"


def test_according_to_a_role_before_a_clause_of_its_own() -> None:
    # "Según el líder del PP, Ruiz sería …": Ruiz opens the reported clause; the leader,
    # named before, is the source. "Segundo o ex-presidente, Bolsonaro …" likewise.
    text = ("Ana Modelo (ficticia), líder del PP, habló en Madrid.\n\n"
            "Según el líder del PP, Ruiz sería partidario de «entregar» a la ministra.")
    found = [f.attribution for f in analyze(text, "es").findings]
    assert found[-1] is not None and found[-1].speaker == "Ana Modelo"


def test_term_named_in_its_sentence_must_be_a_person() -> None:
    # "Venezuela" is capitalized but no person: the term goes to the person named after it.
    text = ("Diante da Venezuela, Maria Exemplo (fictícia) trata a posição do governo como "
            "uma “submissão” aos interesses dos norte-americanos.")
    found = {f.quote.text: f.attribution for f in analyze(text, "pt").findings}
    assert found["submissão"] is not None and found["submissão"].speaker == "Maria Exemplo"


def test_a_short_form_the_text_uses_alone_cuts_the_place_before_a_name() -> None:
    # "Bupati Sukamaju Raharjoko Santosa": "Sukamaju" is a place, "Raharjo" (used alone)
    # a short form of the name word after it.
    text = ("Bupati Sukamaju Raharjoko Santosa (fiktif) berbicara kemarin.\n"
            "Raharjo menilai para menteri bekerja keras.\n"
            "\"Saya tentu kecewa,\" kata Raharjo.")
    found = [f.attribution for f in analyze(text, "id").findings]
    assert found[-1] is not None and found[-1].speaker == "Raharjoko Santosa"
