"""PostgreSQL's bulk-load helpers: COPY by rows, and setting the tweet table's indexes
and constraints aside during a big load to rebuild them once, sorted, afterwards."""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from quotes.store.tables import _INSERT_COLUMNS

BULK_LOAD_MEMORY = "512MB"  # maintenance_work_mem for those rebuilds


@contextmanager
def _copy_rows(cursor: Any, table: str) -> Iterator[Callable[[Sequence[Any]], None]]:
    """COPY into `table` (tweet, or a table made like it) by rows of the import columns.
    Text format, not binary: binary saves about a second of a million rows' work but lets
    a NUL character through to a server error far less clear than the driver's own."""
    columns = ", ".join(_INSERT_COLUMNS)
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        yield copy.write_row


def _fewer_rows_than(conn: Connection, n: int) -> bool:
    """Does the tweet table hold fewer than n rows? (Counts at most n of them.)"""
    stmt = text("SELECT count(*) FROM (SELECT 1 FROM tweet LIMIT :n) AS existing")
    return int(conn.execute(stmt, {"n": n}).scalar_one()) < n


@dataclass(frozen=True, slots=True)
class _SetAside:
    """Statements that rebuild what a bulk load dropped from the tweet table."""

    unique: list[str]
    foreign: list[str]
    indexes: list[str]


def _set_aside(cursor: Any, *, unique: bool) -> _SetAside:
    """Drop the tweet table's plain indexes (the GIN search index among them) and foreign
    keys, and its unique constraints too when `unique`; return what rebuilds them as the
    catalog defines them now. Checking a foreign key per row and inserting into each index
    per row costs several times what one check and one sorted build cost afterwards."""
    # A unique constraint some foreign key references stays (it could not be dropped).
    cursor.execute(
        "SELECT quote_ident(conname), contype, pg_get_constraintdef(oid) FROM pg_constraint c "
        "WHERE conrelid = 'tweet'::regclass AND (contype = 'f' OR contype = 'u' AND NOT "
        "EXISTS (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' "
        "AND r.confrelid = c.conrelid AND r.conindid = c.conindid)) ORDER BY conname"
    )
    constraints = [(name, kind, f"ALTER TABLE tweet ADD CONSTRAINT {name} {definition}")
                   for name, kind, definition in cursor.fetchall()
                   if kind == "f" or unique]
    # Indexes of no constraint (unique or exclusion ones stay with their constraint).
    cursor.execute(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i "
        "WHERE indrelid = 'tweet'::regclass AND NOT indisunique AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1"
    )
    indexes = cursor.fetchall()
    for name, _, _ in constraints:
        cursor.execute(f"ALTER TABLE tweet DROP CONSTRAINT {name}")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    return _SetAside(
        unique=[sql for _, kind, sql in constraints if kind == "u"],
        foreign=[sql for _, kind, sql in constraints if kind == "f"],
        indexes=[sql for _, sql in indexes],
    )


def _restore(cursor: Any, statements: Sequence[str]) -> None:
    # Index builds sort in memory: far quicker than the default 64 MB's merge passes.
    cursor.execute(f"SET LOCAL maintenance_work_mem = '{BULK_LOAD_MEMORY}'")
    for sql in statements:
        cursor.execute(sql)
