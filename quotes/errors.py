"""Errors the tool reports to users as one line, each with its exit code."""

from __future__ import annotations

import errno
import sys
import traceback


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


# An exception no code path expected: a bug, never a finding (1) nor an input error (2).
INTERNAL_EXIT = 4
ABORTED_EXIT = 130
BROKEN_PIPE_EXIT = 141  # as a shell reports a process that SIGPIPE ended


def exit_for_uncaught(exc: BaseException, *, debug: bool = False) -> int:
    """The exit code for an exception that reached the CLI's `main`, after saying why on
    stderr: click's usage errors show themselves, an interrupt is "aborted" (130), a closed
    stdout is 141, other exits go on, and anything else is an internal error on one line,
    or its traceback with --debug."""
    if isinstance(exc, SystemExit):
        # typer turns a reader that closed our stdout (`| head`) into exit 1, a "finding".
        if getattr(exc.__context__, "errno", None) == errno.EPIPE:
            return BROKEN_PIPE_EXIT
        raise exc
    show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
    if callable(show) and isinstance(code, int):  # click's errors, or the copy typer vendors
        show()
        return code
    if isinstance(exc, KeyboardInterrupt) or type(exc).__name__ == "Abort":
        sys.stderr.write("quotes: aborted\n")
        return ABORTED_EXIT
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    else:
        message = " ".join(f"{type(exc).__name__}: {exc}".split())
        sys.stderr.write(f"quotes: internal error: {message} "
                         "(rerun with --debug for the traceback)\n")
    sys.stderr.flush()
    return INTERNAL_EXIT
