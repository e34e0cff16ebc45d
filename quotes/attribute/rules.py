"""Attributing one quote: an ordered list of small rules over one `Attempt`, the first
rule that finds an attribution wins, and the assembly of the `Attribution` it gives."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from quotes.attribute.asides import aside_attribution
from quotes.attribute.clauses import (
    antecedent,
    apposed_name,
    apposition_length,
    indefinite_subject,
    opening_indefinite,
    separated_verb,
)
from quotes.attribute.layouts import listed_speaker
from quotes.attribute.names import (
    Phrase,
    first_name,
    heading_name,
    last_phrase,
    name_in,
    subject,
)
from quotes.attribute.people import Name, PeopleIndex, Resolver
from quotes.attribute.persons import Mention
from quotes.attribute.ranking import Query, mentions_in, named_between, rank
from quotes.attribute.speaker import (
    addressed,
    ranked,
    speaker_of,
    unnamed_spokesperson,
    with_archive,
)
from quotes.attribute.subjects import (
    named_in_clause,
    object_pronoun,
    statement_owner,
    subject_past_complement,
    unnamed_role,
    verb_after_subject,
)
from quotes.attribute.tokens import (
    NEXT_SENTENCE_WORDS,
    Tok,
    after_window,
    before_window,
    line_end_after,
    next_paragraph_words,
    next_sentence_words,
    words_between,
)
from quotes.lang import LanguageData, is_role
from quotes.models import Attribution, Quote
from quotes.text import (
    embed_signature,
    ends_with_sentence_mark,
    find_phrase,
    loose_sentence_starts,
)

# A speech verb after a quote must come within this many words to attribute it.
VERB_AFTER_WITHIN = 5
# The "context" fallback looks this far back in the paragraph for the person meant.
CONTEXT_CHARS = 300
# How far back a colon introducing a quote is looked for.
_COLON_LOOKBACK = 200
# How many words an unknown verb before the name may take in the inverted order.
_INVERTED_VERB_WORDS = 3
# How many words may open a paragraph before the speech verb attributing the quote that
# ends the paragraph before ("Lo ha detto", "Dat zei", "C'est ce qu'a déclaré").
_PARAGRAPH_VERB_WITHIN = 4
# How many words the line naming a fact-checked claim's author may hold.
_NAME_LINE_WORDS = 5
# How many words after "according to" may hold the name.
_ACCORDING_TO_WITHIN = 5


@dataclass(frozen=True, slots=True)
class Document:
    """One article as the stage reads it: its text, tokens, language and people."""

    text: str
    tokens: list[Tok]
    starts: list[int]  # each token's start offset, for bisecting
    table: LanguageData
    people: PeopleIndex

    @classmethod
    def read(
        cls,
        text: str,
        tokens: list[Tok],
        table: LanguageData,
        resolve: Resolver | None,
        quoted: Sequence[tuple[int, int]] = (),
    ) -> Document:
        people = PeopleIndex(text, tokens, table, resolve, quoted)
        return cls(text, tokens, [t.start for t in tokens], table, people)


class Attempt:
    """One quote being attributed: the windows around it, each read when first needed."""

    def __init__(self, doc: Document, quote: Quote, prev_end: int, next_start: int) -> None:
        self.doc = doc
        self.quote = quote
        self.prev_end = prev_end  # where the previous statement ends
        self.next_start = next_start  # where the next statement begins

    @cached_property
    def after(self) -> list[Tok]:
        return after_window(self.doc.tokens, self.doc.starts, self.quote, self.next_start)

    @cached_property
    def after_words(self) -> list[Tok]:
        return [t for t in self.after if t.is_word]

    @cached_property
    def before_words(self) -> list[Tok]:
        before = before_window(self.doc.tokens, self.doc.starts, self.quote, self.prev_end)
        return [t for t in before if t.is_word]

    @cached_property
    def previous_sentence(self) -> list[Tok]:
        """The words of the sentence right before a quote opening its own sentence, in the
        same paragraph and after the previous quote ("Volgens de presentator is dat niet
        zo. „…“"); none for a quote inside its sentence."""
        text, open_at = self.doc.text, self.quote.open_at
        if self.before_words or "\n" in text[max(self.prev_end, open_at - 3) : open_at]:
            return []
        begin = max(self.prev_end, text.rfind("\n", 0, open_at) + 1)
        words = [t for t in words_between(self.doc.tokens, self.doc.starts, begin, open_at)
                 if t.is_word]
        opening = max((k for k, t in enumerate(words) if t.sent_start), default=None)
        # Words going on from the previous quote ("…,” he told reporters, according to The
        # Hill.) are its attribution, not this one's.
        return [] if opening is None else words[opening:]

    @cached_property
    def verb_after(self) -> tuple[Attribution | None, bool]:
        """A speech verb right after the quote ("…”, sagte Musk), and whether it decides:
        "…!” Hij reageerde …" starts a new sentence, where an introduction before the
        quote, if there is one, says more about who spoke."""
        doc, words = self.doc, self.after_words
        verbs = (*doc.table.speech_verbs, *doc.table.after_quote)
        apposition = apposition_length(words, doc.text, doc.table, doc.people)
        hit = find_phrase(words, verbs, within=VERB_AFTER_WITHIN + apposition)
        if hit is None or any(t.lower in doc.table.complementizers for t in words[: hit[0]]) \
                or (hit[0] == 1 and words[0].lower in doc.table.coordinators):
            # "…", señalando que todo responde a …": a verb in a clause of its own; "spreekt
            # van een "…" en roept op": the verb shares the subject before the quote.
            return None, False
        name = verb_after_subject(doc, words, hit, apposition)
        found = build(doc, self.quote, name, words, hit, "verb-after")
        if name is None:
            # "…», scrive." — the subject is left out (Italian, Spanish, Portuguese): the
            # people named before are ranked, the one quoted last first among equals.
            query = Query(self.quote.open_at, "implicit", None, doc.people.asked)
            who = with_archive(doc.people, ranked(
                doc.people, query, "verb-after+implicit",
                skip=lambda name: addressed(self.quote.text, name)), "")
            found = replace(found, speaker=who.name, author_handle=who.handle,
                            method=who.method, speaker_kind=who.kind,
                            confidence=who.confidence, chain=who.chain)
        # The sentence ends inside the quote or right after it ("…”. Vox ha respondido").
        ended = ends_with_sentence_mark(self.quote.text) or any(
            c in ".!?" for c in doc.text[self.quote.outer_end : words[0].start])
        new_sentence = ended and words[0].sent_start
        return found, not new_sentence


# --- the rules, in order -----------------------------------------------------------------


def _decisive_verb_after(a: Attempt) -> Attribution | None:
    found, decisive = a.verb_after
    return found if decisive else None


def _according_to(a: Attempt) -> Attribution | None:
    """"according to / laut / selon / menurut X", after the quote or before it, or in the
    sentence before a quote standing as its own."""
    doc = a.doc
    for window in (a.after_words, a.before_words, a.previous_sentence):
        hit = find_phrase(window, doc.table.according_to)
        if hit is not None and not _after_speech_verb(window, hit[0], doc.table):
            # The name must start within a few words; the words after it are read too, to
            # tell apposition ("según el líder del PP, Feijóo,") from a clause of its own
            # ("según el líder del PP, Sánchez sería …": the leader is the source).
            named = window[hit[1] :]
            pronoun = object_pronoun(named, doc.table, doc.text)
            if pronoun is not None:  # "selon lui", "volgens hem": someone spoken of before
                return build(doc, a.quote, pronoun, window, hit, "according-to")
            name = first_name(named, doc.table, doc.people)
            if name is not None and not doc.text[name.end : a.quote.open_at].strip():
                # "Segundo o ex-presidente, Bolsonaro “desafiou …”": the name right before
                # the quote is its clause's subject; the source is named before it.
                name = first_name([t for t in named if t.end <= name.start], doc.table,
                                  doc.people) or name  # "Volgens Ebbinge „…“" stays
            limit = named[min(len(named), _ACCORDING_TO_WITHIN) - 1].end if named else 0
            if name is not None and name.start < limit:
                return build(doc, a.quote, name, window, hit, "according-to")
    return None


def _after_speech_verb(window: list[Tok], at: int, table: LanguageData) -> bool:
    """Does a speech verb end right before window[at] ("Aguilar said, according to the
    LATimes, adding: …")? Then "according to" names where the words were reported, and
    the verb's subject spoke them."""
    before = [t.lower for t in window[max(0, at - 2) : at]]
    return bool(before) and (before[-1] in table.speech_verbs
                             or " ".join(before) in table.speech_verbs)


def _verb_before(a: Attempt) -> Attribution | None:
    """"Musk said: “…”", "respondió Elon: …"."""
    doc, words = a.doc, a.before_words
    verb = last_phrase(words, doc.table.speech_verbs) or separated_verb(words, doc.table)
    if verb is None:
        return None
    name = subject(words, verb, doc.table, doc.people)
    if name is not None and name.kind in ("unnamed", "role"):
        name = apposed_name(words[: verb[1]], name, doc.text, doc.table, doc.people) or name
    if name is not None and name.kind == "role":  # "One parent, a mother of two, said"
        name = opening_indefinite(words, verb, doc.table, name) or name
    name = name or name_in(words, doc.table, doc.people) or indefinite_subject(
        words, verb, doc.table)
    return build(doc, a.quote, name, words, verb, "verb-before")




def _colon_intro(a: Attempt) -> Attribution | None:
    """"Musk: „…“"."""
    doc, open_at = a.doc, a.quote.open_at
    colon = doc.text[max(0, open_at - _COLON_LOOKBACK) : open_at].rstrip().endswith(":")
    if not (colon and a.before_words):
        return None
    label = a.before_words[-1]  # "Frage: „…“" opening a line: an unnamed questioner
    if label.lower in doc.table.question_labels and not doc.text[
            doc.text.rfind("\n", 0, label.start) + 1 : label.start].strip():
        return build(doc, a.quote, Name(label.text, label.start, label.end, "unnamed"),
                     a.before_words, None, "colon")
    name = name_in(a.before_words, doc.table, doc.people) or heading_name(
        a.before_words, doc.table, doc.people)
    if name is None:
        return None
    return build(doc, a.quote, name, a.before_words, None, "colon")


def _inside_dashes(a: Attempt) -> Attribution | None:
    """The attribution set between dashes or commas inside the quote's own marks."""
    found = aside_attribution(a.doc, a.quote)
    return build(a.doc, a.quote, *found, "inside-dashes") if found is not None else None


def _any_verb_after(a: Attempt) -> Attribution | None:
    return a.verb_after[0]


def _inverted(a: Attempt) -> Attribution | None:
    """"…», tente de minimiser Harlem Désir" / "…”, avaliou Lula" / "…" cecar Jokowi" /
    "…", ha proclamado Feijóo":
    a word or two the tables do not know as speech verbs, lowercase, right after the
    quote, then the person: the inverted order of an attribution names its speaker."""
    doc, words = a.doc, a.after_words
    if not (_verb_like(words, doc.table) and _attached(a, words[0])):
        return None
    organisation_words = doc.table.organisation_words
    for k in range(1, min(len(words), _INVERTED_VERB_WORDS + 1)):
        article = words[k].lower in doc.table.stopwords
        if article and k + 1 < len(words) and words[k + 1].lower in doc.table.statement_nouns:
            return _inverted_statement(a, k)
        if words[k].text[:1].isupper() or (
            article and k + 1 < len(words) and (is_role(words[k + 1].text, doc.table)
                                                or words[k + 1].lower in organisation_words)
        ):
            name = first_name(words[k : k + 6], doc.table, doc.people, stop_at_common_noun=True)
            if name is None or name.kind not in ("name", "role", "organisation"):
                return None
            verb = (0, k, " ".join(t.text for t in words[:k]))
            return build(doc, a.quote, name, words, verb, "inverted")
    return None


def _attached(a: Attempt, first: Tok) -> bool:
    """Does the word after the quote belong to its sentence, as an attribution's verb?"""
    between = a.doc.text[a.quote.outer_end : first.start]
    if between.strip(" ,\t"):
        return False  # a bracket, dash or colon: no attribution (a lowercase word after
        # "?”" may be taken for a sentence's start; it is none)
    # Else a term inside its sentence: "als „Verzweiflungstat“ bezeichnet und".
    return "," in between or a.quote.text.rstrip().endswith((",", ".", "!", "?", "…"))


def _inverted_statement(a: Attempt, k: int) -> Attribution | None:
    """"…», finaliza el mensaje de la Casa Blanca": an unknown verb of k words whose
    subject is a statement; its owner speaks."""
    words = a.after_words
    verb = (0, k, " ".join(t.text for t in words[:k]))
    owner = statement_owner(a.doc, words, verb)
    return build(a.doc, a.quote, owner, words, verb, "inverted") if owner else None


def _verb_like(words: list[Tok], table: LanguageData) -> bool:
    """Do the words after a quote open with a lowercase word that may be a verb? An
    auxiliary before a participle may be a function word: "», ha proclamado X"."""
    return len(words) >= 2 and not words[0].text[:1].isupper() \
        and words[0].lower not in table.indefinites and not (
        words[0].lower in table.stopwords
        and (words[1].lower in table.stopwords or not words[1].text.islower())
    )


def _verb_next_sentence(a: Attempt) -> Attribution | None:
    """"…». Lo scrive Joe Biden su X": the attribution opens the next sentence; or the
    next paragraph, after a quote ending its own ("…”\n\nLo ha detto il premier X."),
    where the verb must open that paragraph: one that only mentions a verb further on is
    about something else."""
    doc = a.doc
    following = next_sentence_words(doc.tokens, doc.starts, a.after, a.quote, a.next_start)
    if a.after_words and a.after_words[0].sent_start and ends_with_sentence_mark(a.quote.text):
        # The quote's own mark ended the sentence ("… pas avant. » C'est ce qu'a déclaré X"):
        # the words after it are the next sentence.
        following = a.after_words[:NEXT_SENTENCE_WORDS]
    opening = len(following)
    if not following and _ends_its_paragraph(a):
        following = next_paragraph_words(doc.tokens, doc.starts, doc.text, a.quote,
                                         a.next_start)
        opening = _PARAGRAPH_VERB_WITHIN
    if following and _introduces_next(doc.text[following[0].start : a.next_start]):
        return None  # "…”. Vox ha respondido con el mensaje: “…”" is the next quote's
    hit = find_phrase(following, doc.table.after_quote, within=1) or find_phrase(
        following[:opening], doc.table.speech_verbs
    )
    if hit is None or hit[1] > opening:
        return None
    name = subject_past_complement(doc, following, hit) or named_in_clause(
        doc, following[hit[1] - 1].end
    )
    if name is None or name.kind == "unnamed":
        return None
    return build(doc, a.quote, name, following, hit, "verb-next-sentence")


def _ends_its_paragraph(a: Attempt) -> bool:
    """Do no words follow the quote in its paragraph, and no person stand before it in its
    own sentence ("… is Wilders nog steeds “…”": his, not the next paragraph's speaker's)?"""
    if any(t.is_word for t in a.after):
        return False
    if not a.before_words:
        return True
    named = mentions_in(a.doc.people, a.before_words[0].start, a.quote.open_at)
    return not any(m.kind == "person" for m in named)


def _introduces_next(sentence: str) -> bool:
    """Does the sentence run on to the next quote and end in a colon or comma before it
    ("Trump tweeted on Friday …, saying, «…»")?"""
    body = sentence.rstrip()
    return body.endswith((":", ",")) and not any(c in ".!?" for c in body)


def _name_line(a: Attempt) -> Attribution | None:
    """A quote on its own line and the next line only a person's name, perhaps with a
    bracket ("“…”\nArthur Lira (PP-AL)"): a fact-check's claim and who made it."""
    text, quote = a.doc.text, a.quote
    line_end = line_end_after(text, quote)
    if line_end < 0:
        return None
    if text[text.rfind("\n", 0, quote.open_at) + 1 : quote.open_at].strip():
        return None  # the quote is not its line's start
    start = len(text) - len(text[line_end:].lstrip())
    next_end = text.find("\n", start)
    line = text[start : len(text) if next_end < 0 else next_end].strip()
    people = a.doc.people
    i = bisect_left(people.mention_starts, start)
    # The name is the line up to its bracket, all capitalized words, a person the text
    # names, perhaps after a title ("Carlos Henrique Gaguin (Pode-TO)", "Vice Mayor Jane
    # Example").
    written, bracket, rest = line.partition("(")
    words = written.split()
    if (i >= len(people.mentions) or start >= a.next_start
            or not start <= people.mentions[i].start < start + len(written.rstrip())):
        return None
    mention = people.mentions[i]
    if (mention.kind != "person" or not 0 < len(words) <= _NAME_LINE_WORDS
            or not all(w[:1].isupper() for w in words) or (bracket and not rest.endswith(")"))):
        return None
    end = start + len(written.rstrip())
    name = Name(text[mention.start : end], mention.start, end, "name")
    return build(a.doc, quote, name, [], None, "name-line")


def _listed(a: Attempt) -> Attribution | None:
    found = listed_speaker(a.doc, a.quote)
    return None if found is None else build(a.doc, a.quote, found[0], [], None, found[1])


def _context(a: Attempt) -> Attribution | None:
    """A quote standing as its own sentence after one about a person ("Kurz darauf sprach
    sich Biden auf X für … aus. „Heute möchte ich …“"): that person, with low confidence;
    where the paragraph names several, the one ranked likeliest among them."""
    if a.before_words or a.after_words:
        return None
    text, open_at = a.doc.text, a.quote.open_at
    line_start = text.rfind("\n", 0, open_at) + 1
    after_offset = max(line_start, open_at - CONTEXT_CHARS)
    people = a.doc.people
    named = named_between(people, after_offset, open_at)
    if not named:
        return None
    # The likeliest of the people the paragraph names before it, ranked as any quote
    # without attribution ("Ele disse que o petista … “Nós …”": he, not the petista).
    ranking = [c.name for c in rank(people, Query(open_at, "none", None, people.asked))]
    names = {name for _, name in named}
    # A name no ranking holds is no one who may speak ("seine drei Katzen").
    best = _last_sentence_subject(a, named, after_offset) or next(
        (c for c in ranking if c in names), None)
    if best is None:
        return None
    mention = next(m for m, name in reversed(named) if name == best)
    kind = mention.kind if mention.kind in ("pronoun", "role") else "name"
    name = Name(mention.name, mention.start, mention.start + len(mention.name), kind)
    return build(a.doc, a.quote, name, [], None, "context")


def _last_sentence_subject(a: Attempt, named: list[tuple[Mention, str]], begin: int
                           ) -> str | None:
    """The person opening the sentence right before a bare quote as its subject, who
    speaks ("Wilders interrumpeert hem. „U zegt …“")."""
    last = max([begin, *(t.start for t in words_between(
        a.doc.tokens, a.doc.starts, begin, a.quote.open_at) if t.sent_start and t.is_word)])
    return next((n for m, n in named if m.start >= last and m.subject), None)


def _relative_clause(a: Attempt) -> Attribution | None:
    """"ou encore Christophe Castaner qui salue une « … »": the quote is in a relative
    clause; its antecedent speaks."""
    doc = a.doc
    found = antecedent(a.before_words, a.quote.open_at, doc.text, doc.table, doc.people)
    if found is None:
        return None
    kind = found.kind if found.kind in ("pronoun", "role") else "name"
    name = Name(found.name, found.start, found.end, kind)
    return build(doc, a.quote, name, a.before_words, None, "relative-clause")


def _bracketed(a: Attempt) -> Attribution | None:
    """"Düsseldorfs Friedhelm Funkel („der größte Schwachsinn aller Zeiten“)": a quote alone
    in brackets right after a person's name is that person's words."""
    text, quote, people = a.doc.text, a.quote, a.doc.people
    before = text[: quote.open_at].rstrip()
    if not before.endswith("(") or not text[quote.outer_end :].lstrip().startswith(")"):
        return None
    name_end = len(before[:-1].rstrip())
    i = bisect_left(people.mention_starts, name_end) - 1
    mention = people.mentions[i] if i >= 0 else None
    if mention is None or mention.end != name_end or mention.kind not in ("person", "organisation"):
        return None
    name = Name(mention.name, mention.start, mention.end, "name")
    return build(a.doc, quote, name, [], None, "bracketed")


RULES: tuple[Callable[[Attempt], Attribution | None], ...] = (
    _bracketed,
    _relative_clause,
    _decisive_verb_after,
    _according_to,
    _verb_before,
    _colon_intro,
    _inside_dashes,
    _any_verb_after,
    _inverted,
    _verb_next_sentence,
    _listed,
    _name_line,
    _context,
)


def attribute_one(
    doc: Document, quote: Quote, prev_end: int, next_start: int
) -> Attribution | None:
    """The attribution of one statement, by the first rule that finds one."""
    if quote.block:
        return attribute_block(doc, quote)
    attempt = Attempt(doc, quote, prev_end, next_start)
    for rule in RULES:
        found = rule(attempt)
        if found is not None:
            return found
    return None


def attribute_next_sentence(
    doc: Document, quote: Quote, prev_end: int, next_start: int
) -> Attribution | None:
    """The attribution opening the sentence after a quote, if one does."""
    return _verb_next_sentence(Attempt(doc, quote, prev_end, next_start))


def attribute_block(doc: Document, quote: Quote) -> Attribution | None:
    """A post set as a block is attributed by the sentence introducing it, at the end of
    the paragraph before ("Korte tijd later volgde een nieuw bericht waarin hij …"), or an
    embedded post by its signature ("— Name (@handle) date"), which names its author."""
    signed = attribute_signed(doc, quote)
    if signed is not None:
        return signed
    text, table, people = doc.text, doc.table, doc.people
    intro_end = len(text[: quote.start].rstrip())
    line_start = text.rfind("\n", 0, intro_end) + 1
    last = max([line_start, *loose_sentence_starts(text, line_start, intro_end - 1)])
    intro = words_between(doc.tokens, doc.starts, last, intro_end)
    verb = last_phrase(intro, table.speech_verbs)
    if verb is not None:
        name = subject(intro, verb, table, people) or name_in(intro, table, people)
        return build(doc, quote, name, intro, verb, "block-intro")
    name = name_in(intro, table, people)
    return build(doc, quote, name, intro, None, "block-intro") if name else None


def attribute_signed(doc: Document, quote: Quote) -> Attribution | None:
    """An embedded post's author, from the signature right after its text: the name the
    signature gives, the medium a post; the handle stays the archive's to resolve."""
    line_end = doc.text.find("\n", quote.end)
    line_end = len(doc.text) if line_end < 0 else line_end
    if doc.text[quote.end : line_end].strip() == "":  # signature alone on the next line
        next_end = doc.text.find("\n", line_end + 1)
        line_end = len(doc.text) if next_end < 0 else next_end
    found = embed_signature(doc.text, quote.end, line_end)
    if found is None or doc.text[quote.end : found.start].strip():
        return None
    window = words_between(doc.tokens, doc.starts, found.name_start, found.name_end)
    name = name_in(window, doc.table, doc.people)
    if name is None:
        return None
    signature = doc.text[found.start : line_end].strip()
    return replace(build(doc, quote, name, window, None, "embed-signature"),
                   phrase=signature, phrase_start=found.start, phrase_end=line_end,
                   medium="tweet", medium_phrase=signature)


# --- assembling ------------------------------------------------------------------------


def build(
    doc: Document,
    quote: Quote,
    name: Name | None,
    window: list[Tok],
    verb: Phrase | None,
    method: str,
) -> Attribution:
    phrase_start, phrase_end = _phrase_bounds(window, verb, name)
    if (name is not None and name.kind == "role" and unnamed_role(doc, name)
            and not unnamed_spokesperson(doc.people, name)):
        # "volgens haar woordvoerder", "his spokesman said": someone else's, unnamed;
        # "a confié un ministre": one of many, unnamed. "said a spokeswoman for the
        # Foundation" speaks for an organisation (`speaker_of`).
        name = replace(name, kind="unnamed")
    who = speaker_of(doc.people, quote, name, method)
    return Attribution(
        speaker=who.name,
        mention=name.text if name else None,
        mention_start=name.start if name else None,
        method=who.method,
        phrase=doc.text[phrase_start:phrase_end] if phrase_start is not None else None,
        phrase_start=phrase_start,
        phrase_end=phrase_end,
        verb=verb[2] if verb else None,
        medium="none",
        medium_phrase=None,
        author_handle=who.handle,
        speaker_kind=who.kind,
        confidence=who.confidence,
        chain=who.chain,
    )


def _phrase_bounds(
    window: list[Tok], verb: Phrase | None, name: Name | None
) -> tuple[int | None, int | None]:
    """Where the attribution phrase is: the verb and the name, or the whole window."""
    phrase_tokens = list(window)
    if verb is not None:
        lo, hi = verb[0], verb[1]
        if name is not None:
            lo = min(lo, next((k for k, t in enumerate(window) if t.start >= name.start), lo))
            hi = max(hi, next((k + 1 for k, t in enumerate(window) if t.end >= name.end), hi))
        phrase_tokens = window[lo:hi]
    if not phrase_tokens:
        return None, None
    return phrase_tokens[0].start, phrase_tokens[-1].end
