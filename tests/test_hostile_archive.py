"""Careless and hostile archives and archive files (issue 13), through `quotes.cli.main` on
real SQLite files: a mistyped or empty archive is never silent, a read-only one can be
read, a known tweet id with another text is a conflict, and bad archive files give one
line naming file:line. Every account here is obviously fictional.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes.cli import main
from quotes.cli.common import console
from quotes.errors import InputError
from quotes.sources import read_text
from quotes.store import Archive

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "canonical-tweets.jsonl"
ARTICLE = ROOT / "seeds" / "002_f7fa717707bdf36d.txt"
RECORD = '{"author": "demo_factdesk", "name": "Demo Factdesk (fictional)", "id": "%s", ' \
         '"text": "%s"}\n'
RAIN = "Weather desk: rain expected on Tuesday across the fictional valley."
SNOW = "Weather desk: snow expected on Tuesday across the fictional valley."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# --- a mistyped, missing or empty archive -------------------------------------------------

READERS = [
    ["verify", "--no-mt", "--no-embeddings", str(ARTICLE)],
    ["archive", "list"],
    ["archive", "show", "1"],
    ["db", "status"],
]


@pytest.mark.parametrize("argv", READERS, ids=lambda a: " ".join(a[:2]))
def test_readers_refuse_a_mistyped_db_and_create_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    typo = tmp_path / "typo" / "nested" / "archvie.db"
    code, out, err = run(capsys, *argv, "--db", str(typo))
    assert (code, out) == (3, "")
    assert one_line(err) == (
        f"quotes: error: {typo}: no archive here (a typo in --db or $QUOTES_DB? "
        "import tweets first: `quotes archive import FILE`)"
    )
    assert not (tmp_path / "typo").exists()
    # Commands that write make it, directories and all.
    assert run(capsys, "archive", "import", "-q", "--db", str(typo), str(FIXTURE))[0] == 0
    assert typo.is_file()


@pytest.mark.parametrize("argv", READERS, ids=lambda a: " ".join(a[:2]))
def test_a_fresh_machine_gets_the_same_line_for_the_default_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    monkeypatch.delenv("QUOTES_DB")  # the default: $XDG_DATA_HOME/quotes/archive.sqlite
    default = tmp_path / "data" / "quotes" / "archive.sqlite"
    code, _, err = run(capsys, *argv)
    assert code == 3
    assert one_line(err).startswith(f"quotes: error: {default}: no archive here")
    assert not (tmp_path / "data").exists()
    # extract only resolves speakers with an archive: it runs without one, making none.
    code, out, _ = run(capsys, "extract", "--format", "json", str(ARTICLE))
    assert (code, len(json.loads(out)["documents"])) == (0, 1)
    assert not (tmp_path / "data").exists()


def test_verify_against_an_empty_archive_says_so_and_exits_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.sqlite"
    assert run(capsys, "db", "upgrade", "-q", "--db", str(path))[0] == 0
    code, out, err = run(capsys, "verify", "--no-mt", "--db", str(path), str(ARTICLE))
    assert (code, out) == (3, "")
    assert one_line(err) == (
        f"quotes: error: sqlite:///{path}: the archive holds no tweets: nothing to verify "
        "against (import some: `quotes archive import FILE`)"
    )


# --- a read-only archive ------------------------------------------------------------------

CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, PR_CAPBSET_DROP = 1, 2, 24


def _without_root_powers() -> None:
    """In the child, before exec: root may write any file; without these capabilities in
    its bounding set, the program it runs is held to the file modes as anyone else is."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def cli_process(*argv: str) -> subprocess.CompletedProcess[str]:
    """`quotes ARGV` in a process of its own (this checkout's code), unable to write
    read-only files even when the tests run as root."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from quotes.cli import main; "
         "sys.exit(main(sys.argv[1:]))", *argv],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"},
        preexec_fn=_without_root_powers if os.geteuid() == 0 else None,
    )


@pytest.fixture
def read_only_archive(tmp_path: Path) -> Iterator[Path]:
    """The fixture archive, without embeddings, as a colleague would hand it over: in
    SQLite's default journal mode, the file 0444 in a 0555 directory."""
    folder = tmp_path / "shared"
    path = folder / "archive.sqlite"
    assert main(["archive", "import", "-q", "--no-embed", "--db", str(path), str(FIXTURE)]) == 0
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    path.chmod(0o644)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_archive_can_be_listed_shown_and_checked(read_only_archive: Path) -> None:
    before = digest(read_only_archive)
    listed = cli_process("archive", "list", "--db", str(read_only_archive))
    assert (listed.returncode, listed.stderr) == (0, "")
    assert "@elonmusk" in listed.stdout
    shown = cli_process("archive", "show", "1", "--format", "json", "--db", str(read_only_archive))
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["tweet"]["platform_id"] == "1636047019893481474"
    status = cli_process("db", "status", "--db", str(read_only_archive))
    assert (status.returncode, status.stdout.split(":")[-1].strip()) == (0, "up to date")
    assert digest(read_only_archive) == before
    assert sorted(p.name for p in read_only_archive.parent.iterdir()) == ["archive.sqlite"]
    # Writing to it is refused in one line, and leaves it as it was.
    done = cli_process("archive", "import", "--db", str(read_only_archive), str(FIXTURE))
    assert done.returncode == 3
    assert one_line(done.stderr).endswith("attempt to write a readonly database")
    assert stat.S_IMODE(read_only_archive.stat().st_mode) == 0o444
    embed = cli_process("archive", "embed", "--db", str(read_only_archive))
    assert embed.returncode == 3
    assert one_line(embed.stderr).endswith("the archive is read-only: embeddings cannot be "
                                           "stored in it")


def test_verify_on_a_read_only_archive_embeds_in_memory_with_one_warning(
    read_only_archive: Path,
) -> None:
    before = digest(read_only_archive)
    done = cli_process("verify", "--no-mt", "--format", "json", "--db", str(read_only_archive),
                       str(ARTICLE))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["faithful"] == 1
    assert report["models"]["embedding"] is not None  # the embeddings were used
    warnings = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1
    assert warnings[0].startswith("quotes: warning: the archive is read-only: ")
    assert "tweet embeddings computed in memory, not stored" in warnings[0]
    assert digest(read_only_archive) == before


# --- import conflicts ---------------------------------------------------------------------


def write(path: Path, *lines: str) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    any_db_url: str,
) -> Path:
    """Two tweets imported into the test's archive: a SQLite file, then PostgreSQL."""
    monkeypatch.setenv("QUOTES_DB", any_db_url)
    path = write(tmp_path / "first.jsonl", RECORD % ("101", RAIN), RECORD % ("102", "Hello."))
    assert run(capsys, "archive", "import", "-q", str(path))[0] == 0
    return path


def texts(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    code, out, _ = run(capsys, "archive", "list", "--format", "json")
    assert code == 0
    return {t["platform_id"]: t["text"] for t in json.loads(out)["tweets"]}


def test_a_known_id_with_another_text_fails_the_import_showing_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, first: Path
) -> None:
    second = write(tmp_path / "second.jsonl", RECORD % ("103", "New post."),
                   RECORD % ("101", SNOW))
    code, out, err = run(capsys, "archive", "import", str(second))
    assert (code, out) == (2, "")
    assert one_line(err) == (
        f"quotes: error: {second}:2: tweet 101 differs from the archived one "
        f'(jsonl:{first}:1): there "{RAIN}", here "{SNOW}"; nothing imported '
        "(1 conflict; --on-conflict keep|replace decides)"
    )
    assert texts(capsys) == {"101": RAIN, "102": "Hello."}  # 103 was not imported either
    code, _, err = run(capsys, "archive", "import", str(first))  # the same texts: no conflict
    assert (code, one_line(err)) == (0, "nothing new: all 2 tweets already in the archive")


def test_keep_leaves_the_stored_text_and_says_how_many(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, first: Path
) -> None:
    second = write(tmp_path / "second.jsonl", RECORD % ("101", SNOW), RECORD % ("102", "Bye."),
                   RECORD % ("103", "New post."))
    code, _, err = run(capsys, "archive", "import", "--no-embed", "--on-conflict", "keep",
                       str(second))
    assert code == 0
    assert one_line(err) == (
        f"imported 1 tweet from {second} (0 updated, 0 already in the archive); "
        "2 conflicts (a known id with another text): the first text kept"
    )
    assert texts(capsys) == {"101": RAIN, "102": "Hello.", "103": "New post."}


def test_replace_stores_the_new_text_searchable_with_stale_vectors_gone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, first: Path, any_db_url: str
) -> None:
    with Archive.open(any_db_url) as archive:
        tweet = archive.get_tweet("101")
        assert tweet is not None and tweet.id is not None
        archive.store_tweet_embeddings("test-model", {tweet.id: b"\0" * 16})
    second = write(tmp_path / "second.jsonl", RECORD % ("101", SNOW))
    code, _, err = run(capsys, "archive", "import", "--no-embed", "--on-conflict", "replace",
                       str(second))
    assert code == 0
    assert one_line(err).endswith("1 conflict (a known id with another text): "
                                  "the new text stored")
    assert texts(capsys)["101"] == SNOW
    with Archive.open(any_db_url) as archive:
        assert archive.tweet_embeddings("test-model", [tweet.id]) == {}
        assert archive.candidate_ids("snow valley") == [tweet.id]
        assert archive.candidate_ids("rain") == []
        replaced = archive.get_tweet("101")
        assert replaced is not None and replaced.provenance == f"jsonl:{second}:1"


def test_conflicts_inside_one_import_and_long_texts_shortened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    long_text = "Weather desk: " + "a long fictional forecast " * 10
    path = write(tmp_path / "both.jsonl", RECORD % ("201", long_text), RECORD % ("201", SNOW))
    code, _, err = run(capsys, "archive", "import", str(path))
    assert code == 2
    line = one_line(err)
    assert line.startswith(f"quotes: error: {path}:2: tweet 201 differs from the record at "
                           f"{path}:1: there \"Weather desk: a long fictional forecast")
    assert '…", here "' + SNOW + '"' in line
    assert not (tmp_path / "archive.sqlite").exists()
    code, _, err = run(capsys, "archive", "import", "--on-conflict", "replace", str(path))
    assert code == 0
    assert texts(capsys) == {"201": SNOW}


def test_an_unknown_conflict_policy_is_an_input_error(
    capsys: pytest.CaptureFixture[str], first: Path
) -> None:
    code, _, err = run(capsys, "archive", "import", "--on-conflict", "merge", str(first))
    assert code == 2
    assert one_line(err) == ("quotes: error: --on-conflict: unknown policy 'merge' "
                             "(choose keep or replace)")


# --- archive files ------------------------------------------------------------------------


def test_an_archive_file_that_is_not_tweets_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    likes = write(tmp_path / "tweets.js", 'window.YTD.likes.part0 = [\n  {"like": '
                  '{"tweetId": "7", "fullText": "Liked words."}}\n]\n')
    code, _, err = run(capsys, "archive", "import", "--author", "demo_factdesk", str(likes))
    assert code == 2
    assert one_line(err) == (
        f"quotes: error: {likes}:1: not tweets: the file is 'window.YTD.likes.part0' "
        "(an archive's tweets.js starts 'window.YTD.tweets.part0 = [')"
    )
    assert not (tmp_path / "archive.sqlite").exists()


@pytest.mark.parametrize("where", ["jsonl", "api-v2", "--author"])
def test_handles_that_no_account_can_have_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, where: str
) -> None:
    if where == "jsonl":
        path = write(tmp_path / "a.jsonl", RECORD % ("1", "Fine."),
                     '{"author": "evil<b>x", "text": "Hi."}\n')
        expected, extra = f"{path}:2", []
    elif where == "api-v2":
        page = {"data": [{"id": "5", "text": "Hi.", "author_id": "9"}],
                "includes": {"users": [{"id": "9", "username": "evil<b>x"}]}}
        path = write(tmp_path / "a.json", json.dumps(page, indent=1))
        expected, extra = f"{path}:1", []  # the response's line: users have none of theirs
    else:
        path = write(tmp_path / "a.jsonl", '{"text": "Hi."}\n')
        expected, extra = "--author", ["--format", "jsonl", "--author", "evil<b>x"]
    code, _, err = run(capsys, "archive", "import", *extra, str(path))
    assert code == 2
    assert one_line(err) == (f"quotes: error: {expected}: not a valid handle: 'evil<b>x' "
                             "(letters, digits and _ only)")


@pytest.mark.parametrize("layout", ["json", "jsonl", "tweets.js"])
def test_deeply_nested_json_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, layout: str
) -> None:
    deep = "[" * 100_000
    body = {
        "json": '{"data": ' + deep,
        "jsonl": RECORD % ("1", "Fine.") + '{"author": "demo_factdesk", "text": ' + deep,
        "tweets.js": "window.YTD.tweets.part0 = [\n" + deep,
    }[layout]
    path = write(tmp_path / f"deep.{layout}", body)
    code, _, err = run(capsys, "archive", "import", "--author", "demo_factdesk", str(path))
    assert code == 2
    line = one_line(err)
    assert line.startswith(f"quotes: error: {path}:{1 if layout == 'json' else 2}: ")
    assert line.endswith("JSON nested too deeply (no tweet export nests past a dozen levels)")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str
) -> None:
    def encode(text: str) -> bytes:
        if encoding == "utf-16-be-bom":
            return b"\xfe\xff" + text.encode("utf-16-be")
        return text.encode(encoding)

    archive = tmp_path / "tweets.jsonl"
    archive.write_bytes(encode(FIXTURE.read_text(encoding="utf-8")))
    code, _, err = run(capsys, "archive", "import", "--no-embed", str(archive))
    assert (code, one_line(err).split(" (")[0]) == (0, f"imported 21 tweets from {archive}")
    article = tmp_path / "article.txt"
    article.write_bytes(encode(ARTICLE.read_text(encoding="utf-8")))
    code, out, _ = run(capsys, "extract", "--format", "json", str(article), str(ARTICLE))
    assert code == 0
    first, second = json.loads(out)["documents"]
    assert first["quotes"] == second["quotes"]  # the same offsets as from UTF-8
    # NUL bytes without a BOM still mean a binary file.
    article.write_bytes(encode(ARTICLE.read_text(encoding="utf-8"))[4:])
    code, _, err = run(capsys, "extract", str(article))
    assert code == 2
    assert one_line(err) == f"quotes: error: {article}: binary file, not a text article"


# --- archive list ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 60, 30])
def test_archive_list_never_cuts_an_id(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    assert run(capsys, "archive", "import", "-q", str(FIXTURE))[0] == 0
    monkeypatch.setattr(console, "_width", width)
    code, out, _ = run(capsys, "archive", "list")
    assert code == 0
    lines = [line.strip("│┃ ") for line in out.splitlines()]
    firsts = [line.split()[0] for line in lines if line and line[0].isdigit()]
    assert firsts == [str(i) for i in range(1, 22)]
    assert "1636047019893481474" in out and "@fictional_analyst" in out
    if width >= 80:
        assert max(len(line) for line in out.splitlines()) <= width


def test_the_kind_a_binary_file_is_not_reads_right(tmp_path: Path) -> None:
    binary = tmp_path / "tweets.jsonl"
    binary.write_bytes(b"\x00\xff{}")
    with pytest.raises(InputError, match=r": binary file, not an archive file$"):
        read_text(binary, kind="archive file")
    with pytest.raises(InputError, match=r": is a directory, not a text article$"):
        read_text(tmp_path, kind="text article")
