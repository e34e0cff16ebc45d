"""Which archive tweets each quote is compared with.

A small archive is compared whole (its tweets' features built once per verifier); a
large one is never loaded into memory: each quote's candidates come from the indexes the
store keeps (full-text search on the English text or the quote's own words, the
speaker's tweets, the nearest stored embeddings).

Tweet vectors are computed when tweets are stored (`store_embed`). Verify embeds at most
the candidates a quote touches that still have none: the tweets the indexes propose for it
(a whole small archive, at 11-24 tweets a second, would take minutes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
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
    embedded: int = 0  # candidate tweets embedded by this source (they had no vectors)
    _everything: list[CandidateFeatures] | None = None
    _lacking: set[int] = field(default_factory=set)  # loaded tweets without stored vectors

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
            if self._lacking and self.embedder is not None:
                everything = self._embed_touched(self._retrieved(findings, translated))
            return [everything] * len(findings)
        nearest = self._nearest(vectors)
        per_quote_ids = [list(dict.fromkeys([*ids, *near])) for ids, near in
                         zip(self._retrieved(findings, translated), nearest, strict=True)]
        wanted = sorted({i for ids in per_quote_ids for i in ids})
        features = self._features([t.canonical() for t in self.archive.tweets_by_ids(wanted)])
        return [[features[i] for i in ids if i in features] for ids in per_quote_ids]

    def load_all(self) -> list[CandidateFeatures]:
        """Every archive tweet with its anchors and stored segment vectors (computed when
        the tweets were stored; the ones without are embedded only when a quote touches
        them)."""
        if self._everything is None:
            tweets = [t.canonical() for t in self.archive.iter_tweets()]
            self._everything = list(self._features(tweets, compute=False).values())
        return self._everything

    def features_of(self, tweets: Sequence[CanonicalTweet]) -> dict[int, CandidateFeatures]:
        """These tweets with their anchors and segment vectors (embedded if not stored)."""
        return self._features(tweets)

    def _retrieved(
        self, findings: Sequence[QuoteFinding], translated: Sequence[Translated | None]
    ) -> list[list[int]]:
        """Per quote, the tweets the text index proposes for it and its speaker's."""
        per_quote = []
        for finding, tr in zip(findings, translated, strict=True):
            a = finding.attribution
            authors = [a.author_handle] if a and a.author_handle else []
            text = tr.text if tr else finding.quote.text
            per_quote.append(self.archive.candidate_ids(text, authors=authors,
                                                        limit=RETRIEVAL_LIMIT))
        return per_quote

    def _embed_touched(self, per_quote_ids: Sequence[Sequence[int]]) -> list[CandidateFeatures]:
        """The loaded tweets, those without vectors that the quotes touch now embedded."""
        assert self._everything is not None and self.embedder is not None
        touched = {i for ids in per_quote_ids for i in ids} & self._lacking
        if touched:
            tweets = [c.tweet for c in self._everything if c.tweet.id in touched]
            vectors = tweet_vectors(self.archive, self.embedder, tweets)
            self._everything = [
                replace(c, segment_vectors=vectors[c.tweet.id]) if c.tweet.id in touched else c
                for c in self._everything
            ]
            self._lacking -= touched
            self.embedded += len(touched)
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

    def _features(
        self, tweets: Sequence[CanonicalTweet], *, compute: bool = True
    ) -> dict[int, CandidateFeatures]:
        english = lang.get("en")
        vectors = self._vectors(tweets, compute)
        return {
            t.id: CandidateFeatures(t, extract_anchors(t.text, english), vectors.get(t.id))
            for t in tweets
        }

    def _vectors(self, tweets: Sequence[CanonicalTweet], compute: bool) -> dict[int, np.ndarray]:
        """Stored vectors of `tweets`; the missing ones computed (and counted) when
        `compute`, else remembered as lacking."""
        if self.embedder is None:
            return {}
        vectors = tweet_vectors(self.archive, self.embedder, tweets, compute=False)
        missing = [t for t in tweets if t.id not in vectors]
        if missing and compute:
            vectors |= tweet_vectors(self.archive, self.embedder, missing)
            self.embedded += len(missing)
        elif missing:
            self._lacking |= {t.id for t in missing}
        return vectors


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

