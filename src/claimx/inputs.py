"""Read articles: text and HTML files, JSONL and CSV corpora, directories,
globs and standard input. Each input yields either an :class:`Article` or an
:class:`InputError` naming the file (and line) and what is wrong, so one bad
input never stops the others.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimx.unwrap import unwrap, unwrap_html

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MHTML_SUFFIXES = {".mhtml", ".mht"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | MHTML_SUFFIXES | CORPUS_SUFFIXES | {".warc"}  # and .warc.gz
READABLE = "text (.txt), web pages (.html, .htm, .mhtml) and corpora (.jsonl, .csv)"
MAX_BYTES = 20 * 1024 * 1024
MAX_MHTML_BYTES = 200 * 1024 * 1024  # a page saved with its images; its HTML part must fit MAX_BYTES
MAX_CHARS = 2_000_000

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
    language: str | None = None  # claimx.language.identify, set by extract
    outlet: str | None = None  # web pages: the name the page gives its site (og:site_name, JSON-LD publisher)


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
    """A warning about an input that was still read (e.g. its encoding was guessed)."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


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


def decode(data: bytes, source: str) -> tuple[str, Notice | None]:
    """Bytes to text: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else a
    detected encoding with a notice, else an error."""
    if not data.strip():
        raise InputError(source, "empty file: there is no text to extract from")
    if len(data) > MAX_BYTES:
        raise InputError(source, f"file too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MiB)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
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
    from claimx.pages import mhtml_page

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
    :mod:`claimx.pages`), and a warning when the text looks too little for the page."""
    from claimx.pages import page_text

    try:
        page = page_text(html)
    except Exception as exc:  # trafilatura raises many kinds on broken pages
        raise InputError(source, f"cannot parse HTML: {exc}") from None
    if page is None or not page.text.strip():
        raise InputError(source, "no article text found in this HTML page")
    _check_text(page.text, source)
    data = page.metadata
    article = Article(
        id=stem,
        source=source,
        text=unwrap_html(page.text, html) if page.source != "json-ld" else page.text,  # the page's own wrapping
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
    return Article(
        id=str(ident) if ident not in (None, "") else f"{stem}:{line}",
        source=source,
        text=unwrap(text),
        title=_opt(rec.get("title")),
        author=_opt(rec.get("author")),
        published=parse_date(rec.get("published")),
        url=_opt(rec.get("url")),
    )


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
    csv.field_size_limit(MAX_CHARS * 4)
    reader = csv.DictReader(io.StringIO(text, newline=""), fieldnames=fieldnames, delimiter=delimiter)
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield InputError(source, "CSV has no 'text' column (expected: text, and optionally id, title, published, url)")
        return
    try:
        for row in reader:
            yield_line = lines_before + reader.line_num
            try:
                yield _from_record(row, source, stem, yield_line)
            except InputError as err:
                yield err
    except csv.Error as exc:
        yield InputError(source, f"malformed CSV: {exc}", lines_before + reader.line_num)


def read_path(path: Path, source: str | None = None) -> Iterator[Article | InputError | Notice]:
    """Every article in one file."""
    source = source or str(path)
    if path.name.lower().endswith((".warc", ".warc.gz")):  # streamed, record by record
        from claimx.warc import read_warc

        yield from read_warc(str(path), source)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, source, path.stem, path.suffix.lower())


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
        text, notice = decode(data, source)
    except InputError as err:
        yield err
        return
    if notice is not None:
        yield notice
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
        yield Article(id=stem, source=source, text=unwrap(text))


def expand(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Paths to files: directories recursively (sorted), globs; ``-`` and URLs
    are passed on as strings."""
    from claimx.fetch import is_url

    for raw in paths:
        if raw == "-" or is_url(raw) or ("://" in raw and raw.lower().endswith((".warc", ".warc.gz"))):
            yield raw  # a web archive at an fsspec URL (s3://...) is read by claimx.warc
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and (
                f.suffix.lower() in SUPPORTED or f.name.lower().endswith(".warc.gz")))
            if not files:
                yield InputError(raw, "directory holds no .txt, .html, .mhtml, .jsonl or .csv files")
            yield from files
        elif p.exists():
            yield p
        elif any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError(raw, "no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield Path(m)
        else:
            yield InputError(raw, "no such file or directory")


def iter_articles(
    paths: Iterable[str],
    stdin: BinaryIO | None = None,
    *,
    url_files: Iterable[str] = (),
    timeout: float | None = None,
) -> Iterator[Article | InputError | Notice]:
    """Articles from every path or URL, then from the URLs listed in
    ``url_files`` (one a line), in order; errors and notices in their place."""
    from claimx.fetch import TIMEOUT, Fetcher, read_url, read_url_list

    fetcher: Fetcher | None = None

    def page(url: str) -> Iterator[Article | InputError | Notice]:
        nonlocal fetcher
        fetcher = fetcher or Fetcher(timeout if timeout is not None else TIMEOUT)
        yield from read_url(url, fetcher)

    def stdin_bytes() -> bytes:
        return (stdin if stdin is not None else sys.stdin.buffer).read()

    try:
        for item in expand(paths):
            if isinstance(item, InputError):
                yield item
            elif item == "-":
                yield from read_bytes(stdin_bytes(), "<stdin>", "stdin", ".txt")
            elif isinstance(item, str) and item.lower().endswith((".warc", ".warc.gz")):
                from claimx.warc import read_warc

                yield from read_warc(item, item)
            elif isinstance(item, str):
                yield from page(item)
            else:
                yield from read_path(item)
        for listing in url_files:
            text = stdin_bytes().decode("utf-8", "replace") if listing == "-" else None
            for url in read_url_list(listing, text):
                if isinstance(url, InputError):
                    yield url
                else:
                    yield from page(url)
    finally:
        if fetcher is not None:
            fetcher.close()
