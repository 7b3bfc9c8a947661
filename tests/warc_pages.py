"""Web pages written for the tests, and a WARC archive holding them (written
with warcio's writer, as crawlers write them) beside records a crawl also
holds: warcinfo, requests, metadata, a revisit, an image, a 404, a page with
no article text."""

from __future__ import annotations

import io
from pathlib import Path

PEOPLE = [("Jane Smith", "Governor"), ("John Doe", "Senator"), ("Mary Major", "Mayor"), ("Ali Khan", "Minister"),
          ("Ruth Bader", "Judge"), ("Omar Diaz", "Chairman")]
CRAWLED = "2025-08-03T10:15:00Z"


def story(i: int) -> list[str]:
    name, title = PEOPLE[i % len(PEOPLE)]
    surname = name.split()[1]
    return [f"“We will finish the bridge over the river by March,” {title} {name} said on Monday at a briefing.",
            f"{surname} told reporters that the budget for section {i} had grown by a third since the spring. "
            f"“Nobody wanted this delay,” {surname} added, noting that work began in 2021.",
            "Critics said the plan was late and that the contractors had been warned about the costs twice.",
            f"The council will vote on the new schedule for section {i} next week, officials said."]


def url(i: int) -> str:
    return f"https://news.example.org/2025/08/bridge-{i}.html"


def page(i: int, paragraphs: list[str] | None = None, published: str | None = "2025-08-02") -> str:
    """A news page: title, date and address in its metadata, the story in <article>."""
    meta = f'<meta property="article:published_time" content="{published}T09:00:00Z">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or story(i)))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge delay {i}</title>{meta}'
            f'<link rel="canonical" href="{url(i)}"></head><body><nav><a href="/">Home</a> <a href="/world">World</a>'
            f"</nav><article><h1>Bridge delay {i}</h1>{body}</article><footer>© News Example</footer></body></html>")


def write_pages(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"page-{i:02d}.html"
        p.write_text(page(i), encoding="utf-8")
        paths.append(p)
    return paths


def write_warc(path: Path, pages: list[str], *, gzip: bool = True, extras: bool = True) -> None:
    """An archive of ``pages`` (one request and one response each), and with
    ``extras`` the other kinds of record a crawl holds, one of each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gzip)

        def response(target: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8"):
            http = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(target, "response", payload=io.BytesIO(body), http_headers=http,
                                                warc_headers_dict={"WARC-Date": CRAWLED}))

        def request(target: str):
            http = StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
            w.write_record(w.create_warc_record(target, "request", http_headers=http,
                                                warc_headers_dict={"WARC-Date": CRAWLED}))

        if extras:
            w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "a test", "format": "WARC/1.1"}))
        for i, html in enumerate(pages):
            request(url(i))
            response(url(i), html.encode("utf-8"))
            if extras and i == 1:
                w.write_record(w.create_warc_record(url(i), "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                                                    warc_content_type="application/warc-fields"))
                response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
                response("https://news.example.org/gone.html", b"<html><body>Not found</body></html>",
                         status="404 Not Found")
                response("https://news.example.org/empty.html", b"<html><body></body></html>")
                w.write_record(w.create_revisit_record(url(0), digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                                       refers_to_uri=url(0), refers_to_date=CRAWLED))
