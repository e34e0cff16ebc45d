"""Quote lists name each speaker beside the words: in a bracket right after the quote
("«…» (Trainer Jan Fiktiv nach dem 2:0)") or on a line of its own above it ("Sportchef
Jan Fiktiv\\n\\n„…“"). A list whose names stand under the quotes (a fact-check's claims)
keeps them there. Short invented passages; every person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

BRACKETS_DE = (
    "Die Sprüche des Spieltags:\n\n"
    "«Wir haben heute alles versucht.» (Trainer Jan Fiktiv nach dem 0:2 gegen Nordstadt)\n\n"
    "«Der Rasen war zu tief.» (Nordstadts Kapitän Lukas Erfunden über den Platz)\n\n"
    "«Am Ende zählt der Sieg.» (Mara Beispiel, Sportchefin des SC Südheim, nach dem 3:1)"
)

HEADINGS_DE = (
    "Stimmen zum Spiel\n\n"
    "Trainer Jan Fiktiv\n\n"
    "„Da muss ich mich erst mal schütteln. Das ist nicht zu erklären.“\n\n"
    "Sportchef Lukas Erfunden\n\n"
    "„Ich bin sprachlos. Wir reden mit dem Trainer.“\n\n"
    "Mara Beispiel\n\n"
    "„Wir müssen uns schämen.“"
)

HEADINGS_ES = (
    "Las reacciones tras el partido\n\n"
    "Entrenador Pablo Inventado\n\n"
    "\"Hemos jugado con mucho orden y merecimos ganar.\"\n\n"
    "Capitán Diego Ficticio\n\n"
    "\"No hay excusas, ellos fueron mejores.\""
)

# The names stand under each quote: each name line is also above the next quote.
TRAILING_EN = (
    "What the council members said\n\nMay 3, 2024\n\n"
    "``I think the manager has shown resolve in what he did.''\n\n"
    "Mayor Jane Example\n\n"
    "``Based on the summary he gave me, his action was right.''\n\n"
    "Councilman Tom Madeup\n\n"
    "``I still have some concerns about the plan.''\n\n"
    "Councilwoman Ada Fictional"
)


@pytest.mark.parametrize(("language", "text", "quoted", "speaker"), [
    pytest.param("de", BRACKETS_DE, "alles versucht", "Jan Fiktiv", id="bracket_role_name_de"),
    pytest.param("de", BRACKETS_DE, "Der Rasen war zu tief", "Lukas Erfunden",
                 id="bracket_owner_role_name_de"),
    pytest.param("de", BRACKETS_DE, "zählt der Sieg", "Mara Beispiel",
                 id="bracket_name_then_apposition_de"),
    pytest.param("de", HEADINGS_DE, "erst mal schütteln", "Jan Fiktiv", id="heading_first_de"),
    pytest.param("de", HEADINGS_DE, "Ich bin sprachlos", "Lukas Erfunden",
                 id="heading_middle_de"),
    pytest.param("de", HEADINGS_DE, "Wir müssen uns schämen", "Mara Beispiel",
                 id="heading_name_only_de"),
    pytest.param("es", HEADINGS_ES, "Hemos jugado", "Pablo Inventado", id="heading_first_es"),
    pytest.param("es", HEADINGS_ES, "No hay excusas", "Diego Ficticio", id="heading_last_es"),
    pytest.param("en", TRAILING_EN, "shown resolve", "Jane Example", id="trailing_first_en"),
    pytest.param("en", TRAILING_EN, "Based on the summary", "Tom Madeup",
                 id="trailing_middle_en"),
    pytest.param("en", TRAILING_EN, "some concerns", "Ada Fictional", id="trailing_last_en"),
])
def test_a_quote_list_names_each_quote_its_own_speaker(
    language: str, text: str, quoted: str, speaker: str
) -> None:
    check_speaker(text, language, quoted, speaker)


def test_a_credit_in_brackets_is_no_speaker() -> None:
    """"(Foto: Jane Example)" after a quote credits a picture: the verb names the speaker."""
    text = ("Der Bürgermeister Paul Erfunden sagte: „Die Brücke bleibt offen.“ "
            "(Foto: Mara Beispiel)")
    check_speaker(text, "de", "Die Brücke bleibt offen", "Paul Erfunden")

