"""Negation: sentences and clauses negated on one side only, by a negation word or a word
that negates lexically, read with each side's language table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quotes import lang
from quotes.compare.alignment import Alignment, Sides, pairs_for, same_text
from quotes.compare.clause_words import substantive
from quotes.lang import LanguageData
from quotes.models import Difference
from quotes.normalize import strip_accents
from quotes.text import LETTER_WORD_WITH_APOSTROPHES, SENTENCE_SPAN, clause_units, clauses


def _tokens(text: str) -> list[str]:
    found = LETTER_WORD_WITH_APOSTROPHES.finditer(text.casefold())
    return [m.group().replace("’", "'") for m in found]


# An exception written with "…" ("ne … que": "nous n'avons qu'une chance") lets up to this
# many words stand at each gap, none of them a negation word ("je ne pense pas que" keeps
# its "pas").
EXCEPTION_GAP_WORDS = 3


def _without_exceptions(text: str, table: LanguageData) -> str:
    lowered = text.casefold().replace("’", "'")
    # The longest first: "n'est pas mal" before the "pas mal" inside it.
    for phrase in sorted(table.negation_exceptions, key=len, reverse=True):
        lowered = _exception_pattern(phrase, table.negations).sub(" ", lowered)
    return lowered


@lru_cache(maxsize=1024)
def _exception_pattern(phrase: str, negations: frozenset[str]) -> re.Pattern[str]:
    """The phrase as a pattern: whole words, and at each "…" a gap of a few words that
    are no negation. A part ending in an apostrophe runs on into its word ("qu'une")."""
    parts = [part.strip() for part in phrase.split("…")]
    not_negation = "".join(rf"(?!{re.escape(n)}(?![\w']))" for n in sorted(negations))
    gap = rf"(?:\s*{not_negation}[\w'-]+){{1,{EXCEPTION_GAP_WORDS}}}\s*"
    body = gap.join(re.escape(part) for part in parts)
    end = "" if parts[-1].endswith("'") else r"(?![\w])"
    return re.compile(rf"(?<![\w]){body}{end}")


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
    return _holds(_without_exceptions(text, table), table.implicit_negations)


def polarity_ambiguous(text: str, table: LanguageData) -> bool:
    """Does the text hold a word that another language may render with a negation or
    without ("unless", "no longer", "ever", "belum")? Matched as `implicitly_negated`."""
    return _holds(text.casefold().replace("’", "'"), table.ambiguous_polarity)


def continues(text: str, table: LanguageData) -> bool:
    """Does the text say, without a negation, that something goes on ("still", "masih")?"""
    return _holds(text.casefold().replace("’", "'"), table.continuing) and not negated(
        text, table)


@lru_cache(maxsize=64)
def _without_accents(entries: frozenset[str]) -> tuple[str, ...]:
    # A table's word lists, folded once: `_holds` reads them for every sentence.
    return tuple(strip_accents(e) for e in entries)


def _holds(lowered: str, entries: frozenset[str]) -> bool:
    """Does the lowercase text hold an entry: a phrase, a word, or (five letters or
    more) a word beginning? Accents aside: the table's "perdi" is in "Perdí" too."""
    lowered = strip_accents(lowered)
    tokens = _tokens(lowered)
    for entry in _without_accents(entries):
        if " " in entry:
            # a phrase may end the sentence ("hanno perso.")
            if re.search(rf"(?<![\w']){re.escape(entry)}(?![\w'])", lowered):
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
    by clause where the clauses pair up (see `clause_pairs`), never between two sides
    that say the same words, and never where the side without a negation word negates
    another way ("I'm still confused" for "je ne comprends toujours pas", "unless" for "wenn …
    nicht"). The tweet is read with its own language's table (English by default)."""
    tweet_table = tweet_table or lang.get("en")
    swapped = _swapped_sentences(pairs, quote_table, tweet_table)
    return [d for q, t in pairs if not same_text(q, t) and (q, t) not in swapped
            for d in _pair_differences(q, t, quote_table, tweet_table, evidence, partial)]


def _pair_differences(q: str, t: str, quote_table: LanguageData, tweet_table: LanguageData,
                      evidence: str, partial: bool) -> list[Difference]:
    """The negation flips of one (quote sentence, tweet sentence) pair."""
    q_clauses, t_clauses = clauses(q, quote_table), clauses(t, tweet_table)
    if partial and len(q_clauses) < len(t_clauses):
        # Part of a longer tweet sentence: its negation may sit in a clause the quote
        # leaves out; only a negation the quote adds is seen.
        if _negative(q, quote_table) and not _negative(t, tweet_table):
            return [Difference("negation", q, t, evidence)]
        return []
    same = quote_table.code == tweet_table.code
    units = clause_pairs(q_clauses, t_clauses, same_language=same,
                         table=tweet_table) or [(q, t)]
    if not same and len(units) > 1 and _as_many_negative(units, quote_table, tweet_table):
        # Clauses paired by position across languages: as many negative clauses on each
        # side means a translation that put them in another order ("Perdemos si no
        # votas" for "If you don't vote, we lose"), not a flipped negation.
        return []
    return [Difference("negation", q_unit, t_unit, evidence) for q_unit, t_unit in units
            if not same_text(q_unit, t_unit) and not (same and _words_within(q_unit, t_unit))
            and _flipped(q_unit, quote_table, t_unit, tweet_table)]


def _words_within(part: str, whole: str) -> bool:
    """Are `part`'s words a run of `whole`'s ("…lost so badly," of "…lost so badly they
    just don't know what to do.")? The quote then stops where the tweet goes on: what it
    leaves out is a cut, never a negation it flipped."""
    inner, outer = _tokens(part), _tokens(whole)
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def _swapped_sentences(pairs: Sequence[tuple[str, str]], quote_table: LanguageData,
                       tweet_table: LanguageData) -> set[tuple[str, str]]:
    """Across languages, sentence pairs negated on one side only, when as many are negated
    on the quote's side only as on the tweet's: sentences paired by their lengths that a
    translation put in another order, not negations flipped."""
    if quote_table.code == tweet_table.code:
        return set()
    quote_only = {(q, t) for q, t in pairs
                  if _negative(q, quote_table) and not _negative(t, tweet_table)}
    tweet_only = {(q, t) for q, t in pairs
                  if _negative(t, tweet_table) and not _negative(q, quote_table)}
    return quote_only | tweet_only if len(quote_only) == len(tweet_only) else set()


def _as_many_negative(units: Sequence[tuple[str, str]], quote_table: LanguageData,
                      tweet_table: LanguageData) -> bool:
    quote_side = sum(_negative(q, quote_table) for q, _ in units)
    return quote_side == sum(_negative(t, tweet_table) for _, t in units)


def clause_pairs(
    q_clauses: Sequence[str], t_clauses: Sequence[str], *, same_language: bool,
    table: LanguageData,
) -> list[tuple[str, str]]:
    """(quote clause, tweet clause) pairs: one to one when they are as many. In the
    tweet's own language, a tweet clause that shares no word with the quote is one the
    quote leaves out ("no thank you" before "but we will buy X"), not one it renders
    without its negation: the others pair one to one when then as many. Otherwise none
    (the sentences are compared whole)."""
    if same_language:
        by_words = _pairs_by_words(q_clauses, t_clauses, table)
        if by_words:
            return by_words
    if len(q_clauses) == len(t_clauses):
        return list(zip(q_clauses, t_clauses, strict=True))
    if not same_language or len(q_clauses) > len(t_clauses):
        return []
    quote_tokens = {w for c in q_clauses for w in _tokens(c)}
    rendered = [c for c in t_clauses if _rendered_in(c, quote_tokens, table)]
    if len(rendered) != len(q_clauses):
        return []
    return list(zip(q_clauses, rendered, strict=True))


def _pairs_by_words(
    q_clauses: Sequence[str], t_clauses: Sequence[str], table: LanguageData
) -> list[tuple[str, str]]:
    """In the tweet's own language, each quote clause with the tweet clause it shares the
    most content words with ("On parle … de stratégie provisoire" renders "mais de
    « stratégie provisoire »", not the "refuse de parler" clause before it, whatever their
    positions); none unless every quote clause shares one."""
    tweet_words = [_content_words(c, table) for c in t_clauses]
    pairs: list[tuple[str, str]] = []
    for q in q_clauses:
        own = _content_words(q, table)
        shared = [len(own & words) for words in tweet_words]
        best = max(range(len(t_clauses)), key=lambda i: shared[i], default=None)
        if best is None or shared[best] == 0:
            return []
        if pairs and pairs[-1][1] == t_clauses[best]:
            # The quote's commas cut one tweet clause in pieces ("Chancellor Oaf Scheetz,
            # or whatever his name is, will lose,"): together they render it.
            pairs[-1] = (f"{pairs[-1][0]} {q}", t_clauses[best])
            continue
        pairs.append((q, t_clauses[best]))
    return pairs


def _content_words(clause: str, table: LanguageData) -> set[str]:
    return {w for w in _tokens(clause) if len(w) >= 3 and w not in table.stopwords}


def _rendered_in(clause: str, quote_tokens: set[str], table: LanguageData) -> bool:
    """Does the quote render this clause of a tweet in its own language: a content word
    of it (three letters or more, no function word: "you" of "no thank you" is in "if you
    want" too) in the quote, or, for a clause of function words only, all of its words?"""
    tokens = _tokens(clause)
    content = _content_words(clause, table)
    return bool(content & quote_tokens) if content else set(tokens) <= quote_tokens


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
    target = sides.target
    for sentence in rendered_sentences(sides.tweet, alignment.span):
        for clause in clauses(sentence, target):
            if (_opens_with_any(clause, target.conditions, anywhere=False)
                    and not _opens_with_any(clause, target.wishes, anywhere=False)
                    and not _another_reading(clause, target)
                    and substantive(clause, target)):
                return [Difference("condition", None, clause, "source-language")]
    return []


def _another_reading(clause: str, table: LanguageData) -> bool:
    """Does the clause open with a condition word of two readings (`ambiguous_conditions`:
    "als" is also "as", "se" also a pronoun) without one of the words after it that make
    it a condition ("als we …", "se eu …")?"""
    tokens = _tokens(clause)
    for word, conditioning in table.ambiguous_conditions.items():
        size = len(word.split())
        if tokens[:size] == word.split():
            return tokens[size : size + 1] == [] or tokens[size] not in conditioning
    return False


BALANCED_NEGATIONS = ("as many negated clauses in the quote as in the part of the tweet it "
                      "renders: a translation that moved a negation, not one flipped")


def balanced_negations(sides: Sides, alignment: Alignment) -> bool:
    """Across languages, are as many of the quote's clauses negated as of the clauses of
    the tweet sentences it renders? Sentences pair by length and position; a translation
    that splits or joins them ("… if we are led by calm and not chaos.") moves a negation
    into a neighbouring pair, where it reads as flipped twice or once. Counted over the
    whole rendered text, a negation dropped or added still shows."""
    if sides.source.code == sides.target.code:
        return False
    tweet = " ".join(rendered_sentences(sides.tweet, alignment.span)) or sides.tweet
    return (_negated_clauses(sides.quote, sides.source)
            == _negated_clauses(tweet, sides.target))


def _negated_clauses(text: str, table: LanguageData) -> int:
    return sum(_negative(c, table) for c in clause_units(text, table))


def rendered_sentences(tweet: str, span: tuple[int, int]) -> list[str]:
    """The whole sentences of the tweet that a partial quote placed on `span` renders part
    of: what qualifies the part it quotes (a condition, an opinion marker) is in them."""
    return [m.group() for m in SENTENCE_SPAN.finditer(tweet)
            if m.end() > span[0] and m.start() < span[1]]


def _opens_with_any(text: str, phrases: Sequence[str], *, anywhere: bool) -> bool:
    """Does the text open with one of the phrases (or hold one anywhere)?"""
    lowered = " ".join(_tokens(text))
    if anywhere:
        return any(re.search(rf"(?<![\w']){re.escape(p)}(?![\w'])", lowered) for p in phrases)
    return any(lowered == p or lowered.startswith(f"{p} ") for p in phrases)
