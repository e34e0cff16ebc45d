"""Who the capitalized runs of a document are: a run cut down to the name inside it
("Steuerexperte Paul Kirchhof" → "Paul Kirchhof"), told a person from an organisation,
and linked to the fullest name the document gives the same person (a surname, a nickname
in brackets, an acronym of the initials: "RK" for "Ridwan Kamil", "Jokowi" for "Joko
Widodo").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from quotes.attribute.compounds import introducing_noun, named_alone
from quotes.attribute.lexicon import is_first_name
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_people_word, is_place, is_role

# A nickname made of the starts of two name words takes at least this much of each.
_NICK_PART = 2
# A word ending in a web domain names a site, not a person.
_DOMAIN = re.compile(r"\w\.(com|net|org|id|co|de|fr|es|it|nl|br|pt|uk|io)$")
# A name word's start this long or longer may stand for it ("Risma", "Radit", "Thoriq").
_SHORT_FORM = 4
# A line of at least this many content words, this share of them capitalized, is a title.
_HEADLINE_WORDS = 4
_HEADLINE_SHARE = 0.8
# How far a nickname or acronym in brackets may follow the full name ("Joko Widodo (Jokowi)").
_BRACKET_GAP = 3
# How long an acronym in brackets after a name may be ("SDK").
_ACRONYM_LETTERS = 6
# How many lowercase words may stand between a body's noun and its name ("la empresa de
# transportes Varskomar").
_BODY_MODIFIER = 2


class SpanSet:
    """Sorted, non-overlapping (start, end) spans, asked whether they hold a position in
    logarithmic time (an article may hold thousands of quotes)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]

    def end_after(self, pos: int, slack: int) -> int:
        """The end of the span holding `pos` or starting at most `slack` after it (a quote
        mark may stand before its text), else `pos`."""
        i = bisect_right(self.starts, pos + slack) - 1
        return self.spans[i][1] if i >= 0 and self.spans[i][1] > pos else pos


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    name: str
    subject: bool  # opens its sentence, after at most determiners, roles and titles
    kind: str = "person"  # or "organisation"
    end: int = 0


def reporting_words(table: LanguageData) -> frozenset[str]:
    """One-word speech verbs and "according to" words: capitalized at a sentence's start
    ("Menurut Daniel", "Volgens Ebbinge"), they are no part of a name."""
    phrases = (*table.speech_verbs, *table.according_to, *table.after_quote)
    return frozenset(p for p in phrases if " " not in p)


def link_word(lower: str, table: LanguageData) -> bool:
    """A word (lowercase) that links a noun or verb to what follows: an article or other
    function word, or a preposition ("de la", "in einer", "of the")."""
    return lower in table.stopwords or lower in table.prepositions


def never_a_name(lower: str, table: LanguageData) -> bool:
    """A word (lowercase) the table knows as no name, or one with an ending no name has
    (an adverb: "igualmente"), or a people's English adjective ("Serbian"), unless it is
    a first name ("Clemente")."""
    return lower in table.not_names or (
        (lower.endswith(table.not_name_endings) or is_people_word(lower))
        and not is_first_name(lower))


def is_title(tok: Tok, table: LanguageData) -> bool:
    """A role, title, honorific or non-person word that may precede a name in its run."""
    return (
        is_role(tok.text, table)
        or tok.text in table.titles
        or tok.text.rstrip(".") in table.titles
        or never_a_name(tok.lower, table)
        or tok.lower in table.stopwords
        or _acronym_compound(tok.text)
    )


class Spanned(Protocol):
    """A token or a name: its text and where it is written."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def owner_compound(tok: Tok, table: LanguageData) -> bool:
    """A role compound whose first part completes the name before it ("Willem II-trainer",
    "Real Madrid-coach"): that name is whose the role is, not a person."""
    head, dash, _ = tok.text.rpartition("-")
    return bool(dash) and head[:1].isupper() and is_role(tok.text, table)


def owns_role(text: str, last: Tok, following: Tok, table: LanguageData) -> bool:
    """Does the role compound `following` go on from the run ending in `last`, or does
    a lowercase role noun after it title a name ("New York governor Andrew Cuomo")?
    Then the run is whose the role is: a place or body, no person."""
    if text[last.end : following.start].strip():
        return False
    if owner_compound(following, table):
        return True
    after = text[following.end : following.end + 2]
    return (following.text.islower() and is_role(following.text, table)
            and after[:1] == " " and after[1:].isupper())


def modifies_role(text: str, word: Spanned, following: Tok, table: LanguageData) -> bool:
    """One capitalized word between an article and a role noun ("de Franse president",
    "the German chancellor", "the Tesla CEO"): an adjective or an owner, no person."""
    if " " in word.text or text[word.end : following.start] != " " or not is_role(
            following.text, table):
        return False
    before = _WORD_BEFORE.search(text, max(0, word.start - 16), word.start)
    return before is not None and (before.group(1).casefold() in table.definite_articles
                                   or before.group(1).casefold() in table.indefinites)


_WORD_BEFORE = re.compile(r"(\w+['’]?) $")


def _acronym_compound(word: str) -> bool:
    """A noun joined to an acronym ("PARTEI-Vorstand", "SPD-Chef"): what a party or body
    has, a title before a name, never part of it ("Kramp-Karrenbauer" has no acronym)."""
    head, dash, tail = word.partition("-")
    return bool(dash) and len(head) >= 2 and head.isupper() and tail[:1].isupper() \
        and not tail.isupper()


def trim_run(
    run: Sequence[Tok], table: LanguageData, standalone: frozenset[str], *,
    complement: bool = False, keep: frozenset[int] = frozenset(),
    reported: frozenset[str] = frozenset(),
) -> list[Tok]:
    """The name inside a capitalized run: roles, titles, honorifics and reporting words
    before it dropped, and words before the first first name ("Democratic Sen. Sheldon
    Whitehouse") or before a word the document uses alone ("Menko … Luhut Pandjaitan" where
    it later says "kata Luhut") dropped too, unless the first word is itself such a word.
    With `complement` (a role and a preposition before the run) its first word is what the
    role is of ("ministro degli Esteri Antonio Tajani"), even where it is a first name too.
    `keep` holds the starts of words that are part of a name here though the table lists
    them as function words ("May" after "Mrs", "Van der" in "Van der Plas"). `reported`
    holds the words the text writes alone right after a reporting word ("ujar Epyardi")."""
    words = _untitled_words(run, table, keep)
    if len(words) < 2:
        return words
    if complement and words[0] is run[0] and (
            is_first_name(words[1].text) or words[1].text in standalone):
        # "degli Esteri Antonio Tajani", "degli Esteri Tajani": "Esteri" is no first name.
        words = words[1:]
        if len(words) < 2:
            return words
    words = words[_name_start(words, standalone, reported) :]
    return _without_noun_after(words, standalone) if table.capitalizes_nouns else words


def _untitled_words(run: Sequence[Tok], table: LanguageData, keep: frozenset[int]
                    ) -> list[Tok]:
    """The words of a run that are no role, title, honorific or reporting word."""
    run = _after_last_title(_after_owner_compound(run, table), table, keep)
    reporting = reporting_words(table)
    # Roles of several words go wherever they stand ("Komisaris Besar", "Wali Kota",
    # "Prime Minister"): one of their words left over is no name.
    phrases = table.not_names | {r for r in table.roles if " " in r}
    kept = _after_organisation(_without_phrases(run, phrases), table.organisations)
    return [t for k, t in enumerate(kept) if t.lower not in reporting and (
        not is_title(t, table) or _inner_particle(kept, k, table) or t.start in keep)]


def titled_person(run: Sequence[Tok], table: LanguageData) -> list[Tok] | None:
    """The person an organisation's role titles inside one run ("City Council President
    Elna Varsko", "Unifor National President Jerry Dias"): the words after the last role or
    title, where they open with a first name (or follow a rank or honorific, which always
    titles a name: "Polda Irjen Bagas Wirandito") and name no organisation themselves."""
    k = max((i for i, t in enumerate(run[:-1]) if t.lower not in table.stopwords
             and (is_role(t.text, table) or t.text in table.titles)), default=None)
    if k is None or not (is_first_name(run[k + 1].text) or run[k].text in table.titles):
        return None
    person = list(run[k + 1 :])
    return person if kind_of(" ".join(t.text for t in person), table) == "person" else None


def _after_owner_compound(run: Sequence[Tok], table: LanguageData) -> Sequence[Tok]:
    """"Hertha BSC-Trainer Jan Varsko": the words before a role compound are whose the
    role is; the name follows it."""
    owned = max((k for k, t in enumerate(run[:-1]) if owner_compound(t, table)), default=-1)
    return run[owned + 1 :]


def _after_last_title(run: Sequence[Tok], table: LanguageData, keep: frozenset[int]
                      ) -> Sequence[Tok]:
    """A rank or honorific inside a run ends what comes before it, the person's office:
    "Kadiv Humas Polri Irjen Setyo Wasisto", "Onondaga County Sheriff Toby Shelley"."""
    k = max((i for i, t in enumerate(run[:-1]) if i > 0 and t.start not in keep
             and (t.text in table.titles or t.text.rstrip(".") in table.titles)), default=None)
    return run if k is None else run[k + 1 :]


def _without_noun_after(words: list[Tok], standalone: frozenset[str]) -> list[Tok]:
    """Where every noun is capitalized, a name of first names and one surname ends there:
    a word after it that the document never uses alone is a noun ("von Staatschef
    Wladimir Putin Stellung genommen")."""
    k = 0
    while k < len(words) and is_first_name(words[k].text):
        k += 1
    if k == 0 or k + 1 >= len(words):
        return words
    end = k + 1
    while end < len(words) and words[end].text in standalone:
        end += 1
    return words[:end]


def _inner_particle(run: Sequence[Tok], k: int, table: LanguageData) -> bool:
    """Is run[k] a particle after a first name, inside a name ("van der" in "Herman van der
    Zandt")?"""
    return (run[k].lower in table.name_particles and k > 0
            and (is_first_name(run[k - 1].text) or _inner_particle(run, k - 1, table))
            and any(not is_title(t, table) for t in run[k + 1 :]))


def _without_phrases(run: Sequence[Tok], phrases: frozenset[str]) -> list[Tok]:
    """`run` without the stretches of two or more words that `phrases` lists ("Tweede
    Kamer", "Truth Social"): one word of such a name left over is no name either."""
    words = list(run)
    k = 0
    while k < len(words) - 1:
        end = next((j for j in range(len(words), k + 1, -1)
                    if " ".join(t.lower for t in words[k:j]) in phrases), None)
        if end is None:
            k += 1
        else:
            del words[k:end]
    return words


def _after_organisation(run: list[Tok], organisations: frozenset[str]) -> list[Tok]:
    """A known organisation opening a run before a first name is whose the person is, not
    part of their name ("della Farnesina Riccardo Guariglia")."""
    for k in range(len(run) - 1, 0, -1):
        if " ".join(t.lower for t in run[:k]) in organisations and is_first_name(run[k].text):
            return run[k:]
    return run


def _name_start(words: Sequence[Tok], standalone: frozenset[str],
                reported: frozenset[str] = frozenset()) -> int:
    """Where the name begins in a run of two or more words."""
    first = [is_first_name(w.text) for w in words]
    cut = 0
    for k in range(1, len(words)):
        # A first name after other words starts the name ("Senate Minority Chuck …",
        # "Angela Merkels Steffen Seibert"), unless one word before it is itself a name
        # the text uses ("Ridwan Kamil" where it also says "kata Ridwan").
        if first[k] and not first[k - 1] and (
            k >= 2 or not (first[0] or words[0].text in standalone)
        ):
            cut = k
    if cut or any(first) or (words[0].text in standalone and not _town_before_name(
            words, reported)):
        return cut
    return _start_without_first_names(words, standalone)


def _town_before_name(words: Sequence[Tok], reported: frozenset[str]) -> bool:
    """Does a town the text also writes alone open the run, before a word the text writes
    alone after a reporting word ("Bupati Solok Epyardi Asda" … "Kabupaten Solok" … "ujar
    Epyardi")? The town is what the office is of, no part of the name."""
    return is_place(words[0].text) and any(w.text in reported for w in words[1:])


def _start_without_first_names(words: Sequence[Tok], standalone: frozenset[str]) -> int:
    """Where a name of no first name begins: at a word the text also uses alone, or whose
    start it uses alone ("Thoriq" for "Bupati Lumajang Thoriqul Haq"); else after a town
    ("Bupati Solok Epyardi Asda", "Commissariato di Viareggio Monteleone"): what an office
    is of."""
    used = next((k for k in range(1, len(words)) if words[k].text in standalone
                 or _short_form_used(words[k].text, standalone)), 0)
    return used or (1 if is_place(words[0].text) else 0)


def headline_spans(tokens: Sequence[Tok], table: LanguageData) -> list[tuple[int, int]]:
    """Lines set in title case ("Jokowi Hadiri Peringatan Hari Pers Nasional"): most of
    their content words capitalized, so a capital there is no sign of a name."""
    spans: list[tuple[int, int]] = []
    line: list[Tok] = []
    for tok in [*tokens, Tok("\n", "\n", 1 << 62, 1 << 62, False, True, False)]:
        if "\n" in tok.text:
            content = [t for t in line if t.is_word and t.lower not in table.stopwords
                       and t.text[:1].isalpha()]
            upper = sum(t.text[:1].isupper() for t in content)
            if len(content) >= _HEADLINE_WORDS and upper >= _HEADLINE_SHARE * len(content) \
                    and not _sentence_inside(line):
                spans.append((line[0].start, line[-1].end))
            line = []
        else:
            line.append(tok)
    return spans


def _sentence_inside(line: Sequence[Tok]) -> bool:
    """Does a sentence end inside the line, words following, or the line end with a
    period (no title does)?"""
    last_word = max((k for k, t in enumerate(line) if t.is_word), default=-1)
    marks = [t.text for t in line if not t.text.isspace()]
    return any(t.text in (".", "!", "?") for t in line[:last_word]) or "." in marks[-2:]


def introduced_bodies(tokens: Sequence[Tok], table: LanguageData) -> frozenset[str]:
    """The words a body's common noun introduces after a determiner ("la empresa
    Victoria", "het bedrijf Knijnenburg", "the airline Skyvarsk"), up to _BODY_MODIFIER
    lowercase words allowed between that end in no function or reporting word and before
    no first name ("la empresa de transportes Varskomar", "la compañía cervecera Varsko",
    not "het kabinet volgens Varsko"): the text names an organisation by them, wherever
    it writes them."""
    found = set()
    alone: frozenset[str] | None = None  # read once, where first needed
    for k, (det, noun) in enumerate(pairwise(tokens)):
        if det.is_word and noun.is_word and det.lower in table.stopwords \
                and introducing_noun(noun, table):
            name = _introduced(tokens, k + 2, table)
            if name is None:
                continue
            if noun.text.islower():
                found.add(name)
                continue
            # "das Unternehmen Ende März": after a capitalized noun, only a name right after
            # it that the text also names alone.
            alone = named_alone(tokens, table) if alone is None else alone
            if tokens[k + 2].text == name and name in alone:
                found.add(name)
    return frozenset(found)


def _introduced(tokens: Sequence[Tok], at: int, table: LanguageData) -> str | None:
    """The capitalized word at `at`, or after up to _BODY_MODIFIER lowercase words from
    there, that a body's noun right before `at` introduces."""
    for gap in range(_BODY_MODIFIER + 1):
        if at + gap >= len(tokens):
            return None
        name = tokens[at + gap]
        if not name.is_word or name.sent_start:
            return None
        if name.text[:1].isupper():
            last = tokens[at + gap - 1].lower
            modified = link_word(last, table) or last in reporting_words(table) \
                or is_first_name(name.text)
            return name.text if not gap or not modified else None
        if not name.text.islower():
            return None
    return None


def kind_of(name: str, table: LanguageData) -> str:
    """"organisation" for a run the table names as one or that holds an organisation word
    ("Partai Golkar", "Casa Blanca"), else "person"."""
    lower = name.casefold()
    words = lower.split()
    if lower in table.organisations or any(w in table.organisation_words for w in words):
        return "organisation"
    if any(_DOMAIN.search(w) for w in words):
        return "organisation"  # a site: "TribunWow.com", "Detik.com"
    if table.capitalizes_nouns and any(  # compounds: "Informationsministerium"
        w.endswith(o) and w != o for w in words for o in table.organisation_words if len(o) >= 5
    ):
        return "organisation"
    return "person"


def nickname_of(short: str, full: str) -> bool:
    """"RK" for "Ridwan Kamil" (initials), "Jokowi" for "Joko Widodo" (word starts),
    "Risma" for "Tri Rismaharini" (the start of one word)."""
    parts = [p for p in full.replace("-", " ").split() if p[:1].isupper()]
    if len(parts) < 2 or " " in short or short in parts:
        return False
    if short.isupper() and len(short) >= 2:
        return short == "".join(p[0] for p in parts) or short == "".join(
            p[0] for p in parts[: len(short)]
        )
    return _short_form(short, parts) or _word_starts(
        short.casefold(), [p.casefold() for p in parts]
    )


def _short_form_used(word: str, used: frozenset[str]) -> bool:
    """Does the text use a short form of `word` alone ("Thoriq" for "Thoriqul")? Its
    starts are looked up, so that a long list of names costs nothing."""
    return any(
        word[:size] in used and _short_form(word[:size], [word])
        for size in range(_SHORT_FORM, len(word) - 1)
    )


def _short_form(short: str, parts: list[str]) -> bool:
    """A short form of one name word: "Risma" for "Tri Rismaharini"; a first name is
    someone else ("John" is not "Boris Johnson")."""
    return len(short) >= _SHORT_FORM and not is_first_name(short) and any(
        len(p) >= len(short) + 2 and p.startswith(short) for p in parts
    )


def _word_starts(short: str, parts: list[str], used: int = 0) -> bool:
    """Is `short` the starts of two or more consecutive name words, each at least
    _NICK_PART letters long?"""
    if not short:
        return used >= 2
    if not parts:
        return False
    head = parts[0]
    for size in range(min(len(head), len(short)), _NICK_PART - 1, -1):
        if short.startswith(head[:size]) and _word_starts(short[size:], parts[1:], used + 1):
            return True
    return False


def bracket_links(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Names given in brackets right after a fuller name: "Joko Widodo (Jokowi)"."""
    links: dict[str, str] = {}
    for a, b in pairwise(mentions):
        between = text[a.end : b.start]
        if between.strip() == "(" and len(between) <= _BRACKET_GAP and " " not in b.name:
            links[b.name] = a.name
    return links


def bracketed_acronyms(text: str, tokens: Sequence[Tok], mentions: Sequence[Mention]
                       ) -> frozenset[str]:
    """All-capital words in brackets right after a person's name that spell it, its first
    initial first ("Suhardi Duka (SDK)", "Ridwan Kamil (RK)"): the person's short name. A
    party or place in brackets ("Lula (PT)") spells no name."""
    people = {m.end: m.name for m in mentions if m.kind == "person" and " " in m.name}
    found = set()
    for tok in tokens:
        word = tok.text
        if not (word.isalpha() and word.isupper() and 2 <= len(word) <= _ACRONYM_LETTERS
                and text.startswith(")", tok.end)):
            continue
        opening = text.rfind("(", 0, tok.start)
        if opening < 0 or text[opening + 1 : tok.start].strip():
            continue
        name = people.get(len(text[:opening].rstrip()))
        if name is not None and _spells(word, name):
            found.add(word)
    return frozenset(found)


def _spells(acronym: str, name: str) -> bool:
    """Are an acronym's letters the name's, in order, the first its first initial?"""
    letters = iter(name.casefold())
    return acronym[0].casefold() == name[0].casefold() and all(
        c in letters for c in acronym.casefold())


class MentionWords:
    """A document's mentions by the casefolded words of their names, so that the mentions
    holding a name are found without reading them all (a list of thousands of names)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self._by_word: dict[str, list[Mention]] = {}
        self._persons: set[str] = set()  # the names the document gives a person
        for m in mentions:  # in document order, so each word's list is too
            for word in set(m.name.casefold().split()):
                self._by_word.setdefault(word, []).append(m)
            if m.kind == "person":
                self._persons.add(m.name)

    def holding(self, name: str) -> list[Mention]:
        """The longer mentions holding all the words of `name` (casefolded: "Van der Plas"
        alone is "Caroline van der Plas"); only people where the document names a person so
        (a person is no body named after them: "Bolsonaro", not "Governo Bolsonaro")."""
        parts = name.casefold().split()
        # Read the mentions of its rarest word: a list of names shares first names.
        rarest = min((self._by_word.get(p, []) for p in parts), key=len, default=[])
        holding = [m for m in rarest if len(m.name) > len(name)
                   and all(p in m.name.casefold().split() for p in parts)]
        if name in self._persons:
            holding = [m for m in holding if m.kind == "person"]
        return holding


def fullest(name: str, at: int, mentions: MentionWords, links: dict[str, str]) -> str:
    """The fullest name the document gives the person `name` stands for near `at`: the
    first longer mention before it holding all its words, else the first one after it,
    through a nickname or acronym where the document links one."""
    linked = links.get(name)
    if linked is not None:
        return fullest(linked, at, mentions, {})
    holding = mentions.holding(name)
    before = [m for m in holding if m.start < at]
    if before:
        # Several people share the word ("José Sarney", his grandson "José Adriano Cordeiro
        # Sarney"): the word alone is the one introduced first, the story's main person.
        return before[0].name
    after = [m for m in holding if m.start >= at]
    if after:
        return after[0].name
    if " " not in name:  # a nickname is one word
        for m in mentions.mentions:
            if nickname_of(name, m.name):
                return m.name
    return name
