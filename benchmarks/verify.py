"""`quotes verify` in figures, all measured in one run:

1. seconds per article without MT (the seeds against the fixture archive, warm);
2. back-translation throughput, batched vs one quote per call, transformers vs
   CTranslate2 int8, on a random model of opus-mt-de-en's exact shape
   (`translate_speed.py`; speed does not depend on the weights);
3. the second-run speedup the translation cache gives (same random model);
4. on the real development set: right-tweet rate and the verdict confusion matrix
   (without MT here; `dev_verify.py --mt --model-dir DIR` where weights exist).

    python benchmarks/verify.py [--skip-speed]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import dev_verify
import translate_speed

from quotes.embed import default_embedder
from quotes.formats import read_archive_file
from quotes.pipeline import Analyzer, Verifier
from quotes.sources import read_article
from quotes.store import Archive
from quotes.translate import Translator

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 4  # the five seeds, verified this many times for a steadier figure


def fixture_archive(tmp: Path) -> Archive:
    archive = Archive.open(str(tmp / "bench.sqlite"))
    parsed = read_archive_file(ROOT / "fixtures" / "canonical-tweets.jsonl")
    archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
    return archive


def seconds_per_article(tmp: Path) -> None:
    archive = fixture_archive(tmp)
    documents = [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    verifier = Verifier(archive, Analyzer(resolve=archive.speaker_resolver()),
                        embedder=default_embedder())
    verifier.verify(documents)  # warm: spaCy pipelines, embedder, tweet vectors
    started = time.perf_counter()
    for _ in range(REPEAT):
        verifier.verify(documents)
    per_article = (time.perf_counter() - started) / (REPEAT * len(documents))
    print(f"verify without MT: {per_article:.3f} s per article "
          f"({len(documents)} seeds x {REPEAT}, warm, embeddings + anchors)")


def cache_speedup(tmp: Path) -> None:
    marian, _ = translate_speed.build(tmp / "opus-shaped")
    archive = fixture_archive(tmp)
    documents = [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    overrides = {code: str(marian) for code in ("de", "fr", "id")}
    timings = []
    for _ in range(2):
        translator = Translator(overrides=overrides, cache=archive)
        verifier = Verifier(archive, Analyzer(resolve=archive.speaker_resolver()),
                            translator=translator, embedder=default_embedder())
        started = time.perf_counter()
        verifier.verify(documents)
        timings.append(time.perf_counter() - started)
    print(f"translation cache: first run {timings[0]:.1f} s, second run {timings[1]:.1f} s, "
          f"speedup {timings[0] / timings[1]:.1f}x (random opus-mt-sized model, 3 quotes)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seconds_per_article(Path(tmp))
        if "--skip-speed" not in sys.argv:
            sys.argv = sys.argv[:1]
            translate_speed.main()
            cache_speedup(Path(tmp))
    dev_verify.print_result("development set, anchors + embeddings, no MT", dev_verify.run())


if __name__ == "__main__":
    main()
