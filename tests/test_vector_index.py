"""The IVF vector index: k-means cells kept in the archive's tables, on both databases."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import text

from quotes.embed import to_bytes
from quotes.models import TweetRecord
from quotes.store import Archive
from quotes.store import ivf as vector_index

DIM = 16
CLUSTERS = 6


def clustered(rng: np.random.Generator, n: int, centres: np.ndarray, spread: float = 0.15
              ) -> tuple[np.ndarray, np.ndarray]:
    """n unit vectors around the given centres, and which centre each belongs to."""
    owners = rng.integers(0, len(centres), size=n)
    points = centres[owners] + spread * rng.standard_normal((n, centres.shape[1]))
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32), owners


def centres(rng: np.random.Generator, k: int = CLUSTERS, dim: int = DIM) -> np.ndarray:
    found = rng.standard_normal((k, dim)).astype(np.float32)
    return found / np.linalg.norm(found, axis=1, keepdims=True)


# --- the pure functions ----------------------------------------------------------------


def test_kmeans_finds_the_clusters() -> None:
    rng = np.random.default_rng(1)
    # Tight clusters: in 16 dimensions a wider spread makes clusters that k-means may
    # rightly split differently (a local optimum is fine for an index, not for this test).
    points, owners = clustered(rng, 600, centres(rng), spread=0.05)
    trained = vector_index.train_centroids(points, CLUSTERS, seed=3)
    assert trained.shape == (CLUSTERS, DIM)
    assert np.allclose(np.linalg.norm(trained, axis=1), 1, atol=1e-5)
    labels = vector_index.assign(points, trained)
    # Every true cluster lands in one cell (purity), whatever the cells' numbering.
    for cluster in range(CLUSTERS):
        cells = np.bincount(labels[owners == cluster], minlength=CLUSTERS)
        assert cells.max() / cells.sum() > 0.95


def test_kmeans_uses_every_cell_even_with_duplicate_points() -> None:
    # Half the points are one vector: cells seeded on it would empty and be re-seeded.
    rng = np.random.default_rng(2)
    points, _ = clustered(rng, 200, centres(rng))
    points[:100] = points[0]
    labels = vector_index.assign(points, vector_index.train_centroids(points, 8, seed=0))
    assert len(np.unique(labels)) == 8


def test_kmeans_refuses_an_empty_sample() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        vector_index.train_centroids(np.zeros((0, DIM), np.float32), 4)


def test_sizes_follow_the_archive() -> None:
    assert vector_index.list_count(500) == 1
    assert vector_index.list_count(100_000) == 100
    assert vector_index.list_count(4_000_000) == 2000  # √n beyond a million
    assert vector_index.probe_count(1) == 1
    assert vector_index.probe_count(100) == 20
    assert vector_index.probe_count(1000) == 63
    assert vector_index.train_sample_size(1_000_000, 1000) == 64_000


def test_nearest_lists_are_the_closest_centroids() -> None:
    cells = np.eye(4, dtype=np.float32)
    query = np.array([[0.9, 0.0, 0.4, 0.1]], dtype=np.float32)
    assert sorted(vector_index.nearest_lists(query, cells, 2)[0].tolist()) == [0, 2]


def test_vectors_are_filed_by_cell_with_their_owners() -> None:
    cells = np.eye(3, dtype=np.float32)
    vectors = np.array([[1, 0, 0], [0, 0, 1], [0.75, 0.25, 0], [0, 1, 0]], dtype=np.float32)
    owners = np.array([7, 7, 7, 9])  # item 7's three segments, item 9's one
    filed = [(cell, found.tolist(), rows.tolist())
             for cell, found, rows in vector_index.by_cell(owners, vectors, cells)]
    assert filed == [
        (0, [7, 7], [[1, 0, 0], [0.75, 0.25, 0]]),
        (1, [9], [[0, 1, 0]]),
        (2, [7], [[0, 0, 1]]),
    ]


def test_quantized_vectors_keep_their_cosines() -> None:
    rng = np.random.default_rng(4)
    vectors, _ = clustered(rng, 50, centres(rng, dim=384), spread=0.05)
    restored = vector_index.dequantize(vector_index.quantize(vectors), 384)
    assert np.abs(restored @ vectors.T - vectors @ vectors.T).max() < 0.01
    assert len(vector_index.quantize(vectors)) == 50 * (4 + 384)
    with pytest.raises(ValueError, match="whole vectors"):
        vector_index.unpack_block(np.arange(3, dtype="<i8").tobytes(), b"x" * 10, 384)


# --- in the archive ----------------------------------------------------------------------


@pytest.fixture
def archive(any_db_url: str) -> Archive:
    """400 posts by an obviously fictional account, each with one or two vectors drawn
    around one of six centres: vector i belongs to tweet i."""
    rng = np.random.default_rng(5)
    found = Archive.open(any_db_url)
    records = [
        TweetRecord(author_handle="fictional_vector_bot", text=f"made-up post number {i}",
                    location=f"v.jsonl:{i}")
        for i in range(400)
    ]
    found.import_records(records, files=["v.jsonl"], fmt="jsonl")
    points, _ = clustered(rng, 600, centres(rng))
    ids = sorted(t.id for t in found.tweets())  # type: ignore[misc]
    vectors = {}
    for n, tweet_id in enumerate(ids):
        vectors[tweet_id] = to_bytes(points[n][None] if n % 2 else points[[n, 400 + n // 2]])
    found.store_tweet_embeddings("m", vectors)
    found.vectors = points  # type: ignore[attr-defined]
    found.ids = ids  # type: ignore[attr-defined]
    return found


def filed(archive: Archive, tweet_id: int) -> list[int]:
    """The cells whose blocks hold a vector of the tweet."""
    with archive.engine.connect() as conn:
        rows = conn.execute(text("SELECT list_no, tweet_ids FROM vector_block "
                                 "WHERE model = 'm' ORDER BY list_no, block_no"))
        return sorted({cell for cell, ids in rows
                       if tweet_id in np.frombuffer(bytes(ids), dtype="<i8")})


def block_sizes(archive: Archive) -> list[int]:
    with archive.engine.connect() as conn:
        return [n for (n,) in conn.execute(text("SELECT count FROM vector_block"))]


def test_search_through_the_index_reads_only_the_probed_cells(archive: Archive) -> None:
    everyone = len(archive.ids)  # type: ignore[attr-defined]
    assert len(archive.nearest(archive.vectors[3], limit=everyone, model="m")) == everyone  # type: ignore[attr-defined]
    info = archive.build_vector_index("m", DIM, lists=CLUSTERS, probes=1)
    assert info is not None
    assert (info.lists, info.probes, info.vectors, info.vectors_at_build) == (
        CLUSTERS, 1, 600, 600)
    found = archive.nearest(archive.vectors[3], limit=everyone, model="m")  # type: ignore[attr-defined]
    # One cell of six: the rest of the archive is never read...
    assert 0 < len(found) < everyone / 2
    # ...and each tweet's own vector, as a query, still finds that tweet first.
    for n in (0, 1, 7, 250, 399):
        tweet_id = archive.ids[n]  # type: ignore[attr-defined]
        assert archive.nearest(archive.vectors[n], limit=3, model="m")[0] == tweet_id  # type: ignore[attr-defined]


def test_index_agrees_with_the_full_scan(archive: Archive) -> None:
    rng = np.random.default_rng(9)
    queries = archive.vectors[rng.choice(600, size=20, replace=False)]  # type: ignore[attr-defined]
    queries = queries + 0.05 * rng.standard_normal(queries.shape).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    scanned = archive.nearest_many(queries, 5, model="m")
    archive.build_vector_index("m", DIM, lists=CLUSTERS, probes=2)
    indexed = archive.nearest_many(queries, 5, model="m")
    assert [s[0] for s in scanned] == [i[0] for i in indexed]


def test_vectors_stored_later_are_filed_and_refiled(archive: Archive) -> None:
    archive.build_vector_index("m", DIM, lists=CLUSTERS, probes=1)
    first = archive.ids[0]  # type: ignore[attr-defined]
    assert filed(archive, first) != []
    # Replaced by a vector far from where it was: it moves cell, and is found there.
    target = archive.vectors[1]  # type: ignore[attr-defined]
    cell_of_target = filed(archive, archive.ids[1])  # type: ignore[attr-defined]
    archive.store_tweet_embeddings("m", {first: to_bytes(target[None])})
    assert filed(archive, first) == cell_of_target
    assert first in archive.nearest(target, limit=2, model="m")


def test_refresh_builds_when_needed_and_rebuilds_when_outgrown(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert archive.refresh_vector_index("m", DIM) is None  # 600 vectors: a scan is enough
    monkeypatch.setattr(vector_index, "MIN_INDEXED_VECTORS", 100)
    built = archive.refresh_vector_index("m", DIM)
    assert built is not None and built.vectors_at_build == 600
    assert archive.refresh_vector_index("m", DIM) == built  # current: left alone
    # The archive doubles: the index is rebuilt for its new size.
    records = [
        TweetRecord(author_handle="fictional_vector_bot", text=f"another made-up post {i}",
                    location=f"w.jsonl:{i}")
        for i in range(600)
    ]
    archive.import_records(records, files=["w.jsonl"], fmt="jsonl")
    rng = np.random.default_rng(11)
    more, _ = clustered(rng, 600, centres(rng))
    new_ids = [t.id for t in archive.tweets() if t.id not in set(archive.ids)]  # type: ignore[attr-defined]
    vectors = {i: to_bytes(v[None]) for i, v in zip(new_ids, more, strict=True)}
    archive.store_tweet_embeddings("m", vectors)
    rebuilt = archive.refresh_vector_index("m", DIM)
    assert rebuilt is not None and rebuilt.vectors_at_build == 1200
    assert rebuilt.vectors == 1200


def test_cells_are_blocks_that_fill_up_and_shrink(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vector_index, "BLOCK_SIZE", 16)
    info = archive.build_vector_index("m", DIM, lists=CLUSTERS, probes=CLUSTERS)
    assert info is not None and info.vectors == 600
    sizes = block_sizes(archive)
    # ~100 vectors a cell: whole blocks of 16 and one partial block per cell.
    assert max(sizes) == 16 and sum(sizes) == 600
    assert sum(1 for n in sizes if n < 16) <= CLUSTERS
    # Every probed: the index finds what the full scan finds.
    queries = archive.vectors[:40]  # type: ignore[attr-defined]
    found = archive.nearest_many(queries, 1, model="m")
    assert [f[0] for f in found] == archive.ids[:40]  # type: ignore[attr-defined]
    # Two-segment tweets replaced by one vector each: their old vectors leave the index.
    ids = archive.ids  # type: ignore[attr-defined]
    archive.store_tweet_embeddings("m", {ids[n]: to_bytes(archive.vectors[n][None])  # type: ignore[attr-defined]
                                         for n in range(0, 40, 2)})
    assert archive.vector_index("m").vectors == 580  # type: ignore[union-attr]
    assert sum(block_sizes(archive)) == 580
    # New vectors append to the cells' last blocks, which stay within the block size.
    extra = {ids[n]: to_bytes(np.stack([archive.vectors[n], archive.vectors[n + 1]]))  # type: ignore[attr-defined]
             for n in range(41, 81, 2)}
    archive.store_tweet_embeddings("m", extra)
    assert sum(block_sizes(archive)) == 600 and max(block_sizes(archive)) == 16

