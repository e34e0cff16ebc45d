"""Shared test setup: every test's archive lives in its own tmp directory.

The `any_db_url` fixture runs a test on SQLite and on PostgreSQL; the PostgreSQL server
is a throwaway one this session starts itself (see `PostgresServer`) and stops at the
end. Where the server binaries or the driver are missing, the PostgreSQL half is skipped
with the reason (CI installs them: `.ci/run`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.http_fixtures import ConnectLog, LocalServer, no_outside_connections

PG_GLOB = "/usr/lib/postgresql/*/bin"
PG_USER = "quotes_test"  # the server's superuser, trusted on 127.0.0.1 only
# Debian's package creates this account; initdb and postgres refuse to run as root.
PG_OS_USER = "postgres"
PG_START_TIMEOUT = 60  # seconds pg_ctl waits for the server to accept connections


@pytest.fixture(autouse=True)
def _isolated_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real ~/.local/share/quotes archive or ~/.cache/quotes, and
    no test reads vectors another test's run cached."""
    monkeypatch.setenv("QUOTES_DB", str(tmp_path / "archive.sqlite"))
    monkeypatch.setenv("QUOTES_VECTOR_CACHE", str(tmp_path / "cache" / "text-vectors.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'archive.sqlite'}"


def postgres_bin_dir() -> Path | None:
    """The newest installed server's bin directory (Debian layout), or None."""
    found = sorted(
        Path(d) for d in glob.glob(PG_GLOB) if (Path(d) / "initdb").is_file()
    )
    return found[-1] if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A PostgreSQL server of its own: temp data dir, random port, 127.0.0.1 only.

    Durability is switched off (fsync, full-page writes): the data dies with the test
    session, and it makes creating a database per test cheap.
    """

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.data_dir = Path(tempfile.mkdtemp(prefix="quotes-pg-"))
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam(PG_OS_USER)
            os.chown(self.data_dir, account.pw_uid, account.pw_gid)
            self._as_user = ["runuser", "-u", PG_OS_USER, "--"]

    def _run(self, *argv: str) -> None:
        result = subprocess.run(
            [*self._as_user, *argv], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            log = self.data_dir / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{argv[0]} failed: {result.stderr.strip()}\n{tail}")

    def start(self) -> None:
        pgdata = self.data_dir / "data"
        self._run(
            str(self.bin_dir / "initdb"), "-D", str(pgdata), "-U", PG_USER, "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data_dir} "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
            "-c max_connections=50"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"), "start", "-w", "-t", str(PG_START_TIMEOUT),
            "-D", str(pgdata), "-l", str(self.data_dir / "server.log"), "-o", options,
        )

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._run(
                str(self.bin_dir / "pg_ctl"), "stop", "-m", "immediate",
                "-D", str(self.data_dir / "data"),
            )
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        conninfo = f"host=127.0.0.1 port={self.port} user={PG_USER} dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            # FILE_COPY: one copy of the template's files, far quicker than WAL-logging it.
            conn.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's throwaway PostgreSQL server (skips when it cannot be had)."""
    try:
        import psycopg  # noqa: F401 - the driver the store's postgresql+psycopg URLs need
    except ImportError:
        pytest.skip("PostgreSQL tests need the psycopg driver: pip install 'psycopg[binary]'")
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        pytest.skip(
            f"PostgreSQL server binaries not found ({PG_GLOB}/initdb): "
            "apt-get install postgresql (.ci/run does)"
        )
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except (RuntimeError, OSError, KeyError) as exc:
        server.stop()
        pytest.fail(f"could not start the throwaway PostgreSQL server: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    return postgres_server.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The test runs twice: on a SQLite file, then on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.sqlite'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database()


# --- the local HTTP server of the network tests (tests/http_fixtures.py) -----------------


@pytest.fixture
def outside(monkeypatch: pytest.MonkeyPatch) -> Iterator[ConnectLog]:
    """Any connection attempt beyond 127.0.0.1 fails the test, and is logged."""
    with no_outside_connections(monkeypatch) as log:
        yield log


@pytest.fixture
def server(outside: ConnectLog) -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


@pytest.fixture
def waits() -> list[float]:
    """The Retry-After waits a client asked for (its sleep is replaced by an append)."""
    return []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The figures of the real-MT tests (tests/test_mt_real.py), so that CI prints them."""
    from tests.mt_figures import FIGURES

    if FIGURES:
        terminalreporter.section("real MT figures (Firefox Translations pt→en)")
        for line in FIGURES:
            terminalreporter.write_line(line)
