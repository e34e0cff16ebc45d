"""Who a short quote inside a relative clause belongs to: the clause's antecedent
("Christophe Castaner qui salue une « recomposition politique »", "the mayor, who called
it a “disaster”"). A relative pronoun's subject is the person or role right before it, not
whoever else the sentence names first."""

from __future__ import annotations

from bisect import bisect_left

from quotes.attribute.people import PeopleIndex
from quotes.attribute.persons import Mention
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData

# How many words a relative clause may hold before the quote it introduces.
RELATIVE_CLAUSE_WORDS = 6


def antecedent(
    words: list[Tok], quote_start: int, text: str, table: LanguageData, people: PeopleIndex
) -> Mention | None:
    """The person or role a relative pronoun before the quote refers to, where the quote
    lies in that pronoun's clause: at most a few words after it, none of them a person."""
    before = [t for t in words if t.end <= quote_start][-RELATIVE_CLAUSE_WORDS - 1 :]
    k = next((i for i in range(len(before) - 1, -1, -1)
              if before[i].lower in table.relative_pronouns), None)
    if k is None or k == len(before) - 1:
        return None
    pronoun = before[k]
    clause_start = pronoun.end
    if not before[k + 1].text.islower():
        return None  # an article: "Lambrecht, Bundesministerium der Verteidigung"
    if _named(people, clause_start, quote_start) or any(
            c in text[clause_start:quote_start] for c in ".;:!?"):
        return None
    for found in (_ending_before(people.mentions, people.mention_starts, pronoun.start),
                  _ending_before(people.references, people.reference_starts, pronoun.start)):
        if found is not None and not text[found.end : pronoun.start].strip(" ,"):
            return None if _complement(words, found, table) else found
    return None


def _complement(words: list[Tok], mention: Mention, table: LanguageData) -> bool:
    """Is the mention a preposition's complement ("Le ha dicho Feijóo a Sánchez que"): the
    word a complementizer then follows, not the subject of a relative clause."""
    previous = [t for t in words if t.end <= mention.start][-1:]
    return bool(previous) and previous[0].lower in table.prepositions


def _named(people: PeopleIndex, begin: int, end: int) -> bool:
    starts = people.mention_starts
    return bisect_left(starts, begin) < bisect_left(starts, end)


def _ending_before(mentions: list[Mention], starts: list[int], at: int) -> Mention | None:
    """The last of `mentions` starting before `at` (the one a word before `at` ends)."""
    i = bisect_left(starts, at)
    return mentions[i - 1] if i > 0 and mentions[i - 1].end else None
