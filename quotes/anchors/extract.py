"""Finding a text's anchors: URLs, @handles, #hashtags, numbers (see `numbers`) and
proper names, each where nothing found before it stands."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from quotes.anchors.measures import as_decade, measured
from quotes.anchors.numbers import numbers
from quotes.lang import LanguageData, is_role
from quotes.models import Anchor, AnchorKind
from quotes.normalize import MEDIA_LINK
from quotes.text import inside, words

_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
# A hashtag after a letter counts where its tag starts with a capital: archived text whose
# spaces were lost ("Mr.President#Inauguration"); "C#" and "issue#12" stay no hashtags.
_HASHTAG = re.compile(r"(?:(?<![\w#&])|(?<=[^\W\d_])(?=#[^\W\d_a-zß-ÿ]))#(\w*[^\W\d_]\w*)")
_URL = re.compile(r"https?://[^\s<>\"“”«»]+")
# Dates and times are no counts: "09.05.2022", "9/5/22", "16:49".
# Dates and clock times (12.5.2024, 6:30, 18h30, 18h) are no amounts.
_DATE_TIME = re.compile(r"(?<![\w.])\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\w])|(?<![\w:])\d{1,2}:\d{2}"
                        r"|(?<![\w])(?:[01]?\d|2[0-3])h(?:[0-5]\d)?(?![\w])")
# Marked anchors, each kind with the pattern that finds it.
_MARKED: tuple[tuple[re.Pattern[str], AnchorKind], ...] = (
    (_HANDLE, "handle"), (_HASHTAG, "hashtag"),
)


def extract_anchors(text: str, table: LanguageData) -> list[Anchor]:
    """All anchors of `text`, in order."""
    anchors: list[Anchor] = []
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in MEDIA_LINK.finditer(text)]
    for m in _URL.finditer(text):
        if inside(m.start(), taken):
            continue
        url = m.group().rstrip(".,;:!?)")
        anchors.append(Anchor("url", url.casefold(), url, m.start(), m.start() + len(url)))
        taken.append((m.start(), m.start() + len(url)))
    for pattern, kind in _MARKED:
        for m in pattern.finditer(text):
            if not inside(m.start(), taken):
                anchors.append(Anchor(kind, m.group(1).casefold(), m.group(), m.start(), m.end()))
                taken.append((m.start(), m.end()))
    taken += [(m.start(), m.end()) for m in _DATE_TIME.finditer(text)]
    taken += _idioms(text, table)
    taken += _clock_times(text, table)
    taken += _designations(text, table)
    for number in [*numbers(text, table, taken), *_unit_numbers(text, table, taken)]:
        anchors.append(as_decade(text, measured(text, number, table), table))
        taken.append((number.start, number.end))
    anchors.extend(_names(text, table, taken))
    anchors.sort(key=lambda a: a.start)
    return anchors


def _unit_numbers(text: str, table: LanguageData, taken: list[tuple[int, int]]
                  ) -> list[Anchor]:
    """The table's number words that count only before a unit ("sei anni"): each as a
    number, its unit read by `measured`."""
    if not table.unit_numbers or not table.measures:
        return []
    pattern = _unit_number_pattern(tuple(table.unit_numbers), tuple(table.measures))
    return [Anchor("number", table.unit_numbers[m.group(1).casefold()], m.group(1),
                   m.start(1), m.end(1))
            for m in pattern.finditer(text) if not inside(m.start(), taken)]


@lru_cache(maxsize=32)
def _unit_number_pattern(words: tuple[str, ...], units: tuple[str, ...]) -> re.Pattern[str]:
    # Built once per table: extraction runs on every text.
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({'|'.join(map(re.escape, words))})\s+(?:{alternatives})(?!\w)",
                      re.IGNORECASE)


def _idioms(text: str, table: LanguageData) -> list[tuple[int, int]]:
    """Where the table's number idioms ("grazie mille") stand: their words count nothing."""
    return [(m.start(), m.end()) for idiom in table.number_idioms
            for m in re.finditer(rf"(?<!\w){re.escape(idiom)}(?!\w)", text, re.IGNORECASE)]


_CLOCK = r"\d{1,2}(?:[.:h]\d{2})?"


def _clock_times(text: str, table: LanguageData) -> list[tuple[int, int]]:
    """Where clock times stand ("6 PM", "18 Uhr", "alle 18", "pukul 18.00 WIB"): their
    numbers count nothing, and one language's "6 PM" is another's "18 Uhr". A word that
    is also a unit of time ("horas", "ore", "heures", "uur") makes a clock time only with
    minutes ("10.30 horas") or after a clock word ("a las 10 horas", "à 18 heures"): "las
    últimas 24 horas" are a day, as "the last 24 hours" are."""
    units = tuple(w for w in table.clock_after if w.casefold() in table.measures)
    patterns = _clock_patterns(table.clock_after, units, table.clock_before,
                               table.clock_before_unit)
    return [(m.start(), m.end()) for pattern in patterns for m in pattern.finditer(text)]


@lru_cache(maxsize=32)
def _clock_patterns(after: tuple[str, ...], units: tuple[str, ...], before: tuple[str, ...],
                    before_unit: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The clock-time patterns of one table (built once: extraction runs on every text).
    `units`: the words after a time that are also units of time ("horas")."""
    def alternatives(words: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in words) or "(?!)"

    only = alternatives(w for w in after if w not in units)
    sources = (
        rf"(?<![\w.,]){_CLOCK}\s?(?:{only})(?!\w)",
        rf"(?<![\w.,])\d{{1,2}}[.:h]\d{{2}}\s?(?:{alternatives(units)})(?!\w)",
        rf"(?<!\w)(?:{alternatives((*before, *before_unit))})\s+{_CLOCK}\s?"
        rf"(?:{alternatives(after)})(?!\w)",
        rf"(?<!\w)(?:{alternatives(before)})\s+{_CLOCK}(?=\s*(?:[.,;:!?)]|$))",
    )
    return tuple(re.compile(source, re.IGNORECASE) for source in sources)


# A numeral right after a name inside a sentence ("Ferrari 812", "Boeing 737", "Apollo 11"),
# also ending it ("DUE Ferrari 812."); a decimal ("Boeing 7.5") is none.
_DESIGNATION = re.compile(r"(?<![\w.,:;!?])([^\W\d_][\w’'-]*)[ \u00a0](\d{1,4})"
                          r"(?![\w%/:]|[.,]\d|\s?%)")
_SENTENCE_BREAK = ".!?:;\"“”„«»‘¡¿(\n"  # "¡Acordamos 3 …": a verb opening the sentence
_YEARLIKE = re.compile(r"1[89]\d\d|20\d\d")  # "Jahr 2019", "Trump 2020": years, kept


def _designations(text: str, table: LanguageData) -> list[tuple[int, int]]:
    """Where a model or series number stands after its name ("two Ferrari 812", "a Boeing
    737"): it names a thing, it counts nothing. Not after a sentence's first word, a
    function word or a month ("May 3" is a date), nor a year ("im Jahr 1", "Trump 2020")."""
    found = []
    for m in _DESIGNATION.finditer(text):
        word = m.group(1)
        before = text[: m.start()].rstrip()
        if (not word[:1].isupper() or not before or before[-1] in _SENTENCE_BREAK
                or word.casefold() in table.stopwords or word.casefold() in table.not_names
                or word.casefold() in table.prepositions or word.casefold() in table.year_words
                or word.casefold() in table.common_words  # "Gets 3" of a title-case headline
                or (table.capitalizes_nouns and not _looks_like_name(word))  # "Frühjahr 3"
                or _YEARLIKE.fullmatch(m.group(2))):
            continue
        found.append((m.start(2), m.end(2)))
    return found


def _names(text: str, table: LanguageData, taken: list[tuple[int, int]]) -> list[Anchor]:
    """Capitalized words that are neither function words nor roles nor sentence openers:
    names spelled the same across languages (Kamala Harris, Trump, OpenAI)."""
    result = []
    tokens = words(text)
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper() or inside(tok.start, taken):
            continue
        lower = tok.lower.replace("’", "'")
        if lower in table.stopwords or is_role(tok.text, table) or tok.text in table.titles:
            continue
        if lower in table.not_names:
            continue
        before = text[: tok.start].rstrip()
        sentence_start = i == 0 or not before or before[-1] in ".!?:;\"“”„«»‘’'¡¿(\n—–-"
        if sentence_start or (table.capitalizes_nouns and not _looks_like_name(tok.text)):
            continue
        result.append(Anchor("name", tok.text.casefold(), tok.text, tok.start, tok.end))
    return result


def _looks_like_name(word: str) -> bool:
    """In languages that capitalize nouns, only inner capitals (OpenAI, McDonald) or
    all-caps words stand out as names."""
    return any(c.isupper() for c in word[1:]) or (word.isupper() and len(word) > 1)
