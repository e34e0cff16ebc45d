"""The first released schema: what `quotes` created before it had migrations.

Revision ID: 0001
Revises: (none)

Column types, nullability and constraint shapes are exactly those `SQLModel.metadata
.create_all` produced then, so a database made that way and one made by this revision
are the same (tests/test_migrations.py compares them). Constraints stay unnamed, as they
were: PostgreSQL then names them itself (`tweet_author_id_text_key_key`, …).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "author",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handle", sa.String(), nullable=False),
        sa.Column("handle_key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("handle"),
        sa.UniqueConstraint("handle_key"),
    )
    op.create_table(
        "author_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(), nullable=False),
        sa.Column("display", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("author_id", "alias"),
        sa.ForeignKeyConstraint(["author_id"], ["author.id"]),
    )
    op.create_index("ix_author_alias_author_id", "author_alias", ["author_id"])
    op.create_index("ix_author_alias_alias", "author_alias", ["alias"])
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("sha256s", sa.JSON(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "tweet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform_id", sa.String(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("author_handle", sa.String(), nullable=False),
        sa.Column("display_name", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("created_precision", sa.String(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("text_key", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("provenance", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("author_id", "text_key"),
        sa.UniqueConstraint("platform_id"),
        sa.ForeignKeyConstraint(["author_id"], ["author.id"]),
        sa.ForeignKeyConstraint(["import_id"], ["import_run.id"]),
    )
    op.create_index("ix_tweet_author_id", "tweet", ["author_id"])
    op.create_index("ix_tweet_text_key", "tweet", ["text_key"])
    op.create_index("ix_tweet_import_id", "tweet", ["import_id"])
    op.create_table(
        "translation_cache",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("translation", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "tweet_embedding",
        sa.Column("tweet_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("tweet_id", "model"),
        sa.ForeignKeyConstraint(["tweet_id"], ["tweet.id"]),
    )


def downgrade() -> None:
    for table in (
        "tweet_embedding", "translation_cache", "tweet", "import_run", "author_alias", "author"
    ):
        op.drop_table(table)
