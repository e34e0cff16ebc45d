"""The report stage for a terminal: results as rich tables and lines, for people.

Machine-readable output is `report` (JSON, Markdown) and `report_html`; this module only
draws. Every text from an article or a tweet is escaped, so no rich markup in it can
change what is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quotes.models import ALARMING, DocumentAnalysis


def print_analysis(console: Console, analysis: DocumentAnalysis) -> None:
    """`quotes extract` on a terminal: every quote with its speaker and medium."""
    statements = sum(1 for f in analysis.findings if f.quote.kind == "statement")
    console.print(
        f"[bold]{escape(analysis.source)}[/] ({analysis.language}): "
        f"{statements} statement(s), {len(analysis.findings) - statements} term(s)"
    )
    for finding in analysis.findings:
        q = finding.quote
        flags = [q.kind, q.language] + (["unclosed"] if q.unclosed else [])
        flags += [f"nested in #{q.parent + 1}"] if q.parent is not None else []
        close = q.close_mark or "…"
        console.print(
            f"  [cyan]{q.start}-{q.end}[/] {escape('[' + ', '.join(flags) + ']')} "
            f"{escape(q.open_mark)}{escape(_short(q.text, 160))}{escape(close)}"
        )
        a = finding.attribution
        if a is not None:
            who = a.speaker or (f"unresolved “{a.mention}”" if a.mention else "unknown speaker")
            handle = f" (@{a.author_handle})" if a.author_handle else ""
            medium = f"; medium: {a.medium}" if a.medium != "none" else ""
            phrase = f" — “{a.phrase}”" if a.phrase else ""
            console.print(
                f"      ↳ {escape(who)}{escape(handle)} {escape('[' + a.method + ']')}"
                f"{escape(medium)}"
                f"{escape(phrase)}"
            )
    if analysis.stray_marks:
        console.print(f"  stray closing marks at {', '.join(map(str, analysis.stray_marks))}")


def print_verify_summary(console: Console, payload: Mapping[str, Any]) -> None:
    """`quotes verify` on a terminal: a table per article, then the verdict counts."""
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
                escape(_short(q["text"], 140)),
                escape((q["speaker"] or "?") + medium),
                escape(f"@{tweet['author']}: {_short(tweet['text'], 140)}") if tweet else "—",
            )
        console.print(table)
    summary = ", ".join(f"{n} {label}" for label, n in payload["summary"].items() if n)
    console.print(f"verdicts: {summary or 'none'}")


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
