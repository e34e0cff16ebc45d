"""Exchanges between several people (issue 12): the one a sentence is about is not its
speaker. A term in a sentence whose subject is a pronoun after an opening phrase ("In
January, he slammed …, calling X's actions “…”") is the pronoun's person's words, and a
title's period ("Sen. Cory …") ends no sentence. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names

INTRO = "Senator Tom Varsko released a statement on Monday.\n\nVarsko backs the bill. "


@pytest.mark.parametrize("target", ["Cory Kesselbrink", "Sen. Cory Kesselbrink"])
def test_the_pronoun_subject_after_an_opening_phrase_speaks(target: str) -> None:
    text = (INTRO + f"In January, he slammed {target} for testifying against the nomination, "
            "calling Kesselbrink's actions \"disgraceful.\"")
    assert speaker_names(text, "en")[-1] == "Tom Varsko"
