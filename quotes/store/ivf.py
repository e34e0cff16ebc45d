"""An inverted-file (IVF) index over sentence embeddings, kept in the archive's own tables.

The vectors are split into `lists` cells by spherical k-means; each stored vector is
filed under its nearest centroid, and a search reads only the cells nearest the query
(`probes` of them) instead of every vector. A cell is stored as blocks of up to
BLOCK_SIZE vectors, quantized to a byte a component, with their owners' ids. This is
pgvector's `ivfflat` and FAISS's `IndexIVFScalarQuantizer`, written over plain tables so
that it works the same on SQLite (whose Python builds often cannot load sqlite-vec) and on
PostgreSQL (where pgvector may not be installable), and so that the database, not a side
file, keeps it.

Everything here is a pure function over numpy arrays: `quotes.store.vectors` reads and
writes.
Vectors are L2-normalized (as `quotes.embed` makes them), so cosine is a dot product.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

# Below this many vectors a full scan takes well under a second: no index is built.
MIN_INDEXED_VECTORS = 20_000
# Training points per cell: FAISS warns below 39; more buys little.
TRAIN_PER_LIST = 64
MAX_TRAIN_VECTORS = 200_000
KMEANS_ITERATIONS = 10
SEED_POINTS_PER_LIST = 16
# An index trained on n vectors is rebuilt when the archive holds this many times more:
# its cells, sized for n, would be too large to keep searches fast.
REBUILD_GROWTH = 2.0
_ASSIGN_CHUNK = 8192
# Vectors per stored block of a cell: a search reads whole blocks, so a few hundred rows
# instead of tens of thousands; small enough that appending to a cell rewrites little.
BLOCK_SIZE = 256


def list_count(n_vectors: int) -> int:
    """Cells for n vectors: n/1000 up to a million, √n beyond (pgvector's advice)."""
    if n_vectors <= 1_000_000:
        return max(1, n_vectors // 1000)
    return max(1000, math.isqrt(n_vectors))


def probe_count(lists: int) -> int:
    """Cells read per query: 2√lists (pgvector advises √lists as a start; twice that buys
    recall of a near-duplicate at a few percent of the archive read)."""
    return min(lists, max(1, round(2 * math.sqrt(lists))))


def train_sample_size(n_vectors: int, lists: int) -> int:
    return min(n_vectors, MAX_TRAIN_VECTORS, lists * TRAIN_PER_LIST)


def train_centroids(
    sample: np.ndarray, lists: int, *, iterations: int = KMEANS_ITERATIONS, seed: int = 0
) -> np.ndarray:
    """Spherical k-means: `lists` unit centroids (rows) for the unit vectors in `sample`.

    Seeded by k-means++ (random seeds split one cluster and merge two); an emptied cell
    is re-seeded with the vector its centroid explains worst, so every cell stays in use.
    """
    data = np.asarray(sample, dtype=np.float32)
    if data.ndim != 2 or len(data) == 0:
        raise ValueError("training needs a non-empty matrix of vectors")
    lists = max(1, min(lists, len(data)))
    rng = np.random.default_rng(seed)
    # Seeding costs k passes over its points: a subsample is enough to place the seeds.
    seeding = data[rng.choice(len(data), size=min(len(data), SEED_POINTS_PER_LIST * lists),
                              replace=False)]
    centroids = _kmeans_plus_plus(seeding, lists, rng)
    for _ in range(iterations):
        labels, scores = _nearest_cells(data, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, data)
        counts = np.bincount(labels, minlength=lists)
        empty = np.flatnonzero(counts == 0)
        if len(empty):
            worst = np.argsort(scores)[: len(empty)]
            sums[empty] = data[worst]
        centroids = _normalized(sums)
    return centroids


def assign(vectors: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """The nearest centroid's number for each vector (row)."""
    return _nearest_cells(np.asarray(vectors, dtype=np.float32), centroids)[0]


def nearest_lists(queries: np.ndarray, centroids: np.ndarray, probes: int) -> np.ndarray:
    """The `probes` cells nearest each query: a (queries × probes) array of cell numbers."""
    sims = np.asarray(queries, dtype=np.float32) @ centroids.T
    probes = max(1, min(probes, centroids.shape[0]))
    return np.argpartition(-sims, probes - 1, axis=1)[:, :probes]


def by_cell(
    owners: np.ndarray, vectors: np.ndarray, centroids: np.ndarray
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Vectors filed by cell: (cell, their owners, the vectors), in cell order. An item
    of several vectors (a tweet's segments) is in every cell one of them falls in, so a
    query near any one segment finds it."""
    labels = assign(vectors, centroids)
    order = np.argsort(labels, kind="stable")
    cells = labels[order]
    breaks = np.flatnonzero(np.diff(cells)) + 1
    for start, end in zip(np.r_[0, breaks], np.r_[breaks, len(order)], strict=True):
        if end > start:
            rows = order[start:end]
            yield int(cells[start]), owners[rows], vectors[rows]


def pack(owners: np.ndarray, vectors: np.ndarray) -> tuple[bytes, bytes]:
    """A block of the index: its vectors' owners (int64) and the vectors, quantized."""
    return np.ascontiguousarray(owners, dtype="<i8").tobytes(), quantize(vectors)


def unpack_block(owners: bytes, vectors: bytes, dim: int) -> tuple[np.ndarray, bytes]:
    """A block's owners, and its vectors' bytes as `quantize` made them."""
    found = np.frombuffer(owners, dtype="<i8")
    if len(vectors) != len(found) * quantized_dtype(dim).itemsize:
        raise ValueError("a block of the vector index does not hold whole vectors")
    return found, vectors


def quantized_dtype(dim: int) -> np.dtype:
    """One stored vector of the index: a float32 scale and dim signed bytes (scalar
    quantization, FAISS's SQ8): a quarter of float32's bytes to read, cosines within
    ~1e-2, enough to rank candidates that are then scored with the full vectors."""
    return np.dtype([("scale", "<f4"), ("values", "i1", (dim,))])


def quantize(vectors: np.ndarray) -> bytes:
    vectors = np.asarray(vectors, dtype=np.float32)
    found = np.empty(len(vectors), dtype=quantized_dtype(vectors.shape[1]))
    peak = np.abs(vectors).max(axis=1)
    scale = np.where(peak == 0, 1, peak / 127).astype(np.float32)
    found["scale"] = scale
    found["values"] = np.rint(vectors / scale[:, None]).astype(np.int8)
    return found.tobytes()


def quantized_rows(data: bytes, dim: int) -> np.ndarray:
    """`quantize`d bytes as an array of records, to cut and join without decoding."""
    return np.frombuffer(data, dtype=quantized_dtype(dim))


def unpack(data: bytes, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """`quantize`d bytes (of any number of vectors) as (values as float32 rows, scales):
    a vector is its row times its scale. Kept apart so a search multiplies the scale into
    the dot products, not into every component."""
    found = np.frombuffer(data, dtype=quantized_dtype(dim))
    return found["values"].astype(np.float32), found["scale"]


def dequantize(data: bytes, dim: int) -> np.ndarray:
    values, scales = unpack(data, dim)
    return values * scales[:, None]


def _kmeans_plus_plus(data: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Greedy k-means++ seeds: at each step a few candidates are drawn, each with
    probability growing with its distance to the seeds so far, and the one that most
    reduces the total distance is kept (plain k-means++ still splits one cluster and
    merges two about one run in three)."""
    trials = 2 + int(math.log(k))
    chosen = [int(rng.integers(len(data)))]
    # Squared distance between unit vectors: 2 - 2 cos.
    distance = np.maximum(0, 2 - 2 * (data @ data[chosen[0]]))
    for _ in range(1, k):
        total = float(distance.sum())
        if total <= 0:  # every point is a seed already: any will do
            chosen.append(int(rng.integers(len(data))))
            continue
        candidates = rng.choice(len(data), size=trials, p=distance / total)
        after = np.minimum(distance[:, None], np.maximum(0, 2 - 2 * (data @ data[candidates].T)))
        best = int(after.sum(axis=0).argmin())
        chosen.append(int(candidates[best]))
        distance = after[:, best]
    return data[chosen].copy()


def _nearest_cells(data: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    labels = np.empty(len(data), dtype=np.int64)
    scores = np.empty(len(data), dtype=np.float32)
    for start in range(0, len(data), _ASSIGN_CHUNK):
        sims = data[start : start + _ASSIGN_CHUNK] @ centroids.T
        labels[start : start + len(sims)] = sims.argmax(axis=1)
        scores[start : start + len(sims)] = sims.max(axis=1)
    return labels, scores


def _normalized(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
