"""The tables `quotes.nlp_light` builds its tokenizer from, read once from spaCy's full
language class (slow: seconds), and the factoring of a token-match pattern.

A token-match pattern such as French's is `(?iu)(?:^a…$)|(?:^b…$)|…`, 266 alternatives
that repeat the same few letter classes thousands of characters long; Python compiles
each repeat again. Alternatives with the same regex tokens after their literal head are
joined as `^(?:head1|head2|…)tail$`, and the rest (which differ in the middle) as
`^prefix(?:middle1|…)suffix$`: the same strings match, and the pattern compiles in a
fraction of the time. A build whose factored pattern disagrees with the original on the
language's own exception words and a set of probes keeps the original.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from quotes.nlp_light import import_spacy
from quotes.nlp_rules import RuleTokenizer

# One regex token: an escape, a class, a group (nested once), or one character; with its
# quantifier.
_TOKEN = re.compile(
    r"""(?:\\.|\[(?:\\.|[^\]\\])*\]|\((?:\\.|\[(?:\\.|[^\]\\])*\]|\((?:\\.|[^()\\])*\)|[^()\\])*\)|[^\\\[(])
        (?:[*+?]|\{\d*,?\d*\})?\??""",
    re.VERBOSE | re.DOTALL,
)
_BIG = 200  # a class longer than this counts as a letter class worth factoring out


def build_tables(code: str) -> dict[str, Any] | None:
    """The tokenizer tables of spaCy's blank pipeline for `code` (the multilingual one
    for a language spaCy has no rules for), or None if they cannot be read faithfully."""
    spacy = import_spacy()
    from spacy.attrs import IS_PUNCT, IS_SPACE
    from spacy.pipeline.sentencizer import Sentencizer
    from spacy.symbols import ORTH

    try:
        nlp = spacy.blank(code)
    except ImportError:
        nlp = spacy.blank("xx")
    overridden = {IS_PUNCT, IS_SPACE} & set(nlp.Defaults.lex_attr_getters)
    tok = nlp.tokenizer
    rules = {key: [piece[ORTH] for piece in pieces] for key, pieces in tok.rules.items()}
    if overridden:
        return None
    token_match = _pattern(tok.token_match)
    tables = {
        "lang": nlp.lang,
        "prefix": _pattern(tok.prefix_search),
        "suffix": _pattern(tok.suffix_search),
        "infix": _pattern(tok.infix_finditer),
        "token_match": _checked(token_match, rules) if token_match else None,
        "url_match": _pattern(tok.url_match),
        "faster_heuristics": bool(tok.faster_heuristics),
        "rules": rules,
        "punct_chars": sorted(Sentencizer.default_punct_chars),
    }
    tables["spanning"] = RuleTokenizer(tables).spanning_patterns()
    return tables


def _pattern(bound: Any) -> str | None:
    """The pattern of a compiled regex's bound method (`search`, `match`, `finditer`)."""
    if bound is None:
        return None
    compiled = getattr(bound, "__self__", None)
    if not isinstance(compiled, re.Pattern) or compiled.flags & ~(re.UNICODE | re.IGNORECASE):
        raise ValueError(f"not a plain compiled pattern: {bound!r}")
    inline = compiled.pattern.startswith("(?i")
    flags = "(?i)" if compiled.flags & re.IGNORECASE and not inline else ""
    return flags + str(compiled.pattern)


def _checked(pattern: str, rules: dict[str, list[str]]) -> str:
    """`pattern` factored if the factored form agrees with it on probes, else as is."""
    factored = factor(pattern)
    if factored == pattern:
        return pattern
    probes = _probes(pattern, rules)
    original, joined = re.compile(pattern), re.compile(factored)
    if all(bool(original.match(p)) == bool(joined.match(p)) for p in probes):
        return factored
    return pattern


def _probes(pattern: str, rules: dict[str, list[str]]) -> list[str]:
    """Strings to compare two patterns on: the exception keys, and words built from the
    literal parts of the pattern itself, joined by hyphens and apostrophes."""
    literals = set(re.findall(r"[^\W\d_]{2,}", re.sub(r"\[[^\]]*\]", " ", pattern)))
    joins = ["-", "'", "’", "–", ""]
    built = [f"{a}{j}{b}" for a in sorted(literals)[:400] for j in joins for b in ("x", "ab", "É")]
    return [*rules, *built, *(f"{w}-{w}" for w in sorted(literals)),
            *(f"ab-{w}-cd" for w in sorted(literals))]


def factor(pattern: str) -> str:
    """`pattern` with its top-level alternatives factored (see the module's docstring),
    or unchanged when it is not a list of `(?:^…$)` alternatives."""
    flags, body = re.match(r"(\(\?[a-z]+\))?(.*)", pattern, re.DOTALL).groups()  # type: ignore[union-attr]
    tokens = _tokens(body)
    if tokens is None:
        return pattern
    alternatives = _split_alternatives(tokens)
    inner = []
    for alt in alternatives:
        if not (len(alt) == 1 and alt[0].startswith("(?:^") and alt[0].endswith("$)")):
            return pattern
        parts = _tokens(alt[0][4:-2])
        if parts is None:
            return pattern
        inner.append(parts)
    return (flags or "") + "^(?:" + "|".join(_grouped(inner)) + ")$"


def _tokens(text: str) -> list[str] | None:
    tokens = []
    at = 0
    while at < len(text):
        m = _TOKEN.match(text, at)
        if m is None or m.end() == at:
            return None
        tokens.append(m.group())
        at = m.end()
    return tokens


def _split_alternatives(tokens: list[str]) -> list[list[str]]:
    alternatives: list[list[str]] = [[]]
    for token in tokens:
        if token == "|":
            alternatives.append([])
        else:
            alternatives[-1].append(token)
    return alternatives


def _grouped(alternatives: list[list[str]]) -> list[str]:
    """Alternatives with the same tail from their first big class joined on their heads;
    the others joined on their common prefix and suffix."""
    by_tail: dict[tuple[str, ...], list[str]] = defaultdict(list)
    rest: list[list[str]] = []
    for tokens in alternatives:
        first_big = next((i for i, t in enumerate(tokens) if len(t) > _BIG), None)
        if first_big is None or first_big == 0:
            rest.append(tokens)
        else:
            by_tail[tuple(tokens[first_big:])].append("".join(tokens[:first_big]))
    out = [f"(?:{'|'.join(heads)}){''.join(tail)}" for tail, heads in by_tail.items()]
    if rest:
        out.append(_around_middle(rest))
    return out


def _around_middle(alternatives: list[list[str]]) -> str:
    if len(alternatives) == 1:
        return "".join(alternatives[0])
    shortest = min(len(a) for a in alternatives)
    head = 0
    while head < shortest and len({a[head] for a in alternatives}) == 1:
        head += 1
    tail = 0
    while tail < shortest - head and len({a[len(a) - 1 - tail] for a in alternatives}) == 1:
        tail += 1
    prefix = "".join(alternatives[0][:head])
    suffix = "".join(alternatives[0][len(alternatives[0]) - tail:])
    middles = ["".join(a[head:len(a) - tail]) for a in alternatives]
    return f"{prefix}(?:{'|'.join(middles)}){suffix}"
