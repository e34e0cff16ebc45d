"""`Archive`, the one entry to the tweet archive: a thin facade over the store's parts
(authors, tweets, full-text and vector search, caches, imports) sharing one database.

SQLite (the default, a file) and PostgreSQL (`postgresql+psycopg://…`, a shared server)
behave the same. Scale: imports are bulk inserts in one transaction; retrieval
(`candidates`, `nearest`) reads indexes or streams chunks, so nothing here loads the
whole archive into memory.
"""

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Self

import numpy as np
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from quotes.config import as_db_url
from quotes.models import Account, AccountKind, AuthorSpan, StoredAuthor, StoredTweet, TweetRecord
from quotes.store import bulk
from quotes.store.authors import AuthorDirectory, author_ids
from quotes.store.cache import TranslationStore
from quotes.store.conflicts import ConflictPolicy, SettledImport
from quotes.store.engine import Database, _is_sqlite, with_driver
from quotes.store.schema import open_engine
from quotes.store.search import SPEAKER_POSTINGS_BUDGET, TextSearch, choose_terms, query_terms
from quotes.store.search_postgres import PostgresSearch
from quotes.store.search_sqlite import SqliteSearch
from quotes.store.tweets import TweetReader, latest_ids
from quotes.store.vectors import IvfVectorSearch, VectorIndexInfo, VectorSearch

# After an import adding this many tweets, PostgreSQL's statistics are refreshed: the
# retrieval reads word frequencies from them.
ANALYZE_AFTER = 10_000


def _text_search(engine: Engine) -> TextSearch:
    return SqliteSearch() if _is_sqlite(engine) else PostgresSearch()


# How far apart the posts of one thread may be dated (an archive may hold dates only).
THREAD_WINDOW = timedelta(days=1)


class Archive:
    """The tweet archive behind one database URL. Use `Archive.open(url)`."""

    def __init__(self, engine: Engine, url: str, *, read_only: bool = False) -> None:
        self.engine = engine
        self.read_only = read_only
        # Derived data (embeddings, translations) a read-only archive could not keep.
        self.unstored: dict[str, int] = {"tweet embeddings": 0, "translations": 0}
        self._kept_vectors: dict[str, dict[int, bytes]] = {}  # model → tweet id → vectors
        self._kept_translations: dict[str, dict[str, str]] = {}  # model → source → text
        self._db = Database(engine, url)
        self.url = self._db.url
        self._search = _text_search(engine)
        self._authors = AuthorDirectory(self._db)
        self._tweets = TweetReader(self._db, self._authors)
        self._vectors: VectorSearch = IvfVectorSearch(self._db)
        self._translations = TranslationStore(self._db)

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> Self:
        """Connect; a new database is created at the newest schema (a SQLite file's
        directory too) when `create`, else a missing file is refused: commands that only
        read never make an empty archive. An older schema is refused: `quotes db upgrade`
        brings it up. A SQLite file this process cannot write opens read-only: derived
        data it cannot store is counted in `unstored`, and stays in memory."""
        engine, read_only = open_engine(url, create=create)
        return cls(engine, with_driver(as_db_url(url)), read_only=read_only)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- authors -------------------------------------------------------------------

    def add_alias(self, handle: str, alias: str) -> bool:
        """Let `alias` name the author `handle` too; False when it already did."""
        return self._authors.add_alias(handle, alias)

    def resolve_author(self, name: str) -> str | None:
        """The handle `name` refers to, or None when it names nobody or several people."""
        return self._authors.resolve(name)

    def fitting_authors(self, name: str) -> tuple[str, ...]:
        """The handles of every author `name` may refer to (several where it is ambiguous,
        as a surname alone often is)."""
        return self._authors.fitting(name)

    def author(self, handle: str) -> StoredAuthor | None:
        """The author with this handle (case ignored)."""
        return self._authors.author(handle)

    def set_account(self, handle: str, kind: AccountKind) -> AccountKind:
        """Mark `handle` as an official, parody or impostor account (or unknown); the
        kind it had before."""
        return self._authors.set_account(handle, kind)

    def accounts(self, handles: Sequence[str]) -> dict[str, Account]:
        """alias_key(handle) → `Account` for the authors with these handles."""
        return self._authors.accounts(handles)

    def official_accounts(self) -> list[Account]:
        """Every author marked as a person's official account."""
        return list(self._authors.accounts(kind="official").values())

    def author_span(self, handle: str, until: datetime | None = None) -> AuthorSpan:
        """How many tweets `handle` has here, from when to when (posted by `until`)."""
        return self._tweets.span(handle, until)

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
        return self._authors.alias_index()

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
        on_conflict: ConflictPolicy = "fail",
    ) -> SettledImport:
        """Store the records in ONE transaction: all of them or, on any error, none.

        `fmt` is recorded on the import run and in each tweet's provenance; when one import
        mixes formats, `file_formats` (path → format) gives each file's own. Concurrent
        imports queue on a lock and see each other's tweets, so overlapping archives
        imported at once still leave one row per tweet; a transaction that loses a race
        anyway is retried whole. A record giving a known id another text is a conflict:
        the import fails with both texts (`ImportConflict`) unless `on_conflict` is
        "keep" (the first text stays) or "replace" (the record's wins).
        """
        result = bulk.import_records(
            self._db, records, files=files, fmt=fmt, sha256s=sha256s,
            skipped_retweets=skipped_retweets, file_formats=file_formats,
            on_conflict=on_conflict,
        )
        self._after_import(result.added)
        return result

    def _after_import(self, added: int) -> None:
        """Refresh PostgreSQL's statistics after a big import: the retrieval reads word
        frequencies from them (autovacuum would, later)."""
        if added < ANALYZE_AFTER or _is_sqlite(self.engine):
            return
        self._search = PostgresSearch()
        try:
            with self.engine.connect() as conn:
                conn.execute(text("ANALYZE tweet"))
                conn.commit()
        except SQLAlchemyError:
            pass  # only statistics: retrieval works without them, a little slower

    def tweets(
        self, author: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[StoredTweet]:
        """Tweets in import order; `author` is a handle or any name `resolve_author` knows."""
        return self._tweets.tweets(author, limit, offset)

    def iter_tweets(self, batch: int = 1000) -> Iterator[StoredTweet]:
        """Every tweet, read in batches by id so memory stays flat on a large archive."""
        return self._tweets.iter_tweets(batch)

    def tweets_by_ids(self, ids: Sequence[int]) -> list[StoredTweet]:
        """The tweets with these archive ids, in the order given (unknown ids left out)."""
        return self._tweets.by_ids(ids)

    def get_tweet(self, key: str) -> StoredTweet | None:
        """A tweet by platform id, tweet URL (twitter.com or x.com) or internal id."""
        return self._tweets.get(key)

    def posted_near(self, handle: str, when: datetime, within: timedelta = THREAD_WINDOW
                    ) -> list[StoredTweet]:
        """`handle`'s tweets posted within `within` of `when` (a thread's other posts)."""
        return self._tweets.posted_near(handle, when, within)

    def count(self) -> int:
        return self._tweets.count()

    def count_by_author(self) -> dict[str, int]:
        """Handle → number of tweets."""
        return self._tweets.count_by_author()

    # --- retrieval -----------------------------------------------------------------

    def candidates(
        self, text: str, *, authors: Sequence[str] = (), limit: int = 50
    ) -> list[StoredTweet]:
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
        with self._db.reading("cannot search the archive") as conn:
            doc_freqs = self._search.doc_freqs(conn, terms)
            found = self._search.ranked(conn, choose_terms(terms, doc_freqs), limit)
            speaker_ids = author_ids(conn, authors) if authors else []
            own: list[int] = []
            if speaker_ids:
                wider = choose_terms(terms, doc_freqs, SPEAKER_POSTINGS_BUDGET)
                own = self._search.ranked(conn, wider, limit, speaker_ids)
                if len(own) < limit:
                    own += latest_ids(conn, speaker_ids, limit - len(own), exclude=set(own))
        return list(dict.fromkeys([*found, *own]))

    # --- caches of derived data ------------------------------------------------------

    def cached_translations(self, model: str, sources: Sequence[str]) -> dict[str, str]:
        """source text → translation already made by `model` (name@revision)."""
        kept = self._kept_translations.get(model, {})
        return self._translations.cached(model, sources) | {
            s: kept[s] for s in sources if s in kept
        }

    def store_translations(self, model: str, translations: Mapping[str, str]) -> None:
        if self.read_only:
            self._kept_translations.setdefault(model, {}).update(translations)
            self.unstored["translations"] += len(translations)
            return
        self._translations.store(model, translations)

    def tweet_embeddings(self, model: str, tweet_ids: Sequence[int]) -> dict[int, bytes]:
        kept = self._kept_vectors.get(model, {})
        return self._vectors.stored(model, tweet_ids) | {
            i: kept[i] for i in tweet_ids if i in kept
        }

    def store_tweet_embeddings(self, model: str, vectors: Mapping[int, bytes]) -> None:
        """Store (or replace) vectors: float32 bytes of an (n_segments × dim) matrix.
        A read-only archive keeps them in memory, for as long as it is open."""
        if self.read_only:
            self._kept_vectors.setdefault(model, {}).update(vectors)
            self.unstored["tweet embeddings"] += len(vectors)
            return
        self._vectors.store(model, vectors)

    def tweets_without_embedding(
        self, model: str, batch: int = 256
    ) -> Iterator[list[StoredTweet]]:
        """Batches of tweets `model` has no vectors for yet, in id order: each batch is
        read when the previous one was handled, so a job that stores as it goes resumes
        where it stopped."""
        return self._tweets.without_embedding(model, batch)

    def embedding_counts(self) -> dict[str, int]:
        """Embedding model → how many tweets have its vectors."""
        return self._vectors.counts()

    # --- vector retrieval and its index ----------------------------------------------

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
        return self._vectors.nearest_many(vectors, limit, model=model, probes=probes)

    def vector_index(self, model: str) -> VectorIndexInfo | None:
        """How `model`'s IVF index is built, or None when it has none."""
        return self._vectors.info(model)

    def refresh_vector_index(self, model: str, dim: int) -> VectorIndexInfo | None:
        """Build `model`'s index when its vectors have become many enough to need one,
        rebuild it when they have outgrown the cells it was sized for; else leave it."""
        return self._vectors.refresh(model, dim)

    def build_vector_index(
        self, model: str, dim: int, *, lists: int | None = None, probes: int | None = None,
        seed: int = 0,
    ) -> VectorIndexInfo | None:
        """(Re)build `model`'s IVF index from its stored vectors, in one transaction:
        k-means on a random sample, then every tweet's segment vectors filed under their
        cells. None when the model has no vectors of width `dim`. Memory: the training
        sample and one chunk of vectors."""
        return self._vectors.build(model, dim, lists=lists, probes=probes, seed=seed)
