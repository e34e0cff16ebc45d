"""Ranks after an office ("Kapolres Metro Jakarta Timur Kombes …", "Sheriff … Deputy"):
where the rank stands, and whether an office is no person's name."""

from __future__ import annotations

from quotes.attribute.lexicon import is_first_name
from quotes.attribute.people import Name, PeopleIndex
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_country

# How many capitalized words an office's place may run on before a rank ("Metro Jakarta
# Timur").
_OFFICE_PLACE_WORDS = 3


def rank_after(words: list[Tok], office: Name, table: LanguageData, people: PeopleIndex
                ) -> int | None:
    """The index of the rank after an office and the capitalized words of its place, if
    a word follows it."""
    k = next((i for i, t in enumerate(words) if t.start >= office.end), None)
    if k is None or k == 0:
        return None
    first = k
    while (k + 1 < len(words) and k - first < _OFFICE_PLACE_WORDS
           and people.adjacent(words[k - 1], words[k]) and words[k].text[:1].isupper()
           and not is_rank(words[k], table)):
        k += 1  # the place goes on: "Metro Jakarta Timur"
    return k if k + 1 < len(words) and is_rank(words[k], table) else None


def is_rank(tok: Tok, table: LanguageData) -> bool:
    return tok.text in table.titles or tok.text.rstrip(".") in table.titles


def no_person(office: Name, people: PeopleIndex) -> bool:
    """Is an office no person's name: a role, or capitalized words with no first name
    that nobody is known by ("Metro Jaya")?"""
    if office.kind == "role":
        return True
    return not (is_first_name(office.text.split()[0]) or people.is_known(office.text))


def without_country(named: Name | None, role: Name, table: LanguageData) -> Name | None:
    """The name a role titles, without the country the role is of that stands between
    them ("Presiden Prancis Emmanuel Macron"); a country alone after a role names no one:
    it is whose role it is ("tulis petenis Serbia itu")."""
    if named is None or named.kind != "name":
        return named
    country, _, rest = named.text.partition(" ")
    if not is_country(country, table) or is_first_name(country):
        return named
    if not rest:
        return Name(f"{role.text} {named.text}", role.start, named.end, "role")
    return Name(rest, named.end - len(rest), named.end, "name")
