"""`verify`: the whole way from articles to verdicts, with the resources loaded at the edge.

extract → attribute (`Pipeline`) → translate (`Translator`, optional) → match (archive
tweets, embeddings, anchors) → compare. The archive, translator and embedder are passed
in; the stages they feed stay pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

import numpy as np

from quotes import lang
from quotes.anchors import Anchor, extract_anchors
from quotes.compare import ClauseSimilarities, clause_units, judge, run_texts
from quotes.embed import Embedder, from_bytes, to_bytes
from quotes.match import (
    EMBEDDING_WITH_ANCHORS,
    FUZZY_MATCH,
    CandidateFeatures,
    Decision,
    QueryFeatures,
    Scored,
    decide,
    quote_sentences,
    rank,
    supported_part,
    tweet_segments,
)
from quotes.models import (
    CanonicalTweet,
    Document,
    DocumentAnalysis,
    QuoteFinding,
    Translated,
    TweetMatch,
    Verdict,
)
from quotes.pipeline import Pipeline
from quotes.store import Archive, Tweet

# One quote on its way through matching: finding, query, ranked tweets, decision, translation.
Row = tuple[QuoteFinding, QueryFeatures, list[Scored], Decision, Translated | None]

# A fragment right next to a matched one, by the same speaker, may join its tweet with
# weaker evidence: one post is often quoted as several fragments ("…", wrote X. "…").
SPLIT_EMBEDDING = EMBEDDING_WITH_ANCHORS
SPLIT_FUZZY = FUZZY_MATCH - 15
# Archives up to this size are compared whole; larger ones through the store's indexes.
FULL_SCAN_LIMIT = 5_000
# How many tweets each index proposes per quote.
RETRIEVAL_LIMIT = 50
# Tweets posted after an article cannot be its source; a day's slack for time zones.
PUBLICATION_SLACK = timedelta(days=1)


class BackTranslator(Protocol):
    """What verify needs of the translate stage."""

    def translate(self, items: Sequence[tuple[str, str]]) -> Sequence[Translated | None]: ...


@dataclass(frozen=True, slots=True)
class QuoteReport:
    finding: QuoteFinding
    translated: Translated | None
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class ArticleReport:
    analysis: DocumentAnalysis
    quotes: tuple[QuoteReport, ...]


@dataclass(slots=True)
class Verifier:
    archive: Archive
    pipeline: Pipeline = field(default_factory=Pipeline)
    translator: BackTranslator | None = None
    embedder: Embedder | None = None
    _candidates: list[CandidateFeatures] | None = None

    def verify(
        self,
        documents: Iterable[Document],
        *,
        progress: Callable[[str], None] | None = None,
    ) -> list[ArticleReport]:
        analyses = []
        published: dict[str, datetime | None] = {}
        for document in documents:
            analyses.append(self.pipeline.analyze(document))
            published[document.source] = document.published
            if progress:
                progress(document.source)
        statements = [
            (a, f) for a in analyses for f in a.findings
            if f.quote.kind == "statement" and f.quote.depth == 0
        ]
        translated = self._translate([f for _, f in statements])
        vectors = self._embed_quotes([f for _, f in statements])
        sentences = [tuple(quote_sentences(f.quote.text, _table(f.quote.language)))
                     for _, f in statements]
        sentence_vectors = self._embed_sentences(sentences)
        per_quote = self._candidates_per_quote(
            [f for _, f in statements], translated, vectors
        )

        rows: list[Row] = []
        sources = []
        for (analysis, finding), tr, vector, quote_sents, sent_vectors, candidates in zip(
            statements, translated, vectors, sentences, sentence_vectors, per_quote, strict=True
        ):
            quote = finding.quote
            query = QueryFeatures(
                text=quote.text,
                language=quote.language,
                back_translation=tr.text if tr else None,
                vector=vector,
                anchors=_anchors(quote.text, quote.language),
                speaker_handle=finding.attribution.author_handle if finding.attribution else None,
                sentences=quote_sents,
                sentence_vectors=sent_vectors,
            )
            ranked = rank(query, _not_later(candidates, published.get(analysis.source)))
            rows.append((finding, query, ranked, decide(query, ranked), tr))
            sources.append(analysis.source)
        rows = self._match_supported_parts(rows)
        per_article: dict[str, list[Row]] = {}
        for source, row in zip(sources, rows, strict=True):
            per_article.setdefault(source, []).append(row)

        joined = [_join_split_quotes(per_article.get(a.source, [])) for a in analyses]
        flat = [row for rows_ in joined for row in rows_]
        similarities = iter(self._clause_similarities(flat))
        return [
            ArticleReport(
                analysis,
                tuple(
                    QuoteReport(
                        finding,
                        tr,
                        judge(finding.quote, finding.attribution, tr, decision, query.anchors,
                              next(similarities)),
                    )
                    for finding, query, _, decision, tr in rows_
                ),
            )
            for analysis, rows_ in zip(analyses, joined, strict=True)
        ]

    def _match_supported_parts(self, rows: list[Row]) -> list[Row]:
        """A quote that matched no tweet although some of its sentences have no counterpart
        in the closest one (an added sentence drags the whole quote's similarity down) is
        matched again on the rest. When the rest matches that same tweet, the match stands:
        the sentences left out are reported as added (`Decision.unsupported`)."""
        retry = [
            (i, part) for i, (_, query, ranked, decision, tr) in enumerate(rows)
            if decision.match is None and ranked and tr is None
            and (part := supported_part(query, ranked[0])) is not None
        ]
        if not retry or self.embedder is None:
            return rows
        vectors = self.embedder.embed_queries([part for _, part in retry])
        result = list(rows)
        for (i, part), vector in zip(retry, vectors, strict=True):
            finding, query, ranked, _, tr = rows[i]
            closest = ranked[0]
            narrowed = replace(query, text=part, vector=vector,
                               anchors=_anchors(part, query.language), sentences=(),
                               sentence_vectors=None)
            again = decide(narrowed, rank(narrowed, [s.candidate for s in ranked]))
            if again.match is None or again.match.tweet.id != closest.candidate.tweet.id:
                continue
            reason = (f"{again.reason}, on the quote without the sentence(s) the tweet "
                      "lacks")
            result[i] = (finding, query, ranked,
                         replace(again, reason=reason, unsupported=closest.unsupported), tr)
        return result

    def _clause_similarities(self, rows: Sequence[Row]) -> list[ClauseSimilarities | None]:
        """Clause-run similarities between each matched quote and its tweet, for quotes
        compared without a back-translation (English quotes are compared word by word).
        One batch of embeddings for all of them; a text embedded once."""
        wanted: list[tuple[list[str], list[str]] | None] = []
        for finding, _, _, decision, tr in rows:
            quote = finding.quote
            if (self.embedder is None or decision.match is None or tr is not None
                    or quote.language == "en"):
                wanted.append(None)
                continue
            quote_units = clause_units(quote.text, _table(quote.language))
            tweet_units = clause_units(decision.match.tweet.text, lang.get("en"))
            wanted.append((quote_units, tweet_units) if len(quote_units) > 1 else None)
        texts = list(dict.fromkeys(
            t for pair in wanted if pair for units in pair for t in run_texts(units)
        ))
        if not texts:
            return [None] * len(rows)
        assert self.embedder is not None
        vectors = dict(zip(texts, self.embedder.embed_queries(texts), strict=True))
        result: list[ClauseSimilarities | None] = []
        for pair in wanted:
            if pair is None:
                result.append(None)
                continue
            quote_units, tweet_units = pair
            q = np.stack([vectors[t] for t in run_texts(quote_units)])
            t = np.stack([vectors[t] for t in run_texts(tweet_units)])
            result.append(ClauseSimilarities(tuple(quote_units), tuple(tweet_units), q @ t.T))
        return result

    # --- resources -------------------------------------------------------------------

    def _translate(self, findings: Sequence[QuoteFinding]) -> list[Translated | None]:
        if self.translator is None or not findings:
            return [None] * len(findings)
        results = self.translator.translate([(f.quote.language, f.quote.text) for f in findings])
        return list(results)

    def _embed_quotes(self, findings: Sequence[QuoteFinding]) -> list[np.ndarray | None]:
        if self.embedder is None or not findings:
            return [None] * len(findings)
        matrix = self.embedder.embed_queries([f.quote.text for f in findings])
        return list(matrix)

    def _embed_sentences(
        self, sentences: Sequence[tuple[str, ...]]
    ) -> list[np.ndarray | None]:
        """Embeddings of the sentences of quotes that have several, in one batch."""
        if self.embedder is None:
            return [None] * len(sentences)
        flat = [s for group in sentences if len(group) > 1 for s in group]
        matrix = self.embedder.embed_queries(flat) if flat else None
        result: list[np.ndarray | None] = []
        row = 0
        for group in sentences:
            if len(group) > 1 and matrix is not None:
                result.append(matrix[row : row + len(group)])
                row += len(group)
            else:
                result.append(None)
        return result

    def _candidates_per_quote(
        self,
        findings: Sequence[QuoteFinding],
        translated: Sequence[Translated | None],
        vectors: Sequence[np.ndarray | None],
    ) -> list[list[CandidateFeatures]]:
        """The tweets each quote is compared with. A small archive is compared whole; a
        large one through the indexes the store keeps (full-text search on the English
        text or the quote's words, the speaker's tweets, and the nearest stored
        embeddings), so memory stays bounded however large the archive grows."""
        if not findings:
            return []
        if self.archive.count() <= FULL_SCAN_LIMIT:
            everything = self._load_candidates()
            return [everything] * len(findings)
        nearest: list[list[int]] = [[] for _ in findings]
        with_vectors = [i for i, v in enumerate(vectors) if v is not None]
        if self.embedder is not None and with_vectors:
            found = self.archive.nearest_many(
                np.stack([vectors[i] for i in with_vectors]),
                RETRIEVAL_LIMIT,
                model=self.embedder.model_id,
            )
            for i, ids in zip(with_vectors, found, strict=True):
                nearest[i] = ids
        per_quote_ids = []
        for finding, tr, near in zip(findings, translated, nearest, strict=True):
            a = finding.attribution
            authors = [a.author_handle] if a and a.author_handle else []
            text = tr.text if tr else finding.quote.text
            ids = self.archive.candidate_ids(text, authors=authors, limit=RETRIEVAL_LIMIT)
            per_quote_ids.append(list(dict.fromkeys([*ids, *near])))
        features = self._features(
            [_canonical(t) for t in self.archive.tweets_by_ids(
                sorted({i for ids in per_quote_ids for i in ids})
            )]
        )
        return [[features[i] for i in ids if i in features] for ids in per_quote_ids]

    def _load_candidates(self) -> list[CandidateFeatures]:
        """Every archive tweet with its anchors and segment vectors (vectors computed once
        and kept in the store)."""
        if self._candidates is None:
            tweets = [_canonical(t) for t in self.archive.iter_tweets()]
            self._candidates = list(self._features(tweets).values())
        return self._candidates

    def _features(self, tweets: Sequence[CanonicalTweet]) -> dict[int, CandidateFeatures]:
        english = lang.get("en")
        vectors = self._tweet_vectors(tweets) if self.embedder else {}
        return {
            t.id: CandidateFeatures(t, extract_anchors(t.text, english), vectors.get(t.id))
            for t in tweets
        }

    def _tweet_vectors(self, tweets: Sequence[CanonicalTweet]) -> dict[int, np.ndarray]:
        assert self.embedder is not None
        model = self.embedder.model_id
        stored = self.archive.tweet_embeddings(model, [t.id for t in tweets])
        vectors: dict[int, np.ndarray] = {}
        missing = [t for t in tweets if t.id not in stored]
        if missing:
            segments = [tweet_segments(t.text) for t in missing]
            flat = self.embedder.embed_passages([s for segs in segments for s in segs])
            new: dict[int, bytes] = {}
            row = 0
            for tweet, segs in zip(missing, segments, strict=True):
                matrix = flat[row : row + len(segs)]
                row += len(segs)
                vectors[tweet.id] = matrix
                new[tweet.id] = to_bytes(matrix)
            self.archive.store_tweet_embeddings(model, new)
        # A stored matrix has one row per segment of its tweet: its width follows.
        texts = {t.id: t.text for t in tweets}
        for tweet_id, data in stored.items():
            rows = len(tweet_segments(texts[tweet_id]))
            vectors[tweet_id] = from_bytes(data, len(data) // 4 // rows)
        return vectors


def _not_later(
    candidates: list[CandidateFeatures], published: datetime | None
) -> list[CandidateFeatures]:
    """Tweets an article published at `published` could quote: none posted after it (a
    day's slack for time zones). Tweets of unknown date always stay."""
    if published is None:
        return candidates
    limit = published.replace(tzinfo=None) + PUBLICATION_SLACK
    return [
        c for c in candidates if c.tweet.created_at is None or c.tweet.created_at <= limit
    ]


def _table(language: str) -> lang.LanguageData:
    return lang.get(language) if language in lang.available() else lang.get("en")


def _anchors(text: str, language: str) -> list[Anchor]:
    return extract_anchors(text, _table(language))


def _canonical(tweet: Tweet) -> CanonicalTweet:
    assert tweet.id is not None
    return CanonicalTweet(
        id=tweet.id,
        author_handle=tweet.author_handle,
        text=tweet.text,
        platform_id=tweet.platform_id,
        author_name=tweet.display_name,
        created_at=tweet.created_at,
        url=tweet.url,
    )


def _join_split_quotes(rows: list[Row]) -> list[Row]:
    """An unmatched fragment next to a matched one by the same speaker joins its tweet
    when the evidence for that tweet is merely weaker, not absent."""
    result = list(rows)
    for i, (finding, query, ranked, decision, tr) in enumerate(rows):
        if decision.match is not None:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(rows) or rows[j][3].match is None:
                continue
            neighbour = rows[j]
            same_speaker = _speaker(finding) is not None and _speaker(finding) == _speaker(
                neighbour[0]
            )
            if not same_speaker:
                continue
            tweet = neighbour[3].match.tweet  # type: ignore[union-attr]
            scored = next((s for s in ranked if s.candidate.tweet.id == tweet.id), None)
            if scored is None or not _weakly_supported(scored):
                continue
            match = TweetMatch(
                tweet=tweet,
                score=round(max((scored.fuzzy or 0) / 100, scored.embedding or 0), 4),
                fuzzy=scored.fuzzy,
                embedding=scored.embedding,
                margin=None,
                shared_anchors=scored.shared_anchors,
                segment=scored.segment,
                fragment=True,
            )
            reason = (
                f"{decision.reason}; joins the tweet of the adjacent fragment by the same "
                "speaker (one post quoted in pieces)"
            )
            result[i] = (finding, query, ranked, Decision(match, decision.method, reason), tr)
            break
    return result


def _speaker(finding: QuoteFinding) -> str | None:
    a = finding.attribution
    return (a.author_handle or a.speaker) if a else None


def _weakly_supported(scored: Scored) -> bool:
    return (scored.embedding or 0) >= SPLIT_EMBEDDING or (scored.fuzzy or 0) >= SPLIT_FUZZY
