"""A reporter's narration left inside the quote marks ("Non chiuderemo il porto – ha
scritto la sindaca Varsko su X il 3 marzo – perché …"): its date, name and words are the
article's, not the speaker's, and are no difference from the tweet."""

from __future__ import annotations

import re
from itertools import pairwise

from quotes import lang
from quotes.compare.names import same_name
from quotes.lang import LanguageData
from quotes.text import find_phrase, words

# Where an inserted piece of narration begins and ends: dashes, commas, semicolons.
_PIECE_MARKS = re.compile(r"\s[-–—]\s|[–—,;]")
# A piece of narration is short: a speech verb, who spoke, where and when.
NARRATION_WORDS = 14


def narration_spans(text: str, table: LanguageData, tweet: str) -> list[tuple[int, int]]:
    """The pieces of `text` (between dashes, commas or semicolons, never its first) that
    report speech: a speech verb of the language beside a name or role ("ha scritto la
    sindaca", "a écrit Mme Varsko lundi"), none of which the tweet has (a tweet that
    itself says "as Okafor said" is rendered, not narrated)."""
    cuts = [0, *(m.end() for m in _PIECE_MARKS.finditer(text)), len(text)]
    tweet_words = [t.text for t in words(tweet)]
    spans = []
    for start, end in pairwise(cuts[1:]):  # every piece but the first
        tokens = words(text[start:end])
        if not 2 <= len(tokens) <= NARRATION_WORDS or find_phrase(
                tokens, table.speech_verbs) is None:
            continue
        named = [t.text for i, t in enumerate(tokens) if _names_someone(t.text, i, table)]
        if named and not any(same_name(n, w) for n in named for w in tweet_words):
            spans.append((start, end))
    return spans


def _names_someone(word: str, index: int, table: LanguageData) -> bool:
    """A role noun, or a capitalized word past the piece's first that is neither a
    first-person word nor one the language capitalizes anyway ("I", "X", "Twitter")."""
    lower = word.casefold()
    if lang.is_role(word, table):
        return True
    return (index > 0 and word[:1].isupper() and lower not in table.first_person
            and lower not in table.capitalized_words and lower not in table.not_names)
