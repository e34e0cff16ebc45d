"""Pieces every command shares: consoles, the --db option, output helpers."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from quotes.config import DB_ENV, as_db_url, default_db_url

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

DbOption = typer.Option(
    None,
    "--db",
    envvar=DB_ENV,
    help="Archive database: a SQLAlchemy URL or a SQLite file path. "
    "Default: $QUOTES_DB, else ~/.local/share/quotes/archive.sqlite.",
)
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr.")


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


OutputOption = Annotated[OutputFormat, typer.Option("--format", help="text or json.")]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write the report to this file (atomically).")
]
LanguageOption = Annotated[
    str | None, typer.Option("--lang", help="Language of the articles; detected if omitted.")
]


def db_url(value: str | None) -> str:
    return as_db_url(value) if value else default_db_url()


def print_json(payload: Any) -> None:
    """Write JSON to stdout exactly (no rich markup or wrapping)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
