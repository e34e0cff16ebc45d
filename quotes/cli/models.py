"""`quotes models`: which back-translation models are on this machine, and fetching them.

Translation itself never touches the network; `download` is the one command that does,
meant for a connected machine whose --model-dir is then copied to where `quotes` runs.
"""

from __future__ import annotations

from pathlib import Path

import typer

from quotes import pipeline, report_text, translate
from quotes.cli import common
from quotes.cli.common import console, print_error, print_json, print_note

SCHEMA = "quotes.models/1"
MODEL_DIR_ENV = "QUOTES_MODEL_DIR"

app = typer.Typer(
    help="Back-translation models: which are present, and fetching them on a connected machine.",
    no_args_is_help=True,
)

# Shared with the commands that translate, so every command finds models the same way.
ModelDirOption = typer.Option(
    None, "--model-dir", envvar=MODEL_DIR_ENV,
    help="Directory of translation models (as <owner>--<model>, <owner>/<model> or "
    f"<model>). Default: ${MODEL_DIR_ENV}; the Hugging Face cache is searched too.",
)
ModelOverrideOption = typer.Option(
    None, "--model", help="Model for a language: LANG=NAME_OR_PATH (a hub name or a model "
    "directory). Repeatable.",
)
ModelsConfigOption = typer.Option(
    None, "--models-config", help='TOML file with a \\[models] table: de = "Helsinki-NLP/opus-mt-'
    'de-en" or a path (relative to the file). --model wins over it.',
)
BackendOption = typer.Option(
    "transformers", "--backend", help="Translation backend: transformers, ctranslate2 or "
    "bergamot (Firefox Translations models, bergamot:LANG-en).",
)


@app.command("list")
def list_command(
    model_dir: Path | None = ModelDirOption,
    model: list[str] | None = ModelOverrideOption,
    models_config: Path | None = ModelsConfigOption,
    backend: str = BackendOption,
    output: common.OutputFormat = common.OutputOption,
) -> None:
    """Show the translation model of every language and whether it is on this machine."""
    settings = pipeline.translation_settings(model or [], models_config=models_config,
                                             backend=backend)
    statuses = pipeline.model_statuses(model_dir, settings.overrides, settings.backend)
    if output is common.OutputFormat.json:
        print_json({"schema": SCHEMA, "model_dir": str(model_dir) if model_dir else None,
                    "models": [s.to_json() for s in statuses]})
        return
    report_text.print_model_table(console, statuses)
    note = pipeline.missing_models_note(statuses)
    if note:
        print_note(note, quiet=False)


@app.command("download")
def download_command(
    languages: list[str] | None = typer.Argument(
        None, help="Languages whose models to fetch; default: all but English."
    ),
    model_dir: Path | None = ModelDirOption,
    model: list[str] | None = ModelOverrideOption,
    models_config: Path | None = ModelsConfigOption,
) -> None:
    """Fetch translation models from the Hugging Face hub (needs internet access).

    Into --model-dir when given (copy that directory to an offline machine), else into
    the Hugging Face cache. Exits 3 when any model could not be fetched.
    """
    settings = pipeline.translation_settings(model or [], models_config=models_config)
    failed = pipeline.download_models(
        languages or [], overrides=settings.overrides, model_dir=model_dir,
        on_note=lambda line: print_note(line, quiet=False), on_error=print_error,
    )
    if failed:
        raise typer.Exit(translate.DownloadError.exit_code)
