"""Speaker attribution in English, German and Dutch (issue 12): a name after a preposition
is a complement, not the subject ("In Praatprogramma noemde Varsko het …"); a name titled
by an organisation's role ("City Council President Elna Varsko") is the person's, not the
organisation's. Every name here is fictional."""

from __future__ import annotations

import pytest

from tests.test_attribution_ranking import speaker_names


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("nl", "Wethouder Elna Varsko sprak met de bewoners.\n\nIn Buurtpraat noemde Varsko het "
           "‘terecht’ dat de bewoners ‘ons het vuur aan de schenen leggen. We zijn ook niet "
           "van suiker.’", "Elna Varsko"),
    ("nl", "Wethouder Elna Varsko sprak met de bewoners.\n\nBij Buurtpraat zei Varsko: ‘We "
           "zijn ook niet van suiker.’", "Elna Varsko"),
])
def test_a_name_after_a_preposition_is_no_subject(language: str, text: str,
                                                  speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("en", "City Council President Elna Varsko says the council has received no word. "
           "Varsko says she is very concerned.\n\n\"We have seen it on your show. We read it "
           "in the paper,\" Varsko says.", "Elna Varsko"),
    ("en", "Fictional Union National President Jerry Kolbeck spoke on Monday.\n\n\"We will "
           "not allow product going in and out,\" Kolbeck said.", "Jerry Kolbeck"),
])
def test_a_person_titled_by_an_organisations_role(language: str, text: str,
                                                   speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


def test_a_word_after_an_honorific_is_a_name_where_nouns_are_capitalized() -> None:
    text = ("Pressekonferenz am Dienstag. Die Frage kommt wie erwartet: Wann, Frau Varsko, "
            "beginnt der Bau der Brücke?\n\n\"Wenn alles gesagt ist\", entgegnete die "
            "Bürgermeisterin kurz, \"ist alles gesagt.\"")
    assert speaker_names(text, "de")[0] == "Varsko"


def test_a_titled_name_on_the_line_after_a_quote_is_its_speaker() -> None:
    text = ("Reactions: Quotes\n\n``I think the manager has shown resolve.''\n\n"
            "Mayor Elna Varsko\n\n``I felt his action was appropriate. It was complete.''\n\n"
            "Vice Mayor Marta Kesselbrink\n\n``I still have some concerns about the plan.''\n\n"
            "Councilman Piet Alvermann\n")
    assert speaker_names(text, "en") == ["Elna Varsko", "Marta Kesselbrink", "Piet Alvermann"]


def test_a_web_pages_boilerplate_word_is_no_candidate() -> None:
    text = ("Article content continued\n“The workers were showing up for work and the "
            "plant was closed,” he said.\nVarsko said the closure was a surprise.\n“We have "
            "been having some problems with them,” he said.\nThe union sent a notice ten days "
            "ago, Varsko said.\n“We reached out to them,” he said.")
    assert speaker_names(text, "en")[-1] == "Varsko"


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "Is het vak leuk? “Als het slecht gaat, hakken ze je kop eraf”, zegt Willem "
           "II-trainer Jan Varsko."),
    ("de", "Ist der Beruf schön? „Wenn es schlecht läuft, bist du weg“, sagte Hertha "
           "BSC-Trainer Jan Varsko."),
])
def test_a_name_before_a_role_compound_owns_the_role(language: str, text: str) -> None:
    assert speaker_names(text, language) == ["Jan Varsko"]


@pytest.mark.parametrize(("language", "text", "speaker"), [
    ("nl", "Burgemeester Elna Varsko begint aan haar antwoord. „Ik wist het sinds januari”, "
           "zegt Varsko. De burgemeester: „Er is één fout door mij gemaakt.” Alvermann "
           "onderbreekt haar. „U zegt dat het ingewikkeld was. Dat is niet waar.”",
     "Alvermann"),
    ("en", "Mayor Elna Varsko began her answer. “I knew it since January,” Varsko said. "
           "The mayor: “One mistake was made by me.” Alvermann "
           "interrupted her. “You say it was complicated. That is not true.”", "Alvermann"),
])
def test_the_subject_of_the_sentence_before_a_bare_quote_speaks(
        language: str, text: str, speaker: str) -> None:
    assert speaker_names(text, language)[-1] == speaker


@pytest.mark.parametrize("text", [
    "Senator Elna Varsko left the hall early. “I will win this,” Varsko said.\n“We’re very "
    "happy,” Piet Alvermann, the rival campaign’s manager, told reporters after the debate.",
    "Senator Elna Varsko left the hall early. “I will win this,” Varsko said.\n“She has a "
    "record of spending,” Alvermann, 41, said during a news conference outside the hall.",
])
def test_a_name_set_off_by_an_apposition_before_its_verb_speaks(text: str) -> None:
    assert speaker_names(text, "en")[-1] in ("Piet Alvermann", "Alvermann")


def test_present_tense_dutch_verbs_and_a_verb_after_and_share_the_subject() -> None:
    text = ("Raadsleden reageren afkeurend. Fractieleider Elna Varsko spreekt van een "
            "\"onthutsend beeld\". Wethouder Piet Alvermann noemt het \"ongelofelijk\". "
            "Raadslid Jan Kesselbrink spreekt van een \"corrupte bende\" en roept op: "
            "\"wegwezen!\".")
    names = speaker_names(text, "nl")
    assert names[0] == "Elna Varsko"
    assert names[2] == "Jan Kesselbrink"


def test_the_one_told_is_not_the_speaker() -> None:
    text = ("Mayor Elna Varsko was angry on Monday. Varsko criticised the budget and told "
            "Councillors that the plan was “rank pathetic”.")
    assert speaker_names(text, "en") == ["Elna Varsko"]


@pytest.mark.parametrize(("language", "text"), [
    ("nl", "Presentatrice Elna Varsko vertelt over de truc van de omroep. „Steeds ligt daar "
           "dezelfde patiënt in beeld”, zegt Varsko.\n\nJan Alvermann grapt erover in zijn "
           "programma.\n\nMaar het is volgens de voormalige presentatrice niet zo dat alle "
           "beelden zo ontstaan. „Bij andere onderwerpen doen ze dat niet.”"),
    ("de", "Moderatorin Elna Varsko erzählt vom Trick des Senders. „Immer liegt derselbe "
           "Patient im Bild“, sagt Varsko.\n\nJan Alvermann scherzt darüber in seiner "
           "Sendung.\n\nDoch laut der früheren Moderatorin entstehen nicht alle Bilder so. "
           "„Bei anderen Themen machen sie das nicht.“"),
])
def test_according_to_in_the_sentence_before_a_bare_quote(language: str, text: str) -> None:
    assert speaker_names(text, language)[-1] == "Elna Varsko"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "CONCORD — Senator Elna Varsko (D-NH) said Mayor Piet Alvermann can’t campaign "
           "with her because “he’s busy in town.”"),
    ("nl", "DEN HAAG — Kamerlid Elna Varsko (VVD) zei dat minister Piet Alvermann niet kon "
           "komen omdat hij “het te druk had”."),
])
def test_a_bracket_between_subject_and_verb(language: str, text: str) -> None:
    assert speaker_names(text, language) == ["Elna Varsko"]
