"""Faithful renderings that listed a difference (issue 11, "no false alarms"): negation
words used idiomatically ("no doubt", "not just", "ne … que", "sin precedentes"), a half
after a scale ("un million et demi"), a name run written as its acronym ("EU" for
"European Union"), a capitalized plural of a common word; and the changes that must
still show.

Every tweet and quote here was written for these tests; the accounts are fictional."""

from __future__ import annotations

from test_false_alarms import assert_never_seen, distorting, verdict

from quotes import lang
from quotes.anchors import extract_anchors

# --- negation words that negate nothing -----------------------------------------------------


def test_no_doubt_in_every_language_negates_nothing() -> None:
    assert_never_seen("negation", [
        ("No doubt: the harbour will reopen.",
         [("No cabe duda: el puerto reabrirá.", "es"),
          ("Il n'y a aucun doute : le port rouvrira.", "fr"),
          ("Kein Zweifel: Der Hafen wird wieder öffnen.", "de"),
          ("Non c'è dubbio: il porto riaprirà.", "it"),
          ("Não há dúvida: o porto vai reabrir.", "pt"),
          ("Geen twijfel: de haven gaat weer open.", "nl"),
          ("Tidak diragukan lagi, pelabuhan akan dibuka kembali.", "id")]),
        ("Without a doubt the best ferry we ever had.",
         [("Ohne Zweifel die beste Fähre, die wir je hatten.", "de"),
          ("Tanpa ragu feri terbaik yang pernah kami miliki.", "id")]),
    ])


def test_not_just_and_only_worded_with_a_negation_negate_nothing() -> None:
    assert_never_seen("negation", [
        ("The ferry is not just cheap, it is fast.",
         [("El ferry no sólo es barato, es rápido.", "es"),
          ("Feri itu bukan hanya murah, tapi cepat.", "id")]),
        ("We have only one ferry left.",
         [("Nous n'avons qu'un seul ferry.", "fr"),
          ("No tenemos más que un ferry.", "es")]),
    ])


def test_a_record_without_precedent_negates_nothing() -> None:
    assert_never_seen("negation", [
        ("The harbour had an unprecedented summer.",
         [("El puerto tuvo un verano sin precedentes.", "es"),
          ("Le port a connu un été sans précédent.", "fr"),
          ("Il porto ha avuto un'estate senza precedenti.", "it"),
          ("O porto teve um verão sem precedentes.", "pt")]),
        ("I can't wait to ride the new ferry!",
         [("¡No puedo esperar a subir al nuevo ferry!", "es"),
          ("Ich kann es kaum erwarten, die neue Fähre zu nehmen!", "de")]),
    ])


def test_a_lexical_negation_ending_the_sentence_is_read() -> None:
    # "hanno perso." renders "lost" as every table's antonym entries do, full stop or not.
    assert_never_seen("negation", [
        ("The harbour team lost.", [("La squadra del porto ha perso.", "it")]),
    ])


def test_a_gapped_idiom_keeps_a_real_negation() -> None:
    # "ne … que" (only) must not swallow "ne … pas que" (not … that).
    v = verdict("Je ne pense pas que le ferry soit rapide.", "fr",
                "I think the ferry is fast.")
    assert "negation" in distorting(v), v.differences


def test_a_real_negation_beside_no_doubt_still_counts() -> None:
    for text, code in [("No cabe duda: el puerto no reabrirá.", "es"),
                       ("Kein Zweifel: Der Hafen wird nicht wieder öffnen.", "de"),
                       ("Il n'y a aucun doute : le port ne rouvrira pas.", "fr")]:
        v = verdict(text, code, "No doubt: the harbour will reopen.")
        assert "negation" in distorting(v), (code, v.differences)


# --- numbers ------------------------------------------------------------------------------


def test_a_half_after_a_scale_is_part_of_the_number() -> None:
    tweet = "The new harbour cost @fictional_mayor's city $1.5 million."
    for text, code in [("El nuevo puerto costó un millón y medio de dólares.", "es"),
                       ("Le nouveau port a coûté un million et demi de dollars.", "fr"),
                       ("Il nuovo porto è costato un milione e mezzo di dollari.", "it"),
                       ("O novo porto custou um milhão e meio de dólares.", "pt"),
                       ("Der neue Hafen kostete eineinhalb Millionen Dollar.", "de"),
                       ("De nieuwe haven kostte anderhalf miljoen dollar.", "nl")]:
        v = verdict(text, code, tweet)
        assert "number" not in distorting(v), (code, v.differences)


def test_a_million_and_a_half_is_not_a_million() -> None:
    (anchor,) = extract_anchors("un million et demi de dollars", lang.get("fr"))
    assert anchor.value == 1.5e6 and anchor.unit == "USD"
    v = verdict("Le nouveau port a coûté un million et demi de dollars.", "fr",
                "The new harbour cost $1 million.")
    assert "number" in distorting(v), v.differences


# --- names --------------------------------------------------------------------------------


def test_a_name_run_written_as_its_acronym_is_no_changed_name() -> None:
    assert_never_seen("name", [
        ("The European Union must fund the harbour.",
         [("Die EU muss den Hafen finanzieren.", "de")]),
        ("The United Nations must fund the harbour.",
         [("La ONU debe financiar el puerto.", "es"),
          ("L'ONU doit financer le port.", "fr")]),
    ])


def test_an_acronym_of_another_name_is_still_a_changed_name() -> None:
    v = verdict("Die EU muss den Hafen finanzieren.", "de",
                "The United Nations must fund the harbour.")
    assert "name" in distorting(v), v.differences


def test_a_capitalized_plural_of_a_common_word_is_no_name() -> None:
    tweet = "Ferries cannot leave after the Docks are closed!"
    v = verdict("Fähren dürfen nicht ablegen, wenn geschlossen ist!", "de", tweet)
    assert "name" not in distorting(v), v.differences


# --- negation between the clauses that render each other ---------------------------------


def test_a_quote_clause_pairs_with_the_tweet_clause_it_shares_words_with() -> None:
    # Same language: the quote renders the "sino" clause, not the negated one before it.
    tweet = "El alcalde no habla de cierre, sino de una pausa larga del ferry."
    v = verdict("El alcalde habla de una pausa larga del ferry.", "es", tweet)
    assert "negation" not in distorting(v), v.differences


def test_the_negated_clause_itself_still_flips() -> None:
    tweet = "El alcalde no habla de cierre del ferry, sino de una pausa larga."
    v = verdict("El alcalde habla de cierre del ferry, sino de una pausa larga.", "es", tweet)
    assert "negation" in distorting(v), v.differences


def test_a_quote_stopping_before_the_tweets_negation_flips_nothing() -> None:
    # The article quotes the tweet's words up to a point; the negation comes after it.
    tweet = ("Thanks to all who came to the fictional harbour fair and stayed so late they "
             "just could not find a bus home. See you next year!")
    v = verdict("Thanks to all who came to the fictional harbour fair and stayed so late,",
                "en", tweet)
    assert "negation" not in distorting(v), v.differences


def test_a_negation_the_quote_drops_mid_sentence_still_flips() -> None:
    tweet = "The fictional harbour fair will not open on Sunday this year."
    v = verdict("The fictional harbour fair will open on Sunday this year.", "en", tweet)
    assert "negation" in distorting(v), v.differences


# --- counts written as collectives, ordinals and vague plurals -----------------------------


def test_a_collective_number_is_an_approximate_amount() -> None:
    tweet = "About 20 volunteers cleaned the harbour with @fictional_mayor today."
    for text, code in [("Une vingtaine de bénévoles ont nettoyé le port.", "fr"),
                       ("Una veintena de voluntarios limpiaron el puerto.", "es"),
                       ("Una ventina di volontari hanno pulito il porto.", "it")]:
        v = verdict(text, code, tweet)
        assert "number" not in distorting(v), (code, v.differences)
    (anchor,) = extract_anchors("une centaine de bénévoles", lang.get("fr"))
    assert anchor.value == 100 and anchor.approximate


def test_a_collective_far_from_the_tweets_number_is_still_changed() -> None:
    v = verdict("Une centaine de bénévoles ont nettoyé le port.", "fr",
                "About 20 volunteers cleaned the harbour today.")
    assert "number" in distorting(v), v.differences


def test_an_ordinal_renders_its_numeral() -> None:
    assert_never_seen("number", [
        ("This is my 2nd term as harbour mayor.",
         [("Es mi segundo mandato como alcalde del puerto.", "es"),
          ("Das ist meine zweite Amtszeit als Hafenbürgermeisterin.", "de"),
          ("Ini masa jabatan kedua saya sebagai wali kota pelabuhan.", "id")]),
        ("This is my second term as harbour mayor.",
         [("Es mi 2º mandato como alcalde del puerto.", "es")]),
    ])


def test_a_vague_plural_before_a_scale_is_their_product() -> None:
    (anchor,) = extract_anchors("Ratusan ribu orang datang ke pelabuhan.", lang.get("id"))
    assert anchor.value == 100_000 and anchor.vague
    v = verdict("Ratusan ribu orang datang ke pelabuhan.", "id",
                "Hundreds of thousands of people came to the harbour.")
    assert "number" not in distorting(v), v.differences
    (billions,) = extract_anchors("Bilhões de dólares para o porto.", lang.get("pt"))
    assert billions.value == 1e9 and billions.vague


def test_a_month_named_like_a_hedge_is_no_hedge() -> None:
    v = verdict("Le port rouvrira le 1er mai.", "fr", "The harbour reopens on May 1.")
    assert "hedge" not in {d.kind for d in v.differences}, v.differences
    v = verdict("Le port rouvrira.", "fr", "The harbour may reopen.")
    assert "hedge" in {d.kind for d in v.differences}, v.differences


# --- names a language writes its own way ---------------------------------------------------


def test_a_name_ending_a_compound_is_rendered() -> None:
    assert_never_seen("name", [
        ("Fictional Korea must reopen the harbour.",
         [("Fiktionalkorea muss den Hafen wieder öffnen.", "de")]),
    ])
    v = verdict("Fiktionalkorea muss den Hafen wieder öffnen.", "de",
                "Fictional Brakelia must reopen the harbour.")
    assert "name" in distorting(v), v.differences


def test_a_regnal_number_left_out_is_no_changed_name() -> None:
    v = verdict("Der Hafen wurde von König Elnar eröffnet.", "de",
                "The harbour was opened by King Elnar III.")
    assert "name" not in distorting(v), v.differences


def test_regional_names_have_their_local_forms() -> None:
    assert_never_seen("name", [
        ("The Middle East needs the harbour.",
         [("Oriente Medio necesita el puerto.", "es"),
          ("Le Moyen-Orient a besoin du port.", "fr"),
          ("Der Nahe Osten braucht den Hafen.", "de"),
          ("Timur Tengah membutuhkan pelabuhan.", "id")]),
    ])


def test_clauses_a_translation_reorders_keep_their_negations() -> None:
    assert_never_seen("negation", [
        ("If you don't vote, we lose the harbour.",
         [("Perdemos el puerto si no votas.", "es"),
          ("Nous perdrons le port si vous ne votez pas.", "fr")]),
        ("We will cut ferry fares, but we will not close the harbour.",
         [("No cerraremos el puerto, pero bajaremos las tarifas del ferry.", "es")]),
    ])


def test_a_negation_dropped_from_reordered_clauses_still_flips() -> None:
    v = verdict("Cerraremos el puerto, pero bajaremos las tarifas del ferry.", "es",
                "We will cut ferry fares, but we will not close the harbour.")
    assert "negation" in distorting(v), v.differences


def test_sentences_a_translation_reorders_keep_their_negations() -> None:
    tweet = "We will not close the harbour. The ferry runs daily and it is free."
    v = verdict("El ferry funciona a diario. No cerraremos el puerto.", "es", tweet)
    assert "negation" not in distorting(v), v.differences
    v = verdict("El ferry funciona a diario. Cerraremos el puerto.", "es", tweet)
    assert "negation" in distorting(v), v.differences


def test_a_hedge_opening_a_question_is_kept() -> None:
    v = verdict("El puerto abre. ¿Quizás mañana?", "es", "The harbour opens. Perhaps tomorrow?")
    assert "hedge" not in {d.kind for d in v.differences}, v.differences


def test_every_table_reads_the_lexical_negations_english_reads() -> None:
    assert_never_seen("negation", [
        ("The ferry barely moved.", [("Le ferry a à peine bougé.", "fr"),
                                     ("Il traghetto si è mosso a malapena.", "it")]),
        ("The ferry plan failed.", [("O plano do ferry falhou.", "pt"),
                                    ("Het veerplan faalde.", "nl")]),
        ("The cause is unknown.", [("La causa es desconocida.", "es"),
                                   ("La cause est inconnue.", "fr"),
                                   ("De oorzaak is onbekend.", "nl")]),
        ("The harbour office denies it.", [("Kantor pelabuhan menyangkal hal itu.", "id")]),
    ])
    v = verdict("O plano do ferry funcionou.", "pt", "The ferry plan failed.")
    assert "negation" in distorting(v), v.differences


# --- an omission the quote marks ----------------------------------------------------------

OMISSION_TWEET = "We will reopen the harbour, with 200 new jobs and Mayor Brakel, next spring."


def test_what_a_marked_omission_leaves_out_is_no_cut() -> None:
    for text, code in [("We will reopen the harbour (...) next spring.", "en"),
                       ("Wir öffnen den Hafen […] im nächsten Frühjahr wieder.", "de")]:
        v = verdict(text, code, OMISSION_TWEET)
        assert distorting(v) == [], (code, v.differences)


def test_a_marked_omission_still_shows_a_changed_number() -> None:
    v = verdict("We will reopen the harbour with 300 new jobs (...) next spring.", "en",
                OMISSION_TWEET)
    assert "number" in distorting(v), v.differences
    v = verdict("We will reopen the harbour next spring.", "en", OMISSION_TWEET)
    assert "cut" in distorting(v) or "number" in distorting(v), v.differences


def test_a_country_or_state_capitalized_by_convention_is_no_name() -> None:
    # Italian writes "il Paese", "lo Stato"; French "l'État", Spanish "el Estado".
    tweet = "The fictional ferry minister loves this Country and its people!"
    assert_never_seen("name", [(tweet, [
        ("Il fittizio ministro dei traghetti ama questo Paese e la sua gente!", "it"),
    ])])
    tweet = "The fictional ferry minister says the State will pay for the harbour."
    assert_never_seen("name", [(tweet, [
        ("Le ministre fictif des ferries dit que l'État paiera le port.", "fr"),
        ("El ministro ficticio de los ferris dice que el Estado pagará el puerto.", "es"),
    ])])
