"""Who said it, checked against the archive: the accounts the speaker check needs (the
matched tweets' authors, the authors speakers resolve to, every official account), read
once per run, and for a quote no tweet matched, what its claimed author's archive holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from quotes.compare.speaker import check_speaker, no_account, no_such_tweet
from quotes.models import Account, Decision, Quote, QuoteFinding, SpeakerCheck
from quotes.normalize import alias_key
from quotes.pipeline.candidates import PUBLICATION_SLACK
from quotes.store import Archive


@dataclass(frozen=True, slots=True)
class AttributionRow:
    """What the check reads of one quote on its way through the verifier."""

    finding: QuoteFinding
    decision: Decision
    published: datetime | None
    article: str = ""  # the article's text


# How much of the article around a quote counts as near it: about two sentences.
NEARBY_CHARS = 300


def nearby(article: str, quote: Quote) -> str:
    """The article's text around `quote`, the quote itself left out."""
    before = article[max(0, quote.open_at - NEARBY_CHARS):quote.open_at]
    return f"{before} {article[quote.outer_end:quote.outer_end + NEARBY_CHARS]}"


@dataclass(frozen=True, slots=True)
class AttributionFinding:
    speaker: SpeakerCheck | None  # for a matched quote
    unmatched_note: str | None = None  # "no tweet by @X in the archive … says this"


def check_attributions(archive: Archive, rows: Sequence[AttributionRow]
                       ) -> list[AttributionFinding]:
    """For each row: its speaker check when a tweet matched, else what its claimed
    archive author's tweets are (none of which says this)."""
    handles = {h for row in rows for h in _handles(row)}
    accounts = archive.accounts(sorted(handles)) if handles else {}
    official = archive.official_accounts() if any(r.decision.match for r in rows) else []
    found = []
    for row in rows:
        match = row.decision.match
        attribution = row.finding.attribution
        claimed = attribution.author_handle if attribution else None
        if match is None:
            note = _unmatched_note(archive, claimed, row.published) or no_account(attribution)
            found.append(AttributionFinding(None, note))
            continue
        tweet = match.tweet
        author = accounts.get(alias_key(tweet.author_handle)) or Account(
            tweet.author_handle, tweet.author_name)
        check = check_speaker(attribution, author, official=official,
                              claimed=accounts.get(alias_key(claimed)) if claimed else None,
                              nearby=nearby(row.article, row.finding.quote))
        found.append(AttributionFinding(check))
    return found


def _handles(row: AttributionRow) -> list[str]:
    attribution, match = row.finding.attribution, row.decision.match
    handles = [match.tweet.author_handle] if match else []
    if attribution is not None and attribution.author_handle is not None:
        handles.append(attribution.author_handle)
    return handles


def _unmatched_note(archive: Archive, handle: str | None, published: datetime | None
                    ) -> str | None:
    if handle is None:
        return None
    day = published.replace(tzinfo=None) if published else None
    span = archive.author_span(handle, day + PUBLICATION_SLACK if day else None)
    return no_such_tweet(replace(span, until=day)) if span.tweets else None
