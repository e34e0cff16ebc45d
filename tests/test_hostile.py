"""Careless and hostile input through the CLI (issue 13): exit codes that never lie, report
output that is safe, and odd inputs ("-", other URL schemes). Accounts and texts are
invented for these tests (fictional newsroom, fictional passers-by)."""

from __future__ import annotations

import io
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import quotes.pipeline
from quotes.cli import main

ROOT = Path(__file__).resolve().parent.parent
HINT = "(rerun with --debug for the traceback)"

ARCHIVE = [
    {
        "author": "example_newsroom",
        "name": "Example Newsroom (fictional)",
        "created_at": "2025-03-02",
        "id": None,
        "text": "Storm warning: 2 days of heavy rain expected, stay indoors if you can.",
        "url": None,
        "source": "invented for tests; fictional account",
    },
    {
        "author": "fictional_feed",
        "name": "Feed <img src=x onerror=alert(1)> (fictional)",
        "created_at": "2025-03-04",
        "id": None,
        "text": "Breaking <script>alert(1)</script> the *new* [ferry](javascript:x) | "
        "sails at noon on Friday from the old harbour.",
        "url": None,
        "source": "invented for tests; fictional account",
    },
]

# A remark that names no speaker and no medium; the fictional newsroom's tweet shares
# words and "2 ≈ five" with it but is no plausible source.
PASSER_BY = (
    "The town square was quiet on Monday.\n\n"
    "\"Five days of heavy rain expected, so stay indoors if you can, they say.\"\n\n"
    "Nobody knew who had painted it on the wall.\n"
)
# Quotes the fictional feed word for word, markup and all.
FEED = (
    "The harbour office was busy. \"Breaking <script>alert(1)</script> the *new* "
    "[ferry](javascript:x) | sails at noon on Friday from the old harbour,\" wrote "
    "Fictional Feed on X.\n"
)
PLAIN = 'The mayor of Exampleton said: "We will paint the fence of the park on Friday."\n'


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    records = tmp_path / "archive.jsonl"
    records.write_text("\n".join(json.dumps(r) for r in ARCHIVE) + "\n", encoding="utf-8")
    assert main(["archive", "import", "-q", str(records)]) == 0
    capsys.readouterr()
    return tmp_path / "archive.sqlite"  # $QUOTES_DB (conftest)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    return path


def _boom(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("fictional failure\nin two lines")


# --- exit codes --------------------------------------------------------------------------


def test_internal_error_exits_4_with_one_line(article: Path, monkeypatch, capsys):
    monkeypatch.setattr(quotes.pipeline, "extract", _boom)
    assert main(["extract", "-q", str(article)]) == 4
    err = capsys.readouterr().err
    assert err == ("quotes: internal error: RuntimeError: fictional failure in two lines "
                   f"{HINT}\n")


def test_debug_shows_the_traceback_and_still_exits_4(article: Path, monkeypatch, capsys):
    monkeypatch.setattr(quotes.pipeline, "extract", _boom)
    assert main(["--debug", "extract", "-q", str(article)]) == 4
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "RuntimeError" in err
    assert HINT not in err


def test_interrupt_still_exits_130(article: Path, monkeypatch, capsys):
    def interrupt(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(quotes.pipeline, "extract", interrupt)
    assert main(["extract", "-q", str(article)]) == 130
    assert "internal error" not in capsys.readouterr().err


def _run_with_failure(argv: list[str], *, stdin: str | None = None) -> subprocess.CompletedProcess:
    """A real `quotes` process whose extract stage raises an unexpected exception."""
    code = textwrap.dedent(f"""
        import sys
        import quotes.pipeline
        def boom(*args, **kwargs):
            raise ValueError("fictional bug")
        quotes.pipeline.extract = boom
        from quotes.cli import main
        sys.exit(main({argv!r}))
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, input=stdin, timeout=120)


def test_internal_error_in_a_real_process_exits_4(article: Path):
    run = _run_with_failure(["extract", "-q", str(article)])
    assert run.returncode == 4
    assert run.stderr == f"quotes: internal error: ValueError: fictional bug {HINT}\n"
    run = _run_with_failure(["--debug", "extract", "-q", str(article)])
    assert run.returncode == 4
    assert "Traceback" in run.stderr and "ValueError: fictional bug" in run.stderr


def test_a_closed_stdout_is_not_a_finding(tmp_path: Path):
    """`quotes … | head` whose reader has gone: typer's exit 1 would read as a finding."""
    big = tmp_path / "long.txt"
    big.write_text("".join(f'Line {i}: the mayor of Exampleton said: "We will paint fence '
                           f'number {i} on Friday."\n' for i in range(3000)), encoding="utf-8")
    read, write = os.pipe()
    os.close(read)  # nobody will read: every write fails with EPIPE
    try:
        run = subprocess.run([sys.executable, "-m", "quotes", "extract", "-q", "--format",
                              "json", str(big)], stdout=write, stderr=subprocess.PIPE,
                             text=True, cwd=ROOT, timeout=300,
                             env={**os.environ, "QUOTES_DB": "sqlite:///:memory:"})
    finally:
        os.close(write)
    assert run.returncode == 141, run.stderr
    assert "Traceback" not in run.stderr


def test_a_quote_that_claims_nothing_is_not_a_distortion(archive: Path, tmp_path, capsys):
    path = tmp_path / "square.txt"
    path.write_text(PASSER_BY, encoding="utf-8")
    code = main(["verify", "--no-mt", "--no-embeddings", "--format", "json", "-q", str(path)])
    (article,) = json.loads(capsys.readouterr().out)["articles"]
    (quote,) = article["quotes"]
    assert (code, quote["verdict"]) == (0, "unmatched")
    assert quote["speaker"] is None and quote["medium"] == "none"
    # Either the match decision leaves it (saying which tweet came closest and how far it
    # fell short), or a loose match is not judged since the quote claims no source.
    assert any("names no speaker or medium" in note or note.startswith("closest: @")
               for note in quote["notes"])


# --- --help ------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--help"], ["verify", "--help"], ["extract", "--help"],
                                  ["archive", "embed", "--help"]])
def test_plain_flags_show_no_bool_type(argv: list[str], monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "160")
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "--quiet" in out or "--debug" in out
    assert "<bool>" not in out


# --- safe output -------------------------------------------------------------------------


def test_markdown_report_is_inert(archive: Path, tmp_path, capsys):
    feed = tmp_path / "harbour.txt"
    feed.write_text(FEED, encoding="utf-8")
    out = tmp_path / "report.md"
    missing = tmp_path / "<b>gone</b>.txt"
    code = main(["verify", "--no-mt", "--no-embeddings", "-q", "--format", "md",
                 "--out", str(out), str(feed), str(missing)])
    assert code == 2  # the missing article
    text = out.read_text("utf-8")
    assert "@fictional\\_feed" in text or "@fictional_feed" in text  # the tweet is shown
    for raw in ("<script>", "<img", "<b>", "[ferry](", " *new*", ") | sails"):
        assert raw not in text, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\\*new\\* \\[ferry\\](javascript:x) \\| sails" in text
    assert "&lt;b&gt;gone&lt;/b&gt;.txt" in text


def test_story_markdown_is_inert(tmp_path, capsys):
    """The cross-version section names each version and quotes its sentences: file names
    and article text must stay text there too."""
    en = tmp_path / "<img src=x onerror=alert(1)>.txt"
    en.write_text("The council of Exampleton said on Monday that 10 new buses will run "
                  "from Friday.\n", encoding="utf-8")
    de = tmp_path / "de.txt"
    de.write_text("Der Rat von Exampleton sagte am Montag, dass ab Freitag 100 neue Busse "
                  "fahren.\n", encoding="utf-8")
    out = tmp_path / "story.md"
    code = main(["story", "-q", "--format", "md", "--out", str(out), str(en), str(de)])
    assert code in (0, 1)
    text = out.read_text("utf-8")
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in text


def test_markdown_escapes_block_markup_at_line_start(archive: Path, tmp_path, capsys):
    path = tmp_path / "heading.txt"
    path.write_text('Overheard downtown: "# Heading of nobody, with _stress_ and `code`."\n',
                    encoding="utf-8")
    out = tmp_path / "report.md"
    assert main(["verify", "--no-mt", "--no-embeddings", "-q", "--format", "md",
                 "--out", str(out), str(path)]) == 0
    text = out.read_text("utf-8")
    assert "> \\# Heading of nobody, with \\_stress\\_ and \\`code\\`." in text


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}


@pytest.mark.parametrize("target", ["article", "archive", "archive-wal", "relative-article"])
def test_out_never_replaces_an_input_or_the_archive(
    target: str, archive: Path, article: Path, tmp_path, monkeypatch, capsys
):
    out = {"article": article, "archive": archive,
           "archive-wal": archive.with_name(archive.name + "-wal"),
           "relative-article": Path("sub/../plain.txt")}[target]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    before = _snapshot(tmp_path)
    code = main(["verify", "--no-mt", "--no-embeddings", "-q", "--format", "json",
                 "--db", str(archive), "--out", str(out), str(article)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "refusing to overwrite" in err and "Traceback" not in err
    assert _snapshot(tmp_path) == before


def test_out_refuses_the_default_archive_for_extract(archive: Path, article: Path, capsys):
    before = archive.read_bytes()
    assert main(["extract", "-q", "--out", str(archive), str(article)]) == 2
    assert "is the archive database" in capsys.readouterr().err
    assert archive.read_bytes() == before


def _unwritable_dir(tmp_path: Path) -> Path:
    if os.geteuid() == 0:  # root writes anywhere a mode allows: sysfs refuses even root
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    return locked


@pytest.mark.parametrize("where", ["directory", "missing", "unwritable"])
def test_bad_out_paths_give_one_line_and_exit_2(where: str, article: Path, tmp_path, capsys):
    out = {"directory": lambda: tmp_path, "missing": lambda: tmp_path / "no" / "r.json",
           "unwritable": lambda: _unwritable_dir(tmp_path) / "r.json"}[where]()
    code = main(["extract", "-q", "--format", "json", "--out", str(out), str(article)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("quotes: error: ") and err.count("\n") == 1
    assert out.is_dir() if where == "directory" else not out.exists()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_replaced_report_keeps_its_mode(mode: int, article: Path, tmp_path, capsys):
    out = tmp_path / "report.json"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(mode)
    assert main(["extract", "-q", "--format", "json", "--out", str(out), str(article)]) == 0
    assert json.loads(out.read_text("utf-8"))["schema"] == "quotes.extract/1"
    assert stat.S_IMODE(out.stat().st_mode) == mode


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_report_follows_the_umask(umask: int, article: Path, tmp_path, capsys):
    out = tmp_path / "report.json"
    old = os.umask(umask)
    try:
        assert main(["extract", "-q", "--format", "json", "--out", str(out), str(article)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_no_temporary_file_survives_an_interrupted_write(
    article: Path, tmp_path, monkeypatch, capsys
):
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    assert main(["extract", "-q", "--format", "json", "--out", str(out), str(article)]) == 130
    assert list(out.parent.iterdir()) == []


def test_no_temporary_file_survives_sigterm_during_the_write(article: Path, tmp_path):
    """A real process gets SIGTERM while its report is being written (os.replace is made
    to signal the process itself and wait): it exits 143 and leaves nothing behind."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "report.json"
    code = textwrap.dedent(f"""
        import os, signal, sys, time
        def killed_while_writing(src, dst):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(30)
        os.replace = killed_while_writing
        from quotes.cli import main
        sys.exit(main(["extract", "-q", "--format", "json", "--out", {str(out)!r},
                       {str(article)!r}]))
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 128 + signal.SIGTERM, run.stderr
    assert list(out_dir.iterdir()) == []
    assert "Traceback" not in run.stderr


# --- inputs ------------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_extract_reads_an_article_from_stdin(monkeypatch, capsys):
    _stdin(monkeypatch, PLAIN)
    assert main(["extract", "-q", "--format", "json", "-"]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert document["source"] == "<stdin>"
    assert [q["text"] for q in document["quotes"]] == [
        "We will paint the fence of the park on Friday."
    ]


def test_verify_reads_an_article_from_stdin(archive: Path, article: Path, monkeypatch, capsys):
    _stdin(monkeypatch, PASSER_BY)
    code = main(["verify", "--no-mt", "--no-embeddings", "-q", "--format", "json", "-",
                 str(article)])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [a["source"] for a in payload["articles"]] == ["<stdin>", str(article)]


def test_empty_stdin_is_one_line(monkeypatch, capsys):
    _stdin(monkeypatch, "  \n")
    assert main(["extract", "-q", "-"]) == 2
    assert capsys.readouterr().err == "quotes: error: <stdin>: empty file\n"


def test_stdin_in_a_real_process():
    run = subprocess.run([sys.executable, "-m", "quotes", "extract", "-q", "--format", "json",
                          "-"], input=PLAIN, capture_output=True, text=True, cwd=ROOT,
                         timeout=120, env={**os.environ, "QUOTES_DB": "sqlite:///:memory:"})
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["documents"][0]["source"] == "<stdin>"


@pytest.mark.parametrize("command", ["verify", "extract", "story"])
@pytest.mark.parametrize(("url", "scheme"), [
    ("file:///etc/passwd", "file"),
    ("FTP://files.example/article.txt", "ftp"),
    ("javascript:alert(1)", "javascript"),
    ("data:text/plain,hello", "data"),
])
def test_other_url_schemes_are_named(command: str, url: str, scheme: str, article: Path,
                                     archive: Path, capsys):
    # (with an archive: `verify` refuses to run without one, exit 3, before any input error)
    extra = ["--no-mt"] if command == "verify" else []
    code = main([command, "-q", *extra, url, str(article)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"quotes: error: {url}: unsupported URL scheme '{scheme}' (http and https only)\n" \
        in err
    assert "no such file" not in err


def test_a_file_whose_name_looks_like_a_scheme_is_still_read(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes:draft.txt").write_text(PLAIN, encoding="utf-8")
    assert main(["extract", "-q", "--format", "json", "notes:draft.txt"]) == 0
