"""The corpus summary that ``claimx corpus`` prints (see
:func:`claimx.corpus.summarise`): Rich tables for the terminal, or CSV / JSON."""

from __future__ import annotations

import csv
import json
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.terminal import visible

CSV_COLUMNS = ["section", "item", "count", "share", "detail"]


def to_json(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, indent=2) + "\n"


def csv_rows(summary: dict) -> list[list]:
    """One row per figure: (section, item, count, share, detail)."""
    out: list[list] = [["totals", key, summary[key], "", ""] for key in ("articles", "quotes", "people", "claims")]
    out += [["top_speakers", s["name"], s["quotes"], s["share"], f"{s['articles']} articles"]
            for s in summary["top_speakers"]]
    out += [["quotes_per_outlet", o["outlet"], o["quotes"], o["share"], ""] for o in summary["quotes_per_outlet"]]
    out += [["quotes_by_gender", g["gender"], g["quotes"], g["share"], ""] for g in summary["quotes_by_gender"]]
    out += [["most_reported_claims", c["text"], c["articles"], "",
             f"{c['speaker'] or ''}; first {c['first_date'] or '?'} in {c['first_article_id'] or '?'}"]
            for c in summary["most_reported_claims"]]
    return out


def write_csv(summary: dict, stream: IO[str]) -> None:
    from claimx.writers import spreadsheet_cell

    w = csv.writer(stream, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    w.writerows([spreadsheet_cell(v) for v in row] for row in csv_rows(summary))


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"


TEXT_COLUMNS = {"speaker", "kind", "outlet", "gender", "claim", "first"}  # left-aligned; the others are figures


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    t = Table(title=title, title_justify="left")
    for col in columns:
        t.add_column(col, justify="left" if col in TEXT_COLUMNS else "right", overflow="fold")
    for row in rows:
        t.add_row(*(Text(visible(cell)) for cell in row))
    return t


def render(summary: dict, console: Console) -> None:
    console.print(f"[bold]{summary['articles']}[/] articles, [bold]{summary['quotes']}[/] quotes, "
                  f"[bold]{summary['people']}[/] people, [bold]{summary['claims']}[/] claims")
    console.print(_table("Top speakers", ["speaker", "kind", "quotes", "share", "articles"], [
        [s["name"], s["kind"], str(s["quotes"]), _percent(s["share"]), str(s["articles"])]
        for s in summary["top_speakers"]]))
    console.print(_table("Quotes per outlet", ["outlet", "quotes", "share"], [
        [o["outlet"], str(o["quotes"]), _percent(o["share"])] for o in summary["quotes_per_outlet"]]))
    console.print(_table("Quotes by speaker gender (persons)", ["gender", "quotes", "share"], [
        [g["gender"], str(g["quotes"]), _percent(g["share"])] for g in summary["quotes_by_gender"]]))
    console.print(_table("Most reported claims", ["claim", "speaker", "articles", "first"], [
        [c["text"] if len(c["text"]) <= 120 else c["text"][:117] + "…", c["speaker"] or "—", str(c["articles"]),
         f"{c['first_date'] or '?'} {c['first_article_id'] or ''}".strip()]
        for c in summary["most_reported_claims"]]))
