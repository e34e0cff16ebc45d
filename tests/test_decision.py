"""The calibrated match decision (`quotes.decision`): the model alone, on features written
here, and end to end on passages and tweets of obviously fictional accounts written for
these tests (no real person's words)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import numpy as np
import pytest

from quotes.cli import main
from quotes.decision import (
    FEATURE_NAMES,
    Calibration,
    MatchFeatures,
    fit,
    fit_calibration,
    from_json,
    shipped_model,
    vector,
)
from quotes.report import report_schema
from tests.verify_fixtures import archive_and_articles


def _features(*, fuzzy: float | None = None, embedding: float | None = 0.85,
              baseline: float | None = 0.8, overlap: float = 0.2, speaker: int = 0,
              margin: float | None = 0.05) -> MatchFeatures:
    return MatchFeatures(fuzzy, embedding, baseline, 0, 0, overlap, speaker, None, 0.1, margin)


def test_missing_signals_are_zero_with_their_indicator_off() -> None:
    x = vector(_features(fuzzy=None, embedding=None, margin=None))
    names = dict(zip(FEATURE_NAMES, x, strict=True))
    assert names["has_fuzzy"] == 0 and names["fuzzy"] == 0
    assert names["has_embedding"] == 0 and names["embedding_excess"] == 0
    assert names["has_date"] == 0
    # No other tweet to lead (an archive of one tweet): no lead shown, not the largest one.
    assert names["margin"] == 0
    with_fuzzy = dict(zip(FEATURE_NAMES, vector(_features(fuzzy=80.0)), strict=True))
    assert with_fuzzy["has_fuzzy"] == 1 and with_fuzzy["fuzzy"] > 0
    loose = dict(zip(FEATURE_NAMES, vector(_features(fuzzy=40.0)), strict=True))
    assert loose["fuzzy"] < 0


def test_the_embedding_counts_above_its_language_pairs_baseline() -> None:
    # The same cosine is strong evidence across languages, none within one language whose
    # unrelated texts already score that high.
    assert _features(embedding=0.86, baseline=0.86).embedding_excess == pytest.approx(0.0)
    assert _features(embedding=0.86, baseline=0.78).embedding_excess == pytest.approx(0.08)


def test_fit_learns_which_way_each_signal_points() -> None:
    rng = np.random.default_rng(7)
    rows, labels = [], []
    for _ in range(300):
        source = bool(rng.random() < 0.5)
        excess = rng.normal(0.07 if source else 0.0, 0.02)
        overlap = float(np.clip(rng.normal(0.5 if source else 0.15, 0.15), 0, 1))
        rows.append(_features(embedding=0.8 + excess, baseline=0.8, overlap=overlap))
        labels.append(source)
    model = fit(rows, labels, baselines={"same": 0.8, "cross": 0.75})
    weights = dict(zip(FEATURE_NAMES, model.coefficients, strict=True))
    assert weights["embedding_excess"] > 0 and weights["content_overlap_cross"] > 0
    assert model.probability(_features(embedding=0.88, overlap=0.6)) > 0.9
    assert model.probability(_features(embedding=0.80, overlap=0.1)) < 0.1
    again = from_json(json.loads(json.dumps(model.to_json())))
    probe = _features(embedding=0.84, overlap=0.3)
    assert again.probability(probe) == pytest.approx(model.probability(probe), abs=1e-4)


def test_calibration_follows_observed_accuracy() -> None:
    # Verdicts stated at 0.9 that are right only half the time get about 0.5.
    calibration = fit_calibration([0.9] * 40, [True, False] * 20)
    assert calibration(0.9) == pytest.approx(0.5, abs=0.08)
    assert Calibration()(0.7) == pytest.approx(0.7)


def test_the_shipped_model_knows_its_features_baselines_and_provenance() -> None:
    model = shipped_model()
    assert model.names == FEATURE_NAMES
    assert 0 < model.threshold < 1
    assert "tuning" in str(model.provenance.get("data", ""))
    # Unrelated texts of one language are closer than unrelated texts of two.
    assert model.baselines["same"] > model.baselines["cross"]
    assert model.baseline("de", "de") is not None


# --- end to end, fictional accounts ---------------------------------------------------------

ARCHIVE = [
    {"author": "example_harbour", "name": "Hanna Hafen (fictional)",
     "created_at": "2025-05-02", "id": None,
     "text": "The ferry to the island will run every hour this summer, starting on June 1.",
     "url": None, "source": "invented for tests; fictional account"},
    {"author": "beispiel_rathaus", "name": "Rudi Rathaus (fictional)",
     "created_at": "2025-05-03", "id": None,
     "text": "Die Müllabfuhr kommt ab Montag nur noch alle zwei Wochen. Bitte stellen Sie "
             "die Tonnen rechtzeitig an die Straße.",
     "url": None, "source": "invented for tests; fictional account"},
    {"author": "exemple_mairie", "name": "Marie Mairie (fictional)",
     "created_at": "2025-05-04", "id": None,
     "text": "La piscine municipale sera fermée pour travaux pendant tout le mois d'août.",
     "url": None, "source": "invented for tests; fictional account"},
]

ARTICLES = {
    # German, by a fictional person not in the archive, another claim in the very mould of
    # the German waste-collection tweet ("from Monday only every …. Please …"): the
    # embeddings put the two at about 0.90, above what the earlier thresholds took for a
    # sure match (0.87), only because both are German and built alike. The archive is
    # tiny, so the margin over the next tweet is taken over the weakest competition the
    # model saw when fitted (`rival_floor`), not over two tweets in other languages.
    "de_unrelated.txt": ("„Die Busse fahren ab Montag nur noch alle zwanzig Minuten. Bitte "
                         "planen Sie mehr Zeit ein“, sagte die Verkehrsdezernentin Greta "
                         "Beispiel (fictional) im Interview.\n"),
    # Another claim of the same kind, about street cleaning.
    "de_other_claim.txt": ("„Ab Montag kommt die Straßenreinigung jeden Tag, auch am "
                           "Wochenende“, sagte die Ministerin Greta Beispiel (fictional).\n"),
    # A faithful Dutch translation of the English ferry tweet.
    "nl_faithful.txt": ("„De veerboot naar het eiland vaart deze zomer elk uur, vanaf 1 juni”, "
                        "schreef Hanna Hafen op X.\n"),
    # A faithful German translation of the same tweet.
    "de_faithful.txt": ("„Die Fähre zur Insel fährt diesen Sommer jede Stunde, ab dem 1. "
                        "Juni“, schrieb Hanna Hafen auf X.\n"),
}


@pytest.fixture
def setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    archive_and_articles(tmp_path, ARCHIVE, ARTICLES)
    capsys.readouterr()
    return tmp_path


def _quote(capsys: pytest.CaptureFixture[str], path: Path) -> dict:
    main(["verify", "--no-mt", "--format", "json", "-q", str(path)])
    out, _ = capsys.readouterr()
    payload = json.loads(out)
    jsonschema.validate(payload, report_schema())
    (article,) = payload["articles"]
    (quote,) = article["quotes"]
    return quote


@pytest.mark.parametrize("name", ["de_unrelated.txt", "de_other_claim.txt"])
def test_an_unrelated_same_language_tweet_is_not_matched(setup: Path, capsys, name: str
                                                         ) -> None:
    quote = _quote(capsys, setup / name)
    assert quote["verdict"] == "unmatched" and quote["match"] is None
    decision = quote["decision"]
    assert decision["probability"] < decision["threshold"]
    features = decision["features"]
    # Read against what unrelated German texts score, not against zero.
    assert features["embedding_baseline"] is not None and features["embedding_baseline"] > 0.8
    (why,) = [n for n in quote["notes"] if n.startswith("closest: @")]
    assert f"source probability {decision['probability']:.2f}, below the" in why


@pytest.mark.parametrize("name", ["nl_faithful.txt", "de_faithful.txt"])
def test_a_faithful_translation_is_matched(setup: Path, capsys, name: str) -> None:
    quote = _quote(capsys, setup / name)
    assert quote["match"]["tweet"]["author"] == "example_harbour"
    # Matched (how the compare stage labels the rendering is not the decision's business).
    assert quote["verdict"] != "unmatched"
    decision = quote["decision"]
    assert decision["probability"] >= decision["threshold"]
    assert set(decision["features"]) >= {"embedding", "embedding_excess", "content_overlap",
                                         "shared_anchors", "speaker", "margin", "fuzzy"}
    assert 0 < quote["confidence"] < 1
