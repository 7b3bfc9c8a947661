"""``claimx extract --feed``: RSS, Atom and a sitemap served by a local
threaded HTTP server with their pages (written here). The pages are under a
real-looking host name, reached through the server acting as the HTTP proxy
(trafilatura's link checks reject 127.0.0.1 as an article address)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

import claimx.read.fetch as fetch
from claimx.cli import app
from claimx.read.feeds import decode, is_sitemap

from .conftest import local_server

runner = CliRunner()
HOST = "http://news.example.com"

STORIES = {
    "a": "“We will win this race,” Governor Jane Smith said on Monday. She added that the vote was fair.",
    "b": "“The bridge will open in May,” Mayor Tom Reed told reporters on Tuesday, and he thanked the builders.",
    "c": "“Prices are falling at last,” the economist Ann Lee said. She expects the trend to hold for a year.",
    "d": "“We need more teachers,” Principal Omar Diaz said on Friday, asking the council for help.",
}


def page(key: str) -> bytes:
    return (f'<html><head><title>Story {key}</title><meta property="og:site_name" content="The Daily Example">'
            f'</head><body><article><h1>Story {key}</h1><p>{STORIES[key]}</p>'
            f"<p>More text follows in this article about the town and its people.</p></article></body></html>"
            ).encode()


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example news</title><link>{HOST}/</link>
<item><title>A</title><link>{HOST}/news/a.html</link></item>
<item><title>B</title><link>{HOST}/news/b.html</link></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example news</title>
<link href="{HOST}/atom.xml" rel="self"/><link href="{HOST}/"/>
<entry><title>B</title><link href="{HOST}/news/b.html"/><id>b</id></entry>
<entry><title>C</title><link rel="alternate" href="{HOST}/news/c.html"/><id>c</id></entry>
</feed>"""
INDEX = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{HOST}/sitemap-news.xml</loc></sitemap></sitemapindex>"""
SITEMAP = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{HOST}/news/c.html</loc></url><url><loc>{HOST}/news/d.html</loc></url>
<url><loc>{HOST}/news/gone.html</loc></url></urlset>"""
FEEDS = {"/rss.xml": (RSS, "application/rss+xml"), "/atom.xml": (ATOM, "application/atom+xml"),
         "/sitemap.xml": (INDEX, "application/xml"), "/sitemap-news.xml": (SITEMAP, "text/xml")}


class Handler(BaseHTTPRequestHandler):
    seen: list[str] = []
    active = 0
    most_at_once = 0
    lock = threading.Lock()

    def log_message(self, *args) -> None:
        pass

    def send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802
        path = urlsplit(self.path).path  # a proxy request names the whole URL
        with Handler.lock:
            Handler.seen.append(path)
            Handler.active += 1
            Handler.most_at_once = max(Handler.most_at_once, Handler.active)
        try:
            time.sleep(0.01)  # overlapping requests would show
            key = path.removeprefix("/news/").removesuffix(".html")
            if path in FEEDS:
                text, ctype = FEEDS[path]
                self.send(200, text.encode(), f"{ctype}; charset=utf-8")
            elif path.startswith("/news/") and key in STORIES:
                self.send(200, page(key), "text/html; charset=utf-8")
            elif path == "/home":
                self.send(200, b"<html><body><p>Welcome</p></body></html>", "text/html")
            else:
                self.send(404, b"not here", "text/plain")
        finally:
            with Handler.lock:
                Handler.active -= 1


@pytest.fixture(scope="module")
def server():
    with local_server(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def through_server(server, monkeypatch):
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server)
    monkeypatch.setattr(fetch, "BACKOFF", 0.01)
    Handler.seen.clear()
    Handler.most_at_once = 0


def run(*args):
    return runner.invoke(app, list(args))


def urls_in(db) -> list[str]:
    with sqlite3.connect(db) as con:
        return [r[0] for r in con.execute("SELECT source FROM articles ORDER BY source")]


def test_rss_and_atom_into_a_database_then_a_rerun_adds_only_the_new(tmp_path):
    db = tmp_path / "news.db"
    r = run("extract", "--feed", f"{HOST}/rss.xml", "--feed", f"{HOST}/atom.xml", "-o", str(db), "-q")
    assert r.exit_code == 0, r.stderr
    assert urls_in(db) == [f"{HOST}/news/{k}.html" for k in "abc"]
    assert "3 articles listed: 3 new, 0 skipped, 0 failed" in r.stderr
    assert Handler.most_at_once == 1  # one request at a time
    with sqlite3.connect(db) as con:
        assert {r[0] for r in con.execute("SELECT outlet FROM articles")} == {"The Daily Example"}

    Handler.seen.clear()
    r = run("extract", "--feed", f"{HOST}/rss.xml", "--feed", f"{HOST}/atom.xml", "--feed", f"{HOST}/sitemap.xml",
            "-o", str(db), "-q")
    # the sitemap index names a sitemap listing c, d and a page that is gone
    assert r.exit_code == 1, r.stderr
    assert f"{HOST}/news/gone.html" in r.stderr and "404" in r.stderr
    assert f"5 articles listed: 1 new, 3 skipped (already in {db}), 1 failed" in r.stderr
    assert urls_in(db) == [f"{HOST}/news/{k}.html" for k in "abcd"]
    assert not [p for p in Handler.seen if p in ("/news/a.html", "/news/b.html", "/news/c.html")]  # not fetched again


def test_a_folder_of_json_lines_is_skipped_too_and_limit_holds(tmp_path):
    out = tmp_path / "out"
    r = run("extract", "--feed", f"{HOST}/rss.xml", "--feed", f"{HOST}/atom.xml", "-o", f"{out}/", "-f", "jsonl",
            "--limit", "2", "-q")
    assert r.exit_code == 0, r.stderr
    assert "2 new, 0 skipped, 0 failed, 1 left for a later run (--limit)" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "b.jsonl"]
    r = run("extract", "--feed", f"{HOST}/rss.xml", "--feed", f"{HOST}/atom.xml", "-o", f"{out}/", "-f", "jsonl", "-q")
    assert r.exit_code == 0, r.stderr
    assert "1 new, 2 skipped" in r.stderr
    rec = json.loads((out / "c.jsonl").read_text(encoding="utf-8"))
    assert rec["article"]["outlet"] == "The Daily Example" and rec["quotes"][0]["speaker_name"] == "Ann Lee"
    Handler.seen.clear()
    r = run("extract", "--feed", f"{HOST}/rss.xml", "--feed", f"{HOST}/atom.xml", "-o", f"{out}/", "-f", "jsonl", "-q")
    assert r.exit_code == 0 and "0 new, 3 skipped" in r.stderr
    assert Handler.seen == ["/rss.xml", "/atom.xml"]  # nothing new: only the feeds were read


def test_a_folder_of_yaml_the_default_format_is_skipped_too(tmp_path):
    out = tmp_path / "out"
    r = run("extract", "--feed", f"{HOST}/rss.xml", "-o", f"{out}/", "-q")
    assert r.exit_code == 0 and "2 new, 0 skipped" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.yaml", "b.yaml"]
    r = run("extract", "--feed", f"{HOST}/rss.xml", "--feed", f"{HOST}/atom.xml", "-o", f"{out}/", "-q")
    assert r.exit_code == 0 and "1 new, 2 skipped" in r.stderr


def test_a_feed_file_and_a_page_that_is_no_feed(tmp_path):
    feed = tmp_path / "saved.rss"
    feed.write_text(RSS, encoding="utf-8")
    r = run("extract", "--feed", str(feed), "--feed", f"{HOST}/home", "-f", "jsonl", "-q")
    assert r.exit_code == 1
    assert f"{HOST}/home: not an RSS, Atom or JSON feed or a sitemap" in r.stderr
    assert [json.loads(line)["article"]["id"] for line in r.stdout.splitlines()] == ["a", "b"]


def test_limit_goes_with_a_feed(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(STORIES["a"], encoding="utf-8")
    r = run("extract", str(page), "--limit", "2")
    assert r.exit_code == 2 and "--limit" in r.stderr and "--feed" in r.stderr


def test_feed_text_is_decoded_and_sitemaps_are_told_apart():
    assert decode(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss>Caf\xe9</rss>', None).endswith("Café</rss>")
    assert decode("Café".encode(), "utf-8") == "Café"
    assert is_sitemap(SITEMAP) and is_sitemap(INDEX)
    assert not is_sitemap(RSS) and not is_sitemap(ATOM)
