"""Speaker attribution in an exchange (issue 12): where the verb after a quote has a
common noun for its subject in a language whose nouns stand bare ("…”, jawab pelaku"),
an unnamed person answered, not the questioner the text names. Every name is fictional."""

from __future__ import annotations

from tests.test_attribution_ranking import speaker_names


def test_a_bare_noun_after_the_verb_is_an_unnamed_speaker() -> None:
    text = ("“Pilih mana, polisi atau masyarakat,” tanya Kapolda Irjen Budi Varsasto.\n"
            "“Polisi Pak,” jawab pelaku serentak.")
    assert speaker_names(text, "id") == ["Budi Varsasto", None]


def test_a_name_after_the_verb_still_speaks() -> None:
    text = ("“Pilih mana, polisi atau masyarakat,” tanya Kapolda Irjen Budi Varsasto.\n"
            "“Polisi Pak,” jawab Andi Kesumarto.")
    assert speaker_names(text, "id") == ["Budi Varsasto", "Andi Kesumarto"]
