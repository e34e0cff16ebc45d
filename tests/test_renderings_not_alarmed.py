"""Faithful renderings that once read as distortions (issue 11): a common word capitalized
for emphasis is no name, an antonym renders a negation, a converted unit states the same
amount; and the changes these rules must still see.

Every tweet and quote here was written for these tests; the accounts are fictional."""

from __future__ import annotations

from test_false_alarms import verdict

from quotes import lang
from quotes.compare import polarity_differences
from quotes.models import Verdict


def kinds(v: Verdict) -> set[str]:
    return {d.kind for d in v.differences}


# --- capitals for emphasis ------------------------------------------------------------------

EMPHASIS_TWEET = "Mayor Brakel must fix his Budget Planning mess before the Harvest Fair!"


def test_title_case_common_words_rendered_in_german_are_no_changed_name() -> None:
    v = verdict("Bürgermeister Brakel muss sein Chaos bei der Haushaltsplanung vor dem "
                "Erntemarkt in Ordnung bringen!", "de", EMPHASIS_TWEET)
    assert "name" not in kinds(v), v.differences


def test_title_case_rendered_in_french_title_case_is_no_changed_name() -> None:
    v = verdict("Le maire Brakel doit régler son désordre de Planification Budgétaire avant "
                "la Foire des Récoltes !", "fr", EMPHASIS_TWEET)
    assert "name" not in kinds(v), v.differences


def test_a_swapped_person_is_still_a_changed_name() -> None:
    v = verdict("Le maire Quillon doit régler son désordre de planification budgétaire avant "
                "la foire des récoltes !", "fr", EMPHASIS_TWEET)
    assert "name" in kinds(v), v.differences


# Words that headlines and names capitalize about as often as prose (Summit, Southern,
# International, Waters): the common-word list takes them with a margin (build_common_words).
SUMMIT_TWEET = ("Members of the Climate Summit, we lose 40 boats a year through the Southern "
                "Passage and the International Waters!")


def test_summit_and_southern_rendered_by_capitalized_words_are_no_changed_name() -> None:
    v = verdict("Membros da Cimeira do Clima, perdemos 40 barcos por ano pela Passagem Sul e "
                "pelas Águas Internacionais!", "pt", SUMMIT_TWEET)
    assert "name" not in kinds(v), v.differences
    v = verdict("Mitglieder des Klimagipfels, wir verlieren jedes Jahr 40 Boote durch die "
                "südliche Passage und die internationalen Gewässer!", "de", SUMMIT_TWEET)
    assert "name" not in kinds(v), v.differences


def test_a_place_swapped_beside_summit_words_is_still_a_changed_name() -> None:
    v = verdict("Membros da Cimeira do Clima, perdemos 40 barcos por ano pela Passagem de "
                "Quillon e pelas Águas Internacionais!", "pt",
                SUMMIT_TWEET.replace("Southern Passage", "Brakel Passage"))
    assert "name" in kinds(v), v.differences


# --- antonyms rendering a negation ----------------------------------------------------------


def test_unsafe_rendered_as_not_safe_is_no_negation_flip() -> None:
    pairs = [("El puente del río no es seguro para los camiones.",
              "The river bridge is unsafe for trucks.")]
    assert polarity_differences(pairs, lang.get("es"), "source-language") == []


def test_lost_rendered_as_not_won_is_no_negation_flip() -> None:
    pairs = [("Wir haben die Abstimmung im Stadtrat nicht gewonnen.",
              "We lost the vote in the city council.")]
    assert polarity_differences(pairs, lang.get("de"), "source-language") == []


def test_lost_rendered_as_lost_is_no_negation_flip() -> None:
    pairs = [("Wir haben die Abstimmung im Stadtrat verloren.",
              "We lost the vote in the city council.")]
    assert polarity_differences(pairs, lang.get("de"), "source-language") == []


def test_safe_rendered_as_not_safe_is_still_a_flip() -> None:
    pairs = [("El puente del río no es seguro para los camiones.",
              "The river bridge is safe for trucks.")]
    assert [d.kind for d in polarity_differences(pairs, lang.get("es"),
                                                 "source-language")] == ["negation"]


# --- units converted ------------------------------------------------------------------------

UNIT_TWEET = "The new ferry line to Port Ellery opens in two weeks and runs 50 miles."


def test_two_weeks_as_quince_dias_and_miles_as_km_are_the_same_amounts() -> None:
    v = verdict("La nueva línea de ferri a Port Ellery abre dentro de quince días y recorre "
                "80 kilómetros.", "es", UNIT_TWEET)
    assert "number" not in kinds(v), v.differences


def test_another_amount_in_converted_units_is_still_a_changed_number() -> None:
    v = verdict("La nueva línea de ferri a Port Ellery abre dentro de tres semanas y recorre "
                "80 kilómetros.", "es", UNIT_TWEET)
    assert "number" in kinds(v), v.differences


def test_the_same_count_of_another_unit_is_a_changed_number() -> None:
    v = verdict("Die neue Fährlinie nach Port Ellery öffnet in zwei Tagen und fährt 80 "
                "Kilometer.", "de", UNIT_TWEET)
    assert "number" in kinds(v), v.differences
