"""`quotes archive ...` end to end through `quotes.cli.main`, on a SQLite file in tmp."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app, main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "canonical-tweets.jsonl"
SEED_ID = "1636047019893481474"
# Invented text only ever comes from obviously fictional accounts.
GOOD = '{"author": "demo_factdesk", "name": "Demo Factdesk (fictional)", "text": "Post %d."}'


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "archive", "list", "--format", "json", *extra)
    assert code == 0
    payload = json.loads(out)
    assert payload["schema"] == "quotes.archive/1"
    return payload["tweets"]


def test_import_then_reimport(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "archive", "import", str(FIXTURE))
    assert code == 0
    assert out == ""
    assert err.splitlines()[0] == (  # then the embedding line (tests/test_embed_on_import.py)
        f"imported 21 tweets from {FIXTURE} (0 updated, 0 already in the archive)"
    )
    code, _, err = run(capsys, "archive", "import", str(FIXTURE))
    assert code == 0
    assert err.strip() == "nothing new: all 21 tweets already in the archive"
    assert len(listed(capsys)) == 21


def test_import_uses_quotes_db(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "archive", "import", "--quiet", str(FIXTURE))[0] == 0
    assert (tmp_path / "archive.sqlite").is_file()  # $QUOTES_DB, set by conftest
    other = tmp_path / "other" / "db.sqlite"
    code, _, err = run(capsys, "archive", "import", "-q", "--db", str(other), str(FIXTURE))
    assert (code, err) == (0, "")
    assert other.is_file()


def test_malformed_line_imports_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(f"{GOOD % 1}\n{GOOD % 2}\n{{\"author\": \"demo_factdesk\", \"text\": }}\n")
    code, out, err = run(capsys, "archive", "import", str(bad))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"quotes: error: {bad}:3: invalid JSON at column 37")
    assert not (tmp_path / "archive.sqlite").exists()  # read first: no archive was made


def test_bad_second_file_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(f"{GOOD % 1}\n{GOOD % 2}\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(f"{GOOD % 3}\n\n" + '{"author": "demo_factdesk", "text": "x", "id": true}\n')
    code, _, err = run(capsys, "archive", "import", str(good), str(bad))
    assert code == 2
    assert err.startswith(f"quotes: error: {bad}:3: ")
    assert 'field "id"' in err
    assert not (tmp_path / "archive.sqlite").exists()
    code, _, err = run(capsys, "archive", "import", str(good), str(FIXTURE))
    assert code == 0
    assert err.startswith("imported 23 tweets from 2 files")


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "archive", "import", str(tmp_path / "nope.jsonl"))
    assert code == 2
    assert err == f"quotes: error: {tmp_path / 'nope.jsonl'}: no such file\n"


def test_import_twitter_archive_with_author(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tweets = tmp_path / "tweets.js"
    tweets.write_text(
        "window.YTD.tweets.part0 = [\n"
        '{"tweet": {"id_str": "9", "created_at": "Wed Mar 15 00:50:00 +0000 2023",'
        ' "full_text": "Fish &amp; chips."}},\n'
        '{"tweet": {"id_str": "10", "created_at": "Wed Mar 15 00:51:00 +0000 2023",'
        ' "full_text": "RT @fictional_analyst: theirs"}}\n'
        "]\n"
    )
    code, _, err = run(capsys, "archive", "import", str(tweets))
    assert code == 2
    assert "pass --author HANDLE" in err
    code, _, err = run(capsys, "archive", "import", "--author", "example_newsroom", str(tweets))
    assert code == 0
    assert err.splitlines()[0] == (
        f"imported 1 tweet from {tweets} (0 updated, 0 already in the archive); "
        "skipped 1 retweet"
    )
    (tweet,) = listed(capsys)
    assert tweet["text"] == "Fish & chips."
    assert tweet["provenance"] == f"twitter-archive:{tweets}:2"
    assert tweet["created_at"] == "2023-03-15T00:50:00Z"


def test_unknown_format_option_is_a_usage_error() -> None:
    # Through typer's runner, not main(): main() does not yet catch the usage errors of
    # typer's vendored click (typer._click), which are not click.ClickException.
    result = CliRunner().invoke(app, ["archive", "import", "--format", "csv", str(FIXTURE)])
    assert result.exit_code == 2
    assert "csv" in result.output


def test_list_json_and_author_filter(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "archive", "import", str(FIXTURE))
    tweets = listed(capsys, "--author", "Musk", "--limit", "2")
    assert [t["platform_id"] for t in tweets] == [SEED_ID, None]
    assert tweets[0]["created_at"] == "2023-03-15T16:49:40Z"
    assert set(tweets[0]) >= {"id", "author", "text", "url", "source", "provenance"}
    code, _, err = run(capsys, "archive", "list", "--author", "Nobody Known")
    assert code == 2
    assert "no author 'Nobody Known'" in err


def test_list_text_table(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "archive", "import", str(FIXTURE))
    code, out, _ = run(capsys, "archive", "list", "--author", "greta")
    assert code == 0
    assert "@GretaThunberg" in out
    assert "2021-01-20" in out
    assert "@elonmusk" not in out


def test_show_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "archive", "import", str(FIXTURE))
    code, out, _ = run(capsys, "archive", "show", SEED_ID)
    assert code == 0
    assert "@elonmusk (Elon Musk)" in out
    assert f"jsonl:{FIXTURE}:1" in out
    assert out.rstrip().endswith("why doesn’t everyone do it?")  # the full text, exactly
    code, out, _ = run(capsys, "archive", "show", "--format", "json", "3")
    assert code == 0
    tweet = json.loads(out)["tweet"]
    assert tweet["text"] == "Sorry! I will do my best to stay alive."
    assert tweet["created_at"] == "2022-05-09"
    assert tweet["created_precision"] == "day"


def test_show_unknown_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "archive", "import", str(FIXTURE))[0] == 0
    code, out, err = run(capsys, "archive", "show", "424242")
    assert code == 2
    assert out == ""
    assert err.startswith("quotes: error: no tweet '424242' in the archive")
    assert err.count("\n") == 1
