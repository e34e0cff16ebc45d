"""The cross-version story check: where language versions of one story disagree on facts.

Given several versions of one story (the same report in Indonesian, German, French,
English…), align their sentences without translation: sentence embeddings (multilingual,
bundled), the sentence's place in its article and the anchors it holds (numbers with
their scale and currency, years, names). Sentences aligned across versions state the
same facts, so their anchors are compared: a count of 10 in one version and 10 000 in
another, a year given as 2019 and as 1, a sum of one billion and of 2019 billion, a name
swapped, an organisation called non-profit in one and for-profit in another (opposite
terms from the language tables). Claims on which all versions agree are summarized, not
listed; a number only one version gives is no disagreement (versions cut differently).
Numbers compare by value, never by spelling: "10,000", "10.000", "10 000" and "ten thousand" agree.

Pure: versions, their language tables and a sentence-embedding function come in; the
result is plain data that `story_report` turns into the `quotes.story/1` document.
"""

from __future__ import annotations

from quotes.story.check import (
    Claim,
    Embed,
    Mention,
    Sentence,
    StoryCheck,
    Version,
    align_sentences,
    claim_sentences,
    compare_versions,
    opposite_terms,
    version_of,
)
from quotes.story.render import STORY_SCHEMA, story_markdown, story_report, story_text
from quotes.text import sentence_spans

__all__ = [
    "STORY_SCHEMA",
    "Claim",
    "Embed",
    "Mention",
    "Sentence",
    "StoryCheck",
    "Version",
    "align_sentences",
    "claim_sentences",
    "compare_versions",
    "opposite_terms",
    "sentence_spans",
    "story_markdown",
    "story_report",
    "story_text",
    "version_of",
]
