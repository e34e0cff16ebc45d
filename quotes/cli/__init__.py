"""The `quotes` command line: a thin adapter over the library.

Exit codes: 0 success; 1 `verify` found a distortion or misattribution; 2 usage or input
error (bad file, bad record, bad option); 3 the archive database or a model failed; 4 an
internal error (a bug: one line, or the traceback with `quotes --debug …`).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from quotes import __version__
from quotes.cli import archive, db, extract, models, story, verify
from quotes.cli.common import CliState, print_error
from quotes.errors import QuotesError, exit_for_uncaught

if TYPE_CHECKING:
    from collections.abc import Callable

    from quotes.net import WebClient

app = typer.Typer(
    name="quotes", help="Cross-lingual quote attribution and tweet-source verification for "
    "fact-checkers.", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
app.add_typer(archive.app, name="archive")
app.add_typer(models.app, name="models")
app.add_typer(db.app, name="db")
archive.app.command("embed")(db.embed_command)
app.command("extract")(extract.extract_command)
app.command("verify")(verify.verify_command)
app.command("story")(story.story_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quotes {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of internal errors."),
) -> None:
    """Cross-lingual quote attribution and tweet-source verification for fact-checkers."""
    ctx.ensure_object(CliState).debug = debug


def main(
    argv: list[str] | None = None, *, client_factory: Callable[[], WebClient] | None = None
) -> int:
    """Run the CLI and return its exit code; every `QuotesError` becomes one line on
    stderr, never a traceback. `client_factory` makes the web client of commands that
    fetch URLs (the guarded `WebClient` unless given)."""
    state = CliState(client_factory) if client_factory is not None else CliState()
    try:
        result = app(args=argv, prog_name="quotes", standalone_mode=False, obj=state)
    except QuotesError as exc:
        print_error(exc)
        return exc.exit_code
    except (Exception, KeyboardInterrupt, SystemExit) as exc:
        return exit_for_uncaught(exc, debug=state.debug)
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
