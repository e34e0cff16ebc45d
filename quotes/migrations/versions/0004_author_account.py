"""Who an author is: a person's official account, or a known parody or impostor account.

Revision ID: 0004
Revises: 0003

* `author.account`: "official", "parody" or "impostor"; NULL when nobody said (the
  verifier then judges the handle itself). Set by the archive JSONL's `account` field
  or `quotes archive account HANDLE KIND`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column without a default: a plain ALTER TABLE on SQLite and PostgreSQL.
    op.add_column("author", sa.Column("account", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("author") as batch:
        batch.drop_column("account")
