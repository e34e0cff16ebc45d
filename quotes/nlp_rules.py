"""spaCy's tokenizer algorithm in plain Python, over the tables `quotes.nlp_tables` reads
from spaCy once: the same tokens as `spacy.blank(code)` + `sentencizer` without importing
spaCy (whose import alone costs a second and ~90 MB).

The steps are spaCy's (`spacy/tokenizer.pyx`): split at whitespace (a single space after
a token is its trailing space, other whitespace runs are tokens); per chunk, a tokenizer
exception, else strip prefixes and suffixes until nothing changes (stopping at an
exception or a token match), then split the rest at infixes unless it is a token or URL
match; then exceptions that only appear across the tokens so made (emoticons, "a.m.")
replace the longest, leftmost matches. `tests/test_nlp_light.py` checks the result
against spaCy itself in every language table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Chunks whose tokens are kept (spaCy keeps a cache too): words repeat, so most chunks
# of a long text are found here; the bound keeps a huge text's memory flat.
MAX_CACHED = 100_000


@dataclass(frozen=True, slots=True)
class LightToken:
    """A token with the attributes the attribute stage reads of a spaCy token."""

    text: str
    idx: int
    is_sent_start: bool
    is_punct: bool
    is_space: bool
    ent_type_: str = ""


def is_punct(text: str) -> bool:
    """spaCy's `is_punct`: every character is Unicode punctuation."""
    return all(unicodedata.category(ch).startswith("P") for ch in text)


class RuleTokenizer:
    def __init__(self, tables: dict[str, Any]) -> None:
        self.rules: dict[str, list[str]] = tables["rules"]
        self._prefix = _compiled(tables["prefix"])
        self._suffix = _compiled(tables["suffix"])
        self._infix = _compiled(tables["infix"])
        self._token_match = _compiled(tables["token_match"])
        self._url_match = _compiled(tables["url_match"])
        self._faster = bool(tables["faster_heuristics"])
        self._cache: dict[str, list[str]] = {}
        # Exceptions matched across tokens, by their first token (built with the tables).
        self._spanning: dict[str, list[tuple[str, ...]]] = {}
        for pattern in tables.get("spanning", ()):
            self._spanning.setdefault(pattern[0], []).append(tuple(pattern))

    def __call__(self, text: str) -> list[tuple[str, int]]:
        """(token text, offset) pairs of `text`."""
        pieces = self._split(text, specials=True)
        return self._apply_spanning_exceptions(text, pieces)

    # --- whitespace and chunks ---------------------------------------------------------

    def _split(self, text: str, *, specials: bool) -> list[tuple[str, int]]:
        tokens: list[tuple[str, int]] = []
        for start, chunk in _chunks(text):
            at = start
            for piece in self._chunk(chunk, specials):
                tokens.append((piece, at))
                at += len(piece)
        return tokens

    def _chunk(self, chunk: str, specials: bool) -> list[str]:
        if specials and chunk in self.rules:
            return self.rules[chunk]
        cached = self._cache.get(chunk) if specials else None
        if cached is None:
            cached = self._affixes(chunk, specials)
            if specials and len(self._cache) < MAX_CACHED:
                self._cache[chunk] = cached
        return cached

    # --- prefixes, suffixes, infixes ---------------------------------------------------

    def _affixes(self, string: str, specials: bool) -> list[str]:
        prefixes: list[str] = []
        suffixes: list[str] = []
        rules = self.rules if specials else {}
        last_size = 0
        while string and len(string) != last_size:
            if _matches(self._token_match, string) or string in rules:
                break
            last_size = len(string)
            string, prefix, suffix, stop = self._strip(string, rules)
            if prefix:
                prefixes.append(prefix)
            if suffix:
                suffixes.append(suffix)
            if stop:
                break
        return [*prefixes, *self._middle(string, rules), *reversed(suffixes)]

    def _strip(self, string: str, rules: dict[str, list[str]]) -> tuple[str, str, str, bool]:
        """One turn of spaCy's affix loop: the string left, the prefix and the suffix
        taken ("" for none), and whether an exception left over ends the loop."""
        pre_len = _length(self._prefix, string)
        if pre_len and string[pre_len:] in rules:
            return string[pre_len:], string[:pre_len], "", True
        suf_len = _length(self._suffix, string[pre_len:])
        if suf_len and string[:-suf_len] in rules:
            return string[:-suf_len], "", string[-suf_len:], True
        if pre_len and suf_len and pre_len + suf_len <= len(string):
            return string[pre_len:-suf_len], string[:pre_len], string[-suf_len:], False
        if pre_len:
            return string[pre_len:], string[:pre_len], "", False
        if suf_len:
            return string[:-suf_len], "", string[-suf_len:], False
        return string, "", "", False

    def _middle(self, string: str, rules: dict[str, list[str]]) -> list[str]:
        if not string:
            return []
        if string in rules:
            return rules[string]
        if _matches(self._token_match, string) or _matches(self._url_match, string):
            return [string]
        matches = list(self._infix.finditer(string)) if self._infix else []
        if not matches:
            return [string]
        out: list[str] = []
        start = 0
        for m in matches:
            if m.start() == 0:  # an infix at the very start splits nothing
                continue
            if m.start() != start:
                out.append(string[start : m.start()])
            if m.start() != m.end():
                out.append(string[m.start() : m.end()])
            start = m.end()
        if string[start:]:
            out.append(string[start:])
        return out

    # --- exceptions across tokens ------------------------------------------------------

    def spanning_patterns(self) -> list[list[str]]:
        """The token sequences of the exceptions spaCy also matches across tokens (those
        with a prefix, suffix, infix or space, or all without its faster heuristics)."""
        patterns = []
        for key in self.rules:
            spans = (_length(self._prefix, key) or _length(self._suffix, key) or " " in key
                     or (self._infix is not None and self._infix.search(key) is not None))
            if spans or not self._faster:
                patterns.append([t for t, _ in self._split(key, specials=False)])
        return [p for p in patterns if p]

    def _apply_spanning_exceptions(
        self, text: str, tokens: list[tuple[str, int]]
    ) -> list[tuple[str, int]]:
        orths = [t for t, _ in tokens]
        starts: dict[str, list[int]] = {}
        for i, orth in enumerate(orths):
            starts.setdefault(orth, []).append(i)
        spans: set[tuple[int, int]] = set()
        for first in starts.keys() & self._spanning.keys():
            for pattern in self._spanning[first]:
                n = len(pattern)
                spans.update((i, i + n) for i in starts[first]
                             if tuple(orths[i : i + n]) == pattern)
        if not spans:
            return tokens
        return _replace(text, tokens, _longest_first(spans), self.rules)


def _chunks(text: str) -> list[tuple[int, str]]:
    """spaCy's whitespace split: runs of non-space and of space characters, where a single
    space after a token belongs to it (and is no token)."""
    found: list[tuple[int, str]] = []
    if not text:
        return found
    start = 0
    in_ws = text[0].isspace()
    for i, ch in enumerate(text):
        if ch.isspace() != in_ws:
            if start < i:
                found.append((start, text[start:i]))
            start = i + 1 if ch == " " else i
            in_ws = not in_ws
    if start < len(text):
        found.append((start, text[start:]))
    return found


def _longest_first(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's filter: longest spans first, leftmost among equals; a span whose first or
    last token is already taken is dropped."""
    seen: set[int] = set()
    kept = []
    for start, end in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
        seen.update(range(start, end))
    return sorted(kept)


def _replace(
    text: str, tokens: list[tuple[str, int]], spans: Sequence[tuple[int, int]],
    rules: dict[str, list[str]],
) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    i = 0
    for start, end in spans:
        out.extend(tokens[i:start])
        first, last = tokens[start], tokens[end - 1]
        covered = text[first[1] : last[1] + len(last[0])]
        if covered in rules:
            at = first[1]
            for piece in rules[covered]:
                out.append((piece, at))
                at += len(piece)
        else:
            out.extend(tokens[start:end])
        i = end
    out.extend(tokens[i:])
    return out


def _compiled(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def _matches(regex: re.Pattern[str] | None, string: str) -> bool:
    return regex is not None and regex.match(string) is not None


def _length(regex: re.Pattern[str] | None, string: str) -> int:
    if regex is None:
        return 0
    m = regex.search(string)
    return m.end() - m.start() if m else 0
