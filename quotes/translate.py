"""Back-translation into English: each quote's language → its MarianMT model → English.

Quotes are compared with the English tweets they claim to render, so every non-English
quote is translated back first. Models are found on disk only: a directory given with
`--model LANG=PATH`, `--model-dir`, or the Hugging Face cache. Nothing is downloaded while
translating (fact-checkers often work on machines without access to the hub); a missing
model costs that language its back-translation, reported in one line, and the run goes on.
`quotes models download` fetches models on a connected machine.

Two backends run the same Marian models: transformers (PyTorch) and CTranslate2 (int8,
faster on CPU). Results go through an optional cache keyed by model name, revision and
source text, so a second run translates nothing it has translated before.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from quotes import lang
from quotes.config import default_data_dir
from quotes.errors import InputError, QuotesError
from quotes.text import sentence_ends

MULTILINGUAL_MODEL = "Helsinki-NLP/opus-mt-mul-en"
ENGLISH = "en"
DEFAULT_BATCH_SIZE = 16
# Beam search of 4 as the opus-mt models are published with; fixed, so that cached
# translations stay valid (the cache key does not include decoding settings).
NUM_BEAMS = 4
MARIAN_MAX_TOKENS = 512  # positions of every opus-mt model, end-of-sentence token included
DOWNLOAD_TIMEOUT = 10  # seconds per connection attempt: fail fast where the hub is unreachable

BackendKind = Literal["transformers", "ctranslate2"]
BACKENDS: tuple[BackendKind, ...] = ("transformers", "ctranslate2")

CONFIG_FILE = "config.json"
MARIAN_WEIGHTS = ("model.safetensors", "pytorch_model.bin")
CT2_WEIGHTS = "model.bin"
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json")
# Copied next to a CTranslate2 model so it tokenizes exactly like the original.
TOKENIZER_EXTRAS = ("tokenizer_config.json", "special_tokens_map.json", "generation_config.json")
# What `models download` fetches: opus-mt repositories also hold TensorFlow and Rust copies
# of the weights, several hundred MB each, that nothing here reads.
DOWNLOAD_PATTERNS = (CONFIG_FILE, *MARIAN_WEIGHTS, *TOKENIZER_FILES, *TOKENIZER_EXTRAS)

_OVERRIDE = re.compile(r"^\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\s*=\s*(\S.*?)\s*$")
_REPO_ID = re.compile(r"^[\w.-]+/[\w.-]+$")
_SNAPSHOT_HASH = re.compile(r"^[0-9a-f]{40}$")
_PARAGRAPH = re.compile(r"\s*\n\s*")
# Bytes of the weights file hashed into the revision (see `model_revision`).
_WEIGHTS_SAMPLE = 1 << 20


# --- which model for which language ------------------------------------------------------


def model_for(language: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """The model (hub name or directory) that translates `language` into English.

    None for English: there is nothing to translate. An override wins; then the
    language table's model; languages without one (or without a table) get the
    multilingual model.
    """
    if language == ENGLISH:
        return None
    if overrides and language in overrides:
        return overrides[language]
    if language in lang.available():
        return lang.get(language).translation_model or MULTILINGUAL_MODEL
    return MULTILINGUAL_MODEL


def parse_model_overrides(values: Iterable[str]) -> dict[str, str]:
    """`["de=/models/de-en", "fr=Helsinki-NLP/opus-mt-fr-en"]` → {language: model}.

    A later value for the same language wins, as with any repeated option.
    """
    overrides: dict[str, str] = {}
    for value in values:
        match = _OVERRIDE.match(value)
        if match is None:
            raise InputError(
                f"bad --model {value!r}: expected LANG=NAME_OR_PATH, "
                "e.g. de=Helsinki-NLP/opus-mt-de-en or de=/models/opus-mt-de-en"
            )
        language, model = match.group(1).lower(), match.group(2)
        if language == ENGLISH:
            raise InputError(f"bad --model {value!r}: English quotes need no translation model")
        overrides[language] = model
    return overrides


def load_overrides_file(path: Path | str) -> dict[str, str]:
    """Read `[models]` from a TOML file: `de = "Helsinki-NLP/opus-mt-de-en"` or a path.

    Relative paths are taken relative to the file, not to wherever the tool is run from,
    so a project can keep its models next to its configuration.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", location=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", location=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML: {exc}", location=str(path)) from None
    table = data.get("models", {})
    if not isinstance(table, dict):
        raise InputError('[models] must be a table of LANG = "NAME_OR_PATH"', location=str(path))
    overrides: dict[str, str] = {}
    for language, model in table.items():
        if not isinstance(model, str) or not model.strip():
            raise InputError(f"models.{language} must be a model name or path", location=str(path))
        try:
            entry = parse_model_overrides([f"{language}={model}"])
        except InputError:
            raise InputError(
                f"models.{language}: not a language code (e.g. de, pt)", location=str(path)
            ) from None
        for code, value in entry.items():
            relative = path.parent / Path(value).expanduser()
            overrides[code] = str(relative) if _looks_like_path(value) else value
    return overrides


# --- finding a model on disk -----------------------------------------------------------------


def _looks_like_path(name: str) -> bool:
    """A local path rather than a hub name ("owner/model" or "model")."""
    return name.startswith(("/", ".", "~")) or "\\" in name or name.count("/") > 1


def model_kind(path: Path) -> BackendKind | None:
    """Which backend reads the directory, judged by its weights file; None if it has none."""
    if (path / CT2_WEIGHTS).is_file():
        return "ctranslate2"
    if any((path / name).is_file() for name in MARIAN_WEIGHTS):
        return "transformers"
    return None


def missing_files(path: Path) -> list[str]:
    """Files a model directory lacks to be loaded (empty when complete)."""
    missing = [name for name in TOKENIZER_FILES if not (path / name).is_file()]
    kind = model_kind(path)
    if kind is None:
        missing.insert(0, f"weights ({' or '.join((*MARIAN_WEIGHTS, CT2_WEIGHTS))})")
    if kind == "transformers" and not (path / CONFIG_FILE).is_file():
        missing.insert(0, CONFIG_FILE)
    return missing


def _dir_candidates(name: str, model_dir: Path | None) -> list[Path]:
    if model_dir is None:
        return []
    # The three ways people lay models out: the hub name as nested folders, the name
    # flattened as the hub cache and `hf download --local-dir` users do, or just its tail.
    names = [name, name.replace("/", "--"), name.rstrip("/").rsplit("/", 1)[-1]]
    return [model_dir.expanduser() / n for n in dict.fromkeys(names)]


def _hf_cache_snapshot(name: str, hf_cache: Path | None) -> Path | None:
    if not _REPO_ID.match(name):
        return None
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError

    try:
        # local_files_only: look in the cache, never ask the hub.
        found = snapshot_download(
            name, local_files_only=True, cache_dir=str(hf_cache) if hf_cache else None
        )
    except (OSError, HFValidationError):  # not cached (LocalEntryNotFoundError) or bad name
        return None
    return Path(found) if isinstance(found, str) else None


def locate_model(
    name_or_path: str, model_dir: Path | None, *, hf_cache: Path | None = None
) -> Path | None:
    """The directory holding the model, found without any network access, or None.

    Looks at the name as a directory path, then in `model_dir` (as `<name>`,
    `<owner>--<model>` or `<model>`), then in the Hugging Face cache (`hf_cache`, by
    default the user's). A directory that exists is returned even when incomplete, so
    that loading can say what is wrong with it instead of calling it missing.
    """
    given = Path(name_or_path).expanduser()
    if given.is_dir():
        return given
    if _looks_like_path(name_or_path):
        return None
    candidates = [p for p in _dir_candidates(name_or_path, model_dir) if p.is_dir()]
    complete = [p for p in candidates if not missing_files(p)]
    if complete or candidates:
        return (complete or candidates)[0]
    return _hf_cache_snapshot(name_or_path, hf_cache)


def model_revision(path: Path) -> str:
    """A short id of the weights in `path`, part of every cache key.

    In the Hugging Face cache it is the commit the snapshot was taken from. Elsewhere it is
    a hash of config.json, the weights file's name and size and its first and last MiB:
    retrained weights of the same architecture have the same size, but not the same bytes,
    and reading two MiB costs nothing next to hashing hundreds.
    """
    if path.parent.name == "snapshots" and _SNAPSHOT_HASH.match(path.name):
        return path.name[:12]
    digest = hashlib.sha256()
    config = path / CONFIG_FILE
    if config.is_file():
        digest.update(config.read_bytes())
    for name in (CT2_WEIGHTS, *MARIAN_WEIGHTS):
        weights = path / name
        if weights.is_file():
            size = weights.stat().st_size
            digest.update(f"\0{name}\0{size}\0".encode())
            with weights.open("rb") as handle:
                digest.update(handle.read(_WEIGHTS_SAMPLE))
                handle.seek(max(0, size - _WEIGHTS_SAMPLE))
                digest.update(handle.read(_WEIGHTS_SAMPLE))
            break
    return digest.hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class LocatedModel:
    """A model found on disk: the name it was asked for, where it is and what it is."""

    name: str  # as configured: a hub name or a path
    path: Path
    kind: BackendKind | None  # None: no weights file, loading will say so
    revision: str

    @property
    def label(self) -> str:
        """The name in cache keys: a hub name, or a directory's own name, so that moving
        a model directory keeps its cached translations."""
        if _looks_like_path(self.name) or Path(self.name).expanduser().is_dir():
            return self.path.name
        return self.name


def find_model(
    name: str, model_dir: Path | None, *, hf_cache: Path | None = None
) -> LocatedModel | None:
    path = locate_model(name, model_dir, hf_cache=hf_cache)
    if path is None:
        return None
    return LocatedModel(name=name, path=path, kind=model_kind(path), revision=model_revision(path))


@dataclass(frozen=True, slots=True)
class ModelStatus:
    """What `quotes models list` shows for one language."""

    language: str
    model: str
    found: LocatedModel | None

    @property
    def present(self) -> bool:
        return self.found is not None and not missing_files(self.found.path)


def model_status(
    language: str,
    overrides: Mapping[str, str] | None = None,
    model_dir: Path | None = None,
    *,
    hf_cache: Path | None = None,
) -> ModelStatus | None:
    """Where the model for `language` is, if anywhere; None for English."""
    name = model_for(language, overrides)
    if name is None:
        return None
    return ModelStatus(language, name, find_model(name, model_dir, hf_cache=hf_cache))


# --- messages --------------------------------------------------------------------------------


def missing_message(language: str, name: str) -> str:
    """One line: which model is missing for `language`, and how to get it."""
    if _looks_like_path(name):
        return (
            f"no back-translation for {language}: model directory {name} does not exist "
            f"(check --model {language}=...)"
        )
    return (
        f"no back-translation for {language}: model {name} not found in --model-dir or the "
        f"Hugging Face cache; on a connected machine run `quotes models download {language} "
        f"--model-dir DIR` (or `hf download {name}`) and copy it into --model-dir"
    )


def one_line(exc: BaseException, limit: int = 300) -> str:
    """An exception as one short line: libraries put stack-like detail on later lines."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_failure_message(language: str, name: str, path: Path, error: str) -> str:
    """One line: the model for `language` is there but cannot be used."""
    return f"no back-translation for {language}: cannot load model {name} from {path}: {error}"


class ModelLoadError(Exception):
    """A model directory that exists but cannot be loaded; the message is one line."""


class DownloadError(QuotesError):
    """A model could not be fetched from the hub (exit 3, like other failed resources)."""

    exit_code = 3


# --- loading without the network -----------------------------------------------------------


@contextmanager
def offline_hub() -> Iterator[None]:
    """Make the Hugging Face libraries unable to reach the hub while a model loads.

    `local_files_only=True` is passed everywhere as well; the switch also covers what
    transformers fetches on its own (generation configs, custom code lookups), which
    would otherwise hang for a timeout per file on a machine without internet. The
    library reads HF_HUB_OFFLINE once at import, so its constant is set too; both are
    restored afterwards, leaving `quotes models download` free to connect.
    """
    previous_env = os.environ.get("HF_HUB_OFFLINE")
    os.environ["HF_HUB_OFFLINE"] = "1"
    from huggingface_hub import constants
    from transformers.utils import logging as hf_logging

    previous_flag = constants.HF_HUB_OFFLINE
    bars = hf_logging.is_progress_bar_enabled()
    constants.HF_HUB_OFFLINE = True
    hf_logging.disable_progress_bar()  # "Loading weights" bars are noise in a CLI
    try:
        yield
    finally:
        constants.HF_HUB_OFFLINE = previous_flag
        if bars:
            hf_logging.enable_progress_bar()
        if previous_env is None:
            os.environ.pop("HF_HUB_OFFLINE", None)
        else:
            os.environ["HF_HUB_OFFLINE"] = previous_env


def _check_complete(path: Path) -> None:
    missing = missing_files(path)
    if missing:
        raise ModelLoadError(f"missing {', '.join(missing)}")


def _load_tokenizer(path: Path) -> Any:
    from transformers import MarianTokenizer

    with offline_hub():
        return MarianTokenizer.from_pretrained(str(path), local_files_only=True)


def max_new_tokens(source_tokens: int, limit: int) -> int:
    """Room for the translation of a text of `source_tokens` tokens (without </s>).

    English rarely needs more than twice the source's tokens, and a bound keeps a
    degenerate, repeating output from running to the model's limit. It is rounded up to
    a power of two, and batches only hold texts of the same bound (see `Translator`):
    a text's translation then never depends on which texts share its batch.
    """
    wanted = 2 * source_tokens + 16
    return min(limit, 1 << (wanted - 1).bit_length())


class Backend(Protocol):
    """A loaded translation model: texts in, English out, in the same order."""

    @property
    def model_id(self) -> str: ...

    @property
    def max_tokens(self) -> int:
        """Most source tokens one text may have (end-of-sentence token excluded)."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def translate(self, texts: list[str]) -> list[str]: ...


class _MarianTokenized:
    """What both backends share: the Marian SentencePiece tokenizer and its limits."""

    _model_id: str
    _max_tokens: int
    tokenizer: Any

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def max_tokens(self) -> int:
        return self._max_tokens

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.tokenize(text))


class MarianBackend(_MarianTokenized):
    """A Marian model run by transformers (PyTorch, CPU)."""

    def __init__(self, path: Path, model_id: str) -> None:
        _check_complete(path)
        import torch
        from transformers import MarianMTModel

        self._torch = torch
        self._model_id = model_id
        self.tokenizer = _load_tokenizer(path)
        with offline_hub():
            self.model = MarianMTModel.from_pretrained(str(path), local_files_only=True)
        self.model.eval()  # no dropout: the same input always gives the same output
        positions = int(getattr(self.model.config, "max_position_embeddings", MARIAN_MAX_TOKENS))
        self._max_tokens = min(positions, int(self.tokenizer.model_max_length)) - 1

    def translate(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        batch = self.tokenizer(
            texts,
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=self._max_tokens + 1,
        )
        longest = int(batch["attention_mask"].sum(dim=1).max()) - 1  # without </s>
        with self._torch.inference_mode():
            output = self.model.generate(
                **batch,
                do_sample=False,
                num_beams=NUM_BEAMS,
                max_new_tokens=max_new_tokens(longest, self._max_tokens),
                # The published generation configs also set max_length; max_new_tokens
                # is the bound meant here.
                max_length=None,
            )
        decoded = self.tokenizer.batch_decode(output, skip_special_tokens=True)
        return [text.strip() for text in decoded]


class CTranslate2Backend(_MarianTokenized):
    """A Marian model converted to CTranslate2, run in int8 on the CPU."""

    def __init__(self, path: Path, model_id: str, *, threads: int = 0) -> None:
        _check_complete(path)
        import ctranslate2

        self._model_id = model_id
        self.tokenizer = _load_tokenizer(path)
        # intra_threads=0 lets CTranslate2 pick (all cores); the caller may cap it.
        self.translator = ctranslate2.Translator(
            str(path), device="cpu", compute_type="int8", intra_threads=threads
        )
        self._max_tokens = min(MARIAN_MAX_TOKENS, int(self.tokenizer.model_max_length)) - 1

    def translate(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        encoded = self.tokenizer(texts, truncation=True, max_length=self._max_tokens + 1)
        sources = [self.tokenizer.convert_ids_to_tokens(ids) for ids in encoded["input_ids"]]
        longest = max(len(tokens) for tokens in sources) - 1  # without </s>
        results = self.translator.translate_batch(
            sources,
            beam_size=NUM_BEAMS,
            max_decoding_length=max_new_tokens(longest, self._max_tokens),
        )
        return [
            self.tokenizer.decode(
                self.tokenizer.convert_tokens_to_ids(result.hypotheses[0]),
                skip_special_tokens=True,
            ).strip()
            for result in results
        ]


def convert_to_ct2(marian_dir: Path, out_dir: Path) -> Path:
    """Convert a Marian directory to CTranslate2 int8 in `out_dir`, tokenizer files beside.

    Written to a temporary directory and renamed, so an interrupted conversion never
    leaves a half-written model that would later be taken for a complete one.
    """
    from ctranslate2.converters import TransformersConverter

    _check_complete(marian_dir)
    copy = [n for n in (*TOKENIZER_FILES, *TOKENIZER_EXTRAS) if (marian_dir / n).is_file()]
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        with offline_hub():
            converter = TransformersConverter(str(marian_dir), copy_files=copy)
            converter.convert(str(staging), quantization="int8", force=True)
        try:
            staging.replace(out_dir)
        except OSError:
            if not (out_dir / CT2_WEIGHTS).is_file():
                raise
            # Another process converted the same model meanwhile: use its copy.
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out_dir


# --- splitting long texts ------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    """Sentences of `text`, and its lines: a quote spanning paragraphs ends one at each."""
    pieces: list[str] = []
    for paragraph in _PARAGRAPH.split(text.strip()):
        start = 0
        for end in (*sentence_ends(paragraph), len(paragraph)):
            piece = paragraph[start:end].strip()
            if piece:
                pieces.append(piece)
            start = end
    return pieces


def _words_within(sentence: str, count: Callable[[str], int], limit: int) -> list[str]:
    """A sentence too long for the model, cut between words (the tokenizer truncates a
    single word longer than the limit: nothing more sensible can be done with it)."""
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for word in sentence.split():
        size = count(word)
        if current and used + size > limit:
            parts.append(" ".join(current))
            current, used = [], 0
        current.append(word)
        used += size
    if current:
        parts.append(" ".join(current))
    return parts


def split_text(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    """`text` as pieces of at most `limit` tokens, cut at sentence ends where possible.

    Consecutive sentences are packed together while they fit, because the model
    translates better with context. Token counts add up across whitespace (SentencePiece
    pieces never span it), so each sentence is counted once.
    """
    text = text.strip()
    if count(text) <= limit:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for sentence in _sentences(text):
        size = count(sentence)
        parts = [sentence] if size <= limit else _words_within(sentence, count, limit)
        for part in parts:
            part_size = size if len(parts) == 1 else count(part)
            if current and used + part_size > limit:
                pieces.append(" ".join(current))
                current, used = [], 0
            current.append(part)
            used += part_size
    if current:
        pieces.append(" ".join(current))
    return pieces


# --- the translator ----------------------------------------------------------------------------


class TranslationCache(Protocol):
    """Where translations are kept between runs; `quotes.store.Archive` is one."""

    def cached_translations(self, model: str, sources: Sequence[str]) -> dict[str, str]: ...

    def store_translations(self, model: str, translations: Mapping[str, str]) -> None: ...


@dataclass(frozen=True, slots=True)
class BackTranslation:
    """The English of one quote, and which model made it."""

    text: str
    model: str  # the model's name as configured: a hub name or a directory
    revision: str
    cached: bool  # read from the cache rather than translated in this run


@dataclass(frozen=True, slots=True)
class _Loaded:
    model: LocatedModel
    model_id: str
    backend: Backend | None  # None: loading failed


class Translator:
    """Translates (language, text) items into English with one model per language.

    Each model is located when its language first occurs and loaded only when a text is
    not in the cache, then kept for the life of the translator: make one per process.
    Languages without a usable model give None and one message each in `missing`.
    """

    def __init__(
        self,
        *,
        model_dir: Path | None = None,
        overrides: Mapping[str, str] | None = None,
        backend: BackendKind = "transformers",
        batch_size: int = DEFAULT_BATCH_SIZE,
        cache: TranslationCache | None = None,
        max_tokens: int | None = None,
        threads: int = 0,
        hf_cache: Path | None = None,
        ct2_dir: Path | None = None,
    ) -> None:
        if backend not in BACKENDS:
            raise InputError(f"unknown backend {backend!r} (known: {', '.join(BACKENDS)})")
        if batch_size < 1:
            raise InputError(f"batch size must be at least 1, not {batch_size}")
        self.model_dir = model_dir
        self.overrides = dict(overrides or {})
        self.backend = backend
        self.batch_size = batch_size
        self.cache = cache
        self.max_tokens = max_tokens  # None: the model's own limit
        self.threads = threads
        self.hf_cache = hf_cache
        # Marian models converted for the ctranslate2 backend are kept here for next time.
        self.ct2_dir = ct2_dir if ct2_dir is not None else default_data_dir() / "ct2"
        self.missing: dict[str, str] = {}
        self._located: dict[str, LocatedModel | None] = {}  # by model name
        self._loaded: dict[str, _Loaded] = {}  # by model name: languages may share one
        self._used: dict[str, str] = {}  # language → model id that gave its translations

    @property
    def loaded(self) -> dict[str, str]:
        """model name → model id of every model this translator has loaded."""
        return {n: x.model_id for n, x in self._loaded.items() if x.backend is not None}

    @property
    def used(self) -> dict[str, str]:
        """language → model id ("name@revision") of every language translated so far,
        from the cache or by a model: what a report names as its translation source."""
        return dict(self._used)

    def translate(self, items: Sequence[tuple[str, str]]) -> list[BackTranslation | None]:
        """The back-translation of each (language, text), in order; None for English
        items, empty texts and languages whose model is missing or broken."""
        results: list[BackTranslation | None] = [None] * len(items)
        by_language: dict[str, list[int]] = {}
        for index, (language, text) in enumerate(items):
            if language != ENGLISH and text.strip():
                by_language.setdefault(language, []).append(index)
        for language, indexes in by_language.items():
            texts = list(dict.fromkeys(items[i][1] for i in indexes))  # each text once
            done = self._translate_language(language, texts)
            for index in indexes:
                results[index] = done.get(items[index][1])
        return results

    def translate_one(self, language: str, text: str) -> BackTranslation | None:
        return self.translate([(language, text)])[0]

    # -- per language ------------------------------------------------------------------

    def _translate_language(self, language: str, texts: list[str]) -> dict[str, BackTranslation]:
        name = model_for(language, self.overrides)
        if name is None:
            return {}
        model = self._locate(name)
        if model is None:
            self.missing.setdefault(language, missing_message(language, name))
            return {}
        model_id = self._model_id(model)
        cached = self.cache.cached_translations(model_id, texts) if self.cache else {}
        done = {
            source: BackTranslation(text, model.name, model.revision, cached=True)
            for source, text in cached.items()
        }
        if cached:
            self._used[language] = model_id
        todo = [t for t in texts if t not in cached]
        if not todo:
            return done
        backend = self._backend(language, model, model_id)
        if backend is None:
            return done
        try:
            fresh = self._run(backend, todo)
        # A model that loads but fails on real input (a broken vocabulary, out of memory)
        # costs its language the translation, like a missing model, not the whole run.
        except Exception as exc:
            self.missing.setdefault(
                language,
                f"no back-translation for {language}: model {name} failed: {one_line(exc)}",
            )
            return done
        if self.cache is not None:
            self.cache.store_translations(model_id, fresh)
        for source, text in fresh.items():
            done[source] = BackTranslation(text, model.name, model.revision, cached=False)
        self._used[language] = model_id
        return done

    def _locate(self, name: str) -> LocatedModel | None:
        if name not in self._located:
            self._located[name] = find_model(name, self.model_dir, hf_cache=self.hf_cache)
        return self._located[name]

    def _converts(self, model: LocatedModel) -> bool:
        """A Marian directory run by CTranslate2 goes through a one-off conversion."""
        return self.backend == "ctranslate2" and model.kind == "transformers"

    def _model_id(self, model: LocatedModel) -> str:
        # Converted models translate (slightly) differently, so they cache apart.
        suffix = "+ct2-int8" if self._converts(model) else ""
        return f"{model.label}@{model.revision}{suffix}"

    def _backend(self, language: str, model: LocatedModel, model_id: str) -> Backend | None:
        if model.name not in self._loaded:
            try:
                backend = self.load_backend(model, model_id)
            # Loading reads files written by other tools: any failure (a truncated
            # download, a wrong format, a missing library) is reported for this language
            # and the run goes on without its back-translation.
            except Exception as exc:
                error = str(exc) if isinstance(exc, ModelLoadError) else one_line(exc)
                backend = None
                self.missing.setdefault(
                    language, load_failure_message(language, model.name, model.path, error)
                )
            self._loaded[model.name] = _Loaded(model, model_id, backend)
        loaded = self._loaded[model.name]
        if loaded.backend is None and language not in self.missing:
            # Another language sharing the model already reported it; say it here too.
            error = "it failed to load (see above)"
            self.missing[language] = load_failure_message(language, model.name, model.path, error)
        return loaded.backend

    def load_backend(self, model: LocatedModel, model_id: str) -> Backend:
        """Load `model` with the configured backend (called at most once per model).

        The one place a backend is made: a subclass may wrap what it returns.
        """
        if model.kind is None:
            _check_complete(model.path)  # raises, naming what is missing
        if model.kind == "ctranslate2":
            return CTranslate2Backend(model.path, model_id, threads=self.threads)
        if self._converts(model):
            target = self.ct2_dir / f"{model_id.replace('/', '--')}"
            if not (target / CT2_WEIGHTS).is_file():
                convert_to_ct2(model.path, target)
            return CTranslate2Backend(target, model_id, threads=self.threads)
        return MarianBackend(model.path, model_id)

    def _batches(self, lengths: list[int], limit: int) -> Iterator[list[int]]:
        """Indexes of texts in batches: longest first, so texts of similar length share a
        batch and little padding is computed, and never two output bounds in one batch,
        so that batching changes no output (see `max_new_tokens`)."""
        order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
        batch: list[int] = []
        for i in order:
            bound = max_new_tokens(lengths[i], limit)
            if batch and (
                len(batch) == self.batch_size or max_new_tokens(lengths[batch[0]], limit) != bound
            ):
                yield batch
                batch = []
            batch.append(i)
        if batch:
            yield batch

    def _run(self, backend: Backend, texts: list[str]) -> dict[str, str]:
        """Translate `texts` in batches, long ones in pieces joined back with a space."""
        limit = min(self.max_tokens or backend.max_tokens, backend.max_tokens)
        pieces: list[tuple[int, str, int]] = []  # (text index, piece, tokens)
        for index, text in enumerate(texts):
            for piece in split_text(text, backend.count_tokens, limit):
                pieces.append((index, piece, backend.count_tokens(piece)))
        translated: list[str] = [""] * len(pieces)
        for chunk in self._batches([tokens for _, _, tokens in pieces], backend.max_tokens):
            outputs = backend.translate([pieces[i][1] for i in chunk])
            for i, output in zip(chunk, outputs, strict=True):
                translated[i] = output
        joined: list[list[str]] = [[] for _ in texts]
        for (index, _, _), output in zip(pieces, translated, strict=True):
            joined[index].append(output)
        return {
            text: " ".join(part for part in parts if part)
            for text, parts in zip(texts, joined, strict=True)
        }


# --- downloading (connected machines only) ---------------------------------------------------


def download_dir(name: str, model_dir: Path) -> Path:
    """Where `models download --model-dir` puts a model: the hub name flattened."""
    return model_dir.expanduser() / name.replace("/", "--")


def download_model(name: str, model_dir: Path | None, *, timeout: float = DOWNLOAD_TIMEOUT) -> Path:
    """Fetch a model from the hub into `model_dir` (or the Hugging Face cache); the path.

    Asks the hub first, with a short timeout and no retries, so an unreachable hub gives
    one line at once instead of a fallback to whatever partial copy is on disk.
    """
    from huggingface_hub import HfApi, constants, snapshot_download

    # The library reads its settings from the environment once, at import; the endpoint
    # is read here so that HF_ENDPOINT set afterwards (a mirror, the tests) still counts.
    endpoint = os.environ.get("HF_ENDPOINT") or constants.ENDPOINT
    if constants.HF_HUB_OFFLINE:
        raise DownloadError(f"cannot download {name}: HF_HUB_OFFLINE is set; unset it to download")
    read_timeout = constants.HF_HUB_DOWNLOAD_TIMEOUT
    constants.HF_HUB_DOWNLOAD_TIMEOUT = int(timeout)  # per file; no per-call argument
    try:
        info = HfApi(endpoint=endpoint).model_info(name, timeout=timeout)
        found = snapshot_download(
            name,
            revision=info.sha,
            local_dir=str(download_dir(name, model_dir)) if model_dir else None,
            allow_patterns=list(DOWNLOAD_PATTERNS),
            endpoint=endpoint,
            etag_timeout=timeout,
        )
    # Network, HTTP and file-system errors all end the same way: one line per model.
    except Exception as exc:
        raise DownloadError(f"cannot download {name} from {endpoint}: {one_line(exc)}") from None
    finally:
        constants.HF_HUB_DOWNLOAD_TIMEOUT = read_timeout
    return Path(str(found))
