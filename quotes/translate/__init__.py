"""Back-translation into English: each quote's language → its MarianMT model → English.

Quotes are compared with the English tweets they claim to render, so every non-English
quote is translated back first. Models are found on disk only: a directory given with
`--model LANG=PATH`, `--model-dir`, or the Hugging Face cache. Nothing is downloaded while
translating (fact-checkers often work on machines without access to the hub); a missing
model costs that language its back-translation, reported in one line, and the run goes on.
`quotes models download` fetches models on a connected machine.

Two backends run the same Marian models: transformers (PyTorch) and CTranslate2 (int8,
faster on CPU); a third, bergamot (fxtranslate), runs Firefox Translations models, named
`bergamot:<lang>-en` in the model map. Results go through an optional cache keyed by
model name, revision and source text, so a second run translates nothing it has translated
before.

Modules: `registry` (which model for which language, overrides, messages), `locate`
(finding a model on disk), `backends` (transformers, CTranslate2, Bergamot), `translator` (the
`Translator`: splitting, batching, cache) and `download` (connected machines only).
"""

from __future__ import annotations

from quotes.models import Translated
from quotes.translate.backends import (
    Backend,
    BergamotBackend,
    CTranslate2Backend,
    MarianBackend,
    convert_to_ct2,
    max_new_tokens,
    offline_hub,
)
from quotes.translate.download import download_dir, download_model
from quotes.translate.locate import (
    BergamotFiles,
    LocatedModel,
    ModelStatus,
    bergamot_files,
    bergamot_stores,
    find_model,
    locate_model,
    missing_files,
    model_kind,
    model_revision,
    model_status,
)
from quotes.translate.registry import (
    BACKENDS,
    BERGAMOT_MAX_TOKENS,
    BERGAMOT_PREFIX,
    BERGAMOT_SOURCE,
    CONFIG_FILE,
    CT2_WEIGHTS,
    DEFAULT_BATCH_SIZE,
    DOWNLOAD_PATTERNS,
    DOWNLOAD_TIMEOUT,
    ENGLISH,
    MARIAN_MAX_TOKENS,
    MARIAN_WEIGHTS,
    MULTILINGUAL_MODEL,
    NUM_BEAMS,
    TOKENIZER_EXTRAS,
    TOKENIZER_FILES,
    BackendKind,
    DownloadError,
    ModelLoadError,
    bergamot_name,
    bergamot_pair,
    load_failure_message,
    load_overrides_file,
    missing_message,
    model_for,
    one_line,
    parse_model_overrides,
)
from quotes.translate.translator import TranslationCache, Translator, split_text

__all__ = [
    "BACKENDS",
    "BERGAMOT_MAX_TOKENS",
    "BERGAMOT_PREFIX",
    "BERGAMOT_SOURCE",
    "CONFIG_FILE",
    "CT2_WEIGHTS",
    "DEFAULT_BATCH_SIZE",
    "DOWNLOAD_PATTERNS",
    "DOWNLOAD_TIMEOUT",
    "ENGLISH",
    "MARIAN_MAX_TOKENS",
    "MARIAN_WEIGHTS",
    "MULTILINGUAL_MODEL",
    "NUM_BEAMS",
    "TOKENIZER_EXTRAS",
    "TOKENIZER_FILES",
    "Backend",
    "BackendKind",
    "BergamotBackend",
    "BergamotFiles",
    "CTranslate2Backend",
    "DownloadError",
    "LocatedModel",
    "MarianBackend",
    "ModelLoadError",
    "ModelStatus",
    "Translated",
    "TranslationCache",
    "Translator",
    "bergamot_files",
    "bergamot_name",
    "bergamot_pair",
    "bergamot_stores",
    "convert_to_ct2",
    "download_dir",
    "download_model",
    "find_model",
    "load_failure_message",
    "load_overrides_file",
    "locate_model",
    "max_new_tokens",
    "missing_files",
    "missing_message",
    "model_for",
    "model_kind",
    "model_revision",
    "model_status",
    "offline_hub",
    "one_line",
    "parse_model_overrides",
    "split_text",
]
