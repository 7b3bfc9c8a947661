"""Cut a corpus into partitions that workers read on their own.

A partition is a run of whole input files (small files are packed together up
to the partition size, in input order) or one byte range of a large JSON Lines
or CSV corpus. Ranges are cut on record boundaries: a record belongs to the
partition that holds its first byte, so every record is read exactly once
whatever the cut points. A record starts at the beginning of the file or
just after a line break; in CSV only after a line break outside a quoted
field (an odd number of ``"`` before it means inside one).

Which line a record is on (``<stem>:<line>`` ids and error messages) and
whether a CSV cut falls inside quotes depend on everything before the cut, so
an index pass counts line breaks and quotes per range (workers do it in
parallel, reading nothing twice for the client) and :func:`resolve` turns the
counts into each range's starting line. Nothing here imports Dask: the
planning and reading are plain functions, run locally in the tests.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from claimx.read.inputs import (
    SUPPORTED,
    Article,
    InputError,
    Notice,
    decode_corpus,
    read_bytes,
    read_csv,
    read_jsonl,
)
from claimx.read.sources import expand, read_file
from claimx.read.warc import is_warc, read_warc

SPLITTABLE = {".jsonl", ".ndjson", ".csv"}
DEFAULT_PARTITION_BYTES = 4_000_000  # the most input per partition: about 1,000 news articles
TARGET_PARTITIONS = 64  # a small corpus gets smaller partitions, so every worker has several
MIN_PARTITION_BYTES = 16_000  # ...but not below this (a few articles), where the per-partition cost shows
SCAN = 1 << 16  # bytes read at a time while looking for a record boundary


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read: ``path`` is what a worker opens (an absolute local path
    or an fsspec URL), ``source`` the name records and messages give it, as in
    a local run."""

    path: str
    source: str
    size: int

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix.lower()

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem

    @property
    def is_warc(self) -> bool:
        return is_warc(self.path)


@dataclass(frozen=True, slots=True)
class Piece:
    """A whole file (``end is None``) or the records starting in bytes
    ``[start, end)`` of one; ``lines`` (line breaks before ``start``) and
    ``quoted`` (CSV: ``start`` lies inside a quoted field, and ``quoted_end``
    the same at ``end``) come from the index pass."""

    file: InputFile
    start: int = 0
    end: int | None = None
    lines: int = 0
    quoted: bool = False
    quoted_end: bool = False


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    pieces: tuple[Piece, ...]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    @property
    def nbytes(self) -> int:
        return sum((p.end if p.end is not None else p.file.size) - p.start for p in self.pieces)

    def describe(self) -> list[dict]:
        """The inputs as plain values (for the manifest)."""
        return [{"source": p.file.source, "start": p.start, "end": p.end if p.end is not None else p.file.size}
                for p in self.pieces]

    def fingerprint(self, options: dict) -> str:
        """Changes when the inputs (path, size, range) or the options do: a
        complete partition with the same fingerprint need not run again."""
        data = {"pieces": [[p.file.path, p.file.size, p.start, p.end] for p in self.pieces], "options": options}
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


# ---- planning (client side: names and sizes only) ---------------------------


def is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def list_inputs(paths: Iterable[str]) -> Iterator[InputFile | InputError]:
    """The files behind the paths, in the order a local run reads them: local
    paths (directories, globs) as :func:`claimx.read.sources.expand` finds them,
    fsspec URLs (``s3://``, ``gs://``...) listed through their file system."""
    for raw in paths:
        if raw == "-":
            yield InputError("-", "standard input cannot be read on a cluster; pass files or URLs")
        elif is_url(raw):
            yield from _list_url(raw)
        else:
            local = raw[len("file://"):] if raw.startswith("file://") else raw
            for item in expand([local]):
                if isinstance(item, Path):
                    try:
                        size = item.stat().st_size
                    except OSError as exc:
                        yield InputError(str(item), f"cannot read: {exc.strerror or exc}")
                        continue
                    yield InputFile(os.path.abspath(item), str(item), size)
                else:
                    assert isinstance(item, InputError)
                    yield item


def _list_url(url: str) -> Iterator[InputFile | InputError]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        if any(ch in path for ch in "*?["):
            found = [f for f in sorted(fs.glob(path)) if fs.isfile(f)]
            if not found:
                yield InputError(url, "no file matches this pattern")
        elif fs.isdir(path):
            found = sorted(f for f in fs.find(path) if PurePosixPath(f).suffix.lower() in SUPPORTED or is_warc(f))
            if not found:
                yield InputError(url, "directory holds no .txt, .html, .jsonl or .csv files")
        elif fs.exists(path):
            found = [path]
        else:
            yield InputError(url, "no such file or directory")
            return
        for f in found:
            name = fs.unstrip_protocol(f)
            yield InputFile(name, name if f != path else url, int(fs.size(f) or 0))
    except Exception as exc:  # the storage's own kinds: botocore's NoCredentialsError is no OSError
        from claimx.read.warc import remote_problem

        yield InputError(url, remote_problem(exc))


def partition_bytes(total: int, limit: int = DEFAULT_PARTITION_BYTES) -> int:
    """Bytes per partition: ``limit``, less for a small corpus so that it
    still makes about TARGET_PARTITIONS partitions, never below
    MIN_PARTITION_BYTES (unless ``limit`` is)."""
    return max(1, min(limit, max(MIN_PARTITION_BYTES, math.ceil(total / TARGET_PARTITIONS))))


def plan(files: Iterable[InputFile], size: int) -> list[Partition]:
    """Partitions of at most ``size`` bytes (a single file larger than that
    and not a corpus is one partition), in input order."""
    parts: list[tuple[Piece, ...]] = []
    pack: list[Piece] = []
    packed = 0
    for f in files:
        if f.size > size and (f.suffix in SPLITTABLE or f.is_warc):
            if pack:
                parts.append(tuple(pack))
                pack, packed = [], 0
            n = math.ceil(f.size / size)
            cuts = [f.size * k // n for k in range(n + 1)]
            parts.extend((Piece(f, a, b),) for a, b in zip(cuts, cuts[1:], strict=False))
            continue
        if pack and packed + f.size > size:
            parts.append(tuple(pack))
            pack, packed = [], 0
        pack.append(Piece(f))
        packed += f.size
    if pack:
        parts.append(tuple(pack))
    return [Partition(i, pieces) for i, pieces in enumerate(parts)]


def indexed(piece: Piece) -> bool:
    """A byte range whose line breaks the index pass counts (a web archive's
    records carry their own ids: none to count)."""
    return piece.end is not None and not piece.file.is_warc


def ranges(partitions: Iterable[Partition]) -> list[Piece]:
    """The byte ranges the index pass must count, in order."""
    return [p for part in partitions for p in part.pieces if indexed(p)]


def count_range(piece: Piece) -> tuple[int, int]:
    """Line breaks and (for CSV) double quotes in the piece's bytes (the
    index pass). An unreadable file counts nothing: reading it says why."""
    assert piece.end is not None
    newlines = quotes = 0
    try:
        with _open(piece.file.path) as fh:
            fh.seek(piece.start)
            left = piece.end - piece.start
            while left > 0:
                block = fh.read(min(left, 1 << 22))
                if not block:
                    break
                left -= len(block)
                newlines += block.count(b"\n")
                if piece.file.suffix == ".csv":
                    quotes += block.count(b'"')
    except (OSError, ValueError):
        return 0, 0
    return newlines, quotes


def resolve(partitions: list[Partition], counts: list[tuple[int, int]]) -> list[Partition]:
    """Fill each range's line count and quote state from the counts of the
    ranges before it in the same file (``counts`` in :func:`ranges` order)."""
    it = iter(counts)
    running: dict[str, tuple[int, int]] = {}
    out = []
    for part in partitions:
        pieces = []
        for p in part.pieces:
            if not indexed(p):
                pieces.append(p)
                continue
            lines, quotes = running.get(p.file.path, (0, 0))
            n, q = next(it)
            running[p.file.path] = (lines + n, quotes + q)
            pieces.append(dataclasses.replace(p, lines=lines, quoted=quotes % 2 == 1, quoted_end=(quotes + q) % 2 == 1))
        out.append(Partition(part.index, tuple(pieces)))
    return out


# ---- reading (worker side) --------------------------------------------------


def _open(path: str):
    if is_url(path):
        import fsspec

        return fsspec.open(path, "rb").open()
    return open(path, "rb")  # noqa: SIM115  (closed by the caller's with)


def read_partition(partition: Partition, skipped: Counter | None = None,
                   any_language: bool = False) -> Iterator[Article | InputError | Notice]:
    """Every article of the partition, in order; errors and notices in their
    place, exactly as a local run reads the same files. The records of web
    archives that are not articles are counted into ``skipped`` (pages not
    in English are articles with ``any_language``)."""
    for piece in partition.pieces:
        if piece.file.is_warc:
            yield from read_warc(piece.file.path, piece.file.source, piece.start, piece.end,
                                 skipped if skipped is not None else Counter(), any_language)
        elif piece.end is None:
            yield from _read_whole(piece.file)
        else:
            yield from _read_range(piece)


def _read_whole(f: InputFile) -> Iterator[Article | InputError | Notice]:
    if not is_url(f.path):
        yield from read_file(Path(f.path), f.source)
        return
    try:
        with _open(f.path) as fh:
            data = fh.read()
    except (OSError, ValueError) as exc:
        yield InputError(f.source, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    yield from read_bytes(data, f.source, f.stem, f.suffix)


def _read_range(piece: Piece) -> Iterator[Article | InputError | Notice]:
    f = piece.file
    is_csv = f.suffix == ".csv"
    try:
        with _open(f.path) as fh:
            head = fh.read(2)
            if head in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 has no byte-level line breaks: read it whole, once
                if piece.start == 0:
                    yield from _read_whole(f)
                return
            start, lines = boundary(fh, piece.start, piece.quoted, is_csv)
            assert piece.end is not None
            end, _ = boundary(fh, piece.end, piece.quoted_end, is_csv) if piece.end < f.size else (f.size, 0)
            if end <= start:
                return
            fh.seek(start)
            data = fh.read(end - start)
            header = _csv_header(fh) if is_csv and start > 0 else None
    except (OSError, ValueError) as exc:
        yield InputError(f.source, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    if not data.strip():
        return
    try:
        text = data.decode("utf-8-sig" if start == 0 else "utf-8")
    except UnicodeDecodeError:
        try:
            text, notices = decode_corpus(data, f.source)  # line by line, as a whole file is
        except InputError as err:
            yield err
            return
        for notice in notices:
            notice.line = None if notice.line is None else notice.line + piece.lines + lines
            yield notice
    lines_before = piece.lines + lines
    if not is_csv:
        yield from read_jsonl(text, f.source, f.stem, first_line=lines_before + 1)
    elif start == 0:
        yield from read_csv(text, f.source, f.stem)
    elif header is not None and "text" in header:  # else the file's first range reports the missing column
        yield from read_csv(text, f.source, f.stem, fieldnames=header, lines_before=lines_before)


def boundary(fh, pos: int, quoted: bool, is_csv: bool) -> tuple[int, int]:
    """The first record start at or after ``pos`` (``pos`` itself when the
    byte before it is a line break outside quotes), and the line breaks
    between ``pos`` and it. ``quoted``: an odd number of quotes precede ``pos``."""
    if pos <= 0:
        return 0, 0
    fh.seek(pos - 1)
    if fh.read(1) == b"\n" and not quoted:
        return pos, 0
    at, newlines, odd, buf = pos, 0, quoted, b""
    while True:
        block = fh.read(SCAN)
        if not block:
            return at + len(buf), newlines + buf.count(b"\n")  # no further record: up to the end of the file
        buf += block
        i = 0
        while (j := buf.find(b"\n", i)) >= 0:
            newlines += 1
            if is_csv:
                odd ^= buf.count(b'"', i, j) % 2 == 1
            if not odd:
                return at + j + 1, newlines
            i = j + 1
        if is_csv:
            odd ^= buf.count(b'"', i) % 2 == 1
        at += len(buf)
        buf = b""


def _csv_header(fh) -> list[str] | None:
    fh.seek(0)
    head = fh.read(SCAN).decode("utf-8-sig", errors="replace")
    row = next(csv.reader(io.StringIO(head, newline="")), None)
    return row or None
