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

__all__ = ["first_names", "gender", "is_first_name", "lowercase_words"]

_FILE = ("data", "nam_dict.txt")
# A data line: the gender code, spaces, the name (comment lines start with "#" or "=").
_LINE = re.compile(r"^([?1]?[MF]|\?)[ \t]+(\S+)", re.MULTILINE)
# The file's gender codes: male, mostly male, female, mostly female, either.
_GENDERS = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f", "?": "?"}


@cache
def first_names() -> dict[str, str]:
    """Casefolded first name → "m", "f" or "?" (either)."""
    try:
        data = resources.files("gender_guesser").joinpath(*_FILE).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    names: dict[str, str] = {}
    for code, name in _LINE.findall(data):
        gender = _GENDERS.get(code)
        if gender is None:
            continue
        forms = (name,) if "+" not in name else {name.replace("+", s) for s in ("", " ", "-")}
        for form in forms:
            key = form.casefold()
            seen = names.get(key)
            names[key] = gender if seen in (None, gender) else "?"
    return names


def is_first_name(word: str) -> bool:
    """A first name of the list, or first names joined by hyphens ("Jean-Jacques",
    "Marie-Claire"), which the list holds only in part."""
    names = first_names()
    key = word.casefold()
    return key in names or ("-" in key and all(part in names for part in key.split("-")))


def gender(name: str) -> str | None:
    """"m" or "f" for a name whose first word is a first name of one gender (of its first
    part where hyphens join first names: "Jean-Marie"), else None."""
    words = name.split()
    key = words[0].casefold() if words else ""
    names = first_names()
    if key not in names and is_first_name(key):
        key = key.split("-")[0]
    found = names.get(key)
    return found if found in ("m", "f") else None
