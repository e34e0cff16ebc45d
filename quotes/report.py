"""The report stage: analyses as JSON with stable, versioned schemas, and files written
atomically. Later schema versions only add keys."""

from __future__ import annotations

import json
import os
import signal
import stat
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from quotes import __version__
from quotes.errors import InputError
from quotes.markdown import inert
from quotes.models import (
    ALARMING,
    VERDICTS,
    ArticleResult,
    DocumentAnalysis,
    Evidence,
    ExtractRun,
    QuoteFinding,
    QuoteResult,
    StoredTweet,
    VerifyRun,
)

EXTRACT_SCHEMA = "quotes.extract/1"
ARCHIVE_SCHEMA = "quotes.archive/1"


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


def extract_report(run: ExtractRun) -> dict[str, Any]:
    """The `quotes extract --format json` document (schema `quotes.extract/1`)."""
    return {
        "schema": EXTRACT_SCHEMA,
        "documents": [analysis_to_dict(a) for a in run.analyses],
        "errors": [{"source": e.source, "error": e.message} for e in run.errors],
    }


# --- the archive (`quotes archive list|show --format json`) ------------------------------


def tweet_date(tweet: StoredTweet) -> str:
    """When a tweet was posted, as precisely as it is known; empty when unknown."""
    if tweet.created_at is None:
        return ""
    if tweet.created_precision == "day":
        return tweet.created_at.date().isoformat()
    return tweet.created_at.strftime("%Y-%m-%d %H:%M:%S")


def tweet_json(tweet: StoredTweet) -> dict[str, Any]:
    """Every stored field; dates as ISO 8601 (a plain date when only the day is known)."""
    created = None
    if tweet.created_at is not None:
        created = tweet_date(tweet) if tweet.created_precision == "day" else (
            tweet.created_at.isoformat(timespec="seconds") + "Z"
        )
    return {
        "id": tweet.id,
        "platform_id": tweet.platform_id,
        "author": tweet.author_handle,
        "display_name": tweet.display_name,
        "created_at": created,
        "created_precision": tweet.created_precision,
        "text": tweet.text,
        "text_key": tweet.text_key,
        "url": tweet.url,
        "source": tweet.source,
        "import_id": tweet.import_id,
        "provenance": tweet.provenance,
    }


def write_atomic(path: Path, content: str, protect: Mapping[Path, str] | None = None) -> None:
    """Write `content` to `path` through a temporary file in the same directory and a
    rename, so that a reader never sees half a report. `protect` maps files the run reads
    (inputs, the archive) to what they are: they are never overwritten. A replaced file
    keeps its mode, a new one follows the umask; the temporary file goes on every exit."""
    target = _writable_target(path, protect or {})
    tmp: str | None = None
    with _sigterm_raises():
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                os.fchmod(fd, _mode_for(target))
                handle.write(content)
            os.replace(tmp, path)
        except OSError as exc:
            what = "cannot write here" if tmp is None else "cannot write"
            raise InputError(f"{what}: {exc.strerror or exc}", location=str(path)) from None
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)


def _writable_target(path: Path, protect: Mapping[Path, str]) -> Path:
    """`path` resolved, or a one-line InputError when a report must not be written there."""
    if not path.parent.is_dir():
        raise InputError("no such directory", location=str(path.parent))
    if path.is_dir():
        raise InputError("is a directory, not a report file", location=str(path))
    target = path.resolve()
    for kept, what in protect.items():
        kept = kept.resolve()
        # SQLite keeps an archive's recent writes beside it: those files are the archive too.
        if target in {kept, *(kept.with_name(kept.name + s) for s in SQLITE_SIDE_FILES)}:
            raise InputError(f"is {what}: refusing to overwrite it", location=str(path))
    return target


SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, else what the umask gives a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While a report is written, SIGTERM raises SystemExit (exit 143) so that cleanup runs
    instead of the process vanishing with its temporary file; a handler already set by
    whoever embeds us, and threads other than the main one, are left as they are."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL):
        yield
        return

    def _raise(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def dumps(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- the attribution report (`quotes verify`) -------------------------------------------

REPORT_SCHEMA = "quotes.report/1"
__all__ = ["ALARMING", "REPORT_SCHEMA", "dumps", "markdown_report", "verify_report"]


def report_schema() -> dict[str, Any]:
    """The JSON Schema of `quotes.report/1` (shipped in the package)."""
    text = resources.files("quotes").joinpath("schemas", "report-1.schema.json").read_text(
        "utf-8"
    )
    return json.loads(text)


def verify_report(run: VerifyRun) -> dict[str, Any]:
    """The `quotes verify --format json` document (schema `quotes.report/1`)."""
    counts = Counter(q.verdict.label for a in run.articles for q in a.quotes)
    payload: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "tool": {"name": "quotes", "version": __version__},
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "archive": {"url": run.archive_url, "tweets": run.archive_tweets},
        "models": {"translation": dict(run.translation_models),
                   "embedding": run.embedding_model},
        "thresholds": dict(run.thresholds),
        "summary": {label: counts.get(label, 0) for label in VERDICTS},
        "articles": [_article(a) for a in run.articles],
        "errors": [{"source": e.source, "error": e.message} for e in run.errors],
    }
    if run.story is not None:
        payload["story"] = dict(run.story)
    if run.pending:
        payload["partial"] = {"done": len(run.articles), "pending": run.pending}
    return payload


def _article(article: ArticleResult) -> dict[str, Any]:
    analysis = article.analysis
    return {
        "source": analysis.source,
        "language": analysis.language,
        "terms": [f.quote.text for f in analysis.findings if f.quote.kind == "term"],
        "quotes": [_quote(q) for q in article.quotes],
    }


def _quote(report: QuoteResult) -> dict[str, Any]:
    quote, attribution, verdict = report.finding.quote, report.finding.attribution, report.verdict
    match = verdict.match
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "language": quote.language,
        "unclosed": quote.unclosed,
        "speaker": attribution.speaker if attribution else None,
        "speaker_handle": attribution.author_handle if attribution else None,
        "attribution": attribution.phrase if attribution else None,
        "attribution_method": attribution.method if attribution else None,
        "speaker_kind": attribution.speaker_kind if attribution else "unknown",
        "speaker_confidence": attribution.confidence if attribution else 0.0,
        "speaker_chain": list(attribution.chain) if attribution else [],
        "medium": attribution.medium if attribution else "none",
        "attribution_check": verdict.attribution_check,
        "back_translation": asdict(report.translated) if report.translated else None,
        "match": None
        if match is None
        else {
            "tweet": {
                "id": match.tweet.platform_id,
                "archive_id": match.tweet.id,
                "author": match.tweet.author_handle,
                "name": match.tweet.author_name,
                "url": match.tweet.url,
                "date": match.tweet.created_at.isoformat() if match.tweet.created_at else None,
                "text": match.tweet.text,
            },
            "score": match.score,
            "fuzzy": match.fuzzy,
            "embedding": match.embedding,
            "margin": match.margin,
            "shared_anchors": match.shared_anchors,
            "fragment": match.fragment,
            "segment": match.segment,
        },
        "verdict": verdict.label,
        "confidence": verdict.confidence,
        "decision": _decision(verdict.evidence),
        "method": verdict.method,
        "differences": [
            {"kind": d.kind, "quote": d.quote_side, "tweet": d.tweet_side, "evidence": d.evidence,
             **({} if d.reliability is None else {"reliability": d.reliability})}
            for d in verdict.differences
        ],
        "notes": list(verdict.notes),
    }


def _decision(evidence: Evidence | None) -> dict[str, Any] | None:
    """The match decision's source probability, its threshold and the features it read
    (`quotes.decision`); null where no model decided (no candidate, anchors only)."""
    if evidence is None:
        return None
    return {"probability": evidence.probability, "threshold": evidence.threshold,
            "features": dict(evidence.features)}


def render_report(output: str, payload: dict[str, Any]) -> str:
    """The verify report as a file's text: "md", "html" or (anything else) JSON."""
    if output == "md":
        return markdown_report(payload)
    if output == "html":
        from quotes.report_html import html_report  # its templates load only when asked for

        return html_report(payload)
    return dumps(payload)


def markdown_report(payload: dict[str, Any]) -> str:
    """The report for humans: one section per article, each quote beside its tweet."""
    lines = ["# Attribution report", ""]
    summary = ", ".join(f"{n} {label}" for label, n in payload["summary"].items() if n)
    lines += [
        f"Generated {payload['generated_at']} by quotes {payload['tool']['version']} against "
        f"{payload['archive']['tweets']} archived tweets. Verdicts: {summary or 'none'}.",
        "",
    ]
    if "partial" in payload:
        lines += [f"**Partial report**: interrupted after {payload['partial']['done']} articles; "
                  f"{payload['partial']['pending']} not verified.", ""]
    for article in payload["articles"]:
        lines += [f"## {inert(article['source'])} ({inert(article['language'])})", ""]
        if not article["quotes"]:
            lines += ["No statement quotes.", ""]
        for i, q in enumerate(article["quotes"], 1):
            lines += _markdown_quote(i, q)
    if payload.get("story"):
        from quotes.story import story_markdown  # loads only for a report that has one

        lines += ["## Where the versions disagree", "", story_markdown(payload["story"]), ""]
    if payload["errors"]:
        lines += ["## Inputs not read", ""]
        lines += [f"- {inert(e['source'])}: {inert(e['error'])}" for e in payload["errors"]]
        lines.append("")
    return "\n".join(lines)


def _speaker_confidence(q: dict[str, Any]) -> str:
    """How likely the speaker is right, beside a speaker the article gives."""
    return f" (speaker confidence {q['speaker_confidence']:.2f})" if q["speaker"] else ""


def _markdown_quote(i: int, q: dict[str, Any]) -> list[str]:
    verdict = q["verdict"].upper() if q["verdict"] in ALARMING else q["verdict"]
    who = q["speaker"] or "speaker unknown"
    medium = f", claimed medium: {inert(q['medium'])}" if q["medium"] != "none" else ""
    lines = [
        f"### {i}. **{verdict}** (confidence {q['confidence']:.2f}, {q['method']})",
        "",
        f"> {inert(q['text'])}",
        "",
        f"Attributed to **{inert(who)}**{_speaker_confidence(q)}{medium}"
        + (f" — “{inert(q['attribution'])}”" if q["attribution"] else ""),
        "",
    ]
    if q["back_translation"]:
        bt = q["back_translation"]
        lines += [f"Back-translation ({inert(bt['model'])}): {inert(bt['text'])}", ""]
    match = q["match"]
    if match:
        tweet = match["tweet"]
        where = inert(tweet["url"] or f"archive #{tweet['archive_id']}")
        date = f", {tweet['date'][:10]}" if tweet["date"] else ""
        lines += [
            f"Tweet by @{inert(tweet['author'])}{inert(date)} ({where}):",
            "",
            f"> {inert(tweet['text'])}",
            "",
        ]
    for d in q["differences"]:
        quote, tweet = inert(d["quote"] or "—"), inert(d["tweet"] or "—")
        likely = (f"; likely a real change: {d['reliability']:.2f}"
                  if d.get("reliability") is not None else "")
        lines.append(f"- {d['kind']}: quote “{quote}” vs tweet “{tweet}” "
                     f"({inert(d['evidence'])}{likely})")
    for note in q["notes"]:
        lines.append(f"- {inert(note)}")
    lines.append("")
    return lines
