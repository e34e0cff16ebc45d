"""Where a quote sits in its tweet: the part of the tweet it renders, and which tweet
sentence each of its sentences renders when that can be said with confidence."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from quotes import lang, langid
from quotes.anchors import compare_anchors
from quotes.compare.kinds import DISTORTING_ANCHORS
from quotes.compare.names import same_name
from quotes.lang import LanguageData
from quotes.models import Anchor
from quotes.normalize import strip_accents
from quotes.text import LETTER_WORD_WITH_APOSTROPHES, SENTENCE_SPAN, clauses, loose_sentences

# Sentence alignment by length: a quote sentence of q characters against a tweet sentence
# of t pairs by |log((q + S) / (R·t + S))|, R the usual length of a translation against
# English, S smoothing for short sentences; the best run of tweet sentences must beat the
# next by ALIGN_MARGIN or nothing is paired.
LENGTH_RATIO = 1.1
LENGTH_SMOOTHING = 8
ALIGN_MARGIN = 0.1
# Where a fragment's tweet part is estimated from the words both share, the quote's words
# before the first and after the last shared word stretch it by this share of their
# length only, so a name is called missing only when it is clearly inside the quoted part.
COVERAGE_STRETCH = 0.7
# A quote with more sentences than the tweet part it renders, up to this many times as
# long, split a sentence: translations run up to a third or so longer than English.
SPLIT_SENTENCE_LENGTH = 1.5
# A chain of shared words may step at most this much further in the tweet than in the
# quote (plus slack for word order), else it has jumped to another mention of a word.
CHAIN_LEAP = 1.5
CHAIN_SLACK = 30
# A quote at least this share of its tweet's length (translation lengthening included),
# with as many sentences, renders all of it, whatever segment matched best.
WHOLE_SHARE = 0.75


def renders_whole(quote: str, tweet: str) -> bool:
    """Does the quote render all of the tweet, whichever of its segments matched best? It
    does when it is about as long (translation lengthening included) and has at least as
    many sentences."""
    long_enough = len(quote) >= WHOLE_SHARE * LENGTH_RATIO * len(tweet)
    return long_enough and len(loose_sentences(quote)) >= len(loose_sentences(tweet))


@dataclass(frozen=True, slots=True)
class Sides:
    """The two texts compared: the quote in its own language and the tweet it was matched
    to, with the segment the match found best and whether the quote renders only part."""

    quote: str
    source: LanguageData  # the quote's language table
    tweet: str
    segment: str
    fragment: bool
    omits: bool = False  # the quote marks an omission: "(…)", "[...]"
    posted_year: int | None = None  # the year the tweet was posted, when known

    @property
    def target(self) -> LanguageData:
        """The tweet's own language table: a German tweet quoted word for word is read
        as German ("keinen" negates, "centinaia" is a number), not as English."""
        return tweet_table(self.tweet)


def same_text(a: str | None, b: str | None) -> bool:
    """Do two sides say the same, once case, accents, punctuation, spacing and the
    separators of numbers (9,74 / 9.74) are set aside? Such sides are never a difference."""
    if a is None or b is None:
        return False
    return _folded(a) == _folded(b)


def _folded(text: str) -> str:
    return "".join(c for c in strip_accents(text.casefold()) if c.isalnum())


@lru_cache(maxsize=4096)
def tweet_table(text: str) -> LanguageData:
    """The language table of a tweet's text, English when it cannot be told."""
    return lang.get_or_english(langid.identify(text, default="en") or "en")


@dataclass(frozen=True, slots=True)
class Alignment:
    """The part of the tweet the quote renders, and the tweet sentence each quote
    sentence renders when that can be said with confidence."""

    tweet: str
    span: tuple[int, int]  # characters of the tweet the quote renders
    sentences: tuple[tuple[int, int], ...] | None  # tweet span of each quote sentence
    # False for a fragment that shares no word with the tweet: where it sits is a guess
    placed: bool = True

    @property
    def part(self) -> str:
        return self.tweet[self.span[0] : self.span[1]].strip() or self.tweet

    def part_of(self, span: tuple[int, int]) -> str:
        return self.tweet[span[0] : span[1]]


def align(
    sides: Sides, quote_anchors: Sequence[Anchor], tweet_anchors: Sequence[Anchor]
) -> Alignment:
    """Where the quote sits in the tweet. A whole quote renders the whole tweet; a
    fragment the part around the words both share. Its sentences pair with the tweet's
    one to one when they are as many, else with the run of as many tweet sentences whose
    lengths fit theirs clearly best (sentence lengths survive translation roughly)."""
    span = _coverage(sides, quote_anchors, tweet_anchors)
    quote_sentences = loose_sentences(sides.quote)
    inside = _sentence_spans(sides.tweet, span)
    window = _window(quote_sentences, inside, span)
    if (window is None and sides.fragment and len(quote_sentences) > len(inside)
            and len(sides.quote) > SPLIT_SENTENCE_LENGTH * max(span[1] - span[0],
                                                               len(sides.segment or ""))):
        # The best-matching segment was shorter than the quote: look around it. (Not
        # where the quote is no longer than a translation of that part: it split one
        # sentence in two, and the next sentence's names are not its own.)
        everywhere = _sentence_spans(sides.tweet, (0, len(sides.tweet)))
        window = _window(quote_sentences, everywhere, span)
        if window is not None:
            span = (window[0][0], window[-1][1])
    placed = not sides.fragment or bool(_shared_chain(sides, quote_anchors, tweet_anchors))
    return Alignment(sides.tweet, span, tuple(window) if window else None, placed)


def _sentence_spans(tweet: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The tweet's sentences inside `span`, clipped to it at word boundaries."""
    found = []
    for m in SENTENCE_SPAN.finditer(tweet):
        start, end = max(m.start(), span[0]), min(m.end(), span[1])
        while start > m.start() and tweet[start - 1].isalnum():
            start -= 1
        while end < m.end() and tweet[end - 1].isalnum() and tweet[end].isalnum():
            end += 1
        piece = tweet[start:end]
        if end > start and LETTER_WORD_WITH_APOSTROPHES.search(piece):
            found.append((start + len(piece) - len(piece.lstrip()), end))
    return found


def _window(
    quote_sentences: Sequence[str], spans: Sequence[tuple[int, int]],
    must_overlap: tuple[int, int],
) -> list[tuple[int, int]] | None:
    """The run of len(quote_sentences) tweet sentences the quote's sentences render, or
    None when no run is clearly best."""
    n, m = len(quote_sentences), len(spans)
    if n == 0 or n > m:
        return None
    if n == m:
        return list(spans)
    costs = []
    for k in range(m - n + 1):
        window = spans[k : k + n]
        if window[-1][1] <= must_overlap[0] or window[0][0] >= must_overlap[1]:
            continue
        cost = sum(
            abs(math.log((len(q) + LENGTH_SMOOTHING)
                         / (LENGTH_RATIO * (e - s) + LENGTH_SMOOTHING)))
            for q, (s, e) in zip(quote_sentences, window, strict=True)
        ) / n
        costs.append((cost, k))
    costs.sort()
    if not costs or (len(costs) > 1 and costs[1][0] - costs[0][0] < ALIGN_MARGIN):
        return None
    return list(spans[costs[0][1] : costs[0][1] + n])


def pairs_for(
    text: str, alignment: Alignment, widen: LanguageData | None = None
) -> list[tuple[str, str]]:
    """(sentence of `text`, tweet sentence) pairs, when the alignment has as many. Given
    the tweet's table (`widen`), a tweet sentence the fragment's span clipped is widened
    to the whole clauses it cuts into: "Don't be afraid" clipped to "be afraid" would
    read as a negation the quote added."""
    own = loose_sentences(text)
    if alignment.sentences is None or len(own) != len(alignment.sentences):
        return []
    spans = alignment.sentences
    if widen is not None:
        spans = tuple(_widened(alignment.tweet, s, widen) for s in spans)
    return [(q, alignment.part_of(s)) for q, s in zip(own, spans, strict=True)]


def _widened(tweet: str, span: tuple[int, int], table: LanguageData) -> tuple[int, int]:
    """`span` stretched to the start and end of the clauses of its sentence it cuts."""
    for m in SENTENCE_SPAN.finditer(tweet):
        if m.start() <= span[0] < m.end():
            sentence, base = m.group(), m.start()
            break
    else:
        return span
    start, end, at = span[0], span[1], 0
    for clause in clauses(sentence, table):
        found = sentence.find(clause, at)
        if found < 0:
            continue
        at = found + len(clause)
        if base + found <= span[0] < base + at:
            start = base + found
        if base + found < span[1] <= base + at:
            end = base + at
    return start, end


def _placeable(word: str) -> bool:
    """Words long enough to place a fragment by their spelling: five letters, or four
    for a capitalized name (Iran, Irak)."""
    return len(word) >= 5 or (len(word) == 4 and word[0].isupper())


def _coverage(
    sides: Sides, quote_anchors: Sequence[Anchor], tweet_anchors: Sequence[Anchor]
) -> tuple[int, int]:
    """The character span of the tweet the quote renders: all of it, unless the quote is
    a fragment. Then from the first to the last word both sides share in the same order
    (cognates, names, numbers), stretched by a part of the quote's words outside them;
    the segment the match found only where the two share no word."""
    if not sides.fragment:
        return 0, len(sides.tweet)
    chain = _shared_chain(sides, quote_anchors, tweet_anchors)
    if chain:
        (q_first, t_first), (q_last_end, t_last_end) = chain[0], chain[-1]
        before = int(q_first * COVERAGE_STRETCH)
        after = int((len(sides.quote) - q_last_end) * COVERAGE_STRETCH)
        return max(0, t_first - before), min(len(sides.tweet), t_last_end + after)
    at = sides.tweet.find(sides.segment) if sides.segment else -1
    if at >= 0:
        return at, at + len(sides.segment)
    return 0, 0  # nothing to place the fragment by: no tweet anchor is called lost


def _shared_chain(
    sides: Sides, quote_anchors: Sequence[Anchor], tweet_anchors: Sequence[Anchor]
) -> list[tuple[int, int]]:
    """(quote offset, tweet offset) of the words the two sides share, as the longest
    chain in the same order on both sides (the most compact one among equals): numbers
    of the same value and words of five letters or more spelled alike (names and
    cognates: Interview, präsident/president, ruiniert/ruined). A word the tweet repeats
    ("Kamala", "party") is placed where the rest of the quote is."""
    pairs: list[tuple[int, int, int, int]] = []  # quote start, tweet start, quote end, tweet end
    for q, t in compare_anchors(quote_anchors, tweet_anchors, kinds=DISTORTING_ANCHORS).shared:
        pairs.append((q.start, t.start, q.end, t.end))
    quote_words = [m for m in LETTER_WORD_WITH_APOSTROPHES.finditer(sides.quote)
                   if _placeable(m.group())]
    for m in LETTER_WORD_WITH_APOSTROPHES.finditer(sides.tweet):
        if _placeable(m.group()):
            pairs += [(q.start(), m.start(), q.end(), m.end()) for q in quote_words
                      if same_name(q.group(), m.group())]
    pairs.sort(key=lambda p: (p[1], p[0]))
    # Longest chain increasing in both offsets, without leaps (a step in the tweet much
    # longer than the step in the quote meets a later mention of the same word); ties:
    # the shortest tweet span.
    best: list[tuple[int, int, list[int]]] = []  # per pair: (length, -span, chain)
    for i, (qs, ts, _, _) in enumerate(pairs):
        options = [(length + 1, span - (ts - pairs[chain[-1]][1]), [*chain, i])
                   for j, (length, span, chain) in enumerate(best)
                   if pairs[j][0] < qs and pairs[j][1] < ts
                   and ts - pairs[j][1] <= CHAIN_LEAP * (qs - pairs[j][0]) + CHAIN_SLACK]
        best.append(max(options, default=(1, 0, [i])))
    if not best:
        return []
    chain = max(best, key=lambda b: (b[0], b[1]))[2]
    first, last = pairs[chain[0]], pairs[chain[-1]]
    return [(first[0], first[1]), (last[2], last[3])]
