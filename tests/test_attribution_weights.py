"""The speaker ranking's weights file (issue 12): it loads and is validated, a feature it
leaves out takes its default, the confidence is the calibrated softmax share, and the
ranking picks the right person among several in short invented passages in several
languages. Every name here is fictional."""

from __future__ import annotations

import math
import tomllib
from importlib import resources

import pytest

from quotes.attribute.ranking import DEFAULT_WEIGHTS, HINTS, Weights, parse_weights, shipped
from quotes.models import Attribution, Document
from quotes.pipeline import Analyzer

ANALYZER = Analyzer()


def attributions(text: str, language: str) -> list[Attribution | None]:
    analysis = ANALYZER.analyze(Document("test.txt", text, language))
    return [f.attribution for f in analysis.findings if f.quote.depth == 0]


# --- the file ---------------------------------------------------------------------------------


def test_shipped_file_loads_every_kind_and_feature() -> None:
    raw = tomllib.loads(resources.files("quotes.attribute").joinpath("weights.toml")
                        .read_text("utf-8"))
    weights = shipped()
    assert set(weights.tables) == set(HINTS)
    for hint in HINTS:
        assert set(weights.tables[hint]) == set(DEFAULT_WEIGHTS)
        for feature, value in raw.get(hint, {}).items():
            assert weights.tables[hint][feature] == value
    assert weights.slope > 0


def test_missing_feature_falls_back_to_its_default() -> None:
    weights = parse_weights({"pronoun": {"agree": 7.5}})
    assert weights.tables["pronoun"]["agree"] == 7.5
    assert weights.tables["pronoun"]["near"] == DEFAULT_WEIGHTS["near"]
    assert weights.tables["role"] == DEFAULT_WEIGHTS
    assert (weights.slope, weights.intercept) == (1.0, 0.0)


@pytest.mark.parametrize("loaded", [
    pytest.param({"pronon": {"agree": 1.0}}, id="unknown table"),
    pytest.param({"role": {"agreee": 1.0}}, id="unknown feature"),
    pytest.param({"none": {"near": "2.0"}}, id="string"),
    pytest.param({"none": {"near": True}}, id="boolean"),
    pytest.param({"implicit": {"near": math.nan}}, id="not finite"),
    pytest.param({"confidence": {"slope": -0.5}}, id="falling confidence"),
    pytest.param({"confidence": {"slop": 0.5}}, id="unknown calibration key"),
])
def test_malformed_weights_are_rejected(loaded: dict[str, dict[str, object]]) -> None:
    with pytest.raises(ValueError, match="weights file"):
        parse_weights(loaded)


# --- the confidence ---------------------------------------------------------------------------


def test_identity_calibration_keeps_the_share() -> None:
    plain = Weights({}, 1.0, 0.0)
    assert plain.confidence(0.7) == pytest.approx(0.7)
    assert plain.confidence(1.0) < 1.0  # a lone candidate is no certainty either


def test_calibrated_confidence_rises_with_the_share_and_stays_a_probability() -> None:
    weights = Weights({}, 0.3, 1.1)
    shares = (0.0, 0.2, 0.5, 0.8, 0.99, 1.0)
    found = [weights.confidence(s) for s in shares]
    assert found == sorted(found)
    assert all(0.0 < c < 1.0 for c in found)
    # A flatter slope pulls an unsure share up and a sure one down.
    assert weights.confidence(0.5) > 0.5 > Weights({}, 1.0, 0.0).confidence(0.2)
    assert weights.confidence(0.999) < 0.999


# --- the ranking picks the right person -------------------------------------------------------

RANKED = [
    pytest.param("de", "Die Bürgermeisterin Elna Varsko besuchte am Montag die Baustelle. Dort "
                 "traf sie den Bauleiter Tobias Quellmann. „Die Brücke wird im Mai fertig“, "
                 "sagte sie danach.", "Elna Varsko", id="de-pronoun"),
    pytest.param("es", "El alcalde Rodrigo Falquez inauguró el mercado el lunes junto a la "
                 "concejala Marta Orivela. «Este mercado es de todos», escribió ella en su "
                 "cuenta.", "Marta Orivela", id="es-pronoun"),
    pytest.param("id", "Budi Santarwo meninjau pasar baru bersama Rina Kusmawati pada hari "
                 "Senin. \"Pasar ini akan direnovasi tahun depan,\" ujarnya kepada wartawan.",
                 "Budi Santarwo", id="id-clitic"),
    pytest.param("nl", "Burgemeester Elna Varsko opende maandag de nieuwe brug. Later sprak "
                 "Tobias Quellmann met de bewoners. „We zijn trots op deze brug”, zei de "
                 "burgemeester.", "Elna Varsko", id="nl-role"),
]


@pytest.mark.parametrize(("language", "text", "speaker"), RANKED)
def test_ranking_picks_the_person_meant(language: str, text: str, speaker: str) -> None:
    found = attributions(text, language)[-1]
    assert found is not None and found.speaker == speaker
    assert 0.0 < found.confidence < 1.0
