"""Who a speech verb names as its subject, in the harder shapes: past a complement or an
indirect object ("Lo dichiara in una nota il segretario X", "a confié à l'AFP un
ministre"), a statement's owner ("heißt es in einer Mitteilung des Ministeriums"), a person
further on in the verb's clause, a name before an apposition; and the pronoun an
"according to" names ("selon lui")."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from quotes.attribute.clauses import indefinite_subject
from quotes.attribute.lexicon import is_first_name
from quotes.attribute.names import Phrase, first_name, name_in, subject
from quotes.attribute.people import Name
from quotes.attribute.persons import link_word
from quotes.attribute.ranking import mentions_in
from quotes.attribute.tokens import Tok
from quotes.attribute.unnamed import unnamed_after_verb
from quotes.lang import LanguageData

if TYPE_CHECKING:
    from quotes.attribute.rules import Document

# How many tokens of a verb's clause are read for the person it names.
_CLAUSE_TOKENS = 20
# How many words after a speech verb may come before a statement noun as its subject
# ("heißt es in einer Mitteilung"), and how many link the noun to its owner ("de la").
_STATEMENT_NOUN_WITHIN = 4
_OWNER_LINK_WORDS = 3


def verb_after_subject(doc: Document, words: list[Tok], hit: Phrase, apposition: int
                        ) -> Name | None:
    """Who a speech verb after a quote names as its subject, if anyone."""
    name = subject_past_complement(doc, words, hit)
    if name is None or name.kind == "unnamed" or (apposition and name.kind == "role"):
        # "…,” McDaniel, 41, said during a news conference", "…,” Jane Example, the
        # campaign's manager, told reporters": the name before the verb.
        name = name_in(words[: hit[0]], doc.table, doc.people) or name
    if name is None and hit[0] == 0:  # the inverted order: "…", verb … Name
        name = named_in_clause(doc, words[hit[1] - 1].end)
    if name is None or name.kind == "unnamed":
        name = statement_owner(doc, words, hit) or name or indefinite_subject(
            words, hit, doc.table)
    return name or unnamed_after_verb(words, hit, doc.text, doc.table)


def subject_past_complement(doc: Document, words: list[Tok], verb: Phrase) -> Name | None:
    """The verb's subject; where that seems to be an unnamed one ("a note"), but inside a
    complement ("Lo dichiara in una nota il segretario X", "said in a statement"), the
    subject after that complement."""
    name = subject(words, verb, doc.table, doc.people)
    if name is None:
        return _past_indirect_object(doc, words, verb)
    if name.kind != "unnamed":
        return name
    i = next((k for k, t in enumerate(words) if t.start == name.start), 0)
    table = doc.table
    if i - 2 < verb[1]:
        return name  # "said a council member": no complement before the noun
    # The link ("in", "en", "dans") is often only a stopword.
    if words[i - 1].lower not in table.indefinites or not link_word(words[i - 2].lower, table):
        return name
    beyond = subject([*words[: verb[1]], *words[i + 1 :]], verb, table, doc.people)
    return beyond if beyond is not None and beyond.kind != "unnamed" else name


def _past_indirect_object(doc: Document, words: list[Tok], verb: Phrase) -> Name | None:
    """The subject after the verb's indirect object or place ("a confié à l'AFP un
    ministre", "dijo en Madrid el presidente X", "ha detto ai cronisti il ministro X"): a
    preposition, its articles and one word or name, then the subject."""
    table, i = doc.table, verb[1]
    if i >= len(words) or words[i].lower not in table.prepositions:
        return None
    i += 1
    while i < len(words) and words[i].lower in table.stopwords:
        i += 1
    i += 1  # the complement's head: one word, or a name of several
    while i < len(words) and doc.people.adjacent(words[i - 1], words[i]) and (
            doc.people.is_name_token(words[i], table)):
        i += 1
    if i >= len(words):
        return None
    found = subject([*words[: verb[1]], *words[i:]], verb, table, doc.people)
    # A role there may title a name further on ("su Twitter il presidente ucraino X"),
    # which the verb's clause is read for after this; but "un ministre" names nobody.
    if found is None or (found.kind == "role" and not unnamed_role(doc, found)):
        return None
    return found


def statement_owner(doc: Document, words: list[Tok], verb: Phrase) -> Name | None:
    """The one a statement is of, where the statement is the verb's subject ("…», finaliza
    el mensaje de la Casa Blanca"; "…", heißt es in einer Mitteilung des Ministeriums): a
    statement noun right after the verb, then articles or prepositions, then a name."""
    table = doc.table
    after = words[verb[1] : verb[1] + _STATEMENT_NOUN_WITHIN]
    k = next((i for i, t in enumerate(after) if t.lower in table.statement_nouns), None)
    if k is None:
        return None
    rest = words[verb[1] + k + 1 :]
    links = 0  # the words linking the noun to its owner: "de la", "des", "of the"
    while (links < len(rest) and links < _OWNER_LINK_WORDS and rest[links].text.islower()
           and link_word(rest[links].lower, table)):
        links += 1
    if links == 0 or links == len(rest):
        # "…», añade el comunicado": the statement itself, of the one it goes on from.
        noun = after[k]
        bare = _bare(after[:k], table)
        return Name(noun.text, noun.start, noun.end, "statement") if bare else None
    owner = first_name(rest[links : links + _CLAUSE_TOKENS], table, doc.people)
    if owner is None or owner.kind != "name" or owner.start != rest[links].start:
        return _genitive_owner(doc, rest[links])
    return owner


def _bare(before: list[Tok], table: LanguageData) -> bool:
    """Does a definite article at most stand between the verb and its statement noun
    ("said the statement", "diz nota"), no preposition or indefinite ("heißt es in einer
    Mitteilung", "disse em nota")?"""
    return len(before) <= 1 and all(t.lower in table.definite_articles for t in before)


def _genitive_owner(doc: Document, tok: Tok) -> Name | None:
    """A name the document gives, with a genitive ending ("des Justizministeriums" where it
    also writes "Justizministerium"): the name without it."""
    for ending in doc.table.genitive_endings:
        stem = tok.text[: -len(ending)]
        if tok.text.endswith(ending) and len(stem) > len(ending) \
                and stem in doc.people.mention_words:
            return Name(stem, tok.start, tok.start + len(stem), "name")
    return None


def named_in_clause(doc: Document, after: int) -> Name | None:
    """A person named further on in a verb's clause, up to its first comma or the
    sentence's end ("…", teilte Putins außenpolitischer Berater Juri Utschakow mit; "…",
    declaró en conferencia de prensa el almirante John Kirby; "…». Lo ha scritto su X il
    vice premier Antonio Tajani): a person with a first name, found as a mention."""
    first = i = bisect_left(doc.starts, after)
    end = after
    while i < len(doc.tokens) and i - first < _CLAUSE_TOKENS:
        tok = doc.tokens[i]
        if not tok.is_word and (tok.text in ",;:()–—.!?" or "\n" in tok.text):
            break
        end = tok.end
        i += 1
    for m in mentions_in(doc.people, after, end):
        if m.kind == "person" and is_first_name(m.name.split()[0]):
            return Name(m.name, m.start, m.end, "name")
    return None


def unnamed_role(doc: Document, name: Name) -> bool:
    """Does a possessive or an indefinite article stand right before the role ("su
    portavoz", "seine Sprecherin", "un ministre")?"""
    i = bisect_left(doc.starts, name.start) - 1
    while i >= 0 and not doc.tokens[i].is_word and not doc.tokens[i].text.strip():
        i -= 1
    table = doc.table
    return i >= 0 and (doc.tokens[i].lower in table.possessives
                       or doc.tokens[i].lower in table.indefinites)


def object_pronoun(named: list[Tok], table: LanguageData, text: str) -> Name | None:
    """The pronoun right after "according to" ("selon lui", "according to her,"). One that
    is also a possessive must end its phrase (a comma or a mark after it): "volgens haar
    woordvoerder" names an unnamed spokesperson, not her."""
    if not named or named[0].lower not in table.object_pronouns:
        return None
    pronoun = named[0]
    if (pronoun.lower in table.possessives and len(named) > 1
            and not text[pronoun.end : named[1].start].strip()):
        return None
    return Name(pronoun.text, pronoun.start, pronoun.end, "pronoun")
