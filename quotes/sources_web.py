"""Inputs fetched by URL: canonical tweets (oEmbed, else the Wayback Machine) and articles.

Everything goes through `quotes.net.WebClient`, so the SSRF guard, timeouts and size
limits apply to every request, redirects included. A tweet's `source` says which path
its text came from and when, because a fact-checker must be able to say where the
"canonical" text was read; when neither path yields a trustworthy text, nothing is
returned and the error says why each path failed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from quotes.config import OEMBED_BASE, WAYBACK_BASE
from quotes.errors import InputError
from quotes.models import Document, TweetRecord
from quotes.net import Fetched, FetchError, WebClient
from quotes.sources import is_url, url_date

TWEET_HOSTS = frozenset(
    f"{prefix}{domain}"
    for prefix in ("", "www.", "mobile.")
    for domain in ("twitter.com", "x.com")
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})  # "" = undeclared

# Handles are at most 15 characters today, but the platform, not this pattern, decides
# what exists: longer ones (old accounts, fixtures' fictional ones) are let through.
_H = r"(?P<handle>[A-Za-z0-9_]{1,50})"
_STATUS_PATH = re.compile(r"/" + _H + r"/status(?:es)?/(?P<id>\d{1,20})(?:/[^?#]*)?")
_HANDLE_PATH = re.compile(r"/?@?" + _H + r"/?")
_AUTHOR_LINE = re.compile(r"\(@" + _H + r"\)")
_DAY = re.compile(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})")
_MONTHS = {
    name: number
    for number, full in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"),
        1,
    )
    for name in (full, full[:3], full[:4])  # "March", "Mar", "Sept"
}
_WAYBACK_PATH = re.compile(r"/web/(?P<ts>\d{1,14})(?:[a-z]{2}_)?/(?P<original>.+)")
_OG_TITLE = re.compile(r"(?P<name>.+?) on (?:Twitter|X)\b")
_MEDIA_LINK = re.compile(r"(?:https?://)?pic\.(?:twitter|x)\.com/", re.IGNORECASE)
# Tweet ids are "snowflakes" since 2010-11-04: the top bits are milliseconds since this.
_SNOWFLAKE_EPOCH_MS = 1288834974657
_FIRST_SNOWFLAKE = 29_700_859_247


@dataclass(frozen=True, slots=True)
class TweetFetch:
    """A tweet read from the web, with what is needed to account for it."""

    record: TweetRecord
    method: str  # "oembed" or "wayback"
    fetched_url: str  # the response the text was read from
    sha256: str  # of that response's body, for the import run


class _Miss(Exception):
    """One path (oEmbed or Wayback) found nothing trustworthy; the message says why."""


# --- tweet URLs --------------------------------------------------------------------------


def parse_tweet_url(url: str) -> tuple[str, str]:
    """(handle, tweet id) of a twitter.com / x.com / mobile.twitter.com status URL.

    A query (`?s=46`), a fragment, a trailing slash or a `/photo/1` tail are ignored; the
    scheme may be left out. Anything else is an InputError naming the URL.
    """
    raw = url.strip()
    parts = urlsplit(raw if "://" in raw else "https://" + raw)
    host = (parts.hostname or "").lower()
    want = "want https://x.com/USER/status/ID or https://twitter.com/USER/status/ID"
    if parts.scheme.lower() not in ("http", "https") or host not in TWEET_HOSTS:
        raise InputError(f"not a tweet URL ({want})", location=raw)
    match = _STATUS_PATH.fullmatch(parts.path)
    if match is None:
        raise InputError(f"not a tweet URL ({want})", location=raw)
    if match["handle"].lower() == "i":  # /i/status/ID and /i/web/status/ID name nobody
        raise InputError(f"the URL does not name the author ({want})", location=raw)
    return match["handle"], match["id"]


def snowflake_time(tweet_id: str) -> datetime | None:
    """When a tweet was posted, read from its id (naive UTC); None for pre-2010 ids."""
    number = int(tweet_id)
    if number < _FIRST_SNOWFLAKE:
        return None
    millis = (number >> 22) + _SNOWFLAKE_EPOCH_MS
    return datetime(1970, 1, 1) + timedelta(milliseconds=millis - millis % 1000)


# --- rendering tweet HTML back into the text the author typed -----------------------------


def _tag(node: Any) -> str:
    # Comments and processing instructions have a function as their tag.
    return node.tag.lower() if isinstance(node.tag, str) else ""


def render_text(element: Any) -> str:
    """The text of a tweet's HTML: entities decoded, <br> as newlines, links as written.

    Mentions and hashtags are links whose text is what the author typed. A t.co link is
    kept as a link: its text when that is a whole URL, else its href (the text may be a
    shortened display form). Attached-media links (pic.twitter.com/…) are not words of the
    post, so they go, with the space before them, as the archive importer does.
    """
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = _tag(child)
            if tag == "br":
                parts.append("\n")
            elif tag == "a":
                text = child.text_content()
                href = child.get("href") or ""
                if _MEDIA_LINK.match(text.strip()):
                    kept = "".join(parts).rstrip()
                    parts[:] = [kept]
                elif "//t.co/" in href and not is_url(text):
                    parts.append(href)
                else:
                    parts.append(text)
            elif tag and tag not in ("script", "style"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts).strip()


def parse_day(text: str) -> datetime | None:
    """"March 15, 2023" (the date line of an embedded tweet) as a naive date-time."""
    match = _DAY.search(text)
    if match is None or match["month"].lower() not in _MONTHS:
        return None
    try:
        return datetime(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Parsed:
    text: str
    handle: str
    author_name: str | None
    created_at: datetime | None
    precision: Literal["second", "day"] | None


def _oembed_html(payload: Any) -> Any:
    """The parsed "html" of an oEmbed answer (an lxml element, untyped)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("html"), str):
        raise _Miss('answer has no "html"')
    try:
        return lxml.html.fragment_fromstring(payload["html"], create_parent="div")
    except (etree.ParserError, ValueError) as exc:
        raise _Miss(f"unparsable html ({exc})") from None


def _oembed_tweet(payload: Any, tweet_id: str) -> tuple[Any, Any, Any]:
    """(blockquote, text paragraph, date link) of the tweet an oEmbed answer embeds;
    `_Miss` unless the date links to `tweet_id` itself."""
    quote = next(iter(_oembed_html(payload).iter("blockquote")), None)
    paragraph = None if quote is None else next(iter(quote.iter("p")), None)
    if quote is None or paragraph is None:
        raise _Miss("no tweet blockquote in the answer")
    # The anchors after the text: the last is the date, linking to the tweet itself.
    trailer = quote.xpath(".//a[not(ancestor::p)]")
    linked = _STATUS_PATH.search(urlsplit(trailer[-1].get("href") or "").path) if trailer else None
    if linked is None or linked["id"] != tweet_id:
        raise _Miss(f"answer is not about tweet {tweet_id}")
    return quote, paragraph, trailer[-1]


def _name_or_none(name: Any) -> str | None:
    return name.strip() if isinstance(name, str) and name.strip() else None


def parse_oembed(payload: Any, tweet_id: str) -> _Parsed:
    """The tweet in a publish.twitter.com oEmbed answer; `_Miss` when it is not there."""
    quote, paragraph, date_link = _oembed_tweet(payload, tweet_id)
    text = render_text(paragraph)
    if not text:
        raise _Miss("empty tweet text in the answer")
    handle = _author_handle(payload.get("author_url"), quote.text_content())
    if handle is None:
        raise _Miss("no author in the answer")
    created = parse_day(date_link.text_content())
    return _Parsed(
        text=text,
        handle=handle,
        author_name=_name_or_none(payload.get("author_name")),
        created_at=created or snowflake_time(tweet_id),
        precision="day" if created else ("second" if snowflake_time(tweet_id) else None),
    )


def _author_handle(author_url: Any, blockquote_text: str) -> str | None:
    # The URL's handle is not evidence: x.com/anyone/status/ID shows the tweet whoever
    # wrote it. The author is what the answer says.
    if isinstance(author_url, str):
        match = _HANDLE_PATH.fullmatch(urlsplit(author_url).path)
        if match:
            return match["handle"]
    found = _AUTHOR_LINE.findall(blockquote_text)
    return found[-1] if found else None


def _snapshot_document(page: Fetched) -> Any:
    """The archived page parsed (an lxml document, untyped)."""
    try:
        parser = lxml.html.HTMLParser(encoding=page.charset) if page.charset else None
        return lxml.html.document_fromstring(page.content, parser=parser)
    except (etree.ParserError, ValueError, LookupError) as exc:
        raise _Miss(f"unparsable snapshot ({exc})") from None


def _snapshot_status(doc: Any, meta: dict[str, str], tweet_id: str) -> re.Match[str] | None:
    """The status URL the page says it is (og:url or its canonical link), if any;
    `_Miss` when that is another tweet."""
    canonical = meta.get("og:url") or next(
        (link.get("href") or "" for link in doc.xpath('//link[@rel="canonical"]')), ""
    )
    found = _STATUS_PATH.search(urlsplit(canonical).path) if canonical else None
    if found and found["id"] != tweet_id:
        raise _Miss(f"snapshot shows tweet {found['id']}, not {tweet_id}")
    return found


def _snapshot_text(doc: Any, meta: dict[str, str], tweet_id: str) -> str:
    """The tweet's text on the page: og:description, else its own container's text."""
    text = _quoted(meta.get("og:description", ""))
    if text is None:
        # Legacy permalink pages also show the tweets replied to, each with its own id:
        # only the text inside this tweet's own container will do.
        nodes = doc.xpath(
            '//*[@data-tweet-id=$id]//*[contains(concat(" ", normalize-space(@class), " "),'
            ' " tweet-text ")]',
            id=tweet_id,
        )
        text = render_text(nodes[0]) if nodes else None
    if not text:
        raise _Miss("no tweet text in the snapshot")
    return text


def parse_archived_tweet(page: Fetched, tweet_id: str, handle: str) -> _Parsed:
    """The tweet on an archived status page (legacy or current Twitter); `_Miss` when the
    page does not show it unambiguously."""
    doc = _snapshot_document(page)
    meta = {
        (m.get("property") or m.get("name") or "").lower(): m.get("content") or ""
        for m in doc.iter("meta")
    }
    found = _snapshot_status(doc, meta, tweet_id)
    text = _snapshot_text(doc, meta, tweet_id)
    title = _OG_TITLE.match(meta.get("og:title", ""))
    return _Parsed(
        text=text,
        handle=found["handle"] if found else handle,
        author_name=title["name"].strip() if title else None,
        created_at=snowflake_time(tweet_id),  # exact to the second, unlike the page's date
        precision="second" if snowflake_time(tweet_id) else None,
    )


def _quoted(description: str) -> str | None:
    # Twitter sets og:description to the tweet text in curly quotes; without them it is
    # a generic blurb (a login wall, an error page) and says nothing about the tweet.
    description = description.strip()
    if len(description) > 2 and description[0] == "“" and description[-1] == "”":
        return description[1:-1].strip() or None
    return None


# --- fetching tweets ----------------------------------------------------------------------


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _why(exc: FetchError) -> str:
    hints = {404: "deleted or protected?", 403: "suspended or protected?", 429: "rate-limited"}
    hint = hints.get(exc.status or 0)
    return f"{exc.reason} ({hint})" if hint and hint not in exc.reason else exc.reason


def raw_snapshot_url(url: str) -> str:
    """The snapshot as archived (`id_`), without the Wayback toolbar and rewritten links."""
    parts = urlsplit(url)
    match = _WAYBACK_PATH.fullmatch(parts.path)
    if match is None:
        return url
    scheme = "https" if parts.hostname == "web.archive.org" else parts.scheme
    path = f"/web/{match['ts']}id_/{match['original']}"
    query = f"?{parts.query}" if parts.query else ""
    return f"{scheme}://{parts.netloc}{path}{query}"


def _snapshot_url(payload: Any, tweet_id: str) -> str:
    snapshots = payload.get("archived_snapshots") if isinstance(payload, dict) else None
    closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
    if not isinstance(closest, dict) or closest.get("available") is not True:
        raise _Miss("no snapshot")
    url, status = closest.get("url"), str(closest.get("status", "200"))
    if not isinstance(url, str) or not status.startswith("2"):
        raise _Miss(f"no usable snapshot (archived with status {status})")
    if tweet_id not in url:
        raise _Miss("snapshot is of another page")
    return url


def _via_oembed(
    client: WebClient, base: str, handle: str, tweet_id: str
) -> tuple[_Parsed, Fetched]:
    params = {
        "url": f"https://twitter.com/{handle}/status/{tweet_id}",
        "omit_script": "true",
        "dnt": "true",
    }
    try:
        payload, fetched = client.get_json(base, params=params)
    except FetchError as exc:
        raise _Miss(_why(exc)) from None
    return parse_oembed(payload, tweet_id), fetched


def _via_wayback(
    client: WebClient, base: str, handle: str, tweet_id: str
) -> tuple[_Parsed, Fetched]:
    try:
        query = {"url": f"twitter.com/{handle}/status/{tweet_id}"}
        payload, _ = client.get_json(base, params=query)
        snapshot = raw_snapshot_url(_snapshot_url(payload, tweet_id))
        page = client.get(snapshot, accept="text/html")
    except FetchError as exc:
        raise _Miss(_why(exc)) from None
    return parse_archived_tweet(page, tweet_id, handle), page


def fetch_tweet_evidence(
    url: str,
    client: WebClient,
    *,
    oembed_base: str = OEMBED_BASE,
    wayback_base: str = WAYBACK_BASE,
    now: Callable[[], datetime] | None = None,
) -> TweetFetch:
    """The tweet at `url`, from oEmbed or else from the Wayback Machine, with the body it
    was read from; an InputError naming `url` and why each path failed otherwise."""
    handle, tweet_id = parse_tweet_url(url)
    misses: list[str] = []
    for method, path, base in (
        ("oembed", _via_oembed, oembed_base),
        ("wayback", _via_wayback, wayback_base),
    ):
        try:
            parsed, fetched = path(client, base, handle, tweet_id)
        except _Miss as miss:
            misses.append(f"{'oEmbed' if method == 'oembed' else 'Wayback'}: {miss}")
            continue
        when = (now or (lambda: datetime.now(UTC)))()
        record = TweetRecord(
            author_handle=parsed.handle,
            text=parsed.text,
            location=url.strip(),
            platform_id=tweet_id,
            author_name=parsed.author_name,
            created_at=parsed.created_at,
            created_precision=parsed.precision,
            url=f"https://twitter.com/{parsed.handle}/status/{tweet_id}",
            source=f"{method}:{fetched.url} fetched {_stamp(when)}",
        )
        return TweetFetch(record, method, fetched.url, fetched.sha256)
    raise InputError("; ".join(misses), location=url.strip())


def fetch_tweet(
    url: str,
    client: WebClient,
    *,
    oembed_base: str = OEMBED_BASE,
    wayback_base: str = WAYBACK_BASE,
    now: Callable[[], datetime] | None = None,
) -> TweetRecord:
    """The canonical tweet at `url` (see `fetch_tweet_evidence`)."""
    return fetch_tweet_evidence(
        url, client, oembed_base=oembed_base, wayback_base=wayback_base, now=now
    ).record


# --- articles -----------------------------------------------------------------------------


def article_text(page: Fetched) -> str:
    """The main text of an article page, paragraphs separated by blank lines as in the
    article files; raises ValueError when there is none."""
    if page.mime == "text/plain":
        text = page.text()
    elif page.mime in HTML_TYPES:
        source: str | bytes = page.text() if page.charset else page.content  # else sniffed
        return html_main_text(source, page.url)
    else:
        raise ValueError(f"not an article page (content type {page.mime})")
    return _paragraphs(text)


def html_main_text(source: str | bytes, url: str | None = None) -> str:
    """The main text of an HTML page (a fetched one, or an .html article file), paragraphs
    separated by blank lines; raises ValueError when there is none."""
    import trafilatura  # heavy (lxml, justext, dateparser): only when HTML is read

    try:
        text = trafilatura.extract(
            source, url=url, include_comments=False, include_tables=False
        ) or ""
    except Exception as exc:  # a third-party parser on hostile input: any failure
        raise ValueError(f"unparsable page ({' '.join(str(exc).split())})") from None
    return _paragraphs(text)


def _paragraphs(text: str) -> str:
    # trafilatura puts one paragraph a line; the extractor reads blank lines as breaks.
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        raise ValueError("no article text found on the page")
    return "\n\n".join(paragraphs)


def fetch_article(url: str, client: WebClient, language: str | None = None) -> Document:
    """The article at `url` as a `Document` whose source is the URL as given."""
    url = url.strip()
    page = client.get(url, accept="text/html,application/xhtml+xml,text/plain;q=0.8")
    try:
        text = article_text(page)
    except ValueError as exc:
        raise FetchError(url, str(exc)) from None
    return Document(source=url, text=text, language=language, published=url_date(url))
