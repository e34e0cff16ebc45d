"""How far a difference the compare stage found is a real distortion, as one calibrated
probability: the verdict `distortion` needs a difference whose probability reaches the
shipped threshold.

The rules that find differences (a number, a name, a negation, a clause added or cut …)
are tuned to catch changes; on real renderings they also fire on what a translator did
faithfully. Which of their findings can be trusted depends on what they rest on: the kind
of difference, whether it was read in the quote's own words or only through a translation
model or an embedding, whether the quote states something the tweet does not or only
leaves something out, whether a negation was read across two languages and beside a word
that languages render with or without one ("unless" / "kecuali"), and for a clause only
embeddings saw added or cut, where it sits and how long it is (a reporter's "– ha scritto
–" or lead-in left inside the quote marks, a splitter's broken-off piece, against a
sentence tacked on at the end or a whole clause left out). A logistic regression
over those features (`FEATURE_NAMES`), fitted by `benchmarks/fit_distortion.py` on the
tuning part only (folds by story, its L2 strength and threshold chosen out of fold), is
shipped as `quotes/data/distortion.json`. Pure: plain dataclasses in, floats out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from quotes import lang
from quotes.compare.alignment import tweet_table
from quotes.compare.negation import continues, polarity_ambiguous
from quotes.decision import Logistic, sigmoid, weights_json
from quotes.lang import LanguageData
from quotes.models import Difference, Evidence, TweetMatch
from quotes.text import find_phrase, words

MODEL_FILE = Path(__file__).resolve().parents[1] / "data" / "distortion.json"
# Difference kinds grouped by what they rest on: an anchor read in both texts, a name,
# a negation, a whole clause, how the tweet frames its claim ("imo", "unless …"), a
# quantifier ("most" / "many").
KIND_GROUPS: Mapping[str, str] = {
    "number": "anchor", "year": "anchor", "handle": "anchor", "hashtag": "anchor",
    "url": "anchor", "name": "name", "negation": "negation", "cut": "clause",
    "added": "clause", "opinion": "framing", "condition": "framing",
    "quantifier": "quantifier",
}
# A cut clause this long (in words) is one of its own, not a piece broken off a sentence.
LONG_CUT = 8
GROUPS = ("anchor", "name", "negation", "clause", "framing", "quantifier")
FEATURE_NAMES: tuple[str, ...] = (
    *(f"kind_{g}" for g in GROUPS), "states", "by_embedding", "by_back_translation",
    "negation_across", "polarity_ambiguous", "same_language",
    "clause_narration", "clause_opens_quote", "clause_closes_quote", "cut_long",
)
# Tried and left out: how sure the match is (its source probability), the embedding's
# excess over unrelated pairs, the length ratio, whether the quote renders part of its
# tweet, how many differences it has, and the similarity an embedding difference states.
# With them the out-of-fold log loss on the real tuning quotes was 25.9, without 21.2
# (`fit_distortion.py`): on so few real false alarms they fitted noise.


def same_language(evidence: Evidence | None) -> bool | None:
    """Are the texts the match compared in one language? None: no model decided."""
    read = dict(evidence.features) if evidence is not None else {}
    same = read.get("same_language")
    return None if same is None else bool(same)


@dataclass(frozen=True, slots=True)
class ClausePlace:
    """Where a clause the quote has and the tweet lacks sits, and what it says: what tells
    a reporter's words left inside the quote marks ("– ha scritto il presidente –", a
    lead-in "O líder disse que …") from a sentence the speaker never wrote tacked on."""

    narration: bool  # it holds a speech verb of its language ("said", "ha scritto")
    opens_quote: bool  # the quote begins with it
    closes_quote: bool  # a sentence of its own (a capital first) that ends the quote


NO_PLACE = ClausePlace(False, False, False)


def clause_place(difference: Difference, quote: str, table: LanguageData) -> ClausePlace:
    """The place of an added clause (`quote_side`) in the quote; a cut clause or another
    kind has none (its place is in the tweet, which a faithful quote may render in part)."""
    side = difference.quote_side
    if difference.kind != "added" or not side or not quote.strip():
        return NO_PLACE
    bare, text = bare_words(side), bare_words(quote)
    opens = text.startswith(bare)
    capital = next((c for c in side if c.isalpha()), "").isupper()
    return ClausePlace(find_phrase(words(side), table.speech_verbs) is not None, opens,
                       not opens and capital and text.endswith(bare))


def bare_words(text: str) -> str:
    """The text's words alone, casefolded: punctuation and spacing aside."""
    return " ".join(t.lower for t in words(text))


def vector(difference: Difference, same: bool | None, ambiguous: bool = False,
           place: ClausePlace = NO_PLACE) -> list[float | None]:
    """The features of one difference in the order of FEATURE_NAMES; None: unmeasured.
    `same`: quote and tweet compared in one language; `ambiguous`: a side of it holds a
    word of uncertain polarity (`ambiguous`); `place`: where an added clause sits
    (`clause_place`)."""
    group = KIND_GROUPS.get(difference.kind)
    return [
        *(float(group == g) for g in GROUPS),
        float(difference.quote_side is not None),
        float(difference.evidence.startswith("embedding")),
        float(difference.evidence == "back-translation"),
        # A negation read across two languages rests on both tables knowing every way of
        # negating ("neanche", "unfinished"); within one language it is a word changed.
        float(group == "negation" and same is False),
        float(group == "negation" and ambiguous),
        None if same is None else float(same),
        float(place.narration), float(place.opens_quote), float(place.closes_quote),
        _cut_long(difference),
    ]


def _cut_long(difference: Difference) -> float:
    """Is it a cut clause of LONG_CUT words or more? A cut of a few words is more often a
    piece the clause splitter broke off a sentence the quote renders ("Will someone from
    his depleted") than a clause the quote left out."""
    if difference.kind != "cut" or not difference.tweet_side:
        return 0.0
    return float(len(words(difference.tweet_side)) >= LONG_CUT)


def ambiguous(difference: Difference, quote_language: str, tweet: str) -> bool:
    """Does a side of the difference hold a word another language may render with a
    negation or without ("unless" / "kecuali", "no longer" / "deixar de")? Each side is
    read with its own language's table (a back-translation's with English)."""
    source = lang.get("en") if difference.evidence == "back-translation" else (
        lang.get_or_english(quote_language))
    target = tweet_table(tweet)
    if difference.kind == "negation" and any(
            side is not None and continues(side, table)
            for side, table in ((difference.quote_side, source),
                                (difference.tweet_side, target))):
        return False  # "still" against "not … anymore": a flip, not a reading
    return ((difference.quote_side is not None
             and polarity_ambiguous(difference.quote_side, source))
            or (difference.tweet_side is not None
                and polarity_ambiguous(difference.tweet_side, target)))


def feature_rows(differences: Sequence[Difference], match: TweetMatch,
                 evidence: Evidence | None, quote_language: str, quote: str = ""
                 ) -> list[list[float | None] | None]:
    """Each difference's features (None: a kind that is no distortion); `quote`: the
    quote's text, where added clauses are placed."""
    same = same_language(evidence)
    table = lang.get_or_english(quote_language)
    return [vector(d, same, ambiguous(d, quote_language, match.tweet.text),
                   clause_place(d, quote, table))
            if d.kind in KIND_GROUPS else None for d in differences]


@dataclass(frozen=True, slots=True)
class ReliabilityModel:
    """P(a difference is a real distortion) = sigmoid(intercept + coefficients · z), z the
    standardized features; an unmeasured feature is taken at its mean (z = 0)."""

    names: tuple[str, ...]
    coefficients: np.ndarray
    intercept: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float
    provenance: Mapping[str, object] = field(default_factory=dict)

    def probability(self, raw: Sequence[float | None]) -> float:
        """P(real distortion) of one difference's features (`vector`)."""
        x = np.array([self.mean[i] if v is None else v for i, v in enumerate(raw)])
        return sigmoid(float(((x - self.mean) / self.scale) @ self.coefficients)
                       + self.intercept)

    def to_json(self) -> dict[str, object]:
        return {
            **weights_json(self.names, self.coefficients, self.intercept, self.mean,
                           self.scale),
            "threshold": self.threshold,
            "provenance": dict(self.provenance),
        }


def from_fit(fitted: Logistic, threshold: float,
             provenance: Mapping[str, object] | None = None) -> ReliabilityModel:
    return ReliabilityModel(FEATURE_NAMES, fitted.coefficients, fitted.intercept, fitted.mean,
                            fitted.scale, threshold, dict(provenance or {}))


def from_json(raw: Mapping[str, object]) -> ReliabilityModel:
    names = tuple(str(n) for n in raw["features"])  # type: ignore[attr-defined]
    if names != FEATURE_NAMES:
        raise ValueError(f"distortion model features {names} are not {FEATURE_NAMES}")
    return ReliabilityModel(
        names, np.array(raw["coefficients"], dtype=np.float64), float(raw["intercept"]),  # type: ignore[arg-type]
        np.array(raw["mean"], dtype=np.float64), np.array(raw["scale"], dtype=np.float64),
        float(raw["threshold"]), dict(raw.get("provenance") or {}),  # type: ignore[arg-type, call-overload]
    )


@cache
def shipped_model() -> ReliabilityModel:
    """The model in the package (`quotes/data/distortion.json`)."""
    return from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def permissive_model() -> ReliabilityModel:
    """Every difference of a distorting kind counts (probability 0.5, threshold 0.5): the
    rules alone, as before any fit; what `fit_distortion.py` collects its rows with."""
    n = len(FEATURE_NAMES)
    return ReliabilityModel(FEATURE_NAMES, np.zeros(n), 0.0, np.zeros(n), np.ones(n), 0.5)
