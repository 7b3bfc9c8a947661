"""The record's outlet: the name the page gives its site, else the URL's host
(issue #25), set in one place so that every format (JSON, YAML, Parquet,
SQLite, the corpus) shows the same."""

from __future__ import annotations

import pytest

from claimx.corpus.sqlite import article_row
from claimx.pipeline.extract import unread_record
from claimx.read.inputs import Article, outlet_name, read_html, read_jsonl


@pytest.mark.parametrize("name, url, expected", [
    ("The Daily Example", "https://www.example.com/a", "The Daily Example"),
    (None, "https://www.example.com/a", "example.com"),
    ("", "http://news.example.org/b?x=1", "news.example.org"),
    (None, None, None),
    (None, "not a url", None),
    (None, "http://[bad/", None),  # a malformed host names nothing, and raises nothing
])
def test_outlet_name(name, url, expected):
    assert outlet_name(name, url) == expected


def test_jsonl_row_with_a_url_has_its_host_in_every_format():
    line = '{"id": "w1", "text": "The council met on Tuesday.", "url": "https://www.ledger.example/a"}'
    (article,) = read_jsonl(line, "c.jsonl", "c")
    record = unread_record(article).to_dict()
    assert record["article"]["outlet"] == "ledger.example"
    assert article_row(record)["outlet"] == "ledger.example"


def test_page_without_a_site_name_has_its_host_in_every_format():
    html = ('<html><head><link rel="canonical" href="https://www.harbour.example/story">'
            '<title>Bridge</title></head><body><article><p>'
            + "The bridge will reopen in May after two years of repairs, the city said on Monday. " * 4
            + "</p></article></body></html>")
    article, _ = read_html(html, "b.html", "b")
    assert article.outlet is None and article.url  # the page names no site of its own
    record = unread_record(article).to_dict()
    assert record["article"]["outlet"] == "harbour.example" == article_row(record)["outlet"]


def test_the_pages_own_name_wins():
    article = Article(id="a", source="a.html", text="x", url="https://www.example.com/a", outlet="The Daily Example")
    assert unread_record(article).to_dict()["article"]["outlet"] == "The Daily Example"
