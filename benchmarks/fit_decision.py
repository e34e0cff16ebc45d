"""Fit the match decision (`quotes/data/match.json`) on the TUNING part only.

    python benchmarks/fit_decision.py [--dry-run] [--l2 X] [--dates]

`--dates` dates the tuning articles by their URL (`quotes.sources.url_date`), which gives
the decision's date feature something to learn from. Off by default: on the tuning part
(59 of 248 URLs carry a date) it raised the cross-validated log loss from 22.3 to 23.4.

1. Every tuning case of `benchmarks/realcases/` (split by story, `realcases.is_held_back`),
   of `../shared/dev/real-quotes.jsonl` and of the perturbation suite (`eval.py`; both
   split by story the same way, a suite case's story being the real tweet it was built
   from; its generated cases weigh half a real one) goes through the match stage with a
   neutral model; each quote's ranked candidates are kept.
2. Baselines (real cases only): the mean embedding similarity of the quote against every
   archive post that is not its source, per pair of languages (quote, post), and pooled
   over same- and cross-language pairs.
3. The candidates are ranked again with the baselines (pure, no re-embedding); the
   features of the best one, labelled "is the real source" (a case without a real post:
   never), fit an L2 logistic regression (`quotes.decision.fit`).
4. The tuning cases are verified whole with the fitted model; per verdict label, the
   source probability is recalibrated against whether the verdict was right (Platt
   scaling), so `confidence` is the probability that the verdict is right.

The held-back parts are never read. Writes the model with its provenance (data, counts,
date) unless `--dry-run`.
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from statistics import mean
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import realcases
from bench_embed import bench_embedder
from rapidfuzz import fuzz

from quotes.decision import (
    FEATURE_NAMES,
    MIN_BASELINE_PAIRS,
    MODEL_FILE,
    Calibration,
    DecisionModel,
    MatchFeatures,
    fit,
    fit_calibration,
)
from quotes.formats import read_archive_file
from quotes.match import margin_of, match_features, rank, tweet_language
from quotes.models import Document
from quotes.pipeline import Analyzer, Verifier
from quotes.pipeline.verifier import MatchRow
from quotes.store import Archive

DEV_CANDIDATES = tuple(Path(__file__).resolve().parents[i] / "shared" / "dev" for i in (2, 3))
SAME_TEXT = 90  # rapidfuzz ratio above which an archive post is the case's real post
MIN_CALIBRATION = 12  # verdict labels with fewer tuning outcomes share one calibration


@dataclass(frozen=True, slots=True)
class Sample:
    """One tuning quote: its match row, its real post's text (None: no such post)."""

    source: str  # "realcases" or "dev"
    case_id: str
    row: MatchRow
    canonical: str | None
    expected: str


def neutral_model() -> DecisionModel:
    import numpy as np

    n = len(FEATURE_NAMES)
    return DecisionModel(FEATURE_NAMES, np.zeros(n), 0.0, np.zeros(n), np.ones(n), {})


def dev_dir() -> Path | None:
    return next((d for d in DEV_CANDIDATES if (d / "real-quotes.jsonl").is_file()), None)


def dev_story(case_id: str) -> str:
    """A dev case's story: its id without the language and outlet."""
    return case_id.rsplit("-", 2)[0]


def _row_for(rows: Sequence[MatchRow], quoted: str) -> MatchRow | None:
    scored = [(fuzz.partial_ratio(r.finding.quote.text, quoted), r) for r in rows]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] >= 70 else None


@dataclass(frozen=True, slots=True)
class TuningQuote:
    """A tuning case as the match stage reads it."""

    case_id: str
    article: str
    language: str
    quoted: str
    canonical: str | None
    expected: str
    published: datetime | None = None


def samples_of(source: str, archive: Archive, model: DecisionModel,
               cases: Sequence[TuningQuote]) -> list[Sample]:
    """Each case's article through the match stage; the row of its quote, if found."""
    verifier = Verifier(archive, Analyzer(resolve=archive.speaker_resolver()),
                        embedder=bench_embedder(), model=model)
    per_doc = verifier.match_rows([Document(c.case_id, c.article, c.language, c.published)
                                   for c in cases])
    samples = []
    for case, rows in zip(cases, per_doc, strict=True):
        row = _row_for(rows, case.quoted)
        if row is not None:
            samples.append(Sample(source, case.case_id, row, case.canonical, case.expected))
    return samples


def collect_realcases(model: DecisionModel, *, dated: bool = False
                      ) -> tuple[list[Sample], list[realcases.Case]]:
    cases = [c for c in realcases.load_cases() if not c.held_back]
    quotes = [TuningQuote(c.id, c.excerpt, c.language, c.quote, c.canonical_text, c.expected,
                          c.document.published if dated else None) for c in cases]
    samples = samples_of("realcases", realcases.build_archive(), model, quotes)
    return samples, cases


def collect_dev(model: DecisionModel) -> list[Sample]:
    dev = dev_dir()
    if dev is None:
        return []
    import tempfile

    archive = Archive.open(str(Path(tempfile.mkdtemp()) / "dev.sqlite"))
    parsed = read_archive_file(dev / "canonical-tweets.jsonl")
    archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
    cases = [json.loads(line) for line in (dev / "real-quotes.jsonl").open(encoding="utf-8")]
    cases = [c for c in cases if not realcases.is_held_back(dev_story(c["id"]))]
    return samples_of("dev", archive, model, [
        TuningQuote(c["id"], c["article_excerpt"], c["language"], c["quoted_text"],
                    None if c["relation"] == "unrelated" else c["canonical_text"],
                    "unmatched" if c["relation"] == "unrelated" else c["relation"])
        for c in cases
    ])


SUITE_WEIGHT = 0.5  # a generated perturbation counts half a real case


def tuning_suite() -> list[tuple[Any, str | None]]:
    """The tuning stories of the perturbation suite (`eval.py`), each case with the real
    tweet it was built from, its story (None: a quote from no tweet, its own story)."""
    import eval as perturbation

    tweet_of = {}
    for i, base in enumerate(perturbation.bases()):
        for case in perturbation.cases_for(base, i):
            tweet_of[case.id] = base.tweet
    pairs = [(c, tweet_of.get(c.id.split("#")[0])) for c in perturbation.suite()]
    return [(c, t) for c, t in pairs if not realcases.is_held_back(t or c.id.split("#")[0])]


def collect_suite(model: DecisionModel) -> list[Sample]:
    import eval as perturbation

    return samples_of("suite", perturbation.archive_from_fixtures(), model, [
        TuningQuote(c.id, c.article, c.language, c.quote, tweet, c.expected)
        for c, tweet in tuning_suite()
    ])


def is_source(text: str, canonical: str | None) -> bool:
    return canonical is not None and fuzz.ratio(text, canonical) >= SAME_TEXT


def baselines(samples: Sequence[Sample]) -> tuple[dict[str, float], dict[str, int]]:
    """Mean similarity of unrelated (quote, post) pairs per pair of languages."""
    values: dict[str, list[float]] = defaultdict(list)
    for sample in samples:
        q = sample.row.query.language
        for scored in sample.row.ranked:
            tweet = scored.candidate.tweet
            if scored.embedding is None or is_source(tweet.text, sample.canonical):
                continue
            t = tweet_language(tweet.text)
            values[f"{q}-{t}"].append(scored.embedding)
            values["same" if q == t else "cross"].append(scored.embedding)
    kept = {k: mean(v) for k, v in values.items()
            if len(v) >= MIN_BASELINE_PAIRS or k in ("same", "cross")}
    return kept, {k: len(v) for k, v in values.items()}


def features(samples: Sequence[Sample], model: DecisionModel
             ) -> list[tuple[Sample, MatchFeatures, bool]]:
    result = []
    for sample in samples:
        ranked = rank(sample.row.query, [s.candidate for s in sample.row.ranked], model)
        if not ranked or (ranked[0].embedding is None and ranked[0].fuzzy is None):
            continue
        best = ranked[0]
        f = match_features(sample.row.query, best,
                           margin_of(best, ranked[1:], model.rival_floor))
        result.append((sample, f, is_source(best.candidate.tweet.text, sample.canonical)))
    return result


RIVAL_FLOOR_QUANTILE = 0.10


def rival_floor(samples: Sequence[Sample], model: DecisionModel) -> float:
    """The 10th percentile, over the real tuning quotes, of the ranking key of the best
    candidate that is not their source: the weakest competition an archive offered."""
    import numpy as np

    best_rivals = []
    for sample in samples:
        if sample.source == "suite":
            continue
        ranked = rank(sample.row.query, [s.candidate for s in sample.row.ranked], model)
        keys = [s.key for s in ranked if not is_source(s.candidate.tweet.text, sample.canonical)]
        if keys:
            best_rivals.append(max(keys))
    return float(np.quantile(best_rivals, RIVAL_FLOOR_QUANTILE))


def calibrate(model: DecisionModel, cases: Sequence[realcases.Case]
              ) -> tuple[dict[str, Calibration], dict[str, int]]:
    """Per verdict label, Platt scaling of the probability the verdict rests on."""
    outcomes = realcases.run(cases, model=model)
    grouped: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for o in outcomes:
        if o.result is None or o.result.verdict.evidence is None:
            continue
        p = o.result.verdict.evidence.probability
        rests_on = 1 - p if o.verdict == "unmatched" else p
        right = o.verdict == o.case.expected
        grouped[o.verdict].append((rests_on, right))
        grouped["*"].append((rests_on, right))
    result = {}
    for label, pairs in grouped.items():
        if len(pairs) >= MIN_CALIBRATION:
            result[label] = fit_calibration([p for p, _ in pairs], [r for _, r in pairs])
    return result, {k: len(v) for k, v in grouped.items()}


def _samples(neutral: DecisionModel, argv: list[str]
             ) -> tuple[list[Sample], list[realcases.Case]]:
    """The tuning samples; `--samples FILE` keeps them between runs (a pickle)."""
    cases = [c for c in realcases.load_cases() if not c.held_back]
    keep = Path(argv[argv.index("--samples") + 1]) if "--samples" in argv else None
    if keep is not None and keep.is_file():
        return pickle.loads(keep.read_bytes()), cases
    samples, cases = collect_realcases(neutral, dated="--dates" in argv)
    samples += collect_dev(neutral)
    samples += collect_suite(neutral)
    if keep is not None:
        keep.write_bytes(pickle.dumps(samples))
    return samples, cases


def _diagnose(rows: Sequence[tuple[Sample, MatchFeatures, bool]], model: DecisionModel) -> None:
    """Per expected verdict: how many tuning quotes reach the threshold, and how many of
    those have their real post first."""
    groups: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for sample, f, y in rows:
        groups[f"{sample.source}:{sample.expected}"].append((model.probability(f), y))
    for label, pairs in sorted(groups.items()):
        matched = [y for p, y in pairs if p >= model.threshold]
        print(f"  {label:14} {len(pairs):4} quotes, {len(matched):4} matched "
              f"({sum(matched)} to their real post), {sum(y for _, y in pairs)} ranked first")


FOLDS = 5
L2_GRID = (0.1, 0.3, 1.0, 3.0)


def story_of(sample: Sample) -> str:
    if sample.source == "realcases":
        return sample.case_id.rsplit("-", 2)[0]
    return sample.canonical or sample.case_id


# A tweet wrongly given as a quote's source (a fabricated quote gets a real source and is
# published) costs this many times a source missed (the quote stays unmatched and a
# fact-checker looks it up): the threshold minimizes that cost out of fold.
FALSE_SOURCE_COST = 3.0
THRESHOLD_GRID = tuple(round(0.3 + 0.05 * i, 2) for i in range(13))


def out_of_fold(rows: Sequence[tuple[Sample, MatchFeatures, bool]], weights: Sequence[float],
                base: dict[str, float], l2: float) -> list[float]:
    """Each row's probability from a model fitted without its story's fold."""
    import hashlib

    fold = [int(hashlib.sha256(story_of(s).encode()).hexdigest(), 16) % FOLDS
            for s, _, _ in rows]
    result = [0.0] * len(rows)
    for k in range(FOLDS):
        train = [i for i, f in enumerate(fold) if f != k]
        model = fit([rows[i][1] for i in train], [rows[i][2] for i in train], l2=l2,
                    baselines=base, weights=[weights[i] for i in train])
        for i, f in enumerate(fold):
            if f == k:
                result[i] = model.probability(rows[i][1])
    return result


def cross_validated_l2(rows: Sequence[tuple[Sample, MatchFeatures, bool]],
                       weights: Sequence[float], base: dict[str, float]) -> float:
    """The L2 strength with the lowest log loss, folds by story within the tuning part."""
    import numpy as np

    losses = {}
    for l2 in L2_GRID:
        oof = out_of_fold(rows, weights, base, l2)
        losses[l2] = -sum(w * (np.log(max(p, 1e-6)) if y else np.log(max(1 - p, 1e-6)))
                          for (_, _, y), w, p in zip(rows, weights, oof, strict=True))
    print("  cross-validated log loss by l2: " + ", ".join(f"{k}: {v:.1f}"
                                                         for k, v in losses.items()))
    return min(losses, key=lambda k: losses[k])


def chosen_threshold(rows: Sequence[tuple[Sample, MatchFeatures, bool]],
                     weights: Sequence[float], base: dict[str, float], l2: float) -> float:
    """The threshold with the lowest out-of-fold cost (ties: the one nearest 0.5)."""
    oof = out_of_fold(rows, weights, base, l2)
    costs = {}
    for t in THRESHOLD_GRID:
        false_sources = sum(w for (_, _, y), w, p in zip(rows, weights, oof, strict=True)
                            if not y and p >= t)
        missed = sum(w for (_, _, y), w, p in zip(rows, weights, oof, strict=True)
                     if y and p < t)
        costs[t] = FALSE_SOURCE_COST * false_sources + missed
    print("  out-of-fold cost by threshold: " + ", ".join(f"{k}: {v:.1f}"
                                                        for k, v in costs.items()))
    return min(costs, key=lambda t: (costs[t], abs(t - 0.5)))


def main(argv: list[str]) -> None:
    l2 = float(argv[argv.index("--l2") + 1]) if "--l2" in argv else 1.0
    neutral = neutral_model()
    samples, cases = _samples(neutral, argv)
    base, pair_counts = baselines([s for s in samples if s.source != "suite"])
    with_base = replace(neutral, baselines=base)
    floor = rival_floor(samples, with_base)
    with_base = replace(with_base, rival_floor=floor)
    print(f"  margins taken over at least {floor:.3f} (weakest best rival, 10th percentile)")
    rows = features(samples, with_base)
    print(f"{len(rows)} tuning quotes ({sum(y for *_, y in rows)} with their real post "
          f"ranked first); baselines: " + ", ".join(f"{k} {v:.3f}" for k, v in
                                                     sorted(base.items())))
    provenance = {
        "fitted": datetime.now(UTC).strftime("%Y-%m-%dT%H:%MZ"),
        "by": "benchmarks/fit_decision.py",
        "data": "tuning part of benchmarks/realcases (split by story), of "
                "../shared/dev/real-quotes.jsonl and of the perturbation suite "
                "(benchmarks/eval.py, weight 0.5), both split by story the same way",
        "counts": {src: sum(s.source == src for s, _, _ in rows)
                   for src in ("realcases", "dev", "suite")},
        "quotes": len(rows), "sources": int(sum(y for *_, y in rows)),
        "baseline_pairs": pair_counts, "l2": l2,
        "signals": "anchors + embeddings (no MT weights here: fuzzy only from English "
                   "quotes)",
    }
    weights = [SUITE_WEIGHT if s.source == "suite" else 1.0 for s, _, _ in rows]
    if "--l2" not in argv:
        l2 = cross_validated_l2(rows, weights, base)
        provenance["l2"] = l2
    threshold = chosen_threshold(rows, weights, base, l2)
    provenance["threshold"] = (f"lowest out-of-fold cost on the tuning part, a false source "
                               f"counted {FALSE_SOURCE_COST:g}x a missed one")
    model = fit([f for _, f, _ in rows], [y for *_, y in rows], l2=l2, baselines=base,
                provenance=provenance, weights=weights)
    model = replace(model, threshold=threshold, rival_floor=floor)
    for name, c in zip(FEATURE_NAMES, model.coefficients, strict=True):
        print(f"  {name:22} {c:+.3f}")
    print(f"  {'intercept':22} {model.intercept:+.3f}")
    _diagnose(rows, model)
    if "--no-calibration" in argv:
        return
    calibration, counts = calibrate(model, cases)
    model = replace(model, calibration=calibration,
                    provenance={**provenance, "calibration_outcomes": counts})
    for label, c in sorted(calibration.items()):
        print(f"  calibration {label:14} {c.intercept:+.3f} {c.slope:+.3f} ({counts[label]})")
    if "--dry-run" not in argv:
        MODEL_FILE.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n",
                              encoding="utf-8")
        print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main(sys.argv[1:])
