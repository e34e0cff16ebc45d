"""Pieces every command shares: consoles, options, one-line messages, writing reports."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from typer.core import TyperOption

from quotes.config import DB_ENV, EMBED_AT_STORE_LIMIT, as_db_url, default_db_url, sqlite_path
from quotes.errors import QuotesError

if TYPE_CHECKING:
    from quotes.net import WebClient

# typer's help gives plain flags a "<bool>" type, as if they took a value: they get none.
_display_type = TyperOption.display_type_rich
TyperOption.display_type_rich = lambda self, ctx: None if self.is_flag else _display_type(self, ctx)  # type: ignore[method-assign]
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

DbOption = typer.Option(
    None, "--db", envvar=DB_ENV,
    help="Archive database: a SQLAlchemy URL or a SQLite file path. "
    "Default: $QUOTES_DB, else ~/.local/share/quotes/archive.sqlite.",
)
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr.")
EmbedOption = typer.Option(None, "--embed/--no-embed", help="Embed the stored tweets now "
                           f"(default: while the archive holds at most {EMBED_AT_STORE_LIMIT:,}).")
OutOption = typer.Option(None, "--out", "-o", help="Write the report to this file (atomically).")
LanguageOption = typer.Option(
    None, "--lang", help="Language of the articles; detected if omitted."
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


OutputOption = typer.Option(OutputFormat.text, "--format", help="text or json.")


def db_url(value: str | None) -> str:
    return as_db_url(value) if value else default_db_url()


def print_json(payload: Any) -> None:
    """Write JSON to stdout exactly (no rich markup or wrapping)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def print_error(exc: QuotesError) -> None:
    """One line on stderr for an input that failed; the run goes on with the others."""
    err_console.print(f"quotes: error: {exc}", markup=False, highlight=False, soft_wrap=True)


def print_warning(message: str) -> None:
    err_console.print(f"quotes: warning: {message}", markup=False, soft_wrap=True)


def print_note(message: str, quiet: bool) -> None:
    """A summary line on stderr, unless --quiet (or empty)."""
    if message and not quiet:
        err_console.print(message, markup=False, highlight=False, soft_wrap=True)


def emit(text: str, out: Path | None, *, quiet: bool, announce: bool = True,
         reads: tuple[list[str], str | None] = ([], None)) -> None:
    """A rendered report to --out (atomically, said on stderr) or to stdout; `reads` (the
    run's articles and --db) are never replaced by it."""
    from quotes.report import write_atomic

    if out is None:
        console.file.write(text)
        return
    archive = sqlite_path(db_url(reads[1]))
    kept = {Path(a): "an input article" for a in reads[0]}
    write_atomic(out, text, kept | ({archive: "the archive database"} if archive else {}))
    if announce:
        print_note(f"report written to {out}", quiet)


def _guarded_client() -> WebClient:
    from quotes.net import WebClient  # httpx loads only for commands that reach the web

    return WebClient()


@dataclass(slots=True)
class CliState:
    """What `main` hands every command: how to make a web client (users always get the
    guarded one; tests pass one that may reach 127.0.0.1), and whether --debug was given."""

    client_factory: Callable[[], WebClient] = _guarded_client
    debug: bool = False


def client_factory(ctx: typer.Context) -> Callable[[], WebClient]:
    state = ctx.find_object(CliState)
    return state.client_factory if state is not None else _guarded_client
