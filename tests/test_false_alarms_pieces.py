"""No false alarms from how a quote is cut into pieces: an initial's period ends no
sentence, an abbreviated title is no name put in another's place, the pieces either side of a marked
omission pair with no one tweet sentence, an English quote of a tweet in another language
is not compared with it word by word, a model number ending a sentence counts nothing.

Every tweet and quote here was written for these tests; the accounts are fictional."""

from __future__ import annotations

from test_false_alarms import distorting, verdict

from quotes import lang
from quotes.anchors import extract_anchors
from quotes.text import SENTENCE_SPAN, loose_sentences


def test_an_initials_period_ends_no_sentence() -> None:
    text = "Fine work at the harbour by the U.S. @fictional_coastguard. They stayed calm."
    assert loose_sentences(text) == [
        "Fine work at the harbour by the U.S. @fictional_coastguard.", "They stayed calm."]
    assert len(loose_sentences("Hier a parlé M. Varsko au port. Puis il est parti.")) == 2
    assert len([m for m in SENTENCE_SPAN.finditer("Wir trafen J. Okafor. Dann gingen wir.")]) == 2
    # A dotted initialism before a capital still ends its sentence; so does a word.
    assert len(loose_sentences("They moved to the U.S. Then they left.")) == 2
    assert len(loose_sentences("No. We stay.")) == 2


def test_a_post_naming_the_us_before_a_handle_keeps_its_sentences_paired() -> None:
    # Cut after "U.S.", the tweet's first sentence would pair with the quote's second, and
    # "Servicio" would stand in for the "White House" the first renders as "Casa Blanca".
    tweet = ("Great job last night at the White House by the U.S. @fictional_guard. "
             "They were not only calm, but very quick. I was inside, watched every move, and "
             "couldn’t have felt more safe. They let the crowd wait as long as it wanted, "
             "but....")
    quote = ("Gran trabajo anoche en la Casa Blanca por el Servicio de Guardia de Estados "
             "Unidos. No solo fueron tranquilos, sino muy rápidos. Yo estaba adentro, viendo "
             "cada movimiento y no podría haberme sentido más seguro")
    v = verdict(quote, "es", tweet, fragment=True)
    assert v.label != "distortion", v.differences
    assert "name" not in distorting(v)


def test_an_abbreviated_title_replaces_no_name_of_the_tweet() -> None:
    # "Sra." is a title of the Spanish table: "Sra" put no name in the place of "Elna".
    tweet = "Thank you, Mayor Elna Varsko, for the new library in Lyon."
    v = verdict("Gracias, Sra. alcaldesa, por la nueva biblioteca en Lyon.", "es", tweet)
    assert "name" not in distorting(v), v.differences
    assert v.label != "distortion"


SQUARES_POST = ("Não me sinto confortável em mostrar, mas temos que expor a verdade à população "
                "e definir as nossas prioridades. É isto que muitas praças da cidade viraram. "
                "Comentem.")


def test_pieces_joined_across_a_marked_omission_flip_no_negation() -> None:
    # Read as one sentence, the quote would pair with the post's second sentence only.
    festival = ("Não me sinto confortável em mostrar, mas temos que expor a verdade para a "
                "população ter conhecimento e sempre tomar suas prioridades. É isto que tem "
                "virado muitas praças no festival da cidade. Comentem e tirem suas conclusões.")
    quote = ("Je ne me sens pas à l’aise pour montrer ça (…) mais voici ce qu’est devenu le "
             "festival de la ville")
    assert "negation" not in distorting(verdict(quote, "fr", festival, fragment=True))
    # A negation the tweet nowhere states is still one the quote added.
    v = verdict(quote, "fr", festival.replace("Não me", "Me"), fragment=True)
    assert "negation" in distorting(v), v.differences


def test_an_english_quote_of_a_portuguese_post_is_not_compared_word_by_word() -> None:
    quote = ("We must expose the truth to the population and set our priorities. This is "
             "what many squares of the town have turned into.")
    v = verdict(quote, "en", SQUARES_POST, fragment=True)
    assert not {"added", "cut"} & set(distorting(v)), v.differences


def test_a_model_number_ending_a_sentence_counts_nothing() -> None:
    anchors = extract_anchors("Ho comprato DUE Fiorano 812. Poi basta.", lang.get("it"))
    assert [a.text for a in anchors if a.kind == "number"] == ["DUE"]
    # A decimal after a name is a number still.
    anchors = extract_anchors("Il motore Fiorano 8,5 consuma troppo.", lang.get("it"))
    assert "8,5" in [a.text for a in anchors if a.kind == "number"]
    # A verb opening a sentence after "¡" or "¿" is no model's name.
    anchors = extract_anchors("¡Acordamos 3 puentes nuevos!", lang.get("es"))
    assert [a.text for a in anchors if a.kind == "number"] == ["3"]


def test_a_month_english_capitalizes_is_rendered_by_the_months_own_word() -> None:
    # "June", "May", "April", "August" are also given names, so no table drops them as
    # names; each language's month renders them, also where every noun is capitalized.
    tweet = "We will open two new bridges in Norvik by June, and the tunnel in May."
    for text, code in [
        ("Wir werden bis Juni zwei neue Brücken in Norvik eröffnen, und den Tunnel im Mai.",
         "de"),
        ("Nous ouvrirons deux nouveaux ponts à Norvik d'ici juin, et le tunnel en mai.", "fr"),
        ("We openen tegen juni twee nieuwe bruggen in Norvik, en de tunnel in mei.", "nl"),
    ]:
        v = verdict(text, code, tweet)
        assert "name" not in distorting(v), (code, v.differences)
