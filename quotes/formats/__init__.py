"""Readers that turn an archive file into validated `TweetRecord`s.

Each reader stops at the first bad record with an `InputError` located at `path:line`,
so an import either reads every record of every file or imports nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quotes.errors import InputError
from quotes.formats._source import SourceText, read_source
from quotes.formats.api_v2 import read_api_v2
from quotes.formats.jsonl import read_jsonl
from quotes.formats.twitter_archive import YTD_PREFIX, read_twitter_archive
from quotes.models import TweetRecord

Reader = Callable[[SourceText, str | None], tuple[list[TweetRecord], int]]

READERS: dict[str, Reader] = {
    "jsonl": read_jsonl,
    "twitter-archive": read_twitter_archive,
    "api-v2": read_api_v2,
}
FORMATS: tuple[str, ...] = ("auto", *READERS)

__all__ = ["FORMATS", "ParsedArchive", "detect_format", "read_archive_file"]


@dataclass(frozen=True, slots=True)
class ParsedArchive:
    """Everything read from one file, ready for `Archive.import_records`."""

    path: str
    records: list[TweetRecord]
    format: str
    sha256: str
    skipped_retweets: int = 0


def detect_format(src: SourceText) -> str:
    """Tell the format from the content, never from the file name (exports get renamed)."""
    start = src.skip_ws(0)
    if src.text.startswith(YTD_PREFIX, start):
        return "twitter-archive"
    if src.text.startswith("{", start):
        # Only the first value is decoded: enough to tell a response from a record line.
        first, _ = src.decode(start)
        if isinstance(first, dict) and "data" in first:
            return "api-v2"
        if isinstance(first, dict) and "text" in first and "author" in first:
            return "jsonl"
    raise src.error("cannot tell the format; use --format", start)


def read_archive_file(path: Path, fmt: str = "auto", author: str | None = None) -> ParsedArchive:
    """Read and validate one archive file; `author` is the handle for formats without one."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    src = read_source(path)
    if fmt == "auto":
        fmt = detect_format(src)
    # Python's cyclic garbage collector paused: a million records are millions of new
    # objects, none of them garbage, and every full collection would walk them all.
    enabled = gc.isenabled()
    gc.disable()
    try:
        records, retweets = READERS[fmt](src, author)
    finally:
        if enabled:
            gc.enable()
    return ParsedArchive(
        path=src.name, records=records, format=fmt, sha256=src.sha256, skipped_retweets=retweets
    )
