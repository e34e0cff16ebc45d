"""Quotes inside a quote: words the speaker reports someone said, introduced inside the
outer quote by a speech verb ("Hij zei: 'Niemand gaat hier uitleg over geven'", "o
presidente me ligou e falou: ‘…’", "I had just said to him 'Why don't you …'").

The verb's subject speaks: the outer quote's speaker where it is in the first person, else
the person it names, a pronoun or role resolved to someone other than the outer speaker
(inside a quote, "he" is not the one talking).
"""

from __future__ import annotations

from quotes.attribute.names import first_name, last_phrase, subject
from quotes.attribute.ranking import Query, rank
from quotes.attribute.rules import Document
from quotes.attribute.tokens import Tok, words_between
from quotes.models import Attribution, Quote
from quotes.text import last_loose_sentence_start

# How many words before a nested quote its speech verb is looked for.
INTRO_WORDS = 12
# How many words may stand between the verb and the nested quote ("said to him in a loud
# voice '…'").
AFTER_VERB_WORDS = 8
# How many words before the verb a first-person subject is looked for ("I had just said").
FIRST_PERSON_BACK = 3
# Confidence in a nested quote's speaker: read from one verb inside another's words.
NESTED_CONFIDENCE = 0.5


def attribute_nested(
    doc: Document, quote: Quote, outer: Quote, outer_found: Attribution | None
) -> Attribution | None:
    """The speaker of `quote`, inside `outer` (attributed `outer_found`), where a speech
    verb introduces it in the outer quote's own sentence; else None."""
    text, table = doc.text, doc.table
    begin = last_loose_sentence_start(text, outer.start, quote.open_at)
    words = words_between(doc.tokens, doc.starts, begin, quote.open_at)[-INTRO_WORDS:]
    verb = last_phrase(words, table.speech_verbs)
    if verb is None or len(words) - verb[1] > AFTER_VERB_WORDS:
        return None
    outer_speaker = outer_found.speaker if outer_found is not None else None
    if _first_person_subject(doc, words, verb[0]):
        if outer_found is None or outer_speaker is None:
            return None
        return _attribution(outer_speaker, outer_found.speaker_kind, words, verb,
                            (f"{words[verb[0]].text}: the outer speaker in the first person",))
    # "o presidente me ligou e falou: ‘…’": a verb after "and" shares the clause's subject.
    name = subject(words, verb, table, doc.people) or first_name(words[: verb[0]], table,
                                                                 doc.people)
    if name is None or name.kind not in ("name", "pronoun", "role"):
        return None
    if name.kind == "name":
        full = doc.people.full_name(name.text, quote.open_at)
        if full == outer_speaker:
            return None
        return _attribution(full, doc.people.kind(full), words, verb, (f"{name.text}: named",))
    others = [c for c in rank(doc.people, Query(name.start, name.kind, name.text, False))
              if c.name != outer_speaker]
    if not others:
        return None
    best = others[0]
    return _attribution(best.name, best.kind, words, verb,
                        (f"{name.text}: {name.kind}", f"{best.name}: not the outer speaker"))


def _first_person_subject(doc: Document, words: list[Tok], verb_at: int) -> bool:
    """Does a first-person word open the verb's clause, a few words before it ("I had just
    said"; not the object in "o presidente me ligou e falou")?"""
    for k in range(max(0, verb_at - FIRST_PERSON_BACK), verb_at):
        opens = k == 0 or words[k].sent_start or not doc.people.adjacent(words[k - 1], words[k]) \
            or words[k - 1].lower in doc.table.coordinators
        if opens and words[k].lower in doc.table.first_person:
            return True
    return False


def _attribution(
    speaker: str, kind: str, words: list[Tok], verb: tuple[int, int, str], chain: tuple[str, ...]
) -> Attribution:
    first, last = words[verb[0]], words[verb[1] - 1]
    return Attribution(speaker, None, None, "nested", verb[2], first.start, last.end, verb[2],
                       "none", None, None, kind, NESTED_CONFIDENCE, chain)
