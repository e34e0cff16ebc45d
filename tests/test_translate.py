"""The translate stage on a tiny MarianMT model built on the spot: no network, no hub."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import models as models_cli
from quotes.errors import InputError
from quotes.store import Archive
from quotes.translate import (
    MULTILINGUAL_MODEL,
    Backend,
    LocatedModel,
    MarianBackend,
    Translator,
    find_model,
    load_overrides_file,
    locate_model,
    missing_message,
    model_for,
    model_revision,
    parse_model_overrides,
    split_text,
)
from tests.tiny_marian import (
    ENGLISH_SENTENCES,
    GERMAN_SENTENCES,
    build_tiny_ct2,
    build_tiny_marian,
)

DE_EN = "Helsinki-NLP/opus-mt-de-en"
# The tiny model was trained on these pairs: it translates them exactly.
GERMAN = list(GERMAN_SENTENCES)
ENGLISH = list(ENGLISH_SENTENCES)
UNSEEN = "Das stimmt so nicht, sagte er am Montag."  # gibberish out, but deterministic


@pytest.fixture(autouse=True)
def _empty_hf_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Hugging Face cache: a model in the user's real one must change nothing."""
    from huggingface_hub import constants

    path = tmp_path / "hf-cache"
    path.mkdir()
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(path))
    return path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once; tests that change a model work on a copy (`model_copy`)."""
    return build_tiny_marian(tmp_path_factory.mktemp("tiny") / "opus-mt-tiny")


@pytest.fixture
def model_copy(tiny_model: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(tiny_model, tmp_path / "copy" / "opus-mt-tiny"))


def translator(model: Path, **kwargs: object) -> Translator:
    """A translator whose German model is the directory `model`."""
    return Translator(overrides={"de": str(model)}, **kwargs)  # type: ignore[arg-type]


# --- which model, and where ---------------------------------------------------------------


def test_model_for_uses_the_language_tables_and_overrides() -> None:
    assert model_for("de") == DE_EN
    assert model_for("pt") == MULTILINGUAL_MODEL  # no model of its own in pt.toml
    assert model_for("pl") == MULTILINGUAL_MODEL  # no table at all
    assert model_for("en") is None
    assert model_for("en", {"en": "/x"}) is None
    assert model_for("de", {"de": "/models/de"}) == "/models/de"


def test_parse_model_overrides() -> None:
    assert parse_model_overrides(["de=/m/de", "fr = Helsinki-NLP/opus-mt-fr-en"]) == {
        "de": "/m/de",
        "fr": "Helsinki-NLP/opus-mt-fr-en",
    }
    assert parse_model_overrides(["de=/a", "de=/b"]) == {"de": "/b"}  # the last one wins
    for bad in ("de", "de=", "=x", "deutsch=x"):
        with pytest.raises(InputError, match="LANG=NAME_OR_PATH"):
            parse_model_overrides([bad])
    with pytest.raises(InputError, match="English"):
        parse_model_overrides(["en=/x"])


def test_overrides_file_resolves_paths_relative_to_itself(tmp_path: Path) -> None:
    config = tmp_path / "conf" / "quotes.toml"
    config.parent.mkdir()
    config.write_text('[models]\nde = "./models/de-en"\nfr = "Helsinki-NLP/opus-mt-fr-en"\n')
    assert load_overrides_file(config) == {
        "de": str(tmp_path / "conf" / "models" / "de-en"),
        "fr": "Helsinki-NLP/opus-mt-fr-en",
    }
    config.write_text("[models\n")
    with pytest.raises(InputError, match="invalid TOML"):
        load_overrides_file(config)
    config.write_text("[models]\nde = 3\n")
    with pytest.raises(InputError, match=r"models\.de"):
        load_overrides_file(config)
    with pytest.raises(InputError, match="no such file"):
        load_overrides_file(tmp_path / "absent.toml")


@pytest.mark.parametrize("layout", [DE_EN, "Helsinki-NLP--opus-mt-de-en", "opus-mt-de-en"])
def test_locate_model_in_model_dir(tiny_model: Path, tmp_path: Path, layout: str) -> None:
    model_dir = tmp_path / "models"
    shutil.copytree(tiny_model, model_dir / layout)
    assert locate_model(DE_EN, model_dir) == model_dir / layout
    assert locate_model(DE_EN, tmp_path / "elsewhere") is None


def test_locate_model_in_the_hugging_face_cache(tiny_model: Path, tmp_path: Path) -> None:
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hf" / "models--Helsinki-NLP--opus-mt-de-en"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    shutil.copytree(tiny_model, repo / "snapshots" / commit)
    found = find_model(DE_EN, None, hf_cache=tmp_path / "hf")
    assert found is not None
    assert found.path == repo / "snapshots" / commit
    assert found.revision == commit[:12]  # the snapshot's commit, not a content hash
    assert found.kind == "transformers"


def test_revision_follows_the_weights(tiny_model: Path, tmp_path: Path) -> None:
    other = build_tiny_marian(tmp_path / "other", seed=1)  # same shape, other weights
    assert model_revision(tiny_model) == model_revision(tiny_model)
    assert model_revision(other) != model_revision(tiny_model)


# --- translating --------------------------------------------------------------------------


def test_loads_from_a_model_override_path(tiny_model: Path) -> None:
    t = translator(tiny_model)
    result = t.translate([("de", GERMAN[0])])[0]
    assert result is not None
    assert result.text == ENGLISH[0]
    assert result.model == str(tiny_model)
    assert result.revision == model_revision(tiny_model)
    assert not result.cached
    assert t.missing == {}
    assert os.environ.get("HF_HUB_OFFLINE") is None  # only switched on while loading


def test_loads_from_model_dir_by_hub_name(tiny_model: Path, tmp_path: Path) -> None:
    shutil.copytree(tiny_model, tmp_path / "models" / "Helsinki-NLP--opus-mt-de-en")
    t = Translator(model_dir=tmp_path / "models")
    result = t.translate_one("de", GERMAN[1])
    assert result is not None and result.text == ENGLISH[1]
    assert result.model == DE_EN
    assert t.loaded == {DE_EN: f"{DE_EN}@{result.revision}"}


def test_output_is_deterministic(tiny_model: Path) -> None:
    items = [("de", UNSEEN), ("de", GERMAN[2])]
    t = translator(tiny_model)
    first = [r.text for r in t.translate(items) if r]
    assert [r.text for r in t.translate(items) if r] == first
    assert [r.text for r in translator(tiny_model).translate(items) if r] == first
    assert first[1] == ENGLISH[2]


def test_batching_gives_the_same_outputs_as_one_at_a_time(tiny_model: Path) -> None:
    items = [("de", s) for s in (*GERMAN, UNSEEN, f"{GERMAN[0]} {GERMAN[1]}")]
    batched = translator(tiny_model, batch_size=16).translate(items)
    single = translator(tiny_model, batch_size=1)
    one_by_one = [single.translate([item])[0] for item in items]
    assert [r.text for r in batched if r] == [r.text for r in one_by_one if r]


class RecordingTranslator(Translator):
    """Keeps every text handed to the backend: what the model really saw."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.seen: list[list[str]] = []

    def load_backend(self, model: LocatedModel, model_id: str) -> Backend:
        seen = self.seen

        class Recording(MarianBackend):
            def translate(self, texts: list[str]) -> list[str]:
                seen.append(list(texts))
                return super().translate(texts)

        return Recording(model.path, model_id)


def test_long_text_is_split_within_the_model_limit(tiny_model: Path) -> None:
    long_text = " ".join(GERMAN * 6)
    t = RecordingTranslator(overrides={"de": str(tiny_model)})
    result = t.translate_one("de", long_text)
    assert result is not None and result.text
    pieces = [text for call in t.seen for text in call]
    assert len(pieces) > 1  # the tiny tokenizer makes this text longer than 511 tokens
    assert sorted(" ".join(pieces).split()) == sorted(long_text.split())  # nothing lost
    assert all(p.endswith(".") for p in pieces)  # cut between sentences
    backend = MarianBackend(tiny_model, "check")
    assert backend.max_tokens == 511
    assert backend.count_tokens(long_text) > backend.max_tokens
    assert all(backend.count_tokens(p) <= backend.max_tokens for p in pieces)


def test_pieces_are_translated_and_joined_in_order(tiny_model: Path) -> None:
    # A limit below two sentences: each piece is one sentence the model knows, so the
    # whole translation is exactly the English text.
    t = RecordingTranslator(overrides={"de": str(tiny_model)}, max_tokens=40)
    result = t.translate_one("de", " ".join(GERMAN))
    assert result is not None
    assert sorted(text for call in t.seen for text in call) == sorted(GERMAN)
    assert result.text == " ".join(ENGLISH)


def test_split_text_packs_sentences_and_cuts_overlong_ones() -> None:
    def count(text: str) -> int:
        return len(text.split())

    text = "One two three. Four five six. Seven eight nine ten eleven twelve thirteen."
    assert split_text(text, count, 100) == [text]
    assert split_text(text, count, 6) == [
        "One two three. Four five six.",
        "Seven eight nine ten eleven twelve",
        "thirteen.",
    ]
    assert split_text("Erster Absatz\nZweiter Absatz", count, 2) == [
        "Erster Absatz",
        "Zweiter Absatz",
    ]


def test_cache_answers_without_loading_the_model(model_copy: Path, tmp_path: Path) -> None:
    items = [("de", GERMAN[0]), ("de", GERMAN[1])]
    with Archive.open(str(tmp_path / "a.sqlite")) as archive:
        first = translator(model_copy, cache=archive).translate(items)
    assert all(r is not None and not r.cached for r in first)
    # The tokenizer is gone, so loading would fail; the weights and their revision are
    # unchanged, so the cache still applies.
    (model_copy / "source.spm").unlink()
    with Archive.open(str(tmp_path / "a.sqlite")) as archive:
        t = translator(model_copy, cache=archive)
        second = t.translate(items)
    assert [r.text for r in second if r] == [r.text for r in first if r]
    assert all(r is not None and r.cached for r in second)
    assert t.loaded == {}
    assert t.missing == {}
    assert t.used == {"de": f"{model_copy.name}@{model_revision(model_copy)}"}


def test_cache_misses_when_the_weights_change(tiny_model: Path, tmp_path: Path) -> None:
    with Archive.open(str(tmp_path / "a.sqlite")) as archive:
        translator(tiny_model, cache=archive).translate([("de", GERMAN[0])])
        other = build_tiny_marian(tmp_path / "retrained", seed=1)
        result = translator(other, cache=archive).translate_one("de", GERMAN[0])
    assert result is not None and not result.cached


def test_missing_model_gives_none_and_one_message(tmp_path: Path) -> None:
    t = Translator(model_dir=tmp_path / "empty")
    results = t.translate([("de", GERMAN[0]), ("de", GERMAN[1]), ("en", "Hello.")])
    assert results == [None, None, None]
    assert list(t.missing) == ["de"]
    message = t.missing["de"]
    assert message == missing_message("de", DE_EN)
    assert DE_EN in message and "quotes models download de" in message
    assert "\n" not in message
    assert t.translate([("de", GERMAN[2])]) == [None]
    assert list(t.missing) == ["de"]  # still one message, however many calls


def test_missing_model_directory_says_so(tmp_path: Path) -> None:
    t = translator(tmp_path / "no-such-model")
    assert t.translate([("de", GERMAN[0])]) == [None]
    assert t.missing["de"].startswith(
        f"no back-translation for de: model directory {tmp_path / 'no-such-model'} does not exist"
    )


def test_english_needs_no_model() -> None:
    t = Translator(model_dir=Path("/nonexistent"))
    assert t.translate([("en", "He said it."), ("en", "Twice.")]) == [None, None]
    assert t.loaded == {} and t.missing == {}


def test_corrupt_model_dir_gives_one_line_and_carries_on(
    model_copy: Path, tiny_model: Path
) -> None:
    (model_copy / "model.safetensors").write_bytes(b"\0garbage" * 100)
    (model_copy / "config.json").write_text("{not json")
    t = Translator(overrides={"de": str(model_copy), "fr": str(tiny_model)})
    results = t.translate([("de", GERMAN[0]), ("fr", "Bonjour à tous.")])
    assert results[0] is None
    assert results[1] is not None  # the other language still translates
    message = t.missing["de"]
    assert "\n" not in message
    assert str(model_copy) in message and "cannot load model" in message


def test_incomplete_model_dir_names_what_is_missing(model_copy: Path) -> None:
    (model_copy / "vocab.json").unlink()
    t = translator(model_copy)
    assert t.translate([("de", GERMAN[0])]) == [None]
    assert t.missing["de"].endswith("missing vocab.json")


def test_ctranslate2_backend(tiny_model: Path, tmp_path: Path) -> None:
    pytest.importorskip("ctranslate2")
    ct2_dir = build_tiny_ct2(tiny_model, tmp_path / "ct2")
    native = translator(ct2_dir).translate([("de", s) for s in GERMAN[:3]])
    assert all(r is not None and r.text for r in native)
    # A Marian directory with the ctranslate2 backend is converted once, cached apart.
    t = translator(tiny_model, backend="ctranslate2", ct2_dir=tmp_path / "converted")
    converted = t.translate([("de", s) for s in GERMAN[:3]])
    assert [r.text for r in converted if r] == [r.text for r in native if r]
    assert next(iter(t.loaded.values())).endswith("+ct2-int8")


# --- the command line ---------------------------------------------------------------------


def test_models_list_shows_present_and_missing(tiny_model: Path) -> None:
    result = CliRunner().invoke(
        models_cli.app, ["list", "--model", f"de={tiny_model}", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = {row["language"]: row for row in json.loads(result.stdout)["models"]}
    assert rows["de"]["present"] and rows["de"]["path"] == str(tiny_model)
    assert rows["de"]["backend"] == "transformers"
    assert not rows["fr"]["present"] and rows["fr"]["model"] == "Helsinki-NLP/opus-mt-fr-en"
    assert "en" not in rows

    text = CliRunner().invoke(models_cli.app, ["list", "--model", f"de={tiny_model}"])
    assert text.exit_code == 0
    assert "missing" in text.stdout and "transformers" in text.stdout


def test_models_list_reads_a_models_config(tiny_model: Path, tmp_path: Path) -> None:
    config = tmp_path / "quotes.toml"
    config.write_text(f'[models]\nfr = "{tiny_model}"\n')
    result = CliRunner().invoke(
        models_cli.app,
        ["list", "--models-config", str(config), "--model-dir", str(tmp_path), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    rows = {row["language"]: row for row in payload["models"]}
    assert rows["fr"]["present"] and not rows["de"]["present"]
    assert payload["model_dir"] == str(tmp_path)


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_models_download_fails_with_one_line_per_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{_unused_port()}")
    result = CliRunner().invoke(
        models_cli.app, ["download", "de", "pt", "--model-dir", str(tmp_path / "models")]
    )
    assert result.exit_code == 3
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"quotes: error: cannot download {DE_EN} from http://127.0.0.1")
    assert MULTILINGUAL_MODEL in lines[1]
    assert not (tmp_path / "models" / "Helsinki-NLP--opus-mt-de-en").exists()


def test_models_download_rejects_unknown_languages() -> None:
    result = CliRunner().invoke(models_cli.app, ["download", "xx"])
    assert isinstance(result.exception, InputError)
