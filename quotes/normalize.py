"""Pure text normalizations shared by the stages and the store."""

from __future__ import annotations

import html
import re
import unicodedata

_QUOTE_FOLD = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'", "`": "'",
        "–": "-", "—": "-", "‒": "-", "−": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    }
)
SPACES = re.compile(r"\s+")
# A t.co short link: it changes with every copy of a tweet, so it identifies nothing.
TCO_LINK = re.compile(r"https?://t\.co/\w+")
# A tweet's attached photo or video as copied from an embed ("pic.twitter.com/C9U5NOtGap"):
# no words of the tweet, and never part of a quote of it.
MEDIA_LINK = re.compile(r"(?<![\w/.])(?:https?://)?pic\.(?:twitter|x)\.com/\w+")
# Any link, media links without their scheme included: words of no sentence ("https", "co").
LINK = re.compile(r"https?://\S+|" + MEDIA_LINK.pattern)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_typography(text: str) -> str:
    """Typographic quotes, dashes and special spaces to their plain ASCII forms."""
    return text.translate(_QUOTE_FOLD)


def alias_key(name: str) -> str:
    """Key under which a person's name or handle is looked up: "@ElonMusk" == "elonmusk"."""
    key = strip_accents(fold_typography(name)).casefold().strip().lstrip("@")
    return SPACES.sub(" ", key)


def text_key(text: str) -> str:
    """Key for deduplicating tweets that have no platform id.

    Same words in the same order after HTML unescaping, typography folding, case folding
    and whitespace collapsing; t.co short links are dropped since they change per copy.
    """
    text = TCO_LINK.sub(" ", html.unescape(text))
    text = unicodedata.normalize("NFKC", fold_typography(text)).casefold()
    return SPACES.sub(" ", text).strip()
