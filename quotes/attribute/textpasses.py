"""Passes over a whole document around the per-quote rules: its hard-wrapped lines read as
the sentences they hold, and the same words quoted twice given one speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from quotes.models import Attribution, Quote

# How many words a quote needs for the same words quoted again to be the same speaker's.
SAME_WORDS_MIN = 3
# How far back the word before a line break is read (characters).
_WORD_CHARS = 40
# A line break inside a sentence, as hard-wrapped wire text writes them ("Lo\nafferma il
# Mise", "said it is\n"disappointed" that …"): a word or comma before it and a lowercase
# word after it, or a lowercase word before it and an opening quote mark after it (not a
# title's last word: "… Kasus Memalukan\n"Bagi saya …").
_SOFT_BREAK = re.compile(r"(?<=[\w,])[ \t]*\n[ \t]*(?=[^\W\d_]|[\"“„«‘'])")


def unwrapped(text: str) -> str:
    """`text` with its soft line breaks made spaces (the same length: every position
    stays)."""
    def soft(found: re.Match[str]) -> str:
        after = text[found.end()]
        before = text[max(0, found.start() - _WORD_CHARS) : found.start()].rsplit(None, 1)[-1]
        lower = after.islower() or (not after.isalpha() and before.islower())
        return " " * len(found.group()) if lower else found.group()
    return _SOFT_BREAK.sub(soft, text)


def same_words(quotes: Sequence[Quote], results: list[Attribution | None]
                ) -> tuple[Attribution | None, ...]:
    """A top-level quote left without a speaker whose words the text quotes again, with
    a speaker, elsewhere (a headline's \"« aucune piste n'est exclue »\" … \"La gendarmerie
    précise qu'« aucune piste n'est exclue »\"): the same words are the same speaker's."""
    # (A quote of fewer than five characters holds fewer than three words: not read.)
    keys = [words_key(q.text) if q.depth == 0 and q.text[4:] else "" for q in quotes]
    spoken: dict[str, Attribution] = {}
    for key, found in zip(keys, results, strict=True):
        if key and found is not None and found.speaker:
            spoken.setdefault(key, found)
    if not spoken:
        return tuple(results)
    return tuple(
        replace(spoken[key], method="same-words") if found is None and key in spoken
        else found
        for key, found in zip(keys, results, strict=True))


def words_key(text: str) -> str:
    """The words of a quote, casefolded, for matching the same words quoted again; empty
    for fewer than SAME_WORDS_MIN words (\"Nee\", \"Ja, klar\" are anyone's)."""
    if len(text) < 2 * SAME_WORDS_MIN - 1:
        return ""  # too short for that many words (the marks of a hostile text hold none)
    words = _WORD.findall(text.casefold())
    return " ".join(words) if len(words) >= SAME_WORDS_MIN else ""


_WORD = re.compile(r"\w+")
