"""The extract stage: find every direct quote of a text, whatever its quotation marks.

How it works, in three passes over the quotation marks only (not every character):

1. Classify each mark by where it stands (`marks`): whether it can open or close a quote,
   or is an apostrophe and no mark at all.
2. Pair marks line by line with a stack (`pairing`): quotes nested, running over several
   lines or paragraphs, or never closed; stray closing marks reported.
3. Describe each quote (`describe`): nesting depth, statement or term, its own language;
   posts reproduced as a paragraph without marks are quotes too, and so is the line
   before a closing mark whose opening mark was lost.

Time and memory are linear in the text's length (see `pairing`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quotes import lang, langid
from quotes.extract.describe import (
    Describer,
    block_quotes,
    embedded_posts,
    headless_quotes,
    introduced_posts,
    nest,
)
from quotes.extract.lines import Lines
from quotes.extract.marks import QuoteMarks, default_marks
from quotes.extract.pairing import pair
from quotes.lang import LanguageData
from quotes.models import Quote

__all__ = ["ExtractionResult", "QuoteMarks", "default_marks", "extract_quotes"]


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """The quotes of one text, in order of their opening mark, and its stray closing marks."""

    language: str
    quotes: tuple[Quote, ...]
    stray_marks: tuple[int, ...]

    @property
    def statements(self) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.kind == "statement")


def extract_quotes(
    text: str,
    language: str | None = None,
    *,
    languages: Sequence[LanguageData] | None = None,
) -> ExtractionResult:
    """All direct quotes of `text`. `language` is the document's language; detected if None."""
    tables = tuple(languages) if languages else lang.all_languages()
    doc_language = language or langid.identify_document(text, tables)
    doc_table = next((t for t in tables if t.code == doc_language), None)
    marks_table = (
        default_marks(doc_language)
        if languages is None
        else QuoteMarks.from_languages(tables, doc_table)
    )
    lines = Lines(text)
    make = Describer(text, doc_language, tables, doc_table)
    quotes, stray = pair(text, lines, marks_table, _narration_tables(doc_language, tables), make)
    if doc_table is not None:
        embedded = embedded_posts(text, lines)
        blocks = [b for b in [*block_quotes(text, lines, doc_table),
                              *introduced_posts(text, lines, doc_table)]
                  if not any(e.content_start < b.content_end and b.content_start < e.content_end
                             for e in embedded)]
        quotes.sort(key=lambda q: q.open_at)
        headless = headless_quotes(text, lines, stray, quotes, doc_table)
        stray = [at for at in stray if all(h.close_at != at for h in headless)]
        quotes += [make(span) for span in [*embedded, *blocks, *headless]]
    quotes.sort(key=lambda q: q.open_at)
    return ExtractionResult(doc_language, nest(quotes), tuple(sorted(stray)))


def _narration_tables(code: str, tables: Sequence[LanguageData]) -> tuple[LanguageData, ...]:
    return tuple(t for t in tables if t.code == code) or tuple(tables)
