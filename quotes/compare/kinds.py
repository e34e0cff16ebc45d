"""Difference kinds of the compare stage, and which of them make a distortion."""

from __future__ import annotations

# Anchor kinds whose change is a distortion.
DISTORTING_ANCHORS = ("number", "year", "handle", "hashtag", "url")
# Difference kinds that make a distortion; the others ("hedge") a paraphrase.
# "opinion": an opinion marker of the tweet ("imo") the quote drops, stating a view as fact;
# "condition": the condition of the sentence a partial quote renders ("unless we stop …");
# "quantifier": "most" rendered "many" (compare/quantifiers.py).
DISTORTING_KINDS = frozenset({*DISTORTING_ANCHORS, "name", "negation", "cut", "added",
                              "opinion", "condition", "quantifier"})
# A name of the tweet that the quote renders with a common word or leaves out, with no
# other name in its place: noted, neither a distortion nor a rewording.
OMITTED_NAME = "omitted_name"
# Differences that are reported but do not change the verdict.
NOTED_KINDS = frozenset({OMITTED_NAME})
