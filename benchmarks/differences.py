"""False alarms hidden under a right verdict: every difference the comparison reports on
the TUNING cases whose expected verdict is verbatim, faithful or paraphrase.

On a faithful rendering every anchor difference (number, negation, name, quantifier,
added or cut clause …) is a false alarm, even when it did not flip the verdict. This
lists them per case (kind, quote side, tweet side, evidence) for the tuning part of
`benchmarks/realcases/` and of ../shared/dev/real-quotes.jsonl (split by story as
`fit_decision.py` does), and counts them by kind. The held-back part is never listed.

    python benchmarks/differences.py [--distortions] [--forced] [--quiet]

Each difference of a distorting kind shows how likely the distortion decision
(`quotes/data/distortion.json`) finds it a real change. `--distortions` also lists the
tuning cases expected to be distortions, with their verdict and differences: a real
change must keep its difference. `--forced` compares
every such case with its real post directly (anchors, names, negations, quantifiers,
hedges; no embeddings), whether or not the match decision found that post: the false
alarms a looser match would show. `--quiet` prints the
counts only. Keep embeddings between runs with `$QUOTES_BENCH_EMBED_CACHE` as for
`realcases.py`.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import dev_verify
import realcases
from fit_decision import dev_story

from quotes import lang
from quotes.anchors import extract_anchors
from quotes.compare import judge, renders_whole
from quotes.compare.kinds import NOTED_KINDS
from quotes.models import CanonicalTweet, Decision, Difference, Quote, QuoteResult, TweetMatch

RENDERINGS = ("verbatim", "faithful", "paraphrase")
# A rewording mark, no alarm: a paraphrase may well hold one.
REWORDING = frozenset({"hedge"})


def _listed(case_id: str, expected: str, found: QuoteResult | None,
            counts: Counter[str], *, quiet: bool) -> None:
    differences = found.verdict.differences if found else ()
    verdict = found.verdict.label if found else realcases.NOT_EXTRACTED
    for d in differences:
        counts[d.kind] += 1
    if quiet or not differences:
        return
    print(f"  {case_id} [expected {expected}, got {verdict}]")
    for d in differences:
        likely = "     " if d.reliability is None else f"{d.reliability:.2f} "
        print(f"    {d.kind:13} {likely}{d.evidence:17} quote: {(d.quote_side or '—')[:70]!r}"
              f"  tweet: {(d.tweet_side or '—')[:70]!r}")


def _tuning_realcases() -> Iterable[tuple[str, str, str, QuoteResult | None]]:
    cases = [c for c in realcases.load_cases() if not c.held_back]
    for o in realcases.run(cases):
        yield o.case.id, o.case.kind, o.case.expected, o.result


def forced_differences(quote: str, language: str, tweet: str) -> tuple[Difference, ...]:
    """The differences the compare stage finds between a quote and the given tweet, as if
    the match had found it (a part of it when the quote is clearly shorter)."""
    table = lang.get(language) if language in lang.available() else lang.get("en")
    fragment = not renders_whole(quote, tweet)
    match = TweetMatch(CanonicalTweet(0, "fictional", tweet), 1.0, None, 0.9, None, 0,
                       tweet, fragment)
    text = Quote(0, len(quote), quote, '"', '"', 0, len(quote), "statement", language)
    verdict = judge(text, None, None, Decision(match, "forced", "forced"),
                    extract_anchors(quote, table))
    return verdict.differences


def _forced(cases: Iterable[realcases.Case], counts: Counter[str], *, quiet: bool) -> None:
    for case in cases:
        if case.canonical_text is None:
            continue
        differences = forced_differences(case.quote, case.language, case.canonical_text)
        for d in differences:
            counts[d.kind] += 1
        if differences and not quiet:
            print(f"  {case.id} [{case.kind}]")
            for d in differences:
                print(f"    {d.kind:13} {d.evidence:17} quote: {(d.quote_side or '—')[:70]!r}"
                      f"  tweet: {(d.tweet_side or '—')[:70]!r}")


def _tuning_dev() -> Iterable[tuple[str, str, str, QuoteResult | None]]:
    for case, found in dev_verify.verified():
        if realcases.is_held_back(dev_story(case["id"])):
            continue
        yield case["id"], case["relation"], case["relation"], found


def _print_counts(title: str, counts: Counter[str], what: str = "false alarms") -> None:
    alarms = {k: n for k, n in counts.items()
              if k not in NOTED_KINDS and k not in REWORDING}
    print(f"  {title}: {sum(alarms.values())} {what} "
          + ", ".join(f"{k} {n}" for k, n in sorted(alarms.items(), key=lambda kv: -kv[1]))
          + "; noted/rewording: "
          + ", ".join(f"{k} {n}" for k, n in sorted(counts.items()) if k not in alarms))


def main(argv: list[str]) -> None:
    quiet = "--quiet" in argv
    totals: dict[str, Counter[str]] = {}
    distortions = []
    for title, rows in (("realcases tuning", _tuning_realcases()),
                        ("dev tuning", _tuning_dev())):
        print(f"\n== {title}: differences on verbatim/faithful/paraphrase cases")
        counts: Counter[str] = Counter()
        for case_id, kind, expected, found in rows:
            if kind in RENDERINGS:
                _listed(case_id, expected, found, counts, quiet=quiet)
            elif expected == "distortion":
                distortions.append((case_id, expected, found))
        totals[title] = counts
    print("\n== counts by kind")
    for title, counts in totals.items():
        _print_counts(title, counts)
    if "--forced" in argv:
        tuning = [c for c in realcases.load_cases() if not c.held_back]
        for title, wanted in (("renderings", RENDERINGS), ("distortions", ("distortion",))):
            print(f"\n== forced against the real post, tuning {title}")
            forced: Counter[str] = Counter()
            _forced([c for c in tuning if c.kind in wanted], forced, quiet=quiet)
            _print_counts(f"forced, {title}", forced,
                          "false alarms" if title == "renderings" else "differences kept")
    if "--distortions" in argv:
        print("\n== tuning distortions (a real change must keep its difference)")
        kept: Counter[str] = Counter()
        for case_id, expected, found in distortions:
            _listed(case_id, expected, found, kept, quiet=False)
            if found is None or not found.verdict.differences:
                verdict = found.verdict.label if found else realcases.NOT_EXTRACTED
                print(f"  {case_id} [expected {expected}, got {verdict}] no difference")
        _print_counts("distortions", kept, "differences kept")


if __name__ == "__main__":
    main(sys.argv[1:])
