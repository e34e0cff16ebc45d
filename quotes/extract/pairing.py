"""Pass 2 of extraction: pair opening and closing marks into quotes.

Marks are paired line by line with a stack, using the opening→closing pairs of all
language tables (articles mix conventions). A quote still open at the end of a line goes
on when a later line (within a few) repeats its opening mark at its start (the
multi-paragraph convention) or first closes it; otherwise it is *unclosed* and ends at a
sensible boundary: before the first later sentence that reads like narration ("Musk a
déclaré …"), else at the end of the paragraph. Closing marks that close nothing are
reported as stray; no text is ever dropped because its marks do not balance.

Single marks that double as apostrophes (' ‘ ’ `) are held to more: left open at the end
of a line they go on only to a closing mark right after punctuation (",’ he said") or to
their own mark repeated at a paragraph's start, and are dropped when never closed.

Work and memory are linear in the text: each line's marks are classified when reached and
forgotten after, and what a line end decides is read from that line and the few after it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from quotes.extract.lines import LineMarks, Lines
from quotes.extract.marks import (
    APOSTROPHE_LIKE,
    INNER_SPACES,
    RIGHT_SHAPED,
    SPACED_CLOSERS,
    Mark,
    QuoteMarks,
    content_start,
)
from quotes.lang import LanguageData
from quotes.models import Quote
from quotes.text import find_phrase, sentence_ends, words

# A quote spanning paragraphs may look ahead this many non-empty lines for its closing mark,
# and as many as MAX_WRAPPED_LINES where the text is hard-wrapped (see `_soft_break`).
MAX_CONTINUATION_LINES = 3
MAX_WRAPPED_LINES = 40
# A narration sentence has its speech verb among its first few words.
NARRATION_VERB_WITHIN = 5
NARRATION_HEAD_CHARS = 200
# Quotes nest at most this deep; deeper opening marks are read as text. Real articles nest
# two or three deep; a wall of opening marks would otherwise give a quote per mark, each
# running to the end of the line, and output quadratic in the number of marks.
MAX_NESTING = 16
# Marks that are also the apostrophe after a word (the boys’ club, goin' home), and what
# must stand right before one that closes a quote begun lines before.
TRAILING_APOSTROPHES = frozenset("’'")
CLAUSE_END = frozenset(",.;:!?…")

_ANY_WORD_CHAR = re.compile(r"[^\W_]")


@dataclass(slots=True)
class Span:
    open_at: int
    open_mark: str
    content_start: int
    content_end: int
    close_at: int | None
    close_mark: str | None
    unclosed: bool = False
    block: bool = False


@dataclass(slots=True)
class _Open:
    mark: Mark
    content_start: int
    segment_start: int  # where the quote's current paragraph begins (for unclosed endings)


@dataclass(slots=True)
class _Pairing:
    """Everything pairing keeps: the spans found, and what the current line needs."""

    text: str
    lines: Lines
    marks: LineMarks
    table: QuoteMarks
    narration: Sequence[LanguageData]
    make: Callable[[Span], Quote]  # a span's quote, made as soon as the span is found
    quotes: list[Quote] = field(default_factory=list)
    stray: list[int] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # repeated openings of continued quotes
    # Marks of the current line used by a span, so that none is used twice.
    used: set[int] = field(default_factory=set)
    # Closing-shaped marks of the current line that could open (”) but stood inside a
    # quote they close: read as before ”…” could open, a sloppy close at most.
    declined: set[int] = field(default_factory=set)
    # Whether the sentence text[start:end] reads as narration, by (start, end): quotes
    # left open on one line share the line's sentences, read once.
    narration_at: dict[tuple[int, int], bool] = field(default_factory=dict)

    def add(self, span: Span) -> None:
        self.quotes.append(self.make(span))
        self.used.add(span.open_at)
        if span.close_at is not None:
            self.used.add(span.close_at)


def pair(text: str, lines: Lines, table: QuoteMarks, narration: Sequence[LanguageData],
         make: Callable[[Span], Quote]) -> tuple[list[Quote], list[int]]:
    """The quotes of `text` (in the order they end), and its stray closing marks."""
    state = _Pairing(text, lines, LineMarks(lines, table), table, narration, make)
    pos = 0
    while (found := table.pattern.search(text, pos)) is not None:
        line = lines.line_of(found.start())
        on_line = state.marks.of(line)
        for mk in on_line:
            _take(state, mk)
        if on_line:
            lines.marked[line] = 1
            _end_line(state, line)
        state.marks.forget_before(line + 1)
        if line + 1 >= len(lines):
            break
        pos = lines.starts[line + 1]
    return state.quotes, state.stray


def _take(state: _Pairing, mk: Mark) -> None:
    if mk.pos in state.consumed:
        state.consumed.discard(mk.pos)
        return
    stack = state.stack
    target = _matching_open(stack, mk, state.table) if mk.can_close else None
    if target is not None:
        opened = stack[target]
        del stack[target:]  # anything opened inside and never closed is dropped
        state.add(_close(state.text, opened, mk))
    elif mk.can_open and not _declines(state, mk):
        if len(stack) < MAX_NESTING:  # deeper opening marks are text
            start = content_start(state.text, mk)
            stack.append(_Open(mk, start, start))
    elif mk.can_close and mk.char not in APOSTROPHE_LIKE:
        state.stray.append(mk.pos)


def _declines(state: _Pairing, mk: Mark) -> bool:
    """Does a closing-shaped mark that could open (”) open nothing, as it stands inside a
    quote it closes („Wir bauen die Brücke ”sagte sie)? The same double mark nests no
    quote; such a mark stays what it was before ”…” could open: a sloppy close at most.
    A declined mark is recorded in `state.declined`, which `_sloppy_close` reads."""
    if mk.char not in RIGHT_SHAPED or _matching_open(state.stack, mk, state.table) is None:
        return False
    state.declined.add(mk.pos)
    return True


def _end_line(state: _Pairing, line: int) -> None:
    """Decide the quotes left open at the end of `line`, then forget the line."""
    if state.stack:
        state.stack = _end_of_line(state, line)
    # A stray mark may have closed a quote after all (a sloppy close, see `_sloppy_close`).
    state.stray = [p for p in state.stray if p not in state.used]
    state.used.clear()
    state.declined.clear()
    state.narration_at.clear()


def _matching_open(stack: list[_Open], mk: Mark, table: QuoteMarks) -> int | None:
    for i in range(len(stack) - 1, -1, -1):
        if mk.char in table.closers_for.get(stack[i].mark.char, ()):
            return i
    return None


def _close(text: str, opened: _Open, closing: Mark) -> Span:
    end = closing.pos
    if closing.char in SPACED_CLOSERS:
        while end > opened.content_start and text[end - 1] in INNER_SPACES:
            end -= 1
    elif text[end - 1 : end] == " " and end - 1 > opened.content_start:
        end -= 1  # a space typed before the mark ("às nove ", lê-se): not the speaker's
    return Span(
        opened.mark.pos, opened.mark.char, opened.content_start, end, closing.pos, closing.char
    )


def _end_of_line(state: _Pairing, line: int) -> list[_Open]:
    """Decide, for each quote still open when its line ends, whether it goes on."""
    text = state.text
    survivors: list[_Open] = []
    for opened in state.stack:
        if _continues(state, line, opened):
            survivors.append(opened)
            continue
        sloppy = _sloppy_close(state, line, opened)
        if sloppy is not None:
            state.add(_close(text, opened, sloppy))
            continue
        if opened.mark.char in APOSTROPHE_LIKE:
            continue  # an unmatched single mark is far likelier an apostrophe than a quote
        end = _unclosed_end(state, opened, state.lines.ends[line])
        # A quote never closed needs a word: a run of marks alone is no quote.
        if end > opened.content_start and _ANY_WORD_CHAR.search(text, opened.content_start, end):
            state.add(Span(opened.mark.pos, opened.mark.char, opened.content_start, end,
                           None, None, unclosed=True))
    return survivors


def _continues(state: _Pairing, line: int, opened: _Open) -> bool:
    """Does a quote left open at the end of `line` go on in a later line? The first
    mark of its family on the next non-empty lines decides (see `_continues_at`)."""
    family = state.table.closers_for[opened.mark.char] | {opened.mark.char}
    previous, nxt = line, state.lines.next_nonempty(line)
    skipped_paragraph = False  # a whole paragraph without the quote's marks lies between
    hard = 0  # lines read that a hard break led to (a soft one, of hard-wrapped text, is free)
    for _ in range(MAX_WRAPPED_LINES):
        if nxt is None:
            return False
        if skipped_paragraph or not _soft_break(state, previous, nxt):
            hard += 1
            if hard > MAX_CONTINUATION_LINES:
                return False
        first = next((m for m in state.marks.of(nxt) if m.char in family), None)
        if first is not None:
            return _continues_at(state, nxt, first, opened, skipped_paragraph)
        skipped_paragraph = skipped_paragraph or nxt > previous + 1
        previous, nxt = nxt, state.lines.next_nonempty(nxt)
    return False


def _soft_break(state: _Pairing, line: int, nxt: int) -> bool:
    """Is the break between two adjacent lines one of hard-wrapped text ("come alcuni\n
    sindacalisti"): the line ends inside a sentence (a word or a comma) and the next goes
    on in lowercase?"""
    text, lines = state.text, state.lines
    if nxt != line + 1:
        return False
    last = text[lines.starts[line] : lines.ends[line]].rstrip()[-1:]
    first = text[lines.starts[nxt] : lines.ends[nxt]].lstrip()[:1]
    return (last.isalnum() or last == ",") and first.isalpha() and first.islower()


def _continues_at(state: _Pairing, line: int, first: Mark, opened: _Open,
                  skipped_paragraph: bool) -> bool:
    """The quote goes on at `line` if its first mark there repeats the opening at the
    line's start (the mark is then consumed; not past a paragraph without marks, which
    is narration between two quotes) or only closes (the quote ends there)."""
    text = state.text
    starts_line = text[state.lines.starts[line] : first.pos].strip() == ""
    if (starts_line and first.can_open and not skipped_paragraph
            and _repeats_opening(first, opened, state.table)):
        state.consumed.add(first.pos)
        opened.segment_start = content_start(text, first)
        return True
    if first.can_close and not first.can_open and _may_close_later(text, first, opened):
        opened.segment_start = state.lines.starts[line]
        return True
    return False


def _repeats_opening(mark: Mark, opened: _Open, table: QuoteMarks) -> bool:
    """The opening mark repeated at each paragraph („…\n\n„…), or the closing mark used as
    a continuation mark (Spanish and French «…\n\n»…»)."""
    if mark.char == opened.mark.char:
        return True
    if opened.mark.char in APOSTROPHE_LIKE:
        return False
    # Not a mark that is its own closer: "…" opens a quote of its own after “… (the tables
    # let " close “ only because web copy types it so).
    own = table.closers_for.get(mark.char, frozenset())
    return mark.char in table.closers_for[opened.mark.char] and mark.char not in own


def _may_close_later(text: str, closing: Mark, opened: _Open) -> bool:
    """A closing mark lines after its opening: any, except that one that is also the
    apostrophe after a word (’ ') must end a clause, inside the quote (",’ he said") or
    right after it ("first day’." as British style punctuates), as the apostrophe of
    "the boys’ club" never does."""
    if opened.mark.char not in APOSTROPHE_LIKE or closing.char not in TRAILING_APOSTROPHES:
        return True
    after = closing.pos + 1
    return ((closing.pos > 0 and text[closing.pos - 1] in CLAUSE_END)
            or after == len(text) or text[after] in CLAUSE_END or text[after] == "\n")


def _sloppy_close(state: _Pairing, line: int, opened: _Open) -> Mark | None:
    """A closing mark later on the line that flanking rejected, e.g. „Text “ sagte er.
    Never one that already closed a quote, nor one past the next quote's opening mark."""
    closers = state.table.closers_for[opened.mark.char]
    on_line = state.marks.of(line)
    for mk in on_line[bisect_right(on_line, opened.mark.pos, key=lambda m: m.pos) :]:
        if mk.pos in state.used:
            continue
        opens = mk.can_open and mk.pos not in state.declined
        if opens and not mk.can_close:
            return None  # another quote begins: this one was never closed
        if mk.char in closers and not opens:
            return mk
    return None


def _unclosed_end(state: _Pairing, opened: _Open, line_end: int) -> int:
    text, memo = state.text, state.narration_at
    start = opened.segment_start
    boundaries = sentence_ends(text, start, line_end)
    for boundary, next_boundary in zip(boundaries, [*boundaries[1:], line_end], strict=False):
        key = (boundary, next_boundary)
        if key not in memo:
            # Only a sentence's start is read (see `_reads_as_narration`).
            head = text[boundary : min(next_boundary, boundary + NARRATION_HEAD_CHARS)]
            memo[key] = _reads_as_narration(head, state.narration)
        if memo[key]:
            return boundary
    end = line_end
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _reads_as_narration(sentence: str, narration: Sequence[LanguageData]) -> bool:
    """Does a sentence start like "Musk a déclaré …", "He said …", "Kata dia …"?"""
    tokens = words(sentence[:NARRATION_HEAD_CHARS])[: NARRATION_VERB_WITHIN + 3]
    if not tokens:
        return False
    for ld in narration:
        hit = find_phrase(tokens, ld.speech_verbs, within=NARRATION_VERB_WITHIN)
        if hit is None:
            continue
        others = tokens[: hit[0]] + tokens[hit[1] : hit[1] + 3]
        if any(_is_name_like(t.text, ld) or t.lower in ld.pronouns for t in others):
            return True
    return False


def _is_name_like(word: str, ld: LanguageData) -> bool:
    return word[:1].isupper() and word.casefold() not in ld.stopwords
