"""The terminal view (``claimx show``): the article with each quote in its
speaker's colour, then a compact table of quotes. Rich handles terminal
width and ``NO_COLOR``."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from claimx.write.formats import quote_words

PALETTE = ["yellow", "cyan", "magenta", "green", "blue", "red", "bright_yellow", "bright_cyan",
           "bright_magenta", "bright_green"]


# C0 controls but tab, line feed and carriage return (which rich drops), DEL and the C1 controls
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    r"""Text safe for a terminal: each control character (an escape sequence's
    ESC, BEL, backspace...) becomes one visible character, so offsets into the
    text still hold and nothing reaches the terminal as a command.

    >>> visible("a\x1b[31mred\x07\tb\n")
    'a␛[31mred␇\tb\n'
    """
    return _CONTROL.sub(_picture, text)


def problem(exc: BaseException) -> str:
    """An exception in one line: the file it names, and why.

    >>> problem(FileNotFoundError(2, "No such file or directory", "a.txt"))
    'a.txt: No such file or directory'
    """
    name = getattr(exc, "filename", None)
    reason = getattr(exc, "strerror", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    return f"{name}: {reason}" if name else reason


def crash_line(exc: BaseException) -> str:
    """The one line a failure claimx did not foresee gets instead of a traceback."""
    if isinstance(exc, MemoryError):
        return "out of memory; try fewer --workers or smaller inputs"
    return (f"claimx failed unexpectedly ({type(exc).__name__}: {problem(exc)}); please report it, "
            "with CLAIMX_DEBUG=1 set to show the traceback")


def render(record: dict, console: Console) -> None:
    text = visible(record.get("text") or "")
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
    title = escape(visible(art.get("title") or art["id"]))
    console.rule(f"[bold]{title}[/] · reference date {escape(art.get('reference_date') or 'unknown')}")
    console.print(body)
    table = Table(show_lines=False, expand=True)
    for col in ("#", "speaker", "type", "act", "cue", "date", "conf.", "text"):
        table.add_column(col, overflow="fold", ratio=4 if col == "text" else None)
    for q in record["quotes"]:
        colour = colours.get(q["speaker"], "white")
        words = quote_words(q)
        preview = words if len(words) <= 80 else words[:77] + "…"
        conf = f"[red]{q['confidence']:.2f}[/]" if q["confidence"] < 0.6 else f"{q['confidence']:.2f}"
        table.add_row(q["id"], Text(visible(q["speaker_name"] or "—"), style=colour), q["type"], q["act"],
                      Text(visible((q["cue"] or {}).get("text", ""))), q["date"] or "", conf, Text(visible(preview)))
    console.print(table)
