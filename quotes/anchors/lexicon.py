"""The number lexicon of a language table: which words (and phrases) are numbers,
multipliers, scales, vague amounts, a "one" before a scale, or joiners between number
words, and how a number written as one word splits into them ("zehntausend")."""

from __future__ import annotations

from dataclasses import dataclass

from quotes.lang import LanguageData
from quotes.text import LETTER_WORD


@dataclass(frozen=True, slots=True)
class Entry:
    """What one lexicon word (or phrase) can be; several roles at once ("mil": a number
    on its own, a scale after another number)."""

    word: float | None = None  # a number on its own ("zehn", "mille")
    multiplier: float | None = None  # multiplies the word before it ("hundred")
    scale: float | None = None  # multiplies everything before it ("million")
    one: bool = False  # 1, but only before a multiplier or scale ("a", "eine", "un")
    joiner: bool = False  # between number words ("and", "und")
    vague: float | None = None  # an order of magnitude ("thousands")
    half: bool = False  # half of the scale before it ("million et demi")
    approximate: bool = False  # an approximate amount in itself ("vingtaine")

    @property
    def starts(self) -> bool:
        """Can a number begin with this entry? Scales and multipliers need one before."""
        return self.word is not None or self.one or self.vague is not None


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: dict[str, Entry]  # key: lowercase words joined by single spaces
    longest: int  # the most words in one key
    compound_pieces: tuple[str, ...]  # one-word keys, longest first, for "zehntausend"
    decimal_comma: bool
    # First words of the entries a number can begin with: any other word (most words of
    # a text) starts no number unless it is a numeral or a compound of number words.
    start_words: frozenset[str] = frozenset()


_LEXICONS: dict[tuple[str, int], Lexicon] = {}


def lexicon_of(table: LanguageData) -> Lexicon:
    # Tables are loaded once per process (`lang.get` caches them), so their identity is a
    # sound cache key; the code keeps tables built in tests apart.
    key = (table.code, id(table))
    if key not in _LEXICONS:
        _LEXICONS[key] = _build_lexicon(table)
    return _LEXICONS[key]


def _key(phrase: str) -> str:
    """A lexicon phrase as its tokens are joined: "quatre-vingts" → "quatre vingts",
    "mio." → "mio"."""
    return " ".join(m.group() for m in LETTER_WORD.finditer(phrase.lower()))


def _build_lexicon(table: LanguageData) -> Lexicon:
    roles: dict[str, dict[str, object]] = {}
    sources: tuple[tuple[str, dict[str, float] | frozenset[str]], ...] = (
        ("word", table.number_words),
        ("word", table.approximate_numbers),
        ("approximate", frozenset(table.approximate_numbers)),
        ("multiplier", table.number_multipliers),
        ("scale", table.scales),
        ("vague", table.vague_numbers),
        ("one", table.number_ones),
        ("joiner", table.number_joiners),
        ("half", frozenset(table.number_halves)),
    )
    for role, source in sources:
        for phrase in source:
            key = _key(phrase)
            if key:
                value = source[phrase] if isinstance(source, dict) else True
                roles.setdefault(key, {})[role] = value
    entries = {k: Entry(**v) for k, v in roles.items()}  # type: ignore[arg-type]
    pieces: tuple[str, ...] = ()
    if table.compound_numbers:
        pieces = tuple(sorted((k for k in entries if " " not in k), key=len, reverse=True))
    longest = max((k.count(" ") + 1 for k in entries), default=1)
    starts = frozenset(k.split(" ", 1)[0] for k, e in entries.items() if e.starts)
    return Lexicon(entries, longest, pieces, table.decimal_comma, starts)


def compound(word: str, lexicon: Lexicon) -> list[Entry] | None:
    """A number written as one word, split into lexicon pieces ("zehntausend" → zehn,
    tausend; "fünfundzwanzig" → fünf, und, zwanzig), or None when the word is no number."""
    if len(word) < 5:
        return None

    def split(rest: str) -> list[str] | None:
        if not rest:
            return []
        for piece in lexicon.compound_pieces:
            if rest.startswith(piece):
                tail = split(rest[len(piece) :])
                if tail is not None:
                    return [piece, *tail]
        return None

    pieces = split(word)
    if not pieces or len(pieces) < 2:
        return None
    entries = [lexicon.entries[p] for p in pieces]
    if entries[0].joiner or entries[-1].joiner or any(e.vague and not e.word for e in entries):
        return None
    return entries
