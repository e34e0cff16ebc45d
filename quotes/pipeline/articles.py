"""Batches of articles for `verify`: a directory (its .txt, .md and .html files, sorted by
name, not recursively) or a JSONL file with one article a line.

JSONL fields (one object a line; blank lines skipped, other keys ignored):

- `text` (string, required): the article's text, exactly;
- `id` (string or number) and/or `url` (string), at least one: the article's `source` in
  the report is its `id`, else its `url`;
- `language` (optional): a language code the tool has a table for; detected if absent;
- `published` (optional, YYYY-MM-DD or an ISO date-time): tweets posted later are no source
  (it overrides `--published` for that article); without it, a date in the `url`'s path
  (/2020/11/06/, /2020-11-06, /20201106) stands for it.

A file with a bad line is refused whole, in one line naming `file:line` and what is wrong
(and how many lines are bad), so a wrong file never yields a half-verified batch; the other
inputs still go on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from quotes import lang
from quotes.errors import InputError
from quotes.models import Document, InputFailure
from quotes.sources import read_text, url_date
from quotes.sources_web import html_main_text, is_url

ARTICLE_SUFFIXES = (".txt", ".md", ".html")
JSONL_SUFFIX = ".jsonl"

Item = str | Document  # an argument still to read, or an article read from a JSONL


def is_batch(arg: str) -> bool:
    """A directory or a JSONL of articles (not one article)."""
    if is_url(arg) or arg == "-":
        return False
    return Path(arg).is_dir() or arg.lower().endswith(JSONL_SUFFIX)


def expand(
    args: Sequence[str], language: str | None, report: Callable[[InputError], None] | None
) -> tuple[list[Item], list[InputFailure]]:
    """The articles of `args` in order: a directory's files, a JSONL's articles, and any
    other argument as it is. Each input that cannot be expanded is reported and kept as a
    failure; the others go on."""
    items: list[Item] = []
    failures: list[InputFailure] = []
    for arg in args:
        try:
            if not is_batch(arg):
                items.append(arg)
            elif Path(arg).is_dir():
                items += directory_articles(Path(arg))
            else:
                items += jsonl_articles(Path(arg), language)
        except InputError as exc:
            failures.append(InputFailure(arg, exc.message))
            if report is not None:
                report(exc)
    return items, failures


def directory_articles(directory: Path) -> list[str]:
    """The article files of a directory, sorted by name."""
    try:
        files = sorted(p for p in directory.iterdir()
                       if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
    except OSError as exc:
        raise InputError(f"cannot list: {exc.strerror or exc}", location=str(directory)) from None
    if not files:
        raise InputError(f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in the directory",
                         location=str(directory))
    return [str(p) for p in files]


def read_html_file(path: Path, language: str | None) -> Document:
    """An .html article file: its main text, as a fetched page's."""
    text, _ = read_text(path, kind="HTML article")
    try:
        return Document(source=str(path), text=html_main_text(text), language=language)
    except ValueError as exc:
        raise InputError(str(exc), location=str(path)) from None


def jsonl_articles(path: Path, language: str | None) -> list[Document]:
    """The articles of a JSONL file; `InputError` naming the first bad line (and how many
    there are) if any line is bad."""
    text, _ = read_text(path, kind="JSONL of articles")
    documents: list[Document] = []
    bad: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            documents.append(_article(line, language))
        except ValueError as exc:
            bad.append((number, str(exc)))
    if bad:
        number, message = bad[0]
        more = f" ({len(bad)} bad lines in all)" if len(bad) > 1 else ""
        raise InputError(f"{message}{more}; nothing in this file was verified",
                         location=f"{path}:{number}")
    if not documents:
        raise InputError("no articles in the file", location=str(path))
    return documents


def _article(line: str, language: str | None) -> Document:
    try:
        record: Any = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"not JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('no article "text" (a non-empty string)')
    source = _source(record)
    code = record.get("language", language)
    if code is not None and (not isinstance(code, str) or code not in lang.available()):
        raise ValueError(f'unknown "language" {code!r} (known: {", ".join(lang.available())})')
    url = record.get("url")
    published = _published(record.get("published"))
    if published is None and isinstance(url, str):
        published = url_date(url)  # the date in the article's address, where it has one
    return Document(source=source, text=text, language=code, published=published)


def _source(record: dict[str, Any]) -> str:
    key = record.get("id")
    if isinstance(key, str | int) and not isinstance(key, bool) and str(key).strip():
        return str(key).strip()
    url = record.get("url")
    if isinstance(url, str) and url.strip():
        return url.strip()
    raise ValueError('no "id" (string or number) or "url" (string) naming the article')


def published_date(value: str | None) -> datetime | None:
    """`--published`: a date (YYYY-MM-DD) or None."""
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value!r}", location="--published") from None


def _published(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else _not_date(value)
    except ValueError:
        return _not_date(value)


def _not_date(value: Any) -> datetime:
    raise ValueError(f'"published" is not a date (YYYY-MM-DD): {value!r}')
