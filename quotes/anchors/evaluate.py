"""Reading a run of number elements (numerals and lexicon entries) as one value: an
ordered list of rules, each taking the next element into the reading or ending it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from quotes.anchors.lexicon import Entry


@dataclass(frozen=True, slots=True)
class Element:
    """A numeral, or one lexicon entry, inside a number."""

    entry: Entry | None  # None: a numeral
    value: float | None  # a numeral's value
    last_item: int  # index of the last item it covers
    end: int
    compound: bool = False  # a piece of a one-word number ("zehn|tausend")


@dataclass(frozen=True, slots=True)
class Reading:
    """A number as read so far, element by element."""

    numeral_first: bool  # it began with a numeral: number words do not add to it
    total: float = 0.0
    scale: float = 1.0  # the largest scale applied
    current: float | None = None  # the part since the last scale
    last_word: float | None = None  # the word a multiplier multiplies ("two" in "two hundred")
    last_scale: float | None = None
    pending_one: bool = False  # "a", "eine", "un" read: only a scale may follow
    after_joiner: bool = False
    used: int = 0  # elements taken
    stopped: bool = False  # the number ended before the element last tried

    def took(self, k: int) -> Reading:
        """The reading with element `k` taken."""
        return replace(self, after_joiner=False, used=k + 1)

    def stop(self) -> Reading:
        return replace(self, stopped=True)


# A rule reads element k into the reading (or ends it), or returns None when it does not
# apply; the first rule that applies decides.
ElementRule = Callable[[Reading, Element, int], Reading | None]


def _numeral(s: Reading, el: Element, k: int) -> Reading | None:
    if el.entry is not None:
        return None
    return replace(s.took(k), current=el.value, last_word=el.value)


def _joiner(s: Reading, el: Element, k: int) -> Reading | None:
    """"and", "und", "et" between number words; never after a numeral."""
    e = el.entry
    if e is None or not e.joiner:
        return None
    if s.current is None or s.numeral_first:
        return s.stop()
    return replace(s, after_joiner=True)


def _first_word(s: Reading, el: Element, k: int) -> Reading | None:
    """The first word after a scale (or of the number): a number word, or a "one"."""
    e = el.entry
    if e is None or s.current is not None:
        return None
    if e.word is not None and not (s.total and e.scale):
        return replace(s.took(k), current=e.word, last_word=e.word)
    if e.one and not s.total:
        return replace(s.took(k), current=1.0, last_word=1.0, pending_one=True)
    return s.stop()


def _multiplier(s: Reading, el: Element, k: int) -> Reading | None:
    """"hundred" after a smaller word multiplies it: "two hundred"."""
    e = el.entry
    if e is None or s.current is None or e.multiplier is None or s.last_word is None:
        return None
    if s.last_word >= e.multiplier:
        return None
    return replace(s.took(k), current=s.current + s.last_word * (e.multiplier - 1),
                   last_word=None, pending_one=False)


def _scale(s: Reading, el: Element, k: int) -> Reading | None:
    """"million" multiplies what came since the last scale, or everything before it when
    it is the larger ("thousand million")."""
    e = el.entry
    if e is None or s.current is None or e.scale is None:
        return None
    grows = s.last_scale is not None and e.scale > s.last_scale
    total = (s.total + s.current) * e.scale if grows else s.total + s.current * e.scale
    return replace(s.took(k), total=total, scale=max(s.scale, e.scale), current=None,
                   last_word=None, last_scale=e.scale, pending_one=False)


def _half(s: Reading, el: Element, k: int) -> Reading | None:
    """"et demi" right after a scale adds half of it: "un million et demi"; the number
    ends there."""
    e = el.entry
    if e is None or not e.half or s.current is not None or s.last_scale is None:
        return None
    return replace(s.took(k), total=s.total + s.last_scale / 2, stopped=True)


def _addition(s: Reading, el: Element, k: int) -> Reading | None:
    e = el.entry
    if e is None or s.current is None:
        return None
    if not adds(e, el, s.current, after_joiner=s.after_joiner, numeral_first=s.numeral_first):
        return None
    added = e.word if e.word is not None else 1.0
    return replace(s.took(k), current=s.current + added, last_word=added)


def _no_part_of_it(s: Reading, el: Element, k: int) -> Reading | None:
    return s.stop()


ELEMENT_RULES: tuple[ElementRule, ...] = (
    _numeral, _joiner, _half, _first_word, _multiplier, _scale, _addition, _no_part_of_it,
)


def evaluate(elements: list[Element]) -> tuple[float, float, int, bool] | None:
    """(value, scale applied, elements used, vague) of a run of number elements, or None
    when it is no number ("a" not followed by a scale)."""
    head = elements[0].entry
    if head is not None and head.vague is not None and head.word is None and not head.one:
        # A scale right after a vague plural multiplies it: "ratusan ribu" (hundreds of
        # thousands), "Hunderte Millionen".
        following = elements[1].entry if len(elements) > 1 else None
        if following is not None and following.scale is not None:
            return head.vague * following.scale, following.scale, 2, True
        return head.vague, 1.0, 1, True
    reading = Reading(numeral_first=head is None)
    for k, el in enumerate(elements):
        reading = _step(reading, el, k)
        if reading.stopped:
            break
    if reading.used == 0 or reading.pending_one:
        return None
    return reading.total + (reading.current or 0.0), reading.scale, reading.used, False


def _step(reading: Reading, el: Element, k: int) -> Reading:
    for rule in ELEMENT_RULES:
        found = rule(reading, el, k)
        if found is not None:
            return found
    raise AssertionError("the last element rule always applies")


def adds(
    e: Entry, el: Element, current: float, *, after_joiner: bool, numeral_first: bool
) -> bool:
    """May this word add to the number so far? "twenty-five", "hundred and ten", "vingt et
    un", and inside one-word numbers units before tens ("fünfundzwanzig")."""
    if numeral_first:
        return False
    if e.word is None:
        return e.one and after_joiner
    if after_joiner and el.compound:
        return True
    return e.word < current and current % 10 == 0
