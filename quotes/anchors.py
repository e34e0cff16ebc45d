"""Anchors: the parts of a quote that survive translation unchanged in meaning.

Numbers (with their scale, currency, whether they are approximate, ranges and vague
amounts), @handles, #hashtags, URLs and proper names. "~$100M", "sekitar $100 juta",
"etwa 100 Millionen Dollar" and "environ 100 millions de dollars" all become the same
number anchor (1e8 USD, approximate), "eine Milliarde US-Dollar", "un milliard de dollars"
and "1 miliar dolar AS" the same 1e9 USD, and "10 GPUs" never equals "10 000 GPUs", so a
quote can be matched and checked against an English tweet even when no translation model
is present. Which words are numbers, scales, currencies or approximators is language data
(the `[numbers]` table of each language); no code path names a language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from quotes.lang import LanguageData, is_role
from quotes.text import words

AnchorKind = Literal["number", "year", "handle", "hashtag", "url", "name", "term"]

# Relative tolerance for two numbers to be the same value (rounding in translation).
EXACT_TOLERANCE = 0.005
APPROXIMATE_TOLERANCE = 0.05
# A vague plural ("thousands") covers [2, 1000) times its word's value.
VAGUE_LOW, VAGUE_HIGH = 2, 1000

_NUMERAL = (
    r"(?<![\w.,])(?<![^\W\d_]-)"  # not inside a word, a number or a name like "GPT-4"
    r"(?P<int>\d{1,3}(?:(?P<sep>[,.'’\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*|\d+)"
    r"(?:(?P<dec>[.,])(?P<frac>\d+))?"
    r"(?![\d])"
)
# Number tokens and word tokens (apostrophes and hyphens split: "d'un" → "d", "un").
_ITEM = re.compile(rf"(?P<num>{_NUMERAL})|(?P<word>[^\W\d_]+)")
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
_HASHTAG = re.compile(r"(?<![\w#&])#(\w*[^\W\d_]\w*)")
_URL = re.compile(r"https?://[^\s<>\"“”«»]+")
# Dates and times are no counts: "09.05.2022", "9/5/22", "16:49".
_DATE_TIME = re.compile(r"(?<![\w.])\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\w])|(?<![\w:])\d{1,2}:\d{2}")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
# What may stand between the words of one number: spaces, a hyphen ("twenty-five").
_NUMBER_GAP = re.compile(r"[\s\u00a0\u202f\u2009]*-?[\s\u00a0\u202f\u2009]*")
_SPACES = "\u00a0\u202f\u2009 \t\n"
# How reports (written in English) show a vague amount.
_VAGUE_NAMES = {10.0: "tens", 12.0: "dozens", 100.0: "hundreds", 1e3: "thousands",
                1e6: "millions", 1e9: "billions"}


@dataclass(frozen=True, slots=True)
class Anchor:
    kind: AnchorKind
    value: float | str  # numbers: the value with its scale applied; others: normalized text
    text: str  # as written
    start: int
    end: int
    unit: str | None = None  # ISO currency code or "%"
    approximate: bool = False
    upper: float | None = None  # a range's upper end ("10 to 15 million")
    vague: bool = False  # an order of magnitude only ("thousands of GPUs")

    def describe(self) -> str:
        if self.kind != "number":
            return str(self.value)
        unit = f" {self.unit}" if self.unit else ""
        if self.vague:
            return f"{_VAGUE_NAMES.get(float(self.value), _human(float(self.value)) + 's')}{unit}"
        value = _human(float(self.value))
        if self.upper is not None:
            value += f"–{_human(self.upper)}"
        return f"{'~' if self.approximate else ''}{value}{unit}"


def extract_anchors(text: str, table: LanguageData) -> list[Anchor]:
    """All anchors of `text`, in order."""
    anchors: list[Anchor] = []
    taken: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:!?)")
        anchors.append(Anchor("url", url.casefold(), url, m.start(), m.start() + len(url)))
        taken.append((m.start(), m.start() + len(url)))
    for pattern, kind in ((_HANDLE, "handle"), (_HASHTAG, "hashtag")):
        for m in pattern.finditer(text):
            if not _inside(m.start(), taken):
                anchors.append(Anchor(kind, m.group(1).casefold(), m.group(), m.start(), m.end()))
                taken.append((m.start(), m.end()))
    taken += [(m.start(), m.end()) for m in _DATE_TIME.finditer(text)]
    for number in _numbers(text, table, taken):
        anchors.append(number)
        taken.append((number.start, number.end))
    anchors.extend(_names(text, table, taken))
    anchors.sort(key=lambda a: a.start)
    return anchors


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


# --- the number lexicon of a table ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one lexicon word (or phrase) can be; several roles at once ("mil": a number
    on its own, a scale after another number)."""

    word: float | None = None  # a number on its own ("zehn", "mille")
    multiplier: float | None = None  # multiplies the word before it ("hundred")
    scale: float | None = None  # multiplies everything before it ("million")
    one: bool = False  # 1, but only before a multiplier or scale ("a", "eine", "un")
    joiner: bool = False  # between number words ("and", "und")
    vague: float | None = None  # an order of magnitude ("thousands")

    @property
    def starts(self) -> bool:
        """Can a number begin with this entry? Scales and multipliers need one before."""
        return self.word is not None or self.one or self.vague is not None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    entries: dict[str, _Entry]  # key: lowercase words joined by single spaces
    longest: int  # the most words in one key
    compound_pieces: tuple[str, ...]  # one-word keys, longest first, for "zehntausend"
    decimal_comma: bool


_LEXICONS: dict[tuple[str, int], _Lexicon] = {}


def _lexicon(table: LanguageData) -> _Lexicon:
    # Tables are loaded once per process (`lang.get` caches them), so their identity is a
    # sound cache key; the code keeps tables built in tests apart.
    key = (table.code, id(table))
    if key not in _LEXICONS:
        _LEXICONS[key] = _build_lexicon(table)
    return _LEXICONS[key]


def _key(phrase: str) -> str:
    """A lexicon phrase as its tokens are joined: "quatre-vingts" → "quatre vingts",
    "mio." → "mio"."""
    return " ".join(m.group() for m in re.finditer(r"[^\W\d_]+", phrase.lower()))


def _build_lexicon(table: LanguageData) -> _Lexicon:
    roles: dict[str, dict[str, object]] = {}
    sources: tuple[tuple[str, dict[str, float] | frozenset[str]], ...] = (
        ("word", table.number_words),
        ("multiplier", table.number_multipliers),
        ("scale", table.scales),
        ("vague", table.vague_numbers),
        ("one", table.number_ones),
        ("joiner", table.number_joiners),
    )
    for role, source in sources:
        for phrase in source:
            key = _key(phrase)
            if key:
                value = source[phrase] if isinstance(source, dict) else True
                roles.setdefault(key, {})[role] = value
    entries = {k: _Entry(**v) for k, v in roles.items()}  # type: ignore[arg-type]
    pieces: tuple[str, ...] = ()
    if table.compound_numbers:
        pieces = tuple(sorted((k for k in entries if " " not in k), key=len, reverse=True))
    longest = max((k.count(" ") + 1 for k in entries), default=1)
    return _Lexicon(entries, longest, pieces, table.decimal_comma)


# --- numbers ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Item:
    """A numeral or a word of the text."""

    text: str
    start: int
    end: int
    numeral: re.Match[str] | None


@dataclass(frozen=True, slots=True)
class _Element:
    """A numeral, or one lexicon entry, inside a number."""

    entry: _Entry | None  # None: a numeral
    value: float | None  # a numeral's value
    last_item: int  # index of the last item it covers
    end: int
    compound: bool = False  # a piece of a one-word number ("zehn|tausend")


@dataclass(frozen=True, slots=True)
class _Parsed:
    """A number as read, before ranges are merged."""

    value: float
    scale: float  # the scale factor applied (1 when none), so a range can share it
    start: int
    end: int
    unit: str | None
    approximate: bool
    year: bool
    vague: bool


def _numbers(text: str, table: LanguageData, taken: list[tuple[int, int]]) -> list[Anchor]:
    lexicon = _lexicon(table)
    items = [
        _Item(m.group(), m.start(), m.end(), m if m.group("num") else None)
        for m in _ITEM.finditer(text)
        if not _inside(m.start(), taken)
    ]
    parsed: list[_Parsed] = []
    i = 0
    while i < len(items):
        result = _parse_at(text, items, i, table, lexicon)
        if result is None:
            i += 1
            continue
        number, i = result
        parsed.append(number)
        while i < len(items) and items[i].start < number.end:
            i += 1  # words the currency or percent took ("pour cent", "dolar AS")
    return _merge_ranges(text, parsed, table)


def _parse_at(
    text: str, items: list[_Item], i: int, table: LanguageData, lexicon: _Lexicon
) -> tuple[_Parsed, int] | None:
    """The number starting at item `i`, and the index of the item after it."""
    unit, start = _currency_before(text, items[i].start, table)
    elements = _elements(text, items, i, lexicon, money=unit is not None)
    evaluated = _evaluate(elements) if elements else None
    if evaluated is None:
        return None
    value, scale, used, vague = evaluated
    elements = elements[:used]
    end = elements[-1].end
    if unit is None:
        unit, end = _currency_after(text, end, table)
    if unit is None:
        percent_end = _percent_after(text, end, table)
        if percent_end is not None:
            unit, end = "%", percent_end
    approximate, start = _approximator_before(text, start, table)
    # A bare four-digit numeral from 1800 to 2099 is a year ("in 2019"), and so is any
    # number right after the word for year ("im Jahr 1"), unless money, scale or an
    # approximator make it an amount ("2019 Milliarde" is an amount, garbled or not).
    plain = unit is None and scale == 1 and not approximate and not vague
    numeral_only = len(elements) == 1 and elements[0].entry is None
    year = plain and (
        _after_year_word(text, start, table)
        or (numeral_only and _YEAR.fullmatch(items[i].text) is not None)
    )
    number = _Parsed(value, scale, start, end, unit, approximate, year, vague)
    return number, elements[-1].last_item + 1


def _elements(
    text: str, items: list[_Item], i: int, lexicon: _Lexicon, *, money: bool
) -> list[_Element]:
    """The run of numerals and number words starting at item `i`, not yet evaluated."""
    elements: list[_Element] = []
    j = i
    while j < len(items):
        item = items[j]
        glued = j > i and items[j - 1].end == item.start
        if j > i and not _NUMBER_GAP.fullmatch(text[items[j - 1].end : item.start]):
            break
        if item.numeral is not None:
            if elements:
                break  # two numerals in a row are two numbers
            value = _numeral_value(item.numeral, decimal_comma=lexicon.decimal_comma)
            elements.append(_Element(None, value, j, item.end))
            j += 1
            continue
        found = _lookup(text, items, j, lexicon, at_start=not elements)
        if found is not None:
            entry, last = found
            if len(item.text) == 1 and entry.scale is not None and not _one_letter_ok(
                item.text, glued=glued, money=money, elements=elements
            ):
                break
            elements.append(_Element(entry, None, last, _scale_dot(text, items[last], entry)))
            j = last + 1
            continue
        pieces = _compound(item.text.lower(), lexicon) if lexicon.compound_pieces else None
        if not pieces or (elements and elements[0].entry is None):
            break
        elements += [_Element(p, None, j, item.end, compound=True) for p in pieces]
        j += 1
    return elements


def _lookup(
    text: str, items: list[_Item], j: int, lexicon: _Lexicon, *, at_start: bool
) -> tuple[_Entry, int] | None:
    """The longest lexicon phrase starting at item `j`, and its last item. At the start of
    a number, only entries a number can begin with ("mil millones" is read "mil" +
    "millones", so "mil" counts as 1000)."""
    for n in range(min(lexicon.longest, len(items) - j), 0, -1):
        span = items[j : j + n]
        if any(t.numeral is not None for t in span):
            continue
        if any(not _NUMBER_GAP.fullmatch(text[a.end : b.start]) for a, b in pairwise(span)):
            continue
        entry = lexicon.entries.get(" ".join(t.text.lower() for t in span))
        if entry is not None and (entry.starts or not at_start):
            return entry, j + n - 1
    return None


def _one_letter_ok(letter: str, *, glued: bool, money: bool, elements: list[_Element]) -> bool:
    """One-letter scales ("$100M", "30B", "10k") only glued to a numeral, and "m"/"b" in
    lower case only for money ("100m" is more likely metres)."""
    if not glued or not elements or elements[-1].entry is not None:
        return False
    return money or letter.isupper() or letter.lower() == "k"


def _scale_dot(text: str, item: _Item, entry: _Entry) -> int:
    """Abbreviated scales take their dot: "Mio.", "Mrd."."""
    if entry.scale is not None and len(item.text) <= 3 and text[item.end : item.end + 1] == ".":
        return item.end + 1
    return item.end


def _compound(word: str, lexicon: _Lexicon) -> list[_Entry] | None:
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


def _evaluate(elements: list[_Element]) -> tuple[float, float, int, bool] | None:
    """(value, scale applied, elements used, vague) of a run of number elements, or None
    when it is no number ("a" not followed by a scale)."""
    head = elements[0].entry
    if head is not None and head.vague is not None and head.word is None and not head.one:
        return head.vague, 1.0, 1, True
    total, scale = 0.0, 1.0
    current: float | None = None
    last_word: float | None = None  # the word a multiplier multiplies ("two" in "two hundred")
    last_scale: float | None = None
    pending_one = after_joiner = False
    used = 0
    numeral_first = head is None
    for k, el in enumerate(elements):
        e = el.entry
        if e is None:
            current = last_word = el.value
        elif e.joiner:
            if current is None or numeral_first:
                break
            after_joiner = True
            continue
        elif current is None:
            if e.word is not None and not (total and e.scale):
                current = last_word = e.word
            elif e.one and not total:
                current = last_word = 1.0
                pending_one = True
            else:
                break
        elif e.multiplier is not None and last_word is not None and last_word < e.multiplier:
            current += last_word * (e.multiplier - 1)
            last_word, pending_one = None, False
        elif e.scale is not None:
            grows = last_scale is not None and e.scale > last_scale
            total = (total + current) * e.scale if grows else total + current * e.scale
            scale = max(scale, e.scale)
            current = last_word = None
            last_scale, pending_one = e.scale, False
        elif _adds(e, el, current, after_joiner=after_joiner, numeral_first=numeral_first):
            added = e.word if e.word is not None else 1.0
            current += added
            last_word = added
        else:
            break
        after_joiner = False
        used = k + 1
    if used == 0 or pending_one:
        return None
    return total + (current or 0.0), scale, used, False


def _adds(
    e: _Entry, el: _Element, current: float, *, after_joiner: bool, numeral_first: bool
) -> bool:
    """May this word add to the number so far? "twenty-five", "hundred and ten", "vingt et
    un", and inside one-word numbers units before tens ("fünfundzwanzig")."""
    if numeral_first:
        return False
    if e.word is None:
        return e.one and after_joiner
    if after_joiner and el.compound:
        return True
    return e.word < current and current % 10 == 0


def _numeral_value(m: re.Match[str], *, decimal_comma: bool) -> float:
    """The value of a numeral in the language's conventions. A separator followed by
    groups of exactly three digits groups thousands (10,000 · 10.000 · 10 000 · 10'000):
    news copy writes thousands far more often than three-decimal fractions."""
    integer, sep, dec, frac = m.group("int"), m.group("sep"), m.group("dec"), m.group("frac")
    value = float(integer.replace(sep, "") if sep else integer)
    if dec is None or frac is None:
        return value
    decimal_mark = "," if decimal_comma else "."
    if dec != decimal_mark and sep is None and len(frac) == 3:
        return value * 1000 + float(frac)  # "10.000" in German, "10,000" in English
    return value + float(f"0.{frac}")


def _word_ending(
    text: str, start: int, words: Iterable[str], window: int
) -> tuple[str, int] | None:
    """The longest of `words` ending the text just before `start` (spaces allowed in
    between) and not glued to a longer word ("Summe" does not end with "um"), with the
    offset where it begins."""
    head = text[max(0, start - window) : start]
    trimmed = head.rstrip(_SPACES)
    lowered = trimmed.lower()
    for word in sorted(words, key=len, reverse=True):
        if not lowered.endswith(word):
            continue
        before = lowered[: len(lowered) - len(word)]
        if word[:1].isalnum() and before and before[-1].isalnum():
            continue
        return word, start - (len(head) - len(trimmed)) - len(word)
    return None


def _currency_before(text: str, start: int, table: LanguageData) -> tuple[str | None, int]:
    found = _word_ending(text, start, table.currencies, 12)
    return (table.currencies[found[0]], found[1]) if found else (None, start)


def _currency_after(text: str, end: int, table: LanguageData) -> tuple[str | None, int]:
    """A currency after the amount: "100 €", "100 Millionen US-Dollar", "100 juta dolar
    AS", "100 millions de dollars", "30 milliards d'euros"."""
    rest = text[end : end + 40].lower().replace("’", "'")
    pos = len(rest) - len(rest.lstrip(_SPACES))
    starts = [pos]
    for connector in table.currency_connectors:
        connector = connector.replace("’", "'")
        if not rest.startswith(connector, pos):
            continue
        after = pos + len(connector)
        if connector.endswith("'"):
            starts.append(after)
        elif rest[after : after + 1] in tuple(_SPACES):
            starts.append(after + len(rest[after:]) - len(rest[after:].lstrip(_SPACES)))
    for at in starts:
        for sign in sorted(table.currencies, key=len, reverse=True):
            stop = at + len(sign)
            if rest.startswith(sign, at) and not (sign[-1].isalnum() and _word_char(rest, stop)):
                return table.currencies[sign], end + stop
    return None, end


def _percent_after(text: str, end: int, table: LanguageData) -> int | None:
    rest = text[end : end + 20].lower()
    pos = len(rest) - len(rest.lstrip(_SPACES))
    if pos > 1:
        return None
    for word in sorted(table.percent_words, key=len, reverse=True):
        stop = pos + len(word)
        if rest.startswith(word, pos) and not (word[-1].isalnum() and _word_char(rest, stop)):
            return end + stop
    return None


def _word_char(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] == "_")


def _approximator_before(text: str, start: int, table: LanguageData) -> tuple[bool, int]:
    found = _word_ending(text, start, table.approximators, 30)
    return (True, found[1]) if found else (False, start)


def _previous_word(text: str, start: int) -> tuple[str, int] | None:
    tokens = words(text[max(0, start - 30) : start], max(0, start - 30))
    if not tokens or text[tokens[-1].end : start].strip():
        return None
    return tokens[-1].lower, tokens[-1].start


def _after_year_word(text: str, start: int, table: LanguageData) -> bool:
    previous = _previous_word(text, start)
    return previous is not None and previous[0] in table.year_words


def _merge_ranges(text: str, parsed: list[_Parsed], table: LanguageData) -> list[Anchor]:
    """Two amounts joined as a range ("10 to 15 million", "zwischen 10 und 15 Mio.") are
    one anchor; the scale and currency written once apply to both ends."""
    anchors: list[Anchor] = []
    i = 0
    while i < len(parsed):
        a = parsed[i]
        b = parsed[i + 1] if i + 1 < len(parsed) else None
        merged = _range(text, a, b, table) if b is not None else None
        if merged is not None:
            anchors.append(merged)
            i += 2
            continue
        anchors.append(_anchor(text, a))
        i += 1
    return anchors


def _range(text: str, a: _Parsed, b: _Parsed, table: LanguageData) -> Anchor | None:
    if a.year or b.year or a.vague or b.vague:
        return None
    gap = text[a.end : b.start].strip(_SPACES).lower()
    previous = _previous_word(text, a.start)
    between = previous is not None and previous[0] in table.range_between
    if not (gap in table.range_to or (between and gap in table.range_and)):
        return None
    low = a.value * (b.scale if a.scale == 1 else 1.0)
    if not low < b.value:
        return None  # "from 20 to 5" reads as a change, not a range
    start = previous[1] if between and previous is not None else a.start
    return Anchor("number", low, text[start : b.end], start, b.end, unit=a.unit or b.unit,
                  approximate=a.approximate or b.approximate, upper=b.value)


def _anchor(text: str, p: _Parsed) -> Anchor:
    raw = text[p.start : p.end]
    if p.year:
        return Anchor("year", f"{p.value:g}", raw, p.start, p.end)
    return Anchor("number", p.value, raw, p.start, p.end, unit=p.unit,
                  approximate=p.approximate or p.vague, vague=p.vague)


# --- names -----------------------------------------------------------------------------


def _names(text: str, table: LanguageData, taken: list[tuple[int, int]]) -> list[Anchor]:
    """Capitalized words that are neither function words nor roles nor sentence openers:
    names spelled the same across languages (Kamala Harris, Trump, OpenAI)."""
    result = []
    tokens = words(text)
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper() or _inside(tok.start, taken):
            continue
        lower = tok.lower.replace("’", "'")
        if lower in table.stopwords or is_role(tok.text, table) or tok.text in table.titles:
            continue
        if lower in table.not_names:
            continue
        before = text[: tok.start].rstrip()
        sentence_start = i == 0 or not before or before[-1] in ".!?:;\"“”„«»‘’'¡¿(\n—–-"
        if sentence_start or (table.capitalizes_nouns and not _looks_like_name(tok.text)):
            continue
        result.append(Anchor("name", tok.text.casefold(), tok.text, tok.start, tok.end))
    return result


def _looks_like_name(word: str) -> bool:
    """In languages that capitalize nouns, only inner capitals (OpenAI, McDonald) or
    all-caps words stand out as names."""
    return any(c.isupper() for c in word[1:]) or (word.isupper() and len(word) > 1)


# --- comparing -------------------------------------------------------------------------


def _as_float(a: Anchor) -> float:
    return float(a.value)


def same_number(a: Anchor, b: Anchor) -> bool:
    """Do two number (or year) anchors state the same amount? Within rounding, or 5% when
    either is approximate; a vague plural agrees with any amount of its order of
    magnitude; a year and a count written with the same digits are one anchor (whether
    "2000" counts or dates is not always clear from the words around it)."""
    if a.kind not in ("number", "year") or b.kind not in ("number", "year"):
        return False
    if "year" in (a.kind, b.kind):
        return _as_float(a) == _as_float(b)
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.vague or b.vague:
        return _vague_agrees(a, b)
    if (a.upper is None) != (b.upper is None):
        return False
    tolerance = APPROXIMATE_TOLERANCE if (a.approximate or b.approximate) else EXACT_TOLERANCE
    same = math.isclose(_as_float(a), _as_float(b), rel_tol=tolerance, abs_tol=1e-9)
    if a.upper is not None and b.upper is not None:
        same = same and math.isclose(a.upper, b.upper, rel_tol=tolerance, abs_tol=1e-9)
    return same


def _vague_agrees(a: Anchor, b: Anchor) -> bool:
    if a.vague and b.vague:
        return _as_float(a) == _as_float(b)
    vague, exact = (a, b) if a.vague else (b, a)
    low, high = _as_float(vague) * VAGUE_LOW, _as_float(vague) * VAGUE_HIGH
    top = exact.upper if exact.upper is not None else _as_float(exact)
    return low <= _as_float(exact) and top < high


def same_anchor(a: Anchor, b: Anchor) -> bool:
    if a.kind in ("number", "year"):
        return same_number(a, b)
    return a.kind == b.kind and a.value == b.value


@dataclass(frozen=True, slots=True)
class AnchorComparison:
    shared: tuple[tuple[Anchor, Anchor], ...]  # (quote side, tweet side)
    only_quote: tuple[Anchor, ...]  # in the quote, nowhere in the tweet
    only_tweet: tuple[Anchor, ...]  # in the tweet, not in the quote (cut, or a fragment)

    @property
    def agreement(self) -> float:
        """Share of the quote's anchors found in the tweet (1.0 when the quote has none)."""
        total = len(self.shared) + len(self.only_quote)
        return 1.0 if total == 0 else len(self.shared) / total


def compare_anchors(
    quote: Sequence[Anchor], tweet: Sequence[Anchor], *, kinds: Iterable[str] | None = None
) -> AnchorComparison:
    wanted = set(kinds) if kinds is not None else None
    q = [a for a in quote if wanted is None or a.kind in wanted]
    t = [a for a in tweet if wanted is None or a.kind in wanted]
    used: set[int] = set()
    shared, only_quote = [], []
    # Exact anchors first, vague ones after, so "thousands" cannot take the "10,000" that
    # an exact "10 000" of the other side needs.
    for a in sorted(q, key=lambda x: x.vague):
        match = next((i for i, b in enumerate(t) if i not in used and same_anchor(a, b)), None)
        if match is None:
            only_quote.append(a)
        else:
            used.add(match)
            shared.append((a, t[match]))
    only_quote.sort(key=lambda x: x.start)
    shared.sort(key=lambda pair: pair[0].start)
    only_tweet = [b for i, b in enumerate(t) if i not in used]
    return AnchorComparison(tuple(shared), tuple(only_quote), tuple(only_tweet))


def _human(value: float) -> str:
    for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor and value % (factor / 100) == 0:
            return f"{value / factor:g}{suffix}"
    return f"{value:g}"
