"""The start of a quote that opens inside a sentence: the article said the sentence's
opening in its own words ("Si Irán ataca «una base estadounidense, …»"), so a clause of
the tweet before the quote's first words is not cut by the quote."""

from __future__ import annotations

from quotes.compare.reliability import bare_words
from quotes.models import Difference
from quotes.text import loose_sentences

# The kinds of difference that say a clause of the tweet is missing from the quote.
_CLAUSE_KINDS = frozenset({"cut", "condition"})
# What may stand before a quote's first word: an ellipsis, dashes, stray marks.
_LEAD = " \t\r\n.…-–—\"'“”„«»‚‘’"

OPEN_START_NOTE = ("the quote opens inside a sentence: the tweet's words before its first "
                   "word are the article's to say, not counted as cut")


def opens_inside_a_sentence(quote: str) -> bool:
    """Does the quote's first word start in lowercase ("una base estadounidense, …")?"""
    text = quote.lstrip(_LEAD)
    return bool(text) and text[0].isalpha() and text[0].islower()


def without_open_start(differences: list[Difference], notes: list[str], quote: str,
                       tweet: str) -> tuple[list[Difference], list[str]]:
    """The differences, without a clause of the tweet the quote lacks that opens a tweet
    sentence, where the quote itself opens inside a sentence."""
    if not opens_inside_a_sentence(quote):
        return differences, notes
    openings = [bare_words(sentence) for sentence in loose_sentences(tweet)]

    def before_the_quote(d: Difference) -> bool:
        side = bare_words(d.tweet_side or "")
        return (d.kind in _CLAUSE_KINDS and d.quote_side is None and bool(side)
                and any(o.startswith(side) and o != side for o in openings))

    kept = [d for d in differences if not before_the_quote(d)]
    return kept, ([*notes, OPEN_START_NOTE] if len(kept) < len(differences) else notes)
