"""Long articles and walls of quotation marks: time and peak memory of `quotes extract` and
`quotes verify --no-mt`, how extraction time grows with the number of marks, and how the
analysis's CPU time per character grows on dense units (one-letter sentences, nested
unclosed quotes, names and quotes mixed) repeated n and 4n times.

    python benchmarks/hostile.py [--quick]

Targets (issue 13): a 1.1M-character article and a file of 200,000 „ marks each finish
in under a minute, under 1 GB peak RSS; extraction time about doubles when marks double.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "canonical-tweets.jsonl"
PARAGRAPH = (
    "Die Sprecherin Erika Beispiel äußerte sich am Montag ausführlich zu den Plänen des "
    "fiktiven Vereins. Der Vorstand habe lange beraten, hieß es, und die Mitglieder seien "
    "informiert worden.\n\n"
)
QUOTED = "„Wir werden das Projekt nicht aufgeben, auch wenn es teurer wird“, sagte Beispiel.\n\n"


def long_article(chars: int) -> str:
    """Narration paragraphs with a quote every tenth one, `chars` characters or a bit more."""
    block = PARAGRAPH * 9 + QUOTED
    return block * (chars // len(block) + 1)


def run(*argv: str) -> tuple[float, float, int]:
    """Seconds, peak RSS (MiB) and exit code of one `quotes` command in its own process."""
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), *argv, "--quiet"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - start, usage.ru_maxrss / 1024, proc.returncode


def report(label: str, *argv: str) -> float:
    seconds, rss, code = run(*argv)
    print(f"{label:<44} {seconds:7.1f} s {rss:8.0f} MiB  exit {code}", flush=True)
    return seconds


# Short units repeated into walls of text; the unit tests bound their calls per character
# (tests/test_properties.py), this prints their time.
DENSE_UNITS = {
    "one-letter sentences": "Z!",
    "nested unclosed quotes": "\u201bZ\n \u00bb\u201c\u201a,\u2019\n:",
    "names, roles and quotes": "Ministerin Qarv sagte: „Ja.“ Herr Tomlin, laut der Minister, ",
}


def dense_units(quick: bool) -> None:
    """CPU seconds per 1,000 characters of one analysis at n and 4n repeats of each unit."""
    sys.path.insert(0, str(ROOT))
    from quotes.models import Document
    from quotes.pipeline.analyze import Analyzer

    analyzer = Analyzer()
    analyzer.analyze(Document("warm.txt", "Er sagte: „Ja.“", "de"))
    total = 20_000 if quick else 100_000
    print("analysis CPU time per 1,000 characters, n and 4n repeats (ratio):")
    for label, unit in DENSE_UNITS.items():
        per_k = []
        for repeat in (total // len(unit) // 4, total // len(unit)):
            text = unit * repeat
            started = time.process_time()
            analyzer.analyze(Document("dense.txt", text, "de"))
            per_k.append((time.process_time() - started) / len(text) * 1000)
        print(f"  {label:<28} {per_k[0] * 1000:7.2f} ms {per_k[1] * 1000:7.2f} ms "
              f"({per_k[1] / per_k[0]:.2f})", flush=True)


def main() -> None:
    quick = "--quick" in sys.argv
    dense_units(quick)
    work = Path(tempfile.mkdtemp(prefix="quotes-hostile-"))
    db = str(work / "archive.sqlite")
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "archive", "import", "--quiet",
                    "--db", db, str(FIXTURE)], check=True, cwd=ROOT)
    article = work / "long.txt"
    article.write_text(long_article(1_100_000), encoding="utf-8")
    marks = work / "marks.txt"
    marks.write_text("„" * 200_000, encoding="utf-8")
    for label, path in (("1.1M characters", article), ("200,000 „ marks", marks)):
        report(f"extract {label}", "extract", "--db", db, str(path))
        report(f"verify --no-mt {label}", "verify", "--no-mt", "--db", db, str(path))
    print("extraction time by number of „ marks (with ratio per doubling):")
    previous = None
    for n in (2_000, 4_000, 8_000) if quick else (2_000, 4_000, 8_000, 16_000, 32_000):
        path = work / f"marks-{n}.txt"
        path.write_text("„" * n, encoding="utf-8")
        seconds = report(f"  extract {n:,} marks", "extract", "--db", db, str(path))
        if previous:
            print(f"  ratio {seconds / previous:.2f}")
        previous = seconds


if __name__ == "__main__":
    main()
