"""The real attribution corpus (benchmarks/attribution/passages.jsonl) keeps its own rules:
each quote is text of its passage, ids are unique, and no article is shared with the dev file
(a shared article would leak the same story into both sources)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / "attribution" / "passages.jsonl"
DEV = next((p / "shared" / "dev" / "attribution.jsonl" for p in ROOT.parents[:2]
            if (p / "shared" / "dev" / "attribution.jsonl").is_file()), None)
PATTERNS = {"role", "pronoun", "clitic", "pro-drop", "inverted", "honorific", "colon",
            "according-to", "plain", "several-people", "organisation"}


def _passages(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def test_every_quote_is_text_of_its_passage_with_a_known_pattern() -> None:
    bad = [(p["id"], q["text"][:40]) for p in _passages(CORPUS)
           for q in p["quotes"]  # type: ignore[attr-defined]
           if q["text"] not in p["passage"] or q["pattern"] not in PATTERNS  # type: ignore[operator]
           or q.get("medium") not in (None, "tweet")]
    assert bad == []


def test_ids_are_unique_and_no_article_is_shared_with_the_dev_file() -> None:
    corpus = _passages(CORPUS)
    dev = _passages(DEV) if DEV is not None else []
    ids = [p["id"] for p in corpus + dev]
    assert len(ids) == len(set(ids))
    if not dev:
        pytest.skip("no shared dev file beside this checkout")
    assert {p["source_url"] for p in corpus} & {p["source_url"] for p in dev} == set()
