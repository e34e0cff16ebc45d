"""The speaker check (`quotes.compare.speaker`): the person an article names against the
matched tweet's author, on obviously fictional people and accounts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from quotes.compare.speaker import check_speaker, no_account, no_such_tweet
from quotes.models import Account, Attribution, AuthorSpan


def said_by(speaker: str | None, *, mention: str | None = None, handle: str | None = None,
            method: str = "verb-after", medium: str = "tweet") -> Attribution:
    return Attribution(speaker, mention if mention is not None else speaker, 0, method,
                       None, None, None, None, medium, None, handle)


DANA = Account("DanaDemoulin", "Dana Demoulin (fictional)", "official",
               ("DanaDemoulin", "Dana Demoulin (fictional)", "Dana Demoulin", "Demoulin"))
BRAM = Account("bramveldhoven", "Bram Veldhoven", "unknown", ("Bram Veldhoven",))
OFFICIAL = (DANA,)


@pytest.mark.parametrize("named", [
    "Bram Veldhoven", "Veldhoven", "B. Veldhoven", "Bram Veldhóven", "Dr. Bram Veldhoven",
    "Präsident Veldhoven", "Bram van Veldhoven",
])
def test_the_author_named_in_any_spelling_is_verified(named: str) -> None:
    check = check_speaker(said_by(named), BRAM, official=OFFICIAL)
    assert (check.status, check.difference) == ("verified", None)


@pytest.mark.parametrize(("named", "author"), [
    # Transliterations of one (fictional) surname, and a handle that spells it.
    ("Oleksandr Selenskyj", Account("OleksZelenskyy", "Oleksandr Zelenskyy")),
    ("Selenskyj", Account("oleks_zelenskyy_ua", None)),
    ("Pedro Saénz", Account("saenzcastelar", "Pedro Sáenz (fictional)")),
    ("Pedro Saenz", Account("saenzcastelar", None, aliases=("Pedro Sáenz",))),
    # A handle of the surname and a country code, the display name in another script.
    ("Oleksandr Selenskyj", Account("SelenskyyUa", "Олександр Зеленський")),
])
def test_transliterations_diacritics_and_handles_name_the_same_person(
    named: str, author: Account
) -> None:
    assert check_speaker(said_by(named), author).status == "verified"


def test_a_handle_with_another_given_name_is_another_person() -> None:
    # The handle's letters beside the surname are a given name the article contradicts.
    check = check_speaker(said_by("Mirko Veldhoven"), Account("bramveldhoven", None))
    assert check.status == "other_person"


@pytest.mark.parametrize("named", [
    "Lukas Fernwald",  # another person, in no archive
    "Kimbal Veldhoven",  # the same surname, another given name: another person
    "Fernwald",
])
def test_another_named_person_is_another_person(named: str) -> None:
    check = check_speaker(said_by(named), BRAM, official=OFFICIAL)
    assert check.status == "other_person"
    assert check.difference is not None
    assert (check.difference.kind, check.difference.quote_side) == ("speaker", named)
    assert check.difference.tweet_side == "@bramveldhoven (Bram Veldhoven)"


def test_an_organisation_against_a_persons_post_is_unverified_not_an_alarm() -> None:
    # "Fernwald Motors erklärte": a body's words are often posted by the people who speak
    # for it; a person is not another person than a body.
    body = replace(said_by("Fernwald Motors"), speaker_kind="organisation")
    check = check_speaker(body, BRAM, official=OFFICIAL)
    assert check.status == "unverified" and check.difference is None
    assert check.note is not None and "organisation" in check.note
    # The same name read as a person's stays another person's.
    assert check_speaker(said_by("Fernwald Motors"), BRAM,
                         official=OFFICIAL).status == "other_person"


def test_a_speaker_resolved_to_another_archive_author_is_another_person() -> None:
    check = check_speaker(said_by("Dana Demoulin", handle="DanaDemoulin"), BRAM,
                          claimed=DANA, official=OFFICIAL)
    assert check.status == "other_person"
    assert check.difference is not None and check.difference.kind == "speaker"


def test_one_persons_second_account_is_still_that_person() -> None:
    office = Account("MayorBramV", "Bram Veldhoven (office)")
    check = check_speaker(said_by("Bram Veldhoven", handle="bramveldhoven"), office,
                          claimed=BRAM)
    assert check.status == "verified"


@pytest.mark.parametrize(("attribution", "status"), [
    (said_by(None, mention="he"), "unverified"),
    (said_by(None, mention="le ministre", method="verb-after+role"), "unverified"),
    (said_by(None, mention=None, medium="none"), "unnamed"),
    (None, "unnamed"),
])
def test_an_unresolved_role_or_pronoun_is_unverified_not_an_alarm(
    attribution: Attribution | None, status: str
) -> None:
    check = check_speaker(attribution, BRAM, official=OFFICIAL)
    assert (check.status, check.difference) == (status, None)


@pytest.mark.parametrize("kind", ["parody", "impostor"])
def test_a_declared_parody_or_impostor_account_is_a_lookalike(kind: str) -> None:
    fake = Account("NotDanaDemoulin", "Dana Demoulin (satire)", kind)  # type: ignore[arg-type]
    check = check_speaker(said_by("Dana Demoulin"), fake, official=OFFICIAL)
    assert check.status == "lookalike_account"
    assert check.difference is not None
    assert check.difference.kind == "lookalike_account"
    assert check.difference.quote_side == "@DanaDemoulin"  # both accounts named
    article = "an" if kind == "impostor" else "a"
    assert check.difference.tweet_side == f"@NotDanaDemoulin ({article} {kind} account)"


def test_a_declared_parody_of_someone_not_in_the_archive_names_the_person() -> None:
    fake = Account("LukasFernwaId", "Lukas Fernwald", "parody")
    check = check_speaker(said_by("Lukas Fernwald"), fake, official=OFFICIAL)
    assert check.difference is not None
    assert check.difference.quote_side == "Lukas Fernwald"


@pytest.mark.parametrize("handle", [
    "DanaDemouIin",  # capital I for l
    "DanaDem0ulin",  # zero for o
    "DanaDernoulin",  # rn for m
    "DanaDemoulin_", "realDanaDemoulin", "DanaDemoulin2025", "DanaDemoullin",
])
def test_an_unmarked_handle_imitating_an_official_one_is_a_lookalike(handle: str) -> None:
    impostor = Account(handle, "Dana Demoulin")
    check = check_speaker(said_by("Dana Demoulin"), impostor, official=OFFICIAL)
    assert check.status == "lookalike_account"
    assert check.difference is not None
    assert (check.difference.quote_side, check.difference.tweet_side.split(" ")[0]) == (
        "@DanaDemoulin", f"@{handle}")


def test_a_handle_imitating_the_speakers_name_is_a_lookalike_without_an_official_one() -> None:
    impostor = Account("LukasFernvvald", "Lukas Fernwald")  # vv for w
    check = check_speaker(said_by("Lukas Fernwald"), impostor)
    assert check.status == "lookalike_account"


def test_a_display_name_claiming_an_official_accounts_person_is_a_lookalike() -> None:
    fan = Account("tramfan1987", "Dana Demoulin")
    check = check_speaker(said_by("Dana Demoulin"), fan, official=OFFICIAL)
    assert check.status == "lookalike_account"
    assert check.difference is not None and check.difference.quote_side == "@DanaDemoulin"


def test_official_and_genuine_accounts_are_never_lookalikes() -> None:
    # An official account that resembles another official handle is still genuine.
    twin = Account("DanaDemoulim", "Dana Demoulim (fictional)", "official")
    assert check_speaker(said_by("Dana Demoulim"), twin, official=(DANA, twin)).status == (
        "verified")
    # The official account is not a look-alike of itself.
    assert check_speaker(said_by("Dana Demoulin"), DANA, official=OFFICIAL).status == (
        "verified")
    # An unmarked account the archive files under the speaker's name is theirs, even when
    # its handle decorates the name.
    real = Account("realLukasFernwald", "Lukas Fernwald")
    check = check_speaker(said_by("Lukas Fernwald", handle="realLukasFernwald"), real,
                          claimed=real)
    assert check.status == "verified"


def test_no_such_tweet_says_how_much_of_the_author_was_searched() -> None:
    span = AuthorSpan("DanaDemoulin", 42, datetime(2021, 3, 1), datetime(2025, 6, 30))
    assert no_such_tweet(span) == (
        "no tweet by @DanaDemoulin in the archive (42 tweets, from 2021-03-01 to "
        "2025-06-30) says this")
    window = AuthorSpan("DanaDemoulin", 1, None, None, until=datetime(2024, 2, 29))
    assert no_such_tweet(window) == (
        "no tweet by @DanaDemoulin in the archive (1 tweet up to 2024-02-29) says this")


def test_the_tweets_author_mentioned_around_the_quote_makes_it_unverified() -> None:
    # The attribution rules picked another name, but the article talks of the author
    # right there: no accusation, only a note.
    nearby = "Veldhóven antwortete noch am selben Abend auf die Kritik."
    check = check_speaker(said_by("Lukas Fernwald"), BRAM, official=OFFICIAL, nearby=nearby)
    assert (check.status, check.difference) == ("unverified", None)
    assert check.note is not None and "@bramveldhoven" in check.note
    # The handle counts as a mention too; someone else's name does not.
    assert check_speaker(said_by("Lukas Fernwald"), BRAM, nearby="via @BramVeldhoven"
                         ).status == "unverified"
    assert check_speaker(said_by("Lukas Fernwald"), BRAM, nearby="Lukas Fernwald sagte"
                         ).status == "other_person"


def test_a_declared_parody_stays_a_lookalike_when_its_handle_is_mentioned() -> None:
    fake = Account("NotDanaDemoulin", "Dana Demoulin (satire)", "parody")
    check = check_speaker(said_by("Lukas Fernwald"), fake, official=OFFICIAL,
                          nearby="the account @NotDanaDemoulin posted")
    assert check.status == "lookalike_account"


def resolved(speaker: str, mention: str, method: str, confidence: float,
             reasons: str) -> Attribution:
    """A pronoun or role the attribute stage resolved, with its confidence and chain."""
    return replace(said_by(speaker, mention=mention, method=method), confidence=confidence,
                   chain=(f"{mention}: {method.rpartition('+')[2]}", f"{speaker}: {reasons}"))


@pytest.mark.parametrize("attribution", [
    resolved("Lukas Fernwald", "er", "verb-after+pronoun", 0.97, "agree, near, person"),
    resolved("Lukas Fernwald", "le ministre", "verb-after+role", 0.91,
             "role_near, person, recent"),
])
def test_a_pronoun_or_role_surely_resolved_to_another_person_is_another_person(
    attribution: Attribution,
) -> None:
    check = check_speaker(attribution, BRAM, official=OFFICIAL)
    assert check.status == "other_person"
    assert check.difference is not None and check.difference.quote_side == "Lukas Fernwald"


@pytest.mark.parametrize("attribution", [
    # Chosen for being named last, not for agreeing with the pronoun.
    resolved("Lukas Fernwald", "er", "verb-after+pronoun", 0.97, "near, person, recent"),
    # A role resolved without the role standing beside the person.
    resolved("Lukas Fernwald", "le président", "verb-after+role", 0.88,
             "person, count, near"),
    # Agreeing, but far from sure.
    resolved("Lukas Fernwald", "er", "verb-after+pronoun", 0.55, "agree, near, person"),
    # Sure, but of something the ranking did not take for a person.
    resolved("Wendelmeer", "er", "verb-after+pronoun", 1.0, "agree, near, recent"),
    # A verb without a subject ("…", escreveu, …): the person named nearest is a guess.
    resolved("Lukas Fernwald", "escreveu", "verb-after+implicit", 0.96,
             "person, near, same_paragraph"),
])
def test_a_pronoun_or_role_resolved_by_a_guess_stays_unverified(
    attribution: Attribution,
) -> None:
    check = check_speaker(attribution, BRAM, official=OFFICIAL)
    assert (check.status, check.difference) == ("unverified", None)


def test_a_pronoun_surely_resolved_to_the_author_is_verified() -> None:
    attribution = resolved("Bram Veldhoven", "hij", "verb-after+pronoun", 0.95,
                           "agree, person, near")
    assert check_speaker(attribution, BRAM, official=OFFICIAL).status == "verified"


def test_a_speaker_ranked_from_proximity_alone_accuses_nobody() -> None:
    # No attribution names anyone; "Harbour Street", named just before, ranked likeliest.
    guess = replace(said_by("Harbour Street", mention=None, method="ranked"), mention=None,
                    confidence=1.0, chain=("Harbour Street: same_paragraph, person, near",))
    check = check_speaker(guess, BRAM, official=OFFICIAL)
    assert (check.status, check.difference) == ("unverified", None)
    # The same guess the archive resolves to one of its authors is that author's name.
    known = replace(guess, speaker="Lukas Fernwald", author_handle="lukasfernwald")
    fernwald = Account("lukasfernwald", "Lukas Fernwald")
    assert check_speaker(known, BRAM, official=OFFICIAL,
                         claimed=fernwald).status == "other_person"


@pytest.mark.parametrize("named", ["Reuters", "The New York Times", "Casa Blanca",
                                   "Ministerio de Puertos", "Partido Verde"])
def test_an_organisation_or_outlet_named_as_speaker_accuses_no_person(named: str) -> None:
    check = check_speaker(said_by(named, method="according-to"), BRAM, official=OFFICIAL)
    assert (check.status, check.difference) == ("unverified", None)


MAYOR = Account("fictional_mayor", "Elna Varsko", "official", ("Elna Varsko",))


@pytest.mark.parametrize("display_name", [
    "Elna Varsko (parody)", "Elna Varsko – profilo satira", "Elna Varsko akun palsu",
    "Elna Varsko (conta falsa)", "Parodie: Elna Varsko",
])
def test_a_display_name_declaring_a_parody_is_a_lookalike_though_unmarked(
    display_name: str
) -> None:
    check = check_speaker(said_by("Elna Varsko"), Account("elna_jokes", display_name),
                          official=(MAYOR,))
    assert check.status == "lookalike_account"
    assert check.difference is not None and check.difference.quote_side == "@fictional_mayor"


def test_a_satire_outlets_own_name_or_another_named_person_is_no_declared_parody() -> None:
    outlet = Account("le_gorafo", "Le Gorafo (satire)")
    assert check_speaker(said_by("Le Gorafo"), outlet).status == "verified"
    parody = Account("elna_jokes", "Elna Varsko (parody)")
    assert check_speaker(said_by("Bram Veldhoven"), parody).status == "other_person"


def test_a_display_name_claiming_the_person_of_an_official_account_is_a_lookalike() -> None:
    # The official handle does not spell the name: its display name does.
    fan = Account("cityhall_fan", "Elna Varsko")
    check = check_speaker(said_by("Elna Varsko"), fan, official=(MAYOR,))
    assert check.status == "lookalike_account"
    assert check.difference is not None and check.difference.quote_side == "@fictional_mayor"
    # Initials could be anyone's; the official account itself is hers.
    initials = Account("cityhall_fan", "E. Varsko")
    assert check_speaker(said_by("Elna Varsko"), initials, official=(MAYOR,)).status == (
        "verified")
    assert check_speaker(said_by("Elna Varsko"), MAYOR, official=(MAYOR,)).status == (
        "verified")


@pytest.mark.parametrize(("named", "status"), [
    ("E. Varsko", "verified"),  # "e" is a stopword in Italian and Portuguese
    ("A. Varsko", "other_person"),  # another initial: another person ("a" a stopword too)
    ("O. Varsko", "other_person"),
])
def test_an_initial_that_spells_a_stopword_is_still_compared(named: str, status: str) -> None:
    author = Account("cityhall_news", "Elna Varsko")
    assert check_speaker(said_by(named), author).status == status


def test_a_full_name_no_archive_author_has_is_said_to_be_beyond_the_archive() -> None:
    named = replace(said_by("Elna Varsko"), speaker_kind="person")
    assert no_account(named) == ("the archive holds no account of Elna Varsko: it cannot "
                                 "show whether they posted this")
    # The archive knows them (then "no tweet by @… says this"), or nobody is named outright.
    assert no_account(replace(named, author_handle="fictional_mayor")) is None
    assert no_account(replace(named, method="ranked")) is None  # nearness is a guess
    assert no_account(replace(named, method="verb-after+pronoun")) is None
    assert no_account(replace(named, speaker="Varsko")) is None  # a surname alone
    assert no_account(replace(named, speaker_kind="organisation")) is None
    assert no_account(None) is None


@pytest.mark.parametrize(("named", "author"), [
    ("Bram Veldhoven", Account("BramVeldhovenJr", "Bram Veldhoven Jr.")),  # the son's account
    ("Bram Veldhoven Jr.", Account("bramveldhoven", "Bram Veldhoven")),  # the father's
    ("Eduardo Ribeiro Filho", Account("eduardoribeiro", "Eduardo Ribeiro (fictional)")),
    ("Eduardo Ribeiro", Account("ribeirofilho", "Eduardo Ribeiro Filho")),
])
def test_parent_and_child_of_one_name_are_two_people_not_a_lookalike(
    named: str, author: Account
) -> None:
    check = check_speaker(said_by(named), author)
    assert check.status == "other_person"
    assert check.difference is not None and check.difference.kind == "speaker"


def test_one_person_with_the_generation_word_on_both_sides_or_a_single_name_is_the_same(
) -> None:
    son = Account("BramVeldhovenJr", "Bram Veldhoven Jr.")
    assert check_speaker(said_by("Bram Veldhoven Jr"), son).status == "verified"
    assert check_speaker(said_by("Veldhoven"), son).status == "verified"  # a surname alone
    footballer = Account("example_striker", "Tiago Jr")
    assert check_speaker(said_by("Tiago"), footballer).status == "verified"
