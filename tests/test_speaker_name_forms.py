"""Name forms of one person in the speaker check: the account goes by a shorter form of
the name the article gives (a one-word name inside a long one, a given name and the
first surname of two), or the article writes the initials of the account's name. Another
given name or another person's single name still names another person.

Fictional people and accounts only."""

from __future__ import annotations

import pytest
from test_speaker_check import said_by

from quotes.compare.speaker import check_speaker
from quotes.models import Account

NANDI = Account("fictional_nandi", "Nandi")
ORTIZ = Account("fictional_mayor", "Gabriela Ortiz")
PENWICK = Account("fictional_governor", "Arlo Benedikt Penwick Lund")


@pytest.mark.parametrize(("named", "author"), [
    ("Ana Paula Nandi da Costa", NANDI),  # the one-word name she posts under
    ("Gabriela Ortiz Mendes", ORTIZ),  # the second surname the account leaves out
    ("ABPL", PENWICK),  # the initials of every word of the account's name
])
def test_a_shorter_form_or_the_initials_of_the_authors_name_is_the_author(
        named: str, author: Account) -> None:
    check = check_speaker(said_by(named), author)
    assert (check.status, check.difference) == ("verified", None)


@pytest.mark.parametrize(("named", "author"), [
    ("Lucia Ortiz Mendes", ORTIZ),  # another given name
    ("Ana Paula Costa", NANDI),  # a long name without her one-word name
    ("ABL", PENWICK),  # initials of another name
])
def test_another_given_name_or_other_initials_name_another_person(
        named: str, author: Account) -> None:
    assert check_speaker(said_by(named), author).status == "other_person"
