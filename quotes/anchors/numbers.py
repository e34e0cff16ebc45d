"""Numbers in text: numerals and number words with their scale, currency, percent,
approximation, ranges and vague amounts, read with a language's number lexicon; a bare
four-digit numeral from 1800 to 2099 (or any number after the word for year) is a year."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from quotes.anchors.context import (
    SPACES,
    after_year_word,
    approximator_before,
    currency_after,
    currency_before,
    percent_after,
    previous_word,
)
from quotes.anchors.evaluate import Element, evaluate
from quotes.anchors.lexicon import Entry, Lexicon, compound, lexicon_of
from quotes.lang import LanguageData
from quotes.models import Anchor
from quotes.text import LETTER_WORD, inside

_NUMERAL = (
    r"(?<![\w.,])(?<![^\W\d_]-)"  # not inside a word, a number or a name like "GPT-4"
    r"(?P<int>\d{1,3}(?:(?P<sep>[,.'’\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*|\d+)"
    r"(?:(?P<dec>[.,])(?P<frac>\d+))?"
    r"(?![\d])"
)
# Number tokens and word tokens (apostrophes and hyphens split: "d'un" → "d", "un").
_ITEM = re.compile(rf"(?P<num>{_NUMERAL})|(?P<word>[^\W\d_]+)")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
# A capital I or small l typed for the digit 1 before a decimal ("I.8 Billion Dollars"):
# read as 1, written as typed. One character for one, so offsets stay.
_ONE_LOOKALIKE = re.compile(r"(?<![\w.,])[Il](?=[.,]\d)")
# What may stand between the words of one number: spaces, a hyphen ("twenty-five").
_NUMBER_GAP = re.compile(r"[\s\u00a0\u202f\u2009]*-?[\s\u00a0\u202f\u2009]*")


@dataclass(frozen=True, slots=True)
class _Item:
    """A numeral or a word of the text."""

    text: str
    start: int
    end: int
    numeral: re.Match[str] | None


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


def numbers(text: str, table: LanguageData, taken: list[tuple[int, int]]) -> list[Anchor]:
    typed = text
    text = _ONE_LOOKALIKE.sub("1", text)
    anchors = _numbers(text, table, taken)
    if text == typed:
        return anchors
    return [replace(a, text=typed[a.start : a.end]) for a in anchors]


def _numbers(text: str, table: LanguageData, taken: list[tuple[int, int]]) -> list[Anchor]:
    lexicon = lexicon_of(table)
    items = [
        _Item(m.group(), m.start(), m.end(), m if m.group("num") else None)
        for m in _ITEM.finditer(text)
        if not inside(m.start(), taken)
    ]
    parsed: list[_Parsed] = []
    i = 0
    while i < len(items):
        startable = _may_start(items[i], lexicon)
        result = _parse_at(text, items, i, table, lexicon) if startable else None
        if result is None:
            i += 1
            continue
        number, i = result
        parsed.append(number)
        while i < len(items) and items[i].start < number.end:
            i += 1  # words the currency or percent took ("pour cent", "dolar AS")
    return _merge_ranges(text, parsed, table)


def _may_start(item: _Item, lexicon: Lexicon) -> bool:
    """Whether a number can begin at `item` (what `_elements` reads first): a numeral, the
    first word of a lexicon entry that may begin one, or a compound of number words."""
    if item.numeral is not None:
        return True
    word = item.text.lower()
    return word in lexicon.start_words or bool(
        lexicon.compound_pieces and compound(word, lexicon)
    )


def _parse_at(
    text: str, items: list[_Item], i: int, table: LanguageData, lexicon: Lexicon
) -> tuple[_Parsed, int] | None:
    """The number starting at item `i`, and the index of the item after it."""
    unit, start = currency_before(text, items[i].start, table)
    elements = _elements(text, items, i, lexicon, money=unit is not None)
    evaluated = evaluate(elements) if elements else None
    if evaluated is None:
        return None
    value, scale, used, vague = evaluated
    elements = elements[:used]
    end = elements[-1].end
    if unit is None:
        unit, end = currency_after(text, end, table)
    if unit is None:
        percent_end = percent_after(text, end, table)
        if percent_end is not None:
            unit, end = "%", percent_end
    approximate, start = _approximate(text, start, table, elements)
    # A bare four-digit numeral from 1800 to 2099 is a year ("in 2019"), and so is any
    # number right after the word for year ("im Jahr 1"), unless money, scale or an
    # approximator make it an amount ("2019 Milliarde" is an amount, garbled or not).
    plain = unit is None and scale == 1 and not approximate and not vague
    numeral_only = len(elements) == 1 and elements[0].entry is None
    year = plain and (
        after_year_word(text, start, table)
        or (numeral_only and _YEAR.fullmatch(items[i].text) is not None)
    )
    number = _Parsed(value, scale, start, end, unit, approximate, year, vague)
    return number, elements[-1].last_item + 1


def _approximate(
    text: str, start: int, table: LanguageData, elements: Sequence[Element]
) -> tuple[bool, int]:
    """Is the number approximate ("etwa 20", "une vingtaine"), and where it starts."""
    before, start = approximator_before(text, start, table)
    return before or any(e.entry is not None and e.entry.approximate for e in elements), start


@dataclass(frozen=True, slots=True)
class _Cursor:
    """What the item rules read: the items, where the number began and which item is
    next, and the elements read so far."""

    text: str
    items: Sequence[_Item]
    first: int  # the item the number starts at
    at: int  # the item to read
    lexicon: Lexicon
    money: bool  # a currency stands before the number
    elements: tuple[Element, ...]

    @property
    def item(self) -> _Item:
        return self.items[self.at]

    @property
    def gap(self) -> str:
        """What stands between the previous item and this one."""
        return self.text[self.items[self.at - 1].end : self.item.start]


# An item rule gives the elements the item adds to the number (none: the number ends
# before it), or None when it does not apply; the first rule that applies decides.
ItemRule = Callable[[_Cursor], tuple[Element, ...] | None]


def _apart(c: _Cursor) -> tuple[Element, ...] | None:
    """Words of one number stand only spaces or a hyphen apart."""
    return () if c.at > c.first and not _NUMBER_GAP.fullmatch(c.gap) else None


def _numeral_item(c: _Cursor) -> tuple[Element, ...] | None:
    if c.item.numeral is None:
        return None
    if c.elements:
        return ()  # two numerals in a row are two numbers
    value = _numeral_value(c.item.numeral, decimal_comma=c.lexicon.decimal_comma)
    return (Element(None, value, c.at, c.item.end),)


def _lexicon_item(c: _Cursor) -> tuple[Element, ...] | None:
    found = _lookup(c.text, c.items, c.at, c.lexicon, at_start=not c.elements)
    if found is None:
        return None
    entry, last = found
    glued = c.at > c.first and c.gap == ""
    if len(c.item.text) == 1 and entry.scale is not None and not _one_letter_ok(
        c.item.text, glued=glued, money=c.money, elements=c.elements
    ):
        return ()
    return (Element(entry, None, last, _scale_dot(c.text, c.items[last], entry)),)


def _compound_item(c: _Cursor) -> tuple[Element, ...] | None:
    pieces = compound(c.item.text.lower(), c.lexicon) if c.lexicon.compound_pieces else None
    if not pieces or (c.elements and c.elements[0].entry is None):
        return ()
    return tuple(Element(p, None, c.at, c.item.end, compound=True) for p in pieces)


ITEM_RULES: tuple[ItemRule, ...] = (_apart, _numeral_item, _lexicon_item, _compound_item)


def _elements(
    text: str, items: list[_Item], i: int, lexicon: Lexicon, *, money: bool
) -> list[Element]:
    """The run of numerals and number words starting at item `i`, not yet evaluated."""
    elements: tuple[Element, ...] = ()
    j = i
    while j < len(items):
        cursor = _Cursor(text, items, i, j, lexicon, money, elements)
        step = _read_item(cursor)
        if not step:
            break
        elements += step
        j = step[-1].last_item + 1
    return list(elements)


def _read_item(cursor: _Cursor) -> tuple[Element, ...]:
    for rule in ITEM_RULES:
        step = rule(cursor)
        if step is not None:
            return step
    raise AssertionError("the last item rule always applies")


def _lookup(
    text: str, items: Sequence[_Item], j: int, lexicon: Lexicon, *, at_start: bool
) -> tuple[Entry, int] | None:
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


def _one_letter_ok(letter: str, *, glued: bool, money: bool, elements: Sequence[Element]) -> bool:
    """One-letter scales ("$100M", "30B", "10k") only glued to a numeral, and "m"/"b" in
    lower case only for money ("100m" is more likely metres)."""
    if not glued or not elements or elements[-1].entry is not None:
        return False
    return money or letter.isupper() or letter.lower() == "k"


def _scale_dot(text: str, item: _Item, entry: Entry) -> int:
    """Abbreviated scales take their dot: "Mio.", "Mrd."."""
    if entry.scale is not None and len(item.text) <= 3 and text[item.end : item.end + 1] == ".":
        return item.end + 1
    return item.end


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


def _merge_ranges(text: str, parsed: list[_Parsed], table: LanguageData) -> list[Anchor]:
    """Two amounts joined as a range ("10 to 15 million", "zwischen 10 und 15 Mio.") are
    one anchor; the scale and currency written once apply to both ends."""
    anchors: list[Anchor] = []
    i = 0
    while i < len(parsed):
        a = parsed[i]
        b = parsed[i + 1] if i + 1 < len(parsed) else None
        merged = (_range(text, a, b, table) or _vague_product(text, a, b, table)
                  if b is not None else None)
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
    gap = text[a.end : b.start].strip(SPACES).lower()
    previous = previous_word(text, a.start)
    between = previous is not None and previous[0] in table.range_between
    if not (gap in table.range_to or (between and gap in table.range_and)):
        return None
    low = a.value * (b.scale if a.scale == 1 else 1.0)
    if not low < b.value:
        return None  # "from 20 to 5" reads as a change, not a range
    start = previous[1] if between and previous is not None else a.start
    return Anchor("number", low, text[start : b.end], start, b.end, unit=a.unit or b.unit,
                  approximate=a.approximate or b.approximate, upper=b.value)


def _vague_product(text: str, a: _Parsed, b: _Parsed, table: LanguageData) -> Anchor | None:
    """Two vague plurals in a row are one ("tens of thousands", "decenas de miles",
    "puluhan ribuan"): their product, as vague as each."""
    if not (a.vague and b.vague):
        return None
    gap = text[a.end : b.start].strip(SPACES).lower()
    if gap and gap not in table.currency_connectors:
        return None
    return Anchor("number", a.value * b.value, text[a.start : b.end], a.start, b.end,
                  unit=a.unit or b.unit, approximate=True, vague=True)


def _anchor(text: str, p: _Parsed) -> Anchor:
    raw = text[p.start : p.end]
    if p.year:
        return Anchor("year", f"{p.value:g}", raw, p.start, p.end)
    return Anchor("number", p.value, raw, p.start, p.end, unit=p.unit,
                  approximate=p.approximate or p.vague, vague=p.vague)


def implicit_counts(text: str, table: LanguageData) -> frozenset[float]:
    """The counts the text states without a number ("twice", "both", "decade": the
    table's `implicit`), which excuse the number the other side writes for them; and
    one where its word for one is also its article ("un", "ein": "número uno" for "#1"),
    which is never read as a number on its own."""
    implicit = table.implicit_numbers
    words = LETTER_WORD.findall(text.casefold())
    counts = {implicit[w] for w in words if w in implicit}
    if any(w in table.number_ones for w in words):
        counts.add(1.0)
    return frozenset(counts)
