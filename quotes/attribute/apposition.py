"""A role opening a sentence and the name it titles across an apposition: "El entrenador
del club, Marco Ruidera, habló …", "La alcaldesa portuaria, Marta Inventada, aseguró …".
The name is the role's holder and the sentence's subject."""

from __future__ import annotations

import re

from quotes.attribute.persons import link_word
from quotes.lang import LanguageData

# How far (characters) a name may follow a role and still be the name the role titles.
TITLE_GAP = 40
# How many words of a role's complement may stand before the comma of its name's
# apposition ("El presidente salvadoreño, Nayib Bukele,").
APPOSITION_WORDS = 5
# How far back (characters) the words before a role are read.
_BEFORE_CHARS = 30
_SENTENCE_END = re.compile(r"[.!?\n]")


def titles(text: str, table: LanguageData, role_end: int, name_start: int,
           name_end: int) -> bool:
    """Does the role ending at `role_end` title the name at text[name_start:name_end] ("Der
    Kanzler Olaf Scholz", "El presidente de México, Andrés Manuel López Obrador"), rather
    than open a sentence about someone else ("El presidente contradijo a Fitch")? Only
    function words, punctuation and capitalized words may stand between, or the role's
    complement before the comma of an apposition."""
    if not role_end <= name_start <= role_end + TITLE_GAP:
        return False
    return all(
        link_word(w.casefold(), table) or w[:1].isupper() or not w[:1].isalpha()
        for w in text[role_end:name_start].replace(",", " ").split()
    ) or complement_apposition(text, role_end, name_start, name_end)


def complement_apposition(text: str, role_end: int, name_start: int, name_end: int) -> bool:
    """Is text[role_end:name_start] the role's complement, then the comma before its name
    ("El entrenador| del club, |Marco Ruidera, habló")? A few words and one comma, and
    another comma closing the name ("Según el líder del PP, Sánchez sería …" is no
    apposition)."""
    between = text[role_end:name_start]
    return (between.rstrip().endswith(",") and between.count(",") == 1
            and len(between.split()) <= APPOSITION_WORDS
            and not any(c in between for c in ".;:!?()")
            and text.startswith(",", name_end))


def opens_as_subject(text: str, table: LanguageData, role_start: int) -> bool:
    """Does the role open its sentence after articles alone ("El presidente …"), not after
    a preposition ("Según el líder del PP, …": the role is no subject)?"""
    before = _SENTENCE_END.split(text[max(0, role_start - _BEFORE_CHARS) : role_start])[-1]
    return not any(w.casefold() in table.prepositions or w.casefold() in table.according_to
                   for w in before.split())
