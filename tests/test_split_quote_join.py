"""A fragment with too little evidence of its own joins the tweet its neighbour (the other
piece of one quoted post, by the same speaker) matched, but only a tweet the named speaker
can have written: a neighbour matched to another person's post spreads nothing.

Every account and text here is fictional."""

from __future__ import annotations

from quotes.match import CandidateFeatures, QueryFeatures, Scored
from quotes.models import (
    Attribution,
    CanonicalTweet,
    Decision,
    Quote,
    QuoteFinding,
    TweetMatch,
)
from quotes.pipeline.verifier import MatchRow, _join_split_quotes

MAYOR = CanonicalTweet(1, "jane_example_fictional", "The bridge reopens on Monday. Drive safe.")
RIVAL = CanonicalTweet(2, "tom_madeup_fictional", "The bridge reopens on Monday. Drive safe.")


def _row(text: str, handles: tuple[str, ...], matched: CanonicalTweet | None,
         tweet: CanonicalTweet) -> MatchRow:
    quote = Quote(0, len(text), text, '"', '"', 0, len(text), "statement", "en")
    attribution = Attribution("Jane Example", "Jane Example", 0, "verb-after", None, None,
                              None, "said", "tweet", None, handles[0] if handles else None)
    query = QueryFeatures(text, "en", None, None, (), speaker_handle=attribution.author_handle,
                          speaker_name="Jane Example", speaker_handles=handles)
    # The fragment's own evidence for the tweet: enough to join, too little to match.
    scored = Scored(CandidateFeatures(tweet, (), None), None, 0.95, tweet.text, 0)
    match = None if matched is None else TweetMatch(matched, 0.97, None, 0.97, None, 0,
                                                      matched.text, True)
    return MatchRow(QuoteFinding(quote, attribution), query, [scored],
                    Decision(match, "embedding", "test"), None)


def test_a_fragment_joins_the_speakers_tweet_its_neighbour_matched() -> None:
    handles = ("jane_example_fictional",)
    rows = [_row("The bridge reopens on Monday.", handles, MAYOR, MAYOR),
            _row("Drive safe.", handles, None, MAYOR)]
    joined = _join_split_quotes(rows)
    assert joined[1].decision.match is not None
    assert joined[1].decision.match.tweet.id == MAYOR.id
    # The reason says first what the verdict rests on: the neighbour's tweet, not the
    # fragment's own shortfall.
    assert joined[1].decision.reason.startswith("joins @jane_example_fictional's tweet")


def test_a_fragment_does_not_join_another_persons_tweet() -> None:
    # The article names Jane Example; the neighbour matched the rival's post (itself a
    # misattribution, or a wrong match): the fragment stays unmatched on its own evidence.
    handles = ("jane_example_fictional",)
    rows = [_row("The bridge reopens on Monday.", handles, RIVAL, RIVAL),
            _row("Drive safe.", handles, None, RIVAL)]
    joined = _join_split_quotes(rows)
    assert joined[1].decision.match is None


def test_a_speaker_the_archive_does_not_know_joins_nothing() -> None:
    rows = [_row("The bridge reopens on Monday.", (), RIVAL, RIVAL),
            _row("Drive safe.", (), None, RIVAL)]
    assert _join_split_quotes(rows)[1].decision.match is None
