"""The clause check on words: clauses and runs of content words cut from the tweet or
added to it, read from English on both sides (the back-translation, or an English quote
itself), and hedges dropped on the way."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence

from quotes import lang
from quotes.compare.anchor_differences import hedge_differences, hedges_in
from quotes.lang import LanguageData
from quotes.models import Difference
from quotes.normalize import LINK, strip_accents
from quotes.text import LETTER_WORD_WITH_APOSTROPHES, clauses, loose_sentences

# A run of this many content words on one side only is a cut or added clause (shorter
# runs are a translation's normal looseness: "do my best" / "do everything possible").
CLAUSE_WORDS = 3


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
    # Links are compared as anchors; as words ("https", "co") they would be a cut clause.
    english, tweet_part = LINK.sub(" ", english), LINK.sub(" ", tweet_part)
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
    for sentence in loose_sentences(text):
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
    return [
        _one_sided(kind, clause, evidence)
        for i, (clause, ok) in enumerate(found)
        if not ok and first <= i <= last
    ]


def _one_sided(kind: str, clause: str, evidence: str) -> Difference:
    """A clause on the tweet's side only ("cut") or on the quote's side only ("added")."""
    if kind == "cut":
        return Difference(kind, None, clause, evidence)
    return Difference(kind, clause, None, evidence)


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
    opinion = hedge_differences(english, table, tweet_part, table, evidence)
    if opinion and opinion[0].kind == "opinion":
        return opinion
    kept = set(hedges_in(english, table))
    return [Difference("hedge", None, h, evidence) for h in hedges_in(tweet_part, table)
            if h not in kept][:1]


def _content_words(text: str, table: LanguageData) -> list[tuple[str, int]]:
    """(stemmed word, offset) of the words that carry content: not function words, not
    hedges (compared on their own), not negations (compared by polarity)."""
    hedge_words = {w for h in table.hedges for w in h.split()}
    result = []
    for m in LETTER_WORD_WITH_APOSTROPHES.finditer(text):
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
    tail = LETTER_WORD_WITH_APOSTROPHES.match(text, last)
    end = tail.end() if tail else last
    return unicodedata.normalize("NFC", text[start:end])
