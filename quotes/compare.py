"""The compare stage: a verdict for each statement, with its evidence.

`verbatim` (same language, same words), `faithful` (a translation keeping every anchor
and the sense), `paraphrase` (same claim, looser words: a hedge dropped, a clause
reworded), `distortion` (a number, scale, year, name, handle or negation changed, or a
clause cut or added), `misattributed` (the words are another person's tweet) or
`unmatched` (nothing in the archive is close enough). Pure: it reads the quote, its
attribution, back-translation, match decision and anchors, and returns a `Verdict`.

Every `Difference` names where its evidence came from:

* `anchors`: numbers, names, handles of the quote's own text (read with its language's
  table) against the tweet's; they need no translation;
* `source-language`: negations and hedges of the quote's own sentences, read with its
  language's table, against the tweet's sentences (an English quote is its own source);
* `back-translation`: the English back-translation against the tweet, word by word;
  a difference seen only there is checked against the quote's own anchors and negations
  first, so a translation model's mistake is not called a distortion;
* `attribution`: the speaker the article names against the tweet's author;
* `embedding`: without a back-translation, clauses and sentences of the quote that no
  part of the tweet is close to (added), and clauses of the tweet between those the quote
  renders that no part of the quote is close to (cut), by the bundled sentence embedder
  (`clause_gaps`); a clause reworded in place is not seen this way.

Added and cut content is read word by word in a back-translation (or an English quote),
clause by clause in embeddings otherwise.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz

from quotes import lang
from quotes.anchors import Anchor, compare_anchors, extract_anchors
from quotes.lang import LanguageData
from quotes.match import (
    EMBEDDING_MATCH,
    EMBEDDING_SURE,
    FUZZY_SURE,
    FUZZY_VERBATIM,
    STRONG_ANCHORS,
    Decision,
    unmarked_sentences,
)
from quotes.models import Attribution, Difference, Quote, Translated, Verdict
from quotes.normalize import strip_accents

# Embedding similarity above which an anchors-only translation counts as faithful.
EMBEDDING_FAITHFUL = 0.875
# ... or above this one when it also keeps every number, handle and link of the tweet.
EMBEDDING_ANCHORED_FAITHFUL = 0.84
# Anchor kinds whose change is a distortion.
DISTORTING_ANCHORS = ("number", "year", "handle", "hashtag", "url")
# Difference kinds that make a distortion; the others ("hedge") a paraphrase.
DISTORTING_KINDS = frozenset({*DISTORTING_ANCHORS, "name", "negation", "cut", "added"})
# A run of this many content words on one side only is a cut or added clause (shorter
# runs are a translation's normal looseness: "do my best" / "do everything possible").
CLAUSE_WORDS = 3
# Two spellings of a name are one name from this rapidfuzz ratio (Irak/Iraq after
# folding), or when they share this share of the shorter one as a prefix (Europäische/
# European, sowjetische/Soviet).
NAME_RATIO = 80.0
NAME_PREFIX_SHARE = 0.6
NAME_PREFIX_MIN = 4
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
# A chain of shared words may step at most this much further in the tweet than in the
# quote (plus slack for word order), else it has jumped to another mention of a word.
CHAIN_LEAP = 1.5
CHAIN_SLACK = 30
# A quote at least this share of its tweet's length (translation lengthening included),
# with as many sentences, renders all of it, whatever segment matched best.
WHOLE_SHARE = 0.75

# Notes on how far added and cut clauses were checked without a back-translation.
NO_CLAUSE_CHECK = ("no back-translation: added or cut clauses not checked (anchors, names, "
                   "negations and hedges only)")
EMBEDDED_CLAUSE_CHECK = ("no back-translation: added or cut clauses checked by clause "
                         "embeddings only, reworded ones not")

_SENTENCE = re.compile(r"(?<=[.!?…])[\"”»“’)]*\s+")
_SENTENCE_SPAN = re.compile(r".+?(?:[.!?…]+[\"”»“’)]*(?=\s)|$)", re.DOTALL)
_CLAUSE_MARKS = re.compile(r"[,;:()\u2013\u2014]| - ")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_FOLDS = (("ph", "f"), ("th", "t"), ("sch", "sh"), ("ß", "ss"))
_LETTER_FOLDS = str.maketrans({"c": "k", "q": "k", "z": "k", "w": "v", "j": "i", "y": "i"})


def judge(
    quote: Quote,
    attribution: Attribution | None,
    translated: Translated | None,
    decision: Decision,
    quote_anchors: Sequence[Anchor],
    clauses: ClauseSimilarities | None = None,
) -> Verdict:
    match = decision.match
    if match is None:
        return Verdict("unmatched", _unmatched_confidence(decision), decision.method,
                       notes=(decision.reason,))
    source = _table(quote.language)
    fragment = match.fragment and not renders_whole(quote.text, match.tweet.text)
    sides = Sides(quote.text, source, match.tweet.text, match.segment, fragment)
    differences, notes = find_differences(
        sides, quote_anchors, translated.text if translated else None
    )
    notes = [decision.reason, *notes]
    if clauses is not None:
        notes = [EMBEDDED_CLAUSE_CHECK if n == NO_CLAUSE_CHECK else n for n in notes]
    if translated is None:
        differences += embedding_differences(
            decision.unsupported, clauses, source, match.tweet.text,
            found={d.kind for d in differences},
        )
    if fragment:
        notes.append("the quote renders part of the tweet")
    # The report's match says what this stage found: a quote as long as its tweet renders
    # all of it even when one of the tweet's sentences matched best.
    match = replace(match, fragment=fragment)

    speaker = attribution.author_handle if attribution else None
    if speaker is not None and speaker.casefold() != match.tweet.author_handle.casefold():
        differences.insert(
            0,
            Difference(
                "speaker",
                attribution.speaker if attribution else None,
                f"@{match.tweet.author_handle}",
                "attribution",
            ),
        )
        return Verdict("misattributed", _confidence(match.score, match.margin), decision.method,
                       tuple(differences), match, tuple(notes))
    if speaker is None:
        notes.append("speaker not resolved to an archive author: attribution not checked")

    confidence = _confidence(match.score, match.margin)
    if any(d.kind in DISTORTING_KINDS for d in differences):
        return Verdict("distortion", confidence, decision.method, tuple(differences), match,
                       tuple(notes))
    if differences:
        return Verdict("paraphrase", confidence, decision.method, tuple(differences), match,
                       tuple(notes))
    same_language = quote.language == "en"
    if same_language and (match.fuzzy or 0) >= FUZZY_VERBATIM:
        return Verdict("verbatim", confidence, decision.method, (), match, tuple(notes))
    # Anchors-only: a close embedding, or a fair one with every number and handle kept.
    embedding = match.embedding or 0
    close = (match.fuzzy is not None and match.fuzzy >= FUZZY_SURE) or (
        match.fuzzy is None
        and (
            embedding >= EMBEDDING_FAITHFUL
            or (embedding >= EMBEDDING_ANCHORED_FAITHFUL and match.shared_anchors > 0)
        )
    )
    label = "faithful" if close else "paraphrase"
    return Verdict(label, confidence, decision.method, (), match, tuple(notes))


def renders_whole(quote: str, tweet: str) -> bool:
    """Does the quote render all of the tweet, whichever of its segments matched best? It
    does when it is about as long (translation lengthening included) and has at least as
    many sentences."""
    return len(quote) >= WHOLE_SHARE * LENGTH_RATIO * len(tweet) and len(sentences(quote)) >= (
        len(sentences(tweet))
    )


@dataclass(frozen=True, slots=True)
class Sides:
    """The two texts compared: the quote in its own language and the tweet it was matched
    to, with the segment the match found best and whether the quote renders only part."""

    quote: str
    source: LanguageData  # the quote's language table
    tweet: str
    segment: str
    fragment: bool


def find_differences(
    sides: Sides, quote_anchors: Sequence[Anchor], back_translation: str | None
) -> tuple[list[Difference], list[str]]:
    """Every difference between quote and tweet, and notes on what was not checked or
    was discounted as a translation artefact."""
    english = lang.get("en")
    tweet_anchors = extract_anchors(sides.tweet, english)
    alignment = align(sides, quote_anchors, tweet_anchors)
    differences = _anchor_differences(quote_anchors, tweet_anchors, alignment.span)
    differences += _name_differences(sides, quote_anchors, tweet_anchors, alignment)
    notes: list[str] = []
    if back_translation is not None:
        notes += _translation_artefacts(back_translation, quote_anchors, tweet_anchors,
                                        alignment.span)
        flips = polarity_differences(_pairs_for(back_translation, alignment), english,
                                     "back-translation")
        flips, discounted = _confirm_in_source(flips, sides, alignment)
        notes += discounted
    else:
        flips = polarity_differences(_pairs_for(sides.quote, alignment), sides.source,
                                     "source-language")
    differences += flips
    english_text = back_translation if back_translation is not None else (
        sides.quote if sides.source.code == english.code else None
    )
    if english_text is None:
        notes.append(NO_CLAUSE_CHECK)
        differences += hedge_differences(sides.quote, sides.source, alignment.part)
        return differences, notes
    evidence = "back-translation" if back_translation is not None else "source-language"
    content = content_differences(english_text, alignment.part, evidence,
                                  fragment=sides.fragment)
    if back_translation is not None and hedges_in(sides.quote, sides.source):
        # The quote itself hedges: a hedge lost on the way back is the model's doing.
        content = [d for d in content if d.kind != "hedge"]
    differences += content
    return differences, notes


# --- where the quote sits in the tweet ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Alignment:
    """The part of the tweet the quote renders, and the tweet sentence each quote
    sentence renders when that can be said with confidence."""

    tweet: str
    span: tuple[int, int]  # characters of the tweet the quote renders
    sentences: tuple[tuple[int, int], ...] | None  # tweet span of each quote sentence

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
    quote_sentences = sentences(sides.quote)
    inside = _sentence_spans(sides.tweet, span)
    window = _window(quote_sentences, inside, span)
    if window is None and sides.fragment and len(quote_sentences) > len(inside):
        # The best-matching segment was shorter than the quote: look around it.
        everywhere = _sentence_spans(sides.tweet, (0, len(sides.tweet)))
        window = _window(quote_sentences, everywhere, span)
        if window is not None:
            span = (window[0][0], window[-1][1])
    return Alignment(sides.tweet, span, tuple(window) if window else None)


def _sentence_spans(tweet: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The tweet's sentences inside `span`, clipped to it at word boundaries."""
    found = []
    for m in _SENTENCE_SPAN.finditer(tweet):
        start, end = max(m.start(), span[0]), min(m.end(), span[1])
        while start > m.start() and tweet[start - 1].isalnum():
            start -= 1
        while end < m.end() and tweet[end - 1].isalnum() and tweet[end].isalnum():
            end += 1
        piece = tweet[start:end]
        if end > start and _TOKEN.search(piece):
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


def _pairs_for(text: str, alignment: Alignment) -> list[tuple[str, str]]:
    """(sentence of `text`, tweet sentence) pairs, when the alignment has as many."""
    own = sentences(text)
    if alignment.sentences is None or len(own) != len(alignment.sentences):
        return []
    return [(q, alignment.part_of(s)) for q, s in zip(own, alignment.sentences, strict=True)]


def _table(code: str) -> LanguageData:
    return lang.get(code) if code in lang.available() else lang.get("en")


# --- anchors ---------------------------------------------------------------------------


def _anchor_differences(
    quote: Sequence[Anchor], tweet: Sequence[Anchor], span: tuple[int, int]
) -> list[Difference]:
    """Numbers, years, handles, hashtags and URLs in the quote that the tweet does not
    have, and the tweet's that the quote lost inside the part it renders.

    A number in the quote that the tweet lacks, where the tweet has a number of the same
    kind, is a changed number; one the tweet lacks entirely was added. Anchors outside
    the part of the tweet a fragment renders are no difference."""
    comparison = compare_anchors(quote, tweet, kinds=DISTORTING_ANCHORS)
    unmatched_tweet = list(comparison.only_tweet)
    differences = []
    for anchor in comparison.only_quote:
        counterpart = next(
            (t for t in unmatched_tweet if _same_kind(anchor, t) and _same_unit(anchor, t)), None
        )
        if counterpart is not None:
            unmatched_tweet.remove(counterpart)
        differences.append(
            Difference(anchor.kind, anchor.text, counterpart.text if counterpart else None,
                       "anchors")
        )
    differences += [
        Difference(t.kind, None, t.text, "anchors")
        for t in unmatched_tweet
        if t.kind in ("number", "year") and span[0] <= t.start < span[1]
    ]
    return differences


def _same_kind(a: Anchor, b: Anchor) -> bool:
    numeric = ("number", "year")
    return a.kind == b.kind or (a.kind in numeric and b.kind in numeric)


def _same_unit(a: Anchor, b: Anchor) -> bool:
    return a.kind != "number" or a.unit == b.unit or a.unit is None or b.unit is None


def _translation_artefacts(
    back_translation: str,
    quote_anchors: Sequence[Anchor],
    tweet_anchors: Sequence[Anchor],
    span: tuple[int, int],
) -> list[str]:
    """Numbers the back-translation changed although the quote's own numbers agree with
    the tweet: the translation model's mistake, noted, not counted."""
    english = lang.get("en")
    bt = compare_anchors(extract_anchors(back_translation, english), tweet_anchors,
                         kinds=DISTORTING_ANCHORS)
    own = compare_anchors(quote_anchors, tweet_anchors, kinds=DISTORTING_ANCHORS)
    own_missing = {id(t) for t in own.only_tweet}
    notes = []
    for t in bt.only_tweet:
        if id(t) not in own_missing and span[0] <= t.start < span[1]:
            notes.append(f"the back-translation lost {t.text!r}, which the quote itself keeps: "
                         "a translation artefact, not counted")
    return notes


# --- names ---------------------------------------------------------------------------


def _name_differences(
    sides: Sides,
    quote_anchors: Sequence[Anchor],
    tweet_anchors: Sequence[Anchor],
    alignment: Alignment,
) -> list[Difference]:
    """A name of the tweet that the quote renders under no spelling (Irak/Iraq, Europäische
    Union/European Union and the table's exonyms count as the same name) is a distortion:
    names survive translation. Each mention counts, in the sentence that renders it
    where sentences pair up ("Democrats" opening the tweet is not found by the quote's
    last sentence). The quote's side is a name the tweet does not have, when the quote's
    language lets one see names (not German, where every noun is capitalized)."""
    english = lang.get("en")
    span = alignment.span
    names = [
        t for t in tweet_anchors
        if t.kind == "name" and span[0] <= t.start < span[1] and len(t.text) > 2
        and not is_role_or_title(t.text, english)
    ]
    pools = [
        (where, [m.group() for m in _TOKEN.finditer(text)], _exonyms_in(text, sides.source))
        for where, text in _quote_parts(sides.quote, alignment)
    ]
    missing = []
    for name in names:
        _, pool, exonyms = next((p for p in pools if p[0][0] <= name.start < p[0][1]),
                                pools[-1])
        found = next((i for i, token in enumerate(pool) if same_name(name.text, token)), None)
        if found is not None:
            pool.pop(found)  # one mention renders one mention
        elif name.value not in exonyms:
            missing.append(name)
    if not missing:
        return []
    tweet_tokens = [m.group() for m in _TOKEN.finditer(sides.tweet)]
    replacements = [
        q for q in quote_anchors
        if q.kind == "name" and len(q.text) > 2
        and not any(same_name(q.text, t) for t in tweet_tokens)
        and q.value not in sides.source.exonyms
    ]
    return [
        Difference("name", replacements[i].text if i < len(replacements) else None, name.text,
                   "anchors")
        for i, name in enumerate(missing)
    ]


def _quote_parts(quote: str, alignment: Alignment) -> list[tuple[tuple[int, int], str]]:
    """The quote's text per tweet span: each sentence where sentences pair, else all."""
    pairs = _pairs_for(quote, alignment)
    if pairs and alignment.sentences is not None:
        return [(span, q) for (q, _), span in zip(pairs, alignment.sentences, strict=True)]
    return [((0, len(alignment.tweet)), quote)]


def is_role_or_title(word: str, table: LanguageData) -> bool:
    return word in table.titles or lang.is_role(word, table) or word.casefold() in table.not_names


def _exonyms_in(text: str, table: LanguageData) -> set[str]:
    """English names whose local form the text holds ("Deutschland" → germany)."""
    lowered = f" {_fold_spaces(text.casefold())} "
    found = set()
    for local, english in table.exonyms.items():
        if re.search(rf"(?<![\w]){re.escape(local)}(?![\w])", lowered):
            found.update(english.split())
    return found


def _fold_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def fold_name(word: str) -> str:
    """A spelling key for names across languages: accents, case and the letters
    languages swap in cognates folded (c/k/q/z, w/v, j/y/i, ph/f), doubled letters
    single: "Irak" and "Iraq", "Sowjet" and "Soviet" meet."""
    text = strip_accents(word.casefold())
    for a, b in _FOLDS:
        text = text.replace(a, b)
    text = text.translate(_LETTER_FOLDS)
    text = "".join(ch for ch in text if ch.isalpha())
    return re.sub(r"(.)\1+", r"\1", text)


def same_name(a: str, b: str) -> bool:
    x, y = fold_name(a), fold_name(b)
    if not x or not y:
        return False
    if x == y or (x.rstrip("s") == y.rstrip("s") and min(len(x), len(y)) >= 3):
        return True  # "GPU" and "GPUs"
    shorter = min(len(x), len(y))
    prefix = len(_common_prefix(x, y))
    if prefix >= NAME_PREFIX_MIN and prefix >= NAME_PREFIX_SHARE * shorter:
        return True
    return min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= NAME_RATIO


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _name_found(name: str, tokens: Sequence[str], exonyms: set[str]) -> bool:
    if name.casefold() in exonyms:
        return True
    return any(same_name(name, token) for token in tokens)


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
    quote_words = [m for m in _TOKEN.finditer(sides.quote) if _placeable(m.group())]
    for m in _TOKEN.finditer(sides.tweet):
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


# --- polarity --------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def clauses(sentence: str, table: LanguageData) -> list[str]:
    """A sentence cut at commas, semicolons, dashes and the table's clause-opening
    conjunctions."""
    parts = []
    for piece in _CLAUSE_MARKS.split(sentence):
        current: list[str] = []
        for token in piece.split():
            bare = token.strip("\"'“”„«»‘’¿¡").casefold()
            if bare in table.clause_words and current:
                parts.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            parts.append(" ".join(current))
    return [p for p in parts if _TOKEN.search(p)]


def _tokens(text: str) -> list[str]:
    return [m.group().replace("’", "'") for m in _TOKEN.finditer(text.casefold())]


def _without_exceptions(text: str, table: LanguageData) -> str:
    lowered = text.casefold().replace("’", "'")
    for phrase in table.negation_exceptions:
        lowered = re.sub(rf"(?<![\w]){re.escape(phrase)}(?![\w])", " ", lowered)
    return lowered


def negated(text: str, table: LanguageData) -> bool:
    """Does the text hold an explicit negation of the table ("not", "n't", "ne", "n'est",
    "nicht", "tidak")? Phrases such as "not only" or "non lucratif" negate nothing."""
    for token in _tokens(_without_exceptions(text, table)):
        if token in table.negations:
            return True
        for negation in table.negations:
            if "'" not in negation:
                continue
            prefix = negation.endswith("'")  # French "n'" opens "n'est"
            if (prefix and token.startswith(negation)) or (
                not prefix and token.endswith(negation)  # English "n't" ends "doesn't"
            ):
                return True
    return False


def implicitly_negated(text: str, table: LanguageData) -> bool:
    """Does the text hold a word that negates without a negation word ("confused",
    "refuse", "without")? Entries of five letters or more are word beginnings."""
    lowered = f" {_without_exceptions(text, table)} "
    tokens = _tokens(lowered)
    for entry in table.implicit_negations:
        if " " in entry:
            if f" {entry} " in lowered:
                return True
        elif any(t == entry or (len(entry) >= 5 and t.startswith(entry)) for t in tokens):
            return True
    return False


def polarity_differences(
    pairs: Sequence[tuple[str, str]], quote_table: LanguageData, evidence: str
) -> list[Difference]:
    """Sentences (and clauses) negated on one side only, over (quote sentence, tweet
    sentence) pairs: only where sentences pair up with confidence (see `align`), clause
    by clause only where the clauses too are as many, and never where the side without
    a negation word negates another way ("I'm still confused" for "je ne comprends
    toujours pas")."""
    english = lang.get("en")
    differences = []
    for q, t in pairs:
        q_clauses, t_clauses = clauses(q, quote_table), clauses(t, english)
        units = (
            list(zip(q_clauses, t_clauses, strict=True))
            if len(q_clauses) == len(t_clauses)
            else [(q, t)]
        )
        for q_unit, t_unit in units:
            if _flipped(q_unit, quote_table, t_unit, english):
                differences.append(Difference("negation", q_unit, t_unit, evidence))
    return differences


def _flipped(q: str, q_table: LanguageData, t: str, t_table: LanguageData) -> bool:
    """Negative on one side only. A side is negative with a negation word or a word that
    negates lexically: "je ne comprends toujours pas" and "I'm still confused" agree,
    "je comprends toujours" and "I'm still confused" do not."""
    return _negative(q, q_table) != _negative(t, t_table)


def _negative(text: str, table: LanguageData) -> bool:
    return negated(text, table) or implicitly_negated(text, table)


def _confirm_in_source(
    flips: list[Difference], sides: Sides, alignment: Alignment
) -> tuple[list[Difference], list[str]]:
    """A negation flip seen in the back-translation stands only if the quote's own
    sentences, read with their language's table, do not contradict it: where they pair
    with the tweet's and show no flip, the model dropped or added the negation."""
    if not flips:
        return flips, []
    own_pairs = _pairs_for(sides.quote, alignment)
    if not own_pairs or polarity_differences(own_pairs, sides.source, "source-language"):
        return flips, []
    return [], ["the back-translation changed a negation the quote itself keeps: a "
                "translation artefact, not counted"]


# --- hedges ----------------------------------------------------------------------------


def hedges_in(text: str, table: LanguageData) -> list[str]:
    lowered = f" {_fold_spaces(text.casefold().replace('’', chr(39)))} "
    return [
        h for h in table.hedges
        if re.search(rf"(?<![\w']){re.escape(h)}(?![\w'])", lowered)
    ]


def hedge_differences(quote: str, quote_table: LanguageData, tweet_part: str) -> list[Difference]:
    """A hedge of the tweet ("seems to") that the quote renders with none of its
    language's hedges: the claim is firmer than it was, a paraphrase."""
    tweet_hedges = hedges_in(tweet_part, lang.get("en"))
    if not tweet_hedges or hedges_in(quote, quote_table):
        return []
    return [Difference("hedge", None, tweet_hedges[0], "source-language")]


# --- added and cut content (needs English on both sides) -----------------------------------


def content_differences(
    english: str, tweet_part: str, evidence: str, *, fragment: bool
) -> list[Difference]:
    """Clauses cut or added, from the words of the English text (the back-translation, or
    an English quote) and of the tweet, function words ignored.

    A clause of the tweet none of whose content words the English text has is cut
    (for a fragment, only between clauses it does render: its missing beginning and end
    are no cut); so is a run of CLAUSE_WORDS content words that word-level opcodes show
    on the tweet side only. The same on the quote side is an added clause. A hedge of
    the tweet the English text lacks is a dropped hedge: a paraphrase."""
    table = lang.get("en")
    q_words, t_words = _content_words(english, table), _content_words(tweet_part, table)
    differences = _missing_clauses(tweet_part, q_words, "cut", evidence, inner_only=fragment)
    differences += _missing_clauses(english, t_words, "added", evidence, inner_only=False)
    if not differences:
        differences += _opcode_runs(english, tweet_part, q_words, t_words, evidence,
                                    fragment=fragment)
    differences += _dropped_hedges(english, tweet_part, evidence)
    return differences


def _missing_clauses(
    text: str, other: Sequence[tuple[str, int]], kind: str, evidence: str, *, inner_only: bool
) -> list[Difference]:
    """Clauses of `text` (three words and two content words, or four words and one: "If
    this is legal") with no content word in `other`."""
    table = lang.get("en")
    found: list[tuple[str, bool]] = []  # (clause, rendered on the other side)
    for sentence in sentences(text):
        for clause in clauses(sentence, table):
            if not substantive(clause, table):
                found.append((clause, True))
                continue
            words = _content_words(clause, table)
            found.append((clause, any(_word_in(w, other) for w, _ in words)))
    rendered = [i for i, (_, ok) in enumerate(found) if ok]
    if not rendered:
        return []  # nothing in common at all: not a clause-level question
    first, last = (rendered[0], rendered[-1]) if inner_only else (0, len(found) - 1)
    side = (lambda c: (None, c)) if kind == "cut" else (lambda c: (c, None))
    return [
        Difference(kind, *side(clause), evidence)
        for i, (clause, ok) in enumerate(found)
        if not ok and first <= i <= last
    ]


def substantive(clause: str, table: LanguageData) -> bool:
    """A clause that says something on its own: three words with two content words, or four
    with one ("If this is legal"); not "So far", "Democrats", "Let's do this"."""
    words = _content_words(clause, table)
    size = len(clause.split())
    return (size >= 3 and len(words) >= 2) or (size >= 4 and len(words) >= 1)


def _opcode_runs(
    english: str,
    tweet_part: str,
    q_words: Sequence[tuple[str, int]],
    t_words: Sequence[tuple[str, int]],
    evidence: str,
    *,
    fragment: bool,
) -> list[Difference]:
    """Runs of CLAUSE_WORDS content words on one side only, inside clauses both render."""
    differences = []
    matcher = difflib.SequenceMatcher(None, [w for w, _ in q_words], [w for w, _ in t_words],
                                      autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            continue
        cut = [w for w in t_words[j1:j2] if not _word_in(w[0], q_words)]
        added = [w for w in q_words[i1:i2] if not _word_in(w[0], t_words)]
        edge = index in (0, len(opcodes) - 1)
        if len(cut) >= CLAUSE_WORDS and not added and not (fragment and edge):
            differences.append(Difference("cut", None, _span(tweet_part, cut), evidence))
        if len(added) >= CLAUSE_WORDS and not cut:
            differences.append(Difference("added", _span(english, added), None, evidence))
    return differences


def _dropped_hedges(english: str, tweet_part: str, evidence: str) -> list[Difference]:
    table = lang.get("en")
    kept = set(hedges_in(english, table))
    return [Difference("hedge", None, h, evidence) for h in hedges_in(tweet_part, table)
            if h not in kept][:1]


def _content_words(text: str, table: LanguageData) -> list[tuple[str, int]]:
    """(stemmed word, offset) of the words that carry content: not function words, not
    hedges (compared on their own), not negations (compared by polarity)."""
    hedge_words = {w for h in table.hedges for w in h.split()}
    result = []
    for m in _TOKEN.finditer(text):
        word = strip_accents(m.group().casefold().replace("’", "'"))
        if word in table.stopwords or word in hedge_words or word in table.negations:
            continue
        if word.endswith("n't") or len(word) < 2:
            continue
        result.append((_stem(word), m.start()))
    return result


def _stem(word: str) -> str:
    """A crude English stem, enough that "donate"/"donated" or "decision"/"decisions"
    count as the same word in a back-translation."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _word_in(word: str, others: Sequence[tuple[str, int]]) -> bool:
    return any(
        word == o or (min(len(word), len(o)) >= 5 and word[:5] == o[:5]) for o, _ in others
    )


def _span(text: str, found: Sequence[tuple[str, int]]) -> str:
    start, last = found[0][1], found[-1][1]
    tail = _TOKEN.match(text, last)
    end = tail.end() if tail else last
    return unicodedata.normalize("NFC", text[start:end])


# --- added and cut clauses by embeddings (no back-translation) ------------------------------

# Both sides are cut into clauses, and runs of up to CLAUSE_RUN adjacent clauses are
# embedded, so a clause that the other language splits in two still meets its match.
CLAUSE_RUN = 2


@dataclass(frozen=True, slots=True)
class ClauseSimilarities:
    """Embedding similarities between runs of the quote's clauses (rows, in `clause_runs`
    order) and runs of its tweet's clauses (columns): what anchors-only verification has
    to see a clause cut or added that carries no number or name."""

    quote_units: tuple[str, ...]
    tweet_units: tuple[str, ...]
    matrix: np.ndarray


def clause_units(text: str, table: LanguageData) -> list[str]:
    """The text's clauses, sentence by sentence (those without an end mark included)."""
    return [c for s in sentences(text) for piece in unmarked_sentences(s, table)
            for c in clauses(piece, table)]


def clause_runs(count: int) -> list[tuple[int, int]]:
    """(start, end) of every run of 1 to CLAUSE_RUN adjacent units out of `count`."""
    return [(i, j) for i in range(count) for j in range(i + 1, min(count, i + CLAUSE_RUN) + 1)]


def run_texts(units: Sequence[str]) -> list[str]:
    return [" ".join(units[i:j]) for i, j in clause_runs(len(units))]


def embedding_differences(
    unsupported: Sequence[tuple[str, float]],
    similarities: ClauseSimilarities | None,
    quote_table: LanguageData,
    tweet: str,
    *,
    found: set[str],
) -> list[Difference]:
    """Added and cut content seen in embeddings: quote sentences and clauses with no
    counterpart in the tweet, tweet clauses with none in the quote (see `clause_gaps`).
    A kind the words already showed (an English quote) is not reported twice."""
    gaps, placed = (clause_gaps(similarities, quote_table) if similarities is not None
                    else ([], set()))
    tweet_anchors = extract_anchors(tweet, lang.get("en"))
    differences = [
        Difference("added", sentence, None, f"embedding (best tweet match {sim:.2f})")
        for sentence, sim in unsupported
        # A sentence holding a clause placed in the tweet renders part of a longer tweet
        # sentence (its own clauses say what, if anything, it added); so does one sharing a
        # number, handle or link with the tweet, however loosely the embedding scores it.
        if not any(unit in sentence for unit in placed)
        and not compare_anchors(
            extract_anchors(sentence, quote_table), tweet_anchors, kinds=STRONG_ANCHORS
        ).shared
    ]
    for gap in gaps:
        if gap.kind == "added" and not any(gap.text in d.quote_side for d in differences
                                           if d.quote_side):
            differences.append(Difference(
                "added", gap.text, None,
                f"embedding (best tweet match {gap.similarity:.2f}; each neighbouring "
                f"clause matches the tweet at least {-gap.gain:.2f} better without it)"))
        elif gap.kind == "cut":
            differences.append(Difference(
                "cut", None, gap.text,
                f"embedding (best quote match {gap.similarity:.2f}, between tweet clauses "
                f"the quote renders; each neighbouring clause matches the quote at least "
                f"{-gap.gain:.2f} better without it)"))
    return [d for d in differences if d.kind not in found]


@dataclass(frozen=True, slots=True)
class ClauseGap:
    kind: str  # "added" (a quote clause) or "cut" (a tweet clause)
    text: str
    similarity: float  # its closest run of the other side
    gain: float  # the most a run of two gains by holding it (< 0: each is further with it)


def clause_gaps(
    similarities: ClauseSimilarities, quote_table: LanguageData
) -> tuple[list[ClauseGap], set[str]]:
    """Clauses one side has and the other lacks. A clause is unrendered when no run of the
    other side comes as close as a quote must come to match a tweet (EMBEDDING_MATCH) *and*
    it brings no run of its own side closer: every run of two clauses with it is further
    from the other side than the same run without it (the clauses of a faithful
    translation pull their neighbours closer, even one that a language split oddly: "wie
    aus einer gemeinnützigen Organisation"). A quote clause placed nowhere is added; a
    tweet clause is cut only between the first and last tweet clauses the quote is placed
    on (see `_placed`), since a partial quote may leave out the tweet's beginning and
    end. Also returns the quote clauses that are placed in the tweet."""
    quote_units, tweet_units = similarities.quote_units, similarities.tweet_units
    matrix = similarities.matrix
    q_runs, t_runs = clause_runs(len(quote_units)), clause_runs(len(tweet_units))
    q_best = dict(zip(q_runs, (float(x) for x in matrix.max(axis=1)), strict=True))
    t_best = dict(zip(t_runs, (float(x) for x in matrix.max(axis=0)), strict=True))
    placed = _placed(
        matrix, q_runs, t_runs,
        [substantive(t, quote_table) for t in run_texts(quote_units)],
        [substantive(t, lang.get("en")) for t in run_texts(tweet_units)],
    )
    gaps = []
    for k, unit in enumerate(quote_units):
        gain = _gain(q_best, k)
        if (k not in {q for q, _ in placed} and substantive(unit, quote_table)
                and q_best[(k, k + 1)] < EMBEDDING_MATCH and gain is not None and gain < 0):
            gaps.append(ClauseGap("added", unit, q_best[(k, k + 1)], gain))
    rendered = sorted({t for _, t in placed})
    english = lang.get("en")
    for k, unit in enumerate(tweet_units):
        gain = _gain(t_best, k)
        # Inside the span a tweet clause is judged by its own similarity, placed or not: a
        # run of two may be a quote clause's closest by a hair over the clause it renders.
        if (rendered and rendered[0] < k < rendered[-1] and substantive(unit, english)
                and t_best[(k, k + 1)] < EMBEDDING_MATCH and gain is not None and gain < 0):
            gaps.append(ClauseGap("cut", unit, t_best[(k, k + 1)], gain))
    return gaps, {quote_units[q] for q, _ in placed}


def _gain(best: dict[tuple[int, int], float], k: int) -> float | None:
    """How much closer the best run of two that holds unit k comes with it than without."""
    gains = [value - best[(k + 1, j)] if i == k else value - best[(i, k)]
             for (i, j), value in best.items() if j - i == 2 and k in (i, j - 1)]
    return max(gains) if gains else None


def _placed(
    matrix: np.ndarray,
    q_runs: Sequence[tuple[int, int]],
    t_runs: Sequence[tuple[int, int]],
    q_substantive: Sequence[bool],
    t_substantive: Sequence[bool],
) -> list[tuple[int, int]]:
    """(quote unit, tweet unit) pairs that place the quote in the tweet: runs that say
    something on both sides (see `substantive`), are each other's closest and are at least
    as close as a sure match (EMBEDDING_SURE), kept as the longest chain in the same order
    on both sides. Mutual closeness keeps a short clause that only shares a name ("My
    fellow Democrats" and "Demokraten") from placing the quote where it is not, and
    substance keeps "Tout va bien" from meeting both "All is well!" and "so good!"."""
    q_arg, t_arg = matrix.argmax(axis=1), matrix.argmax(axis=0)
    pairs = sorted({
        (q, t)
        for a, b in enumerate(q_arg)
        if t_arg[b] == a and matrix[a, b] >= EMBEDDING_SURE
        and q_substantive[a] and t_substantive[b]
        for q in range(*q_runs[a])
        for t in range(*t_runs[b])
    })
    chains: list[list[int]] = []  # per pair: the longest chain ending in it
    for i, (q, t) in enumerate(pairs):
        before = [c for c in chains if pairs[c[-1]][0] <= q and pairs[c[-1]][1] <= t]
        chains.append([*max(before, key=len, default=[]), i])
    return [pairs[i] for i in max(chains, key=len, default=[])]


# --- confidence ------------------------------------------------------------------------


def _confidence(score: float, margin: float | None) -> float:
    value = 0.5 + (score - 0.8) * 2.5 + (margin or 0) * 2
    return round(min(0.99, max(0.05, value)), 2)


def _unmatched_confidence(decision: Decision) -> float:
    return 0.8 if "no candidate" in decision.reason else 0.6
