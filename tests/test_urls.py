"""``claimx extract https://...`` against a local HTTP server (127.0.0.1 only)."""

from __future__ import annotations

import json
import socket
import time
from http.server import BaseHTTPRequestHandler

import pytest
from typer.testing import CliRunner

import claimx.read.fetch as fetch
from claimx.cli import app

from .conftest import all_spans, local_server

runner = CliRunner()
SHORT = "“We will win this race,” Governor Jane Smith said on Monday.\n\nShe added that the vote was fair.\n"
PAGE = (
    "<html><head><title>Smith wins</title></head><body><article><h1>Smith wins</h1>"
    + "".join(f"<p>{p}</p>" for p in SHORT.split("\n\n"))
    + "<p>More text follows in this article about the race and the vote.</p></article></body></html>"
).encode()


class Handler(BaseHTTPRequestHandler):
    seen: list[tuple[str, str]] = []  # (path, User-Agent) of every request
    flaky: dict[str, int] = {}

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Handler.seen.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path
        if path == "/news/smith-wins.html":
            self.send(200, PAGE)
        elif path == "/old":
            self.send(301, b"", Location="/news/smith-wins.html")
        elif path == "/loop":
            self.send(302, b"", Location="/loop")
        elif path == "/plain":
            self.send(200, SHORT.encode(), "text/plain; charset=utf-8")
        elif path == "/cp1252":
            self.send(200, PAGE.decode().replace("Smith wins", "Café Smith wins").encode("cp1252"),
                      "text/html; charset=windows-1252")
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n...", "application/pdf")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PAGE)
        elif path == "/big":
            self.send(200, PAGE + b" " * 4096)
        elif path == "/busy":
            n = Handler.flaky[path] = Handler.flaky.get(path, 0) + 1
            self.send(503, b"busy", "text/plain", Retry_After="0") if n == 1 else self.send(200, PAGE)
        elif path == "/down":
            self.send(503, b"down", "text/plain")
        else:
            self.send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server():
    with local_server(Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setattr(fetch, "BACKOFF", 0.01)
    Handler.seen.clear()
    Handler.flaky.clear()


def run(*args):
    return runner.invoke(app, list(args))


def test_url_is_extracted_like_a_saved_page(server):
    url = f"{server}/news/smith-wins.html"
    r = run("extract", url, "-f", "json", "--include-text")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    art = data["article"]
    assert (art["id"], art["source"], art["url"], art["title"]) == ("smith-wins", url, url, "Smith wins")
    assert art["text_source"] == "main-content"
    assert data["quotes"][0]["speaker_name"] == "Jane Smith"
    for span in all_spans(data):
        assert data["text"][span["start"] : span["end"]] == span["text"]
    assert Handler.seen[0][1].startswith("claimx/")  # a User-Agent that says who asks


def test_redirect_is_followed_and_url_is_where_the_page_was(server):
    r = run("extract", f"{server}/old", "-f", "json")
    assert r.exit_code == 0, r.stderr
    art = json.loads(r.stdout)["article"]
    assert art["source"] == f"{server}/old"
    assert art["url"] == f"{server}/news/smith-wins.html"


def test_plain_text_and_declared_charset(server):
    r = run("extract", f"{server}/plain", f"{server}/cp1252", "-f", "jsonl")
    assert r.exit_code == 0, r.stderr
    plain, legacy = (json.loads(x) for x in r.stdout.splitlines())
    assert plain["article"]["text_source"] is None and plain["quotes"][0]["speaker_name"] == "Jane Smith"
    assert legacy["article"]["title"] == "Café Smith wins"
    assert legacy["quotes"][0]["text"] == "We will win this race,"


def test_server_error_is_retried(server):
    r = run("extract", f"{server}/busy", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert [p for p, _ in Handler.seen] == ["/busy", "/busy"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/gone", "HTTP 404 Not Found"),
        ("/report.pdf", "not a web page: the server sent application/pdf"),
        ("/slow", "timed out after 0.3 s (3 tries)"),
        ("/down", "HTTP 503 Service Unavailable"),
        ("/loop", "too many redirects"),
        ("/big", "page too large"),
    ],
)
def test_bad_url_fails_alone(server, monkeypatch, path, message):
    monkeypatch.setattr(fetch, "MAX_BYTES", len(PAGE) + 1024)
    bad, good = f"{server}{path}", f"{server}/news/smith-wins.html"
    r = run("extract", bad, good, "-f", "jsonl", "--timeout", "0.3")
    assert r.exit_code == 1
    lines = [line for line in r.stderr.splitlines() if bad in line]
    assert len(lines) == 1 and message in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert [json.loads(x)["article"]["source"] for x in r.stdout.splitlines()] == [good]


def test_refused_connection(server):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = run("extract", f"http://127.0.0.1:{port}/x", "-f", "json")
    assert r.exit_code == 1
    assert f"http://127.0.0.1:{port}/x: cannot connect" in r.stderr


def test_from_urls_file(server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n{server}/news/smith-wins.html\n\nnot-a-url\n{server}/plain\n", encoding="utf-8")
    r = run("extract", "--from-urls", str(listing), "-f", "jsonl")
    assert r.exit_code == 1
    assert f"{listing}:4: not an http(s) URL: 'not-a-url'" in r.stderr
    assert [json.loads(x)["article"]["id"] for x in r.stdout.splitlines()] == ["smith-wins", "plain"]


def test_from_urls_on_stdin(server):
    r = runner.invoke(app, ["extract", "--from-urls", "-", "-f", "jsonl"], input=f"{server}/plain\n")
    assert r.exit_code == 0, r.stderr
    assert [json.loads(x)["article"]["source"] for x in r.stdout.splitlines()] == [f"{server}/plain"]


def test_nothing_to_read_is_a_usage_error():
    r = run("extract")
    assert r.exit_code == 2


@pytest.mark.parametrize(
    ("url", "stem"),
    [
        ("https://example.com/news/2025/rubio-interview.html", "rubio-interview"),
        ("https://example.com/news/story/", "story"),
        ("https://example.com/", "example.com"),
        ("https://example.com/a%20b.php?id=3", "a b"),
    ],
)
def test_url_stem(url, stem):
    assert fetch.url_stem(url) == stem


@pytest.mark.parametrize(
    ("value", "expected"),
    [("https://x.org/a", True), ("HTTP://x.org", True), ("ftp://x.org", False), ("news/http.txt", False), ("-", False)],
)
def test_is_url(value, expected):
    assert fetch.is_url(value) is expected
