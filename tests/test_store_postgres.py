"""What only PostgreSQL needs checking: the archive commands against a server URL, the
plain `postgresql://` scheme, and retrieval reading word frequencies from the planner's
statistics. The shared behaviour runs on both databases in test_store.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from quotes.cli import main
from quotes.errors import StoreError
from quotes.models import TweetRecord
from quotes.store import ANALYZE_AFTER, Archive, choose_terms, with_driver

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "canonical-tweets.jsonl"
SEED_ID = "1636047019893481474"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_archive_commands_on_postgresql(capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    code, _, err = run(capsys, "archive", "import", "--db", pg_url, str(FIXTURE))
    imported, embedded = err.strip().splitlines()
    assert (code, imported) == (
        0, f"imported 21 tweets from {FIXTURE} (0 updated, 0 already in the archive)"
    )
    assert embedded.startswith("embedded 21 tweets with ")  # the vectors live in PostgreSQL too
    code, _, err = run(capsys, "archive", "import", "--db", pg_url, str(FIXTURE))
    assert err.strip() == "nothing new: all 21 tweets already in the archive"
    code, out, _ = run(capsys, "archive", "list", "--db", pg_url, "--format", "json",
                       "--author", "Musk")
    tweets = json.loads(out)["tweets"]
    assert [t["platform_id"] for t in tweets][:1] == [SEED_ID]
    assert tweets[0]["created_at"] == "2023-03-15T16:49:40Z"
    code, out, _ = run(capsys, "archive", "show", "--db", pg_url, SEED_ID)
    assert code == 0
    assert out.rstrip().endswith("why doesn’t everyone do it?")


def test_plain_postgresql_scheme_uses_psycopg(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with Archive.open(plain) as archive:
        assert archive.count() == 0
        assert archive.url == pg_url  # the driver actually used


def test_word_frequencies_come_from_the_statistics(pg_url: str) -> None:
    # Enough tweets for the import to refresh the statistics; "common" is in all of them.
    records = [
        TweetRecord("fictional_user_0001", f"common words {n} in post {n % 97}", f"g:{n}")
        for n in range(ANALYZE_AFTER)
    ]
    records.append(TweetRecord("fictional_user_0002", "common but zyxwv is rare", "g:x"))
    with Archive.open(pg_url) as archive:
        assert archive.import_records(records, files=["g"], fmt="jsonl").added == len(records)
        with archive.engine.connect() as conn:
            freqs = archive._search.doc_freqs(conn, ["common", "zyxwv"])
        assert freqs is not None
        assert freqs["common"] > 0.9 * len(records)
        assert freqs["zyxwv"] < 0.01 * len(records)
        assert choose_terms(["common", "zyxwv"], freqs, budget=100) == ["zyxwv"]
        # The other columns have their statistics too (the planner's, for the authors).
        with archive.engine.connect() as conn:
            analyzed = set(conn.execute(text(
                "SELECT attname FROM pg_stats WHERE tablename = 'tweet'"
            )).scalars())
        assert {"search_vector", "author_id", "import_id", "text_hash"} <= analyzed
        (top, *_) = archive.candidates("Is zyxwv common?")
        assert top.text == "common but zyxwv is rare"


def test_generated_search_column_follows_the_text(pg_url: str) -> None:
    with Archive.open(pg_url) as archive:
        archive.import_records(
            [TweetRecord("fictional_user_0001", "Café crème at 9", "t:1")], files=["t"],
            fmt="jsonl",
        )
    engine = create_engine(with_driver(pg_url))
    with engine.connect() as conn:
        vector = conn.execute(text("SELECT search_vector::text FROM tweet")).scalar_one()
    engine.dispose()
    assert vector == "'9':4 'at':3 'café':1 'crème':2"


def tweet_schema(url: str) -> set[tuple[str, str]]:
    """The tweet table's constraints and indexes, as the catalog defines them."""
    engine = create_engine(with_driver(url))
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'tweet'::regclass "
            "UNION ALL SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tweet'"
        )).all()
    engine.dispose()
    return {(name, definition) for name, definition in rows}


def test_bulk_loads_rebuild_what_they_set_aside(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The threshold lowered so small imports take the paths a million-tweet load takes.
    monkeypatch.setattr("quotes.store.bulk.BULK_LOAD_MIN", 5)
    with Archive.open(pg_url) as archive:
        schema = tweet_schema(pg_url)
        assert ("tweet_author_id_fkey", "FOREIGN KEY (author_id) REFERENCES author(id)") in schema
        assert any("gin (search_vector)" in definition for _, definition in schema)
        # Into the empty table: constraints, foreign keys and indexes all set aside.
        first = [TweetRecord("fictional_user_0001", f"bulk post {n} qwv{n}", f"g:{n}")
                 for n in range(20)]
        assert archive.import_records(first, files=["g"], fmt="jsonl").added == 20
        assert tweet_schema(pg_url) == schema
        assert archive.candidates("qwv7")[0].text == "bulk post 7 qwv7"
        # Bigger than the archive: foreign keys and plain indexes set aside.
        second = [TweetRecord("fictional_user_0002", f"second load {n} qwy{n}", f"h:{n}")
                  for n in range(30)]
        assert archive.import_records(second + first, files=["h"], fmt="jsonl").added == 30
        assert tweet_schema(pg_url) == schema
        assert archive.candidates("qwy3")[0].text == "second load 3 qwy3"
        # Not bigger than the archive any more: updated row by row, nothing set aside.
        more = [TweetRecord("fictional_user_0001", f"later post qwz{n}", f"i:{n}")
                for n in range(10)]
        assert archive.import_records(more, files=["i"], fmt="jsonl").added == 10
        assert archive.candidates("qwz3")[0].text == "later post qwz3"
        assert archive.count() == 60
    assert tweet_schema(pg_url) == schema
    # The foreign keys are back, and checked.
    engine = create_engine(with_driver(pg_url))
    with pytest.raises(IntegrityError, match="tweet_author_id_fkey"), engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO tweet (author_id, author_handle, text, text_key, text_hash, "
            "provenance) VALUES (999, 'nobody', 'x', 'x', 'x', 'test')"
        ))
    engine.dispose()


def test_bulk_load_keeps_a_unique_constraint_another_table_references(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Such a constraint cannot be dropped: the load keeps it and still succeeds.
    monkeypatch.setattr("quotes.store.bulk.BULK_LOAD_MIN", 5)
    with Archive.open(pg_url) as archive:
        engine = create_engine(with_driver(pg_url))
        with engine.begin() as conn:
            conn.execute(text(
                "CREATE TABLE quote_check (platform_id varchar REFERENCES tweet (platform_id))"
            ))
        engine.dispose()
        schema = tweet_schema(pg_url)
        records = [TweetRecord("fictional_user_0001", f"post {n}", f"g:{n}", platform_id=str(n))
                   for n in range(20)]
        assert archive.import_records(records, files=["g"], fmt="jsonl").added == 20
        assert tweet_schema(pg_url) == schema


@pytest.mark.parametrize("bulk_load_min", [5, 1000], ids=["bulk", "small"])
def test_a_nul_character_fails_the_import_with_the_drivers_message(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, bulk_load_min: int
) -> None:
    monkeypatch.setattr("quotes.store.bulk.BULK_LOAD_MIN", bulk_load_min)
    records = [TweetRecord("fictional_user_0001", f"post {n}", f"g:{n}") for n in range(10)]
    records.append(TweetRecord("fictional_user_0001", "a NUL \x00 inside", "g:10"))
    with Archive.open(pg_url) as archive:
        with pytest.raises(StoreError, match=r"cannot contain NUL \(0x00\) bytes"):
            archive.import_records(records, files=["g"], fmt="jsonl")
        assert archive.count() == 0
