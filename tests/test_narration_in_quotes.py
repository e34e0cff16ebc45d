"""A reporter's narration left inside the quote marks (who wrote it, where, on which date)
is the article's, not the speaker's: its date and name are no difference from the tweet.
The speaker's own words around it are still compared.

Every tweet and quote here was written for these tests; the accounts are fictional."""

from __future__ import annotations

import pytest
from test_false_alarms import distorting, verdict

from quotes import lang
from quotes.compare.narration import narration_spans

HARBOUR = "We will not close the harbour, because it belongs to everyone in Norvik."


@pytest.mark.parametrize(("quote", "language"), [
    ("Non chiuderemo il porto – ha scritto la sindaca Varsko su X il 3 marzo – perché "
     "appartiene a tutti a Norvik", "it"),
    ("Nous ne fermerons pas le port, a écrit Mme Varsko lundi 3 mars sur X, car il "
     "appartient à tous à Norvik", "fr"),
    ("No cerraremos el puerto —escribió la alcaldesa Varsko en X el 3 de marzo— porque "
     "pertenece a todos en Norvik", "es"),
    ("Wir werden den Hafen nicht schließen, schrieb Varsko am 3. März auf X, denn er gehört "
     "allen in Norvik", "de"),
    ("Kami tidak akan menutup pelabuhan, tulis Wali Kota Varsko di X pada 3 Maret, karena "
     "pelabuhan milik semua warga Norvik", "id"),
])
def test_narration_inside_the_marks_is_no_difference(quote: str, language: str) -> None:
    v = verdict(quote, language, HARBOUR)
    assert distorting(v) == [], v.differences


def test_the_speakers_own_words_around_narration_are_still_compared() -> None:
    # The negation the quote drops is outside the narration.
    v = verdict("Chiuderemo il porto – ha scritto la sindaca Varsko su X il 3 marzo – perché "
                "appartiene a tutti a Norvik", "it", HARBOUR)
    assert "negation" in distorting(v), v.differences


def test_speech_reported_by_the_speaker_is_not_narration() -> None:
    italian = lang.get("it")
    # "he said no" names nobody; a name the tweet itself has is rendered, not narrated.
    assert narration_spans("Abbiamo chiesto al porto, e lui ha detto di no", italian,
                           "We asked the harbour and he said no.") == []
    assert narration_spans("Dobbiamo agire, come ha detto Okafor, subito", italian,
                           "We must act, as Okafor said, now.") == []
