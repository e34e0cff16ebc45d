"""No false alarms (issue 11, point 5): a difference must differ, negation is compared
only between aligned sentences that really differ, a tweet is read in its own language,
a name rendered by a common word is no swap; and what still is a distortion.

Every tweet and quote here was written for these tests; the accounts are fictional."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quotes import lang
from quotes.anchors import extract_anchors
from quotes.compare import judge, polarity_differences
from quotes.compare.alignment import same_text, tweet_table
from quotes.models import Attribution, CanonicalTweet, Decision, Quote, TweetMatch, Verdict


def verdict(text: str, language: str, tweet: str, *, fuzzy: float | None = None,
            fragment: bool = False, posted: datetime | None = None) -> Verdict:
    quote = Quote(0, len(text), text, "“", "”", 0, len(text), "statement", language)
    match = TweetMatch(CanonicalTweet(1, "example_mayor", tweet, author_name="Erika Muster",
                                      created_at=posted),
                       0.9, fuzzy, 0.92, 0.05, 1, tweet, fragment)
    decision = Decision(match, "embedding+anchors", "embedding 0.920 ≥ 0.87")
    said = Attribution("Erika Muster", "Muster", 0, "verb-after", "schrieb Muster", 0, 10,
                       "schrieb", "tweet", "auf X", "example_mayor")
    return judge(quote, said, None, decision, extract_anchors(text, lang.get(language)))


def distorting(v: Verdict) -> list[str]:
    return [d.kind for d in v.differences if d.kind not in ("omitted_name", "hedge")]


def assert_never_seen(kind: str, cases: list[tuple[str, list[tuple[str, str]]]]) -> None:
    """No (quote, language) rendering of its tweet shows a difference of this kind."""
    for tweet, quotes in cases:
        for text, code in quotes:
            v = verdict(text, code, tweet)
            assert kind not in distorting(v), (code, text, v.differences)


# --- a difference must differ -------------------------------------------------------------


def test_identical_sides_are_the_same_text() -> None:
    assert same_text("Wir bauen keine Mauer.", "wir bauen keine Mauer")
    assert same_text("Es kostet 9,74 Millionen", "Es kostet 9.74 Millionen")
    assert not same_text("Wir bauen keine Mauer.", "Wir bauen eine Mauer.")
    assert not same_text(None, "Mauer")


def test_a_tweet_quoted_word_for_word_in_its_own_language_is_no_negation_flip() -> None:
    # German tweet, German quote: "keine" must be read with the German table on both sides.
    tweet = "Die Fähre fährt heute keine Runde mehr. Morgen wieder ab acht Uhr."
    v = verdict("Die Fähre fährt heute keine Runde mehr.", "de", tweet, fragment=True)
    assert "negation" not in distorting(v)
    assert v.label != "distortion", v.differences


def test_italian_tweet_quoted_verbatim_keeps_its_numbers_and_negations() -> None:
    tweet = ("Non perché il ponte sia vecchio ma perché centinaia di persone lo attraversano "
             "ogni giorno. Lo chiudiamo solo di notte.")
    v = verdict("Non perché il ponte sia vecchio ma perché centinaia di persone lo "
                "attraversano ogni giorno.", "it", tweet, fragment=True)
    assert v.label != "distortion", v.differences
    assert tweet_table(tweet).code == "it"


def test_portuguese_tweet_read_as_portuguese() -> None:
    tweet = "Não fechamos a escola do bairro. Ela fica aberta até dezembro."
    v = verdict("Não fechamos a escola do bairro.", "pt", tweet, fragment=True)
    assert "negation" not in distorting(v)


# --- negation only between aligned sentences that really differ -----------------------


def test_unless_renders_if_not_in_every_language() -> None:
    tweet = "The harbour will flood every winter unless we raise the dyke within three years."
    for text, code in [
        ("Der Hafen wird jeden Winter überflutet, wenn wir den Deich nicht innerhalb von drei "
         "Jahren erhöhen.", "de"),
        ("Le port sera inondé chaque hiver si nous ne relevons pas la digue d'ici trois ans.",
         "fr"),
        ("Il porto si allagherà ogni inverno a meno che non alziamo la diga entro tre anni.",
         "it"),
        ("De haven loopt elke winter onder als we de dijk niet binnen drie jaar verhogen.", "nl"),
    ]:
        v = verdict(text, code, tweet)
        assert "negation" not in distorting(v), (code, v.differences)


def test_a_real_negation_flip_is_still_found() -> None:
    tweet = "The harbour will flood every winter unless we raise the dyke within three years."
    v = verdict("Der Hafen wird jeden Winter überflutet, wenn wir den Deich innerhalb von drei "
                "Jahren erhöhen.", "de", tweet)
    assert v.label == "distortion"
    assert "negation" in distorting(v)


ELECTION = "I will vote for Mara Lindqvist in the 2031 mayoral election. She listens."


@pytest.mark.parametrize(("quoted", "language"), [
    ("Ich werde bei der Bürgermeisterwahl für Mara Lindqvist stimmen. Sie hört zu.", "de"),
    ("Votaré por Mara Lindqvist en la elección municipal. Ella escucha.", "es"),
    ("I will vote for Mara Lindqvist in the mayoral election. She listens.", "en"),
])
def test_the_year_a_post_was_written_in_goes_without_saying(quoted: str, language: str
                                                            ) -> None:
    posted = datetime(2031, 9, 2, tzinfo=UTC)
    v = verdict(quoted, language, ELECTION, posted=posted)
    assert "year" not in distorting(v), v.differences
    # Written years before, the election's year is a date the quote lost.
    early = verdict(quoted, language, ELECTION, posted=datetime(2027, 1, 5, tzinfo=UTC))
    assert "year" in distorting(early), early.differences


def test_no_thanks_is_negative_in_every_language() -> None:
    tweet = "no thanks but we could sell the ferry for $2.5 million if you like"
    for text, code in [("No grazie, ma potremmo vendere il traghetto per 2,5 milioni se vuoi",
                        "it"),
                       ("Nein danke, aber wir könnten die Fähre für 2,5 Millionen Dollar "
                        "verkaufen, wenn du willst", "de"),
                       ("Nee bedankt, maar we kunnen de veerboot voor 2,5 miljoen verkopen als "
                        "je wilt", "nl")]:
        v = verdict(text, code, tweet)
        assert "negation" not in distorting(v), (code, v.differences)


def test_a_partial_quote_leaving_out_the_tweets_refusal_negates_nothing() -> None:
    # "no thank you" is a clause of the tweet's sentence the quote does not render; that "if
    # you like" shares the function word "you" with it does not make it rendered.
    tweet = "no thank you but we could sell the ferry for $2.5 million if you like"
    v = verdict("but we could sell the ferry for $2.5 million if you like.", "en", tweet,
                fuzzy=93)
    assert "negation" not in distorting(v), v.differences
    flipped = verdict("but we could not sell the ferry for $2.5 million if you like.", "en",
                      tweet, fuzzy=90)
    assert "negation" in distorting(flipped), flipped.differences


def test_a_clipped_tweet_sentence_keeps_its_negation() -> None:
    # The quote renders the tweet's last three sentences; the one opening "Don't" must be
    # compared whole, not from the word the fragment's span happened to start at.
    tweet = ("I am leaving the Example Clinic today at 6 PM. Feeling great! Don't be afraid of "
             "the flu. Don't let it rule your life. I feel better than ten years ago!")
    v = verdict("N'ayez pas peur de la grippe. Ne la laissez pas diriger votre vie. Je me sens "
                "mieux qu'il y a dix ans!", "fr", tweet, fragment=True)
    assert "negation" not in distorting(v), v.differences


def test_negation_pairs_with_identical_sides_are_skipped() -> None:
    de = lang.get("de")
    assert polarity_differences([("Das ist kein Plan.", "Das ist kein Plan.")], de,
                                "source-language", de) == []


# --- negation words that negate nothing -------------------------------------------------


def test_tag_questions_and_idioms_with_a_negation_word_negate_nothing() -> None:
    cases = [("The new ferry is great, right?",
              [("El nuevo ferry es genial, ¿no?", "es"),
               ("Die neue Fähre ist toll, nicht wahr?", "de"),
               ("Le nouveau ferry est génial, n'est-ce pas ?", "fr"),
               ("A nova balsa é ótima, não é?", "pt"), ("Feri baru itu hebat, bukan?", "id")]),
             ("We must fix the bridge before it collapses",
              [("Nous devons réparer le pont avant qu'il ne s'effondre", "fr")]),
             ("I will resign as soon as I find someone for the harbour job",
              [("Mi dimetterò non appena troverò qualcuno per il lavoro al porto", "it")]),
             ("Nevertheless, the harbour will reopen",
              [("No obstante, el puerto reabrirá", "es"),
               ("Não obstante, o porto vai reabrir", "pt")]),
             ("Only the mayor can reopen the harbour",
              [("Il n'y a que la maire qui puisse rouvrir le port", "fr"),
               ("Non c'è che la sindaca per riaprire il porto", "it")]),
             ("The harbour will reopen, no matter what",
              [("El puerto reabrirá, pase lo que pase", "es")]),
             ("The harbour will undoubtedly reopen next spring",
              [("Der Hafen wird zweifellos im nächsten Frühjahr wieder öffnen", "de")])]
    assert_never_seen("negation", cases)


def test_positive_idioms_worded_with_a_negation_negate_nothing() -> None:
    assert_never_seen("negation", [
        ("I can't wait to see the new harbour!",
         [("J'ai hâte de voir le nouveau port !", "fr"),
          ("Mal posso esperar para ver o novo porto!", "pt"),
          ("Ik kan niet wachten om de nieuwe haven te zien!", "nl")]),
        ("However, the harbour will reopen", [("Sin embargo, el puerto reabrirá", "es")]),
        ("The ferry runs constantly",
         [("Le ferry fonctionne sans cesse", "fr"), ("Feri beroperasi tanpa henti", "id"),
          ("Die Fähre fährt ohne Unterlass", "de")]),
        ("Don't forget to vote for the harbour!",
         [("¡Recuerden votar por el puerto!", "es"),
          ("N'oubliez pas de voter pour le port !", "fr"),
          ("Jangan lupa memilih untuk pelabuhan!", "id")]),
        ("I couldn't agree more with the mayor",
         [("Sono completamente d'accordo con la sindaca", "it")]),
    ])


def test_a_real_negation_beside_those_idioms_still_counts() -> None:
    for text, code in [("El nuevo ferry no es genial, ¿no?", "es"),
                       ("Le nouveau ferry n'est pas génial, n'est-ce pas ?", "fr"),
                       ("Mi dimetterò non appena non troverò nessuno", "it")]:
        tweet = ("The new ferry is great, right?" if code != "it"
                 else "I will resign as soon as I find someone")
        v = verdict(text, code, tweet)
        assert "negation" in distorting(v), (code, v.differences)


# --- numbers a language writes where another has a word ----------------------------------


def test_a_count_stated_without_a_number_is_rendered_by_one() -> None:
    cases = [("The ferry mayor visited the harbour twice this week",
              [("El alcalde visitó el puerto dos veces esta semana", "es"),
               ("De burgemeester bezocht de haven twee keer deze week", "nl"),
               ("Wali kota mengunjungi pelabuhan dua kali minggu ini", "id")]),
             ("Both harbour towns will get a new bridge",
              [("Les deux villes portuaires auront un nouveau pont", "fr"),
               ("Le due città portuali avranno un nuovo ponte", "it")]),
             ("The two harbour towns will get a new bridge",
              [("Ambas ciudades portuarias tendrán un nuevo puente", "es"),
               ("Beide Hafenstädte bekommen eine neue Brücke", "de")]),
             ("The harbour bridge took a decade to build",
              [("O porto esperou dez anos pela ponte", "pt")]),
             # "one" is an article too, so never a number; "#1" is rendered by it.
             ("The ferry is the #1 ferry in the world",
              [("El ferry es el número uno del mundo", "es"),
               ("Die Fähre ist die Nummer eins der Welt", "de")])]
    assert_never_seen("number", cases)


def test_another_count_for_a_word_is_still_a_changed_number() -> None:
    v = verdict("El alcalde visitó el puerto tres veces esta semana", "es",
                "The ferry mayor visited the harbour twice this week")
    assert "number" in distorting(v), v.differences


# --- names: a name must be replaced, not merely rendered --------------------------------


def test_capitalized_common_words_rendered_in_lowercase_are_no_swap() -> None:
    tweet = "Our Town Council must fix its Parking Problem, then plant a Tree for everyone!"
    v = verdict("Notre conseil municipal doit régler son problème de stationnement, puis "
                "planter un arbre pour tout le monde !", "fr", tweet)
    assert v.label != "distortion", v.differences
    assert {d.kind for d in v.differences} <= {"omitted_name"}


def test_institutions_and_holidays_are_one_name_in_every_language() -> None:
    assert_never_seen("name", [
        ("The harbour plan goes to the Supreme Court before Christmas",
         [("El plan del puerto irá al Tribunal Supremo antes de Navidad", "es"),
          ("Le plan du port ira à la Cour suprême avant Noël", "fr"),
          ("Der Hafenplan geht vor Weihnachten an den Obersten Gerichtshof", "de"),
          ("Het havenplan gaat voor Kerstmis naar het Hooggerechtshof", "nl"),
          ("O plano do porto vai ao Supremo Tribunal antes do Natal", "pt"),
          ("Rencana pelabuhan dibawa ke Mahkamah Agung sebelum Natal", "id")]),
        ("Congress and the White House must fund the harbour by Easter",
         [("Il Congresso e la Casa Bianca devono finanziare il porto entro Pasqua", "it"),
          ("Der Kongress und das Weiße Haus müssen den Hafen bis Ostern finanzieren", "de")]),
    ])


def test_shouted_words_are_not_names() -> None:
    tweet = "Why would Rosa Vance call me old, when I would NEVER call her late?"
    v = verdict("¿Por qué Rosa Vance me llamaría vieja, si yo nunca la llamaría tardía?", "es",
                tweet)
    assert not [d for d in v.differences if d.tweet_side == "NEVER"], v.differences


@pytest.mark.parametrize(("text", "language"), [
    ("Dopo una lunga notte di colloqui con la mediazione americana, India e Pakistan hanno "
     "concordato un CESSATE IL FUOCO TOTALE E IMMEDIATO.", "it"),
    ("Après une longue nuit de discussions sous la médiation américaine, l'Inde et le "
     "Pakistan ont accepté un CESSEZ-LE-FEU TOTAL ET IMMÉDIAT.", "fr"),
])
def test_shouted_words_of_the_quote_replace_no_name(text: str, language: str) -> None:
    # The quote's capitals mirror the post's emphasis; "United" rendered as an adjective
    # ("américaine") is no name another took the place of.
    tweet = ("After a long night of talks mediated by the United States, India and Pakistan "
             "have agreed to a FULL AND IMMEDIATE CEASEFIRE.")
    v = verdict(text, language, tweet)
    assert "name" not in distorting(v), v.differences


def test_an_inflected_exonym_renders_the_name() -> None:
    tweet = "Talks were mediated by the United States overnight."
    v = verdict("Die Gespräche wurden über Nacht von den Vereinigten Staaten vermittelt.", "de",
                tweet)
    assert "name" not in distorting(v), v.differences


def test_short_shouted_common_words_are_no_acronyms() -> None:
    """German shows no lost name by its capital, so a name it lacks counts as changed:
    "CASH" and "SOON" are emphasis there, while an acronym ("FBI") stays a name."""
    tweet = "Rosa Vance paid them 40 Million Dollars in CASH, and SOON they will ask for more!"
    v = verdict("Rosa Vance hat ihnen 40 Millionen Dollar in bar bezahlt, und bald wollen sie "
                "mehr!", "de", tweet)
    assert v.label != "distortion", v.differences
    assert not [d for d in v.differences if d.tweet_side in ("CASH", "SOON")], v.differences
    lost = verdict("Rosa Vance hat der Polizei 40 Millionen Dollar in bar bezahlt!", "de",
                   "Rosa Vance paid the FBI 40 Million Dollars in CASH!")
    assert ("name", "FBI") in [(d.kind, d.tweet_side) for d in lost.differences]


@pytest.mark.parametrize(("text", "code"), [
    ("Die Franzosen werden die neue Brücke im Mai eröffnen.", "de"),
    ("De Fransen openen de nieuwe brug in mei.", "nl"),
    ("Les Français ouvriront le nouveau pont en mai.", "fr"),
    ("Los franceses abrirán el nuevo puente en mayo.", "es"),
    ("I francesi apriranno il nuovo ponte a maggio.", "it"),
    ("Os franceses vão abrir a nova ponte em maio.", "pt"),
    ("Orang Prancis akan membuka jembatan baru pada bulan Mei.", "id"),
])
def test_a_people_rendered_by_its_own_word_is_no_swap(text: str, code: str) -> None:
    """English writes a people as its language's name ("French"); each language has its
    own word for the people ("Franzosen", "Fransen"), which renders it."""
    v = verdict(text, code, "The French will open the new bridge in May.")
    assert "name" not in distorting(v), v.differences
    assert not [d for d in v.differences if d.tweet_side == "French"], v.differences


def test_a_people_swapped_for_another_is_still_a_distortion() -> None:
    v = verdict("Die Deutschen werden die neue Brücke im Mai eröffnen.", "de",
                "The French will open the new bridge in May.")
    assert v.label == "distortion"
    assert ("name", "French") in [(d.kind, d.tweet_side) for d in v.differences]


def test_translated_place_names_are_no_swap() -> None:
    tweet = "The minister saved the United States and Denmark a great deal of money."
    v = verdict("La ministra ahorró mucho dinero a Estados Unidos y a Dinamarca.", "es", tweet)
    assert "name" not in distorting(v), v.differences


def test_a_name_swapped_for_another_is_still_a_distortion() -> None:
    tweet = "Stopping Okafor is a short-term solution. Fixing the schools is the long-term one."
    v = verdict("Detener a Lindqvist es una solución a corto plazo. Arreglar las escuelas es la "
                "solución a largo plazo.", "es", tweet)
    assert v.label == "distortion"
    assert ("name", "Lindqvist", "Okafor") in [(d.kind, d.quote_side, d.tweet_side)
                                               for d in v.differences]


def test_a_german_quote_losing_a_name_is_still_a_distortion() -> None:
    # German capitalizes every noun, so another name in the lost one's place cannot be
    # seen: a name the quote lacks still counts as changed.
    tweet = "In May, Okafor will open the new bridge."
    v = verdict("Im Mai wird Lindqvist die neue Brücke eröffnen.", "de", tweet)
    assert v.label == "distortion"


# --- opinion markers ------------------------------------------------------------------------


def test_dropping_an_opinion_marker_states_an_opinion_as_fact() -> None:
    tweet = "Ferry tickets are too expensive imo"
    for text, code in [("Die Fährtickets sind zu teuer", "de"),
                       ("I biglietti del traghetto sono troppo cari", "it"),
                       ("Harga tiket feri terlalu mahal", "id")]:
        v = verdict(text, code, tweet)
        assert v.label == "distortion", (code, v.differences)
        assert ("opinion", "imo") in [(d.kind, d.tweet_side) for d in v.differences]


def test_a_partial_quote_leaving_out_the_opinion_marker_states_it_as_fact() -> None:
    # The marker stands outside the words quoted, but qualifies the sentence they are from.
    tweet = "Ferry tickets for the island are too expensive imo. Buses are fine."
    for text, code, fuzzy in [("tickets for the island are too expensive", "en", 88.0),
                              ("Fährtickets zur Insel sind zu teuer", "de", None)]:
        v = verdict(text, code, tweet, fuzzy=fuzzy, fragment=True)
        assert [d.tweet_side for d in v.differences if d.kind == "opinion"] == ["imo"], (
            code, v.differences)
    kept = verdict("tickets for the island are, in my opinion, too expensive", "en", tweet,
                   fuzzy=85.0, fragment=True)
    assert "opinion" not in distorting(kept), kept.differences
    # A marker of a sentence the quote does not render qualifies nothing it quotes.
    other = verdict("Buses are fine", "en", tweet, fuzzy=90.0, fragment=True)
    assert "opinion" not in distorting(other), other.differences


def test_an_opinion_marker_rendered_by_any_of_its_forms_is_kept() -> None:
    assert_never_seen("opinion", [
        ("Personally, I prefer the old harbour",
         [("Personnellement, je préfère l'ancien port", "fr"),
          ("Persönlich bevorzuge ich den alten Hafen", "de"),
          ("Secara pribadi, saya lebih suka pelabuhan lama", "id")]),
        ("I believe the harbour will reopen",
         [("Acredito que o porto vai reabrir", "pt"),
          ("Saya yakin pelabuhan akan dibuka kembali", "id")]),
    ])


def test_an_opinion_marker_rendered_is_kept() -> None:
    tweet = "Ferry tickets are too expensive imo"
    for text, code in [("Die Fährtickets sind meiner Meinung nach zu teuer", "de"),
                       ("Secondo me i biglietti del traghetto sono troppo cari", "it"),
                       ("Menurut saya harga tiket feri terlalu mahal", "id"),
                       ("À mon avis, les billets du ferry sont trop chers", "fr")]:
        v = verdict(text, code, tweet)
        assert "opinion" not in distorting(v), (code, v.differences)


def test_a_dropped_hedge_is_still_only_a_paraphrase() -> None:
    tweet = "The new bridge seems to be safer than the old one."
    v = verdict("Die neue Brücke ist sicherer als die alte.", "de", tweet)
    assert v.label == "paraphrase", v.differences


# --- an English tweet's link is no cut clause --------------------------------------------


def test_a_link_left_out_of_a_verbatim_quote_is_no_cut() -> None:
    tweet = ("So sad. Rosa must fix her budget problem, then take a long walk with a friend! "
             "https://t.co/AbCdEf1234")
    v = verdict("Rosa must fix her budget problem, then take a long walk with a friend!", "en",
                tweet, fuzzy=97.0, fragment=True)
    assert v.label == "verbatim", v.differences


def test_a_name_glued_into_a_compound_is_a_swap() -> None:
    tweet = "My fellow Democrats, I have decided to stay on as mayor until May."
    v = verdict("Mijn mede-Lindqvisten, ik heb besloten tot mei burgemeester te blijven.", "nl",
                tweet)
    assert v.label == "distortion", v.differences


def test_in_the_tweets_own_language_a_missing_name_is_lost() -> None:
    # An English quote writes a name as the English tweet does: leaving it out of a
    # sentence it renders is no rendering by a common word.
    tweet = ("All is calm. Two boats left Okafor Harbour at noon. Damage is being assessed "
             "now. So far, so good!")
    v = verdict("All is calm. Damage is being assessed now. So far, so good!", "en", tweet,
                fuzzy=92.0)
    assert ("name", "Okafor") in [(d.kind, d.tweet_side) for d in v.differences]
    assert v.label == "distortion"


def test_an_antonym_written_with_an_accent_is_read_as_its_table_lists_it() -> None:
    # es lists "perdi" for "perdí" ("I lost"), as pt lists "perdi": both sides lose.
    v = verdict("Perdí a un gran amigo en el puerto.", "es",
                "Eu perdi um grande amigo no porto.")
    assert "negation" not in distorting(v), v.differences


@pytest.mark.parametrize(("text", "code"), [
    ("One day I hope we will sail together again. May God give strength to the crew.", "en"),
    ("Eines Tages segeln wir hoffentlich wieder zusammen. Möge Gott der Crew Kraft geben.",
     "de"),
])
def test_a_name_of_a_tweet_in_another_language_counts_under_its_english_name(
        text: str, code: str) -> None:
    # The Portuguese tweet's "Deus" is rendered by "God" and by "Gott".
    tweet = "Um dia espero que possamos navegar juntos outra vez. Que Deus dê força à tripulação."
    v = verdict(text, code, tweet)
    assert "name" not in distorting(v), v.differences


def test_a_quote_stopping_before_the_tweets_last_sentence_loses_no_name() -> None:
    # The quote is the tweet's first sentence word for word: the name of the sentence it
    # never reaches is no name it lost.
    tweet = ("Denuncio que la alcaldesa Varsko cerró el mercado sin aviso; los vecinos "
             "protestaron toda la noche. Los culpables destruyen el Estado de Derecho.")
    v = verdict("Denuncio que la alcaldesa Varsko cerró el mercado sin aviso; los vecinos "
                "protestaron toda la noche", "es", tweet, fuzzy=97.0)
    assert not [d for d in v.differences if d.tweet_side == "Derecho"], v.differences
    assert v.label != "distortion"


def test_a_quote_starting_at_the_tweets_second_sentence_with_a_gloss_cuts_nothing() -> None:
    # The editor's gloss is set aside; the quote is the tweet from its second sentence on.
    tweet = ("@example_council, what matters is not a blame game. What matters is the future "
             "of the harbour and of our people. You want no plan, you want no delay, quo vadis?")
    v = verdict("What matters is the future of the harbour and of our people. You want no "
                "plan, you want no delay, quo vadis (Latin: where are you going)?", "en", tweet,
                fuzzy=97.0)
    assert "cut" not in distorting(v), v.differences


# --- a condition a partial quote leaves out -------------------------------------------------

CONDITIONAL = ("A coastal engineer warns that the sea will swallow the old harbour unless we "
               "raise the dyke within the next three years.")


def test_a_partial_quote_without_its_condition_is_a_distortion() -> None:
    for text, code in [("the sea will swallow the old harbour", "en"),
                       ("das Meer wird den alten Hafen verschlingen", "de"),
                       ("la mer engloutira le vieux port", "fr")]:
        v = verdict(text, code, CONDITIONAL, fragment=True)
        assert v.label == "distortion", (code, v.differences)
        assert "condition" in [d.kind for d in v.differences]


def test_a_partial_quote_keeping_its_condition_is_not() -> None:
    for text, code in [("the sea will swallow the old harbour unless we raise the dyke", "en"),
                       ("das Meer wird den alten Hafen verschlingen, wenn wir den Deich nicht "
                        "erhöhen", "de"),
                       ("la mer engloutira le vieux port si nous ne relevons pas la digue", "fr")]:
        v = verdict(text, code, CONDITIONAL, fragment=True)
        assert "condition" not in [d.kind for d in v.differences], (code, v.differences)


def test_a_courtesy_condition_is_no_claim_condition() -> None:
    # "if you like" says nothing on its own: leaving it out changes no claim.
    v = verdict("we could sell the ferry for $2.5 million", "en",
                "no thanks but we could sell the ferry for $2.5 million if you like",
                fragment=True)
    assert "condition" not in [d.kind for d in v.differences]


def test_a_name_elided_onto_an_article_is_a_swap() -> None:
    tweet = "All is calm! Two boats left Okafor Harbour for the islands at noon."
    v = verdict("Tout est calme ! Deux bateaux ont quitté le port de l’Lindqvist pour les îles à "
                "midi.", "fr", tweet)
    assert v.label == "distortion", v.differences


def test_an_editors_gloss_is_no_added_clause_but_renders_an_opinion() -> None:
    tweet = "no thanks but we could sell the ferry for $2.5 million if you like"
    v = verdict("no thanks but we could sell the ferry (the old harbour ferry, ed.) for $2.5 "
                "million if you like", "en", tweet, fuzzy=88.0)
    assert "added" not in [d.kind for d in v.differences], v.differences
    v = verdict("Ferry tickets are too expensive [in my opinion]", "en",
                "Ferry tickets are too expensive imo", fuzzy=90.0)
    assert "opinion" not in [d.kind for d in v.differences], v.differences


def test_a_number_with_a_comma_is_one_clause() -> None:
    from quotes.text import clauses
    assert clauses("Reading is a right, not a luxury, and 2,000 books are new.",
                   lang.get("en")) == ["Reading is a right", "not a luxury",
                                       "and 2,000 books are new."]


def test_a_tweet_quoted_word_for_word_in_its_own_language_is_verbatim() -> None:
    tweet = "Die Fähre fährt heute keine Runde mehr. Morgen wieder ab acht Uhr."
    assert verdict("Die Fähre fährt heute keine Runde mehr.", "de", tweet,
                   fragment=True).label == "verbatim"
    # A translation is not.
    assert verdict("Le ferry ne fait plus de tour aujourd'hui.", "fr",
                   tweet, fragment=True).label != "verbatim"


def test_a_wish_worded_like_a_condition_conditions_nothing() -> None:
    # "If only …" wishes; a quote rendering the rest leaves no condition out.
    tweet = "If only every fictional ferry were like this one, best crossing ever!"
    v = verdict("best crossing ever", "en", tweet, fragment=True)
    assert "condition" not in [d.kind for d in v.differences], v.differences


def test_a_tweets_media_link_is_no_cut_clause() -> None:
    # An embed's copy ends with the photo's link; the quote never carries it.
    tweet = "Best crossing ever on the fictional ferry! #ferrylife pic.twitter.com/Qz81kLmNoP"
    v = verdict("Best crossing ever on the fictional ferry!", "en", tweet, fuzzy=90.0)
    assert not distorting(v), v.differences


def test_not_even_one_is_a_negation_in_italian() -> None:
    """"Neanche un euro" renders "Not one euro"; "un euro" alone would flip it."""
    tweet = "Not one euro comes from the school budget."
    kept = verdict("Neanche un euro arriva dal bilancio delle scuole.", "it", tweet)
    flipped = verdict("Un euro arriva dal bilancio delle scuole.", "it", tweet)
    assert "negation" not in distorting(kept)
    assert "negation" in distorting(flipped)
