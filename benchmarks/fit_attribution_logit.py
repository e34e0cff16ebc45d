"""Learn the speaker-ranking weights (quotes/attribute/weights.toml) as a conditional logit
— a softmax over each ranking's candidates, L2-regularised — on the TUNING part of the
attribution benchmark only, and compare it with the shipped weights and the coordinate
search of fit_attribution_weights.py by cross-validation.

The rankings are recorded as fit_attribution_weights.record does (the features of every
candidate, right where it is the speaker of the nearest quote). Folds are by story
(attribution.story_groups: passages sharing a source or main speaker stay together), so
every figure is out of fold. Three forms of the model are tried, each over a grid of
regularisation strengths: one table for every kind of reference ("pooled"), one table per
kind ("per-kind"), and a shared table plus a per-kind deviation ("shared+kind", the
deviation penalised `DEVIATION_PENALTY` times as hard). The form and strength with the most
out-of-fold rankings right are chosen, and the whole attribute stage is also scored out of
fold with each fold's tables (quotes right end to end). The learned tables replace the
shipped ones only where they put at least `MIN_GAIN` more rankings right out of fold than
the shipped ones do in sample. For the tables kept, the confidence `rank` reports (the
softmax share of the top candidate) is calibrated: a slope and intercept on its log-odds,
fitted over every ranking (those without a right candidate too), checked out of fold by
bin. The held-back part is never read.

    python benchmarks/fit_attribution_logit.py [--folds K] [--write]

About 90 s. `--write` writes weights.toml: the tables kept (the learned ones refitted on
the whole tuning part, or the shipped ones with their comments) and the [confidence]
calibration. The comparison is against the weights shipped at the time of the run: after a
write, rerun before comparing again (the recorded features depend a little on the weights,
through the pronouns and roles resolved before a quote). The coordinate search starts from
the shipped weights, which were fitted on every fold: its out-of-fold figure is flattered.
"""

from __future__ import annotations

import hashlib
import sys
import tomllib
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import attribution as bench
import fit_attribution_weights as coordinate

from quotes.attribute import ranking

HINTS = coordinate.HINTS
FEATURES = tuple(sorted(ranking.DEFAULT_WEIGHTS))
FORMS = ("pooled", "per-kind", "shared+kind")
PENALTIES = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
# The per-kind deviation of "shared+kind" costs this much more than the shared weights:
# a kind's own weight must earn its keep on that kind's fewer rankings.
DEVIATION_PENALTY = 3.0
FOLDS = 5
# How hard the confidence's calibration is pulled towards the plain softmax share.
CALIBRATION_PULL = 0.1
NEWTON_STEPS = 50
# Out-of-fold gain over the shipped weights below which the learned ones are not shipped:
# one or two rankings are noise on a few hundred.
MIN_GAIN = 5

Tables = dict[str, dict[str, float]]
Calibration = tuple[float, float]  # slope and intercept on the log-odds


class Design:
    """The rankings as one matrix: every candidate a row of features in the blocks of a
    form (shared, the candidate's own kind), its ranking's segment and its target share."""

    def __init__(self, samples: Sequence[coordinate.Sample], form: str) -> None:
        self.blocks = _blocks(form)
        width = len(FEATURES)
        rows, target, starts = [], [], []
        for sample in samples:
            starts.append(len(rows))
            n_right = sum(right for _, right in sample.candidates)
            for feats, right in sample.candidates:
                vector = np.array([feats.get(f, 0.0) for f in FEATURES])
                row = np.zeros(width * len(self.blocks))
                for b, block in enumerate(self.blocks):
                    if block in ("all", sample.hint):
                        row[b * width : (b + 1) * width] = vector
                rows.append(row)
                target.append(right / n_right if n_right else 0.0)
        self.x = np.array(rows)
        self.target = np.array(target)
        self.starts = np.array(starts)
        self.penalty = np.concatenate([np.full(width, DEVIATION_PENALTY if b != "all"
                                               and "all" in self.blocks else 1.0)
                                       for b in self.blocks])

    def probabilities(self, w: np.ndarray) -> np.ndarray:
        scores = self.x @ w
        top = np.maximum.reduceat(scores, self.starts)
        e = np.exp(scores - np.repeat(top, np.diff(np.append(self.starts, len(scores)))))
        total = np.add.reduceat(e, self.starts)
        return e / np.repeat(total, np.diff(np.append(self.starts, len(scores))))

    def fit(self, strength: float, prior: np.ndarray | None = None) -> np.ndarray:
        """The weights minimising the negative log-likelihood plus strength·|w - prior|²
        (Newton; the prior is zero unless given)."""
        centre = np.zeros(self.x.shape[1]) if prior is None else prior
        w = centre.copy()
        reg = 2 * strength * self.penalty
        for _ in range(NEWTON_STEPS):
            p = self.probabilities(w)
            grad = self.x.T @ (p - self.target) + reg * (w - centre)
            px = self.x * p[:, None]
            per_ranking = np.add.reduceat(px, self.starts)
            hessian = px.T @ self.x - per_ranking.T @ per_ranking + np.diag(reg)
            step = np.linalg.solve(hessian, grad)
            w -= step
            if np.abs(step).max() < 1e-6:
                break
        return w

    def flat(self, tables: Tables) -> np.ndarray:
        """Per-kind tables as the weight vector of the per-kind form."""
        assert self.blocks == HINTS
        return np.concatenate([[tables[h].get(f, 0.0) for f in FEATURES] for h in HINTS])

    def tables(self, w: np.ndarray) -> Tables:
        """The weights as one table per kind of reference, as ranking.rank reads them."""
        width = len(FEATURES)
        tables = {}
        for hint in HINTS:
            total = np.zeros(width)
            for b, block in enumerate(self.blocks):
                if block in ("all", hint):
                    total += w[b * width : (b + 1) * width]
            tables[hint] = {f: round(float(v), 3) for f, v in zip(FEATURES, total, strict=True)}
        return tables


def _blocks(form: str) -> tuple[str, ...]:
    return {"pooled": ("all",), "per-kind": HINTS, "shared+kind": ("all", *HINTS)}[form]


def top_choices(samples: Sequence[coordinate.Sample], tables: Tables,
                calibration: Calibration = (1.0, 0.0)) -> list[tuple[float, bool]]:
    """Each ranking's top candidate under `tables`: its confidence as rank reports it (the
    softmax share mapped by `calibration`) and whether it is right."""
    mapped = ranking.Weights(tables, *calibration).confidence
    found = []
    for sample in samples:
        table = tables[sample.hint]
        scores = np.array([sum(table.get(k, 0.0) * v for k, v in feats.items())
                           for feats, _ in sample.candidates])
        share = np.exp(scores - scores.max())
        best = int(np.argmax(scores))
        found.append((mapped(float(share[best] / share.sum())), sample.candidates[best][1]))
    return found


def fit_calibration(found: Sequence[tuple[float, bool]]) -> Calibration:
    """Slope and intercept on the log-odds of the top candidate's share that best predict
    whether it is right (logistic regression, Newton, a little pull towards the identity)."""
    eps = ranking.SHARE_EPSILON
    share = np.clip([p for p, _ in found], eps, 1 - eps)
    x = np.column_stack([np.log(share / (1 - share)), np.ones(len(share))])
    y = np.array([float(right) for _, right in found])
    identity = np.array([1.0, 0.0])
    w = identity.copy()
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + CALIBRATION_PULL * (w - identity)
        hessian = (x * (p * (1 - p))[:, None]).T @ x + CALIBRATION_PULL * np.eye(2)
        step = np.linalg.solve(hessian, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return round(float(w[0]), 3), round(float(w[1]), 3)


def folds(samples: Sequence[coordinate.Sample], passages: Sequence[dict[str, object]],
          k: int) -> list[int]:
    """Each sample's fold: story groups ordered by a hash of their first id, dealt out in
    turn (so folds are about equal and a story never straddles two)."""
    fold_of = folds_by_passage(passages, k)
    return [fold_of[s.passage] for s in samples]


def folds_by_passage(passages: Sequence[dict[str, object]], k: int) -> dict[str, int]:
    groups = sorted(bench.story_groups(passages),
                    key=lambda g: hashlib.sha256(min(g).encode("utf-8")).hexdigest())
    return {pid: i % k for i, members in enumerate(groups) for pid in members}


Fitter = Callable[[list[coordinate.Sample]], Tables]


def out_of_fold(samples: list[coordinate.Sample], fold: list[int], k: int,
                fitter: Fitter) -> list[tuple[float, bool]]:
    """The top choices of every ranking under tables fitted on the other folds."""
    found: list[tuple[float, bool]] = [(0.0, False)] * len(samples)
    for i in range(k):
        train = [s for s, f in zip(samples, fold, strict=True) if f != i]
        tables = fitter(train)
        held = [j for j, f in enumerate(fold) if f == i]
        for j, choice in zip(held, top_choices([samples[j] for j in held], tables), strict=True):
            found[j] = choice
    return found


def end_to_end(tuning: Sequence[dict[str, object]], samples: list[coordinate.Sample],
               fold: list[int], k: int, fitter: Fitter) -> int:
    """Quotes of the tuning part attributed right by the whole attribute stage when each
    fold's passages are ranked with tables fitted on the other folds' rankings (so the
    pronouns and roles resolved on the way use them too)."""
    fold_of = {s.passage: f for s, f in zip(samples, fold, strict=True)}
    passage_fold = folds_by_passage(tuning, k)
    right = 0
    shipped = ranking.weights
    try:
        for i in range(k):
            tables = fitter([s for s in samples if fold_of[s.passage] != i])
            ranking.weights = lambda tables=tables: tables  # type: ignore[misc]
            inside = [p for p in tuning if passage_fold[str(p["id"])] == i]
            right += sum(o.right for o in bench.run(inside))
    finally:
        ranking.weights = shipped  # type: ignore[misc]
    return right


def logit_fitter(form: str, strength: float) -> Fitter:
    def fitter(train: list[coordinate.Sample]) -> Tables:
        design = Design(train, form)
        return design.tables(design.fit(strength))
    return fitter


def calibration(choices: Sequence[tuple[float, bool]], title: str) -> None:
    """Predicted top probability against the share right, by bin, and the Brier score."""
    brier = sum((p - right) ** 2 for p, right in choices) / max(len(choices), 1)
    print(f"  calibration ({title}; Brier {brier:.3f}): bin  n  mean predicted  observed")
    edges = (0.0, 0.4, 0.6, 0.8, 0.9, 0.95, 1.01)
    for lo, hi in pairwise(edges):
        inside = [(p, r) for p, r in choices if lo <= p < hi]
        if inside:
            mean = sum(p for p, _ in inside) / len(inside)
            seen = sum(r for _, r in inside) / len(inside)
            print(f"    [{lo:.2f}, {min(hi, 1):.2f})  {len(inside):>4}  {mean:.3f}  {seen:.3f}")


def main(argv: list[str]) -> None:
    k = int(argv[argv.index("--folds") + 1]) if "--folds" in argv else FOLDS
    passages = bench.load()
    held = bench.held_back_ids(passages)
    tuning = [p for p in passages if p["id"] not in held]
    every = coordinate.record(tuning, unreachable=True)
    samples = [s for s in every if any(right for _, right in s.candidates)]
    fold = folds(samples, tuning, k)
    print(f"{len(samples)} rankings with a right candidate ({len(every) - len(samples)} "
          f"without) on the tuning part, {k} folds by story")
    shipped = sum(r for _, r in top_choices(samples, ranking.weights()))
    print(f"shipped weights (fitted on all of it, so in sample): {shipped}")
    searched = out_of_fold(samples, fold, k, _quiet_search)
    print(f"coordinate search refitted per fold (from the shipped weights): "
          f"{sum(r for _, r in searched)}")
    right, form, strength = compare_logits(samples, fold, k)
    quotes = sum(len(p["quotes"]) for p in tuning)  # type: ignore[arg-type]
    for title, fitter in (("shipped (in sample)", lambda _: ranking.weights()),
                          ("coordinate search", _quiet_search),
                          (f"logit {form} {strength:g}", logit_fitter(form, strength))):
        print(f"end to end, {title}: {end_to_end(tuning, samples, fold, k, fitter)} of "
              f"{quotes} quotes right out of fold")
    print(f"best logit: {form}, strength {strength:g}: {right} rankings right out of fold "
          f"({right - shipped:+d} on the shipped weights in sample)")
    calibration(out_of_fold(samples, fold, k, logit_fitter(form, strength)),
                "logit, out of fold, rankings with a right candidate")
    if right - shipped >= MIN_GAIN:
        design = Design(samples, form)
        tables = written = design.tables(design.fit(strength))
        header = HEADER.format(form=form, strength=strength, k=k, right=right,
                               n=len(samples), shipped=shipped)
    else:
        print(f"the learned weights gain less than {MIN_GAIN} rankings: the shipped stay")
        tables = ranking.weights()
        text = coordinate.OUT.read_text("utf-8")
        written = {hint: tomllib.loads(text)[hint] for hint in HINTS}  # not the defaults
        header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    fitted = check_calibration(every, folds(every, tuning, k), k, tables)
    if "--write" in argv:
        coordinate.write_tables(written, header, fitted)


def compare_logits(samples: list[coordinate.Sample], fold: list[int],
                   k: int) -> tuple[int, str, float]:
    """Out-of-fold rankings right for every form and strength; the best (the strongest
    regularisation among equals)."""
    best: tuple[int, str, float] = (-1, "", 0.0)
    for form in FORMS:
        row = []
        for strength in PENALTIES:
            right = sum(r for _, r in out_of_fold(samples, fold, k, logit_fitter(form, strength)))
            row.append(f"{strength:g}: {right}")
            if right >= best[0]:
                best = (right, form, strength)
        print(f"logit {form:<12} " + "; ".join(row))
    return best


def check_calibration(every: list[coordinate.Sample], fold: list[int], k: int,
                      tables: Tables) -> Calibration:
    """The confidence's calibration for `tables`, fitted on every ranking (those without a
    right candidate too: the confidence is that the speaker is right); shown out of fold
    (fitted on the other folds) against the plain softmax share."""
    calibration(top_choices(every, tables), "softmax share, every ranking")
    found: list[tuple[float, bool]] = []
    for i in range(k):
        fitted = fit_calibration(top_choices(
            [s for s, f in zip(every, fold, strict=True) if f != i], tables))
        found += top_choices([s for s, f in zip(every, fold, strict=True) if f == i],
                             tables, fitted)
    calibration(found, "calibrated on the other folds, every ranking")
    fitted = fit_calibration(top_choices(every, tables))
    print(f"confidence calibration fitted on every ranking: slope {fitted[0]}, "
          f"intercept {fitted[1]}")
    return fitted


def _quiet_search(train: list[coordinate.Sample]) -> Tables:
    return coordinate.fit(train, quiet=True)


HEADER = """\
# Weights of the speaker-ranking features (quotes/attribute/ranking.py), one table per
# kind of reference: a pronoun or clitic, a role noun, a verb without subject, nothing.
# A conditional logit (softmax over a ranking's candidates, L2-regularised), {form},
# strength {strength:g}, fitted on the TUNING part of benchmarks/attribution.py only by
# benchmarks/fit_attribution_logit.py --write: {right} of {n} rankings right out of fold
# ({k} folds by story) against {shipped} for the weights it replaced. The softmax of the
# scores is the model's probability, rank's confidence. Never fitted on the held-back part.
# A feature missing here takes ranking.DEFAULT_WEIGHTS."""


if __name__ == "__main__":
    main(sys.argv[1:])
