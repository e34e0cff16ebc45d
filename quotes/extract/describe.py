"""Pass 3 of extraction, and quotes without marks.

Each span becomes a `Quote` as soon as pairing finds it: its nesting depth (set once all
are found), statement or term (scare quotes such as
„verpflichtet“ are kept but not verified), and its own language. Posts reproduced as a
paragraph without any marks are found here too (`block_quotes`), and quotes whose opening
mark was lost (`headless_quotes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quotes import langid
from quotes.extract.lines import Lines
from quotes.extract.marks import APOSTROPHE_LIKE, RIGHT_SHAPED
from quotes.extract.pairing import Span
from quotes.lang import LanguageData
from quotes.models import Quote, QuoteKind
from quotes.text import (
    count_words,
    embed_signature,
    find_phrase,
    has_sentence_mark,
    paragraph_count,
    sentence_ends,
    words,
)

# Statements with fewer words than this need a sign of being a statement (see _kind).
STATEMENT_MIN_WORDS = 5
# A block quote (a post set without marks) is a paragraph of at least this many words,
# with this many first-person words, one of them among its first words.
BLOCK_MIN_WORDS = 12
BLOCK_MIN_FIRST_PERSON = 2
BLOCK_FIRST_PERSON_WITHIN = 8
# A quote's language is told from its first characters, as a document's is (langid).
QUOTE_LANGUAGE_SAMPLE = langid.DOCUMENT_SAMPLE


# --- markless block quotes ------------------------------------------------------------


# A line that is only a bracketed tag ("[ad]", "[mk_ad]", "[Anzeige]") is page furniture
# between a post's introduction and its text, not a paragraph of the article.
_FURNITURE = re.compile(r"[ \t]*\[[^\]\n]{1,40}\][ \t]*(?:\n|$)")


def block_quotes(text: str, lines: Lines, table: LanguageData) -> list[Span]:
    """Posts reproduced as a block without quotation marks: "A new post followed:\n\nMy
    fellow Democrats, I have decided …". A paragraph is one when the paragraph before it
    introduces a post (a colon, or a word such as "post" or "bericht" in its last
    sentence) and it speaks in the first person throughout, with no marks of its own; or
    when that paragraph names the post's wording right before its colon ("Der Tweet
    lautet:"), whatever the person.
    Lines must have been paired (`Lines.marked`)."""
    if not table.first_person:
        return []
    spans: list[Span] = []
    previous: int | None = None
    previous_marked = False
    for line in range(len(lines)):
        if not lines.nonempty(line) or _FURNITURE.match(text, lines.starts[line],
                                                         lines.ends[line]):
            continue
        marked = bool(lines.marked[line])
        if previous is not None and not marked and not previous_marked:
            span = _block_at(text, lines, line, previous, table)
            if span is not None:
                spans.append(span)
        previous, previous_marked = line, marked
    return spans


def _block_at(text: str, lines: Lines, line: int, previous: int,
              table: LanguageData) -> Span | None:
    start, end = _trimmed(text, lines.starts[line], lines.ends[line])
    intro = text[lines.starts[previous] : lines.ends[previous]].rstrip()
    if (intro.endswith(":") and _introduces_inline(intro[:-1], table)
            and count_words(text[start:end], INLINE_MIN_WORDS) >= INLINE_MIN_WORDS):
        # "Der genaue Inhalt des Tweets lautet:": the post's wording is named right before
        # the colon, so the paragraph is the post whatever its person.
        return Span(start, "", start, end, None, None, block=True)
    body = words(text[start:end])
    if (
        len(body) >= BLOCK_MIN_WORDS
        and sum(t.lower in table.first_person for t in body) >= BLOCK_MIN_FIRST_PERSON
        and any(t.lower in table.first_person for t in body[:BLOCK_FIRST_PERSON_WITHIN])
        and _introduces_post(text[lines.starts[previous] : lines.ends[previous]], table)
    ):
        return Span(start, "", start, end, None, None, block=True)
    return None


# A post's text given after a colon in the line that introduces it ("It reads: …",
# "Trump trinó: …"): at least this many words, the introducing word among the last few
# before the colon.
INLINE_MIN_WORDS = 6
INLINE_INTRO_WITHIN = 4


def introduced_posts(text: str, lines: Lines, table: LanguageData) -> list[Span]:
    """Posts quoted without marks after a colon on the line that introduces them: the
    last words before the colon name a post or a post's wording (the table's
    `block_intro`: "tweet", "reads", "lautet", "trinó"), and the line holds no marks.
    Lines must have been paired (`Lines.marked`)."""
    spans: list[Span] = []
    for line in range(len(lines)):
        if lines.marked[line] or not lines.nonempty(line):
            continue
        begin, end = lines.starts[line], lines.ends[line]
        colon = text.find(": ", begin, end)
        if colon < 0:
            continue
        start, stop = _trimmed(text, colon + 1, end)
        if (count_words(text[start:stop], INLINE_MIN_WORDS) >= INLINE_MIN_WORDS
                and _introduces_inline(text[begin:colon], table)):
            spans.append(Span(start, "", start, stop, None, None, block=True))
    return spans


def _introduces_inline(before_colon: str, table: LanguageData) -> bool:
    sentence = _last_sentence(before_colon)
    # Only right before the colon: "posted a tweet about three topics: …" lists topics.
    return find_phrase(words(sentence)[-INLINE_INTRO_WITHIN:], table.block_intro) is not None


EMBED_MIN_WORDS = 2


def embedded_posts(text: str, lines: Lines) -> list[Span]:
    """Posts an article embeds, left as their text followed by the embed's signature: the
    text before the signature on its line (or, when the signature stands alone, the line
    before it), when that holds no quotation marks of its own."""
    spans: list[Span] = []
    previous: int | None = None
    for line in range(len(lines)):
        if not lines.nonempty(line):
            previous = None
            continue
        begin, end = lines.starts[line], lines.ends[line]
        found = embed_signature(text, begin, end)
        if found is not None and not lines.marked[line]:
            start, stop = _trimmed(text, begin, found.start)
            if start == stop and previous is not None and not lines.marked[previous]:
                start, stop = _trimmed(text, lines.starts[previous], lines.ends[previous])
            if len(words(text[start:stop])) >= EMBED_MIN_WORDS:
                spans.append(Span(start, "", start, stop, None, None, block=True))
        previous = line
    return spans


# Before a closing mark whose opening mark is missing, the quote's words end in
# punctuation ("… Feliz día del Padre!!”, señala") or the mark ends its line, perhaps
# before the sentence's own full stop ("… capitalizadas”.").
_HEADLESS_BEFORE = frozenset(".!?…,;")
_LINE_ENDS = re.compile(r"[.!?…]?[ \t]*(?:\n|$)")
# A quote left open this few lines before a stray closing mark may be the one it closes
# (a quote broken over many short lines): the line before the mark is no quote of its own.
HEADLESS_OPEN_WITHIN = 12


def headless_quotes(
    text: str, lines: Lines, stray: Sequence[int], quotes: Sequence[Quote], table: LanguageData
) -> list[Span]:
    """Quotes whose opening mark was lost (a copy's typo, a page that set the first line
    apart): a stray closing mark that only closes in the document's language (”, or an
    ambiguous " that ends its line after punctuation, alone of its kind on the line; never
    an apostrophe), after punctuation or at its line's end, closes a quote
    from its line's start when no quote stands in between or was left open just before,
    and that is a statement's length. Linear: each stray mark reads its own line's start
    and the quotes before it, which must be sorted by their opening mark."""
    closers = {c for _, c in table.quote_pairs} - APOSTROPHE_LIKE
    # ” stays a closing mark here where a table lets it open ”…” too: a stray one closed
    # nothing that opened before it.
    closer_only = closers - ({o for o, _ in table.quote_pairs} - RIGHT_SHAPED)
    # An ambiguous mark (") closes only where it cannot open: after the quote's last
    # punctuation, ending its line ('… should be capitalized!"' closing a pasted post).
    candidates = sorted(at for at in stray if text[at] in closer_only
                        or (text[at] in closers and _ends_a_line_after_clause(text, at)))
    spans: list[Span] = []
    # One pass over the quotes (sorted by their opening mark) beside the marks: no list
    # per quote, as a long text holds hundreds of thousands of quotes.
    k, reach, last_unclosed = 0, -1, -1
    for at in candidates:
        while k < len(quotes) and quotes[k].open_at < at:
            # Scare quotes inside the lost quote (“derramar”) do not make it a quote of
            # its own; a statement reaching the mark does.
            if quotes[k].kind == "statement":
                reach = max(reach, quotes[k].outer_end)
            if quotes[k].unclosed:
                last_unclosed = quotes[k].open_at
            k += 1
        line = lines.line_of(at)
        start, end = _trimmed(text, lines.starts[line], at)
        if not _closes_a_lost_quote(text, start, end, at, closer_only):
            continue
        if reach > start or last_unclosed >= lines.starts[max(0, line - HEADLESS_OPEN_WITHIN)]:
            continue  # a quote of this line reaches the mark, or one was left open before
        spans.append(Span(start, "", start, end, at, text[at]))
        reach = at + 1  # one lost quote a line: later stray marks of it close no other
    return spans


def _closes_a_lost_quote(text: str, start: int, end: int, at: int,
                         closer_only: set[str]) -> bool:
    if text[at] not in closer_only and text.find(text[at], start, end) >= 0:
        return False  # an ambiguous mark of its own line (:_"_Le …) may be the lost opening
    return _closes_a_statement(text, start, end, at)


def _closes_a_statement(text: str, start: int, end: int, at: int) -> bool:
    """The words text[start:end] before a closing mark at `at` read as a whole quote."""
    ends_clause = end > start and text[end - 1] in _HEADLESS_BEFORE
    if not (ends_clause or _LINE_ENDS.match(text, at + 1)):
        return False
    return count_words(text[start:end], STATEMENT_MIN_WORDS) >= STATEMENT_MIN_WORDS


def _ends_a_line_after_clause(text: str, at: int) -> bool:
    return at > 0 and text[at - 1] in _HEADLESS_BEFORE and bool(_LINE_ENDS.match(text, at + 1))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _last_sentence(text: str) -> str:
    """The text's last sentence (all of it when it holds one)."""
    boundaries = sentence_ends(text)
    return text[boundaries[-1] :] if boundaries else text


def _introduces_post(paragraph: str, table: LanguageData) -> bool:
    stripped = paragraph.rstrip()
    if stripped.endswith(":"):
        return True
    last = _last_sentence(stripped)
    if find_phrase(words(last), table.block_intro) is not None:
        return True
    return any(medium == "tweet" and p.search(last) for medium, p in table.medium_patterns)


# --- pass 3: describe -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Describer:
    """Turns spans into quotes as pairing finds them, so that a long text's spans are
    never all held at once."""

    text: str
    doc_language: str
    tables: Sequence[LanguageData]
    doc_table: LanguageData | None

    def __call__(self, span: Span) -> Quote:
        """The quote of `span`, at depth 0 (see `nest`)."""
        content = self.text[span.content_start : span.content_end]
        return Quote(
            start=span.content_start,
            end=span.content_end,
            text=content,
            open_mark=span.open_mark,
            close_mark=span.close_mark,
            open_at=span.open_at,
            close_at=span.close_at,
            kind=_kind(self.text, span, content, self.doc_table),
            language=langid.identify(
                content[:QUOTE_LANGUAGE_SAMPLE], default=self.doc_language, languages=self.tables
            )
            or self.doc_language,
            unclosed=span.unclosed,
            block=span.block,
            paragraphs=paragraph_count(content),
        )


def nest(quotes: list[Quote]) -> tuple[Quote, ...]:
    """`quotes` (sorted by opening mark) with the depth and parent of the nested ones
    (replaced in the list, which long texts make long)."""
    parents = _parents(quotes)
    for i, parent_index in enumerate(parents):
        if parent_index is None:
            continue
        depth, parent = 0, parents[i]
        while parent is not None and depth < 64:
            depth += 1
            parent = parents[parent]
        quotes[i] = replace(quotes[i], depth=depth, parent=parent_index)
    return tuple(quotes)


def _parents(quotes: list[Quote]) -> list[int | None]:
    """Index of the innermost quote enclosing each quote (sorted by opening mark)."""
    parents: list[int | None] = []
    open_stack: list[int] = []
    for i, quote in enumerate(quotes):
        while open_stack and quotes[open_stack[-1]].end < quote.open_at:
            open_stack.pop()
        parents.append(open_stack[-1] if open_stack else None)
        open_stack.append(i)
    return parents


def _kind(text: str, span: Span, content: str, table: LanguageData | None) -> QuoteKind:
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
    if table is not None and _said_around(text, span, before, table):
        return "statement"
    return "term"


def _said_around(text: str, span: Span, before: str, table: LanguageData) -> bool:
    """A speech verb right before or after the quote, or a reported clause it completes."""
    before_words = words(before)[-3:]
    if before_words and find_phrase(before_words, table.speech_verbs) is not None:
        return True
    if _completes_reported_speech(before, table):
        return True
    after_at = span.content_end
    if span.close_at is not None and span.close_mark is not None:
        after_at = span.close_at + len(span.close_mark)
    after = text[after_at : after_at + 60].lstrip()
    return (after.startswith(",")
            and find_phrase(words(after)[:4], table.speech_verbs, within=3) is not None)


# A short quote that completes a reported clause gives the speaker's own words ("warned
# that climate change «will wipe out humanity»", "selon lui « … »", "eine Warnung aus: Der
# Klimawandel werde "…""): a complementizer, an according-to phrase or a colon among the
# last few words before it, in its sentence.
REPORTED_WITHIN = 6


def _completes_reported_speech(before: str, table: LanguageData) -> bool:
    sentence = _last_sentence(before)
    colon = sentence.rfind(":")
    if colon >= 0 and count_words(sentence[colon:], REPORTED_WITHIN + 1) <= REPORTED_WITHIN:
        return True
    last = words(sentence)[-REPORTED_WITHIN:]
    return any(find_phrase(last, phrases) is not None
               for phrases in (table.complementizers, table.according_to))
