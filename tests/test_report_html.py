"""The HTML attribution report: one self-contained page, escaped, differences marked in
both texts, verdicts in words as well as colour. Quotes and tweets here were written for
these tests (fictional accounts)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest

from quotes import compare
from quotes.cli import main
from quotes.report_html import (
    EVIDENCE_LABELS,
    Segment,
    _environment,
    _header,
    highlight,
    html_report,
    marked_segments,
)


def payload(quote_text: str, tweet_text: str, differences: list[dict], *,
            verdict: str = "distortion", url: str | None = "https://x.com/example_mayor/status/9"
            ) -> dict:
    return {
        "schema": "quotes.report/1",
        "tool": {"name": "quotes", "version": "0.0-test"},
        "generated_at": "2025-03-02T10:00:00+00:00",
        "archive": {"url": "sqlite:///test.sqlite", "tweets": 3},
        "models": {"translation": {}, "embedding": None},
        "thresholds": {},
        "summary": {"verbatim": 0, "faithful": 0, "paraphrase": 0, "distortion": 1,
                    "misattributed": 0, "unmatched": 0},
        "articles": [{
            "source": "articles/<fr>&.txt",
            "language": "fr",
            "terms": [],
            "quotes": [{
                "text": quote_text, "start": 0, "end": len(quote_text), "language": "fr",
                "unclosed": False, "speaker": "Erika Muster", "speaker_handle": "example_mayor",
                "attribution": "a écrit Erika Muster", "attribution_method": "verb-after",
                "medium": "tweet", "back_translation": None,
                "match": {
                    "tweet": {"id": "9", "archive_id": 1, "author": "example_mayor",
                              "name": "Erika Muster (fictional)", "url": url,
                              "date": "2025-03-02T09:15:00", "text": tweet_text},
                    "score": 0.9, "fuzzy": None, "embedding": 0.9, "margin": 0.05,
                    "shared_anchors": 1, "fragment": False, "segment": tweet_text,
                },
                "verdict": verdict, "confidence": 0.81, "method": "embedding+anchors",
                "differences": differences, "notes": ["embedding 0.900 ≥ 0.87"],
            }],
        }],
        "errors": [],
    }


DISTORTED = payload(
    "Le pont a coûté 400 millions de dollars <script>alert('x')</script> & rien de plus.",
    "The bridge cost $40 million & not a cent more.",
    [{"kind": "number", "quote": "400 millions de dollars", "tweet": "$40 million",
      "evidence": "anchors"}],
)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(document: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collector()
    parser.feed(document)
    return parser.tags


def test_article_text_is_escaped() -> None:
    page = html_report(DISTORTED)
    assert "<script>" not in page and "<script" not in page.replace("&lt;script", "")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&amp; rien de plus" in page and "</mark> &amp; not a cent more" in page
    assert "articles/&lt;fr&gt;&amp;.txt" in page
    assert not [t for t, _ in tags(page) if t == "script"]


def test_page_is_self_contained() -> None:
    page = html_report(DISTORTED)
    found = tags(page)
    assert not [a for t, a in found if t in ("link", "img", "iframe")]
    assert not [a for t, a in found if a.get("src")]
    assert ("style" in [t for t, _ in found]) and "@import" not in page
    assert not re.search(r"url\(", page)


def test_differences_are_marked_in_both_texts() -> None:
    page = html_report(DISTORTED)
    assert "<mark>400 millions de dollars</mark>" in page
    assert "<mark>$40 million</mark>" in page


def test_verdict_is_given_in_words_with_its_confidence() -> None:
    page = html_report(DISTORTED)
    assert "✗ Distortion" in page
    assert "confidence 0.81" in page
    assert "seen in numbers and names of the quote itself" in page


def test_readable_on_a_phone() -> None:
    page = html_report(DISTORTED)
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    media = re.search(r"@media \(max-width: \d+px\) \{(.*?)\n\}", page, re.DOTALL)
    assert media and ".pair { grid-template-columns: 1fr; }" in media.group(1)


def test_only_web_links_are_links() -> None:
    page = html_report(payload("Texte.", "Text.", [], verdict="faithful",
                               url="javascript:alert(1)"))
    assert not [a for t, a in tags(page) if t == "a"]
    assert "javascript:alert(1)" in page  # shown as text
    page = html_report(DISTORTED)
    assert [a["href"] for t, a in tags(page) if t == "a"] == [
        "https://x.com/example_mayor/status/9"]


def test_highlight_marks_whole_numbers_only() -> None:
    marked = highlight("bought 10,000 chips; 1 left", ["1"])
    assert marked == "bought 10,000 chips; <mark>1</mark> left"
    assert highlight("A & B", ["&"]) == "A <mark>&amp;</mark> B"


def test_unmatched_quote_says_so() -> None:
    data = payload("Texte.", "Text.", [], verdict="unmatched")
    data["articles"][0]["quotes"][0]["match"] = None
    page = html_report(data)
    assert "? No matching tweet" in page and "No tweet in the archive is close enough" in page


# --- from a real verification run ------------------------------------------------------------


ARCHIVE = {
    "author": "example_mayor", "name": "Erika Muster (fictional)",
    "created_at": "2025-03-02T09:15:00Z", "id": "900000000000000001",
    "text": "We will open the new bridge on Friday. It cost $40 million, not a cent more.",
    "url": "https://x.com/example_mayor/status/900000000000000001",
    "source": "invented for tests; fictional account",
}


@pytest.fixture
def verified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    archive = tmp_path / "archive.jsonl"
    archive.write_text(json.dumps(ARCHIVE) + "\n", encoding="utf-8")
    assert main(["archive", "import", "-q", str(archive)]) == 0
    article = tmp_path / "fr.txt"
    article.write_text(
        "La ville est en fête. « Nous ouvrirons le nouveau pont vendredi. Il a coûté 400 "
        "millions de dollars, pas un centime de plus », a écrit la maire Erika Muster sur X.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    main(["verify", "--no-mt", "--format", "json", "-q", str(article)])
    return json.loads(capsys.readouterr().out)


def test_report_of_a_verification_run(verified: dict) -> None:
    page = html_report(verified)
    assert "✗ Distortion" in page
    assert "<mark>400 millions de dollars</mark>" in page and "<mark>$40 million</mark>" in page
    assert "@example_mayor" in page


# --- escaping: hostile text in every field ---------------------------------------------------


def hostile(field: str) -> str:
    """A text that is markup if any place forgets to escape it, named after its field so a
    test can tell which place it landed in."""
    return (f"<script>alert(\"{field}\")</script> & <img src=x onerror=alert('{field}')> "
            f'"{field}"')


HOSTILE_URL = "https://x.com/s?a=1&b=\"><img src=x onerror=alert(1)>"
HOSTILE_VERDICT = hostile("verdict")


def hostile_payload() -> dict:
    data = payload(hostile("quote-text") + " le <b>&\" pont", hostile("tweet-text") + " <b>&\"",
                   [{"kind": hostile("kind"), "quote": hostile("diff-quote"),
                     "tweet": hostile("diff-tweet"), "evidence": hostile("evidence")},
                    {"kind": "number", "quote": "<b>&\"", "tweet": "<b>&\"",
                     "evidence": "anchors"}],
                   verdict=HOSTILE_VERDICT, url=HOSTILE_URL)
    data.update(generated_at=hostile("generated-at"), errors=[
        {"source": hostile("error-source"), "error": hostile("error-message")}])
    data["tool"]["version"] = hostile("version")
    data["archive"]["tweets"] = hostile("tweet-count")
    data["models"] = {"translation": {"fr": hostile("mt-model")}, "embedding": hostile("embedder")}
    article = data["articles"][0]
    article.update(source=hostile("source"), language=hostile("article-language"))
    quote = article["quotes"][0]
    quote.update(speaker=hostile("speaker"), attribution=hostile("attribution"),
                 language=hostile("quote-language"), medium=hostile("medium"),
                 method=hostile("method"), notes=[hostile("note")],
                 back_translation={"model": hostile("bt-model"), "text": hostile("bt-text")})
    quote["match"]["tweet"]["author"] = hostile("author")
    other = json.loads(json.dumps(quote))  # a second card: non-web address, shown as text
    other["match"]["tweet"]["url"] = "javascript:" + hostile("non-web-url")
    no_url = json.loads(json.dumps(quote))  # a third: no address, the archive id instead
    no_url["match"]["tweet"].update(url=None, archive_id=hostile("archive-id"))
    article["quotes"] += [other, no_url]
    return data


class _Reader(HTMLParser):
    """Tags, attributes and text of a page as a browser would read them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(document: str) -> _Reader:
    reader = _Reader()
    reader.feed(document)
    reader.close()
    return reader


PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p",
             "ul", "li", "section", "article", "div", "span", "blockquote", "mark", "a",
             "strong", "code"}


def test_hostile_text_is_escaped_in_every_place() -> None:
    page = html_report(hostile_payload())
    reader = read(page)
    assert {tag for tag, _ in reader.tags} <= PAGE_TAGS
    assert not [name for _, attrs in reader.tags for name in attrs if name.startswith("on")]
    assert not re.search(r"<(script|img)", page, re.IGNORECASE)
    text = "".join(reader.text)
    # Each hostile text comes back whole, as text, in the place made for it.
    for field in ("quote-text", "tweet-text", "kind", "diff-quote", "diff-tweet", "evidence",
                  "generated-at", "error-source", "error-message", "version", "tweet-count",
                  "mt-model", "embedder", "source", "article-language", "speaker",
                  "attribution", "quote-language", "medium", "method", "note", "bt-model",
                  "bt-text", "author", "non-web-url", "archive-id", "verdict"):
        assert hostile(field) in text, field


def test_hostile_text_is_escaped_in_attributes() -> None:
    reader = read(html_report(hostile_payload()))
    links = [attrs for tag, attrs in reader.tags if tag == "a"]
    assert [attrs["href"] for attrs in links] == [HOSTILE_URL]  # the other cards' are not web
    assert all(attrs == {"href": HOSTILE_URL, "rel": "noopener noreferrer"} for attrs in links)
    cards = [attrs for tag, attrs in reader.tags if tag == "article"]
    assert [attrs["aria-label"] for attrs in cards] == [HOSTILE_VERDICT] * 3
    assert all(attrs["class"] == "card none" for attrs in cards)


def test_marked_differences_are_escaped_inside_the_mark() -> None:
    page = html_report(hostile_payload())
    assert "le <mark>&lt;b&gt;&amp;&quot;</mark> pont" in page
    assert '&#x27;)&gt; &quot;tweet-text&quot; <mark>&lt;b&gt;&amp;&quot;</mark>' in page
    assert highlight('<i>"x"</i> & y', ['"x"']) == (
        "&lt;i&gt;<mark>&quot;x&quot;</mark>&lt;/i&gt; &amp; y")


def test_marked_segments_are_plain_text() -> None:
    assert marked_segments("a <b> c", ["<b>"]) == [
        Segment("a ", False), Segment("<b>", True), Segment(" c", False)]
    assert marked_segments("", ["x"]) == []


def test_every_kind_of_evidence_has_words() -> None:
    # The kinds of evidence compare.py documents, each with its own line in its docstring.
    kinds = re.findall(r"^\* `([a-z-]+)`:", compare.__doc__ or "", re.MULTILINE)
    assert "embedding" in kinds and len(kinds) >= 5
    assert not [kind for kind in kinds if kind not in EVIDENCE_LABELS]


def test_embedding_evidence_is_shown_in_words() -> None:
    page = html_report(payload(
        "Nous ouvrirons le pont vendredi, et nous baisserons les impôts.",
        "We will open the bridge on Friday.",
        [{"kind": "added", "quote": "et nous baisserons les impôts", "tweet": None,
          "evidence": "embedding"}], verdict="distortion"))
    assert ("(seen in sentence embeddings: the meaning of whole clauses compared across "
            "languages)") in page
    assert "(seen in embedding)" not in page
    assert "quote “et nous baisserons les impôts” · tweet “—”" in page


def test_templates_escape_on_their_own() -> None:
    """The templates escape with autoescape alone: the html.escape hook only keeps the
    page's entity forms; without it nothing would be left unescaped."""
    environment = _environment()
    assert environment.autoescape is True
    bare = jinja2.Environment(loader=environment.loader, autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)
    template = bare.get_template("report.html.j2")
    page = template.render(header=_header(DISTORTED), articles=[], errors=[
        {"source": hostile("error-source"), "error": "x"}])
    assert "<script" not in page and hostile("error-source") in "".join(read(page).text)


def test_an_unknown_name_in_a_template_is_an_error() -> None:
    template = _environment().get_template("report.html.j2")
    with pytest.raises(jinja2.UndefinedError):
        template.render(header=_header(DISTORTED), errors=[])
