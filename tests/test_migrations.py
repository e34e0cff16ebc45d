"""Schema migrations on real databases (SQLite files and the throwaway PostgreSQL server):
new databases start at the newest revision, old ones are refused with the command that
upgrades them, and `quotes db upgrade` keeps every tweet, findable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import SQLModel

from quotes import migrations
from quotes.cli import app, main
from quotes.cli import db as db_cli
from quotes.errors import StoreError
from quotes.formats import read_archive_file
from quotes.normalize import text_key
from quotes.store import Archive, schema_revision, upgrade_schema, with_driver

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "canonical-tweets.jsonl"
HEAD = migrations.head()

# Until quotes/cli/__init__.py wires `quotes db` (a no-op once it does).
if not any(group.name == "db" for group in app.registered_groups):
    app.add_typer(db_cli.app, name="db")

# The tables as `quotes` created them before it had migrations (SQLModel's create_all,
# printed from that code for SQLite): the schema revision 0001 must reproduce.
PRE_MIGRATION_SQLITE = """
CREATE TABLE author (id INTEGER NOT NULL, handle VARCHAR NOT NULL, handle_key VARCHAR NOT NULL,
  name VARCHAR, PRIMARY KEY (id), UNIQUE (handle), UNIQUE (handle_key));
CREATE TABLE author_alias (id INTEGER NOT NULL, author_id INTEGER NOT NULL,
  alias VARCHAR NOT NULL, display VARCHAR NOT NULL, PRIMARY KEY (id), UNIQUE (author_id, alias),
  FOREIGN KEY(author_id) REFERENCES author (id));
CREATE INDEX ix_author_alias_author_id ON author_alias (author_id);
CREATE INDEX ix_author_alias_alias ON author_alias (alias);
CREATE TABLE import_run (id INTEGER NOT NULL, started_at DATETIME NOT NULL, files JSON NOT NULL,
  format VARCHAR NOT NULL, sha256s JSON NOT NULL, added INTEGER NOT NULL,
  updated INTEGER NOT NULL, duplicates INTEGER NOT NULL, skipped INTEGER NOT NULL,
  PRIMARY KEY (id));
CREATE TABLE tweet (id INTEGER NOT NULL, platform_id VARCHAR, author_id INTEGER NOT NULL,
  author_handle VARCHAR NOT NULL, display_name VARCHAR, created_at DATETIME,
  created_precision VARCHAR, text VARCHAR NOT NULL, text_key VARCHAR NOT NULL, url VARCHAR,
  source VARCHAR, import_id INTEGER, provenance VARCHAR NOT NULL, PRIMARY KEY (id),
  UNIQUE (author_id, text_key), UNIQUE (platform_id),
  FOREIGN KEY(author_id) REFERENCES author (id),
  FOREIGN KEY(import_id) REFERENCES import_run (id));
CREATE INDEX ix_tweet_author_id ON tweet (author_id);
CREATE INDEX ix_tweet_text_key ON tweet (text_key);
CREATE INDEX ix_tweet_import_id ON tweet (import_id);
CREATE TABLE translation_cache ("key" VARCHAR NOT NULL, model VARCHAR NOT NULL,
  source VARCHAR NOT NULL, translation VARCHAR NOT NULL, created_at DATETIME NOT NULL,
  PRIMARY KEY ("key"));
CREATE TABLE tweet_embedding (tweet_id INTEGER NOT NULL, model VARCHAR NOT NULL,
  vector BLOB NOT NULL, PRIMARY KEY (tweet_id, model),
  FOREIGN KEY(tweet_id) REFERENCES tweet (id));
"""


@pytest.fixture
def engine(any_db_url: str) -> Iterator[Engine]:
    engine = create_engine(with_driver(any_db_url))
    yield engine
    engine.dispose()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def at_first_revision(engine: Engine) -> None:
    """A database made by revision 0001 alone, as a 0.1 archive would be."""
    with engine.begin() as conn:
        migrations.upgrade(conn, migrations.FIRST_REVISION)


def fill_the_first_schema(conn: Connection) -> list[str]:
    """The fixture's tweets written as the code of revision 0001 wrote them; their texts."""
    records = read_archive_file(FIXTURE).records
    conn.execute(
        text(
            "INSERT INTO import_run (id, started_at, files, format, sha256s, added, updated, "
            "duplicates, skipped) VALUES (1, '2024-01-01 00:00:00', '[]', 'jsonl', '[]', "
            ":n, 0, 0, 0)"
        ),
        {"n": len(records)},
    )
    handles = sorted({r.author_handle for r in records})
    for author_id, handle in enumerate(handles, 1):
        conn.execute(
            text("INSERT INTO author (id, handle, handle_key) VALUES (:id, :h, :k)"),
            {"id": author_id, "h": handle, "k": handle.lower()},
        )
    for tweet_id, rec in enumerate(records, 1):
        conn.execute(
            text(
                "INSERT INTO tweet (id, platform_id, author_id, author_handle, text, text_key, "
                "import_id, provenance) VALUES (:id, :pid, :a, :h, :t, :k, 1, :p)"
            ),
            {"id": tweet_id, "pid": rec.platform_id, "a": handles.index(rec.author_handle) + 1,
             "h": rec.author_handle, "t": rec.text, "k": text_key(rec.text),
             "p": f"jsonl:{rec.location}"},
        )
    # A vector referencing a tweet: SQLite's table rebuild must keep it.
    conn.execute(
        text("INSERT INTO tweet_embedding (tweet_id, model, vector) VALUES (1, 'm', :v)"),
        {"v": b"\0" * 8},
    )
    return [r.text for r in records]


def test_new_database_is_created_at_the_newest_revision(any_db_url: str) -> None:
    with Archive.open(any_db_url) as archive:
        assert archive.count() == 0
    assert schema_revision(any_db_url) == (HEAD, HEAD)
    assert HEAD != migrations.FIRST_REVISION  # the upgrade path below is a real one


def test_migrations_build_what_the_models_describe(any_db_url: str, engine: Engine) -> None:
    Archive.open(any_db_url).close()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    # The search index lives only in the migrations (FTS5 tables, the tsvector column).
    diff = [d for d in diff if "tweet_fts" not in repr(d) and "search_vector" not in repr(d)]
    assert diff == []


def test_revision_0001_is_the_pre_migration_schema(tmp_path: Path) -> None:
    old = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    with old.begin() as conn:
        for statement in PRE_MIGRATION_SQLITE.split(";"):
            if statement.strip():
                conn.execute(text(statement))
    first = create_engine(f"sqlite:///{tmp_path / 'first.sqlite'}")
    at_first_revision(first)
    assert describe(old) == describe(first)


def describe(engine: Engine) -> dict[str, object]:
    found = inspect(engine)
    tables = sorted(set(found.get_table_names()) - {migrations.VERSION_TABLE})
    return {
        table: (
            [(c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)],
            sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table)),
            sorted((i["name"], tuple(i["column_names"])) for i in found.get_indexes(table)),
            sorted(
                (tuple(f["constrained_columns"]), f["referred_table"])
                for f in found.get_foreign_keys(table)
            ),
            found.get_pk_constraint(table)["constrained_columns"],
        )
        for table in tables
    }


def test_old_archive_is_refused_then_upgraded_keeping_every_tweet(
    capsys: pytest.CaptureFixture[str], any_db_url: str, engine: Engine
) -> None:
    at_first_revision(engine)
    with engine.begin() as conn:
        texts = fill_the_first_schema(conn)

    for argv in (["archive", "list"], ["archive", "import", str(FIXTURE)]):
        code, _, err = run(capsys, *argv, "--db", any_db_url)
        assert code == 3
        assert err.count("\n") == 1
        assert err.rstrip().endswith(
            f"archive schema is at 0001, the code needs {HEAD}: run `quotes db upgrade`"
        )
    code, _, err = run(capsys, "db", "status", "--db", any_db_url)
    assert code == 0

    code, _, err = run(capsys, "db", "upgrade", "--db", any_db_url)
    assert (code, err.split(" (")[0]) == (0, f"archive schema upgraded from 0001 to {HEAD}")
    code, _, err = run(capsys, "db", "upgrade", "--db", any_db_url)
    assert err.startswith(f"archive schema already at {HEAD}")

    with Archive.open(any_db_url) as archive:
        assert sorted(t.text for t in archive.tweets()) == sorted(texts)
        for quote in texts:
            assert quote in [t.text for t in archive.candidates(quote, limit=3)]
        assert archive.tweet_embeddings("m", [1]) == {1: b"\0" * 8}
        # The migration's hash is the store's: the same tweets again add nothing.
        parsed = read_archive_file(FIXTURE)
        result = archive.import_records(parsed.records, files=[parsed.path], fmt="jsonl")
        assert (result.added, result.duplicates) == (0, len(texts))


def test_pre_migration_archive_is_recognized_as_0001(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "from-0.1.sqlite"
    old = create_engine(f"sqlite:///{path}")
    with old.begin() as conn:
        for statement in PRE_MIGRATION_SQLITE.split(";"):
            if statement.strip():
                conn.execute(text(statement))
        fill_the_first_schema(conn)
    old.dispose()
    assert schema_revision(str(path)) == (migrations.FIRST_REVISION, HEAD)
    with pytest.raises(StoreError, match="archive schema is at 0001"):
        Archive.open(str(path))
    assert upgrade_schema(str(path)) == (migrations.FIRST_REVISION, HEAD)
    with Archive.open(str(path)) as archive:
        assert archive.count() == 21
    code, out, _ = run(capsys, "db", "status", "--db", str(path))
    assert (code, out.strip()) == (0, f"schema {HEAD} (code needs {HEAD}): up to date")


def test_database_newer_than_the_code_is_refused(any_db_url: str, engine: Engine) -> None:
    Archive.open(any_db_url).close()
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="at 9999, newer than this code knows") as info:
        Archive.open(any_db_url)
    assert "\n" not in str(info.value)


def test_upgrade_creates_a_missing_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "new" / "archive.sqlite"
    code, out, err = run(capsys, "db", "status", "--db", str(path))
    assert (code, out) == (3, "")  # a reader names the missing file and makes nothing
    assert err.startswith(f"quotes: error: {path}: no archive here")
    assert not path.parent.exists()
    code, _, err = run(capsys, "db", "upgrade", "--db", str(path))
    assert err.startswith(f"archive created at schema {HEAD}")
    assert json.dumps(schema_revision(str(path))) == json.dumps([HEAD, HEAD])
