"""Whether a name is a noun: in a language that writes no article before a person's name, a
capitalized word the text writes only after a lowercase definite article ("de Bosschenaar",
"de Duitser", "der Angeklagte") is what someone is (from a town, a country), not who; and
a capitalized word the text writes only after a number ("drei Katzen", "Vier Tage") is
what is counted. Such a word is no speaker's name: the passage names nobody."""

from __future__ import annotations

import re

from quotes.attribute.lexicon import is_first_name
from quotes.attribute.people import PeopleIndex
from quotes.attribute.persons import Mention

_WORD_BEFORE = re.compile(r"(\w+) $")


def _word_before(people: PeopleIndex, start: int, reach: int) -> str | None:
    """The word right before `start` (one space between), read at most `reach` back."""
    found = _WORD_BEFORE.search(people.text, max(0, start - reach), start)
    return found.group(1) if found is not None else None


def _after_article(people: PeopleIndex, start: int) -> bool:
    """Is the word at `start` written right after a definite article in lowercase?"""
    word = _word_before(people, start, 12)
    return word is not None and word.islower() and word in people.table.definite_articles


def names_a_noun(people: PeopleIndex, name: str, ms: list[Mention] | None = None) -> bool:
    """Is one-word `name`, no first name, no body (nor an acronym: "la CGT") and no one the
    archive knows, written
    after a lowercase definite article wherever the text writes it (at each of its
    mentions `ms`, where given)?"""
    if not people.table.unarticled_names or " " in name or not name[:1].isupper() \
            or name.isupper() or is_first_name(name) or people.is_known(name) \
            or people.kind(name) == "organisation":
        return False
    starts = [m.start for m in ms] if ms is not None else [
        w.start() for w in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", people.text)]
    return bool(starts) and all(_after_article(people, at) for at in starts)


def names_a_count(people: PeopleIndex, name: str, ms: list[Mention]) -> bool:
    """Is one-word `name`, no one the archive knows, written after a number (digits or a
    number word: "seine drei Katzen", "Vier Tage danach", "le 3 Mai") at each of its
    mentions `ms`? People are named, not counted; a first name too ("Tage", "Mai")."""
    if " " in name or not ms or people.is_known(name):
        return False
    return all(_after_number(people, m.start) for m in ms)


def _after_number(people: PeopleIndex, start: int) -> bool:
    """Is the word at `start` written right after digits or a number word?"""
    word = _word_before(people, start, 16)
    return word is not None and (word.isdigit() or word.casefold() in people.table.number_words)
