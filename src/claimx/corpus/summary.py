"""The corpus summary that ``claimx corpus`` prints (see
:func:`claimx.corpus.build.summarise`): Rich tables for the terminal, or CSV / JSON."""

from __future__ import annotations

import csv
import json
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.write.formats import date_range
from claimx.write.terminal import visible

CSV_COLUMNS = ["section", "item", "count", "share", "detail"]


def to_json(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2) + "\n"


def csv_rows(summary: dict) -> list[list]:
    """One row per figure: (section, item, count, share, detail)."""
    out: list[list] = [["totals", key, summary[key], "", ""]
                       for key in ("articles", "stories", "quotes", "people", "claims")]
    out += [["people", s["name"], s["quotes"], s["share"], f"{s['articles']} articles; {dates(s)}".rstrip("; ")]
            for s in summary.get("top_people", [])]
    out += [["other_sources", s["name"], s["quotes"], s["share"],
             f"{s['kind']}; {s['articles']} articles; {dates(s)}".rstrip("; ")]
            for s in summary.get("top_other_sources", [])]
    out += [["quotes_per_outlet", o["outlet"], o["quotes"], o["share"], ""] for o in summary["quotes_per_outlet"]]
    out += [["quotes_by_gender", g["gender"], g["quotes"], g["share"], ""] for g in summary["quotes_by_gender"]]
    out += [["most_reported_claims", c["text"], c["articles"], "",
             f"{c['speaker'] or ''}; {c['stories']} stories; {first_report(c)}"]
            for c in summary["most_reported_claims"]]
    return out


def write_csv(summary: dict, stream: IO[str]) -> None:
    from claimx.write.writers import spreadsheet_cell

    w = csv.writer(stream, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    w.writerows([spreadsheet_cell(v) for v in row] for row in csv_rows(summary))


def dates(source: dict) -> str:
    """A source's date range on one line (:func:`claimx.write.formats.date_range`
    with no-break spaces), "" without dates.

    >>> dates({"first_date": "2025-01-02", "last_date": "2025-03-04"})
    '2025-01-02\u00a0–\u00a02025-03-04'
    """
    return date_range(source.get("first_date"), source.get("last_date"), "\u00a0")


def first_report(claim: dict, short: bool = False) -> str:
    """When and where a claim was first reported, said plainly when no
    article of it has a date (the first is then unknown).

    >>> first_report({"first_date": "2025-01-02", "first_article_id": "a"})
    'first 2025-01-02 in a'
    >>> first_report({"first_date": "2025-01-02", "first_article_id": "a"}, short=True)
    '2025-01-02 a'
    >>> first_report({"first_date": None, "first_article_id": None})
    'no dated article'
    """
    if not claim.get("first_date"):
        return "no dated article"
    where = claim.get("first_article_id") or ""
    return f"{claim['first_date']} {where}".strip() if short else f"first {claim['first_date']} in {where}".strip()


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
    console.print(f"[bold]{summary['articles']}[/] articles, [bold]{summary['stories']}[/] stories, "
                  f"[bold]{summary['quotes']}[/] quotes, "
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
    console.print(_table("Most reported claims", ["claim", "speaker", "articles", "stories", "first"], [
        [c["text"] if len(c["text"]) <= 120 else c["text"][:117] + "…", c["speaker"] or "—", str(c["articles"]),
         str(c["stories"]),
         first_report(c, short=True)]
        for c in summary["most_reported_claims"]]))
