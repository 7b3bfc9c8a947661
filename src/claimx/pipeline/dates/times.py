"""Times of day: clock times ("10:30 a.m.", "21:30 UTC", "0600 GMT",
"noon", "4 in the morning", "8 o'clock tonight"), parts of the day ("this
morning", "last night", "mid-afternoon", "at dawn"), and a day refined by
either ("10 p.m. Wednesday" -> ``…T22:00``, "10:00 GMT Friday" ->
``…T10:00``, "Monday night" -> ``…TNI``, "dawn on Thursday" -> ``…TMO``).
A zone is no part of the value: TimeBank writes "5 p.m. EST" ``…T17:00``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.rules import Value, rule
from claimx.pipeline.dates.words import CLOCK_24, PARTS_OF_DAY, TURNS_OF_DAY

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

_SPOKEN_CLOCK = re.compile(
    r"\b(\d{1,2}(?::\d\d)?)(?:\s+o'clock)?\s+(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night)|(tonight|this\s+evening))\b"
)
_O_CLOCK = re.compile(r"\b(\d{1,2})\s+o'clock\b")
_PART_OF_DAY = re.compile(r"\b(morning|afternoon|evening|night|dawn|daybreak|sunrise|dusk|sunset|nightfall)\b")
_PARTS = PARTS_OF_DAY | TURNS_OF_DAY


def spoken_clock(low: str) -> str:
    """A clock time said in words written as one: "4 in the morning" ->
    "4 a.m.", "9 o'clock at night" -> "9 p.m.", "8 o'clock tonight" -> "8
    p.m. tonight", "6 o'clock this afternoon" -> "6 p.m. this afternoon";
    "8 o'clock" alone -> "8 a.m." (the hour as said, as TimeML reads it:
    T08:00)."""
    low = _SPOKEN_CLOCK.sub(
        lambda m: f"{m.group(1)} {'a' if m.group(2) == 'morning' else 'p'}.m." + (f" {m.group(4)}" if m.group(4) else ""),
        low,
    )
    later = re.search(r"\b(?:afternoon|evening|night|tonight)\b", low) is not None
    return _O_CLOCK.sub(lambda m: f"{m.group(1)} {'p' if later else 'a'}.m.", low)


def clock_value(m: re.Match[str]) -> str:
    """The TIMEX3 time of a clock match (:data:`.words.CLOCK`,
    :data:`.words.CLOCK_24`, or "noon", "midnight", "midday"): "10:30 p.m."
    -> "22:30", "21:30 UTC" -> "21:30" (TimeBank writes no zone: "5 p.m.
    EST" is T17:00), "0600 GMT" -> "06:00", "midnight" -> "24:00"."""
    if m.re is CLOCK_24:
        return f"{int(m.group(1) or m.group(3)):02d}:{m.group(2) or m.group(4)}"
    if m.group(1) in ("noon", "midday"):
        return "12:00"
    if m.group(1) == "midnight":
        return "24:00"
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{int(m.group(2) or 0):02d}"


_PAST_MIDNIGHT = re.compile(r"\b(?:past|after)\s+(?:(?:about|around|just|shortly|well|soon)\s+)?$")


def after_midnight(ctx: DateContext) -> bool:
    """Whether the clock time read is a midnight that opens a day: after
    "past" or "after" ("a debate that ran past midnight", "shortly after
    midnight Tuesday"). A midnight named alone or with its day ("at
    midnight Friday") ends that day: TimeBank writes "midnight Friday"
    ``…-27T24`` on that Friday, as ISO 8601 writes 24:00 for the end of a
    day and 00:00 for the start of the next."""
    m = ctx.clock
    if m is None or m.group(0) != "midnight":
        return False
    return _PAST_MIDNIGHT.search(ctx.low[: m.start()] or ctx.lead + " ") is not None


def day_opened(value: str) -> str:
    """A midnight ending a day written as the start of the next one:
    "2026-03-03T24:00" -> "2026-03-04T00:00" (any other value as it is)."""
    if not value.endswith("T24:00") or value.startswith("X"):
        return value.replace("T24:00", "T00:00")
    return f"{dt.date.fromisoformat(value[:10]) + dt.timedelta(days=1)}T00:00"


def _on_clock(d: dt.date | None, ctx: DateContext, m: re.Match[str]) -> str:
    """Day ``d`` (None: an unknown one) at the clock time ``m``: "past
    midnight" is 00:00 of the day after (:func:`after_midnight`)."""
    if after_midnight(ctx):
        return f"{(d + dt.timedelta(days=1)).isoformat() if d else 'XXXX-XX-XX'}T00:00"
    return f"{d.isoformat() if d else 'XXXX-XX-XX'}T{clock_value(m)}"


def on_day(d: dt.date, ctx: DateContext) -> Value:
    """Day ``d``, refined by a clock time ("10 p.m. Wednesday") or a part of
    the day ("Monday night") in the words read."""
    if ctx.clock:
        return _on_clock(d, ctx, ctx.clock), "time"
    pod = _PART_OF_DAY.search(ctx.low)
    if pod:
        return f"{d.isoformat()}T{_PARTS[pod.group(1)]}", "time"
    return d.isoformat(), "date"


@rule("last night", lambda ctx: ctx.low in ("last night", "overnight"))
def last_night(ctx: DateContext, _: bool) -> Value:
    """"last night", "overnight" -> the night before the reference date (``…TNI``)."""
    ref = ctx.ref
    return (f"{(ref - dt.timedelta(days=1)).isoformat()}TNI" if ref else None), "time"


@rule(
    "this <part of day>",
    r"(?:(?:earlier|later)\s+)?(?:this|that|the|in\s+the|mid(?!night)-?)\s*(morning|afternoon|evening|night)"
    r"|(dawn|daybreak|sunrise|dusk|sunset|nightfall)",
)
def part_of_day(ctx: DateContext, m: re.Match[str]) -> Value:
    """"this morning", "later this afternoon", "in the evening",
    "mid-afternoon", "dawn" -> that part of the reference date
    (``2025-08-17TMO``, ``…TAF``, ``…TMO``)."""
    ref = ctx.ref
    return (f"{ref.isoformat()}T{_PARTS[m.group(1) or m.group(2)]}" if ref else None), "time"


@rule("afternoon", r"(morning|afternoon|evening)")
def bare_part_of_day(ctx: DateContext, m: re.Match[str]) -> Value:
    """"afternoon" in "the afternoon session", "morning" in "morning
    trading" -> that part of the reference date (``2025-08-17TAF``), as
    "this afternoon" is; what names a kind of thing ("the morning talk
    show") is no date (:func:`.misreads.lookalike`)."""
    ref = ctx.ref
    return (f"{ref.isoformat()}T{_PARTS[m.group(1)]}" if ref else None), "time"


@rule("<clock time>", lambda ctx: ctx.clock)
def clock_time(ctx: DateContext, m: re.Match[str]) -> Value:
    """"3 p.m." -> ``2025-08-17T15:00`` on the reference date ("midnight" ->
    ``…T24:00``, "past midnight" ``…-18T00:00``, the next day's start); with
    no reference date, on an unknown day (``XXXX-XX-XXT15:00``)."""
    return _on_clock(ctx.ref, ctx, m), "time"
