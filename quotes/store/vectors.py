"""Vector retrieval: tweets' stored sentence embeddings and the nearest of them to a query.

`VectorSearch` is what the archive needs of a vector store; `IvfVectorSearch`, over the
archive's own tables (`cells`, `ivf`), is the implementation that works everywhere. One
over pgvector or sqlite-vec could take its place where those extensions load.
"""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
from sqlalchemy import bindparam, func, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import select

from quotes.models import VectorIndexInfo
from quotes.store import ivf
from quotes.store.batches import INSERT_BATCH, _chunks
from quotes.store.cells import (
    _CellWriter,
    _load_vector_index,
    _matrices,
    _refile_vectors,
    _segment_count,
    _stored_vectors,
)
from quotes.store.engine import Database
from quotes.store.tables import _EMBEDDING, TweetEmbedding, VectorIndex, _utcnow

# Tweets read per round by the brute-force vector scan.
VECTOR_CHUNK = 20_000
BLOCKS_PER_READ = 64  # index blocks per fetch: ~16k vectors, ~6 MB at 384 dims

# (tweet ids, vectors per tweet (None: one each), the vectors as float32 rows, each row's
# scale or None)
_VectorChunk = tuple[np.ndarray, np.ndarray | None, np.ndarray, np.ndarray | None]


class VectorSearch(Protocol):
    """Tweets' embeddings (float32 bytes of an n_segments × dim matrix per tweet and
    model) and the search for the nearest ones."""

    def stored(self, model: str, tweet_ids: Sequence[int]) -> dict[int, bytes]: ...

    def store(self, model: str, vectors: Mapping[int, bytes]) -> None: ...

    def counts(self) -> dict[str, int]: ...

    def nearest_many(
        self, vectors: np.ndarray, limit: int, *, model: str | None, probes: int | None
    ) -> list[list[int]]: ...

    def info(self, model: str) -> VectorIndexInfo | None: ...

    def refresh(self, model: str, dim: int) -> VectorIndexInfo | None: ...

    def build(
        self, model: str, dim: int, *, lists: int | None, probes: int | None, seed: int
    ) -> VectorIndexInfo | None: ...


def _stacked(rows: Sequence[Any], width: int) -> tuple[np.ndarray, np.ndarray, bytes] | None:
    """(ids, vectors per row, the rows' bytes joined) of (tweet_id, vector bytes) rows,
    a vector being `width` bytes; rows that are not whole vectors are left out."""
    if not rows:
        return None
    ids, blobs = (list(column) for column in zip(*rows, strict=True))
    lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs))
    whole = (lengths >= width) & (lengths % width == 0)
    if not whole.all():  # never written by this code; skipped rather than misread
        keep = np.flatnonzero(whole).tolist()
        ids, blobs, lengths = [ids[i] for i in keep], [blobs[i] for i in keep], lengths[whole]
        if not keep:
            return None
    return np.array(ids, dtype=np.int64), lengths // width, b"".join(blobs)


def _top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k highest scores (best first) and their ids, each id once with its best score
    (the index returns a tweet once per cell its segments fall in)."""
    order = np.argsort(-scores, kind="stable")
    scores, ids = scores[order], ids[order]
    first = np.sort(np.unique(ids, return_index=True)[1])[:k]
    return scores[first], ids[first]


def _merge_best(
    best: list[tuple[np.ndarray, np.ndarray]], chunk: _VectorChunk, queries: np.ndarray,
    limit: int,
) -> None:
    """Fold one chunk of stored vectors into each query's best `limit` (in place)."""
    ids, segments, matrix, scales = chunk
    sims = matrix @ queries.T
    if scales is not None:
        sims *= scales[:, None]
    if segments is not None:  # each tweet scores by its best segment
        starts = np.concatenate(([0], np.cumsum(segments)[:-1]))
        sims = np.maximum.reduceat(sims, starts, axis=0)
    for q in range(len(queries)):
        scores = np.concatenate((best[q][0], sims[:, q]))
        owners = np.concatenate((best[q][1], ids))
        best[q] = _top_k(scores, owners, limit)


class IvfVectorSearch:
    """Embeddings in tweet_embedding; an inverted-file index over them in vector_index and
    vector_block, kept in step as vectors are stored."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def stored(self, model: str, tweet_ids: Sequence[int]) -> dict[int, bytes]:
        with self.db.reading("cannot read the embeddings") as conn:
            return _stored_vectors(conn, model, tweet_ids)

    def store(self, model: str, vectors: Mapping[int, bytes]) -> None:
        """Store (or replace) vectors: float32 bytes of an (n_segments × dim) matrix."""
        rows = [{"tweet_id": i, "model": model, "vector": v} for i, v in vectors.items()]
        insert = sqlite_insert if self.db.is_sqlite else postgresql_insert
        stmt = insert(_EMBEDDING)
        stmt = stmt.on_conflict_do_update(
            index_elements=["tweet_id", "model"], set_={"vector": stmt.excluded.vector}
        )
        with self.db.session("cannot write the embeddings", write=True) as session:
            conn = session.connection()
            index = _load_vector_index(conn, model)
            old = _stored_vectors(conn, model, list(vectors)) if index is not None else {}
            for batch in _chunks(rows, INSERT_BATCH):
                conn.execute(stmt, list(batch))
            if index is not None:
                _refile_vectors(conn, model, index, old, vectors)
            session.commit()

    def counts(self) -> dict[str, int]:
        """Embedding model → how many tweets have its vectors."""
        stmt = select(TweetEmbedding.model, func.count()).group_by(TweetEmbedding.model)
        with self.db.reading("cannot count the embeddings") as conn:
            return {model: n for model, n in conn.execute(stmt)}

    def default_model(self) -> str | None:
        """The model with the most stored vectors."""
        counts = self.counts()
        return max(counts, key=lambda m: counts[m]) if counts else None

    def nearest_many(
        self, vectors: np.ndarray, limit: int, *, model: str | None, probes: int | None
    ) -> list[list[int]]:
        """Through the model's IVF index when it has one: only the `probes` cells nearest
        each query are read (by default as many as the index was built to read). Without
        one (a small archive), every stored vector is. Either way a chunk at a time."""
        queries = np.asarray(vectors, dtype=np.float32)
        model = model or self.default_model()
        if model is None or len(queries) == 0:
            return [[] for _ in range(len(queries))]
        best = [(np.empty(0, np.float32), np.empty(0, np.int64)) for _ in queries]
        for chunk in self._chunks_to_read(model, queries, probes):
            _merge_best(best, chunk, queries, limit)
        return [[int(i) for i in owners] for _, owners in best]

    def _chunks_to_read(
        self, model: str, queries: np.ndarray, probes: int | None
    ) -> Iterator[_VectorChunk]:
        dim = queries.shape[1]
        with self.db.reading("cannot read the vector index") as conn:
            index = _load_vector_index(conn, model)
        if index is not None and index.dim == dim:
            probed = ivf.nearest_lists(queries, index.centroids, probes or index.probes)
            return self._cell_chunks(model, dim, sorted({int(c) for c in probed.ravel()}))
        return self._vector_chunks(model, dim)

    def _vector_chunks(self, model: str, dim: int) -> Iterator[_VectorChunk]:
        """(tweet ids, segments per tweet, their vectors as rows, None) chunk by chunk, in
        id order: every stored vector of `model`."""
        stmt = text(
            "SELECT tweet_id, vector FROM tweet_embedding WHERE model = :model "
            "AND tweet_id > :last ORDER BY tweet_id LIMIT :n"
        )
        last = 0
        while True:
            with self.db.reading("cannot read the embeddings") as conn:
                rows = list(conn.execute(stmt, {"model": model, "last": last, "n": VECTOR_CHUNK}))
            if not rows:
                return
            last = rows[-1][0]
            found = _stacked(rows, 4 * dim)
            if found is not None:
                ids, segments, data = found
                yield ids, segments, np.frombuffer(data, dtype="<f4").reshape(-1, dim), None

    def _cell_chunks(self, model: str, dim: int, cells: Sequence[int]) -> Iterator[_VectorChunk]:
        """The same from the index: the vectors filed under `cells`, a few blocks at a
        time, quantized (each row's scale comes last, to multiply the dot products with),
        one row per segment (a tweet with segments in several cells comes once per cell)."""
        stmt = text(
            "SELECT tweet_ids, vectors FROM vector_block WHERE model = :model "
            "AND list_no IN :cells"
        ).bindparams(bindparam("cells", expanding=True))
        with self.db.reading("cannot read the vector index") as conn:
            result = conn.execution_options(stream_results=True).execute(
                stmt, {"model": model, "cells": list(cells)}
            )
            for rows in result.partitions(BLOCKS_PER_READ):
                blocks = [ivf.unpack_block(bytes(i), bytes(v), dim) for i, v in rows]
                if blocks:
                    owners = np.concatenate([o for o, _ in blocks])
                    values, scales = ivf.unpack(b"".join(v for _, v in blocks), dim)
                    yield owners, None, values, scales

    def info(self, model: str) -> VectorIndexInfo | None:
        """How `model`'s IVF index is built, or None when it has none."""
        with self.db.reading("cannot read the vector index") as conn:
            index = _load_vector_index(conn, model)
            if index is None:
                return None
            filed = conn.execute(
                text("SELECT sum(count) FROM vector_block WHERE model = :m"), {"m": model}
            ).scalar_one()
        return VectorIndexInfo(
            model, index.dim, index.lists, index.probes, index.vectors_at_build,
            index.built_at, int(filed or 0),
        )

    def refresh(self, model: str, dim: int) -> VectorIndexInfo | None:
        """Build `model`'s index when its vectors have become many enough to need one,
        rebuild it when they have outgrown the cells it was sized for; else leave it."""
        with self.db.reading("cannot read the vector index") as conn:
            index = _load_vector_index(conn, model)
            segments = _segment_count(conn, model, dim)
        if segments < ivf.MIN_INDEXED_VECTORS:
            return self.info(model)
        if index is not None and index.dim == dim and (
            segments < ivf.REBUILD_GROWTH * index.vectors_at_build
        ):
            return self.info(model)
        return self.build(model, dim, lists=None, probes=None, seed=0)

    def build(
        self, model: str, dim: int, *, lists: int | None, probes: int | None, seed: int
    ) -> VectorIndexInfo | None:
        """(Re)build `model`'s IVF index from its stored vectors, in one transaction:
        k-means on a random sample, then every tweet's segment vectors filed under their
        cells. None when the model has no vectors of width `dim`. Memory: the training
        sample and one chunk of vectors."""
        with self.db.reading("cannot read the embeddings") as conn:
            segments = _segment_count(conn, model, dim)
            ids = [i for (i,) in conn.execute(
                text("SELECT tweet_id FROM tweet_embedding WHERE model = :m"), {"m": model})]
        if segments == 0 or not ids:
            return None
        lists = lists or ivf.list_count(segments)
        probes = probes or ivf.probe_count(lists)
        centroids = self._train(model, dim, ids, segments, lists, seed)
        self._write_index(model, dim, centroids, min(probes, len(centroids)), segments)
        return self.info(model)

    def _train(
        self, model: str, dim: int, ids: Sequence[int], segments: int, lists: int, seed: int
    ) -> np.ndarray:
        """Centroids trained on a random sample of the tweets' vectors."""
        wanted = ivf.train_sample_size(segments, lists)
        rng = np.random.default_rng(seed)
        per_tweet = segments / len(ids)
        chosen = rng.choice(ids, size=min(len(ids), max(1, round(wanted / per_tweet))),
                            replace=False)
        stored = self.stored(model, [int(i) for i in chosen])
        sample = _matrices(stored, dim)[1]
        return ivf.train_centroids(sample, lists, seed=seed)

    def _write_index(
        self, model: str, dim: int, centroids: np.ndarray, probes: int, segments: int
    ) -> None:
        """Replace `model`'s index: its centroids, then every stored vector filed."""
        with self.db.session("cannot write the vector index", write=True) as session:
            conn = session.connection()
            conn.execute(text("DELETE FROM vector_block WHERE model = :m"), {"m": model})
            conn.execute(text("DELETE FROM vector_index WHERE model = :m"), {"m": model})
            session.add(VectorIndex(
                model=model, dim=dim, lists=len(centroids), probes=probes,
                vectors_at_build=segments, built_at=_utcnow(),
                centroids=centroids.astype("<f4").tobytes(),
            ))
            session.flush()
            writer = _CellWriter(conn, model, centroids)
            for chunk_ids, chunk_segments, matrix, _ in self._vector_chunks(model, dim):
                assert chunk_segments is not None
                writer.add(np.repeat(chunk_ids, chunk_segments), matrix)
            writer.close()
            session.commit()
