"""Speaker attribution (issue 12): a sentence in the mood of reported speech (German
Konjunktiv I, "sei", "müsse") goes on with the words of the one quoted last, whoever else
it names; a speech verb with its own subject still names the speaker. Short invented
passages; every person here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_mentions import speaker_of

DEBATE = ('Bei der Debatte gerieten Ministerin Jana Feldhoff und Marten Quast aneinander. '
          'Quast bemerkte: „Wir haben uns hier nie unterbrochen.“ ')

CASES = [
    pytest.param((
        'de',
        DEBATE + 'Daran müsse sich auch die Ministerin halten: „Sie ist ja zur Höflichkeit '
                 'verpflichtet.“',
        'zur Höflichkeit', 'Marten Quast'),
        id='konjunktiv_goes_on_with_the_last_speaker_de'),
    pytest.param((
        'de',
        DEBATE + 'Feldhoff sagte, das sei „schlicht unerhört“.',
        'schlicht unerhört', 'Jana Feldhoff'),
        id='speech_verb_names_its_own_subject_de'),
    pytest.param((
        'de',
        DEBATE + 'Der Konzern sei „verpflichtet“, hieß es.',
        'verpflichtet', None),
        id='impersonal_speech_verb_after_the_quote_de'),
]


@pytest.mark.parametrize('case', CASES)
def test_reported_speech_continues(case: tuple[str, str, str, str | None]) -> None:
    language, text, quoted, speaker = case
    assert speaker_of(text, language, quoted) == speaker
