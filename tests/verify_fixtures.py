"""Setup shared by the end-to-end verify tests: an imported archive and article files."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from quotes.cli import main


def archive_and_articles(
    directory: Path, tweets: Iterable[Mapping[str, object]], articles: Mapping[str, str]
) -> Path:
    """Import `tweets` into the test's archive and write each article as a file in
    `directory`, which is returned."""
    archive = directory / "archive.jsonl"
    archive.write_text("\n".join(json.dumps(r) for r in tweets) + "\n", encoding="utf-8")
    assert main(["archive", "import", "-q", str(archive)]) == 0
    for name, text in articles.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory
