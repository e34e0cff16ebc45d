"""The attribute stage's tokens (spaCy's, with the facts the stage reads) and the windows
of them around a quote that are searched for its attribution."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotes.models import Quote
from quotes.nlp import PERSON_LABELS, pieces

if TYPE_CHECKING:
    from quotes.nlp import Pipeline, TokenLike

# How many tokens around a quote are read for its attribution.
WINDOW_TOKENS = 40
# How many words of the sentence after a quote are read for an attribution opening it
# (its subject may follow a complement: "Lo dichiara in una nota la sindaca X").
NEXT_SENTENCE_WORDS = 12
_HYPHEN_EDGES = "-‐'’"
# A genitive "s" after an opening single quote or accent typed for the apostrophe
# ("Trump‘s", "Trump´s"): the tokenizer keeps it in the word, which then names no one.
_ODD_GENITIVE = ("‘s", "´s", "`s")


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    lower: str
    start: int
    end: int
    is_word: bool
    sent_start: bool
    person: bool


def parse(nlp: Pipeline, text: str) -> list[Tok]:
    """The tokens of `text`, parsed in pieces where it is long (`quotes.nlp.pieces`), so
    that any length works; one piece at a time is held in memory."""
    docs = ((nlp(text[start:end]), start) for start, end in pieces(text))
    return joined_hyphens(split_genitives(tokens_of(docs)))


def joined_hyphens(tokens: list[Tok]) -> list[Tok]:
    """Capitalized words joined by a hyphen without spaces are one word, as a double name
    is ("Romatet-Espagne", "Jean-Luc"), whichever way the tokenizer split them."""
    out: list[Tok] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        while (
            i + 2 < len(tokens)
            and tokens[i + 1].text in "-‐"
            and tok.end == tokens[i + 1].start
            and tokens[i + 1].end == tokens[i + 2].start
            and tok.text[:1].isupper()
            and tokens[i + 2].text[:1].isupper()
        ):
            right = tokens[i + 2]
            text = f"{tok.text}-{right.text}"
            tok = Tok(text, text.casefold(), tok.start, right.end, True, tok.sent_start,
                      tok.person or right.person)
            i += 2
        out.append(tok)
        i += 1
    return out


def tokens_of(docs: Iterable[tuple[Iterable[TokenLike], int]]) -> list[Tok]:
    """spaCy's tokens as the stage needs them, from docs parsed from pieces of one text
    (each with the offset of its piece). A one-letter token with a period ("X.") ends a
    sentence unless a capitalized word precedes it (an initial: "John F. Kennedy"):
    "… wrote on X. Her rival …" is two sentences; so does a line break."""
    tokens: list[Tok] = []
    split_before = False  # the previous token was "X." split into "X" and "."
    for t, offset in ((t, offset) for doc, offset in docs for t in doc):
        text = t.text.strip(_HYPHEN_EDGES) or t.text
        start, person = t.idx + offset, t.ent_type_ in PERSON_LABELS
        previous = tokens[-1] if tokens else None
        initial_like = len(text) == 2 and text[0].isupper() and text[1] == "."
        if initial_like and not (previous and previous.text[:1].isupper()):
            tokens.extend(_split_initial(text, start, bool(t.is_sent_start), person))
            split_before = True
            continue
        sent_start = bool(t.is_sent_start) or (
            (split_before or _after_break(previous)) and text[:1].isupper()
        )
        split_before = False
        word = not (t.is_punct or t.is_space)
        tokens.append(
            Tok(text, text.casefold(), start, start + len(t.text), word, sent_start, person)
        )
    return tokens


def split_genitives(tokens: list[Tok]) -> list[Tok]:
    """"Trump‘s" as the word "Trump" and the genitive mark "’s"."""
    out: list[Tok] = []
    for tok in tokens:
        if not (tok.text.endswith(_ODD_GENITIVE) and len(tok.text) > 3
                and tok.text[:1].isupper()):
            out.append(tok)
            continue
        cut, word = tok.end - 2, tok.text[:-2]
        out.append(Tok(word, word.casefold(), tok.start, cut, True, tok.sent_start, tok.person))
        out.append(Tok("’s", "’s", cut, tok.end, True, False, False))
    return out


def _after_break(previous: Tok | None) -> bool:
    """A paragraph's first word starts a sentence, whatever ended the one before."""
    return previous is not None and "\n" in previous.text


def _split_initial(text: str, start: int, sent_start: bool, person: bool) -> tuple[Tok, Tok]:
    """"X." as the word "X" and a sentence's end mark."""
    return (
        Tok(text[0], text[0].casefold(), start, start + 1, True, sent_start, person),
        Tok(".", ".", start + 1, start + 2, False, False, False),
    )


def after_window(tokens: list[Tok], starts: list[int], quote: Quote, next_start: int) -> list[Tok]:
    """The tokens after a quote up to the end of its sentence, line or the next quote."""
    begin = quote.outer_end
    i = bisect_left(starts, begin)
    window: list[Tok] = []
    while i < len(tokens) and len(window) < WINDOW_TOKENS:
        tok = tokens[i]
        if tok.start >= next_start or (window and tok.sent_start and window[-1].text in ".!?"):
            break
        if "\n" in tok.text:
            break
        window.append(tok)
        if tok.text in ".!?" and len(window) > 1:
            break
        i += 1
    return window


def before_window(tokens: list[Tok], starts: list[int], quote: Quote, prev_end: int) -> list[Tok]:
    """The tokens before a quote back to the start of its sentence or the previous quote."""
    i = bisect_left(starts, quote.open_at) - 1
    window: list[Tok] = []
    while i >= 0 and len(window) < WINDOW_TOKENS:
        tok = tokens[i]
        if tok.end <= prev_end:
            break
        if tok.text in ".!?…" or ("\n" in tok.text and window):
            break
        if not tok.text.isspace():
            window.append(tok)
        # A quote that opens its own sentence or paragraph is introduced by the sentence
        # before it only when that one ends in a colon ("…respondió: \n\n“…”").
        if tok.sent_start and not (len(window) == 1 and tok.text == ":"):
            break
        i -= 1
    window.reverse()
    return window


def next_sentence_words(
    tokens: list[Tok], starts: list[int], after: list[Tok], quote: Quote, next_start: int
) -> list[Tok]:
    """The first words of the sentence after a quote whose own sentence ends with it."""
    if any(t.is_word for t in after):
        return []  # the quote's own sentence goes on: the next one is about something else
    begin = after[-1].end if after else quote.outer_end
    i = bisect_left(starts, begin)
    result: list[Tok] = []
    while i < len(tokens) and len(result) < NEXT_SENTENCE_WORDS and tokens[i].start < next_start:
        if "\n" in tokens[i].text or (result and tokens[i].text in ".!?"):
            break
        if tokens[i].is_word:
            result.append(tokens[i])
        i += 1
    return result


def line_end_after(text: str, quote: Quote) -> int:
    """The newline ending a quote's line where only punctuation stands between (the quote
    ends its paragraph); -1 where words go on after it or no newline follows."""
    line_end = text.find("\n", quote.outer_end)
    if line_end < 0 or text[quote.outer_end : line_end].strip(" \t\r.,;:!?"):
        return -1
    return line_end


def next_paragraph_words(
    tokens: list[Tok], starts: list[int], text: str, quote: Quote, next_start: int
) -> list[Tok]:
    """The first words of the paragraph after a quote that ends its own paragraph ("…”
    \n\nLo ha detto il presidente …"), up to that paragraph's first sentence end."""
    line_end = line_end_after(text, quote)
    if line_end < 0:
        return []  # the quote's paragraph goes on after it
    if not text[line_end:].lstrip()[:1].isalpha():
        return []  # a list item or link line ("• Sebut …"), not the article's prose
    i = bisect_left(starts, line_end)
    result: list[Tok] = []
    while i < len(tokens) and len(result) < NEXT_SENTENCE_WORDS and tokens[i].start < next_start:
        tok = tokens[i]
        if (result and "\n" in tok.text) or (result and tok.text in ".!?"):
            break
        if tok.is_word:
            result.append(tok)
        i += 1
    return result


def words_between(tokens: list[Tok], starts: list[int], begin: int, end: int) -> list[Tok]:
    """The word tokens starting in text[begin:end]."""
    return [t for t in tokens[bisect_left(starts, begin) : bisect_left(starts, end)] if t.is_word]
