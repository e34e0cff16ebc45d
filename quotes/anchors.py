"""Anchors: the parts of a quote that survive translation unchanged in meaning.

Numbers (with their scale, currency and whether they are approximate), @handles,
#hashtags, URLs and proper names. "~$100M", "sekitar $100 juta", "etwa 100 Millionen
Dollar" and "environ 100 millions de dollars" all become the same number anchor
(1e8 USD, approximate), so a quote can be matched and checked against an English tweet
even when no translation model is present. Which words are scales, currencies or
approximators is language data (the `[numbers]` table of each language).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from quotes.lang import LanguageData, is_role
from quotes.text import words

AnchorKind = Literal["number", "year", "handle", "hashtag", "url", "name"]

# Relative tolerance for two numbers to be the same value (rounding in translation).
EXACT_TOLERANCE = 0.005
APPROXIMATE_TOLERANCE = 0.05

_NUMBER = re.compile(
    r"(?<![\w.,])"  # not inside a word or another number
    r"(?P<int>\d{1,3}(?:(?P<sep>[,.'\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*|\d+)"
    r"(?:(?P<dec>[.,])(?P<frac>\d+))?"
    r"(?![\d])"
)
_HANDLE = re.compile(r"(?<![\w@])@(\w{1,30})")
_HASHTAG = re.compile(r"(?<![\w#&])#(\w*[^\W\d_]\w*)")
_URL = re.compile(r"https?://[^\s<>\"“”«»]+")
_PERCENT_AFTER = re.compile(r"\s?(%|percent\b|per cent\b|prozent\b|pour cent\b|persen\b|"
                            r"por ciento\b|per cento\b|procent\b|por cento\b)", re.IGNORECASE)
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


@dataclass(frozen=True, slots=True)
class Anchor:
    kind: AnchorKind
    value: float | str  # numbers: the value with its scale applied; others: normalized text
    text: str  # as written
    start: int
    end: int
    unit: str | None = None  # ISO currency code or "%"
    approximate: bool = False

    def describe(self) -> str:
        if self.kind != "number":
            return str(self.value)
        value = _human(float(self.value))
        unit = f" {self.unit}" if self.unit else ""
        return f"{'~' if self.approximate else ''}{value}{unit}"


def extract_anchors(text: str, table: LanguageData) -> list[Anchor]:
    """All anchors of `text`, in order."""
    anchors: list[Anchor] = []
    taken: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:!?)")
        anchors.append(Anchor("url", url.casefold(), url, m.start(), m.start() + len(url)))
        taken.append((m.start(), m.start() + len(url)))
    for pattern, kind in ((_HANDLE, "handle"), (_HASHTAG, "hashtag")):
        for m in pattern.finditer(text):
            if not _inside(m.start(), taken):
                anchors.append(Anchor(kind, m.group(1).casefold(), m.group(), m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for number in _numbers(text, table):
        if not _inside(number.start, taken):
            anchors.append(number)
            taken.append((number.start, number.end))
    anchors.extend(_names(text, table, taken))
    anchors.sort(key=lambda a: a.start)
    return anchors


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


# --- numbers ---------------------------------------------------------------------------


def _numbers(text: str, table: LanguageData) -> list[Anchor]:
    found = []
    for m in _NUMBER.finditer(text):
        value = _parse_number(m, table)
        start, end = m.start(), m.end()
        # Currency sign or word before: "$100", "US$ 5", "€10", "Rp 10.000".
        unit, start = _currency_before(text, start, table)
        # Scale after: "100M", "100 juta", "30 Milliarden", "1 mil millones".
        scale, end = _scale_after(text, end, table, money=unit is not None)
        value *= scale
        # Currency word after: "100 Millionen Dollar", "100 millions de dollars", "5 €".
        if unit is None:
            unit, end = _currency_after(text, end, table)
        percent = _PERCENT_AFTER.match(text, end)
        if percent and unit is None:
            unit, end = "%", percent.end()
        approximate, start = _approximator_before(text, start, table)
        raw = m.group()
        is_year = unit is None and scale == 1 and not approximate and _YEAR.fullmatch(raw)
        found.append(
            Anchor(
                "year" if is_year else "number",
                raw if is_year else value,
                text[start:end],
                start,
                end,
                unit=unit,
                approximate=approximate,
            )
        )
    return found


def _parse_number(m: re.Match[str], table: LanguageData) -> float:
    """The value of a numeral in the language's conventions. A separator followed by
    groups of exactly three digits groups thousands (10,000 · 10.000 · 10 000 · 10'000):
    news copy writes thousands far more often than three-decimal fractions."""
    integer, sep, dec, frac = m.group("int"), m.group("sep"), m.group("dec"), m.group("frac")
    value = float(integer.replace(sep, "") if sep else integer)
    if dec is None or frac is None:
        return value
    decimal_mark = "," if table.decimal_comma else "."
    if dec != decimal_mark and sep is None and len(frac) == 3:
        return value * 1000 + float(frac)  # "10.000" in German, "10,000" in English
    return value + float(f"0.{frac}")


def _currency_before(text: str, start: int, table: LanguageData) -> tuple[str | None, int]:
    head = text[max(0, start - 8) : start]
    trimmed = head.rstrip("\u00a0\u202f ")
    lowered = trimmed.casefold()
    for sign in sorted(table.currencies, key=len, reverse=True):
        if not lowered.endswith(sign):
            continue
        before = lowered[: len(lowered) - len(sign)]
        if sign.isalpha() and before and before[-1].isalnum():
            continue  # a word that merely ends like a currency code
        if sign.isalpha() and trimmed == head:
            continue  # "USD100" is rare; "Rp 10.000" and "USD 5" have a space
        return table.currencies[sign], start - (len(head) - len(trimmed)) - len(sign)
    return None, start


def _scale_after(text: str, end: int, table: LanguageData, *, money: bool) -> tuple[float, int]:
    rest = text[end : end + 24]
    following = words(rest)[:2]
    if not following or rest[: following[0].start].strip():
        return 1.0, end
    glued = following[0].start == 0
    for n in (2, 1):
        if len(following) < n:
            continue
        phrase = " ".join(t.lower for t in following[:n])
        if phrase not in table.scales:
            continue
        word = following[n - 1].text
        # One-letter scales ("M", "B", "k") only glued to an amount of money: "$100M" (a
        # bare "100m" is more likely metres).
        if len(phrase) == 1 and not (glued and money):
            continue
        stop = following[n - 1].end
        if rest[stop : stop + 1] == "." and len(word) <= 3:
            stop += 1  # "Mio.", "Mrd."
        return table.scales[phrase], end + stop
    return 1.0, end


def _currency_after(text: str, end: int, table: LanguageData) -> tuple[str | None, int]:
    rest = text[end : end + 30]
    stripped = rest.lstrip("\u00a0\u202f ")
    for sign in sorted(table.currencies, key=len, reverse=True):
        if not sign.isalpha() and stripped.startswith(sign):  # "100 €"
            return table.currencies[sign], end + (len(rest) - len(stripped)) + len(sign)
    following = words(rest)[:2]
    for i, tok in enumerate(following):
        if rest[(following[i - 1].end if i else 0) : tok.start].strip(" -"):
            break  # punctuation between: not the amount's currency
        lower = tok.lower
        code = table.currencies.get(lower) or table.currencies.get(lower.rsplit("-", 1)[-1])
        if code is not None and lower.replace("-", "").isalpha():
            return code, end + tok.end
        if len(tok.text) > 3:
            break  # only a short connector may stand between: "de", "di", "van"
    return None, end


def _approximator_before(text: str, start: int, table: LanguageData) -> tuple[bool, int]:
    head = text[max(0, start - 30) : start]
    trimmed = head.rstrip("\u00a0\u202f ")
    lowered = trimmed.casefold()
    for approx in sorted(table.approximators, key=len, reverse=True):
        if not lowered.endswith(approx):
            continue
        before = lowered[: len(lowered) - len(approx)]
        if approx[:1].isalpha() and before and before[-1].isalnum():
            continue  # "Summe" does not end with the approximator "um"
        return True, start - (len(head) - len(trimmed)) - len(approx)
    return False, start


# --- names -----------------------------------------------------------------------------


def _names(text: str, table: LanguageData, taken: list[tuple[int, int]]) -> list[Anchor]:
    """Capitalized words that are neither function words nor roles nor sentence openers:
    names spelled the same across languages (Kamala Harris, Trump, OpenAI)."""
    result = []
    tokens = words(text)
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper() or _inside(tok.start, taken):
            continue
        if tok.lower in table.stopwords or is_role(tok.text, table) or tok.text in table.titles:
            continue
        before = text[: tok.start].rstrip()
        sentence_start = i == 0 or not before or before[-1] in ".!?:;\"“”„«»\n"
        if sentence_start or (table.capitalizes_nouns and not _looks_like_name(tok.text)):
            continue
        result.append(Anchor("name", tok.text.casefold(), tok.text, tok.start, tok.end))
    return result


def _looks_like_name(word: str) -> bool:
    """In languages that capitalize nouns, only inner capitals (OpenAI, McDonald) or
    all-caps words stand out as names."""
    return any(c.isupper() for c in word[1:]) or (word.isupper() and len(word) > 1)


# --- comparing -------------------------------------------------------------------------


def same_number(a: Anchor, b: Anchor) -> bool:
    if a.kind != b.kind or a.kind not in ("number", "year"):
        return False
    if a.kind == "year":
        return a.value == b.value
    if a.unit and b.unit and a.unit != b.unit:
        return False
    x, y = float(a.value), float(b.value)
    tolerance = APPROXIMATE_TOLERANCE if (a.approximate or b.approximate) else EXACT_TOLERANCE
    return math.isclose(x, y, rel_tol=tolerance, abs_tol=1e-9)


def same_anchor(a: Anchor, b: Anchor) -> bool:
    if a.kind in ("number", "year"):
        return same_number(a, b)
    return a.kind == b.kind and a.value == b.value


@dataclass(frozen=True, slots=True)
class AnchorComparison:
    shared: tuple[tuple[Anchor, Anchor], ...]  # (quote side, tweet side)
    only_quote: tuple[Anchor, ...]  # in the quote, nowhere in the tweet
    only_tweet: tuple[Anchor, ...]  # in the tweet, not in the quote (cut, or a fragment)

    @property
    def agreement(self) -> float:
        """Share of the quote's anchors found in the tweet (1.0 when the quote has none)."""
        total = len(self.shared) + len(self.only_quote)
        return 1.0 if total == 0 else len(self.shared) / total


def compare_anchors(
    quote: Sequence[Anchor], tweet: Sequence[Anchor], *, kinds: Iterable[str] | None = None
) -> AnchorComparison:
    wanted = set(kinds) if kinds is not None else None
    q = [a for a in quote if wanted is None or a.kind in wanted]
    t = [a for a in tweet if wanted is None or a.kind in wanted]
    used: set[int] = set()
    shared, only_quote = [], []
    for a in q:
        match = next((i for i, b in enumerate(t) if i not in used and same_anchor(a, b)), None)
        if match is None:
            only_quote.append(a)
        else:
            used.add(match)
            shared.append((a, t[match]))
    only_tweet = [b for i, b in enumerate(t) if i not in used]
    return AnchorComparison(tuple(shared), tuple(only_quote), tuple(only_tweet))


def _human(value: float) -> str:
    for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor and value % (factor / 100) == 0:
            return f"{value / factor:g}{suffix}"
    return f"{value:g}"
