"""Tokens that belong to names though they look otherwise: particles inside a name ("van
der" in "Herman van der Zandt"), names set in capitals ("MARK EYSKENS"), function words
after an honorific ("Mrs May"), capitalized words after a reporting word ("so SPD-Chef
Klingbeil")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from quotes.attribute.lexicon import is_first_name
from quotes.attribute.persons import is_title, kind_of, link_word
from quotes.attribute.tokens import Tok
from quotes.lang import LanguageData, is_role

# How many times a word must be written without an article to count as a name.
_BARE_TIMES = 2
# How many capital words may follow a first name in capitals as its surname.
_CAPITAL_SURNAMES = 2


def titled_function_words(text: str, tokens: Sequence[Tok], table: LanguageData) -> frozenset[str]:
    """Capitalized words that double as function words, written right after an honorific
    inside a sentence ("Mrs May replied", "Mr Will …"), or first names right after a role
    ("Voorzitter Ben van de Boomen"): names there and elsewhere in the text."""
    return frozenset(
        b.text for a, b in pairwise(tokens)
        if b.is_word and b.lower in table.stopwords and b.text[:1].isupper()
        and not b.text.isupper() and not b.sent_start
        and (a.text.rstrip(".") in table.titles
             or (is_role(a.text, table) and is_first_name(b.text)))
        and text[a.end : b.start] in (" ", ". ")
    )


def inner_particles(tokens: Sequence[Tok], table: LanguageData) -> frozenset[int]:
    """The starts of name particles between a first name and a capitalized word ("Herman
    van der Zandt", "Ursula von der Leyen", "Marine Le Pen"): part of the name."""
    found: set[int] = set()
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower not in table.name_particles or tokens[i].lower in \
                table.coordinators or not is_first_name(tokens[i - 1].text):
            continue
        found.update(_before_name(tokens, i, i, table))
    return frozenset(found)


def _before_name(tokens: Sequence[Tok], i: int, j: int, table: LanguageData) -> list[int]:
    """The starts of tokens[i:k], where tokens[j:k] are adjacent particles and a
    capitalized word follows them ("van der" before "Zandt"); none where no such word
    follows."""
    while j < len(tokens) and tokens[j].lower in table.name_particles and (
            tokens[j].start == tokens[j - 1].end + 1):
        j += 1
    last = tokens[j] if j < len(tokens) else None
    if last is not None and last.start == tokens[j - 1].end + 1 and last.is_word \
            and last.text[:1].isupper() and last.lower not in table.stopwords:
        return [t.start for t in tokens[i:j]]
    return []


def capital_names(text: str, tokens: Sequence[Tok]) -> frozenset[int]:
    """The starts of the words of names set in capitals at a line's start, as interviews
    set who speaks ("MARK EYSKENS (CD&V) «…»"): a first name in capitals and the capital
    words right after it."""
    starts: set[int] = set()
    for i, tok in enumerate(tokens):
        if not (tok.is_word and tok.text.isupper() and len(tok.text) > 1
                and is_first_name(tok.text)
                and not text[text.rfind("\n", 0, tok.start) + 1 : tok.start].strip()):
            continue
        j = i + 1
        while j < len(tokens) and j - i <= _CAPITAL_SURNAMES and tokens[j].is_word \
                and tokens[j].text.isupper() and len(tokens[j].text) > 1 \
                and tokens[j].start == tokens[j - 1].end + 1:
            j += 1
        if j > i + 1:
            starts.update(t.start for t in tokens[i:j])
    return frozenset(starts)


def surname_particles(tokens: Sequence[Tok], table: LanguageData) -> frozenset[int]:
    """The starts of the particles opening a surname written without its first name
    inside a sentence ("liet Van der Plas weten", "zei De Jonge", "ha detto Di Fantasia"):
    capitalized there, right before a capitalized word. Not where the particle is also an
    article, which opens names of papers and places too ("La Stampa", "Le Monde")."""
    found: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.sent_start or not _capital_particle(tok, table):
            continue
        found.update(_before_name(tokens, i, i + 1, table))
    return frozenset(found)


def _capital_particle(tok: Tok, table: LanguageData) -> bool:
    return (tok.lower in table.name_particles and tok.lower not in table.article_genders
            and tok.text[:1].isupper() and not tok.text.isupper())


def capitals_after_verb(
    tokens: list[Tok], table: LanguageData, reporting: frozenset[str]
) -> frozenset[str]:
    """Capitalized words right after a reporting word or an honorific ("Herr Lafontaine"),
    or after a reporting word and a title ("so SPD-Chef Klingbeil", "so PARTEI-Vorstand
    Sonneborn"), where the table capitalizes nouns."""
    if not table.capitalizes_nouns:
        return frozenset()
    after = [b for a, b in pairwise(tokens) if a.lower in reporting]
    after += [c for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
              if a.lower in reporting and _plain_title(b, table) and b.end + 1 == c.start]
    after += _after_honorific(tokens, table) + _after_role(tokens, table)
    return frozenset(
        b.text for b in after
        if b.is_word and b.text[:1].isupper() and not b.sent_start
        and b.lower not in table.not_names and not is_title(b, table)
    )


def _after_role(tokens: list[Tok], table: LanguageData) -> list[Tok]:
    """"Der Trainer Varskol sagte", "Betriebsratsvorsitzende Varskol sprach": a word right
    after a role noun, a verb or a mark after it, names the role's holder ("Der Trainer
    Abend für Abend": a function word follows a noun)."""
    return [b for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
            if _plain_title(a, table) and a.end + 1 == b.start and (
                c.text in ",:" or (c.text.islower() and c.lower not in table.stopwords))]


def after_reporting(tokens: list[Tok], reporting: frozenset[str]) -> frozenset[str]:
    """Capitalized words written right after a reporting word ("ujar Epyardi", "Menurut
    Epyardi"), in any language: a name the text uses alone."""
    return frozenset(b.text for a, b in pairwise(tokens)
                     if a.lower in reporting and b.text[:1].isupper())


def _after_honorific(tokens: list[Tok], table: LanguageData) -> list[Tok]:
    """Words right after a title with no article before it ("Wer, Herr Lafontaine, wird
    …"; not "die Frau Minister"): a surname, even where every noun is capitalized."""
    return [c for a, b, c in zip([None, *tokens], tokens, tokens[1:], strict=False)
            if b.text in table.titles and b.end + 1 == c.start
            and not (a is not None and a.lower in table.stopwords)]


def _plain_title(tok: Tok, table: LanguageData) -> bool:
    """A title or role that is no function word ("so die Polizei": a noun follows)."""
    return is_title(tok, table) and tok.lower not in table.stopwords


def common_noun_end(passed: list[Tok], table: LanguageData) -> Tok | bool:
    """Does the last of the words naming no one, read so far after a speech verb, end the
    search for its subject: the word, as an unnamed subject, after an indefinite article
    ("said a council member"); True, for none, after a determiner and a noun or after two
    content words? False: read on."""
    def determiner(tok: Tok) -> bool:
        return tok.lower in table.stopwords or tok.lower in table.indefinites

    last = passed[-1]
    if determiner(last):
        return False
    if any(t.lower in table.indefinites for t in passed):
        return last
    return any(determiner(t) for t in passed) or sum(not determiner(t) for t in passed) >= 2


def bare_words(tokens: list[Tok], table: LanguageData) -> frozenset[str]:
    """Where every noun is capitalized: words the text writes at least twice and never
    after a function word ("spielt Söder an", "Söder habe"):
    nouns take articles, surnames do not."""
    if not table.capitalizes_nouns:
        return frozenset()
    seen: Counter[str] = Counter()
    articled: set[str] = set()
    for a, b in pairwise(tokens):
        if not (b.is_word and b.text[:1].isupper() and not b.text.isupper()):
            continue
        # After an article, or a numeral ("die nächsten 6 Jahre"): a noun.
        if link_word(a.lower, table) or a.text.isdigit():
            articled.add(b.text)
        else:
            seen[b.text] += 1
    return frozenset(
        w for w, n in seen.items() if n >= _BARE_TIMES and w not in articled
        and w.casefold() not in table.not_names and not is_role(w, table)
        and w.casefold() not in table.stopwords and kind_of(w, table) == "person"
    )


# How many letters an acronym inside a name may have ("NHS", "CGIL").
_INNER_ACRONYM = 5


def inner_acronyms(text: str, tokens: Sequence[Tok], table: LanguageData) -> frozenset[int]:
    """The starts of acronyms between a capitalized word and a body's noun, spaces only
    between ("Varsko University Hospitals NHS Trust"): part of the body's one name."""
    found = set()
    for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if (b.is_word and c.lower in table.organisation_words
                and b.text.isalpha() and b.text.isupper()
                and 2 <= len(b.text) <= _INNER_ACRONYM
                and a.text[:1].isupper() and not a.text.isupper() and a.is_word
                and c.text[:1].isupper() and not c.text.isupper() and c.is_word
                and text[a.end : b.start] == " " and text[b.end : c.start] == " "):
            found.add(b.start)
    return frozenset(found)
