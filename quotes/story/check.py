"""The cross-version story check itself: versions' sentences aligned without translation
and the claims they make, diverging or not (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from quotes import lang
from quotes.anchors import compare_anchors, extract_anchors, same_number
from quotes.compare import same_name
from quotes.lang import LanguageData
from quotes.models import Anchor, DocumentAnalysis
from quotes.text import LETTER_WORD, sentence_spans

# Two sentences of different versions state the same thing when their alignment score
# (cosine of their embeddings, plus ANCHOR_BONUS per anchor they share, minus
# POSITION_PENALTY times the distance of their relative places in their articles) is at
# least ALIGN_SCORE and each is the other's best partner. On the seed story translations
# score 0.86-0.95 against each other and 0.80-0.84 against other sentences of the article.
ALIGN_SCORE = 0.85
ANCHOR_BONUS = 0.02
POSITION_PENALTY = 0.15
# A name swap needs a surer alignment: a loosely aligned pair of sentences names
# different things without contradicting each other.
NAME_ALIGN_SCORE = 0.88
NAME_MARGIN = 0.03
# An aligned pair leading both sentences' next-best partners by this much is sure enough
# for its numbers to disagree without another shared anchor.
SURE_MARGIN = 0.015
# Numbers of different versions followed by the same word ("10 GPU", "10.000 GPU") in
# sentences at least this similar state the same thing even where the sentences are not
# each other's best partners (one version tells it in another paragraph).
CONTEXT_SCORE = 0.80
# Sentences shorter than this many words and without anchors are navigation, bylines or
# comment-section furniture, not claims.
MIN_WORDS = 4

_ANCHORED = ("number", "year")
_LONGER = r"[^\W_]*"  # the rest of a word
_WHOLE = r"(?![^\W_])"  # the end of a word


@dataclass(frozen=True, slots=True)
class Version:
    """One language version of the story."""

    source: str
    text: str
    table: LanguageData
    quote_spans: tuple[tuple[int, int], ...] = ()  # where the article quotes someone


@dataclass(frozen=True, slots=True)
class Sentence:
    version: int  # index into the versions
    index: int  # position among the version's claim sentences
    start: int
    end: int
    text: str
    numbers: tuple[Anchor, ...]  # numbers and years, offsets into `text`
    names: tuple[Anchor, ...]
    position: float  # 0 at the article's start, 1 at its end
    in_quote: bool
    # Poles of the language table's opposites ("non-profit"), value "axis=pole".
    terms: tuple[Anchor, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One version's value of a claim."""

    version: int
    sentence: Sentence
    anchor: Anchor


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact several versions state: the same number, year or name in aligned sentences."""

    kind: str  # "number", "year", "name" or "term"
    mentions: tuple[Mention, ...]
    diverges: bool

    def values(self) -> dict[int, list[str]]:
        """Per version, the value(s) it gives."""
        out: dict[int, list[str]] = {}
        for m in self.mentions:
            shown = shown_value(m.anchor)
            if shown not in out.setdefault(m.version, []):
                out[m.version].append(shown)
        return out


@dataclass(frozen=True, slots=True)
class StoryCheck:
    versions: tuple[Version, ...]
    sentences: tuple[Sentence, ...]
    aligned: tuple[tuple[int, int, float, float], ...]  # (sentence, sentence, score, margin)
    claims: tuple[Claim, ...] = field(default=())

    @property
    def divergences(self) -> list[Claim]:
        return [c for c in self.claims if c.diverges]

    @property
    def agreements(self) -> list[Claim]:
        return [c for c in self.claims if not c.diverges]


Embed = Callable[[Sequence[str]], np.ndarray]


# --- sentences (split by `quotes.splitting.sentence_spans`) ----------------------------


def claim_sentences(versions: Sequence[Version]) -> list[Sentence]:
    """The sentences of every version that can carry a claim, with their anchors."""
    result: list[Sentence] = []
    for v, version in enumerate(versions):
        spans = sentence_spans(version.text)
        kept = []
        for start, end in spans:
            text = version.text[start:end]
            anchors = extract_anchors(text, version.table)
            numbers = tuple(a for a in anchors if a.kind in _ANCHORED)
            if len(LETTER_WORD.findall(text)) < MIN_WORDS and not numbers:
                continue
            names = tuple(a for a in anchors if a.kind == "name")
            kept.append((start, end, text, numbers, names))
        for i, (start, end, text, numbers, names) in enumerate(kept):
            in_quote = any(s < end and start < e for s, e in version.quote_spans)
            result.append(Sentence(v, i, start, end, text, numbers, names,
                                   i / max(1, len(kept) - 1), in_quote,
                                   tuple(opposite_terms(text, version.table))))
    return result


def opposite_terms(text: str, table: LanguageData) -> list[Anchor]:
    """The poles of the table's opposites `text` states ("gemeinnützigen" → profit =
    non-profit), as term anchors; where forms overlap the longest counts ("not for
    profit" is no "for profit")."""
    pattern, poles = _terms_pattern(table)
    if pattern is None:
        return []
    return [
        Anchor("term", poles[m.lastgroup], m.group(), m.start(), m.end())
        for m in pattern.finditer(text) if m.lastgroup is not None
    ]


def _terms_pattern(table: LanguageData) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    cached = _TERM_PATTERNS.get(id(table))
    if cached is None or cached[0] is not table:  # tables hold dicts: not hashable
        cached = _TERM_PATTERNS[id(table)] = (table, *_build_terms_pattern(table))
    return cached[1], cached[2]


_TERM_PATTERNS: dict[int, tuple[LanguageData, re.Pattern[str] | None, dict[str, str]]] = {}


def _build_terms_pattern(table: LanguageData) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    forms = sorted(
        ((form, f"{axis}={pole}") for axis, by_pole in table.opposites.items()
         for pole, pole_forms in by_pole.items() for form in pole_forms),
        key=lambda item: -len(item[0]),
    )
    if not forms:
        return None, {}
    poles = {f"t{n}": pole for n, (_, pole) in enumerate(forms)}
    # Long forms take inflections and compounds ("gemeinnützigen"); short ones must be
    # whole words ("legal" in "illegal" is no match either way: it must start a word).
    alternatives = [
        f"(?P<t{n}>{re.escape(form)}{_LONGER if len(form) >= 5 else _WHOLE})"
        for n, (form, _) in enumerate(forms)
    ]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")", re.IGNORECASE), poles


# --- alignment -------------------------------------------------------------------------


def align_sentences(
    sentences: Sequence[Sentence], vectors: np.ndarray
) -> list[tuple[int, int, float, float]]:
    """Pairs of sentences of different versions that state the same thing: each the
    other's best partner in that version, scoring at least ALIGN_SCORE; with the score
    and the margin by which the pair leads both sentences' next-best partners."""
    by_version: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_version.setdefault(s.version, []).append(i)
    similarity = vectors @ vectors.T
    names_shared = _names_shared(sentences)
    pairs = []
    versions = sorted(by_version)
    for x, a in enumerate(versions):
        for b in versions[x + 1 :]:
            rows, cols = by_version[a], by_version[b]
            scores = _scores(sentences, rows, cols, similarity, names_shared)
            if scores.size == 0:
                continue
            best_col = scores.argmax(axis=1)
            best_row = scores.argmax(axis=0)
            for r, c in enumerate(best_col):
                if best_row[c] == r and scores[r, c] >= ALIGN_SCORE:
                    pairs.append((rows[r], cols[c], float(scores[r, c]),
                                  _margin(scores, r, int(c))))
    return pairs


def _margin(scores: np.ndarray, r: int, c: int) -> float:
    """How far a pair leads the next-best partner of either sentence."""
    rivals = [*np.delete(scores[r], c), *np.delete(scores[:, c], r)]
    return float(scores[r, c] - max(rivals)) if rivals else 1.0


def _scores(
    sentences: Sequence[Sentence],
    rows: list[int],
    cols: list[int],
    similarity: np.ndarray,
    names_shared: np.ndarray,
) -> np.ndarray:
    """Alignment scores of every (row, col) pair: cosine, plus the bonus for anchors they
    share, minus the penalty for their distance in place."""
    where = np.array([sentences[i].position for i in rows], dtype=np.float64)
    there = np.array([sentences[j].position for j in cols], dtype=np.float64)
    shared = names_shared[np.ix_(rows, cols)].astype(np.float64)
    for r, i in enumerate(rows):
        if sentences[i].numbers:  # most sentences have none: compare only where both do
            for c, j in enumerate(cols):
                if sentences[j].numbers:
                    numbers = sentences[i].numbers, sentences[j].numbers
                    shared[r, c] += len(compare_anchors(*numbers).shared)
    return (similarity[np.ix_(rows, cols)] + ANCHOR_BONUS * np.minimum(shared, 3)
            - POSITION_PENALTY * np.abs(where[:, None] - there[None, :]))


def _names_shared(sentences: Sequence[Sentence]) -> np.ndarray:
    """For every two sentences, how many names of the first the second also names (under
    any spelling `same_name` accepts): each distinct pair of names is compared once."""
    distinct = list(dict.fromkeys(n.text for s in sentences for n in s.names))
    if not distinct:
        return np.zeros((len(sentences), len(sentences)))
    column = {name: k for k, name in enumerate(distinct)}
    holds = np.zeros((len(sentences), len(distinct)))  # sentence × name, with repeats
    for i, s in enumerate(sentences):
        for n in s.names:
            holds[i, column[n.text]] += 1
    same = np.array([[same_name(x, y) for y in distinct] for x in distinct], dtype=np.float64)
    # names_of_b_matching[j, n]: sentence j names something that is the same as name n.
    names_of_b_matching = (holds @ same.T) > 0
    return holds @ names_of_b_matching.T.astype(np.float64)


# --- claims ----------------------------------------------------------------------------


def compare_versions(versions: Sequence[Version], embed: Embed) -> StoryCheck:
    """Align the versions' sentences and list the claims they make, diverging or not."""
    sentences = claim_sentences(versions)
    if not sentences:
        return StoryCheck(tuple(versions), (), ())
    vectors = np.asarray(embed([s.text for s in sentences]), dtype=np.float32)
    aligned = align_sentences(sentences, vectors)
    claims = _claims(sentences, aligned, vectors @ vectors.T, [v.text for v in versions])
    return StoryCheck(tuple(versions), tuple(sentences), tuple(aligned), tuple(claims))


# A node of the claim graph: (sentence, anchor slot), slots counting the sentence's
# numbers, then names, then terms (see `_anchor_at`).
Node = tuple[int, int]
Link = tuple[Node, Node, bool]  # two nodes, and whether their values differ


class _ClaimGraph:
    """Anchors linked across sentences, grouped by union-find, with the links that
    disagree."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}
        self.disagreeing: set[tuple[Node, Node]] = set()

    def find(self, x: Node) -> Node:
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link(self, x: Node, y: Node, *, differ: bool) -> None:
        self.parent[self.find(x)] = self.find(y)
        if differ:
            self.disagreeing.add((x, y))

    def groups(self) -> dict[Node, list[Node]]:
        found: dict[Node, list[Node]] = {}
        for node in list(self.parent):
            found.setdefault(self.find(node), []).append(node)
        return found


@dataclass(frozen=True, slots=True)
class _AlignedPair:
    """What the link rules read: two aligned sentences, how well and how surely they
    align, and every version's text."""

    a: Sentence
    b: Sentence
    i: int  # index of `a` among all sentences
    j: int
    score: float
    margin: float
    texts: Sequence[str]

    @property
    def sure(self) -> bool:
        """A pair that barely beats other partners may be two different sentences on one
        topic: its numbers can agree, but disagree only if something else corroborates
        the pairing (another anchor or name both share)."""
        return self.margin >= SURE_MARGIN or _corroborated(self.a, self.b)


def _number_links(pair: _AlignedPair) -> Iterator[Link]:
    sure = pair.sure
    for (a, b), differ in _linked_numbers(pair.a, pair.b):
        if sure or not differ:
            yield (pair.i, a), (pair.j, b), differ


def _name_links(pair: _AlignedPair) -> Iterator[Link]:
    if pair.score < NAME_ALIGN_SCORE or pair.margin < NAME_MARGIN:
        return
    for a, b in _swapped_names(pair.a, pair.b, pair.texts):
        yield (pair.i, len(pair.a.numbers) + a), (pair.j, len(pair.b.numbers) + b), True


def _term_links(pair: _AlignedPair) -> Iterator[Link]:
    if not pair.sure:
        return
    for (a, b), differ in _linked_terms(pair.a, pair.b):
        yield (pair.i, _term_slot(pair.a, a)), (pair.j, _term_slot(pair.b, b)), differ


# The links each aligned pair of sentences makes, in this order.
PAIR_RULES: tuple[Callable[[_AlignedPair], Iterator[Link]], ...] = (
    _number_links, _name_links, _term_links,
)


def _claims(
    sentences: Sequence[Sentence],
    aligned: Sequence[tuple[int, int, float, float]],
    similarity: np.ndarray,
    texts: Sequence[str],
) -> list[Claim]:
    """Anchors linked across aligned sentences (the same value, or the only two values of
    one kind left once equal ones are paired) grouped into claims."""
    graph = _ClaimGraph()
    for i, j, score, margin in aligned:
        pair = _AlignedPair(sentences[i], sentences[j], i, j, score, margin, texts)
        for rule in PAIR_RULES:
            for x, y, differ in rule(pair):
                graph.link(x, y, differ=differ)
    for x, y, differ in _context_links(sentences, similarity):
        if graph.find(x) != graph.find(y):
            graph.link(x, y, differ=differ)
    groups = graph.groups()
    differing_roots = {graph.find(x) for x, _ in graph.disagreeing}
    claims = [
        claim for root, nodes in groups.items()
        if (claim := _claim(sentences, nodes, differing=root in differing_roots)) is not None
    ]
    claims.sort(key=lambda c: (not c.diverges, c.mentions[0].sentence.position))
    return claims


def _claim(sentences: Sequence[Sentence], nodes: Sequence[Node], *, differing: bool
           ) -> Claim | None:
    """The claim of one group of linked anchors, when at least two versions state it."""
    mentions = tuple(sorted(
        (Mention(sentences[i].version, sentences[i], _anchor_at(sentences[i], k))
         for i, k in nodes),
        key=lambda m: (m.version, m.sentence.start),
    ))
    if len({m.version for m in mentions}) < 2:
        return None
    kind = mentions[0].anchor.kind if mentions[0].anchor.kind in ("name", "term") else (
        "year" if all(m.anchor.kind == "year" for m in mentions) else "number")
    return Claim(kind, mentions, differing and _really_differ(mentions))


def _corroborated(a: Sentence, b: Sentence) -> bool:
    if compare_anchors(a.numbers, b.numbers).shared:
        return True
    return any(_name_in(n.text, b.text) for n in a.names if len(n.text) >= 3)


def _anchor_at(sentence: Sentence, k: int) -> Anchor:
    """A sentence's k-th anchor, counting its numbers, then names, then terms."""
    return (*sentence.numbers, *sentence.names, *sentence.terms)[k]


def _term_slot(sentence: Sentence, k: int) -> int:
    return len(sentence.numbers) + len(sentence.names) + k


def _linked_terms(a: Sentence, b: Sentence) -> list[tuple[tuple[int, int], bool]]:
    """Per axis of opposites on which each sentence states one pole only: its first
    mention in each, and whether the poles differ (a sentence stating both poles, "a
    non-profit became a for-profit", contradicts nothing)."""
    links = []
    for axis in sorted({_axis(t) for t in a.terms} & {_axis(t) for t in b.terms}):
        in_a = [k for k, t in enumerate(a.terms) if _axis(t) == axis]
        in_b = [k for k, t in enumerate(b.terms) if _axis(t) == axis]
        poles_a = {a.terms[k].value for k in in_a}
        poles_b = {b.terms[k].value for k in in_b}
        if len(poles_a) == 1 and len(poles_b) == 1:
            links.append(((in_a[0], in_b[0]), poles_a != poles_b))
    return links


def _axis(term: Anchor) -> str:
    return str(term.value).partition("=")[0]


def _linked_numbers(a: Sentence, b: Sentence) -> list[tuple[tuple[int, int], bool]]:
    """Number links between two aligned sentences: ((index in a, index in b), differ).
    Equal values link as agreeing; then, per kind and unit, numbers left over on both
    sides pair in order as disagreeing ("10 GPUs" / "10 000 GPU"); a number only one side
    gives is left alone."""
    links: list[tuple[tuple[int, int], bool]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, x in enumerate(a.numbers):
        for j, y in enumerate(b.numbers):
            if j not in used_b and i not in used_a and same_number(x, y):
                links.append(((i, j), False))
                used_a.add(i)
                used_b.add(j)
    rest_a = [i for i in range(len(a.numbers)) if i not in used_a]
    rest_b = [j for j in range(len(b.numbers)) if j not in used_b]
    for i in rest_a:
        partner = next((j for j in rest_b if _comparable(a.numbers[i], b.numbers[j])), None)
        if partner is not None:
            rest_b.remove(partner)
            links.append(((i, partner), True))
    return links


def _comparable(x: Anchor, y: Anchor) -> bool:
    """Could these be two versions of one number? Years with years; amounts of one
    currency (or both bare counts); a vague "thousands" is no exact rival."""
    if x.kind == "year" or y.kind == "year":
        return x.kind == y.kind
    if x.vague or y.vague:
        return False
    return x.unit == y.unit


def _swapped_names(a: Sentence, b: Sentence, texts: Sequence[str]) -> list[tuple[int, int]]:
    """A name each aligned sentence has that the other version never writes under any
    spelling, when each sentence has exactly one such: one name in place of another.
    Acronyms of three letters or fewer are left out: languages translate them (AI, KI,
    IA; EU, UE)."""
    def candidates(s: Sentence, other_version: str) -> list[int]:
        return [i for i, n in enumerate(s.names)
                if len(n.text) >= 3 and not (n.text.isupper() and len(n.text) <= 3)
                and not _name_in(n.text, other_version)]

    only_a = candidates(a, texts[b.version])
    only_b = candidates(b, texts[a.version])
    if len(only_a) == 1 and len(only_b) == 1:
        return [(only_a[0], only_b[0])]
    return []


def _context_links(
    sentences: Sequence[Sentence], similarity: np.ndarray
) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """Exact numbers of different versions followed by the same word, in sentences at
    least CONTEXT_SCORE similar: ((sentence, number), (sentence, number), differ)."""
    keyed = [
        (i, k, word)
        for i, s in enumerate(sentences)
        for k, n in enumerate(s.numbers)
        if not n.vague and n.kind == "number" and (word := _word_after(s.text, n.end))
    ]
    links = []
    for x, (i, a, word) in enumerate(keyed):
        for j, b, other in keyed[x + 1 :]:
            si, sj = sentences[i], sentences[j]
            if si.version == sj.version or similarity[i, j] < CONTEXT_SCORE:
                continue
            if not same_name(word, other) or not _comparable(si.numbers[a], sj.numbers[b]):
                continue
            links.append(((i, a), (j, b), not same_number(si.numbers[a], sj.numbers[b])))
    return links


def _word_after(text: str, end: int) -> str | None:
    """The word right after a number, when it looks like a name or a term shared across
    languages (capitalized: "GPU", "Tesla"), not a common noun of one language."""
    m = LETTER_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    word = m.group() if m else None
    return word if word and word[0].isupper() and len(word) >= 3 else None


def _name_in(name: str, text: str) -> bool:
    return any(same_name(name, w) for w in _distinct_words(text))


@lru_cache(maxsize=32)
def _distinct_words(text: str) -> tuple[str, ...]:
    """A version's words, each once: every name of every aligned pair is looked up in
    them."""
    return tuple(dict.fromkeys(LETTER_WORD.findall(text)))


def _really_differ(mentions: Sequence[Mention]) -> bool:
    """Some two versions give values that are not the same (a claim linked through
    disagreeing pairs may still agree end to end, e.g. A=B, A≠C, C=B cannot happen for
    numbers, but names can chain)."""
    for x in mentions:
        for y in mentions:
            if x.version == y.version:
                continue
            if x.anchor.kind == "term" or y.anchor.kind == "term":
                if x.anchor.value != y.anchor.value:
                    return True
            elif x.anchor.kind == "name" or y.anchor.kind == "name":
                if not same_name(x.anchor.text, y.anchor.text):
                    return True
            elif not same_number(x.anchor, y.anchor):
                return True
    return False


def shown_value(anchor: Anchor) -> str:
    if anchor.kind == "term":
        return str(anchor.value).partition("=")[2]  # the pole's English name
    return anchor.text if anchor.kind == "name" else anchor.describe()


def version_of(source: str, text: str, analysis: DocumentAnalysis) -> Version:
    """A story version from an article and its analysis (language, quotes)."""
    code = analysis.language if analysis.language in lang.available() else "en"
    spans = tuple(
        (f.quote.start, f.quote.end) for f in analysis.findings if f.quote.kind == "statement"
    )
    return Version(source, text, lang.get(code), spans)
