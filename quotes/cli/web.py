"""`quotes archive add URL…`: tweets by URL, each with where its text was read."""

from __future__ import annotations

import typer

from quotes import pipeline, report_text
from quotes.cli import common
from quotes.cli.common import err_console, print_error, print_note
from quotes.config import OEMBED_BASE, WAYBACK_BASE
from quotes.errors import InputError
from quotes.progress import progress_bar

OEMBED_ENV = "QUOTES_OEMBED_BASE"
WAYBACK_ENV = "QUOTES_WAYBACK_BASE"


def add_command(
    ctx: typer.Context,
    urls: list[str] = typer.Argument(
        ..., metavar="URL...", help="Tweet URLs: https://x.com/USER/status/ID (twitter.com too)."
    ),
    oembed_base: str = typer.Option(
        OEMBED_BASE, "--oembed-base", envvar=OEMBED_ENV,
        help="oEmbed endpoint (a mirror, or a test's).",
    ),
    wayback_base: str = typer.Option(
        WAYBACK_BASE, "--wayback-base", envvar=WAYBACK_ENV,
        help="Wayback Machine availability API, asked when oEmbed has no answer.",
    ),
    embed: bool | None = common.EmbedOption,
    db: str | None = common.DbOption,
    quiet: bool = common.QuietOption,
) -> None:
    """Fetch tweets by URL and add them to the archive, each with where its text was read.

    oEmbed first, else the Wayback Machine's latest snapshot. A URL that yields nothing
    trustworthy is reported on one line and skipped; the others are imported together
    (one transaction), and the exit code is 2 at the end.
    """
    with progress_bar(err_console, "embedding", quiet=quiet) as bar:
        run = pipeline.add_tweets(
            urls, db_url=common.db_url(db), client_factory=common.client_factory(ctx),
            oembed_base=oembed_base, wayback_base=wayback_base, on_error=print_error,
            on_fetched=lambda url, tweet: print_note(pipeline.fetched_line(url, tweet), quiet),
            embed=embed, progress=bar,
        )
    if run.result is not None:
        print_note(report_text.web_import_summary(run.result), quiet)
        print_note(run.embedding.note or "", quiet)
    if run.failed:
        print_note(f"{report_text.plural(run.failed, 'URL')} failed", quiet)
        raise typer.Exit(InputError.exit_code)

