"""First names and their gender, to tell a person's name from other capitalized words and
to check a pronoun's agreement with the person it stands for.

The names are those of gender-guesser's data file (Jörg Michael's list of about 48,000
first names with their frequency in some fifty countries, under the GNU FDL). It is read
as data from the installed package, not copied into this one; without the package the
lexicon is empty and attribution still works, on the tables and the document alone.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from quotes.lang import lowercase_words

__all__ = ["first_names", "gender", "genders", "is_first_name", "lowercase_words"]

_FILE = ("data", "nam_dict.txt")
# A data line: the gender code, spaces, the name (comment lines start with "#" or "=").
_LINE = re.compile(r"^([?1]?[MF]|\?)[ \t]+(\S+)", re.MULTILINE)
# The file's gender codes: male, mostly male, female, mostly female, either.
_GENDERS = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "?"}
# Where a data line's frequency columns begin (one hexadecimal digit per country).
_COLUMNS = 30
_DIGITS = frozenset("123456789ABCD")
# How many times one gender's weight must outweigh the others' to be the name's gender.
_DOMINANCE = 4.0
# The file's country columns (0: Great Britain, 1: Ireland, 2: USA, 3: Italy, 5: Portugal,
# 6: Spain, 7: France, 8: Belgium, 10: the Netherlands, 12: Germany, 13: Austria, 14:
# Switzerland) of each language's countries.
_COUNTRIES = {"en": (0, 1, 2), "it": (3,), "pt": (5,), "es": (6,), "fr": (7, 8),
              "nl": (10, 8), "de": (12, 13, 14)}


@cache
def first_names() -> dict[str, str]:
    """Casefolded first name → "m", "f" or "?" (either): where the list gives a name both
    genders, the one far more frequent over its countries ("Mike": m), else "?"."""
    return genders("")


@cache
def _entries() -> tuple[tuple[str, str, str], ...]:
    """The list's data lines as (casefolded name form, gender, country columns), read once
    for every language."""
    try:
        data = resources.files("gender_guesser").joinpath(*_FILE).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ()
    entries = []
    for match in _LINE.finditer(data):
        code, name = match.groups()
        gender = _GENDERS.get(code)
        if gender is None:
            continue
        line_end = data.find("\n", match.end())
        columns = data[match.start() + _COLUMNS : line_end if line_end >= 0 else len(data)]
        forms = (name,) if "+" not in name else {name.replace("+", s) for s in ("", " ", "-")}
        entries += [(form.casefold(), gender, columns) for form in forms]
    return tuple(entries)


@cache
def genders(language: str) -> dict[str, str]:
    """First names and their genders as `language`'s countries use them (the file's
    columns of _COUNTRIES: "Andrea" is a man in Italy, a woman elsewhere), every country
    where those name it nowhere, or where the language has no column."""
    own = _COUNTRIES.get(language, ())
    weights: dict[str, dict[str, tuple[float, float]]] = {}
    for key, gender, columns in _entries():
        every = sum(2.0 ** int(c, 16) for c in columns if c in _DIGITS)
        local = sum(2.0 ** int(columns[k], 16) for k in own
                    if k < len(columns) and columns[k] in _DIGITS)
        seen = weights.setdefault(key, {})
        total = seen.get(gender, (0.0, 0.0))
        seen[gender] = (total[0] + local, total[1] + every)
    return {key: _dominant(seen) for key, seen in weights.items()}


def _dominant(seen: dict[str, tuple[float, float]]) -> str:
    """The gender whose weight (in the language's countries if any name it, else in all)
    outweighs the others' _DOMINANCE times, else "?"."""
    local = any(w[0] for w in seen.values())
    weight = {g: w[0] if local else w[1] for g, w in seen.items()}
    best = max(weight, key=lambda g: weight[g])
    rest = sum(w for g, w in weight.items() if g != best)
    return best if best != "?" and weight[best] > _DOMINANCE * rest else "?"


def is_first_name(word: str) -> bool:
    """A first name of the list, or first names joined by hyphens ("Jean-Jacques",
    "Marie-Claire"), which the list holds only in part."""
    names = first_names()
    key = word.casefold()
    return key in names or ("-" in key and all(part in names for part in key.split("-")))


def gender(name: str, language: str = "") -> str | None:
    """"m" or "f" for a name whose first word is a first name of one gender where
    `language` is written (of its first part where hyphens join first names:
    "Jean-Marie"), else None."""
    words = name.split()
    key = words[0].casefold() if words else ""
    names = genders(language)
    if key not in names and is_first_name(key):
        key = key.split("-")[0]
    found = names.get(key)
    return found if found in ("m", "f") else None
