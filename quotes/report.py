"""The report stage: analyses as JSON with stable, versioned schemas, and files written
atomically. Later schema versions only add keys."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from quotes.errors import InputError
from quotes.models import DocumentAnalysis, QuoteFinding

EXTRACT_SCHEMA = "quotes.extract/1"


def finding_to_dict(finding: QuoteFinding) -> dict[str, Any]:
    quote = asdict(finding.quote)
    quote["attribution"] = asdict(finding.attribution) if finding.attribution else None
    return quote


def analysis_to_dict(analysis: DocumentAnalysis) -> dict[str, Any]:
    return {
        "source": analysis.source,
        "language": analysis.language,
        "stray_marks": list(analysis.stray_marks),
        "quotes": [finding_to_dict(f) for f in analysis.findings],
    }


def extract_report(
    analyses: list[DocumentAnalysis], errors: list[tuple[str, str]]
) -> dict[str, Any]:
    """The `quotes extract --format json` document (schema `quotes.extract/1`)."""
    return {
        "schema": EXTRACT_SCHEMA,
        "documents": [analysis_to_dict(a) for a in analyses],
        "errors": [{"source": source, "error": message} for source, message in errors],
    }


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` through a temporary file in the same directory and a
    rename, so that a reader never sees half a report."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError("no such directory", location=str(directory))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
