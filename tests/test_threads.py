"""Threads (issue 11): a quote that runs on from one post into the author's next one is
compared with both, not called a distortion for the sentences the first lacks.

Every post here was written for these tests; the accounts are fictional."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from quotes.cli import main
from quotes.models import CanonicalTweet
from quotes.threads import (
    best_neighbour,
    goes_on,
    in_thread,
    thread_neighbours,
    thread_parts,
    went_on,
)
from tests.verify_fixtures import archive_and_articles


def post(i: int, text: str, author: str = "example_ferry_co") -> CanonicalTweet:
    return CanonicalTweet(i, author, text, created_at=datetime(2025, 5, 2))


@pytest.mark.parametrize(("text", "goes", "went"), [
    ("Tickets cost 4 euros and children ride free....", True, False),
    ("....Boats run every 20 minutes.", False, True),
    ("...and so on, as we said…", True, True),
    ("We apologise for the delay (1/3)", True, False),
    ("(2/3) The new timetable starts in June", True, True),
    ("3/3 Thank you for your patience!", False, True),
    ("Boats run every 20 minutes.", False, False),
    ("Vote 1/2 of the board now", False, False),  # a fraction inside, no part number
])
def test_continuation_marks(text: str, goes: bool, went: bool) -> None:
    assert (goes_on(text), went_on(text)) == (goes, went)


def test_neighbours_chain_by_their_marks_and_part_numbers() -> None:
    first = post(1, "The ferry line opens on Monday....")
    second = post(2, "....Boats run every 20 minutes....")
    third = post(3, "....We thank the harbour workers.")
    other = post(4, "....Not ours.", author="example_bus_co")
    assert thread_neighbours(second, [first, second, third, other]) == ([first], [third])
    assert thread_neighbours(first, [first, second, third]) == ([], [second, third])
    numbered = [post(5, "Delays today (1/3)"), post(6, "(2/3) Trains too"),
                post(7, "(3/3) Sorry!")]
    assert thread_neighbours(numbered[1], numbered) == ([numbered[0]], [numbered[2]])
    assert not in_thread(post(8, "A post on its own."))


def test_the_neighbour_rendering_most_sentences_is_chosen() -> None:
    sentences = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    near = post(2, "....")
    far = post(3, "....")
    options = [(far, np.array([[0.0, 0.0, 1.0]])), (near, np.array([[0.6, 0.8, 0.0],
                                                                     [0.0, 0.95, 0.31]]))]
    assert best_neighbour(sentences, options, 0.9) == (near, frozenset({1}))
    assert best_neighbour(sentences, [(far, options[0][1])], 0.9) == (None, frozenset())


def test_thread_parts_keep_thread_order_and_say_what_they_render() -> None:
    sentences = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    main, earlier, later = post(1, "x...."), post(2, "a...."), post(3, "....c")
    parts, found = thread_parts(main, sentences, [(earlier, np.array([[0.0, 1.0, 0.0]]))],
                                [(later, np.array([[0.0, 0.0, 1.0]]))], 0.9)
    assert parts == [earlier, main, later] and found == frozenset({1, 2})
    alone, none = thread_parts(main, sentences, [(earlier, np.array([[0.5, 0.5, 0.7]]))],
                               [], 0.9)
    assert alone == [main] and none == frozenset()


THREAD = [
    {"author": "example_ferry_co", "name": "Example Ferry Co (fictional)",
     "created_at": "2025-05-02T09:00:00",
     "text": "The new ferry line to Port Ellery opens on Monday. Tickets cost 4 euros and "
             "children ride free....", "source": "invented for tests; fictional account"},
    {"author": "example_ferry_co", "name": "Example Ferry Co (fictional)",
     "created_at": "2025-05-02T09:01:00",
     "text": "....The boats leave every 20 minutes from six in the morning. We thank the "
             "harbour workers for their patience!",
     "source": "invented for tests; fictional account"},
    {"author": "sample_orchard", "name": "Olga Obstgarten (fictional)",
     "created_at": "2025-09-01",
     "text": "We picked 4,000 kilos of apples this year, a record for the valley.",
     "source": "invented for tests; fictional account"},
]
ARTICLE = (
    "Die Fähre kommt. „Die neue Fährlinie nach Port Ellery öffnet am Montag. Tickets kosten "
    "4 Euro, Kinder fahren gratis. Die Boote fahren ab sechs Uhr morgens alle 20 Minuten“, "
    "schrieb die Reederei Example Ferry Co auf X.\n"
)


def verify(tmp_path: Path, capsys: pytest.CaptureFixture[str], tweets: list[dict]) -> dict:
    archive_and_articles(tmp_path, tweets, {"faehre.txt": ARTICLE})
    capsys.readouterr()
    main(["verify", "--no-mt", "--format", "json", "-q", str(tmp_path / "faehre.txt")])
    [article] = json.loads(capsys.readouterr().out)["articles"]
    [quote] = article["quotes"]
    return quote


def test_a_quote_running_into_the_next_post_is_compared_with_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quote = verify(tmp_path, capsys, THREAD)
    assert quote["verdict"] == "faithful", quote
    assert [d for d in quote["differences"] if d["kind"] in ("added", "number")] == []
    assert any("next post of a thread" in note for note in quote["notes"]), quote["notes"]
    assert quote["match"]["tweet"]["text"] == "\n".join(t["text"] for t in THREAD[:2])


def test_without_the_next_post_its_sentence_is_noted_not_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The post says it goes on: the sentence after its words may be the next post's,
    # which the archive lacks. No distortion for it, and the report says why.
    quote = verify(tmp_path, capsys, [THREAD[0], THREAD[2]])
    assert not any("next post of a thread" in note for note in quote["notes"]), quote["notes"]
    assert "added" not in [d["kind"] for d in quote["differences"]], quote
    assert any("the archive lacks" in note for note in quote["notes"]), quote["notes"]
