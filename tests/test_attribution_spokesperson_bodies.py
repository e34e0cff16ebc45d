"""Speaker attribution for a spokesperson named by role alone ("aldus de woordvoerder",
"sagte der Sprecher"), issue 12: the spokesperson speaks for an organisation but is not
it, so an organisation is no candidate for the role; a spokesperson the text names is.
Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("language", "text"), [
    ("nl", ",,Die informatie is waardevol gebleken in de opsporing'', zegt de politie in een "
           "persbericht. ,,De politie wil iedereen bedanken'', aldus de woordvoerder."),
    ("de", "Die Bundespolizei kontrolliert an der Grenze. „Wir prüfen jeden Hinweis“, sagte "
           "der Sprecher."),
])
def test_an_unnamed_spokesperson_is_not_the_organisation(language: str, text: str) -> None:
    assert speaker_names(text, language)[-1] is None


def test_a_named_spokesperson_is_still_found() -> None:
    text = ("Woordvoerder Jan Varskens van de politie bevestigde de aanhouding. ,,Die "
            "informatie is waardevol gebleken'', aldus de woordvoerder.")
    assert speaker_names(text, "nl")[-1] == "Jan Varskens"
