"""Low-level text helpers shared by the stages: word tokens, sentence ends, phrase lookup.

Pure functions over strings; offsets are string indices into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

# A word: letters/digits, with inner apostrophes or hyphens (don't, l'IA, a-t-il stays split
# at hyphens on purpose so that "a-t-il déclaré" matches the phrase "a déclaré" loosely).
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’](?=[^\W_]))*")
_SENTENCE_END = re.compile(r"[.!?…]+[)\]]*(?=\s)")
_UPPER_START = re.compile(r"\s+[\"“„«»‚‘‹¿¡(\[]?\s?[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.casefold()


def words(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of `text`, with offsets shifted by `offset`."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]


@cache
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the lowercase word sequence `words` would produce."""
    return tuple(t.lower for t in words(phrase))


def find_phrase(
    tokens: Sequence[Token], phrases: Iterable[str], *, within: int | None = None
) -> tuple[int, int, str] | None:
    """First (leftmost, then longest) phrase occurring as a token sequence.

    Returns (first token index, last token index + 1, phrase). `within` limits the search to
    phrases starting in the first `within` tokens.
    """
    lowered = [t.lower for t in tokens]
    limit = len(lowered) if within is None else min(within, len(lowered))
    best: tuple[int, int, str] | None = None
    for phrase in phrases:
        seq = phrase_tokens(phrase)
        if not seq:
            continue
        n = len(seq)
        for i in range(limit):
            if lowered[i] == seq[0] and tuple(lowered[i : i + n]) == seq:
                if best is None or i < best[0] or (i == best[0] and i + n > best[1]):
                    best = (i, i + n, phrase)
                break
    return best


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets just after each sentence-final punctuation run in text[start:end] that is
    followed by whitespace and then a capital letter (optionally after an opening mark)."""
    end = len(text) if end is None else end
    found = []
    for m in _SENTENCE_END.finditer(text, start, end):
        if _UPPER_START.match(text, m.end(), end) and _is_capital_after(text, m.end(), end):
            found.append(m.end())
    return found


def _is_capital_after(text: str, pos: int, end: int) -> bool:
    for ch in text[pos:end]:
        if ch.isalpha():
            return ch.isupper()
    return False
