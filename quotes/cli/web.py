"""`quotes archive add URL…`: tweets by URL, each with where its text was read."""

from __future__ import annotations

from typing import Annotated

import typer

from quotes import pipeline
from quotes.cli.common import (
    DbOption,
    QuietOption,
    client_factory,
    db_url,
    err_console,
    print_error,
)
from quotes.errors import InputError
from quotes.sources_web import OEMBED_BASE, WAYBACK_BASE, TweetFetch, parse_tweet_url

OEMBED_ENV = "QUOTES_OEMBED_BASE"
WAYBACK_ENV = "QUOTES_WAYBACK_BASE"

def _note(message: str, quiet: bool) -> None:
    if not quiet:
        err_console.print(message, markup=False, highlight=False, soft_wrap=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def add_command(
    ctx: typer.Context,
    urls: Annotated[
        list[str],
        typer.Argument(
            metavar="URL...", help="Tweet URLs: https://x.com/USER/status/ID (twitter.com too)."
        ),
    ],
    oembed_base: Annotated[
        str,
        typer.Option(
            "--oembed-base", envvar=OEMBED_ENV, help="oEmbed endpoint (a mirror, or a test's)."
        ),
    ] = OEMBED_BASE,
    wayback_base: Annotated[
        str,
        typer.Option(
            "--wayback-base",
            envvar=WAYBACK_ENV,
            help="Wayback Machine availability API, asked when oEmbed has no answer.",
        ),
    ] = WAYBACK_BASE,
    db: str | None = DbOption,
    quiet: bool = QuietOption,
) -> None:
    """Fetch tweets by URL and add them to the archive, each with where its text was read.

    oEmbed first, else the Wayback Machine's latest snapshot. A URL that yields nothing
    trustworthy is reported on one line and skipped; the others are imported together
    (one transaction), and the exit code is 2 at the end.
    """
    run = pipeline.add_tweets(
        urls, db_url=db_url(db), client_factory=client_factory(ctx), oembed_base=oembed_base,
        wayback_base=wayback_base, on_error=print_error,
        on_fetched=lambda url, tweet: _note(_fetched_line(url, tweet), quiet),
    )
    if run.result is not None:
        _note(
            f"added {_plural(run.result.added, 'tweet')} from the web ({run.result.updated} "
            f"updated, {run.result.duplicates} already in the archive)",
            quiet,
        )
    if run.failed:
        _note(f"{_plural(run.failed, 'URL')} failed", quiet)
        raise typer.Exit(InputError.exit_code)


def _fetched_line(url: str, tweet: TweetFetch) -> str:
    record = tweet.record
    line = f"{url}: @{record.author_handle} via {tweet.method}"
    handle, _ = parse_tweet_url(url)
    if handle.lower() != record.author_handle.lower():
        # x.com/anyone/status/ID shows the tweet whoever wrote it: the URL's name is no proof.
        line += f" (the URL says @{handle}; the tweet is by @{record.author_handle})"
    return line
