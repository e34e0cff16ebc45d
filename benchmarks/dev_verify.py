"""Verification on the real development set: right-tweet rate and verdict confusion matrix.

Imports ../shared/dev/canonical-tweets.jsonl into a fresh archive, verifies every
article excerpt of ../shared/dev/real-quotes.jsonl, finds the quote the case is about
and compares: was it matched to the right tweet (or, for `unrelated` cases, left
unmatched), and which verdict did it get against the case's relation.

    python benchmarks/dev_verify.py [--mt] [--model-dir DIR]
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

# Run as a script, the checkout this file belongs to comes before any installed `quotes`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_embed import bench_embedder

from quotes.formats import read_archive_file
from quotes.models import Document, QuoteResult
from quotes.pipeline import Analyzer, Verifier
from quotes.store import Archive

# ../shared/dev beside the checkout (a worktree under wt/ finds it one level higher).
DEV = next((d for d in (Path(__file__).resolve().parents[i] / "shared" / "dev" for i in (2, 3))
            if d.is_dir()), Path(__file__).resolve().parents[2] / "shared" / "dev")
from quotes.models import VERDICTS  # noqa: E402 - after the path set-up above

RELATIONS = ("faithful", "paraphrase", "distortion", "unrelated")


def verified(translator: object | None = None,
             dev: Path = DEV) -> list[tuple[dict[str, Any], QuoteResult | None]]:
    """Each dev case with the quote of its excerpt it is about (None where none was
    extracted)."""
    archive = Archive.open(str(Path(tempfile.mkdtemp()) / "dev.sqlite"))
    parsed = read_archive_file(dev / "canonical-tweets.jsonl")
    archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
    verifier = Verifier(
        archive,
        Analyzer(resolve=archive.speaker_resolver()),
        translator=translator,  # type: ignore[arg-type]
        embedder=bench_embedder(),
    )
    cases = [json.loads(line) for line in (dev / "real-quotes.jsonl").open(encoding="utf-8")]
    found_for = []
    for case in cases:
        (report,) = verifier.verify([Document(case["id"], case["article_excerpt"],
                                              case["language"])])
        target = case["quoted_text"].strip().rstrip(",")
        found_for.append((case, next((q for q in report.quotes
                                      if target in q.finding.quote.text
                                      or q.finding.quote.text.strip().rstrip(",") in target),
                                     None)))
    return found_for


def run(translator: object | None = None, dev: Path = DEV) -> dict[str, object]:
    confusion: Counter[tuple[str, str]] = Counter()
    right = total_expected = 0
    rows = []
    for case, found in verified(translator, dev):
        verdict = found.verdict.label if found else "not-extracted"
        match = found.verdict.match if found else None
        if case["relation"] == "unrelated":
            ok = match is None
        else:
            total_expected += 1
            ok = match is not None and match.tweet.text == case["canonical_text"]
            right += ok
        confusion[(case["relation"], verdict)] += 1
        rows.append((case["id"], case["relation"], verdict, ok,
                     found.verdict.notes[0] if found and found.verdict.notes else ""))
    return {"rows": rows, "confusion": confusion, "right": right, "expected": total_expected,
            "unrelated_ok": sum(1 for r in rows if r[1] == "unrelated" and r[3]),
            "unrelated": sum(1 for r in rows if r[1] == "unrelated")}


def print_result(title: str, result: dict[str, object]) -> None:
    print(f"\n== {title}")
    for case_id, relation, verdict, ok, note in result["rows"]:  # type: ignore[union-attr]
        print(f"  {'ok ' if ok else 'BAD'} {case_id:40} {relation:11} → {verdict:13} {note}")
    print(f"right tweet: {result['right']}/{result['expected']}; "
          f"unrelated left unmatched: {result['unrelated_ok']}/{result['unrelated']}")
    confusion = result["confusion"]
    columns = [*VERDICTS, "not-extracted"]
    print("confusion (rows: dev relation, columns: verdict)")
    print("  " + " " * 11 + " ".join(f"{c[:10]:>10}" for c in columns))
    for relation in RELATIONS:
        cells = " ".join(f"{confusion.get((relation, c), 0):>10}" for c in columns)  # type: ignore[union-attr]
        print(f"  {relation:11}{cells}")


if __name__ == "__main__":
    print_result("anchors + embeddings, no MT", run())
    if "--mt" in sys.argv:
        from quotes.translate import Translator

        args = sys.argv
        model_dir = Path(args[args.index("--model-dir") + 1]) if "--model-dir" in args else None
        print_result("with MT", run(Translator(model_dir=model_dir)))
