"""The `quotes.story/1` document of a story check, and its text and Markdown renderings."""

from __future__ import annotations

from quotes.markdown import inert
from quotes.story.check import Claim, StoryCheck, shown_value

STORY_SCHEMA = "quotes.story/1"


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
                {"kind": c.kind, "value": shown_value(c.mentions[0].anchor),
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
                "value": shown_value(m.anchor),
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
    out = inert if markdown else _one_line  # article text must stay text in Markdown
    lines = [f"{h1}Cross-version story check", ""]
    lines.append(f"{len(versions)} versions: " + ", ".join(
        f"{out(v['source'])} ({v['language']})" for v in versions))
    lines.append(f"{payload['aligned_sentences']} sentence pairs aligned across versions; "
                 f"{len(divergences)} claim(s) on which versions disagree, "
                 f"{agreements['count']} on which they agree.")
    lines.append("")
    for n, claim in enumerate(divergences, 1):
        where = " (inside a quote)" if claim["in_quote"] else ""
        lines.append(f"{h2}{n}. {claim['kind']}: "
                     + " vs ".join(out(value) for value in claim["values"]) + where)
        lines.append("")
        for v in claim["versions"]:
            bullet = "- " if markdown else "  "
            lines.append(f"{bullet}{out(v['source'])} ({v['language']}): {out(v['value'])} "
                         f"(written “{out(v['as_written'])}”)")
            lines.append(f"{quote}{out(v['sentence'])}")
        lines.append("")
    if agreements["count"]:
        shown = ", ".join(out(c["value"]) for c in agreements["claims"][:12])
        more = "…" if agreements["count"] > 12 else ""
        lines.append(f"{h2}Agreed by the versions that state them" if markdown
                     else "Agreed by the versions that state them:")
        lines.append(f"{shown}{more}")
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
