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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from quotes import lang
from quotes.anchors import Anchor, compare_anchors, extract_anchors, same_number
from quotes.compare import same_name
from quotes.lang import LanguageData
from quotes.models import DocumentAnalysis
from quotes.text import sentence_ends

STORY_SCHEMA = "quotes.story/1"

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

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+")
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
            shown = _shown(m.anchor)
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


# --- sentences -------------------------------------------------------------------------


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: lines first (headlines and captions end without a
    full stop), then sentence ends inside each line."""
    spans = []
    for line in _LINE.finditer(text):
        ends = [line.start(), *sentence_ends(text, line.start(), line.end()), line.end()]
        for a, b in pairwise(ends):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                spans.append((a + lead, a + len(piece.rstrip())))
    return spans


def claim_sentences(versions: Sequence[Version]) -> list[Sentence]:
    """The sentences of every version that can carry a claim, with their anchors."""
    result: list[Sentence] = []
    for v, version in enumerate(versions):
        spans = split_sentences(version.text)
        kept = []
        for start, end in spans:
            text = version.text[start:end]
            anchors = extract_anchors(text, version.table)
            numbers = tuple(a for a in anchors if a.kind in _ANCHORED)
            if len(_WORD.findall(text)) < MIN_WORDS and not numbers:
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
    pairs = []
    versions = sorted(by_version)
    for x, a in enumerate(versions):
        for b in versions[x + 1 :]:
            rows, cols = by_version[a], by_version[b]
            scores = np.array([[_score(sentences[i], sentences[j], similarity[i, j])
                                for j in cols] for i in rows])
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


def _score(a: Sentence, b: Sentence, cosine: float) -> float:
    shared = len(compare_anchors(a.numbers, b.numbers).shared)
    shared += sum(1 for n in a.names if any(same_name(n.text, m.text) for m in b.names))
    return cosine + ANCHOR_BONUS * min(shared, 3) - POSITION_PENALTY * abs(a.position - b.position)


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


def _claims(
    sentences: Sequence[Sentence],
    aligned: Sequence[tuple[int, int, float, float]],
    similarity: np.ndarray,
    texts: Sequence[str],
) -> list[Claim]:
    """Anchors linked across aligned sentences (the same value, or the only two values of
    one kind left once equal ones are paired) grouped into claims."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}
    disagreeing: set[tuple[tuple[int, int], tuple[int, int]]] = set()

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link(x: tuple[int, int], y: tuple[int, int], *, differ: bool) -> None:
        parent[find(x)] = find(y)
        if differ:
            disagreeing.add((x, y))

    for i, j, score, margin in aligned:
        # A pair that barely beats other partners may be two different sentences on one
        # topic: its numbers can agree, but disagree only if something else corroborates
        # the pairing (another anchor or name both share).
        sure = margin >= SURE_MARGIN or _corroborated(sentences[i], sentences[j])
        for (a, b), differ in _linked_numbers(sentences[i], sentences[j]):
            if sure or not differ:
                link((i, a), (j, b), differ=differ)
        if score >= NAME_ALIGN_SCORE and margin >= NAME_MARGIN:
            for a, b in _swapped_names(sentences[i], sentences[j], texts):
                link((i, len(sentences[i].numbers) + a), (j, len(sentences[j].numbers) + b),
                     differ=True)
        if sure:
            for (a, b), differ in _linked_terms(sentences[i], sentences[j]):
                link((i, _term_slot(sentences[i], a)), (j, _term_slot(sentences[j], b)),
                     differ=differ)
    for (i, a), (j, b), differ in _context_links(sentences, similarity):
        if find((i, a)) != find((j, b)):
            link((i, a), (j, b), differ=differ)
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    differing_roots = {find(x) for x, _ in disagreeing}
    claims = []
    for root, nodes in groups.items():
        mentions = tuple(sorted(
            (Mention(sentences[i].version, sentences[i], _anchor_at(sentences[i], k))
             for i, k in nodes),
            key=lambda m: (m.version, m.sentence.start),
        ))
        if len({m.version for m in mentions}) < 2:
            continue
        kind = mentions[0].anchor.kind if mentions[0].anchor.kind in ("name", "term") else (
            "year" if all(m.anchor.kind == "year" for m in mentions) else "number")
        claims.append(Claim(kind, mentions, root in differing_roots and _really_differ(mentions)))
    claims.sort(key=lambda c: (not c.diverges, c.mentions[0].sentence.position))
    return claims


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
        j = next((j for j in rest_b if _comparable(a.numbers[i], b.numbers[j])), None)
        if j is not None:
            rest_b.remove(j)
            links.append(((i, j), True))
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
    m = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    word = m.group() if m else None
    return word if word and word[0].isupper() and len(word) >= 3 else None


def _name_in(name: str, text: str) -> bool:
    return any(same_name(name, w) for w in _WORD.findall(text))


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


def _shown(anchor: Anchor) -> str:
    if anchor.kind == "term":
        return str(anchor.value).partition("=")[2]  # the pole's English name
    return anchor.text if anchor.kind == "name" else anchor.describe()


# --- the report ------------------------------------------------------------------------


def story_report(check: StoryCheck) -> dict[str, object]:
    """The `quotes.story/1` document: versions, diverging claims with each version's
    sentence, and a summary of the claims all versions agree on."""
    versions = [{"source": v.source, "language": v.table.code,
                 "sentences": sum(1 for s in check.sentences if s.version == i)}
                for i, v in enumerate(check.versions)]
    return {
        "schema": STORY_SCHEMA,
        "versions": versions,
        "aligned_sentences": len(check.aligned),
        "divergences": [_claim_dict(c, check) for c in check.divergences],
        "agreements": {
            "count": len(check.agreements),
            "claims": [
                {"kind": c.kind, "value": _shown(c.mentions[0].anchor),
                 "versions": sorted({check.versions[m.version].source for m in c.mentions})}
                for c in check.agreements
            ],
        },
    }


def _claim_dict(claim: Claim, check: StoryCheck) -> dict[str, object]:
    values = claim.values()
    distinct = sorted({v for vs in values.values() for v in vs})
    return {
        "kind": claim.kind,
        "values": distinct,
        "in_quote": any(m.sentence.in_quote for m in claim.mentions),
        "versions": [
            {
                "source": check.versions[m.version].source,
                "language": check.versions[m.version].table.code,
                "value": _shown(m.anchor),
                "as_written": m.anchor.text,
                "sentence": m.sentence.text,
                "start": m.sentence.start + m.anchor.start,
                "end": m.sentence.start + m.anchor.end,
            }
            for m in claim.mentions
        ],
    }


def story_text(payload: dict[str, object]) -> str:
    """The report for a terminal: each diverging claim with every version's sentence."""
    return _render(payload, markdown=False)


def story_markdown(payload: dict[str, object]) -> str:
    """The same report as Markdown."""
    return _render(payload, markdown=True)


def _render(payload: dict[str, object], *, markdown: bool) -> str:
    versions = payload["versions"]
    divergences = payload["divergences"]
    agreements = payload["agreements"]
    assert isinstance(versions, list) and isinstance(divergences, list)
    assert isinstance(agreements, dict)
    h1, h2, quote = ("# ", "## ", "  > ") if markdown else ("", "", "    ")
    lines = [f"{h1}Cross-version story check", ""]
    lines.append(f"{len(versions)} versions: " + ", ".join(
        f"{v['source']} ({v['language']})" for v in versions))
    lines.append(f"{payload['aligned_sentences']} sentence pairs aligned across versions; "
                 f"{len(divergences)} claim(s) on which versions disagree, "
                 f"{agreements['count']} on which they agree.")
    lines.append("")
    for n, claim in enumerate(divergences, 1):
        where = " (inside a quote)" if claim["in_quote"] else ""
        lines.append(f"{h2}{n}. {claim['kind']}: " + " vs ".join(claim["values"]) + where)
        lines.append("")
        for v in claim["versions"]:
            bullet = "- " if markdown else "  "
            lines.append(f"{bullet}{v['source']} ({v['language']}): {v['value']} "
                         f"(written “{v['as_written']}”)")
            lines.append(f"{quote}{_one_line(v['sentence'])}")
        lines.append("")
    if agreements["count"]:
        shown = ", ".join(c["value"] for c in agreements["claims"][:12])
        more = "…" if agreements["count"] > 12 else ""
        lines.append(f"{h2}Agreed by the versions that state them" if markdown
                     else "Agreed by the versions that state them:")
        lines.append(f"{shown}{more}")
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def version_of(source: str, text: str, analysis: DocumentAnalysis) -> Version:
    """A story version from an article and its analysis (language, quotes)."""
    code = analysis.language if analysis.language in lang.available() else "en"
    spans = tuple(
        (f.quote.start, f.quote.end) for f in analysis.findings if f.quote.kind == "statement"
    )
    return Version(source, text, lang.get(code), spans)
