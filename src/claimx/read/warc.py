"""Web archives: every HTML page a WARC file (``.warc``, ``.warc.gz``) holds,
read as an article.

Each ``response`` record whose HTTP status is 2xx and whose content type is
HTML is one article: its text as a saved page's (:func:`claimx.read.inputs.read_html`),
``id`` the ``WARC-Record-ID`` (``urn:uuid:...``), ``url`` the
``WARC-Target-URI`` and ``crawled`` the day of its ``WARC-Date`` (the
fallback reference date when the page names no date of its own). Every other
record is skipped and counted by reason (:data:`REASONS`): requests,
metadata, revisits, non-HTML responses, pages with no article text, pages not
in English. A local run names the counts in one line per file; a cluster run
keeps them per partition in the manifest. Nothing is said per record: a crawl
holds millions.

The reader is FastWARC (``pip install "claimx[warc]"``): it reads the
archive about 3.5 times faster than warcio on the same file, and decodes
the HTTP content and transfer encodings itself (README, "WARC input").

A large archive is cut into byte ranges on record boundaries, as a JSON Lines
corpus is cut on line breaks: a record belongs to the range holding its first
byte. In a ``.warc.gz`` every record is its own gzip member, and a record
starts where a gzip member starts whose first bytes inflate to ``WARC/``; in
a ``.warc``, where a line ``WARC/1.x`` follows a blank line and the record's
``Content-Length`` ends on the next record or the end of the file.
"""

from __future__ import annotations

import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from claimx.read.inputs import Article, InputError, Notice, decode, read_html

WARC_HINT = 'WARC input needs FastWARC: pip install "claimx[warc]"'
SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = {"text/html", "application/xhtml+xml"}
SCAN = 1 << 16  # bytes read at a time while looking for a record start
HEADER_MAX = 1 << 16  # the most bytes a record's WARC header may take
GZIP_MAGIC = b"\x1f\x8b\x08"

# why a record is not an article, in the order the counts are named
REASONS = ("request", "metadata", "revisit", "warcinfo", "resource", "other-type", "http-error", "not-html",
           "no-text", "not-english")


def is_warc(name: str) -> bool:
    """A web archive, by its name.

    >>> is_warc("CC-NEWS-20250801.warc.gz"), is_warc("page.html.gz")
    (True, False)
    """
    return name.lower().endswith(SUFFIXES)


def require_fastwarc():
    try:
        from fastwarc import warc
    except ImportError:
        raise ImportError(WARC_HINT) from None
    return warc


def _english():
    """The language check of :mod:`claimx.read.language`, or None when this
    claimx has none (then every page is taken as English)."""
    try:
        from claimx.read.language import is_english
    except ImportError:
        return None
    return is_english


# ---- record boundaries --------------------------------------------------------


def record_start(fh: BinaryIO, pos: int, size: int, gz: bool) -> int:
    """The first record start at or after ``pos`` (``size`` when none follows)."""
    if pos <= 0:
        return 0
    if pos >= size:
        return size
    at = pos
    while at < size:
        fh.seek(at)
        block = fh.read(SCAN + HEADER_MAX)
        if not block:
            break
        i = 0
        while True:
            i = block.find(GZIP_MAGIC if gz else b"WARC/1.", i)
            if i < 0 or i >= SCAN:
                break
            if (_member_starts(fh, at + i) if gz else _record_at(fh, at + i, size)):
                return at + i
            i += 1
        at += SCAN
    return size


def _member_starts(fh: BinaryIO, pos: int) -> bool:
    """A gzip member starts at ``pos`` and inflates to a WARC header."""
    fh.seek(pos)
    head = fh.read(4096)
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 8)
    except zlib.error:
        return False
    return out.startswith(b"WARC/")


_VERSION = re.compile(rb"WARC/1\.[01]\r?\n")
_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$")


def _record_at(fh: BinaryIO, pos: int, size: int) -> bool:
    """An uncompressed record starts at ``pos``: a blank line before it, a
    version line, and a Content-Length whose end is the end of the file or
    the start of the next record."""
    fh.seek(max(0, pos - 4))
    before = fh.read(pos - max(0, pos - 4))
    if pos > 0 and not before.endswith((b"\r\n\r\n", b"\n\n")):  # a record ends with a blank line
        return False
    head = fh.read(HEADER_MAX)
    if not _VERSION.match(head):
        return False
    end = head.find(b"\r\n\r\n")
    m = _LENGTH.search(head, 0, end if end >= 0 else len(head))
    if end < 0 or m is None:
        return False
    after = pos + end + 4 + int(m.group(1)) + 4  # the block and its \r\n\r\n
    if after >= size:
        return after == size
    fh.seek(after)
    return fh.read(7) == b"WARC/1."


# ---- reading ------------------------------------------------------------------


def open_binary(path: str) -> BinaryIO:
    """A local path or an fsspec URL, opened for reading bytes."""
    if "://" in path and not path.startswith("file://"):
        import fsspec

        return fsspec.open(path, "rb").open()
    return open(path[len("file://"):] if path.startswith("file://") else path, "rb")  # noqa: SIM115


def read_warc(path: str, source: str, start: int = 0, end: int | None = None,
              skipped: Counter | None = None) -> Iterator[Article | InputError | Notice]:
    """The articles of the records starting in bytes ``[start, end)`` of the
    archive at ``path`` (the whole of it by default). The records skipped
    are added to ``skipped``; without one, a notice names them at the end."""
    try:
        warc = require_fastwarc()
    except ImportError as exc:
        yield InputError(source, str(exc))
        return
    counts: Counter = Counter()
    gz = path.lower().endswith(".gz")
    try:
        fh = open_binary(path)
    except (OSError, ValueError) as exc:
        yield InputError(source, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    with fh:
        try:
            if start > 0 or end is not None:
                size = fh.seek(0, io.SEEK_END)
                first = record_start(fh, start, size, gz)
                last = record_start(fh, end, size, gz) if end is not None and end < size else size
                if last <= first:
                    return
                fh.seek(first)
                stream: BinaryIO = io.BytesIO(fh.read(last - first))
            else:
                stream = fh
            records = warc.ArchiveIterator(stream, parse_http=True, auto_decode="all")
            yield from _articles(records, source, counts)
        except OSError as exc:
            yield InputError(source, f"not a readable WARC file: {exc}")
    if skipped is not None:
        skipped.update(counts)
    elif counts:
        yield Notice(source, describe(counts))


def _articles(records, source: str, counts: Counter) -> Iterator[Article | InputError]:
    is_english = _english()
    for rec in records:
        kind = str(rec.record_type).rsplit(".", 1)[-1]
        if kind != "response":
            counts[kind if kind in REASONS else "other-type"] += 1
            continue
        status = rec.http_headers.status_code if rec.is_http and rec.http_headers is not None else None
        if status is None or not 200 <= status < 300:
            counts["http-error"] += 1
            continue
        if (rec.http_content_type or "").lower() not in HTML_TYPES:
            counts["not-html"] += 1
            continue
        article = _article(rec, source)
        if article is None:
            counts["no-text"] += 1
        elif is_english is not None and not is_english(article.text):
            counts["not-english"] += 1
        else:
            counts["pages"] += 1
            yield article


def _article(rec, source: str) -> Article | None:
    """The article of one HTML response, or None when the page holds no
    article text (an index page, an empty body, a page too large)."""
    body = rec.reader.read()
    charset = (rec.http_charset or "").lower().replace("_", "-")
    if charset and charset not in ("utf-8", "utf8"):
        try:
            body = body.decode(charset).encode("utf-8")  # the server named the encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong name: detect it as for a saved file
    record_id = (rec.record_id or "").strip("<>")
    try:
        text, _ = decode(body, source)
        article, _ = read_html(text, source, record_id)
    except InputError:
        return None
    article.url = rec.headers.get("WARC-Target-URI") or article.url
    date = rec.headers.get("WARC-Date")
    article.crawled = date[:10] if date else None
    return article


def describe(counts: Counter) -> str:
    """The counts of a file or partition in one line.

    >>> describe(Counter({"pages": 2, "request": 3, "not-html": 1}))
    '2 HTML pages read as articles; 4 records skipped: 3 request, 1 not-html'
    """
    skipped = {r: counts[r] for r in REASONS if counts.get(r)}
    line = f"{counts.get('pages', 0)} HTML pages read as articles"
    if skipped:
        line += f"; {sum(skipped.values())} records skipped: " + ", ".join(f"{n} {r}" for r, n in skipped.items())
    return line
