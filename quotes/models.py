"""Plain data passed between the pipeline stages.

Every stage (extract → attribute → translate → match → compare → report) takes and
returns these frozen dataclasses, so stages stay pure and testable without I/O.
Offsets are Python string indices (code points) into `Document.text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, get_args

QuoteKind = Literal["statement", "term"]


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read: where it came from and its exact text."""

    source: str
    text: str
    language: str | None = None  # declared by the user; detected when None
    published: datetime | None = None  # when known: no tweet posted later can be its source


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote: `text == document.text[start:end]`, marks excluded."""

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str | None  # None when the quote was never closed
    open_at: int  # index of the opening mark
    close_at: int | None  # index of the closing mark
    kind: QuoteKind  # statements get verified, terms (scare quotes) do not
    language: str
    unclosed: bool = False
    paragraphs: int = 1
    depth: int = 0  # 0 = top level, 1 = quoted inside another quote, ...
    parent: int | None = None  # index of the enclosing quote in the same result
    block: bool = False  # a post reproduced as a paragraph without marks (open_mark "")

    @property
    def outer_end(self) -> int:
        """Index just after the closing mark (after the text when unclosed)."""
        if self.close_at is None or self.close_mark is None:
            return self.end
        return self.close_at + len(self.close_mark)  # marks may be longer than one: ``…''


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who an article says spoke a quote, how it says so, and where."""

    speaker: str | None  # the name as resolved ("Elon Musk"), None when unknown
    mention: str | None  # the words the article uses ("he", "le patron de Tesla", "Musk")
    mention_start: int | None
    method: str  # how the speaker was found: "verb-after", "verb-before", "colon", ...
    phrase: str | None  # the attribution phrase, e.g. "sagte Musk in einem seiner Tweets"
    phrase_start: int | None
    phrase_end: int | None
    verb: str | None
    medium: str  # "tweet", "social_media", "interview", "speech", "press_release" or "none"
    medium_phrase: str | None
    author_handle: str | None = None  # the archive author the speaker resolves to
    speaker_kind: str = "unknown"  # "person", "organisation" or "unknown" (no speaker)
    confidence: float = 0.0  # 0..1, how likely the speaker is right
    # from the mention to the name: ("ujarnya: pronoun", "Ridwan Kamil: last named, subject")
    chain: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    """One quote of a document with what later stages learned about it."""

    quote: Quote
    attribution: Attribution | None


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    """The result of running the pipeline over one document."""

    source: str
    language: str
    findings: tuple[QuoteFinding, ...]
    stray_marks: tuple[int, ...] = ()  # closing marks that closed nothing


@dataclass(frozen=True, slots=True)
class TweetRecord:
    """A canonical tweet as read from an archive file, before it is stored."""

    author_handle: str
    text: str
    location: str  # "file:line" for error messages and provenance
    platform_id: str | None = None
    author_name: str | None = None
    created_at: datetime | None = None
    created_precision: Literal["second", "day"] | None = None
    url: str | None = None
    source: str | None = None  # where the exact text was confirmed
    extra_aliases: tuple[str, ...] = field(default=())
    account: AccountKind | None = None  # what the file says the author's account is


# Whose account an author's is: the person's own, a declared parody, an impostor's, or not
# known (then the verifier judges the handle itself).
AccountKind = Literal["official", "parody", "impostor", "unknown"]
ACCOUNT_KINDS: tuple[AccountKind, ...] = get_args(AccountKind)


@dataclass(frozen=True, slots=True)
class Account:
    """An archive author as the speaker check sees it: handle, names, what account it is."""

    handle: str
    name: str | None = None
    kind: AccountKind = "unknown"
    aliases: tuple[str, ...] = ()  # other names the archive knows the author by


# --- anchors: what survives translation ------------------------------------------------

AnchorKind = Literal["number", "year", "handle", "hashtag", "url", "name", "term"]

# How reports (written in English) show a vague amount.
_VAGUE_NAMES = {10.0: "tens", 12.0: "dozens", 100.0: "hundreds", 1e3: "thousands",
                1e6: "millions", 1e9: "billions"}


@dataclass(frozen=True, slots=True)
class Anchor:
    """One number, year, handle, hashtag, URL, name or term of a text, with its normalized
    value and where it is written: what survives translation, compared across languages."""

    kind: AnchorKind
    value: float | str  # numbers: the value with its scale applied; others: normalized text
    text: str  # as written
    start: int
    end: int
    unit: str | None = None  # ISO currency code, "%" or "decade" ("the 30s")
    approximate: bool = False
    upper: float | None = None  # a range's upper end ("10 to 15 million")
    vague: bool = False  # an order of magnitude only ("thousands of GPUs")
    measure: tuple[str, float] | None = None  # in a base unit: "2 weeks" → ("day", 14.0)

    def describe(self) -> str:
        if self.kind != "number":
            return str(self.value)
        if self.unit == "decade":
            return f"the {float(self.value):g}s"
        unit = f" {self.unit}" if self.unit else ""
        if self.vague:
            return f"{_VAGUE_NAMES.get(float(self.value), _human(float(self.value)) + 's')}{unit}"
        value = _human(float(self.value))
        if self.upper is not None:
            value += f"–{_human(self.upper)}"
        return f"{'~' if self.approximate else ''}{value}{unit}"


def _human(value: float) -> str:
    for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= factor and value % (factor / 100) == 0:
            return f"{value / factor:g}{suffix}"
    return f"{value:g}"


VerdictLabel = Literal[
    "verbatim", "faithful", "paraphrase", "distortion", "misattributed", "unmatched"
]
# Every verdict, in the order reports list them.
VERDICTS: tuple[VerdictLabel, ...] = get_args(VerdictLabel)
# Verdicts that should stop a story from going out as it is (and make `verify` exit 1).
ALARMING: tuple[VerdictLabel, ...] = ("distortion", "misattributed")


@dataclass(frozen=True, slots=True)
class CanonicalTweet:
    """A tweet of the archive as the match and compare stages see it."""

    id: int  # the archive's id
    author_handle: str
    text: str
    platform_id: str | None = None
    author_name: str | None = None
    created_at: datetime | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Translated:
    """A quote's back-translation into English and the model that made it."""

    text: str
    model: str
    revision: str | None = None
    cached: bool = False


@dataclass(frozen=True, slots=True)
class TweetMatch:
    """The archive tweet a quote was matched to, and how strongly."""

    tweet: CanonicalTweet
    score: float  # 0..1, the combined score the decision used
    fuzzy: float | None  # 0..100, rapidfuzz on the back-translation (or the English quote)
    embedding: float | None  # cosine similarity of the quote and the best tweet segment
    margin: float | None  # how far ahead of the next-best tweet by another text
    shared_anchors: int
    segment: str  # the part of the tweet the quote corresponds to (all of it, or a fragment)
    fragment: bool  # the quote renders only part of the tweet


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the calibrated match decision read and concluded (`quotes.decision`): the
    probability that the closest tweet is the quote's source, the threshold it was held
    to and the features it rests on (name, value; None where a signal was unavailable)."""

    probability: float
    threshold: float
    features: tuple[tuple[str, float | None], ...]


@dataclass(frozen=True, slots=True)
class Decision:
    """The match stage's answer for one quote: the tweet it renders, or None, and why."""

    match: TweetMatch | None
    method: str  # the signals that decided
    reason: str  # one line for the report
    unsupported: tuple[tuple[str, float], ...] = ()  # sentences of the quote the tweet lacks
    evidence: Evidence | None = None  # the model's features and probability, when it decided


@dataclass(frozen=True, slots=True)
class Difference:
    """One way a quote differs from its tweet."""

    kind: str  # "number", "negation", "handle", "speaker", "added", "cut", ...
    quote_side: str | None
    tweet_side: str | None
    evidence: str  # where it was seen: "anchors", "back-translation", "attribution"
    # The probability that it is a real distortion (`compare.reliability`); None: a kind
    # that is no distortion, or not weighed.
    reliability: float | None = None


# Whether the person an article names wrote the matched tweet: yes; another person;
# a look-alike, parody or impostor account; a role or pronoun that nothing resolved;
# nobody named.
AttributionCheck = Literal["verified", "other_person", "lookalike_account", "unverified",
                           "unnamed"]


@dataclass(frozen=True, slots=True)
class SpeakerCheck:
    """The speaker the article names against the matched tweet's author."""

    status: AttributionCheck
    difference: Difference | None = None  # kind "speaker" or "lookalike_account"
    note: str | None = None  # what was (not) checked, for the report


@dataclass(frozen=True, slots=True)
class Verdict:
    label: VerdictLabel
    confidence: float  # 0..1
    method: str  # the signals used, e.g. "mt+fuzzy+embedding+anchors" or "embedding+anchors"
    differences: tuple[Difference, ...] = ()
    match: TweetMatch | None = None
    notes: tuple[str, ...] = ()
    attribution_check: AttributionCheck | None = None  # None: no tweet matched, or not checked
    evidence: Evidence | None = None  # the match decision's features and source probability


# --- results of a run: what the pipeline returns and the reports render ---------------


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """One statement quote as verified: who said it, its back-translation, its verdict."""

    finding: QuoteFinding
    translated: Translated | None
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article as verified: its analysis and the verdict of each statement quote."""

    analysis: DocumentAnalysis
    quotes: tuple[QuoteResult, ...]


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not be read: the argument as given and what was wrong."""

    source: str
    message: str


@dataclass(frozen=True, slots=True)
class ExtractRun:
    """What `extract` found in every readable input, and the inputs it could not read."""

    analyses: tuple[DocumentAnalysis, ...]
    errors: tuple[InputFailure, ...] = ()


@dataclass(frozen=True, slots=True)
class VerifyRun:
    """Everything one `verify` run established, as the reports render it."""

    articles: tuple[ArticleResult, ...]
    errors: tuple[InputFailure, ...]
    archive_url: str  # password hidden
    archive_tweets: int
    translation_models: Mapping[str, str]  # language → model used, or "missing: …"
    embedding_model: str | None
    thresholds: Mapping[str, float]  # the named constants the match decision used
    warnings: tuple[str, ...] = ()  # e.g. a translation model that is missing
    # Where language versions of one story disagree (`quotes.story.story_report`'s JSON
    # document), when several articles were verified together.
    story: Mapping[str, Any] | None = None
    # Articles not verified because the run was interrupted (Ctrl-C): the report is partial.
    pending: int = 0

    @property
    def alarming(self) -> bool:
        """A distortion or a misattribution was found."""
        return any(q.verdict.label in ALARMING for a in self.articles for q in a.quotes)


@dataclass(frozen=True, slots=True)
class StoredTweet:
    """A tweet as the archive keeps it: every stored field (`quotes archive show`)."""

    id: int  # the archive's id
    platform_id: str | None
    author_id: int
    author_handle: str
    display_name: str | None
    created_at: datetime | None  # naive UTC
    created_precision: str | None  # "second", "day" or None
    text: str  # exact, as posted
    text_key: str  # normalized, for display
    text_hash: str
    url: str | None
    source: str | None  # where the exact text was confirmed
    import_id: int | None
    provenance: str  # "format:path:line" of the record that created it

    def canonical(self) -> CanonicalTweet:
        """The tweet as the match and compare stages see it."""
        return CanonicalTweet(
            id=self.id,
            author_handle=self.author_handle,
            text=self.text,
            platform_id=self.platform_id,
            author_name=self.display_name,
            created_at=self.created_at,
            url=self.url,
        )


@dataclass(frozen=True, slots=True)
class StoredAuthor:
    """An author of the archive: the handle as first imported, the name when known."""

    id: int
    handle: str
    name: str | None
    account: AccountKind = "unknown"


@dataclass(frozen=True, slots=True)
class AuthorSpan:
    """How many tweets of one author the archive holds, and from when to when (dates
    that are known); with `until`, only those posted by then."""

    handle: str
    tweets: int
    first: datetime | None
    last: datetime | None
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one import stored: new tweets, updated ones, duplicates left out."""

    added: int
    updated: int  # stored tweets that gained their platform id
    duplicates: int  # records already in the archive or earlier in the same batch
    skipped_retweets: int
    import_id: int


@dataclass(frozen=True, slots=True)
class VectorIndexInfo:
    """An embedding model's IVF index as `quotes archive embed` reports it."""

    model: str
    dim: int
    lists: int
    probes: int
    vectors_at_build: int
    built_at: datetime
    vectors: int  # segment vectors filed under its cells
