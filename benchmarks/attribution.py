"""Speaker attribution on real passages: accuracy by language and by pattern, for a tuning
part and a held-back part.

The passages are ../shared/dev/attribution.jsonl and benchmarks/attribution/passages.jsonl
(real news passages, each quote with the speaker the passage names and the pattern that
names it). They are split BY STORY: passages that share a source URL or the person they
quote most fall into one group (the same event is often reported by several outlets, and a person's
quotes resemble each other), and the hash of a group's lowest id decides its side. Added
passages move no old one as long as none joins a group with an id sorting below the
group's lowest (then the whole group could change side): choose new ids accordingly.
Tune on the tuning part only; report both.

    python benchmarks/attribution.py [--cases] [--part tune|held]

A quote counts as right when the extracted quote covering it is attributed to the
passage's speaker (the name given, or a part of it: "Merkel" for "Angela Merkel"), or to
nobody where the passage names nobody. A quote the extractor did not find counts as wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz

from quotes.models import Document, QuoteFinding
from quotes.normalize import alias_key
from quotes.pipeline import Analyzer

HERE = Path(__file__).resolve().parent
# ../shared/dev beside the checkout, or beside the directory holding a git worktree of it.
SHARED = next((p / "shared" / "dev" / "attribution.jsonl" for p in HERE.parents[1:3]
               if (p / "shared" / "dev" / "attribution.jsonl").is_file()),
              HERE.parents[1] / "shared" / "dev" / "attribution.jsonl")
SOURCES = (SHARED, HERE / "attribution" / "passages.jsonl")
HELD_BACK_SHARE = 3  # one group in three is held back


@dataclass(frozen=True, slots=True)
class GoldQuote:
    passage: str  # passage id
    language: str
    text: str
    speaker: str | None
    pattern: str


@dataclass(frozen=True, slots=True)
class Outcome:
    gold: GoldQuote
    found: bool
    predicted: str | None
    right: bool


def load(paths: Iterable[Path] = SOURCES) -> list[dict[str, object]]:
    passages = []
    for path in paths:
        if path.is_file():
            passages += [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return passages


def held_back_ids(passages: Sequence[dict[str, object]]) -> set[str]:
    """Ids of the passages in the held-back part: groups linked by a shared source URL or
    speaker name, each group on one side by the hash of its first id."""
    held = set()
    for members in story_groups(passages):
        digest = hashlib.sha256(min(members).encode("utf-8")).digest()
        if int.from_bytes(digest[:8], "big") % HELD_BACK_SHARE == 0:
            held.update(members)
    return held


def story_groups(passages: Sequence[dict[str, object]]) -> list[list[str]]:
    """The passages' ids in groups of one story: linked by a shared source URL or the
    person they quote most (cross-validation folds must not split one)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for passage in passages:
        pid = f"id:{passage['id']}"
        keys = [f"url:{passage['source_url']}"]
        main = _main_speaker(passage)
        if main is not None:
            keys.append(f"who:{main}")
        for key in keys:
            parent[find(key)] = find(pid)
    groups: dict[str, list[str]] = defaultdict(list)
    for passage in passages:
        groups[find(f"id:{passage['id']}")].append(str(passage["id"]))
    return list(groups.values())


def _main_speaker(passage: dict[str, object]) -> str | None:
    """The person a passage quotes most (the first of them on a tie): linking passages by
    every person they quote would chain most of them into one group."""
    names = [alias_key(str(q["speaker"])) for q in passage["quotes"]  # type: ignore[attr-defined]
             if q.get("speaker")]
    return max(names, key=names.count) if names else None


def same_person(predicted: str | None, gold: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    said, named = set(alias_key(predicted).split()), set(alias_key(gold).split())
    return bool(said) and said <= named


def run(passages: Sequence[dict[str, object]]) -> list[Outcome]:
    analyzer = Analyzer()
    outcomes = []
    for passage in passages:
        analysis = analyzer.analyze(Document(str(passage["id"]), str(passage["passage"]),
                                             str(passage["language"])))
        for q in passage["quotes"]:  # type: ignore[attr-defined]
            gold = GoldQuote(str(passage["id"]), str(passage["language"]), q["text"],
                             q.get("speaker"), q["pattern"])
            finding = _covering(gold.text, analysis.findings)
            predicted = finding.attribution.speaker if finding and finding.attribution else None
            outcomes.append(Outcome(gold, finding is not None, predicted,
                                    finding is not None and same_person(predicted, gold.speaker)))
    return outcomes


def _covering(text: str, findings: Sequence[QuoteFinding]) -> QuoteFinding | None:
    best = max(findings, key=lambda f: fuzz.ratio(f.quote.text.strip(), text.strip()),
               default=None)
    if best is not None and fuzz.ratio(best.quote.text.strip(), text.strip()) >= 90:
        return best
    inside = [f for f in findings if text.strip() in f.quote.text]
    return min(inside, key=lambda f: len(f.quote.text)) if inside else None


def _share(outcomes: Sequence[Outcome]) -> str:
    right = sum(o.right for o in outcomes)
    return f"{right:>4}/{len(outcomes):<4} {right / len(outcomes):.2f}" if outcomes else "—"


def print_part(title: str, outcomes: Sequence[Outcome], *, show_cases: bool) -> None:
    found = sum(o.found for o in outcomes)
    print(f"\n== {title}: {len(outcomes)} quotes in {len({o.gold.passage for o in outcomes})} "
          f"passages; quotes found {found}/{len(outcomes)}")
    print(f"  speaker right overall: {_share(outcomes)}")
    for label, key in (("language", lambda o: o.gold.language),
                       ("pattern", lambda o: o.gold.pattern)):
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in outcomes:
            groups[key(o)].append(o)
        print(f"  by {label}: " + "; ".join(f"{k} {_share(v).split()[0]}"
                                           for k, v in sorted(groups.items())))
    if show_cases:
        for o in outcomes:
            if not o.right:
                what = "not found" if not o.found else f"said {o.predicted!r}"
                print(f"    {o.gold.passage} [{o.gold.pattern}] want {o.gold.speaker!r}, {what}: "
                      f"{o.gold.text[:70]!r}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="Speaker attribution on real passages.")
    parser.add_argument("--cases", action="store_true", help="list every wrong speaker")
    parser.add_argument("--part", choices=("tune", "held"), help="one part only")
    args = parser.parse_args(argv)
    passages = load()
    held = held_back_ids(passages)
    outcomes = run(passages)
    parts = {"tune": [o for o in outcomes if o.gold.passage not in held],
             "held": [o for o in outcomes if o.gold.passage in held]}
    print(f"attribution passages: {len(passages)}, quotes: {len(outcomes)}; "
          f"held back: {len(held)} passages")
    wanted = [args.part] if args.part else list(parts)
    for name in wanted:
        title = "tuning part" if name == "tune" else "held-back part (never tuned on)"
        print_part(title, parts[name], show_cases=args.cases)


if __name__ == "__main__":
    main(sys.argv[1:])
