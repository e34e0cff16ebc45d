"""Twitter/X API v2 responses: `{"data": [...], "includes": {"users": [...]}}`.

A file holds one response (any layout) or several, e.g. one page per line as written by
paginating tools. Authors come from `includes.users` by `author_id`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quotes.formats._fields import Fields, check_handle, platform_tweet
from quotes.formats._links import expand_links
from quotes.formats._source import SourceText
from quotes.models import TweetRecord

SOURCE = "Twitter API v2"


def _pages(src: SourceText) -> Iterator[tuple[int, Any]]:
    """Each top-level JSON value with its offset: one response, or one per line."""
    pos = src.skip_ws(0)
    while pos < len(src.text):
        value, end = src.decode(pos)
        yield pos, value
        pos = src.skip_ws(end)


def _tweets(src: SourceText, page_offset: int) -> Iterator[tuple[int, Any]]:
    """The page's "data" tweets with their offsets ("data" is one object for a lookup)."""
    for key, offset, value in src.items(page_offset):
        if key != "data" or value is None:
            continue
        if isinstance(value, dict):
            yield offset, value
        elif isinstance(value, list):
            for _, item_offset, item in src.items(offset):
                yield item_offset, item
        else:
            raise src.error('"data" must be an array or an object', offset)
        return


def _users(page: Fields) -> dict[str, tuple[str, str | None]]:
    includes = page.nested("includes")
    users = includes.objects("users") if includes else []
    return {u.required("id"): (u.handle("username"), u.text("name")) for u in users}


def _links(fields: Fields | None) -> tuple[list[tuple[str, str]], list[str]]:
    """(t.co → expanded URL, t.co links of attached media) from an "entities" object."""
    urls: list[tuple[str, str]] = []
    media: list[str] = []
    for u in fields.objects("urls") if fields else []:
        if "media_key" in u.data:  # the link Twitter appends for an attached photo or video
            media.append(u.required("url"))
        elif u.text("expanded_url"):
            urls.append((u.required("url"), u.required("expanded_url")))
    return urls, media


def _is_retweet(tweet: Fields, text: str) -> bool:
    refs = tweet.objects("referenced_tweets")
    return text.startswith("RT @") or any(r.text("type") == "retweeted" for r in refs)


def read_api_v2(src: SourceText, author: str | None = None) -> tuple[list[TweetRecord], int]:
    """Records of API v2 responses; `author` is used for tweets whose user is not included."""
    records: list[TweetRecord] = []
    retweets = 0
    for page_offset, value in _pages(src):
        page = Fields(src.location(page_offset), value, what="API response")
        users = _users(page)
        for offset, item in _tweets(src, page_offset):
            tweet = Fields(src.location(offset), item, what="tweet")
            text = tweet.required("text")
            if _is_retweet(tweet, text):
                retweets += 1  # the words are someone else's
                continue
            tweet_id = tweet.ident("id")
            if tweet_id is None:
                raise tweet.error('missing field "id"')
            author_id = tweet.text("author_id")
            handle, name = users.get(author_id or "", (author, None))
            if not handle:
                raise tweet.error(
                    f"author_id {author_id!r} is not in includes.users; pass --author HANDLE"
                )
            entities = tweet.nested("entities")
            note = tweet.nested("note_tweet")
            if note is not None:  # a long post: "text" holds only its first 280 characters
                text = note.required("text")
                entities = note.nested("entities") or entities
            urls, media = _links(entities)
            text = expand_links(text, urls, media)
            if not text.strip():
                continue  # a photo or video alone: no words anyone could quote
            created_at, precision = tweet.iso_date("created_at")
            handle = check_handle(handle, tweet.location if author_id in users else "--author")
            records.append(
                platform_tweet(
                    handle, name, text, tweet.location, tweet_id, created_at, precision, SOURCE
                )
            )
    return records, retweets
