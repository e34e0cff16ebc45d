"""spaCy pipelines, loaded once per language at the edge and passed into the stages.

A trained pipeline (e.g. `de_core_news_sm`, or the multilingual `xx_ent_wiki_sm`) is used
when installed, for its sentence boundaries and person entities; trained pipelines cannot
be downloaded on every machine, so spaCy's tokenizer with its rule-based sentencizer is the
fallback and everything works without one. That fallback is built from cached tables
(`quotes.nlp_light`), not from the full language class, which costs seconds per language.
"""

from __future__ import annotations

import importlib.metadata
import logging
import re
from functools import cache
from typing import TYPE_CHECKING, Protocol

from quotes.nlp_light import import_spacy, light_pipeline

if TYPE_CHECKING:
    from collections.abc import Iterable

log = logging.getLogger(__name__)

# Entity labels that name people across spaCy's trained pipelines.
PERSON_LABELS = frozenset({"PERSON", "PER"})
# Longer texts are parsed in pieces cut at paragraph breaks: spaCy refuses texts over its
# `max_length` (1,000,000 characters), and its memory grows with the text parsed at once.
MAX_PIECE_CHARS = 100_000
# A run of non-space characters longer than this (a wall of quotation marks, say) is cut:
# spaCy's tokenizer strips prefixes and suffixes one at a time, quadratic in a token's length.
MAX_TOKEN_CHARS = 256
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1},}}")


def trained_candidates(code: str) -> tuple[str, ...]:
    """spaCy's package names for a language, by its naming convention, best first."""
    return (f"{code}_core_news_sm", f"{code}_core_web_sm", f"{code}_core_news_md", "xx_ent_wiki_sm")


class TokenLike(Protocol):
    """What the stages read of a token (a spaCy `Token` or a `LightToken`)."""

    @property
    def text(self) -> str: ...
    @property
    def idx(self) -> int: ...
    @property
    def ent_type_(self) -> str: ...
    @property
    def is_sent_start(self) -> bool | None: ...
    @property
    def is_punct(self) -> bool: ...
    @property
    def is_space(self) -> bool: ...


class Pipeline(Protocol):
    """What the stages call of a pipeline (a spaCy `Language` or a `LightPipeline`)."""

    def __call__(self, text: str) -> Iterable[TokenLike]: ...

    def has_pipe(self, name: str) -> bool: ...


def _installed(name: str) -> bool:
    """Whether a package is installed, as `spacy.util.is_package` says, without spaCy."""
    try:
        importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@cache
def load(code: str) -> Pipeline:
    """A pipeline for `code`: the first trained one installed, else spaCy's tokenizer +
    sentencizer for the language."""
    for name in trained_candidates(code):
        if _installed(name):
            nlp = import_spacy().load(name)
            if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
                nlp.add_pipe("sentencizer")
            log.info("spaCy: using trained pipeline %s for %s", name, code)
            return nlp
    light = light_pipeline(code)
    if light is not None:
        return light
    spacy = import_spacy()
    try:
        blank = spacy.blank(code)
    except ImportError:  # a language spaCy has no rules for: the multilingual tokenizer
        blank = spacy.blank("xx")
    blank.add_pipe("sentencizer")
    return blank


def has_entities(nlp: Pipeline) -> bool:
    return nlp.has_pipe("ner")


def pieces(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """Where to cut `text` for parsing, as (start, end) pairs covering it in order: the
    whole text when it is short and has no overlong run, else pieces of at most
    `max_chars` that end at a line break (at a space, else anywhere, when a line is
    longer), with runs of non-space over `MAX_TOKEN_CHARS` cut into pieces of that size."""
    if len(text) <= max_chars and _LONG_RUN.search(text) is None:
        return [(0, len(text))]
    cuts: list[tuple[int, int]] = []
    for start, end in _paragraph_pieces(text, max_chars):
        cuts.extend(_without_long_runs(text, start, end))
    return cuts


def _paragraph_pieces(text: str, max_chars: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        cut = text.rfind("\n", start, limit) + 1 or text.rfind(" ", start, limit) + 1 or limit
        found.append((start, cut))
        start = cut
    found.append((start, len(text)))
    return found


def _without_long_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    offset = start
    # On the slice, so that a run cut at the piece's start still counts as one.
    for m in _LONG_RUN.finditer(text[start:end]):
        run_start, run_end = offset + m.start(), offset + m.end()
        if run_start > start:
            found.append((start, run_start))
        found.extend((i, min(i + MAX_TOKEN_CHARS, run_end))
                     for i in range(run_start, run_end, MAX_TOKEN_CHARS))
        start = run_end
    if start < end or not found:
        found.append((start, end))
    return found
