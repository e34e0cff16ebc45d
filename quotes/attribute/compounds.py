"""Bodies named by a compound noun where nouns compound and every noun is capitalized
(de: "das Familienunternehmen", "der Nahrungsmittelhersteller Varsko"), and the name such
a noun introduces."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData

# The shortest body's noun a compound may end in ("unternehmen", not "ag").
_SHORTEST_END = 5


def compound_body(lower: str, table: LanguageData) -> bool:
    """A body's common noun (lowercase), or where every noun is capitalized a compound
    ending in one ("familienunternehmen", "nahrungsmittelhersteller")."""
    return lower in table.organisation_words or (table.capitalizes_nouns and any(
        lower.endswith(o) and lower != o for o in table.organisation_words
        if len(o) >= _SHORTEST_END))


def introducing_noun(noun: Tok, table: LanguageData) -> bool:
    """A body's noun that may introduce the body's name after it: lowercase, or where every
    noun is capitalized, a capitalized one or a compound ending in one."""
    if noun.text.islower():
        return noun.lower in table.organisation_words
    return table.capitalizes_nouns and compound_body(noun.lower, table)


def named_alone(tokens: Sequence[Tok], table: LanguageData) -> frozenset[str]:
    """The words the text writes right after a lowercase word that is no function word
    ("hatte Varsko schon"), with no article, as only a name stands where every noun is
    capitalized."""
    return frozenset(tok.text for prev, tok in pairwise(tokens)
                     if prev.is_word and prev.text.islower() and prev.lower not in table.stopwords)
