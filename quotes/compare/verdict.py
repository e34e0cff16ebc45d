"""The verdict: every difference between a quote and its tweet gathered, then an ordered
list of rules over them says which of the labels of `quotes.models.VerdictLabel` the
quote earns."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from rapidfuzz import fuzz

from quotes import lang
from quotes.anchors import extract_anchors, implicit_counts
from quotes.compare import reliability
from quotes.compare.alignment import (
    Alignment,
    Sides,
    align,
    pairs_for,
    renders_whole,
    same_text,
    tweet_table,
)
from quotes.compare.anchor_differences import (
    anchor_differences,
    dropped_opinion,
    hedge_differences,
    hedges_in,
    name_differences,
    opinion_markers_in,
    translation_artefacts,
)
from quotes.compare.clause_embeddings import (
    ClauseSimilarities,
    embedding_differences,
    reworded_additions,
    reworded_cuts,
    unpaired_negations,
)
from quotes.compare.clause_words import content_differences
from quotes.compare.edges import without_open_start
from quotes.compare.kinds import DISTORTING_KINDS, NOTED_KINDS
from quotes.compare.narration import narration_spans
from quotes.compare.negation import (
    BALANCED_NEGATIONS,
    balanced_negations,
    confirm_in_source,
    dropped_conditions,
    polarity_differences,
    rendered_sentences,
)
from quotes.compare.quantifiers import quantifier_differences
from quotes.compare.reliability import bare_words
from quotes.match import FUZZY_SURE, FUZZY_VERBATIM
from quotes.models import (
    Anchor,
    Attribution,
    Decision,
    Difference,
    Evidence,
    Quote,
    SpeakerCheck,
    Translated,
    TweetMatch,
    Verdict,
    VerdictLabel,
)
from quotes.text import loose_sentences
from quotes.threads import goes_on, went_on

VERBATIM: Final[VerdictLabel] = "verbatim"
FAITHFUL: Final[VerdictLabel] = "faithful"
PARAPHRASE: Final[VerdictLabel] = "paraphrase"
DISTORTION: Final[VerdictLabel] = "distortion"
MISATTRIBUTED: Final[VerdictLabel] = "misattributed"
UNMATCHED: Final[VerdictLabel] = "unmatched"

# Embedding similarity above which an anchors-only translation counts as faithful.
EMBEDDING_FAITHFUL = 0.875
# ... or above this one when it also keeps every number, handle and link of the tweet.
EMBEDDING_ANCHORED_FAITHFUL = 0.84

# Notes on how far added and cut clauses were checked without a back-translation.
NO_CLAUSE_CHECK = ("no back-translation: added or cut clauses not checked (anchors, names, "
                   "negations and hedges only)")
EMBEDDED_CLAUSE_CHECK = ("no back-translation: added or cut clauses checked by clause "
                         "embeddings only, reworded ones not")
FRAGMENT_NOTE = "the quote renders part of the tweet"
SPEAKER_NOT_CHECKED = "speaker not resolved to an archive author: attribution not checked"
UNJUDGED_CONFIDENCE = 0.6  # as sure as an unmatched quote with candidates
CLAIMS_NOTHING = ("the quote names no speaker or medium and the nearest tweet is no plausible "
                  "source: not judged")


@dataclass(frozen=True, slots=True)
class Case:
    """What the verdict rules read: the matched quote and everything found against it."""

    quote: Quote
    method: str  # the signals that decided the match
    match: TweetMatch
    differences: tuple[Difference, ...]
    notes: tuple[str, ...]
    speaker: Difference | None  # the article names someone other than the tweet's author
    claims_nothing: bool = False  # the article names no speaker and no medium for the quote
    speaker_check: SpeakerCheck | None = None  # who the article names against the author

    @property
    def confidence(self) -> float:
        return _confidence(self.match.score, self.match.margin)

    def verdict(self, label: VerdictLabel, differences: tuple[Difference, ...] = ()) -> Verdict:
        check = self.speaker_check.status if self.speaker_check else None
        return Verdict(label, self.confidence, self.method, differences, self.match, self.notes,
                       check)


VerdictRule = Callable[[Case], Verdict | None]


def _claims_nothing(case: Case) -> Verdict | None:
    """A quote that names no source cannot distort one: a loose match is no accusation."""
    distorting = any(d.kind in DISTORTING_KINDS for d in case.differences)
    if not case.claims_nothing or not distorting or _close(case.match):
        return None
    return Verdict(UNMATCHED, UNJUDGED_CONFIDENCE, case.method, notes=(*case.notes, CLAIMS_NOTHING))


def _misattributed(case: Case) -> Verdict | None:
    """Another person's words, or a look-alike, parody or impostor account's: only where
    the tweet renders the quote closely. Words given to another person are an accusation;
    a loose likeness to someone else's post (a spoken sentence on the same day and subject)
    shows only that the named speaker's posts do not say it."""
    if case.speaker is None:
        return None
    if not _renders(case.match):
        note = (f"the closest post is by {case.speaker.tweet_side} and renders the quote "
                f"only loosely (embedding {case.match.embedding or 0:.3f}): no post of "
                f"{case.speaker.quote_side} says this")
        return Verdict(UNMATCHED, UNJUDGED_CONFIDENCE, case.method,
                       notes=(*case.notes, note))
    return case.verdict(MISATTRIBUTED, (case.speaker, *case.differences))


def _renders(match: TweetMatch) -> bool:
    """Close by either signal: the back-translation's (or own words') fuzzy score, or the
    embedding (`_close` for an anchors-only match)."""
    return (match.fuzzy or 0) >= FUZZY_SURE or _close(replace(match, fuzzy=None))


def _distorted(case: Case) -> Verdict | None:
    """A distortion needs one difference that is likely a real one (`reliability`): the
    rules that find differences also fire on faithful renderings."""
    if not any(_reliable(d) for d in case.differences):
        return None
    return case.verdict(DISTORTION, case.differences)


def _reliable(difference: Difference) -> bool:
    """A difference of a distorting kind likely real; one not weighed counts as the rules
    found it."""
    if difference.kind not in DISTORTING_KINDS:
        return False
    return (difference.reliability is None
            or difference.reliability >= reliability.shipped_model().threshold)


def _reworded(case: Case) -> Verdict | None:
    if not any(d.kind not in NOTED_KINDS for d in case.differences):
        return None
    return case.verdict(PARAPHRASE, case.differences)


def _weighed(differences: Sequence[Difference], match: TweetMatch,
             evidence: Evidence | None, quote: Quote) -> tuple[Difference, ...]:
    """The differences, each of a distorting kind with its probability of being real."""
    model = reliability.shipped_model()
    rows = reliability.feature_rows(differences, match, evidence, quote.language, quote.text)
    return tuple(
        replace(d, reliability=round(model.probability(row), 3))
        if row is not None and d.kind in DISTORTING_KINDS else d
        for d, row in zip(differences, rows, strict=True)
    )


def _verbatim(case: Case) -> Verdict | None:
    """The tweet's own words: a quote whose own words (no back-translation: English, or
    the tweet's language) the match's fuzzy score finds as close, or a quote in the
    tweet's own language (German, Italian …) that spells it alike."""
    own_words = case.quote.language == "en" or "mt+" not in case.method
    if own_words and (case.match.fuzzy or 0) >= FUZZY_VERBATIM:
        return case.verdict(VERBATIM, case.differences)
    tweet = case.match.tweet.text
    if (case.quote.language != "en" and tweet_table(tweet).code == case.quote.language
            and fuzz.partial_ratio(case.quote.text.casefold(), tweet.casefold())
            >= FUZZY_VERBATIM):
        return case.verdict(VERBATIM, case.differences)
    return None


def _faithful(case: Case) -> Verdict | None:
    """Anchors-only: a close embedding, or a fair one with every number and handle kept."""
    return case.verdict(FAITHFUL, case.differences) if _close(case.match) else None


def _loosely_rendered(case: Case) -> Verdict | None:
    return case.verdict(PARAPHRASE, case.differences)


# Tried in order; the first that returns a verdict gives it (the last always does).
VERDICT_RULES: tuple[VerdictRule, ...] = (
    _claims_nothing, _misattributed, _distorted, _reworded, _verbatim, _faithful,
    _loosely_rendered,
)


def judge(
    quote: Quote,
    attribution: Attribution | None,
    translated: Translated | None,
    decision: Decision,
    quote_anchors: Sequence[Anchor],
    clauses: ClauseSimilarities | None = None,
    speaker: SpeakerCheck | None = None,
) -> Verdict:
    """The verdict on a quote; `speaker`, when given, is the check of its attribution
    against the matched tweet's author (`compare.speaker`), else only an attribution
    resolved to another archive author counts."""
    if decision.match is None:
        return Verdict(UNMATCHED, _unmatched_confidence(decision), decision.method,
                       notes=(decision.reason,))
    case = _case(quote, attribution, translated, decision, decision.match, quote_anchors,
                 clauses)
    if speaker is not None:
        notes = [n for n in case.notes if n != SPEAKER_NOT_CHECKED]
        case = replace(case, speaker=speaker.difference, speaker_check=speaker,
                       notes=tuple(notes + ([speaker.note] if speaker.note else [])))
    for rule in VERDICT_RULES:
        verdict = rule(case)
        if verdict is not None:
            return verdict
    raise AssertionError("the last verdict rule always gives a verdict")


def _case(
    quote: Quote,
    attribution: Attribution | None,
    translated: Translated | None,
    decision: Decision,
    match: TweetMatch,
    quote_anchors: Sequence[Anchor],
    clauses: ClauseSimilarities | None,
) -> Case:
    source = lang.get_or_english(quote.language)
    marks_omission = _OMISSION_MARK.search(quote.text) is not None
    quote, quote_anchors = _without_glosses(quote, quote_anchors, match.tweet.text)
    sides = Sides(quote.text, source, match.tweet.text, match.segment, False, marks_omission,
                  _posted_year(match))
    fragment = _renders_part(sides, match)
    sides = replace(sides, fragment=fragment)
    differences, notes = find_differences(
        sides, quote_anchors, translated.text if translated else None
    )
    # A difference must differ: two sides that say the same are never one.
    differences = [d for d in differences if not same_text(d.quote_side, d.tweet_side)]
    notes = [decision.reason, *notes]
    if clauses is not None:
        notes = [EMBEDDED_CLAUSE_CHECK if n == NO_CLAUSE_CHECK else n for n in notes]
    differences, unpaired = unpaired_negations(differences, clauses)
    notes += unpaired
    if translated is not None:
        differences, discounted = reworded_cuts(differences, clauses)
        notes += discounted
        differences, discounted = reworded_additions(differences, clauses)
        notes += discounted
    else:
        differences += embedding_differences(
            decision.unsupported, clauses, source, match.tweet.text,
            found={d.kind for d in differences},
        )
    if marks_omission:
        differences, notes = _without_marked_omissions(differences, notes)
    differences, notes = _without_thread_edges(differences, notes, quote.text, match.tweet.text)
    differences, notes = without_open_start(differences, notes, quote.text, match.tweet.text)
    if fragment:
        notes.append(FRAGMENT_NOTE)
    # The report's match says what this stage found: a quote as long as its tweet renders
    # all of it even when one of the tweet's sentences matched best.
    match = replace(match, fragment=fragment)
    speaker = _speaker_difference(attribution, match)
    if attribution is None or attribution.author_handle is None:
        notes.append(SPEAKER_NOT_CHECKED)
    claims_nothing = attribution is None or (attribution.speaker is None
                                             and attribution.medium == "none")
    weighed = _weighed(differences, match, decision.evidence, quote)
    return Case(quote, decision.method, match, weighed, tuple(notes), speaker, claims_nothing)


def _posted_year(match: TweetMatch) -> int | None:
    return match.tweet.created_at.year if match.tweet.created_at else None


def _renders_part(sides: Sides, match: TweetMatch) -> bool:
    """Does the quote render only part of its tweet? A translation with fewer sentences
    than its tweet does, whichever segment matched best: the tweet's other sentences are
    no cut (a clause missing inside a sentence it renders still is). In the tweet's own
    language, one that the tweet holds word for word (a quote that stops before the
    tweet's last sentence); one that skips a sentence inside is no part but a cut."""
    fewer = len(loose_sentences(sides.quote)) < len(loose_sentences(sides.tweet))
    if sides.source.code == sides.target.code:
        # Spacing aside: an editor's gloss is blanked out of the quote ("quo vadis (Latin:
        # where are you heading)?"), and archived tweets lose spaces.
        quote, tweet = (" ".join(t.casefold().split()) for t in (sides.quote, sides.tweet))
        if went_on(tweet):
            # A post continuing a thread: the quote may open with the post before it
            # ("Let this serve as a WARNING that …" before "....targeted 52 …").
            quote = quote[max(0, _post_opening(quote, tweet)):]
        fewer = fewer and fuzz.partial_ratio(quote, tweet) >= FUZZY_VERBATIM
    return (match.fragment or fewer) and not renders_whole(sides.quote, sides.tweet)


# An editor's insertion: anything in square brackets ("[sic]", "[militares]"), and a
# parenthesis where the tweet has none ("Twitter (X)", "(the former name of X - ed.)").
_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_PARENTHESIZED = re.compile(r"\([^()]*\)")


def _without_glosses(
    quote: Quote, anchors: Sequence[Anchor], tweet: str
) -> tuple[Quote, Sequence[Anchor]]:
    """The quote with what the journalist inserted blanked out (offsets kept): brackets,
    and narration left inside the marks ("– ha scritto la sindaca il 3 marzo –"); and its
    anchors outside them: differences come from the quote's own words."""
    spans = [m.span() for m in _BRACKETED.finditer(quote.text)]
    if "(" not in tweet:
        spans += [m.span() for m in _PARENTHESIZED.finditer(quote.text)]
    # An insertion that states the speaker's hedge or opinion ("[in my opinion]" for
    # "imo") renders the tweet's own.
    table = lang.get_or_english(quote.language)
    spans = [(s, e) for s, e in spans if not (hedges_in(quote.text[s:e], table)
                                              or opinion_markers_in(quote.text[s:e], table))]
    spans += narration_spans(quote.text, table, tweet)
    if not spans:
        return quote, anchors
    text = quote.text
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    kept = [a for a in anchors if not any(s <= a.start < e for s, e in spans)]
    return replace(quote, text=text), kept


# An omission the journalist marks: "(…)", "[...]".
_OMISSION_MARK = re.compile(r"[(\[]\s*(?:…|\.\.\.)\s*[)\]]")
OMISSION_NOTE = ("the quote marks an omission (…): what the tweet says there is left out "
                 "openly, no cut")


def _without_marked_omissions(
    differences: list[Difference], notes: list[str]
) -> tuple[list[Difference], list[str]]:
    """A quote that marks an omission says it leaves part of the tweet out: what the tweet
    has and the quote lacks (a clause, a number, a name) is no hidden cut. What the quote
    states otherwise (a changed number, a flipped negation, an added clause) still is."""
    kept = [d for d in differences
            if not (d.quote_side is None and d.kind in _LEFT_OUT_KINDS)]
    return kept, ([*notes, OMISSION_NOTE] if len(kept) < len(differences) else notes)


_LEFT_OUT_KINDS = frozenset({"cut", "number", "year", "name"})

THREAD_NOTE = ("the tweet is part of a thread: what the quote has before or after its "
               "words may come from the post beside it, which the archive lacks: not "
               "counted as added")


def _without_thread_edges(differences: list[Difference], notes: list[str], quote: str,
                          tweet: str) -> tuple[list[Difference], list[str]]:
    """A clause the quote adds before a post that continues a thread, or after one that
    goes on in the next, is the thread's other post quoted along with it ("Let this serve
    as a WARNING that …" of the post before "....targeted 52 Iranian sites"): it lies
    before the post's first words (or after its last) where the quote has them, else it
    opens (or closes) the quote."""
    before, after = went_on(tweet), goes_on(tweet)
    if not (before or after):
        return differences, notes
    text, post = bare_words(quote), bare_words(tweet)
    first = _post_opening(text, post) if before else -1
    last = text.rfind(" ".join(post.split()[-_EDGE_WORDS:])) if after else -1

    def at_edge(d: Difference) -> bool:
        side = bare_words(d.quote_side or "")
        at = text.find(side)
        if d.kind != "added" or not side or at < 0:
            return False
        return bool((before and (text.startswith(side) or 0 < at + len(side) <= first))
                    or (after and (text.endswith(side) or 0 <= last < at)))

    kept = [d for d in differences if not at_edge(d)]
    return kept, ([*notes, THREAD_NOTE] if len(kept) < len(differences) else notes)


# How many of a post's first (last) words place it in a quote that goes beyond it.
_EDGE_WORDS = 3


def _post_opening(quote: str, post: str) -> int:
    """Where the post's first words (its continuation dots aside) stand in the quote, both
    normalized alike; -1 where they do not."""
    return quote.find(" ".join(post.lstrip(" .…").split()[:_EDGE_WORDS]))


def _speaker_difference(attribution: Attribution | None, match: TweetMatch) -> Difference | None:
    """The speaker the article names, when it resolves to another author than the tweet's."""
    speaker = attribution.author_handle if attribution else None
    if speaker is None or speaker.casefold() == match.tweet.author_handle.casefold():
        return None
    return Difference("speaker", attribution.speaker if attribution else None,
                      f"@{match.tweet.author_handle}", "attribution")


def _close(match: TweetMatch) -> bool:
    """Close enough for an anchors-only translation to be faithful."""
    if match.fuzzy is not None:
        return match.fuzzy >= FUZZY_SURE
    embedding = match.embedding or 0
    return embedding >= EMBEDDING_FAITHFUL or (
        embedding >= EMBEDDING_ANCHORED_FAITHFUL and match.shared_anchors > 0
    )


def find_differences(
    sides: Sides, quote_anchors: Sequence[Anchor], back_translation: str | None
) -> tuple[list[Difference], list[str]]:
    """Every difference between quote and tweet, and notes on what was not checked or
    was discounted as a translation artefact."""
    english = lang.get("en")
    target = sides.target  # the tweet's own language
    tweet_anchors = extract_anchors(sides.tweet, target)
    alignment = align(sides, quote_anchors, tweet_anchors)
    # A fragment placed by no shared word may sit anywhere: a tweet number outside it is
    # no number it lost.
    implicit = (implicit_counts(sides.quote, sides.source),
                implicit_counts(sides.tweet, target))
    differences = anchor_differences(quote_anchors, tweet_anchors,
                                     alignment.span if alignment.placed else (0, 0), implicit,
                                     sides.posted_year)
    differences += name_differences(sides, quote_anchors, tweet_anchors, alignment,
                                    back_translation)
    notes: list[str] = []
    if back_translation is not None:
        notes += translation_artefacts(back_translation, quote_anchors, tweet_anchors,
                                       alignment.span)
    flips, discounted = _negation_flips(sides, alignment, back_translation)
    differences += flips
    notes += discounted
    differences += quantifier_differences(
        pairs_for(sides.quote, alignment) or [(sides.quote, alignment.part)],
        sides.source, target,
    )
    differences += dropped_conditions(sides, alignment)
    if sides.fragment:
        differences += dropped_opinion(sides.quote, sides.source,
                                       rendered_sentences(sides.tweet, alignment.span), target)
    # An English quote is its own back-translation only of an English tweet: against a
    # tweet in another language its words share nothing but names, and every clause
    # would read as added or cut.
    english_text = back_translation if back_translation is not None else (
        sides.quote if sides.source.code == english.code == target.code else None
    )
    if english_text is None:
        notes.append(NO_CLAUSE_CHECK)
        differences += hedge_differences(sides.quote, sides.source, alignment.part, target)
        return _one_opinion(differences), notes
    evidence = "back-translation" if back_translation is not None else "source-language"
    content = content_differences(english_text, alignment.part, evidence,
                                  fragment=sides.fragment)
    if back_translation is not None and (hedges_in(sides.quote, sides.source)
                                         or opinion_markers_in(sides.quote, sides.source)):
        # The quote itself hedges: a hedge lost on the way back is the model's doing.
        content = [d for d in content if d.kind not in ("hedge", "opinion")]
    differences += content
    return _one_opinion(differences), notes


def _negation_flips(sides: Sides, alignment: Alignment, back_translation: str | None
                    ) -> tuple[list[Difference], list[str]]:
    """Negations flipped between paired sentences, read in the back-translation (then
    confirmed in the quote's own words) or in the quote itself; notes on those discounted."""
    target = sides.target
    if back_translation is not None:
        flips = polarity_differences(pairs_for(back_translation, alignment, target),
                                     lang.get("en"), "back-translation", target)
        return _unless_balanced(*confirm_in_source(flips, sides, alignment), sides, alignment)
    if sides.omits:
        # Pieces joined across a marked omission ("… (…) …") pair with no one tweet
        # sentence, and may come from anywhere in it: only a negation the quote states
        # where the tweet has none.
        return polarity_differences([(sides.quote, sides.tweet)], sides.source,
                                    "source-language", target, partial=True), []
    flips = polarity_differences(pairs_for(sides.quote, alignment, target), sides.source,
                                 "source-language", target, partial=sides.fragment)
    return _unless_balanced(flips, [], sides, alignment)


def _unless_balanced(flips: list[Difference], notes: list[str], sides: Sides,
                     alignment: Alignment) -> tuple[list[Difference], list[str]]:
    """The flips, none where the quote negates as many clauses as the part of the tweet it
    renders (`balanced_negations`)."""
    if flips and balanced_negations(sides, alignment):
        return [], [*notes, BALANCED_NEGATIONS]
    return flips, notes


def _one_opinion(differences: list[Difference]) -> list[Difference]:
    """One dropped opinion marker is one difference, however many checks saw it."""
    seen: set[str | None] = set()
    kept = []
    for d in differences:
        if d.kind == "opinion":
            if d.tweet_side in seen:
                continue
            seen.add(d.tweet_side)
        kept.append(d)
    return kept


def _confidence(score: float, margin: float | None) -> float:
    value = 0.5 + (score - 0.8) * 2.5 + (margin or 0) * 2
    return round(min(0.99, max(0.05, value)), 2)


def _unmatched_confidence(decision: Decision) -> float:
    return 0.8 if "no candidate" in decision.reason else 0.6
