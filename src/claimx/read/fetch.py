"""Web pages for ``claimx extract https://...``: fetched with httpx (a
timeout, retries with backoff on timeouts, dropped connections and server
errors, redirects followed, a size limit, a User-Agent naming claimx), then
read like a saved page. A page that cannot be had is one
:class:`~claimx.read.inputs.InputError` naming the URL; the other inputs go on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from claimx import __version__
from claimx.read.inputs import MAX_BYTES, Article, InputError, Notice, as_utf8, read_bytes, read_limited, too_large

if TYPE_CHECKING:
    import httpx

SCHEMES = ("http://", "https://")
TIMEOUT = 20.0  # seconds to connect, and between two reads
DEADLINE = 120.0  # seconds for a whole page, all tries (at least 4 x the timeout): a server dripping bytes ends
RETRIES = 2  # more tries after the first, for timeouts, dropped connections, 429 and 5xx
BACKOFF = 1.0  # seconds before the first retry, doubled for each next one
MAX_WAIT = 30.0  # the longest Retry-After honoured
MAX_REDIRECTS = 10
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
USER_AGENT = f"claimx/{__version__} (quote extraction for news articles; python-httpx)"


def is_url(value: str) -> bool:
    return value[:8].lower().startswith(SCHEMES)


def url_stem(url: str) -> str:
    """An article id for a URL: its last path segment without extension, else its host.

    >>> url_stem("https://example.com/news/2025/rubio-interview.html")
    'rubio-interview'
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if segments:
        stem = PurePosixPath(unquote(segments[-1])).stem
        if stem:
            return stem
    return parts.hostname or "page"


@dataclass(slots=True)
class Page:
    url: str  # after redirects
    body: bytes
    media_type: str  # "text/html", ...
    charset: str | None


class Fetcher:
    """One HTTP client for a run (connections are reused); ``close()`` it."""

    accepted = HTML_TYPES | TEXT_TYPES  # media types read (claimx.read.feeds adds feeds and sitemaps)

    def __init__(self, timeout: float = TIMEOUT, retries: int = RETRIES, max_bytes: int | None = None,
                 deadline: float | None = None) -> None:
        import httpx

        self.timeout = timeout
        self.deadline = deadline if deadline is not None else max(DEADLINE, 4 * timeout)
        self.retries = retries
        self.max_bytes = max_bytes if max_bytes is not None else MAX_BYTES
        self.client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(timeout),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            },
        )

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Page:
        """The page at ``url``, or an :class:`InputError` saying why not."""
        import httpx

        problem = ""
        end = time.monotonic() + self.deadline
        for attempt in range(self.retries + 1):
            left = end - time.monotonic()
            if left <= 0:
                break
            try:
                with self.client.stream("GET", url, timeout=httpx.Timeout(min(self.timeout, left))) as resp:
                    if resp.status_code in RETRY_STATUS and attempt < self.retries:
                        problem = _status(resp)
                        time.sleep(min(_wait(resp, attempt), max(end - time.monotonic(), 0)))
                        continue
                    return self._page(url, resp, end)
            except httpx.TimeoutException:
                problem = f"timed out after {self.timeout:g} s"
            except httpx.TooManyRedirects:
                raise InputError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise InputError(url, f"not a valid URL ({exc})") from None
            except httpx.TransportError as exc:
                problem = f"cannot connect ({exc or type(exc).__name__})"
            if attempt < self.retries:
                time.sleep(min(BACKOFF * 2**attempt, max(end - time.monotonic(), 0)))
        if time.monotonic() >= end:
            raise InputError(url, self._late(problem))
        tries = self.retries + 1
        raise InputError(url, f"{problem} ({tries} tries)" if tries > 1 else problem)

    def _late(self, problem: str = "") -> str:
        last = f"; last: {problem}" if problem else ""
        return f"not complete after {self.deadline:g} s, the limit for a whole page{last}"

    def _page(self, url: str, resp: httpx.Response, end: float = float("inf")) -> Page:
        if resp.status_code >= 400:
            raise InputError(url, _status(resp))
        media, _, params = resp.headers.get("content-type", "").partition(";")
        media = media.strip().lower()
        length = resp.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise InputError(url, f"page too large ({_mib(int(length))}; the limit is {_mib(self.max_bytes)})")
        body = bytearray()
        for chunk in resp.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise InputError(url, f"page too large (more than the limit of {_mib(self.max_bytes)})")
            if time.monotonic() > end:  # each read came in time, but the page never ends
                raise InputError(url, self._late())
        if not media and bytes(body[:1024]).lstrip().lower().startswith((b"<!doctype html", b"<html")):
            media = "text/html"
        if media not in self.accepted:
            sent = media or "no content type"
            raise InputError(url, f"not a web page: the server sent {sent}; claimx reads HTML and plain text")
        return Page(url=str(resp.url), body=bytes(body), media_type=media, charset=resp.charset_encoding)


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def _status(resp: httpx.Response) -> str:
    return f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip()


def _wait(resp: httpx.Response, attempt: int) -> float:
    """Seconds before the next try: the server's Retry-After (in seconds) if
    it gives one, else the backoff."""
    after = resp.headers.get("retry-after", "").strip()
    if after.isdigit():
        return min(float(after), MAX_WAIT)
    return BACKOFF * 2**attempt


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | InputError | Notice]:
    """The article at ``url``: ``source`` is the URL as given, ``url`` where it was found."""
    try:
        page = fetcher.fetch(url)
    except InputError as err:
        yield err
        return
    body = as_utf8(page.body, page.charset)  # the server named the encoding
    suffix = ".html" if page.media_type in HTML_TYPES else ".txt"
    for item in read_bytes(body, url, url_stem(url), suffix):
        if isinstance(item, Article):
            item.url = page.url
        yield item


def read_url_list(path: str, stdin_text: str | None = None) -> Iterator[str | InputError]:
    """URLs from a file, one a line (blank lines and ``#`` comments skipped)."""
    if path == "-" and stdin_text is not None:
        text = stdin_text
    else:
        try:
            with Path(path).open("rb") as fh:
                data = read_limited(fh, MAX_BYTES)
            if data is None:
                raise ValueError(f"the list is {too_large(MAX_BYTES)}")
            text = data.decode("utf-8-sig")
        except (OSError, ValueError) as exc:  # UnicodeDecodeError is a ValueError
            reason = getattr(exc, "strerror", None) or str(exc)
            yield InputError(path, f"cannot read the URL list: {reason}")
            return
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            yield line
        else:
            yield InputError(path, f"not an http(s) URL: {line[:80]!r}", n)
