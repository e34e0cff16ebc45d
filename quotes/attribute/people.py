"""The people of one document: the names it mentions, to tell names from capitalized words
and to resolve pronouns, roles and surnames to the person meant."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    kind: str  # "name", "pronoun" or "role"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    name: str
    subject: bool  # opens its sentence, after at most determiners, roles and titles


def join(tokens: list[Tok]) -> str:
    return " ".join(t.text for t in tokens)


class PeopleIndex:
    """Names mentioned in one document, to tell names from capitalized words and to
    resolve pronouns, roles and surnames to the person meant."""

    def __init__(
        self, text: str, tokens: list[Tok], table: LanguageData, resolve: Resolver | None
    ) -> None:
        self.text = text
        self.resolve = resolve
        self.table = table
        self.speakers: set[str] = set()  # names already found speaking in this document
        self.last_speaker: Attribution | None = None  # the latest attribution with a speaker
        self.mentions: list[Mention] = []  # in document order
        self._known: dict[str, bool] = {}
        # Capitalized words seen inside sentences: a sentence's first word is capitalized
        # anyway, so there it counts as a name only if it also appears inside one.
        self.inner_capitalized = {
            t.text for t in tokens if t.is_word and not t.sent_start and t.text[:1].isupper()
        }
        self._collect_mentions(tokens)

    def _collect_mentions(self, tokens: list[Tok]) -> None:
        """Runs of adjacent capitalized words, each a mention if it looks like a name."""
        table = self.table
        run: list[Tok] = []
        subject_slot = True  # nothing but determiners, roles or titles since sentence start
        end = Tok("", "", len(self.text), len(self.text), False, True, False)
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
    def _capitalized(tok: Tok) -> bool:
        return (tok.text[:1].isupper() and not tok.text.isupper()) or (
            tok.text.isupper() and len(tok.text) > 1 and tok.person
        )

    def _add_run(self, run: list[Tok], subject_slot: bool) -> None:
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
        full = join(words)
        person = any(t.person for t in words)
        # A lone capitalized word counts where capitals mark names (not German nouns) and
        # it does not open a sentence ("Trump had …" opens one; "said Trump" does not).
        lone_name = not table.capitalizes_nouns and not words[0].sent_start
        if len(words) >= 2 or person or lone_name or self._resolves(full):
            self.mentions.append(Mention(words[0].start, full, subject_slot))

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

    def is_name_token(self, tok: Tok, table: LanguageData) -> bool:
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
    ) -> Mention | None:
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

    def remember(self, found: Attribution) -> None:
        """A quote was attributed: its speaker is known from now on and speaks last."""
        if found.speaker is not None:
            self.speakers.add(found.speaker)
            self.last_speaker = found
