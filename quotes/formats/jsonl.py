"""The project's own archive format: one canonical tweet per line (see fixtures/README.md).

Fields: author (handle), name, created_at (ISO date or datetime, or null), id (string or
integer, or null), text (exact), url, source (where the text was confirmed), and an
optional aliases array of extra names for the author, and an optional account
(official, parody, impostor or unknown): whose account the author's is.
"""

from __future__ import annotations

import json

from quotes.formats._fields import Fields, check_handle
from quotes.formats._source import SourceText, TooDeep
from quotes.models import TweetRecord


def read_jsonl(src: SourceText, author: str | None = None) -> tuple[list[TweetRecord], int]:
    """Records of a JSONL file; `author` stands in for records without an "author" field."""
    records: list[TweetRecord] = []
    for lineno, line in enumerate(src.text.split("\n"), 1):
        if not line.strip():
            continue  # blank lines separate groups in hand-written fixtures
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise src.error(f"invalid JSON at column {exc.colno}: {exc.msg}", line=lineno) from None
        except RecursionError:
            raise src.error(str(TooDeep()), line=lineno) from None
        rec = Fields(src.location(line=lineno), value)
        if rec.text("author"):
            handle = rec.handle("author")
        elif author and author.strip():
            handle = check_handle(author, "--author")
        else:
            raise rec.error('missing field "author" (or pass --author)')
        created_at, precision = rec.iso_date("created_at")
        records.append(
            TweetRecord(
                author_handle=handle,
                text=rec.required("text"),
                location=rec.location,
                platform_id=rec.ident("id"),
                author_name=rec.text("name"),
                created_at=created_at,
                created_precision=precision,
                url=rec.text("url"),
                source=rec.text("source"),
                extra_aliases=rec.strings("aliases"),
                account=rec.account("account"),
            )
        )
    return records, 0
