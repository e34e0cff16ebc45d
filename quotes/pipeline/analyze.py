"""The reading half of the pipeline: extract → attribute, one document at a time.

An `Analyzer` holds what the two stages need loaded (spaCy pipelines, the archive's alias
resolver) and runs them; the stages themselves stay pure functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotes import nlp
from quotes.attribute import Resolver, attribute_quotes
from quotes.config import MAX_CHARS_ENV, max_chars
from quotes.errors import InputError
from quotes.extract import extract_quotes
from quotes.models import Document, DocumentAnalysis, QuoteFinding

if TYPE_CHECKING:
    from quotes.nlp import Pipeline


@dataclass(slots=True)
class Analyzer:
    """Resources loaded once at the edge and shared by every document."""

    nlp_for: Callable[[str], Pipeline] = nlp.load
    resolve: Resolver | None = None
    _cache: dict[str, Pipeline] = field(default_factory=dict)

    def analyze(self, document: Document) -> DocumentAnalysis:
        check_length(document)
        extraction = extract_quotes(document.text, document.language)
        attributions = attribute_quotes(
            document.text,
            extraction.quotes,
            extraction.language,
            self.nlp_for(extraction.language),
            resolve=self.resolve,
        )
        findings = tuple(
            QuoteFinding(q, a) for q, a in zip(extraction.quotes, attributions, strict=True)
        )
        return DocumentAnalysis(
            source=document.source,
            language=extraction.language,
            findings=findings,
            stray_marks=extraction.stray_marks,
        )


def check_length(document: Document) -> None:
    """Refuse an article over the configured limit (any shorter one is processed)."""
    limit = max_chars()
    if len(document.text) > limit:
        raise InputError(f"{len(document.text):,} characters, over the limit of {limit:,} "
                         f"(set {MAX_CHARS_ENV} to raise it)", location=document.source)
