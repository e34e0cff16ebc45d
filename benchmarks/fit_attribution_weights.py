"""Fit the speaker-ranking weights (quotes/attribute/weights.toml) on the TUNING part of
the attribution benchmark only.

Every time the attribute stage ranks candidates for a quote, the candidates' features are
recorded with the passage's speaker of the nearest quote; then a coordinate search over a
few values per weight, one table per kind of reference (pronoun, role, implicit, none),
keeps the values under which the most rankings put a right candidate first. The held-back
part is never read.

    python benchmarks/fit_attribution_weights.py [--write] [--min-gain N] [--cv] [--only a,b]

`--cv` fits on one half of the tuning part (split by passage) and counts the rankings
it gets right on the other half, both ways, for several values of `--min-gain` (how many
more rankings a weight's move must put right to be kept): whether refitting generalizes
at all before the weights are written. `--only` moves the named weights alone (a new
feature's, say), keeping the others as shipped. fit_attribution_logit.py, beside it, learns
the weights as a conditional logit instead and calibrates the confidence.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import attribution as bench

from quotes.attribute import ranking, speaker
from quotes.models import Document
from quotes.pipeline import Analyzer

VALUES = (-1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
# A weight moves only where that puts this many more rankings right: one ranking more is
# as likely noise of the small tuning part as a general gain.
MIN_GAIN = 1
# The weights the search may move; empty: all of them.
ONLY: frozenset[str] = frozenset()
HINTS = ("pronoun", "role", "implicit", "none")
# Record the rankings of sentence-opening pronouns and roles too (see `record`).
REFERENTS = True
OUT = Path(__file__).resolve().parents[1] / "quotes" / "attribute" / "weights.toml"



class Sample(NamedTuple):
    """One ranking: the kind of reference, each candidate's features and whether it is
    the passage's speaker, and the passage it was read in (for folds by story)."""

    hint: str
    candidates: list[tuple[dict[str, float], bool]]
    passage: str


def record(passages: list[dict[str, Any]], *, unreachable: bool = False,
           referents: bool = REFERENTS) -> list[Sample]:
    """The rankings made while analysing `passages`; with `unreachable`, also those where
    no candidate is the speaker (wrong whatever the weights); with `referents`, also those
    of the pronouns and roles opening sentences (ranking resolves them inside itself, and
    they feed the later rankings' features), labelled like the others by the nearest quote."""
    samples: list[Sample] = []
    calls: list[tuple[ranking.Query, dict[str, dict[str, float]]]] = []
    original = ranking.rank

    def traced(people: Any, query: ranking.Query) -> list[ranking.Candidate]:
        groups = ranking._groups(people, query.at)
        if groups:
            calls.append((query, ranking._features(people, query, groups)))
        return original(people, query)

    speaker.rank = traced  # type: ignore[assignment]
    if referents:
        ranking.rank = traced  # type: ignore[assignment]
    analyzer = Analyzer()
    for passage in passages:
        calls.clear()
        text = str(passage["passage"])
        analyzer.analyze(Document(str(passage["id"]), text, str(passage["language"])))
        golds = [(text.find(q["text"]), q["speaker"]) for q in passage["quotes"]]
        for query, feats in calls:
            _, gold = min(golds, key=lambda g: abs(g[0] - query.at))
            if gold is None:
                continue
            labelled = [(f, bench.same_person(name, gold)) for name, f in feats.items()]
            if unreachable or any(right for _, right in labelled):
                samples.append(Sample(query.hint, labelled, str(passage["id"])))
    speaker.rank = ranking.rank = original  # type: ignore[assignment]
    return samples


def right(samples: list[Sample], hint: str, weights: dict[str, float]) -> int:
    total = 0
    for h, cands, _ in samples:
        if h == hint:
            best = max(cands, key=lambda c: sum(weights.get(k, 0) * v for k, v in c[0].items()))
            total += best[1]
    return total


def fit(samples: list[Sample], *, quiet: bool = False) -> dict[str, dict[str, float]]:
    fitted = {}
    for hint in HINTS:
        weights = dict(ranking.weights()[hint])
        best = start = right(samples, hint, weights)
        for _ in range(3):
            for key in sorted(k for k in weights if not ONLY or k in ONLY):
                for value in VALUES:
                    trial = {**weights, key: value}
                    score = right(samples, hint, trial)
                    if score >= best + MIN_GAIN:
                        best, weights = score, trial
        n = sum(s.hint == hint for s in samples)
        if not quiet:
            print(f"{hint}: {start} -> {best} of {n} rankings put a right candidate first")
        fitted[hint] = weights
    return fitted


def cross_validate(tuning: list[dict[str, Any]]) -> None:
    """Out-of-fold rankings right, per minimum gain, over two halves of the tuning part."""
    global MIN_GAIN
    halves = [[p for p in tuning if _half(str(p["id"])) == k] for k in (0, 1)]
    samples = [record(h) for h in halves]
    kept = MIN_GAIN
    for gain in (1, 2, 3, 1000):
        MIN_GAIN = gain
        total = 0
        for k in (0, 1):
            fitted = fit(samples[k], quiet=True)
            total += sum(right(samples[1 - k], h, fitted[h]) for h in HINTS)
        print(f"min gain {gain}: {total} of {sum(map(len, samples))} right out of fold")
    MIN_GAIN = kept


def _half(pid: str) -> int:
    return int(hashlib.sha256(pid.encode("utf-8")).hexdigest(), 16) % 2


def main(argv: list[str]) -> None:
    global MIN_GAIN, ONLY
    passages = bench.load()
    held = bench.held_back_ids(passages)
    tuning = [p for p in passages if p["id"] not in held]
    if "--min-gain" in argv:
        MIN_GAIN = int(argv[argv.index("--min-gain") + 1])
    if "--only" in argv:
        ONLY = frozenset(argv[argv.index("--only") + 1].split(","))
    if "--cv" in argv:
        cross_validate(tuning)
        return
    samples = record(tuning)
    counts: dict[str, int] = defaultdict(int)
    for sample in samples:
        counts[sample.hint] += 1
    print("rankings recorded on the tuning part:", dict(counts))
    fitted = fit(samples)
    if "--write" in argv:
        header = [line for line in OUT.read_text("utf-8").splitlines() if line.startswith("#")]
        shipped = ranking.shipped()
        write_tables(fitted, "\n".join(header), (shipped.slope, shipped.intercept))


def write_tables(tables: dict[str, dict[str, float]], header: str,
                 calibration: tuple[float, float]) -> None:
    """weights.toml: the comment `header`, one table per kind of reference, and the
    confidence's slope and intercept."""
    lines = header.splitlines()
    for hint in HINTS:
        lines += ["", f"[{hint}]"]
        lines += [f"{k} = {v}" for k, v in sorted(tables[hint].items())]
    lines += ["", f"[{ranking.CONFIDENCE}]", f"slope = {calibration[0]}",
              f"intercept = {calibration[1]}"]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print("written", OUT)


if __name__ == "__main__":
    main(sys.argv[1:])
