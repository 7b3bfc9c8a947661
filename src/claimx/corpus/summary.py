"""The corpus summary that ``claimx corpus`` prints (see
:func:`claimx.corpus.build.summarise`): Rich tables for the terminal, or CSV / JSON."""

from __future__ import annotations

import csv
import json
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.write.terminal import visible

CSV_COLUMNS = ["section", "item", "count", "share", "detail"]


def to_json(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2) + "\n"


def csv_rows(summary: dict) -> list[list]:
    """One row per figure: (section, item, count, share, detail)."""
    out: list[list] = [["totals", key, summary[key], "", ""] for key in ("articles", "quotes", "people", "claims")]
    out += [["people", s["name"], s["quotes"], s["share"], f"{s['articles']} articles; {dates(s)}".rstrip("; ")]
            for s in summary.get("top_people", [])]
    out += [["other_sources", s["name"], s["quotes"], s["share"],
             f"{s['kind']}; {s['articles']} articles; {dates(s)}".rstrip("; ")]
            for s in summary.get("top_other_sources", [])]
    out += [["quotes_per_outlet", o["outlet"], o["quotes"], o["share"], ""] for o in summary["quotes_per_outlet"]]
    out += [["quotes_by_gender", g["gender"], g["quotes"], g["share"], ""] for g in summary["quotes_by_gender"]]
    out += [["most_reported_claims", c["text"], c["articles"], "",
             f"{c['speaker'] or ''}; first {c['first_date'] or '?'} in {c['first_article_id'] or '?'}"]
            for c in summary["most_reported_claims"]]
    return out


def write_csv(summary: dict, stream: IO[str]) -> None:
    from claimx.write.writers import spreadsheet_cell

    w = csv.writer(stream, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    w.writerows([spreadsheet_cell(v) for v in row] for row in csv_rows(summary))


def dates(source: dict) -> str:
    """A date range on one line: "2025-01-02 – 2025-03-04", one date when both
    are the same, "" without dates.

    >>> dates({"first_date": "2025-01-02", "last_date": "2025-03-04"})
    '2025-01-02\u00a0–\u00a02025-03-04'
    """
    first, last = source.get("first_date"), source.get("last_date")
    if not first and not last:
        return ""
    if first == last or not last:
        return first or ""
    return f"{first or '?'}\u00a0–\u00a0{last}"  # no-break spaces: the range does not wrap


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"


TEXT_COLUMNS = {"speaker", "person", "source", "kind", "outlet", "gender", "claim", "first", "dates"}  # left-aligned; the others are figures


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    t = Table(title=title, title_justify="left")
    for col in columns:
        t.add_column(col, justify="left" if col in TEXT_COLUMNS else "right",
                     overflow="fold", no_wrap=col in ("dates", "first"))
    for row in rows:
        t.add_row(*(Text(visible(cell)) for cell in row))
    return t


def render(summary: dict, console: Console) -> None:
    console.print(f"[bold]{summary['articles']}[/] articles, [bold]{summary['quotes']}[/] quotes, "
                  f"[bold]{summary['people']}[/] people, [bold]{summary['claims']}[/] claims")
    console.print(_table("People", ["person", "quotes", "share", "articles", "dates"], [
        [s["name"], str(s["quotes"]), _percent(s["share"]), str(s["articles"]), dates(s)]
        for s in summary.get("top_people", [])]))
    console.print(_table("Other sources", ["source", "kind", "quotes", "share", "articles", "dates"], [
        [s["name"], s["kind"], str(s["quotes"]), _percent(s["share"]), str(s["articles"]), dates(s)]
        for s in summary.get("top_other_sources", [])]))
    console.print(_table("Quotes per outlet", ["outlet", "quotes", "share"], [
        [o["outlet"], str(o["quotes"]), _percent(o["share"])] for o in summary["quotes_per_outlet"]]))
    console.print(_table("Quotes by speaker gender (persons)", ["gender", "quotes", "share"], [
        [g["gender"], str(g["quotes"]), _percent(g["share"])] for g in summary["quotes_by_gender"]]))
    console.print(_table("Most reported claims", ["claim", "speaker", "articles", "first"], [
        [c["text"] if len(c["text"]) <= 120 else c["text"][:117] + "…", c["speaker"] or "—", str(c["articles"]),
         f"{c['first_date'] or '?'} {c['first_article_id'] or ''}".strip()]
        for c in summary["most_reported_claims"]]))
