"""A Twitter/X account archive: `data/tweets.js`, with the author in `data/account.js`.

Both files are JavaScript assignments of a JSON array, e.g.
`window.YTD.tweets.part0 = [ {"tweet": {...}}, ... ]`.
"""

from __future__ import annotations

import re
from pathlib import Path

from quotes.formats._fields import Fields, check_handle, platform_tweet
from quotes.formats._links import expand_links
from quotes.formats._source import SourceText, read_source
from quotes.models import TweetRecord
from quotes.normalize import alias_key

YTD_PREFIX = "window.YTD."
SOURCE = "Twitter account archive (data/tweets.js)"
# An archive's files all look alike (`window.YTD.<name>.partN = [...]`): likes, direct
# messages, followers… Only the tweets are tweets ("tweet" in archives before 2020).
TWEETS = ("tweets", "tweet")
ACCOUNT = ("account",)
_WRAPPER = re.compile(r"window\.YTD\.([A-Za-z0-9_-]+)\.part\d+")


def _array_start(src: SourceText, names: tuple[str, ...] = TWEETS) -> int:
    """Offset of the `[` after `window.YTD.<name>.partN =`, `name` being one of `names`."""
    start = src.skip_ws(0)
    equals = src.text.find("=", start)
    if not src.text.startswith(YTD_PREFIX, start) or equals < 0:
        raise src.error("expected 'window.YTD.<name>.part0 = [' at the start", start)
    wrapper = _WRAPPER.match(src.text, start, equals)
    if wrapper is None or wrapper[1] not in names:
        found = " ".join(src.text[start:min(equals, start + 60)].split())
        raise src.error(f"not {names[0]}: the file is {found!r} (an archive's {names[0]}.js "
                        f"starts 'window.YTD.{names[0]}.part0 = [')", start)
    bracket = src.skip_ws(equals + 1)
    if src.text[bracket : bracket + 1] != "[":
        raise src.error("expected a JSON array after '='", bracket)
    return bracket


def _read_account(path: Path) -> tuple[str, str | None]:
    """(username, display name) from an archive's account.js."""
    src = read_source(path)
    for _, offset, value in src.items(_array_start(src, ACCOUNT)):
        rec = Fields(src.location(offset), value, what="account entry")
        account = rec.nested("account") or rec
        return account.handle("username"), account.text("accountDisplayName")
    raise src.error("no account in account.js", 0)


def _author(src: SourceText, author: str | None) -> tuple[str, str | None]:
    """The archive's owner: --author wins; account.js supplies the display name."""
    account_js = Path(src.name).with_name("account.js")
    account = _read_account(account_js) if account_js.is_file() else None
    if author:
        handle = check_handle(author, "--author")
        if account is not None and alias_key(account[0]) == alias_key(handle):
            return handle, account[1]
        return handle, None  # account.js describes someone else: its name is not theirs
    if account is None:
        raise src.error(
            "the author is not in tweets.js and there is no account.js beside it; "
            "pass --author HANDLE",
            line=1,
        )
    return account


def read_twitter_archive(
    src: SourceText, author: str | None = None
) -> tuple[list[TweetRecord], int]:
    handle, name = _author(src, author)
    records: list[TweetRecord] = []
    retweets = 0
    for _, offset, value in src.items(_array_start(src)):
        rec = Fields(src.location(offset), value, what="tweet entry")
        tweet = rec.nested("tweet") or rec  # very old archives have no {"tweet": ...} wrapper
        raw = tweet.text("full_text")
        if raw is None:
            raw = tweet.text("text")  # very old archives call it "text"
        if raw is None:
            raise tweet.error('missing field "full_text"')
        if raw.startswith("RT @"):
            retweets += 1  # the words are someone else's: never attribute them to the owner
            continue
        tweet_id = tweet.ident("id_str") or tweet.ident("id")
        if tweet_id is None:
            raise tweet.error('missing field "id_str"')
        created_at, precision = tweet.twitter_date("created_at")
        entities = tweet.nested("entities")
        urls = [
            (u.required("url"), u.required("expanded_url"))
            for u in (entities.objects("urls") if entities else [])
        ]
        media = [
            m.required("url")
            for group in (entities, tweet.nested("extended_entities"))
            if group is not None
            for m in group.objects("media")
        ]
        text = expand_links(raw, urls, media)
        if not text.strip():
            continue  # a photo or video alone: no words anyone could quote
        records.append(
            platform_tweet(
                handle, name, text, rec.location, tweet_id, created_at, precision, SOURCE
            )
        )
    return records, retweets
