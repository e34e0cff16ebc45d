"""Difference kinds of the compare stage, and which of them make a distortion."""

from __future__ import annotations

# Anchor kinds whose change is a distortion.
DISTORTING_ANCHORS = ("number", "year", "handle", "hashtag", "url")
# Difference kinds that make a distortion; the others ("hedge") a paraphrase.
DISTORTING_KINDS = frozenset({*DISTORTING_ANCHORS, "name", "negation", "quantifier",
                              "cut", "added"})
