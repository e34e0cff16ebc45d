"""The archive of canonical tweets: sqlmodel tables and the `Archive` API over them.

Any SQLAlchemy URL works; SQLite is the default. Every database failure becomes a
one-line `StoreError` naming the URL (password hidden).
"""

# No `from __future__ import annotations` here: sqlmodel builds the table columns from
# the real annotation objects, and postponed (string) annotations confuse it.

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Self

from sqlalchemy import JSON, Column, DateTime, UniqueConstraint, event, func
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, col, create_engine, select

from quotes.config import as_db_url
from quotes.errors import InputError, StoreError
from quotes.models import TweetRecord
from quotes.normalize import alias_key, text_key

# Bound parameters per IN (...) query: far below SQLite's limit (999 in old builds), and
# it keeps memory flat however large the archive grows.
CHUNK = 500

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
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_STATUS_URL = re.compile(r"(?:twitter|x)\.com/(?:[^/]+/status(?:es)?|i/web/status)/(\d+)")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


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
    __table_args__ = (UniqueConstraint("author_id", "text_key"),)

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
    text_key: str = Field(index=True)
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
    vector: bytes  # float32, little-endian


# Only this module's tables: other modules may register theirs in the shared metadata.
_TABLES = [
    SQLModel.metadata.tables[n]
    for n in (
        "author", "author_alias", "import_run", "tweet", "translation_cache", "tweet_embedding"
    )
]


def translation_key(model: str, source: str) -> str:
    return hashlib.sha256(f"{model}\0{source}".encode()).hexdigest()


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


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores REFERENCES unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Archive:
    """The tweet archive behind one database URL. Use `Archive.open(url)`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = safe_url(url)

    @classmethod
    def open(cls, url: str) -> Self:
        """Connect, creating the SQLite file's directory and the tables when missing."""
        url = as_db_url(url)
        shown = safe_url(url)
        try:
            parsed = make_url(url)
            database = parsed.database or ""
            is_file = database not in ("", ":memory:") and not database.startswith("file:")
            if parsed.get_backend_name() == "sqlite" and is_file:
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url)
            if parsed.get_backend_name() == "sqlite":
                event.listen(engine, "connect", _enable_sqlite_foreign_keys)
            SQLModel.metadata.create_all(engine, tables=_TABLES)
        # ImportError: the URL's database driver (e.g. psycopg2) is not installed.
        except (SQLAlchemyError, OSError, ValueError, ImportError) as exc:
            raise StoreError(f"cannot open the archive: {_one_line(exc)}", location=shown) from None
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _session(self, action: str) -> Iterator[Session]:
        """A session whose database errors become StoreError; rolled back unless committed."""
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
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
            key = alias_key(rec.author_handle)
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
        with self._session("cannot add the alias") as session:
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
        mixes formats, `file_formats` (path → format) gives each file's own.
        """
        with self._session("import failed, nothing was imported") as session, session.begin():
            run = ImportRun(
                started_at=_utcnow(), files=list(files), format=fmt, sha256s=list(sha256s),
                skipped=skipped_retweets,
            )
            session.add(run)
            session.flush()  # the run's id goes into every tweet it adds
            authors = self._ensure_authors(session, records)
            batch = _Batch(session, records, authors)
            for rec in records:
                path = rec.location.rpartition(":")[0]
                rec_fmt = (file_formats or {}).get(path, fmt)
                batch.add(rec, authors[alias_key(rec.author_handle)], rec_fmt, run)
            run.added, run.updated, run.duplicates = batch.added, batch.updated, batch.duplicates
            session.flush()
            assert run.id is not None  # flushed: the database assigned it
            return ImportResult(
                added=batch.added, updated=batch.updated, duplicates=batch.duplicates,
                skipped_retweets=skipped_retweets, import_id=run.id,
            )

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
        with self._session("cannot write the translation cache") as session:
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
        found: dict[int, bytes] = {}
        with self._session("cannot read the embeddings") as session:
            for chunk in _chunks(list(tweet_ids)):
                stmt = select(TweetEmbedding).where(
                    TweetEmbedding.model == model, col(TweetEmbedding.tweet_id).in_(chunk)
                )
                for row in session.exec(stmt):
                    found[row.tweet_id] = row.vector
        return found

    def store_tweet_embeddings(self, model: str, vectors: Mapping[int, bytes]) -> None:
        with self._session("cannot write the embeddings") as session:
            for tweet_id, vector in vectors.items():
                session.merge(TweetEmbedding(tweet_id=tweet_id, model=model, vector=vector))
            session.commit()

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


class _Batch:
    """Dedup state of one import: the stored tweets its records could collide with."""

    def __init__(
        self, session: Session, records: Sequence[TweetRecord], authors: dict[str, Author]
    ) -> None:
        self.session = session
        self.added = self.updated = self.duplicates = 0
        self.by_platform_id: dict[str, Tweet] = {}
        self.by_text: dict[tuple[int | None, str], Tweet] = {}
        self.new: set[int] = set()  # id() of tweets created by this batch
        # Only the rows these records could match are loaded, a chunk at a time.
        platform_ids = sorted({r.platform_id for r in records if r.platform_id})
        for chunk in _chunks(platform_ids):
            stmt = select(Tweet).where(col(Tweet.platform_id).in_(chunk))
            for tweet in session.exec(stmt):
                self._remember(tweet)
        keys: dict[int | None, set[str]] = defaultdict(set)
        for rec in records:
            keys[authors[alias_key(rec.author_handle)].id].add(text_key(rec.text))
        for author_id, text_keys in keys.items():
            for chunk in _chunks(sorted(text_keys)):
                stmt = select(Tweet).where(
                    Tweet.author_id == author_id, col(Tweet.text_key).in_(chunk)
                )
                for tweet in session.exec(stmt):
                    self._remember(tweet)

    def _remember(self, tweet: Tweet) -> None:
        if tweet.platform_id:
            self.by_platform_id[tweet.platform_id] = tweet
        self.by_text[(tweet.author_id, tweet.text_key)] = tweet

    def add(self, rec: TweetRecord, author: Author, fmt: str, run: ImportRun) -> None:
        key = text_key(rec.text)
        found = self.by_platform_id.get(rec.platform_id) if rec.platform_id else None
        if found is None:
            found = self.by_text.get((author.id, key))
        if found is None:
            tweet = Tweet(
                platform_id=rec.platform_id, author_id=author.id, author_handle=author.handle,
                display_name=rec.author_name or author.name,
                created_at=_naive_utc(rec.created_at), created_precision=rec.created_precision,
                text=rec.text, text_key=key, url=rec.url, source=rec.source,
                import_id=run.id, provenance=f"{fmt}:{rec.location}",
            )
            self.session.add(tweet)
            self._remember(tweet)
            self.new.add(id(tweet))
            self.added += 1
            return
        if rec.platform_id and found.platform_id is None:
            # The same post, now seen with its id (e.g. from an account archive).
            found.platform_id = rec.platform_id
            if found.url is None:
                found.url = rec.url
            if rec.created_at and (found.created_at is None or found.created_precision == "day"):
                found.created_at = _naive_utc(rec.created_at)
                found.created_precision = rec.created_precision
            self._remember(found)
            if id(found) not in self.new:
                self.updated += 1
                return
        self.duplicates += 1
