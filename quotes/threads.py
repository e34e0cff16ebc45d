"""Threads: a post that goes on in the author's next post ("…we have........." then
"....targeted 52 Iranian sites"), or numbers its parts ("(1/2)"). A quote may run across
the seam; the tweets it renders are then read as one text.

Pure functions over `CanonicalTweet`s: which of an author's posts of the same days may
come right before or after a post. The marks are punctuation, the same in every language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from quotes.models import CanonicalTweet

# Two or more dots, or an ellipsis, ending or opening the text (links and spaces aside).
_GOES_ON = re.compile(r"(?:\.{2,}|…)[\s.…]*(?:https?://\S+\s*)*$")
_WENT_ON = re.compile(r"^\s*(?:\.{2,}|…)")
# "(1/2)", "1/3" or "2/2" closing or opening the text.
_COUNTER = re.compile(r"(?:^\s*\(?(\d{1,2})/(\d{1,2})\)?\s|\s\(?(\d{1,2})/(\d{1,2})\)?\s*$)")


def _counter(text: str) -> tuple[int, int] | None:
    found = _COUNTER.search(text)
    if found is None:
        return None
    part, total = (found.group(1), found.group(2)) if found.group(1) else (
        found.group(3), found.group(4))
    k, n = int(part), int(total)
    return (k, n) if 1 <= k <= n else None


def goes_on(text: str) -> bool:
    """Does the post say it continues in a next one?"""
    counter = _counter(text)
    return _GOES_ON.search(text) is not None or (counter is not None and counter[0] < counter[1])


def went_on(text: str) -> bool:
    """Does the post say it continues a previous one?"""
    counter = _counter(text)
    return _WENT_ON.search(text) is not None or (counter is not None and counter[0] > 1)


def in_thread(tweet: CanonicalTweet) -> bool:
    return goes_on(tweet.text) or went_on(tweet.text)


def _follows(first: CanonicalTweet, second: CanonicalTweet) -> bool:
    """May `second` be the post right after `first`? Both say so, and numbered parts are
    numbered in turn."""
    if first.id == second.id or first.author_handle != second.author_handle:
        return False
    a, b = _counter(first.text), _counter(second.text)
    if a is not None and b is not None:
        return a[1] == b[1] and b[0] == a[0] + 1
    return goes_on(first.text) and went_on(second.text)


def thread_neighbours(
    tweet: CanonicalTweet, mates: Sequence[CanonicalTweet]
) -> tuple[list[CanonicalTweet], list[CanonicalTweet]]:
    """The author's posts (`mates`, of the same days) that may come right before `tweet`,
    and those that may come right after it. Several on one side are left to the quote to
    choose from: an archive may hold only dates."""
    before = [m for m in mates if _follows(m, tweet)]
    after = [m for m in mates if _follows(tweet, m)]
    return before, after


def joined(parts: Sequence[CanonicalTweet], main: CanonicalTweet) -> CanonicalTweet:
    """The posts of a thread read as one text, in order, under the identity of `main`
    (the post the quote matched: its link and id stay the report's)."""
    return replace(main, text="\n".join(p.text for p in parts))


def best_neighbour(
    sentence_vectors: np.ndarray, options: Sequence[tuple[CanonicalTweet, np.ndarray | None]],
    floor: float,
) -> tuple[CanonicalTweet | None, frozenset[int]]:
    """Of the posts that may come next to the matched one (each with its segment
    vectors), the one that renders most of the quote's sentences the matched post lacks
    (rows of `sentence_vectors`; renders: cosine ≥ `floor` with one of its segments), and
    which of those rows it renders. None when no option renders any."""
    best: tuple[int, float] = (0, 0.0)
    chosen: tuple[CanonicalTweet | None, frozenset[int]] = (None, frozenset())
    for tweet, segments in options:
        if segments is None or not len(segments):
            continue
        similarity = (sentence_vectors @ segments.T).max(1)
        rendered = frozenset(int(i) for i in np.flatnonzero(similarity >= floor))
        key = (len(rendered), float(similarity.mean()))
        if rendered and key > best:
            best, chosen = key, (tweet, rendered)
    return chosen


Options = Sequence[tuple[CanonicalTweet, np.ndarray | None]]


def thread_parts(
    tweet: CanonicalTweet, sentence_vectors: np.ndarray, before: Options, after: Options,
    floor: float,
) -> tuple[list[CanonicalTweet], frozenset[int]]:
    """The posts the quote renders, in thread order: `tweet` with the best previous and
    next post (`best_neighbour`) of those that render any of the quote's sentences it
    lacks, and which of those sentences (rows of `sentence_vectors`) they render."""
    first, found_before = best_neighbour(sentence_vectors, before, floor)
    last, found_after = best_neighbour(sentence_vectors, after, floor)
    parts = [p for p in (first, tweet, last) if p is not None]
    return parts, found_before | found_after
