"""Reading inputs from disk: article files, and the shared checks for any text file.

Offsets everywhere are indices into the text as decoded here: UTF-8, a leading BOM
removed, line endings kept as they are.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from quotes.errors import InputError
from quotes.models import Document

# The ARTICLE "-" is one article read from standard input; reports name it so.
STDIN_ARG = "-"
STDIN_SOURCE = "<stdin>"


def read_text(path: Path, *, kind: str = "text file") -> tuple[str, str]:
    """(text, sha256 of the bytes) of a non-empty UTF-8 text file, or a one-line InputError
    naming the file and what is wrong with it."""
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", location=name) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not a {kind}", location=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", location=name) from None
    return decode_text(data, name, kind=kind)


def decode_text(data: bytes, name: str, *, kind: str = "text file") -> tuple[str, str]:
    """(text, sha256) of bytes read from `name`, checked as `read_text` checks a file."""
    if b"\x00" in data:
        raise InputError(f"binary file, not a {kind}", location=name)
    try:
        text = data.decode("utf-8-sig")  # tolerate a BOM: some Windows tools write one
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        raise InputError(message, location=f"{name}:{line}") from None
    if not text.strip():
        raise InputError("empty file", location=name)
    return text, hashlib.sha256(data).hexdigest()


def read_article(path: Path | str, language: str | None = None) -> Document:
    """An article file as a `Document`; "-" reads one article from standard input."""
    if str(path) == STDIN_ARG:
        try:
            data = sys.stdin.buffer.read()
        except (OSError, ValueError) as exc:  # closed or unreadable stdin
            raise InputError(f"cannot read: {exc}", location=STDIN_SOURCE) from None
        text, _ = decode_text(data, STDIN_SOURCE, kind="text article")
        return Document(source=STDIN_SOURCE, text=text, language=language)
    text, _ = read_text(Path(path), kind="text article")
    return Document(source=str(path), text=text, language=language)
