"""The three ways a model runs: transformers (PyTorch) and CTranslate2 (int8, faster on
CPU) for opus-mt Marian models, both loaded with the hub switched off, and a Bergamot
engine (fxtranslate) for Firefox Translations models."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from quotes.translate.locate import bergamot_files, missing_files
from quotes.translate.registry import (
    BERGAMOT_MAX_TOKENS,
    CT2_WEIGHTS,
    MARIAN_MAX_TOKENS,
    NUM_BEAMS,
    TOKENIZER_EXTRAS,
    TOKENIZER_FILES,
    ModelLoadError,
)

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


def check_complete(path: Path) -> None:
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

    @property
    def one_sentence(self) -> bool:
        """True when the model wants one sentence per text: the translator then splits
        every text into sentences instead of packing sentences up to `max_tokens`."""
        ...

    def count_tokens(self, text: str) -> int: ...

    def translate(self, texts: list[str]) -> list[str]: ...


class _MarianTokenized:
    """What both Marian backends share: the SentencePiece tokenizer and its limits."""

    _model_id: str
    _max_tokens: int
    tokenizer: Any
    one_sentence = False  # opus-mt models translate several sentences at once well

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
        check_complete(path)
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
        check_complete(path)
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

    check_complete(marian_dir)
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


class BergamotBackend:
    """A Firefox Translations model (Marian int8, SSRU decoder) run by fxtranslate.

    fxtranslate translates one sentence per call and its engine may only be used by the
    thread that built it (it refuses to be shared), so texts are translated in turn:
    the translator hands it sentences, never packed paragraphs, as the models were
    distilled on sentence pairs and drop or garble words of a second sentence.
    """

    one_sentence = True

    def __init__(self, path: Path, model_id: str) -> None:
        check_complete(path)
        files = bergamot_files(path)
        if files is None:  # check_complete has named what is missing
            raise ModelLoadError("not a Firefox Translations model directory")
        import sentencepiece
        from fxtranslate import Translator

        self._model_id = model_id
        source_vocab = files.source_vocab.read_bytes()
        target_vocab = files.target_vocab.read_bytes()
        shortlist = files.shortlist.read_bytes() if files.shortlist else None
        weights = files.model.read_bytes()
        try:
            self.engine = Translator(weights, source_vocab, target_vocab, shortlist)
        except ValueError as exc:  # a malformed model or vocabulary
            raise ModelLoadError(f"fxtranslate cannot read it: {exc}") from None
        # The source vocabulary counts tokens, as the engine splits them.
        self.tokenizer = sentencepiece.SentencePieceProcessor(model_proto=source_vocab)

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def max_tokens(self) -> int:
        return BERGAMOT_MAX_TOKENS

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.encode(text))

    def translate(self, texts: list[str]) -> list[str]:
        return [self.engine.translate(text).strip() if text.strip() else "" for text in texts]
