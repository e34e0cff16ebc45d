"""The person a role phrase ends with: "il comandante della Polizia Locale Stefano Varsoni"
is read as one role (what the role is of runs on in capitals), yet its last words, from a
first name on, name the person who holds it."""

from __future__ import annotations

from quotes.attribute.lexicon import is_first_name
from quotes.attribute.people import Name
from quotes.lang import LanguageData, is_country, is_place


def named_in_role(role: Name, table: LanguageData) -> Name | None:
    """The name ending role phrase `role`: its last capitalized words from the first one
    that is a first name, two words at least, no country or town ("presidente degli Stati
    Uniti"); None where it ends with no such name."""
    words = role.text.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k == 0:
        return None  # no lowercase role word: the rules read such a run already
    first = next((i for i in range(k, len(words) - 1) if is_first_name(words[i])), None)
    if first is None:
        return None
    text = " ".join(words[first:])
    if is_country(text, table) or is_place(text):
        return None
    return Name(text, role.end - len(text), role.end, "name")
