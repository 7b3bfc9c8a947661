"""Parquet output: the CSV tables (quotes, speakers, dates) and a table of
articles as typed Parquet datasets, one folder per table, and beside them
the whole records as JSON Lines:

    DIR/part-00000.jsonl              one line per article, as -f jsonl writes it
    DIR/quotes/part-00000.parquet     one row per quote   (writers.COLUMNS)
    DIR/speakers/part-00000.parquet   one row per speaker
    DIR/dates/part-00000.parquet      one row per date expression
    DIR/articles/part-00000.parquet   one row per article

``article_id`` joins every table to ``articles``; ``(article_id, speaker_id)``
joins quotes to speakers. Values are the CSV's, unescaped and typed: offsets
and counts are integers, ``confidence`` a float, the statement date and the
article dates are dates (the ``value`` of a date expression stays a TIMEX3
string: ``2025-W33``, ``P2W``). A local run writes one part; a cluster run
one per partition. pandas, polars, DuckDB and Spark read a folder as one table.
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimx.write.formats import Table
from claimx.write.store import Store
from claimx.write.writers import COLUMNS, to_json, values

if TYPE_CHECKING:
    from claimx.records import ArticleRecord

PARQUET_HINT = 'Parquet output needs pyarrow: pip install "claimx[parquet]"'
ARTICLE_COLUMNS = ["article_id", "source", "title", "author", "published", "reference_date",
                   "reference_date_source", "url", "fingerprint", "quotes", "speakers", "dates", "text", "language",
                   "outlet"]
TABLES = ("quotes", "speakers", "dates", "articles")
INTEGERS = {"start", "end", "paragraph", "mentions", "quote_count", "quotes", "speakers", "dates"}
DATES = {"date", "published", "reference_date"}
GROUP_ARTICLES = 1000  # articles per row group: memory stays flat on a long run
MANIFEST = "_manifest.json"  # a cluster run's (claimx.cluster.run)
_PART = re.compile(r"part-(\d{5})\.(jsonl|parquet|json)")


class ParquetMissing(ImportError):
    """pyarrow is not installed; the message says how to install it."""


def require_pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ParquetMissing(PARQUET_HINT) from None
    return pa, pq


def columns(table: str) -> list[str]:
    return ARTICLE_COLUMNS if table == "articles" else COLUMNS[Table(table)]


def schema(table: str):
    """The Arrow schema of one table: strings unless the column is a count,
    an offset, the confidence or a date."""
    pa, _ = require_pyarrow()

    def kind(col: str):
        if col in INTEGERS:
            return pa.int32()
        if col in DATES:
            return pa.date32()
        if col == "confidence":
            return pa.float64()
        return pa.string()

    return pa.schema([pa.field(c, kind(c)) for c in columns(table)])


def table_rows(record: dict, table: str) -> list[tuple]:
    """One record's rows in ``table``, typed as :func:`schema` says."""
    if table == "articles":
        a = record["article"]
        rows = [(a["id"], a["source"], a["title"], a["author"], a["published"], a["reference_date"],
                 a["reference_date_source"], a.get("url"), a.get("fingerprint"), len(record["quotes"]),
                 len(record["speakers"]), len(record["dates"]), record.get("text"), a.get("language"), a.get("outlet"))]
    else:
        rows = list(values(record, Table(table)))
    cols = columns(table)
    dates = [i for i, c in enumerate(cols) if c in DATES]
    if not dates:
        return rows
    return [tuple(_date(v) if i in dates else v for i, v in enumerate(row)) for row in rows]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class ParquetTables:
    """Streams records into ``DIR/<table>/<name>.parquet`` for the four
    tables, and the whole records (which the tables flatten) into
    ``DIR/<name>.jsonl``, as ``-f jsonl`` writes them (``claimx corpus``
    reads these). Each file is written under a temporary name and renamed
    when the writer closes; on an error none is left behind."""

    def __init__(self, out_dir: Path | str | Store, name: str = "part-00000") -> None:
        self.pa, pq = require_pyarrow()
        self.store = out_dir if isinstance(out_dir, Store) else Store(out_dir)
        self.count = 0
        self.quotes = 0
        self._stack = ExitStack()
        self._writers: dict[str, Any] = {}
        self._buffer: dict[str, list[tuple]] = {t: [] for t in TABLES}
        self._schemas = {t: schema(t) for t in TABLES}
        try:
            self._jsonl = self._stack.enter_context(self.store.atomic(f"{name}.jsonl"))
            for t in TABLES:
                fh = self._stack.enter_context(self.store.atomic(f"{t}/{name}.parquet", binary=True))
                self._writers[t] = self._stack.enter_context(pq.ParquetWriter(fh, self._schemas[t]))
        except BaseException:
            self._stack.close()
            raise

    def __enter__(self) -> ParquetTables:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._flush()
            self._stack.close()  # closes the Parquet writers, then renames the files
        else:
            self._stack.__exit__(exc_type, exc, tb)  # temporary files removed

    def write(self, record: ArticleRecord) -> None:
        data = record.to_dict()
        self._jsonl.write(to_json(data, indent=None) + "\n")
        for t in TABLES:
            self._buffer[t].extend(table_rows(data, t))
        self.count += 1
        self.quotes += len(data["quotes"])
        if self.count % GROUP_ARTICLES == 0:
            self._flush()

    def _flush(self) -> None:
        for t in TABLES:
            rows = self._buffer[t]
            if rows:
                names = self._schemas[t].names
                arrays = {c: [r[i] for r in rows] for i, c in enumerate(names)}
                self._writers[t].write_table(self.pa.table(arrays, schema=self._schemas[t]))
                self._buffer[t] = []


def write_local(records, out_dir: Path | str) -> int:
    """A local run: every record into one part (the layout of a cluster run
    with one partition) in a folder or at an fsspec URL; parts and a manifest
    an earlier cluster run left there are removed."""
    store = Store(out_dir)
    with ParquetTables(store) as tables:
        for rec in records:
            tables.write(rec)
    store.refresh()
    remove_parts(store, ["", *TABLES], 1)
    store.remove(MANIFEST)
    return tables.count


def remove_parts(store: Store, folders: list[str], first: int) -> None:
    """Remove the part files numbered ``first`` and up (an earlier run's, cut
    into more partitions) and temporary files left by killed writers, in
    the ``folders`` of ``store`` ("" for itself)."""
    for folder in folders:
        for name in store.names(folder):
            m = _PART.fullmatch(name)
            if (m is not None and int(m.group(1)) >= first) or (name.startswith(".part-") and name.endswith(".tmp")):
                store.remove(f"{folder}/{name}" if folder else name)
