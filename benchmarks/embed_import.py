"""Where tweet embeddings are computed: at import (small archives) rather than inside the
first `verify`.

    python benchmarks/embed_import.py [--tweets 2000] [--root CHECKOUT]

Generates an archive of N tweets (the fixture's tweets hidden among invented posts by
obviously fictional accounts, as `benchmarks/scale.py` does), imports it with the CLI and
times the import and the first `verify` of one seed against it, then a second `verify`.
`--root` runs another checkout's CLI (e.g. one before this change) on the same data.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scale import write_archive  # noqa: E402

SEED_ARTICLE = "seeds/002_f7fa717707bdf36d.txt"


def _timed(root: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(root / "cli.py"), *args, "--quiet"], cwd=root,
                   check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def import_figures(tweets: int = 2000, root: Path = ROOT) -> dict[str, float]:
    """Seconds for `archive import` of `tweets` tweets, then the first and second
    `verify` of one seed against that archive."""
    with tempfile.TemporaryDirectory(prefix="quotes-embed-import-") as work:
        data, db = Path(work) / "tweets.jsonl", str(Path(work) / "archive.sqlite")
        write_archive(data, tweets)
        figures = {"import_s": _timed(root, "archive", "import", "--db", db, str(data))}
        article = str(root / SEED_ARTICLE)
        figures["first_verify_s"] = _timed(root, "verify", article, "--db", db, "--format",
                                           "json")
        figures["second_verify_s"] = _timed(root, "verify", article, "--db", db, "--format",
                                            "json")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tweets", type=int, default=2000)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    figures = import_figures(args.tweets, args.root.resolve())
    print(f"{args.tweets} tweets ({args.root}): import {figures['import_s']:.1f} s, "
          f"first verify {figures['first_verify_s']:.1f} s, "
          f"second verify {figures['second_verify_s']:.1f} s")


if __name__ == "__main__":
    main()
