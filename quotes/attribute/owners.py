"""A role's owner ("la vocera de la Casa Blanca", "la procureure de la République de
Varsac") and the small word classes read around a role and a speech verb's subject."""

from __future__ import annotations

from quotes.attribute.people import Name, PeopleIndex
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_role

# How many owners a role's owner may have in turn ("procureure de la République de X").
_OWNER_LEVELS = 2
# Marks that end a role's owner.
_OWNER_BREAKS = ",.;:!?()[]\"«»“”„"


def preposition_only(tok: Tok, table: LanguageData) -> bool:
    """A preposition that is no article too (pt "a": "afirma a decisão" is an object)."""
    return tok.lower in table.prepositions and tok.lower not in table.definite_articles


def adjective(tok: Tok, table: LanguageData) -> bool:
    """A lowercase word that is no function word, between a role and the name it titles."""
    return tok.text.isalpha() and tok.text.islower() and tok.lower not in table.stopwords \
        and tok.lower not in table.prepositions and not is_role(tok.text, table)


def with_owner(window: list[Tok], i: int, table: LanguageData, people: PeopleIndex) -> Name:
    """The role at window[i] with what it is the role of, where a preposition and
    capitalized words follow ("el líder del PT", "la vocera de la Casa Blanca", "la
    procureure de la République de Varsac": one owner's owner too), up to a person's name
    (the one the role titles): ranking looks for it beside the candidates."""
    tok = window[i]
    last = i
    for _ in range(_OWNER_LEVELS):
        end = _owner_end(window, last, table, people)
        if end is None:
            break
        last = end - 1
    if last == i:
        return Name(tok.text, tok.start, tok.end, "role")
    words = " ".join(t.text for t in window[i : last + 1])
    return Name(words, tok.start, window[last].end, "role")


def _owner_end(window: list[Tok], last: int, table: LanguageData, people: PeopleIndex
               ) -> int | None:
    """Where the capitalized words of an owner end, that a preposition after window[last]
    opens ("… de la Casa Blanca"); None where none does."""
    j = last + 1
    if not (j < len(window) and window[j].lower in table.prepositions
            and people.adjacent(window[last], window[j])):
        return None
    j = _past_articles(window, j + 1, table)
    # An article the window left out may stand between ("de [la] République").
    if j < len(window) and any(c in _OWNER_BREAKS for c in
                               people.text[window[j - 1].end : window[j].start]):
        return None
    end = j
    while (end < len(window) and window[end].text[:1].isupper()
           and (end == j or people.adjacent(window[end - 1], window[end]))
           and not people.person_at(window[end].start)):
        end += 1
    return end if end > j else None


def titles(words: list[Tok], table: LanguageData, people: PeopleIndex) -> bool:
    """Does the role (or its owner's last word), first of `words`, title the name word
    last of them: right before it, or an adjective between ("il presidente ucraino
    Volodymyr Zelensky")?"""
    if len(words) == 2:
        return people.adjacent(words[0], words[1])
    return len(words) == 3 and adjective(words[1], table) \
        and people.adjacent(words[0], words[1]) and people.adjacent(words[1], words[2])


def _past_articles(window: list[Tok], j: int, table: LanguageData) -> int:
    """The index of the first word from window[j] on that is no lowercase function word."""
    while j < len(window) and window[j].lower in table.stopwords and window[j].text.islower():
        j += 1
    return j
