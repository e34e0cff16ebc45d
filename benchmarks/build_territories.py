"""Build `quotes/lang/data/territories/<code>.tsv`: each country's name in a language
beside its English name ("Irã" → iran, "Coreia do Sul" → south korea), and
`quotes/lang/data/languages/<code>.tsv`: each language's name beside its English name
("Französisch" → french), from the Unicode CLDR data that Babel ships.

A tweet names countries in English and a translation names them in its own language; the
tables' hand-written exonyms covered only the most frequent ones, so "Irã" rendering
"Iran" read as one name put in the place of another. Every region variant a language's
news is written in counts (pt: Brazil's "Irã" and Portugal's "Irão").

    python benchmarks/build_territories.py

Babel is needed only here (a development tool, not a dependency of `quotes`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "quotes" / "lang" / "data" / "territories"
LANGUAGES = OUT.parent / "languages"

# The locales whose names count for each table language: the language and the regional
# variants with their own spellings.
LOCALES = {
    "de": ("de", "de_AT", "de_CH"),
    "es": ("es", "es_419", "es_MX", "es_AR"),
    "fr": ("fr", "fr_CA", "fr_BE"),
    "id": ("id",),
    "it": ("it",),
    "nl": ("nl", "nl_BE"),
    "pt": ("pt", "pt_PT"),
}

# CLDR's qualifiers: "Myanmar (Burma)", "Congo - Kinshasa", "Hong Kong SAR China".
_QUALIFIED = re.compile(r"\s*(\(.*\)|-\s.*|SAR\b.*)$")


def plain(name: str) -> str:
    return _QUALIFIED.sub("", name).strip().casefold()


def territories(code: str) -> dict[str, str]:
    """Local name → English name, countries only, where the two differ."""
    from babel import Locale

    english = Locale("en").territories
    found: dict[str, str] = {}
    for locale in LOCALES[code]:
        for region, name in Locale.parse(locale).territories.items():
            if not (region.isalpha() and len(region) == 2) or region not in english:
                continue  # continents and groupings ("019", "EU") are no countries
            local, target = plain(name), plain(english[region])
            if local and target and local != target:
                found.setdefault(local, target)
    return found


def languages(code: str) -> dict[str, str]:
    """Local name → English name of every language with a two-letter code, where both are
    one word and differ ("Französisch" → french): English writes a people's adjective as
    its language's name ("French", "Dutch"), which another language renders with its
    own word for the people ("Franzosen", "Fransen")."""
    from babel import Locale

    english = Locale("en").languages
    found: dict[str, str] = {}
    for locale in LOCALES[code]:
        for language, name in Locale.parse(locale).languages.items():
            if len(language) != 2 or language not in english:
                continue
            local, target = name.casefold(), english[language].casefold()
            if " " not in local and " " not in target and local != target:
                found.setdefault(local, target)
    return found


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    LANGUAGES.mkdir(parents=True, exist_ok=True)
    for code in LOCALES:
        for folder, rows, what in ((OUT, sorted(territories(code).items()), "country"),
                                   (LANGUAGES, sorted(languages(code).items()), "language")):
            text = "".join(f"{local}\t{english}\n" for local, english in rows)
            (folder / f"{code}.tsv").write_text(text, encoding="utf-8")
            print(f"{code}: {len(rows)} {what} names", file=sys.stderr)


if __name__ == "__main__":
    main()
