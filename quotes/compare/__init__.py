"""The compare stage: a verdict for each statement, with its evidence.

`verbatim` (same language, same words), `faithful` (a translation keeping every anchor
and the sense), `paraphrase` (same claim, looser words: a hedge dropped, a clause
reworded), `distortion` (a number, scale, year, name, handle or negation changed, or a
clause cut or added), `misattributed` (the words are another person's tweet) or
`unmatched` (nothing in the archive is close enough). Pure: it reads the quote, its
attribution, back-translation, match decision and anchors, and returns a `Verdict`.

Every `Difference` names where its evidence came from:

* `anchors`: numbers, names, handles of the quote's own text (read with its language's
  table) against the tweet's; they need no translation (`anchor_differences`);
* `source-language`: negations and hedges of the quote's own sentences, read with its
  language's table, against the tweet's sentences (an English quote is its own source;
  `negation`);
* `back-translation`: the English back-translation against the tweet, word by word
  (`clause_words`); a difference seen only there is checked against the quote's own
  anchors and negations first, so a translation model's mistake is not called a
  distortion;
* `attribution`: the speaker the article names against the tweet's author (`verdict`);
* `embedding`: without a back-translation, clauses and sentences of the quote that no
  part of the tweet is close to (added), and clauses of the tweet between those the quote
  renders that no part of the quote is close to (cut), by the bundled sentence embedder
  (`clause_embeddings`); a clause reworded in place is not seen this way.

Where the quote sits in its tweet is `alignment`; name spellings across languages are
`names`; the verdict itself is `verdict`. This package re-exports what callers use.
"""

from __future__ import annotations

from quotes.compare.alignment import Alignment, Sides, align, renders_whole, tweet_table
from quotes.compare.anchor_differences import hedge_differences, hedges_in
from quotes.compare.clause_embeddings import (
    CLAUSE_RUN,
    ClauseGap,
    ClauseSimilarities,
    clause_gaps,
    clause_runs,
    embedding_differences,
    reworded_additions,
    reworded_cuts,
    run_texts,
    unpaired_negations,
)
from quotes.compare.clause_words import CLAUSE_WORDS, content_differences, substantive
from quotes.compare.kinds import DISTORTING_ANCHORS, DISTORTING_KINDS
from quotes.compare.names import fold_name, is_role_or_title, same_name
from quotes.compare.negation import implicitly_negated, negated, polarity_differences
from quotes.compare.verdict import (
    EMBEDDED_CLAUSE_CHECK,
    EMBEDDING_ANCHORED_FAITHFUL,
    EMBEDDING_FAITHFUL,
    NO_CLAUSE_CHECK,
    find_differences,
    judge,
)
from quotes.text import clause_units, clauses, loose_sentences

__all__ = [
    "CLAUSE_RUN",
    "CLAUSE_WORDS",
    "DISTORTING_ANCHORS",
    "DISTORTING_KINDS",
    "EMBEDDED_CLAUSE_CHECK",
    "EMBEDDING_ANCHORED_FAITHFUL",
    "EMBEDDING_FAITHFUL",
    "NO_CLAUSE_CHECK",
    "Alignment",
    "ClauseGap",
    "ClauseSimilarities",
    "Sides",
    "align",
    "clause_gaps",
    "clause_runs",
    "clause_units",
    "clauses",
    "content_differences",
    "embedding_differences",
    "find_differences",
    "fold_name",
    "hedge_differences",
    "hedges_in",
    "implicitly_negated",
    "is_role_or_title",
    "judge",
    "loose_sentences",
    "negated",
    "polarity_differences",
    "renders_whole",
    "reworded_additions",
    "reworded_cuts",
    "run_texts",
    "same_name",
    "substantive",
    "tweet_table",
    "unpaired_negations",
]
