"""Official, parody and impostor accounts, end to end: the archive JSONL's `account`
field, `quotes archive account`, and what `quotes verify` then says of tweets by
look-alike accounts and of quotes given to the wrong person, in several languages.
Every account and text here is invented and obviously fictional."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import create_engine, text

from quotes import migrations
from quotes.cli import main
from quotes.report import report_schema
from quotes.store import Archive, with_driver

ARCHIVE = [
    {"author": "DanaDemoulin", "name": "Dana Demoulin (fictional)", "created_at": "2025-02-01",
     "text": "The new tram line to Port Example opens on 3 May with 14 stations.",
     "account": "official", "source": "invented for tests; fictional account"},
    {"author": "DanaDemoulin", "name": "Dana Demoulin (fictional)", "created_at": "2025-06-20",
     "text": "Thank you to every volunteer who cleaned the Port Example beach today.",
     "source": "invented for tests; fictional account"},
    {"author": "DanaDemouIin", "name": "Dana Demoulin", "created_at": "2025-03-09",
     "text": "From Monday every tram ticket in Port Example costs 40 euros, no exceptions.",
     "account": "impostor", "source": "invented for tests; fictional account"},
    {"author": "DanaDem0ulin", "name": "Dana Demoulin",
     "text": "I will close every public library in Port Example before the summer.",
     "source": "invented for tests; fictional account"},
    {"author": "BramVeldhoven", "name": "Bram Veldhoven (fictional)", "created_at": "2025-04-02",
     "text": "Our harbour handled 2 million containers last year, a record for Port Example.",
     "account": "official", "source": "invented for tests; fictional account"},
]

ARTICLES = {
    # A German article passes the impostor's tweet off as the mayor's.
    "de_impostor.txt": (
        "Empörung in Port Example. „Ab Montag kostet jedes Straßenbahnticket in Port "
        "Example 40 Euro, ohne Ausnahme“, schrieb Dana Demoulin auf X.\n"),
    # A Spanish article quotes an unmarked account whose handle has a zero for an o.
    "es_lookalike.txt": (
        "Polémica en Port Example. «Cerraré todas las bibliotecas públicas de Port Example "
        "antes del verano», escribió Dana Demoulin en X.\n"),
    # A Dutch article gives the harbour chief's tweet to the mayor (an archive author).
    "nl_other_author.txt": (
        "Goed nieuws voor de haven. „Onze haven verwerkte vorig jaar 2 miljoen containers, "
        "een record voor Port Example”, schreef Dana Demoulin op X.\n"),
    # An Indonesian article gives it to someone the archive does not know.
    "id_outsider.txt": (
        "Kabar baik dari pelabuhan. “Pelabuhan kami menangani 2 juta kontainer tahun lalu, "
        "rekor untuk Port Example,” tulis Lukas Fernwald di X.\n"),
    # A French article names the right man by his surname only, with an accent.
    "fr_surname.txt": (
        "Bonne nouvelle pour le port. « Notre port a traité 2 millions de conteneurs l'an "
        "dernier, un record pour Port Example », a écrit Veldhóven sur X.\n"),
    # An Italian article gives the speaker only as a pronoun nothing resolves.
    "it_pronoun.txt": (
        "«Il nostro porto ha movimentato 2 milioni di container l'anno scorso, un record "
        "per Port Example», ha scritto lui su X.\n"),
    # A Portuguese quote of the mayor that none of her tweets says.
    "pt_no_such_tweet.txt": (
        "Polêmica no porto. «Vamos vender o estádio de Port Example a uma empresa "
        "estrangeira», escreveu Dana Demoulin no X.\n"),
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_archive(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    source = write_archive(tmp_path / "accounts.jsonl", ARCHIVE)
    assert main(["archive", "import", "-q", str(source)]) == 0
    for name, body in ARTICLES.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    capsys.readouterr()
    return tmp_path


def verified(capsys: pytest.CaptureFixture[str], article: Path, *extra: str
             ) -> tuple[int, dict[str, object]]:
    code, out, _ = run(capsys, "verify", "--no-mt", "--format", "json", "-q", *extra,
                       str(article))
    payload = json.loads(out)
    jsonschema.validate(payload, report_schema())
    (quote,) = payload["articles"][0]["quotes"]
    return code, quote


# --- the account kind in the archive ----------------------------------------------------


def test_import_stores_the_account_kind(archive: Path) -> None:
    with Archive.open(str(archive / "archive.sqlite")) as db:
        kinds = {h: a.kind for h, a in db.accounts(
            ["DanaDemoulin", "danademouiin", "DanaDem0ulin", "BramVeldhoven"]).items()}
        official = sorted(a.handle for a in db.official_accounts())
        # Three authors go by "Dana Demoulin": the name means the official one.
        resolved = db.resolve_author("Dana Demoulin")
    assert resolved == "DanaDemoulin"
    assert kinds == {"danademoulin": "official", "danademouiin": "impostor",
                     "danadem0ulin": "unknown", "bramveldhoven": "official"}
    assert official == ["BramVeldhoven", "DanaDemoulin"]


def test_the_account_command_sets_and_says_the_kind(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "archive", "account", "danadem0ulin", "parody") == (
        0, "", "@danadem0ulin: unknown → parody\n")
    assert run(capsys, "archive", "account", "DanaDem0ulin", "Parody")[2] == (
        "@DanaDem0ulin was already marked parody\n")
    assert run(capsys, "archive", "account", "DanaDem0ulin", "unknown", "-q") == (0, "", "")
    with Archive.open(str(archive / "archive.sqlite")) as db:
        author = db.author("DanaDem0ulin")
    assert author is not None and author.account == "unknown"


@pytest.mark.parametrize(("argv", "message"), [
    (["nobody_here", "official"], "no author 'nobody_here' in the archive"),
    (["DanaDemoulin", "genuine"],
     "not an account kind: 'genuine' (want official|parody|impostor|unknown)"),
    (["evil<b>x", "parody"], "not a valid handle"),
])
def test_the_account_command_refuses_bad_input_in_one_line(
    archive: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "archive", "account", *argv)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and message in err


def test_the_account_command_creates_no_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite"
    code, _, err = run(capsys, "archive", "account", "--db", str(missing), "x_y", "parody")
    assert code == 3 and "no archive here" in err
    assert not missing.exists()


@pytest.mark.parametrize(("record", "message"), [
    ({"account": "fan"}, 'field "account" must be one of official, parody, impostor, unknown'),
    ({"account": 3}, 'field "account" must be a string'),
])
def test_a_bad_account_field_fails_the_import_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], record: dict[str, object],
    message: str
) -> None:
    good = {"author": "demo_factdesk", "name": "Demo Factdesk (fictional)", "text": "Post."}
    source = write_archive(tmp_path / "bad.jsonl", [good, good | {"text": "Two."} | record])
    code, _, err = run(capsys, "archive", "import", str(source))
    assert code == 2
    assert err.startswith(f"quotes: error: {source}:2: ") and message in err
    assert "no archive here" in run(capsys, "archive", "list")[2]  # nothing half-written


def test_two_kinds_for_one_author_in_one_import_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = {"author": "demo_factdesk", "text": "One.", "account": "official"}
    second = {"author": "Demo_Factdesk", "text": "Two.", "account": "parody"}
    source = write_archive(tmp_path / "twice.jsonl", [first, second])
    code, _, err = run(capsys, "archive", "import", str(source))
    assert code == 2
    assert f"{source}:2: @Demo_Factdesk is given as official and as parody" in err


def test_kinds_are_kept_on_sqlite_and_postgresql(tmp_path: Path, any_db_url: str) -> None:
    from quotes.pipeline import import_files, set_account

    import_files([write_archive(tmp_path / "a.jsonl", ARCHIVE)], db_url=any_db_url)
    assert set_account("DanaDem0ulin", "impostor", db_url=any_db_url) == (
        "@DanaDem0ulin: unknown → impostor")
    with Archive.open(any_db_url) as db:
        kinds = {a.handle: a.kind for a in db.accounts(["DanaDem0ulin", "DanaDemoulin"]).values()}
        span = db.author_span("DanaDemoulin")
    assert kinds == {"DanaDem0ulin": "impostor", "DanaDemoulin": "official"}
    assert (span.tweets, str(span.first.date()), str(span.last.date())) == (  # type: ignore[union-attr]
        2, "2025-02-01", "2025-06-20")


def test_an_archive_from_revision_0003_is_upgraded_with_unknown_kinds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = with_driver(f"sqlite:///{tmp_path / 'old.sqlite'}")
    engine = create_engine(url)
    with engine.begin() as conn:
        migrations.upgrade(conn, "0003")
        conn.execute(text("INSERT INTO author (handle, handle_key, name) "
                          "VALUES ('demo_factdesk', 'demo_factdesk', 'Demo Factdesk')"))
    engine.dispose()
    assert run(capsys, "db", "upgrade", "--db", url)[0] == 0
    with Archive.open(url) as db:
        author = db.author("demo_factdesk")
    assert author is not None and author.account == "unknown"


# --- what verify says -------------------------------------------------------------------


def test_an_impostors_tweet_passed_off_as_the_person_is_misattributed(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, quote = verified(capsys, archive / "de_impostor.txt")
    assert (code, quote["verdict"], quote["attribution_check"]) == (
        1, "misattributed", "lookalike_account")
    assert quote["match"]["tweet"]["author"] == "DanaDemouIin"
    (lookalike,) = [d for d in quote["differences"] if d["kind"] == "lookalike_account"]
    assert lookalike["quote"] == "@DanaDemoulin"
    assert lookalike["tweet"] == "@DanaDemouIin (an impostor account)"


def test_an_unmarked_lookalike_handle_is_misattributed_until_marked_official(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, quote = verified(capsys, archive / "es_lookalike.txt")
    assert (code, quote["verdict"]) == (1, "misattributed")
    (lookalike,) = [d for d in quote["differences"] if d["kind"] == "lookalike_account"]
    assert lookalike["quote"] == "@DanaDemoulin"
    assert lookalike["tweet"].startswith("@DanaDem0ulin (imitates it: letters that look alike")
    # Marked official, the account is genuine: no look-alike of anyone.
    assert run(capsys, "archive", "account", "DanaDem0ulin", "official", "-q")[0] == 0
    code, quote = verified(capsys, archive / "es_lookalike.txt")
    assert not any(d["kind"] == "lookalike_account" for d in quote["differences"])


def test_words_of_another_archive_author_are_misattributed(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, quote = verified(capsys, archive / "nl_other_author.txt")
    assert (code, quote["verdict"], quote["attribution_check"]) == (
        1, "misattributed", "other_person")
    (speaker,) = [d for d in quote["differences"] if d["kind"] == "speaker"]
    assert speaker["tweet"] == "@BramVeldhoven (Bram Veldhoven)"


def test_words_given_to_someone_outside_the_archive_are_misattributed(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, quote = verified(capsys, archive / "id_outsider.txt")
    assert quote["speaker_handle"] is None  # Lukas Fernwald is no archive author
    assert (code, quote["verdict"], quote["attribution_check"]) == (
        1, "misattributed", "other_person")
    (speaker,) = [d for d in quote["differences"] if d["kind"] == "speaker"]
    assert (speaker["quote"], speaker["tweet"]) == (
        "Lukas Fernwald", "@BramVeldhoven (Bram Veldhoven)")
    assert not any("not checked" in n for n in quote["notes"])


def test_the_right_person_by_surname_alone_is_no_alarm(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, quote = verified(capsys, archive / "fr_surname.txt")
    assert quote["match"]["tweet"]["author"] == "BramVeldhoven"
    assert (code, quote["attribution_check"]) == (0, "verified")
    assert quote["verdict"] not in ("misattributed", "distortion")


def test_a_pronoun_nothing_resolves_leaves_the_verdict_and_is_unverified(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, quote = verified(capsys, archive / "it_pronoun.txt")
    assert quote["match"]["tweet"]["author"] == "BramVeldhoven"
    assert quote["attribution_check"] == "unverified"
    assert quote["verdict"] not in ("misattributed", "distortion") and code == 0
    assert any("attribution not verified" in n for n in quote["notes"])


def test_no_such_tweet_is_said_in_plain_words_with_the_date_window(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, quote = verified(capsys, archive / "pt_no_such_tweet.txt")
    assert (code, quote["verdict"], quote["attribution_check"]) == (0, "unmatched", None)
    assert ("no tweet by @DanaDemoulin in the archive (2 tweets, from 2025-02-01 to "
            "2025-06-20) says this") in quote["notes"]
    code, quote = verified(capsys, archive / "pt_no_such_tweet.txt", "--published",
                           "2025-03-01")
    assert ("no tweet by @DanaDemoulin in the archive (1 tweet up to 2025-03-01, from "
            "2025-02-01 to 2025-02-01) says this") in quote["notes"]


def test_a_tweet_posted_after_the_article_is_no_source_and_is_said_so(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The harbour chief's tweet of 2025-04-02, quoted by an article dated a month before.
    _, quote = verified(capsys, archive / "fr_surname.txt", "--published", "2025-03-01")
    assert (quote["verdict"], quote["match"]) == ("unmatched", None)
    (later,) = [n for n in quote["notes"] if "after the article's date" in n]
    assert later.startswith("@BramVeldhoven posted this on 2025-04-02 ('Our harbour")
    assert later.endswith("after the article's date 2025-03-01: not a source it can quote")
    # Dated after the tweet, the article may quote it: matched, nothing said of dates.
    _, quote = verified(capsys, archive / "fr_surname.txt", "--published", "2025-05-01")
    assert quote["verdict"] != "unmatched"
    assert not any("after the article's date" in n for n in quote["notes"])
