"""Speaker attribution where a street, square or station is named (issue 12): a name the
text writes only after a street's noun ("in piazza Varzetti") or whose own first or last
word says it is one ("Stasiun Karangjati", "Kestrel Road") is a place, no speaker; a
person named as well still is. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("text", "language", "speaker"), [
    ("L'auto era parcheggiata in piazza Varzetti, dove il sindaco l'aveva lasciata. "
     "“Non è la prima volta che subisco aggressioni” ha precisato.", "it", None),
    ("L'auto era parcheggiata in piazza Varzetti. Il sindaco Aldo Brunoldi l'aveva "
     "lasciata lì. “Non è la prima volta che subisco aggressioni” ha precisato.", "it",
     "Aldo Brunoldi"),
    ("Suasana Stasiun Karangjati ramai sejak pagi. \"Kami siaga penuh,\" katanya.",
     "id", None),
    ("The fire started on Kestrel Road on Monday. \"Stay away from the area,\" he said.",
     "en", None),
    ("La policía cortó la calle Orzanilla durante horas. \"No hemos visto nada\", "
     "dijo.", "es", None),
])
def test_a_street_or_station_is_no_speaker(
        text: str, language: str, speaker: str | None) -> None:
    assert speaker_names(text, language) == [speaker]
