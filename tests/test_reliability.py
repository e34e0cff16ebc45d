"""The distortion decision: a difference makes a distortion only when the model shipped in
`quotes/data/distortion.json` finds it likely real."""

from __future__ import annotations

import numpy as np
import pytest

from quotes.anchors import extract_anchors
from quotes.compare import judge, reliability
from quotes.lang import get
from quotes.models import CanonicalTweet, Decision, Difference, Quote, TweetMatch

TWEET = "We will open two new bridges in Norvik by June."
CHANGED = "We will open five new bridges in Norvik by June."


def _verdict(text: str) -> str:
    match = TweetMatch(CanonicalTweet(0, "fictional_mayor", TWEET), 0.95, 95.0, 0.95, None,
                       0, TWEET, False)
    quote = Quote(0, len(text), text, '"', '"', 0, len(text), "statement", "en")
    return judge(quote, None, None, Decision(match, "test", "test"),
                 extract_anchors(text, get("en"))).label


def _model(anchor_weight: float) -> reliability.ReliabilityModel:
    """Every feature neutral but the anchor kind, weighed as given."""
    n = len(reliability.FEATURE_NAMES)
    coefficients = np.zeros(n)
    coefficients[reliability.FEATURE_NAMES.index("kind_anchor")] = anchor_weight
    return reliability.ReliabilityModel(reliability.FEATURE_NAMES, coefficients, 0.0,
                                        np.zeros(n), np.ones(n), 0.5)


def test_the_shipped_model_reads_the_features_it_was_fitted_on() -> None:
    model = reliability.shipped_model()
    assert model.names == reliability.FEATURE_NAMES
    assert 0.0 < model.threshold < 1.0


def test_a_changed_number_is_a_distortion_only_when_judged_likely_real(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reliability, "shipped_model", lambda: _model(3.0))
    assert _verdict(CHANGED) == "distortion"
    monkeypatch.setattr(reliability, "shipped_model", lambda: _model(-3.0))
    assert _verdict(CHANGED) != "distortion"
    assert _verdict(TWEET) != "distortion"


def test_a_difference_carries_its_probability() -> None:
    model = _model(2.0)
    anchor = Difference("number", "5", "2", "anchors")
    negation = Difference("negation", "is", "is not", "source-language")
    assert model.probability(reliability.vector(anchor, False)) == pytest.approx(
        1 / (1 + np.exp(-2.0)))
    assert model.probability(reliability.vector(negation, False)) == pytest.approx(0.5)


def test_unmeasured_features_weigh_as_average() -> None:
    n = len(reliability.FEATURE_NAMES)
    model = reliability.ReliabilityModel(reliability.FEATURE_NAMES, np.ones(n), 0.0,
                                         np.full(n, 0.5), np.ones(n), 0.5)
    cut = Difference("cut", None, "unless we act", "source-language")
    unknown = model.probability(reliability.vector(cut, None))
    assert model.probability(reliability.vector(cut, True)) > unknown
    assert model.probability(reliability.vector(cut, False)) < unknown


def test_a_negation_across_languages_is_marked_as_such() -> None:
    negation = Difference("negation", "n'est pas", "is", "source-language")
    at = reliability.FEATURE_NAMES.index("negation_across")
    assert reliability.vector(negation, False)[at] == 1.0
    assert reliability.vector(negation, True)[at] == 0.0


def _difference_schema(node: object) -> dict[str, object] | None:
    """The schema of one difference in the report schema, wherever it sits."""
    if isinstance(node, dict):
        if "differences" in node and isinstance(node["differences"], dict):
            items = node["differences"].get("items")
            if isinstance(items, dict):
                return items
        for value in node.values():
            found = _difference_schema(value)
            if found is not None:
                return found
    if isinstance(node, list):
        for value in node:
            found = _difference_schema(value)
            if found is not None:
                return found
    return None


def test_the_report_states_each_difference_reliability() -> None:
    import jsonschema

    from quotes.report import report_schema

    schema = _difference_schema(report_schema())
    assert schema is not None
    difference = {"kind": "number", "quote": "5", "tweet": "2", "evidence": "anchors"}
    jsonschema.validate({**difference, "reliability": 0.8}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**difference, "reliability": 1.5}, schema)


def test_a_negation_beside_a_word_of_uncertain_polarity_is_marked() -> None:
    """"unless" renders "kecuali" (no negation word) and "wenn … nicht" (one)."""
    tweet = "Unless the council pays, the ferry stops in May."
    flip = Difference("negation", "Kecuali dewan membayar", "Unless the council pays",
                      "source-language")
    plain = Difference("negation", "Dewan membayar", "The council does not pay",
                       "source-language")
    assert reliability.ambiguous(flip, "id", tweet)
    assert not reliability.ambiguous(plain, "id", "The council does not pay.")


def test_a_reporters_lead_in_and_narration_inside_the_quote_are_placed_as_such() -> None:
    """Words of the article left inside the quote marks: a lead-in that opens the quote,
    a speech verb ("ha scritto") in the middle; neither is a sentence tacked on."""
    italian = get("it")
    quote = ("Il sindaco Elna Varsko ha detto che il ponte di Norvik apre a giugno. "
             "Apriremo anche due traghetti, ha scritto la sindaca su Twitter, e poi basta")
    lead_in = Difference("added", "Il sindaco Elna Varsko ha detto che il ponte di Norvik "
                         "apre a giugno.", None, "embedding (best tweet match 0.80)")
    narration = Difference("added", "ha scritto la sindaca su Twitter", None,
                           "embedding (best tweet match 0.79)")
    opens = reliability.clause_place(lead_in, quote, italian)
    inside = reliability.clause_place(narration, quote, italian)
    assert opens.opens_quote and opens.narration and not opens.closes_quote
    assert inside.narration and not inside.opens_quote and not inside.closes_quote


def test_a_sentence_added_at_the_end_closes_the_quote() -> None:
    spanish = get("es")
    quote = "Abriremos dos puentes en Norvik en junio Nos costó siete millones."
    tacked_on = Difference("added", "Nos costó siete millones.", None,
                           "embedding (best tweet match 0.81)")
    clause = Difference("added", "en junio", None, "embedding (best tweet match 0.70)")
    assert reliability.clause_place(tacked_on, quote, spanish).closes_quote
    assert not reliability.clause_place(tacked_on, quote, spanish).narration
    assert reliability.clause_place(clause, quote, spanish) == reliability.NO_PLACE
    cut = Difference("cut", None, "Nos costó siete millones.", "embedding")
    assert reliability.clause_place(cut, quote, spanish) == reliability.NO_PLACE


def test_a_cut_clause_of_its_own_is_told_from_a_broken_off_piece() -> None:
    at = reliability.FEATURE_NAMES.index("cut_long")
    short = Difference("cut", None, "Will someone from", "embedding")
    long = Difference("cut", None, "and the ferry to Norvik will stop running in May", "embedding")
    added = Difference("added", "and the ferry to Norvik will stop running in May", None,
                       "embedding")
    assert reliability.vector(long, None)[at] == 1.0
    assert reliability.vector(short, None)[at] == 0.0
    assert reliability.vector(added, None)[at] == 0.0


def test_the_place_of_an_added_clause_weighs_in_its_probability() -> None:
    """A model that trusts only sentences tacked on at the end finds the one added to
    @fictional_mayor's post, and not the same words placed first."""
    n = len(reliability.FEATURE_NAMES)
    coefficients = np.zeros(n)
    coefficients[reliability.FEATURE_NAMES.index("clause_closes_quote")] = 4.0
    model = reliability.ReliabilityModel(reliability.FEATURE_NAMES, coefficients, -2.0,
                                         np.zeros(n), np.ones(n), 0.5)
    added = Difference("added", "It cost us seven million.", None,
                       "embedding (best tweet match 0.80)")
    tweet = TweetMatch(CanonicalTweet(0, "fictional_mayor", TWEET), 0.95, 95.0, 0.95, None,
                       0, TWEET, False)
    end = reliability.feature_rows([added], tweet, None, "en", f"{TWEET} {added.quote_side}")
    start = reliability.feature_rows([added], tweet, None, "en", f"{added.quote_side} {TWEET}")
    assert end[0] is not None and start[0] is not None
    assert model.probability(end[0]) > 0.5 > model.probability(start[0])


@pytest.mark.parametrize(("language", "quote_side"), [
    ("id", "Apakah orang-orang masih membuka aplikasi itu?"),
    ("de", "Öffnet irgendwer die App noch?"),
    ("es", "¿Alguien todavía abre la aplicación?"),
    ("nl", "Opent iemand de app nog steeds?"),
])
def test_still_against_not_anymore_is_no_ambiguous_reading(language: str,
                                                          quote_side: str) -> None:
    """"Not … anymore" may be rendered without a negation ("tidak lagi", "no longer"),
    but a side saying, unnegated, that something goes on ("masih", "still") turns it
    round: a flip, whatever else "anymore" may mean. Said with a negation it is none."""
    tweet = "Does anyone else not open the app anymore?"
    flip = Difference("negation", quote_side, tweet, "source-language")
    assert not reliability.ambiguous(flip, language, tweet)
    negated = Difference("negation", "Apakah orang-orang masih tidak membuka aplikasi itu?",
                         tweet, "source-language")
    assert reliability.ambiguous(negated, "id", tweet)
