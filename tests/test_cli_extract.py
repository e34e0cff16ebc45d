"""`quotes extract` end to end: bad inputs, JSON output, atomic reports, and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURE = ROOT / "fixtures" / "canonical-tweets.jsonl"

ARTICLE = (
    "Die Sprecherin Erika Beispiel äußerte sich am Montag auf X. „Wir werden das Projekt "
    "nicht aufgeben, auch wenn es teurer wird“, sagte Beispiel. Der Konzern sei "
    "„verpflichtet“, hieß es.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def extract_json(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict:
    code, out, _ = run(capsys, "extract", "--format", "json", *map(str, paths))
    assert code == 0
    payload = json.loads(out)
    assert payload["schema"] == "quotes.extract/1"
    return payload


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (None, "", "no such file"),
        (b"", "", "empty file"),
        (b" \n\t\n", "", "empty file"),
        (b"caf\xc3\xa9\nna\xefve\n", ":2", "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "", "binary file"),
    ],
)
def test_bad_article_is_one_line_naming_the_file(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: bytes | None,
    where: str,
    message: str,
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"quotes: error: {path}{where}: ")
    assert message in lines[0]


def test_directory_is_an_input_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 2
    assert f"{tmp_path}: is a directory" in err


def test_good_files_are_still_reported_beside_a_bad_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(
        capsys, "extract", "--format", "json", str(tmp_path / "gone.txt"), str(good)
    )
    assert code == 2
    payload = json.loads(out)
    assert [d["source"] for d in payload["documents"]] == [str(good)]
    assert payload["errors"] == [{"source": str(tmp_path / "gone.txt"), "error": "no such file"}]
    assert "gone.txt: no such file" in err


def test_json_output_has_offsets_speaker_and_terms(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "de.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = extract_json(capsys, path)["documents"]
    assert doc["language"] == "de"
    statement, term = doc["quotes"]
    assert ARTICLE[statement["start"] : statement["end"]] == statement["text"]
    assert statement["text"].startswith("Wir werden") and statement["text"].endswith("wird")
    assert statement["kind"] == "statement"
    assert statement["attribution"]["speaker"] == "Erika Beispiel"
    assert statement["attribution"]["verb"] == "sagte"
    assert (term["text"], term["kind"], term["attribution"]) == ("verpflichtet", "term", None)


def test_unknown_language_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "extract", "--lang", "xx", str(path))
    assert code == 2
    assert "unknown language 'xx'" in err


def test_out_file_is_written_whole(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "report.json"
    assert run(capsys, "extract", "--out", str(report), str(path))[0] == 0
    assert json.loads(report.read_text("utf-8"))["documents"][0]["source"] == str(path)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    code, _, err = run(capsys, "extract", "--out", str(tmp_path / "no" / "r.json"), str(path))
    assert code == 2 and "no such directory" in err


# --- the sample articles: the Musk tweet quote, with the fixture archive -----------------

TWEET_START = {
    "000": "Saya masih tidak mengerti",
    "002": "Ich verstehe immer noch",
    "003": "Je ne comprends",
}


@pytest.fixture
def seed_report(capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    assert run(capsys, "archive", "import", "-q", str(FIXTURE))[0] == 0
    payload = extract_json(capsys, *SEEDS)
    return {Path(d["source"]).name[:3]: d for d in payload["documents"]}


def test_seed_tweet_quote_found_and_attributed(seed_report: dict[str, dict]) -> None:
    for seed, opening in TWEET_START.items():
        statements = [q for q in seed_report[seed]["quotes"] if q["kind"] == "statement"]
        assert len(statements) == 1, seed
        quote = statements[0]
        text = (ROOT / "seeds").glob(f"{seed}_*.txt").__next__().read_text("utf-8")
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["text"].startswith(opening)
        # The tweet's last sentence asks why not everyone does it: the quote ends there.
        assert quote["text"].rstrip().endswith("?"), seed
        assert quote["attribution"]["author_handle"] == "elonmusk"
        assert quote["attribution"]["speaker"] == "Elon Musk"
        assert quote["attribution"]["medium"] == "tweet"
    assert seed_report["003"]["quotes"][1]["unclosed"] is True
    assert seed_report["002"]["quotes"][1]["unclosed"] is False


def test_seed_scare_quotes_are_terms_and_apostrophes_ignored(seed_report: dict[str, dict]) -> None:
    terms = {
        seed: [q["text"] for q in doc["quotes"] if q["kind"] == "term"]
        for seed, doc in seed_report.items()
    }
    assert terms["000"] == ["berkomitmen", "marah"]
    assert terms["002"] == ["verpflichtet", "wütend"]
    assert terms["003"] == ["engagé", "furieux"]
    # 003 is full of apostrophes (d'intelligence, l'IA, d'OpenAI, l’argent): none is a quote.
    assert all(q["open_mark"] in '"«' for q in seed_report["003"]["quotes"])


def test_seeds_without_quotes_give_no_statements(seed_report: dict[str, dict]) -> None:
    for seed in ("001", "004"):
        assert [q for q in seed_report[seed]["quotes"] if q["kind"] == "statement"] == []
