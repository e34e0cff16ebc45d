"""Who speaks, read from a clause's shape. A short quote inside a relative clause belongs
to the clause's antecedent ("Christophe Castaner qui salue une « recomposition
politique »", "the mayor, who called it a “disaster”"): a relative pronoun's subject is
the person or role right before it, not whoever else the sentence names first. Also: an
indefinite subject ("one resident wrote"), a name in apposition to one ("Jane Example, a
council member, said"), and a speech verb split around its object ("laat … weten")."""

from __future__ import annotations

from bisect import bisect_left

from quotes.attribute.names import Phrase, name_in
from quotes.attribute.people import Name, PeopleIndex
from quotes.attribute.persons import Mention
from quotes.attribute.ranking import mentions_in
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData

# How many words before a speech verb an indefinite subject may span ("one person").
INDEFINITE_SUBJECT_WORDS = 3
# How many words a split speech verb may hold between its parts ("laat … weten").
SEPARATED_WORDS = 8
# How many words a relative clause may hold before the quote it introduces.
RELATIVE_CLAUSE_WORDS = 6
# How many words an apposition between a name and its verb may hold ("Jane Example,
# the campaign's manager, told reporters").
APPOSITION_WORDS = 6


def antecedent(
    words: list[Tok], quote_start: int, text: str, table: LanguageData, people: PeopleIndex
) -> Mention | None:
    """The person or role a relative pronoun before the quote refers to, where the quote
    lies in that pronoun's clause: at most a few words after it, none of them a person."""
    before = [t for t in words if t.end <= quote_start][-RELATIVE_CLAUSE_WORDS - 1 :]
    k = _relative_pronoun(before, text, table, people)
    if k is None or k == len(before) - 1:
        return None
    pronoun = before[k]
    clause_start = pronoun.end
    if not before[k + 1].text.islower():
        return None  # an article: "Lambrecht, Bundesministerium der Verteidigung"
    if mentions_in(people, clause_start, quote_start) or any(
            c in text[clause_start:quote_start] for c in ".;:!?"):
        return None
    for found in (_ending_before(people.mentions, people.mention_starts, pronoun.start),
                  _ending_before(people.references, people.reference_starts, pronoun.start)):
        if found is not None and not text[found.end : pronoun.start].strip(" ,"):
            return None if _complement(words, found, table) else found
    return None


def _relative_pronoun(before: list[Tok], text: str, table: LanguageData,
                      people: PeopleIndex) -> int | None:
    """The index of the last relative pronoun in `before`; but a word both relative
    pronoun and complementizer that follows no name ("quien había dicho que …") opens the
    reported clause: the relative pronoun is the one before it."""
    ks = [i for i in range(len(before) - 1, -1, -1) if before[i].lower in table.relative_pronouns]
    while len(ks) > 1 and before[ks[0]].lower in table.complementizers and not _right_after_name(
            people, text, before[ks[0]].start):
        ks.pop(0)
    return ks[0] if ks else None


def _right_after_name(people: PeopleIndex, text: str, at: int) -> bool:
    """Does a mention or sentence-opening reference end right before `at`, a comma between
    at most?"""
    return any(found is not None and not text[found.end : at].strip(" ,") for found in (
        _ending_before(people.mentions, people.mention_starts, at),
        _ending_before(people.references, people.reference_starts, at)))


def _complement(words: list[Tok], mention: Mention, table: LanguageData) -> bool:
    """Is the mention a preposition's complement ("Le ha dicho Feijóo a Sánchez que"): the
    word a complementizer then follows, not the subject of a relative clause."""
    previous = [t for t in words if t.end <= mention.start][-1:]
    return bool(previous) and previous[0].lower in table.prepositions


def _ending_before(mentions: list[Mention], starts: list[int], at: int) -> Mention | None:
    """The last of `mentions` starting before `at` (the one a word before `at` ends)."""
    i = bisect_left(starts, at)
    return mentions[i - 1] if i > 0 and mentions[i - 1].end else None


def separated_verb(words: list[Tok], table: LanguageData) -> Phrase | None:
    """A two-word speech verb split around its object, its particle last before the quote
    ("De FPV laat in een reactie weten:", "teilte am Montag mit:"): the verb's first word,
    as the phrase."""
    if not words:
        return None
    last = words[-1].lower
    for phrase in table.speech_verbs:
        head, _, particle = phrase.partition(" ")
        if particle != last or not head or " " in particle:
            continue
        for k in range(len(words) - 2, max(-1, len(words) - 2 - SEPARATED_WORDS), -1):
            if words[k].lower == head:
                return (k, k + 1, phrase)
    return None


def indefinite_subject(words: list[Tok], verb: Phrase, table: LanguageData) -> Name | None:
    """An indefinite subject right before the verb ("one person tweeted", "Another added",
    "un vecino dijo"): someone the text does not name."""
    before = words[max(0, verb[0] - INDEFINITE_SUBJECT_WORDS) : verb[0]]
    k = next((i for i, t in enumerate(before) if t.lower in table.indefinites), None)
    if k is None or not all(t.text.islower() for t in before[k + 1 :]):
        return opening_indefinite(words, verb, table)
    last = before[-1]
    return Name(last.text, last.start, last.end, "unnamed")


def opening_indefinite(words: list[Tok], verb: Phrase, table: LanguageData,
                       role: Name | None = None) -> Name | None:
    """A sentence opening with an indefinite and naming nobody before its speech verb ("A
    person living next door who wished to remain anonymous, said:", "One parent, a
    39-year-old mother of two, said:"): its subject is someone the text does not name.
    No capitalized word and no pronoun may stand between ("A day later, Musk said"), and a
    role found as the subject must have an indefinite of its own ("An hour later, the
    minister said" is the minister's)."""
    k = verb[0] - 1
    while k > 0 and not words[k].sent_start:
        k -= 1
    if k < 0 or k >= verb[0] - 1 or not words[k].sent_start \
            or words[k].lower not in table.indefinites:
        return None
    between = [t for t in words[k + 1 : verb[0]] if t.is_word]
    if any(t.text[:1].isupper() or t.lower in table.pronouns for t in between):
        return None
    if role is not None and _determiner_before(words, role, table) not in table.indefinites:
        return None
    last = words[verb[0] - 1]
    return Name(last.text, last.start, last.end, "unnamed")


def _determiner_before(words: list[Tok], role: Name, table: LanguageData) -> str | None:
    """The article or possessive nearest before a role ("a 39-year-old mother": "a")."""
    determiners = {*table.indefinites, *table.definite_articles, *table.possessives}
    before = [t.lower for t in words if t.end <= role.start and t.lower in determiners]
    return before[-1] if before else None


def apposed_name(
    words: list[Tok], unnamed: Name, text: str, table: LanguageData, people: PeopleIndex
) -> Name | None:
    """The name an unnamed subject or a role stands in apposition to ("Jane Example, a
    council member, said"): a name ending right before a comma that opens the phrase."""
    i = next((k for k, t in enumerate(words) if t.start == unnamed.start), None)
    j = None if i is None else _apposition_start(words, i, unnamed, text, table)
    if not j:
        return None
    if "," not in text[words[j - 1].end : words[j].start]:
        return None
    found = name_in(words[max(0, j - 6) : j], table, people)
    return found if found is not None and found.end == words[j - 1].end else None


def _apposition_start(words: list[Tok], i: int, unnamed: Name, text: str,
                      table: LanguageData) -> int | None:
    """Where the phrase of the subject at words[i] starts: its indefinite ("a council
    member"); for a role, the articles before it, where a comma closes the apposition
    before the verb ending `words` ("Julien Bayou, porte-parole EELV, décrit")."""
    j = i
    if unnamed.kind == "role":
        while j > 0 and words[j - 1].lower in table.stopwords:
            j -= 1
        return j if "," in text[unnamed.end : words[-1].start] else None
    while j > 0 and i - j < INDEFINITE_SUBJECT_WORDS and words[j].lower not in table.indefinites:
        j -= 1
    return j if words[j].lower in table.indefinites else None


def apposition_length(words: list[Tok], text: str, table: LanguageData,
                      people: PeopleIndex) -> int:
    """How many words an apposition set off by commas after the name opening `words`
    holds ("…,” Jane Example, the campaign's manager, told reporters"): 0 where there is
    none. A speech verb after it is the name's."""
    k = 0
    while k < len(words) and people.is_name_token(words[k], table) and (
            k == 0 or people.adjacent(words[k - 1], words[k])):
        k += 1
    if k == 0 or k >= len(words) or not text[words[k - 1].end : words[k].start].startswith(","):
        return 0
    for j in range(k + 1, min(len(words), k + APPOSITION_WORDS + 1)):
        if "," in text[words[j - 1].end : words[j].start]:
            return j - k
    return 0
