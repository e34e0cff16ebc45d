"""The archive's schema version: which revision a database is at, creating a new one at
the newest, adopting one from before migrations, and upgrading (`quotes db upgrade`).

The schema belongs to the migrations in `quotes/migrations`; an older database is refused
by `Archive.open` with the command that upgrades it (`_outdated_message`).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from quotes import migrations
from quotes.config import as_db_url
from quotes.errors import StoreError
from quotes.store.engine import (
    SCHEMA_LOCK,
    _create_engine,
    _lock,
    _make_parent_dir,
    _one_line,
    _sqlite_file,
    _writer,
    missing_archive,
    read_only_file,
    safe_url,
    with_driver,
)


def no_archive(path: Path) -> StoreError:
    """A command that only reads was pointed at a SQLite file that does not exist: a typo,
    or a machine with nothing imported yet. Creating it would answer "no such tweet"."""
    return StoreError(
        "no archive here (a typo in --db or $QUOTES_DB? import tweets first: "
        "`quotes archive import FILE`)",
        location=str(path),
    )


@dataclass(frozen=True, slots=True)
class SchemaState:
    revision: str | None  # None: no version table
    has_tables: bool  # the archive's tables exist (a database from before migrations)

    @property
    def empty(self) -> bool:
        return self.revision is None and not self.has_tables


def _schema_state(conn: Connection) -> SchemaState:
    tables = set(inspect(conn).get_table_names())
    revision = migrations.current(conn) if migrations.VERSION_TABLE in tables else None
    return SchemaState(revision, "tweet" in tables)


def _outdated_message(revision: str) -> str:
    head = migrations.head()
    if revision in migrations.known_revisions():
        return (
            f"archive schema is at {revision}, the code needs {head}: run `quotes db upgrade`"
        )
    return (
        f"archive schema is at {revision}, newer than this code knows (it needs {head}): "
        "upgrade quotes"
    )


@contextmanager
def _schema_transaction(url: str, engine: Engine | None = None) -> Iterator[Connection]:
    """One locked transaction for a schema change: no other process creates, stamps or
    upgrades the same database meanwhile.

    A SQLite file gets a connection of its own with foreign keys off: migrations rebuild
    tables that others reference (and foreign_keys cannot change inside a transaction).
    An in-memory database exists only on `engine`'s connection, and holds no rows yet.
    """
    own = engine is None or _sqlite_file(url) is not None
    if own:
        engine = _create_engine(url, foreign_keys=False)
    assert engine is not None
    try:
        with _writer(engine).begin() as conn:
            _lock(conn, SCHEMA_LOCK)
            yield conn
    finally:
        if own:
            engine.dispose()


def _adopt(conn: Connection) -> SchemaState:
    """Give a versionless database its revision: a brand-new one is created at the newest,
    one from before migrations is stamped 0001. Returns the state after."""
    state = _schema_state(conn)
    if state.empty:
        migrations.upgrade(conn)
    elif state.revision is None:
        migrations.stamp(conn, migrations.FIRST_REVISION)
    return _schema_state(conn)


def open_engine(url: str, *, create: bool = True) -> tuple[Engine, bool]:
    """(an engine on `url` (with its driver) whose database is at the newest revision,
    whether it is read-only). A missing SQLite file is created (its directory too) only
    when `create`; a versionless database is adopted; a file this process cannot write is
    opened read-only. An older schema is refused: `quotes db upgrade` brings it up."""
    url = as_db_url(url)
    shown = safe_url(url)
    try:
        url = with_driver(url)
        missing = missing_archive(url)
        if missing is not None and not create:
            raise no_archive(missing)
        _make_parent_dir(url)
        read_only = read_only_file(url)
        engine = _create_engine(url, read_only=read_only)
        with engine.connect() as conn:
            state = _schema_state(conn)
        if state.revision is None and not read_only:
            with _schema_transaction(url, engine) as conn:
                state = _adopt(conn)  # looked at again under the lock
    # ImportError: the URL's database driver (e.g. psycopg) is not installed.
    except (SQLAlchemyError, OSError, ValueError, ImportError) as exc:
        raise StoreError(f"cannot open the archive: {_one_line(exc)}", location=shown) from None
    if state.revision != migrations.head():
        engine.dispose()
        if state.empty:  # read-only, so it could not be made an archive
            raise StoreError("read-only, and not an archive (no tables)", location=shown)
        raise StoreError(_outdated_message(state.revision or migrations.FIRST_REVISION),
                         location=shown)
    return engine, read_only


def upgrade_schema(url: str) -> tuple[str | None, str]:
    """Bring the database at `url` to the newest revision; (revision before, after).

    Before is None for a brand-new database; a database from before migrations counts as
    0001. Used by `quotes db upgrade`.
    """
    url = with_driver(as_db_url(url))
    _make_parent_dir(url)
    try:
        with _schema_transaction(url) as conn:
            before = _schema_state(conn)
            after = _adopt(conn)
            if after.revision != migrations.head():
                migrations.upgrade(conn)
            return (
                None if before.empty else (before.revision or migrations.FIRST_REVISION),
                migrations.head(),
            )
    except (SQLAlchemyError, OSError, ImportError) as exc:
        raise StoreError(f"cannot upgrade the archive: {_one_line(exc)}",
                         location=safe_url(url)) from None


def schema_revision(url: str) -> tuple[str | None, str]:
    """(the database's revision, the code's) without changing anything; a database from
    before migrations reports 0001, an empty one None."""
    url = with_driver(as_db_url(url))
    missing = missing_archive(url)
    if missing is not None:
        raise no_archive(missing)  # and no empty file left behind by looking
    engine = _create_engine(url, read_only=read_only_file(url))
    try:
        with engine.connect() as conn:
            state = _schema_state(conn)
    except (SQLAlchemyError, OSError, ImportError) as exc:
        raise StoreError(f"cannot read the archive: {_one_line(exc)}",
                         location=safe_url(url)) from None
    finally:
        engine.dispose()
    current = state.revision or (migrations.FIRST_REVISION if state.has_tables else None)
    return current, migrations.head()
