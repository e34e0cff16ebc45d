"""`quotes story`: where language versions of one story disagree on facts."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from quotes import lang, pipeline
from quotes.cli.common import (
    LanguageOption,
    OutOption,
    QuietOption,
    console,
    err_console,
    print_error,
)
from quotes.errors import InputError
from quotes.report import dumps, write_atomic
from quotes.story import story_markdown, story_report, story_text

# Exit code when the versions disagree on a claim (as `verify` does on a distortion).
DIVERGENCE_EXIT = 1


class StoryFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


def story_command(
    articles: Annotated[
        list[Path], typer.Argument(help="Two or more versions of one story (UTF-8 text).")
    ],
    output: Annotated[
        StoryFormat, typer.Option("--format", help="text (terminal), json or md.")
    ] = StoryFormat.text,
    out: OutOption = None,
    language: LanguageOption = None,
    quiet: bool = QuietOption,
) -> None:
    """Align the claims of several language versions of ARTICLES (one story) and list
    every number, year or name on which they disagree, with each version's sentence.

    Exit 0 when the versions agree, 1 when they disagree on a claim, 2 on input errors.
    """
    if language is not None:
        lang.get(language)
    run = pipeline.story(articles, language=language, on_error=print_error)
    check = run.check
    payload = story_report(check)
    text = {StoryFormat.json: dumps, StoryFormat.md: story_markdown}.get(output, story_text)(
        payload
    )
    if out is not None:
        write_atomic(out, text if text.endswith("\n") else text + "\n")
        if not quiet:
            err_console.print(f"report written to {out}", markup=False)
    else:
        console.file.write(text if text.endswith("\n") else text + "\n")
    if run.errors:
        raise typer.Exit(InputError.exit_code)
    if check.divergences:
        raise typer.Exit(DIVERGENCE_EXIT)
