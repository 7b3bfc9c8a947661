"""Read claimx's own output back, for ``claimx corpus``: a database written
with ``-f sqlite``, or a directory of JSON Lines (``-f jsonl``, also the
``part-NNNNN.jsonl`` partitions a cluster run writes beside its Parquet
datasets) and JSON files (``-o DIR/ -f json``), read recursively in sorted
order. Each bad file or line is reported through ``on_problem`` as an
:class:`~claimx.inputs.InputError` naming it; the others are still read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from claimx import SCHEMA_ID
from claimx.inputs import InputError

DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


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
        from claimx.sqlite import read_records

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
    try:
        with file.open(encoding="utf-8") as fh:
            if file.suffix.lower() == ".json":
                yield from _json_document(fh.read(), file, on_problem)
                return
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    on_problem(InputError(str(file), f"not JSON: {exc.msg}", n))
                    continue
                if _check(item, file, n, on_problem):
                    yield item
    except (OSError, UnicodeDecodeError) as exc:
        on_problem(InputError(str(file), f"cannot read: {getattr(exc, 'strerror', None) or exc}"))


def _json_document(text: str, file: Path, on_problem: Callable[[InputError], None]) -> Iterator[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        on_problem(InputError(str(file), f"not JSON: {exc.msg}", exc.lineno))
        return
    for item in data if isinstance(data, list) else [data]:
        if _check(item, file, None, on_problem):
            yield item


def _check(item: object, file: Path, line: int | None, on_problem: Callable[[InputError], None]) -> bool:
    if isinstance(item, dict) and item.get("schema") == SCHEMA_ID:
        return True
    on_problem(InputError(str(file), f"not a claimx record (no \"schema\": \"{SCHEMA_ID}\")", line))
    return False
