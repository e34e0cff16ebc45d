"""`quotes story`: where language versions of one story disagree on facts."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from quotes import lang, pipeline, report, story
from quotes.cli import common
from quotes.cli.common import print_error
from quotes.errors import InputError

# Exit code when the versions disagree on a claim (as `verify` does on a distortion).
DIVERGENCE_EXIT = 1


class StoryFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"


def story_command(
    articles: list[str] = typer.Argument(
        ..., help="Two or more versions of one story (UTF-8 text)."
    ),
    output: StoryFormat = typer.Option(
        StoryFormat.text, "--format", help="text (terminal), json or md."
    ),
    out: Path | None = common.OutOption,
    language: str | None = common.LanguageOption,
    quiet: bool = common.QuietOption,
) -> None:
    """Align the claims of several language versions of ARTICLES (one story) and list
    every number, year or name on which they disagree, with each version's sentence.

    Exit 0 when the versions agree, 1 when they disagree on a claim, 2 on input errors.
    """
    if language is not None:
        lang.get(language)
    run = pipeline.story(articles, language=language, on_error=print_error)
    payload = story.story_report(run.check)
    render = {StoryFormat.json: report.dumps,
              StoryFormat.md: story.story_markdown}.get(output, story.story_text)
    text = render(payload)
    common.emit(text if text.endswith("\n") else text + "\n", out, quiet=quiet,
                reads=(articles, None))
    if run.errors:
        raise typer.Exit(InputError.exit_code)
    if run.check.divergences:
        raise typer.Exit(DIVERGENCE_EXIT)
