"""Importing records: one transaction that deduplicates them against the archive and
among themselves, then writes them in bulk (executemany on SQLite; COPY on PostgreSQL,
straight into an empty table or through a temporary one), then indexes them for search.
"""

import gc
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from quotes.errors import InputError, StoreError
from quotes.models import ImportResult, TweetRecord
from quotes.normalize import text_key
from quotes.store.authors import _handle_key, ensure_authors
from quotes.store.batches import IMPORT_CHUNK, INSERT_BATCH, _chunks
from quotes.store.bulk_postgres import _copy_rows, _fewer_rows_than, _restore, _set_aside
from quotes.store.conflicts import (
    Conflict,
    ConflictPolicy,
    SettledImport,
    conflict_error,
    forget_vectors,
    settle_within,
)
from quotes.store.engine import (
    IMPORT_LOCK,
    Database,
    _dbapi_error,
    _driver_cursor,
    _driver_errors,
    _is_sqlite,
    _lock,
    _one_line,
)
from quotes.store.tables import _INSERT_COLUMNS, _TWEET, ImportRun, _naive_utc, _utcnow, text_hash

# Whole-transaction retries of an import that lost a race (SQLite "database is locked",
# PostgreSQL deadlock or unique violation from a writer outside the import lock).
IMPORT_ATTEMPTS = 3
RETRY_PAUSE = 0.5  # seconds, doubled at each attempt
# An import at least this big, and bigger than the archive it goes into (a first load),
# sets PostgreSQL's plain indexes (the GIN search index among them) and foreign keys
# aside and rebuilds them once, sorted, instead of updating them row by row; into an
# empty archive its unique constraints too, and the rows are streamed to COPY as they are
# deduplicated. Readers of the tweets, and of the authors and import runs (their foreign
# keys are dropped and added again), wait for such an import to commit meanwhile.
BULK_LOAD_MIN = 100_000
UNIQUE_VIOLATION = "23505"  # SQLSTATE


def import_records(
    db: Database,
    records: Sequence[TweetRecord],
    *,
    files: list[str],
    fmt: str,
    sha256s: Sequence[str],
    skipped_retweets: int,
    file_formats: Mapping[str, str] | None,
    on_conflict: ConflictPolicy = "fail",
) -> SettledImport:
    """`Archive.import_records`: one transaction, retried whole when it lost a race."""
    action = "import failed, nothing was imported"
    records, within = settle_within(records, on_conflict)
    for attempt in range(IMPORT_ATTEMPTS):
        try:
            with _gc_paused(), db.session(action, write=True) as session:
                work = _Import(session, records, fmt, file_formats, on_conflict, within)
                result = work.run(
                    files=files, sha256s=sha256s, skipped_retweets=skipped_retweets
                )
                session.commit()
            break
        except _Retry as retry:
            if attempt + 1 == IMPORT_ATTEMPTS:
                raise StoreError(f"{action}: {retry.message}", location=db.url) from None
            time.sleep(RETRY_PAUSE * 2**attempt)
    return SettledImport(**asdict(result), conflicts=len(work.conflicts))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off meanwhile: an import makes millions of
    objects, none of them cyclic garbage, and every full collection walks them all (a
    third of the per-record time at a million records)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Retry(Exception):
    """The import transaction lost a race with another writer; run it again."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# SQLSTATEs a repeated transaction can get past: serialization failure, deadlock, unique
# violation (a writer outside the import lock added the same tweet), lock not available.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "23505", "55P03"})


def _transient(exc: DBAPIError) -> bool:
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    message = str(orig).lower()
    return "database is locked" in message or "database is busy" in message


class _Writer(NamedTuple):
    """The author of imported records, as the rows need it."""

    id: int
    handle: str
    name: str | None


@dataclass(slots=True)
class _Known:
    """A tweet an import record may collide with: stored already, or new in this import."""

    id: int | None  # None: added by this import
    platform_id: str | None
    url: str | None
    created_at: datetime | None
    created_precision: str | None
    index: int | None = None  # a new tweet's place in `_Import.new_rows`
    author_id: int | None = None
    text_hash: str | None = None


class _Import:
    """One import transaction: dedup against the archive and within the records, then
    bulk inserts, then the search index."""

    def __init__(
        self, session: Session, records: Sequence[TweetRecord], fmt: str,
        file_formats: Mapping[str, str] | None, on_conflict: ConflictPolicy = "fail",
        conflicts: Sequence[Conflict] = (),
    ) -> None:
        self.session = session
        self.records = records
        self.on_conflict = on_conflict
        self.conflicts = list(conflicts)  # settled within the records, then with the archive
        self.replaced: dict[int, list[Any]] = {}  # tweet id → its new row (`replace`)
        self.fmt = fmt
        self.file_formats = file_formats or {}
        self.by_platform_id: dict[str, _Known] = {}
        self.by_text: dict[tuple[int, str], _Known] = {}
        self.new_rows: list[list[Any]] = []
        self.updates: dict[int, _Known] = {}
        # A first bulk load streams each new row to COPY as soon as it is made; the rows
        # changed after they went (a later record brought the id) are corrected after.
        self.stream: Callable[[Sequence[Any]], None] | None = None
        self.sent = 0
        self.changed_after_sent: dict[int, None] = {}
        self.updated = self.duplicates = 0

    def run(self, *, files: list[str], sha256s: Sequence[str], skipped_retweets: int
            ) -> ImportResult:
        try:
            conn = self.session.connection()
            _lock(conn, IMPORT_LOCK)
            run = ImportRun(
                started_at=_utcnow(), files=list(files), format=self.fmt,
                sha256s=list(sha256s), skipped=skipped_retweets,
            )
            self.session.add(run)
            self.session.flush()  # the run's id goes into every tweet it adds
            assert run.id is not None
            # Plain tuples: ORM attribute access, a million times over, costs seconds.
            authors = {
                k: _Writer(a.id, a.handle, a.name)  # type: ignore[arg-type]
                for k, a in ensure_authors(self.session, self.records).items()
            }
            added = self._store(conn, authors, run.id)
        except DBAPIError as exc:
            if _transient(exc):
                raise _Retry(_one_line(exc)) from None
            raise
        # Records the database skipped (ON CONFLICT) were duplicates after all.
        self.duplicates += len(self.new_rows) - added
        run.added, run.updated, run.duplicates = added, self.updated, self.duplicates
        self.session.flush()
        return ImportResult(
            added=added, updated=self.updated, duplicates=self.duplicates,
            skipped_retweets=skipped_retweets, import_id=run.id,
        )

    def _store(self, conn: Connection, authors: Mapping[str, _Writer], run_id: int) -> int:
        """Dedup the records and write them; the number of tweets added."""
        postgres = not _is_sqlite(conn)
        if postgres and len(self.records) >= BULK_LOAD_MIN and _is_empty(conn):
            # Taken now, not at the first DDL: the table must stay empty until commit.
            conn.execute(text("LOCK TABLE tweet IN ACCESS EXCLUSIVE MODE"))
            if _is_empty(conn):  # looked at again under the table lock
                return self._first_bulk_load(conn, authors, run_id)
        empty = _is_empty(conn)
        self._dedup(self._keyed(conn, empty), authors, run_id)
        self._fail_on_conflicts(conn)
        added: int | None = None
        if not postgres:
            _insert_sqlite(conn, self.new_rows)
        elif empty:
            added = _copy_into_empty(conn, self.new_rows)
        else:
            _insert_postgres(conn, self.new_rows)
        self._write_updates(conn)
        self._write_replaced(conn)
        if not postgres and self.new_rows:
            # The FTS5 index has external content: the new tweets are indexed here, in
            # one statement (a per-row trigger makes a big import three times slower).
            conn.execute(
                text("INSERT INTO tweet_fts(rowid, text) SELECT id, text FROM tweet "
                     "WHERE import_id = :run"),
                {"run": run_id},
            )
        return self._count_added(conn, run_id) if added is None else added

    def _first_bulk_load(
        self, conn: Connection, authors: Mapping[str, _Writer], run_id: int
    ) -> int:
        """A big import into an empty tweet table (locked): its indexes and constraints
        set aside, the rows streamed straight into it by COPY while Python still
        deduplicates (PostgreSQL works in its own process: the two overlap), then the
        constraints checked and the indexes built once, each in one pass."""
        self._fail_on_conflicts(conn)  # only the records' own: the archive has no tweets
        with _driver_errors(conn), _driver_cursor(conn) as cursor:
            cursor.execute("SAVEPOINT quotes_bulk_load")
            aside = _set_aside(cursor, unique=True)
            with _copy_rows(cursor, "tweet") as write_row:
                self.stream = write_row
                try:
                    self._dedup(self._keyed(conn, empty=True), authors, run_id)
                finally:
                    self.stream = None
            try:
                _restore(cursor, aside.unique)
            except _dbapi_error(conn) as exc:
                if getattr(exc, "sqlstate", None) != UNIQUE_VIOLATION:
                    raise
                # A duplicate got past the dedup: store the rows the careful way instead.
                cursor.execute("ROLLBACK TO SAVEPOINT quotes_bulk_load")
                _insert_postgres(conn, self.new_rows)
                return self._count_added(conn, run_id)
            if self.changed_after_sent:
                cursor.executemany(
                    "UPDATE tweet SET platform_id = %s, url = %s, created_at = %s, "
                    "created_precision = %s WHERE text_hash = %s AND author_id = %s",
                    [(r[0], r[9], r[4], r[5], r[8], r[1])
                     for r in map(self.new_rows.__getitem__, self.changed_after_sent)],
                )
            _restore(cursor, aside.foreign + aside.indexes)
            cursor.execute("RELEASE SAVEPOINT quotes_bulk_load")
        return len(self.new_rows)

    def _keyed(self, conn: Connection, empty: bool) -> Iterable[tuple[TweetRecord, str, str]]:
        """(record, text key, text hash) for each record, the stored rows they could match
        loaded. Into an empty table the keys are made as the records are added."""
        if empty:
            return self._keyed_lazily()
        keys = [text_key(r.text) for r in self.records]
        hashes = [text_hash(k) for k in keys]
        self._load_known(conn, hashes)
        return zip(self.records, keys, hashes, strict=True)

    def _keyed_lazily(self) -> Iterator[tuple[TweetRecord, str, str]]:
        for rec in self.records:
            key = text_key(rec.text)
            yield rec, key, text_hash(key)

    def _dedup(
        self, keyed: Iterable[tuple[TweetRecord, str, str]], authors: Mapping[str, _Writer],
        run_id: int,
    ) -> None:
        for rec, key, hashed in keyed:
            self._add(rec, authors[_handle_key(rec.author_handle)], key, hashed, run_id)

    def _load_known(self, conn: Connection, hashes: Sequence[str]) -> None:
        """Only the stored rows these records could match, a chunk of keys at a time."""
        columns = (
            _TWEET.c.id, _TWEET.c.platform_id, _TWEET.c.url, _TWEET.c.created_at,
            _TWEET.c.created_precision, _TWEET.c.author_id, _TWEET.c.text_hash,
        )
        platform_ids = sorted({r.platform_id for r in self.records if r.platform_id})
        for chunk in _chunks(platform_ids, IMPORT_CHUNK):
            stmt = select(*columns).where(_TWEET.c.platform_id.in_(chunk))
            for row in conn.execute(stmt):
                self._remember(_Known(*row[:5], None, *row[5:]), row.author_id, row.text_hash)
        for chunk in _chunks(sorted(set(hashes)), IMPORT_CHUNK):
            stmt = select(*columns).where(_TWEET.c.text_hash.in_(chunk))
            for row in conn.execute(stmt):
                self._remember(_Known(*row[:5], None, *row[5:]), row.author_id, row.text_hash)

    def _remember(self, known: _Known, author_id: int, hashed: str) -> None:
        if known.platform_id:
            self.by_platform_id[known.platform_id] = known
        self.by_text[(author_id, hashed)] = known

    def _add(
        self, rec: TweetRecord, author: "_Writer", key: str, hashed: str, run_id: int
    ) -> None:
        found = self.by_platform_id.get(rec.platform_id) if rec.platform_id else None
        if found is None:
            found = self.by_text.get((author.id, hashed))
        if found is None:
            self._add_new(rec, author, key, hashed, run_id)
            return
        if found.id is not None and (found.author_id, found.text_hash) != (author.id, hashed):
            self._conflict(found, rec, author, key, hashed)  # the same id, another text
            return
        if rec.platform_id and found.platform_id is None:
            # The same post, now seen with its id (e.g. from an account archive).
            found.platform_id = rec.platform_id
            if found.url is None:
                found.url = rec.url
            if rec.created_at and (found.created_at is None or found.created_precision == "day"):
                found.created_at = _naive_utc(rec.created_at)
                found.created_precision = rec.created_precision
            self._remember(found, author.id, hashed)
            if found.index is not None:  # new in this import: its pending row takes the id
                row = self.new_rows[found.index]
                row[0] = found.platform_id
                row[4] = found.created_at
                row[5] = found.created_precision
                row[9] = found.url
                if found.index < self.sent:
                    self.changed_after_sent[found.index] = None
            else:
                assert found.id is not None
                self.updates[found.id] = found
                self.updated += 1
                return
        self.duplicates += 1

    def _add_new(
        self, rec: TweetRecord, author: "_Writer", key: str, hashed: str, run_id: int
    ) -> None:
        path = rec.location.rpartition(":")[0]
        fmt = self.file_formats.get(path, self.fmt)
        row: list[Any] = [
            rec.platform_id, author.id, author.handle, rec.author_name or author.name,
            _naive_utc(rec.created_at), rec.created_precision, rec.text, key, hashed, rec.url,
            rec.source, run_id, f"{fmt}:{rec.location}",
        ]
        known = _Known(
            None, rec.platform_id, rec.url, row[4], rec.created_precision, len(self.new_rows)
        )
        self._remember(known, author.id, hashed)
        self.new_rows.append(row)
        if self.stream is not None:
            self.stream(row)
            self.sent += 1

    def _fail_on_conflicts(self, conn: Connection) -> None:
        if self.conflicts and self.on_conflict == "fail":
            raise conflict_error(conn, self.conflicts)

    def _conflict(
        self, found: _Known, rec: TweetRecord, author: "_Writer", key: str, hashed: str
    ) -> None:
        """A stored tweet's id with another text (or author): noted; under `replace` the
        record's text, author and source take the stored tweet's place."""
        assert found.id is not None
        self.conflicts.append(Conflict(rec, old_id=found.id))
        if self.on_conflict != "replace":
            return
        taken = self.by_text.get((author.id, hashed))
        if taken is not None and taken is not found:
            raise InputError(
                f"cannot replace the text of tweet {rec.platform_id}: the archive holds "
                "this text already, as another tweet", location=rec.location)
        self.by_text.pop((found.author_id or 0, found.text_hash or ""), None)
        found.author_id, found.text_hash = author.id, hashed
        self._remember(found, author.id, hashed)
        path = rec.location.rpartition(":")[0]
        self.replaced[found.id] = [
            author.id, author.handle, rec.author_name or author.name, rec.text, key, hashed,
            rec.url or found.url, rec.source, f"{self.file_formats.get(path, self.fmt)}:"
            f"{rec.location}", found.id,
        ]

    def _write_replaced(self, conn: Connection) -> None:
        """Stored tweets whose text `replace` changed (the search index follows: a
        trigger on SQLite, the generated column on PostgreSQL); their vectors go."""
        if not self.replaced:
            return
        conn.execute(
            text("UPDATE tweet SET author_id = :a, author_handle = :h, display_name = :n, "
                 "text = :t, text_key = :k, text_hash = :th, url = :u, source = :s, "
                 "provenance = :p WHERE id = :id"),
            [dict(zip(("a", "h", "n", "t", "k", "th", "u", "s", "p", "id"), row, strict=True))
             for row in self.replaced.values()],
        )
        forget_vectors(conn, list(self.replaced))

    def _write_updates(self, conn: Connection) -> None:
        """Stored tweets that gained their platform id."""
        if not self.updates:
            return
        stmt = (
            _TWEET.update()
            .where(_TWEET.c.id == bindparam("tid"))
            .values(
                platform_id=bindparam("pid"), url=bindparam("u"),
                created_at=bindparam("c"), created_precision=bindparam("p"),
            )
        )
        params = [
            {"tid": k.id, "pid": k.platform_id, "u": k.url, "c": k.created_at,
             "p": k.created_precision}
            for k in self.updates.values()
        ]
        for batch in _chunks(params, INSERT_BATCH):
            conn.execute(stmt, list(batch))

    def _count_added(self, conn: Connection, run_id: int) -> int:
        stmt = select(func.count()).select_from(_TWEET).where(_TWEET.c.import_id == run_id)
        return int(conn.execute(stmt).scalar_one())


def _is_empty(conn: Connection) -> bool:
    return conn.execute(select(_TWEET.c.id).limit(1)).first() is None


def _insert_sqlite(conn: Connection, rows: list[list[Any]]) -> None:
    """executemany on the driver's cursor: SQLite's fastest bulk path. ON CONFLICT DO
    NOTHING is a safety net only: the import lock already keeps writers apart."""
    to_db = _TWEET.c.created_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    sql = (
        f"INSERT INTO tweet ({', '.join(_INSERT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))}) ON CONFLICT DO NOTHING"
    )
    cursor = _driver_cursor(conn)
    try:
        with _driver_errors(conn):
            for batch in _chunks(rows, INSERT_BATCH):
                for row in batch:  # the rows are this import's own: converted in place
                    if to_db is not None and row[4] is not None:
                        row[4] = to_db(row[4])
                cursor.executemany(sql, batch)
    finally:
        cursor.close()


def _copy_into_empty(conn: Connection, rows: list[list[Any]]) -> int | None:
    """COPY straight into the empty table (the import lock held, the dedup done): no
    temporary table, no conflict pass. Should a writer outside the import lock have
    added the same tweet meanwhile, the rows go in the careful way instead (and the
    number added is not known: None)."""
    if not rows:
        return 0
    with _driver_errors(conn), _driver_cursor(conn) as cursor:
        cursor.execute("SAVEPOINT quotes_copy")
        try:
            with _copy_rows(cursor, "tweet") as write_row:
                for row in rows:
                    write_row(row)
        except _dbapi_error(conn) as exc:
            if getattr(exc, "sqlstate", None) != UNIQUE_VIOLATION:
                raise
            cursor.execute("ROLLBACK TO SAVEPOINT quotes_copy")
        else:
            cursor.execute("RELEASE SAVEPOINT quotes_copy")
            return len(rows)
    _insert_postgres(conn, rows)
    return None


def _insert_postgres(conn: Connection, rows: list[list[Any]]) -> None:
    """COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING: COPY is
    PostgreSQL's fastest bulk path, and the conflict clause lets a writer that raced past
    the import lock lose quietly instead of failing the whole import."""
    if not rows:
        return
    columns = ", ".join(_INSERT_COLUMNS)
    big = len(rows) >= BULK_LOAD_MIN and _fewer_rows_than(conn, len(rows))
    with _driver_errors(conn), _driver_cursor(conn) as cursor:
        aside = _set_aside(cursor, unique=False) if big else None
        cursor.execute(
            "CREATE TEMPORARY TABLE quotes_import_rows "
            f"AS SELECT {columns} FROM tweet WITH NO DATA"
        )
        with _copy_rows(cursor, "quotes_import_rows") as write_row:
            for row in rows:
                write_row(row)
        cursor.execute(
            f"INSERT INTO tweet ({columns}) SELECT {columns} FROM quotes_import_rows "
            "ON CONFLICT DO NOTHING"
        )
        cursor.execute("DROP TABLE quotes_import_rows")
        if aside is not None:
            _restore(cursor, aside.foreign + aside.indexes)
