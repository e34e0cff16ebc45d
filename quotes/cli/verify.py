"""`quotes verify`: every statement of the articles checked against the archive."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from quotes import lang, pipeline, report, report_text
from quotes.cli import common
from quotes.cli.common import console, err_console, print_error, print_warning
from quotes.cli.models import BackendOption, ModelDirOption, ModelOverrideOption, ModelsConfigOption
from quotes.errors import ABORTED_EXIT, InputError
from quotes.progress import progress_bar

# Exit code when a distortion or misattribution was found (documented in the README).
FINDINGS_EXIT = 1


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def verify_command(
    ctx: typer.Context,
    articles: list[str] = typer.Argument(..., help="Article files (UTF-8) or http(s) URLs; "
                                         "a directory or a JSONL of articles is a batch."),
    output: ReportFormat = typer.Option(
        ReportFormat.text, "--format", help="text (terminal), json, md or html."
    ),
    out: Path | None = common.OutOption,
    language: str | None = common.LanguageOption,
    model: list[str] | None = ModelOverrideOption,
    model_dir: Path | None = ModelDirOption,
    models_config: Path | None = ModelsConfigOption,
    backend: str = BackendOption,
    published: str | None = typer.Option(
        None, "--published",
        help="Publication date of the articles (YYYY-MM-DD): later tweets are no source.",
    ),
    no_mt: bool = typer.Option(False, "--no-mt", help="Do not back-translate."),
    no_embeddings: bool = typer.Option(
        False, "--no-embeddings", help="Do not use sentence embeddings."
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1,
                                    help="Verify the articles one by one in N processes."),
    db: str | None = common.DbOption,
    quiet: bool = common.QuietOption,
) -> None:
    """Check every statement quote of ARTICLES against the archive of canonical tweets.

    Exit 0 when nothing is wrong, 1 when a distortion or misattribution was found,
    2 on usage or input errors, 3 when the archive cannot be read, 130 when interrupted.
    """
    if language is not None:
        lang.get(language)
    translation = None if no_mt else pipeline.translation_settings(
        model or [], model_dir=model_dir, models_config=models_config, backend=backend
    )
    options = pipeline.VerifyOptions(
        db_url=common.db_url(db), language=language, published=pipeline.published_date(published),
        translation=translation, embeddings=not no_embeddings, jobs=jobs,
    )
    with progress_bar(err_console, "verifying", quiet=quiet, lines=True) as bar:
        run = pipeline.verify(articles, options, client_factory=common.client_factory(ctx),
                              on_error=print_error, on_warning=None if quiet else print_warning,
                              on_progress=bar)
    payload = report.verify_report(run)
    if output is ReportFormat.text and out is None:
        report_text.print_verify_summary(console, payload)
    else:
        common.emit(report.render_report(output, payload), out, quiet=quiet, reads=(articles, db))
    if run.pending:
        print_warning(f"interrupted: the report is partial ({run.pending} articles not verified)")
        raise typer.Exit(ABORTED_EXIT)
    if run.errors:
        raise typer.Exit(InputError.exit_code)
    if run.alarming:
        raise typer.Exit(FINDINGS_EXIT)
