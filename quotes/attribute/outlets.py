"""A news outlet reports words; it is not the speaker of the words it reports ("zegt een
woordvoerder … bij regionale omroep RTV Drenthe", "sagte eine Polizeisprecherin der
Deutschen Presse-Agentur"). Where only a guess (the ranking, the context, a name in the
sentence) gave an outlet as the speaker, the quote's speaker is left unnamed."""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from quotes.attribute.people import PeopleIndex
from quotes.models import Attribution

# How many words before a name an outlet's noun may stand ("omroep RTV Drenthe").
_BEFORE_WORDS = 3
# How far back (characters) from a name an outlet's noun is looked for.
_BACK_CHARS = 80
# The marks that part an outlet's noun from a name after it (a line break too), and a word
# as the outlet test reads one: no space and none of those marks.
_MARKS = ".,;:!?()\"“”„«»"
_BREAK = re.compile(f"[{_MARKS}\n]")
_WORD = re.compile(rf"[^\s{_MARKS}]+")
_NOUN_ENDS: WeakKeyDictionary[PeopleIndex, list[int]] = WeakKeyDictionary()
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
    # Only the text after an outlet's noun can hold such a name: a long text is not read
    # whole for every speaker guessed.
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    for noun_end in _outlet_noun_ends(people):
        for m in pattern.finditer(people.text, noun_end, noun_end + _BACK_CHARS + len(name)):
            before = _BREAK.split(people.text[max(0, m.start() - _BACK_CHARS) : m.start()])
            if any(w.casefold() in words for w in before[-1].split()[-_BEFORE_WORDS:]):
                return True
    return False


def _outlet_noun_ends(people: PeopleIndex) -> list[int]:
    """Where each outlet's noun of the text ends, read once per text."""
    found = _NOUN_ENDS.get(people)
    if found is None:
        words = people.table.outlet_words
        found = [m.end() for m in _WORD.finditer(people.text) if m.group().casefold() in words]
        _NOUN_ENDS[people] = found
    return found
