"""An unnamed subject after a speech verb that follows its quote, in a language whose nouns
stand without an article ("…,” jawab pelaku serentak."): the verb opens its clause and only
common nouns and their modifiers follow it to the clause's end. Nobody the text names spoke:
the people named before (a questioner in an exchange) are not ranked for it. Where nouns
take articles, a definite one often points back to a person named before ("disse o
tenente"), and an indefinite one is read elsewhere ("dijo un vecino")."""

from __future__ import annotations

from quotes.attribute.names import Phrase
from quotes.attribute.people import Name
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_role

# How many words an unnamed subject's phrase may have ("the dreadlocked arrestee").
_PHRASE_WORDS = 4
# What ends a clause between two words.
_BREAKS = frozenset(",.;:!?()\n“”\"«»„")


def _clause_after(words: list[Tok], at: int, text: str) -> list[Tok] | None:
    """The words from words[at] to the end of their clause; None where the clause runs on
    past the words read or past `_PHRASE_WORDS` words."""
    k = at
    while k + 1 < len(words) and k + 1 - at < _PHRASE_WORDS and not _broken(words, k, text):
        k += 1
    if k + 1 < len(words) and not _broken(words, k, text):
        return None
    if k + 1 >= len(words) and not _BREAKS & set(text[words[k].end : words[k].end + 2]):
        return None
    return words[at : k + 1]


def _broken(words: list[Tok], k: int, text: str) -> bool:
    """Does a clause end between words[k] and words[k + 1]?"""
    return words[k + 1].sent_start or bool(_BREAKS & set(text[words[k].end : words[k + 1].start]))


def unnamed_after_verb(words: list[Tok], verb: Phrase, text: str,
                       table: LanguageData) -> Name | None:
    """The unnamed subject right after a speech verb that opens the words after a quote,
    where the language writes bare nouns: lowercase words only (an article first allowed),
    no function word, time word, role or pronoun."""
    if not table.bare_nouns or verb[0] != 0 or verb[1] >= len(words):
        return None
    phrase = _clause_after(words, verb[1], text)
    if not phrase:
        return None
    articles = table.definite_articles | table.indefinites
    nouns = phrase[1:] if phrase[0].lower in articles else phrase
    if not nouns:
        return None
    if any(not t.text.isalpha() or not t.text.islower() or t.lower in table.stopwords
           or t.lower in table.prepositions or t.lower in table.pronouns
           or t.lower in table.not_names or is_role(t.text, table) for t in nouns):
        return None
    last = nouns[-1]
    return Name(last.text, last.start, last.end, "unnamed")
