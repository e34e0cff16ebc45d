"""The report stage for a terminal: results as rich tables and lines, for people.

Machine-readable output is `report` (JSON, Markdown) and `report_html`; this module only
draws. Every text from an article or a tweet is escaped, so no rich markup in it can
change what is shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quotes.models import ALARMING, DocumentAnalysis, ImportResult, StoredTweet, VectorIndexInfo
from quotes.report import tweet_date

MIN_TEXT_WIDTH = 20  # characters of tweet text in the boxed `archive list` table
NARROW_TEXT_WIDTH = 12  # …and in the borderless one narrow terminals get


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
            sure = f" {a.confidence:.2f}" if a.speaker else ""
            console.print(
                f"      ↳ {escape(who)}{escape(handle)}{sure} {escape('[' + a.method + ']')}"
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
    if "partial" in payload:
        console.print(f"partial: interrupted with {payload['partial']['pending']} articles "
                      "not verified")


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def print_tweet_table(console: Console, tweets: Sequence[StoredTweet]) -> None:
    """`quotes archive list`: one line per tweet. The ids, handles and dates are shown
    whole (`archive show` needs the id), the text cut to what the terminal has left;
    rich's own column shrinking would squeeze the short columns instead. Narrow
    terminals get a table without borders; narrower still, lines longer than the
    terminal, never a cut id."""
    rows = [
        (str(t.id), t.platform_id or "", "@" + t.author_handle, tweet_date(t)[:10])
        for t in tweets
    ]
    headers = ("id", "platform id", "author", "date")
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    boxed = console.width - sum(widths) - 3 * (len(widths) + 1) - 1 >= MIN_TEXT_WIDTH
    # Each column's padding (2) and, boxed, a border before each column and after the last.
    overhead = 3 * (len(widths) + 1) + 1 if boxed else 2 * (len(widths) + 1)
    text_width = max(MIN_TEXT_WIDTH if boxed else NARROW_TEXT_WIDTH,
                     console.width - sum(widths) - overhead)
    table = Table(box=box.HEAVY_HEAD if boxed else None)
    for header, width in zip(headers, widths, strict=True):
        table.add_column(header, no_wrap=True, min_width=width)
    table.add_column("text", no_wrap=True, overflow="ellipsis")
    for row, t in zip(rows, tweets, strict=True):
        table.add_row(*row, _short(t.text, text_width))
    needed = sum(widths) + overhead + text_width
    if needed > console.width:  # a console prints no wider than itself: one that can
        console = Console(file=console.file, width=needed, highlight=False,
                          color_system=console.color_system)  # type: ignore[arg-type]
    console.print(table, markup=False)


def tweet_text_block(tweet: StoredTweet) -> str:
    """`quotes archive show`: every field on its line, then the exact text."""
    author = f"@{tweet.author_handle}"
    if tweet.display_name:
        author += f" ({tweet.display_name})"
    date = tweet_date(tweet)
    fields = [
        ("id", str(tweet.id)),
        ("platform id", tweet.platform_id or "unknown"),
        ("author", author),
        ("date", f"{date} UTC" if tweet.created_precision == "second" else date or "unknown"),
        ("url", tweet.url or "none"),
        ("source", tweet.source or "none"),
        ("provenance", f"{tweet.provenance} (import #{tweet.import_id})"),
    ]
    return "\n".join([*(f"{name:<12} {value}" for name, value in fields), "", tweet.text])


# --- one-line summaries of archive runs ---------------------------------------------------


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def import_summary(
    result: ImportResult, files: Sequence[str], total: int,
    conflicts: Mapping[str, int] | None = None,
) -> str:
    """What `archive import` did, in one line; `conflicts`: "kept" or "replaced" → how
    many ids came with another text, and which text stayed."""
    source = files[0] if len(files) == 1 else f"{len(files)} files"
    if result.added or result.updated or conflicts:
        line = (
            f"imported {plural(result.added, 'tweet')} from {source} "
            f"({result.updated} updated, {result.duplicates} already in the archive)"
        )
    elif total:
        line = f"nothing new: all {plural(total, 'tweet')} already in the archive"
    else:
        line = f"nothing to import: no tweets in {source}"
    if result.skipped_retweets:
        line += f"; skipped {plural(result.skipped_retweets, 'retweet')}"
    for settled, n in (conflicts or {}).items():
        which = "the first text kept" if settled == "kept" else "the new text stored"
        line += f"; {plural(n, 'conflict')} (a known id with another text): {which}"
    return line


def web_import_summary(result: ImportResult) -> str:
    """What `archive add` stored, in one line."""
    return (f"added {plural(result.added, 'tweet')} from the web ({result.updated} updated, "
            f"{result.duplicates} already in the archive)")


def index_summary(index: VectorIndexInfo | None, min_indexed: int) -> str:
    """The vector index after `archive embed`, in one line."""
    if index is None:
        return f"no vector index: searches scan every vector (fast below {min_indexed} vectors)"
    return (f"vector index: {index.vectors} vectors in {index.lists} cells, "
            f"{index.probes} read per search")


def upgrade_summary(before: str | None, after: str, where: str) -> str:
    """What `db upgrade` did, in one line."""
    if before == after:
        line = f"archive schema already at {after}"
    elif before is None:
        line = f"archive created at schema {after}"
    else:
        line = f"archive schema upgraded from {before} to {after}"
    return f"{line} ({where})"


def schema_summary(current: str | None, head: str) -> str:
    """`db status` in one line."""
    if current is None:
        state = "no archive yet (created at the first use)"
    elif current == head:
        state = "up to date"
    else:
        state = "run `quotes db upgrade`"
    return f"schema {current or '-'} (code needs {head}): {state}"


class ModelRow(Protocol):
    """What the models table shows of a language's model (`quotes.translate.ModelStatus`)."""

    @property
    def language(self) -> str: ...

    @property
    def model(self) -> str: ...

    def describe(self) -> str: ...


def print_model_table(console: Console, statuses: Sequence[ModelRow]) -> None:
    """`quotes models list`: each language's model and where it is, or what it lacks."""
    table = Table()
    for header in ("language", "model", "status"):
        table.add_column(header, overflow="fold")
    for status in statuses:
        table.add_row(status.language, status.model, status.describe())
    console.print(table, markup=False)
