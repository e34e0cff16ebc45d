"""Vector search through an index the database keeps: an IVF index of the embeddings.

Revision ID: 0003
Revises: 0002

* `vector_index`: per embedding model, the centroids of its k-means cells and how the
  index was sized (`quotes.store.ivf`).
* `vector_block`: the vectors again, filed by cell, in blocks of a few hundred: each
  row holds its vectors quantized to a byte a component and the tweet id of each. A
  search reads the blocks of a few cells through the primary key (model, list_no,
  block_no) and nothing else, as pgvector's ivfflat keeps its own copy of the vectors
  in its index pages.

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
        "vector_block",
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("list_no", sa.Integer(), nullable=False),
        sa.Column("block_no", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("tweet_ids", sa.LargeBinary(), nullable=False),
        sa.Column("vectors", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("model", "list_no", "block_no"),
    )


def downgrade() -> None:
    op.drop_table("vector_block")
    op.drop_table("vector_index")
