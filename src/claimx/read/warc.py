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

from claimx.read.fetch import HTML_TYPES
from claimx.read.inputs import Article, InputError, Notice, as_utf8, decode, read_html

WARC_HINT = 'WARC input needs FastWARC: pip install "claimx[warc]"'
SUFFIXES = (".warc", ".warc.gz")
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


def _identifier():
    """The language identifier of :mod:`claimx.read.language`
    (``identify``), or None when this claimx has none (then every page is
    taken as English)."""
    try:
        from claimx.read.language import identify
    except ImportError:
        return None
    return identify


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
    """A local path or an fsspec URL, opened for reading bytes; a remote
    file that cannot be opened is an OSError saying why (:func:`remote_problem`)."""
    if "://" in path and not path.startswith("file://"):
        import fsspec

        try:
            return fsspec.open(path, "rb").open()
        except Exception as exc:  # the storage's own kinds: botocore's NoCredentialsError is no OSError
            raise RemoteError(remote_problem(exc)) from exc
    return open(path[len("file://"):] if path.startswith("file://") else path, "rb")  # noqa: SIM115


class RemoteError(OSError):
    """A remote file that cannot be opened; its message says why."""


# a storage library's error, by its class name -> what to do about it
_REMOTE_FIXES = {
    "NoCredentialsError": "no credentials for this storage: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                          "(or AWS_PROFILE), and AWS_ENDPOINT_URL for an S3 service other than AWS",
    "PartialCredentialsError": "incomplete credentials for this storage: set both AWS_ACCESS_KEY_ID and "
                               "AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)",
    "EndpointConnectionError": "cannot reach the storage endpoint (check AWS_ENDPOINT_URL and the network)",
}


def remote_problem(exc: BaseException) -> str:
    """Why a remote file (``s3://``, ``gs://``...) could not be read, in one
    line a user can act on.

    >>> remote_problem(ImportError("Install s3fs to access S3"))
    "reading s3:// needs s3fs: pip install 'claimx[s3]'"
    >>> remote_problem(PermissionError("Forbidden"))
    'access denied: Forbidden'
    """
    for cls in type(exc).__mro__:
        if cls.__name__ in _REMOTE_FIXES:
            return _REMOTE_FIXES[cls.__name__]
    if isinstance(exc, ImportError):
        if "s3fs" in str(exc):
            return "reading s3:// needs s3fs: pip install 'claimx[s3]'"
        return f"no file system for this URL: {exc}"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return f"access denied: {exc}"
    return f"cannot read: {getattr(exc, 'strerror', None) or exc}"


def read_warc(path: str, source: str, start: int = 0, end: int | None = None,
              skipped: Counter | None = None, any_language: bool = False) -> Iterator[Article | InputError | Notice]:
    """The articles of the records starting in bytes ``[start, end)`` of the
    archive at ``path`` (the whole of it by default). The records skipped
    are added to ``skipped``; without one, a notice names them at the end.
    Pages not in English are skipped and counted unless ``any_language``.
    An empty file is an error; so is an archive whose last record is cut
    short (the records before it are read)."""
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
        reason = getattr(exc, "strerror", None) or str(exc)
        yield InputError(source, reason if isinstance(exc, RemoteError) else f"cannot read: {reason}")
        return
    with fh:
        try:
            size = fh.seek(0, io.SEEK_END)
            if size == 0:
                yield InputError(source, "empty file: there is no web archive to read")
                return
            if start > 0 or end is not None:
                first = record_start(fh, start, size, gz)
                last = record_start(fh, end, size, gz) if end is not None and end < size else size
                if last <= first:
                    return
                fh.seek(first)
                stream: BinaryIO = io.BytesIO(fh.read(last - first))
            else:
                fh.seek(0)
                stream = fh
            records = warc.ArchiveIterator(stream, parse_http=True, auto_decode="all")
            yield from _articles(records, source, counts, any_language, lambda pos: _tail(stream, pos, gz))
        except OSError as exc:
            yield InputError(source, f"not a readable WARC file: {exc}")
    if skipped is not None:
        skipped.update(counts)
    elif counts:
        yield Notice(source, describe(counts), warning=not counts.get("pages"))


TRUNCATED = "truncated or corrupt archive: it ends in a record cut short (the records before it were read)"


def _articles(records, source: str, counts: Counter, any_language: bool = False,
              tail=lambda pos: (True, True)) -> Iterator[Article | InputError]:
    """What each record gives (an article, or a reason counted), one record
    late: ``tail(position of the last record)`` says whether that record is
    whole and whether the archive ends with it."""
    identify = None if any_language else _identifier()
    pending: tuple[int, Article | str] | None = None
    try:
        for rec in records:
            if pending is not None:
                yield from _take(pending[1], counts)
            pending = rec.stream_pos, _outcome(rec, source, identify)
    except OSError:
        if pending is not None:  # the records before the one that cannot be read
            yield from _take(pending[1], counts)
        raise
    if pending is None:
        yield InputError(source, "not a readable WARC file: it holds no WARC record")
        return
    whole, ends = tail(pending[0])
    if whole:
        yield from _take(pending[1], counts)
    if not ends:
        yield InputError(source, TRUNCATED)


def _take(outcome: Article | str, counts: Counter) -> Iterator[Article]:
    if isinstance(outcome, str):
        counts[outcome] += 1
    else:
        counts["pages"] += 1
        yield outcome


def _outcome(rec, source: str, identify) -> Article | str:
    """The article of one record, or why it is none (one of :data:`REASONS`).
    The language ``identify`` finds is kept on the article: extract does not
    identify it again (:func:`claimx.pipeline.extract._left_unread`)."""
    kind = str(rec.record_type).rsplit(".", 1)[-1]
    if kind != "response":
        return kind if kind in REASONS else "other-type"
    status = rec.http_headers.status_code if rec.is_http and rec.http_headers is not None else None
    if status is None or not 200 <= status < 300:
        return "http-error"
    if (rec.http_content_type or "").lower() not in HTML_TYPES:
        return "not-html"
    article = _article(rec, source)
    if article is None:
        return "no-text"
    if identify is not None:
        article.language = identify(article.text)[0]
        if article.language not in (None, "en"):  # surely another language (claimx.read.language.is_english)
            return "not-english"
    return article


def _tail(stream: BinaryIO, pos: int, gz: bool) -> tuple[bool, bool]:
    """Whether the record starting at ``pos`` is whole, and whether
    ``stream`` ends with it. In a ``.warc.gz`` its gzip member inflates to
    its end (when the archive is not one member per record, the whole
    stream must); in a ``.warc`` its ``Content-Length`` and the blank line
    after it fit, and only blank lines follow."""
    size = stream.seek(0, io.SEEK_END)
    stream.seek(pos)
    if gz:
        if stream.read(len(GZIP_MAGIC)) != GZIP_MAGIC:  # one gzip stream: check all of it
            stream.seek(0)
            whole = _gzip_whole(stream)
            return whole, whole
        stream.seek(pos)
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while not member.eof and (chunk := stream.read(SCAN)):
                member.decompress(chunk)
        except zlib.error:
            return False, False
        if not member.eof:
            return False, False
        return True, not member.unused_data and not stream.read(1)
    head = stream.read(HEADER_MAX)
    end = head.find(b"\r\n\r\n")
    m = _LENGTH.search(head, 0, end if end >= 0 else len(head))
    if end < 0 or m is None:
        return False, False
    after = pos + end + 4 + int(m.group(1)) + 4  # the block and its \r\n\r\n
    if after > size:
        return False, False
    stream.seek(after)
    return True, size - after <= SCAN and not stream.read().strip()


def _gzip_whole(stream: BinaryIO) -> bool:
    """Every gzip member from the stream's position to its end is whole."""
    member = None
    while chunk := stream.read(SCAN):
        while chunk:
            member = member or zlib.decompressobj(16 + zlib.MAX_WBITS)
            try:
                member.decompress(chunk)
            except zlib.error:
                return False
            chunk = member.unused_data if member.eof else b""
            if member.eof:
                member = None
    return member is None


def _article(rec, source: str) -> Article | None:
    """The article of one HTML response, or None when the page holds no
    article text (an index page, an empty body, a page too large)."""
    body = as_utf8(rec.reader.read(), rec.http_charset)  # the server named the encoding
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
    >>> describe(Counter({"pages": 1, "warcinfo": 1}))
    '1 HTML page read as an article; 1 record skipped: 1 warcinfo'
    """
    skipped = {r: counts[r] for r in REASONS if counts.get(r)}
    pages = counts.get("pages", 0)
    line = "1 HTML page read as an article" if pages == 1 else f"{pages} HTML pages read as articles"
    if skipped:
        n = sum(skipped.values())
        line += f"; {n} record{'s' if n != 1 else ''} skipped: " + ", ".join(f"{k} {r}" for r, k in skipped.items())
    return line
