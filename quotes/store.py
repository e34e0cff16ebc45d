"""The archive of canonical tweets: sqlmodel tables and the `Archive` API over them.

SQLite (the default, a file) and PostgreSQL (`postgresql+psycopg://…`, a shared server)
behave the same. Every database failure becomes a one-line `StoreError` naming the URL
(password hidden).

The schema belongs to the migrations in `quotes/migrations`: a new, empty database is
created at the newest revision when opened, a database made before migrations existed is
recognized as revision 0001, and an older one is refused with the command that upgrades
it (`quotes db upgrade`). The classes below mirror the newest revision; the retrieval
index (FTS5 on SQLite, a tsvector column on PostgreSQL) lives only in the migrations.

Scale: imports are bulk inserts (executemany on SQLite, COPY on PostgreSQL) in one
transaction; retrieval (`candidates`, `nearest`) reads indexes or streams chunks, so
nothing here loads the whole archive into memory.
"""

# No `from __future__ import annotations` here: sqlmodel builds the table columns from
# the real annotation objects, and postponed (string) annotations confuse it.

import gc
import hashlib
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Self, TypeVar

import numpy as np
from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    UniqueConstraint,
    bindparam,
    event,
    func,
    inspect,
    text,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, col, create_engine, select

from quotes import lang, migrations, vector_index
from quotes.config import as_db_url
from quotes.errors import InputError, StoreError
from quotes.models import TweetRecord
from quotes.normalize import alias_key, strip_accents, text_key

# Bound parameters per IN (...) query: far below SQLite's limit (999 in old builds), and
# it keeps memory flat however large the archive grows.
CHUNK = 500
# Keys per lookup while importing: a million records in 200 queries, not 2000, and still
# below the bound-parameter limits (32766 on SQLite, 65535 on PostgreSQL).
IMPORT_CHUNK = 5000
# Rows per executemany: big batches are what makes a million-row import take seconds.
INSERT_BATCH = 20_000
# How long a writer waits for another one (SQLite's busy timeout, in seconds): a
# concurrent import of a million tweets holds the write lock for about a minute.
BUSY_TIMEOUT = 300.0
# Whole-transaction retries of an import that lost a race (SQLite "database is locked",
# PostgreSQL deadlock or unique violation from a writer outside the import lock).
IMPORT_ATTEMPTS = 3
RETRY_PAUSE = 0.5  # seconds, doubled at each attempt
# SQLite page cache (KiB, an upper bound, not an allocation): bulk imports touch many
# index pages, and the default 2 MB makes them three times slower.
SQLITE_CACHE_KIB = 262_144
# PostgreSQL advisory lock keys ("quotes" in ASCII and 1, 2): imports take one, schema
# changes the other, so writers queue instead of colliding.
IMPORT_LOCK = 0x71756F746573_01
SCHEMA_LOCK = 0x71756F746573_02
# After an import adding this many tweets, PostgreSQL's statistics are refreshed: the
# retrieval reads word frequencies from them.
ANALYZE_AFTER = 10_000
# An import at least this big, and bigger than the archive it goes into (a first load),
# sets PostgreSQL's plain indexes (the GIN search index among them) and foreign keys
# aside and rebuilds them once, sorted, instead of updating them row by row; into an
# empty archive its unique constraints too, and the rows are streamed to COPY as they are
# deduplicated. Readers of the tweets, and of the authors and import runs (their foreign
# keys are dropped and added again), wait for such an import to commit meanwhile.
BULK_LOAD_MIN = 100_000
BULK_LOAD_MEMORY = "512MB"  # maintenance_work_mem for those rebuilds
UNIQUE_VIOLATION = "23505"  # SQLSTATE

# --- retrieval -------------------------------------------------------------------------
# Ranking cost grows with the postings (tweet, word) the query touches. The rarest words
# are kept until their document frequencies add up to this budget: they decide the
# ranking anyway, and a word in 5% of a million tweets would cost 50,000 postings.
POSTINGS_BUDGET = 5_000
# The speaker's own tweets are ranked with more words (commoner ones tell a speaker's
# tweets apart), within a larger budget: SQLite still ranks every posting of each word.
SPEAKER_POSTINGS_BUDGET = 40_000
MAX_QUERY_TERMS = 64
# Tweets read per round by the brute-force vector scan.
VECTOR_CHUNK = 20_000
BLOCKS_PER_READ = 64  # index blocks per fetch: ~16k vectors, ~6 MB at 384 dims
TEXT_HASH_LENGTH = 32  # hex characters: 128 bits of sha256

# Name words that identify nobody, so they never become aliases on their own and are
# ignored when a name is matched word by word ("Mr. Musk", "President Biden").
GENERIC_NAME_WORDS = frozenset(
    (
        "the", "and", "for", "of", "official", "real", "news", "team", "account",
        "fictional", "example", "demo", "sample",
        "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady",
        "herr", "frau", "monsieur", "madame", "senor", "senora",
        "president", "senator", "minister", "chancellor", "governor", "mayor",
        "king", "queen", "prince", "princess", "pope", "saint", "jr", "sr", "iii",
        "von", "van", "der", "den", "del", "della", "des", "les", "los", "las", "bin", "ibn",
    )
)
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[^\W_]+")  # letters and digits: how FTS5's unicode61 splits text
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_STATUS_URL = re.compile(r"(?:twitter|x)\.com/(?:[^/]+/status(?:es)?|i/web/status)/(\d+)")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")
_SCALED_NUMBER = re.compile(r"(\d+)(k|m|mn|b|bn|t|tn)")
# "100 million" in a back-translation is "$100M" in the tweet, and the other way round.
_SCALE_WORDS = {"thousand": "k", "million": "m", "billion": "b", "trillion": "t"}
_SCALE_SUFFIXES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion",
                   "bn": "billion", "t": "trillion", "tn": "trillion"}

T = TypeVar("T")


class Author(SQLModel, table=True):
    __tablename__ = "author"

    id: int | None = Field(default=None, primary_key=True)
    handle: str = Field(unique=True)  # as first imported, e.g. "elonmusk"
    handle_key: str = Field(unique=True)  # alias_key(handle): handles ignore case
    name: str | None = None


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
    """An embedding model's IVF index (`quotes.vector_index`): its cell centroids."""

    __tablename__ = "vector_index"

    model: str = Field(primary_key=True)
    dim: int
    lists: int
    probes: int  # cells a search reads
    vectors_at_build: int  # segment vectors it was trained for: rebuilt when far more
    built_at: datetime = Field(sa_type=DateTime)
    centroids: bytes  # float32 little-endian (lists × dim)


class VectorBlock(SQLModel, table=True):
    """Up to `vector_index.BLOCK_SIZE` vectors of one index cell, quantized, with the
    tweet each belongs to (a copy of tweet_embedding's vectors, filed by cell). The
    primary key leads with (model, list_no): a search reads a cell as one index range
    and touches no other table."""

    __tablename__ = "vector_block"

    model: str = Field(primary_key=True)
    list_no: int = Field(primary_key=True)
    block_no: int = Field(primary_key=True)
    count: int
    tweet_ids: bytes  # int64 little-endian, one per vector
    vectors: bytes  # `vector_index.quantize`d


# Only this module's tables: other modules may register theirs in the shared metadata.
_TABLES = [
    SQLModel.metadata.tables[n]
    for n in (
        "author", "author_alias", "import_run", "tweet", "translation_cache", "tweet_embedding",
        "vector_index", "vector_block",
    )
]
_TWEET = SQLModel.metadata.tables["tweet"]
_EMBEDDING = SQLModel.metadata.tables["tweet_embedding"]
# The columns an import writes, in the order its rows are built.
_INSERT_COLUMNS = (
    "platform_id", "author_id", "author_handle", "display_name", "created_at",
    "created_precision", "text", "text_key", "text_hash", "url", "source", "import_id",
    "provenance",
)


def translation_key(model: str, source: str) -> str:
    return hashlib.sha256(f"{model}\0{source}".encode()).hexdigest()


def text_hash(key: str) -> str:
    """The fixed-length dedup key of a normalized text (`text_key`); migration 0002
    restates it and must agree."""
    return hashlib.sha256(key.encode()).hexdigest()[:TEXT_HASH_LENGTH]


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int  # stored tweets that gained their platform id
    duplicates: int  # records already in the archive or earlier in the same batch
    skipped_retweets: int
    import_id: int


def name_words(name: str) -> list[str]:
    """The words of a name as alias keys: "Élon  Musk" → ["elon", "musk"]."""
    return _WORD.findall(alias_key(name))


def author_aliases(handle: str, names: Sequence[str], extra: Iterable[str] = ()) -> dict[str, str]:
    """alias_key → display form: the handle, each name, its distinctive words, extras."""
    aliases: dict[str, str] = {}
    # "Example Newsroom (fictional)" is written "Example Newsroom" in running text.
    bare = [b for b in (_PARENTHETICAL.sub(" ", n).strip() for n in names) if b]
    for display in (handle, *names, *bare, *extra):
        if alias_key(display):
            aliases.setdefault(alias_key(display), display.strip())
    for name in names:
        for word in name_words(name):
            if len(word) >= 3 and word not in GENERIC_NAME_WORDS:
                aliases.setdefault(word, word.capitalize())
    return aliases


def safe_url(url: str) -> str:
    """The URL for messages, password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _PASSWORD.sub(r"\1***@", url)


def _one_line(exc: BaseException) -> str:
    # SQLAlchemy appends the statement and a help link on further lines; the driver's own
    # message (exc.orig) is the part that says what went wrong.
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@lru_cache(maxsize=65_536)
def _handle_key(handle: str) -> str:
    """alias_key of a handle, remembered: an import asks once per record, and a million
    records come from a few thousand accounts."""
    return alias_key(handle)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


# --- engines ---------------------------------------------------------------------------


def with_driver(url: str) -> str:
    """`postgresql://` means psycopg (3), the driver `quotes` installs, not SQLAlchemy's
    default psycopg2."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    return None if database.startswith("file:") else Path(database).expanduser()


def _create_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine with the settings the store relies on.

    SQLite: the store emits BEGIN itself (pysqlite's own transaction handling skips DDL
    and cannot take the write lock up front), BEGIN IMMEDIATE for writers so two imports
    queue on the lock instead of failing halfway, WAL so readers never wait for a writer,
    and a busy timeout. `foreign_keys=False` is for migrations that rebuild a table.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT})

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # see `on_begin`
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA journal_mode=WAL")  # ignored (kept "memory") in memory
        # Safe with WAL: a power cut may lose the last commits, never corrupt the file.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.close()

    def on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("quotes_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


def _writer(engine: Engine) -> Engine:
    """The same engine, its transactions taking the write lock from the start."""
    return engine.execution_options(quotes_write=True)


def _lock(conn: Connection, key: int) -> None:
    """Queue behind other writers holding `key` (PostgreSQL; SQLite's BEGIN IMMEDIATE
    already did it), until this transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


# --- schema ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SchemaState:
    revision: str | None  # None: no version table
    has_tables: bool  # the archive's tables exist (a database from before migrations)

    @property
    def empty(self) -> bool:
        return self.revision is None and not self.has_tables


def _schema_state(conn: Connection) -> SchemaState:
    tables = set(inspect(conn).get_table_names())
    revision = migrations.current(conn) if migrations.VERSION_TABLE in tables else None
    return SchemaState(revision, "tweet" in tables)


def _outdated_message(revision: str) -> str:
    head = migrations.head()
    if revision in migrations.known_revisions():
        return (
            f"archive schema is at {revision}, the code needs {head}: run `quotes db upgrade`"
        )
    return (
        f"archive schema is at {revision}, newer than this code knows (it needs {head}): "
        "upgrade quotes"
    )


@contextmanager
def _schema_transaction(url: str, engine: Engine | None = None) -> Iterator[Connection]:
    """One locked transaction for a schema change: no other process creates, stamps or
    upgrades the same database meanwhile.

    A SQLite file gets a connection of its own with foreign keys off: migrations rebuild
    tables that others reference (and foreign_keys cannot change inside a transaction).
    An in-memory database exists only on `engine`'s connection, and holds no rows yet.
    """
    own = engine is None or _sqlite_file(url) is not None
    if own:
        engine = _create_engine(url, foreign_keys=False)
    assert engine is not None
    try:
        with _writer(engine).begin() as conn:
            _lock(conn, SCHEMA_LOCK)
            yield conn
    finally:
        if own:
            engine.dispose()


def _adopt(conn: Connection) -> SchemaState:
    """Give a versionless database its revision: a brand-new one is created at the newest,
    one from before migrations is stamped 0001. Returns the state after."""
    state = _schema_state(conn)
    if state.empty:
        migrations.upgrade(conn)
    elif state.revision is None:
        migrations.stamp(conn, migrations.FIRST_REVISION)
    return _schema_state(conn)


def upgrade_schema(url: str) -> tuple[str | None, str]:
    """Bring the database at `url` to the newest revision; (revision before, after).

    Before is None for a brand-new database; a database from before migrations counts as
    0001. Used by `quotes db upgrade`.
    """
    url = with_driver(as_db_url(url))
    _make_parent_dir(url)
    try:
        with _schema_transaction(url) as conn:
            before = _schema_state(conn)
            after = _adopt(conn)
            if after.revision != migrations.head():
                migrations.upgrade(conn)
            return (
                None if before.empty else (before.revision or migrations.FIRST_REVISION),
                migrations.head(),
            )
    except (SQLAlchemyError, OSError, ImportError) as exc:
        raise StoreError(f"cannot upgrade the archive: {_one_line(exc)}",
                         location=safe_url(url)) from None


def schema_revision(url: str) -> tuple[str | None, str]:
    """(the database's revision, the code's) without changing anything; a database from
    before migrations reports 0001, an empty one None."""
    url = with_driver(as_db_url(url))
    path = _sqlite_file(url)
    if path is not None and not path.exists():
        return None, migrations.head()  # and no empty file left behind by looking
    engine = _create_engine(url)
    try:
        with engine.connect() as conn:
            state = _schema_state(conn)
    except (SQLAlchemyError, OSError, ImportError) as exc:
        raise StoreError(f"cannot read the archive: {_one_line(exc)}",
                         location=safe_url(url)) from None
    finally:
        engine.dispose()
    current = state.revision or (migrations.FIRST_REVISION if state.has_tables else None)
    return current, migrations.head()


def _make_parent_dir(url: str) -> None:
    path = _sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


# --- retrieval helpers -----------------------------------------------------------------


@cache
def _stopwords() -> frozenset[str]:
    """English function words, with the pieces their apostrophes split into ("doesn")."""
    words = set(lang.get("en").stopwords)
    for word in list(words):
        words.update(_TOKEN.findall(word.replace("’", "'")))
    return frozenset(words)


def query_terms(text_: str, *, fold_accents: bool = True) -> list[str]:
    """The content words of an English text as the search index spells them: lowercase,
    accents folded (SQLite's index folds them; PostgreSQL's 'simple' does not), stopwords
    and single letters out, "100 million" also as "100m" and "$30B" also as "30 billion".
    Only letters and digits survive, so no word can be index query syntax."""
    lowered = text_.lower()
    tokens = _TOKEN.findall(strip_accents(lowered) if fold_accents else lowered)
    stop = _stopwords()
    terms: dict[str, None] = {}
    for i, token in enumerate(tokens):
        if token in stop or (len(token) == 1 and not token.isdigit()):
            continue
        terms[token] = None
        scaled = _SCALED_NUMBER.fullmatch(token)
        if scaled:
            terms[scaled.group(1)] = None
            terms[_SCALE_SUFFIXES[scaled.group(2)]] = None
        if token.isdigit() and i + 1 < len(tokens) and tokens[i + 1] in _SCALE_WORDS:
            suffix = _SCALE_WORDS[tokens[i + 1]]
            terms[token + suffix] = None
            if suffix in ("m", "b", "t"):
                terms[f"{token}{suffix}n"] = None
    return list(terms)[:MAX_QUERY_TERMS]


def choose_terms(
    terms: Sequence[str], doc_freqs: Mapping[str, float] | None,
    budget: float = POSTINGS_BUDGET,
) -> list[str]:
    """The rarest terms whose document frequencies fit the postings budget (at least one).

    Without frequencies (PostgreSQL before its first ANALYZE) every term is kept. Terms no
    tweet holds are left out: they cannot change the ranking.
    """
    if doc_freqs is None:
        return list(terms)
    present = sorted((t for t in terms if doc_freqs.get(t, 0) > 0), key=lambda t: doc_freqs[t])
    chosen: list[str] = []
    total = 0.0
    for term in present:
        if chosen and total + doc_freqs[term] > budget:
            break
        chosen.append(term)
        total += doc_freqs[term]
    return chosen


def _fts_query(terms: Sequence[str]) -> str:
    # Each term quoted as an FTS5 string ("" doubles a quote; the terms hold none, being
    # letters and digits, but NEAR, AND, OR or * must never be read as operators).
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _tsquery(terms: Sequence[str]) -> str:
    return " | ".join("'" + t.replace("'", "''") + "'" for t in terms)


class _SqliteSearch:
    """FTS5 over tweet.text; bm25 ranking; document frequencies from fts5vocab."""

    fold_accents = True

    def doc_freqs(self, conn: Connection, terms: Sequence[str]) -> dict[str, float] | None:
        if not terms:
            return {}
        stmt = text("SELECT term, doc FROM tweet_fts_vocab WHERE term IN :terms").bindparams(
            bindparam("terms", expanding=True)
        )
        return {term: float(doc) for term, doc in conn.execute(stmt, {"terms": list(terms)})}

    def ranked(
        self, conn: Connection, terms: Sequence[str], limit: int,
        author_ids: Sequence[int] = (),
    ) -> list[int]:
        if not terms or limit <= 0:
            return []
        params: dict[str, Any] = {"q": _fts_query(terms), "n": limit}
        where = ""
        if author_ids:
            where = "AND rowid IN (SELECT id FROM tweet WHERE author_id IN :authors)"
            params["authors"] = list(author_ids)
        stmt = text(
            f"SELECT rowid FROM tweet_fts WHERE tweet_fts MATCH :q {where} "
            "ORDER BY rank LIMIT :n"
        )
        if author_ids:
            stmt = stmt.bindparams(bindparam("authors", expanding=True))
        return [row[0] for row in conn.execute(stmt, params)]


class _PostgresSearch:
    """tsvector ('simple') with a GIN index; ts_rank; document frequencies estimated from
    the planner's statistics (the most common words of the column and their shares)."""

    fold_accents = False

    def __init__(self) -> None:
        self._stats: tuple[float, dict[str, float], float] | None = None

    def _load_stats(self, conn: Connection) -> tuple[float, dict[str, float], float] | None:
        row = conn.execute(
            text(
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, "
                "c.reltuples FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename "
                "AND c.relnamespace = to_regnamespace(s.schemaname) "
                "WHERE s.schemaname = current_schema() AND s.tablename = 'tweet' "
                "AND s.attname = 'search_vector'"
            )
        ).first()
        if row is None or row[0] is None or not row[1] or row[2] <= 0:
            return None
        words, freqs, rows = row
        # The frequencies array ends with the minimum, maximum and null share.
        return float(rows), dict(zip(words, freqs, strict=False)), float(freqs[len(words)])

    def doc_freqs(self, conn: Connection, terms: Sequence[str]) -> dict[str, float] | None:
        if self._stats is None:
            self._stats = self._load_stats(conn) or (0.0, {}, 0.0)
        rows, common, least = self._stats
        if rows == 0:
            return None
        # A word outside the list is rarer than the least common one in it: half that is
        # the estimate (it only orders terms; zero-hit terms cost a lookup, nothing more).
        return {t: rows * common.get(t, least / 2) for t in terms}

    def ranked(
        self, conn: Connection, terms: Sequence[str], limit: int,
        author_ids: Sequence[int] = (),
    ) -> list[int]:
        if not terms or limit <= 0:
            return []
        params: dict[str, Any] = {"q": _tsquery(terms), "n": limit}
        where = ""
        if author_ids:
            where = "AND author_id IN :authors"
            params["authors"] = list(author_ids)
        stmt = text(
            "SELECT id FROM tweet, to_tsquery('simple', :q) AS query "
            f"WHERE search_vector @@ query {where} "
            "ORDER BY ts_rank(search_vector, query) DESC, id LIMIT :n"
        )
        if author_ids:
            stmt = stmt.bindparams(bindparam("authors", expanding=True))
        return [row[0] for row in conn.execute(stmt, params)]


# (tweet ids, vectors per tweet (None: one each), the vectors as float32 rows, each row's
# scale or None)
_VectorChunk = tuple[np.ndarray, np.ndarray | None, np.ndarray, np.ndarray | None]


def _stacked(rows: Sequence[Any], width: int) -> tuple[np.ndarray, np.ndarray, bytes] | None:
    """(ids, vectors per row, the rows' bytes joined) of (tweet_id, vector bytes) rows,
    a vector being `width` bytes; rows that are not whole vectors are left out."""
    if not rows:
        return None
    ids, blobs = zip(*rows, strict=True)
    lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs))
    whole = (lengths >= width) & (lengths % width == 0)
    if not whole.all():  # never written by this code; skipped rather than misread
        keep = np.flatnonzero(whole).tolist()
        ids, blobs, lengths = [ids[i] for i in keep], [blobs[i] for i in keep], lengths[whole]
        if not keep:
            return None
    return np.array(ids, dtype=np.int64), lengths // width, b"".join(blobs)


def _top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k highest scores (best first) and their ids, each id once with its best score
    (the index returns a tweet once per cell its segments fall in)."""
    order = np.argsort(-scores, kind="stable")
    scores, ids = scores[order], ids[order]
    first = np.sort(np.unique(ids, return_index=True)[1])[:k]
    return scores[first], ids[first]


# --- the archive -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VectorIndexInfo:
    """An embedding model's IVF index as `quotes archive embed` reports it."""

    model: str
    dim: int
    lists: int
    probes: int
    vectors_at_build: int
    built_at: datetime
    vectors: int  # segment vectors filed under its cells


@dataclass(frozen=True, slots=True)
class _LoadedIndex:
    dim: int
    lists: int
    probes: int
    vectors_at_build: int
    built_at: datetime
    centroids: np.ndarray


def _load_vector_index(conn: Connection, model: str) -> _LoadedIndex | None:
    row = conn.execute(
        text("SELECT dim, lists, probes, vectors_at_build, built_at, centroids "
             "FROM vector_index WHERE model = :m"),
        {"m": model},
    ).first()
    if row is None:
        return None
    dim, lists, probes, at_build, built_at, blob = row
    centroids = np.frombuffer(bytes(blob), dtype="<f4").reshape(lists, dim)
    if isinstance(built_at, str):  # SQLite through text(): no type to convert with
        built_at = datetime.fromisoformat(built_at)
    return _LoadedIndex(dim, lists, probes, at_build, built_at, centroids)


def _segment_count(conn: Connection, model: str, dim: int) -> int:
    """How many segment vectors `model` has stored (a tweet stores one per segment)."""
    total = conn.execute(
        text("SELECT sum(length(vector)) FROM tweet_embedding WHERE model = :m"), {"m": model}
    ).scalar_one()
    return int(total or 0) // (4 * dim)


def _matrices(vectors: Mapping[int, bytes], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """(owner of each row, the rows) of tweets' stored float32 vectors."""
    usable = {i: v for i, v in vectors.items() if len(v) and len(v) % (4 * dim) == 0}
    if not usable:
        return np.empty(0, np.int64), np.empty((0, dim), np.float32)
    owners = np.repeat(np.array(list(usable), dtype=np.int64),
                       [len(v) // (4 * dim) for v in usable.values()])
    return owners, np.frombuffer(b"".join(usable.values()), dtype="<f4").reshape(-1, dim)


def _refile_vectors(
    conn: Connection, model: str, index: _LoadedIndex, old: Mapping[int, bytes],
    new: Mapping[int, bytes],
) -> None:
    """Keep the index whole when tweets' vectors change: their old vectors leave the
    cells they were filed in (the cells are a function of the vectors), the new ones
    join theirs."""
    owners, matrix = _matrices(old, index.dim)
    leaving = np.unique(owners)
    for cell in np.unique(vector_index.assign(matrix, index.centroids)).tolist():
        blocks = _cell_blocks(conn, model, cell, index.dim)
        cell_owners = np.concatenate([o for o, _ in blocks]) if blocks else owners[:0]
        rows = vector_index.quantized_rows(b"".join(v for _, v in blocks), index.dim)
        stay = ~np.isin(cell_owners, leaving)
        _delete_cell(conn, model, cell)
        _write_blocks(conn, model, _blocks_of(cell, 0, cell_owners[stay], rows[stay]))
    owners, matrix = _matrices(new, index.dim)
    for cell, cell_owners, vectors in vector_index.by_cell(owners, matrix, index.centroids):
        _append_to_cell(conn, model, cell, index.dim, cell_owners,
                        vector_index.quantized_rows(vector_index.quantize(vectors), index.dim))


def _stored_vectors(conn: Connection, model: str, tweet_ids: Sequence[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for chunk in _chunks(list(tweet_ids)):
        rows = conn.execute(
            text("SELECT tweet_id, vector FROM tweet_embedding WHERE model = :m "
                 "AND tweet_id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"m": model, "ids": list(chunk)},
        )
        found.update((i, bytes(v)) for i, v in rows)
    return found


def _cell_blocks(conn: Connection, model: str, cell: int, dim: int
                 ) -> list[tuple[np.ndarray, bytes]]:
    rows = conn.execute(
        text("SELECT tweet_ids, vectors FROM vector_block WHERE model = :m AND list_no = :c "
             "ORDER BY block_no"),
        {"m": model, "c": cell},
    )
    return [vector_index.unpack_block(bytes(ids), bytes(v), dim) for ids, v in rows]


def _delete_cell(conn: Connection, model: str, cell: int) -> None:
    conn.execute(text("DELETE FROM vector_block WHERE model = :m AND list_no = :c"),
                 {"m": model, "c": cell})


def _append_to_cell(
    conn: Connection, model: str, cell: int, dim: int, owners: np.ndarray, rows: np.ndarray
) -> None:
    """Add quantized rows to a cell: its last block is filled up first."""
    last = conn.execute(
        text("SELECT block_no, tweet_ids, vectors FROM vector_block "
             "WHERE model = :m AND list_no = :c ORDER BY block_no DESC LIMIT 1"),
        {"m": model, "c": cell},
    ).first()
    start = 0
    if last is not None:
        last_owners, last_bytes = vector_index.unpack_block(bytes(last[1]), bytes(last[2]), dim)
        start = last[0] + 1
        if len(last_owners) < vector_index.BLOCK_SIZE:
            conn.execute(
                text("DELETE FROM vector_block WHERE model = :m AND list_no = :c "
                     "AND block_no = :b"), {"m": model, "c": cell, "b": last[0]})
            start = last[0]
            owners = np.concatenate((last_owners, owners))
            rows = np.concatenate((vector_index.quantized_rows(last_bytes, dim), rows))
    _write_blocks(conn, model, _blocks_of(cell, start, owners, rows))


def _blocks_of(cell: int, first: int, owners: np.ndarray, rows: np.ndarray
               ) -> Iterator[tuple[int, int, int, bytes, bytes]]:
    """(cell, block_no, count, tweet ids, vectors) rows for quantized rows of one cell."""
    size = vector_index.BLOCK_SIZE
    for n, at in enumerate(range(0, len(owners), size)):
        part = owners[at : at + size]
        yield (cell, first + n, len(part), np.ascontiguousarray(part, dtype="<i8").tobytes(),
               rows[at : at + size].tobytes())


def _write_blocks(
    conn: Connection, model: str, blocks: Iterable[tuple[int, int, int, bytes, bytes]]
) -> None:
    """Blocks in bulk: the driver's executemany on SQLite, COPY on PostgreSQL."""
    raw = conn.connection.driver_connection
    columns = "model, list_no, block_no, count, tweet_ids, vectors"
    with _driver_errors(conn):
        if _is_sqlite(conn):
            cursor = raw.cursor()  # type: ignore[union-attr]
            try:
                cursor.executemany(
                    f"INSERT INTO vector_block ({columns}) VALUES (?, ?, ?, ?, ?, ?)",
                    ((model, *block) for block in blocks),
                )
            finally:
                cursor.close()
            return
        sql = f"COPY vector_block ({columns}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for block in blocks:
                copy.write_row((model, *block))


class _CellWriter:
    """Files a stream of vectors into cells while an index is built: each cell's vectors
    are buffered until they fill a block, so blocks are written whole and memory holds at
    most one partial block per cell."""

    def __init__(self, conn: Connection, model: str, centroids: np.ndarray) -> None:
        self.conn, self.model, self.centroids = conn, model, centroids
        self.pending: dict[int, tuple[list[np.ndarray], list[np.ndarray]]] = {}
        self.next_block: dict[int, int] = {}
        self.ready: list[tuple[int, int, int, bytes, bytes]] = []

    def add(self, owners: np.ndarray, matrix: np.ndarray) -> None:
        dim = matrix.shape[1]
        for cell, cell_owners, vectors in vector_index.by_cell(owners, matrix, self.centroids):
            kept_owners, kept_rows = self.pending.setdefault(cell, ([], []))
            kept_owners.append(cell_owners)
            kept_rows.append(vector_index.quantized_rows(vector_index.quantize(vectors), dim))
            if sum(len(o) for o in kept_owners) >= vector_index.BLOCK_SIZE:
                self._flush(cell, whole_only=True)
        if len(self.ready) >= 256:
            _write_blocks(self.conn, self.model, self.ready)
            self.ready = []

    def close(self) -> None:
        for cell in list(self.pending):
            self._flush(cell, whole_only=False)
        _write_blocks(self.conn, self.model, self.ready)
        self.ready = []

    def _flush(self, cell: int, *, whole_only: bool) -> None:
        kept_owners, kept_rows = self.pending.pop(cell)
        owners, rows = np.concatenate(kept_owners), np.concatenate(kept_rows)
        size = vector_index.BLOCK_SIZE
        cut = len(owners) - len(owners) % size if whole_only else len(owners)
        first = self.next_block.get(cell, 0)
        blocks = list(_blocks_of(cell, first, owners[:cut], rows[:cut]))
        self.ready += blocks
        self.next_block[cell] = first + len(blocks)
        if cut < len(owners):
            self.pending[cell] = ([owners[cut:]], [rows[cut:]])


class Archive:
    """The tweet archive behind one database URL. Use `Archive.open(url)`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = safe_url(url)
        self._search: _SqliteSearch | _PostgresSearch = (
            _SqliteSearch() if _is_sqlite(engine) else _PostgresSearch()
        )

    @classmethod
    def open(cls, url: str) -> Self:
        """Connect; a new database is created at the newest schema (a SQLite file's
        directory too). An older schema is refused: `quotes db upgrade` brings it up."""
        url = as_db_url(url)
        shown = safe_url(url)
        try:
            url = with_driver(url)
            _make_parent_dir(url)
            engine = _create_engine(url)
            with engine.connect() as conn:
                state = _schema_state(conn)
            if state.revision is None:
                with _schema_transaction(url, engine) as conn:
                    state = _adopt(conn)  # looked at again under the lock
        # ImportError: the URL's database driver (e.g. psycopg) is not installed.
        except (SQLAlchemyError, OSError, ValueError, ImportError) as exc:
            raise StoreError(f"cannot open the archive: {_one_line(exc)}", location=shown) from None
        if state.revision != migrations.head():
            engine.dispose()
            raise StoreError(_outdated_message(state.revision or "?"), location=shown)
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _session(self, action: str, *, write: bool = False) -> Iterator[Session]:
        """A session whose database errors become StoreError; rolled back unless committed.
        Writers take the write lock when their transaction begins (SQLite)."""
        try:
            bind = _writer(self.engine) if write else self.engine
            with Session(bind, expire_on_commit=False) as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"{action}: {_one_line(exc)}", location=self.url) from None

    @contextmanager
    def _reading(self, action: str) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{action}: {_one_line(exc)}", location=self.url) from None

    # --- authors -------------------------------------------------------------------

    def _authors_by_key(self, session: Session, keys: Sequence[str]) -> dict[str, Author]:
        found: dict[str, Author] = {}
        for chunk in _chunks(keys):
            for author in session.exec(select(Author).where(col(Author.handle_key).in_(chunk))):
                found[author.handle_key] = author
        return found

    def _ensure_authors(
        self, session: Session, records: Sequence[TweetRecord]
    ) -> dict[str, Author]:
        """handle_key → Author for every record, creating authors and aliases as needed."""
        handles: dict[str, str] = {}
        names: dict[str, list[str]] = defaultdict(list)
        extras: dict[str, list[str]] = defaultdict(list)
        for rec in records:
            key = _handle_key(rec.author_handle)
            handles.setdefault(key, rec.author_handle.strip().lstrip("@"))
            if rec.author_name and rec.author_name not in names[key]:
                names[key].append(rec.author_name)
            extras[key].extend(rec.extra_aliases)
        authors = self._authors_by_key(session, list(handles))
        for key, handle in handles.items():
            if key not in authors:
                authors[key] = Author(handle=handle, handle_key=key)
                session.add(authors[key])
            if authors[key].name is None and names[key]:
                authors[key].name = names[key][0]
        session.flush()  # assigns the new authors' ids
        wanted = {
            (authors[key].id, alias): display
            for key, handle in handles.items()
            for alias, display in author_aliases(handle, names[key], extras[key]).items()
        }
        self._add_aliases(session, wanted)
        return authors

    def _add_aliases(self, session: Session, wanted: dict[tuple[Any, str], str]) -> None:
        author_ids = sorted({author_id for author_id, _ in wanted})
        have: set[tuple[int, str]] = set()
        for chunk in _chunks(author_ids):
            rows = session.exec(
                select(AuthorAlias.author_id, AuthorAlias.alias).where(
                    col(AuthorAlias.author_id).in_(chunk)
                )
            )
            have.update((author_id, alias) for author_id, alias in rows)
        for (author_id, alias), display in wanted.items():
            if (author_id, alias) not in have:
                session.add(AuthorAlias(author_id=author_id, alias=alias, display=display))

    def add_alias(self, handle: str, alias: str) -> bool:
        """Let `alias` name the author `handle` too; False when it already did."""
        key = alias_key(alias)
        if not key:
            raise InputError(f"empty alias {alias!r}")
        with self._session("cannot add the alias", write=True) as session:
            author = self._authors_by_key(session, [alias_key(handle)]).get(alias_key(handle))
            if author is None:
                raise InputError(f"no author {handle!r} in the archive")
            exists = session.exec(
                select(AuthorAlias).where(
                    AuthorAlias.author_id == author.id, AuthorAlias.alias == key
                )
            ).first()
            if exists is not None:
                return False
            session.add(AuthorAlias(author_id=author.id, alias=key, display=alias.strip()))
            session.commit()
        return True

    def resolve_author(self, name: str) -> str | None:
        """The handle `name` refers to, or None when it names nobody or several people.

        An exact handle or alias wins; otherwise the name's words (titles dropped) must
        all be words of exactly one author's name: "Musk Elon", "Herr Musk".
        """
        key = alias_key(name)
        if not key:
            return None
        with self._session("cannot look up the author") as session:
            handle = session.exec(select(Author.handle).where(Author.handle_key == key)).first()
            if handle is not None:
                return handle
            exact = session.exec(
                select(Author.handle)
                .join(AuthorAlias, col(AuthorAlias.author_id) == col(Author.id))
                .where(AuthorAlias.alias == key)
                .distinct()
            ).all()
            if exact:
                return exact[0] if len(exact) == 1 else None
            words = set(name_words(key)) - GENERIC_NAME_WORDS
            if not words:
                return None
            # Authors number in the thousands at most (tweets are the big table): a scan
            # of their names is cheap and handles words too short to be aliases ("Xi").
            rows = session.exec(
                select(Author.handle, Author.name).where(col(Author.name).is_not(None))
            )
            matches = [h for h, n in rows if n and words <= set(name_words(n))]
        return matches[0] if len(matches) == 1 else None

    def author(self, handle: str) -> Author | None:
        """The author with this handle (case ignored)."""
        with self._session("cannot look up the author") as session:
            query = select(Author).where(Author.handle_key == alias_key(handle))
            return session.exec(query).first()

    def speaker_resolver(self) -> Callable[[str], tuple[str, str] | None]:
        """A callable for the attribute stage: a name as an article writes it → (handle,
        display name), or None. Answers are cached: one article asks about the same
        few names many times."""

        @cache
        def resolve(mention: str) -> tuple[str, str] | None:
            handle = self.resolve_author(mention)
            if handle is None:
                return None
            found = self.author(handle)
            return handle, (found.name if found and found.name else handle)

        return resolve

    def alias_index(self) -> dict[str, str]:
        """alias_key → handle for every alias that names exactly one author."""
        with self._session("cannot read the aliases") as session:
            rows = session.exec(
                select(AuthorAlias.alias, Author.handle).join(
                    Author, col(AuthorAlias.author_id) == col(Author.id)
                )
            ).all()
        owners: dict[str, set[str]] = defaultdict(set)
        for alias, handle in rows:
            owners[alias].add(handle)
        return {alias: next(iter(h)) for alias, h in owners.items() if len(h) == 1}

    def _author_ids(self, conn: Connection, handles: Sequence[str]) -> list[int]:
        keys = sorted({alias_key(h) for h in handles if alias_key(h)})
        if not keys:
            return []
        stmt = select(Author.id).where(col(Author.handle_key).in_(keys))
        return [row[0] for row in conn.execute(stmt)]

    # --- tweets --------------------------------------------------------------------

    def import_records(
        self,
        records: Sequence[TweetRecord],
        *,
        files: list[str],
        fmt: str,
        sha256s: Sequence[str] = (),
        skipped_retweets: int = 0,
        file_formats: Mapping[str, str] | None = None,
    ) -> ImportResult:
        """Store the records in ONE transaction: all of them or, on any error, none.

        `fmt` is recorded on the import run and in each tweet's provenance; when one import
        mixes formats, `file_formats` (path → format) gives each file's own. Concurrent
        imports queue on a lock and see each other's tweets, so overlapping archives
        imported at once still leave one row per tweet; a transaction that loses a race
        anyway is retried whole.
        """
        action = "import failed, nothing was imported"
        for attempt in range(IMPORT_ATTEMPTS):
            try:
                with _gc_paused(), self._session(action, write=True) as session:
                    result = _Import(session, self, records, fmt, file_formats).run(
                        files=files, sha256s=sha256s, skipped_retweets=skipped_retweets
                    )
                    session.commit()
                break
            except _Retry as retry:
                if attempt + 1 == IMPORT_ATTEMPTS:
                    raise StoreError(f"{action}: {retry.message}", location=self.url) from None
                time.sleep(RETRY_PAUSE * 2**attempt)
        self._after_import(result.added)
        return result

    def _after_import(self, added: int) -> None:
        """Refresh PostgreSQL's statistics after a big import: the retrieval reads word
        frequencies from them (autovacuum would, later)."""
        if added < ANALYZE_AFTER or _is_sqlite(self.engine):
            return
        self._search = _PostgresSearch()
        try:
            with self.engine.connect() as conn:
                conn.execute(text("ANALYZE tweet"))
                conn.commit()
        except SQLAlchemyError:
            pass  # only statistics: retrieval works without them, a little slower

    def tweets(
        self, author: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[Tweet]:
        """Tweets in import order; `author` is a handle or any name `resolve_author` knows."""
        stmt = select(Tweet).order_by(col(Tweet.id)).offset(offset).limit(limit)
        if author is not None:
            handle = self.resolve_author(author)
            if handle is None:
                return []
            stmt = stmt.join(Author, col(Tweet.author_id) == col(Author.id)).where(
                Author.handle == handle
            )
        with self._session("cannot read the tweets") as session:
            return list(session.exec(stmt).all())

    def iter_tweets(self, batch: int = 1000) -> Iterator[Tweet]:
        """Every tweet, read in batches by id so memory stays flat on a large archive."""
        last = 0
        while True:
            stmt = select(Tweet).where(col(Tweet.id) > last).order_by(col(Tweet.id)).limit(batch)
            with self._session("cannot read the tweets") as session:
                rows = list(session.exec(stmt).all())
            if not rows:
                return
            yield from rows
            last = rows[-1].id or last

    def tweets_by_ids(self, ids: Sequence[int]) -> list[Tweet]:
        """The tweets with these archive ids, in the order given (unknown ids left out)."""
        found: dict[int, Tweet] = {}
        with self._session("cannot read the tweets") as session:
            for chunk in _chunks(sorted(set(ids))):
                for tweet in session.exec(select(Tweet).where(col(Tweet.id).in_(chunk))):
                    assert tweet.id is not None
                    found[tweet.id] = tweet
        return [found[i] for i in dict.fromkeys(ids) if i in found]

    # --- retrieval -----------------------------------------------------------------

    def candidates(
        self, text: str, *, authors: Sequence[str] = (), limit: int = 50
    ) -> list[Tweet]:
        """The tweets most likely to be the source of an English text (a quote, or a
        back-translation), best first by the search index's ranking (bm25 on SQLite,
        ts_rank on PostgreSQL), then the given authors' best (up to `limit` more).

        The query is an OR of the text's content words, the rarest first: numbers, names
        and rare words decide. The speaker's tweets are added, never the only ones, so a
        misattributed quote still finds its real author.
        """
        return self.tweets_by_ids(self.candidate_ids(text, authors=authors, limit=limit))

    def candidate_ids(
        self, text: str, *, authors: Sequence[str] = (), limit: int = 50
    ) -> list[int]:
        """`candidates`, as archive ids."""
        terms = query_terms(text, fold_accents=self._search.fold_accents)
        with self._reading("cannot search the archive") as conn:
            doc_freqs = self._search.doc_freqs(conn, terms)
            found = self._search.ranked(conn, choose_terms(terms, doc_freqs), limit)
            author_ids = self._author_ids(conn, authors) if authors else []
            own: list[int] = []
            if author_ids:
                wider = choose_terms(terms, doc_freqs, SPEAKER_POSTINGS_BUDGET)
                own = self._search.ranked(conn, wider, limit, author_ids)
                if len(own) < limit:
                    own += self._latest(conn, author_ids, limit - len(own), exclude=set(own))
        return list(dict.fromkeys([*found, *own]))

    def _latest(
        self, conn: Connection, author_ids: Sequence[int], n: int, exclude: set[int]
    ) -> list[int]:
        stmt = (
            select(Tweet.id)
            .where(col(Tweet.author_id).in_(author_ids))
            .order_by(col(Tweet.id).desc())
            .limit(n + len(exclude))
        )
        return [i for (i,) in conn.execute(stmt) if i not in exclude][:n]

    # --- caches of derived data ------------------------------------------------------

    def cached_translations(self, model: str, sources: Sequence[str]) -> dict[str, str]:
        """source text → translation already made by `model` (name@revision)."""
        keys = {translation_key(model, s): s for s in sources}
        found: dict[str, str] = {}
        with self._session("cannot read the translation cache") as session:
            for chunk in _chunks(list(keys)):
                stmt = select(TranslationCache).where(col(TranslationCache.key).in_(chunk))
                for row in session.exec(stmt):
                    found[keys[row.key]] = row.translation
        return found

    def store_translations(self, model: str, translations: Mapping[str, str]) -> None:
        with self._session("cannot write the translation cache", write=True) as session:
            for source, translation in translations.items():
                session.merge(
                    TranslationCache(
                        key=translation_key(model, source),
                        model=model,
                        source=source,
                        translation=translation,
                        created_at=_utcnow(),
                    )
                )
            session.commit()

    def tweet_embeddings(self, model: str, tweet_ids: Sequence[int]) -> dict[int, bytes]:
        with self._reading("cannot read the embeddings") as conn:
            return _stored_vectors(conn, model, tweet_ids)

    def store_tweet_embeddings(self, model: str, vectors: Mapping[int, bytes]) -> None:
        """Store (or replace) vectors: float32 bytes of an (n_segments × dim) matrix."""
        rows = [{"tweet_id": i, "model": model, "vector": v} for i, v in vectors.items()]
        insert = sqlite_insert if _is_sqlite(self.engine) else postgresql_insert
        stmt = insert(_EMBEDDING)
        stmt = stmt.on_conflict_do_update(
            index_elements=["tweet_id", "model"], set_={"vector": stmt.excluded.vector}
        )
        with self._session("cannot write the embeddings", write=True) as session:
            conn = session.connection()
            index = _load_vector_index(conn, model)
            old = _stored_vectors(conn, model, list(vectors)) if index is not None else {}
            for batch in _chunks(rows, INSERT_BATCH):
                conn.execute(stmt, list(batch))
            if index is not None:
                _refile_vectors(conn, model, index, old, vectors)
            session.commit()

    def tweets_without_embedding(self, model: str, batch: int = 256) -> Iterator[list[Tweet]]:
        """Batches of tweets `model` has no vectors for yet, in id order: each batch is
        read when the previous one was handled, so a job that stores as it goes resumes
        where it stopped."""
        last = 0
        while True:
            embedded = select(TweetEmbedding.tweet_id).where(
                TweetEmbedding.tweet_id == Tweet.id, TweetEmbedding.model == model
            )
            stmt = (
                select(Tweet)
                .where(col(Tweet.id) > last, ~embedded.exists())
                .order_by(col(Tweet.id))
                .limit(batch)
            )
            with self._session("cannot read the tweets") as session:
                rows = list(session.exec(stmt).all())
            if not rows:
                return
            yield rows
            last = rows[-1].id or last

    def embedding_counts(self) -> dict[str, int]:
        """Embedding model → how many tweets have its vectors."""
        stmt = select(TweetEmbedding.model, func.count()).group_by(TweetEmbedding.model)
        with self._reading("cannot count the embeddings") as conn:
            return {model: n for model, n in conn.execute(stmt)}

    def nearest(
        self, vector: np.ndarray, limit: int = 50, *, model: str | None = None
    ) -> list[int]:
        """Archive ids of the tweets closest to `vector` (L2-normalized, as the embedder
        makes them) by their best segment's cosine, best first. `model`: whose vectors;
        by default the model with the most stored vectors."""
        return self.nearest_many(np.asarray(vector)[None, :], limit, model=model)[0]

    def nearest_many(
        self, vectors: np.ndarray, limit: int = 50, *, model: str | None = None,
        probes: int | None = None,
    ) -> list[list[int]]:
        """`nearest` for several query vectors (rows) in one pass over the stored ones.

        Through the model's IVF index when it has one (`build_vector_index`): only the
        `probes` cells nearest each query are read (by default as many as the index was
        built to read). Without one (a small archive), every stored vector is. Either way
        a chunk at a time: memory stays at one chunk.
        """
        queries = np.asarray(vectors, dtype=np.float32)
        model = model or self._default_embedding_model()
        if model is None or len(queries) == 0:
            return [[] for _ in range(len(queries))]
        dim = queries.shape[1]
        with self._reading("cannot read the vector index") as conn:
            index = _load_vector_index(conn, model)
        if index is not None and index.dim == dim:
            probed = vector_index.nearest_lists(queries, index.centroids, probes or index.probes)
            chunks = self._cell_chunks(model, dim, sorted({int(c) for c in probed.ravel()}))
        else:
            chunks = self._vector_chunks(model, dim)
        best = [(np.empty(0, np.float32), np.empty(0, np.int64)) for _ in queries]
        for ids, segments, matrix, scales in chunks:
            sims = matrix @ queries.T
            if scales is not None:
                sims *= scales[:, None]
            if segments is not None:  # each tweet scores by its best segment
                starts = np.concatenate(([0], np.cumsum(segments)[:-1]))
                sims = np.maximum.reduceat(sims, starts, axis=0)
            for q in range(len(queries)):
                scores = np.concatenate((best[q][0], sims[:, q]))
                owners = np.concatenate((best[q][1], ids))
                best[q] = _top_k(scores, owners, limit)
        return [[int(i) for i in owners] for _, owners in best]

    def _vector_chunks(
        self, model: str, dim: int
    ) -> Iterator[_VectorChunk]:
        """(tweet ids, segments per tweet, their vectors as rows, None) chunk by chunk, in
        id order: every stored vector of `model`."""
        stmt = text(
            "SELECT tweet_id, vector FROM tweet_embedding WHERE model = :model "
            "AND tweet_id > :last ORDER BY tweet_id LIMIT :n"
        )
        last = 0
        while True:
            with self._reading("cannot read the embeddings") as conn:
                rows = list(conn.execute(stmt, {"model": model, "last": last, "n": VECTOR_CHUNK}))
            if not rows:
                return
            last = rows[-1][0]
            found = _stacked(rows, 4 * dim)
            if found is not None:
                ids, segments, data = found
                yield ids, segments, np.frombuffer(data, dtype="<f4").reshape(-1, dim), None

    def _cell_chunks(
        self, model: str, dim: int, cells: Sequence[int]
    ) -> Iterator[_VectorChunk]:
        """The same from the index: the vectors filed under `cells`, a few blocks at a
        time, quantized (each row's scale comes last, to multiply the dot products with),
        one row per segment (a tweet with segments in several cells comes once per cell)."""
        stmt = text(
            "SELECT tweet_ids, vectors FROM vector_block WHERE model = :model "
            "AND list_no IN :cells"
        ).bindparams(bindparam("cells", expanding=True))
        with self._reading("cannot read the vector index") as conn:
            result = conn.execution_options(stream_results=True).execute(
                stmt, {"model": model, "cells": list(cells)}
            )
            for rows in result.partitions(BLOCKS_PER_READ):
                blocks = [vector_index.unpack_block(bytes(i), bytes(v), dim) for i, v in rows]
                if blocks:
                    owners = np.concatenate([o for o, _ in blocks])
                    values, scales = vector_index.unpack(b"".join(v for _, v in blocks), dim)
                    yield owners, None, values, scales

    # --- the vector index -----------------------------------------------------------

    def vector_index(self, model: str) -> VectorIndexInfo | None:
        """How `model`'s IVF index is built, or None when it has none."""
        with self._reading("cannot read the vector index") as conn:
            index = _load_vector_index(conn, model)
            if index is None:
                return None
            filed = conn.execute(
                text("SELECT sum(count) FROM vector_block WHERE model = :m"), {"m": model}
            ).scalar_one()
        return VectorIndexInfo(
            model, index.dim, index.lists, index.probes, index.vectors_at_build,
            index.built_at, int(filed or 0),
        )

    def refresh_vector_index(self, model: str, dim: int) -> VectorIndexInfo | None:
        """Build `model`'s index when its vectors have become many enough to need one,
        rebuild it when they have outgrown the cells it was sized for; else leave it."""
        with self._reading("cannot read the vector index") as conn:
            index = _load_vector_index(conn, model)
            segments = _segment_count(conn, model, dim)
        if segments < vector_index.MIN_INDEXED_VECTORS:
            return self.vector_index(model)
        if index is not None and index.dim == dim and (
            segments < vector_index.REBUILD_GROWTH * index.vectors_at_build
        ):
            return self.vector_index(model)
        return self.build_vector_index(model, dim)

    def build_vector_index(
        self, model: str, dim: int, *, lists: int | None = None, probes: int | None = None,
        seed: int = 0,
    ) -> VectorIndexInfo | None:
        """(Re)build `model`'s IVF index from its stored vectors, in one transaction:
        k-means on a random sample, then every tweet's segment vectors filed under their
        cells. None when the model has no vectors of width `dim`. Memory: the training
        sample and one chunk of vectors."""
        with self._reading("cannot read the embeddings") as conn:
            segments = _segment_count(conn, model, dim)
            ids = [i for (i,) in conn.execute(
                text("SELECT tweet_id FROM tweet_embedding WHERE model = :m"), {"m": model})]
        if segments == 0 or not ids:
            return None
        lists = lists or vector_index.list_count(segments)
        probes = probes or vector_index.probe_count(lists)
        wanted = vector_index.train_sample_size(segments, lists)
        rng = np.random.default_rng(seed)
        per_tweet = segments / len(ids)
        chosen = rng.choice(ids, size=min(len(ids), max(1, round(wanted / per_tweet))),
                            replace=False)
        stored = self.tweet_embeddings(model, [int(i) for i in chosen])
        sample = _matrices(stored, dim)[1]
        centroids = vector_index.train_centroids(sample, lists, seed=seed)
        lists = len(centroids)
        with self._session("cannot write the vector index", write=True) as session:
            conn = session.connection()
            conn.execute(text("DELETE FROM vector_block WHERE model = :m"), {"m": model})
            conn.execute(text("DELETE FROM vector_index WHERE model = :m"), {"m": model})
            session.add(VectorIndex(
                model=model, dim=dim, lists=lists, probes=min(probes, lists),
                vectors_at_build=segments, built_at=_utcnow(),
                centroids=centroids.astype("<f4").tobytes(),
            ))
            session.flush()
            writer = _CellWriter(conn, model, centroids)
            for chunk_ids, chunk_segments, matrix, _ in self._vector_chunks(model, dim):
                assert chunk_segments is not None
                writer.add(np.repeat(chunk_ids, chunk_segments), matrix)
            writer.close()
            session.commit()
        return self.vector_index(model)

    def _default_embedding_model(self) -> str | None:
        counts = self.embedding_counts()
        return max(counts, key=lambda m: counts[m]) if counts else None

    def get_tweet(self, key: str) -> Tweet | None:
        """A tweet by platform id, tweet URL (twitter.com or x.com) or internal id."""
        key = key.strip()
        match = _STATUS_URL.search(key)
        platform_id = match.group(1) if match else key
        with self._session("cannot read the tweet") as session:
            tweet = session.exec(select(Tweet).where(Tweet.platform_id == platform_id)).first()
            if tweet is None and match is None and key.isdigit():
                tweet = session.get(Tweet, int(key))
            if tweet is None and match is not None:
                tweet = session.exec(select(Tweet).where(Tweet.url == key)).first()
            return tweet

    def count(self) -> int:
        with self._session("cannot count the tweets") as session:
            return session.exec(select(func.count()).select_from(Tweet)).one()

    def count_by_author(self) -> dict[str, int]:
        """Handle → number of tweets."""
        stmt = (
            select(Author.handle, func.count(col(Tweet.id)))
            .join(Tweet, col(Tweet.author_id) == col(Author.id))
            .group_by(Author.handle)
        )
        with self._reading("cannot count the tweets") as conn:
            return {handle: n for handle, n in conn.execute(stmt)}


# --- importing -------------------------------------------------------------------------


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off meanwhile: an import makes millions of
    objects, none of them cyclic garbage, and every full collection walks them all (a
    third of the per-record time at a million records)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Retry(Exception):
    """The import transaction lost a race with another writer; run it again."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# SQLSTATEs a repeated transaction can get past: serialization failure, deadlock, unique
# violation (a writer outside the import lock added the same tweet), lock not available.
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "23505", "55P03"})


def _transient(exc: DBAPIError) -> bool:
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _TRANSIENT_SQLSTATES:
        return True
    message = str(orig).lower()
    return "database is locked" in message or "database is busy" in message


class _Writer(NamedTuple):
    """The author of imported records, as the rows need it."""

    id: int
    handle: str
    name: str | None


@dataclass(slots=True)
class _Known:
    """A tweet an import record may collide with: stored already, or new in this import."""

    id: int | None  # None: added by this import
    platform_id: str | None
    url: str | None
    created_at: datetime | None
    created_precision: str | None
    index: int | None = None  # a new tweet's place in `_Import.new_rows`


class _Import:
    """One import transaction: dedup against the archive and within the records, then
    bulk inserts, then the search index."""

    def __init__(
        self, session: Session, archive: Archive, records: Sequence[TweetRecord], fmt: str,
        file_formats: Mapping[str, str] | None,
    ) -> None:
        self.session = session
        self.archive = archive
        self.records = records
        self.fmt = fmt
        self.file_formats = file_formats or {}
        self.by_platform_id: dict[str, _Known] = {}
        self.by_text: dict[tuple[int, str], _Known] = {}
        self.new_rows: list[list[Any]] = []
        self.updates: dict[int, _Known] = {}
        # A first bulk load streams each new row to COPY as soon as it is made; the rows
        # changed after they went (a later record brought the id) are corrected after.
        self.stream: Callable[[Sequence[Any]], None] | None = None
        self.sent = 0
        self.changed_after_sent: dict[int, None] = {}
        self.updated = self.duplicates = 0

    def run(self, *, files: list[str], sha256s: Sequence[str], skipped_retweets: int
            ) -> ImportResult:
        try:
            conn = self.session.connection()
            _lock(conn, IMPORT_LOCK)
            run = ImportRun(
                started_at=_utcnow(), files=list(files), format=self.fmt,
                sha256s=list(sha256s), skipped=skipped_retweets,
            )
            self.session.add(run)
            self.session.flush()  # the run's id goes into every tweet it adds
            assert run.id is not None
            # Plain tuples: ORM attribute access, a million times over, costs seconds.
            authors = {
                k: _Writer(a.id, a.handle, a.name)  # type: ignore[arg-type]
                for k, a in self.archive._ensure_authors(self.session, self.records).items()
            }
            added = self._store(conn, authors, run.id)
        except DBAPIError as exc:
            if _transient(exc):
                raise _Retry(_one_line(exc)) from None
            raise
        # Records the database skipped (ON CONFLICT) were duplicates after all.
        self.duplicates += len(self.new_rows) - added
        run.added, run.updated, run.duplicates = added, self.updated, self.duplicates
        self.session.flush()
        return ImportResult(
            added=added, updated=self.updated, duplicates=self.duplicates,
            skipped_retweets=skipped_retweets, import_id=run.id,
        )

    def _store(self, conn: Connection, authors: Mapping[str, _Writer], run_id: int) -> int:
        """Dedup the records and write them; the number of tweets added."""
        postgres = not _is_sqlite(conn)
        if postgres and len(self.records) >= BULK_LOAD_MIN and _is_empty(conn):
            # Taken now, not at the first DDL: the table must stay empty until commit.
            conn.execute(text("LOCK TABLE tweet IN ACCESS EXCLUSIVE MODE"))
            if _is_empty(conn):  # looked at again under the table lock
                return self._first_bulk_load(conn, authors, run_id)
        empty = _is_empty(conn)
        self._dedup(self._keyed(conn, empty), authors, run_id)
        added: int | None = None
        if not postgres:
            _insert_sqlite(conn, self.new_rows)
        elif empty:
            added = _copy_into_empty(conn, self.new_rows)
        else:
            _insert_postgres(conn, self.new_rows)
        self._write_updates(conn)
        if not postgres and self.new_rows:
            # The FTS5 index has external content: the new tweets are indexed here, in
            # one statement (a per-row trigger makes a big import three times slower).
            conn.execute(
                text("INSERT INTO tweet_fts(rowid, text) SELECT id, text FROM tweet "
                     "WHERE import_id = :run"),
                {"run": run_id},
            )
        return self._count_added(conn, run_id) if added is None else added

    def _first_bulk_load(
        self, conn: Connection, authors: Mapping[str, _Writer], run_id: int
    ) -> int:
        """A big import into an empty tweet table (locked): its indexes and constraints
        set aside, the rows streamed straight into it by COPY while Python still
        deduplicates (PostgreSQL works in its own process: the two overlap), then the
        constraints checked and the indexes built once, each in one pass."""
        raw = conn.connection.driver_connection
        with _driver_errors(conn), raw.cursor() as cursor:  # type: ignore[union-attr]
            cursor.execute("SAVEPOINT quotes_bulk_load")
            aside = _set_aside(cursor, unique=True)
            with _copy_rows(cursor, "tweet") as write_row:
                self.stream = write_row
                try:
                    self._dedup(self._keyed(conn, empty=True), authors, run_id)
                finally:
                    self.stream = None
            try:
                _restore(cursor, aside.unique)
            except conn.dialect.dbapi.Error as exc:  # type: ignore[union-attr]
                if getattr(exc, "sqlstate", None) != UNIQUE_VIOLATION:
                    raise
                # A duplicate got past the dedup: store the rows the careful way instead.
                cursor.execute("ROLLBACK TO SAVEPOINT quotes_bulk_load")
                _insert_postgres(conn, self.new_rows)
                return self._count_added(conn, run_id)
            if self.changed_after_sent:
                cursor.executemany(
                    "UPDATE tweet SET platform_id = %s, url = %s, created_at = %s, "
                    "created_precision = %s WHERE text_hash = %s AND author_id = %s",
                    [(r[0], r[9], r[4], r[5], r[8], r[1])
                     for r in map(self.new_rows.__getitem__, self.changed_after_sent)],
                )
            _restore(cursor, aside.foreign + aside.indexes)
            cursor.execute("RELEASE SAVEPOINT quotes_bulk_load")
        return len(self.new_rows)

    def _keyed(self, conn: Connection, empty: bool) -> Iterable[tuple[TweetRecord, str, str]]:
        """(record, text key, text hash) for each record, the stored rows they could match
        loaded. Into an empty table the keys are made as the records are added."""
        if empty:
            return self._keyed_lazily()
        keys = [text_key(r.text) for r in self.records]
        hashes = [text_hash(k) for k in keys]
        self._load_known(conn, hashes)
        return zip(self.records, keys, hashes, strict=True)

    def _keyed_lazily(self) -> Iterator[tuple[TweetRecord, str, str]]:
        for rec in self.records:
            key = text_key(rec.text)
            yield rec, key, text_hash(key)

    def _dedup(
        self, keyed: Iterable[tuple[TweetRecord, str, str]], authors: Mapping[str, _Writer],
        run_id: int,
    ) -> None:
        for rec, key, hashed in keyed:
            self._add(rec, authors[_handle_key(rec.author_handle)], key, hashed, run_id)

    def _load_known(self, conn: Connection, hashes: Sequence[str]) -> None:
        """Only the stored rows these records could match, a chunk of keys at a time."""
        columns = (
            _TWEET.c.id, _TWEET.c.platform_id, _TWEET.c.url, _TWEET.c.created_at,
            _TWEET.c.created_precision, _TWEET.c.author_id, _TWEET.c.text_hash,
        )
        platform_ids = sorted({r.platform_id for r in self.records if r.platform_id})
        for chunk in _chunks(platform_ids, IMPORT_CHUNK):
            stmt = select(*columns).where(_TWEET.c.platform_id.in_(chunk))
            for row in conn.execute(stmt):
                self._remember(_Known(*row[:5]), row.author_id, row.text_hash)
        for chunk in _chunks(sorted(set(hashes)), IMPORT_CHUNK):
            stmt = select(*columns).where(_TWEET.c.text_hash.in_(chunk))
            for row in conn.execute(stmt):
                self._remember(_Known(*row[:5]), row.author_id, row.text_hash)

    def _remember(self, known: _Known, author_id: int, hashed: str) -> None:
        if known.platform_id:
            self.by_platform_id[known.platform_id] = known
        self.by_text[(author_id, hashed)] = known

    def _add(
        self, rec: TweetRecord, author: "_Writer", key: str, hashed: str, run_id: int
    ) -> None:
        found = self.by_platform_id.get(rec.platform_id) if rec.platform_id else None
        if found is None:
            found = self.by_text.get((author.id, hashed))
        if found is None:
            self._add_new(rec, author, key, hashed, run_id)
            return
        if rec.platform_id and found.platform_id is None:
            # The same post, now seen with its id (e.g. from an account archive).
            found.platform_id = rec.platform_id
            if found.url is None:
                found.url = rec.url
            if rec.created_at and (found.created_at is None or found.created_precision == "day"):
                found.created_at = _naive_utc(rec.created_at)
                found.created_precision = rec.created_precision
            self._remember(found, author.id, hashed)
            if found.index is not None:  # new in this import: its pending row takes the id
                row = self.new_rows[found.index]
                row[0] = found.platform_id
                row[4] = found.created_at
                row[5] = found.created_precision
                row[9] = found.url
                if found.index < self.sent:
                    self.changed_after_sent[found.index] = None
            else:
                assert found.id is not None
                self.updates[found.id] = found
                self.updated += 1
                return
        self.duplicates += 1

    def _add_new(
        self, rec: TweetRecord, author: "_Writer", key: str, hashed: str, run_id: int
    ) -> None:
        path = rec.location.rpartition(":")[0]
        fmt = self.file_formats.get(path, self.fmt)
        row = [
            rec.platform_id, author.id, author.handle, rec.author_name or author.name,
            _naive_utc(rec.created_at), rec.created_precision, rec.text, key, hashed, rec.url,
            rec.source, run_id, f"{fmt}:{rec.location}",
        ]
        known = _Known(
            None, rec.platform_id, rec.url, row[4], rec.created_precision, len(self.new_rows)
        )
        self._remember(known, author.id, hashed)
        self.new_rows.append(row)
        if self.stream is not None:
            self.stream(row)
            self.sent += 1

    def _write_updates(self, conn: Connection) -> None:
        """Stored tweets that gained their platform id."""
        if not self.updates:
            return
        stmt = (
            _TWEET.update()
            .where(_TWEET.c.id == bindparam("tid"))
            .values(
                platform_id=bindparam("pid"), url=bindparam("u"),
                created_at=bindparam("c"), created_precision=bindparam("p"),
            )
        )
        params = [
            {"tid": k.id, "pid": k.platform_id, "u": k.url, "c": k.created_at,
             "p": k.created_precision}
            for k in self.updates.values()
        ]
        for batch in _chunks(params, INSERT_BATCH):
            conn.execute(stmt, list(batch))

    def _count_added(self, conn: Connection, run_id: int) -> int:
        stmt = select(func.count()).select_from(_TWEET).where(_TWEET.c.import_id == run_id)
        return int(conn.execute(stmt).scalar_one())


@contextmanager
def _driver_errors(conn: Connection) -> Iterator[None]:
    """Errors of the driver's own cursor, wrapped as SQLAlchemy wraps the ones it sees."""
    dbapi = conn.dialect.dbapi
    assert dbapi is not None
    try:
        yield
    except dbapi.Error as exc:
        raise DBAPIError.instance(None, None, exc, dbapi.Error, dialect=conn.dialect) from None


def _is_empty(conn: Connection) -> bool:
    return conn.execute(select(_TWEET.c.id).limit(1)).first() is None


def _insert_sqlite(conn: Connection, rows: list[list[Any]]) -> None:
    """executemany on the driver's cursor: SQLite's fastest bulk path. ON CONFLICT DO
    NOTHING is a safety net only: the import lock already keeps writers apart."""
    to_db = _TWEET.c.created_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    sql = (
        f"INSERT INTO tweet ({', '.join(_INSERT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_INSERT_COLUMNS))}) ON CONFLICT DO NOTHING"
    )
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with _driver_errors(conn):
            for batch in _chunks(rows, INSERT_BATCH):
                for row in batch:  # the rows are this import's own: converted in place
                    if to_db is not None and row[4] is not None:
                        row[4] = to_db(row[4])
                cursor.executemany(sql, batch)
    finally:
        cursor.close()


def _copy_into_empty(conn: Connection, rows: list[list[Any]]) -> int | None:
    """COPY straight into the empty table (the import lock held, the dedup done): no
    temporary table, no conflict pass. Should a writer outside the import lock have
    added the same tweet meanwhile, the rows go in the careful way instead (and the
    number added is not known: None)."""
    if not rows:
        return 0
    raw = conn.connection.driver_connection
    with _driver_errors(conn), raw.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute("SAVEPOINT quotes_copy")
        try:
            with _copy_rows(cursor, "tweet") as write_row:
                for row in rows:
                    write_row(row)
        except conn.dialect.dbapi.Error as exc:  # type: ignore[union-attr]
            if getattr(exc, "sqlstate", None) != UNIQUE_VIOLATION:
                raise
            cursor.execute("ROLLBACK TO SAVEPOINT quotes_copy")
        else:
            cursor.execute("RELEASE SAVEPOINT quotes_copy")
            return len(rows)
    _insert_postgres(conn, rows)
    return None


def _insert_postgres(conn: Connection, rows: list[list[Any]]) -> None:
    """COPY into a temporary table, then one INSERT … ON CONFLICT DO NOTHING: COPY is
    PostgreSQL's fastest bulk path, and the conflict clause lets a writer that raced past
    the import lock lose quietly instead of failing the whole import."""
    if not rows:
        return
    columns = ", ".join(_INSERT_COLUMNS)
    raw = conn.connection.driver_connection
    big = len(rows) >= BULK_LOAD_MIN and _fewer_rows_than(conn, len(rows))
    with _driver_errors(conn), raw.cursor() as cursor:  # type: ignore[union-attr]
        aside = _set_aside(cursor, unique=False) if big else None
        cursor.execute(
            "CREATE TEMPORARY TABLE quotes_import_rows "
            f"AS SELECT {columns} FROM tweet WITH NO DATA"
        )
        with _copy_rows(cursor, "quotes_import_rows") as write_row:
            for row in rows:
                write_row(row)
        cursor.execute(
            f"INSERT INTO tweet ({columns}) SELECT {columns} FROM quotes_import_rows "
            "ON CONFLICT DO NOTHING"
        )
        cursor.execute("DROP TABLE quotes_import_rows")
        if aside is not None:
            _restore(cursor, aside.foreign + aside.indexes)


@contextmanager
def _copy_rows(cursor: Any, table: str) -> Iterator[Callable[[Sequence[Any]], None]]:
    """COPY into `table` (tweet, or a table made like it) by rows of the import columns.
    Text format, not binary: binary saves about a second of a million rows' work but lets
    a NUL character through to a server error far less clear than the driver's own."""
    columns = ", ".join(_INSERT_COLUMNS)
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        yield copy.write_row


def _fewer_rows_than(conn: Connection, n: int) -> bool:
    """Does the tweet table hold fewer than n rows? (Counts at most n of them.)"""
    stmt = text("SELECT count(*) FROM (SELECT 1 FROM tweet LIMIT :n) AS existing")
    return int(conn.execute(stmt, {"n": n}).scalar_one()) < n


@dataclass(frozen=True, slots=True)
class _SetAside:
    """Statements that rebuild what a bulk load dropped from the tweet table."""

    unique: list[str]
    foreign: list[str]
    indexes: list[str]


def _set_aside(cursor: Any, *, unique: bool) -> _SetAside:
    """Drop the tweet table's plain indexes (the GIN search index among them) and foreign
    keys, and its unique constraints too when `unique`; return what rebuilds them as the
    catalog defines them now. Checking a foreign key per row and inserting into each index
    per row costs several times what one check and one sorted build cost afterwards."""
    # A unique constraint some foreign key references stays (it could not be dropped).
    cursor.execute(
        "SELECT quote_ident(conname), contype, pg_get_constraintdef(oid) FROM pg_constraint c "
        "WHERE conrelid = 'tweet'::regclass AND (contype = 'f' OR contype = 'u' AND NOT "
        "EXISTS (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' "
        "AND r.confrelid = c.conrelid AND r.conindid = c.conindid)) ORDER BY conname"
    )
    constraints = [(name, kind, f"ALTER TABLE tweet ADD CONSTRAINT {name} {definition}")
                   for name, kind, definition in cursor.fetchall()
                   if kind == "f" or unique]
    # Indexes of no constraint (unique or exclusion ones stay with their constraint).
    cursor.execute(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i "
        "WHERE indrelid = 'tweet'::regclass AND NOT indisunique AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1"
    )
    indexes = cursor.fetchall()
    for name, _, _ in constraints:
        cursor.execute(f"ALTER TABLE tweet DROP CONSTRAINT {name}")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    return _SetAside(
        unique=[sql for _, kind, sql in constraints if kind == "u"],
        foreign=[sql for _, kind, sql in constraints if kind == "f"],
        indexes=[sql for _, sql in indexes],
    )


def _restore(cursor: Any, statements: Sequence[str]) -> None:
    # Index builds sort in memory: far quicker than the default 64 MB's merge passes.
    cursor.execute(f"SET LOCAL maintenance_work_mem = '{BULK_LOAD_MEMORY}'")
    for sql in statements:
        cursor.execute(sql)
