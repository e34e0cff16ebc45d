"""The anchor type: one number, year, handle, hashtag, URL, name or term of a text, with
its normalized value and where it is written."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

AnchorKind = Literal["number", "year", "handle", "hashtag", "url", "name", "term"]

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


def _human(value: float) -> str:
    for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor and value % (factor / 100) == 0:
            return f"{value / factor:g}{suffix}"
    return f"{value:g}"


def inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)
