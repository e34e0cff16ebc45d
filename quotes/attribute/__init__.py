"""The attribute stage: who an article says spoke each statement quote, and where.

For each statement the sentence around it is read in both directions, with the speech
verbs, "according to" phrases, pronouns and role nouns of the language tables:

* after the quote: "…”, sagte Musk in einem Tweet" / "…", kata Elon / » a décrit le
  président américain, Donald Trump, sur Twitter";
* before it: "Musk said: “…”", "respondió Elon: …", "Weidel kommentierte mit den Worten: „…“";
* "according to / laut / selon / menurut X";
* a colon introduction ("Musk: „…“");
* a fragment with no attribution of its own right after an attributed quote in the same
  paragraph continues that quote's speaker.

A pronoun or a role ("he", "el mandatario", "le patron de Tesla") resolves to the last
person named before the quote. Names resolve against the archive's author aliases through
the `resolve` callable passed in, so this module never touches the store.

Modules: `tokens` (the stage's tokens and the windows around a quote), `people` (the names
a document mentions), `names` (who a window names), `subjects` (a speech verb's subject in
the harder shapes), `rules` (the ordered rules attributing one quote), `exchanges` (the turn
a quote takes in an exchange) and `medium` (where the quote was said).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from quotes import lang
from quotes.attribute.clauses import antecedent
from quotes.attribute.exchanges import Turns, asks, take_turn, turn
from quotes.attribute.lexicon import is_first_name
from quotes.attribute.medium import with_medium
from quotes.attribute.names import last_phrase, subject
from quotes.attribute.nested import attribute_nested
from quotes.attribute.outlets import without_outlet
from quotes.attribute.people import PeopleIndex, Resolver
from quotes.attribute.persons import Mention
from quotes.attribute.ranking import Query, is_complement, is_possessor, mentions_in
from quotes.attribute.rules import Document, attribute_next_sentence, attribute_one, build
from quotes.attribute.speaker import Speaker, addressed, ranked, self_named, with_archive
from quotes.attribute.textpasses import same_words, unwrapped
from quotes.attribute.tokens import Tok, parse, words_between
from quotes.lang import LanguageData, is_role
from quotes.models import Attribution, Quote
from quotes.text import (
    ends_with_sentence_mark,
    find_phrase,
    loose_sentence_starts,
    up_to_loose_sentence_end,
)

if TYPE_CHECKING:
    from quotes.nlp import Pipeline

__all__ = ["CONTINUATION_GAP", "Resolver", "attribute_quotes"]

# A fragment this close (characters) after an attributed quote in the same paragraph
# inherits its speaker.
CONTINUATION_GAP = 400
# How far either side of a term its reporting sentence is read (characters).
TERM_SENTENCE_CHARS = 300
# Confidence in the one person a reporting sentence names, for a term inside it.
SENTENCE_CONFIDENCE = 0.6
# A term in a sentence without a reporting verb may be nobody's words: the share of the
# confidence it keeps.
UNREPORTED_SHARE = 0.5
# How far back the word right before a name is read (characters).
TITLE_WORD_CHARS = 30
# How many words may stand between a term and the speech verb of its clause before it
# ("menyampaikan pesan 'lebih baik …'").
CLAUSE_VERB_GAP = 2
# How many words after "that" may open the name of a reported clause's subject.
REPORTED_SUBJECT_WORDS = 3
# How many characters may stand between two quotes of one sentence.
SHARED_SENTENCE_GAP = 200


def attribute_quotes(
    text: str,
    quotes: Sequence[Quote],
    language: str,
    nlp: Pipeline,
    *,
    resolve: Resolver | None = None,
    table: LanguageData | None = None,
) -> tuple[Attribution | None, ...]:
    """An attribution for each top-level statement of `quotes`, for each term inside a
    reporting sentence and for each nested quote a speech verb introduces inside its outer
    quote (None for other terms and nested quotes)."""
    table = table or lang.get(language)
    quoted = [(q.start, q.end) for q in quotes if q.depth == 0 and not q.block]
    text = unwrapped(text)
    doc = Document.read(text, parse(nlp, text), table, resolve, quoted)
    neighbours = _neighbours([q for q in quotes if _is_statement(q)], len(text))
    results: list[Attribution | None] = []
    previous: tuple[Quote, Attribution] | None = None
    turns: Turns = []  # each top-level quote's speaker, and whether it asked
    after = 0  # where the last top-level quote ended
    for quote in quotes:
        found = None
        if quote.kind == "term" and quote.depth == 0:
            found = _term(doc, quote, after, previous) or _coordinated(doc, previous, quote)
            if found is not None:
                # What follows in the paragraph may go on from the term's speaker.
                previous = (quote, found)
        elif _is_statement(quote):
            prev_end, next_start = neighbours[id(quote)]
            found = _attribute_statement(doc, quote, (prev_end, next_start), previous, turns)
            if found is not None:
                previous = (quote, found)
                doc.people.remember(found)
            doc.people.asked = asks(quote)
        else:
            found = _nested(doc, quote, quotes, results)
        if quote.depth == 0:
            after = quote.outer_end
            take_turn(turns, quote, found)
        results.append(found)
    return same_words(quotes, _sentence_shared(doc, quotes, results))


def _sentence_shared(doc: Document, quotes: Sequence[Quote], results: list[Attribution | None]
                     ) -> list[Attribution | None]:
    """A top-level statement no rule attributed (nobody, or the ranking's guess) that the
    next quote's sentence goes on from, its attribution named ("« La procédure » qui …
    « reste … », a déclaré la procureure X"): one sentence, one speaker. Not one in a
    reported clause ("la declaração do ministro de que "…" foi uma "…", informou a
    assessoria")."""
    out = list(results)
    top = [k for k, q in enumerate(quotes) if q.depth == 0]
    for k, nxt in reversed(list(pairwise(top))):
        found, following = out[k], out[nxt]
        if quotes[k].kind == "statement" and _unattributed(doc, quotes[k], found) \
                and following is not None and following.speaker and not _guessed(following) \
                and _one_sentence(doc, quotes[k], quotes[nxt]):
            out[k] = replace(following, method="same-sentence")
    return out


def _unattributed(doc: Document, quote: Quote, found: Attribution | None) -> bool:
    """Did no rule attribute the quote: the ranking's guess, or nobody where it is no
    question's words ("Asked why … "…", X said")?"""
    if found is not None:
        return found.method == "ranked"
    return not _in_question(doc.text[_sentence_start(doc.text, quote.open_at, doc.table)
                                     : quote.open_at], doc.table)


def _one_sentence(doc: Document, quote: Quote, nxt: Quote) -> bool:
    """Do `quote` and the quote after it stand in one sentence, `quote` in no clause that
    a complementizer opens?"""
    gap = doc.text[quote.outer_end : nxt.open_at]
    if len(gap) > SHARED_SENTENCE_GAP or any(c in gap for c in ".!?\n") \
            or ends_with_sentence_mark(quote.text):
        return False
    before = words_between(doc.tokens, doc.starts, _sentence_start(
        doc.text, quote.open_at, doc.table), quote.open_at)
    return not any(t.lower in doc.table.complementizers for t in before)


def _coordinated(
    doc: Document, previous: tuple[Quote, Attribution] | None, quote: Quote
) -> Attribution | None:
    """A term after a speech verb coordinated with the attributed quote before it in the
    same sentence ("Wilders spreekt van een “corrupte bende” en roept op: “wegwezen!”"):
    the verb shares that quote's subject."""
    if previous is None or previous[1].speaker is None:
        return None
    between = words_between(doc.tokens, doc.starts, previous[0].outer_end, quote.open_at)
    gap = doc.text[previous[0].outer_end : quote.open_at]
    if not between or between[0].lower not in doc.table.coordinators or any(
            mark in gap for mark in ".!?\n"):
        return None
    if find_phrase(between, doc.table.speech_verbs) is None:
        return None
    return replace(previous[1], method="coordinated")


def _nested(
    doc: Document, quote: Quote, quotes: Sequence[Quote], results: list[Attribution | None]
) -> Attribution | None:
    """Words the speaker reports someone said, inside the speaker's quote ("Hij zei:
    'Niemand …'"): for a quote one level down whose outer quote is attributed already."""
    outer = quote.parent
    if quote.depth != 1 or outer is None or outer >= len(results):
        return None
    return attribute_nested(doc, quote, quotes[outer], results[outer])


def _term(doc: Document, quote: Quote, after: int,
          previous: tuple[Quote, Attribution] | None = None) -> Attribution | None:
    """A term inside a reporting sentence ("Bayou juge la situation «délicate»") takes
    that sentence's speaker, or inside a relative clause its antecedent's ("X qui salue
    une «…»"); a scare quote in any other sentence gets none. The sentence starts after
    the quote before it, if that is later."""
    text = doc.text
    if not any(c.isalpha() for c in quote.text):
        return None
    # The sentence, read at most TERM_SENTENCE_CHARS either side: a line of thousands of
    # terms must not be read whole for each of them.
    sentence = _sentence_start(text, quote.open_at, doc.table)
    if _in_question(text[sentence : quote.open_at], doc.table):
        return None
    begin = max(after, sentence)
    tail = text[quote.outer_end : quote.outer_end + TERM_SENTENCE_CHARS]
    end = quote.outer_end + len(_up_to_sentence_end(tail, doc.table))
    words = [t for t in words_between(doc.tokens, doc.starts, begin, end)
             if not quote.open_at <= t.start < quote.outer_end]
    relative = antecedent(words, quote.open_at, text, doc.table, doc.people)
    if relative is not None:
        found = _by_mention(doc, relative, "relative-clause")
    else:
        found = _clause_verb(doc, quote, begin) or _reported(doc, words, previous) or \
            _reported_term(doc, quote, words, (begin, sentence, end))
    return with_medium(text, found, quote, doc.table, end) if found is not None else None


def _reported(doc: Document, words: list[Tok], previous: tuple[Quote, Attribution] | None
              ) -> Attribution | None:
    """A term in a sentence of reported speech with no speech verb ("Die Veröffentlichung
    … sei in jedem Fall „nicht angemessen“"): the words of the one quoted before, in the
    same paragraph."""
    table = doc.table
    if previous is None or not words or "\n" in doc.text[previous[0].outer_end : words[0].start]:
        return None
    if not any(t.lower in table.reported_speech_forms for t in words) or find_phrase(
            words, (*table.speech_verbs, *table.opinion_verbs, *table.according_to)):
        return None
    return replace(previous[1], method="continues-reported")


def _clause_verb(doc: Document, quote: Quote, begin: int) -> Attribution | None:
    """A term right after the speech verb of its own clause, whose subject the clause names
    ("Ketika Ganjar menyampaikan pesan '…', Risma menimpali"): that subject's words, not
    those of the sentence's main verb."""
    text, table = doc.text, doc.table
    begin = max(begin, _sentence_start(text, quote.open_at, table))
    clause = max(begin, *(text.rfind(mark, begin, quote.open_at) + 1 for mark in ",;:("))
    words = words_between(doc.tokens, doc.starts, clause, quote.open_at)
    verb = last_phrase(words, (*table.speech_verbs, *table.opinion_verbs))
    if verb is None or len(words) - verb[1] > CLAUSE_VERB_GAP:
        return None
    name = subject(words, verb, table, doc.people)
    if name is None or name.kind != "name":
        return None
    return build(doc, quote, name, words, verb, "clause-verb")


def _reported_term(
    doc: Document, quote: Quote, words: list[Tok], bounds: tuple[int, int, int]
) -> Attribution | None:
    """A term's attribution by its sentence (from `begin`, which starts at `sentence`, to
    `end`): its reporting verb's, else the next sentence's, else an unreported term's."""
    begin, sentence, end = bounds
    table = doc.table
    reporting = find_phrase(words, (*table.speech_verbs, *table.opinion_verbs, *table.according_to))
    following = [t for t in words if t.start >= quote.outer_end]
    if reporting is None:
        # "…„viele Parallelen“, so Spahn": a reporting word right after the term.
        reporting = find_phrase(following[:1], table.after_quote)
    if reporting is None and words and not following:
        # The term ends its sentence ("(Adnkronos) – "Sono assolutamente tranquillo".
        # Così il ministro …"): its attribution may open the next one.
        found = attribute_next_sentence(doc, quote, begin, _paragraph_end(doc.text, end))
        if found is not None:
            return found
    found = attribute_one(doc, quote, begin, end)
    if reporting is None and words and not (found and found.method.startswith("inverted")):
        # No reporting word, unless the inverted order names the speaker ("„…“, empört
        # sich Baerbock"): perhaps a scare quote.
        return _unreported_term(doc, quote, begin, sentence)
    if found is None or found.mention is None:
        found = _sentence_subject(doc, quote, begin, end, sentence)
    return found


def _paragraph_end(text: str, at: int) -> int:
    line_end = text.find("\n", at)
    return len(text) if line_end < 0 else line_end


def _sentence_subject(
    doc: Document, quote: Quote, begin: int, end: int, sentence: int
) -> Attribution | None:
    """No subject beside the verb ("…", hieß es): the pronoun or role opening the sentence
    before the term ("Hij vindt het onnodig dat Omtzigt “ineens wegliep”"), resolved; else
    the person the sentence names, if any."""
    every = mentions_in(doc.people, begin, end)
    named = _reported_first(doc, _speaking(doc.people, every), begin, quote)
    mention = _opening_reference(doc, sentence, quote, named) or (named[0] if named else None)
    if mention is None and (every or doc.table.drops_subjects):
        # Only people spoken of ("ein Telefonat mit Barroso", "Booker's actions"), or
        # nobody where a verb needs no subject ("Expresó que … son “…”"): the speaker is
        # the one ranked likeliest.
        return _ranked(doc, quote, None)
    return _by_mention(doc, mention, "sentence") if mention is not None else None


def _speaking(people: PeopleIndex, mentions: list[Mention]) -> list[Mention]:
    """The mentions that may be a sentence's speaker: not a preposition's complement ("una
    llamada de Pence") nor a possessor ("Booker's actions"). A word both article and
    preposition ("a Executiva afirma") opens a subject as well."""
    return [m for m in mentions if not is_possessor(people, m) and not (
        is_complement(people, m) and not _after_article(people, m))]


def _after_article(people: PeopleIndex, m: Mention) -> bool:
    before = people.folded[max(0, m.start - TITLE_WORD_CHARS) : m.start].split()
    return bool(before) and before[-1] in people.table.article_genders


def _by_mention(doc: Document, mention: Mention, method: str) -> Attribution | None:
    """The attribution to the one a mention names: a pronoun or role resolved by ranking,
    a name as the person it names."""
    if mention.kind in ("pronoun", "role"):
        who = with_archive(doc.people, ranked(
            doc.people, Query(mention.start, mention.kind, mention.name, False),
            f"{method}+{mention.kind}", (f"{mention.name}: {mention.kind}",)), "")
    else:
        who = with_archive(doc.people, Speaker(
            doc.people.full_name(mention.name, mention.start), None, method, mention.kind,
            SENTENCE_CONFIDENCE, (f"{mention.name}: named in the sentence",),
        ), mention.name)
    if who.name is None:
        return None
    return Attribution(who.name, mention.name, mention.start, who.method, None, None, None,
                       None, "none", None, who.handle, who.kind, who.confidence, who.chain)


def _opening_reference(
    doc: Document, sentence: int, quote: Quote, named: list[Mention]
) -> Mention | None:
    """The pronoun or role opening the sentence, before the quote and before any person it
    names: the sentence's subject."""
    refs = doc.people.references[bisect_left(doc.people.reference_starts, sentence) :]
    before = min(quote.open_at, named[0].start) if named else quote.open_at
    return next((r for r in refs[:1] if r.start < before), None) or _pronoun_after_opening(
        doc, sentence, before)


def _pronoun_after_opening(doc: Document, sentence: int, before: int) -> Mention | None:
    """A pronoun opening the main clause after an opening phrase and its comma ("In
    January, he slammed Kesselbrink …, calling it “disgraceful”"): the sentence's subject,
    before the people it speaks of."""
    words = words_between(doc.tokens, doc.starts, sentence, before)
    for a, b in pairwise(words):
        if b.lower in doc.table.pronouns and doc.text[a.end : b.start].strip() == ",":
            return Mention(b.start, b.text, True, "pronoun", b.end)
    return None


def _up_to_sentence_end(tail: str, table: LanguageData) -> str:
    """`tail` up to its sentence's end; the period of a title ("“No,” Mr. Varsko replied")
    ends none."""
    for start in loose_sentence_starts(tail):
        before = tail[:start].rstrip()
        if not before.endswith(".") or before.split()[-1] not in table.titles:
            return tail[: len(before.rstrip(".!?…"))]
    return tail


def _reported_first(doc: Document, named: list[Mention], begin: int, quote: Quote
                    ) -> list[Mention]:
    """The mentions of a term's sentence, those of the reported clause holding the term
    first ("The Herald reported that Erika Muster had called it “a disaster”")."""
    words = words_between(doc.tokens, doc.starts, begin, quote.open_at)
    at = max((k for k, t in enumerate(words) if t.lower in doc.table.complementizers),
             default=None)
    if at is None:
        return named
    # The clause's subject: a person named within a few words after "that".
    near = words[at + 1 : at + 1 + REPORTED_SUBJECT_WORDS]
    subject = [m for m in named if m.kind == "person" and any(t.start == m.start for t in near)]
    return subject[:1] + [m for m in named if m not in subject[:1]]


def _sentence_start(text: str, at: int, table: LanguageData) -> int:
    """Where the sentence holding `at` starts, read at most TERM_SENTENCE_CHARS back; the
    period of a title ("slammed Sen. Cory Kesselbrink") starts none."""
    line_start = max(at - TERM_SENTENCE_CHARS, text.rfind("\n", 0, at) + 1)
    starts = [s for s in loose_sentence_starts(text, line_start, at)
              if not text[line_start:s].rstrip().endswith(".")
              or text[line_start:s].split()[-1] not in table.titles]
    return max([line_start, *starts])


def _in_question(before: str, table: LanguageData) -> bool:
    """Does a term stand in the opening clause of a reporter's question ("Asked if she
    could “truly” guarantee …", "Gefragt, ob er „…“")? Only a comma right after the
    opening word may come before it, and a colon right before the quote introduces an
    answer ("Perguntado sobre o jogo ele respondeu: “…”")."""
    if before.rstrip().endswith(":"):
        return False
    opening, _, rest = before.lstrip(" \"'“”„«»").partition(" ")
    if opening.rstrip(",").casefold() not in table.question_openers:
        return False
    return "," not in rest.lstrip(" ,")


def _unreported_term(
    doc: Document, quote: Quote, begin: int, sentence: int
) -> Attribution | None:
    """A term in a sentence without a reporting verb ("Abascal criticara que se le haya
    puesto «alfombra roja»"): the pronoun or role opening the sentence, resolved; else the
    person named before it in the sentence; else, where the sentence speaks of a person (a
    pronoun, a role, a quote before the term), the person ranked likeliest at that point.
    A sentence about no one ("Critics call it a “green dream”") quotes no one."""
    every = _persons_in(doc, begin, quote.open_at)
    named = _speaking(doc.people, every)
    if not (every or _about_someone(doc, quote, begin, sentence)):
        return None
    opening = _opening_reference(doc, sentence, quote, named)
    mention = ""  # the words the speaker is named by, for the archive
    if opening is not None:
        # "Hij vindt het onnodig dat Omtzigt “ineens wegliep”": the pronoun or role that
        # opens the sentence is its subject, not the person named after it.
        who = ranked(doc.people, Query(opening.start, opening.kind, opening.name, False),
                     f"sentence+{opening.kind}", (f"{opening.name}: {opening.kind}",))
    elif named:
        m = named[0]
        mention = m.name
        who = Speaker(doc.people.full_name(m.name, m.start), None, "sentence", m.kind,
                      SENTENCE_CONFIDENCE, (f"{m.name}: named in the sentence",))
    else:
        who = ranked(doc.people, Query(quote.open_at, "none", None, False), "ranked")
    # It may be a scare quote nobody said: part of the confidence only.
    who = replace(with_archive(doc.people, who, mention),
                  confidence=round(who.confidence * UNREPORTED_SHARE, 3))
    if who.name is None:
        return None
    found = Attribution(who.name, None, None, who.method, None, None, None, None, "none",
                        None, who.handle, who.kind, who.confidence, who.chain)
    return with_medium(doc.text, found, quote, doc.table, quote.outer_end)


def _persons_in(doc: Document, begin: int, end: int) -> list[Mention]:
    """The mentions in text[begin:end] that are people for sure: a first name, or a person
    the archive or the text knows ("Lula"); not any capitalized word ("del Congreso",
    "diante da Venezuela")."""
    people = doc.people
    found = []
    for m in mentions_in(people, begin, end):
        if m.kind == "person":
            full = people.full_name(m.name, m.start)  # "Muster" → "Erika Muster"
            if is_first_name(full.split()[0]) or people.is_known(full):
                found.append(m)
    return found


def _about_someone(doc: Document, quote: Quote, begin: int, sentence: int) -> bool:
    """Does the sentence before a term speak of a person: a quote earlier in it (that did
    not end the sentence), a pronoun, a possessive or a role?"""
    table = doc.table
    quoted_before = begin > sentence and not doc.text[sentence:begin].rstrip(
        " \"'”’»«“„›‹").endswith((".", "!", "?"))
    return quoted_before or any(
        t.lower in table.pronouns or t.lower in table.possessives or is_role(t.text, table)
        for t in words_between(doc.tokens, doc.starts, sentence, quote.open_at))


def _is_statement(quote: Quote) -> bool:
    return quote.kind == "statement" and quote.depth == 0


def _neighbours(statements: list[Quote], text_end: int) -> dict[int, tuple[int, int]]:
    """By id of each statement: where the statement before it ends and the one after it
    begins (the text's start and end where there is none)."""
    bounds = [(q.open_at, q.outer_end) for q in statements]
    return {
        id(q): (
            bounds[i - 1][1] if i > 0 else 0,
            bounds[i + 1][0] if i + 1 < len(bounds) else text_end,
        )
        for i, q in enumerate(statements)
    }


def _attribute_statement(
    doc: Document,
    quote: Quote,
    bounds: tuple[int, int],
    previous: tuple[Quote, Attribution] | None,
    turns: Turns,
) -> Attribution | None:
    """One statement's attribution, its own or, where that is missing or weak, the turn
    it takes in an exchange or the one of the quote it continues; with the medium it was
    said in (`bounds`: where the statement before it ends, the one after it begins). None
    for the words of a question someone was asked ("Asked why the EU would give the UK a
    "free lunch", …")."""
    next_start = bounds[1]
    if _in_question(doc.text[_sentence_start(doc.text, quote.open_at, doc.table) : quote.open_at],
                    doc.table):
        return None
    found = _own_attribution(doc, quote, bounds, previous)
    if (found is None or found.method == "context") and previous is not None \
            and not addressed(quote.text, previous[1].speaker):
        found = _goes_on(doc, quote, previous, turns) or found
    if found is None or (found.speaker is None and found.mention is None):
        found = _ranked(doc, quote, found)
    found = without_outlet(doc.people, found)  # an outlet reports, it does not speak
    own = self_named(doc.people, quote) if found is None or _guessed(found) else None
    if own is not None:
        found = Attribution(own, None, None, "self-named", None, None, None, None, "none",
                            None, None, "organisation", SENTENCE_CONFIDENCE,
                            (f"{own}: the statement's own subject",))
    if found is None:
        return None
    return with_medium(doc.text, found, quote, doc.table, next_start)


def _own_attribution(doc: Document, quote: Quote, bounds: tuple[int, int],
                     previous: tuple[Quote, Attribution] | None) -> Attribution | None:
    """A statement's attribution by its own words: the speech verb of its clause, the
    reported speech its introduction goes on with ("Daran müsse sich auch die Ministerin
    halten: „…“"), else the ordered rules."""
    prev_end, next_start = bounds
    intro = words_between(doc.tokens, doc.starts, max(prev_end, _sentence_start(
        doc.text, quote.open_at, doc.table)), quote.open_at)
    return _clause_verb(doc, quote, prev_end) or _reported(doc, intro, previous) or \
        attribute_one(doc, quote, prev_end, next_start)


def _goes_on(doc: Document, quote: Quote, previous: tuple[Quote, Attribution],
             turns: Turns) -> Attribution | None:
    """How a quote without an attribution of its own goes on from the one before: the turn
    it takes in an exchange, in the paragraphs after it too where nobody else is named
    between; else the same speaker's words, where it continues that quote."""
    if _continues(doc, previous, quote):
        return turn(doc.people, quote, turns) or replace(previous[1], method="continues-previous")
    gap = doc.text[previous[0].outer_end : quote.open_at]
    named = {doc.people.full_name(m.name, m.start)
             for m in mentions_in(doc.people, previous[0].outer_end, quote.open_at)}
    if len(gap) <= CONTINUATION_GAP and named <= {s for s, _ in turns[-2:]}:
        return turn(doc.people, quote, turns)
    return None


def _guessed(found: Attribution) -> bool:
    """Did no rule name the speaker: nobody, a continuation, the ranking's best guess?"""
    return found.speaker is None or found.method.startswith(("continues-previous", "context")) \
        or found.method.endswith(("ranked", "+implicit", "+statement", "+unnamed"))


def _ranked(doc: Document, quote: Quote, found: Attribution | None) -> Attribution | None:
    """No rule named anyone: the best-ranked person named before the quote, with low
    confidence; a partial quote inside a reporting sentence takes the person it names."""
    query = Query(quote.open_at, "none", None, doc.people.asked)
    method = f"{found.method}+ranked" if found else "ranked"
    who = with_archive(doc.people, ranked(doc.people, query, method,
                                          skip=lambda name: addressed(quote.text, name)), "")
    if who.name is None:
        return found
    if found is None:
        found = Attribution(None, None, None, method, None, None, None, None, "none", None)
    return replace(found, speaker=who.name, author_handle=who.handle, method=who.method,
                   speaker_kind=who.kind, confidence=who.confidence, chain=who.chain)


def _continues(doc: Document, previous: tuple[Quote, Attribution], quote: Quote) -> bool:
    """Does `quote` go on from the previous one: in the same paragraph with nobody else
    named between, or right after it with nothing but a paragraph break between
    ("…!“\n\n„Bitte …")?"""
    before, found = previous
    gap = doc.text[before.outer_end : quote.open_at]
    if not gap.strip(" \t\r\n.,;:–—-"):
        return True
    # People named in the previous quote's own attribution sentence ("…,” Jane said
    # after meeting Max.) do not interrupt; one named in a sentence after it does.
    after = before.outer_end
    if found.phrase_end is not None and found.phrase_end > after:
        after = found.phrase_end + len(up_to_loose_sentence_end(
            doc.text[found.phrase_end : quote.open_at]))
    others = [m for m in mentions_in(doc.people, after, quote.open_at)
              if doc.people.full_name(m.name, m.start) != found.speaker]
    return len(gap) <= CONTINUATION_GAP and "\n" not in gap and not others
