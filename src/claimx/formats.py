"""Output formats and tables (kept free of heavy imports: the CLI reads them at start-up)."""

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
    parquet = "parquet"  # a folder of tables (claimx.parquet)


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
