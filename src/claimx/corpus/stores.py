"""Read claimx's own output back, for ``claimx corpus``: a database written
with ``-f sqlite``, or a directory of JSON Lines (``-f jsonl``, also the
``part-NNNNN.jsonl`` partitions a cluster run writes beside its Parquet
datasets) and JSON files (``-o DIR/ -f json``), read recursively in sorted
order. Each bad file or line is reported through ``on_problem`` as an
:class:`~claimx.read.inputs.InputError` naming it; the others are still read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from claimx import SCHEMA_ID
from claimx.read.inputs import MAX_BYTES, READ_CHUNK, InputError, read_limited, too_large
from claimx.recordfiles import Problem, line_values, values

DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
MAX_RECORD_BYTES = 8 * MAX_BYTES  # one record: an article's text (2,000,000 characters) and its spans, as JSON
MAX_DOCUMENT_BYTES = 64 * MAX_BYTES  # a .json file (-f json writes all records in one)


def is_database(path: Path) -> bool:
    """A database file: by its suffix, else by SQLite's header (``-f sqlite -o store``)."""
    if path.suffix.lower() in DATABASE_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def iter_records(path: Path, on_problem: Callable[[InputError], None]) -> Iterator[dict]:
    """The claimx/1 records stored at ``path`` (a database or a directory)."""
    if is_database(path):
        from claimx.corpus.sqlite import read_records

        yield from read_records(path)
        return
    # a cluster run's bookkeeping (_manifest.json, _parts/) holds no records
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".jsonl", ".ndjson", ".json") and p.is_file()
                   and not any(part.startswith("_") for part in p.relative_to(path).parts))
    if not files:
        hint = " (Parquet datasets are read through the part-*.jsonl files written beside them)" if any(
            path.rglob("*.parquet")) else ""
        on_problem(InputError(str(path), f"no claimx output (.jsonl or .json files) found{hint}"))
        return
    for file in files:
        yield from _read_file(file, on_problem)


def _read_file(file: Path, on_problem: Callable[[InputError], None]) -> Iterator[dict]:
    """Records line by line (a .json file whole), each line read with a bound
    and decoded on its own (:mod:`claimx.recordfiles`): a bad line is named,
    the next ones still read."""

    def problem(message: str, line: int | None) -> None:
        on_problem(InputError(str(file), message, line))

    try:
        with file.open("rb") as fh:
            if file.suffix.lower() == ".json":
                data = read_limited(fh, MAX_DOCUMENT_BYTES)
                if data is None:
                    problem(f"file {too_large(MAX_DOCUMENT_BYTES)}", None)
                    return
                found = values(data.decode("utf-8-sig"), "json", problem)
            else:
                found = line_values(_bounded_lines(fh, problem), problem)
            yield from (item for n, item in found if _check(item, file, n, on_problem))
    except (OSError, UnicodeDecodeError) as exc:
        on_problem(InputError(str(file), f"cannot read: {getattr(exc, 'strerror', None) or exc}"))


def _bounded_lines(fh: BinaryIO, problem: Problem) -> Iterator[bytes]:
    """The lines of a stream; one longer than MAX_RECORD_BYTES is reported
    and skipped (given as a blank line, so the next ones keep their numbers),
    never held whole."""
    n = 0
    while True:
        line = fh.readline(MAX_RECORD_BYTES + 1)
        if not line:
            return
        n += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # the rest of the long line
                line = fh.readline(READ_CHUNK)
            problem(f"line {too_large(MAX_RECORD_BYTES)}", n)
            yield b""
        else:
            yield line


def _check(item: object, file: Path, line: int | None, on_problem: Callable[[InputError], None]) -> bool:
    if isinstance(item, dict) and item.get("schema") == SCHEMA_ID:
        return True
    on_problem(InputError(str(file), f"not a claimx record (no \"schema\": \"{SCHEMA_ID}\")", line))
    return False
