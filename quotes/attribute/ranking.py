"""Choosing a speaker among the people a document names, by ranking them.

Where an attribution names nobody outright — a pronoun or clitic ("schrieb er",
"ujarnya"), a role ("le président"), a verb without subject ("…», scrive."), or no
attribution at all — every person named before the point in question is a candidate.
Each is scored on features read from the document (how recently and how often it was
named, as a sentence's subject or first person named in it or not, whether it spoke the
quotes before, in turn with someone else, whether it agrees with the gender and number of
the pronoun, of the article before the role or of the role's feminine ending (a candidate's
gender told by its first name, or by a title or role beside it), whether the role's own
organisation is it (then it is no candidate), whether the role stands beside one of its
mentions, whether the reference's own sentence names it after the reference, whether the
latest mention is a preposition's complement or bears a genitive mark) with
weights fitted on the tuning part of the attribution benchmark (`weights.toml`). The best
candidate is the speaker; its confidence is the softmax of the scores, mapped by the
file's `[confidence]` slope and intercept on the log-odds (fitted so that it matches how
often the top candidate is right), and the features that weighed most are its chain.
"""

from __future__ import annotations

import math
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import islice
from typing import Any
from weakref import WeakKeyDictionary

from quotes.attribute.described import names_a_count, names_a_noun
from quotes.attribute.lexicon import gender, is_first_name
from quotes.attribute.people import PeopleIndex
from quotes.attribute.persons import Mention
from quotes.attribute.placed import (
    after_place_word,
    names_a_street,
    naming_mentions,
    words_before,
    written_as_place,
)
from quotes.attribute.rolewords import role_keys, role_owners
from quotes.lang import LanguageData, is_place, is_role, is_spokesperson

# How far around a mention a role naming the same person is looked for ("Elon Musk, CEO
# von Tesla" … "der Tesla-Chef").
ROLE_NEAR_CHARS = 60
# A sentence's end between a role and a mention: the role is not in apposition to it.
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# Mentions further back than this (characters) are no candidates.
MAX_BACK_CHARS = 3000
# How many of the latest distinct speakers stay candidates when not named within
# MAX_BACK_CHARS: a list of thousands of quotes by as many people must not rank them all
# for every quote.
RECENT_SPEAKERS = 30
# How far after a point that nobody was named before the people named are candidates.
FOLLOWING_CHARS = 400
# How far after a point a quote's text may begin and still be the quote there (its marks).
_MARK_SLACK = 3
# Distance (characters) at which the nearness feature has fallen to 0.
NEAR_CHARS = 600
# Weights used when the shipped file is missing a feature.
DEFAULT_WEIGHTS = {
    "recent": 1.0, "near": 1.0, "subject": 0.6, "count": 0.6, "last_speaker": 1.2,
    "spoke": 0.5, "alternate": 0.0, "same_paragraph": 0.5, "person": 0.8,
    "organisation": -0.5, "agree": 1.5, "role_near": 1.0, "first_named": 0.0, "turn": 0.0,
    "same_clause": 0.0, "complement": 0.0, "other_role": 0.0,
}
# The kinds of reference, each with its own table of weights.
HINTS = ("pronoun", "role", "implicit", "none")
# The table of the weights file holding the confidence's calibration.
CONFIDENCE = "confidence"
# A softmax share is kept this far from 0 and 1 before its log-odds are taken: a lone
# candidate (share 1) is not certain either.
SHARE_EPSILON = 1e-3
# How far before a mention its title or role is read ("Außenministerin", "la ministra").
_TITLE_CHARS = 30
# How many articles, roles and titles may stand between a preposition and its name.
_COMPLEMENT_WORDS = 3
# How long a genitive mark after a name may be ("’s").
_GENITIVE_CHARS = 3
# How far after a pronoun or role its sentence is read for the people it names.
CLAUSE_CHARS = 250


@dataclass(frozen=True, slots=True)
class Query:
    """What is being resolved: the reference at `at`, of which kind."""

    at: int
    hint: str  # "pronoun", "role", "implicit" (a verb without subject) or "none"
    word: str | None = None  # the pronoun or role as written
    answer: bool = False  # the quote before this one asked a question


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    kind: str
    score: float
    confidence: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Weights:
    """The weights file read: hint → feature → weight, and the slope and intercept that
    map a candidate's softmax share, on the log-odds, to its confidence (1 and 0: the
    share itself)."""

    tables: dict[str, dict[str, float]]
    slope: float = 1.0
    intercept: float = 0.0

    def confidence(self, share: float) -> float:
        share = min(max(share, SHARE_EPSILON), 1 - SHARE_EPSILON)
        odds = self.slope * math.log(share / (1 - share)) + self.intercept
        return 1 / (1 + math.exp(-odds)) if odds > 0 else math.exp(odds) / (1 + math.exp(odds))


@cache
def shipped() -> Weights:
    """The shipped `weights.toml`, validated, over the defaults; the defaults alone where
    the file is missing."""
    try:
        text = resources.files(__package__ or "quotes.attribute").joinpath("weights.toml")
        return parse_weights(tomllib.loads(text.read_text("utf-8")))
    except FileNotFoundError:
        return parse_weights({})


def weights() -> dict[str, dict[str, float]]:
    """Hint → feature → weight (the fitting scripts replace this to try other tables)."""
    return shipped().tables


def parse_weights(loaded: Mapping[str, Any]) -> Weights:
    """The weights of a parsed weights file, every feature it leaves out taking
    DEFAULT_WEIGHTS; ValueError for an unknown table or feature, or a value that is no
    finite number (a typo would otherwise silently weigh nothing)."""
    unknown = set(loaded) - {*HINTS, CONFIDENCE}
    if unknown:
        raise ValueError(f"weights file: unknown tables {sorted(unknown)}")
    tables = {}
    for hint in HINTS:
        table = dict(loaded.get(hint, {}))
        wrong = set(table) - set(DEFAULT_WEIGHTS)
        if wrong:
            raise ValueError(f"weights file [{hint}]: unknown features {sorted(wrong)}")
        tables[hint] = {**DEFAULT_WEIGHTS, **{k: _number(f"{hint}.{k}", v)
                                              for k, v in table.items()}}
    calibration = dict(loaded.get(CONFIDENCE, {}))
    wrong = set(calibration) - {"slope", "intercept"}
    if wrong:
        raise ValueError(f"weights file [{CONFIDENCE}]: unknown keys {sorted(wrong)}")
    slope = _number("confidence.slope", calibration.get("slope", 1.0))
    if slope <= 0:  # a higher share must not mean a lower confidence
        raise ValueError(f"weights file: confidence.slope must be positive, not {slope}")
    return Weights(tables, slope, _number("confidence.intercept",
                                          calibration.get("intercept", 0.0)))


def _number(where: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"weights file: {where} is no finite number: {value!r}")
    return float(value)


def rank(people: PeopleIndex, query: Query) -> list[Candidate]:
    """The candidates for `query`, best first (empty where the document names nobody)."""
    groups = _candidate_groups(people, query)
    if not groups:
        return []
    feats = _features(people, query, groups)
    table = weights()[query.hint]
    scored = {name: sum(table.get(k, 0.0) * v for k, v in f.items()) for name, f in feats.items()}
    top = max(scored.values())
    total = sum(math.exp(s - top) for s in scored.values())
    calibrated = shipped().confidence
    result = []
    for name, score in sorted(scored.items(), key=lambda kv: -kv[1]):
        contributions = sorted(((table.get(k, 0.0) * v, k) for k, v in feats[name].items()),
                               reverse=True)
        reasons = tuple(k for c, k in contributions if c > 0.2)
        result.append(Candidate(name, _kind(people, name, groups[name]), score,
                                round(calibrated(math.exp(score - top) / total), 3), reasons))
    return result


def _candidate_groups(people: PeopleIndex, query: Query) -> dict[str, list[Mention]]:
    """The mentions before the query by the name they name, of those who may speak: no
    town the text writes as one, and for a role not what the role is of ("the leader of
    the Fictional Party" is not the party; a spokesperson's words are)."""
    groups = {name: ms for name, ms in _groups(people, query.at).items()
              if not _no_one(people, name, ms)}
    word = query.word or ""
    if query.hint == "role" and word and not is_spokesperson(word.split()[0], people.table):
        owners = set(role_owners(word))
        groups = {name: ms for name, ms in groups.items() if name.casefold() not in owners}
    if query.hint == "role":
        # Named only after the role, with a role of their own ("“…”, aldus de kapitein. …
        # coach Nicky Varsko"): someone else.
        groups = {name: ms for name, ms in groups.items() if not (
            ms and all(m.start >= query.at for m in ms) and _other_role(people, query, ms,
                                                                         untitled=True))}
    return groups


def _groups(people: PeopleIndex, at: int) -> dict[str, list[Mention]]:
    """The mentions before `at`, grouped by the fullest name of the person they name."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    starts = people.mention_starts
    for m in people.mentions[bisect_left(starts, at - MAX_BACK_CHARS) : bisect_left(starts, at)]:
        groups[people.full_name(m.name, m.start)].append(m)
    for ref, name in _referents(people, at):
        groups[name].append(ref)
    for ms in groups.values():
        ms.sort(key=lambda m: m.start)
    recent = list(islice(reversed(people.speakers), RECENT_SPEAKERS))
    for name in recent:
        groups.setdefault(name, [])
    _merge_into_speakers(people, recent, groups)
    if not groups:
        # A quote opening the text: the people named right after it ("«…». Così su
        # Twitter il ministro Guido Crosetto"), however long the quote is.
        end = people.quoted.end_after(at, _MARK_SLACK) + FOLLOWING_CHARS
        for m in people.mentions:
            if at <= m.start < end:
                groups[people.full_name(m.name, m.start)].append(m)
    return {name: ms for name, ms in groups.items() if ms or name in people.speakers}


def _merge_into_speakers(people: PeopleIndex, recent: list[str],
                         groups: dict[str, list[Mention]]) -> None:
    """A name whose words one fuller speaker's name all holds is that speaker: a particle
    may split the mentions ("Otávio" and "Rêgo Barros" of "Otávio do Rêgo Barros", found
    speaking by his whole name), who would otherwise compete with themselves."""
    for name in [n for n in groups if n not in people.speakers]:
        parts = name.casefold().split()
        fuller = [s for s in recent if len(s) > len(name)
                  and all(p in s.casefold().split() for p in parts)]
        if len(fuller) == 1:
            groups[fuller[0]] = sorted([*groups[fuller[0]], *groups.pop(name)],
                                       key=lambda m: m.start)


def mentions_in(people: PeopleIndex, begin: int, end: int) -> list[Mention]:
    """The mentions starting in text[begin:end], found by bisection (an article may hold
    thousands of terms and names)."""
    starts = people.mention_starts
    return people.mentions[bisect_left(starts, begin) : bisect_left(starts, end)]


def named_between(people: PeopleIndex, start: int, end: int) -> list[tuple[Mention, str]]:
    """The mentions in text[start:end] and the pronouns and roles opening its sentences,
    each with the person it stands for, in document order."""
    found = [(m, people.full_name(m.name, m.start)) for m in mentions_in(people, start, end)]
    found += [(ref, name) for ref, name in _referents(people, end) if ref.start >= start]
    return sorted(found, key=lambda pair: pair[0].start)


def _referents(people: PeopleIndex, at: int) -> list[tuple[Mention, str]]:
    """The sentence-opening pronouns and roles before `at`, each with the person it was
    ranked to stand for (resolved once, in document order, so each sees the ones before)."""
    refs, names = people.references, people.referents
    while len(names) < len(refs) and refs[len(names)].start < at:
        ref = refs[len(names)]
        best = rank(people, Query(ref.start, ref.kind, ref.name))
        names.append(best[0].name if best else None)
    starts = people.reference_starts
    lo, hi = bisect_left(starts, at - MAX_BACK_CHARS), bisect_left(starts, at)
    return [(ref, name) for ref, name in zip(refs[lo:hi], names[lo:hi], strict=True)
            if name is not None]


def _features(
    people: PeopleIndex, query: Query, groups: dict[str, list[Mention]]
) -> dict[str, dict[str, float]]:
    latest = {name: ms[-1].end if ms else -MAX_BACK_CHARS for name, ms in groups.items()}
    order = {name: i for i, name in enumerate(sorted(latest, key=lambda n: -latest[n]))}
    most = max(len(ms) for ms in groups.values()) or 1
    spoken = people.spoken
    wanted = _wanted_gender(people, query)
    clause = set(_named_in_sentence_after(people, query)) if query.word else set()
    feats = {}
    for name, ms in groups.items():
        last = ms[-1] if ms else None
        gap = abs(query.at - latest[name])
        kind = _kind(people, name, ms)
        feats[name] = {
            "recent": 1.0 / (1 + order[name]),
            "near": max(0.0, 1.0 - gap / NEAR_CHARS),
            "count": len(ms) / most,
            "last_speaker": float(bool(spoken) and spoken[-1] == name),
            "spoke": float(name in people.speakers),
            "alternate": float(_alternates(spoken, name) and query.answer),
            "turn": float(_alternates(spoken, name)),
            "same_paragraph": float(
                last is not None and "\n" not in people.text[last.end : query.at]
            ),
            "person": _personish(people, name, ms),
            "organisation": float(kind == "organisation"),
            "agree": _agreement(wanted, name, kind, _titled_gender(people, ms) if wanted else None,
                                people.table.code),
            "role_near": float(_role_near(people, query, ms)),
            "other_role": float(_other_role(people, query, ms)),
            "same_clause": float(name in clause),
            **_position(people, last),
        }
    return feats


def _position(people: PeopleIndex, last: Mention | None) -> dict[str, float]:
    """Where the candidate's latest mention stands in its sentence: its subject (opening
    it, bearing no genitive mark), the first person named in it, a preposition's
    complement."""
    if last is None:
        return {"subject": 0.0, "first_named": 0.0, "complement": 0.0}
    return {
        "subject": float(last.subject and not is_possessor(people, last)),
        "first_named": float(_first_in_sentence(people, last)),
        "complement": float(is_complement(people, last)),
    }


def _wanted_gender(people: PeopleIndex, query: Query) -> str | None:
    """The gender or number ("m", "f", "p") the reference asks for: the pronoun's, or for a
    role the article's before it ("la portavoz", "a primeira-dama"); None: anyone."""
    table = people.table
    if query.hint == "role":
        before = people.folded[max(0, query.at - 12) : query.at].split()
        article = table.article_genders.get(before[-1]) if before else None
        return article or role_gender((query.word or "").split(" ", 1)[0], table)
    word = (query.word or "").casefold()
    if word in table.pronouns:  # a subject pronoun ("dia" may be either)
        return table.pronoun_genders.get(word)
    return table.pronoun_genders.get(word) or table.object_pronouns.get(word)


def role_gender(word: str, table: LanguageData) -> str | None:
    """"f" for a feminine role noun, one whose masculine counterpart is a role too
    ("Sprecherin", "ministra", "patronne", "woordvoerster"); None: either (the masculine
    form also names a role generically)."""
    lower = word.casefold()
    for ending, masculine in table.feminine_endings.items():
        stem = lower.removesuffix(ending)
        if stem != lower and len(stem) >= 3 and is_role(stem + masculine, table):
            return "f"
    return None


@lru_cache(maxsize=4)
def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def _first_in_sentence(people: PeopleIndex, m: Mention) -> bool:
    """No one else is named before mention `m` in its sentence: the sentence is about it
    ("Lula aproveitou … para alfinetar o presidente Jair Bolsonaro")."""
    if m.kind in ("pronoun", "role"):
        return m.subject
    starts = _sentence_starts(people.text)
    begin = starts[bisect_right(starts, m.start) - 1]
    return bisect_left(people.mention_starts, begin) == bisect_left(people.mention_starts, m.start)


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def is_complement(people: PeopleIndex, m: Mention) -> bool:
    """Mention `m` follows a preposition, through at most articles, roles and titles ("de
    Nogueira", "do presidente Jair Bolsonaro", "an Frau Beispiel"): the complement of a
    noun or verb, not the subject that speaks next."""
    if m.kind in ("pronoun", "role"):
        return False
    table = people.table
    for word in reversed(words_before(people, m)[-_COMPLEMENT_WORDS:]):
        if word in table.prepositions:
            return True
        if not (word in table.stopwords or word in table.title_genders or is_role(word, table)
                or word in _folded(table.titles) or word in table.organisation_words):
            return False
    return False


def is_possessor(people: PeopleIndex, m: Mention) -> bool:
    """Mention `m` bears a genitive mark ("Graham’s fellow senator Tim Scott said"): it
    determines the subject, it is not the subject."""
    after = people.folded[m.end : m.end + _GENITIVE_CHARS]
    return any(after.startswith(mark) for mark in people.table.genitive_marks)


def _named_in_sentence_after(people: PeopleIndex, query: Query) -> list[str]:
    """The people named after a pronoun or role in its own sentence ("Hij noemt de reactie
    van Schoof …"): the object of its verb, rarely the person it stands for."""
    found = _SENTENCE_END.search(people.text, query.at, query.at + CLAUSE_CHARS)
    stop = found.start() if found else query.at + CLAUSE_CHARS
    starts = people.mention_starts
    return [people.full_name(m.name, m.start)
            for m in people.mentions[bisect_right(starts, query.at) : bisect_left(starts, stop)]]


def _alternates(spoken: list[str], name: str) -> bool:
    """`name` spoke the quote before last and someone else the last: their turn again."""
    return len(spoken) >= 2 and spoken[-2] == name != spoken[-1]


def _personish(people: PeopleIndex, name: str, ms: list[Mention]) -> float:
    """How much it looks like a person's name: 1 for a first name, a person known to the
    archive or quoted earlier, a name after an honorific, 0.5 for two words or more, 0
    for one word or an organisation."""
    if _kind(people, name, ms) == "organisation":
        return 0.0
    if any(is_first_name(w) for w in name.split()) or people.is_known(name) \
            or _honorific(people, ms):
        return 1.0
    return 0.5 if " " in name else 0.0


def _no_one(people: PeopleIndex, name: str, ms: list[Mention]) -> bool:
    """A town the text writes as one, a noun written after an article ("de Varsenaar")
    or a number ("drei Katzen"): no one to speak."""
    return _a_place(people, name, ms) or names_a_noun(people, name, ms) \
        or names_a_count(people, name, ms)


def _a_place(people: PeopleIndex, name: str, ms: list[Mention]) -> bool:
    """Is it a town or city, written as one in this text ("desde Washington", "de
    burgemeester van Nijmegen": after a place's preposition or as what a role or body is
    of), showing nothing of a person (no first name, honorific or archive author)? No
    one to speak. Many towns bear surnames ("Montero", "Santos"): the text must say. A
    name no list holds is one where the text writes it only after a place's preposition
    ("in de Bossche Varskamp")."""
    listed = is_place(name)
    if people.is_known(name):
        return False
    if names_a_street(people, name):
        return True
    if _honorific(people, ms) or (
            (" " in name or not listed) and _personish(people, name, ms) >= 1.0):
        return False  # a town's one word may be a first name too ("Torino", "Paris")
    # Read once per document and name: every quote ranks the same towns again, and a
    # long text names them thousands of times.
    written = _WRITTEN_AS_PLACE.setdefault(people, {})
    if name not in written:
        named = naming_mentions(people, name, listed=listed)
        written[name] = any(written_as_place(people, m) for m in named) if listed else (
            bool(named) and all(after_place_word(people, m) for m in named))
    return written[name]


# Per document (dropped with it): whether the text writes a town's name as a place.
_WRITTEN_AS_PLACE: WeakKeyDictionary[PeopleIndex, dict[str, bool]] = WeakKeyDictionary()


def _honorific(people: PeopleIndex, ms: list[Mention]) -> bool:
    """Does an honorific stand right before one of the mentions ("Mr Sunak", "de heer
    Kalverdam", "Frau Faeser")? A role may title a club or place ("o treinador Coxa")."""
    return any(words[-1] in people.table.title_genders
               for m in ms if m.kind not in ("pronoun", "role")
               if (words := words_before(people, m)))


def _kind(people: PeopleIndex, name: str, ms: list[Mention]) -> str:
    """"person" or "organisation", as the candidate's last name mention says."""
    named = [m.kind for m in ms if m.kind in ("person", "organisation")]
    return named[-1] if named else people.kind(name)


def _agreement(wanted: str | None, name: str, kind: str, titled: str | None = None,
               language: str = "") -> float:
    """+1 where the pronoun agrees with the candidate, -1 where it cannot, 0 unknown.
    `wanted` holds every code the pronoun may take: "fp" for de "sie" (she or they);
    `titled` is the gender the title or role before a mention gives, where the name does
    not tell it ("Frau Faeser", "la ministra Alves")."""
    if wanted is None:
        return 0.0
    if kind == "organisation":
        return 1.0 if "p" in wanted else -1.0
    if wanted == "p":
        return -1.0
    # A lone word is more often a surname, nickname or place that happens to be a first
    # name ("Lula", "York") than a first name: only a first name before more tells it.
    found = (gender(name, language) if " " in name else None) or titled
    return 0.0 if found is None else (1.0 if found in wanted else -1.0)


def _titled_gender(people: PeopleIndex, ms: list[Mention]) -> str | None:
    """The gender a title or role beside one of the mentions gives: "Frau Faeser", "Mme
    Dupraz", "Außenministerin Beispiel", "el presidente Ejemplo", "Ana Ejemplo, ministra
    de …"; None: untold."""
    for m in ms:
        if m.kind not in ("pronoun", "role"):
            found = _gender_before(people, m) or _gender_after(people, m)
            if found in ("m", "f"):
                return found
    return None


def _gender_before(people: PeopleIndex, m: Mention) -> str | None:
    """The gender of a title, or of a feminine or articled role, right before `m`."""
    table = people.table
    words = words_before(people, m)
    if not words:
        return None
    found = table.title_genders.get(words[-1]) or role_gender(words[-1], table)
    if found is None and len(words) >= 2 and is_role(words[-1], table):
        found = table.article_genders.get(words[-2])
    return found


def _gender_after(people: PeopleIndex, m: Mention) -> str | None:
    """The gender of a feminine role in apposition right after `m` ("Ana Ejemplo,
    ministra de …", "Nancy Beispiel, die Innenministerin"), articles skipped."""
    after = people.folded[m.end : m.end + _TITLE_CHARS]
    if not after.startswith(","):
        return None
    for word in after[1:].split()[:2]:
        word = word.strip(",.;:()")
        if word not in people.table.stopwords:
            return role_gender(word, people.table)
    return None


def _role_near(people: PeopleIndex, query: Query, ms: list[Mention]) -> bool:
    """The role of the query, or the organisation it is the role of, stands beside one of
    the candidate's mentions ("Robert Habeck, Wirtschaftsminister, …" … "der Minister";
    "Lula (PT)" … "o líder do PT"; "Pieter Omtzigt (NSC)" … "de NSC-leider")."""
    if query.hint != "role" or not query.word:
        return False
    for key in role_keys(query.word):
        pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
        if any(_near(people, pattern, query.at, m) for m in ms):
            return True
    return False


def _other_role(people: PeopleIndex, query: Query, ms: list[Mention], *,
                untitled: bool = False) -> bool:
    """Does a role other than the query's title the candidate, and none like it ("Zorgminister
    Ernst Kuipers" … "het Kamerlid Wybren van Haga" … "stelt het Kamerlid": not the
    minister)? A role noun right before a mention or in apposition right after it counts;
    with `untitled`, not one the table lists as a title too ("Presiden", whom "Kepala
    Negara" names as well)."""
    if query.hint != "role" or not query.word:
        return False
    head = query.word.split()[0].rpartition("-")[2].casefold()
    held = [r for m in ms if m.kind not in ("pronoun", "role") for r in _roles_beside(people, m)
            if not (untitled and r in _folded(people.table.titles))]
    return bool(held) and not any(r.endswith(head) or head.endswith(r) for r in held)


def _roles_beside(people: PeopleIndex, m: Mention) -> list[str]:
    """The role nouns titling mention `m`: the word right before it, the first word after
    a comma right after it (articles skipped), each casefolded, the part after a hyphen."""
    found = []
    before = words_before(people, m)
    if before and is_role(before[-1], people.table):
        found.append(before[-1])
    after = people.folded[m.end : m.end + _TITLE_CHARS]
    if after.startswith(","):
        word = next((w.strip(",.;:()") for w in after[1:].split()[:2]
                     if w.strip(",.;:()") not in people.table.stopwords), "")
        if word and is_role(word, people.table):
            found.append(word)
    return [r.rpartition("-")[2] for r in found]


def _near(people: PeopleIndex, pattern: re.Pattern[str], at: int, m: Mention) -> bool:
    """`pattern` occurs near mention `m`, in its sentence, before `at` (the role as the
    query itself writes it is no evidence), with no other person named between ("Pedro
    Gómez y Ana Ruiz, líder de Vox" makes Ana Ruiz the leader; "presidente de México"
    does not stand between a role and its name)."""
    text, starts = people.folded, people.mention_starts
    lo, hi = max(0, m.start - ROLE_NEAR_CHARS), min(m.end + ROLE_NEAR_CHARS, at)
    for found in pattern.finditer(text, lo, hi):
        if found.start() < m.end and found.end() > m.start:
            continue  # inside the name itself
        first, last = (found.end(), m.start) if found.start() < m.start else (m.end, found.start())
        between = people.mentions[bisect_left(starts, first) : bisect_left(starts, last)]
        other = any(is_first_name(b.name.split()[0]) for b in between)
        if not other and not _SENTENCE_END.search(text, first, last) \
                and not (found.start() >= m.end and _titles_next(people, found.end())):
            return True
    return False


def _titles_next(people: PeopleIndex, end: int) -> bool:
    """Does a person's name follow the role ending at `end` right away, as its title
    ("X stelde vragen aan defensieminister Anouk Vermeer": hers, not X's)?"""
    i = bisect_left(people.mention_starts, end)
    return i < len(people.mentions) and not people.text[end : people.mentions[i].start].strip() \
        and people.person_at(people.mentions[i].start)
