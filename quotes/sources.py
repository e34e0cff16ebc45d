"""Reading inputs from disk: article files, and the shared checks for any text file.

Offsets everywhere are indices into the text as decoded here: UTF-8 (or UTF-16/32 where a
byte order mark says so), a leading BOM removed, line endings kept as they are.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from quotes.errors import InputError
from quotes.models import Document

# The ARTICLE "-" is one article read from standard input; reports name it so.
STDIN_ARG = "-"
STDIN_SOURCE = "<stdin>"
NEWLINE = b"\n"
# Byte order marks of the encodings other than UTF-8 that a text file may come in (Windows
# tools write UTF-16 with a BOM); UTF-32's first, as its little-endian BOM starts with
# UTF-16's. The codecs named take the BOM off.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _a(kind: str) -> str:
    """The kind with its article: "a text article", "an archive file"."""
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def _decode(data: bytes, name: str, kind: str) -> str:
    """The text of a file's bytes: UTF-16 or UTF-32 when a BOM says so, else UTF-8 (a
    BOM tolerated). NUL bytes without a BOM mean a binary file."""
    codec, label = next(((c, n) for bom, c, n in _BOMS if data.startswith(bom)),
                        ("utf-8-sig", "UTF-8"))
    if label == "UTF-8" and b"\x00" in data:
        raise InputError(f"binary file, not {_a(kind)}", location=name)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        message = f"not {label} text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        location = name
        if label == "UTF-8":  # a line number only where a newline is one byte
            location = f"{name}:{data.count(NEWLINE, 0, exc.start) + 1}"
        raise InputError(message, location=location) from None
    if "\x00" in text:  # a BOM, then binary data that happened to decode
        raise InputError(f"binary file, not {_a(kind)}", location=name)
    return text


def read_text(path: Path, *, kind: str = "text file") -> tuple[str, str]:
    """(text, sha256 of the bytes) of a non-empty text file (UTF-8, or UTF-16/32 with a
    BOM), or a one-line InputError naming the file and what is wrong with it."""
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", location=name) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not {_a(kind)}", location=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", location=name) from None
    return decode_text(data, name, kind=kind)


def decode_text(data: bytes, name: str, *, kind: str = "text file") -> tuple[str, str]:
    """(text, sha256) of bytes read from `name`, checked as `read_text` checks a file."""
    text = _decode(data, name, kind)
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


# Telling URLs from file names is done before anything is read, so it lives here, where
# `extract` finds it without loading the web client.
def is_url(value: str) -> bool:
    return value.strip().lower().startswith(("http://", "https://"))


# "scheme://…", or "scheme:/…" as a path argument collapses it, or a scheme that needs no
# slashes; a one-letter scheme is a Windows drive.
_OTHER_URL = re.compile(
    r"(?P<scheme>[a-z][a-z0-9+.-]+):(?://?|(?<=javascript:)|(?<=data:)|(?<=vbscript:)|"
    r"(?<=mailto:)|(?<=about:)|(?<=blob:))",
    re.IGNORECASE,
)


def check_scheme(value: str) -> None:
    """A one-line InputError for a URL of another scheme than http(s) (`file:`, `ftp:`,
    `javascript:`…), which would otherwise be looked for as a file; a file of that name
    is read as one."""
    found = _OTHER_URL.match(value.strip())
    if found and not is_url(value) and not Path(value).exists():
        raise InputError(f"unsupported URL scheme {found['scheme'].lower()!r} (http and https "
                         "only)", location=value)


# A date in an article's address: /2020/11/06/, /2020-11-06-…, /20201106 (path only).
_URL_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)"
    r"(?!\d)"
)


def url_date(url: str) -> datetime | None:
    """The day a news article's address says it was published (many outlets put it in
    the path), or None: what the quote is of cannot have been posted after it."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    for match in _URL_DATE.finditer(path):
        try:
            return datetime(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:  # digits that only look like a date ("/20231399")
            continue
    return None
