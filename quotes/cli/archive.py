"""`quotes archive`: import canonical tweets into the archive and look at what it holds."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from quotes import pipeline
from quotes.cli import web
from quotes.cli.common import (
    DbOption,
    OutputFormat,
    OutputOption,
    QuietOption,
    console,
    db_url,
    err_console,
    print_json,
)
from quotes.errors import InputError
from quotes.store import Archive, ImportResult, StoredTweet

SCHEMA = "quotes.archive/1"
MIN_TEXT_WIDTH = 20  # characters of tweet text in the `list` table, however narrow

app = typer.Typer(
    help="Import canonical tweets into the archive and look at them.",
    no_args_is_help=True,
)


class ArchiveFormat(StrEnum):
    auto = "auto"
    jsonl = "jsonl"
    twitter_archive = "twitter-archive"
    api_v2 = "api-v2"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(result: ImportResult, files: list[str], total: int) -> str:
    source = files[0] if len(files) == 1 else f"{len(files)} files"
    if result.added or result.updated:
        line = (
            f"imported {_plural(result.added, 'tweet')} from {source} "
            f"({result.updated} updated, {result.duplicates} already in the archive)"
        )
    elif total:
        line = f"nothing new: all {_plural(total, 'tweet')} already in the archive"
    else:
        line = f"nothing to import: no tweets in {source}"
    if result.skipped_retweets:
        line += f"; skipped {_plural(result.skipped_retweets, 'retweet')}"
    return line


app.command("add")(web.add_command)


@app.command("import")
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(help="Archive files: JSONL, an account archive's tweets.js, API v2 JSON."),
    ],
    fmt: Annotated[
        ArchiveFormat,
        typer.Option("--format", "-f", help="File format; auto tells it from the content."),
    ] = ArchiveFormat.auto,
    author: Annotated[
        str | None,
        typer.Option("--author", help="Handle of the author when the file does not name one."),
    ] = None,
    db: str | None = DbOption,
    quiet: bool = QuietOption,
) -> None:
    """Import FILES into the archive: every file is read first, then stored all at once."""
    run = pipeline.import_files(files, db_url=db_url(db), fmt=fmt.value, author=author)
    if not quiet:
        summary = _summary(run.result, list(run.files), run.records)
        err_console.print(summary, markup=False, highlight=False, soft_wrap=True)


def _date(tweet: StoredTweet) -> str:
    if tweet.created_at is None:
        return ""
    if tweet.created_precision == "day":
        return tweet.created_at.date().isoformat()
    return tweet.created_at.strftime("%Y-%m-%d %H:%M:%S")


def tweet_json(tweet: StoredTweet) -> dict[str, Any]:
    """Every stored field; dates as ISO 8601 (a plain date when only the day is known)."""
    created = None
    if tweet.created_at is not None:
        created = _date(tweet) if tweet.created_precision == "day" else (
            tweet.created_at.isoformat(timespec="seconds") + "Z"
        )
    return {
        "id": tweet.id,
        "platform_id": tweet.platform_id,
        "author": tweet.author_handle,
        "display_name": tweet.display_name,
        "created_at": created,
        "created_precision": tweet.created_precision,
        "text": tweet.text,
        "text_key": tweet.text_key,
        "url": tweet.url,
        "source": tweet.source,
        "import_id": tweet.import_id,
        "provenance": tweet.provenance,
    }


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command("list")
def list_command(
    author: Annotated[
        str | None,
        typer.Option("--author", "-a", help='Only this author: a handle or a name ("Musk").'),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="At most N tweets.")
    ] = None,
    output: OutputOption = OutputFormat.text,
    db: str | None = DbOption,
) -> None:
    """List the archived tweets, oldest import first."""
    with Archive.open(db_url(db)) as archive:
        if author is not None and archive.resolve_author(author) is None:
            raise InputError(f"no author {author!r} in the archive (or the name is ambiguous)")
        tweets = archive.tweets(author=author, limit=limit)
    if output is OutputFormat.json:
        print_json({"schema": SCHEMA, "tweets": [tweet_json(t) for t in tweets]})
        return
    if not tweets:
        err_console.print("the archive holds no tweets", markup=False)
        return
    rows = [
        (str(t.id), t.platform_id or "", "@" + t.author_handle, _date(t)[:10])  # day suffices
        for t in tweets
    ]
    headers = ("id", "platform id", "author", "date")
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    # One line per tweet: the text is cut to what the terminal has left (rich's own
    # column shrinking squeezes the short columns instead).
    text_width = max(MIN_TEXT_WIDTH, console.width - sum(widths) - 3 * (len(widths) + 1) - 1)
    table = Table()
    for header in (*headers, "text"):
        table.add_column(header, no_wrap=True, overflow="ellipsis")
    for row, t in zip(rows, tweets, strict=True):
        table.add_row(*row, _short(t.text, text_width))
    console.print(table, markup=False)


@app.command("show")
def show_command(
    key: Annotated[str, typer.Argument(help="Archive id, platform id or tweet URL.")],
    output: OutputOption = OutputFormat.text,
    db: str | None = DbOption,
) -> None:
    """Show one tweet in full, with where its text came from."""
    with Archive.open(db_url(db)) as archive:
        tweet = archive.get_tweet(key)
    if tweet is None:
        raise InputError(f"no tweet {key!r} in the archive (give an id, platform id or URL)")
    if output is OutputFormat.json:
        print_json({"schema": SCHEMA, "tweet": tweet_json(tweet)})
        return
    author = f"@{tweet.author_handle}"
    if tweet.display_name:
        author += f" ({tweet.display_name})"
    date = _date(tweet)
    fields = [
        ("id", str(tweet.id)),
        ("platform id", tweet.platform_id or "unknown"),
        ("author", author),
        ("date", f"{date} UTC" if tweet.created_precision == "second" else date or "unknown"),
        ("url", tweet.url or "none"),
        ("source", tweet.source or "none"),
        ("provenance", f"{tweet.provenance} (import #{tweet.import_id})"),
    ]
    # Plain echo, not rich: the text must come out exactly, without markup or wrapping.
    for name, value in fields:
        typer.echo(f"{name:<12} {value}")
    typer.echo("")
    typer.echo(tweet.text)
