"""The words around a number that complete it: a currency before or after it, a percent
word, an approximator ("etwa", "sekitar") and the word for year."""

from __future__ import annotations

from collections.abc import Iterable

from quotes.lang import LanguageData
from quotes.text import words

# The spaces that may stand between a number and the words around it.
SPACES = "\u00a0\u202f\u2009 \t\n"


def _word_ending(
    text: str, start: int, words: Iterable[str], window: int
) -> tuple[str, int] | None:
    """The longest of `words` ending the text just before `start` (spaces allowed in
    between) and not glued to a longer word ("Summe" does not end with "um"), with the
    offset where it begins."""
    head = text[max(0, start - window) : start]
    trimmed = head.rstrip(SPACES)
    lowered = trimmed.lower()
    for word in sorted(words, key=len, reverse=True):
        if not lowered.endswith(word):
            continue
        before = lowered[: len(lowered) - len(word)]
        if word[:1].isalnum() and before and before[-1].isalnum():
            continue
        return word, start - (len(head) - len(trimmed)) - len(word)
    return None


def currency_before(text: str, start: int, table: LanguageData) -> tuple[str | None, int]:
    found = _word_ending(text, start, table.currencies, 12)
    return (table.currencies[found[0]], found[1]) if found else (None, start)


def currency_after(text: str, end: int, table: LanguageData) -> tuple[str | None, int]:
    """A currency after the amount: "100 €", "100 Millionen US-Dollar", "100 juta dolar
    AS", "100 millions de dollars", "30 milliards d'euros"."""
    rest = text[end : end + 40].lower().replace("’", "'")
    pos = len(rest) - len(rest.lstrip(SPACES))
    starts = [pos]
    for connector in table.currency_connectors:
        connector = connector.replace("’", "'")
        if not rest.startswith(connector, pos):
            continue
        after = pos + len(connector)
        if connector.endswith("'"):
            starts.append(after)
        elif rest[after : after + 1] in tuple(SPACES):
            starts.append(after + len(rest[after:]) - len(rest[after:].lstrip(SPACES)))
    for at in starts:
        for sign in sorted(table.currencies, key=len, reverse=True):
            stop = at + len(sign)
            if rest.startswith(sign, at) and not (sign[-1].isalnum() and _word_char(rest, stop)):
                return table.currencies[sign], end + stop
    return None, end


def percent_after(text: str, end: int, table: LanguageData) -> int | None:
    rest = text[end : end + 20].lower()
    pos = len(rest) - len(rest.lstrip(SPACES))
    if pos > 1:
        return None
    for word in sorted(table.percent_words, key=len, reverse=True):
        stop = pos + len(word)
        if rest.startswith(word, pos) and not (word[-1].isalnum() and _word_char(rest, stop)):
            return end + stop
    return None


def _word_char(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] == "_")


def approximator_before(text: str, start: int, table: LanguageData) -> tuple[bool, int]:
    found = _word_ending(text, start, table.approximators, 30)
    return (True, found[1]) if found else (False, start)


def previous_word(text: str, start: int) -> tuple[str, int] | None:
    tokens = words(text[max(0, start - 30) : start], max(0, start - 30))
    if not tokens or text[tokens[-1].end : start].strip():
        return None
    return tokens[-1].lower, tokens[-1].start


def after_year_word(text: str, start: int, table: LanguageData) -> bool:
    previous = previous_word(text, start)
    return previous is not None and previous[0] in table.year_words
