"""Reading the archive's tweets, handed out as `quotes.models.StoredTweet`s: in import
order, by id, by platform id or URL, those an embedding model lacks, and counts."""

import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlalchemy.engine import Connection
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from quotes.models import AuthorSpan, StoredTweet
from quotes.normalize import alias_key
from quotes.store.authors import AuthorDirectory
from quotes.store.batches import _chunks
from quotes.store.engine import Database
from quotes.store.tables import Author, Tweet, TweetEmbedding

_STATUS_URL = re.compile(r"(?:twitter|x)\.com/(?:[^/]+/status(?:es)?|i/web/status)/(\d+)")


def _stored(tweet: Tweet) -> StoredTweet:
    assert tweet.id is not None
    return StoredTweet(
        id=tweet.id,
        platform_id=tweet.platform_id,
        author_id=tweet.author_id,
        author_handle=tweet.author_handle,
        display_name=tweet.display_name,
        created_at=tweet.created_at,
        created_precision=tweet.created_precision,
        text=tweet.text,
        text_key=tweet.text_key,
        text_hash=tweet.text_hash,
        url=tweet.url,
        source=tweet.source,
        import_id=tweet.import_id,
        provenance=tweet.provenance,
    )


def latest_ids(conn: Connection, author_ids: Sequence[int], n: int, exclude: set[int]
               ) -> list[int]:
    """The ids of these authors' n newest tweets, those in `exclude` left out."""
    stmt = (
        select(Tweet.id)
        .where(col(Tweet.author_id).in_(author_ids))
        .order_by(col(Tweet.id).desc())
        .limit(n + len(exclude))
    )
    return [i for (i,) in conn.execute(stmt) if i not in exclude][:n]


class TweetReader:
    """The tweets of one archive."""

    def __init__(self, db: Database, authors: AuthorDirectory) -> None:
        self.db = db
        self.authors = authors

    def _all(self, stmt: SelectOfScalar[Tweet], action: str) -> list[StoredTweet]:
        with self.db.session(action) as session:
            return [_stored(t) for t in session.exec(stmt).all()]

    def tweets(
        self, author: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[StoredTweet]:
        """Tweets in import order; `author` is a handle or any name `resolve_author` knows."""
        stmt = select(Tweet).order_by(col(Tweet.id)).offset(offset).limit(limit)
        if author is not None:
            handle = self.authors.resolve(author)
            if handle is None:
                return []
            stmt = stmt.join(Author, col(Tweet.author_id) == col(Author.id)).where(
                Author.handle == handle
            )
        return self._all(stmt, "cannot read the tweets")

    def iter_tweets(self, batch: int = 1000) -> Iterator[StoredTweet]:
        """Every tweet, read in batches by id so memory stays flat on a large archive."""
        last = 0
        while True:
            stmt = select(Tweet).where(col(Tweet.id) > last).order_by(col(Tweet.id)).limit(batch)
            rows = self._all(stmt, "cannot read the tweets")
            if not rows:
                return
            yield from rows
            last = rows[-1].id or last

    def by_ids(self, ids: Sequence[int]) -> list[StoredTweet]:
        """The tweets with these archive ids, in the order given (unknown ids left out)."""
        found: dict[int, StoredTweet] = {}
        with self.db.session("cannot read the tweets") as session:
            for chunk in _chunks(sorted(set(ids))):
                for tweet in session.exec(select(Tweet).where(col(Tweet.id).in_(chunk))):
                    stored = _stored(tweet)
                    found[stored.id] = stored
        return [found[i] for i in dict.fromkeys(ids) if i in found]

    def without_embedding(self, model: str, batch: int = 256) -> Iterator[list[StoredTweet]]:
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
            rows = self._all(stmt, "cannot read the tweets")
            if not rows:
                return
            yield rows
            last = rows[-1].id or last

    def get(self, key: str) -> StoredTweet | None:
        """A tweet by platform id, tweet URL (twitter.com or x.com) or internal id."""
        key = key.strip()
        match = _STATUS_URL.search(key)
        platform_id = match.group(1) if match else key
        with self.db.session("cannot read the tweet") as session:
            tweet = session.exec(select(Tweet).where(Tweet.platform_id == platform_id)).first()
            if tweet is None and match is None and key.isdigit():
                tweet = session.get(Tweet, int(key))
            if tweet is None and match is not None:
                tweet = session.exec(select(Tweet).where(Tweet.url == key)).first()
            return None if tweet is None else _stored(tweet)

    def count(self) -> int:
        with self.db.session("cannot count the tweets") as session:
            return session.exec(select(func.count()).select_from(Tweet)).one()

    def posted_near(self, handle: str, when: datetime, within: timedelta, limit: int = 200
                    ) -> list[StoredTweet]:
        """`handle`'s tweets posted within `within` of `when`, in import order."""
        stmt = (
            select(Tweet)
            .join(Author, col(Tweet.author_id) == col(Author.id))
            .where(Author.handle_key == alias_key(handle))
            .where(col(Tweet.created_at) >= when - within, col(Tweet.created_at) <= when + within)
            .order_by(col(Tweet.id))
            .limit(limit)
        )
        return self._all(stmt, "cannot read the tweets")

    def span(self, handle: str, until: datetime | None = None) -> AuthorSpan:
        """How many tweets `handle` has in the archive and their first and last dates
        (only those posted by `until`, when given; undated ones count then too)."""
        stmt = (
            select(func.count(col(Tweet.id)), func.min(Tweet.created_at),
                   func.max(Tweet.created_at))
            .join(Author, col(Tweet.author_id) == col(Author.id))
            .where(Author.handle_key == alias_key(handle))
        )
        if until is not None:
            stmt = stmt.where((col(Tweet.created_at) <= until) | col(Tweet.created_at).is_(None))
        with self.db.reading("cannot count the tweets") as conn:
            count, first, last = conn.execute(stmt).one()
        return AuthorSpan(handle, int(count), first, last, until)

    def count_by_author(self) -> dict[str, int]:
        """Handle → number of tweets."""
        stmt = (
            select(Author.handle, func.count(col(Tweet.id)))
            .join(Tweet, col(Tweet.author_id) == col(Author.id))
            .group_by(Author.handle)
        )
        with self.db.reading("cannot count the tweets") as conn:
            return {handle: n for handle, n in conn.execute(stmt)}
