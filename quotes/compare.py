"""The compare stage: a verdict for each statement, with its evidence.

`verbatim` (same language, same words), `faithful` (a translation keeping every anchor
and the sense), `paraphrase` (same claim, looser words), `distortion` (a number, scale,
negation or handle changed), `misattributed` (the words are another person's tweet) or
`unmatched` (nothing in the archive is close enough). Pure: it reads the quote, its
attribution, back-translation, match decision and anchors, and returns a `Verdict`.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotes import lang
from quotes.anchors import Anchor, compare_anchors, extract_anchors
from quotes.match import FUZZY_SURE, FUZZY_VERBATIM, Decision, normalize_for_fuzzy
from quotes.models import Attribution, Difference, Quote, Translated, Verdict
from quotes.text import words

# Embedding similarity above which an anchors-only translation counts as faithful.
EMBEDDING_FAITHFUL = 0.875
# ... or above this one when it also keeps every number, handle and link of the tweet.
EMBEDDING_ANCHORED_FAITHFUL = 0.85
# Anchor kinds whose change is a distortion.
DISTORTING_ANCHORS = ("number", "handle", "hashtag", "url")


def judge(
    quote: Quote,
    attribution: Attribution | None,
    translated: Translated | None,
    decision: Decision,
    quote_anchors: Sequence[Anchor],
) -> Verdict:
    match = decision.match
    if match is None:
        return Verdict("unmatched", _unmatched_confidence(decision), decision.method,
                       notes=(decision.reason,))
    tweet_anchors = extract_anchors(match.segment if match.fragment else match.tweet.text,
                                    lang.get("en"))
    differences = list(_anchor_differences(quote_anchors, tweet_anchors, fragment=match.fragment))
    if translated is not None:
        differences += _negation_differences(translated.text, match.segment)
    notes = [decision.reason]
    if match.fragment:
        notes.append("the quote renders part of the tweet")

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

    if differences:
        return Verdict("distortion", _confidence(match.score, match.margin), decision.method,
                       tuple(differences), match, tuple(notes))
    same_language = quote.language == "en"
    if same_language and (match.fuzzy or 0) >= FUZZY_VERBATIM:
        return Verdict("verbatim", _confidence(match.score, match.margin), decision.method,
                       (), match, tuple(notes))
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
    return Verdict(label, _confidence(match.score, match.margin), decision.method, (), match,
                   tuple(notes))


def _anchor_differences(
    quote: Sequence[Anchor], tweet: Sequence[Anchor], *, fragment: bool
) -> list[Difference]:
    """Numbers, handles, hashtags and URLs in the quote that the tweet does not have.

    A number in the quote that the tweet lacks, where the tweet has a number of the same
    kind, is a changed number; one the tweet lacks entirely was added. Anchors the tweet
    has and a fragment leaves out are no difference."""
    comparison = compare_anchors(quote, tweet, kinds=DISTORTING_ANCHORS)
    unmatched_tweet = list(comparison.only_tweet)
    differences = []
    for anchor in comparison.only_quote:
        counterpart = next(
            (t for t in unmatched_tweet if t.kind == anchor.kind and _same_unit(anchor, t)), None
        )
        if counterpart is not None:
            unmatched_tweet.remove(counterpart)
        differences.append(
            Difference(anchor.kind, anchor.text, counterpart.text if counterpart else None,
                       "anchors")
        )
    if not fragment:
        differences += [
            Difference(t.kind, None, t.text, "anchors")
            for t in unmatched_tweet
            if t.kind == "number"
        ]
    return differences


def _same_unit(a: Anchor, b: Anchor) -> bool:
    return a.kind != "number" or a.unit == b.unit or a.unit is None or b.unit is None


def _negation_differences(back_translation: str, tweet_part: str) -> list[Difference]:
    """A negation present on one side only (first version: counted per text)."""
    negations = lang.get("en").negations
    def count(text: str) -> int:
        lowered = normalize_for_fuzzy(text.replace("n't", " not"))
        return sum(1 for w in words(lowered) if w.lower in negations)
    q, t = count(back_translation), count(tweet_part)
    # Counting whole texts is coarse ("I still don't understand" for "I'm still
    # confused"): only a negation present on one side and absent on the other counts.
    if (q == 0) == (t == 0):
        return []
    return [Difference("negation", f"{q} negation(s)", f"{t} negation(s)", "back-translation")]


def _confidence(score: float, margin: float | None) -> float:
    value = 0.5 + (score - 0.8) * 2.5 + (margin or 0) * 2
    return round(min(0.99, max(0.05, value)), 2)


def _unmatched_confidence(decision: Decision) -> float:
    return 0.8 if "no candidate" in decision.reason else 0.6
