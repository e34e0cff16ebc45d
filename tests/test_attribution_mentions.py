"""Speaker attribution by person mentions (issue 12): capitalized non-persons, names glued
to other words, unnamed and coordinated subjects, organisations that speak through an
unnamed spokesperson. Short invented passages in de, en, nl (and es, it); every person,
party and foundation here is fictional."""

from __future__ import annotations

import pytest

from quotes.models import Document
from quotes.pipeline import Analyzer

ANALYZER = Analyzer()


def speaker_of(text: str, language: str, quoted: str) -> str | None:
    """The speaker of the top-level quote holding `quoted`."""
    analysis = ANALYZER.analyze(Document("test.txt", text, language))
    for finding in analysis.findings:
        if finding.quote.depth == 0 and quoted in finding.quote.text:
            return finding.attribution.speaker if finding.attribution else None
    raise AssertionError(f"no quote holding {quoted!r}")


# --- capitalized words that are no person ---------------------------------------------------


def test_multiword_non_name_leaves_no_word_behind_nl() -> None:
    # "Tweede Kamer" is parliament: "Tweede" alone must not become a candidate speaker.
    text = ("Ook de Tweede Kamer is debet aan het wantrouwen. In het college wordt "
            "gemopperd: ,,Het begint te knagen bij iedereen.”")
    assert speaker_of(text, "nl", "Het begint te knagen") is None


def test_dateline_place_is_no_speaker_en() -> None:
    text = ("Port Wexley, 3 March 2024 - The bridge opened after ten years of work.\n\n"
            '"It will change the town for good," the mayor said.')
    assert speaker_of(text, "en", "change the town") != "Port Wexley"
    assert speaker_of(text, "en", "change the town") != "Wexley"


def test_noun_after_a_name_is_not_part_of_it_de() -> None:
    text = ("Der Verband hat am Dienstag zu einer Äußerung von Bürgermeisterin Erika Fiktiva "
            "Stellung genommen, die Brücke sei „binnen zwei Wochen fertig“. Fiktiva sagte "
            "später: „Das bleibt so.“")
    assert speaker_of(text, "de", "Das bleibt so") == "Erika Fiktiva"


def test_organisation_is_cut_from_the_name_after_it_it() -> None:
    text = ("La Farnesina ha scritto ai consoli. "
            "“Tutti i consoli sono invitati alla massima prudenza”, dice il documento inviato "
            "dal segretario generale della Farnesina Riccardo Fittizio.")
    assert speaker_of(text, "it", "Tutti i consoli") == "Riccardo Fittizio"


def test_shared_surname_stands_for_the_person_introduced_first_en() -> None:
    text = ("Senator Elna Varsko said in a note that the report was unfair. Varsko did not "
            "explain the loans arranged by her nephew, Tobin Quill Varsko.\n\n"
            'Varsko said: "My nephew acted on his own."')
    assert speaker_of(text, "en", "acted on his own") == "Elna Varsko"


# --- subjects ---------------------------------------------------------------------------


def test_verb_followed_by_comma_has_no_subject_after_it_de() -> None:
    text = ("Als Jonas Kerbel in der Sendung „die Zeit der großen Reden ist vorbei“ in die "
            "Kamera sagte, rief Tamsin Orlova dazwischen: „Das stimmt doch nicht.“")
    assert speaker_of(text, "de", "die Zeit der großen Reden") == "Jonas Kerbel"
    assert speaker_of(text, "de", "Das stimmt doch nicht") == "Tamsin Orlova"


@pytest.mark.parametrize(("quoted"), ["a normal call on a Saturday", "I do not believe"])
def test_unnamed_subject_before_the_verb_names_nobody_en(quoted: str) -> None:
    text = ('Mayor Elna Varsko said she had "a good call" with the governor.\n\n'
            '"This sounds like a normal call on a Saturday," one reader tweeted. Another '
            'added: "I do not believe a word of it."')
    assert speaker_of(text, "en", quoted) is None


def test_verb_after_coordinating_and_takes_the_clause_subject_es() -> None:
    text = ("La Fundación Ficticia rechazó hablar de las acusaciones del alcalde Tomás "
            "Inventado contra la Agencia Nacional y el Consejo Portuario y calificó como "
            "un “paso en la dirección correcta” las nuevas sanciones.")
    assert speaker_of(text, "es", "paso en la dirección correcta") == "Fundación Ficticia"


def test_acronym_opening_the_sentence_before_a_verb_is_the_speaker_nl() -> None:
    text = ("Burgemeester Elna Varsko vindt de plannen te duur. FPV zei: „Wij zijn zeer "
            "geschrokken van de brieven.”")
    assert speaker_of(text, "nl", "Wij zijn zeer geschrokken") == "FPV"


def test_adverb_opening_an_inverted_sentence_is_no_speaker_nl() -> None:
    text = ("Burgemeester Elna Varsko bezocht de haven. Gisteren zei zij: „Wij bouwen een "
            "nieuwe kade.”")
    assert speaker_of(text, "nl", "Wij bouwen een nieuwe kade") == "Elna Varsko"


def test_a_colon_sentence_before_the_next_quote_is_not_this_ones_es() -> None:
    text = ("La alcaldesa Marta Inventada acusó a la oposición de \"paralizar las "
            "instituciones del puerto\". Zentrix ha respondido con el mensaje: \"El colmo de "
            "la desfachatez.\"")
    assert speaker_of(text, "es", "paralizar las instituciones") == "Marta Inventada"
    assert speaker_of(text, "es", "El colmo de la desfachatez") == "Zentrix"


# --- organisations speaking through an unnamed spokesperson ---------------------------------


def test_unnamed_spokesperson_speaks_for_the_organisation_nl() -> None:
    text = ("De Stichting Varskohuis heeft excuses gemaakt bij burgemeester Jorin Dekkema. "
            "“Dat hadden we niet moeten doen”, laat een woordvoerder weten.")
    assert speaker_of(text, "nl", "Dat hadden we niet") == "Stichting Varskohuis"


def test_unnamed_spokesperson_without_organisation_names_nobody_en() -> None:
    text = ('Mayor Elna Varsko left the meeting early. "We regret the delay," a spokeswoman '
            "said.")
    assert speaker_of(text, "en", "We regret the delay") is None


def test_named_spokesperson_keeps_the_name_de() -> None:
    text = ("Die Stiftung Fiktivhaus hat sich entschuldigt. „Das war ein Fehler“, sagte "
            "Sprecherin Tamsin Orlova.")
    assert speaker_of(text, "de", "Das war ein Fehler") == "Tamsin Orlova"


def test_name_in_capitals_opening_an_interview_answer_nl() -> None:
    text = ("WEEKBLAD Mist u het burgemeesterschap?\n\n"
            "MARIA VARSKO (FPV, burgemeester van 1990 tot 1994) «Ik mis alleen de haven en "
            "de mensen daar.»")
    found = speaker_of(text, "nl", "Ik mis alleen de haven")
    assert found is not None and found.casefold() == "maria varsko"


def test_name_with_particles_is_one_person_nl() -> None:
    # "Zandvoort" alone later must stand for the full name, not for a person of its own.
    text = ("Gisteravond bekeken Herman van der Zandvoort en Pieter Klaasje een fragment. "
            "Volgens Van der Zandvoort is het een truc.\n\n"
            "Maar het is volgens de presentator niet zo eenvoudig. „Bij andere onderwerpen "
            "doen ze dat niet.” Dat zei Zandvoort later.")
    assert speaker_of(text, "nl", "Bij andere onderwerpen") == "Herman van der Zandvoort"


def test_compound_ending_in_a_noun_is_no_name_nl() -> None:
    text = ("Presentatrice Elna Varsko sprak gisteren.\n\n"
            "Maar het is volgens haar niet zo dat alle beelden van FPV-items nep zijn. „Bij "
            "andere onderwerpen doen ze dat niet.”")
    assert speaker_of(text, "nl", "Bij andere onderwerpen") == "Elna Varsko"


def test_surname_written_without_article_is_a_name_de() -> None:
    # German capitalizes every noun; a word never written after an article is a surname.
    text = ("Auf die Entscheidung spielt Kerbelmann nur kurz an. Am Ende komme es auf den "
            "Bürgermeister an, dass aus dem „Durcheinander“ eine Handlung werde. Kerbelmann "
            "habe eine schwierige Aufgabe gehabt.")
    assert speaker_of(text, "de", "Durcheinander") == "Kerbelmann"


def test_role_titling_an_organisation_is_the_persons_role_id() -> None:
    text = ("Menteri Budi Santosa enggan berkomentar. \"Saya no comment ya,\" ujar Budi.\n"
            "\"Presiden santai saja, masa saya komentari?\" ungkap politikus Partai Fiktif "
            "ini.")
    assert speaker_of(text, "id", "Presiden santai saja") == "Budi Santosa"
