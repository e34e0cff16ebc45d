"""MT confirms or stays silent: a back-translation that renders no tweet closely leaves the
quote verified exactly as without MT; one that does is used. Fictional accounts, texts
written here; the translator is a stand-in whose output the test chooses."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from quotes.embed import default_embedder
from quotes.formats import read_archive_file
from quotes.models import Document, QuoteResult, Translated
from quotes.pipeline import Analyzer, Verifier
from quotes.store import Archive

TWEET = ("Our library will open every weekend from next month. Reading is a right, not a "
         "luxury, and 2,000 new books are on the shelves.")
ARTICLE = ("A biblioteca muda de horário. «A nossa biblioteca vai abrir todos os fins de "
           "semana a partir do próximo mês. Ler é um direito, não um luxo, e há 2.000 "
           "livros novos nas estantes», escreveu Lina Examplestein no X.")
CLOSE = ("Our library will open every weekend from next month. Reading is a right, not a luxury, "
         "and there are 2,000 new books on the shelves.")
# What a modest model makes of it: loose wording, a negation lost, words dropped.
LOOSE = "The library goes open the weekend next. Reading is right and luxury, 2,000 books."


class _Fixed:
    """A translator that renders every quote as one given text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def translate(self, items: Sequence[tuple[str, str]]) -> list[Translated | None]:
        return [Translated(self.text, "stand-in", "r1", cached=False) for _ in items]


@pytest.fixture(scope="module")
def verify(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    embedder = default_embedder()
    if embedder is None:
        pytest.skip("the bundled embedder is not available")
    folder: Path = tmp_path_factory.mktemp("gate")
    record = {"author": "lina_examplestein_fictional", "name": "Lina Examplestein",
              "created_at": "2025-03-01", "id": None, "text": TWEET, "url": None,
              "source": "invented for tests; fictional account"}
    (folder / "t.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    archive = Archive.open(str(folder / "a.sqlite"))
    parsed = read_archive_file(folder / "t.jsonl")
    archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)

    def run(translator: _Fixed | None) -> QuoteResult:
        verifier = Verifier(archive, Analyzer(resolve=archive.speaker_resolver()),
                            translator=translator, embedder=embedder)
        (article,) = verifier.verify([Document("pt.txt", ARTICLE, "pt")])
        (quote,) = article.quotes
        return quote

    return run


def test_a_loose_back_translation_changes_nothing(verify) -> None:  # type: ignore[no-untyped-def]
    plain = verify(None)
    loose = verify(_Fixed(LOOSE))
    assert plain.verdict.match is not None and plain.verdict.label != "distortion"
    assert loose.verdict.label == plain.verdict.label
    assert loose.verdict.differences == plain.verdict.differences
    assert loose.verdict.method == plain.verdict.method  # judged without MT
    assert loose.translated is not None and loose.translated.text == LOOSE  # still shown
    assert any("back-translation not used" in n for n in loose.verdict.notes)


def test_a_close_back_translation_is_used(verify) -> None:  # type: ignore[no-untyped-def]
    close = verify(_Fixed(CLOSE))
    assert close.verdict.match is not None and close.verdict.match.fuzzy is not None
    assert close.verdict.match.fuzzy >= 85
    assert close.verdict.method.startswith("mt+")
    assert close.verdict.label == "faithful"
    assert not any("back-translation not used" in n for n in close.verdict.notes)
