"""Relative days and weeks: what counts from the reference date
("yesterday", "two days ago", "Monday", "last week", "next month", "over
the weekend", "the end of the month", "the coming months"), in the
direction the tense points ("Monday" said in the past is the last one, in the future the
next).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.durations import DURATION_MODIFIERS, VAGUE_COUNT, duration
from claimx.pipeline.dates.numerals import parse_number
from claimx.pipeline.dates.rules import Rewrite, Value, rule, search, whole
from claimx.pipeline.dates.times import on_day
from claimx.pipeline.dates.timex import iso_week, shift_month
from claimx.pipeline.dates.words import SEASONS, UNIT_WORD, WEEKDAY_WORD, WEEKDAYS

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext


def weekday_date(wd: int, ref: dt.date, tense: str, mod: str | None = None) -> dt.date:
    """The weekday ``wd`` (0 = Monday) nearest ``ref`` on the side ``mod``
    ("last", "next") or else the tense points to; ``ref``'s own weekday is
    ``ref`` itself unless ``mod`` says otherwise. Under a to-infinitive or a
    plan told in the past (``tense`` "intended": "decided to close the
    plant on Thursday", "a service planned for Saturday was cancelled")
    the nearer such weekday, behind or ahead."""
    delta = (wd - ref.weekday()) % 7  # days forward to the next such weekday (0 = today)
    if mod == "next":
        return ref + dt.timedelta(days=delta or 7)
    if mod == "last":
        return ref - dt.timedelta(days=(7 - delta) % 7 or 7)
    if tense == "future":
        return ref + dt.timedelta(days=delta)
    back = (7 - delta) % 7
    if tense == "intended" and delta < back:  # what a past decision set out to do: the nearer one
        return ref + dt.timedelta(days=delta)
    return ref - dt.timedelta(days=back)


@rule("the coming <units>", rf"(?:the\s+)?(?:coming|upcoming)\s+{UNIT_WORD}")
def coming_units(ctx: DateContext, _: re.Match[str]) -> Value | None:
    """"coming months", "the upcoming weeks" -> FUTURE_REF ("the coming
    week", one, is left to the rules after)."""
    return ("FUTURE_REF", "date") if ctx.low.endswith("s") else None


@rule("<duration> later", lambda ctx: ctx.low.endswith(" later") and duration(ctx.low[: -len(" later")]))
def later_stretch(ctx: DateContext, dur: str) -> Value:
    """"a minute and a half later" -> PT1M30S: the stretch, marked as such
    (TimeML: "later" is a signal)."""
    return dur, "duration"


@rule("<n> <unit> ago", rf"(.*?)\s*{UNIT_WORD}\s+(ago|earlier|before|later|from\s+now|after|hence)")
def ago(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"two days ago" -> 2025-08-15, "a year earlier" -> 2024, "three weeks
    from now" -> that week; "Three days later", "A day earlier" -> P3D, P1D
    (a stretch that ends where it points); "years ago" -> PAST_REF."""
    ref = ctx.ref
    if ref is None:
        return None
    count = DURATION_MODIFIERS.sub("", (m.group(1) or "") + " ").strip()
    n = parse_number(count) if count else 1
    unit = m.group(2)
    sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
    ends_there = m.group(3) == "later" or (m.group(3) == "earlier" and unit in ("second", "minute", "hour", "day"))
    if ends_there and (dur := duration(ctx.low[: m.start(3)].strip())):
        return dur, "duration"
    if n is None or count in VAGUE_COUNT:
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "date"
    k = int(n)
    if unit == "fortnight":  # "a fortnight ago": two weeks ago
        unit, k = "week", 2 * k
    if unit in ("day", "night"):
        return (ref + dt.timedelta(days=sign * k)).isoformat(), "date"
    if unit == "week":
        return iso_week(ref + dt.timedelta(weeks=sign * k)), "date"
    if unit == "month":
        y, mo = shift_month(ref.year, ref.month, sign * k)
        return f"{y}-{mo:02d}", "date"
    if unit == "year":
        return str(ref.year + sign * k), "date"
    if unit == "decade":
        return str(ref.year + sign * 10 * k)[:3], "date"
    return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "date"


_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}


def _relative_day(ctx: DateContext) -> str | None:
    """The first of :data:`_RELATIVE_DAYS` the words are, start or end with."""
    low = ctx.low
    return next(
        (p for p in _RELATIVE_DAYS if low == p or low.startswith(p + " ") or low.endswith(" " + p)), None
    )


@rule("yesterday", _relative_day)
def relative_day(ctx: DateContext, phrase: str) -> Value:
    """"yesterday" -> 2025-08-16, "tomorrow night" -> 2025-08-18TNI,
    "tonight" -> 2025-08-17TNI, "8 o'clock tonight" -> 2025-08-17T20:00,
    "the day after tomorrow" -> 2025-08-19."""
    if ctx.ref is None:
        return None, "date"
    d = ctx.ref + dt.timedelta(days=_RELATIVE_DAYS[phrase])
    if phrase == "tonight" and ctx.clock is None:
        return f"{d.isoformat()}TNI", "time"
    return on_day(d, ctx)


@rule("the same day", r"(?:earlier|later)\s+(?:in\s+)?the\s+day|(?:that|the\s+same)\s+day|this\s+day")
def same_day(ctx: DateContext, _: re.Match[str]) -> Value:
    """"later in the day", "the same day", "this day" -> the reference date
    (with a date named before, :mod:`.anaphora` has counted from that)."""
    return (ctx.ref.isoformat() if ctx.ref else None), "date"


@rule("<weekday>", search(rf"(?:\b(last|next|this|early|late|earlier|later)\s+)?\b{WEEKDAY_WORD}\b(?:'s)?"))
def weekday(ctx: DateContext, m: re.Match[str]) -> Value:
    """"Monday" -> the last Monday (2025-08-11) in the past, the next
    (2025-08-18) in the future; "next Friday"; "10 p.m. Wednesday" ->
    2025-08-13T22:00; "Monday night" -> …TNI."""
    if ctx.ref is None:
        return None, "date"
    return on_day(weekday_date(WEEKDAYS[m.group(2)], ctx.ref, ctx.tense, m.group(1)), ctx)


@rule(
    "Tuesday of Monday and Tuesday",
    lambda ctx: ctx.ref is not None and ctx.previous is not None and len(ctx.previous) == 10
    and re.fullmatch(WEEKDAY_WORD, ctx.whole) and re.search(rf"{WEEKDAY_WORD}\s*(?:and|or|to|through|-|–)$", ctx.lead),
)
def weekday_of_pair(ctx: DateContext, _: re.Match[str]) -> Value | None:
    """The second weekday of a pair lies on the same side of the article's
    date as the first: "talks on Monday and Tuesday", written on a Tuesday
    about the days ahead, are next Monday and next Tuesday (not today);
    "met on Friday and Thursday" are the days just gone. None (the
    :func:`weekday` rule reads it) when the plain reading already agrees."""
    assert ctx.ref is not None and ctx.previous is not None
    first = dt.date.fromisoformat(ctx.previous)
    wd = WEEKDAYS[ctx.whole]
    d = weekday_date(wd, ctx.ref, ctx.tense)
    if first > ctx.ref >= d:
        d = weekday_date(wd, ctx.ref, ctx.tense, "next")
    elif first < ctx.ref <= d:
        d = weekday_date(wd, ctx.ref, ctx.tense, "last")
    else:
        return None
    return d.isoformat(), "date"


_BRACKET_THEN_DAY = re.compile(
    rf"^(?:\([^()]{{1,20}}\)|\))\s*,?\s*(?:on\s+)?{WEEKDAY_WORD}\b|^\([^()]{{0,20}}?\b{WEEKDAY_WORD}\b[^()]{{0,6}}\)"
)


@rule("10:35 a.m. (0735 GMT) Friday", lambda ctx: ctx.ref is not None and ctx.clock and _BRACKET_THEN_DAY.match(ctx.trail))
def clock_before_bracket(ctx: DateContext, m: re.Match[str]) -> Value:
    """A clock time, the same time in another zone in brackets, then the
    day: "at about 10:35 a.m. (0735 GMT) Friday" -> that Friday at 10:35,
    and "0735 GMT" in the brackets that Friday at 07:35 (one time and its
    day, as "10 p.m. Wednesday" is); "at 4 in the morning (4 a.m. EDT
    Thursday)" -> the Thursday named in the brackets."""
    assert ctx.ref is not None
    return on_day(weekday_date(WEEKDAYS[m.group(1) or m.group(2)], ctx.ref, ctx.tense), ctx)


@rule(
    "the end of the month",
    r"(?:the\s+)?(?:end|beginning|start|middle|rest|balance|remainder)\s+of\s+(?:the|this)\s+(month|week)",
)
def end_of_month(ctx: DateContext, m: re.Match[str]) -> Value:
    """"the end of the month" -> 2025-08; "the middle of this week" -> 2025-W33."""
    ref = ctx.ref
    return ((f"{ref.year}-{ref.month:02d}" if m.group(1) == "month" else iso_week(ref)) if ref else None), "date"


this_past = Rewrite(
    "this past <week>", re.compile(r"^this\s+past\s+(?=week|weekend|month)"), "last ",
    '"this past weekend" -> "last weekend"',
)


@rule(
    "this <unit>",
    r"(this|last|next|past|coming|the\s+past|the\s+coming|the\s+next|the\s+last|the\s+current|"
    r"earlier\s+this|later\s+this|the\s+previous|the\s+following|a|the)\s+"
    r"(week|weekend|month|year|spring|summer|fall|autumn|winter|quarter|decade|century)",
)
def this_unit(ctx: DateContext, m: re.Match[str]) -> Value:
    """"last week" -> 2025-W32, "next month" -> 2025-09, "this summer" ->
    2025-SU, "the weekend" -> the one gone by (2025-W33-WE said on a
    weekday in the past); "the past decade" -> 201; "the coming year",
    "a decade" -> P1Y, P1DE (a stretch of one)."""
    ref = ctx.ref
    which, unit = m.group(1), m.group(2)
    back_decade = which in ("the last", "the past", "past") and unit == "decade"
    if which in ("the past", "the last", "the coming", "the next", "past", "coming") and unit not in SEASONS:
        if not back_decade:
            return duration(unit), "duration"
    elif which in ("a",):
        return duration(unit), "duration"
    if ref is None:
        return None, "date"  # "next year", "last month" with nothing to count from: a date, value null
    if back_decade:
        return str(ref.year - 10)[:3], "date"
    step = {"last": -1, "next": 1, "the previous": -1, "the following": 1}.get(which, 0)
    if unit == "weekend" and which == "the" and (
        ctx.tense == "past" and ref.weekday() <= 4 or ctx.tense == "present" and ref.weekday() <= 2
    ):
        step = -1  # "over the weekend": one gone by, unless said on it
    return _unit_from(ref, unit, step), "date"


def _unit_from(ref: dt.date, unit: str, step: int) -> str:
    """The ``unit`` (week, weekend, month, year, quarter, decade, century or
    season) ``step`` units from the one holding ``ref``."""
    if unit == "week":
        return iso_week(ref + dt.timedelta(weeks=step))
    if unit == "weekend":
        return iso_week(ref + dt.timedelta(weeks=step)) + "-WE"
    if unit == "month":
        y, mo = shift_month(ref.year, ref.month, step)
        return f"{y}-{mo:02d}"
    if unit == "year":
        return str(ref.year + step)
    if unit == "quarter":
        q = (ref.month - 1) // 3 + 1 + step
        y = ref.year + (q - 1) // 4
        return f"{y}-Q{(q - 1) % 4 + 1}"
    if unit == "decade":
        return str(ref.year + 10 * step)[:3]
    if unit == "century":
        return f"{ref.year // 100 + step:02d}"
    return f"{ref.year + step}-{SEASONS[unit]}"


@rule("the year-ago", whole(r"(?:the\s+)?year[- ](?:ago|earlier)"))
def year_ago(ctx: DateContext, _: re.Match[str]) -> Value | None:
    """"the year-ago" (with no quarter in its sentence) -> last year, 2024."""
    return (str(ctx.ref.year - 1), "date") if ctx.ref is not None else None
