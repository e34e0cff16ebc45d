"""`quotes archive add URL…`: tweets by URL, each with where its text was read."""

from __future__ import annotations

from typing import Annotated

import typer

from quotes.cli.common import DbOption, QuietOption, client_factory, db_url, err_console
from quotes.cli.common import print_error as _error
from quotes.errors import InputError
from quotes.sources_web import (
    OEMBED_BASE,
    WAYBACK_BASE,
    TweetFetch,
    fetch_tweet_evidence,
    parse_tweet_url,
)
from quotes.store import Archive

OEMBED_ENV = "QUOTES_OEMBED_BASE"
WAYBACK_ENV = "QUOTES_WAYBACK_BASE"
FORMAT = "web"  # the import run's format and each tweet's provenance prefix

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
    failed = 0
    fetched: list[TweetFetch] = []
    wanted: dict[str, str] = {}  # tweet id → first URL naming it: fetched once
    for url in urls:
        try:
            _, tweet_id = parse_tweet_url(url)
        except InputError as exc:
            failed += 1
            _error(exc)
            continue
        wanted.setdefault(tweet_id, url)
    if wanted:
        with client_factory(ctx)() as client:
            for url in wanted.values():
                try:
                    tweet = fetch_tweet_evidence(
                        url, client, oembed_base=oembed_base, wayback_base=wayback_base
                    )
                except InputError as exc:
                    failed += 1
                    _error(exc)
                    continue
                fetched.append(tweet)
                _note(_fetched_line(url, tweet), quiet)
    if fetched:
        with Archive.open(db_url(db)) as archive:
            result = archive.import_records(
                [t.record for t in fetched],
                files=[t.record.location for t in fetched],
                fmt=FORMAT,
                sha256s=[t.sha256 for t in fetched],
            )
        new = _plural(result.added, "tweet")
        _note(
            f"added {new} from the web ({result.updated} updated, "
            f"{result.duplicates} already in the archive)",
            quiet,
        )
    if failed:
        _note(f"{_plural(failed, 'URL')} failed", quiet)
        raise typer.Exit(InputError.exit_code)


def _fetched_line(url: str, tweet: TweetFetch) -> str:
    record = tweet.record
    line = f"{url}: @{record.author_handle} via {tweet.method}"
    handle, _ = parse_tweet_url(url)
    if handle.lower() != record.author_handle.lower():
        # x.com/anyone/status/ID shows the tweet whoever wrote it: the URL's name is no proof.
        line += f" (the URL says @{handle}; the tweet is by @{record.author_handle})"
    return line
