"""The extract stage: find every direct quote of a text, whatever its quotation marks.

How it works, in three passes over the quotation-mark characters only (not every character):

1. Classify each mark by where it stands. Like CommonMark's emphasis delimiters, a mark
   can *open* when a word follows it and it does not stick to the end of a word, and can
   *close* when it follows a word. This is what tells English “…” from German „…“: the
   same “ opens in one and closes in the other. An apostrophe between letters (don't, l’IA,
   d'un) or before a two-digit year ('90s) is no mark at all.
2. Pair marks line by line with a stack, using the opening→closing pairs of all language
   tables (articles mix conventions). A quote still open at the end of a line goes on
   when the next paragraph repeats its opening mark (the multi-paragraph convention) or
   begins with its closing mark; otherwise it is *unclosed* and ends at a sensible
   boundary: before the first later sentence that reads like narration ("Musk a déclaré
   …"), else at the end of the paragraph. Closing marks that close nothing are reported as
   stray; no text is ever dropped because its marks do not balance.
3. Describe each quote: nesting depth, statement or term (scare quotes such as „verpflichtet“
   are kept but not verified), and its own language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from quotes import lang, langid
from quotes.lang import LanguageData
from quotes.models import Quote, QuoteKind
from quotes.text import (
    count_words,
    find_phrase,
    has_sentence_mark,
    line_spans,
    paragraph_count,
    sentence_ends,
    words,
)

# Marks that double as apostrophes: only quotes when a matching close follows in the line.
APOSTROPHE_LIKE = frozenset("'’‘‚‛")
# French-style guillemets may have a (no-break, narrow no-break) space inside: « mot ».
SPACED_OPENERS = frozenset("«‹")
SPACED_CLOSERS = frozenset("»›")
INNER_SPACES = " \u00a0\u202f\u2009"
# What may stand right before an opening mark, besides whitespace and the start of text.
OPEN_CONTEXT = frozenset("([{—–-/:;,")
# What may stand right after a closing mark, besides whitespace and the end of text.
CLOSE_CONTEXT = frozenset(".,;:!?…)]}—–-/")
# A quote spanning paragraphs may look ahead this many non-empty lines for its closing mark.
MAX_CONTINUATION_LINES = 3
# Statements with fewer words than this need a sign of being a statement (see _kind).
STATEMENT_MIN_WORDS = 5
# A block quote (a post set without marks) is a paragraph of at least this many words,
# with this many first-person words, one of them among its first words.
BLOCK_MIN_WORDS = 12
BLOCK_MIN_FIRST_PERSON = 2
BLOCK_FIRST_PERSON_WITHIN = 8
# A narration sentence has its speech verb among its first few words.
NARRATION_VERB_WITHIN = 5
NARRATION_HEAD_CHARS = 200
# A quote's language is told from its first characters, as a document's is (langid).
QUOTE_LANGUAGE_SAMPLE = langid.DOCUMENT_SAMPLE
# Quotes nest at most this deep; deeper opening marks are read as text. Real articles nest
# two or three deep; a wall of opening marks would otherwise give a quote per mark, each
# running to the end of the line, and output quadratic in the number of marks.
MAX_NESTING = 16

_YEAR_ELISION = re.compile(r"\d\d(?:s\b|\b)(?!\d)")
_ANY_WORD_CHAR = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """Which closing marks close which opening mark, from the language tables."""

    closers_for: dict[str, frozenset[str]]
    openers: frozenset[str]
    closers: frozenset[str]
    pattern: re.Pattern[str]

    @classmethod
    def from_languages(cls, languages: Sequence[LanguageData]) -> QuoteMarks:
        closers_for: dict[str, set[str]] = {}
        for ld in languages:
            for opening, closing in ld.quote_pairs:
                closers_for.setdefault(opening, set()).add(closing)
        openers = frozenset(closers_for)
        closers = frozenset(c for cs in closers_for.values() for c in cs)
        chars = "".join(sorted(openers | closers))
        return cls(
            closers_for={o: frozenset(cs) for o, cs in closers_for.items()},
            openers=openers,
            closers=closers,
            pattern=re.compile(f"[{re.escape(chars)}]"),
        )


@cache
def default_marks() -> QuoteMarks:
    return QuoteMarks.from_languages(lang.all_languages())


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """The quotes of one text, in order of their opening mark, and its stray closing marks."""

    language: str
    quotes: tuple[Quote, ...]
    stray_marks: tuple[int, ...]

    @property
    def statements(self) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.kind == "statement")


@dataclass(slots=True)
class _Mark:
    pos: int
    char: str
    line: int
    can_open: bool
    can_close: bool


@dataclass(slots=True)
class _Open:
    mark: _Mark
    content_start: int
    segment_start: int  # where the quote's current paragraph begins (for unclosed endings)


@dataclass(slots=True)
class _Span:
    open_at: int
    open_mark: str
    content_start: int
    content_end: int
    close_at: int | None
    close_mark: str | None
    unclosed: bool = False
    block: bool = False


@dataclass(slots=True)
class _Found:
    """The spans paired so far, and the positions of their marks (kept as spans are added,
    so that no mark is used twice without rescanning the spans)."""

    spans: list[_Span] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    # Whether the sentence text[start:end] reads as narration, by (start, end): quotes
    # left open on one line share the line's sentences, read once.
    narration_at: dict[tuple[int, int], bool] = field(default_factory=dict)

    def add(self, span: _Span) -> None:
        self.spans.append(span)
        self.used.add(span.open_at)
        if span.close_at is not None:
            self.used.add(span.close_at)


@dataclass(slots=True)
class _Lines:
    """Line boundaries of the text, to know which line a mark stands on."""

    starts: list[int]
    ends: list[int]
    nonempty: list[bool] = field(default_factory=list)
    following: list[int | None] = field(default_factory=list)  # next non-empty line of each

    @classmethod
    def of(cls, text: str) -> _Lines:
        spans = line_spans(text)
        nonempty = [bool(line.text.strip()) for line in spans]
        following: list[int | None] = [None] * len(spans)
        nxt: int | None = None
        for i in range(len(spans) - 1, -1, -1):
            following[i] = nxt
            if nonempty[i]:
                nxt = i
        return cls([line.start for line in spans], [line.end for line in spans], nonempty,
                   following)

    def line_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def next_nonempty(self, line: int) -> int | None:
        return self.following[line]


def extract_quotes(
    text: str,
    language: str | None = None,
    *,
    languages: Sequence[LanguageData] | None = None,
) -> ExtractionResult:
    """All direct quotes of `text`. `language` is the document's language; detected if None."""
    tables = tuple(languages) if languages else lang.all_languages()
    marks_table = default_marks() if languages is None else QuoteMarks.from_languages(tables)
    doc_language = language or langid.identify_document(text, tables)
    lines = _Lines.of(text)
    marks = _classify(text, lines, marks_table)
    spans, stray = _pair(text, lines, marks, marks_table, _narration_tables(doc_language, tables))
    doc_table = next((t for t in tables if t.code == doc_language), None)
    if doc_table is not None:
        spans += _block_quotes(text, lines, marks, doc_table)
    spans.sort(key=lambda s: s.open_at)
    quotes = _describe(text, spans, doc_language, tables)
    return ExtractionResult(doc_language, quotes, tuple(sorted(stray)))


def _narration_tables(code: str, tables: Sequence[LanguageData]) -> tuple[LanguageData, ...]:
    return tuple(t for t in tables if t.code == code) or tuple(tables)


# --- pass 1: classify -------------------------------------------------------------------


def _classify(text: str, lines: _Lines, table: QuoteMarks) -> list[_Mark]:
    result = []
    n = len(text)
    for m in table.pattern.finditer(text):
        pos, ch = m.start(), m.group()
        before = text[pos - 1] if pos > 0 else ""
        after = text[pos + 1] if pos + 1 < n else ""
        if ch in APOSTROPHE_LIKE and _is_apostrophe(text, pos, before, after):
            continue
        can_open = ch in table.openers and _can_open(text, pos, ch, before, after)
        can_close = ch in table.closers and _can_close(text, pos, ch, before, after)
        result.append(_Mark(pos, ch, lines.line_of(pos), can_open, can_close))
    return result


def _is_apostrophe(text: str, pos: int, before: str, after: str) -> bool:
    if before.isalnum() and after.isalnum():
        return True  # don't, l’IA, d'un, Musk's
    # '90s, ’22
    return after.isdigit() and _YEAR_ELISION.match(text, pos + 1) is not None


def _can_open(text: str, pos: int, ch: str, before: str, after: str) -> bool:
    if ch in SPACED_OPENERS:
        after = _skip_inner_spaces_forward(text, pos + 1)
    if not after or after.isspace():
        return False
    return not before or before.isspace() or before in OPEN_CONTEXT or _is_mark_char(before)


def _can_close(text: str, pos: int, ch: str, before: str, after: str) -> bool:
    if ch in SPACED_CLOSERS:
        before = _skip_inner_spaces_backward(text, pos - 1)
    if not before or before.isspace():
        return False
    return not after or after.isspace() or after in CLOSE_CONTEXT or _is_mark_char(after)


def _skip_inner_spaces_forward(text: str, i: int) -> str:
    while i < len(text) and text[i] in INNER_SPACES:
        i += 1
    return text[i] if i < len(text) else ""


def _skip_inner_spaces_backward(text: str, i: int) -> str:
    while i >= 0 and text[i] in INNER_SPACES:
        i -= 1
    return text[i] if i >= 0 else ""


def _is_mark_char(ch: str) -> bool:
    return ch in "\"'“”„‟«»‹›‘’‚‛"


# --- pass 2: pair ---------------------------------------------------------------------


def _pair(text: str, lines: _Lines, marks: list[_Mark], table: QuoteMarks,
          narration: Sequence[LanguageData]) -> tuple[list[_Span], list[int]]:
    found = _Found()
    stray: list[int] = []
    stack: list[_Open] = []
    consumed: set[int] = set()  # repeated opening marks of continued paragraphs
    by_line: dict[int, list[_Mark]] = {}  # each line's marks, in order
    for mk in marks:
        by_line.setdefault(mk.line, []).append(mk)

    line = -1
    for mk in marks:
        if mk.line != line:
            if stack:
                stack = _end_of_lines(
                    text, lines, line, mk.line, stack, by_line, table, narration, found, consumed
                )
            line = mk.line
        if mk.pos in consumed:
            continue
        target = _matching_open(stack, mk, table) if mk.can_close else None
        if target is not None:
            opened = stack[target]
            del stack[target:]  # anything opened inside and never closed is dropped
            found.add(_close(text, opened, mk))
        elif mk.can_open:
            _push(text, stack, mk)
        elif mk.can_close and mk.char not in APOSTROPHE_LIKE:
            stray.append(mk.pos)
    if stack:
        _end_of_lines(text, lines, line, None, stack, by_line, table, narration, found, consumed)
    # Closing marks that ended a quote across lines are not stray.
    closed = {s.close_at for s in found.spans}
    return found.spans, [p for p in stray if p not in closed]


def _push(text: str, stack: list[_Open], mk: _Mark) -> None:
    if len(stack) < MAX_NESTING:  # deeper opening marks are text
        stack.append(_Open(mk, _content_start(text, mk), _content_start(text, mk)))


def _matching_open(stack: list[_Open], mk: _Mark, table: QuoteMarks) -> int | None:
    for i in range(len(stack) - 1, -1, -1):
        if mk.char in table.closers_for.get(stack[i].mark.char, ()):
            return i
    return None


def _content_start(text: str, mk: _Mark) -> int:
    i = mk.pos + 1
    if mk.char in SPACED_OPENERS:
        while i < len(text) and text[i] in INNER_SPACES:
            i += 1
    return i


def _close(text: str, opened: _Open, closing: _Mark) -> _Span:
    end = closing.pos
    if closing.char in SPACED_CLOSERS:
        while end > opened.content_start and text[end - 1] in INNER_SPACES:
            end -= 1
    return _Span(
        opened.mark.pos, opened.mark.char, opened.content_start, end, closing.pos, closing.char
    )


def _end_of_lines(
    text: str,
    lines: _Lines,
    line: int,
    next_mark_line: int | None,
    stack: list[_Open],
    by_line: dict[int, list[_Mark]],
    table: QuoteMarks,
    narration: Sequence[LanguageData],
    found: _Found,
    consumed: set[int],
) -> list[_Open]:
    """Decide, for each quote still open when its line ends, whether it goes on.

    Lines between `line` and `next_mark_line` hold no marks; they are walked one by one so
    that a quote can continue over them.
    """
    survivors: list[_Open] = []
    for opened in stack:
        if _continues(text, lines, line, opened, by_line, table, consumed):
            survivors.append(opened)
            continue
        sloppy = _sloppy_close(line, opened, by_line, table, found.used)
        if sloppy is not None:
            found.add(_close(text, opened, sloppy))
            continue
        if opened.mark.char in APOSTROPHE_LIKE:
            continue  # an unmatched single mark is far likelier an apostrophe than a quote
        end = _unclosed_end(text, opened, lines.ends[line], narration, found.narration_at)
        # A quote never closed needs a word: a run of marks alone is no quote.
        if end > opened.content_start and _ANY_WORD_CHAR.search(text, opened.content_start, end):
            found.add(_Span(opened.mark.pos, opened.mark.char, opened.content_start, end,
                            None, None, unclosed=True))
    return survivors


def _continues(text: str, lines: _Lines, line: int, opened: _Open,
               by_line: dict[int, list[_Mark]], table: QuoteMarks, consumed: set[int]) -> bool:
    """Does a quote left open at the end of `line` go on in a later paragraph? The first
    mark of its family on the next non-empty lines decides (see `_continues_at`)."""
    if opened.mark.char in APOSTROPHE_LIKE:
        return False
    family = table.closers_for[opened.mark.char] | {opened.mark.char}
    nxt = lines.next_nonempty(line)
    for _ in range(MAX_CONTINUATION_LINES):
        if nxt is None:
            return False
        first = next((m for m in by_line.get(nxt, ()) if m.char in family), None)
        if first is not None:
            return _continues_at(text, lines, nxt, first, opened, table, consumed)
        nxt = lines.next_nonempty(nxt)
    return False


def _continues_at(text: str, lines: _Lines, line: int, first: _Mark, opened: _Open,
                  table: QuoteMarks, consumed: set[int]) -> bool:
    """The quote goes on at `line` if its first mark there repeats the opening at the
    line's start (the mark is then consumed) or only closes (the quote ends there)."""
    starts_line = text[lines.starts[line] : first.pos].strip() == ""
    if starts_line and first.can_open and _repeats_opening(first, opened, table):
        consumed.add(first.pos)
        opened.segment_start = _content_start(text, first)
        return True
    if first.can_close and not first.can_open:
        opened.segment_start = lines.starts[line]
        return True
    return False


def _repeats_opening(mark: _Mark, opened: _Open, table: QuoteMarks) -> bool:
    """The opening mark repeated at each paragraph („…\n\n„…), or the closing mark used as
    a continuation mark (Spanish and French «…\n\n»…»)."""
    return mark.char == opened.mark.char or mark.char in table.closers_for[opened.mark.char]


def _sloppy_close(line: int, opened: _Open, by_line: dict[int, list[_Mark]],
                  table: QuoteMarks, used: set[int]) -> _Mark | None:
    """A closing mark later on the line that flanking rejected, e.g. „Text “ sagte er.
    Never one that already closed a quote, nor one past the next quote's opening mark."""
    closers = table.closers_for[opened.mark.char]
    on_line = by_line.get(line, [])
    for mk in on_line[bisect_right(on_line, opened.mark.pos, key=lambda m: m.pos) :]:
        if mk.pos in used:
            continue
        if mk.can_open and not mk.can_close:
            return None  # another quote begins: this one was never closed
        if mk.char in closers and not mk.can_open:
            return mk
    return None


def _unclosed_end(text: str, opened: _Open, line_end: int, narration: Sequence[LanguageData],
                  memo: dict[tuple[int, int], bool]) -> int:
    start = opened.segment_start
    boundaries = sentence_ends(text, start, line_end)
    for boundary, next_boundary in zip(boundaries, [*boundaries[1:], line_end], strict=False):
        key = (boundary, next_boundary)
        if key not in memo:
            # Only a sentence's start is read (see `_reads_as_narration`).
            head = text[boundary : min(next_boundary, boundary + NARRATION_HEAD_CHARS)]
            memo[key] = _reads_as_narration(head, narration)
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


# --- markless block quotes ------------------------------------------------------------


def _block_quotes(
    text: str, lines: _Lines, marks: list[_Mark], table: LanguageData
) -> list[_Span]:
    """Posts reproduced as a block without quotation marks: "A new post followed:\n\nMy
    fellow Democrats, I have decided …". A paragraph is one when the paragraph before it
    introduces a post (a colon, or a word such as "post" or "bericht" in its last
    sentence) and it speaks in the first person throughout, with no marks of its own."""
    if not table.first_person:
        return []
    marked_lines = {m.line for m in marks}
    spans: list[_Span] = []
    previous: int | None = None
    for line in range(len(lines.starts)):
        if not lines.nonempty[line]:
            continue
        if previous is not None and line not in marked_lines and previous not in marked_lines:
            start, end = _trimmed(text, lines.starts[line], lines.ends[line])
            body = words(text[start:end])
            intro = text[lines.starts[previous] : lines.ends[previous]]
            if (
                len(body) >= BLOCK_MIN_WORDS
                and sum(t.lower in table.first_person for t in body) >= BLOCK_MIN_FIRST_PERSON
                and any(t.lower in table.first_person for t in body[:BLOCK_FIRST_PERSON_WITHIN])
                and _introduces_post(intro, table)
            ):
                spans.append(_Span(start, "", start, end, None, None, block=True))
        previous = line
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _introduces_post(paragraph: str, table: LanguageData) -> bool:
    stripped = paragraph.rstrip()
    if stripped.endswith(":"):
        return True
    boundaries = sentence_ends(stripped)
    last = stripped[boundaries[-1] :] if boundaries else stripped
    if find_phrase(words(last), table.block_intro) is not None:
        return True
    return any(medium == "tweet" and p.search(last) for medium, p in table.medium_patterns)


# --- pass 3: describe -------------------------------------------------------------------


def _describe(
    text: str, spans: list[_Span], doc_language: str, tables: Sequence[LanguageData]
) -> tuple[Quote, ...]:
    parents = _parents(spans)
    doc_table = next((t for t in tables if t.code == doc_language), None)
    quotes = []
    for i, span in enumerate(spans):
        content = text[span.content_start : span.content_end]
        depth, parent = 0, parents[i]
        while parent is not None and depth < 64:
            depth += 1
            parent = parents[parent]
        quotes.append(
            Quote(
                start=span.content_start,
                end=span.content_end,
                text=content,
                open_mark=span.open_mark,
                close_mark=span.close_mark,
                open_at=span.open_at,
                close_at=span.close_at,
                kind=_kind(text, span, content, doc_table),
                language=langid.identify(
                    content[:QUOTE_LANGUAGE_SAMPLE], default=doc_language, languages=tables
                )
                or doc_language,
                unclosed=span.unclosed,
                block=span.block,
                paragraphs=paragraph_count(content),
                depth=depth,
                parent=parents[i],
            )
        )
    return tuple(quotes)


def _parents(spans: list[_Span]) -> list[int | None]:
    """Index of the innermost span enclosing each span (spans sorted by opening mark)."""
    parents: list[int | None] = []
    open_stack: list[int] = []
    for i, span in enumerate(spans):
        while open_stack and spans[open_stack[-1]].content_end < span.open_at:
            open_stack.pop()
        parents.append(open_stack[-1] if open_stack else None)
        open_stack.append(i)
    return parents


def _kind(text: str, span: _Span, content: str, table: LanguageData | None) -> QuoteKind:
    """Statement or term. Long quotes are statements; short ones only when something marks
    them as said: sentence punctuation, a colon or line start before them, a speech verb
    right before or after them."""
    n_words = count_words(content, STATEMENT_MIN_WORDS)  # only small counts matter
    if span.block or n_words >= STATEMENT_MIN_WORDS:
        return "statement"
    if n_words <= 1:
        return "term"
    if has_sentence_mark(content.rstrip(" ,")):
        return "statement"
    before = text[max(0, span.open_at - 80) : span.open_at].rstrip()
    if not before or before[-1] in ":\n\r" or before[-1] in ".!?":
        return "statement"
    if table is not None:
        before_words = words(before)[-3:]
        if before_words and find_phrase(before_words, table.speech_verbs) is not None:
            return "statement"
        after_at = span.close_at + 1 if span.close_at is not None else span.content_end
        after = text[after_at : after_at + 60].lstrip()
        if after.startswith(","):
            after_words = words(after)[:4]
            if find_phrase(after_words, table.speech_verbs, within=3) is not None:
                return "statement"
    return "term"
