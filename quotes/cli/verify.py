"""`quotes verify`: every statement of the articles checked against the archive."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress

from quotes import lang, pipeline
from quotes.cli.common import (
    DbOption,
    LanguageOption,
    OutOption,
    QuietOption,
    client_factory,
    console,
    db_url,
    err_console,
    print_error,
    print_warning,
)
from quotes.cli.models import (
    ModelDirOption,
    ModelOverrideOption,
    ModelsConfigOption,
    model_overrides,
)
from quotes.errors import InputError
from quotes.report import dumps, markdown_report, verify_report, write_atomic
from quotes.report_text import print_verify_summary

# Exit code when a distortion or misattribution was found (documented in the README).
FINDINGS_EXIT = 1


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def verify_command(
    ctx: typer.Context,
    articles: Annotated[
        list[str], typer.Argument(help="Article text files (UTF-8) or http(s) URLs.")
    ],
    output: Annotated[
        ReportFormat, typer.Option("--format", help="text (terminal), json, md or html.")
    ] = ReportFormat.text,
    out: OutOption = None,
    language: LanguageOption = None,
    model: ModelOverrideOption = None,
    model_dir: ModelDirOption = None,
    models_config: ModelsConfigOption = None,
    backend: Annotated[
        str, typer.Option("--backend", help="Translation backend: transformers or ctranslate2.")
    ] = "transformers",
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date of the articles (YYYY-MM-DD): later tweets are no source.",
        ),
    ] = None,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Do not back-translate.")] = False,
    no_embeddings: Annotated[
        bool, typer.Option("--no-embeddings", help="Do not use sentence embeddings.")
    ] = False,
    db: str | None = DbOption,
    quiet: bool = QuietOption,
) -> None:
    """Check every statement quote of ARTICLES against the archive of canonical tweets.

    Exit 0 when nothing is wrong, 1 when a distortion or misattribution was found,
    2 on usage or input errors, 3 when the archive cannot be read.
    """
    if language is not None:
        lang.get(language)
    options = pipeline.VerifyOptions(
        db_url=db_url(db),
        language=language,
        published=_parse_date(published) if published else None,
        translation=None if no_mt else _translation(model or [], model_dir, models_config,
                                                     backend),
        embeddings=not no_embeddings,
    )
    with Progress(console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task("verifying", total=len(articles))
        run = pipeline.verify(
            articles, options, client_factory=client_factory(ctx), on_error=print_error,
            on_warning=None if quiet else print_warning,
            on_document=lambda _: progress.advance(task),
        )
    payload = verify_report(run)
    if output is ReportFormat.text and out is None:
        print_verify_summary(console, payload)
    else:
        text = _render(output, payload)
        if out is not None:
            write_atomic(out, text)
            if not quiet:
                err_console.print(f"report written to {out}", markup=False)
        else:
            console.file.write(text)
    if run.errors:
        raise typer.Exit(InputError.exit_code)
    if run.alarming:
        raise typer.Exit(FINDINGS_EXIT)


def _render(output: ReportFormat, payload: dict[str, Any]) -> str:
    if output is ReportFormat.md:
        return markdown_report(payload)
    if output is ReportFormat.html:
        from quotes.report_html import html_report  # its templates load only when asked for

        return html_report(payload)
    return dumps(payload)


def _parse_date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value!r}", location="--published") from None


def _translation(
    overrides: list[str], model_dir: Path | None, models_config: Path | None, backend: str
) -> pipeline.TranslationSettings:
    from quotes.translate import BACKENDS

    kind = next((known for known in BACKENDS if known == backend), None)
    if kind is None:
        raise InputError(f"unknown backend {backend!r} (known: {', '.join(BACKENDS)})")
    return pipeline.TranslationSettings(overrides=model_overrides(models_config, overrides),
                                        model_dir=model_dir, backend=kind)
