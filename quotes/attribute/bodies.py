"""A body's common noun linked back to where the text named the body in full: "Le parquet
de Bordeaux a confirmé …" … « … » précise le parquet → "parquet de Bordeaux"."""

from __future__ import annotations

import re
from collections.abc import Callable

from quotes.attribute.people import Name, PeopleIndex


def named_before(people: PeopleIndex, name: Name,
                 owner_named: Callable[[PeopleIndex, Name], str | None]) -> str | None:
    """The body a lowercase body's noun stands for where the text wrote the same noun
    before with its owner after a preposition ("le parquet de Bordeaux", "la mairie de
    Varsac"), the noun in lowercase there too: the latest such naming, as `owner_named`
    reads it."""
    noun = name.text.casefold()
    if not name.text.islower() or " " in noun:
        return None
    pattern = re.compile(rf"(?<!\w){re.escape(noun)}(?!\w)")
    found = None
    for m in pattern.finditer(people.folded, 0, name.start):
        written = people.text[m.start() : m.end()]
        if written.islower():  # "Ministério da …" is a name the ranking reads
            found = owner_named(people, Name(written, m.start(), m.end(), "organisation")) \
                or found
    return found


def body_titled(people: PeopleIndex, role: Name) -> Name | None:
    """A capitalized role word that ends a body's name ("el Ministerio Fiscal ha apuntado",
    the body's noun right before it, capitalized too): the body speaks, no person."""
    if not role.text[:1].isupper() or " " in role.text:
        return None
    before = people.text[: role.start]
    noun = before.rstrip()
    if len(noun) != len(before) - 1:
        return None  # one space between them, no mark
    word = noun.rsplit(None, 1)[-1] if noun.strip() else ""
    if not word[:1].isupper() or word.casefold() not in people.table.organisation_words:
        return None
    start = len(noun) - len(word)
    return Name(f"{word} {role.text}", start, role.end, "name")
