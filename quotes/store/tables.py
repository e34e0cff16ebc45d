"""The archive's tables as sqlmodel classes, mirroring the newest migration.

The retrieval index (FTS5 on SQLite, a tsvector column on PostgreSQL) lives only in the
migrations. These classes stay inside the store: it hands out `quotes.models` objects.
"""

# No `from __future__ import annotations` here: sqlmodel builds the table columns from
# the real annotation objects, and postponed (string) annotations confuse it.

import hashlib
from datetime import UTC, datetime

from sqlalchemy import JSON, Column, DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

TEXT_HASH_LENGTH = 32  # hex characters: 128 bits of sha256


class Author(SQLModel, table=True):
    __tablename__ = "author"

    id: int | None = Field(default=None, primary_key=True)
    handle: str = Field(unique=True)  # as first imported, e.g. "elonmusk"
    handle_key: str = Field(unique=True)  # alias_key(handle): handles ignore case
    name: str | None = None
    # "official", "parody" or "impostor" (`quotes.models.AccountKind`); None: not known.
    account: str | None = None


class AuthorAlias(SQLModel, table=True):
    __tablename__ = "author_alias"
    __table_args__ = (UniqueConstraint("author_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="author.id", index=True)
    alias: str = Field(index=True)  # alias_key(display)
    display: str


class ImportRun(SQLModel, table=True):
    __tablename__ = "import_run"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(sa_type=DateTime)  # naive UTC, see Tweet.created_at
    files: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    format: str
    sha256s: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    skipped: int = 0  # retweets left out by the reader


class Tweet(SQLModel, table=True):
    __tablename__ = "tweet"
    # One stored copy per author and normalized text, however many times it is exported.
    # The hash, not the text, carries the uniqueness: PostgreSQL's btree entries are
    # limited to ~2.7 KB, and long posts exceed that. text_hash leads, so an import can
    # look hashes up without knowing the author first.
    __table_args__ = (
        UniqueConstraint("text_hash", "author_id", name="uq_tweet_text_hash_author_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    platform_id: str | None = Field(default=None, unique=True)
    author_id: int = Field(foreign_key="author.id", index=True)
    author_handle: str
    display_name: str | None = None
    # Naive UTC in a plain DateTime column: SQLite has no time zones, and newer sqlmodel
    # would otherwise pick a type that rejects naive values.
    created_at: datetime | None = Field(default=None, sa_type=DateTime)
    created_precision: str | None = None  # "second", "day" or None
    text: str  # exact, as posted
    text_key: str  # normalized (`quotes.normalize.text_key`), for display
    text_hash: str = Field(max_length=TEXT_HASH_LENGTH)  # `text_hash(text_key)`
    url: str | None = None
    source: str | None = None  # where the exact text was confirmed
    import_id: int | None = Field(default=None, foreign_key="import_run.id", index=True)
    provenance: str  # "format:path:line" of the record that created it


class TranslationCache(SQLModel, table=True):
    """Back-translations already made, so a second run does not translate again."""

    __tablename__ = "translation_cache"

    key: str = Field(primary_key=True)  # sha256 of model id + source text
    model: str  # model name or path, with its revision: "Helsinki-NLP/opus-mt-de-en@abc123"
    source: str
    translation: str
    created_at: datetime = Field(sa_type=DateTime)


class TweetEmbedding(SQLModel, table=True):
    """Sentence embeddings of tweets, computed once per embedding model."""

    __tablename__ = "tweet_embedding"

    tweet_id: int = Field(foreign_key="tweet.id", primary_key=True)
    model: str = Field(primary_key=True)
    # float32 little-endian, one row per segment (`quotes.match.tweet_segments`).
    vector: bytes


class VectorIndex(SQLModel, table=True):
    """An embedding model's IVF index (`quotes.store.ivf`): its cell centroids."""

    __tablename__ = "vector_index"

    model: str = Field(primary_key=True)
    dim: int
    lists: int
    probes: int  # cells a search reads
    vectors_at_build: int  # segment vectors it was trained for: rebuilt when far more
    built_at: datetime = Field(sa_type=DateTime)
    centroids: bytes  # float32 little-endian (lists × dim)


class VectorBlock(SQLModel, table=True):
    """Up to `ivf.BLOCK_SIZE` vectors of one index cell, quantized, with the
    tweet each belongs to (a copy of tweet_embedding's vectors, filed by cell). The
    primary key leads with (model, list_no): a search reads a cell as one index range
    and touches no other table."""

    __tablename__ = "vector_block"

    model: str = Field(primary_key=True)
    list_no: int = Field(primary_key=True)
    block_no: int = Field(primary_key=True)
    count: int
    tweet_ids: bytes  # int64 little-endian, one per vector
    vectors: bytes  # `ivf.quantize`d


_TWEET = SQLModel.metadata.tables["tweet"]
_EMBEDDING = SQLModel.metadata.tables["tweet_embedding"]
# The columns an import writes, in the order its rows are built.
_INSERT_COLUMNS = (
    "platform_id", "author_id", "author_handle", "display_name", "created_at",
    "created_precision", "text", "text_key", "text_hash", "url", "source", "import_id",
    "provenance",
)


def text_hash(key: str) -> str:
    """The fixed-length dedup key of a normalized text (`text_key`); migration 0002
    restates it and must agree."""
    return hashlib.sha256(key.encode()).hexdigest()[:TEXT_HASH_LENGTH]


def translation_key(model: str, source: str) -> str:
    return hashlib.sha256(f"{model}\0{source}".encode()).hexdigest()


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value
