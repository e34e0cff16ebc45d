"""Names across languages: one spelling key for cognate spellings (Irak/Iraq,
Sowjet/Soviet), the table's exonyms, and the words that are roles or titles, not names."""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache

from rapidfuzz import fuzz

from quotes import lang
from quotes.lang import LanguageData
from quotes.normalize import strip_accents

# Two spellings of a name are one name from this rapidfuzz ratio (Irak/Iraq after
# folding), or when they share this share of the shorter one as a prefix (Europäische/
# European, sowjetische/Soviet).
NAME_RATIO = 80.0
NAME_PREFIX_SHARE = 0.6
NAME_PREFIX_MIN = 4
# A name this short is still one name with another that only adds an ending to it (at most
# two letters: "Leo", "Leone", "León") or spells it alike.
SHORT_NAME = 3

_FOLDS = (("ph", "f"), ("th", "t"), ("sch", "sh"), ("ß", "ss"), ("oe", "u"))
_LETTER_FOLDS = str.maketrans({"c": "k", "q": "k", "z": "k", "w": "v", "j": "i", "y": "i"})


def is_role_or_title(word: str, table: LanguageData) -> bool:
    """A title ("Mme", "Pak", "Sr." read as the word "Sr"), a role noun or a word the
    table says names nobody."""
    return (word in table.titles or f"{word}." in table.titles or lang.is_role(word, table)
            or word.casefold() in table.not_names)


def exonyms_in(text: str, table: LanguageData) -> set[str]:
    """English names whose local form the text holds ("Deutschland" → germany)."""
    names = all_exonyms(table)
    return {word for local in _exonyms_found(text, table) for word in names[local].split()}


def exonym_words(text: str, table: LanguageData, english_words: Set[str]) -> set[str]:
    """The words (lowercase) of the local exonyms the text holds ("Maison Blanche" →
    maison, blanche): each renders part of a name the tweet has in English. A country
    name from CLDR counts only where the tweet has its English words: "Iraque" for the
    tweet's "Iran" took another's place. (The table's own exonyms count everywhere: the
    tweet may write them another way, "USA" for "Estados Unidos".)"""
    names = all_exonyms(table)
    return {word for local in _exonyms_found(text, table)
            if local in table.exonyms or set(names[local].split()) <= english_words
            for word in local.split()}


# How much of the shorter word a people's word and its language's name share at their
# start, and at least how many letters: "Franzosen" / "Französisch", "franceses" /
# "francés", "Fransen" / "Frans"; not "Franziskus".
PEOPLE_STEM_SHARE = 0.7
PEOPLE_STEM_LETTERS = 5


def renders_people(word: str, english: str, table: LanguageData) -> bool:
    """Does the quote's `word` ("Franzosen") render the tweet's English word for a people
    or its language (`english`: "French"), by the quote language's name for that
    language ("Französisch")? English writes both as the language's name."""
    locals_ = _people_index(table).get(english.casefold(), ())
    folded = strip_accents(word.casefold())
    for local in locals_:
        shared = len(_common_prefix(folded, local))
        if shared >= min(PEOPLE_STEM_LETTERS, len(local)) and shared >= PEOPLE_STEM_SHARE * min(
                len(folded), len(local)):
            return True
    return False


_PEOPLE: dict[tuple[str, int], dict[str, tuple[str, ...]]] = {}


def _people_index(table: LanguageData) -> dict[str, tuple[str, ...]]:
    """English language name → the table's names for it, accents folded (built once per
    table: tables are loaded once per process, and a table built in a test is its own)."""
    key = (table.code, id(table))
    if key not in _PEOPLE:
        index: dict[str, list[str]] = {}
        for local, english in table.language_names.items():
            index.setdefault(english, []).append(strip_accents(local))
        _PEOPLE[key] = {k: tuple(v) for k, v in index.items()}
    return _PEOPLE[key]


def all_exonyms(table: LanguageData) -> dict[str, str]:
    """The table's exonyms and its country names (local → English); the table wins."""
    return _exonym_index(table)[0]


def _exonyms_found(text: str, table: LanguageData) -> set[str]:
    """The local forms the text holds, as whole words (one pass over the text)."""
    pattern = _exonym_index(table)[1]
    if pattern is None:
        return set()
    return {m.group(1) for m in pattern.finditer(fold_spaces(text.casefold()))}


_INDEX: dict[str, tuple[dict[str, str], re.Pattern[str] | None]] = {}


def _exonym_index(table: LanguageData) -> tuple[dict[str, str], re.Pattern[str] | None]:
    # Built once per table: some 300 names, read for every quote compared with a tweet.
    # Keyed by the table's code and sizes, as tables are immutable and few.
    key = f"{table.code}:{len(table.exonyms)}:{len(table.territories)}"
    if key not in _INDEX:
        names = {**table.territories, **table.exonyms}
        # Longest first, so "coreia do sul" is found before "coreia"; overlaps are found
        # through a lookahead so that every form the text holds is seen.
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        # A name in the genitive keeps its ending on ("Deutschlands", "Frankreichs").
        endings = "|".join(re.escape(e) for e in table.genitive_endings)
        endings = f"(?:{endings})?" if endings else ""
        pattern = (re.compile(rf"(?<!\w)(?=({alternatives}){endings}(?!\w))") if names
                   else None)
        _INDEX[key] = (names, pattern)
    return _INDEX[key]


def fold_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=65_536)  # the same few names meet each other thousands of times a run
def fold_name(word: str) -> str:
    """A spelling key for names across languages: accents, case and the letters
    languages swap in cognates folded (c/k/q/z, w/v, j/y/i, ph/f, Dutch oe/u), doubled
    letters single: "Irak" and "Iraq", "Sowjet" and "Soviet", "Poetin" and "Putin" meet."""
    text = strip_accents(word.casefold())
    for a, b in _FOLDS:
        text = text.replace(a, b)
    text = text.translate(_LETTER_FOLDS)
    text = "".join(ch for ch in text if ch.isalpha())
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=65_536)
def same_name(a: str, b: str) -> bool:
    x, y = fold_name(a), fold_name(b)
    if not x or not y:
        return False
    if x == y or (x.rstrip("s") == y.rstrip("s") and min(len(x), len(y)) >= 3):
        return True  # "GPU" and "GPUs"
    shorter = min(len(x), len(y))
    prefix = len(_common_prefix(x, y))
    if prefix >= NAME_PREFIX_MIN and prefix >= NAME_PREFIX_SHARE * shorter:
        return True
    if shorter >= SHORT_NAME and prefix == shorter and max(len(x), len(y)) - shorter <= 2:
        return True  # a short name with a language's ending: "Leo" and "Leone", "León"
    return shorter >= SHORT_NAME and fuzz.ratio(x, y) >= NAME_RATIO  # "Leo" and "Leão"


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
