"""Anchor differences: numbers, years, handles, hashtags and URLs changed, added or lost;
names the quote renders under no spelling; hedges dropped. Read from the quote's own
text with its language's table, they need no translation."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from quotes import lang
from quotes.anchors import compare_anchors, extract_anchors
from quotes.attribute.lexicon import is_first_name
from quotes.compare.alignment import Alignment, Sides, pairs_for
from quotes.compare.kinds import DISTORTING_ANCHORS, OMITTED_NAME
from quotes.compare.names import (
    all_exonyms,
    exonym_words,
    exonyms_in,
    fold_name,
    fold_spaces,
    is_role_or_title,
    renders_people,
    same_name,
)
from quotes.lang import LanguageData
from quotes.models import Anchor, Difference
from quotes.normalize import strip_accents
from quotes.text import LETTER_WORD_WITH_APOSTROPHES


def anchor_differences(
    quote: Sequence[Anchor], tweet: Sequence[Anchor], span: tuple[int, int],
    implicit: tuple[Collection[float], Collection[float]] = ((), ()),
    posted_year: int | None = None,
) -> list[Difference]:
    """Numbers, years, handles, hashtags and URLs in the quote that the tweet does not
    have, and the tweet's that the quote lost inside the part it renders.

    A number in the quote that the tweet lacks, where the tweet has a number of the same
    kind, is a changed number; one the tweet lacks entirely was added, unless it is a
    vague plural (an order of magnitude a translation may spell out). Anchors outside
    the part of the tweet a fragment renders are no difference. `implicit` holds the
    counts the quote and the tweet state without a number ("twice", "both"): a number
    only the other side writes is their rendering ("dos veces"), neither added nor lost.
    The year the tweet was posted in (`posted_year`) goes without saying: "the 2024
    election" of a 2024 post rendered "the election" lost nothing."""
    comparison = compare_anchors(quote, tweet, kinds=DISTORTING_ANCHORS)
    unmatched_tweet = list(comparison.only_tweet)
    differences = []
    for anchor in comparison.only_quote:
        if anchor.kind == "number" and float(anchor.value) in implicit[1]:
            continue
        counterpart = next(
            (t for t in unmatched_tweet if _same_kind(anchor, t) and _same_unit(anchor, t)), None
        )
        if counterpart is not None:
            unmatched_tweet.remove(counterpart)
        elif anchor.vague:
            continue  # "tientallen jaren" for "for decades": an order of magnitude, no claim
        differences.append(
            Difference(anchor.kind, anchor.text, counterpart.text if counterpart else None,
                       "anchors")
        )
    return differences + _lost_numbers(quote, unmatched_tweet, span, implicit[0], posted_year)


def _lost_numbers(quote: Sequence[Anchor], unmatched_tweet: Sequence[Anchor],
                  span: tuple[int, int], implicit: Collection[float],
                  posted_year: int | None) -> list[Difference]:
    """Numbers and years of the rendered part of the tweet that the quote lost. A value
    the tweet repeats and the quote states once was not lost: "52 sites (representing
    the 52 hostages)" rendered without the aside keeps its number."""
    stated = {(a.kind, a.value) for a in quote}
    return [
        Difference(t.kind, None, t.text, "anchors")
        for t in unmatched_tweet
        if t.kind in ("number", "year") and span[0] <= t.start < span[1]
        and not (t.kind == "number" and float(t.value) in implicit)
        and not (t.kind == "year" and float(t.value) == posted_year)
        and (t.kind, t.value) not in stated
    ]


def _same_kind(a: Anchor, b: Anchor) -> bool:
    """Can one stand in the other's place? A number for a year, not a vague plural
    ("tientallen", "ribuan"): no year is an order of magnitude."""
    numeric = ("number", "year")
    if (a.vague and b.kind == "year") or (b.vague and a.kind == "year"):
        return False
    return a.kind == b.kind or (a.kind in numeric and b.kind in numeric)


def _same_unit(a: Anchor, b: Anchor) -> bool:
    return a.kind != "number" or a.unit == b.unit or a.unit is None or b.unit is None


def translation_artefacts(
    back_translation: str,
    quote_anchors: Sequence[Anchor],
    tweet_anchors: Sequence[Anchor],
    span: tuple[int, int],
) -> list[str]:
    """Numbers the back-translation changed although the quote's own numbers agree with
    the tweet: the translation model's mistake, noted, not counted."""
    english = lang.get("en")
    bt = compare_anchors(extract_anchors(back_translation, english), tweet_anchors,
                         kinds=DISTORTING_ANCHORS)
    own = compare_anchors(quote_anchors, tweet_anchors, kinds=DISTORTING_ANCHORS)
    own_missing = {id(t) for t in own.only_tweet}
    notes = []
    for t in bt.only_tweet:
        if id(t) not in own_missing and span[0] <= t.start < span[1]:
            notes.append(f"the back-translation lost {t.text!r}, which the quote itself keeps: "
                         "a translation artefact, not counted")
    return notes


# --- names -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NameCheck:
    """What the name rules read: the two sides and where the quote sits in the tweet."""

    sides: Sides
    alignment: Alignment
    english: LanguageData


@dataclass(frozen=True, slots=True)
class _Pool:
    """The words of one part of the quote, left to render the tweet's names in that part."""

    where: tuple[int, int]  # the tweet span this part renders
    tokens: list[str]  # one mention renders one mention: rendered names are taken out
    exonyms: set[str]


NameRule = Callable[[_NameCheck, Anchor], bool]


def _is_name(check: _NameCheck, anchor: Anchor) -> bool:
    return anchor.kind == "name"


def _in_rendered_part(check: _NameCheck, anchor: Anchor) -> bool:
    return check.alignment.span[0] <= anchor.start < check.alignment.span[1]


def _long_enough(check: _NameCheck, anchor: Anchor) -> bool:
    return len(anchor.text) > 2


def _no_role_or_title(check: _NameCheck, anchor: Anchor) -> bool:
    return not is_role_or_title(anchor.text, check.english)


# An all-caps word longer than this is shouted, not an acronym (NEVER, STEAL; FBI, NATO).
ACRONYM_LETTERS = 4


def _not_shouted(check: _NameCheck, anchor: Anchor) -> bool:
    """Capitals for emphasis name nobody: "I would NEVER call him", "WAKTU DEKAT", and a
    short common word ("in CASH!", "HIT VERY FAST AND VERY HARD") is no acronym."""
    if not anchor.text.isupper():
        return True
    lower = anchor.text.casefold()
    table = check.english
    return (len(anchor.text) <= ACRONYM_LETTERS and lower not in table.stopwords
            and lower not in table.negations and lower not in table.common_words)


_ROMAN_NUMERAL = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


def _no_roman_numeral(check: _NameCheck, anchor: Anchor) -> bool:
    """A regnal number ("King Charles III") is left out by many renderings: no name."""
    return not _ROMAN_NUMERAL.fullmatch(anchor.text)


# A name of the tweet must be rendered when it passes all of these, in order.
TWEET_NAME_RULES: tuple[NameRule, ...] = (
    _is_name, _in_rendered_part, _long_enough, _no_role_or_title, _not_shouted,
    _no_roman_numeral,
)


def name_differences(
    sides: Sides,
    quote_anchors: Sequence[Anchor],
    tweet_anchors: Sequence[Anchor],
    alignment: Alignment,
    back_translation: str | None = None,
) -> list[Difference]:
    """A name of the tweet that the quote renders under no spelling (Irak/Iraq, Europäische
    Union/European Union and the table's exonyms count as the same name) is a distortion:
    names survive translation. Each mention counts, in the sentence that renders it
    where sentences pair up ("Democrats" opening the tweet is not found by the quote's
    last sentence). The quote's side is a name the tweet does not have, when the quote's
    language lets one see names (not German, where every noun is capitalized).

    A word the back-translation has is rendered too: the tweet's "Flu" or "Country",
    capitalized for emphasis, comes back as "flu" and "country" from the quote's "gripe"
    and "país", while a swapped name comes back as the other name. Without one, a common
    word of the tweet's language (see `_common_word`) is noted as rendered by a word."""
    check = _NameCheck(sides, alignment, sides.target)
    names = [t for t in tweet_anchors if all(rule(check, t) for rule in TWEET_NAME_RULES)]
    missing = _missing_names(check, names)
    if back_translation and missing:
        rendered = _Pool((0, len(sides.tweet)), _words(back_translation), set())
        missing = [name for name in missing if not _take_rendering(rendered, name)]
    if not missing:
        return []
    words = [Difference(OMITTED_NAME, None, n.text, "anchors") for n in missing
             if _common_word(n.text, sides.target)]
    missing = [n for n in missing if not _common_word(n.text, sides.target)]
    handles = [t.text.lstrip("@").casefold() for t in tweet_anchors if t.kind == "handle"]
    return words + _changed_names(sides, quote_anchors, missing, alignment.placed, handles)


def _changed_names(sides: Sides, quote_anchors: Sequence[Anchor], missing: Sequence[Anchor],
                   placed: bool, handles: Sequence[str]) -> list[Difference]:
    """The tweet's names no word renders, each with the quote's name in its place (in
    order), unless that pair is one name written the other way round."""
    replacements = _replacements(sides, quote_anchors, handles)
    pairs = [(replacements[i] if i < len(replacements) else None, name)
             for i, name in enumerate(missing)]
    return [_name_difference(sides, r.text if r else None, name, placed)
            for r, name in pairs if not _inverted_name(sides, r, name)]


def _inverted_name(sides: Sides, replacement: Anchor | None, name: Anchor) -> bool:
    """Is the pair the head of a two-word name the quote's language writes the other way
    round ("Oval Office" as "Despacho Oval", "Supreme Court" as "Tribunal Supremo"): the
    word before the tweet's name, and the one after its replacement, spell each other?"""
    if replacement is None:
        return False
    before = _WORD_BEFORE.search(sides.tweet, 0, name.start)
    after = _WORD_AFTER.match(sides.quote, replacement.end)
    return (before is not None and after is not None and before.group(1)[:1].isupper()
            and same_name(before.group(1), after.group(1)))


# The capitalized word right before a name (one space between), and right after one.
_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")
_WORD_AFTER = re.compile(r" ([^\W\d_]+)")


def _common_word(word: str, table: LanguageData) -> bool:
    """A capitalized common word ("Anger Management", "our Great Country") is emphasis,
    not a name: a rendering by a common word ("Aggressionsbewältigung") changes no name."""
    folded = word.casefold()
    return folded in table.common_words or any(
        folded.endswith(ending) and folded[: -len(ending)] in table.common_words
        for ending in table.plural_endings
    )


def _name_difference(sides: Sides, replacement: str | None, name: Anchor, placed: bool
                     ) -> Difference:
    """A name of the tweet the quote lacks. With another name in its place it is changed
    (a distortion). With none, where the quote's language shows names by their capital, it
    was rendered by a common word or left out ("de premier" for "Prime Minister Mette
    Frederiksen", "gestion de la colère" for "Anger Management"): noted, no distortion.
    Where every noun is capitalized (German) a replacement cannot be seen, and in the
    tweet's own language a name is written as the tweet writes it, so there a name the
    quote lacks counts as changed. A fragment that no shared word places may render any
    part of the tweet: a name it lacks may lie in a sentence it never rendered, as a
    number may (`anchor_differences`)."""
    translated = sides.source.code != sides.target.code
    if replacement is None:
        rendered = not placed or (translated and not sides.source.capitalizes_nouns)
    else:
        # A word of a translated name ("Groot-Brittannië" for "Royaume-Uni", "Stato di
        # Diritto" for "Estado de Derecho"): the name rendered, not another put in.
        rendered = translated and _name_word(replacement)
    if rendered:
        return Difference(OMITTED_NAME, None, name.text, "anchors")
    return Difference("name", replacement, name.text, "anchors")


def _name_word(word: str) -> bool:
    """Is it a word languages write lowercase ("groot", "nouvelle", "diritto") that is no
    first name ("Tom", "Ana" are in the multilingual vocabulary as words too)?"""
    return word.casefold() in lang.lowercase_words() and not is_first_name(word)


def _missing_names(check: _NameCheck, names: Sequence[Anchor]) -> list[Anchor]:
    """The names no word of the quote's part renders, under any spelling or exonym."""
    pools = [
        _Pool(where, _words(text), exonyms_in(text, check.sides.source))
        for where, text in _quote_parts(check.sides.quote, check.alignment)
    ]
    initials = _run_initials(check.sides.tweet, names)
    missing = []
    for name in names:
        pool = next((p for p in pools if p.where[0] <= name.start < p.where[1]), pools[-1])
        if not _rendered(check, pool, name) and initials[id(name)] not in _acronyms(pool):
            missing.append(name)
    return missing


def _rendered(check: _NameCheck, pool: _Pool, name: Anchor) -> bool:
    """Does the pool render the tweet's name: by an exonym ("Irã" for "Iran", taking no
    word from the pool, which would leave the word for the next name: "iranianos" for
    "Iranian"), by a word spelling it, or by one naming its people ("Franzosen")? A name
    of a tweet in another language than English counts under its English name too ("Deus"
    rendered "God" or "Gott")."""
    folded = name.text.casefold()
    english = all_exonyms(check.sides.target).get(folded, folded)
    if name.value in pool.exonyms or english in pool.exonyms:
        return True
    source = check.sides.source
    return (_take_rendering(pool, name, source.compounds)
            or (english != folded and _take_first(pool, lambda t: same_name(english, t)))
            or _take_people_word(pool, name, source))


def _take_people_word(pool: _Pool, name: Anchor, table: LanguageData) -> bool:
    """Take the pool's first word for the people or language the name is ("Franzosen",
    "Fransen" for the tweet's "French"; see `renders_people`), if any."""
    return _take_first(pool, lambda token: renders_people(token, name.text, table))


def _run_initials(tweet: str, names: Sequence[Anchor]) -> dict[int, str]:
    """Per name, the initials of the run of names it stands in ("European Union" → "eu"),
    empty for a name standing alone: a quote may write the run as its acronym ("EU")."""
    runs: list[list[Anchor]] = []
    for name in sorted(names, key=lambda a: a.start):
        if runs and tweet[runs[-1][-1].end:name.start].isspace():
            runs[-1].append(name)
        else:
            runs.append([name])
    return {id(name): "".join(n.text[0] for n in run).casefold() if len(run) > 1 else ""
            for run in runs for name in run}


def _acronyms(pool: _Pool) -> set[str]:
    """The acronyms the quote's part writes ("EU"), and the short English names its
    exonyms stand for (de "USA" → "us")."""
    written = {t.casefold() for t in pool.tokens if t.isupper() and len(t) <= ACRONYM_LETTERS}
    return written | {e for e in pool.exonyms if len(e) <= ACRONYM_LETTERS}


def _words(text: str) -> list[str]:
    return [m.group() for m in LETTER_WORD_WITH_APOSTROPHES.finditer(text)]


def _take_rendering(pool: _Pool, name: Anchor, compounds: bool = False) -> bool:
    """Take the pool's first word that spells the name, if any; where the quote's language
    writes compounds, also one that ends with it ("Nordkorea" renders "Korea")."""
    return _take_first(pool, lambda token: same_name(name.text, token)
                       or (compounds and _ends_compound(token, name.text)))


def _take_first(pool: _Pool, renders: Callable[[str], bool]) -> bool:
    """Take the pool's first word that `renders` the name, if any: it renders no other."""
    found = next((i for i, token in enumerate(pool.tokens) if renders(token)), None)
    if found is None:
        return False
    pool.tokens.pop(found)
    return True


# The shortest name a compound's last part is taken for ("Nordkorea": Korea).
COMPOUND_NAME_LETTERS = 4


def _ends_compound(word: str, name: str) -> bool:
    head, tail = fold_name(word), fold_name(name)
    return (len(tail) >= COMPOUND_NAME_LETTERS and len(head) > len(tail)
            and head.endswith(tail))


def _replacements(sides: Sides, quote_anchors: Sequence[Anchor], handles: Sequence[str]
                  ) -> list[Anchor]:
    """Names of the quote the tweet has under no spelling, nor inside one of its handles
    (`handles`, folded): what replaced the tweet's. Words in capitals for emphasis
    ("eine VOLLSTÄNDIGE UND SOFORTIGE WAFFENRUHE") are none, as on the tweet's side."""
    tweet_tokens = _words(sides.tweet)
    # The English names of the tweet's own exonyms ("Deus" → god) are its words too.
    tweet_english = exonyms_in(sides.tweet, sides.target)
    local = exonym_words(sides.quote, sides.source,
                         {t.casefold() for t in tweet_tokens} | tweet_english)
    names = [q for q in quote_anchors if q.kind == "name"]
    if not sides.source.capitalizes_nouns:
        names += _inner_capitals(sides.quote, names)
    names.sort(key=lambda a: a.start)
    return [q for q in names if len(q.text) > 2 and not _no_name(q, sides.source)
            and q.value not in sides.source.exonyms and q.value not in local
            and q.value not in tweet_english
            and not _renders_a_tweet_word(q, tweet_tokens, sides.source)
            and not _in_a_handle(q, handles)]


def _no_name(q: Anchor, source: LanguageData) -> bool:
    """A capitalized word of the quote that names no one: a common word, a role or title
    ("Pak Widodo", "Mme Okafor"), a word capitalized by custom ("l'État"), or one in
    capitals for emphasis ("VOLLSTÄNDIGE")."""
    return (_common_word(q.text, source) or is_role_or_title(q.text, source)
            or q.value in source.not_names
            or (q.text.isupper() and len(q.text) > ACRONYM_LETTERS))


# How long a name must be to be read inside a handle.
HANDLE_NAME_LETTERS = 4


def _in_a_handle(name: Anchor, handles: Sequence[str]) -> bool:
    """Does a handle of the tweet hold the quote's name ("Trump" for "@realDonaldTrump")?
    The quote names the account's owner the tweet tags."""
    folded = strip_accents(name.text.casefold())
    return len(folded) >= HANDLE_NAME_LETTERS and any(
        folded in strip_accents(h) for h in handles)


def _renders_a_tweet_word(name: Anchor, tweet_tokens: Sequence[str], table: LanguageData
                          ) -> bool:
    """Does the quote's name write a word the tweet has, under some spelling, or the
    people a tweet's word names ("Franzosen" for "French")?"""
    return any(same_name(name.text, t) or renders_people(name.text, t, table)
               for t in tweet_tokens)


_HYPHEN_PART = re.compile(r"(?<=[^\W\d_][-'’])[^\W\d_]+")


def _inner_capitals(quote: str, names: Sequence[Anchor]) -> list[Anchor]:
    """Capitalized parts of hyphenated or elided words that no name anchor covers
    ("mede-Erdogan", "l’Okafor"): a name glued to another word."""
    taken = {(a.start, a.end) for a in names}
    return [
        Anchor("name", m.group().casefold(), m.group(), m.start(), m.end())
        for m in _HYPHEN_PART.finditer(quote)
        if m.group()[:1].isupper() and (m.start(), m.end()) not in taken
    ]


def _quote_parts(quote: str, alignment: Alignment) -> list[tuple[tuple[int, int], str]]:
    """The quote's text per tweet span: each sentence where sentences pair, else all."""
    pairs = pairs_for(quote, alignment)
    if pairs and alignment.sentences is not None:
        return [(span, q) for (q, _), span in zip(pairs, alignment.sentences, strict=True)]
    return [((0, len(alignment.tweet)), quote)]


# --- hedges ----------------------------------------------------------------------------


def dropped_opinion(
    quote: str, quote_table: LanguageData, sentences: Sequence[str], tweet_table: LanguageData
) -> list[Difference]:
    """An opinion marker of a tweet sentence that a partial quote renders part of ("Tesla
    stock price is too high imo" quoted as "the price is too high") and that the quote
    renders with no opinion marker or hedge of its own: the view stated as a fact, though
    the marker stands outside the words quoted."""
    if hedges_in(quote, quote_table) or opinion_markers_in(quote, quote_table):
        return []
    found = [m for s in sentences for m in opinion_markers_in(s, tweet_table)]
    return [Difference("opinion", None, found[0], "source-language")] if found else []



def hedges_in(text: str, table: LanguageData) -> list[str]:
    return _phrases_in(text, table.hedges)


def opinion_markers_in(text: str, table: LanguageData) -> list[str]:
    return _phrases_in(text, table.opinion_markers)


def _phrases_in(text: str, phrases: Sequence[str]) -> list[str]:
    lowered = f" {fold_spaces(text.casefold().replace('’', chr(39)))} "
    return [
        h for h in phrases
        if re.search(rf"(?<![\w']){re.escape(h)}(?![\w'])", lowered)
        and not _only_as_name(text, h)
    ]


def _only_as_name(text: str, phrase: str) -> bool:
    """Is the phrase written only capitalized inside a sentence ("on May 1", "Will
    Brakel")? Then it is a name, not the word of the table."""
    found = list(re.finditer(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", text,
                             re.IGNORECASE))
    return bool(found) and all(
        m.group()[:1].isupper() and _inside_sentence(text[: m.start()]) for m in found
    )


def _inside_sentence(before: str) -> bool:
    """Does a word after `before` stand inside a sentence: after a word, a number or a
    comma, not after an end mark, a colon, a quote mark or "¿"?"""
    last = before.rstrip()[-1:]
    return last.isalnum() or last in (",", ";")


def hedge_differences(quote: str, quote_table: LanguageData, tweet_part: str,
                      tweet_table: LanguageData | None = None,
                      evidence: str = "source-language") -> list[Difference]:
    """A hedge of the tweet ("seems to") that the quote renders with none of its
    language's hedges: the claim is firmer than it was, a paraphrase. An opinion marker
    of the tweet ("imo", "in my opinion") that the quote renders with no opinion marker
    and no hedge states the speaker's view as a fact: a distortion (`opinion`)."""
    tweet_table = tweet_table or lang.get("en")
    kept = hedges_in(quote, quote_table) or opinion_markers_in(quote, quote_table)
    if kept:
        return []
    opinions = opinion_markers_in(tweet_part, tweet_table)
    if opinions:
        return [Difference("opinion", None, opinions[0], evidence)]
    tweet_hedges = hedges_in(tweet_part, tweet_table)
    return [Difference("hedge", None, tweet_hedges[0], evidence)] if tweet_hedges else []
