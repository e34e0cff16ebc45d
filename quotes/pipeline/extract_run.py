"""The `extract` run: quotes, speakers and media of article files. It needs no verifier,
no web client and no translation model; the store is imported only when an archive exists
to resolve speakers against."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from quotes.config import sqlite_path
from quotes.errors import InputError, QuotesError
from quotes.models import DocumentAnalysis, ExtractRun, InputFailure
from quotes.pipeline.analyze import Analyzer
from quotes.pipeline.inputs import read_local

if TYPE_CHECKING:
    from quotes.store import Archive

OnError = Callable[[InputError], None]
OnWarning = Callable[[str], None]
OnDocument = Callable[[str], None]


def extract(
    paths: Sequence[Path | str],
    *,
    db_url: str,
    language: str | None = None,
    on_error: OnError | None = None,
    on_warning: OnWarning | None = None,
    on_document: OnDocument | None = None,
) -> ExtractRun:
    """Every direct quote of the article files, with its speaker and claimed medium.
    Speakers are resolved against the archive's author aliases when there is an archive;
    extraction needs none and never creates one."""
    analyses: list[DocumentAnalysis] = []
    errors: list[InputFailure] = []
    with archive_if_any(db_url, on_warning) as archive:
        analyzer = Analyzer(resolve=archive.speaker_resolver() if archive else None)
        for path in paths:
            try:
                analyses.append(analyzer.analyze(read_local(path, language)))
            except InputError as exc:
                errors.append(InputFailure(str(path), exc.message if exc.location else str(exc)))
                if on_error is not None:
                    on_error(exc)
            if on_document is not None:
                on_document(str(path))
    return ExtractRun(tuple(analyses), tuple(errors))


@contextmanager
def archive_if_any(db_url: str, on_warning: OnWarning | None) -> Iterator[Archive | None]:
    """The archive at `db_url` if one exists there, else None (a SQLite file is never
    created by a command that only reads)."""
    path = sqlite_path(db_url)
    if path is not None and not path.exists():
        yield None
        return
    from quotes.store import Archive  # SQLAlchemy loads only when there is an archive

    try:
        archive = Archive.open(db_url, create=False)
    except QuotesError as exc:
        if on_warning is not None:
            on_warning(f"speakers not resolved: {exc}")
        yield None
        return
    with archive:
        yield archive
