"""Faithful renderings that moved something rather than changed it (issue 11): a negation
carried into the neighbouring sentence, a name translated word by word, "all the …" in
the singular, a thread's other post quoted along, an order of magnitude spelled out; and
the changes these rules must still see.

Every tweet and quote here was written for these tests; the accounts are fictional."""

from __future__ import annotations

from test_false_alarms import distorting, verdict

from quotes import lang
from quotes.compare import polarity_differences, same_name
from quotes.compare.quantifiers import quantifier_differences

# --- a negation moved across a sentence boundary ----------------------------------------------

CALM_TWEET = ("I will vote for the harbour plan. I think it is a careful plan and we can build "
              "more in this town if we are led by patience and not by panic. See you Sunday.")


def test_a_negation_the_translation_moved_into_the_next_sentence_is_no_flip() -> None:
    # Portuguese joins what the tweet splits: the "não" sits in the other sentence pair.
    v = verdict("Vou votar no plano do porto. Acho que é um plano cuidadoso e podemos "
                "construir mais nesta cidade se formos guiados pela paciência e não pelo "
                "pânico. Até domingo.", "pt",
                CALM_TWEET.replace("if we are led by patience and not by panic. See you",
                                   "if we are led by patience. And not by panic, see you"))
    assert "negation" not in distorting(v), v.differences


def test_a_negation_dropped_is_still_a_flip() -> None:
    v = verdict("Vou votar no plano do porto. Acho que é um plano cuidadoso e podemos "
                "construir mais nesta cidade se formos guiados pela paciência e pelo pânico. "
                "Até domingo.", "pt", CALM_TWEET)
    assert "negation" in distorting(v), v.differences


# --- a translated name ------------------------------------------------------------------------

KINGDOM_TWEET = "Avec le Royaume-Uni et l'Allemagne, nous défendrons le port de Brakelhaven."


def test_a_name_rendered_word_by_word_is_no_changed_name() -> None:
    v = verdict("Met het Verenigd Koninkrijk en Duitsland zullen we de haven van "
                "Brakelhaven verdedigen.", "nl", KINGDOM_TWEET)
    assert "name" not in distorting(v), v.differences
    v = verdict("Met Groot-Brittannië en Duitsland zullen we de haven van Brakelhaven "
                "verdedigen.", "nl", KINGDOM_TWEET)
    assert "name" not in distorting(v), v.differences


def test_another_place_put_in_is_still_a_changed_name() -> None:
    v = verdict("Avec le Royaume-Uni et l'Allemagne, nous défendrons le port de "
                "Quillonstad.", "fr", KINGDOM_TWEET)
    assert "name" in distorting(v), v.differences


# --- "all" in the singular ----------------------------------------------------------------------


def test_all_the_joy_rendered_in_the_singular_keeps_its_level() -> None:
    pairs = [("Te deseo toda la alegría con tu familia y muchos años en el club.",
              "I wish you all the joy with your family and many years at the club.")]
    assert quantifier_differences(pairs, lang.get("es")) == []
    pairs = [("Je te souhaite toute la joie avec ta famille et de nombreuses années au club.",
              "I wish you all the joy with your family and many years at the club.")]
    assert quantifier_differences(pairs, lang.get("fr")) == []


def test_not_at_all_is_no_quantifier() -> None:
    pairs = [("Non siamo del tutto d'accordo con molti colleghi.",
              "We do not agree at all with many colleagues.")]
    assert quantifier_differences(pairs, lang.get("it")) == []


def test_many_turned_into_all_is_still_a_quantifier_change() -> None:
    pairs = [("Todos los vecinos firmaron la petición.",
              "Many neighbours signed the petition.")]
    assert [d.kind for d in quantifier_differences(pairs, lang.get("es"))] == ["quantifier"]


# --- a thread's other post ----------------------------------------------------------------------

THREAD_TWEET = ("....closed the old ferry pier for good. The new pier opens in May and every "
                "boat will dock there!")


def test_words_of_the_post_before_a_thread_continuation_are_no_addition() -> None:
    v = verdict("After a long debate the council has closed the old ferry pier for good. The "
                "new pier opens in May and every boat will dock there!", "en", THREAD_TWEET)
    assert "added" not in distorting(v), v.differences


def test_words_before_a_post_that_is_no_continuation_are_an_addition() -> None:
    v = verdict("After a long debate the council has closed the old ferry pier for good. The "
                "new pier opens in May and every boat will dock there!", "en",
                THREAD_TWEET.removeprefix("....").capitalize())
    assert "added" in distorting(v), v.differences


# --- an order of magnitude ------------------------------------------------------------------------

DECADES_TWEET = "Ms Brakel has fought for the river for decades. Vote for her in 2031!"


def test_tens_of_years_for_decades_is_no_number_and_no_year() -> None:
    v = verdict("Mevrouw Brakel vecht al tientallen jaren voor de rivier. Stem op haar in "
                "2031!", "nl", DECADES_TWEET)
    assert "number" not in distorting(v) and "year" not in distorting(v), v.differences


def test_a_year_changed_beside_the_decades_is_still_seen() -> None:
    v = verdict("Mevrouw Brakel vecht al tientallen jaren voor de rivier. Stem op haar in "
                "2035!", "nl", DECADES_TWEET)
    assert {"number", "year"} & set(distorting(v)), v.differences


# --- negations that say the same -----------------------------------------------------------------

def test_not_just_rendered_with_an_auxiliary_or_a_gap_is_no_flip() -> None:
    pairs = [("and I don’t just speak of drivers.", "and I'm not just talking about drivers.")]
    assert polarity_differences(pairs, lang.get("en"), "source-language") == []
    pairs = [("e non parlo solo di autisti.", "and I'm not just talking about drivers.")]
    assert polarity_differences(pairs, lang.get("it"), "source-language") == []


def test_unmanned_is_no_flip() -> None:
    pairs = [("Pesawat tanpa awak terbang di atas pelabuhan.",
              "Drones are flying over the harbour.")]
    assert polarity_differences(pairs, lang.get("id"), "source-language") == []


def test_a_negation_added_beside_just_is_still_a_flip() -> None:
    pairs = [("Pemogokan itu tidak menyakiti banyak keluarga.",
              "The strike is hurting a lot of families.")]
    assert polarity_differences(pairs, lang.get("id"), "source-language") != []


def test_one_tweet_clause_the_quote_cuts_with_commas_is_compared_whole() -> None:
    v = verdict("Mayor Brakle, or whatever her name is, will lose,", "en",
                "Mayor Brakel or whatever her name is will lose")
    assert "negation" not in distorting(v), v.differences


# --- transliterations -----------------------------------------------------------------------------


def test_a_dutch_transliteration_is_the_same_name() -> None:
    assert same_name("Poetin", "Putin") and same_name("Medvedev", "Medwedew")
    assert not same_name("Poetin", "Pratt")


def test_a_quote_of_a_thread_that_stops_before_the_posts_last_sentence_cuts_nothing() -> None:
    # The quote opens with the post before this one, and stops where the reporter did.
    v = verdict("After a long debate the council has closed the old ferry pier for good. The "
                "new pier opens in May", "en", THREAD_TWEET.replace(" and every boat will dock "
                                                                   "there!", ". Boats dock there!"))
    assert "cut" not in distorting(v), v.differences
    v = verdict("After a long debate the council has closed the old ferry pier for good. The "
                "new pier opens in May", "en", THREAD_TWEET.removeprefix("....").replace(
                    " and every boat will dock there!", ". Boats dock there!").capitalize())
    assert {"cut", "added"} & set(distorting(v)), v.differences
