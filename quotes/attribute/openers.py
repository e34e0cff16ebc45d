"""Capitalized words opening sentences that are names there: a word that opens several
sentences ("Lula usou …", "Lula reproduziu …"), or one opening a sentence as its subject
before its verb ("Rutte wist …", "Onyx disse …"), though a sentence's first word is
capitalized anyway."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

from quotes.attribute.lexicon import is_first_name, lowercase_words
from quotes.attribute.persons import never_a_name
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_role

# How many sentences a capitalized word must open to count as a name there.
_OPENINGS = 2
# A word opening a sentence must be this long to be taken for its subject's name.
_SUBJECT_LETTERS = 3
# How far (characters) after its sentence a quote may open and still follow it.
_QUOTE_AFTER = 3


def openers(
    tokens: list[Tok], table: LanguageData, reporting: frozenset[str]
) -> frozenset[str]:
    """Capitalized words that open several sentences and are no function, reporting or
    role word ("Lula usou …", "Lula reproduziu …"): a name the text starts sentences with
    (not where every noun is capitalized)."""
    if table.capitalizes_nouns:
        return frozenset()
    seen = Counter(
        t.text for t in tokens if t.sent_start and t.is_word and t.text[:1].isupper()
        and t.lower not in table.stopwords and t.lower not in reporting
        and not never_a_name(t.lower, table) and t.lower not in table.pronouns
        and not is_role(t.text, table) and not _lowercase_word(t)
    )
    return frozenset(w for w, n in seen.items() if n >= _OPENINGS)


def opening_subjects(
    text: str, tokens: list[Tok], table: LanguageData, reporting: frozenset[str],
    quoted: Sequence[tuple[int, int]],
) -> frozenset[int]:
    """The starts of words opening a sentence as its subject's name ("Rutte wist sinds …",
    "Wilders interrumpeert hem"): a capitalized word the text never writes in lowercase,
    right before a lowercase verb, not in the inverted order ("Gisteren zei hij"), in a
    sentence that holds a quote or comes right before one ("Nobody knew who …" alone is
    no one's name). Not where every noun is capitalized; where a sentence may open with its
    verb, only before a speech verb ("Onyx reafirmou …"; "Acusó al PP": the verb opens)."""
    if table.capitalizes_nouns or not quoted:
        return frozenset()
    known_words = reporting | {t.lower for t in tokens if t.is_word and t.text.islower()}
    sentences = [t.start for t in tokens if t.sent_start] + [len(text)]
    quote_starts = sorted(start for start, _ in quoted)
    then_verb = _subject_then_speech_verb if table.drops_subjects else _subject_then_verb
    return frozenset(
        a.start for a, b, c, d in zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False)
        if a.lower not in known_words and _capital_opener(a, table)
        and _subject_shape(then_verb, (a, b, c, d), table)
        and _quote_near(a.start, sentences, quote_starts))


def _subject_shape(then_verb: Callable[[Tok, Tok, Tok, LanguageData], bool],
                   run: tuple[Tok, Tok, Tok, Tok], table: LanguageData) -> bool:
    """Do the words after a sentence's first word make it the subject: a verb after it,
    or its role in apposition?"""
    a, b, c, d = run
    return then_verb(a, b, c, table) or _apposed_role(b, c, d, table)


def _apposed_role(comma: Tok, article: Tok, role: Tok, table: LanguageData) -> bool:
    """A comma, a definite article and a role noun after a sentence's first word: the role
    in apposition to its subject ("Varsko, el entrenador local, reconocía que …")."""
    return comma.text == "," and article.lower in table.definite_articles \
        and role.text.islower() and is_role(role.text, table)


def _subject_then_speech_verb(a: Tok, b: Tok, c: Tok, table: LanguageData) -> bool:
    """Is `b` a speech verb right after `a` ("Onyx disse", "Gabrin ha explicado"), or any
    verb after a first name no language writes lowercase ("Lula aproveitou …", not "Due
    …": no verb opens a sentence with it)?"""
    if not (b.is_word and b.text.islower() and a.end + 1 == b.start):
        return False
    if is_first_name(a.text) and a.lower not in lowercase_words() \
            and _subject_then_verb(a, b, c, table):
        return True
    return b.lower in table.speech_verbs or f"{b.lower} {c.lower}" in table.speech_verbs


def _quote_near(at: int, sentences: list[int], quote_starts: list[int]) -> bool:
    """Does a quote open in the sentence starting at `at`, or right after it?"""
    end = sentences[min(bisect_right(sentences, at), len(sentences) - 1)]
    q = bisect_left(quote_starts, at)
    return q < len(quote_starts) and quote_starts[q] <= end + _QUOTE_AFTER


def _subject_then_verb(a: Tok, b: Tok, c: Tok, table: LanguageData) -> bool:
    """Is `b` a lowercase word right after `a` (a verb, the sentence's second word), with
    no pronoun or name after it (the inverted order: "Gisteren zei hij")?"""
    verb = b.is_word and b.text.islower() and b.lower not in table.stopwords \
        and a.end + 1 == b.start
    return verb and not (c.lower in table.pronouns or c.text[:1].isupper())


def _capital_opener(tok: Tok, table: LanguageData) -> bool:
    """A word of letters opening a sentence with a capital (not all capitals), which the
    tables know as no function word or other non-name."""
    return (tok.sent_start and tok.is_word and tok.text.isalpha() and tok.text[:1].isupper()
            and not tok.text.isupper() and len(tok.text) >= _SUBJECT_LETTERS
            and not _function_word(tok, table) and not _lowercase_word(tok))


def _lowercase_word(tok: Tok) -> bool:
    """A word languages write lowercase, no first name: capitalized at a sentence's
    start it names no one ("Quelques tweets plus tard", "Después", "Zudem")."""
    return tok.lower in lowercase_words() and not is_first_name(tok.text)



def _function_word(tok: Tok, table: LanguageData) -> bool:
    """A word the tables know as no name: function word, pronoun, role, title, …"""
    lower = tok.lower
    return (lower in table.stopwords or lower in table.pronouns or never_a_name(lower, table)
            or lower in table.question_openers or lower in table.coordinators
            or lower in table.indefinites or lower in table.according_to
            or tok.text in table.titles or is_role(tok.text, table))
