"""Archive file readers: records, validation errors at path:line, format detection."""

from __future__ import annotations

import gc
import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.formats import read_archive_file

# Invented text only ever comes from obviously fictional accounts.
JSONL = "\n".join(
    [
        '{"author": "example_newsroom", "name": "Example Newsroom (fictional)", '
        '"created_at": "2023-03-15", "id": null, "text": "First post.", "url": null, '
        '"source": "invented"}',
        "",
        '{"author": "@demo_factdesk", "name": "Demo Factdesk (fictional)", '
        '"created_at": "2023-03-15T16:49:40+02:00", "id": 1234, "text": "Second post.", '
        '"url": "https://twitter.com/demo_factdesk/status/1234", "source": "invented", '
        '"aliases": ["The Desk"]}',
        "",
    ]
)

TWEETS_JS = """window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "id_str" : "1001",
      "created_at" : "Wed Mar 15 00:50:00 +0000 2023",
      "full_text" : "Q&amp;A: is 3 &lt; 4 &gt; 2? Read https://t.co/abc123 now https://t.co/media99",
      "entities" : {
        "urls" : [ {
          "url" : "https://t.co/abc123",
          "expanded_url" : "https://example.org/qa?x=1&y=2",
          "display_url" : "example.org/qa"
        } ],
        "media" : [ { "url" : "https://t.co/media99", "expanded_url" : "https://x.com/p/1" } ]
      }
    }
  },
  {
    "tweet" : {
      "id_str" : "1002",
      "created_at" : "Thu Mar 16 10:00:00 +0100 2023",
      "full_text" : "RT @demo_factdesk: someone else's words"
    }
  },
  {
    "tweet" : {
      "id_str" : "1003",
      "created_at" : "Fri Mar 17 08:30:00 +0000 2023",
      "full_text" : "A plain post."
    }
  }
]"""

ACCOUNT_JS = """window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "nobody@example.org",
      "username" : "example_newsroom",
      "accountId" : "42",
      "accountDisplayName" : "Example Newsroom (fictional)"
    }
  }
]"""

API_V2 = {
    "data": [
        {
            "id": "2001",
            "author_id": "77",
            "created_at": "2023-03-15T16:49:40.000Z",
            "text": "Short version… https://t.co/zzz",
            "note_tweet": {
                "text": "The long version of the post, see https://t.co/long1",
                "entities": {
                    "urls": [{"url": "https://t.co/long1", "expanded_url": "https://example.org/l"}]
                },
            },
        },
        {
            "id": "2002",
            "author_id": "77",
            "created_at": "2023-03-16T08:00:00.000Z",
            "text": "RT @fictional_analyst: not ours",
            "referenced_tweets": [{"type": "retweeted", "id": "1999"}],
        },
        {
            "id": "2003",
            "author_id": "77",
            "created_at": "2023-03-17T08:00:00.000Z",
            "text": "Link https://t.co/aaa and photo https://t.co/pic",
            "entities": {
                "urls": [
                    {"url": "https://t.co/aaa", "expanded_url": "https://example.org/a"},
                    {"url": "https://t.co/pic", "expanded_url": "https://x.co/p", "media_key": "3"},
                ]
            },
        },
    ],
    "includes": {
        "users": [{"id": "77", "username": "fictional_analyst", "name": "Fictional Analyst"}]
    },
    "meta": {"result_count": 3},
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, **kwargs: str) -> str:
    with pytest.raises(InputError) as info:
        read_archive_file(path, **kwargs)
    return str(info.value)


# --- jsonl ---------------------------------------------------------------------------


def test_jsonl_records(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", JSONL)
    parsed = read_archive_file(path)
    assert parsed.format == "jsonl"
    assert parsed.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    first, second = parsed.records
    assert first.author_handle == "example_newsroom"
    assert first.created_at == datetime(2023, 3, 15)
    assert first.created_precision == "day"
    assert first.platform_id is None
    assert first.location == f"{path}:1"
    assert second.author_handle == "demo_factdesk"  # "@" dropped
    assert second.platform_id == "1234"  # an integer id becomes a string
    assert second.created_at == datetime(2023, 3, 15, 14, 49, 40)  # to naive UTC
    assert second.created_precision == "second"
    assert second.extra_aliases == ("The Desk",)
    assert second.location == f"{path}:3"  # blank lines still count


def test_the_fixture_archive_reads(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "canonical-tweets.jsonl"
    records = read_archive_file(fixture).records
    assert records[0].author_handle == "elonmusk"
    assert records[0].platform_id == "1636047019893481474"
    assert "~$100M" in records[0].text
    real = {r.author_handle for r in records if "fictional" not in (r.source or "")}
    for rec in records:
        if rec.source == "invented distractor for testing; fictional account":
            # Invented words must never be put in a real person's mouth.
            assert rec.url is None
            assert "(fictional)" in (rec.author_name or "")
            assert rec.author_handle not in real
    assert 8 <= sum("fictional" in (r.source or "") for r in records) <= 12


BY = '{"author": "demo_factdesk", '


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (BY + '"created_at": null}', 'missing field "text"'),
        ('{"text": "no author"}', 'missing field "author"'),
        (BY + '"text": 42}', 'field "text" must be a string, not number'),
        (BY + '"text": "x", "id": "12a"}', 'field "id" must be a numeric id'),
        (BY + '"text": "x", "created_at": "15/03/2023"}', "cannot parse date"),
        (BY + '"text": "x",}', "invalid JSON at column 41"),
        ('["not", "an", "object"]', "record must be a JSON object, not array"),
    ],
)
def test_jsonl_first_bad_record_is_reported_at_its_line(
    tmp_path: Path, line: str, message: str
) -> None:
    good = BY + '"text": "fine"}'
    # The bad line twice: only the first is reported.
    path = write(tmp_path / "bad.jsonl", f"{good}\n{good}\n{line}\n{line}\n")
    error = error_of(path)
    assert error.startswith(f"{path}:3: ")
    assert message in error
    assert "\n" not in error



def test_reading_leaves_the_garbage_collector_as_it_was(tmp_path: Path) -> None:
    good = write(tmp_path / "a.jsonl", JSONL)
    bad = write(tmp_path / "bad.jsonl", BY + '"text": 42}\n')
    assert gc.isenabled()
    read_archive_file(good)
    assert gc.isenabled()
    with pytest.raises(InputError):
        read_archive_file(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        read_archive_file(good)
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- twitter archive -----------------------------------------------------------------


def test_twitter_archive_with_account_js(tmp_path: Path) -> None:
    tweets = write(tmp_path / "data" / "tweets.js", TWEETS_JS)
    write(tmp_path / "data" / "account.js", ACCOUNT_JS)
    parsed = read_archive_file(tweets)
    assert parsed.format == "twitter-archive"
    assert parsed.skipped_retweets == 1
    assert [r.platform_id for r in parsed.records] == ["1001", "1003"]
    first = parsed.records[0]
    # Entities unescaped, the t.co link expanded, the media link dropped.
    assert first.text == "Q&A: is 3 < 4 > 2? Read https://example.org/qa?x=1&y=2 now"
    assert first.author_handle == "example_newsroom"
    assert first.author_name == "Example Newsroom (fictional)"
    assert first.created_at == datetime(2023, 3, 15, 0, 50)
    assert first.created_precision == "second"
    assert first.url == "https://twitter.com/example_newsroom/status/1001"
    assert first.location == f"{tweets}:2"
    assert parsed.records[1].location == f"{tweets}:24"  # where its element starts


def test_twitter_archive_needs_an_author(tmp_path: Path) -> None:
    tweets = write(tmp_path / "tweets.js", TWEETS_JS)
    assert "pass --author" in error_of(tweets)
    parsed = read_archive_file(tweets, author="@demo_factdesk")
    assert {r.author_handle for r in parsed.records} == {"demo_factdesk"}
    assert parsed.records[0].author_name is None


def test_twitter_archive_bad_record_line(tmp_path: Path) -> None:
    bad = TWEETS_JS.replace('"Fri Mar 17 08:30:00 +0000 2023"', '"17 March 2023"')
    tweets = write(tmp_path / "tweets.js", bad)
    error = error_of(tweets, author="demo_factdesk")
    assert error.startswith(f"{tweets}:24: ")  # the record, not the file start
    assert "cannot parse date" in error


def test_twitter_archive_invalid_json_line_and_column(tmp_path: Path) -> None:
    bad = TWEETS_JS.replace('"id_str" : "1003",', '"id_str" : "1003"')
    tweets = write(tmp_path / "tweets.js", bad)
    error = error_of(tweets, author="demo_factdesk")
    assert error.startswith(f"{tweets}:27: invalid JSON at column 7")


# --- API v2 --------------------------------------------------------------------------


def test_api_v2_response(tmp_path: Path) -> None:
    path = write(tmp_path / "resp.json", json.dumps(API_V2, indent=2, ensure_ascii=False))
    parsed = read_archive_file(path)
    assert parsed.format == "api-v2"
    assert parsed.skipped_retweets == 1
    long, linked = parsed.records
    assert long.text == "The long version of the post, see https://example.org/l"  # note_tweet
    assert long.author_handle == "fictional_analyst"
    assert long.author_name == "Fictional Analyst"
    assert long.created_at == datetime(2023, 3, 15, 16, 49, 40)
    assert linked.text == "Link https://example.org/a and photo"
    lines = path.read_text().splitlines()
    assert '"id": "2003"' in lines[int(linked.location.rsplit(":", 1)[1])]


def test_api_v2_pages_as_jsonl(tmp_path: Path) -> None:
    page2 = {
        "data": [{"id": "3001", "author_id": "78", "text": "Page two."}],
        "includes": {"users": [{"id": "78", "username": "demo_factdesk"}]},
    }
    path = write(tmp_path / "pages.jsonl", json.dumps(API_V2) + "\n" + json.dumps(page2) + "\n")
    parsed = read_archive_file(path)
    assert parsed.format == "api-v2"
    assert [r.platform_id for r in parsed.records] == ["2001", "2003", "3001"]
    assert parsed.records[2].location == f"{path}:2"
    assert parsed.records[2].author_handle == "demo_factdesk"


def test_api_v2_unknown_user_needs_author(tmp_path: Path) -> None:
    page = {"data": [{"id": "1", "author_id": "9", "text": "Who?"}]}
    path = write(tmp_path / "p.json", json.dumps(page))
    assert "pass --author" in error_of(path)
    assert read_archive_file(path, author="demo_factdesk").records[0].author_handle == (
        "demo_factdesk"
    )


def test_api_v2_bad_record_line(tmp_path: Path) -> None:
    page = {"data": [{"id": "1", "text": "ok"}, {"id": "2", "text": None}]}
    path = write(tmp_path / "p.json", json.dumps(page, indent=1))
    error = error_of(path, author="demo_factdesk")
    assert error.startswith(f"{path}:7: ")
    assert 'missing field "text"' in error


# --- detection and bad files ---------------------------------------------------------


def test_format_detection_from_content(tmp_path: Path) -> None:
    # Names deliberately misleading: only the content counts.
    jsonl = write(tmp_path / "x.json", JSONL)
    api = write(tmp_path / "x.jsonl", json.dumps(API_V2))
    archive = write(tmp_path / "x.txt", TWEETS_JS)
    assert read_archive_file(jsonl).format == "jsonl"
    assert read_archive_file(api).format == "api-v2"
    assert read_archive_file(archive, author="demo_factdesk").format == "twitter-archive"
    csv = write(tmp_path / "x.csv", "author,text\ndemo_factdesk,hello\n")
    assert "cannot tell the format; use --format" in error_of(csv)
    other = write(tmp_path / "y.json", '{"hello": "world"}\n')
    assert "cannot tell the format" in error_of(other)


def test_explicit_format_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", JSONL)
    error = error_of(path, fmt="twitter-archive", author="demo_factdesk")
    assert "window.YTD" in error


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (None, "", "no such file"),
        (b"", "", "empty file"),
        (b"  \n\n", "", "empty file"),
        (b"ok\n\xff\xfe{bad", ":2", "not UTF-8"),
        (b"PK\x03\x04\x00\x00binary", "", "binary file"),
    ],
)
def test_bad_files_name_the_file(
    tmp_path: Path, content: bytes | None, where: str, message: str
) -> None:
    path = tmp_path / "f.jsonl"
    if content is not None:
        path.write_bytes(content)
    error = error_of(path)
    assert error.startswith(f"{path}{where}: ")
    assert message in error


def test_directory_is_rejected(tmp_path: Path) -> None:
    assert error_of(tmp_path).startswith(f"{tmp_path}: is a directory")
