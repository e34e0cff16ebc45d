"""Names across languages: one spelling key for cognate spellings (Irak/Iraq,
Sowjet/Soviet), the table's exonyms, and the words that are roles or titles, not names."""

from __future__ import annotations

import re
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

_FOLDS = (("ph", "f"), ("th", "t"), ("sch", "sh"), ("ß", "ss"))
_LETTER_FOLDS = str.maketrans({"c": "k", "q": "k", "z": "k", "w": "v", "j": "i", "y": "i"})


def is_role_or_title(word: str, table: LanguageData) -> bool:
    """A title ("Mme", "Pak", "Sr." read as the word "Sr"), a role noun or a word the
    table says names nobody."""
    return (word in table.titles or f"{word}." in table.titles or lang.is_role(word, table)
            or word.casefold() in table.not_names)


def exonyms_in(text: str, table: LanguageData) -> set[str]:
    """English names whose local form the text holds ("Deutschland" → germany)."""
    lowered = f" {fold_spaces(text.casefold())} "
    found = set()
    for local, english in table.exonyms.items():
        if re.search(rf"(?<![\w]){re.escape(local)}(?![\w])", lowered):
            found.update(english.split())
    return found


def exonym_words(text: str, table: LanguageData) -> set[str]:
    """The words (lowercase) of the local exonyms the text holds ("Maison Blanche" →
    maison, blanche): each is part of a name the tweet has in English."""
    lowered = f" {fold_spaces(text.casefold())} "
    return {
        word
        for local in table.exonyms
        if re.search(rf"(?<![\w]){re.escape(local)}(?![\w])", lowered)
        for word in local.split()
    }


def fold_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=65_536)  # the same few names meet each other thousands of times a run
def fold_name(word: str) -> str:
    """A spelling key for names across languages: accents, case and the letters
    languages swap in cognates folded (c/k/q/z, w/v, j/y/i, ph/f), doubled letters
    single: "Irak" and "Iraq", "Sowjet" and "Soviet" meet."""
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
    return min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= NAME_RATIO


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
