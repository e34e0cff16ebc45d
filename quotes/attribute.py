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
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from quotes import lang
from quotes.lang import LanguageData, is_role
from quotes.models import Attribution, Quote
from quotes.nlp import PERSON_LABELS
from quotes.text import find_phrase

# How many tokens around a quote are read for its attribution.
WINDOW_TOKENS = 40
# A speech verb after a quote must come within this many words to attribute it.
VERB_AFTER_WITHIN = 4
# A fragment this close (characters) after an attributed quote in the same paragraph
# inherits its speaker.
CONTINUATION_GAP = 400
# The "context" fallback looks this far back in the paragraph for the person meant.
CONTEXT_CHARS = 300
# Words that may stand between a speech verb and its subject ("a-t-il encore poursuivi").
SUBJECT_GAP = 2

Resolver = Callable[[str], "tuple[str, str] | None"]  # mention -> (handle, display name)
_HYPHEN_EDGES = "-‐'’"
_MEDIUM_WINDOW_CHARS = 160
_SENTENCE_END = re.compile(r"[.!?…]+\s+|\n")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    lower: str
    start: int
    end: int
    is_word: bool
    sent_start: bool
    person: bool


@dataclass(frozen=True, slots=True)
class _Name:
    text: str
    start: int
    end: int
    kind: str  # "name", "pronoun" or "role"


def attribute_quotes(
    text: str,
    quotes: Sequence[Quote],
    language: str,
    nlp: Language,
    *,
    resolve: Resolver | None = None,
    table: LanguageData | None = None,
) -> tuple[Attribution | None, ...]:
    """An attribution for each top-level statement of `quotes` (None for terms and nested)."""
    table = table or lang.get(language)
    tokens = _tokens(nlp(text))
    starts = [t.start for t in tokens]
    people = _PeopleIndex(text, tokens, table, resolve)
    results: list[Attribution | None] = []
    previous: tuple[Quote, Attribution] | None = None
    statements = [q for q in quotes if q.kind == "statement" and q.depth == 0]
    bounds = [(q.open_at, q.outer_end) for q in statements]
    position = {id(q): i for i, q in enumerate(statements)}
    for quote in quotes:
        if quote.kind != "statement" or quote.depth != 0:
            results.append(None)
            continue
        i = position[id(quote)]
        prev_end = bounds[i - 1][1] if i > 0 else 0
        next_start = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        found = _attribute_one(text, tokens, starts, quote, prev_end, next_start, table, people)
        weak = found is None or found.method == "context"
        if weak and previous is not None and _continues(text, previous[0], quote):
            found = _inherit(previous[1])
        if found is not None:
            found = _with_medium(text, found, quote, table, next_start)
            previous = (quote, found)
            if found.speaker is not None:
                people.speakers.add(found.speaker)
                people.last_speaker = found
        results.append(found)
    return tuple(results)


def _tokens(doc: Doc) -> list[_Tok]:
    """spaCy's tokens as the stage needs them. A one-letter token with a period ("X.")
    ends a sentence unless a capitalized word precedes it (an initial: "John F. Kennedy"):
    "… wrote on X. Her rival …" is two sentences."""
    tokens: list[_Tok] = []
    split_before = False  # the previous token was "X." split into "X" and "."
    for t in doc:
        text = t.text.strip(_HYPHEN_EDGES) or t.text
        start, person = t.idx, t.ent_type_ in PERSON_LABELS
        previous = tokens[-1] if tokens else None
        initial_like = len(text) == 2 and text[0].isupper() and text[1] == "."
        if initial_like and not (previous and previous.text[:1].isupper()):
            sent_start = bool(t.is_sent_start)
            tokens.append(
                _Tok(text[0], text[0].casefold(), start, start + 1, True, sent_start, person)
            )
            tokens.append(_Tok(".", ".", start + 1, start + 2, False, False, False))
            split_before = True
            continue
        sent_start = bool(t.is_sent_start) or (split_before and text[:1].isupper())
        split_before = False
        word = not (t.is_punct or t.is_space)
        tokens.append(
            _Tok(text, text.casefold(), start, start + len(t.text), word, sent_start, person)
        )
    return tokens


# --- windows -------------------------------------------------------------------------


def _after_window(
    tokens: list[_Tok], starts: list[int], quote: Quote, next_start: int
) -> list[_Tok]:
    begin = quote.outer_end
    i = bisect_left(starts, begin)
    window: list[_Tok] = []
    while i < len(tokens) and len(window) < WINDOW_TOKENS:
        tok = tokens[i]
        if tok.start >= next_start or (window and tok.sent_start and window[-1].text in ".!?"):
            break
        if "\n" in tok.text:
            break
        window.append(tok)
        if tok.text in ".!?" and len(window) > 1:
            break
        i += 1
    return window


def _before_window(
    text: str, tokens: list[_Tok], starts: list[int], quote: Quote, prev_end: int
) -> list[_Tok]:
    i = bisect_left(starts, quote.open_at) - 1
    window: list[_Tok] = []
    while i >= 0 and len(window) < WINDOW_TOKENS:
        tok = tokens[i]
        if tok.end <= prev_end:
            break
        if tok.text in ".!?…" or ("\n" in tok.text and window):
            break
        if not tok.text.isspace():
            window.append(tok)
        # A quote that opens its own sentence or paragraph is introduced by the sentence
        # before it only when that one ends in a colon ("…respondió: \n\n“…”").
        if tok.sent_start and not (len(window) == 1 and tok.text == ":"):
            break
        i -= 1
    window.reverse()
    return window


# --- finding the speaker ---------------------------------------------------------------


def _attribute_one(
    text: str,
    tokens: list[_Tok],
    starts: list[int],
    quote: Quote,
    prev_end: int,
    next_start: int,
    table: LanguageData,
    people: _PeopleIndex,
) -> Attribution | None:
    if quote.block:
        return _attribute_block(text, tokens, starts, quote, table, people)
    after = _after_window(tokens, starts, quote, next_start)
    before = _before_window(text, tokens, starts, quote, prev_end)
    after_words = [t for t in after if t.is_word]
    before_words = [t for t in before if t.is_word]

    after_verbs = (*table.speech_verbs, *table.after_quote)
    hit = find_phrase(after_words, after_verbs, within=VERB_AFTER_WITHIN)
    verb_after: Attribution | None = None
    if hit is not None:
        name = _subject(after_words, hit, table, people) or _name_in(
            after_words[: hit[0]], table, people
        )
        verb_after = _build(text, quote, people, name, after_words, hit, "verb-after")
        if name is None and people.last_speaker is not None:
            # "…», scrive." — the subject is left out (Italian, Spanish, Portuguese): the
            # person quoted last is still speaking.
            verb_after = replace(
                verb_after,
                speaker=people.last_speaker.speaker,
                author_handle=people.last_speaker.author_handle,
                mention=None,
                method="verb-after+implicit",
            )
        # "…!” Hij reageerde …" starts a new sentence: an introduction before the quote,
        # if there is one, says more about who spoke.
        if not (_ends_sentence(quote) and after_words and after_words[0].sent_start):
            return verb_after

    for window in (after_words, before_words):
        acc = find_phrase(window, table.according_to)
        if acc is not None:
            name = _first_name(window[acc[1] : acc[1] + 5], table, people)
            if name is not None:
                return _build(text, quote, people, name, window, acc, "according-to")

    verb = _last_phrase(before_words, table.speech_verbs)
    if verb is not None:
        name = _subject(before_words, verb, table, people) or _name_in(before_words, table, people)
        return _build(text, quote, people, name, before_words, verb, "verb-before")

    colon_intro = text[max(0, quote.open_at - 200) : quote.open_at].rstrip().endswith(":")
    if colon_intro and before_words:
        name = _name_in(before_words, table, people)
        if name is not None:
            return _build(text, quote, people, name, before_words, None, "colon")
    if verb_after is not None:
        return verb_after

    # "…». Lo scrive Joe Biden su X": the attribution opens the next sentence.
    following = _next_sentence_words(tokens, starts, after, quote, next_start)
    hit = find_phrase(following, table.speech_verbs, within=VERB_AFTER_WITHIN - 1)
    if hit is not None:
        name = _subject(following, hit, table, people)
        if name is not None:
            return _build(text, quote, people, name, following, hit, "verb-next-sentence")

    # A quote standing as its own sentence after one about a person ("Kurz darauf sprach
    # sich Biden auf X für … aus. „Heute möchte ich …“"): that person, with low confidence.
    if not before_words and not after_words:
        line_start = text.rfind("\n", 0, quote.open_at) + 1
        after_offset = max(line_start, quote.open_at - CONTEXT_CHARS)
        mention = people.last_mention(quote.open_at, after=after_offset)
        if mention is not None:
            name = _Name(mention.name, mention.start, mention.start + len(mention.name), "name")
            return _build(text, quote, people, name, [], None, "context")
    return None


def _attribute_block(
    text: str,
    tokens: list[_Tok],
    starts: list[int],
    quote: Quote,
    table: LanguageData,
    people: _PeopleIndex,
) -> Attribution | None:
    """A post set as a block is attributed by the sentence introducing it, at the end of
    the paragraph before ("Korte tijd later volgde een nieuw bericht waarin hij …")."""
    intro_end = len(text[: quote.start].rstrip())
    line_start = text.rfind("\n", 0, intro_end) + 1
    last = max(
        [line_start] + [m.end() for m in _SENTENCE_END.finditer(text, line_start, intro_end - 1)]
    )
    intro = [
        t for t in tokens[bisect_left(starts, last) : bisect_left(starts, intro_end)] if t.is_word
    ]
    verb = _last_phrase(intro, table.speech_verbs)
    if verb is not None:
        name = _subject(intro, verb, table, people) or _name_in(intro, table, people)
        return _build(text, quote, people, name, intro, verb, "block-intro")
    name = _name_in(intro, table, people)
    return _build(text, quote, people, name, intro, None, "block-intro") if name else None


def _ends_sentence(quote: Quote) -> bool:
    return quote.text.rstrip(" \u00a0\u202f").endswith((".", "!", "?", "…"))


def _next_sentence_words(
    tokens: list[_Tok], starts: list[int], after: list[_Tok], quote: Quote, next_start: int
) -> list[_Tok]:
    if any(t.is_word for t in after):
        return []  # the quote's own sentence goes on: the next one is about something else
    begin = after[-1].end if after else quote.outer_end
    i = bisect_left(starts, begin)
    result: list[_Tok] = []
    while i < len(tokens) and len(result) < 8 and tokens[i].start < next_start:
        if "\n" in tokens[i].text or (result and tokens[i].text in ".!?"):
            break
        if tokens[i].is_word:
            result.append(tokens[i])
        i += 1
    return result


def _last_phrase(window: list[_Tok], phrases: Sequence[str]) -> tuple[int, int, str] | None:
    """The speech verb nearest the quote in a window before it."""
    last = None
    offset = 0
    while offset < len(window):
        hit = find_phrase(window[offset:], phrases)
        if hit is None:
            break
        last = (hit[0] + offset, hit[1] + offset, hit[2])
        offset = last[1]
    return last


def _subject(
    window: list[_Tok], verb: tuple[int, int, str], table: LanguageData, people: _PeopleIndex
) -> _Name | None:
    """The subject of a speech verb: right before it ("Musk said"), inside it ("sagte er",
    "a-t-il déclaré", "ujarnya"), else right after it ("sagte Musk", "kata Elon", "a décrit
    le président américain, Donald Trump"), but not past an unnamed subject ("said a
    council member in Springfield" names nobody)."""
    left = _name_ending_at(window, verb[0], table, people)
    if left is not None:
        return left
    for tok in window[verb[0] : verb[1]]:
        if tok.lower in table.pronouns:
            return _Name(tok.text, tok.start, tok.end, "pronoun")
    last = window[verb[1] - 1]
    for suffix in table.pronoun_suffixes:
        if last.lower.endswith(suffix) and len(last.lower) > len(suffix) + 2:
            return _Name(last.text[-len(suffix) :], last.end - len(suffix), last.end, "pronoun")
    return _first_name(
        window[verb[1] : verb[1] + SUBJECT_GAP + 6], table, people, stop_at_common_noun=True
    )


def _name_ending_at(
    window: list[_Tok], index: int, table: LanguageData, people: _PeopleIndex
) -> _Name | None:
    for gap in range(0, SUBJECT_GAP + 1):
        end = index - gap
        if end <= 0:
            break
        tok = window[end - 1]
        if end < index and not people.adjacent(tok, window[end]):
            break  # punctuation between: "No Twitter, Trump partilhou" is not one name
        if tok.lower in table.pronouns:
            return _Name(tok.text, tok.start, tok.end, "pronoun")
        if people.is_name_token(tok, table):
            begin = end - 1
            while (
                begin > 0
                and people.adjacent(window[begin - 1], window[begin])
                and (
                    people.is_name_token(window[begin - 1], table)
                    or window[begin - 1].lower in table.name_particles
                )
            ):
                begin -= 1
            while window[begin].lower in table.name_particles:
                begin += 1
            return _Name(_join(window[begin:end]), window[begin].start, window[end - 1].end, "name")
        if is_role(tok.text, table):
            return _Name(tok.text, tok.start, tok.end, "role")
    return None


def _first_name(
    window: list[_Tok],
    table: LanguageData,
    people: _PeopleIndex,
    *,
    stop_at_common_noun: bool = False,
) -> _Name | None:
    """The first pronoun, name or role in a short window; a role followed by a name in
    apposition ("le président américain, Donald Trump") gives the name. With
    `stop_at_common_noun`, a common noun after a determiner ("a council member", "un
    habitant", "seorang warga") ends the search: the subject has no name."""
    after_determiner = False
    content_words = 0
    for i, tok in enumerate(window):
        if tok.lower in table.pronouns:
            return _Name(tok.text, tok.start, tok.end, "pronoun")
        if people.is_name_token(tok, table):
            j = i
            while j + 1 < len(window) and people.adjacent(window[j], window[j + 1]):
                nxt = window[j + 1]
                if people.is_name_token(nxt, table):
                    j += 1
                elif (
                    nxt.lower in table.name_particles
                    and j + 2 < len(window)
                    and people.adjacent(nxt, window[j + 2])
                    and people.is_name_token(window[j + 2], table)
                ):
                    j += 2
                else:
                    break
            return _Name(_join(window[i : j + 1]), tok.start, window[j].end, "name")
        if is_role(tok.text, table):
            rest = window[i + 1 : i + 6]
            for k, candidate in enumerate(rest):
                if people.is_name_token(candidate, table):
                    # A title right before the name ("Bürgermeisterin Erika Muster",
                    # "President Joe Biden"), or apposition after a comma ("président
                    # américain, Donald Trump"); not a name further on ("patron de Tesla",
                    # "mandatario, según Associated Press").
                    previous = rest[k - 1] if k else tok
                    titled = k == 0 and people.adjacent(tok, candidate)
                    if titled or people.comma_between(previous, candidate):
                        return _first_name(rest[k:], table, people)
                    break
            return _Name(tok.text, tok.start, tok.end, "role")
        if stop_at_common_noun and tok.is_word:
            if tok.lower in table.stopwords:
                after_determiner = True
                continue
            content_words += 1
            if after_determiner or content_words >= 2:
                return None
    return None


def _name_in(window: list[_Tok], table: LanguageData, people: _PeopleIndex) -> _Name | None:
    """The likeliest person named in a window: a known person first, else the first name."""
    best: _Name | None = None
    i = 0
    while i < len(window):
        name = _first_name(window[i:], table, people)
        if name is None:
            break
        if name.kind == "name" and people.is_known(name.text):
            return name
        best = best or name
        i = next((k for k, t in enumerate(window) if t.start >= name.end), len(window))
    return best


def _join(tokens: list[_Tok]) -> str:
    return " ".join(t.text for t in tokens)


# --- the people of a document ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    name: str
    subject: bool  # opens its sentence, after at most determiners, roles and titles


class _PeopleIndex:
    """Names mentioned in one document, to tell names from capitalized words and to
    resolve pronouns, roles and surnames to the person meant."""

    def __init__(
        self, text: str, tokens: list[_Tok], table: LanguageData, resolve: Resolver | None
    ) -> None:
        self.text = text
        self.resolve = resolve
        self.table = table
        self.speakers: set[str] = set()  # names already found speaking in this document
        self.last_speaker: Attribution | None = None  # the latest attribution with a speaker
        self.mentions: list[_Mention] = []  # in document order
        self._known: dict[str, bool] = {}
        # Capitalized words seen inside sentences: a sentence's first word is capitalized
        # anyway, so there it counts as a name only if it also appears inside one.
        self.inner_capitalized = {
            t.text for t in tokens if t.is_word and not t.sent_start and t.text[:1].isupper()
        }
        run: list[_Tok] = []
        subject_slot = True  # nothing but determiners, roles or titles since sentence start
        end = _Tok("", "", len(text), len(text), False, True, False)
        for tok in [*tokens, end]:
            if tok.sent_start:
                self._add_run(run, subject_slot)
                run, subject_slot = [], True
            if tok.is_word and self._capitalized(tok) and tok.lower not in table.stopwords:
                if run and not self.adjacent(run[-1], tok):
                    self._add_run(run, subject_slot)
                    run, subject_slot = [], False
                run.append(tok)
                continue
            if run:
                self._add_run(run, subject_slot)
                run, subject_slot = [], False
            if tok.is_word and tok.lower not in table.stopwords and not is_role(tok.text, table):
                subject_slot = False

    @staticmethod
    def _capitalized(tok: _Tok) -> bool:
        return (tok.text[:1].isupper() and not tok.text.isupper()) or (
            tok.text.isupper() and len(tok.text) > 1 and tok.person
        )

    def _add_run(self, run: list[_Tok], subject_slot: bool) -> None:
        table = self.table
        words = [
            t
            for t in run
            if not is_role(t.text, table)
            and t.text not in table.titles
            and t.lower not in table.not_names
        ]
        if not words:
            return
        full = _join(words)
        person = any(t.person for t in words)
        # A lone capitalized word counts where capitals mark names (not German nouns) and
        # it does not open a sentence ("Trump had …" opens one; "said Trump" does not).
        lone_name = not table.capitalizes_nouns and not words[0].sent_start
        if len(words) >= 2 or person or lone_name or self._resolves(full):
            self.mentions.append(_Mention(words[0].start, full, subject_slot))

    def adjacent(self, a: _Tok, b: _Tok) -> bool:
        """Only spaces between two tokens (no comma, dash or parenthesis)."""
        return self.text[a.end : b.start].strip() == ""

    def comma_between(self, a: _Tok, b: _Tok) -> bool:
        return "," in self.text[a.end : b.start]

    def _resolves(self, name: str) -> bool:
        if name not in self._known:
            self._known[name] = bool(self.resolve and self.resolve(name))
        return self._known[name]

    def is_known(self, name: str) -> bool:
        """Known as a person: by the archive, or quoted earlier in this document."""
        return self._resolves(name) or name in self.speakers

    def is_name_token(self, tok: _Tok, table: LanguageData) -> bool:
        if not tok.is_word or tok.lower in table.stopwords or is_role(tok.text, table):
            return False
        if tok.person:
            return True
        if not self._capitalized(tok) or tok.text in table.titles or tok.lower in table.not_names:
            return False
        if tok.sent_start and tok.text not in self.inner_capitalized:
            return self._resolves(tok.text)
        if table.capitalizes_nouns:
            # German capitalizes every noun: a lone capitalized word is a name only when the
            # document or the archive knows it as one.
            return self._resolves(tok.text) or any(
                tok.text in m.name.split() for m in self.mentions
            )
        return True

    def full_name(self, mention: str, before: int) -> str:
        """The longest name mentioned before `before` that contains `mention`'s words."""
        parts = mention.split()
        for m in reversed([m for m in self.mentions if m.start < before]):
            if all(p in m.name.split() for p in parts) and len(m.name) >= len(mention):
                return m.name
        return mention

    def last_mention(
        self, before: int, *, after: int = 0, known_only: bool = False
    ) -> _Mention | None:
        """The person a pronoun or role before `before` stands for: the last one the
        archive knows or this document quoted, else the last sentence subject, else the
        last name. With `known_only` only the first kind is taken, since a role
        ("el mandatario") resolved to a wrong name is worse than none."""
        earlier = [m for m in self.mentions if after <= m.start < before]
        for m in reversed(earlier):
            if self.is_known(m.name):
                return m
        if known_only:
            return None
        for m in reversed(earlier):
            if m.subject:
                return m
        return earlier[-1] if earlier else None

    def last_person(self, before: int, *, known_only: bool = False) -> str | None:
        mention = self.last_mention(before, known_only=known_only)
        return mention.name if mention else None


# --- assembling ------------------------------------------------------------------------


def _build(
    text: str,
    quote: Quote,
    people: _PeopleIndex,
    name: _Name | None,
    window: list[_Tok],
    verb: tuple[int, int, str] | None,
    method: str,
) -> Attribution:
    phrase_tokens = list(window)
    if verb is not None:
        lo, hi = verb[0], verb[1]
        if name is not None:
            lo = min(lo, next((k for k, t in enumerate(window) if t.start >= name.start), lo))
            hi = max(hi, next((k + 1 for k, t in enumerate(window) if t.end >= name.end), hi))
        phrase_tokens = window[lo:hi]
    phrase_start = phrase_tokens[0].start if phrase_tokens else None
    phrase_end = phrase_tokens[-1].end if phrase_tokens else None

    speaker: str | None = None
    handle: str | None = None
    if name is not None:
        if name.kind == "name":
            speaker = people.full_name(name.text, quote.open_at)
        else:
            # The person named before the pronoun or role itself, not before the quote:
            # in "Sie kommentierte den Beitrag … Donald Trumps: „…“" she is not Trump.
            speaker = people.last_person(name.start, known_only=name.kind == "role")
            method = f"{method}+{name.kind}"
        if speaker is not None and people.resolve is not None:
            resolved = people.resolve(speaker) or people.resolve(name.text)
            if resolved is not None:
                handle, speaker = resolved
    return Attribution(
        speaker=speaker,
        mention=name.text if name else None,
        mention_start=name.start if name else None,
        method=method,
        phrase=text[phrase_start:phrase_end] if phrase_start is not None else None,
        phrase_start=phrase_start,
        phrase_end=phrase_end,
        verb=verb[2] if verb else None,
        medium="none",
        medium_phrase=None,
        author_handle=handle,
    )


def _continues(text: str, previous: Quote, quote: Quote) -> bool:
    """Does `quote` go on from `previous`: in the same paragraph, or right after it with
    nothing but a paragraph break between ("…!“\n\n„Bitte …")?"""
    gap = text[previous.outer_end : quote.open_at]
    if not gap.strip(" \t\r\n.,;:–—-"):
        return True
    return len(gap) <= CONTINUATION_GAP and "\n" not in gap


def _inherit(previous: Attribution) -> Attribution:
    return replace(previous, method="continues-previous")


def _with_medium(
    text: str, found: Attribution, quote: Quote, table: LanguageData, next_start: int
) -> Attribution:
    """The medium named where the article attributes the quote: the attribution sentence
    after it ("sagte Musk in einem seiner Tweets") or the introduction before it ("No
    Twitter, Trump partilhou …: “…”")."""
    if found.medium != "none":
        return found
    line_start = text.rfind("\n", 0, quote.open_at) + 1
    sentence_start = max(
        [line_start, quote.open_at - _MEDIUM_WINDOW_CHARS]
        + [m.end() for m in _SENTENCE_END.finditer(text, line_start, quote.open_at)]
    )
    if found.method == "context" and found.mention_start is not None:
        sentence_start = max(line_start, found.mention_start - _MEDIUM_WINDOW_CHARS)
    before = text[sentence_start : quote.open_at]
    after = ""
    if found.phrase_start is not None and found.phrase_start >= quote.outer_end:
        # The attribution follows the quote: read on to the end of its sentence.
        stop = min(next_start, (found.phrase_end or found.phrase_start) + _MEDIUM_WINDOW_CHARS)
        tail = text[found.phrase_start : stop]
        after = text[quote.outer_end : found.phrase_start] + _SENTENCE_END.split(tail, 1)[0]
    for window in (after, before):
        for medium, pattern in table.medium_patterns:
            m = pattern.search(window)
            if m:
                return replace(found, medium=medium, medium_phrase=m.group())
    return found
