"""Pass 1 of extraction: which quotation marks a text has, and what each one can do.

A mark is any opening or closing string of the language tables' `quote_pairs`: one
character („ “ « ' …) or several (the ASCII/LaTeX `` … ''). Like CommonMark's emphasis
delimiters, a mark can *open* when a word follows it and it does not stick to the end of a
word, and can *close* when it follows a word. This is what tells English “…” from German
„…“: the same “ opens in one and closes in the other. A closing-shaped ” that the tables
also let open (”…”) is held to more: it opens only where no close could stand, and pairing
reads it as a close inside a quote it closes. An apostrophe between letters
(don't, l’IA, d'un), before a two-digit year ('90s) or at the edge of a word the tables
list as written with one ('s morgens, rock 'n' roll, un po') is no mark at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from quotes import lang
from quotes.lang import LanguageData

# Marks that double as apostrophes: only quotes when a matching close follows.
APOSTROPHE_LIKE = frozenset("'’‘‚‛`")
# French-style guillemets may have a (no-break, narrow no-break) space inside: « mot ».
SPACED_OPENERS = frozenset("«‹")
SPACED_CLOSERS = frozenset("»›")
INNER_SPACES = " \u00a0\u202f\u2009"
# What may stand right before an opening mark, besides whitespace and the start of text.
OPEN_CONTEXT = frozenset("([{—–-/:;,")
# Closing-shaped marks that some tables also let open (”…”, as Swedish and Finnish type
# quotes, and some Italian, Portuguese and Indonesian sites): far likelier the close of “…”
# or „…”, such a mark opens only where no close could stand, after whitespace, the start
# of text or an opening bracket, and before a letter or digit.
RIGHT_SHAPED = frozenset("”")
RIGHT_SHAPED_OPEN_CONTEXT = frozenset("([{")
# What may stand right after a closing mark, besides whitespace and the end of text.
CLOSE_CONTEXT = frozenset(".,;:!?…)]}—–-/")
SENTENCE_END = frozenset(".!?…")
# Characters of marks, which may touch a mark on either side („‚…‘“, ”’).
MARK_CHARS = frozenset("\"'`“”„‟«»‹›‘’‚‛")

_YEAR_ELISION = re.compile(r"\d\d(?:s\b|\b)(?!\d)")


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """Which closing marks close which opening mark, from the language tables."""

    closers_for: dict[str, frozenset[str]]
    openers: frozenset[str]
    closers: frozenset[str]
    pattern: re.Pattern[str]
    # each mark's one string object, which quotes keep (not a copy per quote: „ and “ are
    # no cached one-character strings)
    canonical: dict[str, str]
    # the tables' `apostrophe_words`, any apostrophe-like mark standing for their '
    apostrophe_words: re.Pattern[str] | None = None

    @classmethod
    def from_languages(
        cls, languages: Sequence[LanguageData], document: LanguageData | None = None
    ) -> QuoteMarks:
        """The marks of all `languages` (articles mix conventions); the apostrophe words of
        the `document`'s language only, as they are words of one language ("'em" is
        English, "em" Portuguese)."""
        closers_for: dict[str, set[str]] = {}
        for ld in languages:
            for opening, closing in ld.quote_pairs:
                closers_for.setdefault(opening, set()).add(closing)
        openers = frozenset(closers_for)
        closers = frozenset(c for cs in closers_for.values() for c in cs)
        return cls(
            closers_for={o: frozenset(cs) for o, cs in closers_for.items()},
            openers=openers,
            closers=closers,
            pattern=_mark_pattern(openers | closers),
            canonical={m: m for m in openers | closers},
            apostrophe_words=_apostrophe_words(document.apostrophe_words if document else ()),
        )


def _mark_pattern(marks: frozenset[str]) -> re.Pattern[str]:
    """Longer marks first, so that `` is one mark and not two `. A longer mark is none
    inside a word (l''omaggio': an apostrophe, then a quote's opening mark)."""
    longer = sorted((m for m in marks if len(m) > 1), key=lambda m: (-len(m), m))
    chars = "".join(sorted(m for m in marks if len(m) == 1))
    alternatives = [rf"(?:(?<![^\W_]){re.escape(m)}|{re.escape(m)}(?![^\W_]))" for m in longer]
    if chars:
        alternatives.append(f"[{re.escape(chars)}]")
    return re.compile("|".join(alternatives) or "(?!)")


def _apostrophe_words(words: Sequence[str]) -> re.Pattern[str] | None:
    forms = sorted(words, key=len, reverse=True)
    if not forms:
        return None
    any_apostrophe = f"[{re.escape(''.join(sorted(APOSTROPHE_LIKE)))}]"
    alternatives = "|".join(any_apostrophe.join(map(re.escape, w.split("'"))) for w in forms)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)


@cache
def default_marks(language: str | None = None) -> QuoteMarks:
    """The marks of all language tables, read in a document of `language`."""
    tables = lang.all_languages()
    return QuoteMarks.from_languages(tables, next((t for t in tables if t.code == language), None))


@dataclass(slots=True)
class Mark:
    pos: int
    char: str  # the mark itself, one character or more
    line: int
    can_open: bool
    can_close: bool

    @property
    def end(self) -> int:
        return self.pos + len(self.char)


def classify(text: str, start: int, end: int, line: int, table: QuoteMarks) -> list[Mark]:
    """The marks of text[start:end] (one line), apostrophes left out."""
    result = []
    n = len(text)
    in_words = _apostrophes_in_words(text, start, end, table)
    for m in table.pattern.finditer(text, start, end):
        pos, ch = m.start(), table.canonical[m.group()]
        before = text[pos - 1] if pos > 0 else ""
        after = text[m.end()] if m.end() < n else ""
        if ch in APOSTROPHE_LIKE and (pos in in_words or _is_apostrophe(text, pos, before, after)):
            continue
        # Glued between a sentence's end and the next word (dame."Valérie, stop."Then), a
        # mark may open or close: pairing decides by what is open.
        glued = before in SENTENCE_END and after.isalpha()
        can_open = ch in table.openers and (
            _right_shaped_opens(before, after) if ch in RIGHT_SHAPED
            else glued or _can_open(text, m.end(), ch, before, after))
        can_close = ch in table.closers and (glued or _can_close(text, pos, ch, before, after))
        result.append(Mark(pos, ch, line, can_open, can_close))
    return result


def _apostrophes_in_words(text: str, start: int, end: int, table: QuoteMarks) -> set[int]:
    if table.apostrophe_words is None:
        return set()
    return {
        i
        for m in table.apostrophe_words.finditer(text, start, end)
        for i in range(m.start(), m.end())
        if text[i] in APOSTROPHE_LIKE
    }


def _is_apostrophe(text: str, pos: int, before: str, after: str) -> bool:
    if before.isalnum() and after.isalnum():
        return True  # don't, l’IA, d'un, Musk's
    # '90s, ’22
    return after.isdigit() and _YEAR_ELISION.match(text, pos + 1) is not None


def _punctuation_follows(text: str, after_at: int, after: str) -> bool:
    """Does punctuation that ends a clause come right after the mark (`nove ", lê-se`)?
    No quote begins with it; an ellipsis ("...targeted") may."""
    if after == ".":
        return text[after_at + 1 : after_at + 2] != "."
    return after in ",;:!?"


def _can_open(text: str, after_at: int, ch: str, before: str, after: str) -> bool:
    if _punctuation_follows(text, after_at, after):
        return False
    if ch in SPACED_OPENERS:
        after = _skip_inner_spaces_forward(text, after_at)
    elif after == " " and ch not in APOSTROPHE_LIKE and (not before or before.isspace()):
        # "“ En Waldo’s, lamentamos …”": a space typed after the mark, before a capital.
        after = text[after_at + 1 : after_at + 2]
        return after.isupper()
    if not after or after.isspace():
        return False
    return not before or before.isspace() or before in OPEN_CONTEXT or before in MARK_CHARS


def _right_shaped_opens(before: str, after: str) -> bool:
    """Does a closing-shaped mark (”) open here: ”Não concordo…, che ”sarebbe…, (”Ja…?"""
    opens_after = not before or before.isspace() or before in RIGHT_SHAPED_OPEN_CONTEXT
    return opens_after and after.isalnum()


def _can_close(text: str, pos: int, ch: str, before: str, after: str) -> bool:
    if ch in SPACED_CLOSERS:
        before = _skip_inner_spaces_backward(text, pos - 1)
    if not before or before.isspace():
        # A space typed before the mark, then the punctuation after the quote: it closes.
        return (before == " " and ch not in APOSTROPHE_LIKE
                and _punctuation_follows(text, pos + len(ch), after))
    return not after or after.isspace() or after in CLOSE_CONTEXT or after in MARK_CHARS


def _skip_inner_spaces_forward(text: str, i: int) -> str:
    while i < len(text) and text[i] in INNER_SPACES:
        i += 1
    return text[i] if i < len(text) else ""


def _skip_inner_spaces_backward(text: str, i: int) -> str:
    while i >= 0 and text[i] in INNER_SPACES:
        i -= 1
    return text[i] if i >= 0 else ""


def content_start(text: str, mk: Mark) -> int:
    """Where a quote opened by `mk` begins: after the mark (and the inner spaces of « …)."""
    i = mk.end
    if mk.char in SPACED_OPENERS:
        while i < len(text) and text[i] in INNER_SPACES:
            i += 1
    elif text[i : i + 1] == " ":
        i += 1  # the space typed after a mark ("“ En …"): only then may it open
    return i
