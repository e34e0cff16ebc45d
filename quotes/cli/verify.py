"""`quotes verify`: every statement of the articles checked against the archive."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.progress import Progress

from quotes import lang, pipeline, report, report_text
from quotes.cli import common
from quotes.cli.common import console, err_console, print_error, print_warning
from quotes.cli.models import BackendOption, ModelDirOption, ModelOverrideOption, ModelsConfigOption
from quotes.errors import InputError

# Exit code when a distortion or misattribution was found (documented in the README).
FINDINGS_EXIT = 1


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def verify_command(
    ctx: typer.Context,
    articles: list[str] = typer.Argument(..., help="Article text files (UTF-8) or http(s) URLs."),
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
    db: str | None = common.DbOption,
    quiet: bool = common.QuietOption,
) -> None:
    """Check every statement quote of ARTICLES against the archive of canonical tweets.

    Exit 0 when nothing is wrong, 1 when a distortion or misattribution was found,
    2 on usage or input errors, 3 when the archive cannot be read.
    """
    if language is not None:
        lang.get(language)
    translation = None if no_mt else pipeline.translation_settings(
        model or [], model_dir=model_dir, models_config=models_config, backend=backend
    )
    options = pipeline.VerifyOptions(
        db_url=common.db_url(db), language=language, published=_date(published),
        translation=translation, embeddings=not no_embeddings,
    )
    with Progress(console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task("verifying", total=len(articles))
        run = pipeline.verify(
            articles, options, client_factory=common.client_factory(ctx), on_error=print_error,
            on_warning=None if quiet else print_warning,
            on_document=lambda _: progress.advance(task),
        )
    payload = report.verify_report(run)
    if output is ReportFormat.text and out is None:
        report_text.print_verify_summary(console, payload)
    else:
        common.emit(_render(output, payload), out, quiet=quiet, reads=(articles, db))
    if run.errors:
        raise typer.Exit(InputError.exit_code)
    if run.alarming:
        raise typer.Exit(FINDINGS_EXIT)


def _render(output: ReportFormat, payload: dict[str, Any]) -> str:
    if output is ReportFormat.md:
        return report.markdown_report(payload)
    if output is ReportFormat.html:
        from quotes.report_html import html_report  # its templates load only when asked for

        return html_report(payload)
    return report.dumps(payload)


def _date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value!r}", location="--published") from None
