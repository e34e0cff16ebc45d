"""The archive store on real SQLite files: import, dedup, transactions, author aliases."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from quotes.errors import StoreError
from quotes.formats import read_archive_file
from quotes.models import TweetRecord
from quotes.store import Archive, safe_url

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "canonical-tweets.jsonl"
SEED_ID = "1636047019893481474"


def rec(handle: str, text: str, line: int = 1, **kwargs: Any) -> TweetRecord:
    return TweetRecord(author_handle=handle, text=text, location=f"t.jsonl:{line}", **kwargs)


@pytest.fixture
def archive(db_url: str) -> Archive:
    return Archive.open(db_url)


@pytest.fixture
def loaded(archive: Archive) -> Archive:
    parsed = read_archive_file(FIXTURE)
    archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
    return archive


def test_open_creates_directory_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "archive.sqlite"
    with Archive.open(f"sqlite:///{path}") as archive:
        assert archive.count() == 0
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"author", "author_alias", "tweet", "import_run"} <= tables


def test_open_accepts_a_plain_path(tmp_path: Path) -> None:
    with Archive.open(str(tmp_path / "plain.sqlite")) as archive:
        assert archive.count() == 0
    assert (tmp_path / "plain.sqlite").is_file()


def test_open_failure_is_one_line_naming_the_url(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        Archive.open(f"sqlite:///{tmp_path}")  # a directory, not a database file
    message = str(info.value)
    assert message.startswith(f"sqlite:///{tmp_path}: cannot open the archive")
    assert "\n" not in message
    with pytest.raises(StoreError) as info:
        Archive.open("postgresql://reader:s3cret@127.0.0.1:1/quotes")
    assert "s3cret" not in str(info.value)
    assert "reader:***@127.0.0.1" in str(info.value)


def test_safe_url_hides_password() -> None:
    assert safe_url("postgresql://u:pw@host/db") == "postgresql://u:***@host/db"
    assert safe_url("sqlite:////tmp/a.sqlite") == "sqlite:////tmp/a.sqlite"


def test_import_and_read_back(loaded: Archive) -> None:
    assert loaded.count() == 21
    first = loaded.tweets(limit=1)[0]
    assert first.platform_id == SEED_ID
    assert first.author_handle == "elonmusk"
    assert first.created_at == datetime(2023, 3, 15, 16, 49, 40)
    assert first.created_precision == "second"
    assert first.provenance == f"jsonl:{FIXTURE}:1"
    assert first.import_id is not None
    assert [t.id for t in loaded.tweets(limit=2, offset=1)] == [2, 3]
    assert {t.author_handle for t in loaded.tweets(author="Musk")} == {"elonmusk"}
    assert len(loaded.tweets(author="Musk")) == 4
    assert loaded.tweets(author="nobody at all") == []


def test_get_tweet_by_id_platform_id_and_url(loaded: Archive) -> None:
    by_pid = loaded.get_tweet(SEED_ID)
    assert by_pid is not None and by_pid.id == 1
    by_url = loaded.get_tweet(f"https://x.com/elonmusk/status/{SEED_ID}?s=20")
    assert by_url is not None and by_url.id == 1
    by_id = loaded.get_tweet("3")
    assert by_id is not None and by_id.text == "Sorry! I will do my best to stay alive."
    assert loaded.get_tweet("999") is None
    assert loaded.get_tweet("https://x.com/elonmusk/status/1") is None


def test_reimport_adds_nothing(loaded: Archive) -> None:
    records = read_archive_file(FIXTURE).records
    result = loaded.import_records(records, files=[str(FIXTURE)], fmt="jsonl")
    assert (result.added, result.updated, result.duplicates) == (0, 0, 21)
    assert loaded.count() == 21


def test_idless_dedup_by_author_and_normalized_text(archive: Archive) -> None:
    first = archive.import_records(
        [rec("demo_factdesk", "It’s  “fine”,\nreally.")], files=["a"], fmt="jsonl"
    )
    assert first.added == 1
    again = archive.import_records(
        [
            rec("Demo_FactDesk", 'it\'s "FINE", really.'),  # same author, same words
            rec("example_newsroom", 'it\'s "FINE", really.'),  # another author: new tweet
        ],
        files=["b"],
        fmt="jsonl",
    )
    assert (again.added, again.duplicates) == (1, 1)
    assert archive.count() == 2
    assert archive.tweets(author="demo_factdesk")[0].text == "It’s  “fine”,\nreally."  # exact


def test_duplicates_inside_one_batch(archive: Archive) -> None:
    result = archive.import_records(
        [
            rec("demo_factdesk", "Same words.", 1),
            rec("demo_factdesk", "same   words.", 2),
            rec("demo_factdesk", "Other words.", 3, platform_id="7"),
            rec("demo_factdesk", "Other words, edited.", 4, platform_id="7"),
        ],
        files=["a"],
        fmt="jsonl",
    )
    assert (result.added, result.updated, result.duplicates) == (2, 0, 2)
    assert archive.count() == 2


def test_platform_id_filled_in_on_reimport(archive: Archive) -> None:
    archive.import_records(
        [rec("demo_factdesk", "Claim check: 10,000 GPUs.", created_at=datetime(2023, 4, 11),
             created_precision="day")],
        files=["a"], fmt="jsonl",
    )
    result = archive.import_records(
        [rec("demo_factdesk", "Claim check: 10,000 GPUs.", platform_id="555",
             url="https://twitter.com/demo_factdesk/status/555",
             created_at=datetime(2023, 4, 11, 9, 30), created_precision="second")],
        files=["b"], fmt="twitter-archive",
    )
    assert (result.added, result.updated, result.duplicates) == (0, 1, 0)
    tweet = archive.get_tweet("555")
    assert tweet is not None
    assert tweet.url == "https://twitter.com/demo_factdesk/status/555"
    assert tweet.created_at == datetime(2023, 4, 11, 9, 30)
    assert tweet.provenance == "jsonl:t.jsonl:1"  # where it was first seen
    again = archive.import_records(
        [rec("demo_factdesk", "Claim check: 10,000 GPUs.", platform_id="555")],
        files=["c"], fmt="twitter-archive",
    )
    assert (again.added, again.updated, again.duplicates) == (0, 0, 1)


def test_import_is_one_transaction(archive: Archive, db_url: str) -> None:
    # A real database failure on the third record: nothing of the batch may remain.
    db = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON tweet WHEN NEW.text = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
    )
    db.commit()
    db.close()
    records = [
        rec("demo_factdesk", "one", 1, author_name="Demo Factdesk (fictional)"),
        rec("demo_factdesk", "two", 2),
        rec("demo_factdesk", "boom", 3),
    ]
    with pytest.raises(StoreError) as info:
        archive.import_records(records, files=["t.jsonl"], fmt="jsonl")
    assert "refused by test trigger" in str(info.value)
    assert "\n" not in str(info.value)
    assert archive.count() == 0
    assert archive.resolve_author("demo_factdesk") is None  # no author row either
    assert archive.import_records(records[:2], files=["t.jsonl"], fmt="jsonl").import_id == 1


def test_many_records_are_deduplicated_across_chunks(archive: Archive) -> None:
    records = [
        rec("demo_factdesk", f"Post {i}.", i, platform_id=str(10_000 + i)) for i in range(1200)
    ]
    assert archive.import_records(records, files=["a"], fmt="jsonl").added == 1200
    again = archive.import_records(records, files=["a"], fmt="jsonl")
    assert (again.added, again.duplicates) == (0, 1200)


@pytest.mark.parametrize(
    "name", ["Musk", "Elon", "@ElonMusk", "elon musk", "ELON  MUSK", "Musk Elon", "Herr Musk"]
)
def test_resolve_author(loaded: Archive, name: str) -> None:
    assert loaded.resolve_author(name) == "elonmusk"


def test_resolve_author_other_names(loaded: Archive) -> None:
    assert loaded.resolve_author("Trump") == "realDonaldTrump"
    assert loaded.resolve_author("President Biden") == "JoeBiden"
    assert loaded.resolve_author("Example Newsroom") == "example_newsroom"
    assert loaded.resolve_author("Somebody Else") is None
    assert loaded.resolve_author("") is None


def test_ambiguous_surname_resolves_to_nobody(archive: Archive) -> None:
    archive.import_records(
        [
            rec("dana_quill", "Words one.", 1, author_name="Dana Quill (fictional)"),
            rec("robin_quill", "Words two.", 2, author_name="Robin Quill (fictional)"),
        ],
        files=["a"],
        fmt="jsonl",
    )
    assert archive.resolve_author("Quill") is None
    assert archive.resolve_author("Dana Quill") == "dana_quill"
    assert archive.resolve_author("Quill Robin") == "robin_quill"
    index = archive.alias_index()
    assert "quill" not in index
    assert index["dana"] == "dana_quill"
    assert index["robin quill"] == "robin_quill"


def test_aliases_from_records_and_add_alias(archive: Archive) -> None:
    archive.import_records(
        [rec("demo_factdesk", "Words.", author_name="Demo Factdesk (fictional)",
             extra_aliases=("The Fact Desk",))],
        files=["a"], fmt="jsonl",
    )
    assert archive.resolve_author("the fact desk") == "demo_factdesk"
    assert archive.resolve_author("Factdesk") == "demo_factdesk"
    assert archive.resolve_author("fictional") is None  # generic words are no aliases
    assert archive.add_alias("@Demo_Factdesk", "Desk of Demos") is True
    assert archive.add_alias("demo_factdesk", "desk of demos") is False
    assert archive.resolve_author("Desk of Demos") == "demo_factdesk"
