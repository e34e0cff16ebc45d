"""The attribution report as one self-contained HTML page.

Built from the same dict as the JSON report (`quotes.report.verify_report`): each quote
beside the tweet it was matched to, the words and numbers that differ marked in both, the
verdict in colour *and* words, its confidence and the evidence of every difference. One
file: inline CSS, no script, no external asset, so it can be mailed, archived or opened
offline; the two columns stack on a phone.

The page itself is written in jinja2 templates (`quotes/templates/`), rendered with
autoescaping on and undefined names an error: every text from an article or a tweet is
escaped by the template that shows it. This module only decides *what* is shown — which
words are marked, which verdict style applies, whether an address may be a link — and
hands the templates plain values, never HTML.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup

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
    "embedding": "sentence embeddings: the meaning of whole clauses compared across languages",
    "attribution": "who the article says spoke",
}
NO_TRANSLATION = "none (anchors and embeddings only)"
_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


class Segment(NamedTuple):
    """A stretch of a text, and whether it differs from the other side (shown marked)."""

    text: str
    marked: bool


class VerdictStyle(NamedTuple):
    label: str
    symbol: str
    css: str


@dataclass(frozen=True)
class TweetView:
    author: object
    date: str  # the day only; "" when the archive has no date
    url: str | None
    url_is_web: bool  # only http(s) addresses become links; anything else is shown as text
    archive_id: object
    fragment: bool
    segments: list[Segment]


@dataclass(frozen=True)
class DifferenceView:
    kind: object
    quote: object
    tweet: object
    evidence: object
    reliability: object = None  # "0.87": how likely a real change (compare.reliability)


@dataclass(frozen=True)
class BackTranslationView:
    model: object
    segments: list[Segment]


@dataclass(frozen=True)
class QuoteCard:
    number: int
    verdict: VerdictStyle
    confidence: float
    method: object
    language: object
    speaker: object
    claimed_medium: str | None
    segments: list[Segment]
    back_translation: BackTranslationView | None
    attribution: object
    tweet: TweetView | None
    differences: list[DifferenceView]
    notes: list[object]


@dataclass(frozen=True)
class ArticleView:
    source: object
    language: object
    cards: list[QuoteCard]


@dataclass(frozen=True)
class HeaderView:
    generated_at: object
    version: object
    tweets: object
    translation: str
    embedding: object
    chips: list[tuple[VerdictStyle, object]]
    partial: dict[str, int] | None = None  # an interrupted batch: done / pending articles


def html_report(payload: dict[str, Any]) -> str:
    """The attribution report (`quotes.report/1` dict) as one HTML document."""
    return _environment().get_template("report.html.j2").render(
        header=_header(payload),
        articles=[_article(article) for article in payload.get("articles", [])],
        errors=payload.get("errors") or [],
    )


def highlight(text: str, needles: Iterable[str]) -> str:
    """`text` as escaped HTML, with every occurrence of each needle wrapped in <mark>
    (see `marked_segments`)."""
    macros = _environment().get_template("cards.html.j2").module
    return str(macros.marked(marked_segments(text, needles)))  # type: ignore[attr-defined]


def marked_segments(text: str, needles: Iterable[str]) -> list[Segment]:
    """`text` cut into segments, those covering an occurrence of a needle marked (overlaps
    merged). A needle not found as written is looked for without regard to case."""
    spans: list[tuple[int, int]] = []
    for needle in needles:
        spans += _occurrences(text, needle.strip())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    segments: list[Segment] = []
    at = 0
    for start, end in merged:
        if at < start:
            segments.append(Segment(text[at:start], False))
        segments.append(Segment(text[start:end], True))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:], False))
    return segments


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    # Whole tokens only: "1" must not light up inside "10,000".
    pattern = (r"(?<![\w.,])" if needle[0].isalnum() else "") + re.escape(needle) + (
        r"(?![\w]|[.,]\d)" if needle[-1].isalnum() else "")
    found = [m.span() for m in re.finditer(pattern, text)]
    return found or [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]


def _header(payload: dict[str, Any]) -> HeaderView:
    tool = payload.get("tool", {})
    archive = payload.get("archive", {})
    models = payload.get("models", {})
    translation = models.get("translation") or {}
    return HeaderView(
        generated_at=payload.get("generated_at", ""),
        version=tool.get("version", ""),
        tweets=archive.get("tweets", "?"),
        translation=", ".join(f"{lang}: {model}" for lang, model in translation.items())
        or NO_TRANSLATION,
        embedding=models.get("embedding") or "none",
        chips=[(VerdictStyle(*VERDICT_STYLE[label]), count)
               for label, count in (payload.get("summary") or {}).items()
               if count and label in VERDICT_STYLE],
        partial=payload.get("partial"),
    )


def _article(article: dict[str, Any]) -> ArticleView:
    quotes = article.get("quotes") or []
    return ArticleView(
        source=article["source"],
        language=article["language"],
        cards=[_card(number, quote) for number, quote in enumerate(quotes, 1)],
    )


def _marks(differences: Sequence[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """What to mark in the quote (and its back-translation), and what in the tweet."""
    quote_marks = [d["quote"] for d in differences if d.get("quote")]
    # A speaker difference's tweet side is the author's @handle, not words of the tweet.
    tweet_marks = [d["tweet"] for d in differences if d.get("tweet") and d["kind"] != "speaker"]
    return quote_marks, tweet_marks


def _card(number: int, q: dict[str, Any]) -> QuoteCard:
    differences = q.get("differences") or []
    quote_marks, tweet_marks = _marks(differences)
    medium = q.get("medium", "none")
    return QuoteCard(
        number=number,
        verdict=VerdictStyle(*VERDICT_STYLE.get(q["verdict"], (q["verdict"], "•", "none"))),
        confidence=float(q.get("confidence") or 0),
        method=q.get("method", ""),
        language=q.get("language", ""),
        speaker=q.get("speaker") or "speaker unknown",
        claimed_medium=None if medium == "none" else str(q["medium"]),
        segments=marked_segments(q["text"], quote_marks),
        back_translation=_back_translation(q.get("back_translation"), quote_marks),
        attribution=q.get("attribution"),
        tweet=_tweet(q.get("match"), tweet_marks),
        differences=[_difference(d) for d in differences],
        notes=[note for note in q.get("notes") or [] if note],
    )


def _back_translation(bt: dict[str, Any] | None, marks: Sequence[str]
                      ) -> BackTranslationView | None:
    if not bt:
        return None
    return BackTranslationView(model=bt.get("model", ""),
                               segments=marked_segments(bt["text"], marks))


def _tweet(match: dict[str, Any] | None, marks: Sequence[str]) -> TweetView | None:
    if not match:
        return None
    tweet = match["tweet"]
    url = tweet.get("url") or None
    return TweetView(
        author=tweet["author"],
        date=tweet["date"][:10] if tweet.get("date") else "",
        url=url,
        url_is_web=bool(url and _WEB_ADDRESS.match(url)),
        archive_id=tweet.get("archive_id"),
        fragment=bool(match.get("fragment")),
        segments=marked_segments(tweet["text"], marks),
    )


def _difference(d: dict[str, Any]) -> DifferenceView:
    evidence = d.get("evidence", "")
    return DifferenceView(
        kind=d["kind"],
        quote=d.get("quote") or "—",
        tweet=d.get("tweet") or "—",
        evidence=EVIDENCE_LABELS.get(evidence, evidence),
        reliability=None if d.get("reliability") is None else f"{d['reliability']:.2f}",
    )


def _escape_as_html_escape(value: object) -> object:
    """Every `{{ value }}` goes through here before autoescaping: escaped with
    `html.escape` (quote=True), as the page was before its templates, so its bytes stay
    the same (`&#x27;`, `&quot;` where markupsafe writes `&#39;`, `&#34;`) and None shows
    as nothing. Its result is Markup built only from escaped text, so autoescape passes it
    through; Markup already (a macro's output) is left alone, so nothing is escaped twice."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("quotes", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_escape_as_html_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
