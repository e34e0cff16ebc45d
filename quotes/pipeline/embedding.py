"""Sentence embeddings of archive tweets: computed in one place for `verify` (the tweets a
quote is compared with) and `archive embed` (every tweet, in resumable batches).

A tweet is stored as one float32 matrix, one row per segment (`match.tweet_segments`), so
a quote can be placed on the part of a long tweet it renders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from quotes.config import EMBED_BATCH
from quotes.embed import Embedder, from_bytes, to_bytes
from quotes.errors import StoreError
from quotes.match import tweet_segments
from quotes.store import Archive, VectorIndexInfo


class StoredText(Protocol):
    """What embedding needs of a tweet: its archive id and its text."""

    @property
    def id(self) -> int | None: ...

    @property
    def text(self) -> str: ...


def segment_vectors(embedder: Embedder, tweets: Sequence[StoredText]) -> dict[int, np.ndarray]:
    """Tweet id → the vectors of its segments, all segments in one embedder call."""
    segments = [tweet_segments(t.text) for t in tweets]
    flat = embedder.embed_passages([s for segs in segments for s in segs])
    vectors: dict[int, np.ndarray] = {}
    row = 0
    for tweet, segs in zip(tweets, segments, strict=True):
        assert tweet.id is not None, "only stored tweets are embedded"
        vectors[tweet.id] = flat[row : row + len(segs)]
        row += len(segs)
    return vectors


def tweet_vectors(
    archive: Archive, embedder: Embedder, tweets: Sequence[StoredText], *, compute: bool = True
) -> dict[int, np.ndarray]:
    """The segment vectors of `tweets`: read from the archive where stored, computed and
    stored where not (unless `compute` is False: then only the stored ones), so each
    tweet is embedded once over the archive's life."""
    model = embedder.model_id
    ids = [t.id for t in tweets if t.id is not None]
    stored = archive.tweet_embeddings(model, ids)
    missing = [t for t in tweets if t.id not in stored] if compute else []
    vectors = segment_vectors(embedder, missing) if missing else {}
    if vectors:
        archive.store_tweet_embeddings(model, {i: to_bytes(m) for i, m in vectors.items()})
    # A stored matrix has one row per segment of its tweet: its width follows.
    texts = {t.id: t.text for t in tweets}
    for tweet_id, data in stored.items():
        rows = len(tweet_segments(texts[tweet_id]))
        vectors[tweet_id] = from_bytes(data, len(data) // 4 // rows)
    return vectors


@dataclass(frozen=True, slots=True)
class EmbedRun:
    """What `archive embed` did: tweets embedded now, and the vector index after it."""

    embedded: int
    model: str
    index: VectorIndexInfo | None


def embed_archive(
    archive: Archive,
    embedder: Embedder,
    *,
    batch: int = EMBED_BATCH,
    reindex: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> EmbedRun:
    """Embed every tweet that has no vectors yet, batch by batch (each batch stored as it
    is done, so a stopped run resumes where it stopped), then bring the vector index up to
    date (`reindex` rebuilds it whatever its state). `progress(done, total)` is called
    after each batch."""
    if archive.read_only:  # nothing would be kept, and the batches would never run out
        raise StoreError("the archive is read-only: embeddings cannot be stored in it",
                         location=archive.url)
    total = archive.count() - archive.embedding_counts().get(embedder.model_id, 0)
    done = 0
    if total > 0:
        for tweets in archive.tweets_without_embedding(embedder.model_id, batch):
            vectors = segment_vectors(embedder, tweets)
            archive.store_tweet_embeddings(
                embedder.model_id, {i: to_bytes(m) for i, m in vectors.items()}
            )
            done += len(tweets)
            if progress is not None:
                progress(done, total)
    if reindex:
        index = archive.build_vector_index(embedder.model_id, embedder.dim)
    else:
        index = archive.refresh_vector_index(embedder.model_id, embedder.dim)
    return EmbedRun(done, embedder.model_id, index)
