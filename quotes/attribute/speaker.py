"""From the words that name a speaker to the speaker: a name made the fullest the document
gives, a pronoun, clitic or role ranked against the people named before it, and the
archive's author where it knows the person; with the speaker's kind, a confidence and the
chain of steps from mention to name."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from quotes.attribute.people import Name, PeopleIndex
from quotes.attribute.persons import link_word
from quotes.attribute.ranking import MAX_BACK_CHARS, Query, mentions_in, rank, role_gender
from quotes.lang import is_spokesperson
from quotes.models import Quote

# Confidence in a speaker the attribution names outright (a name, not a pronoun or role).
NAMED_CONFIDENCE = 0.9
# Confidence in the organisation an unnamed spokesperson is taken to speak for.
SPOKESPERSON_CONFIDENCE = 0.5
# How far before a spokesperson's role its article and organisation are read (characters).
_BEFORE_CHARS = 40
# How many function words may link a body's noun to its name ("ministerie van de …").
_OWNER_LINKS = 2
# How far before a pronoun an unnamed spokesperson it stands for is looked for.
_ANTECEDENT_CHARS = 200
# Marks that part a spokesperson from an organisation named before it.
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
    if name.kind == "unnamed":
        return Speaker(None, None, f"{method}+unnamed", chain=(f"{name.text}: unnamed",))
    if name.kind == "name":
        full = people.full_name(name.text, quote.open_at)
        steps = [f"{name.text}: named"]
        if full != name.text:
            steps.append(f"{full}: fullest name in the document")
        found = Speaker(full, None, method, people.kind(full), NAMED_CONFIDENCE, tuple(steps))
    elif name.kind == "organisation" or (name.kind == "role"
                                         and unnamed_spokesperson(people, name)):
        found = _organisation(people, name, method)
    elif name.kind == "pronoun" and (stands_for := _unnamed_antecedent(people, name)):
        found = _organisation(people, stands_for, method)
    else:
        found = ranked(people, Query(name.start, name.kind, name.text, people.asked),
                       f"{method}+{name.kind}", (f"{name.text}: {name.kind}",))
    return with_archive(people, found, name.text)


def unnamed_spokesperson(people: PeopleIndex, name: Name) -> bool:
    """"een woordvoerder", "a spokeswoman", "eine Sprecherin": a spokesperson not named
    before (an indefinite article), who speaks for an organisation."""
    table = people.table
    spokesperson = is_spokesperson(name.text.split()[0], table)
    # "een woordvoerder", and "a Pentagon spokesman": capitalized words may come between.
    before = people.text[max(0, name.start - _BEFORE_CHARS) : name.start].split()
    while len(before) > 1 and before[-1][:1].isupper() \
            and before[-1].casefold() not in table.indefinites:
        before.pop()
    return spokesperson and bool(before) and before[-1].casefold() in table.indefinites


def _unnamed_antecedent(people: PeopleIndex, pronoun: Name) -> Name | None:
    """An unnamed spokesperson shortly before the pronoun, of its gender, with no person
    opening a sentence between ("so eine Sprecherin, habe Faeser …, und sie erklärte"; "A
    spokeswoman said … She added"): the one the pronoun stands for."""
    table = people.table
    lo = max(0, pronoun.start - _ANTECEDENT_CHARS)
    wanted = table.pronoun_genders.get(pronoun.text.casefold())
    found = None
    for word in re.finditer(r"[\w-]+", people.text[lo : pronoun.start]):
        role = Name(word.group(), lo + word.start(), lo + word.end(), "role")
        gender = role_gender(role.text, table) or "m"
        if unnamed_spokesperson(people, role) and (wanted is None or gender in wanted):
            found = role
    if found is None or any(m.subject and people.person_at(m.start)
                            for m in mentions_in(people, found.end, pronoun.start)):
        return None
    owner = next(iter(mentions_in(people, found.end, found.end + _BEFORE_CHARS)), None)
    between = people.text[found.end : owner.start].split() if owner else []
    if owner is None or not between or not all(link_word(w.casefold(), table)
                                               for w in between):
        return found
    # "a spokeswoman for Brightwater Foods", "eine Sprecherin der Fiktiva Bank": whose she
    # is, as the role's own words.
    return Name(f"{found.text} {' '.join(between)} {owner.name}", found.start, owner.end, "role")


def _organisation(people: PeopleIndex, name: Name, method: str) -> Speaker:
    """The organisation an unnamed spokesperson, or a body's common noun ("the ministry"),
    speaks for: among the organisations named before, the first ranked one holding the
    noun, else the first ranked one; or nobody."""
    kind = "spokesperson" if name.kind == "role" else "organisation"
    steps = (f"{name.text}: {kind}",)
    own = _own_organisation(people, name) or _owner_named(people, name)
    if own is not None:
        return Speaker(own, None, f"{method}+{kind}", "organisation", SPOKESPERSON_CONFIDENCE,
                       (*steps, f"{own}: named beside it"))
    ranked_orgs = [c for c in rank(people, Query(name.start, "role", name.text, people.asked))
                   if c.kind == "organisation"]
    noun = name.text.casefold()
    holding = [c for c in ranked_orgs if noun in c.name.casefold()]
    for candidate in (holding or ranked_orgs)[:1]:
        return Speaker(candidate.name, None, f"{method}+{kind}", candidate.kind,
                       candidate.confidence, (*steps, f"{candidate.name}: organisation"))
    known = _known_organisation(people, name.start)
    if known is not None:
        return Speaker(known, None, f"{method}+spokesperson", "organisation",
                       SPOKESPERSON_CONFIDENCE, (*steps, f"{known}: organisation named most"))
    return Speaker(None, None, f"{method}+unnamed", chain=(*steps, "no organisation named"))


def _own_organisation(people: PeopleIndex, name: Name) -> str | None:
    """An organisation named right beside the spokesperson, as whose it is ("a Pentagon
    spokesman", "una portavoz de la Casa Blanca" as the role's own words)."""
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
    """Whose the spokesperson or body is, named right after it: "a spokesperson for
    Varskotech" → Varskotech; "het ministerie van Fictieve Zaken" → the body's full name."""
    if name.kind == "role":
        owner = [w for w in name.text.split()[1:] if w[:1].isupper()]
        return " ".join(owner) or None
    table = people.table
    for m in people.mentions[bisect_left(people.mention_starts, name.end):]:
        between = people.text[name.end : m.start].split()
        if len(between) > _OWNER_LINKS or not between or not all(
                link_word(w.casefold(), table) for w in between):
            return None
        if between[0].casefold() in table.prepositions:
            return people.text[name.start : m.end]
        return None
    return None


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
    people: PeopleIndex, query: Query, method: str, steps: tuple[str, ...] = ()
) -> Speaker:
    """The best-ranked candidate for `query`, or nobody where the document names nobody."""
    candidates = rank(people, query)
    if not candidates:
        return Speaker(None, None, method, chain=(*steps, "nobody named before"))
    best = candidates[0]
    why = f"{best.name}: {', '.join(best.reasons) or 'only candidate'}"
    return Speaker(best.name, None, method, best.kind, best.confidence, (*steps, why))


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
