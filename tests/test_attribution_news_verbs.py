"""Speaker attribution (issue 12): the speech verbs news reports write in the present
tense or the passive ("… spricht Polizeisprecher X", "wird Sportdirektor X zitiert") are
the tables'. Short invented passages; every person and place here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

CASES = [
    pytest.param((
        'de',
        ('Von einem „ruhigen Abend“ in Varsdorf spricht Polizeisprecher Jorin Fabelmann '
         'auf Anfrage.'),
        'ruhigen Abend', 'Jorin Fabelmann'),
        id='present_tense_spricht_de'),
    pytest.param((
        'de',
        ('Der Vertrag sei „im besten Einvernehmen“ aufgelöst worden, wird Sportdirektor '
         'Markus Fabelmann am Montag auf der Seite des Vereins zitiert: „Wir danken ihm.“'),
        'im besten Einvernehmen', 'Markus Fabelmann'),
        id='passive_wird_zitiert_de'),
]


@pytest.mark.parametrize('case', CASES)
def test_news_verbs_name_the_speaker(case: tuple[str, str, str, str]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker
