"""A tiny MarianMT model built on the spot, for tests and benchmarks without the hub.

The weights are random, so the "translations" are gibberish; what matters is that the
directory has exactly the layout of a real opus-mt model (config.json, weights,
source.spm, target.spm, vocab.json) and loads through the same code path.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

# Enough text for SentencePiece to learn a vocabulary of ~80 pieces; German and English
# because the tests pretend the model is opus-mt-de-en.
GERMAN_SENTENCES = (
    "Ich verstehe immer noch nicht, warum das passiert ist.",
    "Die Regierung hat heute einen neuen Plan vorgestellt.",
    "Wir werden morgen früh nach Berlin fahren.",
    "Das ist eine sehr gute Nachricht für alle Bürger.",
    "Er sagte, dass die Zahlen falsch seien.",
    "Über die Brücke gehen jeden Tag tausend Menschen.",
)
ENGLISH_SENTENCES = (
    "I still do not understand why this happened.",
    "The government presented a new plan today.",
    "We will drive to Berlin early tomorrow morning.",
    "This is very good news for all citizens.",
    "He said that the numbers were wrong.",
    "A thousand people cross the bridge every day.",
)
SENTENCES = GERMAN_SENTENCES + ENGLISH_SENTENCES

SPECIAL_TOKENS = ("</s>", "<unk>")  # ids 0 and 1, as in every opus-mt vocab.json
PAD = "<pad>"  # always the last id; Marian also starts the decoder with it


def _train_spm(workdir: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    corpus = workdir / "corpus.txt"
    corpus.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    prefix = workdir / "spm"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        character_coverage=1.0,
        model_type="unigram",
        # Marian's vocab.json, not the SentencePiece ids, decides the model ids; only
        # <unk> is needed inside the SentencePiece model itself.
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        minloglevel=2,
        num_threads=1,
    )
    return prefix.with_suffix(".model")


def _pieces(spm_path: Path) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(spm_path))
    return [
        processor.id_to_piece(i)
        for i in range(processor.get_piece_size())
        if not (processor.is_unknown(i) or processor.is_control(i))
    ]


def _vocab(pieces: list[str], total: int | None) -> dict[str, int]:
    """token → id: </s>, <unk>, the pieces, fillers up to `total` entries, <pad> last.

    The fillers let a big-vocabulary model (opus-mt's 58101) use this small tokenizer:
    the converters want one vocabulary entry for every row of the embedding matrix.
    """
    tokens = [*SPECIAL_TOKENS, *pieces]
    if total is not None:
        if total < len(tokens) + 1:
            raise ValueError(f"vocabulary of {total} is smaller than the {len(tokens) + 1} tokens")
        tokens += [f"▁filler{i}" for i in range(total - len(tokens) - 1)]
    tokens.append(PAD)
    return {token: i for i, token in enumerate(tokens)}


def tiny_config(vocab_size: int, **overrides: Any) -> Any:
    """A MarianConfig shaped like opus-mt's, shrunk to a few thousand parameters."""
    from transformers import MarianConfig

    pad = vocab_size - 1
    settings: dict[str, Any] = {
        "vocab_size": vocab_size,
        "decoder_vocab_size": vocab_size,
        "d_model": 16,
        "encoder_layers": 1,
        "decoder_layers": 1,
        "encoder_attention_heads": 2,
        "decoder_attention_heads": 2,
        "encoder_ffn_dim": 32,
        "decoder_ffn_dim": 32,
        "max_position_embeddings": 512,
        "activation_function": "swish",
        "scale_embedding": True,
        "static_position_embeddings": True,
        "share_encoder_decoder_embeddings": True,
        "tie_word_embeddings": True,
        "pad_token_id": pad,
        "decoder_start_token_id": pad,  # Marian starts decoding from <pad>
        "eos_token_id": 0,
        "forced_eos_token_id": 0,
        "bad_words_ids": [[pad]],
        "dropout": 0.0,
        "attention_dropout": 0.0,
        "activation_dropout": 0.0,
        "architectures": ["MarianMTModel"],
    }
    settings.update(overrides)
    return MarianConfig(**settings)


def save_tokenizer(path: Path, *, spm_vocab: int = 80, total_vocab: int | None = None) -> int:
    """Train the SentencePiece model and save a MarianTokenizer into `path`.

    Returns the vocabulary size (the model's embedding rows).
    """
    from transformers import MarianTokenizer

    path.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        spm_path = _train_spm(work, spm_vocab)
        vocab = _vocab(_pieces(spm_path), total_vocab)
        vocab_path = work / "vocab.json"
        vocab_path.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        # The same SentencePiece model on both sides, as in most opus-mt models.
        tokenizer = MarianTokenizer(
            source_spm=str(spm_path), target_spm=str(spm_path), vocab=str(vocab_path)
        )
        tokenizer.save_pretrained(str(path))
    return len(vocab)


def _train(model: Any, tokenizer: Any, steps: int) -> None:
    """Teach the model the German → English pairs of `SENTENCES` (a second or two).

    A random model never emits </s> and so always runs to the length bound; a trained one
    stops, and translates its own sentences exactly, which tests can check.
    """
    import torch

    batch = tokenizer(
        list(GERMAN_SENTENCES),
        text_target=list(ENGLISH_SENTENCES),
        return_tensors="pt",
        padding=True,
    )
    labels = batch["labels"].masked_fill(batch["labels"] == tokenizer.pad_token_id, -100)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    model.train()
    for _ in range(steps):
        loss = model(
            input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=labels
        ).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()


def build_tiny_marian(path: Path, *, seed: int = 0, train_steps: int = 200) -> Path:
    """Build a MarianMT model of a few thousand parameters in `path` (a few seconds).

    Trained for `train_steps` on the sentence pairs above, so it translates those
    exactly; other input gives gibberish. Deterministic: one thread and a fixed seed.
    """
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    vocab_size = save_tokenizer(path)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # reductions in a fixed order: the same weights every time
    try:
        torch.manual_seed(seed)
        model = MarianMTModel(tiny_config(vocab_size))
        if train_steps:
            _train(model, MarianTokenizer.from_pretrained(str(path)), train_steps)
    finally:
        torch.set_num_threads(threads)
    model.generation_config.max_length = 512
    model.generation_config.num_beams = 4
    model.eval()
    model.save_pretrained(str(path))
    return path


def build_tiny_ct2(marian_dir: Path, out_dir: Path) -> Path:
    """Convert a Marian directory to CTranslate2 int8, tokenizer files copied beside it."""
    from ctranslate2.converters import TransformersConverter

    tokenizer_files = [
        name
        for name in (
            "source.spm",
            "target.spm",
            "vocab.json",
            "tokenizer_config.json",
            "special_tokens_map.json",
        )
        if (marian_dir / name).is_file()
    ]
    converter = TransformersConverter(str(marian_dir), copy_files=tokenizer_files)
    converter.convert(str(out_dir), quantization="int8", force=True)
    return out_dir
