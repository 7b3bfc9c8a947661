"""Datasette metadata for a claimx database: ``claimx corpus quotes.db``
writes ``quotes.metadata.json`` beside it, so that

    datasette quotes.db -m quotes.metadata.json

opens with titles, table and column descriptions, facets (speaker, act,
content, type, outlet, gender) and full-text search on quotes and claims.

Why ``metadata.json``: it is what Datasette 0.65, the current stable
release (the one ``pip install datasette`` gives), reads with ``-m``; there
titles, descriptions, facets and full-text settings all live in metadata.
(Datasette 1.0, still in alpha, moves facets and search settings into a
``datasette.yaml`` passed with ``-c``.) The file is named after the database
so that several databases in one folder keep their own.

It also makes the view ``quotes_view``: each quote with its article's
outlet, date and headline, which the quotes table lacks (outlet facets need
a column), searchable through the quotes' full-text index.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from importlib.resources import files
from pathlib import Path

VIEW = "quotes_view"
VIEW_SQL = """CREATE VIEW {view} AS
SELECT q.rowid AS quote_rowid, q.article_id, q.quote_id, q.speaker, q.speaker_gender, q.type, q.act, {content},
       q.cue, q.text, q.date, q.confidence, a.outlet, a.published, a.title
FROM quotes q JOIN articles a ON a.id = q.article_id"""


def view_sql(quote_columns: list[str]) -> str:
    """The view's SQL; ``content`` (claim, topic, question) is NULL for a
    database whose quotes have no such column (written before it existed)."""
    content = "q.content" if "content" in quote_columns else "NULL AS content"
    return VIEW_SQL.format(view=VIEW, content=content)

TABLES = {  # table -> (description, facets, sort, full-text index)
    "articles": ("One row per article: its metadata, outlet, language, text and the whole record.",
                 ["outlet", "language", "published"], None, None),
    "quotes": ("One row per quote: who said what (speaker), how (type, act, cue) and when (date).",
               ["speaker", "act", "content", "type", "speaker_gender"], None, "quotes_fts"),
    VIEW: ("Each quote with its article's outlet, date and headline: facet by speaker, act, content, type, "
           "outlet or gender, or search the quotes' text.",
           ["speaker", "act", "content", "type", "outlet", "speaker_gender"], None, "quotes_fts"),
    "speakers": ("One row per speaker of an article, with positions and gender as that article gives them.",
                 ["kind", "gender"], None, None),
    "positions": ("The positions (title, affiliation) each article gives its speakers.", [], None, None),
    "dates": ("Date expressions in the articles, with their normalised values.", ["kind"], None, None),
    "people": ("The speakers merged across articles (by claimx corpus): persons and other sources, with "
               "their quotes, dates, positions, outlets and gender.", ["kind", "gender"], "quotes", None),
    "person_speakers": ("Which speaker of which article each person is.", [], None, None),
    "claims": ("Claims grouped across articles (the same words from the same speaker).",
               ["speaker"], "articles", "claims_fts"),
    "claim_quotes": ("The quotes that carry each claim.", [], None, None),
}


@cache
def column_descriptions() -> dict[str, dict[str, str]]:
    """``data/datasette_columns.tsv``: table -> column -> description."""
    text = files("claimx").joinpath("data", "datasette_columns.tsv").read_text(encoding="utf-8")
    out: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            table, column, description = line.split("\t")
            out.setdefault(table, {})[column] = description
    return out


def metadata_path(db: Path) -> Path:
    """Where the metadata of ``db`` goes: ``quotes.db`` -> ``quotes.metadata.json``."""
    return db.with_name(f"{db.stem}.metadata.json")


def metadata(name: str, columns: dict[str, list[str]]) -> dict:
    """The metadata of the database ``name`` (its file stem) whose tables
    and views have ``columns``; facets and descriptions only for columns it has."""
    described = column_descriptions()
    tables = {}
    for table, (description, facets, sort, fts) in TABLES.items():
        if table not in columns:
            continue
        have = columns[table]
        entry: dict = {"description": description}
        cols = {c: d for c, d in described.get(table, {}).items() if c in have}
        if table == VIEW:  # the view's columns from the quotes table mean what they mean there
            cols = {c: d for c, d in described.get("quotes", {}).items() if c in have} | cols
        if cols:
            entry["columns"] = cols
        facets_here = [f for f in facets if f in have]
        if facets_here:
            entry["facets"] = facets_here
        if sort and sort in have:
            entry["sort_desc"] = sort
        if fts and fts in columns:
            entry["fts_table"] = fts
            if table == VIEW:
                entry["fts_pk"] = "quote_rowid"
        tables[table] = entry
    return {
        "title": f"claimx: {name}",
        "description": "Quotes, speakers and claims extracted from news articles by claimx. Start with "
                       f"{VIEW} (facets by speaker, act, content, type, outlet, gender; search the quotes), people "
                       "and claims.",
        "databases": {name: {"tables": tables}},
    }


def write(db: Path) -> Path:
    """Make the view ``quotes_view`` in ``db`` and write its metadata beside
    it (atomically); returns the metadata's path."""
    from claimx.corpus.sqlite import DatabaseError
    from claimx.write.writers import atomic_open

    try:
        con = sqlite3.connect(db)
        try:
            with con:
                names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
                if {"quotes", "articles"} <= names:
                    con.execute(f"DROP VIEW IF EXISTS {VIEW}")
                    con.execute(view_sql([r[1] for r in con.execute("PRAGMA table_info(quotes)")]))
                    names.add(VIEW)
                columns = {n: [r[1] for r in con.execute(f'PRAGMA table_info("{n}")')] for n in sorted(names)}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"{db}: cannot write the Datasette view: {exc}") from None
    target = metadata_path(db)
    with atomic_open(target) as fh:
        fh.write(json.dumps(metadata(db.stem, columns), indent=2, ensure_ascii=False) + "\n")
    return target
