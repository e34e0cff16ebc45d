"""Sentence vectors kept between runs: a second run embeds nothing it embedded before,
gets the very same vectors, and a cache that cannot be used never fails a run."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from quotes.embed_cache import CachingEmbedder
from quotes.vector_cache import VectorCache, default_cache_path
from tests.test_embed_cache import FakeEmbedder

TEXTS = ["Wir bauen 40 Brücken.", "Nous bâtirons 40 ponts.", "Kami membangun 40 jembatan."]


def test_a_second_run_reads_what_the_first_embedded(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    first_inner = FakeEmbedder()
    first = CachingEmbedder(first_inner, disk=VectorCache(path)).embed_queries(TEXTS)
    second_inner = FakeEmbedder()
    second_cache = CachingEmbedder(second_inner, disk=VectorCache(path))
    again = second_cache.embed_queries([*TEXTS, "Una frase nueva."])
    assert np.array_equal(again[:3], first)  # bit for bit: verdicts cannot move
    assert second_inner.sent == {(True, "Una frase nueva."): 1}
    assert second_cache.loaded == 3


def test_models_and_kinds_do_not_share_vectors(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    CachingEmbedder(FakeEmbedder(), disk=VectorCache(path)).embed_queries(TEXTS)
    other = FakeEmbedder()
    other.model_id = "another-model"
    CachingEmbedder(other, disk=VectorCache(path)).embed_queries(TEXTS)
    same_model = FakeEmbedder()
    CachingEmbedder(same_model, disk=VectorCache(path)).embed_passages(TEXTS)
    assert sum(other.sent.values()) == 3 and sum(same_model.sent.values()) == 3


def test_no_article_text_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    CachingEmbedder(FakeEmbedder(), disk=VectorCache(path)).embed_queries(TEXTS)
    raw = path.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("v.sqlite-*"))
    assert b"Br\xc3\xbccken" not in raw and b"jembatan" not in raw


def test_a_full_cache_drops_its_oldest_rows(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    inner = FakeEmbedder()
    cache = CachingEmbedder(inner, disk=VectorCache(path, max_rows=10))
    cache.embed_queries([f"frase {n}" for n in range(12)])
    with sqlite3.connect(path) as conn:
        (rows,) = conn.execute("SELECT count(*) FROM text_vector").fetchone()
    assert rows <= 10
    later = FakeEmbedder()
    CachingEmbedder(later, disk=VectorCache(path, max_rows=10)).embed_queries(
        ["frase 0", "frase 11"])
    assert later.sent == {(True, "frase 0"): 1}  # the oldest went, the newest stayed


@pytest.mark.parametrize("make", ["garbage", "directory", "unwritable"])
def test_an_unusable_cache_is_done_without(tmp_path: Path, make: str) -> None:
    path = tmp_path / "v.sqlite"
    if make == "garbage":
        path.write_bytes(os.urandom(4096))
    elif make == "directory":
        path.mkdir()
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes anywhere")
        tmp_path.chmod(0o500)
    try:
        inner = FakeEmbedder()
        got = CachingEmbedder(inner, disk=VectorCache(path)).embed_queries(TEXTS)
    finally:
        tmp_path.chmod(0o700)
    assert got.shape == (3, 8) and sum(inner.sent.values()) == 3
    if make == "garbage":
        assert path.stat().st_size == 4096  # a file that is not ours is left alone


def test_off_and_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUOTES_VECTOR_CACHE", "off")
    assert default_cache_path() is None
    monkeypatch.delenv("QUOTES_VECTOR_CACHE")
    monkeypatch.delenv("QUOTES_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "quotes" / "text-vectors.sqlite"
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_path() == tmp_path / "mine" / "text-vectors.sqlite"


def test_verifying_again_embeds_nothing_and_gives_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes import pipeline
    from quotes.pipeline import runs

    tweets = tmp_path / "tweets.jsonl"
    tweets.write_text(json.dumps({
        "author": "fictional_harbour_board", "name": "Fictional Harbour Board",
        "created_at": "2024-05-01", "id": "1790000000000000002", "url": None,
        "source": "invented for a test",
        "text": "The ferry to the island runs twice a day from June, not four times.",
    }) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    pipeline.import_files([tweets], db_url=db)
    nl = tmp_path / "nl.txt"
    nl.write_text("„De veerboot naar het eiland vaart vanaf juni twee keer per dag, niet vier "
                  "keer”, schreef de Fictional Harbour Board op X.\n", encoding="utf-8")
    pt = tmp_path / "pt.txt"
    pt.write_text("“A balsa para a ilha passa a operar quatro vezes por dia a partir de "
                  "junho”, escreveu a Fictional Harbour Board no X.\n", encoding="utf-8")
    runs_of: list[FakeEmbedder] = []

    def fresh() -> FakeEmbedder:
        runs_of.append(FakeEmbedder())
        return runs_of[-1]

    monkeypatch.setattr(runs, "default_embedder", fresh)
    options = pipeline.VerifyOptions(db_url=db)
    first = pipeline.verify([str(nl), str(pt)], options)
    second = pipeline.verify([str(nl), str(pt)], options)
    assert sum(runs_of[0].sent.values()) > 0 and not runs_of[1].sent
    verdicts = [q.verdict for a in first.articles for q in a.quotes]
    assert len(verdicts) == 2
    assert [q.verdict for a in second.articles for q in a.quotes] == verdicts
    assert second.story == first.story
