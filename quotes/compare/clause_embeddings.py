"""The clause check by embeddings, where there is no back-translation: clauses of the
quote no part of the tweet is close to (added) and clauses of the tweet, between those
the quote renders, no part of the quote is close to (cut). A clause reworded in place is
not seen this way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from quotes import lang
from quotes.anchors import compare_anchors, extract_anchors
from quotes.compare.clause_words import substantive
from quotes.compare.reliability import LONG_CUT, bare_words
from quotes.lang import LanguageData
from quotes.match import EMBEDDING_MATCH, EMBEDDING_SURE, STRONG_ANCHORS
from quotes.models import Difference

# Both sides are cut into clauses, and runs of up to CLAUSE_RUN adjacent clauses are
# embedded, so a clause that the other language splits in two still meets its match.
CLAUSE_RUN = 2
# How much further each run of two must come from the tweet with a quote clause than
# without it for that clause to be added: a faithful translation's clause may leave its
# neighbours a hair further (a reordered sentence, an idiom rendered loosely); no gain at
# all is no evidence. (A tweet clause a quote cuts often barely moves its neighbours: any
# loss counts there.)
ADDED_PULL_MARGIN = 0.01
# How much closer each clause of a negation's sentence must come to another sentence of
# the other side than to its paired one for the pair to be taken as misaligned (a skipped
# or reordered sentence): the negation is then read against the wrong sentence.
PAIR_MARGIN = 0.01


@dataclass(frozen=True, slots=True)
class ClauseSimilarities:
    """Embedding similarities between runs of the quote's clauses (rows, in `clause_runs`
    order) and runs of its tweet's clauses (columns): what anchors-only verification has
    to see a clause cut or added that carries no number or name."""

    quote_units: tuple[str, ...]
    tweet_units: tuple[str, ...]
    matrix: np.ndarray


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


def reworded_cuts(
    differences: Sequence[Difference], similarities: ClauseSimilarities | None
) -> tuple[list[Difference], list[str]]:
    """Short clauses the back-translation's words lack (a cut of fewer than LONG_CUT
    words) that the quote's own words render, by the clause embeddings (a quote clause
    at least EMBEDDING_MATCH close): the model reworded them ("bailed them out" → "o
    salvou" → "saved him"). Two readings disagree, and the one of the quote's own words
    is kept: those cuts are dropped, with a note each."""
    if similarities is None:
        return list(differences), []
    best = dict(zip(clause_runs(len(similarities.tweet_units)),
                    (float(x) for x in similarities.matrix.max(axis=0)), strict=True))

    def reworded(d: Difference) -> str | None:
        closest = _rendered_clause(d, similarities.tweet_units, best)
        return None if closest is None else (
            f"the back-translation lacks {d.tweet_side!r}, which the quote's own words "
            f"render (clause embedding {closest:.2f}): a translation artefact, not counted")

    return _set_aside(differences, reworded)


def reworded_additions(
    differences: Sequence[Difference], similarities: ClauseSimilarities | None
) -> tuple[list[Difference], list[str]]:
    """Clauses the back-translation adds, when every clause of the quote's own words
    renders a tweet clause (each at least EMBEDDING_MATCH close to one): the model
    reworded what the quote says ("uma líder firme" → "a firm leader" for "a steady-handed
    leader"), the quote added nothing. As with `reworded_cuts`, the quote's own words are
    kept over the model's reading: those additions are dropped, with a note each."""
    if similarities is None or not similarities.quote_units:
        return list(differences), []
    singles = [i for i, (start, end) in enumerate(clause_runs(len(similarities.quote_units)))
               if end - start == 1]
    closest = float(similarities.matrix[singles].max(axis=1).min())
    if closest < EMBEDDING_MATCH:
        return list(differences), []

    def reworded(d: Difference) -> str | None:
        if d.kind != "added" or d.evidence != "back-translation":
            return None
        return (f"the back-translation adds {d.quote_side!r}, while every clause of the "
                f"quote's own words renders one of the tweet (clause embedding at least "
                f"{closest:.2f}): a translation artefact, not counted")

    return _set_aside(differences, reworded)


def _set_aside(differences: Sequence[Difference],
               reason: Callable[[Difference], str | None]) -> tuple[list[Difference], list[str]]:
    """The differences `reason` has nothing against, and its note on each of the others."""
    kept, notes = [], []
    for d in differences:
        note = reason(d)
        if note is None:
            kept.append(d)
        else:
            notes.append(note)
    return kept, notes


def _rendered_clause(difference: Difference, tweet_units: Sequence[str],
                     best: dict[tuple[int, int], float]) -> float | None:
    """The closest a quote clause comes to a short cut clause of the back-translation
    reading, when that is close enough to render it; None otherwise."""
    side = difference.tweet_side
    if (difference.kind != "cut" or difference.evidence != "back-translation" or not side
            or len(side.split()) >= LONG_CUT):
        return None
    bare = bare_words(side)
    for k, unit in enumerate(tweet_units):
        if bare and bare == bare_words(unit):
            value = best[(k, k + 1)]
            return value if value >= EMBEDDING_MATCH else None
    return None


def unpaired_negations(
    differences: Sequence[Difference], similarities: ClauseSimilarities | None
) -> tuple[list[Difference], list[str]]:
    """Negations read between a quote sentence and a tweet sentence that do not render
    each other: no clause of the one comes as close to a clause of the other as a quote
    must come to match a tweet (EMBEDDING_MATCH). Sentences are paired by their order and
    lengths; where a quote skips one, or was said elsewhere, a pair may be unrelated, and
    a negation on one side of it is no flip. Dropped, with a note each."""
    if similarities is None:
        return list(differences), []

    def unpaired(d: Difference) -> str | None:
        closeness = _pair_similarity(d, similarities) if d.kind == "negation" else None
        if closeness is None:
            return None
        closest, elsewhere = closeness
        if closest < EMBEDDING_MATCH:
            return (f"a negation read between {d.quote_side!r} and {d.tweet_side!r}, which "
                    f"do not render each other (closest clauses {closest:.2f}): not counted")
        if elsewhere:
            return (f"a negation read between {d.quote_side!r} and {d.tweet_side!r}, whose "
                    f"clauses render other sentences better ({elsewhere:.2f} against "
                    f"{closest:.2f}): not counted")
        return None

    return _set_aside(differences, unpaired)


def _pair_similarity(difference: Difference, similarities: ClauseSimilarities
                     ) -> tuple[float, float] | None:
    """The closest any run of clauses of the quote side comes to one of the tweet side,
    and how close the pair's runs of one side come to the other side's runs outside the
    pair, where every one of them comes closer there (otherwise 0): a side whose every
    clause renders another sentence better was paired with the wrong sentence. None
    where a side's clauses cannot be found (a back-translation's sentence)."""
    quote_runs, other_quote = _runs_by_sentence(similarities.quote_units, difference.quote_side)
    tweet_runs, other_tweet = _runs_by_sentence(similarities.tweet_units, difference.tweet_side)
    if not quote_runs or not tweet_runs:
        return None
    pair = similarities.matrix[np.ix_(quote_runs, tweet_runs)]
    elsewhere = 0.0
    if other_tweet:  # each quote run of the pair against the tweet's other sentences
        rows = similarities.matrix[np.ix_(quote_runs, other_tweet)].max(axis=1)
        if bool((rows > pair.max(axis=1) + PAIR_MARGIN).all()):
            elsewhere = float(rows.min())
    if other_quote:  # each tweet run of the pair against the quote's other sentences
        columns = similarities.matrix[np.ix_(other_quote, tweet_runs)].max(axis=0)
        if bool((columns > pair.max(axis=0) + PAIR_MARGIN).all()):
            elsewhere = max(elsewhere, float(columns.min()))
    return float(pair.max()), elsewhere


def _runs_by_sentence(units: Sequence[str], sentence: str | None
                      ) -> tuple[list[int], list[int]]:
    """The indices (in `clause_runs` order) of the runs whose every unit is in `sentence`
    (none without one), and of those with no unit in it."""
    text = f" {bare_words(sentence or '')} "
    inside = {k for k, unit in enumerate(units)
              if (words := bare_words(unit)) and f" {words} " in text}
    within, without = [], []
    for n, (i, j) in enumerate(clause_runs(len(units))):
        if sentence and all(k in inside for k in range(i, j)):
            within.append(n)
        elif not any(k in inside for k in range(i, j)):
            without.append(n)
    return within, without


@dataclass(frozen=True, slots=True)
class ClauseGap:
    kind: str  # "added" (a quote clause) or "cut" (a tweet clause)
    text: str
    similarity: float  # its closest run of the other side
    gain: float  # the most a run of two gains by holding it (< 0: each is further with it)


@dataclass(frozen=True, slots=True)
class _GapCheck:
    """What the gap rules read: each side's clauses, how close each run of them comes to
    the other side, and where the quote is placed in the tweet."""

    quote_units: tuple[str, ...]
    tweet_units: tuple[str, ...]
    q_best: dict[tuple[int, int], float]  # per run of quote units: its closest tweet run
    t_best: dict[tuple[int, int], float]  # per run of tweet units: its closest quote run
    placed: tuple[tuple[int, int], ...]  # (quote unit, tweet unit), see `_placed`
    quote_table: LanguageData
    english: LanguageData

    @property
    def rendered(self) -> list[int]:
        """The tweet units the quote is placed on, in order."""
        return sorted({t for _, t in self.placed})


GapRule = Callable[[_GapCheck, int], bool]


def _quote_unit_unplaced(check: _GapCheck, k: int) -> bool:
    return k not in {q for q, _ in check.placed}


def _quote_unit_substantive(check: _GapCheck, k: int) -> bool:
    return substantive(check.quote_units[k], check.quote_table)


def _quote_unit_far(check: _GapCheck, k: int) -> bool:
    return check.q_best[(k, k + 1)] < EMBEDDING_MATCH


def _quote_unit_pulls_away(check: _GapCheck, k: int) -> bool:
    gain = _gain(check.q_best, k)
    return gain is not None and gain < -ADDED_PULL_MARGIN


def _tweet_unit_inside(check: _GapCheck, k: int) -> bool:
    # Inside the span a tweet clause is judged by its own similarity, placed or not: a
    # run of two may be a quote clause's closest by a hair over the clause it renders.
    rendered = check.rendered
    return bool(rendered) and rendered[0] < k < rendered[-1]


def _tweet_unit_substantive(check: _GapCheck, k: int) -> bool:
    return substantive(check.tweet_units[k], check.english)


def _tweet_unit_far(check: _GapCheck, k: int) -> bool:
    return check.t_best[(k, k + 1)] < EMBEDDING_MATCH


def _tweet_unit_pulls_away(check: _GapCheck, k: int) -> bool:
    gain = _gain(check.t_best, k)
    return gain is not None and gain < 0


# A quote clause is added, a tweet clause cut, when all of its rules hold, in order.
ADDED_RULES: tuple[GapRule, ...] = (
    _quote_unit_unplaced, _quote_unit_substantive, _quote_unit_far, _quote_unit_pulls_away,
)
CUT_RULES: tuple[GapRule, ...] = (
    _tweet_unit_inside, _tweet_unit_substantive, _tweet_unit_far, _tweet_unit_pulls_away,
)


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
    check = _gap_check(similarities, quote_table)
    gaps = _gaps(check, "added", check.quote_units, check.q_best, ADDED_RULES)
    gaps += _gaps(check, "cut", check.tweet_units, check.t_best, CUT_RULES)
    return gaps, {check.quote_units[q] for q, _ in check.placed}


def _gap_check(similarities: ClauseSimilarities, quote_table: LanguageData) -> _GapCheck:
    quote_units, tweet_units = similarities.quote_units, similarities.tweet_units
    matrix = similarities.matrix
    english = lang.get("en")
    q_runs, t_runs = clause_runs(len(quote_units)), clause_runs(len(tweet_units))
    placed = _placed(
        matrix, q_runs, t_runs,
        [substantive(t, quote_table) for t in run_texts(quote_units)],
        [substantive(t, english) for t in run_texts(tweet_units)],
    )
    return _GapCheck(
        quote_units, tweet_units,
        dict(zip(q_runs, (float(x) for x in matrix.max(axis=1)), strict=True)),
        dict(zip(t_runs, (float(x) for x in matrix.max(axis=0)), strict=True)),
        tuple(placed), quote_table, english,
    )


def _gaps(
    check: _GapCheck,
    kind: str,
    units: Sequence[str],
    best: dict[tuple[int, int], float],
    rules: tuple[GapRule, ...],
) -> list[ClauseGap]:
    """The units of one side that every rule calls unrendered."""
    found = []
    for k, unit in enumerate(units):
        gain = _gain(best, k)
        if gain is not None and all(rule(check, k) for rule in rules):
            found.append(ClauseGap(kind, unit, best[(k, k + 1)], gain))
    return found


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
