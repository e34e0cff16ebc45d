"""The cross-version story check: on the five real versions of the seed story, and on
short passages written for these tests in several languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes import lang
from quotes.cli import main
from quotes.embed import default_embedder
from quotes.pipeline import Analyzer
from quotes.sources import read_article
from quotes.story import (
    StoryCheck,
    Version,
    compare_versions,
    sentence_spans,
    story_markdown,
    story_report,
    version_of,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

pytestmark = pytest.mark.skipif(default_embedder() is None, reason="no sentence embeddings")


def embed(texts):
    embedder = default_embedder()
    assert embedder is not None
    return embedder.embed_queries(texts)


def check_of(passages: dict[str, tuple[str, str]]) -> StoryCheck:
    versions = [Version(name, text, lang.get(code)) for name, (code, text) in passages.items()]
    return compare_versions(versions, embed)


def values(check: StoryCheck) -> list[dict[str, set[str]]]:
    """Per diverging claim: source → values given."""
    out = []
    for claim in check.divergences:
        per: dict[str, set[str]] = {}
        for m in claim.mentions:
            per.setdefault(check.versions[m.version].source, set()).add(m.anchor.describe())
        out.append(per)
    return out


# --- the seed story ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> StoryCheck:
    pipeline = Analyzer()
    versions = []
    for path in sorted(SEEDS.glob("*.txt")):
        document = read_article(path)
        versions.append(version_of(path.name[:3], document.text, pipeline.analyze(document)))
    return compare_versions(versions, embed)


def test_seed_versions_disagree_on_the_gpu_count(seeds: StoryCheck) -> None:
    gpus = next(v for v in values(seeds) if "10" in v.get("000", set()))
    assert gpus["000"] == {"10"} and gpus["002"] == {"10"}
    assert gpus["003"] == {"10k"} and gpus["004"] == {"10k"}
    assert "10k" in gpus["001"]


def test_seed_versions_disagree_on_the_year_of_the_subsidiary(seeds: StoryCheck) -> None:
    year = next(v for v in values(seeds) if "1" in v.get("002", set()))
    assert year == {"000": {"2019"}, "002": {"1"}, "003": {"2019"}}


def test_seed_versions_disagree_on_the_microsoft_investment(seeds: StoryCheck) -> None:
    money = next(v for v in values(seeds) if "2019B USD" in v.get("002", set()))
    assert money == {"000": {"1B USD"}, "002": {"2019B USD"}, "003": {"1B USD"}}


def test_seed_versions_disagree_on_what_kind_of_subsidiary_it_is(seeds: StoryCheck) -> None:
    # 000 calls OpenAI's subsidiary "nirlaba" (non-profit), 002 and 003 for-profit: both
    # where the tweet is introduced and where its founding is told.
    terms = [v for v in values(seeds) if any(x.startswith("profit=") for x in
                                              next(iter(v.values())))]
    expected = {"000": {"profit=non-profit"}, "002": {"profit=for-profit"},
                "003": {"profit=for-profit"}}
    assert terms == [expected, expected]


def test_seed_versions_list_nothing_else(seeds: StoryCheck) -> None:
    """Every other claim the versions share agrees: the quote's ~$100M and $30B, 2015,
    2018, the two data centres, the six-month pause, "about $1 billion" promised."""
    assert len(seeds.divergences) == 5
    agreed = {c.mentions[0].anchor.describe() for c in seeds.agreements}
    assert {"~100M USD", "30B USD", "2015", "2018", "2", "6", "~1B USD"} <= agreed
    quoted = [c for c in seeds.agreements if any(m.sentence.in_quote for m in c.mentions)]
    assert {c.mentions[0].anchor.describe() for c in quoted} >= {"~100M USD", "30B USD"}


def test_seed_report_names_each_version_and_sentence(seeds: StoryCheck) -> None:
    payload = story_report(seeds)
    assert payload["schema"] == "quotes.story/1"
    first = payload["divergences"][0]
    sources = {v["source"] for v in first["versions"]}
    assert {"000", "002", "003", "004"} <= sources
    assert any("10 000 GPU" in v["sentence"] for v in first["versions"])
    text = story_markdown(payload)
    assert "Im Jahr 1" in text and "2019 Milliarde US-Dollar" in text


# --- written passages -------------------------------------------------------------------


BRIDGE = {
    "en": ("en", "City to build a new bridge.\n\nThe city will build 3 bridges for 40 million "
                 "euros by 2027. The mayor said the work starts in spring. Traffic will be "
                 "diverted for 18 months."),
    "de": ("de", "Stadt baut eine neue Brücke.\n\nDie Stadt wird bis 2027 drei Brücken für 40 "
                 "Millionen Euro bauen. Die Bürgermeisterin sagte, die Arbeiten beginnen im "
                 "Frühjahr. Der Verkehr wird 18 Monate lang umgeleitet."),
    "fr": ("fr", "La ville va construire un nouveau pont.\n\nLa ville construira 3 ponts pour "
                 "400 millions d'euros d'ici 2027. La maire a dit que les travaux commencent "
                 "au printemps. La circulation sera déviée pendant 8 mois."),
}


def test_written_passages_disagree_on_amount_and_duration() -> None:
    found = values(check_of(BRIDGE))
    assert {"en": {"40M EUR"}, "de": {"40M EUR"}, "fr": {"400M EUR"}} in found
    assert {"en": {"18"}, "de": {"18"}, "fr": {"8"}} in found
    assert len(found) == 2


def test_formatting_alone_is_no_divergence() -> None:
    passages = {
        "en": ("en", "The festival drew 10,000 visitors. Tickets cost 12.50 euros each."),
        "de": ("de", "Das Festival zog 10.000 Besucher an. Die Karten kosteten je 12,50 Euro."),
        "fr": ("fr", "Le festival a attiré 10\u202f000 visiteurs. Les billets coûtaient 12,50 "
                     "euros chacun."),
        "id": ("id", "Festival itu menarik sepuluh ribu pengunjung. Tiketnya seharga 12,50 euro."),
    }
    check = check_of(passages)
    assert check.divergences == []
    assert len(check.agreements) >= 2


def test_a_number_only_one_version_gives_is_no_divergence() -> None:
    passages = {
        "en": ("en", "The council approved the plan on Monday. It will cost 5 million euros."),
        "de": ("de", "Der Rat hat den Plan am Montag gebilligt. Er wird viel Geld kosten."),
    }
    assert check_of(passages).divergences == []


def test_opposite_terms_disagree_across_languages() -> None:
    passages = {
        "en": ("en", "The Harbour Trust, a non-profit, opened a clinic in Porto in 2021. "
                     "It treats 300 patients a week."),
        "de": ("de", "Der Harbour Trust, ein gewinnorientiertes Unternehmen, eröffnete 2021 "
                     "eine Klinik in Porto. Sie behandelt 300 Patienten pro Woche."),
        "es": ("es", "Harbour Trust, una organización sin fines de lucro, abrió una clínica "
                     "en Oporto en 2021. Atiende a 300 pacientes por semana."),
    }
    found = values(check_of(passages))
    assert found == [{"en": {"profit=non-profit"}, "de": {"profit=for-profit"},
                      "es": {"profit=non-profit"}}]


def test_negated_forms_and_both_poles_are_no_divergence() -> None:
    passages = {
        # "nicht gewinnorientiert" is non-profit: the longer form wins over "gewinnorientiert".
        "en": ("en", "The Harbour Trust, a non-profit, opened a clinic in Porto in 2021."),
        "de": ("de", "Der Harbour Trust, nicht gewinnorientiert, eröffnete 2021 eine Klinik "
                     "in Porto."),
        # One sentence stating both poles contradicts neither version.
        "fr": ("fr", "Le Harbour Trust, à but non lucratif devenu une société à but "
                     "lucratif, a ouvert une clinique à Porto en 2021."),
    }
    check = check_of(passages)
    assert check.divergences == []
    assert any(c.kind == "term" for c in check.agreements)


def test_opposite_terms_are_found_with_their_inflections() -> None:
    from quotes.story import opposite_terms

    de = [t.value for t in opposite_terms(
        "Die gemeinnützigen Vereine und eine gewinnorientierte Firma; das war illegal, "
        "nicht legal.", lang.get("de"))]
    assert de == ["profit=non-profit", "profit=for-profit", "legality=illegal",
                  "legality=illegal"]
    # A short form is a whole word only; "legal" never matches inside "illegal".
    en = [t.value for t in opposite_terms("An illegal move, legally dubious.", lang.get("en"))]
    assert en == ["legality=illegal", "legality=legal"]


def test_split_sentences_keeps_headlines_apart() -> None:
    text = "A headline without a stop\nFirst sentence. Second one here.\n"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "A headline without a stop", "First sentence.", "Second one here."]


# --- the command ------------------------------------------------------------------------


def run_story(argv: list[str]) -> int:
    return main(argv)


def test_story_command_json_and_exit_code(tmp_path: Path, capsys) -> None:
    for name, (_, text) in BRIDGE.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    files = [str(tmp_path / f"{n}.txt") for n in BRIDGE]
    code = run_story(["story", "--format", "json", *files])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    assert len(payload["divergences"]) == 2
    assert {v["language"] for v in payload["versions"]} == {"en", "de", "fr"}


def test_story_command_needs_two_readable_versions(tmp_path: Path, capsys) -> None:
    (tmp_path / "en.txt").write_text(BRIDGE["en"][1], encoding="utf-8")
    code = run_story(["story", str(tmp_path / "en.txt"), str(tmp_path / "missing.txt")])
    assert code == 2
    assert "missing.txt" in capsys.readouterr().err
