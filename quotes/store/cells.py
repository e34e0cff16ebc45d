"""The IVF index's storage: its centroids (vector_index) and its cells (vector_block, blocks
of quantized vectors with their tweets' ids), written in bulk while an index is built and
kept whole when tweets' vectors change. The arithmetic is `quotes.store.ivf`'s."""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from quotes.store import ivf
from quotes.store.batches import _chunks
from quotes.store.engine import _driver_cursor, _driver_errors, _is_sqlite


@dataclass(frozen=True, slots=True)
class _LoadedIndex:
    dim: int
    lists: int
    probes: int
    vectors_at_build: int
    built_at: datetime
    centroids: np.ndarray


def _load_vector_index(conn: Connection, model: str) -> _LoadedIndex | None:
    row = conn.execute(
        text("SELECT dim, lists, probes, vectors_at_build, built_at, centroids "
             "FROM vector_index WHERE model = :m"),
        {"m": model},
    ).first()
    if row is None:
        return None
    dim, lists, probes, at_build, built_at, blob = row
    centroids = np.frombuffer(bytes(blob), dtype="<f4").reshape(lists, dim)
    if isinstance(built_at, str):  # SQLite through text(): no type to convert with
        built_at = datetime.fromisoformat(built_at)
    return _LoadedIndex(dim, lists, probes, at_build, built_at, centroids)


def _segment_count(conn: Connection, model: str, dim: int) -> int:
    """How many segment vectors `model` has stored (a tweet stores one per segment)."""
    total = conn.execute(
        text("SELECT sum(length(vector)) FROM tweet_embedding WHERE model = :m"), {"m": model}
    ).scalar_one()
    return int(total or 0) // (4 * dim)


def _matrices(vectors: Mapping[int, bytes], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(owner of each row, the rows) of tweets' stored float32 vectors."""
    usable = {i: v for i, v in vectors.items() if len(v) and len(v) % (4 * dim) == 0}
    if not usable:
        return np.empty(0, np.int64), np.empty((0, dim), np.float32)
    owners = np.repeat(np.array(list(usable), dtype=np.int64),
                       [len(v) // (4 * dim) for v in usable.values()])
    return owners, np.frombuffer(b"".join(usable.values()), dtype="<f4").reshape(-1, dim)


def _refile_vectors(
    conn: Connection, model: str, index: _LoadedIndex, old: Mapping[int, bytes],
    new: Mapping[int, bytes],
) -> None:
    """Keep the index whole when tweets' vectors change: their old vectors leave the
    cells they were filed in (the cells are a function of the vectors), the new ones
    join theirs."""
    owners, matrix = _matrices(old, index.dim)
    leaving = np.unique(owners)
    for cell in np.unique(ivf.assign(matrix, index.centroids)).tolist():
        blocks = _cell_blocks(conn, model, cell, index.dim)
        cell_owners = np.concatenate([o for o, _ in blocks]) if blocks else owners[:0]
        rows = ivf.quantized_rows(b"".join(v for _, v in blocks), index.dim)
        stay = ~np.isin(cell_owners, leaving)
        _delete_cell(conn, model, cell)
        _write_blocks(conn, model, _blocks_of(cell, 0, cell_owners[stay], rows[stay]))
    owners, matrix = _matrices(new, index.dim)
    for cell, cell_owners, vectors in ivf.by_cell(owners, matrix, index.centroids):
        _append_to_cell(conn, model, cell, index.dim, cell_owners,
                        ivf.quantized_rows(ivf.quantize(vectors), index.dim))


def _stored_vectors(conn: Connection, model: str, tweet_ids: Sequence[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for chunk in _chunks(list(tweet_ids)):
        rows = conn.execute(
            text("SELECT tweet_id, vector FROM tweet_embedding WHERE model = :m "
                 "AND tweet_id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"m": model, "ids": list(chunk)},
        )
        found.update((i, bytes(v)) for i, v in rows)
    return found


def _cell_blocks(conn: Connection, model: str, cell: int, dim: int
                 ) -> list[tuple[np.ndarray, bytes]]:
    rows = conn.execute(
        text("SELECT tweet_ids, vectors FROM vector_block WHERE model = :m AND list_no = :c "
             "ORDER BY block_no"),
        {"m": model, "c": cell},
    )
    return [ivf.unpack_block(bytes(ids), bytes(v), dim) for ids, v in rows]


def _delete_cell(conn: Connection, model: str, cell: int) -> None:
    conn.execute(text("DELETE FROM vector_block WHERE model = :m AND list_no = :c"),
                 {"m": model, "c": cell})


def _append_to_cell(
    conn: Connection, model: str, cell: int, dim: int, owners: np.ndarray, rows: np.ndarray
) -> None:
    """Add quantized rows to a cell: its last block is filled up first."""
    last = conn.execute(
        text("SELECT block_no, tweet_ids, vectors FROM vector_block "
             "WHERE model = :m AND list_no = :c ORDER BY block_no DESC LIMIT 1"),
        {"m": model, "c": cell},
    ).first()
    start = 0
    if last is not None:
        last_owners, last_bytes = ivf.unpack_block(bytes(last[1]), bytes(last[2]), dim)
        start = last[0] + 1
        if len(last_owners) < ivf.BLOCK_SIZE:
            conn.execute(
                text("DELETE FROM vector_block WHERE model = :m AND list_no = :c "
                     "AND block_no = :b"), {"m": model, "c": cell, "b": last[0]})
            start = last[0]
            owners = np.concatenate((last_owners, owners))
            rows = np.concatenate((ivf.quantized_rows(last_bytes, dim), rows))
    _write_blocks(conn, model, _blocks_of(cell, start, owners, rows))


def _blocks_of(cell: int, first: int, owners: np.ndarray, rows: np.ndarray
               ) -> Iterator[tuple[int, int, int, bytes, bytes]]:
    """(cell, block_no, count, tweet ids, vectors) rows for quantized rows of one cell."""
    size = ivf.BLOCK_SIZE
    for n, at in enumerate(range(0, len(owners), size)):
        part = owners[at : at + size]
        yield (cell, first + n, len(part), np.ascontiguousarray(part, dtype="<i8").tobytes(),
               rows[at : at + size].tobytes())


def _write_blocks(
    conn: Connection, model: str, blocks: Iterable[tuple[int, int, int, bytes, bytes]]
) -> None:
    """Blocks in bulk: the driver's executemany on SQLite, COPY on PostgreSQL."""
    columns = "model, list_no, block_no, count, tweet_ids, vectors"
    with _driver_errors(conn):
        if _is_sqlite(conn):
            cursor = _driver_cursor(conn)
            try:
                cursor.executemany(
                    f"INSERT INTO vector_block ({columns}) VALUES (?, ?, ?, ?, ?, ?)",
                    ((model, *block) for block in blocks),
                )
            finally:
                cursor.close()
            return
        sql = f"COPY vector_block ({columns}) FROM STDIN"
        with _driver_cursor(conn) as cursor, cursor.copy(sql) as copy:
            for block in blocks:
                copy.write_row((model, *block))


class _CellWriter:
    """Files a stream of vectors into cells while an index is built: each cell's vectors
    are buffered until they fill a block, so blocks are written whole and memory holds at
    most one partial block per cell."""

    def __init__(self, conn: Connection, model: str, centroids: np.ndarray) -> None:
        self.conn, self.model, self.centroids = conn, model, centroids
        self.pending: dict[int, tuple[list[np.ndarray], list[np.ndarray]]] = {}
        self.next_block: dict[int, int] = {}
        self.ready: list[tuple[int, int, int, bytes, bytes]] = []

    def add(self, owners: np.ndarray, matrix: np.ndarray) -> None:
        dim = matrix.shape[1]
        for cell, cell_owners, vectors in ivf.by_cell(owners, matrix, self.centroids):
            kept_owners, kept_rows = self.pending.setdefault(cell, ([], []))
            kept_owners.append(cell_owners)
            kept_rows.append(ivf.quantized_rows(ivf.quantize(vectors), dim))
            if sum(len(o) for o in kept_owners) >= ivf.BLOCK_SIZE:
                self._flush(cell, whole_only=True)
        if len(self.ready) >= 256:
            _write_blocks(self.conn, self.model, self.ready)
            self.ready = []

    def close(self) -> None:
        for cell in list(self.pending):
            self._flush(cell, whole_only=False)
        _write_blocks(self.conn, self.model, self.ready)
        self.ready = []

    def _flush(self, cell: int, *, whole_only: bool) -> None:
        kept_owners, kept_rows = self.pending.pop(cell)
        owners, rows = np.concatenate(kept_owners), np.concatenate(kept_rows)
        size = ivf.BLOCK_SIZE
        cut = len(owners) - len(owners) % size if whole_only else len(owners)
        first = self.next_block.get(cell, 0)
        blocks = list(_blocks_of(cell, first, owners[:cut], rows[:cut]))
        self.ready += blocks
        self.next_block[cell] = first + len(blocks)
        if cut < len(owners):
            self.pending[cell] = ([owners[cut:]], [rows[cut:]])
