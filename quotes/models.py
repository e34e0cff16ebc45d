"""Plain data passed between the pipeline stages.

Every stage (extract → attribute → translate → match → compare → report) takes and
returns these frozen dataclasses, so stages stay pure and testable without I/O.
Offsets are Python string indices (code points) into `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

QuoteKind = Literal["statement", "term"]


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read: where it came from and its exact text."""

    source: str
    text: str
    language: str | None = None  # declared by the user; detected when None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: `text == document.text[start:end]`, marks excluded."""

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str | None  # None when the quote was never closed
    open_at: int  # index of the opening mark
    close_at: int | None  # index of the closing mark
    kind: QuoteKind  # statements get verified, terms (scare quotes) do not
    language: str
    unclosed: bool = False
    paragraphs: int = 1
    depth: int = 0  # 0 = top level, 1 = quoted inside another quote, ...
    parent: int | None = None  # index of the enclosing quote in the same result

    @property
    def outer_end(self) -> int:
        """Index just after the closing mark (after the text when unclosed)."""
        return self.close_at + 1 if self.close_at is not None else self.end


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who an article says spoke a quote, how it says so, and where."""

    speaker: str | None  # the name as resolved ("Elon Musk"), None when unknown
    mention: str | None  # the words the article uses ("he", "le patron de Tesla", "Musk")
    mention_start: int | None
    method: str  # how the speaker was found: "verb-after", "verb-before", "colon", ...
    phrase: str | None  # the attribution phrase, e.g. "sagte Musk in einem seiner Tweets"
    phrase_start: int | None
    phrase_end: int | None
    verb: str | None
    medium: str  # "tweet", "social_media", "interview", "speech", "press_release" or "none"
    medium_phrase: str | None
    author_handle: str | None = None  # the archive author the speaker resolves to


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    """One quote of a document with what later stages learned about it."""

    quote: Quote
    attribution: Attribution | None


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    """The result of running the pipeline over one document."""

    source: str
    language: str
    findings: tuple[QuoteFinding, ...]
    stray_marks: tuple[int, ...] = ()  # closing marks that closed nothing


@dataclass(frozen=True, slots=True)
class TweetRecord:
    """A canonical tweet as read from an archive file, before it is stored."""

    author_handle: str
    text: str
    location: str  # "file:line" for error messages and provenance
    platform_id: str | None = None
    author_name: str | None = None
    created_at: datetime | None = None
    created_precision: Literal["second", "day"] | None = None
    url: str | None = None
    source: str | None = None  # where the exact text was confirmed
    extra_aliases: tuple[str, ...] = field(default=())
