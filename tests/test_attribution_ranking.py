"""Speaker attribution by person mentions and ranking (issue 12), on short invented
passages in every language: names cut out of their titles, pronouns and clitics that
agree with the person they stand for, roles, pro-drop, nicknames and acronyms, terms inside
reporting sentences, organisations and non-persons. Every name here is fictional."""

from __future__ import annotations

import json

import pytest

from quotes.attribute.lexicon import gender, is_first_name
from quotes.attribute.persons import nickname_of
from quotes.models import Attribution, Document
from quotes.pipeline import Analyzer

ANALYZER = Analyzer()


def speakers(text: str, language: str) -> list[Attribution | None]:
    """The attribution of every top-level quote (statements and terms), in order."""
    analysis = ANALYZER.analyze(Document("test.txt", text, language))
    return [f.attribution for f in analysis.findings if f.quote.depth == 0]


def speaker_names(text: str, language: str) -> list[str | None]:
    return [a.speaker if a else None for a in speakers(text, language)]


# --- the first-name lexicon ----------------------------------------------------------------


def test_first_name_lexicon_gives_gender() -> None:
    assert is_first_name("Maria") and is_first_name("Thomas")
    assert gender("Maria Beispielfrau") == "f"
    assert gender("Thomas Probemann") == "m"
    assert gender("Zzyzxq Nobody") is None


@pytest.mark.parametrize(("short", "full", "linked"), [
    ("RK", "Rudi Kasmir", True), ("Budiwan", "Budi Wandoyo", True),
    ("Kasmir", "Rudi Kasmir", False), ("XY", "Rudi Kasmir", False),
])
def test_nicknames_and_acronyms(short: str, full: str, linked: bool) -> None:
    assert nickname_of(short, full) is linked


# --- titles, roles and reporting words are cut from the name ------------------------------

TITLED = [
    pytest.param("de", "Der Verkehrsexperte Thomas Probemann sagte am Montag: „Die Brücke "
                 "ist sicher.“", "Thomas Probemann", id="de"),
    pytest.param("en", "Republican Sen. Thomas Probeman told reporters: “The bridge is safe.”",
                 "Thomas Probeman", id="en"),
    pytest.param("id", "Menurut Budi Wandoyo, jembatan itu aman. “Jembatan ini aman,” kata "
                 "Budi.", "Budi Wandoyo", id="id"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), TITLED)
def test_titles_and_reporting_words_are_no_part_of_the_name(
    language: str, text: str, speaker: str
) -> None:
    assert speaker_names(text, language)[-1] == speaker


# --- pronouns and clitics, with gender agreement ---------------------------------------------

PRONOUNS = [
    pytest.param("de", "Maria Beispielfrau traf Thomas Probemann im Rathaus. „Wir bauen die "
                 "Brücke neu“, schrieb sie später.", "Maria Beispielfrau", id="de-sie"),
    pytest.param("en", "Maria Sampleton met Thomas Probeman at the town hall. “We will rebuild "
                 "the bridge,” she wrote later.", "Maria Sampleton", id="en-she"),
    pytest.param("fr", "Marie Exemplaire a rencontré Thomas Modèle à la mairie. « Nous "
                 "reconstruirons le pont », a-t-elle déclaré.", "Marie Exemplaire",
                 id="fr-a-t-elle"),
    pytest.param("nl", "Thomas Voorbeeldt sprak met Maria Proefje over de brug. „We bouwen "
                 "de brug opnieuw”, zei hij.", "Thomas Voorbeeldt", id="nl-zei-hij"),
    pytest.param("it", "Maria Esempina ha incontrato Tommaso Provetti in municipio. «Il ponte "
                 "sarà ricostruito», ha detto lui.", "Tommaso Provetti", id="it-lui"),
    pytest.param("id", "Gubernur Budi Wandoyo meninjau jembatan itu pada Senin. “Jembatan ini "
                 "akan kami bangun ulang,” ujarnya.", "Budi Wandoyo", id="id-ujarnya"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), PRONOUNS)
def test_pronoun_or_clitic_agrees_with_the_person(language: str, text: str, speaker: str) -> None:
    (found,) = [a for a in speakers(text, language) if a is not None]
    assert found.speaker == speaker
    assert found.speaker_kind == "person"
    assert 0 < found.confidence <= 1
    assert found.chain and found.chain[-1].startswith(speaker)


# --- roles and pro-drop --------------------------------------------------------------------

RESOLVED = [
    pytest.param("es", "Pablo Muestrario presentó el proyecto el lunes. «El puente se abrirá "
                 "en primavera», dijo el mandatario.", "Pablo Muestrario", id="es-role"),
    pytest.param("pt", "Joana Exemplar visitou a obra na segunda-feira. «A ponte vai abrir na "
                 "primavera», afirmou.", "Joana Exemplar", id="pt-pro-drop"),
    pytest.param("it", "Marco Esempione ha visitato il cantiere lunedì. «Il ponte aprirà in "
                 "primavera», scrive.", "Marco Esempione", id="it-pro-drop"),
    pytest.param("es", "Pablo Muestrario visitó la obra el lunes.\n\n«El puente se abrirá en "
                 "primavera. No habrá más retrasos.»", "Pablo Muestrario", id="es-no-verb"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), RESOLVED)
def test_role_and_dropped_subject_take_the_person_named_before(
    language: str, text: str, speaker: str
) -> None:
    assert speaker_names(text, language) == [speaker]


# --- several people: recency, subject, turns -------------------------------------------------


def test_the_speaker_of_an_earlier_quote_keeps_speaking_over_a_person_only_mentioned() -> None:
    text = ("„Die Brücke wird teurer“, sagte Maria Beispielfrau am Montag. Sie hatte mit "
            "Thomas Probemann gesprochen, dessen Firma die Brücke baut.\n\n"
            "„Wir zahlen das nicht allein“, sagte sie.")
    assert speaker_names(text, "de") == ["Maria Beispielfrau", "Maria Beispielfrau"]


# --- nicknames and acronyms ------------------------------------------------------------------


def test_acronym_takes_the_full_name() -> None:
    text = ("Gubernur Rudi Kasmir meresmikan jembatan baru di kota itu. “Jembatan ini untuk "
            "semua warga,” kata RK.")
    assert speaker_names(text, "id") == ["Rudi Kasmir"]


def test_nickname_in_brackets_takes_the_full_name() -> None:
    text = ("Budi Wandoyo (Budiwan) meninjau pasar pada Senin. “Harga beras sudah turun,” "
            "ujar Budiwan.")
    assert speaker_names(text, "id") == ["Budi Wandoyo"]


# --- terms and partial quotes inside a reporting sentence ------------------------------------


def test_term_in_a_reporting_sentence_takes_its_speaker() -> None:
    text = "Thomas Modèle juge la situation « délicate » et réclame un audit."
    assert speaker_names(text, "fr") == ["Thomas Modèle"]


def test_scare_quote_outside_a_reporting_sentence_has_no_speaker() -> None:
    text = "Thomas Modèle a visité le chantier. Les voisins parlent d'un « monstre » de béton."
    assert speaker_names(text, "fr")[-1] is None


# --- organisations and non-persons ---------------------------------------------------------


def test_organisation_is_a_speaker_of_its_own_kind() -> None:
    text = "“We will not comment on rumours,” said the Bridge Builders Party in a statement."
    (found,) = speakers(text, "en")
    assert found is not None
    assert (found.speaker, found.speaker_kind) == ("Bridge Builders Party", "organisation")
    text = "“Kami tidak akan berkomentar,” kata Partai Jembatan Rakyat dalam pernyataannya."
    (found,) = speakers(text, "id")
    assert found is not None
    assert (found.speaker, found.speaker_kind) == ("Partai Jembatan Rakyat", "organisation")


def test_platform_next_to_the_quote_is_not_the_speaker() -> None:
    text = ("Thomas Probemann meldete sich am Abend. Auf Twitter schrieb er: „Die Brücke "
            "bleibt offen.“")
    assert speaker_names(text, "de") == ["Thomas Probemann"]


# --- the result shows kind, confidence and chain ----------------------------------------------


def test_extract_json_shows_kind_confidence_and_chain(tmp_path: object) -> None:
    from quotes.pipeline import extract
    from quotes.report import extract_report

    path = tmp_path / "a.txt"  # type: ignore[operator]
    path.write_text("Maria Sampleton met the mayor. “The bridge will open,” she said.",
                    encoding="utf-8")
    run = extract([str(path)], db_url=f"sqlite:///{tmp_path}/none.sqlite", language="en")
    (quote,) = json.loads(json.dumps(extract_report(run)))["documents"][0]["quotes"]
    attribution = quote["attribution"]
    assert attribution["speaker"] == "Maria Sampleton"
    assert attribution["speaker_kind"] == "person"
    assert 0 < attribution["confidence"] <= 1
    assert attribution["chain"][0] == "she: pronoun"
