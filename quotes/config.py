"""Where things live by default. Everything here can be overridden by a flag or variable."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "QUOTES_DB"


def default_data_dir() -> Path:
    """`$XDG_DATA_HOME/quotes`, or `~/.local/share/quotes`."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "quotes"


def default_db_url() -> str:
    """`$QUOTES_DB` if set (any SQLAlchemy URL or a file path), else the per-user SQLite file."""
    return os.environ.get(DB_ENV) or f"sqlite:///{default_data_dir() / 'archive.sqlite'}"


def as_db_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a plain path to a SQLite file."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file a `sqlite:///` URL names, or None for other databases (and in-memory)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url in (prefix, f"{prefix}:memory:"):
        return None
    return Path(url.removeprefix(prefix))
