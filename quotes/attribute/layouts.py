"""Quote lists: layouts that name each speaker beside the words instead of in a sentence
(post-match voices, the week's sayings, a council meeting's statements).

* a bracket right after the quote opens with its speaker: "«Wir haben denen ihr Spiel
  geklaut.» (Jürgen Klopp, Trainer des FSV Mainz 05, nach dem 2:1 in Freiburg)";
* a line holding only a (role and) name stands above the quote: "Sportchef Frank Baumann
  \\n\\n„Ich bin schon ein Stück weit sprachlos …“".

A list whose names stand under each quote instead ("“…”\\nArthur Lira (PP-AL)", a
fact-check's claims) is `rules._name_line`'s; which way a list runs is read from where it
begins, since inside it every name line stands both under one quote and above the next.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from quotes import lang
from quotes.attribute.people import Name
from quotes.attribute.ranking import mentions_in

if TYPE_CHECKING:
    from quotes.attribute.persons import Mention
    from quotes.attribute.rules import Document
    from quotes.models import Quote

# How many words of a bracket may stand before the speaker's name ("Bayer Leverkusens
# Trainer Klaus Augenthaler"); a name further in is someone spoken about.
BRACKET_NAME_WITHIN = 4
# How many words a line naming the speaker above a quote may hold ("Sportchef Frank
# Baumann", "Bürgermeisterin Jane Example (SPD)").
HEADING_WORDS = 6
# How many lines up a list is read for where it begins.
_LIST_LINES = 40


def listed_speaker(doc: Document, quote: Quote) -> tuple[Name, str] | None:
    """The speaker a quote list names beside the quote, with how it was found."""
    by_bracket = bracket_speaker(doc, quote)
    if by_bracket is not None:
        return by_bracket, "bracket-after"
    heading = heading_speaker(doc, quote)
    return (heading, "heading-line") if heading is not None else None


def bracket_speaker(doc: Document, quote: Quote) -> Name | None:
    """The person a bracket right after the quote opens with, as its speaker."""
    text = doc.text
    rest = text[quote.outer_end : quote.outer_end + 400]
    stripped = rest.lstrip(" \t.,;!?")
    if not stripped.startswith("(") or "\n" in rest[: len(rest) - len(stripped)]:
        return None
    open_at = quote.outer_end + len(rest) - len(stripped)
    close_at = text.find(")", open_at)
    if close_at < 0 or "\n" in text[open_at:close_at]:
        return None
    mention = _first_person(doc, open_at + 1, close_at)
    if mention is None:
        return None
    lead = text[open_at + 1 : mention.start]
    # "(Foto: Jane Example)", "(vgl. …)": a credit or reference, not the speaker.
    if ":" in lead or len(lead.split()) > BRACKET_NAME_WITHIN:
        return None
    return _name(mention)


def heading_speaker(doc: Document, quote: Quote) -> Name | None:
    """The person a line standing alone right above the quote names, where the list the
    quote belongs to begins with such a line (not with a quote)."""
    text = doc.text
    line_start = text.rfind("\n", 0, quote.open_at) + 1
    if text[line_start : quote.open_at].strip():
        return None  # the quote does not open its line
    lines = _lines_above(text, line_start)
    if not lines or _heading(doc, lines[0]) is None:
        return None
    # Up the alternating run of quote lines and name lines to where the list begins.
    above = lines[1:]
    k = _run(above, lambda line: _opens_with_mark(doc, line),
             lambda line: _heading(doc, line) is not None)
    if k < len(above) and _opens_with_mark(doc, above[k]):
        return None  # a quote opens the list: its names stand under the quotes
    if _ends_with_name(doc, quote):
        return None  # a name line under the last quote too: which way it runs is unclear
    mention = _heading(doc, lines[0])
    return _name(mention) if mention is not None else None


def _lines_above(text: str, line_start: int) -> list[tuple[int, int]]:
    """The non-blank lines above a line, nearest first, as (start, end)."""
    lines: list[tuple[int, int]] = []
    end = line_start - 1
    while end > 0 and len(lines) < _LIST_LINES:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            lines.append((start, end))
        end = start - 1
    return lines


def _lines_below(text: str, at: int) -> list[tuple[int, int]]:
    """The non-blank lines after the line holding `at`, nearest first, as (start, end)."""
    lines: list[tuple[int, int]] = []
    start = text.find("\n", at)
    while start >= 0 and len(lines) < _LIST_LINES:
        end = text.find("\n", start + 1)
        end = len(text) if end < 0 else end
        if text[start + 1 : end].strip():
            lines.append((start + 1, end))
        start = end if end < len(text) else -1
    return lines


def _ends_with_name(doc: Document, quote: Quote) -> bool:
    """Does the run of name lines and quote lines going down from the quote end with a
    name line?"""
    lines = _lines_below(doc.text, quote.outer_end)
    k = _run(lines, lambda line: _heading(doc, line) is not None,
             lambda line: _opens_with_mark(doc, line))
    return k < len(lines) and _heading(doc, lines[k]) is not None


def _run(lines: list[tuple[int, int]], first: Callable[[tuple[int, int]], bool],
         second: Callable[[tuple[int, int]], bool]) -> int:
    """How many lines from the start alternate `first`, `second`, `first` … in whole pairs."""
    k = 0
    while k + 1 < len(lines) and first(lines[k]) and second(lines[k + 1]):
        k += 2
    return k


def _opens_with_mark(doc: Document, line: tuple[int, int]) -> bool:
    """Does the line open with an opening mark of the language's quote pairs?"""
    return doc.text[line[0] : line[1]].lstrip().startswith(_openers(doc.table.code))


def _heading(doc: Document, line: tuple[int, int]) -> Mention | None:
    """The person a short line names, where that line is nothing else: no sentence, no
    quote; its last person mention, which ends it (or its bracket)."""
    start, end = line
    written = doc.text[start:end].strip()
    words = written.split()
    # A sentence or a header ("Reactions: Quotes"); an initial's point ("Dr. Jane X.
    # Example") stays.
    if not 0 < len(words) <= HEADING_WORDS or written[-1] == "." \
            or any(c in written for c in "!?:;…") \
            or _opens_with_mark(doc, line):
        return None
    bare = written.partition("(")[0].rstrip()
    bare_end = doc.text.find(bare, start) + len(bare)
    mention = _last_person(doc, start, bare_end)
    if mention is None or (mention.end or mention.start + len(mention.name)) != bare_end:
        return None
    return mention


@cache
def _openers(code: str) -> tuple[str, ...]:
    """The opening marks of a language's quote pairs (tables are no cache keys: by code)."""
    return tuple({opening for opening, _ in lang.get(code).quote_pairs})


def _first_person(doc: Document, begin: int, end: int) -> Mention | None:
    return next((m for m in mentions_in(doc.people, begin, end) if m.kind == "person"), None)


def _last_person(doc: Document, begin: int, end: int) -> Mention | None:
    return next((m for m in reversed(mentions_in(doc.people, begin, end))
                 if m.kind == "person"), None)


def _name(mention: Mention) -> Name:
    end = mention.end or mention.start + len(mention.name)
    return Name(mention.name, mention.start, end, "name")
