"""Progress on stderr for the long commands (`verify`, `archive import`/`add`/`embed`): a
rich bar on a terminal; elsewhere (a log, a pipe) optionally one plain line per step, so a
batch run's log shows which articles are done."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class Update(Protocol):
    """Called after each step: how many are done, of how many, and what was just done."""

    def __call__(self, done: int, total: int | None, item: str = "") -> None: ...


@contextmanager
def progress_bar(console: Console, label: str, *, quiet: bool, lines: bool = False
                 ) -> Iterator[Update]:
    """`update` callbacks drawing a bar (nothing when `quiet`); `lines`: off a terminal,
    one line per named step instead (a log then shows which articles are done)."""
    if quiet or not console.is_terminal:
        yield _plain(console, label) if lines and not quiet else _nothing
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn(), TextColumn("{task.fields[item]}", markup=False))
    progress = Progress(*columns, console=console, transient=True)
    task = progress.add_task(label, total=None, item="")

    def update(done: int, total: int | None, item: str = "") -> None:
        progress.start()  # on the first step: an import shows no bar before it embeds
        progress.update(task, completed=done, total=total, item=item[-40:])

    try:
        yield update
    finally:
        progress.stop()


def _plain(console: Console, label: str) -> Update:
    def update(done: int, total: int | None, item: str = "") -> None:
        if item:  # a named step (an article verified), not each step of a stage
            of = f"/{total}" if total is not None else ""
            console.print(f"{label} {done}{of}: {item}", markup=False, highlight=False,
                          soft_wrap=True)

    return update


def _nothing(done: int, total: int | None, item: str = "") -> None:
    pass
