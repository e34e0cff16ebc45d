"""Comparing anchors: the same amount within rounding (or within an approximation, or
an order of magnitude for a vague plural), the same handle, hashtag, URL or name."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quotes.anchors.measures import DECADE
from quotes.models import Anchor
from quotes.normalize import strip_accents

# Relative tolerance for two numbers to be the same value (rounding in translation).
EXACT_TOLERANCE = 0.005
APPROXIMATE_TOLERANCE = 0.05
# A vague plural ("thousands") covers [2, 1000) times its word's value.
VAGUE_LOW, VAGUE_HIGH = 2, 1000
# Two vague plurals agree when their words' values are less than this factor apart.
VAGUE_SAME_ORDER = 2


def _as_float(a: Anchor) -> float:
    return float(a.value)


def same_number(a: Anchor, b: Anchor) -> bool:
    """Do two number (or year) anchors state the same amount? Within rounding, or 5% when
    either is approximate; a vague plural agrees with any amount of its order of
    magnitude; a year and a count written with the same digits are one anchor (whether
    "2000" counts or dates is not always clear from the words around it)."""
    if a.kind not in ("number", "year") or b.kind not in ("number", "year"):
        return False
    if DECADE in (a.unit, b.unit) and "year" in (a.kind, b.kind):
        # "the 30s" and "the 1930s" (or "1930"): one decade, whichever century
        year, decade = (a, b) if a.kind == "year" else (b, a)
        return decade.unit == DECADE and _as_float(year) % 100 == _as_float(decade) and (
            _as_float(year) % 10 == 0)
    if "year" in (a.kind, b.kind):
        return _as_float(a) == _as_float(b)
    if a.unit and b.unit and a.unit != b.unit:
        return False
    measured = _same_measure(a, b)
    if measured is not None:
        return measured
    if a.vague or b.vague:
        return _vague_agrees(a, b)
    return _exact_agrees(a, b)


def _exact_agrees(a: Anchor, b: Anchor) -> bool:
    """Two exact amounts (or ranges) within rounding, or 5% when either is approximate."""
    if (a.upper is None) != (b.upper is None):
        return False
    tolerance = APPROXIMATE_TOLERANCE if (a.approximate or b.approximate) else EXACT_TOLERANCE
    same = math.isclose(_as_float(a), _as_float(b), rel_tol=tolerance, abs_tol=1e-9)
    if a.upper is not None and b.upper is not None:
        same = same and math.isclose(a.upper, b.upper, rel_tol=tolerance, abs_tol=1e-9)
    return same


def _same_measure(a: Anchor, b: Anchor) -> bool | None:
    """Amounts of one base unit ("2 weeks", "quince días") compare in it; None where they
    are not both measures of one base. A converted unit is rounded ("100 miles", "160
    km"): within an approximation."""
    if a.measure is None or b.measure is None or a.measure[0] != b.measure[0]:
        return None
    return math.isclose(a.measure[1], b.measure[1], rel_tol=APPROXIMATE_TOLERANCE)


def _vague_agrees(a: Anchor, b: Anchor) -> bool:
    if a.vague and b.vague:
        # "dozens" is rendered "decenas", "dizaines", "puluhan" (tens): one order of
        # magnitude; "hundreds" and "thousands" are not.
        low, high = sorted((_as_float(a), _as_float(b)))
        return high < low * VAGUE_SAME_ORDER
    vague, exact = (a, b) if a.vague else (b, a)
    low, high = _as_float(vague) * VAGUE_LOW, _as_float(vague) * VAGUE_HIGH
    top = exact.upper if exact.upper is not None else _as_float(exact)
    return low <= _as_float(exact) and top < high


def same_anchor(a: Anchor, b: Anchor) -> bool:
    if a.kind in ("number", "year"):
        return same_number(a, b)
    if a.kind == "hashtag" == b.kind:
        return _hashtag_key(a.value) == _hashtag_key(b.value)
    return a.kind == b.kind and a.value == b.value


def _hashtag_key(value: float | str) -> str:
    """A hashtag as the same tag however a copy writes it: "#Oscar" for "#oscars",
    "#Mexico" for "#México" (a translation drops or adds the plural and the accents)."""
    return strip_accents(str(value)).removesuffix("s")


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
