"""spaCy pipelines, loaded once per language at the edge and passed into the stages.

A trained pipeline (e.g. `de_core_news_sm`, or the multilingual `xx_ent_wiki_sm`) is used
when installed, for its sentence boundaries and person entities; trained pipelines cannot
be downloaded on every machine, so a blank pipeline with a rule-based sentencizer is the
fallback and everything works without one.
"""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

# Entity labels that name people across spaCy's trained pipelines.
PERSON_LABELS = frozenset({"PERSON", "PER"})


def trained_candidates(code: str) -> tuple[str, ...]:
    """spaCy's package names for a language, by its naming convention, best first."""
    return (f"{code}_core_news_sm", f"{code}_core_web_sm", f"{code}_core_news_md", "xx_ent_wiki_sm")


@cache
def load(code: str) -> Language:
    """A pipeline for `code`: the first trained one installed, else blank + sentencizer."""
    for name in trained_candidates(code):
        if spacy.util.is_package(name):
            nlp = spacy.load(name)
            if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
                nlp.add_pipe("sentencizer")
            log.info("spaCy: using trained pipeline %s for %s", name, code)
            return nlp
    try:
        nlp = spacy.blank(code)
    except ImportError:  # a language spaCy has no rules for: the multilingual tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def has_entities(nlp: Language) -> bool:
    return nlp.has_pipe("ner")
