"""Anchors that survive translation: numbers (digits and words, every locale's separators,
scales, currencies, approximators, percentages, ranges, vague amounts), years, and what is
no number. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from quotes import lang
from quotes.anchors import compare_anchors, extract_anchors, same_number
from quotes.models import Anchor


def numbers(text: str, code: str) -> list[Anchor]:
    return [a for a in extract_anchors(text, lang.get(code)) if a.kind in ("number", "year")]


def only(text: str, code: str) -> Anchor:
    found = numbers(text, code)
    assert len(found) == 1, found
    return found[0]


# --- digits in every locale ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The museum had 10,000 visitors.", "en"),
        ("Das Museum hatte 10.000 Besucher.", "de"),
        ("Le musée a eu 10 000 visiteurs.", "fr"),
        ("Le musée a eu 10\u00a0000 visiteurs.", "fr"),  # no-break space
        ("Le musée a eu 10\u202f000 visiteurs.", "fr"),  # narrow no-break space
        ("Das Museum in Zürich hatte 10'000 Besucher.", "de"),
        ("Museum itu dikunjungi 10.000 orang.", "id"),
        ("El museo tuvo 10.000 visitantes.", "es"),
        ("Het museum had 10.000 bezoekers.", "nl"),
    ],
)
def test_thousands_separators_of_every_locale(text: str, code: str) -> None:
    assert only(text, code).value == 10_000


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("Die Inflation lag bei 2,5 Prozent.", "de", 2.5),
        ("L'inflation était de 2,5 pour cent.", "fr", 2.5),
        ("Inflation was 2.5 percent.", "en", 2.5),
        ("Inflasi mencapai 2,5 persen.", "id", 2.5),
    ],
)
def test_decimal_mark_and_percent(text: str, code: str, value: float) -> None:
    anchor = only(text, code)
    assert anchor.value == value
    assert anchor.unit == "%"


# --- number words ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [
        ("They bought ten thousand chips.", "en", 10_000),
        ("Sie kauften zehntausend Chips.", "de", 10_000),
        ("Es waren fünfundzwanzig Gäste.", "de", 25),
        ("Il y avait dix-sept invités.", "fr", 17),
        ("Il y avait quatre-vingt-dix invités.", "fr", 90),
        ("Había treinta y dos invitados.", "es", 32),
        ("Hanno comprato diecimila chip.", "it", 10_000),
        ("Er waren vijfentwintig gasten.", "nl", 25),
        ("Havia vinte e cinco convidados.", "pt", 25),
        ("Ada dua puluh lima tamu.", "id", 25),
        ("Ada seribu tamu.", "id", 1000),
        ("Two hundred and fifty people came.", "en", 250),
    ],
)
def test_number_words(text: str, code: str, value: float) -> None:
    assert only(text, code).value == value


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("It happened a month ago, and one of them left.", "en"),
        ("Das war vor einem Monat, einer von ihnen ging.", "de"),
        ("C'était il y a un mois, l'un d'eux est parti.", "fr"),
        ("Itu terjadi sebulan lalu, salah satu dari mereka pergi.", "id"),
        ("Fue hace un mes y uno de ellos se fue.", "es"),
    ],
)
def test_articles_that_mean_one_are_no_number_on_their_own(text: str, code: str) -> None:
    assert numbers(text, code) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("They raised a billion dollars.", "en"),
        ("Sie sammelten eine Milliarde Dollar.", "de"),
        ("Ils ont levé un milliard de dollars.", "fr"),
        ("Mereka mengumpulkan 1 miliar dolar AS.", "id"),
        ("Recaudaron mil millones de dólares.", "es"),
        ("Hanno raccolto un miliardo di dollari.", "it"),
        ("Ze haalden een miljard dollar op.", "nl"),
        ("Arrecadaram um bilhão de dólares.", "pt"),
    ],
)
def test_one_billion_dollars_in_every_language(text: str, code: str) -> None:
    anchor = only(text, code)
    assert anchor.value == 1e9
    assert anchor.unit == "USD"


def test_false_friend_billion_is_a_thousand_times_the_english_one() -> None:
    assert only("Die Schulden: 1 Billion Euro.", "de").value == 1e12
    assert only("The debt: 1 billion euros.", "en").value == 1e9
    assert only("La dette : 1 billion d'euros.", "fr").value == 1e12


# --- scales, currencies, approximators ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("She gave ~$100M to the club.", "en"),
        ("Dia menyumbang sekitar $100 juta untuk klub itu.", "id"),
        ("Sie spendete etwa 100 Millionen Dollar an den Verein.", "de"),
        ("Elle a donné environ 100 millions de dollars au club.", "fr"),
        ("Ella donó unos 100 millones de dólares al club.", "es"),
        ("Ela doou cerca de 100 milhões de dólares ao clube.", "pt"),
        ("Ha donato circa 100 milioni di dollari al club.", "it"),
        ("Ze gaf ongeveer 100 miljoen dollar aan de club.", "nl"),
    ],
)
def test_the_same_approximate_amount_in_every_language(text: str, code: str) -> None:
    anchor = only(text, code)
    reference = only("She gave about $100 million to the club.", "en")
    assert anchor.approximate and anchor.unit == "USD"
    assert same_number(anchor, reference)


@pytest.mark.parametrize(
    ("text", "code", "unit", "value"),
    [
        ("The ticket costs 5 €.", "en", "EUR", 5),
        ("Das kostet 30 Millionen US-Dollar.", "de", "USD", 3e7),
        ("Cela coûte 30 milliards d'euros.", "fr", "EUR", 3e10),
        ("Harganya Rp 10.000 saja.", "id", "IDR", 10_000),
        ("Harganya 2 juta dolar AS.", "id", "USD", 2e6),
        ("The fund holds $2.5bn.", "en", "USD", 2.5e9),
        ("Der Fonds hat 1,5 Mrd. Euro.", "de", "EUR", 1.5e9),
    ],
)
def test_currencies_and_scales(text: str, code: str, unit: str, value: float) -> None:
    anchor = only(text, code)
    assert anchor.unit == unit
    assert anchor.value == pytest.approx(value)


def test_a_count_is_not_ten_times_another() -> None:
    assert not same_number(only("They bought 10 GPUs.", "en"),
                           only("Ils ont acheté 10 000 GPU.", "fr"))
    assert same_number(only("They bought 10,000 GPUs.", "en"),
                       only("Ils ont acheté 10 000 GPU.", "fr"))


def test_different_currencies_are_different_amounts() -> None:
    assert not same_number(only("It cost $5 million.", "en"), only("It cost €5 million.", "en"))


# --- years, ranges, vague amounts ----------------------------------------------------------


def test_years_and_counts() -> None:
    assert only("The lab was founded in 2015.", "en").kind == "year"
    year = only("Im Jahr 1 wurde das Labor gegründet.", "de")
    assert year.kind == "year" and year.value == "1"
    amount = only("Sie investierten 2019 Milliarde Dollar.", "de")
    assert amount.kind == "number" and amount.value == pytest.approx(2.019e12)
    assert only("Pada tahun 2019 laboratorium itu berdiri.", "id").kind == "year"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("It will cost 10 to 15 million dollars.", "en"),
        ("Es wird zwischen 10 und 15 Millionen Dollar kosten.", "de"),
        ("Biayanya 10 hingga 15 juta dolar.", "id"),
        ("Cela coûtera entre 10 et 15 millions de dollars.", "fr"),
    ],
)
def test_ranges(text: str, code: str) -> None:
    anchor = only(text, code)
    assert (anchor.value, anchor.upper) == (1e7, 1.5e7)
    assert anchor.unit == "USD"
    assert not same_number(anchor, only("It will cost 12 million dollars.", "en"))


def test_vague_amounts_agree_with_their_order_of_magnitude_only() -> None:
    thousands = only("Sie kauften Tausende von Chips.", "de")
    assert thousands.vague
    assert same_number(thousands, only("They bought 10,000 chips.", "en"))
    assert not same_number(thousands, only("They bought 10 chips.", "en"))
    assert same_number(only("Mereka membeli ribuan chip.", "id"),
                       only("Ils ont acheté des milliers de puces.", "fr"))


@pytest.mark.parametrize(("text", "code"), [
    ("Decenas de barcos se quedaron en el puerto.", "es"),
    ("Des dizaines de bateaux sont restés au port.", "fr"),
    ("Puluhan kapal tetap di pelabuhan.", "id"),
])
def test_tens_render_dozens_but_hundreds_do_not(text: str, code: str) -> None:
    dozens = only("Dozens of boats stayed in the harbour.", "en")
    assert dozens.vague and same_number(only(text, code), dozens)
    assert not same_number(only("Hundreds of boats stayed in the harbour.", "en"),
                           only(text, code))


@pytest.mark.parametrize(("text", "code", "counted"), [
    ("Grazie mille ai lavoratori del porto!", "it", "Il molo costa mille euro."),
    ("Mil gracias a los trabajadores del puerto.", "es", "El muelle cuesta mil euros."),
    ("Mille mercis aux travailleurs du port.", "fr", "Le quai coûte mille euros."),
])
def test_thanks_by_the_thousand_count_nothing(text: str, code: str, counted: str) -> None:
    assert numbers(text, code) == []
    assert [a.value for a in numbers(f"{text} {counted}", code)] == [1000]


@pytest.mark.parametrize(("text", "code"), [
    ("The harbour closes at 6 PM.", "en"), ("Der Hafen schließt um 18 Uhr.", "de"),
    ("Le port ferme à 18 heures.", "fr"), ("Il porto chiude alle 18.", "it"),
    ("El puerto cierra a las 6 de la tarde.", "es"), ("Pelabuhan tutup pukul 18.00 WIB.", "id"),
])
def test_clock_times_are_no_counts(text: str, code: str) -> None:
    assert numbers(text, code) == []


@pytest.mark.parametrize(("text", "code"), [
    ("Over the last 24 hours the harbour stayed shut.", "en"),
    ("Durante las últimas 24 horas el puerto estuvo cerrado.", "es"),
    ("Nas últimas 24 horas o porto esteve fechado.", "pt"),
    ("Nelle ultime 24 ore il porto è rimasto chiuso.", "it"),
    ("Depuis 24 heures, le port est fermé.", "fr"),
    ("De haven is al 24 uur dicht.", "nl"),
])
def test_hours_counted_are_a_count_not_a_clock_time(text: str, code: str) -> None:
    """"horas", "ore", "heures", "uur" also tell the time; a number of them with no
    minutes and no clock word before it ("a las", "à", "om") is a count, as in English."""
    assert [a.value for a in numbers(text, code)] == [24]


@pytest.mark.parametrize(("text", "code"), [
    ("El puerto abre a las 10 horas y cierra a las 18 horas en verano.", "es"),
    ("La reunión empieza a las 10.30 horas en Madrid.", "es"),
    ("Le port ouvre à 9 heures et ferme vers 18 heures chaque jour.", "fr"),
    ("De haven gaat om 9 uur open.", "nl"),
])
def test_hours_after_a_clock_word_or_with_minutes_tell_the_time(text: str, code: str) -> None:
    assert numbers(text, code) == []


@pytest.mark.parametrize(("text", "code", "value"), [
    ("Le nombre de blessés est passé à 18.", "fr", 18), ("Die Zahl stieg um 18.", "de", 18),
])
def test_a_preposition_telling_the_time_only_with_its_unit_counts_alone(
        text: str, code: str, value: int) -> None:
    assert value in [a.value for a in numbers(text, code)]


def test_a_number_word_that_is_more_often_a_verb_counts_before_a_unit() -> None:
    # it "sei" is six before "anni" or "mesi", and "(you) are" elsewhere.
    assert [a.value for a in numbers("Il porto ha aperto sei anni fa.", "it")] == [6]
    assert numbers("Sei sicuro che il porto apra domani?", "it") == []


def test_a_count_beside_a_clock_word_still_counts() -> None:
    assert [a.value for a in numbers("Alle 18 persone del porto sono arrivate.", "it")] == [18]
    assert [a.value for a in numbers("I am 100% sure it opens at 6 pm.", "en")] == [100]


@pytest.mark.parametrize(("text", "code"), [
    ("Tens of thousands came to the harbour.", "en"),
    ("Decenas de miles vinieron al puerto.", "es"),
    ("Des dizaines de milliers sont venus au port.", "fr"),
    ("Zehntausende kamen zum Hafen.", "de"),
])
def test_tens_of_thousands_is_one_vague_amount(text: str, code: str) -> None:
    found = only(text, code)
    assert found.vague and found.value == 10_000


def test_dates_times_and_model_names_are_no_amounts() -> None:
    assert numbers("Posted at 16:49 on 09.05.2022 about GPT-4 and the H100.", "en") == []


# --- other anchors and comparing --------------------------------------------------------------


def test_handles_hashtags_urls_and_names() -> None:
    anchors = extract_anchors(
        "Ask @demo_desk about #BridgeWatch at https://example.org/a. Erika Muster agreed.",
        lang.get("en"),
    )
    kinds = {(a.kind, a.value) for a in anchors}
    assert ("handle", "demo_desk") in kinds
    assert ("hashtag", "bridgewatch") in kinds
    assert ("url", "https://example.org/a") in kinds
    assert ("name", "muster") in kinds


@pytest.mark.parametrize(("text", "tags"), [
    ("Thank you all,see you soon#HarbourDays", ["harbourdays"]),  # spaces lost in archiving
    ("Read issue#12 or learn C# today", []),
    ("A hash#inside a word", []),
])
def test_a_hashtag_glued_to_a_word_counts_when_its_tag_is_capitalized(
        text: str, tags: list[str]) -> None:
    found = [a.value for a in extract_anchors(text, lang.get("en")) if a.kind == "hashtag"]
    assert found == tags


def test_compare_prefers_exact_partners_over_vague_ones() -> None:
    quote = numbers("Tausende Chips, genauer 10.000 Chips.", "de")
    tweet = numbers("Exactly 10,000 chips.", "en")
    comparison = compare_anchors(quote, tweet)
    assert [(q.text, t.text) for q, t in comparison.shared] == [("10.000", "10,000")]


@pytest.mark.parametrize("link", [
    "pic.twitter.com/Xy7Qk2NotA", "https://pic.twitter.com/Xy7Qk2NotA", "pic.x.com/Xy7Qk2NotA",
])
def test_a_tweets_media_link_is_no_anchor(link: str) -> None:
    """An embed's photo link names nobody ("Xy7Qk2NotA" is no name) and is never quoted, so
    a faithful quote of the tweet without it shares every anchor."""
    tweet = f"Our fictional town fair opens Monday with 12 stalls! #fairday {link}"
    quote = "Our fictional town fair opens Monday with 12 stalls! #fairday"
    table = lang.get("en")
    tweet_anchors = extract_anchors(tweet, table)
    assert [a.text for a in tweet_anchors] == [a.text for a in extract_anchors(quote, table)]
    assert not compare_anchors(extract_anchors(quote, table), tweet_anchors).only_tweet


def test_other_links_stay_anchors() -> None:
    found = extract_anchors("Read it at https://example.org/fair-2031 today", lang.get("en"))
    assert [a.kind for a in found] == ["url"]


@pytest.mark.parametrize(("quote", "tweet", "same"), [
    ("#Oscar", "#oscars", True),
    ("#Mexico", "#México", True),
    ("#fairday", "#fairnight", False),
])
def test_a_hashtag_is_the_same_tag_in_plural_or_without_accents(quote: str, tweet: str,
                                                                same: bool) -> None:
    table = lang.get("en")
    compared = compare_anchors(extract_anchors(f"Fictional {quote} night", table),
                               extract_anchors(f"Fictional {tweet} night", table))
    assert bool(compared.shared) is same


@pytest.mark.parametrize(("text", "code", "value"), [
    ("Il traghetto fittizio porta 2 tonnellate e mezza.", "it", 2.5),
    ("El ferry ficticio tarda dos horas y media.", "es", 2.5),
    ("Le ferry fictif met deux heures et demie.", "fr", 2.5),
    ("O ferry fictício leva 6 litros e meio de óleo.", "pt", 6.5),
    ("The fictional ferry takes 2 hours and a half.", "en", 2.5),
])
def test_a_half_after_the_unit_belongs_to_the_number(text: str, code: str, value: float) -> None:
    assert only(text, code).value == value


def test_a_half_of_something_else_is_not_the_numbers() -> None:
    # "e mezzo" must follow the number's unit word directly.
    assert only("Il traghetto fittizio porta 2 auto, poi un'ora e mezza di attesa.",
                "it").value == 2.0


@pytest.mark.parametrize(("text", "code", "counts"), [
    ("My two fictional Ferrari 812 cars are red.", "en", [2.0]),
    ("Ho volato su un Boeing 737 con 150 persone.", "it", [150.0]),
    ("On May 3 we had 40 guests.", "en", [3.0, 40.0]),
])
def test_a_model_number_after_its_name_counts_nothing(text: str, code: str,
                                                      counts: list[float]) -> None:
    assert [a.value for a in numbers(text, code) if a.kind == "number"] == counts


def test_a_year_after_a_name_or_year_word_stays_a_year() -> None:
    assert only("Im Jahr 1 wurde das fiktive Labor gegründet.", "de").kind == "year"
    assert only("The fictional Varsko 2024 campaign starts.", "en").kind == "year"


@pytest.mark.parametrize(("text", "code", "value"), [
    ("Der fiktive Hafen bekommt im Frühjahr 3 neue Kräne.", "de", 3.0),
    ("Fictional Harbour Gets 3 New Cranes", "en", 3.0),
])
def test_a_count_after_a_capitalized_noun_is_still_a_count(text: str, code: str,
                                                           value: float) -> None:
    assert only(text, code).value == value


def test_a_capital_i_typed_for_the_digit_one_is_read_as_one() -> None:
    """Tweets are typed fast: "I.8 Billion" is 1.8 billion, shown as typed."""
    found = extract_anchors("They got 150 Billion Dollars plus I.8 Billion Dollars in CASH!",
                            lang.get("en"))
    assert [(a.kind, a.value, a.text) for a in found if a.kind == "number"] == [
        ("number", 150e9, "150 Billion Dollars"), ("number", 1.8e9, "I.8 Billion Dollars")]
    # A word, an initialism or a pronoun before a full stop stays what it is.
    assert [a.value for a in extract_anchors("I.e. 3 cranes, and I.", lang.get("en"))
            if a.kind == "number"] == [3.0]


# --- decades: "the 30s" renders "the 1930s" ----------------------------------------------

@pytest.mark.parametrize(("code", "text"), [
    ("en", "a tone not unlike that of the 30s"),
    ("en", "a tone not unlike that of the '30s"),
    ("de", "ein Ton wie in den 30er Jahren"),
    ("fr", "un ton digne des années 30"),
    ("it", "un tono da anni '30"),
    ("es", "un tono de los años 30"),
    ("pt", "um tom dos anos 30"),
    ("nl", "een toon uit de jaren '30"),
])
def test_a_decade_renders_its_year(code: str, text: str) -> None:
    tweet = extract_anchors("The tone recalls Europe in the 1930s.", lang.get("en"))
    quote = extract_anchors(text, lang.get(code))
    (decade,) = [a for a in quote if a.kind == "number"]
    assert decade.unit == "decade" and decade.describe() == "the 30s"
    assert compare_anchors(quote, tweet, kinds=("number", "year")).only_quote == ()
    other = extract_anchors("The tone recalls Europe in the 1940s.", lang.get("en"))
    assert compare_anchors(quote, other, kinds=("number", "year")).only_quote == (decade,)


@pytest.mark.parametrize(("code", "text"), [
    ("es", "tiene 30 años"),  # thirty years of age, after the number
    ("it", "ha 30 anni"),
    ("en", "30 people came"),
    ("fr", "les années 35"),  # no round decade
])
def test_a_number_of_years_or_people_is_no_decade(code: str, text: str) -> None:
    (number,) = [a for a in extract_anchors(text, lang.get(code)) if a.kind == "number"]
    assert number.unit != "decade"
