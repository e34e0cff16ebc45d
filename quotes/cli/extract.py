"""`quotes extract`: list the direct quotes of articles, with who said them and where."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from quotes import lang, pipeline
from quotes.cli.common import (
    DbOption,
    LanguageOption,
    OutOption,
    OutputFormat,
    OutputOption,
    QuietOption,
    console,
    db_url,
    err_console,
    print_error,
    print_warning,
)
from quotes.errors import InputError
from quotes.report import dumps, extract_report, write_atomic
from quotes.report_text import print_analysis

# Show a progress bar only when there is enough to wait for.
PROGRESS_MIN_FILES = 3


def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Article text files (UTF-8).")],
    language: LanguageOption = None,
    output: OutputOption = OutputFormat.text,
    out: OutOption = None,
    db: str | None = DbOption,
    quiet: bool = QuietOption,
) -> None:
    """Find every direct quote in FILES, with its speaker and claimed medium.

    Speakers are resolved against the archive's author aliases when the archive exists.
    """
    if language is not None:
        lang.get(language)  # an unknown code is a usage error before any work
    with Progress(
        console=err_console, transient=True, disable=quiet or len(files) < PROGRESS_MIN_FILES
    ) as progress:
        task = progress.add_task("extracting", total=len(files))
        run = pipeline.extract(
            files, db_url=db_url(db), language=language, on_error=print_error,
            on_warning=print_warning, on_document=lambda _: progress.advance(task),
        )
    if output is OutputFormat.json or out is not None:
        text = dumps(extract_report(run))
        if out is not None:
            write_atomic(out, text)
        else:
            console.file.write(text)
    else:
        for analysis in run.analyses:
            print_analysis(console, analysis)
    if run.errors:
        raise typer.Exit(InputError.exit_code)
