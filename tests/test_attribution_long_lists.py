"""Long documents of many speakers: a list of quotes, each under its own name line, is
attributed quote by quote with bounded work per quote. Only the latest speakers stay
candidates where the text does not name them nearby, and the fullest form of a name is
found through an index of the mentions' words, not by reading every mention. Every name
here is fictional."""

from __future__ import annotations

import dataclasses
import random

from quotes import lang
from quotes.attribute.people import PeopleIndex
from quotes.attribute.persons import Mention, MentionWords
from quotes.attribute.ranking import RECENT_SPEAKERS, Query, rank
from quotes.attribute.tokens import parse
from quotes.models import Attribution, Document
from quotes.pipeline import Analyzer
from tests.work_count import CALL_BUDGET_PER_CHAR, calls_made

ANALYZER = Analyzer()
_FIRST = ["Anna", "Bruno", "Carla", "Dario", "Elena", "Fabio", "Gina", "Hugo"]
_SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "zo", "be", "do"]


def fictional_names(count: int) -> list[str]:
    """Distinct invented names ("Anna Kalokaka"), none a word of any table."""
    return [f"{_FIRST[i % len(_FIRST)]} "
            + "".join(_SYLLABLES[int(d)] for d in f"{i:03d}").capitalize() + "ski"
            for i in range(count)]


def test_each_quote_of_a_long_list_takes_its_own_name_line() -> None:
    names = fictional_names(150)
    text = list_text(names)
    analysis = ANALYZER.analyze(Document("list.txt", text, "en"))
    found = [f.attribution.speaker if f.attribution else None
             for f in analysis.findings if f.quote.depth == 0]
    assert found == names


def list_text(names: list[str]) -> str:
    return "\n\n".join(f"{name} – club member\n“The pitch was wet on day {i}.”"
                        for i, name in enumerate(names))


def test_the_work_per_character_does_not_grow_with_the_list() -> None:
    # Function calls, not time: a shared machine makes timings noisy. Ranking every
    # speaker of the document for every quote made 209 calls per character at 100 quotes
    # and 724 at 400.
    ANALYZER.analyze(Document("warm.txt", list_text(fictional_names(3)), "en"))
    per_char = []
    for count in (100, 400):
        text = list_text(fictional_names(count))
        _, calls = calls_made(lambda text=text: ANALYZER.analyze(Document("l.txt", text, "en")))
        per_char.append(calls / len(text))
    assert per_char[1] <= CALL_BUDGET_PER_CHAR, per_char
    assert per_char[1] <= 1.5 * per_char[0], per_char


def test_a_speaker_named_far_back_stays_a_candidate_only_while_among_the_latest() -> None:
    text = "The council met on Tuesday evening."
    people = PeopleIndex(text, parse(ANALYZER.nlp_for("en"), text), lang.get("en"), None)
    blank = Attribution(None, None, None, "test", None, None, None, None, "none", None)
    names = fictional_names(RECENT_SPEAKERS + 40)
    for name in names:
        people.remember(dataclasses.replace(blank, speaker=name))
    people.remember(dataclasses.replace(blank, speaker=names[0]))  # speaks again: latest
    candidates = {c.name for c in rank(people, Query(len(text), "none"))}
    assert len(candidates) == RECENT_SPEAKERS
    assert names[0] in candidates and names[-1] in candidates
    assert names[1] not in candidates  # spoke long ago, named nowhere near


def test_the_mention_index_finds_what_reading_every_mention_finds() -> None:
    rng = random.Random(3)
    words = ["Anna", "Kalo", "van", "der", "Mize", "Rutaski", "Bank", "Nebe"]
    mentions = [Mention(i * 10, " ".join(rng.sample(words, rng.randint(1, 3))), False,
                        rng.choice(["person", "organisation"]), i * 10 + 5) for i in range(300)]
    index = MentionWords(mentions)
    for name in {m.name for m in mentions} | {"Kalo Mize", "Nobody Here"}:
        parts = name.casefold().split()
        read_all = [m for m in mentions if len(m.name) > len(name)
                    and all(p in m.name.casefold().split() for p in parts)]
        if any(m.name == name and m.kind == "person" for m in mentions):
            read_all = [m for m in read_all if m.kind == "person"]
        assert index.holding(name) == read_all, name
