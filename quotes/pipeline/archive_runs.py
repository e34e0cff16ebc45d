"""Runs that fill the archive: import files of canonical tweets, add tweets by URL.

Every file is parsed before the database is touched, and everything is stored in one
transaction, so one bad record anywhere leaves the archive as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quotes.errors import InputError
from quotes.formats import read_archive_file
from quotes.formats._fields import account_kind, check_handle
from quotes.models import ACCOUNT_KINDS, StoredTweet
from quotes.pipeline.inputs import ClientFactory
from quotes.pipeline.store_embed import Progress, StoreEmbedding, embed_stored
from quotes.sources_web import TweetFetch, fetch_tweet_evidence, parse_tweet_url
from quotes.store import Archive, ImportResult
from quotes.store.conflicts import check_within, conflict_policy

WEB_FORMAT = "web"  # the import run's format and each tweet's provenance prefix


@dataclass(frozen=True, slots=True)
class ImportRun:
    result: ImportResult
    files: tuple[str, ...]
    records: int  # tweets read from the files
    conflicts: dict[str, int] = field(default_factory=dict)  # "kept"/"replaced" → how many
    embedding: StoreEmbedding = field(default_factory=StoreEmbedding)


def import_files(
    files: Sequence[Path], *, db_url: str, fmt: str = "auto", author: str | None = None,
    on_conflict: str | None = None, embed: bool | None = None, progress: Progress | None = None,
) -> ImportRun:
    """Import archive files (JSONL, an account archive's tweets.js, API v2 JSON). A known
    id with another text fails the import unless `on_conflict` is keep or replace. Once
    stored (and committed), the tweets are embedded as `embed_stored` decides by `embed`."""
    policy = conflict_policy(on_conflict)
    parsed = [read_archive_file(path, fmt, author) for path in files]
    records = [record for p in parsed for record in p.records]
    check_within(records, policy)
    with Archive.open(db_url) as archive:
        result = archive.import_records(
            records,
            files=[p.path for p in parsed],
            fmt="+".join(sorted({p.format for p in parsed})),
            sha256s=[p.sha256 for p in parsed],
            skipped_retweets=sum(p.skipped_retweets for p in parsed),
            file_formats={p.path: p.format for p in parsed},
            on_conflict=policy,
        )
        embedding = embed_stored(archive, embed, progress)
    settled = {"keep": "kept", "replace": "replaced"}.get(policy)
    conflicts = {settled: result.conflicts} if settled and result.conflicts else {}
    return ImportRun(result, tuple(p.path for p in parsed), len(records), conflicts, embedding)


@dataclass(frozen=True, slots=True)
class AddRun:
    fetched: tuple[TweetFetch, ...]
    failed: int  # URLs that gave nothing trustworthy (each reported through on_error)
    result: ImportResult | None  # None when nothing was fetched
    embedding: StoreEmbedding = field(default_factory=StoreEmbedding)


def add_tweets(
    urls: Sequence[str],
    *,
    db_url: str,
    client_factory: ClientFactory,
    oembed_base: str,
    wayback_base: str,
    on_error: Callable[[InputError], None],
    on_fetched: Callable[[str, TweetFetch], None],
    embed: bool | None = None,
    progress: Progress | None = None,
) -> AddRun:
    """Fetch tweets by URL (oEmbed, else the Wayback Machine's latest snapshot) and store
    the ones that yielded trustworthy text together, each with where it was read."""
    failed = 0
    wanted: dict[str, str] = {}  # tweet id → first URL naming it: fetched once
    for url in urls:
        try:
            _, tweet_id = parse_tweet_url(url)
        except InputError as exc:
            failed += 1
            on_error(exc)
            continue
        wanted.setdefault(tweet_id, url)
    fetched: list[TweetFetch] = []
    if wanted:
        with client_factory() as client:
            for url in wanted.values():
                try:
                    tweet = fetch_tweet_evidence(
                        url, client, oembed_base=oembed_base, wayback_base=wayback_base
                    )
                except InputError as exc:
                    failed += 1
                    on_error(exc)
                    continue
                fetched.append(tweet)
                on_fetched(url, tweet)
    if not fetched:
        return AddRun((), failed, None)
    with Archive.open(db_url) as archive:
        result = archive.import_records(
            [t.record for t in fetched],
            files=[t.record.location for t in fetched],
            fmt=WEB_FORMAT,
            sha256s=[t.sha256 for t in fetched],
        )
        embedding = embed_stored(archive, embed, progress)
    return AddRun(tuple(fetched), failed, result, embedding)


def list_tweets(*, db_url: str, author: str | None, limit: int | None) -> list[StoredTweet]:
    """The archive's tweets in import order, or one author's (a handle or a name)."""
    with Archive.open(db_url, create=False) as archive:
        if author is not None and archive.resolve_author(author) is None:
            raise InputError(f"no author {author!r} in the archive (or the name is ambiguous)")
        return archive.tweets(author=author, limit=limit)


def fetched_line(url: str, tweet: TweetFetch) -> str:
    """What one URL of `archive add` gave: whose tweet, read which way."""
    record = tweet.record
    line = f"{url}: @{record.author_handle} via {tweet.method}"
    handle, _ = parse_tweet_url(url)
    if handle.lower() != record.author_handle.lower():
        # x.com/anyone/status/ID shows the tweet whoever wrote it: the URL's name is no proof.
        line += f" (the URL says @{handle}; the tweet is by @{record.author_handle})"
    return line


def set_account(handle: str, kind: str, *, db_url: str) -> str:
    """Mark an archive author as a person's official account, a parody or an impostor
    (or unknown again); one line saying what changed."""
    wanted = account_kind(kind)
    if wanted is None:
        raise InputError(f"not an account kind: {kind!r} (want {'|'.join(ACCOUNT_KINDS)})")
    handle = check_handle(handle, "HANDLE")
    with Archive.open(db_url, create=False) as archive:
        before = archive.set_account(handle, wanted)
    if before == wanted:
        return f"@{handle} was already marked {wanted}"
    return f"@{handle}: {before} → {wanted}"
