"""Long articles and dense quotation marks never crash or hang (issue 13), through the CLI.

Speed targets live in benchmarks/hostile.py; these tests only need the runs to finish, so
they fail on the code before (a traceback over 1M characters, minutes of quadratic work)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.cli import main
from tests.work_count import CALL_BUDGET_PER_CHAR, calls_made

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "canonical-tweets.jsonl"
NARRATION = (
    "Die Sprecherin Erika Beispiel äußerte sich am Montag ausführlich zu den Plänen des "
    "fiktiven Vereins. Der Vorstand habe lange beraten, hieß es.\n\n"
)
GOOD = (
    "Der Vorsitzende Max Mustermann meldete sich am Dienstag zu Wort. „Wir werden das "
    "Projekt nicht aufgeben, auch wenn es teurer wird“, sagte Mustermann.\n"
)
LAST_QUOTE = (
    "„Am Ende bleibt der Verein seinen Mitgliedern treu, das verspreche ich“, sagte Beispiel.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def long_article(tmp_path: Path) -> Path:
    """Over 1,000,000 characters (spaCy's limit), with one quote at its very end."""
    path = tmp_path / "long.txt"
    path.write_text(NARRATION * (1_050_000 // len(NARRATION) + 1) + LAST_QUOTE, encoding="utf-8")
    return path


def good_article(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_extract_a_long_article_with_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long, good = long_article(tmp_path), good_article(tmp_path)
    assert len(long.read_text(encoding="utf-8")) > 1_000_000
    code, out, err = run(capsys, "extract", "--format", "json", str(long), str(good))
    assert code == 0, err
    assert "Traceback" not in err
    documents = {Path(d["source"]).name: d for d in json.loads(out)["documents"]}
    assert set(documents) == {"long.txt", "good.txt"}
    [last] = documents["long.txt"]["quotes"]
    assert last["text"].startswith("Am Ende bleibt")
    assert last["attribution"]["speaker"] == "Erika Beispiel"  # named a million characters before
    [quote] = documents["good.txt"]["quotes"]
    assert quote["attribution"]["mention"] == "Mustermann"


def test_verify_a_long_article_with_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "archive.sqlite")
    assert run(capsys, "archive", "import", "--db", db, str(FIXTURE))[0] == 0
    long, good = long_article(tmp_path), good_article(tmp_path)
    code, out, err = run(capsys, "verify", "--db", db, "--no-mt", "--no-embeddings",
                         "--format", "json", str(long), str(good))
    assert code == 0, err
    report = json.loads(out)
    assert [Path(a["source"]).name for a in report["articles"]] == ["long.txt", "good.txt"]
    assert [len(a["quotes"]) for a in report["articles"]] == [1, 1]
    assert report["errors"] == []


def test_an_article_over_the_configured_limit_is_refused_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTES_MAX_CHARS", "1000")
    long = tmp_path / "long.txt"
    long.write_text(NARRATION * 20, encoding="utf-8")
    good = good_article(tmp_path)
    code, out, err = run(capsys, "extract", "--format", "json", str(long), str(good))
    assert code == 2
    assert [line for line in err.splitlines() if "long.txt" in line] == [
        f"quotes: error: {long}: {len(NARRATION * 20):,} characters, over the limit of "
        "1,000 (set QUOTES_MAX_CHARS to raise it)"
    ]
    payload = json.loads(out)
    assert [Path(d["source"]).name for d in payload["documents"]] == ["good.txt"]
    db = str(tmp_path / "archive.sqlite")
    assert run(capsys, "archive", "import", "--db", db, str(FIXTURE))[0] == 0
    code, out, err = run(capsys, "verify", "--db", db, "--no-mt", "--no-embeddings",
                         "--format", "json", str(long), str(good))
    assert code == 2 and "over the limit of 1,000" in err
    report = json.loads(out)
    assert [Path(a["source"]).name for a in report["articles"]] == ["good.txt"]
    assert [Path(e["source"]).name for e in report["errors"]] == ["long.txt"]


@pytest.mark.parametrize(
    "content",
    [
        "„" * 20_000,
        "“”«»„“" * 4_000,
        "„a “b ”c «d » " * 2_000,
        "„Wir sagen es. " * 2_000,
        "«" * 10_000 + " Text " + "»" * 10_000,
    ],
    ids=["low-9", "mixed", "mixed-words", "unclosed-sentences", "nested"],
)
def test_dense_marks_finish_with_sane_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "marks.txt"
    path.write_text(f"Jane Example schrieb: {content}\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    warm = tmp_path / "warm.txt"
    warm.write_text("Jane Example schrieb: „Ja.“\n", encoding="utf-8")
    run(capsys, "extract", "--format", "json", str(warm))  # loading is counted apart
    (code, out, err), calls = calls_made(
        lambda: run(capsys, "extract", "--format", "json", str(path)))
    # A call budget per character as in test_properties, far from quadratic work.
    assert calls <= CALL_BUDGET_PER_CHAR * len(text) + 100_000, calls
    assert code == 0, err
    [document] = json.loads(out)["documents"]
    quotes = document["quotes"]
    # Bounded output: no quote per mark running to the end of the line.
    assert sum(q["end"] - q["start"] for q in quotes) <= 20 * len(text)
    for q in quotes:
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["depth"] < 20
