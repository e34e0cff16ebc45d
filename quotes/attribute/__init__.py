"""The attribute stage: who an article says spoke each statement quote, and where.

For each statement the sentence around it is read in both directions, with the speech
verbs, "according to" phrases, pronouns and role nouns of the language tables:

* after the quote: "…”, sagte Musk in einem Tweet" / "…", kata Elon / » a décrit le
  président américain, Donald Trump, sur Twitter";
* before it: "Musk said: “…”", "respondió Elon: …", "Weidel kommentierte mit den Worten: „…“";
* "according to / laut / selon / menurut X";
* a colon introduction ("Musk: „…“");
* a fragment with no attribution of its own right after an attributed quote in the same
  paragraph continues that quote's speaker.

A pronoun or a role ("he", "el mandatario", "le patron de Tesla") resolves to the last
person named before the quote. Names resolve against the archive's author aliases through
the `resolve` callable passed in, so this module never touches the store.

Modules: `tokens` (the stage's tokens and the windows around a quote), `people` (the names
a document mentions), `names` (who a window names), `rules` (the ordered rules attributing
one quote) and `medium` (where the quote was said).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from quotes import lang
from quotes.attribute.medium import with_medium
from quotes.attribute.people import Resolver
from quotes.attribute.rules import Document, attribute_one
from quotes.attribute.tokens import parse
from quotes.lang import LanguageData
from quotes.models import Attribution, Quote

if TYPE_CHECKING:
    from quotes.nlp import Pipeline

__all__ = ["CONTINUATION_GAP", "Resolver", "attribute_quotes"]

# A fragment this close (characters) after an attributed quote in the same paragraph
# inherits its speaker.
CONTINUATION_GAP = 400


def attribute_quotes(
    text: str,
    quotes: Sequence[Quote],
    language: str,
    nlp: Pipeline,
    *,
    resolve: Resolver | None = None,
    table: LanguageData | None = None,
) -> tuple[Attribution | None, ...]:
    """An attribution for each top-level statement of `quotes` (None for terms and nested)."""
    table = table or lang.get(language)
    doc = Document.read(text, parse(nlp, text), table, resolve)
    neighbours = _neighbours([q for q in quotes if _is_statement(q)], len(text))
    results: list[Attribution | None] = []
    previous: tuple[Quote, Attribution] | None = None
    for quote in quotes:
        found = None
        if _is_statement(quote):
            prev_end, next_start = neighbours[id(quote)]
            found = _attribute_statement(doc, quote, prev_end, next_start, previous)
            if found is not None:
                previous = (quote, found)
                doc.people.remember(found)
        results.append(found)
    return tuple(results)


def _is_statement(quote: Quote) -> bool:
    return quote.kind == "statement" and quote.depth == 0


def _neighbours(statements: list[Quote], text_end: int) -> dict[int, tuple[int, int]]:
    """By id of each statement: where the statement before it ends and the one after it
    begins (the text's start and end where there is none)."""
    bounds = [(q.open_at, q.outer_end) for q in statements]
    return {
        id(q): (
            bounds[i - 1][1] if i > 0 else 0,
            bounds[i + 1][0] if i + 1 < len(bounds) else text_end,
        )
        for i, q in enumerate(statements)
    }


def _attribute_statement(
    doc: Document,
    quote: Quote,
    prev_end: int,
    next_start: int,
    previous: tuple[Quote, Attribution] | None,
) -> Attribution | None:
    """One statement's attribution, its own or, where that is missing or weak, the one of
    the quote it continues; with the medium it was said in."""
    found = attribute_one(doc, quote, prev_end, next_start)
    weak = found is None or found.method == "context"
    if weak and previous is not None and _continues(doc.text, previous[0], quote):
        found = replace(previous[1], method="continues-previous")
    if found is None:
        return None
    return with_medium(doc.text, found, quote, doc.table, next_start)


def _continues(text: str, previous: Quote, quote: Quote) -> bool:
    """Does `quote` go on from `previous`: in the same paragraph, or right after it with
    nothing but a paragraph break between ("…!“\n\n„Bitte …")?"""
    gap = text[previous.outer_end : quote.open_at]
    if not gap.strip(" \t\r\n.,;:–—-"):
        return True
    return len(gap) <= CONTINUATION_GAP and "\n" not in gap
