"""Language data, kept apart from the algorithms that use it.

Each supported language is one TOML file in `data/` (``de.toml``, ``fr.toml``, …).
Adding a language means adding a file; no code path names a language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from quotes.errors import InputError


@dataclass(frozen=True, slots=True)
class LanguageData:
    """Everything the pipeline knows about one language."""

    code: str
    name: str
    quote_pairs: tuple[tuple[str, str], ...]
    stopwords: frozenset[str]
    letters: str  # letters typical of the language, a weak hint for language identification
    capitalizes_nouns: bool  # German-style: a capitalized word alone is no sign of a name
    speech_verbs: tuple[str, ...]  # lowercase surface forms; may be several words
    according_to: tuple[str, ...]
    after_quote: tuple[str, ...]  # reporting words valid only right after a quote (de "so")
    pronouns: frozenset[str]
    roles: frozenset[str]  # lowercase role nouns standing for a person ("billionaire")
    name_particles: frozenset[str]
    titles: frozenset[str]
    pronoun_suffixes: tuple[str, ...]  # a verb's suffix that is its subject (id "ujarnya")
    not_names: frozenset[str]  # capitalized words that never name a person (Monday, Januari)
    first_person: frozenset[str]  # I, my, we, our: the voice of a reproduced post
    block_intro: tuple[str, ...]  # "post", "bericht": words introducing a reproduced post
    medium_patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (medium, compiled pattern)
    translation_model: str | None  # MarianMT model into English; None: the multilingual one
    decimal_comma: bool  # "10,5" is ten and a half; "10.000" ten thousand
    scales: dict[str, float]  # lowercase scale word → factor ("juta" → 1e6)
    currencies: dict[str, str]  # lowercase sign or word → ISO code ("dolar" → "USD")
    approximators: tuple[str, ...]  # "etwa", "sekitar", "~"
    negations: frozenset[str]
    # --- numbers in words, ranges, vague amounts (issue 5; all optional in a table) ---
    number_words: dict[str, float] = field(default_factory=dict)  # "zehn" → 10, "mil" → 1000
    number_multipliers: dict[str, float] = field(default_factory=dict)  # "hundred" → 100
    number_ones: frozenset[str] = frozenset()  # "a", "un", "eine": one, but only before a scale
    number_joiners: frozenset[str] = frozenset()  # "and" (hundred and ten), "und" (fünfundzwanzig)
    compound_numbers: bool = False  # numbers written as one word: "zehntausend", "diecimila"
    vague_numbers: dict[str, float] = field(default_factory=dict)  # "thousands" → 1000
    percent_words: tuple[str, ...] = ()  # "%", "prozent", "pour cent"
    range_to: tuple[str, ...] = ()  # "10 to 15", "10 bis 15"
    range_between: tuple[str, ...] = ()  # "between 10 and 15"
    range_and: tuple[str, ...] = ()
    year_words: frozenset[str] = frozenset()  # "im Jahr 1", "pada tahun 2019": a year
    currency_connectors: tuple[str, ...] = ()  # "100 millions de dollars", "d'euros"
    # --- polarity and claims ---
    implicit_negations: frozenset[str] = frozenset()  # "confused", "refuse", "without"
    negation_exceptions: tuple[str, ...] = ()  # "not only", "non lucratif": no negation
    clause_words: frozenset[str] = frozenset()  # conjunctions that open a clause
    hedges: tuple[str, ...] = ()  # "seems to", "apparently": soften a claim
    exonyms: dict[str, str] = field(default_factory=dict)  # "deutschland" → "germany"
    # axis → pole → forms: ("profit", "non-profit") ← "nirlaba", "gemeinnützig"
    opposites: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    # Function words the language capitalizes inside a sentence ("I", formal "Sie", "U"):
    # for them a capital is no sign of a sentence whose end mark was left out.
    capitalized_words: frozenset[str] = frozenset()


def is_role(word: str, table: LanguageData) -> bool:
    """Is `word` a role noun ("billionaire"), also inside a compound where the language
    builds them ("AfD-Kanzlerkandidatin", "Tesla-Chef", "Bundestagsabgeordnete")?"""
    lower = word.casefold()
    if lower in table.roles:
        return True
    if "-" in lower and lower.rsplit("-", 1)[1] in table.roles:
        return True
    # Compounds and inflected forms: "Bundestagsabgeordnete", "US-Präsidenten".
    return table.capitalizes_nouns and any(
        role in lower[-len(role) - 2 :] for role in table.roles if len(role) >= 5
    )


def _load(code: str, raw: dict) -> LanguageData:
    try:
        attribution = raw.get("attribution", {})
        mediums = raw.get("medium", {})
        numbers = raw.get("numbers", {})
        return LanguageData(
            code=raw["code"],
            name=raw["name"],
            quote_pairs=tuple((o, c) for o, c in raw["quote_pairs"]),
            stopwords=frozenset(w.casefold() for w in raw["stopwords"]),
            letters=raw.get("letters", ""),
            capitalizes_nouns=bool(raw.get("capitalizes_nouns", False)),
            speech_verbs=tuple(v.casefold() for v in attribution.get("speech_verbs", [])),
            according_to=tuple(v.casefold() for v in attribution.get("according_to", [])),
            after_quote=tuple(v.casefold() for v in attribution.get("after_quote", [])),
            pronouns=frozenset(v.casefold() for v in attribution.get("pronouns", [])),
            roles=frozenset(v.casefold() for v in attribution.get("roles", [])),
            name_particles=frozenset(attribution.get("name_particles", [])),
            titles=frozenset(attribution.get("titles", [])),
            pronoun_suffixes=tuple(attribution.get("pronoun_suffixes", [])),
            not_names=frozenset(w.casefold() for w in attribution.get("not_names", [])),
            first_person=frozenset(w.casefold() for w in attribution.get("first_person", [])),
            block_intro=tuple(w.casefold() for w in attribution.get("block_intro", [])),
            translation_model=raw.get("translation", {}).get("model"),
            decimal_comma=bool(numbers.get("decimal_comma", False)),
            scales={k.casefold(): float(v) for k, v in numbers.get("scales", {}).items()},
            currencies={k.casefold(): v for k, v in numbers.get("currencies", {}).items()},
            approximators=tuple(a.casefold() for a in numbers.get("approximators", [])),
            negations=frozenset(n.casefold() for n in raw.get("polarity", {}).get("negations", [])),
            **_numbers_fields(numbers),
            **_polarity_fields(raw.get("polarity", {}), raw.get("names", {})),
            opposites=_opposites(raw.get("opposites", {})),
            capitalized_words=frozenset(
                _lower_list(raw.get("sentences", {}).get("capitalized", []))
            ),
            medium_patterns=tuple(
                (medium, re.compile(pattern, re.IGNORECASE))
                for medium, patterns in mediums.items()
                for pattern in patterns
            ),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise InputError(f"malformed language table: {exc!r}", location=f"{code}.toml") from exc


def _lower_keys(mapping: dict) -> dict[str, float]:
    return {k.casefold(): float(v) for k, v in mapping.items()}


def _lower_list(values: list) -> tuple[str, ...]:
    return tuple(v.casefold() for v in values)


def _numbers_fields(numbers: dict) -> dict[str, object]:
    """The number-word and range keys of a `[numbers]` table."""
    return {
        "number_words": _lower_keys(numbers.get("words", {})),
        "number_multipliers": _lower_keys(numbers.get("multipliers", {})),
        "number_ones": frozenset(_lower_list(numbers.get("ones", []))),
        "number_joiners": frozenset(_lower_list(numbers.get("joiners", []))),
        "compound_numbers": bool(numbers.get("compound_numbers", False)),
        "vague_numbers": _lower_keys(numbers.get("vague", {})),
        "percent_words": _lower_list(numbers.get("percent", [])),
        "range_to": _lower_list(numbers.get("range_to", [])),
        "range_between": _lower_list(numbers.get("range_between", [])),
        "range_and": _lower_list(numbers.get("range_and", [])),
        "year_words": frozenset(_lower_list(numbers.get("year_words", []))),
        "currency_connectors": _lower_list(numbers.get("connectors", [])),
    }


def _polarity_fields(polarity: dict, names: dict) -> dict[str, object]:
    """The keys of `[polarity]` beyond `negations`, and `[names]`."""
    return {
        "implicit_negations": frozenset(_lower_list(polarity.get("implicit", []))),
        "negation_exceptions": _lower_list(polarity.get("exceptions", [])),
        "clause_words": frozenset(_lower_list(polarity.get("clause_words", []))),
        "hedges": _lower_list(polarity.get("hedges", [])),
        "exonyms": {k.casefold(): v.casefold() for k, v in names.get("exonyms", {}).items()},
    }


def _opposites(raw: dict) -> dict[str, dict[str, tuple[str, ...]]]:
    found = {}
    for axis, poles in raw.items():
        if not isinstance(poles, dict) or len(poles) != 2:
            raise ValueError(f"opposites.{axis} must name exactly two poles")
        found[axis] = {pole: _lower_list(forms) for pole, forms in poles.items()}
    return found


@cache
def available() -> tuple[str, ...]:
    """Codes of all languages with a data table, sorted."""
    files = resources.files(__name__).joinpath("data").iterdir()
    return tuple(sorted(f.name.removesuffix(".toml") for f in files if f.name.endswith(".toml")))


@cache
def get(code: str) -> LanguageData:
    """The data table for `code`; an `InputError` naming the known codes if there is none."""
    if code not in available():
        raise InputError(f"unknown language {code!r} (known: {', '.join(available())})")
    text = resources.files(__name__).joinpath("data", f"{code}.toml").read_text("utf-8")
    return _load(code, tomllib.loads(text))


def all_languages() -> tuple[LanguageData, ...]:
    return tuple(get(code) for code in available())
