"""How far a difference the compare stage found is a real distortion, as one calibrated
probability: the verdict `distortion` needs a difference whose probability reaches the
shipped threshold.

The rules that find differences (a number, a name, a negation, a clause added or cut …)
are tuned to catch changes; on real renderings they also fire on what a translator did
faithfully. Which of their findings can be trusted depends less on the rule than on what
it rests on: the kind of difference, whether it was read in the quote's own words or only
through a translation model or an embedding, whether the quote states something the tweet
does not or only leaves something out, and how clearly the quote renders that tweet at
all. A logistic regression over those features (`FEATURE_NAMES`), fitted by
`benchmarks/fit_distortion.py` on the tuning part only (folds by story, its L2 strength
and threshold chosen out of fold), is shipped as `quotes/data/distortion.json`. Pure:
plain dataclasses in, floats out.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from quotes.decision import Logistic, logit, sigmoid, weights_json
from quotes.models import Difference, Evidence, TweetMatch

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
GROUPS = ("anchor", "name", "negation", "clause", "framing", "quantifier")
FEATURE_NAMES: tuple[str, ...] = (
    *(f"kind_{g}" for g in GROUPS), "states", "by_embedding", "by_back_translation",
    "negation_across", "clause_similarity", "source_logit", "embedding_excess",
    "same_language", "fragment", "length_ratio", "differences",
)
MAX_LOGIT = 6.0
MAX_LENGTH_RATIO = 3.0


@dataclass(frozen=True, slots=True)
class Context:
    """What the quote as a whole says about how far its differences can be trusted; a
    None is a signal not measured (no model decided the match), weighed as average."""

    source_probability: float | None  # the match decision's: the tweet is the source
    embedding_excess: float | None  # cosine over that of unrelated texts of the languages
    same_language: bool | None  # the texts compared are in one language
    fragment: bool  # the quote renders part of the tweet
    length_ratio: float | None  # |log(len quote / len tweet segment)|
    distorting: int  # differences of distorting kinds the quote has


def context_of(match: TweetMatch, evidence: Evidence | None,
               differences: Sequence[Difference]) -> Context:
    """The context of a quote's differences, from its match and the match decision."""
    read = dict(evidence.features) if evidence is not None else {}
    same = read.get("same_language")
    return Context(
        evidence.probability if evidence is not None else None,
        read.get("embedding_excess"),
        None if same is None else bool(same),
        match.fragment,
        read.get("length_ratio"),
        sum(d.kind in KIND_GROUPS for d in differences),
    )


def vector(difference: Difference, context: Context) -> list[float | None]:
    """The features of one difference in the order of FEATURE_NAMES; None: unmeasured."""
    group = KIND_GROUPS.get(difference.kind)
    p = context.source_probability
    ratio = context.length_ratio
    return [
        *(float(group == g) for g in GROUPS),
        float(difference.quote_side is not None),
        float(difference.evidence.startswith("embedding")),
        float(difference.evidence == "back-translation"),
        # A negation read across two languages rests on both tables knowing every way of
        # negating ("neanche", "unfinished"); within one language it is a word changed.
        float(group == "negation" and context.same_language is False),
        _clause_similarity(difference),
        None if p is None else max(-MAX_LOGIT, min(MAX_LOGIT, logit(p))),
        context.embedding_excess,
        None if context.same_language is None else float(context.same_language),
        float(context.fragment),
        None if ratio is None else min(ratio, MAX_LENGTH_RATIO),
        math.log1p(context.distorting),
    ]


# The similarity an embedding difference states in its evidence ("embedding (best tweet
# match 0.83; …)", `clause_embeddings`): how close the other side came to the clause.
_STATED_SIMILARITY = re.compile(r"^embedding \(best \w+ match (\d+\.\d+)")


def _clause_similarity(difference: Difference) -> float | None:
    """How close the other text came to a clause an embedding found added or cut (the
    closer, the weaker the evidence); None for other evidence."""
    found = _STATED_SIMILARITY.match(difference.evidence)
    return float(found.group(1)) if found else None


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

    def probability(self, difference: Difference, context: Context) -> float:
        raw = vector(difference, context)
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
