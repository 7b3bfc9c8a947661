"""The dates of one article, from the plain values its Doc carries: each
expression's value, in reading order, with what the text named before it
carried along (the latest quarter, the latest calendar date), and each
statement's date: the day attached to its cue ("said on Monday"), else the
same speaker's previous statement's. Words inside a dated direct quote
count from that statement's day ("tomorrow" in a quote given on Monday is
Tuesday).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from claimx.pipeline.dates.anaphora import names_quarter, sentence_quarter
from claimx.pipeline.dates.calendar_dates import writes_day_first
from claimx.pipeline.dates.misreads import looks_temporal
from claimx.pipeline.dates.normalise import normalise_tagged
from claimx.pipeline.dates.reference import story_day
from claimx.pipeline.dates.timex import is_calendar

# a detected expression as a Doc stores it: [start, end, tense, head (the
# character offset of the verb it hangs on, -1 for none), quarterly, figures, rate]
RawDate = Sequence[Any]
# a quote as a Doc stores it (the keys read here: cue, parts, speaker, type)
RawQuote = dict[str, Any]
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")
# an expression's value as an article gives it: (start, end, value, kind, the tag of its rule)
Dated = tuple[int, int, str | None, str, str]
_AROUND = 24  # characters before and after an expression its rules may read ("for the last year")


def statement_dates(
    text: str, quotes: list[RawQuote], mentions: list[RawDate], ref: dt.date | None
) -> list[str | None]:
    """The day each quote was given on: the day the expression attached to
    its cue names ("said on Sunday", "told reporters late Sunday night"),
    not a time inside what was said ("the first quarter is expected to");
    else the same speaker's previous statement's. Relative days count from
    the story's own day as the article's expressions do (:func:`story_day`:
    "said on Friday" in wire copy filed the day before it was published)."""
    ref = story_day(text, ref) or ref
    by_head: dict[int, tuple[int, int, str]] = {}
    for start, end, tense, head, *_ in mentions:
        if head >= 0:
            by_head.setdefault(head, (start, end, tense))
    days: list[str | None] = []
    last_by_speaker: dict[str, str | None] = {}
    for q in quotes:
        value: str | None = None
        if q["cue"] is not None and q["cue"][0] in by_head:
            start, end, tense = by_head[q["cue"][0]]
            v, kind, _ = normalise_tagged(text[start:end], ref, "past")
            said = any(a <= start < b for a, b in q["parts"])  # inside the words said
            if v and _DAY.match(v) and not said:
                value = v[:10]
        if value is None and q["speaker"] is not None:
            value = last_by_speaker.get(q["speaker"])
        if q["speaker"] is not None:
            last_by_speaker[q["speaker"]] = value
        days.append(value)
    return days


def _said_on(quotes: list[RawQuote], days: list[str | None]) -> Callable[[int], dt.date | None]:
    """The day of the dated direct (or mixed) quote whose words hold a
    position, if any. The cue between the parts of a quote is the
    reporter's: '"...," she said yesterday, "..."'."""
    dated = sorted(
        (a, b, dt.date.fromisoformat(d))
        for q, d in zip(quotes, days, strict=True)
        if q["type"] != "indirect" and d and len(d) == 10
        for a, b in q["parts"]
    )
    starts = [s for s, _, _ in dated]

    def day_at(pos: int) -> dt.date | None:
        k = bisect_right(starts, pos) - 1  # statements do not overlap
        return dated[k][2] if k >= 0 and pos < dated[k][1] else None

    return day_at


def article_dates(
    text: str,
    mentions: list[RawDate],
    ref: dt.date | None,
    quotes: list[RawQuote],
    days: list[str | None],
) -> list[Dated]:
    """``(start, end, value, kind, tag)`` for each expression that is a date,
    in reading order, with the tag of the rule that read it; ``days`` are the
    quotes' :func:`statement_dates`. One the NER found that has no value and
    no word of time ("Olympic", "seasonally") was never a date and is left
    out; real ones stay, with value None. Numeric dates are read day first
    when the article writes one that only reads so ("25/12/2008").
    Relative ones count from the story's own day when its dateline names
    one before the publication date (:func:`story_day`)."""
    said_on = _said_on(quotes, days)
    ref = story_day(text, ref) or ref  # a wire story filed the day before it was published
    day_first = writes_day_first(text) if "/" in text else False
    out: list[Dated] = []
    last_quarter: str | None = None  # the latest quarter the article named
    previous: str | None = None  # the latest calendar date it named ("that day" is that one)
    for start, end, tense, _head, quarterly, figures, *rate in mentions:
        anchor = said_on(start) or ref
        expr = text[start:end]
        quarter = sentence_quarter(expr, quarterly, figures, last_quarter, ref)
        around = {"lead": text[max(0, start - _AROUND) : start], "trail": text[end : end + _AROUND]}
        value, kind, tag = normalise_tagged(
            expr, anchor, tense, quarter, previous, **around, day_first=day_first, rate=bool(rate and rate[0])
        )
        if value is None and not looks_temporal(expr):
            continue
        if names_quarter(expr, value):
            last_quarter = value
        if kind in ("date", "time") and is_calendar(value):
            previous = value
        out.append((start, end, value, kind, tag))
    return out
