"""Sanity checks for the per-language data tables in quotes/lang/data/."""

from __future__ import annotations

import pytest

import quotes.lang as lang

MEDIUMS = {"tweet", "social_media", "interview", "speech", "press_release"}

# Per language: a sentence placing a quote on X/Twitter, one placing it in an interview,
# one naming no medium at all, and speech verbs any table for that language must contain.
SAMPLES: dict[str, dict[str, object]] = {
    "en": {
        "tweet": "“This is a disgrace,” the billionaire wrote on X on Monday.",
        "interview": "“We will win,” he said in an interview with the Financial Times.",
        "neutral": "The minister visited a school in Leeds on Monday.",
        "verbs": ["said", "wrote", "tweeted", "added"],
    },
    "de": {
        "tweet": "Das schrieb er am Montag auf X.",
        "interview": "„Wir gewinnen“, sagte der Milliardär in einem Interview mit dem Spiegel.",
        "neutral": "Der Minister besuchte am Montag eine Schule in Bielefeld.",
        "verbs": ["sagte", "sagt", "schrieb", "twitterte", "erklärte", "betonte"],
    },
    "fr": {
        "tweet": "« C'est une honte », a-t-il écrit mardi sur X.",
        "interview": "« Nous allons gagner », a-t-il déclaré dans un entretien au Monde.",
        "neutral": "Le ministre a visité une école à Lyon lundi matin.",
        "verbs": ["a déclaré", "a-t-il déclaré", "a écrit", "a tweeté", "ironise", "ajoute"],
    },
    "id": {
        "tweet": "“Ini luar biasa,” tulis Musk melalui akun X miliknya, Senin.",
        "interview": "Hal itu disampaikannya dalam wawancara dengan Kompas pada Selasa.",
        "neutral": "Menteri itu mengunjungi sebuah sekolah di Bandung pada hari Senin.",
        "verbs": ["kata", "katanya", "ujar", "ujarnya", "tulis", "mengatakan", "menulis"],
    },
    "es": {
        "tweet": "«Es una vergüenza», escribió el magnate en su cuenta de X.",
        "interview": "«Vamos a ganar», dijo el mandatario en una entrevista con El País.",
        "neutral": "El ministro visitó una escuela en Sevilla el lunes por la mañana.",
        "verbs": ["dijo", "escribió", "tuiteó", "respondió", "afirmó", "manifestó"],
    },
    "it": {
        "tweet": "«È una vergogna», ha scritto il miliardario su X.",
        "interview": "«Vinceremo», ha detto in un'intervista al Corriere della Sera.",
        "neutral": "Il ministro ha visitato una scuola a Bologna lunedì mattina.",
        "verbs": ["ha detto", "ha scritto", "scrive", "twitta", "ha aggiunto"],
    },
    "nl": {
        "tweet": "'Dit is schandalig', schreef hij maandag op X.",
        "interview": "Dat zei de topman in een interview met de Volkskrant.",
        "neutral": "De minister bezocht maandag een basisschool in Utrecht.",
        "verbs": ["zei", "zegt", "schreef", "tweette", "voegde eraan toe", "reageerde"],
    },
    "pt": {
        "tweet": "«É uma vergonha», escreveu o bilionário no X.",
        "interview": "«Vamos vencer», disse ele em entrevista à Folha de S.Paulo.",
        "neutral": "O ministro visitou uma escola em Coimbra na segunda-feira.",
        "verbs": ["disse", "escreveu", "afirmou", "partilhou", "publicou"],
    },
}

CODES = lang.available()


def _mediums_matching(data: lang.LanguageData, text: str) -> set[str]:
    return {medium for medium, pattern in data.medium_patterns if pattern.search(text)}


def _samples(code: str) -> dict[str, object]:
    if code not in SAMPLES:
        pytest.fail(f"no sample sentences for language {code!r}; add them to SAMPLES")
    return SAMPLES[code]


def test_expected_languages_are_available():
    assert set(SAMPLES) <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_table_loads(code):
    data = lang.get(code)
    assert data.code == code
    assert data.name


@pytest.mark.parametrize("code", CODES)
def test_table_basics(code):
    data = lang.get(code)
    assert len(data.stopwords) >= 100
    assert data.quote_pairs
    # a mark is a character or a short run of them (`` and '' in ASCII/LaTeX text)
    assert all(1 <= len(m) <= 2 and not m.isspace() for pair in data.quote_pairs for m in pair)
    assert data.speech_verbs
    assert data.according_to
    assert data.pronouns
    for form in (*data.speech_verbs, *data.according_to, *data.stopwords):
        assert form and form == form.strip(), f"blank or padded entry {form!r}"


@pytest.mark.parametrize("code", CODES)
def test_medium_labels_are_known(code):
    labels = {medium for medium, _ in lang.get(code).medium_patterns}
    assert labels, "no medium patterns"
    assert labels <= MEDIUMS, f"unknown medium labels: {labels - MEDIUMS}"


@pytest.mark.parametrize("code", CODES)
def test_tweet_sentence_matches_tweet(code):
    sentence = _samples(code)["tweet"]
    assert "tweet" in _mediums_matching(lang.get(code), sentence), sentence


@pytest.mark.parametrize("code", CODES)
def test_interview_sentence_matches_interview_only(code):
    sentence = _samples(code)["interview"]
    found = _mediums_matching(lang.get(code), sentence)
    assert "interview" in found, sentence
    assert "tweet" not in found, sentence


@pytest.mark.parametrize("code", CODES)
def test_neutral_sentence_matches_no_medium(code):
    sentence = _samples(code)["neutral"]
    assert _mediums_matching(lang.get(code), sentence) == set(), sentence


@pytest.mark.parametrize("code", CODES)
def test_known_speech_verbs_present(code):
    verbs = set(lang.get(code).speech_verbs)
    missing = [v for v in _samples(code)["verbs"] if v not in verbs]
    assert not missing, f"missing speech verbs: {missing}"


def test_places_are_known_in_their_languages_and_names_are_not() -> None:
    from quotes import lang

    assert all(lang.is_place(p) for p in ("Nijmegen", "Marseille", "Antwerpen", "Vienne"))
    assert not any(lang.is_place(n) for n in ("Rutte", "Lula", "Elna Varsko"))

