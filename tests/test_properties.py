"""Extraction never crashes and its offsets are always valid, whatever the text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotes.extract import extract_quotes
from quotes.models import Document
from quotes.pipeline.analyze import Analyzer
from tests.work_count import CALL_BUDGET_PER_CHAR, calls_made

MARKS = "\"'“”„‟«»‹›‘’‚‛ \u00a0\u202f\n\r.,:;!?"
# Arbitrary Unicode, with quotation marks and line breaks made frequent.
texts = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(MARKS), st.sampled_from("aé Z1")),
    max_size=300,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, language=st.sampled_from([None, "en", "de", "fr", "id"]))
@example(text="''0", language=None)  # a two-character opening mark
@example(text="``a''", language="en")
def test_offsets_always_valid(text: str, language: str | None) -> None:
    result = extract_quotes(text, language)
    for i, quote in enumerate(result.quotes):
        assert 0 <= quote.open_at <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        if quote.block:
            assert (quote.open_mark, quote.open_at) == ("", quote.start)
        else:
            # A mark may be two characters (`` and '' of ASCII/LaTeX quoting).
            assert quote.open_mark and text.startswith(quote.open_mark, quote.open_at)
        if quote.close_at is None:
            assert quote.unclosed and quote.close_mark is None
        else:
            assert quote.end <= quote.close_at < len(text)
            assert quote.close_mark and text.startswith(quote.close_mark, quote.close_at)
        assert quote.kind in ("statement", "term")
        if quote.parent is not None:
            parent = result.quotes[quote.parent]
            assert quote.parent < i and parent.open_at < quote.open_at
            assert quote.depth == parent.depth + 1
        else:
            assert quote.depth == 0
    for pos in result.stray_marks:
        assert 0 <= pos < len(text)
    starts = [q.open_at for q in result.quotes]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzäéß", min_size=1, max_size=8),
        min_size=5,
        max_size=12,
    ),
    marks=st.sampled_from([("“", "”"), ("„", "“"), ("«", "»"), ("« ", " »"), ('"', '"')]),
)
def test_a_well_formed_quote_is_found_exactly(words: list[str], marks: tuple[str, str]) -> None:
    inner = " ".join(words) + "."
    text = f"Jane Example said: {marks[0]}{inner}{marks[1]} Then she left."
    quotes = extract_quotes(text, "en").quotes
    assert [q.text for q in quotes] == [inner]
    assert quotes[0].kind == "statement" and not quotes[0].unclosed


# Long inputs and dense marks: a short unit (marks, words, line breaks) repeated hundreds or
# thousands of times. How work grows is counted, not timed (a shared machine's clock is
# noisy; timings live in benchmarks/hostile.py): the Python and C function calls the
# analysis makes, which a given text always makes alike. Linear work makes as many calls
# per character on four times the text; quadratic work four times as many.
units = st.text(alphabet=st.sampled_from(MARKS + "aé Z1Wir"), min_size=1, max_size=12)


def _calls_per_char(analyzer: Analyzer, text: str, language: str) -> float:
    _, calls = calls_made(lambda: analyzer.analyze(Document("dense.txt", text, language)))
    return calls / len(text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=units, repeat=st.integers(min_value=300, max_value=1_500))
# Thousands of quotes nested in one unclosed quote: each nested quote's sentence start was
# looked for from the outer quote's opening (quadratic).
@example(unit="\u201bZ\n \u00bb\u201c\u201a,\u2019\n:", repeat=1_500)
# One-letter sentences: every word was checked against every role of the table, one by one.
@example(unit="Z!", repeat=1_500)
def test_long_inputs_and_dense_marks_stay_linear(unit: str, repeat: int) -> None:
    analyzer = Analyzer()
    # The first analysis builds and caches the tokenizer tables once.
    analyzer.analyze(Document("warm.txt", "Er sagte: „Ja.“", "de"))
    small = _calls_per_char(analyzer, unit * repeat, "de")
    text = unit * (4 * repeat)
    large = _calls_per_char(analyzer, text, "de")
    assert large <= 1.2 * small + 1 and large <= CALL_BUDGET_PER_CHAR, (small, large)
    analysis = analyzer.analyze(Document("long.txt", text, "de"))
    for finding in analysis.findings:
        quote = finding.quote
        assert text[quote.start : quote.end] == quote.text
    assert sum(f.quote.end - f.quote.start for f in analysis.findings) <= 20 * len(text)


# Names, roles, pronouns, speech verbs and quotes in many languages, densely mixed: every
# quote asks attribution for its speaker among every name met so far. Work that grows with
# names times quotes (as a per-quote scan of all earlier mentions did) shows as several
# times more calls per character on four times the text; linear work stays level.
SPEAKER_PIECES = (
    "Elna Varsko", "Herr Tomlin", "Ministerin Qarv", "Mayor Oduya", "@fictional_mayor",
    "sagte", "zei", "a déclaré", "katanya", "dijo", "disse", "ha detto", "said",
    "er", "sie", "hij", "elle", "Der Minister", "laut", "according to", "the ministry",
    "in einem Tweet", "dalam tweet", "2,5 Millionen", ":", ", ", ". ", "\n", "\n\n",
    "„Ja.“", "«Non»", "\"Yes\"", "“No,” ", "'Nee'", "‹Oui›",
)
speaker_units = st.lists(st.sampled_from(SPEAKER_PIECES), min_size=6, max_size=14)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(units=st.lists(speaker_units, min_size=2, max_size=2),
       language=st.sampled_from(["de", "en", "es", "fr", "id", "it", "nl", "pt"]))
def test_dense_names_and_quotes_attribute_in_linear_time(
    units: list[list[str]], language: str
) -> None:
    analyzer = Analyzer()
    analyzer.analyze(Document("warm.txt", "Er sagte: „Ja.“", language))
    unit = " ".join(" ".join(pieces) for pieces in units)
    small = _calls_per_char(analyzer, " ".join([unit] * 100), language)
    large = _calls_per_char(analyzer, " ".join([unit] * 400), language)
    # Quadratic work makes the larger text 4x dearer per character. The small text's
    # overheads (tables, caches) only lower the ratio.
    assert large < 1.3 * small + 1 and large <= CALL_BUDGET_PER_CHAR, (small, large)
