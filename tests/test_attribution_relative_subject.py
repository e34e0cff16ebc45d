"""Speaker attribution (issue 12): a relative clause set off by commas between a subject
and its speech verb ("Chief Inspector Orla Varnish, who led the operation, said:") leaves
the subject the speaker, not a name the text gave earlier. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("text", "language"), [
    ("Harbury Borough Council has called the week a success.\n\nChief Inspector Orla "
     "Varnish, who led on the operation, said: \"We went out there with a plan.\"", "en"),
    ("Le club Varsac Olympique a publié un communiqué.\n\nLe directeur sportif Orla "
     "Varnish, qui suit le dossier depuis mars, a déclaré : « Nous restons calmes. »", "fr"),
    ("Der Verein Varsdorf hat eine Erklärung veröffentlicht.\n\nTrainerin Orla Varnish, "
     "die das Team seit März betreut, sagte: „Wir bleiben ruhig.“", "de"),
    ("El club Varsilla publicó un comunicado.\n\nEl entrenador Orla Varnish, quien dirige "
     "al equipo desde marzo, dijo: «Seguimos tranquilos».", "es"),
])
def test_the_subject_before_a_relative_clause_speaks(text: str, language: str) -> None:
    assert speaker_names(text, language) == ["Orla Varnish"]
