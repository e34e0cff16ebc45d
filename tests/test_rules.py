"""The decision rules of the match, compare and anchors stages, one rule at a time.

Tweets here are fictional."""

from __future__ import annotations

from quotes.anchors.evaluate import Element, evaluate
from quotes.anchors.lexicon import Entry
from quotes.compare.verdict import VERDICT_RULES, Case
from quotes.match import MATCH_RULES, CandidateFeatures, Contest, Scored
from quotes.models import CanonicalTweet, Difference, Quote, TweetMatch

TWEET = CanonicalTweet(1, "fictional_mayor", "The bridge stays open until 2027.")


def _scored(*, fuzzy: float | None = None, embedding: float | None = None,
            shared: int = 0) -> Scored:
    return Scored(CandidateFeatures(TWEET, (), None), fuzzy, embedding, TWEET.text, shared)


def _reasons(contest: Contest) -> list[str]:
    return [r for group in MATCH_RULES for rule in group if (r := rule(contest)) is not None]


def test_the_rules_decide_only_without_text_or_embedding_signals() -> None:
    # Embeddings and fuzzy scores go to the calibrated model (`tests/test_decision.py`).
    assert not _reasons(Contest(_scored(embedding=0.95, shared=3), 0.2, 0))
    assert not _reasons(Contest(_scored(fuzzy=99.0, shared=3), 0.2, 0))


def test_anchors_alone_match_only_ahead_of_the_runner_up() -> None:
    assert _reasons(Contest(_scored(shared=2), None, 1))
    assert not _reasons(Contest(_scored(shared=2), None, 2))


def _case(*differences: Difference, fuzzy: float | None = None) -> Case:
    text = "The bridge stays open until 2027."
    quote = Quote(0, len(text), text, "“", "”", 0, len(text), "statement", "en")
    match = TweetMatch(TWEET, 0.9, fuzzy, None, None, 0, TWEET.text, False)
    return Case(quote, "fuzzy+anchors", match, differences, (), None)


def _label(case: Case) -> str:
    return next(v for rule in VERDICT_RULES if (v := rule(case)) is not None).label


def test_verdict_rules_in_order() -> None:
    assert _label(_case(Difference("year", "2026", "2027", "anchors"))) == "distortion"
    assert _label(_case(Difference("hedge", None, "seems to", "anchors"))) == "paraphrase"
    assert _label(_case(fuzzy=99.0)) == "verbatim"
    assert _label(_case(fuzzy=90.0)) == "faithful"
    assert _label(_case(fuzzy=80.0)) == "paraphrase"


def test_number_words_read_by_rules() -> None:
    two, hundred, million = Entry(word=2.0), Entry(multiplier=100.0), Entry(scale=1e6)
    elements = [Element(two, None, 0, 3), Element(hundred, None, 1, 11),
                Element(million, None, 2, 19)]
    assert evaluate(elements) == (2e8, 1e6, 3, False)
    # "a" with no scale after it is no number.
    assert evaluate([Element(Entry(one=True), None, 0, 1)]) is None


def test_a_segment_of_no_words_never_places_a_quote() -> None:
    """A bare link or an emoji embeds close to anything: only worded segments count."""
    import numpy as np

    from quotes.match import QueryFeatures, score, tweet_segments

    query = QueryFeatures("De brug blijft open tot 2027, zei de burgemeester.", "nl", None,
                          np.array([1.0, 0.0]), ())
    tweet = CanonicalTweet(2, "fictional_mayor",
                           "The bridge stays open until 2027. https://t.co/AbCdEf12")
    segments = tweet_segments(tweet.text)
    assert segments[-1] == "https://t.co/AbCdEf12"
    # The link segment points exactly the quote's way; the worded ones less so.
    vectors = np.array([[0.8, 0.6]] * (len(segments) - 1) + [[1.0, 0.0]])
    scored = score(query, CandidateFeatures(tweet, (), vectors))
    assert scored.embedding is not None and abs(scored.embedding - 0.8) < 1e-9
    assert scored.segment != "https://t.co/AbCdEf12"
    bare = CanonicalTweet(3, "fictional_mayor", "🧐 https://t.co/AbCdEf12")
    only_link = score(query, CandidateFeatures(bare, (), np.array([[1.0, 0.0]])))
    assert only_link.embedding is None


def test_a_surname_fitting_several_authors_counts_for_a_tweet_by_one_of_them() -> None:
    """"Varsko" alone may be the mayor or her brother: a tweet by either is by the named
    speaker as far as the article tells; one by somebody else tells nothing."""
    from quotes.match import QueryFeatures, score

    text = "De brug blijft open tot 2027, zei Varsko."
    ambiguous = QueryFeatures(text, "nl", None, None, (),
                              speaker_handles=("fictional_mayor", "fictional_brother"))
    by_mayor = score(ambiguous, CandidateFeatures(TWEET, (), None))
    assert (by_mayor.by_speaker, by_mayor.speaker) == (True, 1)
    other = CanonicalTweet(4, "fictional_critic", TWEET.text)
    by_other = score(ambiguous, CandidateFeatures(other, (), None))
    assert (by_other.by_speaker, by_other.speaker) == (False, 0)
    # A name that resolves to one author still says "another author" of anyone else.
    resolved = QueryFeatures(text, "nl", None, None, (), speaker_handle="Fictional_Mayor")
    assert score(resolved, CandidateFeatures(TWEET, (), None)).speaker == 1
    assert score(resolved, CandidateFeatures(other, (), None)).speaker == -1


def test_a_fragment_matches_whole_words_of_the_tweet() -> None:
    """A one-word back-translation ("Wider") is no match for a tweet whose word
    "widerwärtigen" begins with it; a fragment of whole words still matches fully."""
    from quotes.match import _fuzzy

    tweet = ("Die Fähre fährt heute nicht. Der Sturm war widerwärtig und lang. "
             "Morgen fahren wir wieder nach Plan.")
    piece, _ = _fuzzy("Wider", tweet)
    assert piece < 70
    whole, aligned = _fuzzy("Morgen fahren wir wieder nach Plan", tweet)
    assert whole == 100 and aligned == "Morgen fahren wir wieder nach Plan."


def test_an_office_account_naming_its_holder_is_the_speaker_s() -> None:
    """An office's account (@fictional_office, "Mayor Varsko") posts for its holder: a
    quote the article gives to Elna Varsko, whose own account is another, is by the
    speaker there; another holder's or a relative's account is not."""
    from quotes.match import QueryFeatures, speaker_signal

    query = QueryFeatures("Die Brücke bleibt offen.", "de", None, None, (),
                          speaker_handle="elna_varsko_fictional", speaker_name="Elna Varsko")
    assert speaker_signal(query, "fictional_office", "Mayor Varsko") == (True, 1)
    assert speaker_signal(query, "fictional_office", "Mayor Elna Varsko") == (True, 1)
    assert speaker_signal(query, "fictional_office", "Bürgermeisterin Varsko") == (True, 1)
    assert speaker_signal(query, "fictional_office", "Mayor Kalverdam") == (False, -1)
    assert speaker_signal(query, "varsko_jr_fictional", "Elna Varsko Jr.") == (False, -1)
    assert speaker_signal(query, "elna_varsko_fictional", None) == (True, 1)
