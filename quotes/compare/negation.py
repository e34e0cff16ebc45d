"""Negation: sentences and clauses negated on one side only, by a negation word or a word
that negates lexically, read with each side's language table."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from quotes import lang
from quotes.compare.alignment import Alignment, Sides, pairs_for, same_text
from quotes.compare.clause_words import substantive
from quotes.lang import LanguageData
from quotes.models import Difference
from quotes.text import LETTER_WORD_WITH_APOSTROPHES, SENTENCE_SPAN, clauses


def _tokens(text: str) -> list[str]:
    found = LETTER_WORD_WITH_APOSTROPHES.finditer(text.casefold())
    return [m.group().replace("’", "'") for m in found]


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
    pairs: Sequence[tuple[str, str]], quote_table: LanguageData, evidence: str,
    tweet_table: LanguageData | None = None, *, partial: bool = False,
) -> list[Difference]:
    """Sentences (and clauses) negated on one side only, over (quote sentence, tweet
    sentence) pairs: only where sentences pair up with confidence (see `align`), clause
    by clause where the clauses pair up (see `clause_pairs`), never between two sides that say
    the same words, and never where the side without a negation word negates another
    way ("I'm still confused" for "je ne comprends toujours pas", "unless" for "wenn …
    nicht"). The tweet is read with its own language's table (English by default)."""
    tweet_table = tweet_table or lang.get("en")
    differences = []
    for q, t in pairs:
        if same_text(q, t):
            continue
        q_clauses, t_clauses = clauses(q, quote_table), clauses(t, tweet_table)
        if partial and len(q_clauses) < len(t_clauses):
            # Part of a longer tweet sentence: its negation may sit in a clause the quote
            # leaves out; only a negation the quote adds is seen.
            if _negative(q, quote_table) and not _negative(t, tweet_table):
                differences.append(Difference("negation", q, t, evidence))
            continue
        units = clause_pairs(q_clauses, t_clauses) or [(q, t)]
        for q_unit, t_unit in units:
            if not same_text(q_unit, t_unit) and _flipped(q_unit, quote_table, t_unit,
                                                          tweet_table):
                differences.append(Difference("negation", q_unit, t_unit, evidence))
    return differences


# Clauses pair by length as sentences do (see `alignment`): the run of clauses of the
# longer side whose lengths fit the shorter side's best, by this margin over the next.
CLAUSE_LENGTH_RATIO = 1.1
CLAUSE_SMOOTHING = 8
CLAUSE_MARGIN = 0.1


def clause_pairs(q_clauses: Sequence[str], t_clauses: Sequence[str]) -> list[tuple[str, str]]:
    """(quote clause, tweet clause) pairs: one to one when they are as many; else the
    shorter side's clauses against the run of as many clauses of the other side that
    their lengths fit clearly best ("but we will buy X" against "no thank you | but we
    will buy X": the refusal is a clause the quote leaves out, not one it un-negates);
    none when no run is clearly best."""
    if len(q_clauses) == len(t_clauses):
        return list(zip(q_clauses, t_clauses, strict=True))
    short, long_ = (q_clauses, t_clauses) if len(q_clauses) < len(t_clauses) else (
        t_clauses, q_clauses)
    if not short:
        return []
    costs = sorted(
        (sum(_length_cost(a, b) for a, b in zip(short, long_[k : k + len(short)],
                                                strict=True)) / len(short), k)
        for k in range(len(long_) - len(short) + 1)
    )
    if len(costs) > 1 and costs[1][0] - costs[0][0] < CLAUSE_MARGIN:
        return []
    run = long_[costs[0][1] : costs[0][1] + len(short)]
    pairs = list(zip(short, run, strict=True))
    return pairs if short is q_clauses else [(b, a) for a, b in pairs]


def _length_cost(a: str, b: str) -> float:
    return abs(math.log((len(a) + CLAUSE_SMOOTHING)
                        / (CLAUSE_LENGTH_RATIO * len(b) + CLAUSE_SMOOTHING)))


def _flipped(q: str, q_table: LanguageData, t: str, t_table: LanguageData) -> bool:
    """Negative on one side only. A side is negative with a negation word or a word that
    negates lexically: "je ne comprends toujours pas" and "I'm still confused" agree,
    "je comprends toujours" and "I'm still confused" do not."""
    return _negative(q, q_table) != _negative(t, t_table)


def _negative(text: str, table: LanguageData) -> bool:
    return negated(text, table) or implicitly_negated(text, table)


def confirm_in_source(
    flips: list[Difference], sides: Sides, alignment: Alignment
) -> tuple[list[Difference], list[str]]:
    """A negation flip seen in the back-translation stands only if the quote's own
    sentences, read with their language's table, do not contradict it: where they pair
    with the tweet's and show no flip, the model dropped or added the negation."""
    if not flips:
        return flips, []
    own_pairs = pairs_for(sides.quote, alignment, sides.target)
    if not own_pairs or polarity_differences(own_pairs, sides.source, "source-language",
                                             sides.target):
        return flips, []
    return [], ["the back-translation changed a negation the quote itself keeps: a "
                "translation artefact, not counted"]


def dropped_conditions(sides: Sides, alignment: Alignment) -> list[Difference]:
    """The condition of a tweet sentence that a partial quote leaves out ("will wipe out
    all of humanity" of "… will wipe out all of humanity unless we stop using fossil
    fuels"): a clause opened by one of the tweet language's condition words, saying
    something on its own, in a sentence the quote renders part of, while the quote holds
    no condition word of its own language (so renders none). The claim reads
    unconditional."""
    if not sides.fragment or _opens_with_any(sides.quote, sides.source.conditions, anywhere=True):
        return []
    target, span = sides.target, alignment.span
    for m in SENTENCE_SPAN.finditer(sides.tweet):
        if m.end() <= span[0] or m.start() >= span[1]:
            continue
        at = 0
        for clause in clauses(m.group(), target):
            found = m.group().find(clause, at)
            if found < 0:
                continue
            at = found + len(clause)
            if (_opens_with_any(clause, target.conditions, anywhere=False)
                    and substantive(clause, target)):
                return [Difference("condition", None, clause, "source-language")]
    return []


def _opens_with_any(text: str, phrases: Sequence[str], *, anywhere: bool) -> bool:
    """Does the text open with one of the phrases (or hold one anywhere)?"""
    lowered = " ".join(_tokens(text))
    if anywhere:
        return any(re.search(rf"(?<![\w']){re.escape(p)}(?![\w'])", lowered) for p in phrases)
    return any(lowered == p or lowered.startswith(f"{p} ") for p in phrases)
