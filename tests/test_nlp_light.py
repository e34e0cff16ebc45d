"""The light pipeline reads the same tokens as spaCy's blank pipeline with its
sentencizer: texts, offsets, punctuation and sentence starts, in every language table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from quotes import lang
from quotes.attribute.tokens import parse
from quotes.nlp_light import LightPipeline, import_spacy, read_tables
from quotes.nlp_tables import factor

# Invented passages: abbreviations, elisions, hyphenated compounds, numbers, URLs,
# handles, emoticons, runs of spaces and line breaks, nested marks.
PASSAGES = [
    "Mme. Claire Exemple a dit : « L'école d'aujourd'hui ouvre à 8 h 30. » Le week-end, "
    "c'est-à-dire samedi, rien. Voir https://example.org/a?b=1 ou @maire_fictive ;-)\n\n"
    "« Qu'est-ce qu'on attend ? » a-t-elle demandé.  Le procès-verbal du 3/4 est prêt.",
    "„Wir öffnen z.B. am 1. Mai um 9 Uhr“, sagte Dr. Max Beispiel (CDU-Fraktion). "
    "Das kostet 2,5 Mio. Euro – ca. 10 % mehr.\nEr schrieb auf X: »Nicht schon wieder!«",
    "“We’re done,” said Jane Example, the U.S. mayor, at 5 p.m. It's the '90s, isn't it? "
    "E-mail j.doe@example.com or see www.example.com... Mr. Smith didn't.",
    "“Kami sudah siap,” kata Budi Contoh, Senin (1/5). Anak-anak bermain di luar; "
    "rumah-rumah baru dibangun di Jl. Merdeka No. 5. Dll. dsb.",
    "«No lo haremos», dijo la Sra. Ana Ejemplo a las 10 a. m. ¿Por qué? ¡Ya basta! "
    "EE. UU. y la UE, p. ej., lo saben.",
    "«Non lo faremo», ha scritto il sig. Marco Esempio su X. Dell'anno scorso c'è poco. "
    "L'on. Rossi, cioè il sindaco, tace.",
    "„We doen het niet”, zei Jan Voorbeeld d.w.z. de burgemeester. 's Avonds om 8 uur "
    "zo'n 100 mensen. Zie o.a. blz. 5.",
    '"Não vamos fazer isso", escreveu a Sra. Joana Exemplo. Fê-lo-á amanhã? Dá-se-lhe '
    "o que é devido, i.e., nada. Av. da Liberdade, n.º 5.",
]


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "nlp-cache"))


@pytest.mark.parametrize("code", lang.available())
def test_same_tokens_as_spacy_blank(code: str) -> None:
    """Every language's tables on every passage, token for token."""
    spacy = import_spacy()
    blank = spacy.blank(code)
    blank.add_pipe("sentencizer")
    tables = read_tables(code)
    assert tables is not None
    light = LightPipeline(tables)
    for text in PASSAGES:
        assert parse(light, text) == parse(blank, text)


def test_tables_are_cached_as_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_CACHE_DIR", str(tmp_path))
    tables = read_tables("de")
    assert tables is not None
    [path] = tmp_path.rglob("de.json")
    assert json.loads(path.read_text(encoding="utf-8")) == tables
    assert read_tables("de") == tables  # read back, not built again


def test_exceptions_inside_and_across_tokens() -> None:
    tables = read_tables("en")
    assert tables is not None
    light = LightPipeline(tables)
    texts = [t.text for t in light("It's 5 p.m. (or 6 a.m.), isn't it? :-) Yes:)")]
    assert texts[:4] == ["It", "'s", "5", "p.m."]
    assert "a.m." in texts and ":-)" in texts and "is" in texts and "n't" in texts


def test_factored_alternatives_match_the_same_strings() -> None:
    letters = "[a-zà-ÿ" + "".join(chr(c) for c in range(0x100, 0x17F)) + "]"
    pattern = "(?iu)" + "|".join(f"(?:^{head}[-]{letters}+$)" for head in ("ab", "c[dé]", "fo?x"))
    pattern += f"|(?:^{letters}+[-]la[-]{letters}+$)|(?:^{letters}+[-]des?[-]{letters}+$)"
    factored = factor(pattern)
    assert factored != pattern and len(factored) < len(pattern) / 2
    for probe in ["ab-cd", "AB-Cd", "cé-x", "cd-", "fx-ab", "fox-ab", "foox-ab", "ab", "zz-la-zz",
                  "zz-de-zz", "zz-des-zz", "zz-du-zz", "x-la-", "ab-cd-ef", "cé-ŝ"]:
        assert bool(re.match(pattern, probe)) == bool(re.match(factored, probe)), probe


def test_a_pattern_that_is_no_list_of_alternatives_is_left_alone() -> None:
    for pattern in ["^abc$", "(?i)a|b", "(?:^a$)|b"]:
        assert factor(pattern) == pattern
