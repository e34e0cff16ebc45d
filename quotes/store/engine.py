"""Connections to the archive database: URLs, engines with the settings the store relies
on (SQLite's WAL, busy timeout and write locks; PostgreSQL's advisory locks), and the
conversion of every database failure into a one-line `StoreError` naming the URL."""

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlmodel import Session, create_engine

from quotes.errors import StoreError

# How long a writer waits for another one (SQLite's busy timeout, in seconds): a
# concurrent import of a million tweets holds the write lock for about a minute.
BUSY_TIMEOUT = 300.0
# SQLite page cache (KiB, an upper bound, not an allocation): bulk imports touch many
# index pages, and the default 2 MB makes them three times slower.
SQLITE_CACHE_KIB = 262_144
# PostgreSQL advisory lock keys ("quotes" in ASCII and 1, 2): imports take one, schema
# changes the other, so writers queue instead of colliding.
IMPORT_LOCK = 0x71756F746573_01
SCHEMA_LOCK = 0x71756F746573_02

_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def safe_url(url: str) -> str:
    """The URL for messages, password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _PASSWORD.sub(r"\1***@", url)


def _one_line(exc: BaseException) -> str:
    # SQLAlchemy appends the statement and a help link on further lines; the driver's own
    # message (exc.orig) is the part that says what went wrong.
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def with_driver(url: str) -> str:
    """`postgresql://` means psycopg (3), the driver `quotes` installs, not SQLAlchemy's
    default psycopg2."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    return None if database.startswith("file:") else Path(database).expanduser()


def _make_parent_dir(url: str) -> None:
    path = _sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


def missing_archive(url: str) -> Path | None:
    """The SQLite file `url` names when it does not exist (None for other databases)."""
    path = _sqlite_file(url)
    return path if path is not None and not path.exists() else None


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def read_only_file(url: str) -> bool:
    """Whether `url` is a SQLite file this process cannot write: the file itself, or its
    directory, where SQLite keeps the -wal and -shm files beside it (unless they are
    there already, and writable)."""
    path = _sqlite_file(url)
    if path is None or not path.exists():
        return False
    if not _writable(path):
        return True
    if _writable(path.parent):
        return False
    beside = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    return not all(p.exists() and _writable(p) for p in beside)


def _read_only_connect(url: str) -> Any:
    """A connection maker opening the file read-only (`mode=ro`): SQLite then never
    tries to write it, not even for the WAL switch."""
    path = _sqlite_file(url)
    assert path is not None
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return lambda: sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT,
                                   check_same_thread=False)


def _create_engine(url: str, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    """An engine with the settings the store relies on.

    SQLite: the store emits BEGIN itself (pysqlite's own transaction handling skips DDL
    and cannot take the write lock up front), BEGIN IMMEDIATE for writers so two imports
    queue on the lock instead of failing halfway, WAL so readers never wait for a writer,
    and a busy timeout. `foreign_keys=False` is for migrations that rebuild a table.
    `read_only`: a file this process cannot write, opened `mode=ro`, left in its mode.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    if read_only:
        engine = create_engine(url, creator=_read_only_connect(url))
    else:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT})

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # see `on_begin`
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        if not read_only:  # switching to WAL writes the file
            cursor.execute("PRAGMA journal_mode=WAL")  # ignored (kept "memory") in memory
        # Safe with WAL: a power cut may lose the last commits, never corrupt the file.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.close()

    def on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("quotes_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


def _writer(engine: Engine) -> Engine:
    """The same engine, its transactions taking the write lock from the start."""
    return engine.execution_options(quotes_write=True)


def _lock(conn: Connection, key: int) -> None:
    """Queue behind other writers holding `key` (PostgreSQL; SQLite's BEGIN IMMEDIATE
    already did it), until this transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


@contextmanager
def _driver_errors(conn: Connection) -> Iterator[None]:
    """Errors of the driver's own cursor, wrapped as SQLAlchemy wraps the ones it sees."""
    dbapi = conn.dialect.dbapi
    assert dbapi is not None
    try:
        yield
    except dbapi.Error as exc:
        raise DBAPIError.instance(None, None, exc, dbapi.Error, dialect=conn.dialect) from None


def _dbapi_error(conn: Connection) -> type[Exception]:
    """The driver's base exception class (psycopg.Error, sqlite3.Error)."""
    dbapi = conn.dialect.dbapi
    assert dbapi is not None
    error: type[Exception] = dbapi.Error
    return error


def _driver_cursor(conn: Connection) -> Any:
    """A cursor of the driver itself (bulk paths: executemany, COPY); Any, as the
    DB-API is untyped."""
    raw: Any = conn.connection.driver_connection
    return raw.cursor()


class Database:
    """One open database: its engine, its URL as messages show it, and connections whose
    database errors become `StoreError`s saying what was being done."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = safe_url(url)

    @property
    def is_sqlite(self) -> bool:
        return _is_sqlite(self.engine)

    @contextmanager
    def session(self, action: str, *, write: bool = False) -> Iterator[Session]:
        """A session whose database errors become StoreError; rolled back unless committed.
        Writers take the write lock when their transaction begins (SQLite)."""
        try:
            bind = _writer(self.engine) if write else self.engine
            with Session(bind, expire_on_commit=False) as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"{action}: {_one_line(exc)}", location=self.url) from None

    @contextmanager
    def reading(self, action: str) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{action}: {_one_line(exc)}", location=self.url) from None
