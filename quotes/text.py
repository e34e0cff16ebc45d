"""Low-level text helpers shared by the stages: words, sentences, paragraphs, phrase lookup.

One regex per concept, defined here once. Pure functions over strings; offsets are string
indices into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

# A word: letters/digits, with inner apostrophes or hyphens (don't, l'IA, a-t-il stays split
# at hyphens on purpose so that "a-t-il déclaré" matches the phrase "a déclaré" loosely).
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’](?=[^\W_]))*")
# Letters only: no digits, no apostrophes ("l'IA" is two words, "2023" none).
_LETTER_WORD = re.compile(r"[^\W\d_]+")
# The marks that end a sentence, in a run ("?!", "...").
_END_MARKS = r"[.!?…]+"
# A checked sentence end: end marks (and closing brackets) before whitespace; a capital
# must follow (see `sentence_ends`).
_SENTENCE_END = re.compile(_END_MARKS + r"[)\]]*(?=\s)")
_UPPER_START = re.compile(r"\s+[\"“„«»‚‘‹¿¡(\[]?\s?[^\W\d_]")
# A loose sentence boundary: end marks and the whitespace after them, or a line break.
_LOOSE_BOUNDARY = re.compile(_END_MARKS + r"\s+|\n")
_ANY_END_MARK = re.compile(_END_MARKS)
# A paragraph break: a line break with any whitespace around it.
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
# A line break in any of the conventions a text may come with (CRLF, CR, Unicode line and
# paragraph separators, NEL); a run of them, with the whitespace after, is one break.
_ANY_LINE_BREAK = r"\r\n|[\n\r\u2028\u2029\x85]"
_LINE_BREAK = re.compile(_ANY_LINE_BREAK)
_LINE_BREAK_RUN = re.compile(rf"(?:{_ANY_LINE_BREAK})\s*")
# What trails a quote's text before its end mark is looked for: spaces, also no-break ones.
_TRAILING_SPACE = " \u00a0\u202f"
SENTENCE_MARKS = (".", "!", "?", "…")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a text and where it is: text == source[start:end]."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.casefold()


# A word token is a span of one word.
Token = Span


class HasLower(Protocol):
    """Anything with a casefolded text: `Token`, or a stage's own token type."""

    @property
    def lower(self) -> str: ...


def words(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of `text`, with offsets shifted by `offset`."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]


def letter_words(text: str, offset: int = 0) -> list[Span]:
    """Runs of letters in `text` (no digits, apostrophes split), offsets shifted by `offset`."""
    return [
        Span(m.group(), m.start() + offset, m.end() + offset) for m in _LETTER_WORD.finditer(text)
    ]


@cache
def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the lowercase word sequence `words` would produce."""
    return tuple(t.lower for t in words(phrase))


def find_phrase(
    tokens: Sequence[HasLower], phrases: Iterable[str], *, within: int | None = None
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


# --- sentences ---------------------------------------------------------------------------


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


def has_sentence_mark(text: str) -> bool:
    """Does a sentence's end mark occur anywhere in `text`?"""
    return _ANY_END_MARK.search(text) is not None


# --- lines and paragraphs ---------------------------------------------------------------


def line_spans(text: str) -> list[Span]:
    """The lines of `text`, split at any line break (see `_ANY_LINE_BREAK`), breaks left
    out; a text without breaks is one line, an empty text one empty line."""
    found: list[Span] = []
    begin = 0
    for m in _LINE_BREAK.finditer(text):
        found.append(Span(text[begin : m.start()], begin, m.start()))
        begin = m.end()
    found.append(Span(text[begin:], begin, len(text)))
    return found


def paragraph_count(text: str) -> int:
    """How many paragraphs `text` has: runs of line breaks of any kind separate them."""
    return 1 + len(_LINE_BREAK_RUN.findall(text.strip()))


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of `text`: its lines, stripped; a blank text has none."""
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if not stripped:
        return []
    found: list[Span] = []
    begin = 0
    for m in _PARAGRAPH_BREAK.finditer(stripped):
        found.append(Span(stripped[begin : m.start()], lead + begin, lead + m.start()))
        begin = m.end()
    found.append(Span(stripped[begin:], lead + begin, lead + len(stripped)))
    return found


def sentences(text: str) -> list[Span]:
    """Sentences of `text`, each paragraph ending one (a quote spanning paragraphs ends one
    at each); cut at checked sentence ends (`sentence_ends`), stripped, none empty."""
    found: list[Span] = []
    for paragraph in paragraphs(text):
        start = 0
        for end in (*sentence_ends(paragraph.text), len(paragraph.text)):
            piece = paragraph.text[start:end]
            stripped = piece.strip()
            if stripped:
                lead = paragraph.start + start + len(piece) - len(piece.lstrip())
                found.append(Span(stripped, lead, lead + len(stripped)))
            start = end
    return found


def loose_sentence_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where a sentence may begin in text[start:end]: after end marks and the whitespace
    after them, or after a line break. No capital is asked for: for short look-back
    windows, where a missed boundary costs more than a false one."""
    end = len(text) if end is None else end
    return [m.end() for m in _LOOSE_BOUNDARY.finditer(text, start, end)]


def up_to_loose_sentence_end(text: str) -> str:
    """`text` up to its first loose sentence boundary (see `loose_sentence_starts`)."""
    return _LOOSE_BOUNDARY.split(text, 1)[0]


def ends_with_sentence_mark(text: str) -> bool:
    """Does `text` end with a sentence's end mark, spaces aside?"""
    return text.rstrip(_TRAILING_SPACE).endswith(SENTENCE_MARKS)
