"""The compare stage: verdicts and the differences they rest on, with where each was seen.

Tweets and quotes here were written for these tests and belong to fictional accounts."""

from __future__ import annotations

import pytest

from quotes import lang
from quotes.anchors import extract_anchors
from quotes.compare import (
    Sides,
    content_differences,
    find_differences,
    implicitly_negated,
    judge,
    negated,
    polarity_differences,
    same_name,
)
from quotes.models import Attribution, CanonicalTweet, Decision, Quote, Translated, TweetMatch

TWEET = ("We will not close the old bridge before 2027. It cost $40 million, and the new "
         "one seems to be safer.")


def quote(text: str, language: str) -> Quote:
    return Quote(0, len(text), text, "“", "”", 0, len(text), "statement", language)


def decision(tweet_text: str = TWEET, *, author: str = "example_mayor", fuzzy: float | None = None,
             embedding: float | None = 0.9, fragment: bool = False) -> Decision:
    tweet = CanonicalTweet(1, author, tweet_text, author_name="Erika Muster (fictional)")
    match = TweetMatch(tweet, 0.9, fuzzy, embedding, 0.05, 1, tweet_text, fragment)
    return Decision(match, "embedding+anchors", "embedding 0.900 ≥ 0.87")


def attribution(handle: str | None = "example_mayor") -> Attribution:
    return Attribution("Erika Muster", "Muster", 0, "verb-after", "schrieb Muster", 0, 10,
                       "schrieb", "tweet", "auf X", handle)


def verdict(text: str, language: str, *, translated: str | None = None,
            handle: str | None = "example_mayor", **kwargs: object):
    q = quote(text, language)
    tr = Translated(translated, "tiny-test-model") if translated else None
    anchors = extract_anchors(text, lang.get(language))
    return judge(q, attribution(handle), tr, decision(**kwargs), anchors)  # type: ignore[arg-type]


def kinds(v) -> list[tuple[str, str]]:
    return [(d.kind, d.evidence) for d in v.differences]


# --- verdicts without translation (anchors and the quote's own language) ------------------


def test_faithful_translation_is_faithful() -> None:
    v = verdict("Wir werden die alte Brücke nicht vor 2027 schließen. Sie hat 40 Millionen "
                "Dollar gekostet, und die neue scheint sicherer zu sein.", "de")
    assert v.label == "faithful", v.differences
    assert v.differences == ()


def test_changed_amount_is_a_distortion_seen_in_the_anchors() -> None:
    v = verdict("Wir werden die alte Brücke nicht vor 2027 schließen. Sie hat 400 Millionen "
                "Dollar gekostet, und die neue scheint sicherer zu sein.", "de")
    assert v.label == "distortion"
    (difference,) = v.differences
    assert difference.kind == "number" and difference.evidence == "anchors"
    assert (difference.quote_side, difference.tweet_side) == ("400 Millionen Dollar",
                                                              "$40 million")


def test_changed_year_is_a_distortion() -> None:
    v = verdict("Nous ne fermerons pas le vieux pont avant 2029. Il a coûté 40 millions de "
                "dollars, et le nouveau semble plus sûr.", "fr")
    assert v.label == "distortion"
    assert ("year", "anchors") in kinds(v)


def test_dropped_negation_is_a_distortion_seen_in_the_source_language() -> None:
    v = verdict("Nous fermerons le vieux pont avant 2027. Il a coûté 40 millions de dollars, "
                "et le nouveau semble plus sûr.", "fr")
    assert v.label == "distortion"
    assert kinds(v) == [("negation", "source-language")]


def test_dropped_hedge_is_a_paraphrase() -> None:
    v = verdict("Kami tidak akan menutup jembatan lama sebelum 2027. Biayanya $40 juta, dan "
                "yang baru lebih aman.", "id")
    assert v.label == "paraphrase"
    assert kinds(v) == [("hedge", "source-language")]


def test_words_of_another_account_are_misattributed() -> None:
    v = verdict("Wir werden die alte Brücke nicht vor 2027 schließen. Sie hat 40 Millionen "
                "Dollar gekostet, und die neue scheint sicherer zu sein.", "de",
                handle="demo_minister")
    assert v.label == "misattributed"
    assert v.differences[0].kind == "speaker" and v.differences[0].evidence == "attribution"


def test_a_loose_likeness_to_another_persons_post_accuses_no_one() -> None:
    # The article names Erika Muster; the closest post is another account's and only like
    # it (a spoken sentence of the same day, say): no post of hers says this, and nothing
    # shows the words are the other person's.
    text = ("Wir werden die alte Brücke nicht vor 2027 schließen. Sie hat 40 Millionen "
            "Dollar gekostet, und die neue scheint sicherer zu sein.")
    loose = verdict(text, "de", handle="demo_minister", embedding=0.83)
    assert loose.label == "unmatched"
    assert any("renders the quote only loosely" in n for n in loose.notes)
    # The same likeness read through a close back-translation is that person's words.
    close = verdict(text, "de", handle="demo_minister", embedding=0.83, fuzzy=92.0,
                    translated=TWEET)
    assert close.label == "misattributed"


def test_unresolved_speaker_is_noted_not_judged() -> None:
    v = verdict("Wir werden die alte Brücke nicht vor 2027 schließen. Sie hat 40 Millionen "
                "Dollar gekostet, und die neue scheint sicherer zu sein.", "de", handle=None)
    assert v.label == "faithful"
    assert any("not checked" in n for n in v.notes)


# --- names --------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [("Irak", "Iraq"), ("Irán", "Iran"),
                                      ("Europäische", "European"), ("sowjetische", "Soviet"),
                                      ("GPUs", "GPU"), ("Kamala", "Kamala"),
                                      ("Leone", "Leo"), ("Leão", "Leo"), ("León", "Leo")])
def test_spellings_of_one_name(a: str, b: str) -> None:
    assert same_name(a, b)


@pytest.mark.parametrize(("a", "b"), [("Obama", "Trump"), ("Merkel", "Scholz"),
                                      ("Syria", "Iraq"), ("Leo", "Lea"), ("Bob", "Rob"),
                                      ("Kim", "Kimberly")])
def test_different_names(a: str, b: str) -> None:
    assert not same_name(a, b)


NAMED = "Rosa Vance will meet Tom Okafor in Iraq on Friday. Both want peace."


def test_swapped_name_is_a_distortion() -> None:
    v = verdict("Rosa Vance se reunirá con Ana Lund en Irak el viernes. Ambos quieren la paz.",
                "es", tweet_text=NAMED)
    assert v.label == "distortion"
    assert [(d.kind, d.quote_side, d.tweet_side, d.evidence) for d in v.differences] == [
        ("name", "Ana", "Tom", "anchors"), ("name", "Lund", "Okafor", "anchors")]


EMPHATIC = "The Rain season is here! We will not close our Valley, not this year."


def test_a_word_capitalized_for_emphasis_is_rendered_by_the_back_translation() -> None:
    quoted = "A temporada de chuva chegou! Não vamos fechar o nosso vale, não este ano."
    v = verdict(quoted, "pt", tweet_text=EMPHATIC,
                translated="The rain season has arrived! We will not close our valley, not "
                           "this year.")
    assert [d for d in v.differences if d.kind == "name"] == []
    # Without the back-translation the same words are names the quote renders with a
    # common word and no other name in their place: noted, no distortion.
    plain = verdict(quoted, "pt", tweet_text=EMPHATIC)
    assert ("omitted_name", "anchors") in kinds(plain)
    assert ("name", "anchors") not in kinds(plain)
    assert plain.label != "distortion"


def test_a_swapped_name_stays_swapped_in_the_back_translation() -> None:
    v = verdict("Rosa Vance se reunirá con Ana Lund en Irak el viernes. Ambos quieren la paz.",
                "es", tweet_text=NAMED,
                translated="Rosa Vance will meet Ana Lund in Iraq on Friday. Both want peace.")
    assert ("name", "Ana", "Tom", "anchors") in [
        (d.kind, d.quote_side, d.tweet_side, d.evidence) for d in v.differences]


def test_a_short_name_in_its_local_form_is_no_swap() -> None:
    pope = "Congratulations to Cardinal Rosa Vance, who was just named Pope Leo."
    for quoted, language in [("Congratulazioni alla cardinale Rosa Vance, appena nominata "
                              "Papa Leone.", "it"),
                             ("Parabéns à cardeal Rosa Vance, que acaba de ser nomeada Papa "
                              "Leão.", "pt")]:
        v = verdict(quoted, language, tweet_text=pope)
        assert "name" not in [d.kind for d in v.differences], v.differences


def test_a_name_the_tweet_writes_as_a_handle_replaces_nothing() -> None:
    tagged = ("Time to drop the really big bomb: @realRosaVance is in the Okafor files. That "
              "is the real reason they have not been made public. Have a nice day, RV!")
    v = verdict("Es hora de lanzar la gran bomba. Rosa Vance está en los archivos de Okafor. "
                "Esa es la razón de que no se hayan hecho públicos", "es", tweet_text=tagged)
    assert v.label == "faithful", v.differences


def test_names_spelled_the_local_way_are_no_swap() -> None:
    v = verdict("Rosa Vance se reunirá con Tom Okafor en Irak el viernes. Ambos quieren la paz.",
                "es", tweet_text=NAMED)
    assert v.label == "faithful", v.differences
    germany = "The plan helps Germany and France."
    v = verdict("Der Plan hilft Deutschland und Frankreich.", "de", tweet_text=germany)
    assert v.label == "faithful", v.differences


@pytest.mark.parametrize(("quoted", "language"), [
    ("Se o Irã atacar a Coreia do Sul, a Tailândia vai responder.", "pt"),  # Brazil
    ("Se o Irão atacar a Coreia do Sul, a Tailândia vai responder.", "pt"),  # Portugal
    ("Jika Iran menyerang Korea Selatan, Thailand akan membalas.", "id"),
    ("Als Iran Zuid-Korea aanvalt, zal Thailand reageren.", "nl"),
])
def test_a_country_under_its_local_name_is_no_swap(quoted: str, language: str) -> None:
    # Country names beyond the tables' hand-written exonyms (CLDR's, data/territories).
    v = verdict(quoted, language,
                tweet_text="If Iran attacks South Korea, Thailand will respond.")
    assert [d for d in v.differences if d.kind == "name"] == []
    assert v.label == "faithful", v.differences


def test_a_country_put_in_another_ones_place_is_still_a_swap() -> None:
    v = verdict("Se o Iraque atacar a Coreia do Sul, a Tailândia vai responder.", "pt",
                tweet_text="If Iran attacks South Korea, Thailand will respond.")
    assert ("name", "Iraque", "Iran") in [(d.kind, d.quote_side, d.tweet_side)
                                          for d in v.differences]


def test_a_number_the_tweet_repeats_is_kept_when_the_quote_states_it_once() -> None:
    tweet = ("@fictional_mayor: We will plant 40 trees (one for each of the 40 streets), "
             "starting Monday.")
    kept = verdict("We zullen 40 bomen planten, vanaf maandag.", "nl", tweet_text=tweet)
    assert [d for d in kept.differences if d.kind == "number"] == []
    lost = verdict("We zullen bomen planten, vanaf maandag.", "nl", tweet_text=tweet)
    assert [d.tweet_side for d in lost.differences if d.kind == "number"] == ["40", "40"]


def test_a_name_outside_the_quoted_fragment_is_not_missing() -> None:
    tweet = ("Please read my interview on Mayor Quist, how the committee ruined the harbour "
             "and how the Northern Alliance wrecked the budget!")
    v = verdict("wie der Ausschuss den Hafen ruiniert hat und wie die Northern Alliance das "
                "Budget zerstört hat!", "de", tweet_text=tweet, fragment=True)
    assert v.label == "faithful", v.differences


FESTIVAL = ("What a night. Thank you all for coming. Ingrid Solberg deserves the credit for "
            "this festival. We shall return soon.")


def test_a_fragment_no_shared_word_places_loses_no_name() -> None:
    # No word of the German fragment is in the tweet, so it may render any of its
    # sentences: the name in a sentence it never rendered is no name it lost.
    v = verdict("Wir kehren bald zurück.", "de", tweet_text=FESTIVAL, fragment=True)
    assert ("name", "anchors") not in kinds(v)
    assert v.label != "distortion", v.differences
    # A fragment the name places still loses the names of the part it renders.
    placed = verdict("Ingrid verdient den Dank für dieses Festival.", "de",
                     tweet_text=FESTIVAL, fragment=True)
    assert ("name", None, "Solberg") in [(d.kind, d.quote_side, d.tweet_side)
                                         for d in placed.differences]

# --- polarity -------------------------------------------------------------------------------


def test_negation_words_and_exceptions() -> None:
    fr, en = lang.get("fr"), lang.get("en")
    assert negated("Je ne comprends pas.", fr)
    assert negated("Ce n'est pas clair.", fr)
    assert not negated("Une organisation à but non lucratif.", fr)
    assert negated("Why doesn’t everyone do it?", en)
    assert not negated("Not only the bridge, also the road.", en)
    assert implicitly_negated("I'm still confused about it.", en)


def pairs(quote_text: str, tweet_text: str) -> list[tuple[str, str]]:
    return [(quote_text, tweet_text)]


def test_lexical_negation_is_no_flip_but_its_loss_is() -> None:
    fr = lang.get("fr")
    tweet = "I'm still confused about the bridge."
    assert polarity_differences(pairs("Je ne comprends toujours pas le pont.", tweet), fr,
                                "source-language") == []
    (flip,) = polarity_differences(pairs("Je comprends toujours le pont.", tweet), fr,
                                   "source-language")
    assert flip.kind == "negation"


def test_negation_compared_clause_by_clause() -> None:
    de = lang.get("de")
    tweet = "If it is legal, why does everyone not do it?"
    same = polarity_differences(pairs("Wenn es legal ist, warum tut es nicht jeder?", tweet),
                                de, "source-language")
    flipped = polarity_differences(pairs("Wenn es nicht legal ist, warum tut es nicht jeder?",
                                         tweet), de, "source-language")
    assert same == []
    assert [d.quote_side for d in flipped] == ["Wenn es nicht legal ist"]


def test_no_polarity_claim_without_a_sentence_alignment() -> None:
    sides = Sides("Das ist nicht gut. Und das hier auch nicht. Und mehr.", lang.get("de"),
                  "This is good.", "This is good.", False)
    differences, _ = find_differences(sides, [], None)
    assert not [d for d in differences if d.kind == "negation"]


# --- with a back-translation ----------------------------------------------------------------


def test_cut_clause_seen_in_the_back_translation() -> None:
    v = verdict("Wir werden die alte Brücke nicht vor 2027 schließen. Die neue scheint "
                "sicherer zu sein.", "de",
                translated="We will not close the old bridge before 2027. The new one seems "
                           "to be safer.",
                fuzzy=80.0)
    assert v.label == "distortion"
    assert ("cut", "back-translation") in kinds(v)


def test_added_clause_seen_in_the_back_translation() -> None:
    differences = content_differences(
        "We will not close the old bridge before 2027, and the mayor will resign. It cost "
        "$40 million, and the new one seems to be safer.", TWEET, "back-translation",
        fragment=False)
    assert [(d.kind, d.quote_side) for d in differences] == [
        ("added", "and the mayor will resign.")]


def test_a_number_only_the_back_translation_lost_is_a_translation_artefact() -> None:
    v = verdict("Wir werden die alte Brücke nicht vor 2027 schließen. Sie hat 40 Millionen "
                "Dollar gekostet, und die neue scheint sicherer zu sein.", "de",
                translated="We will not close the old bridge before 2027. It cost 14 million "
                           "dollars, and the new one seems to be safer.",
                fuzzy=90.0)
    assert v.label == "faithful", v.differences
    assert any("translation artefact" in n for n in v.notes)


def test_a_negation_only_the_back_translation_lost_is_a_translation_artefact() -> None:
    v = verdict("Wir werden die alte Brücke nicht vor 2027 schließen. Sie hat 40 Millionen "
                "Dollar gekostet, und die neue scheint sicherer zu sein.", "de",
                translated="We will close the old bridge before 2027. It cost $40 million, "
                           "and the new one seems to be safer.",
                fuzzy=95.0)
    assert not [d for d in v.differences if d.kind == "negation"]
    assert any("negation the quote itself keeps" in n for n in v.notes)


def test_a_negation_the_quote_itself_dropped_is_confirmed() -> None:
    v = verdict("Wir werden die alte Brücke vor 2027 schließen. Sie hat 40 Millionen Dollar "
                "gekostet, und die neue scheint sicherer zu sein.", "de",
                translated="We will close the old bridge before 2027. It cost $40 million, "
                           "and the new one seems to be safer.",
                fuzzy=95.0)
    assert v.label == "distortion"
    assert kinds(v) == [("negation", "back-translation")]


def test_english_quote_dropping_a_hedge_is_a_paraphrase() -> None:
    v = verdict("We will not close the old bridge before 2027. It cost $40 million, and the "
                "new one is safer.", "en", fuzzy=93.0)
    assert v.label == "paraphrase"
    assert kinds(v) == [("hedge", "source-language")]


def test_english_quote_without_a_conditional_clause_is_a_distortion() -> None:
    tweet = "If the vote passes, we will build it. Nobody will pay more."
    v = verdict("We will build it. Nobody will pay more.", "en", tweet_text=tweet, fuzzy=85.0)
    assert v.label == "distortion"
    assert ("cut", "source-language") in kinds(v)


# --- quantifiers: how much of a whole a claim covers -----------------------------------

SHARE = "Most farmers in the valley want the new dam. Many of them signed the petition."


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die meisten Bauern im Tal wollen den neuen Damm. Viele von ihnen haben die "
           "Petition unterschrieben."),
    ("fr", "La plupart des agriculteurs de la vallée veulent le nouveau barrage. Nombreux "
           "sont ceux qui ont signé la pétition."),
    ("pt", "A maioria dos agricultores do vale quer a nova barragem. Muitos deles assinaram "
           "a petição."),
    ("id", "Sebagian besar petani di lembah itu menginginkan bendungan baru. Banyak orang "
           "dari mereka menandatangani petisi itu."),
])
def test_the_same_quantifiers_are_no_difference(language: str, text: str) -> None:
    v = verdict(text, language, tweet_text=SHARE)
    assert "quantifier" not in [d.kind for d in v.differences], v.differences


@pytest.mark.parametrize(("language", "text", "quote_side"), [
    ("es", "Muchos agricultores del valle quieren la nueva presa. Muchos de ellos firmaron "
           "la petición.", "muchos"),
    ("it", "Tutti gli agricoltori della valle vogliono la nuova diga. Molti di loro hanno "
           "firmato la petizione.", "tutti"),
    ("nl", "Alle boeren in de vallei willen de nieuwe dam. Vele van hen tekenden de "
           "petitie.", "alle"),
])
def test_most_rendered_as_many_or_all_is_a_distortion(
    language: str, text: str, quote_side: str
) -> None:
    v = verdict(text, language, tweet_text=SHARE)
    assert v.label == "distortion"
    assert [(d.kind, d.quote_side, d.tweet_side) for d in v.differences
            if d.kind == "quantifier"] == [("quantifier", quote_side, "most")]


def test_a_quantifier_dropped_without_replacement_and_superlatives_are_no_difference() -> None:
    tweet = "Most farmers want the dam. It is the most important project of the decade."
    v = verdict("Die Bauern wollen den Damm. Es ist das wichtigste Projekt des Jahrzehnts.",
                "de", tweet_text=tweet)
    assert "quantifier" not in [d.kind for d in v.differences]
    english = verdict("Farmers want the dam. It is the most important project of the decade.",
                      "en", tweet_text=tweet)
    assert "quantifier" not in [d.kind for d in english.differences]


def test_a_country_in_the_genitive_renders_its_name() -> None:
    """German writes the genitive onto a name ("Deutschlands", "Frankreichs"); the name is
    still rendered. Another country in its place is not."""
    tweet = "The plan copies Germany and France in every detail."
    same = verdict("Der Plan kopiert die Politik Deutschlands und Frankreichs in jedem "
                   "Detail.", "de", tweet_text=tweet)
    assert [d for d in same.differences if d.kind == "name"] == [], same.differences
    swapped = verdict("Der Plan kopiert die Politik Deutschlands und Spaniens in jedem "
                      "Detail.", "de", tweet_text=tweet)
    assert [d.tweet_side for d in swapped.differences if d.kind == "name"] == ["France"]


def test_a_quote_splitting_one_sentence_in_two_takes_no_names_from_the_next() -> None:
    """A fragment of two sentences that renders one sentence of a longer post (the
    translation split it): the post's other sentence, with its names, is not quoted."""
    tweet_text = ("Tomorrow the council meets Mayor Jan Kowalczyk and Director Olaf Brenner. "
                  "In the eyes of the council and its friends, the bridge is safe when the sun "
                  "shines, but it is unsafe when it rains.")
    segment = tweet_text[tweet_text.index("In the eyes"):]
    text = ("In den Augen des Rates und seiner Freunde ist die Brücke sicher, wenn die Sonne "
            "scheint. Wenn es regnet, ist sie unsicher.")
    tweet = CanonicalTweet(1, "example_mayor", tweet_text, author_name="Erika Muster (fictional)")
    found = Decision(TweetMatch(tweet, 0.9, None, 0.9, 0.05, 1, segment, True),
                     "embedding+anchors", "embedding 0.900 ≥ 0.87")
    v = judge(quote(text, "de"), attribution(), None, found,
              extract_anchors(text, lang.get("de")))
    assert [d for d in v.differences if d.kind in ("name", "omitted_name")] == []
    assert v.label != "distortion"


@pytest.mark.parametrize(("language", "text"), [
    ("es", "Hoy me dirijo al Despacho Oval con el alcalde."),
    ("it", "Oggi vado al Tribunale Supremo con il sindaco."),
])
def test_a_two_word_name_written_the_other_way_round_is_rendered(language: str,
                                                                 text: str) -> None:
    """Romance languages put the modifier after the noun: "Oval Office" is "Despacho Oval",
    and "Despacho" renders "Office". A name put in another's place stays a change."""
    tweet = ("Today I am heading to the Oval Office with the mayor." if language == "es"
             else "Today I am going to the Supreme Court with the mayor.")
    v = verdict(text, language, tweet_text=tweet)
    assert [d for d in v.differences if d.kind == "name"] == [], v.differences
    swapped = verdict("Hoy me dirijo al Despacho Kalverdam con el alcalde.", "es",
                      tweet_text="Today I am heading to the Oval Office with the mayor.")
    assert [d.kind for d in swapped.differences if d.kind == "name"]


# --- a quote opening inside a sentence --------------------------------------------------

CONDITIONAL = ("We are proud of our town. If the council approves the plan, we will open the "
               "new bridge in May.")


def test_a_quote_opening_inside_a_sentence_cuts_no_clause_before_it() -> None:
    # The article said "if the council approves the plan" in its own words before the quote.
    v = verdict("abriremos el nuevo puente en mayo.", "es", tweet_text=CONDITIONAL)
    assert v.label == "faithful", v.differences


def test_a_quote_opening_the_sentence_without_its_condition_is_a_distortion() -> None:
    v = verdict("Abriremos el nuevo puente en mayo.", "es", tweet_text=CONDITIONAL)
    assert v.label == "distortion"
    assert [(d.kind, d.tweet_side) for d in v.differences] == [
        ("condition", "If the council approves the plan")]

