"""The people of one document: the names it mentions, to tell names from capitalized words
and to resolve pronouns, roles and surnames to the person meant."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import pairwise

from quotes.attribute.apposition import opens_as_subject, titles
from quotes.attribute.lexicon import is_first_name
from quotes.attribute.namewords import (
    after_reporting,
    bare_words,
    capital_names,
    capitals_after_verb,
    inner_acronyms,
    inner_particles,
    surname_particles,
    titled_function_words,
)
from quotes.attribute.openers import openers, opening_subjects
from quotes.attribute.persons import (
    Mention,
    MentionWords,
    SpanSet,
    bracket_links,
    bracketed_acronyms,
    fullest,
    headline_spans,
    introduced_bodies,
    kind_of,
    modifies_role,
    never_a_name,
    owns_role,
    reporting_words,
    titled_person,
    trim_run,
)
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_role
from quotes.models import Attribution

Resolver = Callable[[str], "tuple[str, str] | None"]  # mention -> (handle, display name)


@dataclass(frozen=True, slots=True)
class Name:
    """A person as a window of tokens names them."""

    text: str
    start: int
    end: int
    kind: str  # "name", "pronoun", "role" or "unnamed" ("a council member")


def join(tokens: list[Tok]) -> str:
    return " ".join(t.text for t in tokens)


# A short name in capitals in brackets right after a name: "(SDK)".
_BRACKETED = re.compile(r"\s*\(([A-Z]{2,6})\)")
# How many words a quoted title may hold (« Ushuaïa », "Bild am Sonntag").
_TITLE_WORDS = 5
# How many words an adverbial opening a sentence before a comma may hold ("Berikutnya,",
# "En entrevista,"): the subject may follow it.
_OPENING_WORDS = 2
# An account's handle as one token ("@jane_varsko").
_HANDLE = re.compile(r"@\w{1,30}")
# How far back (characters) the word before a mention is read.
_WORD_BACK = 30
# How far back (characters, words) a role is looked for before a preposition's complement.
_ROLE_BACK = 80
_ROLE_WORDS = 3
# A genitive "s" is looked for only after a stem this long or longer.
_GENITIVE_STEM = 3
# How long a dateline's place may be, before a province in brackets.
_PLACE_CHARS = 40
# What follows a dateline's place: its province in brackets, a day, a month (a year) and
# a dash or an agency.
_DATELINE = re.compile(r"(\s*\([^()\n]{1,30}\))?,\s*\d{1,2}\.?\s+[^\W\d]+\.?(\s+\d{4})?\s*[(–—-]")


def _surnames(mentions: Sequence[Mention]) -> frozenset[str]:
    """The last words of names opening with a first name ("Muster" of "Erika Muster"): a
    word before one at a sentence's start is no part of the name ("Después Muster")."""
    return frozenset(m.name.split()[-1] for m in mentions
                     if " " in m.name and is_first_name(m.name.split()[0]))


def _things(tokens: list[Tok], table: LanguageData) -> tuple[frozenset[int], frozenset[int]]:
    """The starts of capitalized words after an article that makes them a body, place or
    thing ("la Selección", "nel Consiglio"), where the text writes them nowhere without one
    (a surname the text also writes alone is a name after it too); and apart, those of
    words the text writes only after such an article or a definite one, once at least
    after the definite one ("do Remo" … "o Remo", "a Esso"): a club, firm or body, which
    may speak, not a person."""
    if not table.thing_articles:
        return frozenset(), frozenset()
    articled: dict[str, list[int]] = {}
    definite: dict[str, list[int]] = {}
    bare: set[str] = set()
    for a, b in pairwise([t for t in tokens if t.is_word]):
        if b.text[:1].isupper():
            article = a.lower if a.end < b.start <= a.end + 2 else ""
            if article in table.thing_articles:
                articled.setdefault(b.text, []).append(b.start)
            elif article in table.definite_articles:
                definite.setdefault(b.text, []).append(b.start)
            elif not b.sent_start:
                bare.add(b.text)
    return _never_bare(articled, bare | set(definite)), _never_bare(definite, bare, articled)


def _never_bare(articled: dict[str, list[int]], bare: set[str],
                also: dict[str, list[int]] | None = None) -> frozenset[int]:
    """The starts of the words in `articled` (and of the same words in `also`) that are
    not in `bare`."""
    return frozenset(at for word, starts in articled.items() if word not in bare
                     for at in [*starts, *(also or {}).get(word, [])])


def _title_like(quoted: str, table: LanguageData) -> bool:
    """Is a quote's text a short title: a few words, the first capitalized, every one
    capitalized or a function word, no sentence mark?"""
    words = quoted.split()
    return 0 < len(words) <= _TITLE_WORDS and words[0][:1].isupper() and all(
        w[:1].isupper() or w.casefold() in table.stopwords for w in words) and not any(
        c in quoted for c in ".!?,;:")


def _counted(tok: Tok, opening: int) -> int:
    """The count of words opening a sentence, `tok` included; negative stays negative
    (the sentence has named someone)."""
    return opening + 1 if tok.is_word and opening >= 0 else opening


def _acronyms(mentions: Sequence[Mention]) -> frozenset[str]:
    """The initials of people's names of two words or more ("AMLO" for "Andrés Manuel
    López Obrador", "RK" for "Ridwan Kamil") and of any name of three words or more ("LDU"
    for "Liga Deportiva Universitaria"): written alone, they name the same person or body.
    Two words need a first name: "FN" is no person."""
    found = set()
    for m in mentions:
        parts = [p for p in m.name.replace("-", " ").split() if p[:1].isupper()]
        if len(parts) >= 3 or (len(parts) >= 2 and m.kind == "person"
                               and is_first_name(parts[0])):
            found.add("".join(p[0] for p in parts))
    return frozenset(found)


class PeopleIndex:
    """Names mentioned in one document, to tell names from capitalized words and to
    resolve pronouns, roles and surnames to the person meant."""

    def __init__(
        self,
        text: str,
        tokens: list[Tok],
        table: LanguageData,
        resolve: Resolver | None,
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.resolve = resolve
        self.table = table
        self.quoted = SpanSet(quoted)  # the quotes' spans: names inside are not speakers
        # Quotes that are a title ("l’émission « Ushuaïa » considère", "Bild am Sonntag"):
        # their capitalized words name a work, not someone speaking.
        self.quoted_titles = SpanSet([(a, b) for a, b in quoted
                                      if _title_like(text[a:b], table)])
        # The names already found speaking in this document, the latest to speak last.
        self.speakers: dict[str, None] = {}
        self.asked = False  # the statement before the current one asked a question
        self.spoken: list[str] = []  # the speakers of the quotes attributed so far, in order
        self.mentions: list[Mention] = []  # in document order
        # Pronouns and roles opening a sentence, and the names ranking resolved them to.
        self.references: list[Mention] = []
        self.referents: list[str | None] = []
        self._known: dict[str, bool] = {}
        self._full: dict[str, str] = {}
        # Capitalized words seen inside sentences: a sentence's first word is capitalized
        # anyway, so there it counts as a name only if it also appears inside one.
        self.headlines = SpanSet(headline_spans(tokens, table))
        self.inner_capitalized = {
            t.text for t in tokens if t.is_word and not t.sent_start and t.text[:1].isupper()
            and t.start not in self.headlines and t.start not in self.quoted
        }
        self._pending: list[Mention] = []  # lone words, mentions if a name holds them
        self._standalone = frozenset[str]()
        self._reporting = reporting_words(table)
        self._reported = after_reporting(tokens, self._reporting)  # "ujar Epyardi"
        # Capitalized words right after a reporting word ("sagte Scholz", "so Scholz"):
        # where every noun is capitalized, such a lone word is a name all the same.
        self._after_verb = capitals_after_verb(tokens, table, self._reporting) | bare_words(
            tokens, table)
        self._acronyms = frozenset[str]()  # initials of names the document gives: "AMLO"
        self._capital_names = capital_names(text, tokens)  # "MARK EYSKENS": starts of its words
        self._inner_acronyms = inner_acronyms(text, tokens, table)  # "NHS" of "Hospitals NHS Trust"
        self._particles = inner_particles(tokens, table)  # "van der" inside a name
        # "Van der" opening a surname: "liet Van der Plas weten".
        self.surname_particles = surname_particles(tokens, table)
        self.titled = titled_function_words(text, tokens, table)  # "May" of "Mrs May"
        self._openers = openers(tokens, table, self._reporting)
        self._things, self._article_bodies = _things(tokens, table)
        self._subjects = opening_subjects(text, tokens, table, self._reporting, quoted)
        self.mention_words: frozenset[str] = frozenset()
        self._archive_named: set[int] = set()  # starts of words of archive authors' names
        self._bodies = introduced_bodies(tokens, table)  # "la empresa Victoria"
        self._read_mentions(tokens)
        self.links = bracket_links(text, self.mentions)
        self.reference_starts = [r.start for r in self.references]
        self.mention_starts = [m.start for m in self.mentions]
        self._words = MentionWords(self.mentions)  # the mentions by their words, for full_name
        self.mention_words = frozenset(w for m in self.mentions for w in m.name.split())

    def _read_mentions(self, tokens: list[Tok]) -> None:
        """Two passes: the first finds the words the document uses alone, the surnames
        and the initials of its names, which the second uses to cut and take runs."""
        self._collect_mentions(tokens)
        self._standalone = frozenset(
            m.name for m in [*self.mentions, *self._pending] if " " not in m.name
        ) | _surnames(self.mentions)
        self._acronyms = _acronyms(self.mentions) | bracketed_acronyms(
            self.text, tokens, self.mentions)
        self._after_verb |= self._acronyms
        self.mentions, self._pending = [], []
        self._collect_mentions(tokens)
        known = {w for m in self.mentions for w in m.name.split()}
        self.mentions = sorted(
            [*self.mentions, *(m for m in self._pending if m.name in known)],
            key=lambda m: m.start,
        )

    def _collect_mentions(self, tokens: list[Tok]) -> None:
        """Runs of adjacent capitalized words, each a mention if it looks like a name."""
        table = self.table
        run: list[Tok] = []
        subject_slot = True  # nothing but determiners, roles or titles since sentence start
        end = Tok("", "", len(self.text), len(self.text), False, True, False)
        self.references = []
        opening = 0  # words since the sentence's start, while it names no one
        for tok in [*tokens, end]:
            if tok.sent_start:
                self._add_run(run, subject_slot)
                run, subject_slot, opening = [], True, 0
            opening = _counted(tok, opening)
            if subject_slot and tok.is_word and tok.start not in self.quoted:
                self._add_reference(tok)
            if self._name_word(tok, run):
                if run and not self.adjacent(run[-1], tok):
                    self._add_run(run, subject_slot)
                    run, subject_slot = [], False
                run.append(tok)
                continue
            if run:
                self._add_run(run, subject_slot, following=tok)
                run, subject_slot, opening = [], False, -1
            elif tok.text == "," and 0 < opening <= _OPENING_WORDS:
                # "Berikutnya, Jokowi mengajukan …", "En entrevista, el senador Monreal
                # señaló": the subject may follow an adverbial opening the sentence.
                subject_slot = True
            if tok.is_word and tok.lower not in table.stopwords and not is_role(tok.text, table):
                subject_slot = False

    def _name_word(self, tok: Tok, run: list[Tok]) -> bool:
        """A word that may be part of a name: capitalized, no function word; or a particle
        inside the name `run` begins ("Herman van der Zandt")."""
        if run and tok.start in self._particles and self.adjacent(run[-1], tok):
            return True
        if run and tok.start in self._inner_acronyms:
            return True  # "Varsko University Hospitals NHS Trust": one body's name
        if tok.start in self.surname_particles:
            return True
        return tok.is_word and self._capitalized(tok) and (
            tok.lower not in self.table.stopwords or tok.text in self.titled)

    def _add_reference(self, tok: Tok) -> None:
        """A pronoun or role opening its sentence ("Hij wil …", "De premier begint …"):
        the person it stands for is that sentence's subject, resolved when ranking."""
        if tok.lower in self.table.pronouns:
            self.references.append(Mention(tok.start, tok.text, True, "pronoun", tok.end))
        elif is_role(tok.text, self.table):
            self.references.append(Mention(tok.start, tok.text, True, "role", tok.end))

    def _capitalized(self, tok: Tok) -> bool:
        if tok.text.rpartition("-")[2][:1].islower():
            return False  # a compound ending in a common noun: "NOS-items", "VVD-top"
        return (tok.text[:1].isupper() and not tok.text.isupper()) or (
            tok.text.isupper() and len(tok.text) > 1
            and (tok.person or tok.text in self._acronyms or tok.start in self._capital_names
                 or tok.text in self._bodies  # "la compañía LAMIA"
                 or tok.start in self._article_bodies)  # "a PF informou", "selon la CGT"
        )

    def _add_run(self, run: list[Tok], subject_slot: bool, following: Tok | None = None
                 ) -> None:
        if not run or run[0].start in self.quoted or self._dateline(run):
            return
        run = self._person_part(run, following)
        if not run:
            return
        if run[0].start in self.headlines:
            # In a title only words capitalized in the text too, or first names, name.
            named = [self._named_in_headline(t) for t in run]
            if not all(named):
                for k, keep in enumerate(named):
                    if keep and (k == 0 or not named[k - 1]):
                        end = next((j for j in range(k, len(run)) if not named[j]), len(run))
                        self._add_run_words(run[k:end], subject_slot)
                return
        self._add_run_words(run, subject_slot)

    def _person_part(self, run: list[Tok], following: Tok | None) -> list[Tok]:
        """The run without what only qualifies a role: an adjective before a role in it
        ("the French President Emmanuel Macron"); none of it where it is whose the role
        after it is ("Willem II-trainer", "de Franse president")."""
        if len(run) > 1 and modifies_role(self.text, run[0], run[1], self.table):
            run = run[1:]
        if following is not None and (owns_role(self.text, run[-1], following, self.table) or (
                len(run) == 1 and modifies_role(self.text, run[0], following, self.table))):
            return []
        return run

    def _two_surnames(self, run: list[Tok]) -> bool:
        """Is the run two surnames the text each uses alone ("beet Wilders Omtzigt toe":
        the one speaking and the one spoken to), not one name?"""
        return len(run) == 2 and not is_first_name(run[0].text) \
            and self.two_people(run[0].text, run[1].text)

    def _add_run_words(self, run: list[Tok], subject_slot: bool) -> None:
        if self._two_surnames(run):
            self._add_run_words(run[:1], subject_slot)
            self._add_run_words(run[1:], False)
            return
        words = self._name_words(run)
        if not words:
            return
        full, end = join(words), words[-1].end
        if self._genitive(words[-1].text):
            full, end = full[:-1], end - 1  # "Peter Altmeiers Tweet": Peter Altmeier's
        body = (len(words) == 1 and words[0].start in self._article_bodies
                and not self._resolves(full))
        kind = "organisation" if body else self.kind(full)
        mention = Mention(words[0].start, full, subject_slot, kind, end)
        if not self._is_mention(words, mention):
            self._pending.append(mention)
            return
        self.mentions.append(self._untitled(mention, run[0].start))

    def _untitled(self, mention: Mention, run_start: int) -> Mention:
        """`mention`, the subject where the sentence's opening role titles it (from its
        run's start: "Nayib" may be trimmed off "Nayib Bukele"); the role is dropped."""
        last = self.references[-1] if self.references else None
        if last is None or not any(titles(self.text, self.table, last.end, start, mention.end)
                                   for start in {mention.start, run_start}):
            return mention
        self.references.pop()  # a title before the name: "Der Kanzler Olaf Scholz"
        return replace(mention, subject=mention.subject
                       or opens_as_subject(self.text, self.table, last.start))

    def _name_words(self, run: list[Tok]) -> list[Tok]:
        """The words of a capitalized run that name someone."""
        whole = [t for t in run if t.lower not in self.table.stopwords]
        if len(whole) > 1 and self._resolves(join(whole)):
            # An archive author's name, role words and all ("Harbour Analyst"): the role
            # word in it refers to no one else.
            inside = range(run[0].start, run[-1].end)
            self.references = [r for r in self.references if r.start not in inside]
            self._archive_named.update(t.start for t in whole)
            return whole
        if whole and kind_of(join(whole), self.table) == "organisation":
            # "Casa Blanca", "Partai Golkar": no name to cut out of it; but "City Council
            # President Elna Varsko" is a person the body's role titles.
            # "Waka Polresta Solo": a body's office, whose holder is named elsewhere.
            return titled_person(whole, self.table) or ([] if is_role(whole[0].text, self.table)
                                                        else whole)
        keep = frozenset(t.start for t in run if t.text in self.titled
                         or t.start in self.surname_particles)
        return self._cut_to_short_name(trim_run(
            run, self.table, self._standalone, keep=keep,
            complement=self.role_complement(run[0].start), reported=self._reported))

    def _cut_to_short_name(self, words: list[Tok]) -> list[Tok]:
        """The last words of a run whose initials open the short name in brackets after
        it ("Gubernur Sulawesi Barat Suhardi Duka (SDK)": "Suhardi Duka"): the office and
        place before them are none of the name."""
        found = _BRACKETED.match(self.text, words[-1].end) if len(words) > 2 else None
        if found is None:
            return words
        for k in range(len(words) - 1, 1, -1):
            if found.group(1).startswith("".join(t.text[0] for t in words[-k:])):
                return words[-k:]
        return words

    def _genitive(self, word: str) -> bool:
        """A surname the text uses alone, with the genitive "s" ("Altmeiers" where it also
        writes "Altmeier"): the name ends before the "s"."""
        return word.endswith("s") and len(word) > _GENITIVE_STEM and word[:-1] in self._standalone

    def _named_in_headline(self, tok: Tok) -> bool:
        """In a line set in title case, a word is a name only if the text capitalizes it
        elsewhere too, or it is a first name."""
        return tok.text in self.inner_capitalized or is_first_name(tok.text)

    def _dateline(self, run: list[Tok]) -> bool:
        """Does the run open a line as a news dateline's place ("New York, 27 agosto 2019
        - …", "Roma, 3 mar. (Aki) – …"), or stand in brackets after it as its province?
        A place, not a person."""
        line_start = self.text.rfind("\n", 0, run[0].start) + 1
        head = self.text[line_start : run[0].start]
        if not head.strip():
            return _DATELINE.match(self.text, run[-1].end) is not None
        # The province in brackets after the place: "Cernobbio (Co), 6 set. (askanews) –".
        province = head.endswith("(") and "," not in head and len(head) <= _PLACE_CHARS
        return province and self.text.startswith(")", run[-1].end) and _DATELINE.match(
            self.text, run[-1].end + 1) is not None

    def role_complement(self, start: int, *, bodies: bool = True, owner: bool = True) -> bool:
        """Does the word at `start` follow a role or body and a preposition ("ministro degli
        Esteri", "presidenza del Consiglio" after "sottosegretario alla", "ministerie van
        Volksgezondheid")? Then it is what the role is of: a portfolio, body or place. With
        `owner`, also what such a complement is of in turn ("sottosegretario alla
        Presidenza del Consiglio")."""
        lo = max(0, start - _ROLE_BACK)
        before = self.text[lo:start].split()
        if len(before) < 2 or before[-1].casefold() not in self.table.prepositions:
            return False
        for word in reversed(before[-_ROLE_WORDS - 1 : -1]):
            if is_role(word, self.table) or (
                    bodies and word.casefold() in self.table.organisation_words):
                return True
            if not word.islower():  # a name, number or mark: no complement, unless one itself
                at = self.text.rfind(word, lo, start)
                return owner and word.isalpha() and self.role_complement(
                    at, bodies=bodies, owner=False)
        return False

    def _after_function_word(self, start: int) -> bool:
        """Does a function word ("am", "der", "ein") come right before `start`?"""
        before = self.text[max(0, start - _WORD_BACK) : start].split()
        return bool(before) and before[-1].casefold() in self.table.stopwords

    def _is_mention(self, words: list[Tok], mention: Mention) -> bool:
        """Does a run name someone? A first name or entity does, except a lone word opening
        a sentence; a lone capitalized word does where capitals mark names (not German
        nouns) and it does not open a sentence ("Trump had …" opens one; "said Trump" does
        not); where nouns are capitalized, two words need a first name ("Hauptstadt
        Kiew"); an organisation the table knows does."""
        nouns = self.table.capitalizes_nouns
        if len(words) == 1 and self.role_complement(words[0].start, bodies=False):
            return self._resolves(mention.name)  # "presidente del Consiglio": no person
        person = self._has_person(words)
        if len(words) == 1 and words[0].start in self._things and mention.kind != "organisation":
            return self._resolves(mention.name)  # "la Selección", "nel Consiglio"
        lone_name = self._lone_name(words[0])
        several = len(words) >= 2 and (not nouns or person)
        organisation = (mention.kind == "organisation" and not words[0].sent_start
                        and mention.name.casefold() not in self.table.organisation_words)
        return several or person or lone_name or organisation or self._resolves(mention.name)

    def _has_person(self, words: list[Tok]) -> bool:
        """Does a run hold a first name, other than a lone word opening a sentence, or
        one after a function word where nouns are capitalized ("Am Ende komme es …": a
        noun the first-name list also holds)?"""
        if not any(t.person or is_first_name(t.text) for t in words):
            return False
        lone = words[0] if len(words) == 1 else None
        return lone is None or not (lone.sent_start or (
            self.table.capitalizes_nouns and not lone.person
            and self._after_function_word(lone.start)))

    @cached_property
    def folded(self) -> str:
        """The text casefolded letter by letter, as long as the text ("ß" stays), so that
        offsets into it are offsets into the text."""
        return "".join(c if len(f := c.casefold()) != 1 else f for c in self.text)

    @cached_property
    def _mention_ends(self) -> dict[int, Mention]:
        return {m.end: m for m in self.mentions}

    def mention_ending(self, end: int) -> Mention | None:
        """The mention ending at `end`, if one does."""
        return self._mention_ends.get(end)

    def person_at(self, start: int) -> bool:
        """Does a person's name (a mention with a first name) begin at `start`?"""
        i = bisect_left(self.mention_starts, start)
        if i == len(self.mentions) or self.mentions[i].start != start:
            return False
        m = self.mentions[i]
        return m.kind == "person" and is_first_name(m.name.split()[0])

    def two_people(self, first: str, second: str) -> bool:
        """Two words side by side that the document each uses alone or as a surname
        ("Wilders Omtzigt"): two people, not one name."""
        alone = self._standalone
        return first in alone and second in alone

    def _lone_name(self, tok: Tok) -> bool:
        """A capitalized word alone names someone where it does not open a sentence, or
        opens several; where nouns are capitalized, only right after a reporting word."""
        nouns = self.table.capitalizes_nouns
        return (not tok.sent_start or tok.text in self._openers
                or tok.start in self._subjects) and (
            not nouns or tok.text in self._after_verb
        )

    def adjacent(self, a: Tok, b: Tok) -> bool:
        """Only spaces between two tokens (no comma, dash or parenthesis)."""
        return self.text[a.end : b.start].strip() == ""

    def comma_between(self, a: Tok, b: Tok) -> bool:
        return "," in self.text[a.end : b.start]

    def _resolves(self, name: str) -> bool:
        if name not in self._known:
            self._known[name] = bool(self.resolve and self.resolve(name))
        return self._known[name]

    def is_known(self, name: str) -> bool:
        """Known as a person: by the archive, or quoted earlier in this document."""
        return self._resolves(name) or name in self.speakers

    def _named_outright(self, tok: Tok) -> bool:
        """A word of an archive author's name, or an account's handle ("tulis
        @jane_varsko"), which the archive may know."""
        return tok.start in self._archive_named or _HANDLE.fullmatch(tok.text) is not None

    def is_name_token(self, tok: Tok, table: LanguageData) -> bool:
        function_word = tok.lower in table.stopwords and tok.text not in self.titled \
            and tok.start not in self.surname_particles
        if self._named_outright(tok):
            return True
        if not tok.is_word or function_word or is_role(tok.text, table):
            return False
        if tok.person:
            return True
        if self._no_name(tok, table):
            return False
        if tok.sent_start and tok.text not in self.inner_capitalized:
            return (tok.text in self._openers or tok.start in self._subjects
                    or self._resolves(tok.text))
        if table.capitalizes_nouns:
            # German capitalizes every noun: a lone capitalized word is a name only when the
            # document or the archive knows it as one.
            return self._resolves(tok.text) or tok.text in self.mention_words
        return tok.lower not in self._reporting

    def _no_name(self, tok: Tok, table: LanguageData) -> bool:
        """A word in lowercase, a title or a known non-name, or a capital of a title-case
        line the text writes nowhere else ("• Sebut Indonesia Darurat Korupsi, …"), a word of
        a quoted title ("l’émission « Ushuaïa » considère")."""
        return (not self._capitalized(tok) or tok.text in table.titles
                or never_a_name(tok.lower, table) or tok.start in self.quoted_titles
                or (tok.start in self.headlines and not self._named_in_headline(tok)))

    def full_name(self, mention: str, before: int) -> str:
        """The fullest name the document gives the person `mention` names near `before`
        (each name asked once: ranking asks it for every mention near every quote). The
        mentions are in document order, so `fullest` answers with the first longer mention
        holding the name's words wherever it is asked: the answer is the name's, not the
        place's, and a long text of many quotes does not ask it again per quote."""
        if mention not in self._full:
            self._full[mention] = fullest(mention, before, self._words, self.links)
        return self._full[mention]

    def kind(self, name: str) -> str:
        if any(w in self._bodies for w in name.split()):
            return "organisation"
        return kind_of(name, self.table)

    def remember(self, found: Attribution) -> None:
        """A quote was attributed: its speaker is known from now on and speaks last."""
        if found.speaker is not None:
            self.speakers.pop(found.speaker, None)
            self.speakers[found.speaker] = None
            self.spoken.append(found.speaker)
