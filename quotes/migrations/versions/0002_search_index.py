"""Scale: tweets deduplicated by a fixed-length hash, and a full-text retrieval index.

Revision ID: 0002
Revises: 0001

* `tweet.text_hash` (the first 128 bits of sha256(text_key), hex) replaces the unique
  index on (author_id, text_key): PostgreSQL refuses btree entries over ~2.7 KB, and
  long posts exceed that. The plain index on text_key goes too (nothing looks it up; it
  doubled the text's size on disk). text_key stays, for display.
* The retrieval index `Archive.candidates` ranks with: on SQLite an FTS5 table over
  tweet.text (external content: the text is stored once, in tweet) and a vocabulary
  view of it for document frequencies; on PostgreSQL a generated tsvector column with a
  GIN index.

This file must not import the application: the hash is restated here, and must stay
equal to `quotes.store.text_hash` as this revision defines it.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

HASH_LENGTH = 32
NEW_UNIQUE = "uq_tweet_text_hash_author_id"
# Revision 0001 left the constraint unnamed: PostgreSQL named it itself, and on SQLite the
# batch rebuild names unnamed constraints by this convention so they can be dropped.
OLD_UNIQUE = {"postgresql": "tweet_author_id_text_key_key"}
SQLITE_NAMING = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}
SQLITE_OLD_UNIQUE = "uq_tweet_author_id_text_key"

SQLITE_FTS = (
    # unicode61 with diacritics removed: "Égalité" is found by "egalite"; no stemming, so
    # the store can tell a word's document frequency from the vocabulary table.
    "CREATE VIRTUAL TABLE tweet_fts USING fts5(text, content='tweet', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE tweet_fts_vocab USING fts5vocab(tweet_fts, row)",
    # Imports add their rows to the index in bulk (three times faster than a per-row
    # trigger); deletes and text edits, rare, are kept in sync here.
    "CREATE TRIGGER tweet_fts_delete AFTER DELETE ON tweet BEGIN "
    "INSERT INTO tweet_fts(tweet_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER tweet_fts_update AFTER UPDATE OF text ON tweet BEGIN "
    "INSERT INTO tweet_fts(tweet_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO tweet_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO tweet_fts(tweet_fts) VALUES ('rebuild')",
)
POSTGRES_SEARCH = (
    # 'simple': lowercase words, no stemming and no stopwords, the same on both databases.
    "ALTER TABLE tweet ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED",
    "CREATE INDEX ix_tweet_search_vector ON tweet USING gin (search_vector)",
    # ANALYZE keeps the 10 × target most common words with their frequencies: the store
    # reads them to leave out words too common to tell tweets apart.
    "ALTER TABLE tweet ALTER COLUMN search_vector SET STATISTICS 1000",
)


def _text_hash(text_key: str) -> str:
    return hashlib.sha256(text_key.encode()).hexdigest()[:HASH_LENGTH]


def _hash_sql(bind: sa.engine.Connection) -> str:
    """SQL computing the hash of text_key, the same as `_text_hash`."""
    if bind.dialect.name == "postgresql":
        return f"left(encode(sha256(convert_to(text_key, 'UTF8')), 'hex'), {HASH_LENGTH})"
    if bind.dialect.name == "sqlite":
        raw = bind.connection.driver_connection
        raw.create_function("quotes_text_hash", 1, _text_hash, deterministic=True)
        return "quotes_text_hash(text_key)"
    raise NotImplementedError(f"no migration for {bind.dialect.name}")


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("tweet", sa.Column("text_hash", sa.String(HASH_LENGTH), nullable=True))
    op.execute(f"UPDATE tweet SET text_hash = {_hash_sql(bind)}")
    op.drop_index("ix_tweet_text_key", table_name="tweet")
    sqlite = bind.dialect.name == "sqlite"
    # On SQLite this rebuilds the table (it cannot drop a constraint in place).
    with op.batch_alter_table("tweet", naming_convention=SQLITE_NAMING if sqlite else None) as b:
        b.alter_column("text_hash", existing_type=sa.String(HASH_LENGTH), nullable=False)
        b.drop_constraint(
            SQLITE_OLD_UNIQUE if sqlite else OLD_UNIQUE[bind.dialect.name], type_="unique"
        )
        b.create_unique_constraint(NEW_UNIQUE, ["text_hash", "author_id"])
    for statement in SQLITE_FTS if sqlite else POSTGRES_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        for name in ("TRIGGER tweet_fts_update", "TRIGGER tweet_fts_delete",
                     "TABLE tweet_fts_vocab", "TABLE tweet_fts"):
            op.execute(f"DROP {name}")
    else:
        op.drop_index("ix_tweet_search_vector", table_name="tweet")
        op.drop_column("tweet", "search_vector")
    with op.batch_alter_table("tweet") as b:
        b.drop_constraint(NEW_UNIQUE, type_="unique")
        b.create_unique_constraint(
            None if sqlite else OLD_UNIQUE[bind.dialect.name], ["author_id", "text_key"]
        )
        b.drop_column("text_hash")
    op.create_index("ix_tweet_text_key", "tweet", ["text_key"])
