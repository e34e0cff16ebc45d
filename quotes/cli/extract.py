"""`quotes extract`: list the direct quotes of articles, with who said them and where."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import Progress

from quotes import lang, pipeline, report, report_text
from quotes.cli import common
from quotes.cli.common import console, err_console, print_error, print_warning
from quotes.errors import InputError

# Show a progress bar only when there is enough to wait for.
PROGRESS_MIN_FILES = 3


def extract_command(
    files: list[str] = typer.Argument(..., help="Article text files (UTF-8); - reads stdin."),
    language: str | None = common.LanguageOption,
    output: common.OutputFormat = common.OutputOption,
    out: Path | None = common.OutOption,
    db: str | None = common.DbOption,
    quiet: bool = common.QuietOption,
) -> None:
    """Find every direct quote in FILES, with its speaker and claimed medium.

    Speakers are resolved against the archive's author aliases when the archive exists.
    """
    if language is not None:
        lang.get(language)  # an unknown code is a usage error before any work
    with Progress(console=err_console, transient=True,
                  disable=quiet or len(files) < PROGRESS_MIN_FILES) as progress:
        task = progress.add_task("extracting", total=len(files))
        run = pipeline.extract(
            files, db_url=common.db_url(db), language=language, on_error=print_error,
            on_warning=print_warning, on_document=lambda _: progress.advance(task),
        )
    if output is common.OutputFormat.json or out is not None:
        common.emit(report.dumps(report.extract_report(run)), out, quiet=quiet, announce=False,
                    reads=(files, db))
    else:
        for analysis in run.analyses:
            report_text.print_analysis(console, analysis)
    if run.errors:
        raise typer.Exit(InputError.exit_code)
