"""Batch verification: articles per second of `quotes verify --jobs 1` and `--jobs 2` on
the same 40 articles (the seeds and the dev set's article excerpts, repeated), each run a
fresh process timed from start to exit (loading models included), as a newsroom's batch
job would run it.

    python benchmarks/batch.py [--articles 40]

`batch_figures()` returns the figures for `benchmarks/speed.py`. The archive holds the
fixture's and the dev set's canonical tweets, embedded at import (not timed). The two
reports must be identical apart from their timestamps; the benchmark checks it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The dev set beside the checkout (`../shared/dev`), or beside a folder of checkouts.
DEV = next((d / "shared" / "dev" for d in ROOT.parents if (d / "shared" / "dev").is_dir()),
           ROOT.parent / "shared" / "dev")
ARTICLES = 40
TARGET = 1.6  # issue 14: --jobs 2 gives at least 1.6x the articles/s of --jobs 1


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    # No text vectors kept between runs: the second run would read the first one's and
    # time a cache, not the workers.
    env = dict(os.environ, QUOTES_VECTOR_CACHE="off")
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, check=False, env=env)


def articles_jsonl(path: Path, count: int = ARTICLES) -> None:
    """`count` articles, one a line: the seeds, then the dev excerpts, again from the start
    when they run out (each repetition under its own id)."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in seeds]
    for line in (DEV / "real-quotes.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        texts.append((case["id"], case["article_excerpt"]))
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            name, text = texts[i % len(texts)]
            out.write(json.dumps({"id": f"{i:03d}-{name}", "text": text}, ensure_ascii=False)
                      + "\n")


def _timed_verify(db: str, articles: Path, jobs: int, report: Path) -> tuple[float, float]:
    """Wall seconds of the run, and the CPU seconds of it and its workers (forked from
    the command, so reaped by it and counted in its children's usage)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = _cli("verify", "--no-mt", "--jobs", str(jobs), "--quiet", "--db", db, "--format",
               "json", "--out", str(report), str(articles))
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 1):
        raise SystemExit(f"batch: verify --jobs {jobs} failed: {run.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def _same_reports(a: Path, b: Path) -> bool:
    def load(path: Path) -> object:
        payload = json.loads(path.read_text(encoding="utf-8"))
        payload.pop("generated_at", None)
        return payload

    return load(a) == load(b)


def batch_figures(count: int = ARTICLES) -> dict[str, float | bool | int]:
    """Articles/s with one and two worker processes, their ratio, whether it meets the
    target, and whether both reports are the same."""
    with tempfile.TemporaryDirectory(prefix="quotes-batch-") as work:
        folder = Path(work)
        db = str(folder / "archive.sqlite")
        fixture, dev = ROOT / "fixtures" / "canonical-tweets.jsonl", DEV / "canonical-tweets.jsonl"
        imported = _cli("archive", "import", "--quiet", "--db", db, str(fixture), str(dev))
        if imported.returncode != 0:
            raise SystemExit(f"batch: import failed: {imported.stderr.strip()}")
        articles = folder / "articles.jsonl"
        articles_jsonl(articles, count)
        load = os.getloadavg()[0]
        one, one_cpu = _timed_verify(db, articles, 1, folder / "one.json")
        two, two_cpu = _timed_verify(db, articles, 2, folder / "two.json")
        load = max(load, os.getloadavg()[0])
        same = _same_reports(folder / "one.json", folder / "two.json")
    ratio = one / two
    return {"articles": count, "jobs1_s": round(one, 2), "jobs2_s": round(two, 2),
            "jobs1_articles_per_s": round(count / one, 3),
            "jobs2_articles_per_s": round(count / two, 3), "speedup": round(ratio, 2),
            "target": TARGET, "met": ratio >= TARGET, "same_report": same,
            "jobs1_cpu_s": round(one_cpu, 2), "jobs2_cpu_s": round(two_cpu, 2),
            "load": round(load, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    print(f"{os.cpu_count()} cores, load average before: "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()))
    figures = batch_figures(parser.parse_args().articles)
    print(f"batch verify of {figures['articles']} articles: --jobs 1 {figures['jobs1_s']} s "
          f"({figures['jobs1_articles_per_s']} articles/s), --jobs 2 {figures['jobs2_s']} s "
          f"({figures['jobs2_articles_per_s']} articles/s): {figures['speedup']}x "
          f"(target >= {TARGET}x: {'met' if figures['met'] else 'NOT met'}); "
          f"reports {'identical' if figures['same_report'] else 'DIFFER'}; CPU seconds "
          f"{figures['jobs1_cpu_s']} and {figures['jobs2_cpu_s']} (the work a second worker "
          f"adds); load average "
          f"after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
