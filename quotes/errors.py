"""Errors the tool reports to users as one line, each with its exit code."""

from __future__ import annotations


class QuotesError(Exception):
    """Base class: an error with a one-line message meant for the user."""

    exit_code: int = 2

    def __init__(self, message: str, *, location: str | None = None) -> None:
        self.location = location
        self.message = message
        super().__init__(f"{location}: {message}" if location else message)


class InputError(QuotesError):
    """Bad input: a missing, unreadable or malformed file, record or argument (exit 2)."""

    exit_code = 2


class StoreError(QuotesError):
    """The archive database could not be opened or written (exit 3)."""

    exit_code = 3
