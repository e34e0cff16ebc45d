"""Quantifier differences: "in most populations" rendered "em muitas populações" (in many
populations). How much of a whole a claim covers survives translation as well as a number
does, and each language's table lists its forms per level ("most" → "a maioria").

Read from the quote's own text, never from a back-translation: translation models swap
"most" and "many" on their own. A level the tweet states and the quote lacks counts only
where the quote states another level in the same sentence pair instead; a quantifier
dropped or added without a replacement is rewording, not a changed claim.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from quotes import lang
from quotes.lang import LanguageData
from quotes.models import Difference


def quantifiers_in(text: str, table: LanguageData) -> list[tuple[str, str]]:
    """(level, form) of each quantifier in `text`, in order; the table's `not_quantifiers`
    ("the most lethal") are no quantity."""
    lowered = text.casefold().replace("’", "'")
    for phrase in table.not_quantifiers:
        lowered = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " " * len(phrase), lowered)
    level_of = {form: level for level, forms in table.quantifiers.items() for form in forms}
    if not level_of:
        return []
    return [(level_of[m.group()], m.group())
            for m in _pattern(tuple(level_of)).finditer(lowered)]


@lru_cache(maxsize=64)
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so "a maioria" is one form, not "maioria" after a stray "a".
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def quantifier_differences(
    pairs: Sequence[tuple[str, str]], quote_table: LanguageData,
    tweet_table: LanguageData | None = None,
) -> list[Difference]:
    """Over (quote part, tweet part) pairs: each level the tweet part states that the
    quote part does not, paired with a level the quote part states instead. The tweet is
    read with its own language's table (English unless given)."""
    tweet_table = tweet_table or lang.get("en")
    differences = []
    for quote_part, tweet_part in pairs:
        ours = quantifiers_in(quote_part, quote_table)
        theirs = quantifiers_in(tweet_part, tweet_table)
        lost = Counter(level for level, _ in theirs) - Counter(level for level, _ in ours)
        gained = Counter(level for level, _ in ours) - Counter(level for level, _ in theirs)
        replaced, dropped = _forms_of(ours, gained), _forms_of(theirs, lost)
        differences += [Difference("quantifier", q, t, "source-language")
                        for q, t in zip(replaced, dropped, strict=False)]
    return differences


def _forms_of(found: Sequence[tuple[str, str]], extra: Counter[str]) -> list[str]:
    """The first forms of `found` at each level of `extra`, as many as it counts."""
    left = Counter(extra)
    forms = []
    for level, form in found:
        if left[level] > 0:
            left[level] -= 1
            forms.append(form)
    return forms
