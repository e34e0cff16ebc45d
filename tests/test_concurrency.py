"""Two `quotes archive import` processes at once, with overlapping archives, on a brand-new
database (SQLite file and PostgreSQL): both succeed, and every tweet is stored once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from quotes.store import Archive, with_driver

ROOT = Path(__file__).resolve().parents[1]
PROCESS_TIMEOUT = 600  # seconds: generous, a stuck lock must fail the test, not hang it
SHARED = 1500  # tweets in both archives
OWN = 1000  # tweets in only one of them


def write_archive(path: Path, numbers: range, *, with_ids: bool) -> None:
    """Invented posts by fictional accounts; the same number gives the same post."""
    with path.open("w", encoding="utf-8") as out:
        for n in numbers:
            record = {
                "author": f"fictional_user_{n % 7:04d}",
                "name": f"Fictional User {n % 7} (fictional)",
                "text": f"Generated concurrency post {n}: {n * 7919 % 10007} widgets.",
                # Every third post carries its id only in the second archive: one import
                # adds it by text, the other must fill the id in (or find it there).
                "id": str(10_000 + n) if with_ids or n % 3 else None,
            }
            out.write(json.dumps(record) + "\n")


def start_import(path: Path, url: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QUOTES_DB": url}
    return subprocess.Popen(
        [sys.executable, "-m", "quotes", "archive", "import", "--db", url, str(path)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_concurrent_overlapping_imports_store_each_tweet_once(
    any_db_url: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_archive(first, range(OWN + SHARED), with_ids=False)
    write_archive(second, range(OWN, 2 * OWN + SHARED), with_ids=True)

    processes = [start_import(first, any_db_url), start_import(second, any_db_url)]
    outcomes = [(p.wait(timeout=PROCESS_TIMEOUT), *p.communicate()) for p in processes]
    for code, _out, err in outcomes:
        assert code == 0, err
        assert err.startswith("imported ")

    total = 2 * OWN + SHARED
    with Archive.open(any_db_url) as archive:
        assert archive.count() == total
        tweets = archive.tweets()
        # Each post once, and with its id wherever either archive had one: only the
        # first archive's own id-less posts lack it.
        assert len({t.text for t in tweets}) == total
        idless = sum(1 for t in tweets if t.platform_id is None)
        assert idless == len([n for n in range(OWN) if n % 3 == 0])
        # The search index holds every tweet, and the rare number ranks its post first.
        hits = archive.candidate_ids("Generated concurrency post 1234", limit=total)
        assert len(hits) == total
        assert archive.tweets_by_ids(hits[:1])[0].text.startswith("Generated concurrency post 1234")
    engine = create_engine(with_driver(any_db_url))
    with engine.connect() as conn:
        runs = conn.execute(text("SELECT added, updated, duplicates FROM import_run")).all()
    engine.dispose()
    assert sum(added for added, _, _ in runs) == total
