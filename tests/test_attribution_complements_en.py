"""A name after a preposition of the English table ("once again over Bob Fakeson") is a
complement, not the subject a later "he" stands for: "over", "into", "between" and the like
are prepositions as "about" and "against" are. Invented passage; the people are fictional."""

from __future__ import annotations

from tests.test_attribution_mentions import check_speaker

PASSAGE = (
    "Mayor Elna Varsko clashed with opposition leader Jim Fakename today. The opposition's "
    "knight in shining armour was so angry that he almost fell off his horse, once again "
    "over Bob Fakeson and the harbour.\nHe told the council that this was “rank pathetic”.\n"
    "And he added: “The plan is dead.”")


def test_a_name_after_over_is_no_pronouns_antecedent() -> None:
    check_speaker(PASSAGE, 'en', 'The plan is dead', 'Jim Fakename')


def test_a_term_in_the_pronouns_sentence_is_not_the_complements_either() -> None:
    check_speaker(PASSAGE, 'en', 'rank pathetic', 'Jim Fakename')
