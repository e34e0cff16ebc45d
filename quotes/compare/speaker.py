"""The speaker check: is the person an article names the author of the tweet it matched?

Three ways a quote's words can be someone else's:

* the tweet is by a parody or impostor account (marked so in the archive), or by an
  account whose handle imitates an official account, the account the article's speaker
  resolves to, or the speaker's own name (`lookalike`): a `lookalike_account` difference
  naming both accounts;
* the article names another person than the tweet's author, whether or not that person
  is in the archive: names are compared word by word, tolerant of a surname alone,
  initials, diacritics and transliteration (`names.same_name`): a `speaker` difference;
* no accusation where the speaker is only "he" or "the minister" (unless the attribute
  stage resolved it surely, by agreement or a role beside the person: then it names
  them), is the person named nearest a verb without a subject ("…", escreveu), was
  carried over from the quote before, was ranked likeliest by proximity with no
  attribution naming anyone and the archive not knowing them, reads as no person's name
  ("Twitter", "Estados Unidos"), or where the article mentions the tweet's author around
  the quote: the verdict stands and the attribution is `unverified`.

Pure: the accounts (the tweet's author, the one the speaker resolves to, every official
one) come from the archive, passed in as `quotes.models.Account`s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from quotes import lang
from quotes.compare.lookalike import Imitation, imitated_account, imitation_of
from quotes.compare.names import fold_name, same_name
from quotes.models import Account, Attribution, AuthorSpan, Difference, SpeakerCheck

LOOKALIKE = "lookalike_account"
SPEAKER = "speaker"
EVIDENCE = "attribution"
DECLARED = ("parody", "impostor")  # account kinds that are never the person they show
# A surname found inside a handle by this rapidfuzz partial ratio (transliterations:
# "Selenskyj" in "ZelenskyyUa"), when it is at least this long; shorter ones must appear
# as they are.
HANDLE_PARTIAL = 85.0
HANDLE_PARTIAL_MIN = 5
# A handle of the surname and at most this many other letters (a country code, a digit
# run is no letter) names whoever has that surname, whatever given name the article uses.
HANDLE_REST_MAX = 3
GLYPHS = "letters that look alike"  # `lookalike.imitation_of`'s word for homoglyphs

UNVERIFIED_NOTE = ("the speaker is only a role or pronoun that nothing resolved: "
                   "attribution not verified")
UNNAMED_NOTE = "the article names no speaker for the quote: attribution not checked"
GUESSED_NOTE = ("the speaker read from the article, {speaker!r}, is a guess (a pronoun, "
                "role, nearness or the context) or no person's name, and is not @{author}: "
                "attribution not verified")
ORGANISATION_NOTE = ("the article gives the words to an organisation, {speaker!r}, and the "
                     "tweet is by @{author}: a body's words are often posted by the people "
                     "who speak for it, and theirs by the body; attribution not verified")
NEARBY_NOTE = ("the attribution reads {speaker!r}, but the article also mentions @{author}, "
               "the tweet's author, around the quote: attribution not verified")
# Attribution methods whose speaker is carried over rather than named (`attribute.rules`).
HEARSAY = ("+pronoun", "+role", "+implicit", "continues-previous", "context")
# A pronoun or role the attribute stage resolved this surely, with the ranking feature that
# ties that mention to the person (`attribute.ranking`: the pronoun agrees with them, the
# role stands beside one of their mentions), names that person: no guess from recency.
RESOLVED_CONFIDENCE = 0.8
# A speaker no attribution names, the person ranked likeliest among those named before
# the quote (`attribute.ranking`): a guess unless the archive knows them.
RANKED = "ranked"
RESOLVING_FEATURES = {"+pronoun": "agree", "+role": "role_near"}

_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@dataclass(frozen=True, slots=True)
class SpeakerContext:
    """What the rules read: the attribution, the tweet's author, the archive author the
    speaker resolves to (if any) and every account marked official."""

    attribution: Attribution | None
    author: Account
    claimed: Account | None
    official: tuple[Account, ...]
    nearby: str = ""  # the article's text around the quote, the quote left out

    @property
    def speaker(self) -> str | None:
        return self.attribution.speaker if self.attribution else None

    @property
    def vouched(self) -> bool:
        """The archive itself resolves the speaker's name to the tweet's author."""
        return self.claimed is not None and _same_handle(self.claimed.handle,
                                                         self.author.handle)

    @property
    def hearsay(self) -> bool:
        """The speaker was not named by the attribution itself but carried over from a
        pronoun, a role noun, the quote before, or the context: a guess to check, not
        a claim to accuse by."""
        return self.attribution is not None and is_hearsay(self.attribution)

    def names_author(self) -> bool:
        return self.vouched or (self.speaker is not None
                                and _names_account(self.speaker, self.author))

    @property
    def author_nearby(self) -> bool:
        """The article mentions the tweet's author (a word of their name, or their
        handle) around the quote: whoever the attribution rules picked, the article
        may well give the words to their author."""
        return _mentions(self.nearby, self.author)

    def names_another_person(self, *others: Account) -> bool:
        """The article itself names someone, plainly a person's name, who is neither the
        tweet's author nor any of `others`, and does not mention the author nearby."""
        speaker = self.speaker
        if speaker is None or self.hearsay or not _person_words(speaker) or self.author_nearby:
            return False
        return not self.names_author() and not any(_names_account(speaker, o) for o in others)


def is_hearsay(attribution: Attribution) -> bool:
    """Was the speaker carried over (a pronoun, a role, the quote before, the context,
    nearness) rather than named by the attribution itself? (`SpeakerContext.hearsay`)"""
    if attribution.method.endswith(RANKED):
        return attribution.author_handle is None
    return (any(part in attribution.method for part in HEARSAY)
            and not resolved_by_chain(attribution))


def resolved_by_chain(attribution: Attribution) -> bool:
    """Did the attribute stage resolve the pronoun or role to a person surely and by what
    ties the mention to them? The chain's last step before the archive is the candidate
    with the features that chose it ("Erika Muster: agree, near, person")."""
    feature = next((f for m, f in RESOLVING_FEATURES.items() if attribution.method.endswith(m)),
                   None)
    if feature is None or attribution.speaker is None:
        return False
    if attribution.confidence < RESOLVED_CONFIDENCE:
        return False
    steps = [s for s in attribution.chain if not s.startswith("@")]
    reasons = steps[-1].rpartition(": ")[2].split(", ") if len(steps) > 1 else []
    return feature in reasons and "person" in reasons


SpeakerRule = Callable[[SpeakerContext], SpeakerCheck | None]


def check_speaker(
    attribution: Attribution | None,
    author: Account,
    *,
    claimed: Account | None = None,
    official: Sequence[Account] = (),
    nearby: str = "",
) -> SpeakerCheck:
    """The attribution of a matched quote checked against its tweet's `author`:
    `claimed` is the archive author the speaker resolves to, `official` every account
    marked official, `nearby` the article's text around the quote."""
    context = SpeakerContext(attribution, author, claimed, tuple(official), nearby)
    for rule in SPEAKER_RULES:
        found = rule(context)
        if found is not None:
            return found
    raise AssertionError("the last speaker rule always gives a result")


def _declared_lookalike(ctx: SpeakerContext) -> SpeakerCheck | None:
    """A tweet by an account the archive marks parody or impostor: never the words of
    the person it shows, unless the article plainly names yet another person (then the
    tweet is compared with that person's name like any other)."""
    kind = ctx.author.kind
    mark = _parody_mark(ctx.author) if kind == "unknown" else None
    if kind not in DECLARED and mark is None:
        return None
    imitation = _imitation(ctx)
    if ctx.names_another_person(*_imitated(ctx, imitation)):
        return None
    how = (f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} account" if mark is None else
           f"its display name {ctx.author.name!r} says {mark!r}: not that person's account")
    return _lookalike(ctx, imitation.imitated if imitation else None, how)


def _parody_mark(author: Account) -> str | None:
    """The word by which an account's display name says it is a parody, fan or fake
    account of a person ("Dana Demoulin (parody)", "Dana Demoulin akun palsu"), when the
    rest of the display name is a person's name (a satire outlet's own name is not)."""
    name = (author.name or "").casefold()
    mark = next((m for m in _vocabulary().parody_marks
                 if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", name)), None)
    if mark is None:
        return None
    rest = re.sub(rf"(?<!\w){re.escape(mark)}(?!\w)", " ", author.name or "",
                  flags=re.IGNORECASE)
    return mark if len(_person_words(rest)) >= 2 else None


def _imitating_handle(ctx: SpeakerContext) -> SpeakerCheck | None:
    """An account of unknown kind whose handle imitates an official account, the one
    the speaker resolves to, or the speaker's name."""
    if ctx.author.kind != "unknown":
        return None
    imitation = _imitation(ctx)
    if imitation is None or ctx.names_another_person(*_imitated(ctx, imitation)):
        return None
    return _lookalike(ctx, imitation.imitated, f"imitates it: {imitation.how}")


def _unresolved(ctx: SpeakerContext) -> SpeakerCheck | None:
    if ctx.speaker is not None:
        return None
    if ctx.attribution is not None and ctx.attribution.mention is not None:
        return SpeakerCheck("unverified", note=UNVERIFIED_NOTE)
    return SpeakerCheck("unnamed", note=UNNAMED_NOTE)


def _same_person(ctx: SpeakerContext) -> SpeakerCheck | None:
    """The speaker names the author (one person's second account included)."""
    return SpeakerCheck("verified") if ctx.names_author() else None


def _guessed(ctx: SpeakerContext) -> SpeakerCheck | None:
    """A speaker carried over from a pronoun, role or the context, or words that name no
    person ("Twitter", "Estados Unidos"), that do not fit the author: not verified."""
    speaker = ctx.speaker or ""
    if ctx.author_nearby:
        return SpeakerCheck("unverified", note=NEARBY_NOTE.format(
            speaker=speaker, author=ctx.author.handle))
    if ctx.attribution is not None and ctx.attribution.speaker_kind == "organisation":
        return SpeakerCheck("unverified", note=ORGANISATION_NOTE.format(
            speaker=speaker, author=ctx.author.handle))
    if not ctx.hearsay and _person_words(speaker):
        return None
    return SpeakerCheck("unverified", note=GUESSED_NOTE.format(
        speaker=speaker, author=ctx.author.handle))


def _named_other(ctx: SpeakerContext) -> SpeakerCheck:
    return _other_person(ctx, ctx.speaker or "")


# Tried in order; the first that answers gives the result (the last always does).
SPEAKER_RULES: tuple[SpeakerRule, ...] = (
    _declared_lookalike, _imitating_handle, _unresolved, _same_person, _guessed, _named_other,
)


def _imitated(ctx: SpeakerContext, imitation: Imitation | None) -> list[Account]:
    """Whom the author's account shows: the person of its display name, and the account
    or person its handle imitates."""
    shown = [Account("", _bare_name(ctx.author.name))]
    if imitation is not None:
        target = imitation.imitated
        known = [a for a in (*ctx.official, ctx.claimed)
                 if a is not None and _same_handle(a.handle, target)]
        shown += known or [Account("", target) if _looks_like_name(target)
                           else Account(target)]
    return shown


def _imitation(ctx: SpeakerContext) -> Imitation | None:
    """How the author's handle imitates an official account (or its display name claims
    that account's person), the account the speaker resolves to, or the speaker's name
    (unless the archive vouches for the account and no look-alike glyphs are involved)."""
    handle = ctx.author.handle
    found = imitated_account(handle, [a.handle for a in ctx.official],
                             display_name=ctx.author.name) or _claimed_by_name(ctx)
    if found is None and ctx.claimed is not None and not ctx.vouched:
        found = imitation_of(handle, ctx.claimed.handle)
    if found is not None or ctx.speaker is None:
        return found
    by_name = imitation_of(handle, _handle_name(ctx.speaker), target_is_name=True)
    if by_name is None or _other_generation(ctx.speaker, _bare_name(ctx.author.name)):
        return None  # (a parent's or child's own account is another person's, no copy)
    # An account the archive files under the speaker's name is theirs, unless marked
    # otherwise: "realDonaldTrump" is Trump's. Glyphs that only look alike never are.
    if ctx.vouched and by_name.how != GLYPHS and ctx.author.kind == "unknown":
        return None
    return by_name


def _claimed_by_name(ctx: SpeakerContext) -> Imitation | None:
    """An account whose display name is the full name of the person behind another,
    official account: "Dana Demoulin" on @tramfan1987 while @mayor_of_lyon is hers."""
    shown = _words(_bare_name(ctx.author.name) or "")
    # (initials could be anyone's: "E. Demoulin" claims nobody in particular)
    if len(shown) < 2 or any(len(w) == 1 for w in shown) or ctx.author.kind == "official":
        return None
    for account in ctx.official:
        if _same_handle(account.handle, ctx.author.handle):
            continue
        for name in (_bare_name(account.name), *account.aliases):
            theirs = _words(name or "")
            if (len(theirs) >= 2 and _same_words(shown, theirs) and _same_words(theirs, shown)
                    and not _other_generation(ctx.author.name, name)):
                return Imitation(ctx.author.handle, account.handle,
                                 f"the display name {ctx.author.name!r} claims that person")
    return None


def _lookalike(ctx: SpeakerContext, imitated: str | None, how: str) -> SpeakerCheck:
    target = _shown_target(ctx, imitated)
    tweet_side = f"@{ctx.author.handle} ({how})"
    note = f"the tweet is by @{ctx.author.handle}, not by {target}: {how}"
    return SpeakerCheck("lookalike_account", Difference(LOOKALIKE, target, tweet_side, EVIDENCE),
                        note)


def _shown_target(ctx: SpeakerContext, imitated: str | None) -> str:
    """The account or person imitated, as the report names it."""
    if imitated is not None and not _looks_like_name(imitated):
        return f"@{imitated}"
    if ctx.claimed is not None and not ctx.vouched:
        return f"@{ctx.claimed.handle}"
    official = _official_of(ctx)
    if official is not None:
        return f"@{official.handle}"
    return imitated or ctx.speaker or _bare_name(ctx.author.name) or "the person named"


def _official_of(ctx: SpeakerContext) -> Account | None:
    """The official account of the person the speaker (or the author's display name)
    names."""
    for name in (ctx.speaker, _bare_name(ctx.author.name)):
        if name:
            found = next((a for a in ctx.official if _names_account(name, a)), None)
            if found is not None:
                return found
    return None


def _other_person(ctx: SpeakerContext, named: str) -> SpeakerCheck:
    author = ctx.author
    shown = f"@{author.handle}" + (f" ({_bare_name(author.name)})" if author.name else "")
    return SpeakerCheck(
        "other_person", Difference(SPEAKER, named, shown, EVIDENCE),
        f"the article names {named}; the tweet is by {shown}",
    )


# --- names --------------------------------------------------------------------------------


def _looks_like_name(text: str) -> bool:
    return " " in text.strip()


def _bare_name(name: str | None) -> str | None:
    """A display name without what stands in brackets: "Jen Psaki (parody)" → "Jen Psaki"."""
    if not name:
        return None
    return _BRACKETED.sub(" ", name).strip() or None


def _words(name: str) -> list[str]:
    """The words of a name that tell people apart: titles and roles before it ("Dr.",
    "Präsident"), lowercase particles ("de", "van") and words no name is made of (a
    platform, a stopword: "Trump op Twitter") left out."""
    vocabulary = _vocabulary()
    # (an initial is a name's word even where it spells a stopword: "E. Demoulin")
    words = [w for w in _NAME_WORD.findall(name)
             if not (w.islower() and len(w) <= 3) and not _is_medium(w)
             and (w.casefold() not in vocabulary.never or (len(w) == 1 and w.isupper()))
             and w.casefold() not in vocabulary.generations]
    while len(words) > 1 and words[0].casefold() in vocabulary.titles:
        words = words[1:]
    return words


def _person_words(name: str) -> list[str]:
    """The words of `name` that can only be a person's: none when it is a role, a
    country or an organisation's word ("Estados Unidos", "PVV-lijsttrekker"), or the
    name of an organisation or outlet the tables know ("Reuters", "Casa Blanca")."""
    vocabulary = _vocabulary()
    folded = name.casefold().strip()
    words = folded.split()
    if (folded in vocabulary.organisations or folded.removeprefix("the ") in
            vocabulary.organisations or any(w in vocabulary.organisation_words for w in words)):
        return []
    return [w for w in _words(name)
            if len(w) > 1 and w[0].isupper() and w.casefold() not in vocabulary.titles
            and w.casefold() not in vocabulary.places and not _is_role(w)]


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    titles: frozenset[str]  # titles and role nouns
    never: frozenset[str]  # stopwords and words the tables say are no names
    places: frozenset[str]  # the words of countries and institutions (exonyms)
    organisations: frozenset[str] = frozenset()  # names of organisations and outlets
    organisation_words: frozenset[str] = frozenset()  # "ministry", "partido"
    parody_marks: tuple[str, ...] = ()  # "parody", "akun palsu": longest first
    generations: frozenset[str] = frozenset()  # "jr", "filho"


@cache
def _vocabulary() -> _Vocabulary:
    """Words of every language table that tell a person's name from other words."""
    titles: set[str] = set()
    never: set[str] = set()
    places: set[str] = set()
    organisations: set[str] = set()
    organisation_words: set[str] = set()
    parody_marks: set[str] = set()
    generations: set[str] = set()
    for code in lang.available():
        table = lang.get(code)
        parody_marks.update(table.parody_marks)
        generations.update(table.generations)
        organisations.update(o.casefold() for o in table.organisations)
        organisation_words.update(w.casefold() for w in table.organisation_words)
        titles.update(t.casefold().rstrip(".") for t in table.titles)
        titles.update(r.casefold() for r in table.roles)
        never.update(w.casefold() for w in (*table.stopwords, *table.not_names))
        for local, english in table.exonyms.items():
            places.update(local.casefold().split())
            places.update(english.casefold().split())
    return _Vocabulary(frozenset(titles), frozenset(never), frozenset(places),
                       frozenset(organisations), frozenset(organisation_words),
                       tuple(sorted(parody_marks, key=len, reverse=True)),
                       frozenset(generations))


@cache
def _is_medium(word: str) -> bool:
    """A platform's name ("Twitter", "Facebook"), in any language's table."""
    lowered = word.casefold()
    return any(pattern.fullmatch(lowered) is not None
               for code in lang.available() for _, pattern in lang.get(code).medium_patterns)


@cache
def _is_role(word: str) -> bool:
    return any(lang.is_role(word, lang.get(code)) for code in lang.available())


def _handle_name(name: str) -> str:
    """The words of a name a handle spells: those that tell people apart, a generation's
    word kept ("Bram Veldhoven Jr." → "Bram Veldhoven Jr": @BramVeldhovenJr)."""
    kept = {w.casefold() for w in _words(name)} | _vocabulary().generations
    return " ".join(w for w in _NAME_WORD.findall(name) if w.casefold() in kept)


def _other_generation(name: str | None, other: str | None) -> bool:
    """Two full names that differ in a generation's word: "Donald Trump" and "Donald Trump
    Jr.", "Eduardo Ribeiro" and "Eduardo Ribeiro Filho" are parent and child. (A single
    name says too little: "Neymar" is "Neymar Jr".)"""
    if not name or not other or len(_words(name)) < 2 or len(_words(other)) < 2:
        return False
    generations = _vocabulary().generations

    def generation(text: str) -> set[str]:
        return {w.casefold() for w in _NAME_WORD.findall(text)} & generations

    return generation(name) != generation(other)


def _names_account(speaker: str, account: Account) -> bool:
    """Does the name an article gives (a full name, a surname, initials and a surname, in
    any spelling) name this account's person? By its display name, a name it is known
    by (aliases of several words, or one word the article gives alone) or its handle."""
    words = _words(speaker)
    if not words or _other_generation(speaker, _bare_name(account.name)):
        return False
    for name in (_bare_name(account.name), *account.aliases):
        theirs = _words(name or "")
        if theirs and (len(theirs) > 1 or len(words) == 1) and _same_words(words, theirs):
            return True
        if theirs and (_shorter_form(theirs, words) or _initials_of(words, theirs)):
            return True
    return _in_handle(words, account.handle)


# A one-word name an account goes by ("Lula") is found in a longer one from this length.
MONONYM_LETTERS = 4


def _shorter_form(theirs: list[str], mine: list[str]) -> bool:
    """Is the account's name a shorter form of the article's, its surname not the last of
    the article's words: "Lula" of "Luiz Inácio Lula da Silva", "Gabriela Ortiz" of
    "Gabriela Ortiz Mendes" (a given name of theirs must agree with one of the article's)?"""
    if len(mine) <= len(theirs) or (len(theirs) == 1 and len(theirs[0]) < MONONYM_LETTERS):
        return False
    return _same_words(theirs, mine)


def _initials_of(mine: list[str], theirs: list[str]) -> bool:
    """Is the article's name the initials of the account's name ("AMLO": Andrés Manuel
    López Obrador)?"""
    if len(mine) != 1 or len(mine[0]) < 3 or not mine[0].isupper() or len(theirs) < 3:
        return False
    return mine[0].casefold() == "".join(w[0] for w in theirs).casefold()


def _same_words(mine: list[str], theirs: list[str]) -> bool:
    """The surname (the last word) is one of their words, and no given name contradicts
    theirs: "E. Musk", "Musk" and "Elon Musk" name Elon Musk; "Kimbal Musk" does not."""
    surname, given = mine[-1], mine[:-1]
    if not any(same_name(surname, word) for word in theirs):
        return False
    their_given = [w for w in theirs if not same_name(surname, w)]
    if not given or not their_given:
        return True
    return any(_given_agrees(g, t) for g in given for t in their_given)


def _given_agrees(mine: str, theirs: str) -> bool:
    """Two given names of one person: the same in any spelling, one an initial or a short
    form of the other (Jo, Joseph)."""
    a, b = fold_name(mine), fold_name(theirs)
    if not a or not b:
        return False
    if len(mine) == 1 or len(theirs) == 1:  # an initial
        return a[0] == b[0]
    return same_name(mine, theirs) or a.startswith(b) or b.startswith(a)


def _in_handle(words: list[str], handle: str) -> bool:
    """The handle spells the surname, and a given name when the article gives one:
    "elonmusk" is Elon Musk's and Musk's, "jairbolsonaro" is not Carlos Bolsonaro's."""
    key = fold_name(handle)
    surname = fold_name(words[-1])
    if not key or not surname or not _contains(key, surname):
        return False
    given = [fold_name(w) for w in words[:-1] if len(w) > 1]
    # Letters beside the surname too few for a given name ("ZelenskyyUa") contradict none.
    bare = surname in key and len(key) - len(surname) <= HANDLE_REST_MAX
    return not given or bare or any(g and g in key for g in given)


def _mentions(text: str, account: Account) -> bool:
    """Does `text` mention the account: its handle, or a word of its person's name (of
    four letters or more, accents and case ignored)?"""
    if not text.strip():
        return False
    said = {fold_name(w) for w in _NAME_WORD.findall(text)}
    said.update(w.casefold() for w in re.findall(r"@?(\w+)", text))
    names = [w for w in _person_words(_bare_name(account.name) or "") if len(w) >= 4]
    return account.handle.casefold() in said or any(fold_name(w) in said for w in names)


def _contains(key: str, part: str) -> bool:
    if part in key:
        return True
    return len(part) >= HANDLE_PARTIAL_MIN and fuzz.partial_ratio(part, key) >= HANDLE_PARTIAL


def _same_handle(a: str, b: str) -> bool:
    return a.lstrip("@").casefold() == b.lstrip("@").casefold()


# --- "no such tweet" ------------------------------------------------------------------------


def no_account(attribution: Attribution | None) -> str | None:
    """For a quote nothing matched whose article names a person outright (a full name)
    that no archive author is: the archive cannot tell whether they posted it."""
    if attribution is None or attribution.author_handle is not None:
        return None
    speaker = attribution.speaker
    if (speaker is None or attribution.speaker_kind != "person" or is_hearsay(attribution)
            or len(_person_words(speaker)) < 2):
        return None
    return (f"the archive holds no account of {speaker}: it cannot show whether "
            "they posted this")


def no_such_tweet(span: AuthorSpan) -> str:
    """The plain words for a quote none of its claimed author's tweets matches."""
    dates = [d for d in (span.first, span.last) if d is not None]
    held = f"{span.tweets} tweet{'s' if span.tweets != 1 else ''}"
    if span.until is not None:
        held += f" up to {span.until.date().isoformat()}"
    if dates:
        held += f", from {dates[0].date().isoformat()} to {dates[-1].date().isoformat()}"
    return f"no tweet by @{span.handle} in the archive ({held}) says this"
