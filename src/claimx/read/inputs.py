"""Read articles: text and HTML files, JSONL and CSV corpora, standard
input (:mod:`claimx.read.sources` walks directories and globs and hands each file
here, each URL to :mod:`claimx.read.fetch`). Each input yields either an :class:`Article` or an
:class:`InputError` naming the file (and line) and what is wrong, so one bad
input never stops the others.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from claimx.read.unwrap import unwrap, unwrap_html

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MHTML_SUFFIXES = {".mhtml", ".mht"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | MHTML_SUFFIXES | CORPUS_SUFFIXES | {".warc"}  # and .warc.gz
READABLE = "text (.txt), web pages (.html, .htm, .mhtml) and corpora (.jsonl, .csv)"
MAX_BYTES = 20 * 1024 * 1024
MAX_MHTML_BYTES = 200 * 1024 * 1024  # a page saved with its images; its HTML part must fit MAX_BYTES
MAX_CHARS = 2_000_000
CSV_FIELD_LIMIT = 2**31 - 1  # a field is bounded by the file (MAX_BYTES) and the article by MAX_CHARS
FALLBACK_ENCODING = "cp1252"  # a corpus line that is not UTF-8 (else latin-1, which decodes any byte)
MAX_LINE_NOTICES = 10  # corpus lines named one by one; the rest of a file in one line
READ_CHUNK = 1 << 20

# formats claimx does not read, by their first bytes and by suffix
DOCUMENT_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt, .epub or .zip file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls, .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"bplist00", "a Safari web archive (.webarchive)"),
)
DOCUMENT_SUFFIXES = {
    ".pdf": "a PDF document", ".doc": "a Word document", ".docx": "a Word document",
    ".odt": "an OpenDocument text", ".rtf": "an RTF document", ".pages": "a Pages document",
    ".epub": "an EPUB book", ".webarchive": "a Safari web archive (.webarchive)",
    ".xls": "a spreadsheet", ".xlsx": "a spreadsheet", ".ods": "a spreadsheet",
    ".ppt": "a presentation", ".pptx": "a presentation", ".zip": "a ZIP archive",
    ".json": "a JSON file (corpora are read as JSON Lines, .jsonl: one article a line)",
}


@dataclass(slots=True)
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    text_source: str | None = None  # web pages: main-content | json-ld | fallback
    crawled: str | None = None  # web archives: the day the page was saved (WARC-Date), the last reference date
    language: str | None = None  # claimx.read.language.identify, set by extract (or by the WARC reader)
    outlet: str | None = None  # web pages: the name the page gives its site (og:site_name, JSON-LD publisher)
    # the text as read, when reading mended it for the parser (hard-wrapped
    # lines joined, reply markers blanked; same length, same offsets): the
    # record shows it and slices every span from it, the pipeline parses ``text``
    original: str | None = None

    @property
    def shown(self) -> str:
        """The text the record shows and its offsets index: the text as read."""
        return self.original if self.original is not None else self.text


def outlet_name(name: str | None, url: str | None) -> str | None:
    """An article's outlet: the name the page gives its site where it gives
    one, else the host of its URL without ``www.``; None when neither is known.
    Every record's ``outlet`` is set by this (:func:`claimx.pipeline.extract._info`), so all
    formats agree.

    >>> outlet_name("The Daily Example", "https://www.example.com/a")
    'The Daily Example'
    >>> outlet_name(None, "https://www.example.com/a")
    'example.com'
    >>> outlet_name(None, "not a url") is None
    True
    """
    if name:
        return str(name)
    url = str(url or "")
    try:
        host = urlsplit(url).hostname if "//" in url else None
    except ValueError:  # a malformed URL (a bad IPv6 host) names no host
        host = None
    return host.removeprefix("www.") if host else None


class InputError(Exception):
    """A bad input: ``str()`` is the one-line message for stderr."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Notice:
    """A warning about an input that was still read (e.g. its encoding was
    guessed), or with ``warning=False`` a plain account of it (what a web
    archive held)."""

    source: str
    message: str
    line: int | None = None
    warning: bool = True

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


def read_limited(fh: BinaryIO, limit: int) -> bytes | None:
    """At most ``limit`` bytes of a stream, read in chunks; None when it holds
    more (a device like /dev/zero, a pipe, a sparse file: never read whole).

    >>> read_limited(io.BytesIO(b"abc"), 3), read_limited(io.BytesIO(b"abcd"), 3)
    (b'abc', None)
    """
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = fh.read(min(READ_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
    return None


def too_large(limit: int) -> str:
    return f"too large (more than the limit of {limit // 2**20} MiB); claimx stopped reading there"


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a metadata value, or None."""
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        return None


def as_utf8(body: bytes, charset: str | None) -> bytes:
    """A page's ``body`` re-encoded as UTF-8 from the charset its server
    named (HTTP ``Content-Type``), for :func:`decode`; as it is when the
    server named UTF-8 or none, or a charset that does not decode it (a
    wrong name: :func:`decode` detects the encoding as for a saved file).
    Pages fetched (:mod:`claimx.read.fetch`) and archived
    (:mod:`claimx.read.warc`) alike.

    >>> as_utf8("Café".encode("latin-1"), "ISO_8859-1")
    b'Caf\\xc3\\xa9'
    >>> as_utf8(b"Caf\\xe9", "UTF-8"), as_utf8(b"Caf\\xe9", "no-such-charset"), as_utf8(b"\\xff", "ascii")
    (b'Caf\\xe9', b'Caf\\xe9', b'\\xff')
    >>> as_utf8(b"Caf\\xe9", "latin\\x001"), as_utf8(b"Caf\\xe9", "rot13")  # a NUL in the name; no text encoding
    (b'Caf\\xe9', b'Caf\\xe9')
    """
    name = (charset or "").lower().replace("_", "-")
    if name and name not in ("utf-8", "utf8"):
        try:
            return body.decode(name).encode("utf-8")
        except (LookupError, ValueError):  # an unknown name, bytes it does not decode, a NUL in the name
            pass
    return body


def decode(data: bytes, source: str) -> tuple[str, Notice | None]:
    """Bytes to text: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else a
    detected encoding with a notice, else an error."""
    if not data.strip():
        raise InputError(source, "empty file: there is no text to extract from")
    if len(data) > MAX_BYTES:
        raise InputError(source, f"file too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MiB)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise InputError(source, f"starts as UTF-16 but is not (byte {exc.start}: {exc.reason})") from None
    sample = data[:65536]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise InputError(source, "binary file: claimx reads UTF-8 text, HTML, JSONL or CSV")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise InputError(
                source,
                f"not UTF-8 (invalid byte at offset {exc.start}) and the encoding could not be "
                "detected; convert it with: iconv -f <encoding> -t UTF-8",
            ) from None
        return str(best), Notice(source, f"not UTF-8: decoded as {best.encoding}")


def decode_corpus(data: bytes, source: str) -> tuple[str, list[Notice]]:
    """A corpus (JSONL, CSV) decoded line by line: UTF-8, and a line that is
    not is named and decoded as cp1252 (else latin-1); never one guess for the
    whole file. UTF-16 with a byte-order mark is decoded whole.

    >>> text, notices = decode_corpus(b'{"text": "ok"}\\n{"text": "Jos\\xe9"}\\n', "c.jsonl")
    >>> text[-8:], str(notices[0])
    ('"José"}\\n', 'c.jsonl:2: not UTF-8 (byte 14 of the line): decoded as cp1252')
    """
    if not data.strip():
        raise InputError(source, "empty file: there is no text to extract from")
    if len(data) > MAX_BYTES:
        raise InputError(source, f"file {too_large(MAX_BYTES)}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode(data, source)[0], []
    sample = data[:65536]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise InputError(source, "binary file: claimx reads UTF-8 text, HTML, JSONL or CSV")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines: list[str] = []
    notices: list[Notice] = []
    bad = 0
    raws = data.split(b"\n")  # as read_jsonl counts lines
    for n, raw in enumerate(raws, start=1):
        raw += b"\n" if n < len(raws) else b""
        try:
            lines.append(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            continue
        except UnicodeDecodeError as exc:
            offset = exc.start
        try:
            line, used = raw.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
        except UnicodeDecodeError:
            line, used = raw.decode("latin-1"), "latin-1"
        lines.append(line)
        bad += 1
        if bad <= MAX_LINE_NOTICES:
            notices.append(Notice(source, f"not UTF-8 (byte {offset + 1} of the line): decoded as {used}", n))
    if bad > MAX_LINE_NOTICES:
        notices.append(Notice(source, f"{bad - MAX_LINE_NOTICES} more line(s) not UTF-8, decoded as "
                                      f"{FALLBACK_ENCODING} (else latin-1)"))
    return "".join(lines), notices


def document_kind(data: bytes, suffix: str) -> str | None:
    """What a file is when it is a format claimx does not read (a PDF, a Word
    document...), from its first bytes, else its suffix; None otherwise."""
    head = data[:16]
    for magic, kind in DOCUMENT_MAGIC:
        if head.startswith(magic):
            return kind
    return DOCUMENT_SUFFIXES.get(suffix)


def _mhtml(data: bytes, source: str) -> tuple[bytes, str | None]:
    """The HTML page (as UTF-8) and address in an MHTML archive."""
    from claimx.read.pages import mhtml_page

    if not data.strip():
        raise InputError(source, "empty file: there is no text to extract from")
    if len(data) > MAX_MHTML_BYTES:
        raise InputError(source, f"file too large ({len(data) / 1e6:.1f} MB; the limit for MHTML is {MAX_MHTML_BYTES // 2**20} MiB)")
    try:
        html, url = mhtml_page(data)
    except ValueError as exc:
        raise InputError(source, str(exc)) from None
    return html.encode("utf-8"), url


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _check_text(text: str, source: str, line: int | None = None) -> None:
    if not text.strip():
        raise InputError(source, "empty article: there is no text to extract from", line)
    if len(text) > MAX_CHARS:
        raise InputError(source, f"article too long ({len(text):,} characters; the limit is {MAX_CHARS:,})", line)


def read_html(html: str, source: str, stem: str) -> tuple[Article, Notice | None]:
    """Main text and metadata of a saved web page (trafilatura; see
    :mod:`claimx.read.pages`), and a warning when the text looks too little for the page."""
    from claimx.read.pages import page_text

    try:
        page = page_text(html)
    except Exception as exc:  # trafilatura raises many kinds on broken pages
        raise InputError(source, f"cannot parse HTML: {exc}") from None
    if page is None or not page.text.strip():
        raise InputError(source, "no article text found in this HTML page")
    _check_text(page.text, source)
    data = page.metadata
    parsed, original = _mended(page.text, unwrap_html(page.text, page.soft_breaks) if page.source != "json-ld" else page.text)
    article = Article(
        id=stem,
        source=source,
        text=parsed,
        original=original,
        title=data.get("title") or None,
        author=data.get("author") or None,
        published=parse_date(data.get("date")),
        url=data.get("url") or None,
        text_source=page.source,
        outlet=page.site_name,
    )
    return article, Notice(source, page.notice) if page.notice else None


def _from_record(rec: object, source: str, stem: str, line: int) -> Article:
    if not isinstance(rec, dict):
        raise InputError(source, "expected a JSON object with a 'text' field", line)
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(source, "missing 'text' (a string)", line)
    _check_text(text, source, line)
    ident = rec.get("id")
    parsed, original = _mended(text, unwrap(text))
    return Article(
        id=str(ident) if ident not in (None, "") else f"{stem}:{line}",
        source=source,
        text=parsed,
        original=original,
        title=_opt(rec.get("title")),
        author=_opt(rec.get("author")),
        published=parse_date(rec.get("published")),
        url=_opt(rec.get("url")),
    )


def _mended(text: str, parsed: str) -> tuple[str, str | None]:
    """An Article's ``text`` (what the pipeline parses) and ``original`` (the
    text as read, when the two differ: :mod:`claimx.read.unwrap`)."""
    return parsed, text if parsed != text else None


def _opt(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def read_jsonl(text: str, source: str, stem: str, first_line: int = 1) -> Iterator[Article | InputError]:
    """One article per line; ``first_line`` numbers the first line (a later
    part of a corpus read on its own). Lines end at ``\n`` only: JSON strings
    may hold a raw U+2028 or NEL, which ``str.splitlines`` would break on."""
    for n, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"not valid JSON ({exc.msg} at column {exc.colno})", n)
            continue
        except RecursionError:
            yield InputError(source, "not an article (JSON nested too deeply)", n)
            continue
        try:
            yield _from_record(rec, source, stem, n)
        except InputError as err:
            yield err


def read_csv(
    text: str, source: str, stem: str, delimiter: str = ",",
    fieldnames: list[str] | None = None, lines_before: int = 0,
) -> Iterator[Article | InputError]:
    """One article per row. A later part of a corpus read on its own passes
    the file's header as ``fieldnames`` and the count of lines before it."""
    csv.field_size_limit(CSV_FIELD_LIMIT)  # a field too long for an article is named by _check_text
    reader = csv.DictReader(io.StringIO(text, newline=""), fieldnames=fieldnames, delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield InputError(source, f"malformed CSV header: {exc}", lines_before + 1)
        return
    if not header or "text" not in header:
        yield InputError(source, "CSV has no 'text' column (expected: text, and optionally id, title, published, url)")
        return
    rows = iter(reader)
    while True:
        first_line = lines_before + reader.line_num + 1  # the row's first line (a field may span lines)
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:  # this row only: the reader goes on at the next line
            yield InputError(source, f"malformed CSV: {exc}", first_line)
            continue
        try:
            yield _from_record(row, source, stem, first_line)
        except InputError as err:
            yield err


def read_path(path: Path, source: str | None = None) -> Iterator[Article | InputError | Notice]:
    """Every article in one file (a web archive: :func:`claimx.read.sources.read_file`)."""
    source = source or str(path)
    suffix = path.suffix.lower()
    limit = MAX_MHTML_BYTES if suffix in MHTML_SUFFIXES else MAX_BYTES
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:  # a regular file says its size: no need to read it
                yield InputError(source, f"file too large ({size / 1e6:.1f} MB; the limit is {limit // 2**20} MiB)")
                return
            data = read_limited(fh, limit)  # devices and pipes say 0: read no more than the limit
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if data is None:
        yield InputError(source, f"file {too_large(limit)}")
        return
    yield from read_bytes(data, source, path.stem, suffix)


def read_bytes(data: bytes, source: str, stem: str, suffix: str) -> Iterator[Article | InputError | Notice]:
    unsupported = document_kind(data, suffix)
    if unsupported:
        yield InputError(source, f"{unsupported}: claimx reads {READABLE}; save the article as a web page or copy its text into a .txt file")
        return
    page_url = None
    if suffix in MHTML_SUFFIXES:
        try:
            data, page_url = _mhtml(data, source)
        except InputError as err:
            yield err
            return
    try:
        if suffix in CORPUS_SUFFIXES:
            text, notices = decode_corpus(data, source)  # line by line: one bad byte spoils one line
        else:
            text, notice = decode(data, source)
            notices = [notice] if notice is not None else []
    except InputError as err:
        yield err
        return
    yield from notices
    if suffix in HTML_SUFFIXES | MHTML_SUFFIXES:
        try:
            article, notice = read_html(text, source, stem)
        except InputError as err:
            yield err
            return
        if notice is not None:
            yield notice
        article.url = article.url or page_url
        yield article
    elif suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(text, source, stem)
    elif suffix == ".csv":
        yield from read_csv(text, source, stem)
    else:
        try:
            _check_text(text, source)
        except InputError as err:
            yield err
            return
        parsed, original = _mended(text, unwrap(text))
        yield Article(id=stem, source=source, text=parsed, original=original)
