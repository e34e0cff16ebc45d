"""Where every noun is capitalized (de), a body's noun may be a compound ("das
Familienunternehmen", "der Nahrungsmittelhersteller"): it stands for the body it
introduced right before a name the text also writes alone ("Der Backwarenhersteller
Varskel …", "hatte Varskel schon …"); a capitalized noun after a body's noun that the text
never writes as a name ("Die Polizei will trotzdem Präsenz zeigen") introduces nothing.
Short invented passages; every company and person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import check_speaker

CASES = [
    pytest.param(
        'de',
        ('Der Backwarenhersteller Varskel vollzieht nun einen drastischen Schritt. Man ziehe '
         'sich komplett aus Fiktivien zurück, teilte das Familienunternehmen am Freitag mit. '
         'Das Werk solle „schnellstmöglich“ verkauft werden. Zu den Modalitäten wollte sich '
         'Varskel nicht äußern. Exporte hatte Varskel schon nach dem „brutalen Überfall auf '
         'den Staat“ gestoppt.'),
        'brutalen Überfall auf den Staat', 'Varskel',
        id='compound_body_de'),
    pytest.param(
        'de',
        ('Die Polizei will trotzdem Präsenz zeigen. Sie zeigt verstärkt Präsenz. „Wir bleiben '
         'vor Ort“, sagte Polizeisprecher Jan Fiktivmann.'),
        'Wir bleiben vor Ort', 'Jan Fiktivmann',
        id='no_name_after_gap_de'),
]


@pytest.mark.parametrize(('language', 'text', 'quote', 'speaker'), CASES)
def test_a_compound_body_noun_introduces_its_name(language: str, text: str, quote: str,
                                                  speaker: str) -> None:
    check_speaker(text, language, quote, speaker)
