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
    unit = table.measures.get(word.group(1).casefold().rstrip("."))
    if unit is None:
        return number
    base, factor = unit
    return replace(number, measure=(base, float(number.value) * factor))
