"""`quotes verify` end to end: articles written for these tests, in several languages,
against a small archive of obviously fictional accounts (invented words never go into a
real person's mouth)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from quotes.cli import main
from quotes.report import REPORT_SCHEMA, report_schema
from tests.verify_fixtures import archive_and_articles

ARCHIVE = [
    {
        "author": "example_mayor",
        "name": "Erika Muster (fictional)",
        "created_at": "2025-03-02T09:15:00Z",
        "id": "900000000000000001",
        "text": "We will open the new bridge on Friday. It cost $40 million, "
        "not a cent more than planned.",
        "url": "https://x.com/example_mayor/status/900000000000000001",
        "source": "invented for tests; fictional account",
    },
    {
        "author": "demo_minister",
        "name": "Dana Demoulin (fictional)",
        "created_at": "2025-03-03",
        "id": None,
        "text": "The bridge is not safe yet. Engineers need three more months of tests "
        "before anyone drives over it.",
        "url": None,
        "source": "invented for tests; fictional account",
    },
    {
        "author": "example_stats",
        "name": "Stella Statistica (fictional)",
        "created_at": "2025-04-07",
        "id": None,
        "text": "Our city counted 12,500 cyclists on Sunday, 8% more than a year ago.",
        "url": None,
        "source": "invented for tests; fictional account",
    },
    {
        "author": "sample_analyst",
        "name": "Sam Samplewood (fictional)",
        "created_at": "2025-01-10",
        "id": None,
        "text": "Ticket prices for the city's trains will rise by 5% in April.",
        "url": None,
        "source": "invented for tests; fictional account",
    },
    {
        "author": "prefeita_ficticia",
        "name": "Rita Exemplo (fictional)",
        "created_at": "2025-05-02",
        "id": None,
        "text": "A ponte nova fica fechada até sexta-feira. As equipes trabalham dia e noite "
        "para reabrir a travessia com segurança.",
        "url": None,
        "source": "invented for tests; fictional account",
    },
]

ARTICLES = {
    # A faithful German translation, with the amount kept.
    "de_faithful.txt": (
        "Die Stadt feiert. „Wir werden die neue Brücke am Freitag eröffnen. Sie hat 40 "
        "Millionen Dollar gekostet, keinen Cent mehr als geplant“, schrieb Bürgermeisterin "
        "Erika Muster auf X.\n"
    ),
    # The French version turns $40 million into $400 million.
    "fr_distortion.txt": (
        "La ville est en fête. « Nous ouvrirons le nouveau pont vendredi. Il a coûté 400 "
        "millions de dollars, pas un centime de plus que prévu », a écrit la maire Erika "
        "Example sur X.\n"
    ),
    # The Indonesian version gives the minister's words to the mayor.
    "id_misattributed.txt": (
        "Warga kecewa. “Jembatan itu belum aman. Para insinyur membutuhkan tiga bulan lagi "
        "untuk pengujian sebelum ada yang berkendara di atasnya,” tulis Erika Muster di X.\n"
    ),
    # A Spanish quote that is in no tweet.
    "es_unmatched.txt": (
        "En la rueda de prensa, el alcalde de otra ciudad fue tajante: «Nuestro equipo de "
        "fútbol ganará la liga el próximo año sin ninguna duda».\n"
    ),
    # A Portuguese article quoting a Portuguese tweet word for word.
    "pt_verbatim.txt": (
        'A cidade espera. "A ponte nova fica fechada até sexta-feira. As equipes trabalham '
        'dia e noite para reabrir a travessia com segurança", escreveu a prefeita Rita '
        "Exemplo no X.\n"
    ),
    # An English article quoting the tweet word for word.
    "en_verbatim.txt": (
        'Sam Samplewood wrote on X: "Ticket prices for the city\'s trains will rise by 5% in '
        'April." The company did not comment.\n'
    ),
}


@pytest.fixture
def setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    archive_and_articles(tmp_path, ARCHIVE, ARTICLES)
    capsys.readouterr()
    return tmp_path


def verify_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["verify", "--no-mt", "--format", "json", "-q", *argv])
    out, _ = capsys.readouterr()
    return code, json.loads(out)


def only_quote(payload: dict, name: str) -> dict:
    (article,) = [a for a in payload["articles"] if a["source"].endswith(name)]
    (quote,) = article["quotes"]
    return quote


def test_report_validates_against_its_schema(setup: Path, capsys: pytest.CaptureFixture[str]):
    code, payload = verify_json(capsys, *(str(setup / n) for n in ARTICLES))
    jsonschema.validate(payload, report_schema())
    assert payload["schema"] == REPORT_SCHEMA
    assert sum(payload["summary"].values()) == len(ARTICLES)
    assert code == 1  # a distortion and a misattribution were found


def test_faithful_translation_matches_its_tweet(setup: Path, capsys):
    code, payload = verify_json(capsys, str(setup / "de_faithful.txt"))
    quote = only_quote(payload, "de_faithful.txt")
    assert quote["match"]["tweet"]["author"] == "example_mayor"
    assert quote["match"]["tweet"]["id"] == "900000000000000001"
    assert quote["verdict"] == "faithful"
    assert quote["speaker_handle"] == "example_mayor"
    assert quote["medium"] == "tweet"
    assert code == 0


def test_changed_amount_is_a_distortion(setup: Path, capsys):
    code, payload = verify_json(capsys, str(setup / "fr_distortion.txt"))
    quote = only_quote(payload, "fr_distortion.txt")
    assert quote["verdict"] == "distortion"
    assert quote["match"]["tweet"]["author"] == "example_mayor"
    (difference,) = [d for d in quote["differences"] if d["kind"] == "number"]
    assert "400" in difference["quote"] and "40" in difference["tweet"]
    assert code == 1


def test_words_of_another_account_are_misattributed(setup: Path, capsys):
    code, payload = verify_json(capsys, str(setup / "id_misattributed.txt"))
    quote = only_quote(payload, "id_misattributed.txt")
    assert quote["verdict"] == "misattributed"
    assert quote["match"]["tweet"]["author"] == "demo_minister"
    assert quote["speaker_handle"] == "example_mayor"
    assert quote["differences"][0]["kind"] == "speaker"
    assert code == 1


def test_quote_in_no_tweet_is_unmatched(setup: Path, capsys):
    code, payload = verify_json(capsys, str(setup / "es_unmatched.txt"))
    quote = only_quote(payload, "es_unmatched.txt")
    assert quote["verdict"] == "unmatched"
    assert quote["match"] is None
    assert code == 0


def test_english_quote_of_english_tweet_is_verbatim(setup: Path, capsys):
    _, payload = verify_json(capsys, str(setup / "en_verbatim.txt"))
    quote = only_quote(payload, "en_verbatim.txt")
    assert quote["verdict"] == "verbatim"
    assert quote["match"]["tweet"]["author"] == "sample_analyst"


def test_quote_in_its_tweets_own_language_is_verbatim_by_its_words(setup: Path, capsys):
    # No translation: the Portuguese words are compared with the Portuguese tweet as is.
    _, payload = verify_json(capsys, str(setup / "pt_verbatim.txt"))
    quote = only_quote(payload, "pt_verbatim.txt")
    assert quote["verdict"] == "verbatim"
    assert quote["match"]["tweet"]["author"] == "prefeita_ficticia"
    assert quote["match"]["fuzzy"] >= 97


def test_markdown_report_is_written_atomically(setup: Path, capsys):
    out = setup / "report.md"
    code = main(["verify", "--no-mt", "-q", "--format", "md", "--out", str(out),
                 str(setup / "fr_distortion.txt")])
    assert code == 1
    text = out.read_text("utf-8")
    assert text.startswith("# Attribution report")
    assert "**DISTORTION**" in text and "@example_mayor" in text
    assert not [p for p in setup.iterdir() if p.name.endswith(".tmp")]


def test_bad_article_is_reported_and_others_verified(setup: Path, capsys):
    code = main(["verify", "--no-mt", "--format", "json", "-q",
                 str(setup / "missing.txt"), str(setup / "de_faithful.txt")])
    out, err = capsys.readouterr()
    payload = json.loads(out)
    assert code == 2
    assert payload["errors"] == [{"source": str(setup / "missing.txt"), "error": "no such file"}]
    assert only_quote(payload, "de_faithful.txt")["verdict"] == "faithful"
    assert "missing.txt: no such file" in err


def test_missing_translation_model_is_named_and_verification_goes_on(
    setup: Path, capsys, tmp_path: Path
):
    empty = tmp_path / "models"
    empty.mkdir()
    code = main(["verify", "--format", "json", "--model-dir", str(empty),
                 str(setup / "de_faithful.txt")])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Helsinki-NLP/opus-mt-de-en" in err and "quotes models download de" in err
    quote = only_quote(json.loads(out), "de_faithful.txt")
    assert quote["back_translation"] is None and quote["verdict"] == "faithful"


def test_back_translation_with_a_local_model_and_its_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tiny MarianMT model built here stands in for opus-mt-de-en: it knows a few
    sentence pairs, enough to check the whole MT path and the cache end to end."""
    from tests.tiny_marian import build_tiny_marian

    model = build_tiny_marian(tmp_path / "tiny-de-en")
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        json.dumps({
            "author": "example_bridgekeeper", "name": "Bridget Keeper (fictional)",
            "created_at": None, "id": None,
            "text": "A thousand people cross the bridge every day.",
            "url": None, "source": "invented for tests; fictional account",
        }) + "\n",
        encoding="utf-8",
    )
    assert main(["archive", "import", "-q", str(archive)]) == 0
    article = tmp_path / "de.txt"
    article.write_text(
        "Die Stadt zählt weiter. „Über die Brücke gehen jeden Tag tausend Menschen.“, "
        "schrieb Bridget Keeper auf X.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    argv = ["verify", "--format", "json", "-q", "--model", f"de={model}", str(article)]
    for run in (1, 2):
        assert main(argv) == 0
        quote = only_quote(json.loads(capsys.readouterr().out), "de.txt")
        bt = quote["back_translation"]
        assert bt["text"] == "A thousand people cross the bridge every day."
        assert bt["cached"] is (run == 2)
        assert quote["method"].startswith("mt+fuzzy")
        assert quote["verdict"] == "faithful"
        assert quote["match"]["fuzzy"] == 100
        assert quote["speaker_handle"] == "example_bridgekeeper"


def test_one_tweet_quoted_in_two_fragments_resolves_to_it_twice(
    setup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = setup / "es_split.txt"
    article.write_text(
        "El ministerio respondió en X. «El puente todavía no es seguro», escribió Dana "
        "Demoulin. «Los ingenieros necesitan tres meses más de pruebas antes de que alguien "
        "lo cruce en coche».\n",
        encoding="utf-8",
    )
    _, payload = verify_json(capsys, str(article))
    (doc,) = payload["articles"]
    first, second = doc["quotes"]
    assert first["match"]["tweet"]["author"] == second["match"]["tweet"]["author"] == (
        "demo_minister"
    )
    assert first["match"]["fragment"] and second["match"]["fragment"]
    assert second["speaker_handle"] == "demo_minister"  # the fragment continues the first
    assert {first["verdict"], second["verdict"]} <= {"faithful", "paraphrase"}


def test_tweets_posted_after_the_article_are_no_source(setup: Path, capsys) -> None:
    article = str(setup / "de_faithful.txt")
    _, before = verify_json(capsys, "--published", "2025-02-01", article)
    assert only_quote(before, "de_faithful.txt")["verdict"] == "unmatched"
    _, after = verify_json(capsys, "--published", "2025-03-04", article)
    assert only_quote(after, "de_faithful.txt")["verdict"] == "faithful"
    assert main(["verify", "--no-mt", "--published", "last week", article]) == 2
    assert "--published: not a date" in capsys.readouterr().err


def test_without_translation_or_embeddings_shared_numbers_still_match(
    setup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anchors only: a Dutch quote sharing two numbers with one tweet and no other is
    matched to it; a quote sharing none stays unmatched."""
    article = setup / "nl_numbers.txt"
    article.write_text(
        "Het was druk. „Onze stad telde zondag 12.500 fietsers, 8% meer dan een jaar "
        "geleden”, schreef Stella Statistica op X.\n",
        encoding="utf-8",
    )
    code = main(["verify", "--no-mt", "--no-embeddings", "--format", "json", "-q",
                 str(article), str(setup / "es_unmatched.txt")])
    payload = json.loads(capsys.readouterr().out)
    dutch = only_quote(payload, "nl_numbers.txt")
    assert dutch["match"]["tweet"]["author"] == "example_stats"
    assert dutch["method"] == "anchors"
    assert dutch["match"]["shared_anchors"] == 2
    assert only_quote(payload, "es_unmatched.txt")["verdict"] == "unmatched"
    assert code == 0


def test_large_archive_path_retrieves_through_the_indexes(
    setup: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past FULL_SCAN_LIMIT the archive is never loaded whole: candidates come from
    full-text search, the speaker's tweets and the nearest stored embeddings. Here the
    limit is lowered so the small archive takes that path."""
    import quotes.pipeline.candidates as candidates

    monkeypatch.setattr(candidates, "FULL_SCAN_LIMIT", 0)
    monkeypatch.setattr(candidates.CandidateSource, "load_all", None)  # must not be used
    assert main(["archive", "embed", "-q"]) == 0
    capsys.readouterr()
    code, payload = verify_json(
        capsys, str(setup / "id_misattributed.txt"), str(setup / "fr_distortion.txt")
    )
    misattributed = only_quote(payload, "id_misattributed.txt")
    assert misattributed["verdict"] == "misattributed"
    assert misattributed["match"]["tweet"]["author"] == "demo_minister"
    assert only_quote(payload, "fr_distortion.txt")["verdict"] == "distortion"
    assert code == 1


def test_several_versions_get_the_story_check_in_the_report(setup: Path, capsys) -> None:
    """The German and French versions give the mayor's bridge two different prices."""
    _, payload = verify_json(
        capsys, str(setup / "de_faithful.txt"), str(setup / "fr_distortion.txt")
    )
    jsonschema.validate(payload, report_schema())
    story = payload["story"]
    (claim,) = [c for c in story["divergences"] if c["kind"] == "number"]
    written = {Path(v["source"]).name: v["as_written"] for v in claim["versions"]}
    assert "40 Millionen Dollar" in written["de_faithful.txt"]
    assert "400 millions de dollars" in written["fr_distortion.txt"]
    _, single = verify_json(capsys, str(setup / "de_faithful.txt"))
    assert "story" not in single
