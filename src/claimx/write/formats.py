"""Output formats and tables, and how a quote's words and a date range read in
every format (kept free of heavy imports: the CLI reads them at start-up)."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    html = "html"
    sqlite = "sqlite"
    parquet = "parquet"  # a folder of tables (claimx.write.parquet)


class Table(str, Enum):
    quotes = "quotes"
    speakers = "speakers"
    dates = "dates"


SUFFIXES = {".yaml": Format.yaml, ".yml": Format.yaml, ".json": Format.json, ".jsonl": Format.jsonl,
            ".ndjson": Format.jsonl, ".csv": Format.csv, ".tsv": Format.tsv, ".html": Format.html,
            ".htm": Format.html, ".db": Format.sqlite, ".sqlite": Format.sqlite, ".sqlite3": Format.sqlite}



class SummaryFormat(str, Enum):
    """How ``claimx corpus`` prints its summary."""

    table = "table"
    csv = "csv"
    json = "json"


PART_JOINER = " … "


def quote_words(quote: dict) -> str:
    """The words a quote reports, for reading: a quote split by its cue or
    across paragraphs shows its parts joined with " … " ("The plan is simple,
    … and it will work."), not the cue phrase between them; other quotes
    their text. (JSON and YAML keep ``text``, ``start`` and ``end``.)"""
    parts = quote.get("parts")
    return PART_JOINER.join(p["text"] for p in parts) if parts else quote["text"]


def date_range(first: str | None, last: str | None, space: str = " ") -> str:
    """A source's dates: "2025-01-02 – 2025-03-04", one date when both are the
    same (or only the first is known), "" without dates; ``space`` around the
    dash (the corpus summary's no-break spaces keep the range on one line).

    >>> date_range("2025-01-02", "2025-03-04"), date_range(None, "2025-03-04"), date_range("2025-01-02", None)
    ('2025-01-02 – 2025-03-04', '? – 2025-03-04', '2025-01-02')
    >>> date_range("2025-01-02", "2025-01-02"), date_range(None, None)
    ('2025-01-02', '')
    """
    if first == last or not last:
        return first or ""
    return f"{first or '?'}{space}–{space}{last}"
