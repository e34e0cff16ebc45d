"""Extraction and attribution on the real development quotes (../shared/dev).

For each case, is the quote found with its exact span (or a span containing it), and is
it attributed to the speaker the article names? Speakers are resolved against an archive
of the dev canonical tweets, as `quotes extract` does against the user's archive. Prints
one line a case and the totals.

    python benchmarks/dev_attribution.py [--no-archive] [path/to/real-quotes.jsonl]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from quotes.formats import read_archive_file
from quotes.models import Document
from quotes.normalize import alias_key
from quotes.pipeline import Analyzer
from quotes.store import Archive

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev"


def main(path: Path = DEV / "real-quotes.jsonl", *, use_archive: bool = True) -> None:
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    resolve = None
    if use_archive:
        tmp = tempfile.mkdtemp()
        archive = Archive.open(str(Path(tmp) / "dev.sqlite"))
        parsed = read_archive_file(path.parent / "canonical-tweets.jsonl")
        archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
        resolve = archive.speaker_resolver()
    pipeline = Analyzer(resolve=resolve)
    exact = contained = speaker_ok = 0
    for case in cases:
        analysis = pipeline.analyze(Document(case["id"], case["article_excerpt"], case["language"]))
        target = case["quoted_text"].strip().rstrip(",")
        found = None
        for finding in analysis.findings:
            if finding.quote.text.strip().rstrip(",") == target:
                found, how = finding, "exact"
                break
            if target in finding.quote.text and finding.quote.depth == 0:
                found, how = finding, "contains"
        if found is None:
            print(f"MISS     {case['id']}: {[f.quote.text[:40] for f in analysis.findings]}")
            continue
        exact += how == "exact"
        contained += how == "contains"
        who = found.attribution.speaker if found.attribution else None
        ok = who is not None and set(alias_key(who).split()) <= set(
            alias_key(case["speaker"]).split()
        )
        speaker_ok += ok
        medium = found.attribution.medium if found.attribution else "-"
        mark = "ok " if ok else "BAD"
        print(f"{how:8} {case['id']}: {found.quote.kind} speaker {mark} {who!r} medium={medium}")
    n = len(cases)
    print(
        f"\nquotes found exactly {exact}/{n}, within a larger quote {contained}/{n}; "
        f"speaker right {speaker_ok}/{n}"
    )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--no-archive"]
    main(
        Path(args[0]) if args else DEV / "real-quotes.jsonl",
        use_archive="--no-archive" not in sys.argv,
    )
