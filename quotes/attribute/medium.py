"""The medium a quote is said to come from (a tweet, an interview, a speech …), named in
the sentence that attributes it, by the patterns of the language table."""

from __future__ import annotations

from dataclasses import replace

from quotes.lang import LanguageData
from quotes.models import Attribution, Quote
from quotes.text import loose_sentence_starts, up_to_loose_sentence_end

# How far around the attribution the medium is looked for.
MEDIUM_WINDOW_CHARS = 160


def with_medium(
    text: str, found: Attribution, quote: Quote, table: LanguageData, next_start: int
) -> Attribution:
    """The medium named where the article attributes the quote: the attribution sentence
    after it ("sagte Musk in einem seiner Tweets") or the introduction before it ("No
    Twitter, Trump partilhou …: “…”")."""
    if found.medium != "none":
        return found
    for window in (_after(text, found, quote, next_start), _before(text, found, quote)):
        for medium, pattern in table.medium_patterns:
            m = pattern.search(window)
            if m:
                return replace(found, medium=medium, medium_phrase=m.group())
    return found


def _before(text: str, found: Attribution, quote: Quote) -> str:
    """The introduction before the quote, from the start of its sentence."""
    line_start = text.rfind("\n", 0, quote.open_at) + 1
    # Sentence starts before the window cannot win: only the window is read.
    window_start = max(line_start, quote.open_at - MEDIUM_WINDOW_CHARS)
    sentence_start = max([window_start,
                          *loose_sentence_starts(text, window_start, quote.open_at)])
    if found.method == "context" and found.mention_start is not None:
        sentence_start = max(line_start, found.mention_start - MEDIUM_WINDOW_CHARS)
    return text[sentence_start : quote.open_at]


def _after(text: str, found: Attribution, quote: Quote, next_start: int) -> str:
    """The attribution after the quote, read on to the end of its sentence ("" if the
    attribution comes before the quote)."""
    if found.phrase_start is None or found.phrase_start < quote.outer_end:
        return ""
    stop = min(next_start, (found.phrase_end or found.phrase_start) + MEDIUM_WINDOW_CHARS)
    tail = text[found.phrase_start : stop]
    return text[quote.outer_end : found.phrase_start] + up_to_loose_sentence_end(tail)
