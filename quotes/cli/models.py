"""`quotes models`: which back-translation models are on this machine, and fetching them.

Translation itself never touches the network; `download` is the one command that does,
meant for a connected machine whose --model-dir is then copied to where `quotes` runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from quotes import pipeline
from quotes.cli.common import (
    OutputFormat,
    OutputOption,
    console,
    err_console,
    print_error,
    print_json,
)
from quotes.translate import (
    DownloadError,
    ModelStatus,
    load_overrides_file,
    missing_files,
    parse_model_overrides,
)

SCHEMA = "quotes.models/1"
MODEL_DIR_ENV = "QUOTES_MODEL_DIR"

app = typer.Typer(
    help="Back-translation models: which are present, and fetching them on a connected machine.",
    no_args_is_help=True,
)

# Shared with the commands that translate, so every command finds models the same way.
ModelDirOption = Annotated[
    Path | None,
    typer.Option(
        "--model-dir",
        envvar=MODEL_DIR_ENV,
        help="Directory of translation models (as <owner>--<model>, <owner>/<model> or "
        f"<model>). Default: ${MODEL_DIR_ENV}; the Hugging Face cache is searched too.",
    ),
]
ModelOverrideOption = Annotated[
    list[str] | None,
    typer.Option(
        "--model",
        help="Model for a language: LANG=NAME_OR_PATH (a hub name or a model directory). "
        "Repeatable.",
    ),
]
ModelsConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--models-config",
        help='TOML file with a [models] table: de = "Helsinki-NLP/opus-mt-de-en" or a path '
        "(relative to the file). --model wins over it.",
    ),
]


def model_overrides(models_config: Path | None, values: list[str] | None) -> dict[str, str]:
    """The overrides of a --models-config, then of each --model (which win)."""
    overrides = load_overrides_file(models_config) if models_config is not None else {}
    overrides.update(parse_model_overrides(values or []))
    return overrides


def _status_json(status: ModelStatus) -> dict[str, Any]:
    found = status.found
    return {
        "language": status.language,
        "model": status.model,
        "present": status.present,
        "path": str(found.path) if found else None,
        "backend": found.kind if found else None,
        "revision": found.revision if found else None,
        "missing_files": missing_files(found.path) if found else None,
    }


def _where(status: ModelStatus) -> str:
    if status.found is None:
        return "missing"
    problems = missing_files(status.found.path)
    if problems:
        return f"incomplete ({', '.join(problems)}): {status.found.path}"
    return f"{status.found.kind} @{status.found.revision}: {status.found.path}"


@app.command("list")
def list_command(
    model_dir: ModelDirOption = None,
    model: ModelOverrideOption = None,
    models_config: ModelsConfigOption = None,
    output: OutputOption = OutputFormat.text,
) -> None:
    """Show the translation model of every language and whether it is on this machine."""
    overrides = model_overrides(models_config, model)
    statuses = pipeline.model_statuses(model_dir, overrides)
    if output is OutputFormat.json:
        print_json(
            {
                "schema": SCHEMA,
                "model_dir": str(model_dir) if model_dir else None,
                "models": [_status_json(s) for s in statuses],
            }
        )
        return
    table = Table()
    for header in ("language", "model", "status"):
        table.add_column(header, overflow="fold")
    for status in statuses:
        table.add_row(status.language, status.model, _where(status))
    console.print(table, markup=False)
    absent = [s.language for s in statuses if not s.present]
    if absent:
        err_console.print(
            f"{len(absent)} of {len(statuses)} missing; on a connected machine: "
            f"quotes models download {' '.join(absent)} --model-dir DIR",
            markup=False,
            soft_wrap=True,
        )


@app.command("download")
def download_command(
    languages: Annotated[
        list[str] | None,
        typer.Argument(help="Languages whose models to fetch; default: all but English."),
    ] = None,
    model_dir: ModelDirOption = None,
    model: ModelOverrideOption = None,
    models_config: ModelsConfigOption = None,
) -> None:
    """Fetch translation models from the Hugging Face hub (needs internet access).

    Into --model-dir when given (copy that directory to an offline machine), else into
    the Hugging Face cache. Exits 3 when any model could not be fetched.
    """
    failed = pipeline.download_models(
        languages or [], overrides=model_overrides(models_config, model), model_dir=model_dir,
        on_note=lambda line: err_console.print(line, markup=False, soft_wrap=True),
        on_error=print_error,
    )
    if failed:
        raise typer.Exit(DownloadError.exit_code)
