"""Vector search through an index the database keeps: an IVF index of the embeddings.

Revision ID: 0003
Revises: 0002

* `vector_index`: per embedding model, the centroids of its k-means cells and how the
  index was sized (`quotes.vector_index`).
* `vector_list`: the vectors again, filed by cell: one row per tweet and cell holding
  the tweet's segment vectors that fall in that cell. A search reads the rows of a few
  cells through the primary key (model, list_no, tweet_id) and nothing else, as
  pgvector's ivfflat keeps its own copy of the vectors in its index pages.

Both start empty: `quotes archive embed` builds the index once enough vectors exist.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vector_index",
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("lists", sa.Integer(), nullable=False),
        sa.Column("probes", sa.Integer(), nullable=False),
        sa.Column("vectors_at_build", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.Column("centroids", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("model"),
    )
    op.create_table(
        "vector_list",
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("list_no", sa.Integer(), nullable=False),
        sa.Column("tweet_id", sa.Integer(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("model", "list_no", "tweet_id"),
        sa.ForeignKeyConstraint(["tweet_id"], ["tweet.id"]),
    )
    op.create_index("ix_vector_list_model_tweet_id", "vector_list", ["model", "tweet_id"])


def downgrade() -> None:
    op.drop_index("ix_vector_list_model_tweet_id", table_name="vector_list")
    op.drop_table("vector_list")
    op.drop_table("vector_index")
