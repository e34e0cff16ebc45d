"""Two `quotes archive import` processes at once, with overlapping archives, on a brand-new
database (SQLite file and PostgreSQL): both succeed, and every tweet is stored once, by
whichever of PostgreSQL's write paths each import takes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from quotes.store import BULK_LOAD_MIN, Archive, with_driver

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


# `quotes archive import` with the store's bulk-load threshold set (argv[1]), printing
# which way it wrote its rows to PostgreSQL, so a test knows the paths it exercised.
RUNNER = """
import sys

import quotes.store.bulk as store
from quotes.cli import main


def traced(name, write):
    def wrapper(*args, **kwargs):
        print(name, flush=True)
        return write(*args, **kwargs)
    return wrapper


store.BULK_LOAD_MIN = int(sys.argv[1])
store._copy_into_empty = traced("copy into empty", store._copy_into_empty)
store._insert_postgres = traced("insert on conflict", store._insert_postgres)
store._Import._first_bulk_load = traced("bulk load", store._Import._first_bulk_load)
sys.exit(main(sys.argv[2:]))
"""


def start_import(path: Path, url: str, bulk_load_min: int) -> subprocess.Popen[str]:
    # --no-embed: embedding 2,500 tweets at import (under the small-archive limit) is no
    # part of what is tested, and took over PROCESS_TIMEOUT on a loaded machine.
    env = {**os.environ, "QUOTES_DB": url}
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(bulk_load_min),
         "archive", "import", "--no-embed", "--db", url, str(path)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_concurrent_overlapping_imports_store_each_tweet_once(
    any_db_url: str, tmp_path: Path
) -> None:
    paths = run_both(any_db_url, tmp_path, BULK_LOAD_MIN)
    if "postgresql" in any_db_url:
        # The first into the empty table copies straight into it; the second, behind it
        # on the import lock, goes through the conflict pass.
        assert sorted(paths) == [["copy into empty"], ["insert on conflict"]]
    check_each_tweet_once(any_db_url)


def test_concurrent_first_bulk_loads_store_each_tweet_once(pg_url: str, tmp_path: Path) -> None:
    paths = run_both(pg_url, tmp_path, OWN)
    assert sorted(paths) == [["bulk load"], ["insert on conflict"]]
    check_each_tweet_once(pg_url)


def run_both(url: str, tmp_path: Path, bulk_load_min: int) -> list[list[str]]:
    """Import two overlapping archives at once; each process's write paths."""
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_archive(first, range(OWN + SHARED), with_ids=False)
    write_archive(second, range(OWN, 2 * OWN + SHARED), with_ids=True)

    processes = [start_import(path, url, bulk_load_min) for path in (first, second)]
    outcomes = [(p.wait(timeout=PROCESS_TIMEOUT), *p.communicate()) for p in processes]
    for code, _out, err in outcomes:
        assert code == 0, err
        assert err.startswith("imported ")
    return [out.splitlines() for _code, out, _err in outcomes]


def check_each_tweet_once(any_db_url: str) -> None:
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
