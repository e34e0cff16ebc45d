"""The verifying half of the pipeline: the way from analysed articles to verdicts.

extract → attribute (`Analyzer`) → translate (`Translator`, optional) → match (archive
tweets, embeddings, anchors) → compare. The archive, translator and embedder are passed
in; the stages they feed stay pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

import numpy as np

from quotes import lang
from quotes.anchors import extract_anchors
from quotes.compare import ClauseSimilarities, clause_units, judge, run_texts, tweet_table
from quotes.decision import DecisionModel, shipped_model
from quotes.embed import Embedder
from quotes.match import (
    EMBEDDING_WITH_ANCHORS,
    FUZZY_MATCH,
    MT_CONFIRMS,
    UNSUPPORTED_SENTENCE,
    CandidateFeatures,
    QueryFeatures,
    Scored,
    decide,
    quote_sentences,
    rank,
    supported_part,
    tweet_excerpt,
)
from quotes.models import (
    Anchor,
    ArticleResult,
    CanonicalTweet,
    Decision,
    Document,
    DocumentAnalysis,
    QuoteFinding,
    QuoteResult,
    Translated,
    TweetMatch,
)
from quotes.pipeline.analyze import Analyzer
from quotes.pipeline.candidates import PUBLICATION_SLACK, CandidateSource, not_later
from quotes.pipeline.speakers import AttributionFinding, AttributionRow, check_attributions
from quotes.store import Archive
from quotes.threads import in_thread, joined, thread_neighbours, thread_parts

# A fragment right next to a matched one, by the same speaker, may join its tweet with
# weaker evidence: one post is often quoted as several fragments ("…", wrote X. "…").
SPLIT_EMBEDDING = EMBEDDING_WITH_ANCHORS
SPLIT_FUZZY = FUZZY_MATCH - 15


class BackTranslator(Protocol):
    """What verify needs of the translate stage."""

    def translate(self, items: Sequence[tuple[str, str]]) -> Sequence[Translated | None]: ...


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement quote to verify, with the article it is in."""

    source: str
    published: datetime | None
    finding: QuoteFinding


@dataclass(frozen=True, slots=True)
class MatchRow:
    """One quote on its way through matching: the ranked tweets and the decision."""

    finding: QuoteFinding
    query: QueryFeatures
    ranked: list[Scored]
    decision: Decision
    translated: Translated | None
    published: datetime | None = None  # the article's date, when known
    # A back-translation that did not confirm any tweet: shown, not used (see `_match`).
    unused_translation: Translated | None = None
    # The tweet the quote would match were tweets posted after the article allowed.
    later: TweetMatch | None = None


@dataclass(slots=True)
class Verifier:
    archive: Archive
    pipeline: Analyzer = field(default_factory=Analyzer)
    translator: BackTranslator | None = None
    embedder: Embedder | None = None
    model: DecisionModel | None = None  # the match decision; the shipped one by default
    _candidates: CandidateSource | None = None
    _fitting: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def decision_model(self) -> DecisionModel:
        return self.model or shipped_model()

    def verify(
        self,
        documents: Iterable[Document],
        *,
        progress: Callable[[str], None] | None = None,
    ) -> list[ArticleResult]:
        """Every statement quote of `documents` matched and judged, article by article."""
        analyses: list[DocumentAnalysis] = []
        statements: list[Statement] = []
        texts: dict[str, str] = {}
        for document in documents:
            analysis = self.pipeline.analyze(document)
            analyses.append(analysis)
            texts[analysis.source] = document.text
            statements += [Statement(analysis.source, document.published, f)
                           for f in analysis.findings
                           if f.quote.kind == "statement" and f.quote.depth == 0]
            if progress:
                progress(document.source)
        rows = [self._along_thread(r) for r in self._match_supported_parts(
            self._match(statements))]
        per_article: dict[str, list[MatchRow]] = {}
        for statement, row in zip(statements, rows, strict=True):
            per_article.setdefault(statement.source, []).append(row)
        joined = [_join_split_quotes(per_article.get(a.source, [])) for a in analyses]
        flat = [r for rows_ in joined for r in rows_]
        similarities = iter(self._clause_similarities(flat))
        speakers = iter(check_attributions(self.archive, [
            AttributionRow(r.finding, r.decision, r.published, texts[a.source])
            for a, rows_ in zip(analyses, joined, strict=True) for r in rows_]))
        model = self.decision_model
        return [
            ArticleResult(analysis, tuple(_judged(row, next(similarities), next(speakers),
                                                  model) for row in rows_))
            for analysis, rows_ in zip(analyses, joined, strict=True)
        ]

    def match_rows(self, documents: Iterable[Document]) -> list[list[MatchRow]]:
        """Per document, the match stage's rows of its statement quotes (the ranked
        candidates and the decision), before comparison: what `benchmarks/fit_decision.py`
        fits the decision model on."""
        statements: list[Statement] = []
        counts = []
        for document in documents:
            analysis = self.pipeline.analyze(document)
            found = [Statement(analysis.source, document.published, f)
                     for f in analysis.findings
                     if f.quote.kind == "statement" and f.quote.depth == 0]
            statements += found
            counts.append(len(found))
        rows = iter(self._match(statements))
        return [[next(rows) for _ in range(n)] for n in counts]

    def _match(self, statements: Sequence[Statement]) -> list[MatchRow]:
        """Each statement ranked against its candidate tweets, and the match decided.

        A back-translation is evidence only where it reads as a rendering of the tweet it
        matched (fuzzy ≥ MT_CONFIRMS): otherwise (a modest model's paraphrase, or a tweet
        in the quote's own language) the quote is matched and judged as without MT, so a
        translation model never makes a verdict worse than anchors and embeddings alone.
        """
        findings = [s.finding for s in statements]
        translated = self._translate(findings)
        vectors = self._embed_quotes(findings)
        sentences = [tuple(quote_sentences(f.quote.text, lang.get_or_english(f.quote.language)))
                     for f in findings]
        sentence_vectors = self._embed_sentences(sentences)
        features = list(zip(statements, vectors, sentences, sentence_vectors, strict=True))
        rows = self._rows(features, translated)
        redo = [i for i, row in enumerate(rows) if row.translated and not _mt_confirms(row)]
        plain = self._rows([features[i] for i in redo], [None] * len(redo))
        for i, row in zip(redo, plain, strict=True):
            rows[i] = replace(row, unused_translation=rows[i].translated)
        return rows

    def _rows(self, features: Sequence[tuple[Statement, np.ndarray | None, tuple[str, ...],
                                             np.ndarray | None]],
              translated: Sequence[Translated | None]) -> list[MatchRow]:
        per_quote = self.candidates.for_quotes([f[0].finding for f in features], translated,
                                               [f[1] for f in features])
        rows = []
        for (statement, vector, sents, sent_vectors), tr, candidates in zip(
            features, translated, per_quote, strict=True
        ):
            query = _query(statement.finding, tr, vector, sents, sent_vectors,
                           statement.published, self._fitting_speakers(statement.finding))
            model = self.decision_model
            earlier = not_later(candidates, statement.published)
            ranked = rank(query, earlier, model)
            decision = decide(query, ranked, model)
            later = (_later_match(query, candidates, model)
                     if decision.match is None and len(earlier) < len(candidates) else None)
            rows.append(MatchRow(statement.finding, query, ranked, decision, tr,
                                 statement.published, later=later))
        return rows

    def _fitting_speakers(self, finding: QuoteFinding) -> tuple[str, ...]:
        """The archive authors a speaker's name may refer to, where it names none alone."""
        attribution = finding.attribution
        if attribution is None or attribution.author_handle or not attribution.speaker:
            return ()
        name = attribution.speaker
        if name not in self._fitting:
            self._fitting[name] = self.archive.fitting_authors(name)
        return self._fitting[name]

    @property
    def candidates(self) -> CandidateSource:
        if self._candidates is None:
            self._candidates = CandidateSource(self.archive, self.embedder)
        return self._candidates

    def _match_supported_parts(self, rows: list[MatchRow]) -> list[MatchRow]:
        """A quote that matched no tweet although some of its sentences have no counterpart
        in the closest one (an added sentence drags the whole quote's similarity down) is
        matched again on the rest. When the rest matches that same tweet, the match stands:
        the sentences left out are reported as added (`Decision.unsupported`)."""
        retry = [
            (i, part) for i, row in enumerate(rows)
            if row.decision.match is None and row.ranked and row.translated is None
            and (part := supported_part(row.query, row.ranked[0])) is not None
        ]
        if not retry or self.embedder is None:
            return rows
        vectors = self.embedder.embed_queries([part for _, part in retry])
        result = list(rows)
        for (i, part), vector in zip(retry, vectors, strict=True):
            row = rows[i]
            closest = row.ranked[0]
            narrowed = replace(row.query, text=part, vector=vector,
                               anchors=_anchors(part, row.query.language), sentences=(),
                               sentence_vectors=None)
            model = self.decision_model
            again = decide(narrowed, rank(narrowed, [s.candidate for s in row.ranked], model),
                           model)
            if again.match is None or again.match.tweet.id != closest.candidate.tweet.id:
                continue
            reason = (f"{again.reason}, on the quote without the sentence(s) the tweet "
                      "lacks")
            result[i] = replace(
                row, decision=replace(again, reason=reason, unsupported=closest.unsupported)
            )
        return result

    def _along_thread(self, row: MatchRow) -> MatchRow:
        """A quote that runs on from its tweet into the author's previous or next post of a
        thread ("...." or "(1/2)" at the seam): the sentences the tweet lacks are looked
        for in those posts, and where one renders them the quote is compared with the
        posts together. A thread is no added text."""
        neighbours = self._thread_neighbours(row)
        decision, query = row.decision, row.query
        if neighbours is None or decision.match is None or query.sentence_vectors is None:
            return row
        before, after = neighbours
        match = decision.match
        tweet = match.tweet
        lacking = {s for s, _ in decision.unsupported}
        rows_of = [i for i, s in enumerate(query.sentences) if s in lacking]
        vectors = query.sentence_vectors[rows_of]
        features = self.candidates.features_of([*before, *after])
        parts, found = thread_parts(
            tweet, vectors, [(t, features[t.id].segment_vectors) for t in before],
            [(t, features[t.id].segment_vectors) for t in after], UNSUPPORTED_SENTENCE)
        if len(parts) == 1:
            return row
        rendered = {query.sentences[rows_of[i]] for i in found}
        reason = (f"{decision.reason}; the quote runs on into the author's "
                  f"{'previous' if parts[0] is not tweet else 'next'} post of a thread")
        joined_match = replace(match, tweet=joined(parts, tweet), fragment=True)
        return replace(row, decision=replace(
            decision, match=joined_match, reason=reason,
            unsupported=tuple(u for u in decision.unsupported if u[0] not in rendered)))

    def _thread_neighbours(
        self, row: MatchRow
    ) -> tuple[list[CanonicalTweet], list[CanonicalTweet]] | None:
        """The posts of the matched tweet's thread just before and after it, for a quote
        with sentences the tweet lacks; None where there is no such thread to look in."""
        decision = row.decision
        match = decision.match
        if (match is None or not decision.unsupported or row.query.sentence_vectors is None
                or match.tweet.created_at is None or not in_thread(match.tweet)):
            return None
        tweet = match.tweet
        mates = [t.canonical() for t in self.archive.posted_near(tweet.author_handle,
                                                                 match.tweet.created_at)]
        before, after = thread_neighbours(tweet, mates)
        return (before, after) if before or after else None

    def _clause_similarities(self, rows: Sequence[MatchRow]) -> list[ClauseSimilarities | None]:
        """Clause-run similarities between each matched quote and its tweet (English quotes
        are compared word by word; see `_clause_pair`).
        One batch of embeddings for all of them; a text embedded once."""
        if self.embedder is None:
            return [None] * len(rows)
        wanted = [_clause_pair(row) for row in rows]
        texts = list(dict.fromkeys(
            t for pair in wanted if pair for units in pair for t in run_texts(units)
        ))
        if not texts:
            return [None] * len(rows)
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


def _query(
    finding: QuoteFinding,
    translated: Translated | None,
    vector: np.ndarray | None,
    sentences: tuple[str, ...],
    sentence_vectors: np.ndarray | None,
    published: datetime | None = None,
    speaker_handles: tuple[str, ...] = (),
) -> QueryFeatures:
    quote = finding.quote
    return QueryFeatures(
        text=quote.text,
        language=quote.language,
        back_translation=translated.text if translated else None,
        vector=vector,
        anchors=_anchors(quote.text, quote.language),
        speaker_handle=finding.attribution.author_handle if finding.attribution else None,
        speaker_name=finding.attribution.speaker if finding.attribution else None,
        speaker_handles=speaker_handles,
        sentences=sentences,
        sentence_vectors=sentence_vectors,
        published=published,
    )


def _later_match(query: QueryFeatures, candidates: Sequence[CandidateFeatures],
                 model: DecisionModel) -> TweetMatch | None:
    """The tweet a quote matches among all candidates, when it was posted after the
    article (the article cannot quote it: the words came later, or the date is wrong)."""
    match = decide(query, rank(query, candidates, model), model).match
    published = query.published
    if match is None or published is None or match.tweet.created_at is None:
        return None
    limit = published.replace(tzinfo=None) + PUBLICATION_SLACK
    return match if match.tweet.created_at.replace(tzinfo=None) > limit else None


def _later_note(row: MatchRow) -> str | None:
    later, published = row.later, row.published
    if later is None or published is None or later.tweet.created_at is None:
        return None
    return (f"@{later.tweet.author_handle} posted this on "
            f"{later.tweet.created_at.date().isoformat()} ('{tweet_excerpt(later.tweet.text)}'),"
            " after the article's "
            f"date {published.date().isoformat()}: not a source it can quote")


def _mt_confirms(row: MatchRow) -> bool:
    match = row.decision.match
    return match is not None and (match.fuzzy or 0) >= MT_CONFIRMS


def _judged(row: MatchRow, similarities: ClauseSimilarities | None,
            speaker: AttributionFinding, model: DecisionModel) -> QuoteResult:
    finding = row.finding
    verdict = judge(finding.quote, finding.attribution, row.translated, row.decision,
                    row.query.anchors, similarities, speaker.speaker)
    evidence = row.decision.evidence
    if evidence is not None:
        # The confidence is the probability that this verdict is right: the source
        # probability, recalibrated for the label on the tuning cases.
        verdict = replace(verdict, evidence=evidence,
                          confidence=model.confidence(verdict.label, evidence.probability))
    notes = verdict.notes
    if speaker.unmatched_note is not None and verdict.label == "unmatched":
        notes = (*notes, speaker.unmatched_note)
    later = _later_note(row) if verdict.label == "unmatched" else None
    if later is not None:
        notes = (*notes, later)
    if row.unused_translation is not None:
        notes = (*notes, f"back-translation not used: it renders no tweet closely (fuzzy < "
                         f"{MT_CONFIRMS:.0f}), so judged without MT")
    if notes != verdict.notes:
        verdict = replace(verdict, notes=notes)
    return QuoteResult(finding, row.translated or row.unused_translation, verdict)


def _clause_pair(row: MatchRow) -> tuple[list[str], list[str]] | None:
    """The clause units of a matched quote and of its tweet, each cut with its own
    language's table, when the quote is compared clause by clause (more than one clause,
    not an English quote of an English tweet, whose words are compared): without a
    back-translation they are the clause check, with one they confirm what its words
    show."""
    quote, match = row.finding.quote, row.decision.match
    if match is None:
        return None
    tweet_language = tweet_table(match.tweet.text)
    if quote.language == "en" == tweet_language.code:
        return None
    quote_units = clause_units(quote.text, lang.get_or_english(quote.language))
    tweet_units = clause_units(match.tweet.text, tweet_language)
    return (quote_units, tweet_units) if len(quote_units) > 1 else None


def _anchors(text: str, language: str) -> list[Anchor]:
    return extract_anchors(text, lang.get_or_english(language))


def _join_split_quotes(rows: list[MatchRow]) -> list[MatchRow]:
    """An unmatched fragment next to a matched one by the same speaker joins its tweet
    when the evidence for that tweet is merely weaker, not absent."""
    result = list(rows)
    for i, row in enumerate(rows):
        if row.decision.match is not None:
            continue
        for j in (i - 1, i + 1):
            joined = _joined(row, rows[j]) if 0 <= j < len(rows) else None
            if joined is not None:
                result[i] = joined
                break
    return result


def _joined(row: MatchRow, neighbour: MatchRow) -> MatchRow | None:
    """`row` matched to the tweet of the adjacent `neighbour`, if that is warranted."""
    match = neighbour.decision.match
    if match is None:
        return None
    speaker = _speaker(row.finding)
    if speaker is None or speaker != _speaker(neighbour.finding):
        return None
    tweet = match.tweet
    if not _may_be_by(row.query, tweet.author_handle):
        return None  # the neighbour's tweet is another person's: nothing to spread
    scored = next((s for s in row.ranked if s.candidate.tweet.id == tweet.id), None)
    if scored is None or not _weakly_supported(scored):
        return None
    fragment = TweetMatch(
        tweet=tweet,
        score=round(max((scored.fuzzy or 0) / 100, scored.embedding or 0), 4),
        fuzzy=scored.fuzzy,
        embedding=scored.embedding,
        margin=None,
        shared_anchors=scored.shared_anchors,
        segment=scored.segment,
        fragment=True,
    )
    # The join first: the reason of the fragment alone names another, closer tweet.
    reason = (
        f"joins @{tweet.author_handle}'s tweet, matched by the adjacent fragment of the same "
        f"speaker (one post quoted in pieces); alone, {row.decision.reason}"
    )
    return replace(row, decision=Decision(fragment, row.decision.method, reason,
                                          evidence=row.decision.evidence))


def _may_be_by(query: QueryFeatures, handle: str) -> bool:
    """Can the tweet's author be the speaker the article names, as far as the archive tells
    (the author it resolves to, or one of those the name fits)?"""
    named = {h.casefold() for h in (query.speaker_handle, *query.speaker_handles) if h}
    return handle.casefold() in named


def _speaker(finding: QuoteFinding) -> str | None:
    a = finding.attribution
    return (a.author_handle or a.speaker) if a else None


def _weakly_supported(scored: Scored) -> bool:
    return (scored.embedding or 0) >= SPLIT_EMBEDDING or (scored.fuzzy or 0) >= SPLIT_FUZZY
