"""Anchors: the parts of a quote that survive translation unchanged in meaning.

Numbers (with their scale, currency, whether they are approximate, ranges and vague
amounts), @handles, #hashtags, URLs and proper names. "~$100M", "sekitar $100 juta",
"etwa 100 Millionen Dollar" and "environ 100 millions de dollars" all become the same
number anchor (1e8 USD, approximate), "eine Milliarde US-Dollar", "un milliard de dollars"
and "1 miliar dolar AS" the same 1e9 USD, and "10 GPUs" never equals "10 000 GPUs", so a
quote can be matched and checked against an English tweet even when no translation model
is present. Which words are numbers, scales, currencies or approximators is language data
(the `[numbers]` table of each language); no code path names a language.

`model` holds the anchor type, `extract` finds anchors (numbers in `numbers`, with the
number lexicon in `lexicon`, the words around a number in `context` and the reading of
number words in `evaluate`), `comparison` compares them. This package re-exports what
callers use.
"""

from __future__ import annotations

from quotes.anchors.comparison import (
    APPROXIMATE_TOLERANCE,
    EXACT_TOLERANCE,
    VAGUE_HIGH,
    VAGUE_LOW,
    AnchorComparison,
    compare_anchors,
    same_anchor,
    same_number,
)
from quotes.anchors.extract import extract_anchors
from quotes.anchors.numbers import implicit_counts

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "EXACT_TOLERANCE",
    "VAGUE_HIGH",
    "VAGUE_LOW",
    "AnchorComparison",
    "compare_anchors",
    "extract_anchors",
    "implicit_counts",
    "same_anchor",
    "same_number",
]
