"""Output formats and tables, and how a quote's words read in every format
(kept free of heavy imports: the CLI reads them at start-up)."""

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
