"""Tweets and articles by URL, against oEmbed- and Wayback-shaped answers on 127.0.0.1.

Every tweet here is by the obviously fictional @example_newsroom; its words, the
articles quoting it and the archived pages are written for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
import typer

from quotes.cli import web
from quotes.cli.common import CliState
from quotes.errors import InputError
from quotes.models import InputFailure, TweetRecord
from quotes.net import FetchError, WebClient
from quotes.pipeline import load_articles
from quotes.sources_web import (
    fetch_article,
    fetch_tweet,
    fetch_tweet_evidence,
    parse_day,
    parse_tweet_url,
    raw_snapshot_url,
    render_text,
    snowflake_time,
)
from quotes.store import Archive
from tests.http_fixtures import (
    ConnectLog,
    LocalServer,
    Reply,
    free_port,
    redirect,
)

HANDLE = "example_newsroom"
NAME = "Example Newsroom (fictional)"
TWEET_ID = "1700000000000000001"  # a snowflake of 2023-09-08 04:15:59 UTC
TWEET_URL = f"https://x.com/{HANDLE}/status/{TWEET_ID}?s=46"
TEXT = (
    "Our fictional desk counted 1.2 million readers this week & we're grateful.\n\n"
    "Methodology: https://t.co/AbCdEf1234 #ExampleNews with @example_factdesk"
)
BLOCKQUOTE = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our fictional desk counted '
    "1.2 million readers this week &amp; we&#39;re grateful.<br><br>Methodology: "
    '<a href="https://t.co/AbCdEf1234">https://t.co/AbCdEf1234</a> '
    '<a href="https://twitter.com/hashtag/ExampleNews?src=hash&amp;ref_src=twsrc%5Etfw">'
    "#ExampleNews</a> with "
    '<a href="https://twitter.com/example_factdesk?ref_src=twsrc%5Etfw">@example_factdesk</a> '
    '<a href="https://t.co/PicPic1234">pic.twitter.com/PicPic1234</a></p>'
    f"&mdash; {NAME} (@{HANDLE}) "
    f'<a href="https://twitter.com/{HANDLE}/status/{TWEET_ID}?ref_src=twsrc%5Etfw">'
    "September 8, 2023</a></blockquote>\n"
)
SNAPSHOT_TS = "20230908120000"
ARCHIVED = f"https://twitter.com/{HANDLE}/status/{TWEET_ID}"
ARCHIVED_TEXT = "Our fictional desk counted 1.2 million readers & we’re grateful. https://t.co/AbC1"
LEGACY_PAGE = f"""<!doctype html><html><head>
<meta property="og:title" content="{NAME} on Twitter">
<meta property="og:description" content="“{ARCHIVED_TEXT.replace("&", "&amp;")}”">
<link rel="canonical" href="{ARCHIVED}">
</head><body><div class="permalink-tweet" data-tweet-id="{TWEET_ID}">…</div></body></html>"""
THREAD_PAGE = f"""<!doctype html><html><head>
<meta property="og:description" content="From breaking news to entertainment, see what's
 happening.">
</head><body>
<div class="permalink-in-reply-tos"><div class="tweet" data-tweet-id="1699999999999999999">
<p class="TweetTextSize js-tweet-text tweet-text">An earlier fictional post this answers.</p>
</div></div>
<div class="permalink-tweet-container"><div class="tweet permalink-tweet"
 data-tweet-id="{TWEET_ID}"><p class="TweetTextSize TweetTextSize--jumbo js-tweet-text
 tweet-text" lang="en">Our fictional desk counted 1.2 million readers<br>this week.
<a href="https://t.co/PicPic1234" class="twitter-timeline-link u-hidden"
>pic.twitter.com/PicPic1234</a></p>
</div></div></body></html>"""
LOGIN_WALL = """<!doctype html><html><head><meta property="og:description"
 content="From breaking news to entertainment, see what's happening."></head>
<body><p>Log in to see this post.</p></body></html>"""

ARTICLE_DE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Fiktive Redaktion zählt Leser</title></head><body>
<nav><a href="/">Startseite</a> · <a href="/medien">Medien</a> · <a href="/abo">Abo</a></nav>
<article><h1>Fiktive Redaktion meldet 1,2 Millionen Leser</h1>
<p>Die erfundene Redaktion Example Newsroom hat am Freitag neue Zahlen veröffentlicht,
die in dieser Testseite für die Werkzeuge der Faktenprüfung stehen.</p>
<p>„Unser fiktiver Desk hat diese Woche 1,2 Millionen Leser gezählt, und wir sind
dankbar“, schrieb die Redaktion in einem Tweet.</p>
<p>Die Zahlen lassen sich nicht unabhängig überprüfen, denn die Redaktion gibt es nicht.</p>
</article><footer>© 2023 Beispielverlag · Impressum · Datenschutz</footer></body></html>"""
ARTICLE_FR = """<!doctype html><html lang="fr"><head>
<title>Une rédaction fictive compte ses lecteurs</title></head><body>
<header><a href="/">Accueil</a> | <a href="/medias">Médias</a></header>
<main><article><h1>Une rédaction fictive revendique 1,2 million de lecteurs</h1>
<p>La rédaction imaginaire Example Newsroom a publié vendredi des chiffres qui servent
ici d'exemple aux outils de vérification des faits.</p>
<p>« Notre rédaction fictive a compté 1,2 million de lecteurs cette semaine et nous en
sommes reconnaissants », a-t-elle déclaré dans un tweet.</p>
<p>Ces chiffres ne peuvent pas être vérifiés : la rédaction n'existe pas.</p>
</article></main><footer>Mentions légales</footer></body></html>"""
QUOTE_DE = (
    "„Unser fiktiver Desk hat diese Woche 1,2 Millionen Leser gezählt, und wir sind "
    "dankbar“, schrieb die Redaktion in einem Tweet."
)
QUOTE_FR = "« Notre rédaction fictive a compté 1,2 million de lecteurs cette semaine"
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def make_client(waits: list[float]) -> WebClient:
    return WebClient(allow_loopback=True, sleep=waits.append, connect_timeout=2, read_timeout=2)


@pytest.fixture
def client(waits: list[float]) -> Iterator[WebClient]:
    with make_client(waits) as web_client:
        yield web_client


def oembed_answer(html: str = BLOCKQUOTE, author: str = HANDLE) -> dict[str, object]:
    return {
        "url": f"https://twitter.com/{author}/status/{TWEET_ID}",
        "author_name": NAME,
        "author_url": f"https://twitter.com/{author}",
        "html": html,
        "width": 550,
        "type": "rich",
        "provider_name": "Twitter",
        "version": "1.0",
    }


def wayback_answer(server: LocalServer) -> dict[str, object]:
    return {
        "url": f"twitter.com/{HANDLE}/status/{TWEET_ID}",
        "archived_snapshots": {
            "closest": {
                "status": "200",
                "available": True,
                "url": server.url(f"/web/{SNAPSHOT_TS}/{ARCHIVED}"),
                "timestamp": SNAPSHOT_TS,
            }
        },
    }


RAW_SNAPSHOT = f"/web/{SNAPSHOT_TS}id_/{ARCHIVED}"  # what the client asks for


def fetch(server: LocalServer, client: WebClient, url: str = TWEET_URL) -> TweetRecord:
    return fetch_tweet(
        url,
        client,
        oembed_base=server.url("/oembed"),
        wayback_base=server.url("/wayback/available"),
        now=lambda: NOW,
    )


def fetch_error(server: LocalServer, client: WebClient, url: str = TWEET_URL) -> str:
    with pytest.raises(InputError) as info:
        fetch(server, client, url)
    assert "\n" not in str(info.value)
    return str(info.value)


# --- tweet URLs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"https://twitter.com/{HANDLE}/status/{TWEET_ID}",
        f"https://x.com/{HANDLE}/status/{TWEET_ID}?s=46",
        f"https://mobile.twitter.com/{HANDLE}/status/{TWEET_ID}/",
        f"http://www.x.com/{HANDLE}/status/{TWEET_ID}#reply",
        f"x.com/{HANDLE}/status/{TWEET_ID}",
        f"https://x.com/{HANDLE}/status/{TWEET_ID}/photo/1",
        f"  https://TWITTER.com/{HANDLE}/statuses/{TWEET_ID}  ",
    ],
)
def test_parse_tweet_url(url: str) -> None:
    assert parse_tweet_url(url) == (HANDLE, TWEET_ID)


@pytest.mark.parametrize(
    "url",
    [
        f"https://example.org/{HANDLE}/status/{TWEET_ID}",
        f"https://x.com.evil.example/{HANDLE}/status/{TWEET_ID}",
        f"https://x.com/{HANDLE}",
        f"https://x.com/{HANDLE}/status/not-a-number",
        f"ftp://x.com/{HANDLE}/status/{TWEET_ID}",
        f"https://x.com/i/web/status/{TWEET_ID}",
        f"https://x.com/i/status/{TWEET_ID}",
        "https://x.com/a-hyphen/status/1",
    ],
)
def test_parse_tweet_url_rejects(url: str) -> None:
    with pytest.raises(InputError) as info:
        parse_tweet_url(url)
    assert info.value.location == url.strip()


def test_snowflake_time() -> None:
    assert snowflake_time(TWEET_ID) == datetime(2023, 9, 8, 4, 15, 59)
    assert snowflake_time("20") is None  # 2006 ids were plain counters


def test_parse_day() -> None:
    assert parse_day("September 8, 2023") == datetime(2023, 9, 8)
    assert parse_day("Sept 8, 2023") == datetime(2023, 9, 8)
    assert parse_day("Brumaire 8, 2023") is None
    assert parse_day("February 30, 2023") is None


def test_render_text_keeps_links_as_links() -> None:
    html = (
        '<p>Read <a href="https://t.co/Disp123456">example.org/methodology…</a> and '
        '<a href="https://t.co/Full123456">https://t.co/Full123456</a>'
        "<!-- a comment -->, AT&amp;T &lt;3<br>bye "
        '<a href="https://t.co/Pic1234567">pic.x.com/Pic1234567</a></p>'
    )
    assert render_text(lxml.html.fragment_fromstring(html)) == (
        "Read https://t.co/Disp123456 and https://t.co/Full123456, AT&T <3\nbye"
    )


def test_raw_snapshot_url() -> None:
    # The page as archived, without the Wayback toolbar or rewritten links, over https.
    assert raw_snapshot_url(f"http://web.archive.org/web/{SNAPSHOT_TS}/{ARCHIVED}") == (
        f"https://web.archive.org/web/{SNAPSHOT_TS}id_/{ARCHIVED}"
    )
    assert raw_snapshot_url(f"https://web.archive.org/web/{SNAPSHOT_TS}im_/{ARCHIVED}") == (
        f"https://web.archive.org/web/{SNAPSHOT_TS}id_/{ARCHIVED}"
    )
    assert raw_snapshot_url("https://mirror.example/other") == "https://mirror.example/other"


# --- oEmbed ---------------------------------------------------------------------------


def test_oembed(server: LocalServer, client: WebClient) -> None:
    server.routes["/oembed"] = Reply(body=oembed_answer())
    record = fetch(server, client)
    assert record.text == TEXT
    assert (record.author_handle, record.author_name) == (HANDLE, NAME)
    assert (record.platform_id, record.location) == (TWEET_ID, TWEET_URL)
    assert (record.created_at, record.created_precision) == (datetime(2023, 9, 8), "day")
    assert record.url == f"https://twitter.com/{HANDLE}/status/{TWEET_ID}"
    (asked,) = server.requests("/oembed")
    assert asked.query == {
        "url": [f"https://twitter.com/{HANDLE}/status/{TWEET_ID}"],
        "omit_script": ["true"],
        "dnt": ["true"],
    }
    assert record.source == (
        f"oembed:{server.url('/oembed')}?url=https%3A%2F%2Ftwitter.com%2F{HANDLE}%2Fstatus%2F"
        f"{TWEET_ID}&omit_script=true&dnt=true fetched 2026-01-02T03:04:05Z"
    )
    assert server.hits("/wayback/available") == 0


def test_oembed_author_wins_over_the_url(server: LocalServer, client: WebClient) -> None:
    # x.com/anyone/status/ID shows the tweet whoever wrote it.
    server.routes["/oembed"] = Reply(body=oembed_answer())
    record = fetch(server, client, f"https://x.com/someone_else/status/{TWEET_ID}")
    assert record.author_handle == HANDLE


@pytest.mark.parametrize("other", ["42", TWEET_ID + "7"])
def test_oembed_about_another_tweet_is_not_trusted(
    server: LocalServer, client: WebClient, other: str
) -> None:
    server.routes["/oembed"] = Reply(body=oembed_answer(BLOCKQUOTE.replace(TWEET_ID, other)))
    message = fetch_error(server, client)
    assert message == (
        f"{TWEET_URL}: oEmbed: answer is not about tweet {TWEET_ID}; Wayback: HTTP 404 "
        "(deleted or protected?)"
    )


# --- the Wayback Machine when oEmbed fails -------------------------------------------


@pytest.mark.parametrize(
    ("oembed", "why"),
    [
        (Reply(status=404), "HTTP 404 (deleted or protected?)"),
        (Reply(status=403), "HTTP 403 (suspended or protected?)"),
        (
            Reply(status=429, headers={"Retry-After": "900"}),
            "HTTP 429; the server asks to wait 900 s, more than 30 s (rate-limited)",
        ),
        (Reply(body={"error": "gone"}), 'answer has no "html"'),
    ],
)
def test_wayback_when_oembed_fails(
    server: LocalServer, client: WebClient, oembed: Reply, why: str
) -> None:
    server.routes["/oembed"] = oembed
    server.routes["/wayback/available"] = Reply(body=wayback_answer(server))
    server.routes[RAW_SNAPSHOT] = Reply(body=LEGACY_PAGE)
    record = fetch(server, client)
    assert record.text == ARCHIVED_TEXT
    assert (record.author_handle, record.author_name) == (HANDLE, "Example Newsroom (fictional)")
    assert (record.created_at, record.created_precision) == (
        datetime(2023, 9, 8, 4, 15, 59), "second"
    )
    assert record.source == f"wayback:{server.url(RAW_SNAPSHOT)} fetched 2026-01-02T03:04:05Z"
    (asked,) = server.requests("/wayback/available")
    assert asked.query == {"url": [f"twitter.com/{HANDLE}/status/{TWEET_ID}"]}
    # And when the archive has nothing either, the error gives both reasons.
    server.routes["/wayback/available"] = Reply(body={"archived_snapshots": {}})
    assert fetch_error(server, client) == f"{TWEET_URL}: oEmbed: {why}; Wayback: no snapshot"


def test_wayback_when_oembed_is_unreachable(server: LocalServer, client: WebClient) -> None:
    server.routes["/wayback/available"] = Reply(body=wayback_answer(server))
    server.routes[RAW_SNAPSHOT] = Reply(body=LEGACY_PAGE)
    evidence = fetch_tweet_evidence(
        TWEET_URL,
        client,
        oembed_base=f"http://127.0.0.1:{free_port()}/oembed",
        wayback_base=server.url("/wayback/available"),
    )
    assert evidence.method == "wayback"
    assert evidence.fetched_url == server.url(RAW_SNAPSHOT)
    assert len(evidence.sha256) == 64


def test_wayback_thread_page_takes_the_tweets_own_text(
    server: LocalServer, client: WebClient
) -> None:
    server.routes["/wayback/available"] = Reply(body=wayback_answer(server))
    server.routes[RAW_SNAPSHOT] = Reply(body=THREAD_PAGE)
    record = fetch(server, client)
    assert record.text == "Our fictional desk counted 1.2 million readers\nthis week."


def test_wayback_snapshot_without_the_tweet_stores_nothing(
    server: LocalServer, client: WebClient
) -> None:
    server.routes["/wayback/available"] = Reply(body=wayback_answer(server))
    server.routes[RAW_SNAPSHOT] = Reply(body=LOGIN_WALL)
    assert fetch_error(server, client) == (
        f"{TWEET_URL}: oEmbed: HTTP 404 (deleted or protected?); "
        "Wayback: no tweet text in the snapshot"
    )


def test_wayback_snapshot_of_another_tweet(server: LocalServer, client: WebClient) -> None:
    server.routes["/wayback/available"] = Reply(body=wayback_answer(server))
    server.routes[RAW_SNAPSHOT] = Reply(body=LEGACY_PAGE.replace(f"status/{TWEET_ID}", "status/7"))
    assert fetch_error(server, client).endswith(
        f"Wayback: snapshot shows tweet 7, not {TWEET_ID}"
    )


def test_wayback_redirect_to_metadata_is_refused(
    server: LocalServer, client: WebClient, outside: ConnectLog
) -> None:
    server.routes["/wayback/available"] = Reply(body=wayback_answer(server))
    server.routes[RAW_SNAPSHOT] = redirect("http://169.254.169.254/latest/meta-data/")
    assert fetch_error(server, client).endswith(
        "Wayback: redirected to http://169.254.169.254/latest/meta-data/: "
        "refused address 169.254.169.254: cloud metadata endpoint"
    )
    assert set(outside.addresses) == {"127.0.0.1"}


# --- articles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "quote", "absent"),
    [
        (Reply(body=ARTICLE_DE), QUOTE_DE, "Startseite"),
        # Declared in the header only, in Latin-1: the header's charset is the one used.
        (
            Reply(body=ARTICLE_FR.encode("latin-1"), content_type="text/html; charset=ISO-8859-1"),
            QUOTE_FR,
            "Accueil",
        ),
    ],
)
def test_fetch_article(
    server: LocalServer, client: WebClient, page: Reply, quote: str, absent: str
) -> None:
    server.routes["/story"] = page
    document = fetch_article(server.url("/story"), client, language=None)
    assert document.source == server.url("/story")
    assert quote in document.text
    assert absent not in document.text  # navigation is not the article
    assert "\n\n" in document.text  # paragraphs as in the article files


def test_fetch_plain_text_article(server: LocalServer, client: WebClient) -> None:
    server.routes["/story.txt"] = Reply(body="First.\n\nSecond.", content_type="text/plain")
    assert fetch_article(server.url("/story.txt"), client).text == "First.\n\nSecond."


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        (Reply(body=b"%PDF-1.7", content_type="application/pdf"),
         "not an article page (content type application/pdf)"),
        (Reply(body="<html><body><nav></nav></body></html>"), "no article text found on the page"),
        (Reply(body=""), "no article text found on the page"),
        (Reply(status=410), "HTTP 410"),
    ],
)
def test_fetch_article_failures(
    server: LocalServer, client: WebClient, page: Reply, reason: str
) -> None:
    server.routes["/story"] = page
    with pytest.raises(FetchError) as info:
        fetch_article(server.url("/story"), client)
    assert str(info.value) == f"{server.url('/story')}: {reason}"


def test_load_articles_mixes_files_and_urls(
    server: LocalServer, tmp_path: Path, waits: list[float]
) -> None:
    server.routes["/de"] = Reply(body=ARTICLE_DE)
    local = tmp_path / "local.txt"
    local.write_text("„Ein Zitat“, sagte niemand.\n", encoding="utf-8")
    reported: list[InputError] = []
    args = [server.url("/de"), str(local), server.url("/gone"), str(tmp_path / "missing.txt")]
    loaded = load_articles(args, lambda: make_client(waits), report=reported.append)
    assert [d.source for d in loaded.documents] == [server.url("/de"), str(local)]
    assert loaded.errors == (
        InputFailure(server.url("/gone"), "HTTP 404"),
        InputFailure(str(tmp_path / "missing.txt"), "no such file"),
    )
    assert [str(e) for e in reported] == [
        f"{server.url('/gone')}: HTTP 404",
        f"{tmp_path / 'missing.txt'}: no such file",
    ]


def test_load_articles_makes_no_client_for_files(tmp_path: Path) -> None:
    def no_client() -> WebClient:
        raise AssertionError("no URL, no client")

    local = tmp_path / "a.txt"
    local.write_text("Text.\n", encoding="utf-8")
    loaded = load_articles([str(local)], no_client)
    assert (len(loaded.documents), loaded.errors) == (1, ())


# --- `quotes archive add` -------------------------------------------------------------


def run_add(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The command as `quotes archive add` runs it (registered there by the CLI)."""
    app = typer.Typer()
    app.command("add")(web.add_command)
    result = app(args=list(argv), prog_name="quotes archive add", standalone_mode=False,
                 obj=CliState(TEST_CLIENT["factory"]))
    out, err = capsys.readouterr()
    return (result if isinstance(result, int) else 0), out, err


# The client factory the CLI tests hand to the commands (as `main(client_factory=…)` does):
# one that may reach the test server on 127.0.0.1.
TEST_CLIENT: dict[str, Callable[[], WebClient]] = {"factory": WebClient}


@pytest.fixture
def cli_client(monkeypatch: pytest.MonkeyPatch, waits: list[float]) -> Callable[[], WebClient]:
    factory = lambda: make_client(waits)  # noqa: E731 - the factory handed to the CLI
    monkeypatch.setitem(TEST_CLIENT, "factory", factory)
    return factory


def test_archive_add(
    server: LocalServer, capsys: pytest.CaptureFixture[str], cli_client: None, db_url: str
) -> None:
    other = "https://twitter.com/example_newsroom/status/1700000000000000002"
    server.routes["/oembed"] = lambda seen: (
        Reply(body=oembed_answer()) if TWEET_ID in seen.query["url"][0] else Reply(status=404)
    )
    server.routes["/wayback/available"] = Reply(body={"archived_snapshots": {}})
    bases = [
        "--oembed-base", server.url("/oembed"),
        "--wayback-base", server.url("/wayback/available"),
    ]
    code, out, err = run_add(  # embedding what is added: tests/test_embed_on_import.py
        capsys, *bases, "--no-embed", TWEET_URL, other, "https://example.org/not-a-tweet",
        TWEET_URL,
    )
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "quotes: error: https://example.org/not-a-tweet: not a tweet URL (want "
        "https://x.com/USER/status/ID or https://twitter.com/USER/status/ID)",
        f"{TWEET_URL}: @{HANDLE} via oembed",
        f"quotes: error: {other}: oEmbed: HTTP 404 (deleted or protected?); "
        "Wayback: no snapshot",
        "added 1 tweet from the web (0 updated, 0 already in the archive)",
        "2 URLs failed",
    ]
    assert server.hits("/oembed") == 2  # the repeated URL was fetched once
    with Archive.open(db_url) as archive:
        (tweet,) = archive.tweets()
    assert (tweet.platform_id, tweet.text, tweet.author_handle) == (TWEET_ID, TEXT, HANDLE)
    assert tweet.source is not None and tweet.source.startswith(f"oembed:{server.url('/oembed')}?")
    assert tweet.provenance == f"web:{TWEET_URL}"


def test_archive_add_reads_bases_from_the_environment(
    server: LocalServer,
    capsys: pytest.CaptureFixture[str],
    cli_client: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server.routes["/mirror/oembed"] = Reply(body=oembed_answer())
    monkeypatch.setenv(web.OEMBED_ENV, server.url("/mirror/oembed"))
    monkeypatch.setenv(web.WAYBACK_ENV, server.url("/mirror/wayback"))
    assert run_add(capsys, TWEET_URL)[0] == 0
    code, _, err = run_add(capsys, TWEET_URL)
    assert (code, err.splitlines()[-1]) == (
        0, "added 0 tweets from the web (0 updated, 1 already in the archive)"
    )
    assert server.hits("/mirror/oembed") == 2


def test_archive_add_stores_nothing_when_every_url_fails(
    server: LocalServer, capsys: pytest.CaptureFixture[str], cli_client: None, db_url: str
) -> None:
    server.routes["/wayback/available"] = Reply(body=wayback_answer(server))
    server.routes[RAW_SNAPSHOT] = Reply(body=LOGIN_WALL)
    code, _, err = run_add(
        capsys,
        "--oembed-base", server.url("/oembed"),
        "--wayback-base", server.url("/wayback/available"),
        TWEET_URL,
    )
    assert code == 2
    assert "Wayback: no tweet text in the snapshot" in err
    with Archive.open(db_url) as archive:
        assert archive.count() == 0



# --- through `quotes.cli.main` ------------------------------------------------------


def test_main_archive_add(
    server: LocalServer, capsys: pytest.CaptureFixture[str],
    cli_client: Callable[[], WebClient],
) -> None:
    from quotes.cli import main

    server.routes["/oembed"] = Reply(body=oembed_answer())
    bases = ["--oembed-base", server.url("/oembed"), "--wayback-base", server.url("/wb")]
    assert main(["archive", "add", "-q", *bases, TWEET_URL], client_factory=cli_client) == 0
    assert main(["archive", "show", TWEET_ID]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.endswith(TEXT + "\n")
    assert f"source       oembed:{server.url('/oembed')}?url=" in out


def test_main_verify_takes_urls(
    server: LocalServer, capsys: pytest.CaptureFixture[str],
    cli_client: Callable[[], WebClient],
) -> None:
    from quotes.cli import main

    server.routes["/de"] = Reply(body=ARTICLE_DE)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "canonical-tweets.jsonl"
    assert main(["archive", "import", "-q", str(fixture)]) == 0  # verify needs tweets
    argv = ["verify", "-q", "--no-mt", "--no-embeddings", "--format", "json"]
    assert main([*argv, server.url("/de"), server.url("/gone")], client_factory=cli_client) == 2
    out, err = capsys.readouterr()
    payload = json.loads(out)
    assert [a["source"] for a in payload["articles"]] == [server.url("/de")]
    assert payload["errors"] == [{"source": server.url("/gone"), "error": "HTTP 404"}]
    assert err == f"quotes: error: {server.url('/gone')}: HTTP 404\n"
