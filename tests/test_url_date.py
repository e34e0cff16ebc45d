"""An article dated by its address (`quotes.sources.url_date`): many outlets put the day of
publication in the path, and no tweet posted after it can be what the article quotes.
Fictional addresses."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from quotes.pipeline.articles import jsonl_articles
from quotes.sources import url_date


@pytest.mark.parametrize(("url", "day"), [
    ("https://news.example.org/politics/2021/02/19/fictional-mayor-bridge", "2021-02-19"),
    ("https://krant.example.nl/binnenland/20201106/brug-dicht", "2020-11-06"),
    ("https://giornale.example.it/cronaca/2024-09-17-ponte-chiuso", "2024-09-17"),
    ("https://jornal.example.pt/2019_03_25_ponte", "2019-03-25"),
])
def test_a_day_in_the_path_dates_the_article(url: str, day: str) -> None:
    assert url_date(url) == datetime.fromisoformat(day)


@pytest.mark.parametrize("url", [
    "https://news.example.org/politics/2022/06/fictional-mayor",  # a month only
    "https://news.example.org/story/12345678",  # an id, not a date
    "https://news.example.org/story/20231399/x",  # digits no calendar has
    "https://news.example.org/search?from=2020/01/01",  # the query is no part of the path
    "https://2020-11-06.example.org/story",  # nor is the host
    "not a url",
])
def test_no_day_no_date(url: str) -> None:
    assert url_date(url) is None


def test_a_jsonl_article_is_dated_by_its_url_unless_it_gives_a_date(tmp_path: Path) -> None:
    lines = [
        {"url": "https://news.example.org/2021/02/19/bridge", "text": "Elna Varsko sprach."},
        {"url": "https://news.example.org/2021/02/19/bridge", "text": "Elna Varsko sprach.",
         "published": "2021-03-01"},
        {"id": "desk-1", "text": "Elna Varsko sprach."},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert [d.published for d in jsonl_articles(path, "de")] == [
        datetime(2021, 2, 19), datetime(2021, 3, 1), None]
