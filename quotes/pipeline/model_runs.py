"""Runs about translation models: which are on this machine, and fetching them.

Translation itself never touches the network; `download_models` is the one run that
does, meant for a connected machine whose model directory is then copied to where
`quotes` runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from quotes import lang
from quotes.errors import QuotesError
from quotes.translate import (
    BERGAMOT_SOURCE,
    ENGLISH,
    DownloadError,
    ModelStatus,
    bergamot_pair,
    download_model,
    model_for,
    model_status,
)


def translated_languages() -> list[str]:
    """Every language with a table, English aside (it needs no model)."""
    return [code for code in lang.available() if code != ENGLISH]


def model_statuses(
    model_dir: Path | None, overrides: Mapping[str, str], backend: str = "transformers"
) -> list[ModelStatus]:
    """The model of every language (and of every overridden one), found or not."""
    codes = sorted({*translated_languages(), *overrides})
    found = (model_status(code, dict(overrides), model_dir, backend=backend) for code in codes)
    return [status for status in found if status is not None]


def missing_models_note(statuses: Sequence[ModelStatus]) -> str | None:
    """One line under `models list`: how many models are missing and how to get them."""
    absent = [s for s in statuses if not s.present]
    if not absent:
        return None
    hub = [s.language for s in absent if bergamot_pair(s.model) is None]
    firefox = [s.language for s in absent if bergamot_pair(s.model) is not None]
    ways = [f"on a connected machine: quotes models download {' '.join(hub)} --model-dir DIR"]
    ways = ways if hub else []
    if firefox:
        ways.append(f"{' '.join(firefox)}: " + BERGAMOT_SOURCE.format(language="LANG"))
    return f"{len(absent)} of {len(statuses)} missing; " + "; ".join(ways)


def download_models(
    languages: Sequence[str],
    *,
    overrides: Mapping[str, str],
    model_dir: Path | None,
    on_note: Callable[[str], None],
    on_error: Callable[[QuotesError], None],
) -> int:
    """Fetch the models of `languages` (all but English when empty) from the Hugging Face
    hub, into `model_dir` or the hub's cache; a model several languages share is fetched
    once. Returns how many could not be fetched."""
    codes = list(languages) or translated_languages()
    for code in codes:
        if code not in overrides and code != ENGLISH:
            lang.get(code)  # a typo is a usage error before any download
    names: dict[str, list[str]] = {}  # model → languages: the multilingual one serves several
    for code in codes:
        name = model_for(code, dict(overrides))
        if name is None:
            on_note(f"{code}: English quotes need no model")
        else:
            names.setdefault(name, []).append(code)
    failed = 0
    for name, codes_of_model in names.items():
        label = ", ".join(codes_of_model)
        if Path(name).expanduser().is_dir():
            on_note(f"{label}: {name} is a local directory")
            continue
        try:
            path = download_model(name, model_dir)
        except DownloadError as exc:
            failed += 1
            on_error(exc)
            continue
        on_note(f"{label}: {name} → {path}")
    return failed
