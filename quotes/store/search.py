"""Full-text retrieval: a text's content words as the search index spells them, the
rarest of them within a postings budget, and the `TextSearch` interface each database's
index implements (`search_sqlite`: FTS5 and bm25; `search_postgres`: tsvector and
ts_rank)."""

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Protocol

from sqlalchemy.engine import Connection

from quotes import lang
from quotes.normalize import strip_accents

# Ranking cost grows with the postings (tweet, word) the query touches. The rarest words
# are kept until their document frequencies add up to this budget: they decide the
# ranking anyway, and a word in 5% of a million tweets would cost 50,000 postings.
POSTINGS_BUDGET = 5_000
# The speaker's own tweets are ranked with more words (commoner ones tell a speaker's
# tweets apart), within a larger budget: SQLite still ranks every posting of each word.
SPEAKER_POSTINGS_BUDGET = 40_000
MAX_QUERY_TERMS = 64

_TOKEN = re.compile(r"[^\W_]+")  # letters and digits: how FTS5's unicode61 splits text
_SCALED_NUMBER = re.compile(r"(\d+)(k|m|mn|b|bn|t|tn)")
# "100 million" in a back-translation is "$100M" in the tweet, and the other way round.
_SCALE_WORDS = {"thousand": "k", "million": "m", "billion": "b", "trillion": "t"}
_SCALE_SUFFIXES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion",
                   "bn": "billion", "t": "trillion", "tn": "trillion"}


class TextSearch(Protocol):
    """A database's full-text index over tweet.text."""

    # Does the index fold accents (then so must the query's words)?
    fold_accents: bool

    def doc_freqs(self, conn: Connection, terms: Sequence[str]) -> dict[str, float] | None:
        """How many tweets hold each term (None: not known)."""
        ...

    def ranked(
        self, conn: Connection, terms: Sequence[str], limit: int,
        author_ids: Sequence[int] = (),
    ) -> list[int]:
        """The ids of the best `limit` tweets holding any term, best first; only the
        given authors' when `author_ids`."""
        ...


@cache
def _stopwords() -> frozenset[str]:
    """English function words, with the pieces their apostrophes split into ("doesn")."""
    words = set(lang.get("en").stopwords)
    for word in list(words):
        words.update(_TOKEN.findall(word.replace("’", "'")))
    return frozenset(words)


def _scaled_forms(tokens: Sequence[str], i: int) -> list[str]:
    """The other spellings of the number at tokens[i]: "30b" → 30, billion; "100" before
    "million" → 100m, 100mn."""
    token = tokens[i]
    scaled = _SCALED_NUMBER.fullmatch(token)
    if scaled:
        return [scaled.group(1), _SCALE_SUFFIXES[scaled.group(2)]]
    if token.isdigit() and i + 1 < len(tokens) and tokens[i + 1] in _SCALE_WORDS:
        suffix = _SCALE_WORDS[tokens[i + 1]]
        return [token + suffix, f"{token}{suffix}n"] if suffix in ("m", "b", "t") else [
            token + suffix
        ]
    return []


def query_terms(text_: str, *, fold_accents: bool = True) -> list[str]:
    """The content words of an English text as the search index spells them: lowercase,
    accents folded (SQLite's index folds them; PostgreSQL's 'simple' does not), stopwords
    and single letters out, "100 million" also as "100m" and "$30B" also as "30 billion".
    Only letters and digits survive, so no word can be index query syntax."""
    lowered = text_.lower()
    tokens = _TOKEN.findall(strip_accents(lowered) if fold_accents else lowered)
    stop = _stopwords()
    terms: dict[str, None] = {}
    for i, token in enumerate(tokens):
        if token in stop or (len(token) == 1 and not token.isdigit()):
            continue
        terms[token] = None
        terms.update(dict.fromkeys(_scaled_forms(tokens, i)))
    return list(terms)[:MAX_QUERY_TERMS]


def choose_terms(
    terms: Sequence[str], doc_freqs: Mapping[str, float] | None,
    budget: float = POSTINGS_BUDGET,
) -> list[str]:
    """The rarest terms whose document frequencies fit the postings budget (at least one).

    Without frequencies (PostgreSQL before its first ANALYZE) every term is kept. Terms no
    tweet holds are left out: they cannot change the ranking.
    """
    if doc_freqs is None:
        return list(terms)
    present = sorted((t for t in terms if doc_freqs.get(t, 0) > 0), key=lambda t: doc_freqs[t])
    chosen: list[str] = []
    total = 0.0
    for term in present:
        if chosen and total + doc_freqs[term] > budget:
            break
        chosen.append(term)
        total += doc_freqs[term]
    return chosen
