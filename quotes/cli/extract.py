"""`quotes extract`: list the direct quotes of articles, with who said them and where."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
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
from quotes.models import DocumentAnalysis
from quotes.report import dumps, extract_report, write_atomic

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
            _print_analysis(analysis)
    if run.errors:
        raise typer.Exit(InputError.exit_code)


def _print_analysis(analysis: DocumentAnalysis) -> None:
    statements = sum(1 for f in analysis.findings if f.quote.kind == "statement")
    console.print(
        f"[bold]{escape(analysis.source)}[/] ({analysis.language}): "
        f"{statements} statement(s), {len(analysis.findings) - statements} term(s)"
    )
    for finding in analysis.findings:
        q = finding.quote
        flags = [q.kind, q.language] + (["unclosed"] if q.unclosed else [])
        flags += [f"nested in #{q.parent + 1}"] if q.parent is not None else []
        close = q.close_mark or "…"
        console.print(
            f"  [cyan]{q.start}-{q.end}[/] {escape('[' + ', '.join(flags) + ']')} "
            f"{escape(q.open_mark)}{escape(_short(q.text))}{escape(close)}"
        )
        a = finding.attribution
        if a is not None:
            who = a.speaker or (f"unresolved “{a.mention}”" if a.mention else "unknown speaker")
            handle = f" (@{a.author_handle})" if a.author_handle else ""
            medium = f"; medium: {a.medium}" if a.medium != "none" else ""
            phrase = f" — “{a.phrase}”" if a.phrase else ""
            console.print(
                f"      ↳ {escape(who)}{escape(handle)} {escape('[' + a.method + ']')}"
                f"{escape(medium)}"
                f"{escape(phrase)}"
            )
    if analysis.stray_marks:
        console.print(f"  stray closing marks at {', '.join(map(str, analysis.stray_marks))}")


def _short(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
