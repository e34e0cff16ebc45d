"""Exchanges between people: the turn a quote with no attribution of its own takes, from
the speakers of the quotes before it and whether each asked a question. Right after a
question comes the answer of the one who spoke before the one asking; a question right
after the answer to someone's question is that someone's follow-up."""

from __future__ import annotations

from quotes.attribute.people import PeopleIndex
from quotes.attribute.speaker import Speaker, with_archive
from quotes.models import Attribution, Quote

# Confidence in a speaker told by the turns of an exchange alone.
TURN_CONFIDENCE = 0.6

Turns = list[tuple[str, bool]]  # each top-level quote's speaker, and whether it asked


def asks(quote: Quote) -> bool:
    """Does the quote end with a question?"""
    return quote.text.rstrip(" \"'”’»«").endswith("?")


def take_turn(turns: Turns, quote: Quote, found: Attribution | None) -> None:
    """Record a top-level quote's speaker, if it has one, as the exchange's latest turn."""
    if found is not None and found.speaker is not None:
        turns.append((found.speaker, asks(quote)))


def turn(people: PeopleIndex, quote: Quote, turns: Turns) -> Attribution | None:
    """The turn `quote` takes after `turns` („Auch nicht, wenn …?“ „Auch dann nicht.“: the
    one asked answers); None where the exchange shows none."""
    if not turns:
        return None
    last, asked = turns[-1]
    if asked:
        other = next((s for s, _ in reversed(turns) if s != last), None)
        why = (f"{last}: asked", f"{other}: answers")
    elif asks(quote) and len(turns) >= 2 and turns[-2][1] and turns[-2][0] != last:
        other = turns[-2][0]
        why = (f"{last}: answered", f"{other}: asks again")
    else:
        return None
    if other is None:
        return None
    who = with_archive(people, Speaker(other, None, "turn", people.kind(other),
                                       TURN_CONFIDENCE, why), other)
    return Attribution(who.name, None, None, who.method, None, None, None, None, "none",
                       None, who.handle, who.kind, who.confidence, who.chain)
