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

from quotes import lang
from quotes.lang import LanguageData
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
# Words that may stand between a speech verb and its subject ("a-t-il encore poursuivi").
SUBJECT_GAP = 2

Resolver = Callable[[str], "tuple[str, str] | None"]  # mention -> (handle, display name)
_HYPHEN_EDGES = "-‐'’"
_MEDIUM_WINDOW_CHARS = 160


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
    doc = nlp(text)
    tokens = [
        _Tok(
            t.text.strip(_HYPHEN_EDGES) or t.text,
            (t.text.strip(_HYPHEN_EDGES) or t.text).casefold(),
            t.idx,
            t.idx + len(t.text),
            not (t.is_punct or t.is_space),
            bool(t.is_sent_start),
            t.ent_type_ in PERSON_LABELS,
        )
        for t in doc
    ]
    starts = [t.start for t in tokens]
    people = _PeopleIndex(text, tokens, table, resolve)
    results: list[Attribution | None] = []
    previous: tuple[Quote, Attribution] | None = None
    statements = [q for q in quotes if q.kind == "statement" and q.depth == 0]
    bounds = [(q.open_at, q.outer_end) for q in statements]
    for quote in quotes:
        if quote.kind != "statement" or quote.depth != 0:
            results.append(None)
            continue
        i = statements.index(quote)
        prev_end = bounds[i - 1][1] if i > 0 else 0
        next_start = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        found = _attribute_one(text, tokens, starts, quote, prev_end, next_start, table, people)
        if found is None and previous is not None and _continues(text, previous[0], quote):
            found = _inherit(previous[1])
        if found is not None:
            found = _with_medium(text, found, quote, table, next_start)
            previous = (quote, found)
        results.append(found)
    return tuple(results)


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
        if tok.text in ".!?" and window:
            break
        if "\n" in tok.text and window:
            break
        if not tok.text.isspace():
            window.append(tok)
        if tok.sent_start and window and not _ends_with_colon(text, quote.open_at, tok.start):
            break
        i -= 1
    window.reverse()
    return window


def _ends_with_colon(text: str, open_at: int, start: int) -> bool:
    return text[start:open_at].rstrip().endswith(":")


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
    after = _after_window(tokens, starts, quote, next_start)
    before = _before_window(text, tokens, starts, quote, prev_end)
    after_words = [t for t in after if t.is_word]
    before_words = [t for t in before if t.is_word]

    hit = find_phrase(after_words, table.speech_verbs, within=VERB_AFTER_WITHIN)
    if hit is not None:
        name = _subject(after_words, hit, table, people) or _name_in(
            after_words[: hit[0]], table, people
        )
        return _build(text, quote, people, name, after_words, hit, "verb-after")

    for window, method in ((after_words, "according-to"), (before_words, "according-to")):
        acc = find_phrase(window, table.according_to)
        if acc is not None:
            name = _first_name(window[acc[1] : acc[1] + 5], table, people)
            if name is not None:
                return _build(text, quote, people, name, window, acc, method)

    verb = _last_phrase(before_words, table.speech_verbs)
    if verb is not None:
        name = _subject(before_words, verb, table, people) or _name_in(
            before_words, table, people
        )
        return _build(text, quote, people, name, before_words, verb, "verb-before")

    colon_intro = text[max(0, quote.open_at - 200) : quote.open_at].rstrip().endswith(":")
    if colon_intro and before_words:
        name = _name_in(before_words, table, people)
        if name is not None:
            return _build(text, quote, people, name, before_words, None, "colon")

    # A name and a speech verb further into the sentence after the quote ("…", Musk
    # mengatakan dalam …) are caught above; a name alone after a dash is a byline.
    return None


def _last_phrase(
    window: list[_Tok], phrases: Sequence[str]
) -> tuple[int, int, str] | None:
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
    """The subject of a speech verb: right before it ("Musk said"), else right after it
    ("sagte Musk", "kata Elon", "a décrit le président américain, Donald Trump")."""
    left = _name_ending_at(window, verb[0], table, people)
    if left is not None:
        return left
    return _first_name(window[verb[1] : verb[1] + SUBJECT_GAP + 6], table, people)


def _name_ending_at(
    window: list[_Tok], index: int, table: LanguageData, people: _PeopleIndex
) -> _Name | None:
    for gap in range(0, SUBJECT_GAP + 1):
        end = index - gap
        if end <= 0:
            break
        tok = window[end - 1]
        if tok.lower in table.pronouns:
            return _Name(tok.text, tok.start, tok.end, "pronoun")
        if people.is_name_token(tok, table):
            begin = end - 1
            while begin > 0 and (
                people.is_name_token(window[begin - 1], table)
                or window[begin - 1].lower in table.name_particles
            ):
                begin -= 1
            return _Name(_join(window[begin:end]), window[begin].start, window[end - 1].end, "name")
        if tok.lower in table.roles:
            return _Name(tok.text, tok.start, tok.end, "role")
    return None


def _first_name(window: list[_Tok], table: LanguageData, people: _PeopleIndex) -> _Name | None:
    """The first pronoun, name or role in a short window; a role followed by a name in
    apposition ("le président américain, Donald Trump") gives the name."""
    for i, tok in enumerate(window):
        if tok.lower in table.pronouns:
            return _Name(tok.text, tok.start, tok.end, "pronoun")
        if people.is_name_token(tok, table):
            j = i
            while j + 1 < len(window) and (
                people.is_name_token(window[j + 1], table)
                or (window[j + 1].lower in table.name_particles and j + 2 < len(window)
                    and people.is_name_token(window[j + 2], table))
            ):
                j += 1
            return _Name(_join(window[i : j + 1]), tok.start, window[j].end, "name")
        if tok.lower in table.roles:
            rest = window[i + 1 : i + 6]
            appositive = next(
                (k for k, t in enumerate(rest) if people.is_name_token(t, table)), None
            )
            if appositive is not None:
                return _first_name(rest[appositive:], table, people)
            return _Name(tok.text, tok.start, tok.end, "role")
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


class _PeopleIndex:
    """Names mentioned in one document, to tell names from capitalized words and to
    resolve pronouns, roles and surnames to the last person named."""

    def __init__(
        self, text: str, tokens: list[_Tok], table: LanguageData, resolve: Resolver | None
    ) -> None:
        self.resolve = resolve
        self.mentions: list[tuple[int, str]] = []  # (offset, full name), in order
        self._known: dict[str, bool] = {}
        run: list[_Tok] = []
        for tok in [*tokens, _Tok("", "", len(text), len(text), False, True, False)]:
            if tok.is_word and self._capitalized(tok) and tok.lower not in table.stopwords:
                if run and (tok.start - run[-1].end > 1 or tok.sent_start):
                    self._add_run(run, table)
                    run = []
                run.append(tok)
            else:
                self._add_run(run, table)
                run = []

    @staticmethod
    def _capitalized(tok: _Tok) -> bool:
        return (tok.text[:1].isupper() and not tok.text.isupper()) or (
            tok.text.isupper() and len(tok.text) > 1 and tok.person
        )

    def _add_run(self, run: list[_Tok], table: LanguageData) -> None:
        words = [t for t in run if t.lower not in table.roles and t.text not in table.titles]
        if not words:
            return
        full = _join(words)
        person = any(t.person for t in words)
        if len(words) >= 2 or person or self._resolves(full):
            self.mentions.append((words[0].start, full))

    def _resolves(self, name: str) -> bool:
        if name not in self._known:
            self._known[name] = bool(self.resolve and self.resolve(name))
        return self._known[name]

    def is_known(self, name: str) -> bool:
        return self._resolves(name) or any(name == full for _, full in self.mentions)

    def is_name_token(self, tok: _Tok, table: LanguageData) -> bool:
        if not tok.is_word or tok.lower in table.stopwords or tok.lower in table.roles:
            return False
        if tok.person:
            return True
        if not self._capitalized(tok) or tok.text in table.titles:
            return False
        if table.capitalizes_nouns:
            # German capitalizes every noun: a lone capitalized word is a name only when the
            # document or the archive knows it as one.
            return self._resolves(tok.text) or any(
                tok.text in full.split() for _, full in self.mentions
            )
        return True

    def full_name(self, mention: str, before: int) -> str:
        """The longest name mentioned before `before` that contains `mention`'s words."""
        parts = mention.split()
        for _, full in reversed([m for m in self.mentions if m[0] < before]):
            if all(p in full.split() for p in parts) and len(full) >= len(mention):
                return full
        return mention

    def last_person(self, before: int) -> str | None:
        """The last person named before an offset: preferring names the archive knows."""
        earlier = [full for offset, full in self.mentions if offset < before]
        for full in reversed(earlier):
            if self._resolves(full):
                return full
        return earlier[-1] if earlier else None


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
            speaker = people.last_person(quote.open_at)
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
    prev_end = previous.outer_end
    gap = text[prev_end : quote.open_at]
    return len(gap) <= CONTINUATION_GAP and "\n\n" not in gap.replace("\r", "")


def _inherit(previous: Attribution) -> Attribution:
    return replace(previous, method="continues-previous")


def _with_medium(
    text: str, found: Attribution, quote: Quote, table: LanguageData, next_start: int
) -> Attribution:
    """The medium named in the attribution sentence, before or after the quote."""
    if found.medium != "none":
        return found
    end_of_quote = quote.outer_end
    line_start = text.rfind("\n", 0, quote.open_at) + 1
    before = text[max(line_start, quote.open_at - _MEDIUM_WINDOW_CHARS) : quote.open_at]
    after = text[end_of_quote : min(next_start, end_of_quote + _MEDIUM_WINDOW_CHARS)]
    after = re.split(r"(?<=[.!?])\s|\n", after, maxsplit=1)[0]
    for window in (after, before):
        for medium, pattern in table.medium_patterns:
            m = pattern.search(window)
            if m:
                return replace(found, medium=medium, medium_phrase=m.group())
    return found
