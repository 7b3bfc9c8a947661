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
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024
MAX_CHARS = 2_000_000


@dataclass(slots=True)
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


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


def read_html(html: str, source: str, stem: str) -> Article:
    """Main text and metadata of a saved web page (trafilatura)."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=False)
    except Exception as exc:  # trafilatura raises many kinds on broken pages
        raise InputError(source, f"cannot parse HTML: {exc}") from None
    if doc is None:
        raise InputError(source, "no article text found in this HTML page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip("\n")
    if not text.strip():
        raise InputError(source, "no article text found in this HTML page")
    _check_text(text, source)
    return Article(
        id=stem,
        source=source,
        text=text,
        title=data.get("title") or None,
        author=data.get("author") or None,
        published=parse_date(data.get("date")),
        url=data.get("url") or None,
    )


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
        text=text,
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
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, source, path.stem, path.suffix.lower())


def read_bytes(data: bytes, source: str, stem: str, suffix: str) -> Iterator[Article | InputError | Notice]:
    try:
        text, notice = decode(data, source)
    except InputError as err:
        yield err
        return
    if notice is not None:
        yield notice
    if suffix in HTML_SUFFIXES:
        try:
            yield read_html(text, source, stem)
        except InputError as err:
            yield err
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
        yield Article(id=stem, source=source, text=text)


def expand(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Paths to files: directories recursively (sorted), globs, and ``-``."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
            if not files:
                yield InputError(raw, "directory holds no .txt, .html, .jsonl or .csv files")
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


def iter_articles(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Article | InputError | Notice]:
    """Articles from every path, in order; errors and notices in their place."""
    for item in expand(paths):
        if isinstance(item, InputError):
            yield item
        elif item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>", "stdin", ".txt")
        else:
            assert isinstance(item, Path)
            yield from read_path(item)
