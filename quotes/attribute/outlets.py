"""A news outlet reports words; it is not the speaker of the words it reports ("zegt een
woordvoerder … bij regionale omroep RTV Drenthe", "sagte eine Polizeisprecherin der
Deutschen Presse-Agentur"). Where only a guess (the ranking, the context, a name in the
sentence) gave an outlet as the speaker, the quote's speaker is left unnamed."""

from __future__ import annotations

import re

from quotes.attribute.people import PeopleIndex
from quotes.models import Attribution

# How many words before a name an outlet's noun may stand ("omroep RTV Drenthe").
_BEFORE_WORDS = 3
# The methods that only guess the speaker.
_GUESSES = ("context", "sentence", "ranked")


def without_outlet(people: PeopleIndex, found: Attribution | None) -> Attribution | None:
    """`found`, or None where it only guessed a news outlet as the speaker."""
    if found is None or found.speaker is None or found.author_handle is not None:
        return found  # nobody, or a person the archive knows
    guessed = found.method.startswith(_GUESSES) or found.method.endswith("ranked")
    return None if guessed and is_outlet(people, found.speaker) else found


def is_outlet(people: PeopleIndex, name: str) -> bool:
    """Does the name hold an outlet's noun ("Deutsche Presse-Agentur"), or does the text
    write one right before it ("de omroep RTV Drenthe"), with no mark between?"""
    words = people.table.outlet_words
    if any(w in words for w in name.casefold().split()):
        return True
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", people.text):
        before = re.split(r"[.,;:!?()\"“”„«»\n]", people.text[max(0, m.start() - 80) : m.start()])
        if any(w.casefold() in words for w in before[-1].split()[-_BEFORE_WORDS:]):
            return True
    return False
