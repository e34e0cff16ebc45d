"""Look-alike accounts, on handles of obviously fictional people."""

from __future__ import annotations

import pytest

from quotes.compare.lookalike import imitated_account, imitation_of

OFFICIAL = "DanaDemoulin"


@pytest.mark.parametrize(
    ("impostor", "how"),
    [
        ("DanaDemouIin", "letters that look alike"),  # capital I for l
        ("DanaDemou1in", "letters that look alike"),  # digit one for l
        ("DanaDernoulin", "letters that look alike"),  # rn for m
        ("DanaDem0ulin", "letters that look alike"),  # zero for o
        ("DanaDemoulin_", "the same name with characters or words added"),
        ("realDanaDemoulin", "the same name with characters or words added"),
        ("DanaDemoulinOfficial", "the same name with characters or words added"),
        ("DanaDemoulin2024", "the same name with characters or words added"),
        ("Dana_Demoulin", "the same name with characters or words added"),
        ("DanaDemoullin", "one letter changed"),  # a letter doubled
        ("DanaDemoulni", "one letter changed"),  # two letters swapped
        ("DanaDemouln", "one letter changed"),  # a letter dropped
    ],
)
def test_impostor_handles_are_recognised(impostor: str, how: str) -> None:
    found = imitation_of(impostor, OFFICIAL)
    assert found is not None
    assert (found.handle, found.imitated, found.how) == (impostor, OFFICIAL, how)


@pytest.mark.parametrize("other", ["DanaDemoulin", "@danademoulin", "DanaSmith",
                                   "StellaStatistica", "DemoulinFanClubOfLyon"])
def test_the_account_itself_and_unrelated_ones_imitate_nothing(other: str) -> None:
    assert imitation_of(other, OFFICIAL) is None


def test_two_changed_letters_count_only_on_long_handles() -> None:
    assert imitation_of("StelaStatistika", "StellaStatistica") is not None
    # Short handles two edits apart are just different accounts.
    assert imitation_of("SamWood", "PamWool") is None
    assert imitation_of("EdNox", "EdFox") is None  # one edit, but too short to tell


def test_a_handle_can_imitate_the_name_the_article_gives() -> None:
    found = imitated_account("ErikaMusterReal", [], speaker="Erika Muster (fictional)")
    assert found is not None and found.how == "the same name with characters or words added"
    assert imitated_account("ErikaMusIer", [], speaker="Erika Muster") is not None
    assert imitated_account("erikamuster", [], speaker="Erika Muster") is None


def test_an_official_handle_is_never_an_impostor_of_its_own_person() -> None:
    # "real" + name is how some official accounts are named: official wins.
    assert imitated_account("realErikaMuster", ["realErikaMuster"],
                            speaker="Erika Muster") is None


def test_a_display_name_can_claim_a_person() -> None:
    found = imitated_account("bridgefan77", ["ErikaMuster"], display_name="Erika Muster")
    assert found is not None
    assert found.imitated == "ErikaMuster" and "display name" in found.how
    assert imitated_account("bridgefan77", ["ErikaMuster"], display_name="Bridge Fan") is None


@pytest.mark.parametrize(("impostor", "how"), [
    ("fictional_mayorr", "one letter changed"),
    ("fict1onal_mayor", "one letter changed"),  # digit one for i
    ("fictionaI_mayor", "letters that look alike"),  # capital I for l
    ("fictional_rnayor", "letters that look alike"),  # rn for m
    ("real_fictional_mayor", "the same name with characters or words added"),
    ("fictional_mayor_official", "the same name with characters or words added"),
    ("fictional.mayor", "the same name with characters or words added"),
    ("fictionalmayor2024", "the same name with characters or words added"),
])
def test_an_official_handle_with_separators_is_imitated_with_words_added(
    impostor: str, how: str
) -> None:
    found = imitation_of(impostor, "fictional_mayor")
    assert found is not None and found.how == how
    assert imitation_of("FICTIONAL_MAYOR", "fictional_mayor") is None  # the same account


def test_a_name_with_a_two_letter_code_is_no_imitation_of_the_name() -> None:
    # Own accounts are often the name and an office's or a country's code; with no
    # official handle to compare, that shows nothing (a fictional mayor's).
    assert imitation_of("elnavarskopm", "Elna Varsko", target_is_name=True) is None
    assert imitation_of("mxelnavarsko", "Elna Varsko", target_is_name=True) is None
    # Letters changed inside the name, or a doubled last letter, still imitate it ...
    assert imitation_of("elnavarskko", "Elna Varsko", target_is_name=True) is not None
    assert imitation_of("elnavarsokk", "Elna Varsko", target_is_name=True) is not None
    # ... and the same code on an official handle's copy still imitates that handle.
    assert imitation_of("elnavarskopm", "elnavarsko") is not None
