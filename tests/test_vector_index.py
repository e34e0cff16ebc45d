"""The IVF vector index: k-means cells kept in the archive's tables, on both databases."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import text

from quotes import vector_index
from quotes.embed import to_bytes
from quotes.models import TweetRecord
from quotes.store import Archive

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


def test_a_multi_segment_item_is_filed_under_each_of_its_cells() -> None:
    cells = np.eye(3, dtype=np.float32)
    vectors = np.array([[1, 0, 0], [0, 0, 1], [0.75, 0.25, 0], [0, 1, 0]], dtype=np.float32)
    filed = [(cell, item, rows.tolist())
             for cell, item, rows in vector_index.file_by_cell(vectors, np.array([3, 1]), cells)]
    assert filed == [
        (0, 0, [[1, 0, 0], [0.75, 0.25, 0]]),  # item 0's two segments in cell 0, together
        (1, 1, [[0, 1, 0]]),
        (2, 0, [[0, 0, 1]]),
    ]


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
    with archive.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT list_no FROM vector_list WHERE model = 'm' AND tweet_id = :t "
                 "ORDER BY list_no"), {"t": tweet_id})
        return [r[0] for r in rows]


def test_search_through_the_index_reads_only_the_probed_cells(archive: Archive) -> None:
    everyone = len(archive.ids)  # type: ignore[attr-defined]
    assert len(archive.nearest(archive.vectors[3], limit=everyone, model="m")) == everyone  # type: ignore[attr-defined]
    info = archive.build_vector_index("m", DIM, lists=CLUSTERS, probes=1)
    assert info is not None
    assert (info.lists, info.probes, info.tweets) == (CLUSTERS, 1, everyone)
    assert info.vectors_at_build == 600
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
    assert rebuilt.tweets == 1000
