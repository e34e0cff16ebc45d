"""A light pipeline for a language without a trained one: spaCy's tokenizer rules and its
rule-based sentencizer, run from tables in plain Python (`quotes.nlp_rules`), so that
neither spaCy nor its full language class is loaded.

`spacy.blank(code)` costs seconds for some languages, every run: one compiles a 1.4 MB
token-match pattern (266 alternatives that repeat the same letter classes), another adds
16,000 tokenizer exceptions one by one. Here the language's tables are read from spaCy
once per spaCy version and kept as JSON in the user's cache directory; each run then

* compiles the token-match pattern with its alternatives factored (`^(?:a|b)tail$` for
  `^a tail$|^b tail$`: the same strings match, the letter classes compile once);
* looks exceptions up in a dict (spaCy adds them one by one into its own structures);
* marks sentence starts as spaCy's `sentencizer` does.

Tokens, offsets, punctuation flags and sentence starts are spaCy's, so attribution reads
the same tokens either way (`tests/test_nlp_light.py` compares them with spaCy's).
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import sys
from functools import cache
from typing import Any

from quotes.config import default_cache_dir
from quotes.nlp_rules import LightToken, RuleTokenizer, is_punct

log = logging.getLogger(__name__)

TABLES_VERSION = 2  # bump when the tables' layout changes


def import_spacy() -> Any:
    """spaCy without torch: thinc imports torch when it is installed (half of the start-up
    time), and nothing here runs a thinc model; torch still loads for transformers."""
    if "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


def _spacy_version() -> str:
    """The installed spaCy's version, read without importing it."""
    try:
        return importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        return "none"


class LightPipeline:
    """Tokenizer + sentencizer with the `Language` calls the attribute stage makes."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self.lang = tables["lang"]
        self.tokenizer = RuleTokenizer(tables)
        self._punct_chars = frozenset(tables["punct_chars"])

    def has_pipe(self, name: str) -> bool:
        return name == "sentencizer"

    def __call__(self, text: str) -> list[LightToken]:
        pieces = self.tokenizer(text)
        punct = [is_punct(piece) for piece, _ in pieces]
        starts = self._sentence_starts([piece for piece, _ in pieces], punct)
        return [LightToken(piece, at, start, p, piece.isspace())
                for (piece, at), start, p in zip(pieces, starts, punct, strict=True)]

    def _sentence_starts(self, texts: list[str], punct: list[bool]) -> list[bool]:
        """spaCy's `sentencizer`: a sentence starts at the first token that is not
        punctuation after one of its sentence-final marks."""
        starts = [False] * len(texts)
        if starts:
            starts[0] = True
        seen_period = False
        for i, text in enumerate(texts):
            final = text in self._punct_chars
            if seen_period and not punct[i] and not final:
                starts[i] = True
                seen_period = False
            elif final:
                seen_period = True
        return starts


@cache
def light_pipeline(code: str) -> LightPipeline | None:
    """The light pipeline for `code`, or None when its tables cannot be had (the caller
    then uses `spacy.blank`)."""
    tables = read_tables(code)
    return LightPipeline(tables) if tables is not None else None


def read_tables(code: str) -> dict[str, Any] | None:
    """The tables of `code` for the installed spaCy: from the cache, else built from
    spaCy (once) and cached."""
    path = default_cache_dir() / f"spacy-{_spacy_version()}-t{TABLES_VERSION}" / f"{code}.json"
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    from quotes.nlp_tables import build_tables

    tables = build_tables(code)
    if tables is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
    except OSError as exc:  # a read-only home: built again next run
        log.info("spaCy tables for %s not cached: %s", code, exc)
    return tables
