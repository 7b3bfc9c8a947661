"""Feeds and sitemaps for ``claimx extract --feed URL|FILE``: the articles an
RSS, Atom or JSON feed or a sitemap lists, read with trafilatura's own feed
and sitemap support (:mod:`trafilatura.feeds`, :mod:`trafilatura.sitemaps`),
fetched with claimx's :class:`~claimx.read.fetch.Fetcher` (its timeout, retries
and size limit), one request at a time.

A rerun into the same output adds only what is new: :func:`seen_urls` reads
the URLs already extracted into ``-o DIR/`` (its JSON and JSON Lines files)
(its JSON, JSON Lines and YAML files) or ``-o x.db`` (its articles table), and :func:`plan` leaves them out.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from claimx.read.fetch import HTML_TYPES, TEXT_TYPES, Fetcher, is_url, read_url
from claimx.read.inputs import MAX_BYTES, Article, InputError, Notice, read_limited, too_large

if TYPE_CHECKING:
    from claimx.records import ArticleRecord

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml", "application/feed+json", "application/json"})
MAX_SITEMAPS = 20  # sitemaps read for one --feed (an index and the sitemaps it names)
_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


class FeedFetcher(Fetcher):
    """A :class:`Fetcher` that also reads feeds and sitemaps (XML, JSON)."""

    accepted = HTML_TYPES | TEXT_TYPES | FEED_TYPES


@dataclass
class Plan:
    """What one run of ``--feed`` does: the new article URLs (in the order the
    feeds list them), how many were listed and skipped, and the feeds that failed."""

    new: list[str] = field(default_factory=list)
    listed: int = 0
    skipped: int = 0
    limited: int = 0  # new ones left for a later run by --limit
    errors: list[InputError] = field(default_factory=list)


def decode(body: bytes, charset: str | None) -> str:
    """A feed's text: the charset the server named, else the XML declaration's, else UTF-8.

    >>> decode('<?xml version="1.0" encoding="ISO-8859-1"?><rss>Caf\\xe9</rss>'.encode("latin-1"), None)[-10:]
    'Café</rss>'
    """
    declared = _ENCODING.match(body[:200])
    for name in (charset, declared.group(1).decode() if declared else None, "utf-8"):
        if name:
            try:
                return body.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("utf-8", "replace")


def is_sitemap(text: str) -> bool:
    """An XML sitemap or sitemap index (a plain list of URLs is read as a sitemap too)."""
    head = text[:2000]
    return "<urlset" in head or "<sitemapindex" in head


def _base(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{parts.netloc}", host.removeprefix("www.")


def feed_links(text: str, url: str) -> list[str]:
    """The article links of an RSS, Atom or JSON feed (trafilatura.feeds);
    ``url`` is where the feed is (relative links are read against it)."""
    from trafilatura.feeds import FeedParameters, extract_links

    base, domain = _base(url)
    return extract_links(text, FeedParameters(base, domain, url, external=True))


def sitemap_links(text: str, url: str) -> tuple[list[str], list[str]]:
    """The page links and the nested sitemap links of a sitemap (trafilatura.sitemaps)."""
    from trafilatura.sitemaps import SitemapObject

    base, domain = _base(url)
    sitemap = SitemapObject(base, domain, [], external=True)
    sitemap.current_url = url
    sitemap.content = text
    sitemap.process()
    return sitemap.urls, sitemap.sitemap_urls


def _read(source: str, fetcher: Fetcher) -> tuple[str, str]:
    """The text of a feed (URL or file) and its address."""
    if is_url(source):
        page = fetcher.fetch(source)  # raises InputError
        return decode(page.body, page.charset), page.url
    try:
        with Path(source).open("rb") as fh:
            data = read_limited(fh, MAX_BYTES)  # never whole: a device, a pipe
    except OSError as exc:
        raise InputError(source, f"cannot read the feed: {exc.strerror or exc}") from None
    if data is None:
        raise InputError(source, f"feed {too_large(MAX_BYTES)}")
    return decode(data, None), source


_LOCAL_LINK = re.compile(r"https?://(?:localhost|\[[0-9a-fA-F:.]+\]|\d{1,3}(?:\.\d{1,3}){3})(?:[:/]|\b)", re.I)


def _dropped(text: str) -> str:
    """Why a feed with links gave none: trafilatura drops links to localhost and IP addresses.

    >>> _dropped("<link>http://127.0.0.1:8000/a.html</link>")
    ' (its links point at localhost or an IP address, which are dropped as article links)'
    >>> _dropped("<link>http://news.example.com/a.html</link>")
    ''
    """
    return " (its links point at localhost or an IP address, which are dropped as article links)" if (
        _LOCAL_LINK.search(text)) else ""


def articles_of(source: str, fetcher: Fetcher) -> list[str]:
    """The article URLs a feed or sitemap lists (a sitemap index: those of
    the sitemaps it names, at most :data:`MAX_SITEMAPS` read); raises
    :class:`InputError` when it cannot be read or is neither."""
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    text, where = _read(source, fetcher)
    if not is_sitemap(text):
        from trafilatura.feeds import is_potential_feed

        if not (is_potential_feed(text.strip()) or text.lstrip().startswith("{")):
            raise InputError(source, "not an RSS, Atom or JSON feed or a sitemap")
        links = feed_links(text, where)
        if not links:
            raise InputError(source, "the feed lists no article links" + _dropped(text))
        return links
    urls, queue = sitemap_links(text, where)
    seen = {where}
    while queue and len(seen) < MAX_SITEMAPS:
        nested = queue.pop(0)
        if nested in seen:
            continue
        seen.add(nested)
        text, where = _read(nested, fetcher)
        more, deeper = sitemap_links(text, where)
        urls += more
        queue += deeper
    if not urls:
        raise InputError(source, "the sitemap lists no pages" + _dropped(text))
    return urls


def seen_urls(output, to_dir: bool, database: bool, any_language: bool = False) -> set[str]:
    """The URLs (as given, and where they were found) of the articles already
    in ``output``: a folder of JSON, JSON Lines or YAML files (a Path, or
    at an fsspec URL: an object with ``names()`` and ``read_text(name)``, as
    ``claimx.write.store.Store``), or a database.
    With ``any_language``, an article left unread for its language (a record
    with metadata only) is not counted: this run extracts it."""
    found: set[str] = set()
    if output is not None and not isinstance(output, Path):
        if to_dir:
            store = output
            for name in sorted(n for n in store.names() if Path(n).suffix.lower() in RECORD_FILES):
                found.update(_urls_in(store.read_text(name) or "", Path(name).suffix.lower(), any_language))
        return found
    if output is None or not output.exists():
        return found
    if database:
        try:
            with sqlite3.connect(f"file:{output}?mode=ro", uri=True) as db:
                rows = db.execute(UNREAD_SQL if any_language else "SELECT source, url FROM articles").fetchall()
        except sqlite3.Error:
            return found  # a new database, or not one of claimx's: nothing to skip
        found.update(v for row in rows for v in row if v)
    elif to_dir:
        for path in sorted(p for p in output.iterdir() if p.suffix.lower() in RECORD_FILES):
            found.update(_urls_in(_text(path), path.suffix.lower(), any_language))
    return found


UNREAD_SQL = """SELECT source, url FROM articles AS a WHERE coalesce(language, 'en') = 'en'
 OR EXISTS (SELECT 1 FROM quotes WHERE article_id = a.id) OR EXISTS (SELECT 1 FROM speakers WHERE article_id = a.id)
 OR EXISTS (SELECT 1 FROM dates WHERE article_id = a.id)"""  # the articles that were read (not left for their language)


def unread(record: dict) -> bool:
    """A record left unread for its language: not English, and metadata only.

    >>> unread({"article": {"language": "de"}, "speakers": [], "quotes": [], "dates": []})
    True
    >>> unread({"article": {"language": "en"}, "speakers": [], "quotes": [], "dates": []})
    False
    """
    art = record.get("article") or {}
    return (art.get("language") or "en") != "en" and not any(record.get(k) for k in ("speakers", "quotes", "dates"))


RECORD_FILES = (".json", ".jsonl", ".yaml", ".yml")  # the per-article files of -o DIR/ that are read back


def _records_in(text: str, suffix: str) -> list:
    """The values of a file of ``-o DIR/`` (:mod:`claimx.recordfiles`): a YAML
    file broken anywhere gives none; JSON is read whole, else line by line."""
    from claimx.recordfiles import values

    problems: list = []
    if suffix in (".yaml", ".yml"):
        docs = [d for _, d in values(text, "yaml", lambda *p: problems.append(p)) if d is not None]
        return [] if problems else docs
    found = [v for _, v in values(text, "json", lambda *p: problems.append(p))]
    return [v for _, v in values(text, "jsonl", lambda *_: None)] if problems else found


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _urls_in(text: str, suffix: str, any_language: bool = False) -> Iterable[str]:
    for rec in _records_in(text, suffix) if text else []:
        art = rec.get("article") if isinstance(rec, dict) else None
        if isinstance(art, dict) and not (any_language and unread(rec)):
            yield from (v for v in (art.get("source"), art.get("url")) if isinstance(v, str) and v)


def plan(feeds: list[str], seen: set[str], fetcher: Fetcher) -> Plan:
    """The new article URLs of ``feeds`` (each once, those in ``seen`` left
    out) and the counts for the summary."""
    result = Plan()
    listed: dict[str, None] = {}
    for source in feeds:
        try:
            listed.update(dict.fromkeys(articles_of(source, fetcher)))
        except InputError as exc:
            result.errors.append(exc)
    result.listed = len(listed)
    result.new = [u for u in listed if u not in seen]
    result.skipped = result.listed - len(result.new)
    return result


class FeedRun:
    """One run of ``extract --feed``: the plan (the new article URLs), their
    articles fetched in order until ``limit`` were read (a link that fails
    takes no place: the next one is tried), the records counted as they pass,
    and the one-line summary."""

    def __init__(self, feeds: list[str], seen: set[str], limit: int | None, timeout: float) -> None:
        fetcher = FeedFetcher(timeout)
        try:
            self.plan = plan(feeds, seen, fetcher)
        finally:
            fetcher.close()
        self.limit = limit
        self.timeout = timeout
        self.wanted = set(self.plan.new)
        self.tried = 0  # links fetched (or tried)
        self.new = 0

    def articles(self) -> Iterator[Article | InputError | Notice]:
        """The new articles, fetched one at a time, at most ``limit`` read; a failed link is yielded as its error."""
        fetcher = Fetcher(self.timeout)
        read = 0
        try:
            for url in self.plan.new:
                if self.limit is not None and read >= self.limit:
                    break
                self.tried += 1
                for item in read_url(url, fetcher):
                    read += isinstance(item, Article)
                    yield item
        finally:
            fetcher.close()

    def count(self, records: Iterable[ArticleRecord]) -> Iterator[ArticleRecord]:
        """The records, counting those of the feeds' new articles."""
        for rec in records:
            if rec.article.source in self.wanted:
                self.new += 1
            yield rec

    def summary(self, output: str | None) -> str:
        """"feeds: 42 articles listed: 5 new, 37 skipped (already in news.db), 0 failed"."""
        p = self.plan
        self.plan.limited = len(p.new) - self.tried
        where = f" (already in {output})" if output and p.skipped else ""
        later = f", {p.limited} left for a later run (--limit)" if p.limited and self.limit is not None else ""
        unread = f"; {len(p.errors)} feed(s) could not be read" if p.errors else ""
        return (f"feeds: {p.listed} articles listed: {self.new} new, {p.skipped} skipped{where}, "
                f"{self.tried - self.new} failed{later}{unread}")
