"""Normalized JSON reports of the seeds and the development set, for refactoring checks.

Writes `verify` and `extract` reports (timestamps removed) into DIR, so two checkouts'
outputs can be compared with `diff -r`: a change that should not alter behaviour must
leave them identical.

    python benchmarks/snapshot.py DIR
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
VOLATILE = {"generated_at"}


def _scrub(value: object) -> object:
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _quotes(*args: str) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args, "--format", "json", "--quiet"],
        capture_output=True, text=True, cwd=ROOT,
    )
    if run.returncode not in (0, 1):
        raise SystemExit(f"snapshot: quotes {' '.join(args[:2])} failed: {run.stderr.strip()}")
    return _scrub(json.loads(run.stdout))  # type: ignore[return-value]


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="quotes-snapshot-"))
    seeds_db, dev_db = str(work / "seeds.sqlite"), str(work / "dev.sqlite")
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "archive", "import", "--quiet",
                    "--db", seeds_db, str(ROOT / "fixtures" / "canonical-tweets.jsonl")],
                   check=True, cwd=ROOT)
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "archive", "import", "--quiet",
                    "--db", dev_db, str(DEV / "canonical-tweets.jsonl")], check=True, cwd=ROOT)
    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    articles = work / "dev"
    articles.mkdir()
    for line in (DEV / "real-quotes.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        (articles / f"{case['id']}.txt").write_text(case["article_excerpt"], encoding="utf-8")
    passages = work / "attribution"
    passages.mkdir()
    for line in (DEV / "attribution.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        (passages / f"{case['id']}.txt").write_text(case["passage"], encoding="utf-8")
    dev = sorted(str(p) for p in articles.glob("*.txt"))
    reports = {
        "verify-seeds": _quotes("verify", *seeds, "--db", seeds_db),
        "extract-seeds": _quotes("extract", *seeds),
        "extract-attribution": _quotes(
            "extract", *sorted(str(p) for p in passages.glob("*.txt"))),
    }
    for path in dev:  # one by one, as the dev benchmark verifies them
        reports[f"verify-dev-{Path(path).stem}"] = _quotes("verify", path, "--db", dev_db)
    reports["verify-dev-all"] = _quotes("verify", *dev, "--db", dev_db)
    for name, report in reports.items():
        text = json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True)
        text = text.replace(str(work), "<work>").replace(str(ROOT), "<root>")
        (out_dir / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    print(f"{len(reports)} reports written to {out_dir}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
