"""`quotes archive`: import canonical tweets into the archive and look at what it holds."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from quotes import pipeline, report, report_text, store
from quotes.cli import common, web
from quotes.cli.common import console, err_console, print_json, print_note
from quotes.errors import InputError
from quotes.progress import progress_bar

app = typer.Typer(help="Import canonical tweets into the archive and look at them.",
                  no_args_is_help=True)
app.command("add")(web.add_command)


class ArchiveFormat(StrEnum):
    auto = "auto"
    jsonl = "jsonl"
    twitter_archive = "twitter-archive"
    api_v2 = "api-v2"


@app.command("import")
def import_command(
    files: list[Path] = typer.Argument(
        ..., help="Archive files: JSONL, an account archive's tweets.js, API v2 JSON."
    ),
    fmt: ArchiveFormat = typer.Option(
        ArchiveFormat.auto, "--format", "-f", help="File format; auto tells it from the content."
    ),
    author: str | None = typer.Option(
        None, "--author", help="Handle of the author when the file does not name one."
    ),
    on_conflict: str | None = typer.Option(None, "--on-conflict", metavar="keep|replace",
        help="A known tweet id with another text: keep the first text or replace it."),
    embed: bool | None = common.EmbedOption,
    db: str | None = common.DbOption,
    quiet: bool = common.QuietOption,
) -> None:
    """Import FILES into the archive: every file is read first, then stored all at once."""
    with progress_bar(err_console, "embedding", quiet=quiet) as bar:
        run = pipeline.import_files(files, db_url=common.db_url(db), fmt=fmt.value,
            author=author, on_conflict=on_conflict, embed=embed, progress=bar)
    print_note(report_text.import_summary(run.result, run.files, run.records, run.conflicts), quiet)
    print_note(run.embedding.note or "", quiet)


@app.command("account")
def account_command(
    handle: str = typer.Argument(..., metavar="HANDLE", help="The author's handle."),
    kind: str = typer.Argument(..., metavar="KIND", help="official|parody|impostor|unknown"),
    db: str | None = common.DbOption,
    quiet: bool = common.QuietOption,
) -> None:
    """Mark an author as a person's official account, a parody or an impostor."""
    print_note(pipeline.set_account(handle, kind, db_url=common.db_url(db)), quiet)


@app.command("list")
def list_command(
    author: str | None = typer.Option(
        None, "--author", "-a", help='Only this author: a handle or a name ("Musk").'
    ),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most N tweets."),
    output: common.OutputFormat = common.OutputOption,
    db: str | None = common.DbOption,
) -> None:
    """List the archived tweets, oldest import first."""
    tweets = pipeline.list_tweets(db_url=common.db_url(db), author=author, limit=limit)
    if output is common.OutputFormat.json:
        print_json({"schema": report.ARCHIVE_SCHEMA,
                    "tweets": [report.tweet_json(t) for t in tweets]})
    elif not tweets:
        err_console.print("the archive holds no tweets", markup=False)
    else:
        report_text.print_tweet_table(console, tweets)


@app.command("show")
def show_command(
    key: str = typer.Argument(..., help="Archive id, platform id or tweet URL."),
    output: common.OutputFormat = common.OutputOption,
    db: str | None = common.DbOption,
) -> None:
    """Show one tweet in full, with where its text came from."""
    with store.Archive.open(common.db_url(db), create=False) as archive:
        tweet = archive.get_tweet(key)
    if tweet is None:
        raise InputError(f"no tweet {key!r} in the archive (give an id, platform id or URL)")
    if output is common.OutputFormat.json:
        print_json({"schema": report.ARCHIVE_SCHEMA, "tweet": report.tweet_json(tweet)})
    else:  # plain lines, not rich: the text must come out exactly, without markup or wrapping
        typer.echo(report_text.tweet_text_block(tweet))
