"""Sentence, clause and word splitting for the match, compare and story stages.

One regex per concept, one definition each; `quotes.text` holds the splitter the other
stages share (the two are to become one).
"""

from __future__ import annotations

import re
from itertools import pairwise

from quotes.lang import LanguageData
from quotes.text import sentence_ends

# Sentences shorter than this are not compared on their own ("No.", "So nice to see!").
MIN_SENTENCE_WORDS = 4

# A sentence break: spaces right after an end mark.
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
# The same, past closing quotes and brackets after the end mark ("… bien.» Nous"); the
# closing marks go with the break.
SENTENCE_BREAK_PAST_CLOSERS = re.compile(r"(?<=[.!?…])[\"”»“’)]*\s+")
# A sentence as a span: up to its end marks and closers, or to the end of the text.
SENTENCE_SPAN = re.compile(r".+?(?:[.!?…]+[\"”»“’)]*(?=\s)|$)", re.DOTALL)
# Where a sentence splits into clauses: commas, semicolons, colons, brackets, dashes.
CLAUSE_MARKS = re.compile(r"[,;:()\u2013\u2014]| - ")
# A line of text (headlines and captions end without a full stop).
LINE = re.compile(r"[^\n]+")
# A word: a run of letters.
WORD = re.compile(r"[^\W\d_]+")
# A word with its inner apostrophes ("don't", "n'est").
WORD_WITH_APOSTROPHES = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A whitespace-delimited token, punctuation included.
SPACED_TOKEN = re.compile(r"\S+")
# Quote marks and inverted marks around a token.
_TOKEN_MARKS = "\"'“”„«»‘’¿¡"


def split_at_end_marks(text: str) -> list[str]:
    """The text cut at every sentence break (`SENTENCE_BREAK`), empty pieces left out."""
    return [s for s in SENTENCE_BREAK.split(text) if s]


def sentences(text: str) -> list[str]:
    """The text's sentences, cut past closing marks (`SENTENCE_BREAK_PAST_CLOSERS`)."""
    return [s.strip() for s in SENTENCE_BREAK_PAST_CLOSERS.split(text.strip()) if s.strip()]


def clauses(sentence: str, table: LanguageData) -> list[str]:
    """A sentence cut at commas, semicolons, dashes and the table's clause-opening
    conjunctions."""
    parts = []
    for piece in CLAUSE_MARKS.split(sentence):
        current: list[str] = []
        for token in piece.split():
            bare = token.strip(_TOKEN_MARKS).casefold()
            if bare in table.clause_words and current:
                parts.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            parts.append(" ".join(current))
    return [p for p in parts if WORD_WITH_APOSTROPHES.search(p)]


def quote_sentences(text: str, table: LanguageData | None = None) -> list[str]:
    """The sentences of a quote long enough to say something on their own; with the
    quote's language table, also those whose end mark was left out (`unmarked_sentences`)."""
    pieces = split_at_end_marks(text.strip())
    if table is not None:
        pieces = [s for piece in pieces for s in unmarked_sentences(piece, table)]
    return [s for s in pieces if len(s.split()) >= MIN_SENTENCE_WORDS]


def unmarked_sentences(sentence: str, table: LanguageData) -> list[str]:
    """A sentence cut where another begins without an end mark before it ("… situées en
    Irak Nous continuerons …"): at a function word of the language written with a capital
    right after a word and followed by a lowercase word. A function word is no name, and
    a name that holds one is followed by another capital ("La Stampa", "De Gaulle"); the
    words a language capitalizes anywhere ("I", formal "Sie") are in its table."""
    tokens = list(SPACED_TOKEN.finditer(sentence))
    starts = [
        word.start()
        for before, word, after in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if word.group().istitle() and word.group().isalpha()
        and (lower := word.group().casefold()) in table.stopwords
        and lower not in table.capitalized_words
        and before.group()[-1:].isalnum() and after.group()[:1].islower()
    ]
    bounds = [0, *starts, len(sentence)]
    return [sentence[a:b].strip() for a, b in pairwise(bounds)
            if sentence[a:b].strip()]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: lines first (headlines and captions end without a
    full stop), then sentence ends inside each line."""
    spans = []
    for line in LINE.finditer(text):
        ends = [line.start(), *sentence_ends(text, line.start(), line.end()), line.end()]
        for a, b in pairwise(ends):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                spans.append((a + lead, a + len(piece.rstrip())))
    return spans
