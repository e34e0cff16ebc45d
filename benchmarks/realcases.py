"""Verdicts on real fact-checked cases: the tuning part and the held-back part.

`benchmarks/realcases/cases-*.jsonl` holds real cases from published fact-checks and news
in eight languages, each with the text as circulated, the real post where one exists and
the source URL; `tweets-*.jsonl` the real posts (official, parody and impostor accounts).
Cases are split BY STORY into a tuning part and a held-back part (a story's hash decides,
so every case of one tweet falls on the same side and the split never changes when cases
are added). Tune on the tuning part only; report both.

    python benchmarks/realcases.py [--model-dir DIR] [--cases] [--no-suites] [--part tune|held]
                                   [--passes g1,g3]

For each part it prints per-verdict precision and recall, the confusion matrix, the
reliability table (stated confidence against observed accuracy, by decile) and the
figures the verdicts are held to: fabricated and spoken quotes left unmatched,
misattributions (impostor accounts included) flagged, distortion precision and recall,
faithful renderings never called distortion or misattributed. Then, unless
`--no-suites`, the perturbation suite (`eval.py`) and ../shared/dev (`dev_verify.py`).

With `QUOTES_BENCH_EMBED_CACHE=/tmp/some.pkl`, embeddings (and the imported archive) are
kept between runs (`bench_embed.py`): a second run takes seconds instead of minutes.
The match decision it measures is `quotes/data/match.json` (`fit_decision.py`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_embed import bench_embedder
from rapidfuzz import fuzz

from quotes.compare.alignment import tweet_table
from quotes.decision import DecisionModel
from quotes.models import VERDICTS, Document, QuoteResult
from quotes.pipeline import Analyzer, Verifier, import_files
from quotes.sources import url_date
from quotes.store import Archive

DATA = Path(__file__).resolve().parent / "realcases"
HELD_BACK_SHARE = 3  # one story in three is held back
NOT_EXTRACTED = "not-extracted"
FAITHFUL_KINDS = ("faithful", "paraphrase", "verbatim")
ALARMS = ("distortion", "misattributed")


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    story: str
    language: str
    kind: str
    expected: str
    excerpt: str
    quote: str
    canonical_text: str | None
    article_url: str = ""
    canonical_author: str | None = None
    canonical_date: str | None = None  # YYYY-MM-DD

    @property
    def document(self) -> Document:
        """The excerpt as `verify` reads an article: dated by its address where that
        has a date (tweets posted later are no source of it)."""
        return Document(self.id, self.excerpt, self.language, url_date(self.article_url))

    @property
    def held_back(self) -> bool:
        return is_held_back(self.story)


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    verdict: str
    confidence: float
    right_tweet: bool | None  # None where the case has no real post
    result: QuoteResult | None


def same_post(text: str, author: str | None, date: str | None, case: Case) -> bool:
    """Is the matched post the case's real one: its text (a copy may differ by a few
    characters), or the same message its author posted that day in another language
    (Macron and Trudeau post in French and English, Tedros in English and Indonesian)?
    A same-day post in the same language is another post: a near miss, not a match."""
    if case.canonical_text is None:
        return False
    if fuzz.ratio(text, case.canonical_text) >= 90:
        return True
    return (author is not None and date is not None
            and author.casefold() == (case.canonical_author or "").casefold()
            and date == case.canonical_date
            and tweet_table(text).code != tweet_table(case.canonical_text).code)


def is_held_back(story: str) -> bool:
    digest = hashlib.sha256(story.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % HELD_BACK_SHARE == 0


def load_cases(data: Path = DATA, passes: Sequence[str] = ()) -> list[Case]:
    """The cases of every pass (`cases-<pass>.jsonl`), or of the `passes` named."""
    cases = []
    for path in sorted(data.glob("cases-*.jsonl")):
        if passes and path.stem.removeprefix("cases-") not in passes:
            continue
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            raw = json.loads(line)
            canonical = raw.get("canonical") or {}
            cases.append(Case(raw["id"], raw["story"], raw["language"], raw["kind"],
                              raw["expected"], raw["article_excerpt"], raw["quoted_text"],
                              canonical.get("text"), raw.get("article_url", ""),
                              canonical.get("author"), (canonical.get("created_at") or "")[:10]
                              or None))
    return cases


def build_archive(data: Path = DATA) -> Archive:
    """A fresh archive of the cases' posts, imported as `quotes archive import` does
    (official, parody and impostor accounts marked by their `account` field). With
    `$QUOTES_BENCH_EMBED_CACHE` set, the imported (and embedded) archive is kept beside
    that file, keyed by the posts' content, and copied for each run."""
    files = sorted(data.glob("tweets-*.jsonl"))
    url = str(Path(tempfile.mkdtemp(prefix="realcases-")) / "a.sqlite")
    cache = os.environ.get("QUOTES_BENCH_EMBED_CACHE")
    if cache:
        digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:16]
        kept = Path(f"{cache}.archive-{digest}.sqlite")
        if not kept.is_file():
            import_files(files, db_url=str(kept))
        shutil.copyfile(kept, url)
        return Archive.open(url)
    import_files(files, db_url=url)
    return Archive.open(url)


def run(cases: Sequence[Case], translator: object | None = None,
        model: DecisionModel | None = None) -> list[Outcome]:
    archive = build_archive()
    verifier = Verifier(archive, Analyzer(resolve=archive.speaker_resolver()),
                        translator=translator,  # type: ignore[arg-type]
                        embedder=bench_embedder(), model=model)
    articles = verifier.verify([c.document for c in cases])
    outcomes = []
    for case, article in zip(cases, articles, strict=True):
        found = _the_quote(case, article.quotes)
        if found is None:
            outcomes.append(Outcome(case, NOT_EXTRACTED, 0.0, None, None))
            continue
        match = found.verdict.match
        right = None
        if case.canonical_text is not None:
            right = match is not None and same_post(
                match.tweet.text, match.tweet.author_handle,
                match.tweet.created_at.date().isoformat() if match.tweet.created_at else None,
                case)
        outcomes.append(Outcome(case, found.verdict.label, found.verdict.confidence, right,
                                found))
    return outcomes


def _the_quote(case: Case, quotes: Sequence[QuoteResult]) -> QuoteResult | None:
    """The statement quote the case is about: the one that best covers its quoted text."""
    scored = [(fuzz.partial_ratio(q.finding.quote.text, case.quote), q) for q in quotes]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] >= 70 else None


# --- figures ------------------------------------------------------------------------------


def _ratio(hits: int, total: int) -> str:
    return f"{hits}/{total} = {hits / total:.2f}" if total else "—"


def print_targets(outcomes: Sequence[Outcome]) -> None:
    """The figures issue 11 holds the verdicts to."""
    fake = [o for o in outcomes if o.case.kind in ("fabricated", "spoken")]
    misattributed = [o for o in outcomes if o.case.expected == "misattributed"]
    distortion_expected = [o for o in outcomes if o.case.expected == "distortion"]
    distortion_said = [o for o in outcomes if o.verdict == "distortion"]
    faithful = [o for o in outcomes if o.case.kind in FAITHFUL_KINDS]
    with_post = [o for o in outcomes if o.right_tweet is not None]
    rows = [
        ("fabricated/spoken left unmatched (≥0.95)",
         sum(o.verdict == "unmatched" for o in fake), len(fake)),
        ("misattributions flagged (≥0.90)",
         sum(o.verdict == "misattributed" for o in misattributed), len(misattributed)),
        ("distortion precision (≥0.90)",
         sum(o.case.expected == "distortion" for o in distortion_said), len(distortion_said)),
        ("distortion recall (≥0.80)",
         sum(o.verdict == "distortion" for o in distortion_expected), len(distortion_expected)),
        ("faithful/paraphrase/verbatim not alarmed (≥0.95)",
         sum(o.verdict not in ALARMS for o in faithful), len(faithful)),
        ("real post matched where one exists",
         sum(bool(o.right_tweet) for o in with_post), len(with_post)),
    ]
    for label, hits, total in rows:
        print(f"  {label:50} {_ratio(hits, total)}")


def print_metrics(outcomes: Sequence[Outcome]) -> None:
    print(f"  {'verdict':14} precision recall support")
    for label in VERDICTS:
        said = [o for o in outcomes if o.verdict == label]
        expected = [o for o in outcomes if o.case.expected == label]
        hits = sum(o.verdict == label for o in expected)
        p = f"{hits / len(said):.2f}" if said else "—"
        r = f"{hits / len(expected):.2f}" if expected else "—"
        print(f"  {label:14} {p:>9} {r:>6} {len(expected):>7}")
    columns = [*VERDICTS, NOT_EXTRACTED]
    confusion = Counter((o.case.expected, o.verdict) for o in outcomes)
    print("  confusion (rows: expected, columns: verdict)")
    print("  " + " " * 14 + " ".join(f"{c[:10]:>10}" for c in columns))
    for label in VERDICTS:
        if any(o.case.expected == label for o in outcomes):
            print(f"  {label:14}" + " ".join(f"{confusion[(label, c)]:>10}" for c in columns))


def print_reliability(outcomes: Sequence[Outcome]) -> None:
    """Stated confidence against how often the verdict was right, by decile."""
    judged = [o for o in outcomes if o.verdict != NOT_EXTRACTED]
    print("  reliability (confidence decile: cases, mean confidence, observed accuracy)")
    for decile in range(10):
        low, high = decile / 10, (decile + 1) / 10
        group = [o for o in judged
                 if low <= o.confidence < high or (decile == 9 and o.confidence == 1.0)]
        if group:
            mean = sum(o.confidence for o in group) / len(group)
            right = sum(o.verdict == o.case.expected for o in group) / len(group)
            print(f"    {low:.1f}–{high:.1f}: {len(group):>4}  {mean:.2f}  {right:.2f}")


def print_part(title: str, outcomes: Sequence[Outcome], *, show_cases: bool) -> None:
    stories = len({o.case.story for o in outcomes})
    print(f"\n== {title}: {len(outcomes)} cases, {stories} stories, "
          f"{len({o.case.language for o in outcomes})} languages")
    print_targets(outcomes)
    print_metrics(outcomes)
    print_reliability(outcomes)
    if show_cases:
        print("  wrong verdicts:")
        for o in outcomes:
            if o.verdict != o.case.expected:
                notes = o.result.verdict.notes[:1] if o.result else ()
                print(f"    {o.case.id} [{o.case.kind}]: expected {o.case.expected}, got "
                      f"{o.verdict} {o.confidence:.2f} {' '.join(notes)[:120]}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="Verdicts on the real fact-checked cases.")
    parser.add_argument("--cases", action="store_true", help="list every wrong verdict")
    parser.add_argument("--no-suites", action="store_true",
                        help="skip the perturbation suite and ../shared/dev")
    parser.add_argument("--part", choices=("tune", "held"), help="one part only")
    parser.add_argument("--passes", default="",
                        help="only these passes, e.g. g1,g3 (a new pass before any tuning)")
    parser.add_argument("--model-dir", type=Path, help="MT models for back-translation")
    args = parser.parse_args(argv)
    passes = [p for p in args.passes.split(",") if p]
    cases = load_cases(passes=passes)
    parts = {"tune": [c for c in cases if not c.held_back],
             "held": [c for c in cases if c.held_back]}
    wanted = [args.part] if args.part else list(parts)
    model_dir = args.model_dir
    translator = None
    if model_dir is not None:
        from quotes.translate import Translator

        translator = Translator(model_dir=model_dir)
    print(f"real cases: {len(cases)} in {len({c.story for c in cases})} stories; "
          f"tuning {len(parts['tune'])}, held back {len(parts['held'])}")
    outcomes = run(cases, translator)
    by_id = {o.case.id: o for o in outcomes}
    for name in wanted:
        title = "tuning part" if name == "tune" else "held-back part (never tuned on)"
        print_part(title, [by_id[c.id] for c in parts[name]], show_cases=args.cases)
    if args.no_suites:
        return
    import dev_verify
    import eval as perturbation

    perturbation.print_report("perturbation suite (anchors + embeddings, no MT)",
                              perturbation.run(perturbation.suite()), show_cases=False)
    dev_verify.print_result("../shared/dev real quotes (anchors + embeddings, no MT)",
                            dev_verify.run())


if __name__ == "__main__":
    main(sys.argv[1:])
