"""Inputs of a run: article files, "-" (stdin) and http(s) URLs, read into `Document`s.

The web client is a parameter (a factory, called only when an argument is a URL), so the
caller decides how the network is reached: the CLI passes the guarded `WebClient`, tests
pass one that may reach their server on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quotes.errors import InputError
from quotes.models import Document, InputFailure
from quotes.sources import check_scheme, is_url, read_article

if TYPE_CHECKING:
    from quotes.net import WebClient

ClientFactory = Callable[[], "WebClient"]


def web_client() -> WebClient:
    """The guarded client; the web code loads only when an argument is a URL."""
    from quotes.net import WebClient

    return WebClient()
_Arg = TypeVar("_Arg", str, str | Document)


@dataclass(frozen=True, slots=True)
class LoadedInputs:
    documents: tuple[Document, ...]
    errors: tuple[InputFailure, ...]


def load_articles(
    args: Sequence[str | Document],
    client_factory: ClientFactory = web_client,
    *,
    language: str | None = None,
    report: Callable[[InputError], None] | None = None,
) -> LoadedInputs:
    """Documents for ARTICLE arguments, files or http(s) URLs (or articles already read,
    as from a JSONL), in order.

    Each failure is passed to `report` (the CLI prints it on one line) and kept as an
    `InputFailure` for the report's `errors`; the other inputs are still read. A client is
    made only when an argument is a URL, and closed when all are read.
    """
    client: WebClient | None = None

    def read(arg: str | Document) -> Document:
        nonlocal client
        if isinstance(arg, Document):
            return arg
        if not is_url(arg):
            return read_local(arg, language)
        from quotes.sources_web import fetch_article

        client = client or client_factory()
        return fetch_article(arg, client, language)

    try:
        return read_each(args, read, report)
    finally:
        if client is not None:
            client.close()


def read_each(
    args: Sequence[_Arg],
    read: Callable[[_Arg], Document],
    report: Callable[[InputError], None] | None = None,
) -> LoadedInputs:
    """`read` applied to each argument in order; each failure is passed to `report` and
    kept as an `InputFailure`, and the other arguments are still read."""
    documents: list[Document] = []
    errors: list[InputFailure] = []
    for arg in args:
        try:
            documents.append(read(arg))
        except InputError as exc:
            errors.append(InputFailure(str(arg), exc.message))
            if report is not None:
                report(exc)
    return LoadedInputs(tuple(documents), tuple(errors))


def read_local(arg: str | Path, language: str | None = None) -> Document:
    """An article that is not fetched: a file, or stdin for "-"; a URL of another scheme
    than http(s) is refused as such rather than looked for as a file."""
    check_scheme(str(arg))
    if Path(arg).suffix.lower() == ".html":
        from quotes.pipeline.articles import read_html_file

        return read_html_file(Path(arg), language)
    return read_article(arg, language)
