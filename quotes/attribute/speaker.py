"""From the words that name a speaker to the speaker: a name made the fullest the document
gives, a pronoun, clitic or role ranked against the people named before it, and the
archive's author where it knows the person; with the speaker's kind, a confidence and the
chain of steps from mention to name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from quotes.attribute.bodies import body_titled, named_before
from quotes.attribute.described import names_a_noun
from quotes.attribute.lexicon import is_first_name
from quotes.attribute.people import Name, PeopleIndex
from quotes.attribute.persons import Mention, kind_of, link_word
from quotes.attribute.ranking import (
    MAX_BACK_CHARS,
    Candidate,
    Query,
    is_complement,
    mentions_in,
    rank,
    role_gender,
)
from quotes.attribute.rolenames import named_in_role
from quotes.lang import is_role, is_spokesperson
from quotes.models import Quote

# Confidence in a speaker the attribution names outright (a name, not a pronoun or role).
NAMED_CONFIDENCE = 0.9
# Confidence in the organisation a body's noun or a statement is taken to stand for.
ORGANISATION_CONFIDENCE = 0.5
# How far before a spokesperson's role its article and organisation are read (characters).
_BEFORE_CHARS = 40
# How many function words may link a body's noun to its name ("ministerie van de …").
_OWNER_LINKS = 2
# How far (characters) either side of a quote a statement noun makes it a statement's.
_STATEMENT_CONTEXT = 80
# How many words a quote's opening address may hold ("Senator Shaheen,").
_VOCATIVE_WORDS = 3
# How far before a pronoun an unnamed spokesperson it stands for is looked for.
_ANTECEDENT_CHARS = 200
# How far before a spokesperson's role the same unnamed one may have been introduced.
_ROLE_ANTECEDENT_CHARS = 1000
# How far after a body's noun its name may stand in apposition (characters).
_APPOSED_CHARS = 80
# Marks that part a body's noun from an organisation named before it.
_BREAKS = ".!?,;:\"“”„«»"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    handle: str | None
    method: str
    kind: str = "unknown"
    confidence: float = 0.0
    chain: tuple[str, ...] = ()


def speaker_of(people: PeopleIndex, quote: Quote, name: Name | None, method: str) -> Speaker:
    """Who `name` (found by the rule `method`) stands for."""
    if name is None:
        return Speaker(None, None, method)
    if name.kind == "unnamed" or _unnamed_spokesperson_or_pronoun(people, name):
        # "sagte eine Verdi-Sprecherin", "a spokeswoman said … She added": the passage
        # names nobody; the organisation is no more the speaker than its other staff.
        return Speaker(None, None, f"{method}+unnamed", chain=(f"{name.text}: unnamed",))
    if name.kind == "role":
        name = named_in_role(name, people.table) or body_titled(people, name) or name
    if name.kind == "name":
        full = people.full_name(name.text, quote.open_at)
        if names_a_noun(people, full):  # "benadrukt de Bosschenaar": nobody named
            return Speaker(None, None, f"{method}+unnamed", chain=(f"{name.text}: a noun",))
        steps = [f"{name.text}: named"]
        if full != name.text:
            steps.append(f"{full}: fullest name in the document")
        found = Speaker(full, None, method, people.kind(full), NAMED_CONFIDENCE, tuple(steps))
    elif name.kind == "statement":
        found = _statement_of(people, name, method)
    elif name.kind == "organisation":
        found = _organisation(people, name, method)
    else:
        found = ranked(people, Query(name.start, name.kind, name.text, people.asked),
                       f"{method}+{name.kind}", (f"{name.text}: {name.kind}",),
                       skip=lambda candidate: addressed(quote.text, candidate))
    return with_archive(people, found, name.text)


def _statement_of(people: PeopleIndex, name: Name, method: str) -> Speaker:
    """Whose a statement is that speaks on its own ("…», añade el comunicado"): it goes on
    from the one quoted last; where nobody was, an organisation's, as a body's noun."""
    if not people.spoken:
        return _organisation(people, replace(name, kind="organisation"), method)
    last = people.spoken[-1]
    return Speaker(last, None, f"{method}+statement", people.kind(last),
                   ORGANISATION_CONFIDENCE, (f"{name.text}: statement", f"{last}: quoted last"))


def _unnamed_spokesperson_or_pronoun(people: PeopleIndex, name: Name) -> bool:
    """Is `name` an unnamed spokesperson, or a pronoun standing for one?"""
    if name.kind == "role":
        return unnamed_spokesperson(people, name) or _unnamed_antecedent(people, name)
    return name.kind == "pronoun" and _unnamed_antecedent(people, name)


def _introduced_unnamed(people: PeopleIndex, role: Name, spokesperson: bool) -> bool:
    """Is `role` where someone unnamed is introduced: a spokesperson as
    `unnamed_spokesperson` says, any other role right after an indefinite article ("un
    vecino … señaló el vecino"), not inside a quote ("c'est un ministre du gouvernement")?"""
    if spokesperson:
        return unnamed_spokesperson(people, role)
    return role.start not in people.quoted and _after_indefinite(people, role,
                                                                 over_capitals=False)


def unnamed_spokesperson(people: PeopleIndex, name: Name) -> bool:
    """"een woordvoerder", "a spokeswoman", "eine Sprecherin": a spokesperson not named
    before (an indefinite article), who speaks for an organisation."""
    # "een woordvoerder", and "a Pentagon spokesman": capitalized words may come between.
    return is_spokesperson(name.text.split()[0], people.table) and _after_indefinite(
        people, name, over_capitals=True)


def _after_indefinite(people: PeopleIndex, name: Name, *, over_capitals: bool) -> bool:
    """Does an indefinite article stand right before `name` ("un vecino"), or, with
    `over_capitals`, before the capitalized words right before it ("a Pentagon
    spokesman")?"""
    indefinites = people.table.indefinites
    before = people.text[max(0, name.start - _BEFORE_CHARS) : name.start].split()
    while over_capitals and len(before) > 1 and before[-1][:1].isupper() \
            and before[-1].casefold() not in indefinites:
        before.pop()
    return bool(before) and before[-1].casefold() in indefinites


def _unnamed_antecedent(people: PeopleIndex, reference: Name) -> bool:
    """Does the pronoun or role (`reference`) stand for an unnamed spokesperson before it,
    of its gender, with no person opening a sentence between ("so eine Sprecherin, habe
    Faeser …, und sie erklärte"; "A spokeswoman said … She added"), a role for one it was
    introduced with ("teilte ein Polizeisprecher mit … so der Sprecher")?"""
    table = people.table
    head = reference.text.casefold() if reference.kind == "role" else None
    lo = max(0, reference.start - (_ROLE_ANTECEDENT_CHARS if head else _ANTECEDENT_CHARS))
    wanted = table.pronoun_genders.get(reference.text.casefold())
    spokesperson = head is None or is_spokesperson(reference.text.split()[0], table)
    found = None
    for word in re.finditer(r"[\w-]+", people.text[lo : reference.start]):
        role = Name(word.group(), lo + word.start(), lo + word.end(), "role")
        gender = role_gender(role.text, table) or "m"
        if head is not None and not role.text.casefold().endswith(head):
            continue
        if _introduced_unnamed(people, role, spokesperson) and (
                wanted is None or gender in wanted):
            found = role
    return found is not None and not any(
        m.subject and people.person_at(m.start)
        for m in mentions_in(people, found.end, reference.start))


def _organisation(people: PeopleIndex, name: Name, method: str) -> Speaker:
    """The organisation a body's common noun ("the ministry") stands for: among the
    organisations named before, the first ranked one holding the noun, else the first
    ranked one; or nobody."""
    steps = (f"{name.text}: organisation",)
    own = _own_organisation(people, name) or _owner_named(people, name) \
        or _apposed_body(people, name) or named_before(people, name, _owner_named)
    if own is not None:
        return Speaker(own, None, f"{method}+organisation", "organisation",
                       ORGANISATION_CONFIDENCE,
                       (*steps, f"{own}: named beside it"))
    candidates = rank(people, Query(name.start, "role", name.text, people.asked))
    ranked_orgs = _ranked_bodies(people, name, candidates)
    noun = name.text.casefold()
    holding = [c for c in ranked_orgs if noun in c.name.casefold()]
    for candidate in (holding or ranked_orgs)[:1]:
        return Speaker(candidate.name, None, f"{method}+organisation", candidate.kind,
                       candidate.confidence, (*steps, f"{candidate.name}: organisation"))
    known = _known_organisation(people, name.start)
    if known is not None:
        return Speaker(known, None, f"{method}+organisation", "organisation",
                       ORGANISATION_CONFIDENCE, (*steps, f"{known}: organisation named most"))
    return _unlisted(people, name, method, steps, candidates)


def _ranked_bodies(people: PeopleIndex, name: Name, candidates: list[Candidate]
                   ) -> list[Candidate]:
    """The ranked candidates a body's noun may stand for: organisations, and ones that spoke
    before and look like no person (a company the tables do not list: "AT&T said … The
    company added"). Not a body named only as a preposition's complement ("a denúncia do
    Sindicato"): the one speaking is the subject of some sentence; unless no other body is
    named ("funcionário da empresa Varsko Transportes" … "a empresa afirmou"), for a body's
    noun (a statement has its own fallback, `_unlisted`)."""
    bodies = [c for c in candidates if c.kind == "organisation" or (
        c.name in people.speakers and not _person_like(c.name))]
    subjects = [c for c in bodies if not _only_complement(people, c.name, name.start)]
    if subjects or name.text.casefold() in people.table.statement_nouns:
        return subjects
    return bodies


def _unlisted_body(people: PeopleIndex, name: str, before: int) -> bool:
    """Is `name` a sentence's subject before `before`, written whole, that shows nothing of
    a person: no first name, and no role or honorific before any of its mentions ("Wali
    Kota Budi Varsko")?"""
    named = _mentions_of(people, name, before)
    return not _person_like(name) and any(m.subject and m.name == name for m in named) \
        and not any(_titled(people, m.start) for m in named)


def _titled(people: PeopleIndex, start: int) -> bool:
    """Does a role or honorific, of one or two words, stand right before `start`?"""
    before = people.folded[max(0, start - _BEFORE_CHARS) : start].split()
    return any(is_role(" ".join(before[-k:]), people.table) for k in (1, 2) if len(before) >= k) \
        or any(w in people.table.title_genders for w in before[-1:])


def _only_complement(people: PeopleIndex, name: str, before: int) -> bool:
    """Is every mention of `name` before `before` a preposition's complement?"""
    named = _mentions_of(people, name, before)
    return bool(named) and all(is_complement(people, m) for m in named)


def _mentions_of(people: PeopleIndex, name: str, before: int) -> list[Mention]:
    """The mentions of the person or body `name` within reach before `before`."""
    return [m for m in mentions_in(people, max(0, before - MAX_BACK_CHARS), before)
            if people.full_name(m.name, m.start) == name]


def _unlisted(people: PeopleIndex, name: Name, method: str, steps: tuple[str, ...],
              candidates: list[Candidate]) -> Speaker:
    """No organisation the tables list named: a company the text makes a sentence's
    subject ("Varskotech reiteró en un comunicado …" … "la empresa añadió"); else a body
    the text names by its noun alone ("la gendarmerie précise", "zegt de politie") speaks
    as the text names it; a statement is the best-ranked candidate's that looks like no
    person, a company the tables do not list ("Varskotech …", said the statement)."""
    body = next((c for c in candidates if _unlisted_body(people, c.name, name.start)), None)
    if body is not None:
        return Speaker(body.name, None, f"{method}+organisation", "organisation",
                       body.confidence, (*steps, f"{body.name}: subject, no person"))
    statement = name.text.casefold() in people.table.statement_nouns
    before = people.folded[max(0, name.start - _BEFORE_CHARS) : name.start].split()[-1:]
    definite = bool(before) and before[0] in people.table.definite_articles  # not "a council"
    if name.kind == "organisation" and name.text.islower() and definite and not statement:
        return Speaker(name.text, None, f"{method}+organisation", "organisation",
                       ORGANISATION_CONFIDENCE, (*steps, "no organisation named"))
    for candidate in [c for c in candidates if statement and not _person_like(c.name)][:1]:
        return Speaker(candidate.name, None, f"{method}+statement", "organisation",
                       ORGANISATION_CONFIDENCE, (*steps, f"{candidate.name}: no person's name"))
    return Speaker(None, None, f"{method}+unnamed", chain=(*steps, "no organisation named"))


def self_named(people: PeopleIndex, quote: Quote) -> str | None:
    """The body a statement names as its own subject at its opening, in the third person as
    press releases do ("Interjet lamenta …", dice un comunicado; "A Prefeitura de Limeira
    foi surpreendida …" after "a nota enviada"): a name the text gives before the quote, no
    person's, then a lowercase word; a statement noun beside the quote."""
    around = people.folded[max(0, quote.open_at - _STATEMENT_CONTEXT) : quote.open_at].split()
    around += people.folded[quote.outer_end : quote.outer_end + _STATEMENT_CONTEXT].split()
    if not any(w.strip(".,;:") in people.table.statement_nouns for w in around):
        return None
    body = quote.text.lstrip(" \"'“”„«»‘’")
    article, _, rest = body.partition(" ")
    if article.casefold() in people.table.definite_articles:
        body = rest
    for m in reversed(people.mentions[: bisect_left(people.mention_starts, quote.open_at)]):
        after = body[len(m.name) :]
        if body.startswith(m.name) and after[:1] == " " and after[1:2].islower():
            full = people.full_name(m.name, m.start)
            return None if _person_like(full) else full
    return _opening_body(people, body)


def _opening_body(people: PeopleIndex, body: str) -> str | None:
    """The organisation a statement opens with, named nowhere before ("A Secretaria de
    Estado de Polícia Militar informa que …", says a statement): capitalized words, the
    function words between them, that the table tells an organisation by, then a lowercase
    word."""
    table = people.table
    words = body.split()
    k = 0
    while k < len(words) and (words[k][:1].isupper() or (
            k > 0 and words[k] in table.stopwords and k + 1 < len(words)
            and words[k + 1][:1].isupper())):
        k += 1
    name = " ".join(words[:k])
    capitals = " ".join(w for w in words[:k] if w[:1].isupper())
    if not k or k == len(words) or not words[k][:1].islower() or _person_like(capitals) \
            or kind_of(name, table) != "organisation":
        return None
    return name


def _person_like(name: str) -> bool:
    """Does a candidate look like a person: a first name in it? A company the tables do
    not list ("Varskotech", "AT&T") does not."""
    return any(is_first_name(w) for w in name.split())


def _own_organisation(people: PeopleIndex, name: Name) -> str | None:
    """An organisation named right before a body's noun, as whose it is ("the Varsko
    Foundation board"); a body's noun joined to its owner names the body ("het
    CDA-bestuur")."""
    owner, hyphen, _ = name.text.rpartition("-")
    if hyphen and owner[:1].isupper() and name.kind == "organisation":
        return name.text
    lo = name.start - _BEFORE_CHARS
    for m in people.mentions[bisect_left(people.mention_starts, lo):]:
        if m.start > name.end:
            break
        between = people.text[m.end : name.start]
        if m.kind == "organisation" and lo <= m.start and m.end <= name.end + 1 \
                and not any(c in _BREAKS for c in between):
            return people.full_name(m.name, m.start)
    return None


def _owner_named(people: PeopleIndex, name: Name) -> str | None:
    """Whose the body is, named right after it: "het ministerie van Fictieve Zaken" → the
    body's full name."""
    table = people.table
    for m in people.mentions[bisect_left(people.mention_starts, name.end):]:
        between = people.text[name.end : m.start].split()
        # "a assessoria do senador Varsko": a role may title the owner.
        if len(between) > _OWNER_LINKS or not between or not all(
                link_word(w.casefold(), table) or is_role(w, table) for w in between):
            return None
        if between[0].casefold() in table.prepositions:
            return people.text[name.start : m.end]
        return None
    return None


def _apposed_body(people: PeopleIndex, name: Name) -> str | None:
    """The body's name set after its noun by a comma, in the same sentence ("la società
    tirata in ballo dal sindacato, la Varsella Italy"): no person's name."""
    at = bisect_left(people.mention_starts, name.end)
    if at == len(people.mentions):
        return None
    m = people.mentions[at]
    between = people.text[name.end : m.start]
    if len(between) > _APPOSED_CHARS or any(c in between for c in ".!?\n\"“”«»„"):
        return None
    _, comma, tail = between.rpartition(",")
    article = tail.split()
    # An article opens the name ("…, la Varsella Italy"), not a place's ("…, Bolivia").
    if not comma or len(article) != 1 \
            or article[0].casefold() not in people.table.definite_articles:
        return None
    full = people.full_name(m.name, m.start)
    return None if _person_like(full) else full


def _known_organisation(people: PeopleIndex, before: int) -> str | None:
    """The organisation of the language table named most often in the stretch ranking
    reads before `before` (the latest on a tie), as the text writes it: acronyms ("NOS",
    "KNVB") are no mentions."""
    counts: dict[str, tuple[int, int, str]] = {}
    lo = max(0, before - MAX_BACK_CHARS)
    for org in people.table.organisations:
        pattern = re.compile(rf"(?<!\w){re.escape(org)}(?!\w)")
        found = [m.start() for m in pattern.finditer(people.folded, lo, before)]
        if found:
            at = found[-1]
            counts[org] = (len(found), at, people.text[at : at + len(org)])
    if not counts:
        return None
    return max(counts.values())[2]


def ranked(
    people: PeopleIndex, query: Query, method: str, steps: tuple[str, ...] = (),
    skip: Callable[[str], bool] | None = None,
) -> Speaker:
    """The best-ranked candidate for `query` (not one `skip` rules out), or nobody where
    the document names nobody."""
    candidates = [c for c in rank(people, query) if (skip is None or not skip(c.name))
                  and not _body_for_person(people, query, c)]
    if not candidates:
        return Speaker(None, None, method, chain=(*steps, "nobody named before"))
    best = candidates[0]
    why = f"{best.name}: {', '.join(best.reasons) or 'only candidate'}"
    return Speaker(best.name, None, method, best.kind, best.confidence, (*steps, why))


def _body_for_person(people: PeopleIndex, query: Query, candidate: Candidate) -> bool:
    """Is the candidate an organisation or place where a role stands for a person ("de
    burgemeester", "la préfète", not "a spokeswoman")? The role's holder then goes
    unnamed."""
    return query.hint == "role" and candidate.kind == "organisation" and not (
        query.word and is_spokesperson(query.word.split()[0], people.table))


def addressed(quote: str, name: str | None) -> bool:
    """Does the quote open by addressing the person ("Senator Shaheen, …", "Ajá Margarita,
    …", "Herr Lindner, bleiben Sie …")? Then they are spoken to, not speaking."""
    head, comma, _ = quote.lstrip(" \"'“”„«»‘’").partition(",")
    words = head.split()
    if name is None or not comma or not 0 < len(words) <= _VOCATIVE_WORDS:
        return False
    return any(w[:1].isupper() and w in words for w in name.split())


def with_archive(people: PeopleIndex, found: Speaker, mention: str) -> Speaker:
    """The archive's author for the speaker, where it knows the person."""
    if found.name is None or people.resolve is None:
        return found
    resolved = people.resolve(found.name) or people.resolve(mention)
    if resolved is None:
        return found
    handle, display = resolved
    return Speaker(display, handle, found.method, "person", found.confidence,
                   (*found.chain, f"@{handle}: archive author {display}"))
