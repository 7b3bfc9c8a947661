"""The terminal view (``claimx show``): the article with each quote in its
speaker's colour, then a compact table of quotes. Rich handles terminal
width and ``NO_COLOR``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.writers import quote_words

PALETTE = ["yellow", "cyan", "magenta", "green", "blue", "red", "bright_yellow", "bright_cyan",
           "bright_magenta", "bright_green"]


def render(record: dict, console: Console) -> None:
    text = record.get("text") or ""
    colours = {s["id"]: PALETTE[i % len(PALETTE)] for i, s in enumerate(record["speakers"])}
    body = Text(text)
    for q in record["quotes"]:
        colour = colours.get(q["speaker"], "white")
        style = {"direct": f"black on {colour}", "mixed": f"{colour} underline", "indirect": f"{colour} italic"}[q["type"]]
        for part in q.get("parts") or [q]:
            body.stylize(style, part["start"], part["end"])
        if q["cue"]:
            body.stylize("bold", q["cue"]["start"], q["cue"]["end"])
    art = record["article"]
    console.rule(f"[bold]{art.get('title') or art['id']}[/] · reference date {art.get('reference_date') or 'unknown'}")
    console.print(body)
    table = Table(show_lines=False, expand=True)
    for col in ("#", "speaker", "type", "act", "cue", "date", "conf.", "text"):
        table.add_column(col, overflow="fold", ratio=4 if col == "text" else None)
    for q in record["quotes"]:
        colour = colours.get(q["speaker"], "white")
        words = quote_words(q)
        preview = words if len(words) <= 80 else words[:77] + "…"
        conf = f"[red]{q['confidence']:.2f}[/]" if q["confidence"] < 0.6 else f"{q['confidence']:.2f}"
        table.add_row(q["id"], Text(q["speaker_name"] or "—", style=colour), q["type"], q["act"],
                      (q["cue"] or {}).get("text", ""), q["date"] or "", conf, Text(preview))
    console.print(table)
