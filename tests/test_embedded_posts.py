"""Posts an article embeds, left in its text as the post followed by the embed's signature
("— Name (@handle) date") when the embed was not rendered. The passages and accounts are
written for these tests and fictional."""

from __future__ import annotations

import pytest

from quotes.extract import extract_quotes
from quotes.models import Document
from quotes.pipeline import Analyzer

PASSAGES = {
    "nl": ("De wethouder reageerde gisteren op de plannen.\n\n"
           "Vanavond is de brug over de rivier eindelijk weer open voor fietsers. "
           "— Jorien Vlasblom (@example_wethouder) 12 maart 2024\n\n"
           "Niet iedereen was blij."),
    "de": ("Die Bürgermeisterin meldete sich am Abend.\n\n"
           "Liebe Leute, die Fähre fährt ab Montag wieder stündlich. "
           "pic.twitter.com/abc123XYZ— Hanna Hafen (@example_mayor) 3. Juni 2024\n"),
    "en": ("The council member posted a short message.\n\n"
           "The library stays open until ten on weekdays from now on.\n"
           "— Rosa Vance (@example_council) May 1, 2024\n"),
    # Copied as plain text, the signature's dash became a hyphen opening its line.
    "it": ("Il sindaco ha scritto poco dopo.\n\n"
           "Da lunedì il traghetto per l'isola torna a partire ogni ora, anche la sera.\n"
           "- Ettore Brina (@example_sindaco) 4 giugno 2024\n"),
}


@pytest.mark.parametrize("language", sorted(PASSAGES))
def test_an_embedded_post_is_a_quote_of_its_signatory_in_a_tweet(language: str) -> None:
    text = PASSAGES[language]
    result = extract_quotes(text, language)
    statements = result.statements
    assert len(statements) == 1, statements
    quote = statements[0]
    assert "—" not in quote.text and "@" not in quote.text and "pic." not in quote.text
    assert len(quote.text.split()) >= 8
    findings = Analyzer().analyze(Document("test.txt", text, language)).findings
    found = next(f.attribution for f in findings if f.quote.kind == "statement")
    assert found is not None
    assert found.medium == "tweet"
    assert found.method.startswith("embed-signature")
    expected = {"nl": "Vlasblom", "de": "Hafen", "en": "Vance", "it": "Brina"}[language]
    assert found.speaker is not None and expected in found.speaker


def test_a_dash_and_a_handle_in_narration_are_no_embedded_post() -> None:
    text = ("De wethouder (@example_wethouder) reageerde — zoals verwacht — pas in 2024.\n\n"
            "Dat schreef de krant — Het Dagblad (@example_krant) — op 12 maart 2024 niet.")
    assert extract_quotes(text, "nl").statements == ()


@pytest.mark.parametrize("line", [
    " " * 20_000 + "x", "— " * 20_000, "— (@" * 20_000, " " * 20_000 + "— A (@a) 2020",
])
def test_hostile_lines_are_read_once_without_backtracking(line: str) -> None:
    # A backtracking signature pattern took 30 s for 2,000 spaces and grew with their cube.
    text = "Intro.\n\n" + line + "\n"
    quotes = extract_quotes(text, "en").statements
    assert all(len(q.text.split()) >= 2 for q in quotes)
