"""Amounts of a unit ("2 weeks", "quince días", "100 miles", "160 km"): the amount in the
unit's base ("day", "km"), so a rendering that converts the unit ("two weeks" → "quince
días", miles → kilometres) states the same amount. Units and idioms live in the tables."""

from __future__ import annotations

import re
from dataclasses import replace

from quotes.lang import LanguageData
from quotes.models import Anchor

_IDIOM_WINDOW = 60  # characters: longer than any idiom of a table ("quindici giorni")
_UNIT_WORD = re.compile(r"[\s\u00a0\u202f\u2009-]*([^\W\d_]+\.?)")


def measured(text: str, number: Anchor, table: LanguageData) -> Anchor:
    """The number with its amount in the base unit of the unit word after it (or of the
    table's idiom it opens: "quince días" is two weeks, 14 days), where there is one."""
    if number.kind != "number" or number.unit or number.vague:
        return number
    # A window, not the rest of the text: a text of many numbers stays linear.
    rest = text[number.start:number.start + _IDIOM_WINDOW].casefold()
    for idiom, (base, amount) in table.measure_idioms.items():
        if rest.startswith(idiom) and not rest[len(idiom):len(idiom) + 1].isalnum():
            return replace(number, measure=(base, amount))
    word = _UNIT_WORD.match(text, number.end)
    if word is None:
        return number
    number = _half_after_unit(text, number, word.end(), table)
    unit = table.measures.get(word.group(1).casefold().rstrip("."))
    if unit is None:
        return number
    base, factor = unit
    return replace(number, measure=(base, float(number.value) * factor))


def _half_after_unit(text: str, number: Anchor, at: int, table: LanguageData) -> Anchor:
    """A half after the unit word belongs to the number: "6 litri e mezzo", "dos horas y
    media", "deux heures et demie" are 6.5 and 2.5 (the table's halves)."""
    if not isinstance(number.value, float) or not number.value.is_integer():
        return number
    rest = text[at:at + _IDIOM_WINDOW].casefold()
    for half in table.number_halves:
        if re.match(rf"\s+{re.escape(half)}(?!\w)", rest):
            return replace(number, value=number.value + 0.5)
    return number


# The unit of a number written as a decade ("the 30s"): which century, the text does not say.
DECADE = "decade"
_DECADES = frozenset(float(n) for n in range(10, 100, 10))
_APOSTROPHES = "'’‘"


def as_decade(text: str, number: Anchor, table: LanguageData) -> Anchor:
    """A round two-digit number written as a decade ("the 30s", "années 30", "anni '30",
    "30er Jahre", "tahun 30-an") has the unit `DECADE`: it renders "the 1930s"."""
    if number.kind != "number" or number.unit or number.value not in _DECADES:
        return number
    after = text[number.end : number.end + 4].casefold()
    if any(after.startswith(e) and not after[len(e) : len(e) + 1].isalpha()
           for e in table.decade_endings):
        return replace(number, unit=DECADE)
    before = text[max(0, number.start - 16) : number.start].rstrip().rstrip(_APOSTROPHES)
    words = before.casefold().split()
    return replace(number, unit=DECADE) if words and words[-1] in table.decade_words else number
