"""Where a mention stands as a place: the words right before it in its sentence, and
whether a place's preposition (or a role's) puts it there ("desde Washington", "le préfet
de police de Marseille", "in de Bossche Varskamp"). Ranking drops a candidate the text
writes only so: a place has no one to speak."""

from __future__ import annotations

import re

from quotes.attribute.people import PeopleIndex
from quotes.attribute.persons import Mention

# A sentence's end: the words before a mention are read back to it.
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# How far before a mention its title, role or preposition is read ("Außenministerin",
# "la ministra", "in de").
TITLE_CHARS = 30


def words_before(people: PeopleIndex, m: Mention) -> list[str]:
    """The casefolded words right before mention `m` in its own sentence, where its title,
    role or preposition stands."""
    before = _SENTENCE_END.split(people.folded[max(0, m.start - TITLE_CHARS) : m.start])
    return before[-1].split()


def after_place_word(people: PeopleIndex, m: Mention) -> bool:
    """Does a place's preposition or a street's noun stand right before mention `m`, an
    article allowed between ("in de Bossche Varskamp", "in via Sauro")?"""
    before = words_before(people, m)
    if before[-1:] and before[-1] in people.table.definite_articles:
        before = before[:-1]
    return bool(before) and (before[-1] in people.table.place_prepositions
                             or before[-1] in people.table.place_nouns)


def names_a_street(people: PeopleIndex, name: str) -> bool:
    """Is `name` a street's or square's own, as a noun before its last word or its last
    word says ("Stasiun Tawang", "Jalan Sudirman", "Market Street", "Berliner Straße")?
    A capitalized word before the noun is swept in with it ("Suasana Stasiun Tawang")."""
    words = name.casefold().split()
    return len(words) > 1 and (not people.table.place_nouns.isdisjoint(words[:-1])
                               or words[-1] in people.table.place_endings)


def written_as_place(people: PeopleIndex, m: Mention) -> bool:
    """Mention `m` follows a place's preposition ("in", "desde"), or a role and a
    preposition ("le préfet de police de Marseille"), an article allowed between ("la
    préfète de la Vienne"). Not a body's: "el Gobierno de Santos" is a person's."""
    if after_place_word(people, m):
        return True
    before, at = words_before(people, m), m.start
    if before[-1:] and before[-1] in people.table.definite_articles:
        at = people.folded.rfind(before[-1], 0, at)
        before = before[:-1]
    return bool(before) and people.role_complement(at, bodies=False)


def naming_mentions(people: PeopleIndex, name: str, *, listed: bool) -> list[Mention]:
    """The mentions of persons and bodies that resolve to `name`. For a name no town list
    holds, a word written before the name in full is no short form of it: "de 21-jarige
    Bossche verdachte" before "in de Bossche Varskamp" is an adjective of the town."""
    named = [m for m in people.mentions if m.kind not in ("pronoun", "role")
             and people.full_name(m.name, m.start) == name]
    if listed:
        return named
    first = min((m.start for m in named if m.name == name), default=0)
    return [m for m in named if m.start >= first]
