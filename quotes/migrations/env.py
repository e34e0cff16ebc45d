"""Alembic environment: run the migrations on the connection `quotes.migrations` passes in.

Only the online mode exists: the store always hands over a live connection inside its own
transaction, so there is no engine to build and no URL to read from a config file.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("quotes migrations run through quotes.migrations, on a connection")

context.configure(
    connection=connection,
    # SQLite DDL is transactional once the store emits BEGIN itself (it does), and the
    # migration must be all or nothing there too.
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
