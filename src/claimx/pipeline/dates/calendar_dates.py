"""Calendar dates: days and months named by the calendar ("Aug. 17, 2025",
"17 August", "2025-08-17", "8/17/2025", "August 2025", "June last
year", "December"), holidays ("Thanksgiving Day", "last Christmas") and
the week of a day ("the week of March 6", "Easter week"). A day or month
written without its year takes the reference date's, unless the tense
points more than a season the other way.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from claimx.pipeline.dates.holidays import HOLIDAY_RE, holiday
from claimx.pipeline.dates.numerals import spoken_year
from claimx.pipeline.dates.rules import Value, rule, search
from claimx.pipeline.dates.times import clock_value
from claimx.pipeline.dates.timex import iso_week
from claimx.pipeline.dates.words import MONTH_RE, WEEKDAY_RE, month_number

if TYPE_CHECKING:
    from claimx.pipeline.dates.context import DateContext

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_RE_MDY = re.compile(rf"(?:{WEEKDAY_RE},?\s+)?({MONTH_RE})\s+(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", re.I)
_RE_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\b(?:,?\s+(?:of\s+)?(\d{{4}}))?", re.I)
# a month the reference date can place: "early March", "the end of May", "June last year"
_MONTH_ALONE = re.compile(
    rf"(?:(?:early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|this|last|next|"
    rf"early\s+this|late\s+last)\s*-?\s*)?{MONTH_RE}\.?(?:\s+(?:this|last|next)\s+year)?",
    re.I,
)
_HOLIDAY = re.compile(rf"(?:(last|next|this)\s+)?({HOLIDAY_RE})(?:\s+(\d{{4}}))?")


def year_for(month: int, day: int | None, ref: dt.date, tense: str) -> int:
    """The year of a month(/day) given without one: the reference year,
    unless the tense points more than a couple of months the other way; a
    month alone in past narration two months or more after the reference
    date's is one gone by ("bought the firm in November", written in
    September -> the November before). Under a to-infinitive of a verb in
    the past (``tense`` "intended": "decided to close the plant in
    November"), the infinitive has no tense of its own and the decision
    is told as past: the nearer month of that name, behind or ahead
    ("decided to close it in November", written in April -> last
    November; "agreed to buy it in January", written in November -> the
    coming January)."""
    try:
        same = dt.date(ref.year, month, min(day or 15, 28) if day is None else day)
    except ValueError:
        return ref.year
    if day is None and tense == "past" and month >= ref.month + 2:
        return ref.year - 1  # (a month on, it may be what was said to come: "told of a cutback in September")
    days = (same - ref).days
    if tense == "intended":  # what a past decision set out to do: the nearer one, behind or ahead
        return ref.year - 1 if days > 182 else ref.year + 1 if days < -182 else ref.year
    if tense == "past" and days > 90:
        return ref.year - 1
    if tense == "future" and days < -90:
        return ref.year + 1
    if days > 240 and tense != "future":
        return ref.year - 1
    if days < -240 and tense != "past":
        return ref.year + 1
    return ref.year


def _month_value(month: int, low: str, ref: dt.date, tense: str) -> str:
    """The value of ``month`` named without a year in ``low`` ("June last
    year", "next March", "December")."""
    if re.search(r"\b(?:last|previous)\s+year\b", low):
        return f"{ref.year - 1}-{month:02d}"
    if re.search(r"\bnext\s+year\b", low):
        return f"{ref.year + 1}-{month:02d}"
    if re.search(r"\bthis\s+year\b", low) or low.startswith("this "):
        return f"{ref.year}-{month:02d}"
    if low.startswith("last "):
        return f"{ref.year - 1 if month >= ref.month - 1 else ref.year}-{month:02d}"
    if low.startswith("next "):
        return f"{ref.year + 1 if month <= ref.month else ref.year}-{month:02d}"
    return f"{year_for(month, None, ref, tense)}-{month:02d}"


_NTH_WEEK = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


@rule(
    "the first week of May",
    rf"(?:the\s+|in\s+the\s+)?(first|second|third|fourth|last|final)\s+week\s+of\s+({MONTH_RE})\.?(?:,?\s+(\d{{4}}))?",
    re.I,
)
def week_of_month(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the first week of May" -> 2025-W18, "the last week of June 2024" ->
    2024-W26: a week, at a week's granularity (TimeML 1.2.1 writes a value
    as fine as the expression: a week is ``YYYY-Wnn``, not the month). A
    month's first week is the one holding its first Thursday, its last the
    one holding its last Thursday (as ISO 8601 counts a year's weeks)."""
    month = month_number(m.group(2))
    if month is None or (ctx.ref is None and not m.group(3)):
        return None
    year = int(m.group(3)) if m.group(3) else year_for(month, None, ctx.ref, ctx.tense)  # type: ignore[arg-type]
    nth = _NTH_WEEK[m.group(1)]
    if nth > 0:
        first = dt.date(year, month, 1)
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
        return iso_week(thursday + dt.timedelta(weeks=nth - 1)), "date"
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return iso_week(last - dt.timedelta(days=(last.weekday() - 3) % 7)), "date"


@rule("the week of <date>", r"(?:the\s+)?week\s+of\s+(.+)|(.+?)\s+week")
def week_of(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"the week of March 6" -> that date's week (2024-W10); "Easter week"
    -> the week of the nearer Easter, whatever the tense ("last week" is
    left to :data:`.relative.this_unit`: its "last" is no day)."""
    read = ctx.engine  # the day inside is read by every rule
    if read is None:
        return None
    day = read(ctx.reading(m.group(1) or m.group(2)))[0]
    if not (day and _DAY.fullmatch(day)):
        return None
    near = dt.date.fromisoformat(day)
    ref = ctx.ref
    if m.group(2) and ref:  # a holiday's week: the nearer holiday, whatever the tense
        other = [read(ctx.reading(m.group(2), tense))[0] for tense in ("future", "past")]
        days = [near] + [dt.date.fromisoformat(d) for d in other if d and _DAY.fullmatch(d)]
        near = min(days, key=lambda d: abs((d - ref).days))
    return iso_week(near), "date"


@rule("2025-08-17", search(r"(\d{4})-(\d{2})-(\d{2})"))
def iso_date(ctx: DateContext, m: re.Match[str]) -> Value:
    """"2025-08-17" anywhere in the words -> 2025-08-17."""
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "date"


# a numeric date: "8/17/2025", "3/9/06" (not inside a longer number or a path)
NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")


def writes_day_first(text: str) -> bool:
    """Whether an article writes its numeric dates day first: more of them
    read only so ("25/12/2008") than only month first ("12/25/2008"); with
    none either way, no (American order, the wire's)."""
    first = second = 0
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        first += a > 12 >= b
        second += b > 12 >= a
    return first > second


@rule("8/17/2025", lambda ctx: NUMERIC_DATE.fullmatch(ctx.low))
def slash_date(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"8/17/2025" -> 2025-08-17; "8/17/98" -> 1998-08-17, "8/17/05" ->
    2005-08-17; "25/12/2008" -> 2008-12-25; "3/9/06" -> 2006-03-09, or
    2006-09-03 in an article that writes its dates day first."""
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    y = y + 2000 if y < 50 else y + 1900 if y < 100 else y
    month, day = (b, a) if a > 12 or (ctx.day_first and b <= 12) else (a, b)
    try:
        return dt.date(y, month, day).isoformat(), "date"
    except ValueError:
        return None


def _day_of(ctx: DateContext, m: re.Match[str], mi: int, di: int) -> Value | None:
    """The day a month-day match names (month in group ``mi``, day in
    ``di``, year in group 3), at the clock time of the words if any."""
    month = month_number(m.group(mi))
    if not month:
        return None
    day = int(m.group(di))
    if not 1 <= day <= 31:
        return None
    ref = ctx.ref
    year = int(m.group(3)) if m.group(3) else (year_for(month, day, ref, ctx.tense) if ref else None)
    date = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    if ctx.clock is None:
        return date, "date"
    return f"{date}T{clock_value(ctx.clock)}", "time"


@rule("<month> <day>", lambda ctx: _RE_MDY.search(ctx.text))
def month_day(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"Jan. 5, 2016" -> 2016-01-05; "Sunday (August 17)" -> 2025-08-17;
    "March 30" -> this year's or, when the tense points far the other way,
    the next or last; "5 p.m. EST, Nov. 6" -> 1989-11-06T17:00."""
    return _day_of(ctx, m, 1, 2)


@rule("<day> <month>", lambda ctx: _RE_DMY.search(ctx.text))
def day_month(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"17 August 2025", "the 17th of August" -> 2025-08-17."""
    return _day_of(ctx, m, 2, 1)


def _month_named(ctx: DateContext) -> re.Match[str] | None:
    """A month in the words as written (not "may" the verb: "may rise")."""
    m = _MONTH_YEAR.search(ctx.text)
    if m and month_number(m.group(1)) and not (
        m.group(1).lower() == "may" and ctx.low.startswith("may ") and not m.group(2)
    ):
        return m
    return None


@rule("<month> <year>", _month_named)
def month_year(ctx: DateContext, m: re.Match[str]) -> Value | None:
    """"August 2025" -> 2025-08; "June of nineteen ninety" -> 1990-06;
    "June last year" -> 2024-06; "December" said in February in the future
    -> 2024-12; with no reference date and no year -> null."""
    month = month_number(m.group(1))
    assert month is not None
    low = ctx.low
    if m.group(2):
        return f"{m.group(2)}-{month:02d}", "date"
    year_words = re.search(r"(\d{4})", low)
    if year_words:
        return f"{year_words.group(1)}-{month:02d}", "date"
    sy = spoken_year(re.sub(rf"^.*?{m.group(1).lower()}\s+", "", low))
    if sy:
        return f"{sy}-{month:02d}", "date"
    if ctx.ref is None:
        return None, "date"
    if _MONTH_ALONE.fullmatch(low):
        return _month_value(month, low, ctx.ref, ctx.tense), "date"
    return None


@rule("Thanksgiving", lambda ctx: ctx.ref is not None and _HOLIDAY.fullmatch(ctx.low.replace("’", "'")))
def holiday_date(ctx: DateContext, m: re.Match[str]) -> Value:
    """"Thanksgiving Day" -> 1999-11-25 said in January 2000 in the past;
    "Christmas 1998"; "next Easter"; "Memorial Day" ahead -> 2000-05-29.
    The year's own, unless the tense or "last"/"next" points across the
    reference date."""
    ref = ctx.ref
    assert ref is not None
    name = m.group(2)
    if m.group(3):
        return holiday(name, int(m.group(3))).isoformat(), "date"
    this_year = holiday(name, ref.year)
    which = m.group(1) or ("last" if ctx.tense == "past" else "next" if ctx.tense == "future" else "")
    if which == "last" and this_year > ref:
        return holiday(name, ref.year - 1).isoformat(), "date"
    if which == "next" and this_year < ref:
        return holiday(name, ref.year + 1).isoformat(), "date"
    return this_year.isoformat(), "date"
