"""The attribution report as one self-contained HTML page.

Built from the same dict as the JSON report (`quotes.report.verify_report`): each quote
beside the tweet it was matched to, the words and numbers that differ marked in both, the
verdict in colour *and* words, its confidence and the evidence of every difference. One
file: inline CSS, no script, no external asset, so it can be mailed, archived or opened
offline; the two columns stack on a phone. Every text from an article or a tweet is
escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

# Verdict → (label shown, symbol shown, CSS class). The symbol and the label carry the
# meaning; the colour only repeats it.
VERDICT_STYLE: dict[str, tuple[str, str, str]] = {
    "verbatim": ("Verbatim", "✓", "ok"),
    "faithful": ("Faithful translation", "✓", "ok"),
    "paraphrase": ("Paraphrase", "≈", "soft"),
    "distortion": ("Distortion", "✗", "bad"),
    "misattributed": ("Misattributed", "✗", "bad"),
    "unmatched": ("No matching tweet", "?", "none"),
}
EVIDENCE_LABELS = {
    "anchors": "numbers and names of the quote itself",
    "source-language": "the quote's own words, read in its language",
    "back-translation": "the machine back-translation",
    "attribution": "who the article says spoke",
}

_CSS = """
:root { color-scheme: light; --ink: #1b1b1f; --muted: #5a5a66; --line: #d9d9e0;
  --ok: #1d6b35; --ok-bg: #e6f4ea; --soft: #7a4f00; --soft-bg: #fff4d6; --bad: #a1121b;
  --bad-bg: #fde8e8; --none: #4a4a55; --none-bg: #eeeef2; --mark: #ffe066; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #f7f7fa; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 28px 0 8px; overflow-wrap: anywhere; }
.meta, .small { color: var(--muted); font-size: 0.875rem; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; padding: 0;
  list-style: none; }
.chip { border-radius: 999px; padding: 2px 10px; font-size: 0.875rem; border: 1px solid; }
.card { background: #fff; border: 1px solid var(--line); border-left: 6px solid;
  border-radius: 8px; padding: 12px 14px; margin: 12px 0; }
.verdict { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 12px;
  margin-bottom: 8px; }
.badge { font-weight: 700; border-radius: 4px; padding: 1px 8px; }
.ok { color: var(--ok); border-color: var(--ok); }
.ok .badge, .chip.ok { background: var(--ok-bg); }
.soft { color: var(--soft); border-color: var(--soft); }
.soft .badge, .chip.soft { background: var(--soft-bg); }
.bad { color: var(--bad); border-color: var(--bad); }
.bad .badge, .chip.bad { background: var(--bad-bg); }
.none { color: var(--none); border-color: var(--none); }
.none .badge, .chip.none { background: var(--none-bg); }
.card > *:not(.verdict) { color: var(--ink); }
.bar { display: inline-block; width: 80px; height: 0.6em; background: var(--line);
  border-radius: 3px; vertical-align: middle; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--muted); }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.side { min-width: 0; }
.side h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--muted); margin: 0 0 4px; }
blockquote { margin: 0; padding: 8px 10px; background: #fafafc; border: 1px solid var(--line);
  border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 2px; border-radius: 2px;
  outline: 1px solid #c9a400; }
.bt { margin-top: 6px; font-size: 0.9rem; }
.diffs { margin: 10px 0 0; padding-left: 1.2em; }
.diffs li { margin: 2px 0; }
.notes { margin: 8px 0 0; padding-left: 1.2em; color: var(--muted); font-size: 0.85rem; }
a { color: #1a4fb5; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  main { padding: 10px; }
  .pair { grid-template-columns: 1fr; }
  h1 { font-size: 1.3rem; }
}
"""


def html_report(payload: dict[str, Any]) -> str:
    """The attribution report (`quotes.report/1` dict) as one HTML document."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Attribution report</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body><main>",
        "<h1>Attribution report</h1>",
        _header(payload),
    ]
    for article in payload.get("articles", []):
        parts.append(_article(article))
    errors = payload.get("errors") or []
    if errors:
        parts.append("<h2>Inputs not read</h2><ul>")
        parts += [f"<li><code>{_e(e['source'])}</code>: {_e(e['error'])}</li>" for e in errors]
        parts.append("</ul>")
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"


def _header(payload: dict[str, Any]) -> str:
    tool = payload.get("tool", {})
    archive = payload.get("archive", {})
    models = payload.get("models", {})
    translation = models.get("translation") or {}
    mt = ", ".join(f"{lang}: {model}" for lang, model in translation.items()) or (
        "none (anchors and embeddings only)"
    )
    chips = "".join(
        f'<li class="chip {VERDICT_STYLE[label][2]}">{VERDICT_STYLE[label][1]} '
        f"{_e(VERDICT_STYLE[label][0])}: {count}</li>"
        for label, count in (payload.get("summary") or {}).items()
        if count and label in VERDICT_STYLE
    )
    return (
        f'<p class="meta">Generated {_e(payload.get("generated_at", ""))} by quotes '
        f'{_e(tool.get("version", ""))} against {_e(archive.get("tweets", "?"))} archived '
        f"tweets. Translation: {_e(mt)}. Embeddings: "
        f'{_e(models.get("embedding") or "none")}.</p>'
        f'<ul class="summary" aria-label="verdicts">{chips}</ul>'
    )


def _article(article: dict[str, Any]) -> str:
    out = [f"<section><h2>{_e(article['source'])} ({_e(article['language'])})</h2>"]
    quotes = article.get("quotes") or []
    if not quotes:
        out.append('<p class="small">No statement quotes.</p>')
    out += [_quote(i, q) for i, q in enumerate(quotes, 1)]
    out.append("</section>")
    return "\n".join(out)


def _quote(number: int, q: dict[str, Any]) -> str:
    label, symbol, css = VERDICT_STYLE.get(q["verdict"], (q["verdict"], "•", "none"))
    differences = q.get("differences") or []
    quote_marks = [d["quote"] for d in differences if d.get("quote")]
    tweet_marks = [d["tweet"] for d in differences if d.get("tweet") and d["kind"] != "speaker"]
    speaker = q.get("speaker") or "speaker unknown"
    medium = f" · claimed medium: {q['medium']}" if q.get("medium", "none") != "none" else ""
    confidence = float(q.get("confidence") or 0)
    head = (
        f'<div class="verdict"><span class="badge">{symbol} {_e(label)}</span>'
        f'<span class="small">confidence {confidence:.2f} '
        f'<span class="bar" aria-hidden="true"><span style="width:{confidence * 100:.0f}%">'
        "</span></span>"
        f" · {_e(q.get('method', ''))}</span></div>"
    )
    quote_side = (
        f'<div class="side"><h3>Quote #{number} ({_e(q.get("language", ""))}) — '
        f"{_e(speaker)}{_e(medium)}</h3>"
        f"<blockquote>{highlight(q['text'], quote_marks)}</blockquote>"
        + _back_translation(q, quote_marks)
        + (f'<p class="small">“{_e(q["attribution"])}”</p>' if q.get("attribution") else "")
        + "</div>"
    )
    tweet_side = _tweet(q.get("match"), tweet_marks)
    return (
        f'<article class="card {css}" aria-label="{_e(label)}">{head}'
        f'<div class="pair">{quote_side}{tweet_side}</div>'
        f"{_differences(differences)}{_notes(q.get('notes') or [])}</article>"
    )


def _back_translation(q: dict[str, Any], marks: Sequence[str]) -> str:
    bt = q.get("back_translation")
    if not bt:
        return ""
    return (
        f'<p class="bt"><span class="small">Back-translation ({_e(bt.get("model", ""))}):'
        f"</span> {highlight(bt['text'], marks)}</p>"
    )


def _tweet(match: dict[str, Any] | None, marks: Sequence[str]) -> str:
    if not match:
        return ('<div class="side"><h3>Tweet</h3><p class="small">No tweet in the archive is '
                "close enough.</p></div>")
    tweet = match["tweet"]
    date = f", {_e(tweet['date'][:10])}" if tweet.get("date") else ""
    link = _link(tweet.get("url"), "open") if tweet.get("url") else (
        f"archive #{_e(tweet.get('archive_id'))}"
    )
    part = " · the quote renders part of it" if match.get("fragment") else ""
    return (
        f'<div class="side"><h3>Tweet by @{_e(tweet["author"])}{date} · {link}{part}</h3>'
        f"<blockquote>{highlight(tweet['text'], marks)}</blockquote></div>"
    )


def _differences(differences: Sequence[dict[str, Any]]) -> str:
    if not differences:
        return ""
    items = []
    for d in differences:
        quote = _e(d.get("quote") or "—")
        tweet = _e(d.get("tweet") or "—")
        evidence = EVIDENCE_LABELS.get(d.get("evidence", ""), d.get("evidence", ""))
        items.append(
            f"<li><strong>{_e(d['kind'])}</strong>: quote “{quote}” · tweet “{tweet}” "
            f'<span class="small">(seen in {_e(evidence)})</span></li>'
        )
    return '<ul class="diffs" aria-label="differences">' + "".join(items) + "</ul>"


def _notes(notes: Iterable[str]) -> str:
    shown = [f"<li>{_e(n)}</li>" for n in notes if n]
    return f'<ul class="notes">{"".join(shown)}</ul>' if shown else ""


def _link(url: str, text: str) -> str:
    """A link only to http(s) addresses; anything else is shown as text."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        return _e(url)
    return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(text)}</a>'


def highlight(text: str, needles: Iterable[str]) -> str:
    """`text` escaped, with every occurrence of each needle wrapped in <mark> (overlaps
    merged). A needle not found as written is looked for without regard to case."""
    spans: list[tuple[int, int]] = []
    for needle in needles:
        needle = needle.strip()
        if not needle:
            continue
        # Whole tokens only: "1" must not light up inside "10,000".
        pattern = (r"(?<![\w.,])" if needle[0].isalnum() else "") + re.escape(needle) + (
            r"(?![\w]|[.,]\d)" if needle[-1].isalnum() else "")
        found = [m.span() for m in re.finditer(pattern, text)]
        if not found:
            found = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
        spans += found
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out, at = [], 0
    for start, end in merged:
        out.append(_e(text[at:start]))
        out.append(f"<mark>{_e(text[start:end])}</mark>")
        at = end
    out.append(_e(text[at:]))
    return "".join(out)


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)
