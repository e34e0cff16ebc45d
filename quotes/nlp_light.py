"""A light spaCy pipeline for a language without a trained one: spaCy's own tokenizer and
its rule-based sentencizer, built from tables instead of the full language class.

`spacy.blank(code)` costs seconds for some languages, every run: one compiles a 1.4 MB
token-match pattern (266 alternatives that repeat the same letter classes), another adds
16,000 tokenizer exceptions one by one. Here the language's tables are read from spaCy
once per spaCy version and kept as JSON in the user's cache directory; each run then

* compiles the token-match pattern with its alternatives factored (`^(?:a|b)tail$` for
  `^a tail$|^b tail$`: the same strings match, the letter classes compile once);
* adds only the exceptions that occur in the text being read (an exception can only
  apply where its text occurs), so a short article pays for a handful;
* marks sentence starts as spaCy's `sentencizer` does.

Tokens, offsets, punctuation flags and sentence starts are spaCy's own, so attribution
reads the same tokens either way.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

CACHE_ENV = "QUOTES_CACHE_DIR"
TABLES_VERSION = 1  # bump when the tables' layout changes


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


def cache_dir() -> Path:
    """`$QUOTES_CACHE_DIR`, else `$XDG_CACHE_HOME/quotes`, else `~/.cache/quotes`."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "quotes"


class LightPipeline:
    """Tokenizer + sentencizer with the `Language` calls the attribute stage makes."""

    def __init__(self, tables: dict[str, Any]) -> None:
        spacy = import_spacy()
        from spacy.lang.lex_attrs import LEX_ATTRS
        from spacy.tokenizer import Tokenizer
        from spacy.vocab import Vocab

        del spacy
        self.lang = tables["lang"]
        self.vocab = Vocab(lex_attr_getters=dict(LEX_ATTRS))
        self._rules: dict[str, list[str]] = tables["rules"]
        self._spaced = [k for k in self._rules if any(c.isspace() for c in k)]
        self._added: set[str] = set()
        self._punct_chars = frozenset(tables["punct_chars"])
        self.tokenizer = Tokenizer(
            self.vocab,
            rules={},
            prefix_search=_search(tables["prefix"]),
            suffix_search=_search(tables["suffix"]),
            infix_finditer=_finditer(tables["infix"]),
            token_match=_match(tables["token_match"]),
            url_match=_match(tables["url_match"]),
            faster_heuristics=tables["faster_heuristics"],
        )

    def has_pipe(self, name: str) -> bool:
        return name == "sentencizer"

    def __call__(self, text: str) -> Doc:
        self._add_exceptions(text)
        doc = self.tokenizer(text)
        for token, start in zip(doc, self._sentence_starts(doc), strict=True):
            token.is_sent_start = start
        return doc

    def _add_exceptions(self, text: str) -> None:
        """The tokenizer exceptions that occur in `text` and are not added yet."""
        from spacy.symbols import ORTH

        found = [k for k in self._candidates(text) if k not in self._added and k in text]
        for key in found:
            self.tokenizer.add_special_case(key, [{ORTH: o} for o in self._rules[key]])
            self._added.add(key)

    def _candidates(self, text: str) -> Iterator[str]:
        # Exceptions without spaces lie inside one whitespace-delimited chunk.
        words = set(text.split())
        if len(words) * 8 < len(self._rules):
            yield from (k for k in self._spaced if k in text)
            for word in words:
                yield from _substrings_in(word, self._rules)
        else:
            yield from self._rules

    def _sentence_starts(self, doc: Doc) -> list[bool]:
        """spaCy's `sentencizer`: a sentence starts at the first token that is not
        punctuation after one of its sentence-final marks."""
        starts = [False] * len(doc)
        if starts:
            starts[0] = True
        seen_period = False
        for i, token in enumerate(doc):
            final = token.text in self._punct_chars
            if seen_period and not token.is_punct and not final:
                starts[i] = True
                seen_period = False
            elif final:
                seen_period = True
        return starts


def _substrings_in(word: str, rules: dict[str, list[str]]) -> Iterator[str]:
    n = len(word)
    for i in range(n):
        for j in range(i + 1, min(n, i + _LONGEST) + 1):
            if word[i:j] in rules:
                yield word[i:j]


_LONGEST = 40  # no tokenizer exception is longer (checked when the tables are built)


def _search(pattern: str | None) -> Any:
    return re.compile(pattern).search if pattern else None


def _finditer(pattern: str | None) -> Any:
    return re.compile(pattern).finditer if pattern else None


def _match(pattern: str | None) -> Any:
    return re.compile(pattern).match if pattern else None


@cache
def light_pipeline(code: str) -> LightPipeline | None:
    """The light pipeline for `code`, or None when its tables cannot be had (the caller
    then uses `spacy.blank`)."""
    tables = read_tables(code)
    return LightPipeline(tables) if tables is not None else None


def read_tables(code: str) -> dict[str, Any] | None:
    """The tables of `code` for the installed spaCy: from the cache, else built from
    spaCy (once) and cached."""
    spacy = import_spacy()
    path = cache_dir() / f"spacy-{spacy.__version__}-t{TABLES_VERSION}" / f"{code}.json"
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
