"""Language identification from the language tables (function words and letters).

Only the languages with a table can be told apart; that is all the pipeline needs, and a
new table makes its language known here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotes import lang
from quotes.lang import LanguageData
from quotes.text import words

# Below this many words a text says too little about its language on its own.
MIN_WORDS = 4
# Characters read when identifying a whole document: plenty, and keeps it fast.
DOCUMENT_SAMPLE = 20_000


def scores(text: str, languages: Sequence[LanguageData] | None = None) -> dict[str, float]:
    """Share of the words of `text` that are function words of each language, plus a small
    bonus for the language's own letters."""
    languages = languages or lang.all_languages()
    tokens = [t.lower for t in words(text)]
    if not tokens:
        return {ld.code: 0.0 for ld in languages}
    result = {}
    for ld in languages:
        hits = sum(1 for t in tokens if t in ld.stopwords)
        letters = sum(1 for ch in text if ld.letters and ch in ld.letters)
        result[ld.code] = (hits + 0.3 * letters) / len(tokens)
    return result


def identify(
    text: str,
    default: str | None = None,
    languages: Sequence[LanguageData] | None = None,
    *,
    min_words: int = MIN_WORDS,
) -> str | None:
    """The most likely language of `text`, or `default` when it is too short to tell or no
    language's function words occur in it."""
    if len(words(text)) < min_words:
        return default
    ranked = sorted(scores(text, languages).items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] == 0:
        return default
    best, best_score = ranked[0]
    # A default (the document's language) wins near-ties: short quotes share many words.
    if default is not None and best != default:
        default_score = dict(ranked).get(default, 0.0)
        if best_score - default_score < 0.08:
            return default
    return best


def identify_document(text: str, languages: Sequence[LanguageData] | None = None) -> str:
    """Language of a whole document; English when nothing can be told."""
    return identify(text[:DOCUMENT_SAMPLE], default=None, languages=languages) or "en"
