"""Which archive tweets each quote is compared with.

A small archive is compared whole (its tweets' features built once per verifier); a
large one is never loaded into memory: each quote's candidates come from the indexes the
store keeps (full-text search on the English text or the quote's own words, the
speaker's tweets, the nearest stored embeddings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from quotes import lang
from quotes.anchors import extract_anchors
from quotes.embed import Embedder
from quotes.match import CandidateFeatures
from quotes.models import CanonicalTweet, QuoteFinding, Translated
from quotes.pipeline.embedding import tweet_vectors
from quotes.store import Archive

# Archives up to this size are compared whole; larger ones through the store's indexes.
FULL_SCAN_LIMIT = 5_000
# How many tweets each index proposes per quote.
RETRIEVAL_LIMIT = 50
# Tweets posted after an article cannot be its source; a day's slack for time zones.
PUBLICATION_SLACK = timedelta(days=1)


@dataclass(slots=True)
class CandidateSource:
    """The candidate tweets of quotes, with their anchors and segment vectors."""

    archive: Archive
    embedder: Embedder | None = None
    _everything: list[CandidateFeatures] | None = None

    def for_quotes(
        self,
        findings: Sequence[QuoteFinding],
        translated: Sequence[Translated | None],
        vectors: Sequence[np.ndarray | None],
    ) -> list[list[CandidateFeatures]]:
        """The tweets each quote is compared with, in the order of `findings`."""
        if not findings:
            return []
        if self.archive.count() <= FULL_SCAN_LIMIT:
            everything = self.load_all()
            return [everything] * len(findings)
        nearest = self._nearest(vectors)
        per_quote_ids = []
        for finding, tr, near in zip(findings, translated, nearest, strict=True):
            a = finding.attribution
            authors = [a.author_handle] if a and a.author_handle else []
            text = tr.text if tr else finding.quote.text
            ids = self.archive.candidate_ids(text, authors=authors, limit=RETRIEVAL_LIMIT)
            per_quote_ids.append(list(dict.fromkeys([*ids, *near])))
        wanted = sorted({i for ids in per_quote_ids for i in ids})
        features = self._features([t.canonical() for t in self.archive.tweets_by_ids(wanted)])
        return [[features[i] for i in ids if i in features] for ids in per_quote_ids]

    def load_all(self) -> list[CandidateFeatures]:
        """Every archive tweet with its anchors and segment vectors (vectors computed once
        and kept in the store)."""
        if self._everything is None:
            tweets = [t.canonical() for t in self.archive.iter_tweets()]
            self._everything = list(self._features(tweets).values())
        return self._everything

    def _nearest(self, vectors: Sequence[np.ndarray | None]) -> list[list[int]]:
        nearest: list[list[int]] = [[] for _ in vectors]
        with_vectors = [i for i, v in enumerate(vectors) if v is not None]
        if self.embedder is None or not with_vectors:
            return nearest
        found = self.archive.nearest_many(
            np.stack([v for v in vectors if v is not None]),
            RETRIEVAL_LIMIT,
            model=self.embedder.model_id,
        )
        for i, ids in zip(with_vectors, found, strict=True):
            nearest[i] = ids
        return nearest

    def _features(self, tweets: Sequence[CanonicalTweet]) -> dict[int, CandidateFeatures]:
        english = lang.get("en")
        vectors = tweet_vectors(self.archive, self.embedder, tweets) if self.embedder else {}
        return {
            t.id: CandidateFeatures(t, extract_anchors(t.text, english), vectors.get(t.id))
            for t in tweets
        }


def not_later(
    candidates: list[CandidateFeatures], published: datetime | None
) -> list[CandidateFeatures]:
    """Tweets an article published at `published` could quote: none posted after it (a
    day's slack for time zones). Tweets of unknown date always stay."""
    if published is None:
        return candidates
    limit = published.replace(tzinfo=None) + PUBLICATION_SLACK
    return [
        c for c in candidates if c.tweet.created_at is None or c.tweet.created_at <= limit
    ]

