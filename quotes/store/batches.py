"""How many rows or keys the store sends the database at once."""

from collections.abc import Iterator, Sequence
from typing import TypeVar

# Bound parameters per IN (...) query: far below SQLite's limit (999 in old builds), and
# it keeps memory flat however large the archive grows.
CHUNK = 500
# Keys per lookup while importing: a million records in 200 queries, not 2000, and still
# below the bound-parameter limits (32766 on SQLite, 65535 on PostgreSQL).
IMPORT_CHUNK = 5000
# Rows per executemany: big batches are what makes a million-row import take seconds.
INSERT_BATCH = 20_000

T = TypeVar("T")


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
