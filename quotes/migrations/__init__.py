"""Schema migrations of the archive database, with Alembic, configured from code.

Revision 0001 is the first released schema (what `quotes` created before migrations
existed); each later revision is one file in `versions/`. Everything works from the
installed package: the script location is this directory and no alembic.ini is read.

The functions take a SQLAlchemy `Connection` that is already inside a transaction: the
store opens it (with the write lock its database needs) and commits it, so a migration
is all or nothing and two processes never migrate the same database at once.

A new revision is a new file in `versions/` named after its number (0003_…): copy the
newest one, set `revision` to the next number and `down_revision` to the previous, and
keep it free of application imports (it must run the same years later).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

FIRST_REVISION = "0001"
VERSION_TABLE = "alembic_version"
_HERE = Path(__file__).resolve().parent


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    # env.py runs the migrations on this connection, inside the caller's transaction.
    config.attributes["connection"] = connection
    return config


@cache
def head() -> str:
    """The revision this code needs."""
    found = ScriptDirectory.from_config(_config()).get_current_head()
    assert found is not None  # versions/ always holds 0001
    return found


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions())


def current(connection: Connection) -> str | None:
    """The revision the database is at; None when it has no version table."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    command.upgrade(_config(connection), target)


def stamp(connection: Connection, revision: str) -> None:
    """Record `revision` without running anything: for a database whose tables were
    created by the code of that revision before migrations existed."""
    command.stamp(_config(connection), revision)
