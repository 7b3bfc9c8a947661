"""A point read as a stretch, or a stretch read as a point. "The day",
"the year", "the last quarter", "the past year", "the end of the year"
name a day, a year, a quarter (TimeML: a DATE, as TimeBank marks "over the past year" and "For the year,
volume was flat"), unless the words around them make them a stretch of
time (a DURATION): a preposition or a verb of lasting before them ("for
the last year", "spent the past year", "throughout the fiscal year"), or
an end after them ("the year ended March 31"). The noun alone decides
nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.durations import FOR, duration
from claimx.pipeline.dates.periods import reported_quarter
from claimx.pipeline.dates.rules import Value, rule
from claimx.pipeline.dates.timex import CALENDAR

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

# before a stretch of the calendar: "throughout the fiscal year" (not "for the year": its results)
_THROUGHOUT = r"\b(?:throughout|spent|spend|spends|spending|lasted|lasting)\s*$"
# after it, its end: "the year ended March 31", "the year ending tomorrow"
_ENDED = r"^(?:ended|ending|that\s+ended|which\s+ended|to\s+date)\b"
# a day named by the date before it: "Oct. 12, the day before the plunge"
_APPOSITION = r"(?:\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)),\s*$"
_STEP = {"before": -1, "after": 1}


@rule(
    "the day before <event>",
    lambda ctx: ctx.whole == "the day"
    and (m := re.match(r"(before|after)\b", ctx.trail))
    and not re.search(_APPOSITION, ctx.lead)
    and m,
)
def day_before(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the day after his death" with Oct. 23, 1998 named before ->
    1998-10-24; with no day named before, from the reference date. Not
    "Oct. 12, the day before the plunge": that day is Oct. 12."""
    c = CALENDAR.fullmatch(ctx.previous or "")
    day = dt.date(int(c.group(1)), int(c.group(2)), int(c.group(3))) if c and c.group(3) else ctx.ref
    return ((day + dt.timedelta(days=_STEP[m.group(1)])).isoformat() if day else None), "date"


@rule("the day before last Tuesday", r"(?:the\s+)?day\s+(before|after)\s+(.+)")
def day_before_date(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the day before last Tuesday's hearing" (said on Thursday 2000-02-24)
    -> 2000-02-21, "the day after Christmas" -> 12-26: one day from the
    day named, one expression (its own value, not the day's)."""
    read = ctx.engine  # the day inside is read by every rule (the normaliser sets it)
    if read is None:
        return None
    day = read(ctx.reading(re.sub(r"'s$", "", m.group(2))))[0]
    if not (day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)):
        return None
    return (dt.date.fromisoformat(day) + dt.timedelta(days=_STEP[m.group(1)])).isoformat(), "date"


_EVENT_AFTER = re.compile(r"^[a-z]")  # words, not a date, after it: "the week following the crash"


@rule(
    "the week following <event>",
    lambda ctx: ctx.ref is not None
    and (m := re.fullmatch(r"(?:the\s+)?(week|month)\s+(following|after|before|preceding|prior\s+to)", ctx.low))
    and (m.group(2) == "following" or _EVENT_AFTER.match(ctx.trail))
    and m,
)
def unit_around_event(ctx: DateContext, m: re.Match[str]) -> Value:
    """"the week following last month's squeeze" -> 1989-WXX, "the month
    before the vote" -> 1989-XX: a week or month counted from an event the
    text does not date, in the year of the date named before it (else the
    article's); TimeML 1.2.1 writes what is not known as X."""
    year = (ctx.previous or "")[:4] if re.match(r"\d{4}", ctx.previous or "") else str(ctx.ref.year)  # type: ignore[union-attr]
    return (f"{year}-WXX" if m.group(1) == "week" else f"{year}-XX"), "date"


@rule("the eighth day", r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
      r"\s+(?:straight\s+|consecutive\s+|successive\s+)?day")
def nth_day(ctx: DateContext, _: re.Match[str]) -> Value | None:
    """"today is the eighth day of Desert Shield", "it's the second day of
    an offensive" (in the present) -> the reference date (TimeBank); in
    the past no day can be told (null)."""
    return (ctx.ref.isoformat() if ctx.ref is not None and ctx.tense == "present" else None), "date"


@rule("the day", lambda ctx: ctx.low == "the day")
def the_day(ctx: DateContext, _: bool) -> Value:
    """"shares fell 3% on the day" -> the reference date (with a day named
    before, :mod:`.anaphora` has read it as that one)."""
    return (ctx.ref.isoformat() if ctx.ref is not None else None), "date"


@rule("the full year", r"(?:the\s+)?(?:current|full|fiscal|calendar|current\s+fiscal|full\s+fiscal)\s+year")
def full_year(ctx: DateContext, _: re.Match[str]) -> Value:
    """"the full year", "the current fiscal year" -> the year itself, 2025;
    "throughout the fiscal year" -> P1Y."""
    if re.search(_THROUGHOUT, ctx.lead):
        return "P1Y", "duration"
    return (str(ctx.ref.year) if ctx.ref else None), "date"


@rule(
    "the end of the year",
    r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest|balance|remainder)\s+of\s+(?:the|this)\s+year|"
    r"(?:earlier|later)\s+in\s+the\s+year|(?:the\s+)?year(?:'s|’s|-|\s)\s*end)",
)
def end_of_year(ctx: DateContext, _: re.Match[str]) -> Value:
    """"the end of the year", "earlier in the year", "year's end" -> the year itself, 2025."""
    return (str(ctx.ref.year) if ctx.ref else None), "date"


@rule("year-to-date", r"(?:the\s+)?year[- ]to[- ]date|so\s+far\s+this\s+year")
def year_to_date(ctx: DateContext, _: re.Match[str]) -> Value:
    """"up 12% year-to-date", "so far this year" -> 2025: the year (TimeBank
    marks "this year" of "so far this year" so)."""
    return (str(ctx.ref.year) if ctx.ref else None), "date"


@rule("the year", lambda ctx: ctx.low == "the year")
def the_year(ctx: DateContext, _: bool) -> Value:
    """"For the year, volume was flat", "a high for the year" -> 2025, the
    year itself; "the year ended March 31", "throughout the year" -> P1Y:
    a stretch of one."""
    if re.search(_ENDED, ctx.trail) or re.search(_THROUGHOUT, ctx.lead) or ctx.ref is None:
        return "P1Y", "duration"
    return str(ctx.ref.year), "date"


@rule("the last year", r"the\s+(?:last|past)\s+(year|quarter)")
def last_unit(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"over the past year", "in the last year" -> 2024, the year before the
    reference date's; "the last quarter" -> the latest quarter finished
    (2025-Q2 said in August 2025); "for the last year", "spent the past
    year" -> P1Y: a stretch back from now."""
    if re.search(FOR, ctx.lead):
        return duration(m.group(1)), "duration"
    if ctx.ref is None:
        return None, "date"  # "over the past year" with nothing to count from: a date, value null
    if m.group(1) == "year":
        return str(ctx.ref.year - 1), "date"
    return reported_quarter(ctx.ref), "date"
