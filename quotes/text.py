"""Low-level text helpers shared by the stages: words, sentences, paragraphs, phrase lookup.

One regex per concept, defined here once. Pure functions over strings; offsets are string
indices into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice, pairwise
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from quotes.lang import LanguageData

# A word: letters/digits, with inner apostrophes or hyphens (don't, l'IA, a-t-il stays split
# at hyphens on purpose so that "a-t-il déclaré" matches the phrase "a déclaré" loosely).
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’](?=[^\W_]))*")
# Letters only: no digits, no apostrophes ("l'IA" is two words, "2023" none).
LETTER_WORD = re.compile(r"[^\W\d_]+")
# Letters with inner apostrophes ("don't", "n'est"), no digits.
LETTER_WORD_WITH_APOSTROPHES = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A whitespace-delimited token, punctuation included.
SPACED_TOKEN = re.compile(r"\S+")
# The marks that end a sentence, in a run ("?!", "...").
_END_MARKS = r"[.!?…]+"
# A checked sentence end: end marks (and closing brackets) before whitespace; a capital
# must follow (see `sentence_ends`).
_SENTENCE_END = re.compile(_END_MARKS + r"[)\]]*(?=\s)")
_UPPER_START = re.compile(r"\s+[\"“„«»‚‘‹¿¡(\[]?\s?[^\W\d_]")
# A loose sentence boundary: end marks and the whitespace after them, or a line break.
_LOOSE_BOUNDARY = re.compile(_END_MARKS + r"\s+|\n")
# The first window (characters) `last_loose_sentence_start` reads back.
_LOOK_BACK = 512
_ANY_END_MARK = re.compile(_END_MARKS)
# A sentence break: the whitespace right after an end mark ...
# The period of an initial ends no sentence: a capital standing alone ("M. Macron",
# "J. Doe"), or closing a dotted initialism ("U.S.", "D.C.") unless a capital follows
# ("by the U.S. @SecretService" is one sentence, "in the U.S. Then" two).
_INITIAL = (r"(?:(?<=(?<![^\s(])[A-Z]\.)"
            r"|(?<=[A-Z]\.[A-Z]\.)(?=\s+(?![\"“„«‘(]*[A-ZÀ-ÖØ-Þ])))")
# (Tweets are cut into match segments this way and archives keep their vectors: no
# initial guard here, or stored segment vectors would no longer line up.)
_END_MARK_BREAK = re.compile(r"(?<=[.!?…])\s+")
# ... or after the closing quotes and brackets that follow one ("… bien.» Nous"); the
# closing marks stay with the sentence they close.
_CLOSER_BREAK = re.compile(rf"(?<=[.!?…])(?!{_INITIAL})[\"”»“’)]*\s+")
# A sentence as a span: up to its end marks and closers, or to the end of the text.
SENTENCE_SPAN = re.compile(rf".+?(?:[.!?…]+(?!{_INITIAL})[\"”»“’)]*(?=\s)|$)", re.DOTALL)
# Where a sentence splits into clauses: commas, semicolons, colons, brackets, dashes.
# (a comma or colon between digits is part of a number or a time: 2,000, 9,74, 6:30)
_CLAUSE_MARKS = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()\u2013\u2014]| - ")
# Quote marks and inverted marks around a token.
_TOKEN_MARKS = "\"'“”„«»‘’¿¡"
# Sentences shorter than this are not compared on their own ("No.", "So nice to see!").
MIN_SENTENCE_WORDS = 4
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


def count_words(text: str, limit: int) -> int:
    """How many words `words` would find in `text`, counting no further than `limit`."""
    return sum(1 for _ in islice(_WORD.finditer(text), limit))


def letter_words(text: str, offset: int = 0) -> list[Span]:
    """Runs of letters in `text` (no digits, apostrophes split), offsets shifted by `offset`."""
    return [
        Span(m.group(), m.start() + offset, m.end() + offset) for m in LETTER_WORD.finditer(text)
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
    for i in range(pos, end):  # by index: a slice would copy the rest of the text each time
        ch = text[i]
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
    return [Span(text[begin:end], begin, end) for begin, end in line_bounds(text)]


def line_bounds(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of `line_spans`, without copying the lines' text (long
    documents are read line by line)."""
    begin = 0
    for m in _LINE_BREAK.finditer(text):
        yield begin, m.start()
        begin = m.end()
    yield begin, len(text)


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


def last_loose_sentence_start(text: str, start: int, end: int) -> int:
    """The last place in text[start:end] a sentence may begin (`loose_sentence_starts`),
    or `start`: read back from `end` in growing windows, so that each of many quotes in one
    long stretch does not scan the stretch again."""
    width = _LOOK_BACK
    while True:
        low = max(start, end - width)
        found = None
        for m in _LOOSE_BOUNDARY.finditer(text, low, end):
            found = m.end()
        if found is not None or low == start:
            return start if found is None else max(start, found)
        width *= 4


def up_to_loose_sentence_end(text: str) -> str:
    """`text` up to its first loose sentence boundary (see `loose_sentence_starts`)."""
    return _LOOSE_BOUNDARY.split(text, 1)[0]


def ends_with_sentence_mark(text: str) -> bool:
    """Does `text` end with a sentence's end mark, spaces aside?"""
    return text.rstrip(_TRAILING_SPACE).endswith(SENTENCE_MARKS)


# --- loose sentences and clauses (matching and comparing quotes with tweets) -------------


def split_at_end_marks(text: str) -> list[str]:
    """The text cut at every end mark followed by whitespace, empty pieces left out. No
    capital is asked for: tweets and quotes often go on in lowercase."""
    return [s for s in _END_MARK_BREAK.split(text) if s]


def loose_sentences(text: str) -> list[str]:
    """The text's sentences, cut after end marks and any closing marks after them,
    stripped; no capital is asked for."""
    return [s.strip() for s in _CLOSER_BREAK.split(text.strip()) if s.strip()]


def clauses(sentence: str, table: LanguageData) -> list[str]:
    """A sentence cut at commas, semicolons, dashes and the table's clause-opening
    conjunctions."""
    parts = []
    for piece in _CLAUSE_MARKS.split(sentence):
        current: list[str] = []
        for token in piece.split():
            bare = token.strip(_TOKEN_MARKS).casefold()
            if bare in table.clause_words and current:
                parts.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            parts.append(" ".join(current))
    return [p for p in parts if LETTER_WORD_WITH_APOSTROPHES.search(p)]


def quote_sentences(text: str, table: LanguageData | None = None) -> list[str]:
    """The sentences of a quote long enough to say something on their own; with the
    quote's language table, also those whose end mark was left out (`unmarked_sentences`)."""
    pieces = split_at_end_marks(text.strip())
    if table is not None:
        pieces = [s for piece in pieces for s in unmarked_sentences(piece, table)]
    return [s for s in pieces if len(s.split()) >= MIN_SENTENCE_WORDS]


def clause_units(text: str, table: LanguageData) -> list[str]:
    """The text's clauses, sentence by sentence (those without an end mark included)."""
    return [c for s in loose_sentences(text) for piece in unmarked_sentences(s, table)
            for c in clauses(piece, table)]


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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of an article: lines first (headlines and captions
    end without a full stop), then checked sentence ends (`sentence_ends`) inside each."""
    spans = []
    for line in line_spans(text):
        ends = [line.start, *sentence_ends(text, line.start, line.end), line.end]
        for a, b in pairwise(ends):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                spans.append((a + lead, a + len(piece.rstrip())))
    return spans


def inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Is `pos` within one of the (start, end) spans?"""
    return any(s <= pos < e for s, e in spans)


# The signature an embedded post leaves in an article's text when its embed is not
# rendered (Twitter's fallback blockquote): "… — Thierry Baudet (@thierrybaudet) January
# 31, 2020", the date in any language but with a year; a media link may sit before it.
# Found from its "(@handle)" backwards, with anchored patterns only, so that no run of
# spaces or dashes in a hostile line makes the search backtrack.
_SIGNATURE_TAIL = re.compile(r"\(@(\w{1,30})\)[^\S\n]*+[^\n]{0,40}?\d{4}\s*+$")
_SIGNATURE_DASH = re.compile(r"—|–|&mdash;|(?<!\S)- ")  # a hyphen may open the line
_MEDIA_LINK = re.compile(r"pic\.(?:twitter|x)\.com/\S*$")
SIGNATURE_NAME_MAX = 80


@dataclass(frozen=True, slots=True)
class Signature:
    """Where an embed's signature lies: `start` at its dash (or at a media link before
    it), the name between `name_start` and `name_end`."""

    start: int
    name_start: int
    name_end: int


def embed_signature(text: str, begin: int, end: int) -> Signature | None:
    """The embed signature ending text[begin:end] (a line), if it has one."""
    at = text.rfind("(@", begin, end)
    if at < 0 or not _SIGNATURE_TAIL.match(text, at, end):
        return None
    window = max(begin, at - SIGNATURE_NAME_MAX - len("&mdash;"))
    dashes = list(_SIGNATURE_DASH.finditer(text, window, at))
    if not dashes:
        return None
    dash = dashes[-1]
    name = text[dash.end() : at].strip()
    if not name or any(c in name for c in "()—–\n"):
        return None
    name_start = text.index(name, dash.end(), at)
    start = dash.start()
    link = _MEDIA_LINK.search(text, max(begin, start - 60), start)
    return Signature(link.start() if link else start, name_start, name_start + len(name))
